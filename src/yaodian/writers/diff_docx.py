"""The year-over-year comparison as a Word report (年度对比.docx), GB/T 9704 layout.

python-docx has no tracked-changes API, so a text diff is shown with run formatting: deleted
text red and struck through, inserted text blue and underlined (the same marks as the workbook).
Page, fonts, title and page numbers come from `docx_common`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from yaodian.analysis.diff import ItemChange, PlanDiff
from yaodian.numerals import int_to_cn
from yaodian.output import save_built
from yaodian.writers.diff_labels import (
    DELETE_COLOR,
    INSERT_COLOR,
    STATUS_LABEL,
    SUMMARY_LABEL,
    is_listed,
    office_changes,
    pair_label,
    parts_notes,
    responsibility_notes,
    section_note,
    section_text,
)
from yaodian.writers.docx_blocks import (
    add_heading,
    add_page_number_footer,
    add_paragraph,
    add_row,
    add_subtitle,
    add_table,
    add_title,
    text,
)
from yaodian.writers.docx_document import DEFAULT_PROFILE, FontProfile, new_document

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

    from yaodian.analysis.textdiff import TextOp

OFFICE_HEADERS = ("科室", "原牵头", "原配合", "现牵头", "现配合", "新增任务", "减少任务")
OFFICE_WIDTHS_MM = (34, 16, 16, 16, 16, 29, 29)  # 156 mm: the A4 type area between the margins


def write_diff_docx(
    diff: PlanDiff, path: str | Path, *, profile: str | FontProfile = DEFAULT_PROFILE, force: bool = False
) -> Path:
    """Write the comparison report to `path`, atomically."""
    return save_built(lambda: build_diff_document(diff, profile=profile), path, force=force)


def add_marked(doc: Document, ops: Sequence[TextOp]) -> Paragraph:
    """A body paragraph holding a text diff: deletions red + strike, insertions blue + underline."""
    from docx.shared import RGBColor

    para = add_paragraph(doc, "")
    for op in ops:
        run = para.add_run(text(op.text))
        if op.op == "delete":
            run.font.strike = True
            run.font.color.rgb = RGBColor.from_string(DELETE_COLOR)
        elif op.op == "insert":
            run.font.underline = True
            run.font.color.rgb = RGBColor.from_string(INSERT_COLOR)
    return para


def build_diff_document(diff: PlanDiff, *, profile: str | FontProfile = DEFAULT_PROFILE) -> Document:
    """The report in memory: title and sources, then a numbered chapter for each kind of
    change that occurs (概要, 文头, 部分, 科室更名, 条目, 仅重新编号, 科室任务)."""
    doc = new_document(profile)
    add_page_number_footer(doc)
    add_title(doc, "工作要点年度对比")
    add_subtitle(doc, f"《{diff.old.title}》→《{diff.new.title}》")
    add_paragraph(
        doc,
        f"旧：《{diff.old.title}》{diff.old.items} 条；新：《{diff.new.title}》{diff.new.items} 条。"
        "删除的文字以红色删除线标示，新增的文字以蓝色下划线标示。",
    )
    # File paths in the body text would be justified across the line, letter by letter: they
    # go in a small left-aligned note instead.
    _note(doc, f"文件：{diff.old.path}（旧）；{diff.new.path}（新）。相似度阈值 {diff.threshold:g}。")
    chapters = _Chapters(doc)
    chapters.next("概要")
    if not diff.differs:
        add_paragraph(doc, "两份工作要点内容相同。")
        return doc
    counts = [f"{SUMMARY_LABEL[k]} {v}" for k, v in diff.summary().items() if v]
    add_paragraph(doc, "；".join(counts) + "。")
    _header_and_sections(doc, chapters, diff)
    _items(doc, chapters, diff)
    _offices(doc, chapters, diff)
    return doc


def _header_and_sections(doc: Document, chapters: _Chapters, diff: PlanDiff) -> None:
    if diff.header:
        chapters.next("文头变化")
        for h in diff.header:
            add_paragraph(doc, f"{h.label}：{h.old or '无'} → {h.new or '无'}")
    sections = [s for s in diff.sections if s.status != "same" or s.renumbered]
    if sections:
        chapters.next("部分变化")
        for s in sections:
            old = section_text(s.old_number, s.old_title, s.level)
            new = section_text(s.new_number, s.new_title, s.level)
            line = {
                "added": f"新增：{new}",
                "removed": f"删除：{old}",
                "renamed": f"更名：{old} → {new}",
            }.get(s.status, f"重新编号：{old} → {new}")
            add_paragraph(doc, line)
    if diff.renamed_offices:
        chapters.next("科室更名")
        for a, b in diff.renamed_offices:
            add_paragraph(doc, f"{a} → {b}")


def _items(doc: Document, chapters: _Chapters, diff: PlanDiff) -> None:
    listed = [c for c in diff.items if is_listed(c)]
    if listed:
        chapters.next("条目变化")
        for k, change in enumerate(listed, start=1):
            _item(doc, k, change)
    renumbered = [c for c in diff.items if c.renumbered and not is_listed(c)]
    if renumbered:
        chapters.next("仅重新编号")
        add_paragraph(doc, "、".join(f"{c.old[0]}→{c.new[0]}" for c in renumbered) + "。")


def _offices(doc: Document, chapters: _Chapters, diff: PlanDiff) -> None:
    offices = office_changes(diff)
    if not offices:
        return
    chapters.next("科室任务变化")
    table = add_table(doc, OFFICE_HEADERS, OFFICE_WIDTHS_MM)
    for o in offices:
        name = o.name + (f"（原{o.old_name}）" if o.old_name else "")
        values = [
            name,
            str(o.old_lead),
            str(o.old_support),
            str(o.new_lead),
            str(o.new_support),
            "、".join(f"第{n}条" for n in o.gained),
            "、".join(f"第{n}条" for n in o.lost),
        ]
        add_row(table, values, OFFICE_WIDTHS_MM, centred=(1, 2, 3, 4))


def _note(doc: Document, value: str) -> None:
    """A small left-aligned line (the table text style) for what is reference, not report."""
    para = add_paragraph(doc, value, indent=False)
    para.style = doc.styles["TableText"]


class _Chapters:
    """Level-1 headings numbered 一、二、… in the order they are written."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.count = 0

    def next(self, title: str) -> None:
        self.count += 1
        add_heading(self.doc, f"{int_to_cn(self.count)}、{title}", level=1)


def _item(doc: Document, k: int, change: ItemChange) -> None:
    add_heading(doc, f"（{k}）{STATUS_LABEL[change.status]} {pair_label(change)}：{change.title}", level=2)
    facts: list[str] = []
    if change.status not in ("added", "removed"):
        facts.append(f"相似度 {change.similarity:.2f}")
    if change.moved:
        facts.append("顺序调整")
    where = section_note(change)
    if where is not None:
        facts.append(f"所在部分：{where}")
    facts += parts_notes(change)
    facts += responsibility_notes(change)
    if change.status == "added":
        facts.append(f"责任科室：{'、'.join(change.offices_new) or '无'}")
    elif change.status == "removed":
        facts.append(f"责任科室：{'、'.join(change.offices_old) or '无'}")
    if facts:
        add_paragraph(doc, "；".join(facts) + "。")
    from yaodian.analysis.textdiff import TextOp

    if change.status == "added":
        add_marked(doc, [TextOp(op="insert", text=change.new_text)])
    elif change.status == "removed":
        add_marked(doc, [TextOp(op="delete", text=change.old_text)])
    elif change.text_diff:
        add_marked(doc, change.text_diff)
