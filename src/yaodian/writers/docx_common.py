"""Word documents in the official layout (GB/T 9704-2012), shared by every docx writer.

`new_document(profile)` returns a python-docx Document with an A4 page, the standard margins and
styles whose fonts are set in every slot: python-docx's `font.name` fills only the Latin slots,
and the default template's theme fonts (`w:asciiTheme`, `w:eastAsiaTheme`…) would override
whatever is set, so they are removed and `w:eastAsia` is written on every style used and on the
document defaults. The template's 10 pt space after paragraphs and 1.15 line spacing go too.

Styles created here (names are style ids too):
  DocTitle     2号 (22 pt) 小标宋, centred            add_title
  DocSubtitle  3号 楷体, centred                       add_subtitle
  Normal       3号 仿宋, exact 28.95 pt lines, first-line indent 2 characters
  DocHeading1  3号 黑体 / DocHeading2 3号 楷体         add_heading
  TableText    小四 (12 pt) 仿宋, single spacing       set_cell_text
  TableHead    小四 黑体, centred                       set_cell_text(head=True)
  Footer       4号 (14 pt) 宋体                         add_page_number_footer

python-docx is imported inside the functions: this module is imported by the CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yaodian.errors import UsageError
from yaodian.writers.xlsx_common import strip_xml_illegal

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import Section as DocxSection
    from docx.table import Table, _Cell, _Row
    from docx.text.paragraph import Paragraph


@dataclass(frozen=True, kw_only=True)
class FontProfile:
    """The font names one kind of computer has (字体方案): 小标宋, 仿宋, 楷体, 黑体, 宋体."""

    name: str
    title: str
    body: str
    kai: str
    hei: str
    song: str
    latin: str = "Times New Roman"


FONT_PROFILES: dict[str, FontProfile] = {
    # Government PCs: the fonts GB/T 9704 names.
    "gb2312": FontProfile(
        name="gb2312", title="方正小标宋简体", body="仿宋_GB2312", kai="楷体_GB2312", hei="黑体", song="宋体"
    ),
    # A plain Windows install (no 方正 fonts): 宋体 stands in for 小标宋.
    "windows": FontProfile(name="windows", title="宋体", body="仿宋", kai="楷体", hei="黑体", song="宋体"),
    "mac": FontProfile(
        name="mac", title="Songti SC", body="STFangsong", kai="STKaiti", hei="STHeiti", song="Songti SC"
    ),
}
DEFAULT_PROFILE = "gb2312"

# Page geometry (twips: 1 mm = 56.7 twips; python-docx takes EMU through docx.shared.Mm).
A4_WIDTH_TWIPS = 11906
A4_HEIGHT_TWIPS = 16838
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
TABLE_PT = 12  # 小四
FOOTER_PT = 14  # 4号
BODY_LINE_PT = 28.95  # 22 lines a page in the type area


def font_profile(name: str | FontProfile = DEFAULT_PROFILE) -> FontProfile:
    """Look a profile up by name (`gb2312`, `windows`, `mac`)."""
    if isinstance(name, FontProfile):
        return name
    try:
        return FONT_PROFILES[name.lower()]
    except KeyError:
        known = "、".join(FONT_PROFILES)
        raise UsageError(f"未知的字体方案“{name}”；可选：{known}。") from None


def text(value: str) -> str:
    """Text safe to put into WordprocessingML (XML-illegal characters removed)."""
    return strip_xml_illegal(value)


def new_document(
    profile: str | FontProfile = DEFAULT_PROFILE, *, landscape: bool = False, title: str = ""
) -> Document:
    """A blank document: A4 (portrait or landscape), GB/T 9704 margins, the styles above."""
    import datetime as dt

    import docx

    from yaodian.version import __version__

    fonts = font_profile(profile)
    doc = docx.Document()
    # The template's properties say "python-docx", 2013; say what made this file, and when.
    props = doc.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    props.author = props.last_modified_by = f"yaodian {__version__}"
    props.comments = ""
    props.title = text(title)
    props.created = props.modified = now
    props.revision = 1
    _trim_template(doc)
    _strip_theme_fonts(doc)
    _set_doc_defaults(doc, fonts)
    _define_styles(doc, fonts)
    setup_page(doc.sections[0], landscape=landscape)
    return doc


def setup_page(section: DocxSection, *, landscape: bool = False) -> None:
    """A4 with the GB/T 9704 margins (the same four values when the page is turned)."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Twips

    width, height = Twips(A4_WIDTH_TWIPS), Twips(A4_HEIGHT_TWIPS)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = height, width
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = width, height
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(15)
    section.footer_distance = Mm(20)  # page number sits ~7 mm below the type area (GB/T 9704 7.5)


def set_run_fonts(rpr_parent: Any, *, latin: str, east_asia: str) -> None:
    """Set all four font slots on an element holding (or being) `w:rPr`; drop theme fonts."""
    from docx.oxml.ns import qn

    rpr = rpr_parent if rpr_parent.tag == qn("w:rPr") else rpr_parent.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:cs"), latin)
    rfonts.set(qn("w:hint"), "eastAsia")


def _trim_template(doc: Document) -> None:
    """Drop what python-docx's template carries and these documents never use.

    Its 130 table styles make styles.xml 350 kB and stylesWithEffects.xml (a Word 2010 copy
    of them) 440 kB, compressed again for every file; its thumbnail shows a blank page in file
    browsers, whatever the document says.
    """
    from docx.oxml.ns import qn

    for rels in (doc.part.package.rels, doc.part.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.endswith(("/thumbnail", "/stylesWithEffects")):
                rels.pop(rid)
    styles = doc.styles.element
    keep = {"TableNormal", "TableGrid"}
    for style in list(styles.iterchildren(qn("w:style"))):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:styleId")) not in keep:
            styles.remove(style)


def _strip_theme_fonts(doc: Document) -> None:
    from docx.oxml.ns import qn

    theme_attrs = [qn(a) for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")]
    for rfonts in doc.styles.element.iter(qn("w:rFonts")):
        for attr in theme_attrs:
            rfonts.attrib.pop(attr, None)


def _set_doc_defaults(doc: Document, fonts: FontProfile) -> None:
    from docx.oxml.ns import qn

    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_run_fonts(rpr, latin=fonts.latin, east_asia=fonts.body)
    for tag in ("w:sz", "w:szCs"):
        el = rpr.find(qn(tag))
        if el is not None:
            el.set(qn("w:val"), str(BODY_PT * 2))
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    if spacing is None:
        spacing = ppr.makeelement(qn("w:spacing"), {})
        ppr.append(spacing)
    spacing.attrib.clear()
    spacing.set(qn("w:before"), "0")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")


def _style(doc: Document, name: str, *, paragraph: bool = True) -> Any:
    from docx.enum.style import WD_STYLE_TYPE

    try:
        return doc.styles[name]
    except KeyError:
        kind = WD_STYLE_TYPE.PARAGRAPH if paragraph else WD_STYLE_TYPE.CHARACTER
        style = doc.styles.add_style(name, kind)
        style.base_style = doc.styles["Normal"]
        style.quick_style = True
        return style


def _para_style(
    doc: Document,
    name: str,
    *,
    east_asia: str,
    latin: str,
    size: float,
    bold: bool = False,
    centred: bool = False,
    left: bool = False,
    line_exact: float | None = None,
    first_indent_chars: int = 0,
    before: float = 0,
    after: float = 0,
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Pt, Twips

    style = _style(doc, name)
    font = style.font
    font.size = Pt(size)
    font.bold = bold
    set_run_fonts(style.element, latin=latin, east_asia=east_asia)
    pf = style.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if line_exact:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(line_exact)
    else:
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if centred:
        pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        # Justified CJK in narrow table cells spreads "办 公 室" apart: tables align left.
        pf.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.JUSTIFY
    # Always explicit (0 too): styles based on Normal would otherwise inherit its indent.
    # Characters (firstLineChars) follow the font size; the twips value is for older readers.
    pf.first_line_indent = Twips(int(first_indent_chars * size * 20))
    pf.left_indent = Twips(0)
    pf.right_indent = Twips(0)
    ind = style.element.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(first_indent_chars * 100))
    # No widow/orphan control: official documents keep the 22-line grid.
    pf.widow_control = False


def _define_styles(doc: Document, fonts: FontProfile) -> None:
    latin = fonts.latin
    _para_style(
        doc,
        "Normal",
        east_asia=fonts.body,
        latin=latin,
        size=BODY_PT,
        line_exact=BODY_LINE_PT,
        first_indent_chars=2,
    )
    _para_style(
        doc,
        "DocTitle",
        east_asia=fonts.title,
        latin=latin,
        size=TITLE_PT,
        centred=True,
        line_exact=35,
        after=14,
    )
    _para_style(
        doc,
        "DocSubtitle",
        east_asia=fonts.kai,
        latin=latin,
        size=BODY_PT,
        centred=True,
        line_exact=BODY_LINE_PT,
    )
    _para_style(
        doc,
        "DocHeading1",
        east_asia=fonts.hei,
        latin=latin,
        size=BODY_PT,
        line_exact=BODY_LINE_PT,
        first_indent_chars=2,
    )
    _para_style(
        doc,
        "DocHeading2",
        east_asia=fonts.kai,
        latin=latin,
        size=BODY_PT,
        line_exact=BODY_LINE_PT,
        first_indent_chars=2,
    )
    _para_style(doc, "TableText", east_asia=fonts.body, latin=latin, size=TABLE_PT, left=True)
    _para_style(doc, "TableHead", east_asia=fonts.hei, latin=latin, size=TABLE_PT, centred=True)
    _para_style(doc, "Footer", east_asia=fonts.song, latin=latin, size=FOOTER_PT, left=True)
    _para_style(doc, "Header", east_asia=fonts.song, latin=latin, size=TABLE_PT - 1.5, centred=True)
    # Character styles python-docx's template links to Header/Footer, and the table style: give
    # them the same fonts so that nothing falls back to a theme or Latin-only font.
    for name in ("Header Char", "Footer Char", "Default Paragraph Font"):
        try:
            style = doc.styles[name]
        except KeyError:
            continue
        set_run_fonts(style.element, latin=latin, east_asia=fonts.song if "Char" in name else fonts.body)
    set_run_fonts(doc.styles["Table Grid"].element, latin=latin, east_asia=fonts.body)


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


def _row_xml(cells: Sequence[str], *, header: bool) -> Any:
    from docx.oxml import parse_xml

    tr_pr = '<w:trPr><w:tblHeader w:val="true"/></w:trPr>' if header else ""
    return parse_xml(f'<w:tr xmlns:w="{_W_NS}">{tr_pr}{"".join(cells)}</w:tr>')


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
    table._tbl.append(_row_xml(cells, header=False))


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


class DocumentFactory:
    """Many documents that share styles, page setup and footers, written fast.

    python-docx builds the shared document once and serialises all its parts once; `new()`
    hands back that document with an empty body (its section settings kept), and `save()`
    writes the cached parts with only `word/document.xml` serialised again. Opening and saving
    a package per office cost ~25 ms each. Only body content without relationships of its own
    (no images, hyperlinks or new headers) may be added between `new()` and `save()`.
    """

    def __init__(self, template: Document) -> None:
        import copy
        import io
        import zipfile

        self.doc = template
        buf = io.BytesIO()
        template.save(buf)
        # Every part but the body is the same in each document: compress those once into a
        # base archive, and add only word/document.xml to a copy of it for each office.
        base = io.BytesIO()
        with zipfile.ZipFile(buf) as src, zipfile.ZipFile(base, "w", zipfile.ZIP_DEFLATED) as out:
            for info in src.infolist():
                if info.filename == "word/document.xml":
                    self._body_date = info.date_time
                else:
                    out.writestr(info, src.read(info.filename))
        self._base = base.getvalue()
        self._blank = [copy.deepcopy(child) for child in template.element.body]

    def new(self) -> Document:
        import copy

        body = self.doc.element.body
        for child in list(body):
            body.remove(child)
        for child in self._blank:
            body.append(copy.deepcopy(child))
        return self.doc

    def save(self, path: str | Path) -> None:
        import io
        import zipfile

        from docx.opc.oxml import serialize_part_xml

        xml = serialize_part_xml(self.doc.element)
        buf = io.BytesIO(self._base)
        with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as z:
            info = zipfile.ZipInfo("word/document.xml", date_time=self._body_date)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, xml)
        Path(path).write_bytes(buf.getvalue())
