"""The words of a year-over-year comparison, shared by its terminal, Markdown, xlsx and docx
renderings: status and kind names, item and section labels, notes, the marking colours."""

from __future__ import annotations

from collections.abc import Sequence

from yaodian.analysis.diff import ItemChange, OfficeDelta, PlanDiff
from yaodian.writers.labels import ROLE_LABEL

STATUS_LABEL = {
    "same": "未变",
    "changed": "修改",
    "added": "新增",
    "removed": "删除",
    "merged": "合并",
    "split": "拆分",
}
SECTION_STATUS_LABEL = {"same": "未变", "renamed": "更名", "added": "新增", "removed": "删除"}
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
