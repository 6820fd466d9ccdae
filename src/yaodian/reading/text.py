"""Reading plain text files (.txt): decoded by `yaodian.decoding`, refused when the result is
clearly not text (a binary file with a text name)."""

from __future__ import annotations

import re

from yaodian.decoding import decode
from yaodian.errors import InputError

# C0/C1 controls other than tab and line breaks: text files have none, binary files many.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def read_text(data: bytes, name: str, *, encoding: str | None = None) -> tuple[str, str]:
    """Text of a text file; the detail is the encoding used."""
    text, used = decode(data, name, encoding=encoding)
    head = text[:20000]
    if len(_CONTROL.findall(head)) > max(3, len(head) // 100):
        raise InputError(
            f"{name}：内容含大量控制字符，不像是文本文件；请给出 .txt/.docx/.pdf/.html 格式的通知。"
        )
    return text, used
