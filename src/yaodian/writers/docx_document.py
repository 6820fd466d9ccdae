"""New Word documents in the official layout (GB/T 9704-2012), shared by every docx writer.

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
  TableText    五号 (10.5 pt) 仿宋, lines 12.5 pt      set_cell_text
  TableHead    五号 黑体, centred                       set_cell_text(head=True)
  Footer       4号 (14 pt) 宋体                         add_page_number_footer

python-docx is imported inside the functions: this module is imported by the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yaodian.errors import UsageError
from yaodian.writers.sanitise import strip_xml_illegal

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import Section as DocxSection


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
# 五号: tables in attachments may be smaller than the 3号 body; at 小四 a 19-task sheet took 9
# pages, at 五号 with the wider 主要内容 column it takes 4.
TABLE_PT = 10.5  # 五号
# Exact line height in tables: "single" spacing takes the CJK font's own ascent and descent,
# about 1.5 em in LibreOffice and WPS, and a third of the page went to leading.
TABLE_LINE_PT = 12.5
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
    props.title = strip_xml_illegal(title)
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
    # (style, East Asian font, size, layout): the table in this module's docstring.
    body = {"line_exact": BODY_LINE_PT, "first_indent_chars": 2}
    paragraph_styles: tuple[tuple[str, str, float, dict[str, Any]], ...] = (
        ("Normal", fonts.body, BODY_PT, body),
        ("DocTitle", fonts.title, TITLE_PT, {"centred": True, "line_exact": 35, "after": 14}),
        ("DocSubtitle", fonts.kai, BODY_PT, {"centred": True, "line_exact": BODY_LINE_PT}),
        ("DocHeading1", fonts.hei, BODY_PT, body),
        ("DocHeading2", fonts.kai, BODY_PT, body),
        ("TableText", fonts.body, TABLE_PT, {"left": True, "line_exact": TABLE_LINE_PT}),
        ("TableHead", fonts.hei, TABLE_PT, {"centred": True, "line_exact": TABLE_LINE_PT}),
        ("Footer", fonts.song, FOOTER_PT, {"left": True}),
        ("Header", fonts.song, TABLE_PT - 1.5, {"centred": True}),
    )
    for name, east_asia, size, layout in paragraph_styles:
        _para_style(doc, name, east_asia=east_asia, latin=latin, size=size, **layout)
    # Character styles python-docx's template links to Header/Footer, and the table style: give
    # them the same fonts so that nothing falls back to a theme or Latin-only font.
    for name in ("Header Char", "Footer Char", "Default Paragraph Font"):
        try:
            style = doc.styles[name]
        except KeyError:
            continue
        set_run_fonts(style.element, latin=latin, east_asia=fonts.song if "Char" in name else fonts.body)
    set_run_fonts(doc.styles["Table Grid"].element, latin=latin, east_asia=fonts.body)


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
