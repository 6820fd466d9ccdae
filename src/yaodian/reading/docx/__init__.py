"""Reading Word (.docx) files: paragraphs and tables in document order, one paragraph a line.

python-docx's `paragraph.text` drops what matters most in a notice: the automatic numbering
(`一、` `（一）` `1.` made by a list style) and text inside tracked insertions, content controls,
hyperlinks and fields. So the package is read directly with zipfile and lxml: numbering is
rebuilt from numbering.xml the way Word counts it, deleted text is skipped, and tables become
`cell | cell | cell |` rows with merged cells written once.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from yaodian.errors import InputError
from yaodian.reading.docx.numbering import MC, Numbering, as_int
from yaodian.reading.tables import GridCell, flatten_table

# lxml ships no type information; its elements are handled as Any.
_Element = Any

# The transitional namespace is what Word, WPS and LibreOffice write; the strict one is rare
# but costs nothing to accept.
W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

# Zip-bomb guards, checked on the declared sizes before anything is decompressed.
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200

_SPACE_EDGES = " \t\r\n\u3000\u00a0"


# What zipfile raises on a damaged archive: a bad header or CRC (BadZipFile), a corrupt
# deflate stream (zlib.error), an offset before the start ("negative seek value"), an
# unknown "version needed" (NotImplementedError), a truncated record (struct.error, EOFError).
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    struct.error,
    OSError,
    EOFError,
    RuntimeError,
    NotImplementedError,
    ValueError,
    OverflowError,
)


def read_docx(data: bytes, name: str) -> tuple[str, str]:
    """Text of a .docx file, one paragraph (or table row) a line; the detail is "docx"."""
    parts = _open_package(data, name)
    reader = _DocxReader(parts.document, parts.styles, parts.numbering, name)
    return "\n".join(reader.lines()) + "\n", "docx"


@dataclass
class _Package:
    document: bytes
    styles: bytes | None
    numbering: bytes | None


def _open_package(data: bytes, name: str) -> _Package:
    if not data.startswith(b"PK"):
        raise InputError(
            f"{name}：不是 .docx 文件（内容不是 Word 文档格式）；请用 Word 或 WPS 打开后另存为 .docx 再试。"
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except _DAMAGED as exc:
        raise InputError(
            f"{name}：.docx 文件已损坏，无法打开；请用 Word 或 WPS 打开后另存为 .docx 再试。"
        ) from exc
    with zf:
        infos = {i.filename: i for i in zf.infolist()}
        total = sum(i.file_size for i in infos.values())
        if total > MAX_TOTAL_BYTES:
            raise InputError(
                f"{name}：.docx 解压后过大（{total // 1024 // 1024} MB），不像是一份通知；已拒绝读取。"
            )
        main = _main_part(zf, infos, name)
        if main not in infos:
            raise InputError(
                f"{name}：文件里没有 Word 正文（不是 .docx 文档，可能是其他 Office 文件改了扩展名）；请确认文件。"
            )
        base = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
        document = _read_part(zf, infos[main], name)
        styles = _read_part(zf, infos[base + "styles.xml"], name) if base + "styles.xml" in infos else None
        numbering = (
            _read_part(zf, infos[base + "numbering.xml"], name) if base + "numbering.xml" in infos else None
        )
    return _Package(document=document, styles=styles, numbering=numbering)


def _main_part(zf: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], name: str) -> str:
    """The main document part named by the package relationships (word/document.xml by default)."""
    rels = infos.get("_rels/.rels")
    if rels is None:
        return "word/document.xml"
    root = _parse_xml(_read_part(zf, rels, name), name)
    for rel in root.iter(f"{{{REL_NS}}}Relationship"):
        if str(rel.get("Type", "")).endswith("/officeDocument"):
            return str(rel.get("Target", "")).lstrip("/")
    return "word/document.xml"


def _read_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    size = info.file_size
    if size > MAX_PART_BYTES or (size > 1024 * 1024 and size > MAX_RATIO * max(info.compress_size, 1)):
        raise InputError(f"{name}：.docx 内部数据异常（压缩比过高或解压后过大，疑似压缩炸弹）；已拒绝读取。")
    try:
        # ZipExtFile stops at the declared size, so a lying header cannot inflate past it.
        return zf.read(info)
    except _DAMAGED as exc:
        raise InputError(
            f"{name}：.docx 文件已损坏（{info.filename} 无法解压）；请用 Word 或 WPS 重新保存后再试。"
        ) from exc


def _etree() -> Any:
    from lxml import etree

    return etree


def _parse_xml(data: bytes, name: str) -> _Element:
    etree = _etree()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(
            f"{name}：.docx 内容已损坏（XML 无法解析）；请用 Word 或 WPS 重新保存后再试。"
        ) from exc


# --- the document walk ---------------------------------------------------------------------------


class _DocxReader:
    def __init__(self, document: bytes, styles: bytes | None, numbering: bytes | None, name: str) -> None:
        self.name = name
        self.root = _parse_xml(document, name)
        tag = str(self.root.tag)
        self.w = W_STRICT if tag.startswith("{" + W_STRICT) else W_TRANSITIONAL
        self.style_numpr: dict[str, tuple[str | None, int | None]] = {}
        self.style_based: dict[str, str] = {}
        # styles.xml and numbering.xml are parsed only when a paragraph names a style or a list:
        # files without either (most typed notices) skip two of the largest parts.
        self._styles_xml = styles
        self._numbering_xml = numbering
        self._numbering: Numbering | None = None
        # Complex-field state across runs (and paragraphs): one entry per open field,
        # "instr" before w:separate, "result" after it, "skip" for a table of contents.
        self.fields: list[list[str]] = []

    @property
    def numbering(self) -> Numbering:
        if self._numbering is None:
            style_num: dict[str, str] = {}
            if self._styles_xml is not None:
                self._load_styles(_parse_xml(self._styles_xml, self.name))
                for sid in self.style_numpr:
                    nid, _ = self._style_numpr(sid)
                    if nid is not None:
                        style_num[sid] = nid
            root = _parse_xml(self._numbering_xml, self.name) if self._numbering_xml else None
            self._numbering = Numbering(root, self.w, style_num)
        return self._numbering

    def _load_styles(self, root: _Element) -> None:
        w = self.w
        for style in root.iter(f"{{{w}}}style"):
            sid = str(style.get(f"{{{w}}}styleId", ""))
            based = style.find(f"{{{w}}}basedOn")
            if based is not None:
                self.style_based[sid] = str(based.get(f"{{{w}}}val", ""))
            numpr = style.find(f"{{{w}}}pPr/{{{w}}}numPr")
            nid: str | None = None
            ilvl: int | None = None
            if numpr is not None:
                n = numpr.find(f"{{{w}}}numId")
                i = numpr.find(f"{{{w}}}ilvl")
                nid = None if n is None else str(n.get(f"{{{w}}}val", ""))
                ilvl = None if i is None else as_int(i.get(f"{{{w}}}val"), 0)
            self.style_numpr[sid] = (nid, ilvl)

    def _style_numpr(self, sid: str) -> tuple[str | None, int | None]:
        """numId and ilvl a paragraph style carries, following w:basedOn (nearest wins)."""
        nid: str | None = None
        ilvl: int | None = None
        seen: set[str] = set()
        current: str | None = sid
        while current and current not in seen:
            seen.add(current)
            snid, silvl = self.style_numpr.get(current, (None, None))
            if nid is None and snid is not None:
                nid = snid
            if ilvl is None and silvl is not None:
                ilvl = silvl
            current = self.style_based.get(current)
        return nid, ilvl

    # -- blocks --

    def lines(self) -> Iterator[str]:
        w = self.w
        body = self.root.find(f"{{{w}}}body")
        if body is None:
            raise InputError(f"{self.name}：Word 文档没有正文；请确认文件内容。")
        pending = ""
        for kind, text in self._blocks(body):
            if kind == "joined":
                # The paragraph mark was deleted in tracked changes: Word shows it joined.
                pending += text
                continue
            text = pending + text
            pending = ""
            for line in text.split("\n"):
                line = line.strip(_SPACE_EDGES)
                if line:
                    yield line
        if pending.strip(_SPACE_EDGES):
            yield pending.strip(_SPACE_EDGES)

    def _blocks(self, parent: _Element) -> Iterator[tuple[str, str]]:
        w = self.w
        for child in parent:
            tag = child.tag
            if tag == f"{{{w}}}p":
                text, joined = self._paragraph(child)
                yield ("joined" if joined else "para"), text
            elif tag == f"{{{w}}}tbl":
                for row in self._table(child):
                    yield "para", row
            elif tag == f"{{{w}}}sdt":
                if self._is_toc(child):
                    continue
                content = child.find(f"{{{w}}}sdtContent")
                if content is not None:
                    yield from self._blocks(content)
            elif tag in (f"{{{w}}}customXml", f"{{{w}}}ins", f"{{{w}}}moveTo", f"{{{w}}}smartTag"):
                yield from self._blocks(child)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    yield from self._blocks(choice)

    def _is_toc(self, sdt: _Element) -> bool:
        w = self.w
        gallery = sdt.find(f"{{{w}}}sdtPr/{{{w}}}docPartObj/{{{w}}}docPartGallery")
        return gallery is not None and "Contents" in str(gallery.get(f"{{{w}}}val", ""))

    # -- paragraphs --

    def _paragraph(self, p: _Element) -> tuple[str, bool]:
        w = self.w
        ppr = p.find(f"{{{w}}}pPr")
        prefix = ""
        joined = False
        if ppr is not None:
            prefix = self._number_label(ppr)
            mark = ppr.find(f"{{{w}}}rPr")
            joined = mark is not None and mark.find(f"{{{w}}}del") is not None
        parts: list[str] = []
        self._inline(p, parts)
        text = "".join(parts)
        if prefix and text.strip(_SPACE_EDGES):
            text = prefix + text.lstrip(_SPACE_EDGES)
        return text, joined

    def _number_label(self, ppr: _Element) -> str:
        w = self.w
        style_el = ppr.find(f"{{{w}}}pStyle")
        style = str(style_el.get(f"{{{w}}}val", "")) if style_el is not None else ""
        numpr = ppr.find(f"{{{w}}}numPr")
        if not style and numpr is None:
            return ""
        numbering = self.numbering  # loads the styles too
        nid, ilvl = self._style_numpr(style) if style else (None, None)
        if numpr is not None:
            n = numpr.find(f"{{{w}}}numId")
            i = numpr.find(f"{{{w}}}ilvl")
            if n is not None:
                nid = str(n.get(f"{{{w}}}val", ""))
            if i is not None:
                ilvl = as_int(i.get(f"{{{w}}}val"), 0)
        if not nid or nid == "0":
            return ""
        if ilvl is None:
            ilvl = (numbering.level_for_style(nid, style) if style else None) or 0
        return numbering.label(nid, ilvl)

    def _visible(self) -> bool:
        return all(state == "result" for state in (f[0] for f in self.fields))

    def _inline(self, el: _Element, out: list[str]) -> None:
        w = self.w
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == f"{{{w}}}r":
                self._run(child, out)
            elif tag in (
                f"{{{w}}}del",
                f"{{{w}}}moveFrom",
                f"{{{w}}}pPr",
                f"{{{w}}}rPr",
                f"{{{w}}}sdtPr",
                f"{{{w}}}sdtEndPr",
                f"{{{MC}}}Fallback",
                f"{{{w}}}commentRangeStart",
            ):
                continue
            elif tag == f"{{{w}}}fldSimple":
                instr = str(child.get(f"{{{w}}}instr", "")).strip().upper()
                if not instr.startswith("TOC"):
                    self._inline(child, out)
            else:
                # w:ins, w:hyperlink, w:sdt/w:sdtContent, w:smartTag, w:customXml, w:moveTo,
                # mc:AlternateContent/mc:Choice …: their runs are shown text.
                self._inline(child, out)

    def _run(self, r: _Element, out: list[str]) -> None:
        w = self.w
        rpr = r.find(f"{{{w}}}rPr")
        hidden = rpr is not None and _on(rpr.find(f"{{{w}}}vanish"), w)
        for child in r:
            tag = child.tag
            if tag == f"{{{w}}}fldChar":
                kind = child.get(f"{{{w}}}fldCharType")
                if kind == "begin":
                    self.fields.append(["instr", ""])
                elif kind == "separate" and self.fields:
                    top = self.fields[-1]
                    top[0] = "skip" if top[1].strip().upper().startswith("TOC") else "result"
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if tag == f"{{{w}}}instrText":
                if self.fields:
                    self.fields[-1][1] += child.text or ""
                continue
            if hidden or not self._visible():
                continue
            if tag == f"{{{w}}}t":
                out.append(child.text or "")
            elif tag == f"{{{w}}}tab" or tag == f"{{{w}}}ptab":
                out.append("\t")
            elif tag == f"{{{w}}}br":
                if child.get(f"{{{w}}}type") in (None, "textWrapping"):
                    out.append("\n")
            elif tag == f"{{{w}}}cr":
                out.append("\n")
            elif tag == f"{{{w}}}noBreakHyphen":
                out.append("-")
            # Drawings, text boxes and pictures (w:drawing, w:pict, mc:AlternateContent) are
            # letterheads and decoration in a notice: skipped.

    # -- tables --

    def _table(self, tbl: _Element) -> Iterator[str]:
        w = self.w
        grid: list[list[GridCell]] = []
        for tr in tbl.iter(f"{{{w}}}tr"):
            if _ancestor_table(tr, w) is not tbl:
                continue  # rows of nested tables are read as their cell's text
            row: list[GridCell] = []
            trpr = tr.find(f"{{{w}}}trPr")
            before = trpr.find(f"{{{w}}}gridBefore") if trpr is not None else None
            if before is not None:
                row.extend(GridCell("", "own") for _ in range(as_int(before.get(f"{{{w}}}val"), 0)))
            for tc in _row_cells(tr, w):
                tcpr = tc.find(f"{{{w}}}tcPr")
                span = 1
                continued = False
                if tcpr is not None:
                    gs = tcpr.find(f"{{{w}}}gridSpan")
                    if gs is not None:
                        span = max(1, min(as_int(gs.get(f"{{{w}}}val"), 1), 64))
                    vm = tcpr.find(f"{{{w}}}vMerge")
                    continued = vm is not None and vm.get(f"{{{w}}}val") in (None, "continue")
                col = len(row)
                if continued:
                    above = grid[-1][col].text if grid and col < len(grid[-1]) else ""
                    row.append(GridCell(above, "v"))
                else:
                    row.append(GridCell(self._cell_text(tc), "own"))
                row.extend(GridCell(row[col].text, "h") for _ in range(span - 1))
            grid.append(row)
        yield from flatten_table(grid)

    def _cell_text(self, tc: _Element) -> str:
        parts: list[str] = []
        for kind, text in self._blocks(tc):
            del kind
            for line in text.split("\n"):
                line = line.strip(_SPACE_EDGES)
                if line:
                    parts.append(line)
        return " ".join(p.replace(" | ", " ｜ ").replace("|", "｜") for p in parts)


def _row_cells(tr: _Element, w: str) -> Iterator[_Element]:
    for child in tr:
        if child.tag == f"{{{w}}}tc":
            yield child
        elif child.tag in (f"{{{w}}}sdt", f"{{{w}}}customXml"):
            content = child.find(f"{{{w}}}sdtContent") if child.tag == f"{{{w}}}sdt" else child
            if content is not None:
                yield from _row_cells(content, w)


def _ancestor_table(el: _Element, w: str) -> _Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != f"{{{w}}}tbl":
        parent = parent.getparent()
    return parent


def _on(el: _Element | None, w: str) -> bool:
    if el is None:
        return False
    return el.get(f"{{{w}}}val") not in ("0", "false", "off")
