"""The blocks of a Word document in the official layout: titles, paragraphs, runs, page-number
footers and tables, each in the styles `docx_document.new_document` defines.

Every string passes `text` (the sanitiser: XML-illegal characters removed) on its way in.
python-docx is imported inside the functions: this module is imported by the CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from yaodian.textwidth import display_width
from yaodian.writers.docx_document import DEFAULT_PROFILE, FONT_PROFILES, FOOTER_PT, TABLE_PT, set_run_fonts
from yaodian.writers.sanitise import strip_xml_illegal

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import Section as DocxSection
    from docx.table import Table, _Cell, _Row
    from docx.text.paragraph import Paragraph


def text(value: str) -> str:
    """Text safe to put into WordprocessingML (XML-illegal characters removed)."""
    return strip_xml_illegal(value)


def _styled_paragraph(doc: Document, value: str, style_id: str) -> Paragraph:
    # Style set by id: python-docx's lookup by name scans every style for each paragraph, which
    # dominated the time of writing 25 sheets.
    para = doc.add_paragraph(text(value))
    para._p.get_or_add_pPr().style = style_id
    return para


def add_title(doc: Document, value: str) -> Paragraph:
    """The document title (2号小标宋, centred)."""
    return _styled_paragraph(doc, value, "DocTitle")


def add_subtitle(doc: Document, value: str) -> Paragraph:
    """A centred 楷体 line under the title (source, date)."""
    return _styled_paragraph(doc, value, "DocSubtitle")


def add_paragraph(doc: Document, value: str, *, indent: bool = True) -> Paragraph:
    """A body paragraph (3号仿宋, first line indented two characters unless `indent=False`)."""
    para = doc.add_paragraph(text(value))
    if not indent:
        para.paragraph_format.first_line_indent = 0
    return para


def add_heading(doc: Document, value: str, level: int = 1) -> Paragraph:
    """A heading: level 1 黑体, level 2 楷体 (GB/T 9704 7.3.3); deeper levels are body text."""
    style = {1: "DocHeading1", 2: "DocHeading2"}.get(level)
    return _styled_paragraph(doc, value, style) if style else add_paragraph(doc, value)


def add_run(
    para: Paragraph,
    value: str,
    *,
    bold: bool = False,
    color: str | None = None,
    underline: bool = False,
    strike: bool = False,
    east_asia: str | None = None,
) -> Any:
    """Append a run of text; `color` is hex (`C00000`). For marked-up text such as a diff:
    python-docx has no tracked changes, so insertions are shown underlined, deletions struck."""
    from docx.shared import RGBColor

    run = para.add_run(text(value))
    if bold:
        run.bold = True
    if color:
        run.font.color.rgb = RGBColor.from_string(color.upper())
    if underline:
        run.underline = True
    if strike:
        run.font.strike = True
    if east_asia:
        set_run_fonts(run._r, latin=FONT_PROFILES[DEFAULT_PROFILE].latin, east_asia=east_asia)
    return run


def add_page_number_footer(doc: Document, section: DocxSection | None = None) -> None:
    """`— 1 —` page numbers, 4号宋体: odd pages right, even pages left, one character in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = section or doc.sections[0]
    doc.settings.odd_and_even_pages_header_footer = True
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        para = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        para.style = doc.styles["Footer"]
        para.alignment = align
        pf = para.paragraph_format
        indent_twips = FOOTER_PT * 20  # one 4号 character
        from docx.shared import Twips

        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            pf.right_indent = Twips(indent_twips)
        else:
            pf.left_indent = Twips(indent_twips)
        for run in list(para.runs):
            run._r.getparent().remove(run._r)
        para.add_run("— ")
        _add_field(para, "PAGE", "1")
        para.add_run(" —")


def restart_page_numbers(section: DocxSection, start: int = 1) -> None:
    """Number this section's pages from `start` (one office's sheet in a combined document)."""
    from docx.oxml.ns import qn

    sect_pr = section._sectPr
    pg = sect_pr.find(qn("w:pgNumType"))
    if pg is None:
        pg = sect_pr.makeelement(qn("w:pgNumType"), {})
        # Schema order: pgNumType comes before cols, docGrid and the rest.
        later = (
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
        )
        successor = next((c for c in sect_pr if c.tag in {qn(t) for t in later}), None)
        if successor is None:
            sect_pr.append(pg)
        else:
            successor.addprevious(pg)
    pg.set(qn("w:start"), str(start))


def _add_field(para: Paragraph, instruction: str, placeholder: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(child: Any) -> None:
        r = OxmlElement("w:r")
        r.append(child)
        para._p.append(r)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    shown = OxmlElement("w:t")
    shown.text = placeholder
    run_with(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _mm_to_twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _cell_xml(value: str, width_mm: float, *, style_id: str, centred: bool, fill: str | None) -> str:
    from xml.sax.saxutils import escape

    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    jc = '<w:jc w:val="center"/>' if centred else ""
    paras = []
    for line in text(value).split("\n"):
        run = f'<w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r>' if line else ""
        paras.append(f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{jc}</w:pPr>{run}</w:p>')
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{_mm_to_twips(width_mm)}" w:type="dxa"/>{shading}'
        f'<w:vAlign w:val="center"/></w:tcPr>{"".join(paras)}</w:tc>'
    )


def _row_xml(cells: Sequence[str], *, header: bool, keep: bool = True) -> Any:
    """A table row; `keep` (w:cantSplit) keeps it on one page, the header repeats on each."""
    from docx.oxml import parse_xml

    props = ("<w:cantSplit/>" if keep else "") + ('<w:tblHeader w:val="true"/>' if header else "")
    tr_pr = f"<w:trPr>{props}</w:trPr>" if props else ""
    return parse_xml(f'<w:tr xmlns:w="{_W_NS}">{tr_pr}{"".join(cells)}</w:tr>')


# Lines of table text a landscape A4 page holds between the GB/T 9704 margins (138 mm at
# 12.5 pt, about 4.4 mm a line), less the repeated header: a row estimated taller
# may split across pages, since Word cuts off a row that cannot split and is taller than a page.
_ROW_LINES_PER_PAGE = 28


def _row_lines(values: Sequence[str], widths_mm: Sequence[float]) -> int:
    """Estimated lines of the tallest cell: a CJK character is one em (五号 ≈ 3.7 mm)."""
    em_mm = TABLE_PT * 25.4 / 72
    tallest = 0
    for value, width in zip(values, widths_mm, strict=True):
        per_line = max(1, int((width - 2) / em_mm) * 2)  # display columns: two a CJK character
        lines = sum(max(1, -(-display_width(line) // per_line)) for line in str(value).split("\n"))
        tallest = max(tallest, lines)
    return tallest


def add_table(doc: Document, headers: Sequence[str], widths_mm: Sequence[float]) -> Table:
    """A bordered table with a header row that repeats on every page; columns in millimetres."""
    from docx.shared import Mm

    table: Table = doc.add_table(rows=0, cols=len(headers))
    table._tbl.tblPr.style = "TableGrid"
    table.autofit = False  # python-docx writes w:tblLayout type="fixed"
    for k, width in enumerate(widths_mm):
        table.columns[k].width = Mm(width)
    cells = [
        _cell_xml(head, width, style_id="TableHead", centred=True, fill="D9D9D9")
        for head, width in zip(headers, widths_mm, strict=True)
    ]
    table._tbl.append(_row_xml(cells, header=True))
    return table


def add_row(
    table: Table, values: Sequence[str], widths_mm: Sequence[float], *, centred: Sequence[int] = ()
) -> None:
    """Append a row of plain text cells (column indexes in `centred` are centred).

    Built as XML in one go: going through python-docx cell by cell costs ~3 ms a cell.
    """
    cells = [
        _cell_xml(value, width, style_id="TableText", centred=k in centred, fill=None)
        for k, (value, width) in enumerate(zip(values, widths_mm, strict=True))
    ]
    keep = _row_lines(values, widths_mm) <= _ROW_LINES_PER_PAGE
    table._tbl.append(_row_xml(cells, header=False, keep=keep))


def set_cell_text(
    cell: _Cell, value: str, *, head_row: bool = False, centred: bool = False, bold: bool = False
) -> None:
    """Replace a cell's text with `value` (lines become paragraphs) in TableText / TableHead."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    lines = text(value).split("\n") or [""]
    paras = cell.paragraphs
    first = paras[0]
    for extra in paras[1:]:
        extra._p.getparent().remove(extra._p)
    for run in list(first.runs):
        run._r.getparent().remove(run._r)
    style_id = "TableHead" if head_row else "TableText"
    for k, line in enumerate(lines):
        para = first if k == 0 else cell.add_paragraph()
        para._p.get_or_add_pPr().style = style_id
        if line:
            run = para.add_run(line)
            if bold:
                run.bold = True
        if centred and not head_row:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def repeat_header(row: _Row) -> None:
    """Mark a table row as a header row repeated at the top of every page (w:tblHeader)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def shade_cell(cell: _Cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    # Schema order inside w:tcPr: shd comes before these.
    later = {
        qn(t) for t in ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
    }
    successor = next((c for c in tc_pr if c.tag in later), None)
    if successor is None:
        tc_pr.append(shd)
    else:
        successor.addprevious(shd)
