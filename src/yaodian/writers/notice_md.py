"""The notice as a readable Markdown outline: header, sections, items with their offices."""

from __future__ import annotations

from yaodian.model import Item, Notice, Section


def _offices(item: Item) -> str:
    leads = "、".join(o.name for o in item.leads) or "—"
    supports = "、".join(o.name for o in item.supports)
    return f"牵头：{leads}" + (f"；配合：{supports}" if supports else "")


def _item_lines(item: Item) -> list[str]:
    lines = [f"- **{item.marker or item.number}** {item.title}（{_offices(item)}）"]
    extra = [f"分管领导：{item.leader}"] if item.leader else []
    extra += [f"完成时限：{item.deadline}"] if item.deadline else []
    if extra:
        lines.append(f"  - {'；'.join(extra)}")
    return lines


def _section_lines(section: Section, depth: int) -> list[str]:
    lines = ["", f"{'#' * min(depth + 1, 6)} {section.marker}{section.title}"]
    if section.lead:
        lines.append(f"\n总牵头：{'、'.join(o.name for o in section.lead)}")
    if section.items:
        lines.append("")
        for item in section.items:
            lines.extend(_item_lines(item))
    for child in section.children:
        lines.extend(_section_lines(child, depth + 1))
    return lines


def to_markdown(notice: Notice) -> str:
    """Markdown outline of the notice."""
    lines = [f"# {notice.title or '（无标题）'}", ""]
    facts = [
        ("发文机关", "、".join(notice.issuers)),
        ("成文日期", notice.date.isoformat() if notice.date else ""),
        ("文号", notice.doc_number or ""),
        ("主送", "、".join(notice.recipients)),
        ("条目", f"{len(notice.items)} 项"),
        ("科室", f"{len(notice.offices())} 个"),
    ]
    lines.extend(f"- {k}：{v}" for k, v in facts if v)
    loose = [i for i in notice.items if not notice.section_path(i)]
    if loose:
        lines.append("")
        for item in loose:
            lines.extend(_item_lines(item))
    for section in notice.sections:
        lines.extend(_section_lines(section, 1))
    if notice.warnings:
        lines += ["", "## 解析提示", ""]
        lines.extend(f"- 第 {w.line} 行：{w.message}" for w in notice.warnings)
    return "\n".join(lines) + "\n"
