"""The year-over-year comparison as text: JSON for tools, Markdown for people.

Both renderers are pure (PlanDiff in, string out); the CLI decides between stdout and a file.
The words they use are `diff_labels`, shared with the terminal, xlsx and docx renderings.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence

from yaodian.analysis.diff import ItemChange, PlanDiff, SectionChange
from yaodian.analysis.textdiff import TextOp
from yaodian.writers.diff_labels import (
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


def to_json(diff: PlanDiff) -> str:
    """The comparison as JSON (schema: `diff.schema.json`), UTF-8, indented, with a final newline."""
    return json.dumps(diff.to_dict(), ensure_ascii=False, indent=2) + "\n"


# --- Markdown -----------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Escape text for Markdown running text and table cells (one line, no HTML)."""
    text = html.escape(" ".join(text.split()), quote=False)
    for ch in "\\`*_[]|~#":
        text = text.replace(ch, "\\" + ch)
    return text


def marked_markdown(ops: Sequence[TextOp]) -> str:
    """A text diff inline: deletions in `<del>`, insertions in `<ins>` (rendered by GitHub/GitLab)."""
    out: list[str] = []
    for op in ops:
        if op.op == "equal":
            out.append(_md(op.text))
        elif op.op == "delete":
            out.append(f"<del>{_md(op.text)}</del>")
        else:
            out.append(f"<ins>{_md(op.text)}</ins>")
    return "".join(out)


def to_markdown(diff: PlanDiff) -> str:
    """The comparison as a Markdown report: summary, header, sections, renames, items, offices."""
    out: list[str] = ["# 工作要点年度对比", ""]
    for label, info in (("旧", diff.old), ("新", diff.new)):
        out.append(f"- {label}：《{_md(info.title)}》（{_md(info.path)}，{info.items} 条）")
    out += [f"- 相似度阈值：{diff.threshold:g}", ""]
    if not diff.differs:
        out += ["两份工作要点内容相同。", ""]

    out += ["## 概要", "", "| 项目 | 数量 |", "| --- | ---: |"]
    out += [f"| {SUMMARY_LABEL[k]} | {v} |" for k, v in diff.summary().items()]
    out.append("")

    if diff.header:
        out += ["## 文头变化", "", "| 字段 | 旧 | 新 |", "| --- | --- | --- |"]
        out += [f"| {h.label} | {_md(h.old or '无')} | {_md(h.new or '无')} |" for h in diff.header]
        out.append("")

    section_lines = [_section_line(s) for s in diff.sections if s.status != "same" or s.renumbered]
    if section_lines:
        out += ["## 部分变化", "", *section_lines, ""]

    if diff.renamed_offices:
        out += ["## 科室更名", ""]
        out += [f"- {_md(a)} → {_md(b)}" for a, b in diff.renamed_offices]
        out.append("")

    listed = [c for c in diff.items if is_listed(c)]
    if listed:
        out += ["## 条目变化", ""]
        for change in listed:
            out += _item_block(change)

    renumbered = [c for c in diff.items if c.renumbered and not is_listed(c)]
    if renumbered:
        out += ["## 仅重新编号", ""]
        out.append("、".join(f"{c.old[0]}→{c.new[0]}" for c in renumbered))
        out.append("")

    offices = office_changes(diff)
    if offices:
        out += [
            "## 科室任务变化",
            "",
            "| 科室 | 原名称 | 原牵头 | 原配合 | 现牵头 | 现配合 | 新增任务 | 减少任务 |",
            "| --- | --- | ---: | ---: | ---: | ---: | --- | --- |",
        ]
        for o in offices:
            out.append(
                f"| {_md(o.name)} | {_md(o.old_name or '')} | {o.old_lead} | {o.old_support} | "
                f"{o.new_lead} | {o.new_support} | {'、'.join(o.gained)} | {'、'.join(o.lost)} |"
            )
        unchanged = len(diff.offices) - len(offices)
        if unchanged:
            out += ["", f"其余 {unchanged} 个科室的任务没有变化。"]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _section_line(s: SectionChange) -> str:
    old = _md(section_text(s.old_number, s.old_title, s.level))
    new = _md(section_text(s.new_number, s.new_title, s.level))
    if s.status == "added":
        return f"- 新增：{new}"
    if s.status == "removed":
        return f"- 删除：{old}"
    if s.status == "renamed":
        return f"- 更名：{old} → {new}"
    return f"- 重新编号：{old} → {new}"


def _item_block(change: ItemChange) -> list[str]:
    head = f"### {STATUS_LABEL[change.status]} {pair_label(change)}：{_md(change.title)}"
    lines = [head, ""]
    facts: list[str] = []
    if change.status not in ("added", "removed"):
        facts.append(f"相似度 {change.similarity:.3f}")
    if change.moved:
        facts.append("顺序调整")
    if facts:
        lines.append(f"- {'；'.join(facts)}")
    where = section_note(change)
    if where is not None:
        lines.append(f"- 部分：{_md(where)}")
    lines += [f"- {_md(n)}" for n in parts_notes(change)]
    lines += [f"- {_md(n)}" for n in responsibility_notes(change)]
    if change.status == "added":
        lines.append(f"- 责任科室：{_md('、'.join(change.offices_new) or '无')}")
    elif change.status == "removed":
        lines.append(f"- 责任科室：{_md('、'.join(change.offices_old) or '无')}")
    lines.append("")
    if change.text_diff:
        lines += [f"> {marked_markdown(change.text_diff)}", ""]
    elif change.status == "added":
        lines += [f"> {_md(change.new_text)}", ""]
    elif change.status == "removed":
        lines += [f"> {_md(change.old_text)}", ""]
    elif change.status in ("merged", "split"):
        lines += ["> 文字未改动。", ""]
    return lines
