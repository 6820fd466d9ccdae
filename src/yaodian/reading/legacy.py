"""Old Word files (.doc), WPS files (.wps), RTF and OpenDocument: converted by LibreOffice.

`soffice --headless --convert-to docx` turns them into .docx, which the .docx reader then reads
(`yaodian.reading` chains the two). Many ".doc" files downloaded from government sites are
really web pages or .docx files with the wrong name: `reading.formats` recognises those by
their first bytes, and they never reach LibreOffice.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from yaodian.errors import InputError
from yaodian.reading.formats import LEGACY_SUFFIXES, OLE2, legacy_suffix

CONVERT_TIMEOUT = 120


def _windows_folders() -> list[Path]:
    roots = [os.environ[v] for v in ("PROGRAMFILES", "PROGRAMFILES(X86)", "PROGRAMW6432") if v in os.environ]
    roots += [r"C:\Program Files", r"C:\Program Files (x86)"]
    return [Path(root) / "LibreOffice" / "program" / "soffice.exe" for root in dict.fromkeys(roots)]


def _install_folders() -> list[Path]:
    """Where LibreOffice's installer puts `soffice` when it is not on PATH (it never is on
    Windows and macOS)."""
    mac = [
        Path(p) / "LibreOffice.app/Contents/MacOS/soffice"
        for p in ("/Applications", Path.home() / "Applications")
    ]
    linux = sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True)
    linux += [Path("/usr/lib/libreoffice/program/soffice"), Path("/snap/bin/libreoffice")]
    return _windows_folders() + mac + linux


def find_soffice() -> str | None:
    """The LibreOffice command on this machine, if any: on PATH, else in a standard install
    folder."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((str(p) for p in _install_folders() if p.is_file()), None)


def convert_to_docx(data: bytes, name: str) -> tuple[bytes, str]:
    """The bytes of the .docx LibreOffice makes of a .doc/.wps/.rtf/.odt file, and the route
    taken ("doc→docx")."""
    suffix = Path(name).suffix.lower()
    if suffix not in LEGACY_SUFFIXES or (suffix == ".wps" and data.startswith(OLE2)):
        # LibreOffice picks its import filter by the suffix. Kingsoft WPS text files are Word 97
        # binaries inside; a file that got here under another name is named by its content.
        suffix = legacy_suffix(data)
    soffice = find_soffice()
    if soffice is None:
        raise InputError(
            f"{name}：这是旧版 Word/WPS 文件，需要 LibreOffice 才能读取，但本机未安装；"
            "请用 Word 或 WPS 打开后“另存为” .docx 格式再处理，或安装 LibreOffice（soffice）。"
        )
    with tempfile.TemporaryDirectory(prefix="yaodian-soffice-") as tmp:
        tmp_path = Path(tmp)
        source = tmp_path / f"input{suffix}"
        source.write_bytes(data)
        outdir = tmp_path / "out"
        # A private profile: a user's running LibreOffice (or a parallel yaodian) would
        # otherwise hold the profile lock and the conversion would silently do nothing.
        profile = (tmp_path / "profile").as_uri()
        args = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(outdir),
            str(source),
        ]
        try:
            proc = subprocess.Popen(
                args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
            )
        except OSError as exc:
            raise InputError(
                f"{name}：无法启动 LibreOffice（{exc}）；请用 Word 或 WPS 另存为 .docx 再处理。"
            ) from exc
        try:
            _, err = proc.communicate(timeout=CONVERT_TIMEOUT)
        except subprocess.TimeoutExpired as exc:
            with contextlib.suppress(OSError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise InputError(
                f"{name}：LibreOffice 转换超时（{CONVERT_TIMEOUT} 秒）；请用 Word 或 WPS 另存为 .docx 再处理。"
            ) from exc
        result = outdir / "input.docx"
        if not result.exists():
            detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] if err else []
            hint = f"（{detail[0]}）" if detail else ""
            raise InputError(
                f"{name}：LibreOffice 无法转换此文件{hint}，文件可能已损坏；请用 Word 或 WPS 打开后另存为 .docx 再处理。"
            )
        return result.read_bytes(), f"{suffix.lstrip('.')}→docx"
