"""Reading PDF files with pypdfium2, the optional extra `yaodian[pdf]`; scanned pages go to OCR.

A PDF has no paragraphs, only glyphs with positions, and its reading order is not to be
trusted (quotation marks set in a Latin font come out of place). So characters are placed on
lines by their baseline and sorted left to right; page headers, footers and page numbers are
dropped; lines are joined back into paragraphs; spaces around Chinese characters are removed;
Kangxi radicals and compatibility ideographs that some PDF makers emit are mapped back.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from yaodian.errors import InputError
from yaodian.reading.layout import (
    CJK_SPACE,
    Line,
    drop_furniture,
    paragraphs,
)
from yaodian.reading.ocr_options import INSTALL_HINT, RENDER_DPI, OcrOptions

if TYPE_CHECKING:
    from PIL import Image

    from yaodian.reading.ocr import OcrPage, OcrSummary


@dataclass
class _Char:
    ch: str
    x0: float
    x1: float
    base: float
    size: float


LOOKALIKES = re.compile(r"[\u2f00-\u2fdf\uf900-\ufaff]")


def read_pdf(data: bytes, name: str, *, ocr: OcrOptions | None = None) -> tuple[str, str, OcrSummary | None]:
    """Text of a PDF, one paragraph a line, and which pages were recognised by OCR.

    Pages with a text layer are read from it; pages without one (a scan) are rendered and
    recognised, as `ocr.mode` allows. The detail is "pdf", or "pdf+ocr" when OCR was used."""
    options = ocr or OcrOptions()
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError as exc:
        raise InputError(
            f"{name}：读取 PDF 需要 pypdfium2，本机未安装；请运行 pip install 'yaodian[pdf]' 后重试。"
        ) from exc
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise InputError(f"{name}：PDF 有密码保护，无法读取；请先去除密码再处理。") from exc
        raise InputError(f"{name}：PDF 文件已损坏或不是 PDF，无法打开；请确认文件。") from exc
    try:
        pages = [_page_lines(page, raw) for page in pdf]
        is_garbled = garbled("".join(line.text for page in pages for line in page))
        scans = _pages_to_recognise(pages, options.mode, is_garbled)
        if options.mode == "never" and sum(len(ln.text.strip()) for page in pages for ln in page) < 10:
            raise InputError(
                f"{name}：PDF 没有文字层（可能是扫描件或图片），无法提取文字；去掉 --ocr never 即可用 OCR 识别"
                f"（需 {INSTALL_HINT}）。"
            )
        if is_garbled and not scans:
            raise InputError(
                f"{name}：PDF 的文字层无法识别（字体没有附带编码表，取出的是乱码）；去掉 --ocr never 即可用 OCR 识别，"
                "或向发文单位索取 Word 版本。"
            )
        heights = [pdf[k].get_height() for k in scans]
        recognised: list[OcrPage] = []
        if scans:
            from yaodian.reading.ocr import recognise_pages

            recognised = recognise_pages([(k + 1, _renderer(pdf, k)) for k in scans], name, options)
    finally:
        pdf.close()
    for page, height in zip(recognised, heights, strict=True):
        pages[page.number - 1] = _in_points(page.lines, height)
    lines = paragraphs(drop_furniture(pages))
    if recognised and sum(len(p) for p in lines) < 10:
        raise InputError(
            f"{name}：PDF 没有文字层（可能是扫描件），OCR 也没有识别出文字；请确认扫描件清晰、页面方向正确。"
        )
    if not recognised:
        return "\n".join(lines) + "\n", "pdf", None
    from yaodian.reading.ocr import OcrSummary
    from yaodian.reading.ocr_layout import fix_confusions

    return "\n".join(fix_confusions(p) for p in lines) + "\n", "pdf+ocr", OcrSummary.of(recognised)


def _pages_to_recognise(pages: list[list[Line]], mode: str, is_garbled: bool) -> list[int]:
    """Indexes of the pages to recognise: those with (almost) no text, every page for `always`
    or when the text layer is garbled, none for `never`."""
    if mode == "never":
        return []
    if mode == "always" or is_garbled:
        return list(range(len(pages)))
    # A scanned page may carry a few stray characters (a scanner's stamp): under 10 is no text.
    return [k for k, page in enumerate(pages) if sum(len(ln.text.strip()) for ln in page) < 10]


def _renderer(pdf: Any, index: int) -> Callable[[], Image.Image]:
    def render() -> Image.Image:
        page = pdf[index]
        try:
            return cast("Image.Image", page.render(scale=RENDER_DPI / 72).to_pil())
        finally:
            page.close()

    return render


def _in_points(lines: Sequence[Line], height: float) -> list[Line]:
    """Lines measured in pixels of the rendered page, in PDF points as the text layer's are."""
    f = 72 / RENDER_DPI
    return [
        Line(text=ln.text, x0=ln.x0 * f, x1=ln.x1 * f, base=height - ln.base * f, size=ln.size * f)
        for ln in lines
    ]


_UNMAPPED = re.compile(r"[\ue000-\uf8ff\ufffd]")


def garbled(text: str) -> bool:
    """Whether a text layer is mostly glyphs without Unicode (private-use or replacement
    characters): fonts embedded without a ToUnicode map."""
    ink = re.sub(r"\s", "", text)
    return bool(ink) and len(_UNMAPPED.findall(ink)) > len(ink) * 0.3


def _page_lines(page: Any, raw: Any) -> list[Line]:
    textpage = page.get_textpage()
    chars: list[_Char] = []
    try:
        count = textpage.count_chars()
        for i in range(count):
            if raw.FPDFText_IsGenerated(textpage, i) == 1:
                continue
            code = raw.FPDFText_GetUnicode(textpage, i)
            if code in (0, 0xFFFE, 0xFFFF) or code in (0x0A, 0x0D, 0x02):
                continue
            ch = chr(code)
            left, _bottom, right, _top = textpage.get_charbox(i)
            _x, y = _origin(textpage, i, raw)
            size = float(raw.FPDFText_GetFontSize(textpage, i)) or 10.0
            chars.append(_Char(ch=ch, x0=float(left), x1=float(right), base=y, size=size))
    finally:
        textpage.close()
        page.close()
    return _group_lines(chars)


def _origin(textpage: Any, index: int, raw: Any) -> tuple[float, float]:
    import ctypes

    x = ctypes.c_double()
    y = ctypes.c_double()
    raw.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(x), ctypes.byref(y))
    return x.value, y.value


def _group_lines(chars: list[_Char]) -> list[Line]:
    """Characters on one baseline (within a third of the font size) form a line, left to right."""
    visible = [c for c in chars if not c.ch.isspace()]
    if not visible:
        return []
    chars = sorted(chars, key=lambda c: -c.base)
    rows: list[list[_Char]] = []
    for c in chars:
        if rows and abs(rows[-1][0].base - c.base) <= max(rows[-1][0].size, c.size) * 0.35:
            rows[-1].append(c)
        else:
            rows.append([c])
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        ink = [c for c in row if not c.ch.isspace()]
        if not ink:
            continue
        size = statistics.median(c.size for c in ink)
        parts: list[str] = []
        prev: _Char | None = None
        for c in row:
            if c.ch.isspace():
                if parts and parts[-1] != " ":
                    parts.append(" ")
                continue
            # A gap wider than a third of an em is a space the PDF did not write out.
            if prev is not None and c.x0 - prev.x1 > size * 0.33 and parts and parts[-1] != " ":
                parts.append(" ")
            parts.append(c.ch)
            prev = c
        text = _clean("".join(parts))
        if text:
            lines.append(Line(text=text, x0=ink[0].x0, x1=ink[-1].x1, base=row[0].base, size=size))
    return lines


def _clean(text: str) -> str:
    text = LOOKALIKES.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    text = CJK_SPACE.sub("", text)
    return text.strip()
