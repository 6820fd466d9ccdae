"""Text decoding (文本编码), the one place bytes become text: text files and saved web pages.

Order beats detection on short Chinese text: an explicit encoding, a BOM, the charsets a page
declares, strict UTF-8, strict GB18030 (GBK and GB2312 are subsets), UTF-16 by its NUL
pattern, and only then a detector. A leaf module: the readers of `yaodian.reading` import it.
"""

from __future__ import annotations

import codecs
from collections.abc import Sequence

from yaodian.errors import DecodeError, InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Names users type and pages declare for the Chinese legacy encodings; all are read as their
# superset GB18030.
_GB_NAMES = {"gbk", "gb2312", "gb18030", "cp936", "euc-cn", "gb-2312", "ms936", "x-gbk", "gb-2312-80",
             "hz-gb-2312"}  # fmt: skip


def encoding_name(name: str) -> str | None:
    """The codec for an encoding name as users and web pages write it; None if unknown."""
    low = name.strip().lower().replace("_", "-")
    if low in _GB_NAMES:
        return "gb18030"
    try:
        return codecs.lookup(low).name
    except LookupError:
        return None


def decode(
    data: bytes,
    name: str,
    *,
    encoding: str | None = None,
    declared: Sequence[str] = (),
    lenient: bool = False,
) -> tuple[str, str]:
    """Decode bytes; returns (text, the encoding used).

    `encoding` is the user's choice and must work; `declared` are charsets the file names for
    itself (a web page's <meta>), tried before the defaults. `lenient` (web pages) never fails:
    a page with a few bad bytes keeps its first candidate encoding with replacement characters.
    """
    if encoding:
        return _forced(data, name, encoding)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc, errors="replace" if lenient else "strict").lstrip("\ufeff"), enc
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"{name}：文件以 {enc} 标记开头，但内容无法解码；请检查文件是否损坏。"
                ) from exc
    candidates = [found for found in map(encoding_name, declared) if found]
    if candidates:
        truer = _checked_declaration(data, candidates[0])
        if truer is not None:
            return truer
    if lenient or b"\x00" not in data:
        candidates += ["utf-8", "gb18030"]
    for enc in candidates:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    if lenient:
        return data.decode(candidates[0], errors="replace"), candidates[0]
    guess = _utf16_without_bom(data)
    if guess:
        try:
            return data.decode(guess), guess
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise InputError(f"{name}：这是二进制文件，不是文本；请给出 .txt/.docx/.pdf/.html 格式的通知。")
    return _detected(data, name)


def _checked_declaration(data: bytes, declared: str) -> tuple[str, str] | None:
    """The bytes' real encoding when a page's declared charset is a lie (GB18030 bytes under
    `<meta charset="iso-8859-1">` decode without error into mojibake): strict UTF-8 with
    non-ASCII bytes is UTF-8 whatever is declared, and a single-byte charset whose text is not
    Chinese gives way to GB18030 when that decodes to Chinese. None: the declaration stands."""
    if data.isascii():
        return None
    note = f"（网页声明 {declared}，与内容不符）"
    if declared != "utf-8":
        try:
            return data.decode("utf-8"), "utf-8" + note
        except UnicodeDecodeError:
            pass
    if declared in ("utf-8", "gb18030") or _is_multibyte(declared):
        return None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    if _chinese_share(text) >= 0.9 and _chinese_share(data.decode(declared, errors="replace")) < 0.5:
        return text, "gb18030" + note
    return None


def _is_multibyte(codec: str) -> bool:
    return codec in (
        "big5",
        "big5hkscs",
        "cp950",
        "euc-jp",
        "shift-jis",
        "cp932",
        "euc-kr",
        "utf-16",
        "utf-32",
    )


def _chinese_share(text: str) -> float:
    """Of the non-ASCII characters, the share that Chinese text uses (CJK, its punctuation)."""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    return sum(1 for ch in wide if _plausible_char(ch)) / max(1, len(wide))


def _forced(data: bytes, name: str, encoding: str) -> tuple[str, str]:
    enc = encoding_name(encoding)
    if enc is None:
        raise InputError(f"不认识的编码“{encoding}”；常用的有 utf-8、gb18030、utf-16。")
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DecodeError(
            f"{name}：第 {line} 行无法按 {encoding} 解码；请去掉 --encoding 让 yaodian 自动识别，或换一种编码。"
        ) from exc
    return text.lstrip("\ufeff"), enc


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


def _detected(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError(
            f"{name}：无法识别文件编码；请用 --encoding 指定（如 --encoding gb18030），或另存为 UTF-8 后重试。"
        )
    return str(best), f"{best.encoding}（自动检测）"
