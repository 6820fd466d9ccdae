"""Reading: a path or bytes in, plain text lines out (the first stage of read → parse → write).

Every input format ends up as `Document`: the text, one paragraph a line, and where it came
from. Readers for formats other than text import their libraries inside the function.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from yaodian.errors import InputError
from yaodian.model import Source
from yaodian.reading.text import decode_text

# A notice is a few hundred kilobytes at most; anything far larger is not one.
MAX_INPUT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, kw_only=True)
class Document:
    """Text read from one input, one paragraph a line, with its source description."""

    text: str
    source: Source


# Suffix → reader(bytes, display name) → (text, encoding or format detail). Other modules
# (docx, pdf, html) register themselves here lazily through `_reader_for`.
def _reader_for(suffix: str) -> Callable[[bytes, str], tuple[str, str]] | None:
    suffix = suffix.lower()
    if suffix == ".docx":
        from yaodian.reading.docx import read_docx

        return read_docx
    if suffix == ".pdf":
        from yaodian.reading.pdf import read_pdf

        return read_pdf
    if suffix in (".html", ".htm", ".xhtml", ".mhtml", ".shtml"):
        from yaodian.reading.html import read_html

        return read_html
    if suffix in (".doc", ".wps", ".rtf", ".odt"):
        from yaodian.reading.legacy import read_legacy

        return read_legacy
    return None


def format_of(name: str) -> str:
    """The input format a file name implies: txt, docx, pdf, html or doc."""
    suffix = Path(name).suffix.lower()
    return {
        ".docx": "docx",
        ".pdf": "pdf",
        ".html": "html",
        ".htm": "html",
        ".xhtml": "html",
        ".shtml": "html",
        ".mhtml": "html",
        ".doc": "doc",
        ".wps": "doc",
        ".rtf": "doc",
        ".odt": "doc",
    }.get(suffix, "txt")


def read_bytes(data: bytes, name: str, *, encoding: str | None = None) -> Document:
    """Turn the bytes of one input into a `Document`; `name` is used in messages and the source."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"{name}：文件过大（{len(data) // 1024 // 1024} MB），不像是一份通知；请确认文件是否正确。"
        )
    fmt = format_of(name)
    reader = _reader_for(Path(name).suffix) if fmt != "txt" else None
    if reader is None:
        text, detail = decode_text(data, name, encoding=encoding)
    else:
        text, detail = reader(data, name)
    sha = hashlib.sha256(data).hexdigest()
    return Document(text=text, source=Source(path=name, format=fmt, encoding=detail, sha256=sha))


def read_path(path: str | Path, *, encoding: str | None = None) -> Document:
    """Read a file (or standard input for "-") into a `Document`."""
    name = str(path)
    if name == "-":
        return read_bytes(sys.stdin.buffer.read(), "<标准输入>", encoding=encoding)
    p = Path(path)
    if not p.exists():
        raise InputError(f"{name}：文件不存在；请检查路径是否写对。")
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
    return read_bytes(data, name, encoding=encoding)
