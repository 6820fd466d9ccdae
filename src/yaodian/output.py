"""Writing output files safely: checked before any work is done, written to a temporary file in
the same folder and renamed into place, so a failure never leaves a half-written file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from yaodian.controls import strip_controls
from yaodian.errors import OutputError


def check_destination(path: str | Path, *, force: bool = False, directory: bool = False) -> Path:
    """Fail early, before any work, when `path` cannot or may not be written."""
    p = Path(path)
    if directory:
        if p.exists() and not p.is_dir():
            raise OutputError(f"{p}：已存在同名文件，不能作为输出文件夹；请换一个文件夹名。")
        parent = p if p.exists() else p.parent
    else:
        if p.is_dir():
            raise OutputError(f"{p}：这是一个文件夹；请给出输出文件名，例如 {p / 'out.xlsx'}。")
        if p.exists() and not force:
            raise OutputError(f"{p}：文件已存在；如需覆盖请加 --force。")
        parent = p.parent
    parent = parent if str(parent) else Path(".")
    if not parent.exists():
        if directory:
            return p
        raise OutputError(f"{p}：所在文件夹 {parent} 不存在；请先创建该文件夹。")
    if not parent.is_dir():
        raise OutputError(f"{p}：{parent} 不是文件夹；请检查输出路径。")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{p}：没有写入 {parent} 的权限；请换一个输出位置。")
    return p


@contextlib.contextmanager
def atomic_output(path: str | Path, *, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path next to `path`; rename it into place only if the block succeeds."""
    target = check_destination(path, force=force)
    parent = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(f"{target}：无法写入（{exc.strerror or exc}）；请检查输出位置。") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        # mkstemp makes the file private (0600); give it the permissions a plain save would.
        os.chmod(tmp, 0o666 & ~_umask())
        if target.exists() and not force:
            raise OutputError(f"{target}：文件已存在；如需覆盖请加 --force。")
        os.replace(tmp, target)
    except OSError as exc:
        if isinstance(exc, OutputError):
            raise
        raise OutputError(f"{target}：写入失败（{exc.strerror or exc}）；请检查磁盘空间和权限。") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _collect_quietly() -> None:
    """Collect the half-closed writers a failed save leaves behind without their second
    failure printing "Exception ignored in …" on the user's terminal."""
    import gc
    import sys

    hook = sys.unraisablehook
    sys.unraisablehook = lambda _: None
    try:
        gc.collect()
    finally:
        sys.unraisablehook = hook


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: str | Path, text: str, *, force: bool = False, bom: bool = False) -> None:
    """Write text as UTF-8 (with a BOM when asked, for Excel's CSV import), atomically."""
    with atomic_output(path, force=force) as tmp:
        tmp.write_text(("\ufeff" if bom else "") + strip_controls(text), encoding="utf-8", newline="")


def write_bytes(path: str | Path, data: bytes, *, force: bool = False) -> None:
    """Write bytes atomically."""
    with atomic_output(path, force=force) as tmp:
        tmp.write_bytes(data)


class Saveable(Protocol):
    """An openpyxl workbook or a python-docx document: anything with `save(path)`."""

    def save(self, target: Any) -> object: ...


def save_document(document: Saveable, tmp: Path) -> None:
    """Save a workbook or document into `tmp` through memory: openpyxl and python-docx write
    their zip straight to the file and, when a write fails (disk full), leave the zip to fail
    again in `ZipFile.__del__` ("Exception ignored …"). A plain write of the bytes fails once,
    cleanly, and `atomic_output` then removes the temporary file."""
    import io

    buf = io.BytesIO()
    failure: OSError | None = None
    try:
        document.save(buf)
    except Exception as exc:
        # openpyxl serialises each sheet through a temporary file first: a full disk surfaces
        # there, as an OSError or lxml's SerialisationError (IO_ENOSPC, IO_EFBIG).
        if not (isinstance(exc, OSError) or type(exc).__name__ == "SerialisationError"):
            raise
        failure = OSError(getattr(exc, "errno", None) or 28, f"临时文件写入失败：{exc}")
    if failure is not None:
        _collect_quietly()
        raise failure
    tmp.write_bytes(buf.getbuffer())


def save_built(build: Callable[[], Saveable], path: str | Path, *, force: bool = False) -> Path:
    """Check the destination, then build the document and save it atomically.

    The check comes first so that an existing file without --force stops before any work."""
    target = check_destination(path, force=force)
    document = build()
    with atomic_output(target, force=force) as tmp:
        save_document(document, tmp)
    return target
