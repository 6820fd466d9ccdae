"""Decoding text files. Order beats detection on short Chinese text: BOM, strict UTF-8, strict
GB18030 (GBK and GB2312 are subsets), UTF-16 by its NUL pattern, and only then a detector."""

from __future__ import annotations

import codecs
import re

from yaodian.errors import DecodeError, InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Names users type for the Chinese legacy encodings; all are read as their superset GB18030.
_GB_NAMES = {"gbk", "gb2312", "gb18030", "cp936", "euc-cn", "gb-2312", "ms936"}


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes present, and one byte order decodes to plausible text
    (Chinese, ASCII, CJK punctuation) while the other does not."""
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data[:4000]:
        return None
    best, best_score = None, 0.0
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            sample = data[:4000].decode(enc)
        except UnicodeDecodeError:
            continue
        plausible = sum(1 for ch in sample if _plausible_char(ch))
        score = plausible / max(1, len(sample))
        if score > best_score:
            best, best_score = enc, score
    return best if best_score >= 0.9 else None


def _plausible_char(ch: str) -> bool:
    code = ord(ch)
    return (
        0x20 <= code < 0x7F
        or ch in "\r\n\t"
        or 0x4E00 <= code <= 0x9FFF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or 0x2000 <= code <= 0x206F
        or 0x3400 <= code <= 0x4DBF
    )


# C0/C1 controls other than tab and line breaks: text files have none, binary files many.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _looks_binary(text: str) -> bool:
    head = text[:20000]
    return len(_CONTROL.findall(head)) > max(3, len(head) // 100)


def _normalise_encoding(name: str) -> str:
    low = name.strip().lower().replace("_", "-")
    if low in _GB_NAMES:
        return "gb18030"
    try:
        return codecs.lookup(low).name
    except LookupError as exc:
        raise InputError(f"不认识的编码“{name}”；常用的有 utf-8、gb18030、utf-16。") from exc


def decode_text(data: bytes, name: str, *, encoding: str | None = None) -> tuple[str, str]:
    """Decode bytes of a text file; returns (text, the encoding used)."""
    if encoding:
        enc = _normalise_encoding(encoding)
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise DecodeError(
                f"{name}：第 {line} 行无法按 {encoding} 解码；请去掉 --encoding 让 yaodian 自动识别，或换一种编码。"
            ) from exc
        return _checked(text.lstrip("\ufeff"), name), enc
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(enc).lstrip("\ufeff"), name), enc
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"{name}：文件以 {enc} 标记开头，但内容无法解码；请检查文件是否损坏。"
                ) from exc
    if b"\x00" not in data:
        for enc in ("utf-8", "gb18030"):
            try:
                return _checked(data.decode(enc), name), enc
            except UnicodeDecodeError:
                pass
    guess = _utf16_without_bom(data)
    if guess:
        try:
            return _checked(data.decode(guess), name), guess
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise InputError(f"{name}：这是二进制文件，不是文本；请给出 .txt/.docx/.pdf/.html 格式的通知。")
    return _detected(data, name)


def _detected(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError(
            f"{name}：无法识别文件编码；请用 --encoding 指定（如 --encoding gb18030），或另存为 UTF-8 后重试。"
        )
    return _checked(str(best), name), f"{best.encoding}（自动检测）"


def _checked(text: str, name: str) -> str:
    if _looks_binary(text):
        raise InputError(
            f"{name}：内容含大量控制字符，不像是文本文件；请给出 .txt/.docx/.pdf/.html 格式的通知。"
        )
    return text
