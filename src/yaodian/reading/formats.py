"""What a file is (文件格式): the one table of input formats, chosen by a file's first bytes.

The suffix is only a hint. A .docx renamed .html, a PDF saved as .doc, a web page downloaded as
"通知.doc" are read by what they contain, with a note that says so; the suffix decides only when
the first bytes show nothing (plain text, or a file too damaged to recognise, which then gets
that format's own message). Every reader of `yaodian.reading` is named here and nowhere else.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from yaodian.errors import InputError

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: .doc, .wps (and .xls, .ppt)
_ZIP = b"PK\x03\x04"
_ODT = b"application/vnd.oasis.opendocument.text"
_WORD_MAIN = b"wordprocessingml.document.main"
# The first bytes of a saved web page (after a BOM and blanks), and tags that confirm it.
_HTML_START = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<meta", b"<body", b"<!--", b"<div", b"<p")
_HTML_TAGS = (b"<html", b"<body", b"<head", b"<div", b"<p>", b"<p ", b"<table", b"<br")
_MHTML_START = (b"mime-version", b"content-type", b"from:", b"subject:")
# Scans and photos: PNG, JPEG, TIFF (little- and big-endian).
_IMAGE_START = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


@dataclass(frozen=True, kw_only=True)
class Format:
    """One input format (输入格式): its name in `Source.format`, suffixes, label and reader."""

    name: str
    label: str  # for messages: "扩展名是 .html，内容却是 Word 文档（.docx）"
    suffixes: tuple[str, ...]
    reader: str  # "module:function", imported when a file of this format is read
    then: str | None = None  # the reader makes a file of this format, read in turn
    ocr: bool = False  # the reader takes `ocr=OcrOptions` and returns an `OcrSummary` third


TXT = Format(name="txt", label="纯文本", suffixes=(".txt", ".text"), reader="yaodian.reading.text:read_text")
DOCX = Format(
    name="docx", label="Word 文档（.docx）", suffixes=(".docx",), reader="yaodian.reading.docx:read_docx"
)
PDF = Format(
    name="pdf", label="PDF 文件", suffixes=(".pdf",), reader="yaodian.reading.pdf:read_pdf", ocr=True
)
HTML = Format(
    name="html",
    label="网页（HTML）",
    suffixes=(".html", ".htm", ".xhtml", ".shtml", ".mhtml"),
    reader="yaodian.reading.html:read_html",
)
DOC = Format(
    name="doc",
    label="旧版 Word/WPS 文件",
    suffixes=(".doc", ".wps", ".rtf", ".odt"),
    reader="yaodian.reading.legacy:convert_to_docx",
    then="docx",
)
IMAGE = Format(
    name="image",
    label="图片（扫描件或照片）",
    suffixes=(".png", ".jpg", ".jpeg", ".tif", ".tiff"),
    reader="yaodian.reading.ocr:read_image",
    ocr=True,
)
FORMATS = (TXT, DOCX, PDF, HTML, DOC, IMAGE)
BY_NAME = {f.name: f for f in FORMATS}

# Files a folder is searched for (`yaodian batch`); a file named explicitly is read whatever
# its suffix. Images are left out: a folder of notices also holds logos and figures, and each
# image costs seconds of OCR; scanned PDFs are searched for.
SUPPORTED_SUFFIXES = frozenset(s for f in FORMATS if f is not IMAGE for s in f.suffixes)
LEGACY_SUFFIXES = DOC.suffixes


@dataclass(frozen=True)
class Choice:
    """The format a file is read as, and a note when its suffix said otherwise."""

    format: Format
    note: str | None = None


def by_suffix(name: str) -> Format | None:
    """The format a file name claims, if its suffix is one of ours."""
    suffix = Path(name).suffix.lower()
    return next((f for f in FORMATS if suffix in f.suffixes), None)


def sniff(data: bytes, name: str) -> Format | None:
    """The format the first bytes show, or None when they show none (text, or damaged)."""
    if data.startswith(_ZIP):
        return _zip_format(data, name)
    if data.startswith(OLE2) or data.lstrip()[:5].lower() == b"{\\rtf":
        return DOC
    if b"%PDF-" in data[:1024]:
        return PDF
    if data.startswith(_IMAGE_START):
        return IMAGE
    if _looks_html(data):
        return HTML
    return None


def choose(data: bytes, name: str) -> Choice:
    """The format to read `data` as: by content, else by suffix, else text."""
    named = by_suffix(name)
    found = sniff(data, name)
    if found is None:
        if named in (DOCX, PDF, DOC, IMAGE) and _is_text(data):
            found = TXT  # a text file under a binary name
        else:
            return Choice(named or TXT)
    if named is None or named is found:
        return Choice(found)
    suffix = Path(name).suffix
    return Choice(found, f"{name}：扩展名是 {suffix}，内容却是{found.label}；已按内容读取。")


def legacy_suffix(data: bytes) -> str:
    """The suffix LibreOffice needs to pick its import filter, from the content."""
    if data.lstrip()[:5].lower() == b"{\\rtf":
        return ".rtf"
    return ".odt" if data.startswith(_ZIP) else ".doc"


def _zip_format(data: bytes, name: str) -> Format:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            if any(n.startswith("word/") for n in names):
                return DOCX
            # Parts under other names: the content types say whether it is a Word document.
            types = zf.read("[Content_Types].xml")[:8192] if "[Content_Types].xml" in names else b""
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, RuntimeError, NotImplementedError):
        # A damaged zip: most likely a Word file, whose reader explains the damage.
        return DOCX
    if _WORD_MAIN in types:
        return DOCX
    if mimetype.startswith(_ODT):
        return DOC
    raise InputError(
        f"{name}：内容是 ZIP 压缩包（可能是 Excel、PowerPoint 等其他文件），不是 Word 文档；"
        "请给出 .docx、.pdf、.html、.txt 或图片格式的通知。"
    )


def _looks_html(data: bytes) -> bool:
    head = data[:4096]
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            head = head[len(bom) :].decode(enc, "replace").encode("utf-8", "replace")
            break
    low = head.removeprefix(codecs.BOM_UTF8).lstrip().lower()
    if low.startswith(_MHTML_START):
        return b"multipart/" in low
    return low.startswith(_HTML_START) and any(tag in low for tag in _HTML_TAGS)


def _is_text(data: bytes) -> bool:
    head = data[:8192]
    return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" not in head
