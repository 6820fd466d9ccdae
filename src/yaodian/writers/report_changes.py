"""The report's optional parts: what changed since the previous plan (`PlanDiff`), and the
progress from the ledger (`StatusReport`). HTML fragments; every text is escaped."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from yaodian.writers import report_assets as assets
from yaodian.writers.diff_labels import (
    STATUS_LABEL,
    SUMMARY_LABEL,
    is_listed,
    office_changes,
    pair_label,
    parts_notes,
    responsibility_notes,
    section_note,
)
from yaodian.writers.report_svg import Bar, legend, stacked_bars
from yaodian.writers.status_labels import summary_sentence

if TYPE_CHECKING:
    from yaodian.analysis.diff import ItemChange, PlanDiff
    from yaodian.analysis.status import StatusReport
    from yaodian.analysis.textdiff import TextOp

# The order in which kinds of change are listed: the leadership reads new and dropped work first.
STATUS_ORDER = ("added", "removed", "changed", "merged", "split", "same")
PROGRESS_SERIES = tuple((name, assets.STATUS_COLORS[name]) for name in ("已完成", "推进中", "未开始", "其他"))


def marked(ops: tuple[TextOp, ...]) -> str:
    """The text diff with `<del>` for deleted and `<ins>` for inserted words."""
    out = []
    for op in ops:
        text = escape(op.text)
        out.append(
            text if op.op == "equal" else f"<del>{text}</del>" if op.op == "delete" else f"<ins>{text}</ins>"
        )
    return "".join(out)


def changes_html(diff: PlanDiff) -> str:
    """Summary figures, office renames, the changed items by kind, then per-office gains and losses."""
    summary = diff.summary()
    old, new = diff.old, diff.new
    intro = (
        f"<p>对比《{escape(old.title)}》（{old.items} 条）与《{escape(new.title)}》（{new.items} 条），"
        "条目按内容对齐；删除的文字<del>红色删除线</del>，新增的文字<ins>蓝色下划线</ins>。</p>"
    )
    keys = ("added", "removed", "changed", "merged", "split", "same", "responsibility_changed")
    facts = "".join(
        f'<div class="fact"><b>{summary[k]}</b><span>{SUMMARY_LABEL[k]}</span></div>' for k in keys
    )
    parts = [intro, f'<div class="facts">{facts}</div>']
    if diff.renamed_offices:
        names = "".join(f"<li>{escape(a)} → {escape(b)}</li>" for a, b in diff.renamed_offices)
        parts.append(f"<h3>科室更名</h3><ul>{names}</ul>")
    for status in STATUS_ORDER:
        group = [c for c in diff.items if c.status == status and is_listed(c)]
        if group:
            title = f"{STATUS_LABEL[status]}条目" if status != "same" else "内容未变、位置调整的条目"
            items = "\n".join(_change(c) for c in group)
            parts.append(f'<h3>{title}（{len(group)}）</h3><ol class="changes">\n{items}\n</ol>')
    parts.append(_office_table(diff))
    return "\n".join(parts)


def _change(change: ItemChange) -> str:
    lines = [
        f'<b><span class="tag {change.status}">{STATUS_LABEL[change.status]}</span>'
        f"{escape(pair_label(change))} {escape(change.title)}</b>"
    ]
    if change.status == "added":
        lines.append(f"<p>{escape(change.new_text)}</p>")
    elif change.status == "removed":
        lines.append(f"<p><del>{escape(change.old_text)}</del></p>")
    elif change.text_changed:
        lines.append(f"<p>{marked(change.text_diff)}</p>")
    notes = [*responsibility_notes(change), *parts_notes(change)]
    where = section_note(change)
    if where:
        notes.append(f"部分：{where}")
    if change.status in ("added", "removed"):
        offices = change.offices_new if change.status == "added" else change.offices_old
        if offices:
            notes.append(f"责任单位：{'、'.join(offices)}")
    if notes:
        lines.append(f'<p class="meta">{escape("；".join(notes))}</p>')
    return f"<li>{''.join(lines)}</li>"


def _office_table(diff: PlanDiff) -> str:
    rows: list[str] = []
    for o in office_changes(diff):
        name = escape(o.name) + (f"（原{escape(o.old_name)}）" if o.old_name else "")
        gained = escape("、".join(f"第{n}条" for n in o.gained)) or "—"
        lost = escape("、".join(f"第{n}条" for n in o.lost)) or "—"
        delta = o.new_total - o.old_total
        rows.append(
            f"<tr><td>{name}</td><td class=n>{o.old_lead}/{o.old_support}</td>"
            f"<td class=n>{o.new_lead}/{o.new_support}</td><td class=n>{delta:+d}</td>"
            f"<td>{gained}</td><td>{lost}</td></tr>"
        )
    if not rows:
        return "<h3>各科室任务增减</h3><p>各科室的任务没有变化。</p>"
    body = "\n".join(rows)
    return (
        '<h3>各科室任务增减</h3><div class="wide"><table class="list"><thead><tr><th>科室</th>'
        "<th>上年 牵头/配合</th><th>今年 牵头/配合</th><th>增减</th><th>新增任务（今年编号）</th>"
        f"<th>减少任务（上年编号）</th></tr></thead><tbody>\n{body}\n</tbody></table></div>"
    )


def progress_html(report: StatusReport) -> str:
    """The summary sentence, a stacked bar per office by 状态, and the overdue list."""
    bars = [
        Bar(
            label=o.name,
            parts=(o.done, o.in_progress, o.not_started, o.total - o.done - o.in_progress - o.not_started),
        )
        for o in report.offices
    ]
    chart = stacked_bars(bars, PROGRESS_SERIES, title="各科室任务推进情况")
    parts = [
        f"<p>{escape(summary_sentence(report))}</p>",
        legend(PROGRESS_SERIES).replace("其他", "其他（滞后、持续推进）"),
        f'<div class="wide">{chart}</div>',
    ]
    if not report.overdue:
        parts.append(f"<h3>逾期任务</h3><p>截至统计日期（{report.as_of.isoformat()}）没有逾期任务。</p>")
        return "\n".join(parts)
    rows = "\n".join(
        f"<tr><td>{escape(r.key)}</td><td>第{escape(r.number)}条 {escape(r.task)}</td><td>{escape(r.office)}</td>"
        f"<td>{escape(r.role)}</td><td>{r.deadline.isoformat() if r.deadline else ''}</td>"
        f'<td class="bad">{escape(r.status or "未开始")}</td></tr>'
        for r in report.overdue
    )
    parts.append(
        f"<h3>逾期任务（{len(report.overdue)} 项）</h3>"
        '<div class="wide"><table class="list"><thead><tr><th>编号</th><th>任务</th><th>科室</th>'
        f"<th>角色</th><th>截止日期</th><th>状态</th></tr></thead><tbody>\n{rows}\n</tbody></table></div>"
    )
    return "\n".join(parts)
