"""Reading: a path or bytes in, plain text lines out (the first stage of read → parse → write).

Every input format ends up as `Document`: the text, one paragraph a line, and where it came
from. `formats` decides what a file is, by its first bytes; each reader module handles one
format and imports its libraries inside the function; readers never import each other (tables
are shared through `tables`, text decoding through `yaodian.decoding`).
"""

from __future__ import annotations

import hashlib
import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from yaodian.controls import strip_controls
from yaodian.errors import InputError
from yaodian.model import Source
from yaodian.reading.formats import BY_NAME, TXT, Format, choose

if TYPE_CHECKING:
    from yaodian.reading.ocr_options import OcrOptions

# A notice is a few hundred kilobytes at most; anything far larger is not one.
MAX_INPUT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, kw_only=True)
class Document:
    """Text read from one input, one paragraph a line, with its source description."""

    text: str
    source: Source


def read_bytes(
    data: bytes, name: str, *, encoding: str | None = None, ocr: OcrOptions | None = None
) -> Document:
    """Turn the bytes of one input into a `Document`; `name` is used in messages and the source.

    `ocr` says when scanned pages are recognised (default: pages without text, one at a time)."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"{name}：文件过大（{len(data) // 1024 // 1024} MB），不像是一份通知；请确认文件是否正确。"
        )
    choice = choose(data, name)
    text, detail, scanned = _read(choice.format, data, name, encoding, ocr)
    text = strip_controls(text)
    sha = hashlib.sha256(data).hexdigest()
    source = Source(
        path=name,
        format=choice.format.name,
        encoding=detail,
        sha256=sha,
        note=choice.note,
        ocr_pages=scanned.pages if scanned else (),
        low_confidence_pages=scanned.low_confidence if scanned else (),
    )
    return Document(text=text, source=source)


def _read(
    fmt: Format, data: bytes, name: str, encoding: str | None, ocr: OcrOptions | None
) -> tuple[str, str, Any]:
    """Run the format's reader; a converter's output is read in turn by the next format's.

    Readers that may recognise scanned pages also return which pages they recognised."""
    if fmt.ocr:
        text, detail, scanned = _reader(fmt)(data, name, ocr=ocr)
        return text, detail, scanned
    result = _reader(fmt)(data, name, encoding=encoding) if fmt is TXT else _reader(fmt)(data, name)
    if fmt.then is None:
        return (*cast(tuple[str, str], result), None)
    converted, route = result
    text, _ = _reader(BY_NAME[fmt.then])(converted, name)
    return text, route, None


def _reader(fmt: Format) -> Callable[..., Any]:
    module, function = fmt.reader.split(":")
    return cast(Callable[..., Any], getattr(importlib.import_module(module), function))


def read_path(path: str | Path, *, encoding: str | None = None, ocr: OcrOptions | None = None) -> Document:
    """Read a file (or standard input for "-") into a `Document`."""
    name = str(path)
    if name == "-":
        return read_bytes(sys.stdin.buffer.read(), "<标准输入>", encoding=encoding, ocr=ocr)
    p = Path(path)
    if not p.exists():
        from yaodian.filenames import missing_path_hint

        raise InputError(f"{name}：文件不存在；请检查路径是否写对。{missing_path_hint(name)}")
    if p.is_dir():
        raise InputError(
            f"{name}：这是一个文件夹，不是文件；请给出通知文件的路径（批量处理文件夹请用 yaodian batch）。"
        )
    try:
        size = p.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(
                f"{name}：文件过大（{size // 1024 // 1024} MB），不像是一份通知；请确认文件是否正确。"
            )
        data = p.read_bytes()
    except PermissionError as exc:
        raise InputError(f"{name}：没有读取权限；请检查文件权限。") from exc
    except OSError as exc:
        raise InputError(f"{name}：无法读取（{exc.strerror or exc}）。") from exc
    return read_bytes(data, name, encoding=encoding, ocr=ocr)
