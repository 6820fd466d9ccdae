"""The one sanitiser for text going into a file (xlsx and docx cells, CSV fields).

Policy for formula-like text (`= + - @` first): in a workbook the text is stored *unchanged* as
a string cell with `quotePrefix`, Excel's own "this is text" flag (what typing a leading `'`
does), so nothing is evaluated on opening and editing keeps it text. CSV has no such flag, so
`csv_safe` prefixes a `'` instead. A leaf module: every writer imports it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# C0 controls other than tab, LF and CR; U+FFFE/U+FFFF; any surrogate code point (in a Python
# str a surrogate is always unpaired). openpyxl raises on the first kind and silently writes
# the others into XML that Excel refuses to open.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
FORMULA_START = ("=", "+", "-", "@")
# Excel's limit for one cell; longer text is cut (and marked) rather than making a broken file.
MAX_CELL_CHARS = 32767


def strip_xml_illegal(value: str) -> str:
    """Remove characters that XML 1.0 forbids; keep everything else (CJK Ext-B such as 𠀀 too)."""
    return _XML_ILLEGAL.sub("", value)


def clean_text(value: str) -> str:
    """The sanitiser for cell text: XML-illegal characters removed, cut at Excel's cell limit."""
    text = strip_xml_illegal(value)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return text


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)


def csv_safe(value: str) -> str:
    """A CSV field that spreadsheets will not evaluate: formula-like text gets a leading `'`.

    A leading tab or CR counts too (OWASP's CSV-injection list): some importers strip it and
    then read the `=` behind it."""
    text = clean_text(value)
    return "'" + text if text.startswith((*FORMULA_START, "\t", "\r")) else text


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """CSV text with every text field through `csv_safe` (numbers as they are), CRLF line ends,
    no BOM (`write_text(..., bom=True)` adds it for files Excel opens): every CSV yaodian
    writes goes through here, so none can carry a formula into a spreadsheet."""
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_safe(v) if isinstance(v, str) else v for v in row])
    return buf.getvalue()
