"""The year-over-year comparison as text: JSON for tools, Markdown for people.

Both renderers are pure (PlanDiff in, string out); the CLI decides between stdout and a file.
The labels here are shared by the terminal, xlsx and docx renderings so that every output calls
a change by the same Chinese name.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence

from yaodian.analysis.diff import ItemChange, OfficeDelta, PlanDiff, SectionChange
from yaodian.analysis.textdiff import TextOp

STATUS_LABEL = {
    "same": "未变",
    "changed": "修改",
    "added": "新增",
    "removed": "删除",
    "merged": "合并",
    "split": "拆分",
}
SECTION_STATUS_LABEL = {"same": "未变", "renamed": "更名", "added": "新增", "removed": "删除"}
ROLE_LABEL = {"lead": "牵头", "support": "配合"}
KIND_LABEL = {
    "text": "文字修改",
    "lead": "牵头变化",
    "offices_added": "增加科室",
    "offices_removed": "减少科室",
    "role": "角色调整",
    "renumbered": "重新编号",
    "moved": "顺序调整",
    "section": "调整部分",
    "leader": "分管领导",
    "deadline": "完成时限",
}
SUMMARY_LABEL = {
    "same": "未变条目",
    "changed": "修改条目",
    "added": "新增条目",
    "removed": "删除条目",
    "merged": "合并条目",
    "split": "拆分条目",
    "renumbered": "重新编号",
    "moved": "顺序调整",
    "section_changed": "调整部分",
    "text_changed": "文字修改",
    "responsibility_changed": "责任科室变化",
    "renamed_offices": "科室更名",
    "sections_changed": "部分变化",
    "header_changed": "文头变化",
}

# Marked-up text in the xlsx and docx reports: deletions red and struck, insertions blue.
DELETE_COLOR = "C00000"  # dark red
INSERT_COLOR = "0070C0"  # blue: reads apart from red for the colour-blind too


def numbers_text(numbers: Sequence[str]) -> str:
    """`第21、22条`; empty when there are none."""
    return f"第{'、'.join(numbers)}条" if numbers else ""


def pair_label(change: ItemChange) -> str:
    """`第12条 → 第13条`, `第21、22条 → 第22条`, `新增第35条`, `删除第11条`."""
    if not change.old:
        return f"新{numbers_text(change.new)}"
    if not change.new:
        return f"原{numbers_text(change.old)}"
    if change.old == change.new:
        return numbers_text(change.old)
    return f"{numbers_text(change.old)} → {numbers_text(change.new)}"


def section_path_text(titles: Sequence[str]) -> str:
    return " / ".join(titles)


def section_text(number: str | None, title: str | None, level: int) -> str:
    if number is None:
        return title or ""
    marker = f"{number}、" if level == 1 else f"（{number}）"
    return f"{marker}{title or ''}"


def responsibility_notes(change: ItemChange) -> list[str]:
    """Short Chinese lines for what changed in the offices of one aligned item."""
    notes: list[str] = []
    if change.lead_changed:
        notes.append(f"牵头：{'、'.join(change.lead_old) or '无'} → {'、'.join(change.lead_new) or '无'}")
    if change.offices_added and change.status != "added":
        notes.append(f"增加科室：{'、'.join(change.offices_added)}")
    if change.offices_removed and change.status != "removed":
        notes.append(f"减少科室：{'、'.join(change.offices_removed)}")
    if change.role_changes:
        roles = "；".join(f"{r.office} {ROLE_LABEL[r.old]}→{ROLE_LABEL[r.new]}" for r in change.role_changes)
        notes.append(f"角色调整：{roles}")
    for f in change.fields:
        notes.append(f"{f.label}：{f.old or '无'} → {f.new or '无'}")
    return notes


def section_note(change: ItemChange) -> str | None:
    """Where the item stands: `old → new` when it changed section, else its one side's section."""
    if change.section_changed:
        return f"{section_path_text(change.old_sections)} → {section_path_text(change.new_sections)}"
    if change.status == "added":
        return section_path_text(change.new_sections)
    if change.status == "removed":
        return section_path_text(change.old_sections)
    return None


def parts_notes(change: ItemChange) -> list[str]:
    """For merged and split items, one line per item on each side: `原第21条：标题（牵头：人事科）`."""
    if change.status not in ("merged", "split"):
        return []
    notes: list[str] = []
    for prefix, parts in (("原", change.old_parts), ("现", change.new_parts)):
        for part in parts:
            lead = f"（牵头：{'、'.join(part.lead)}）" if part.lead else ""
            notes.append(f"{prefix}第{part.number}条：{part.title}{lead}")
    return notes


def kinds_text(change: ItemChange) -> str:
    return "、".join(KIND_LABEL.get(k, k) for k in change.kinds)


def is_listed(change: ItemChange) -> bool:
    """Whether an item is shown among the changes (renumbering alone is listed separately)."""
    return change.status != "same" or change.moved or change.section_changed


def office_changes(diff: PlanDiff) -> list[OfficeDelta]:
    return [o for o in diff.offices if o.changed]


# --- JSON ---------------------------------------------------------------------------------------


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
