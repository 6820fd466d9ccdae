"""File names made from text (文件名): office names for task sheets, notice names in a batch.

One sanitiser for every file yaodian names: the result is accepted by Windows, macOS and Linux
file systems alike, and stays readable (CJK punctuation such as 〈〉 is legal everywhere and kept).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Characters no file system accepts (Windows is the strictest); controls, format characters
# (a right-to-left override can disguise a name), surrogates, private-use and unassigned code
# points; line separators. Other spaces (U+3000, NBSP) become plain spaces.
_FORBIDDEN_CHARS = set('\\/:*?"<>|')
_UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_SPACES = re.compile(r" {2,}")
# Windows device names, also with superscript digits (COM¹), the console's CONIN$/CONOUT$, and
# with spaces before a suffix ("aux .科": Windows drops the spaces and opens the device).
_WINDOWS_RESERVED = re.compile(
    r"^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³]) *(\..*)?$", re.IGNORECASE
)

# 255 bytes is the common file-name limit; CJK takes 3 bytes in UTF-8, leave room for suffixes.
MAX_NAME_BYTES = 200


def _file_char(ch: str) -> str:
    category = unicodedata.category(ch)
    if ch in _FORBIDDEN_CHARS or category in _UNSAFE_CATEGORIES:
        return "_"
    return " " if category == "Zs" else ch


def safe_stem(name: str, *, fallback: str, max_bytes: int = MAX_NAME_BYTES) -> str:
    """A file-name stem every file system accepts.

    `/ \\ : * ? " < > |`, control and invisible format characters become `_`; runs of spaces
    become one; leading dots (hidden files) and trailing dots and spaces (Windows drops them)
    go; reserved device names (CON, NUL…) get a `_`; at most `max_bytes` UTF-8 bytes;
    `fallback` when nothing is left."""
    stem = unicodedata.normalize("NFC", name)
    stem = _SPACES.sub(" ", "".join(map(_file_char, stem))).strip().rstrip(". ").lstrip(".") or fallback
    if _WINDOWS_RESERVED.match(stem):
        stem = "_" + stem
    while len(stem.encode("utf-8")) > max_bytes:
        stem = stem[:-1]
    return stem


def unique_name(stem: str, taken: Iterable[str], suffix: str) -> str:
    """`stem + suffix`, or with `-2`, `-3`… when taken, without regard to case (Windows and
    macOS file systems ignore it)."""
    used = {t.casefold() for t in taken}
    candidate, k = stem + suffix, 2
    while candidate.casefold() in used:
        candidate = f"{stem}-{k}{suffix}"
        k += 1
    return candidate


def safe_filename(name: str, taken: Iterable[str] = (), *, suffix: str = ".docx") -> str:
    """A file name from an office name, unique within `taken` (see `safe_stem`)."""
    return unique_name(safe_stem(name, fallback="科室"), taken, suffix)


def missing_path_hint(name: str) -> str:
    """What to add to "file not found" for a path written the Windows way on another system
    (`samples\\changde-2024.txt` on Linux or macOS, where "\\" is part of the name)."""
    import os
    from pathlib import Path

    if "\\" not in name or os.sep == "\\":
        return ""
    fixed = name.replace("\\", "/")
    there = "（该文件存在）" if Path(fixed).exists() else ""
    return f"路径中的“\\”在这台电脑上不是分隔符，请改用“/”：{fixed}{there}。"
