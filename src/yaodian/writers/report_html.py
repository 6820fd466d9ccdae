"""The leadership report (工作要点一览): one self-contained HTML page.

`build_report` writes, in order: the header facts, the bar chart of tasks per office, the matrix
as a heat map, the per-office view, and — when given — the changes since the previous plan
(`PlanDiff`) and the progress from the ledger (`StatusReport`). Everything the page says is in
the HTML, so it reads with JavaScript off; the small script only filters and highlights.

Safety: every piece of text from a notice or a ledger goes through `html.escape` (quotes too,
since text also lands in attributes), and the Content-Security-Policy allows no source at all —
no network, no other script than the page's own (by its hash), no images but `data:`.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from yaodian.analysis.assignments import (
    Matrix,
    OfficeTasks,
    item_body,
    office_tasks,
    responsibility_matrix,
    section_label,
)
from yaodian.model import LEAD
from yaodian.version import __version__
from yaodian.writers import report_assets as assets
from yaodian.writers.labels import date_text
from yaodian.writers.report_svg import Bar, legend, stacked_bars

if TYPE_CHECKING:
    from yaodian.analysis.diff import PlanDiff
    from yaodian.analysis.status import StatusReport
    from yaodian.model import Item, Notice, Role, Section

ROLE_SERIES = (("牵头", assets.LEAD_COLOR), ("配合", assets.SUPPORT_COLOR))
NL = "\n"
MARK: dict[str, tuple[str, str, str]] = {LEAD: ("l", "●", "牵头"), "support": ("s", "○", "配合")}


def script_hash() -> str:
    """The CSP source that lets the page's own script, and only it, run."""
    digest = hashlib.sha256(assets.SCRIPT.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy() -> str:
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src {script_hash()}; base-uri 'none'; form-action 'none'"
    )


def build_report(notice: Notice, *, diff: PlanDiff | None = None, status: StatusReport | None = None) -> str:
    """The whole page as a string."""
    matrix = responsibility_matrix(notice)
    lists = office_tasks(notice)
    parts = [
        ("facts", "概况", _facts(notice, matrix)),
        ("load", "各科室任务量", _load_chart(matrix)),
        ("matrix", "责任矩阵", _matrix(notice, matrix)),
        ("offices", "科室任务", _offices(notice, lists)),
    ]
    if diff is not None:
        from yaodian.writers.report_changes import changes_html

        parts.append(("changes", "与上年相比", changes_html(diff)))
    if status is not None:
        from yaodian.writers.report_changes import progress_html

        parts.append(("progress", "推进情况", progress_html(status)))
    toc = "".join(f'<a href="#{key}">{title}</a>' for key, title, _ in parts)
    body = "\n".join(
        f'<section class="part" id="{key}"><h2>{title}</h2>\n{html}\n</section>' for key, title, html in parts
    )
    title = escape(notice.title or "工作要点")
    # One line per block (rows, tasks, sections): the golden file then diffs line by line.
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy()}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="yaodian {escape(__version__)}">\n'
        f"<title>{title} · 一览</title>\n<style>{assets.CSS}</style>\n</head><body>\n"
        f'{_top(notice)}\n<nav class="toc">{toc}</nav>\n<main>\n{body}\n</main>\n'
        '<div id="tip" hidden role="status"></div>\n'
        f"<footer>由 yaodian {escape(__version__)} 根据《{title}》生成；"
        "页面不连接网络，可离线打开、转发、打印。</footer>\n"
        f"<script>{assets.SCRIPT}</script>\n</body></html>\n"
    )


def write_report(
    notice: Notice,
    path: str | Path,
    *,
    diff: PlanDiff | None = None,
    status: StatusReport | None = None,
    force: bool = False,
) -> Path:
    """Write the page to `path` (atomically; `force` to overwrite) and return the path."""
    from yaodian.output import write_text

    write_text(path, build_report(notice, diff=diff, status=status), force=force)
    return Path(path)


# --- header and facts ----------------------------------------------------------------------------


def _top(notice: Notice) -> str:
    lines = []
    if notice.issuers:
        lines.append(f"<p>发文机关：{escape('、'.join(notice.issuers))}</p>")
    meta = [x for x in (notice.doc_number or "", date_text(notice)) if x]
    if meta:
        lines.append(f"<p>{escape('　'.join(meta))}</p>")
    return f'<header class="top"><h1>{escape(notice.title or "工作要点")}</h1>{"".join(lines)}</header>'


def _facts(notice: Notice, matrix: Matrix) -> str:
    coverage = notice.coverage()
    offices = matrix.offices
    units = sum(1 for o in offices if not o.collective)
    cells = [
        ("条目", str(len(notice.items)), False),
        ("部分", str(len(notice.sections)), False),
        ("责任单位", f"{len(offices)}", False),
        ("其中科室", str(units), False),
        ("牵头任务", str(sum(len(o.lead) for o in offices)), False),
        ("配合任务", str(sum(len(o.support) for o in offices)), False),
        ("写明责任单位", f"{coverage.with_offices}/{coverage.items}", not coverage.complete),
    ]
    facts = "".join(
        f'<div class="fact{" bad" if bad else ""}"><b>{value}</b><span>{label}</span></div>'
        for label, value, bad in cells
    )
    if coverage.complete:
        note = "<p>每项条目都写明了责任单位。</p>"
    else:
        missing = "、".join(coverage.without_offices)
        note = f'<p class="bad">没有写明责任单位的条目：第 {escape(missing)} 条（请核对原文）。</p>'
    busiest = max(offices, key=lambda o: o.total, default=None)
    lead = f"<p>任务最多的是{escape(busiest.name)}（{busiest.total} 项）。</p>" if busiest else ""
    return f'<div class="facts">{facts}</div>{note}{lead}'


def _load_chart(matrix: Matrix) -> str:
    bars = [Bar(label=o.name, parts=(len(o.lead), len(o.support))) for o in matrix.offices]
    chart = stacked_bars(bars, ROLE_SERIES, title="各科室牵头、配合任务数")
    return legend(ROLE_SERIES) + f'<div class="wide">{chart}</div>'


# --- matrix ----------------------------------------------------------------------------------------


def _matrix(notice: Notice, matrix: Matrix) -> str:
    """Items × offices; a section row above each new section; hover (title) or tap shows the task."""
    offices = matrix.offices
    head = "".join(
        f'<th class="office" scope="col" title="{escape(o.name)}：牵头 {len(o.lead)}，配合 {len(o.support)}">'
        f"{escape(o.name)}</th>"
        for o in offices
    )
    span = len(offices) + 2
    most = max((row.count for row in matrix.rows), default=0)
    busiest = max((o.total for o in offices), default=0)
    body: list[str] = []
    shown: tuple[Section, ...] = ()
    for row in matrix.rows:
        # Sections by identity: a plan may print two equal headings, each heads its own rows.
        same = 0
        while same < min(len(shown), len(row.sections)) and shown[same] is row.sections[same]:
            same += 1
        for depth in range(same, len(row.sections)):
            label = escape(section_label(row.sections[depth]))
            body.append(f'<tr class="sec" data-l="{depth}"><th colspan="{span}">{label}</th></tr>')
        shown = row.sections
        body.append(_matrix_row(row.item, row.roles, [o.name for o in offices], most))
    totals = "".join(f'<td class="n {heat(o.total, busiest)}">{o.total}</td>' for o in offices)
    tools = (
        '<div class="tools" data-js hidden><label>搜索条目 <input id="q" type="search" '
        'placeholder="任务中的词或科室名，如 课后服务、基教科" autocomplete="off"></label>'
        '<span id="shown" aria-live="polite"></span></div>'
    )
    return (
        '<p class="legend"><span class="key l">●</span>牵头　<span class="key s">○</span>配合　'
        "末列、末行：条目涉及的科室数、科室的任务数，颜色越深越多。把鼠标停在条目或格子上（手机上轻点）可看任务内容。</p>"
        + tools
        + '<div class="scroll"><table class="matrix"><thead><tr>'
        f'<th class="corner row" scope="col">条目</th>{head}<th class="n" scope="col">科室数</th></tr></thead>'
        f"<tbody>\n{NL.join(body)}\n</tbody>"
        f'<tfoot><tr><th class="row" scope="row">合计</th>{totals}<td></td></tr></tfoot></table></div>'
    )


def _matrix_row(item: Item, roles: tuple[Role | None, ...], names: list[str], most: int) -> str:
    title = f"第{item.number}条 {item.title}"
    cells: list[str] = []
    involved: list[str] = []
    for name, role in zip(names, roles, strict=True):
        if role is None:
            cells.append("<td></td>")
            continue
        css, mark, word = MARK[role]
        involved.append(name)
        cells.append(f'<td class="{css}" title="{escape(f"{title}　{name} {word}")}">{mark}</td>')
    none = "" if involved else " none"
    return (
        f'<tr class="item{none}" data-o="{escape(" ".join(involved))}">'
        f'<th class="row" scope="row" title="{escape(f"{title}：{item_body(item)}")}">'
        f'<span class="num">{escape(item.number)}</span>{escape(item.title)}</th>'
        f'{"".join(cells)}<td class="n {heat(len(involved), most)}">{len(involved) or "—"}</td></tr>'
    )


def heat(value: int, most: int) -> str:
    """The shade class (h0–h4) of a count against the largest one: the heat of rows and columns."""
    return f"h{-(-4 * value // most) if most else 0}"


# --- per-office view -------------------------------------------------------------------------------


def _offices(notice: Notice, lists: tuple[OfficeTasks, ...]) -> str:
    options = "".join(
        f'<option value="{escape(o.name)}">{escape(o.name)}（牵头 {len(o.lead)}，配合 {len(o.support)}）</option>'
        for o in lists
    )
    picker = (
        '<div class="tools" data-js hidden><label>选择科室 <select id="pick">'
        f'<option value="">全部科室</option>{options}</select></label></div>'
    )
    index = "".join(f'<a href="#o{k}">{escape(o.name)}</a>' for k, o in enumerate(lists))
    blocks = "\n".join(_office_block(notice, k, o) for k, o in enumerate(lists))
    return f'{picker}\n<nav class="offices-index" data-nojs>{index}</nav>\n{blocks}'


def _office_block(notice: Notice, k: int, office: OfficeTasks) -> str:
    groups = []
    for word, css, tasks in (("牵头任务", "l", office.lead), ("配合任务", "s", office.support)):
        if not tasks:
            continue
        items = []
        for t in tasks:
            others = "、".join(f"{n}（牵头）" if n in t.leads else n for n in t.co_offices)
            where = " / ".join(t.sections)
            meta = [f"所在部分：{where}"] if where else []
            if others:
                meta.append(f"协同：{others}")
            deadline, leader = notice.deadline_of(t.item), notice.leader_of(t.item)
            if deadline is not None:
                meta.append(f"完成时限：{deadline.text}")
            if leader:
                meta.append(f"分管领导：{leader}")
            items.append(
                f'<li class="task"><b><span class="role {css}">{word[:2]}</span>'
                f"第{escape(t.item.number)}条 {escape(t.item.title)}</b>"
                f"<p>{escape(t.body)}</p>"
                f'<p class="meta">{escape("；".join(meta))}</p></li>'
            )
        groups.append(f"<h4>{word}（{len(tasks)} 项）</h4><ol>\n{NL.join(items)}\n</ol>")
    return (
        f'<section class="office" id="o{k}" data-office="{escape(office.name)}">'
        f"<h3>{escape(office.name)}　<small class=meta>共 {office.total} 项</small></h3>{''.join(groups)}</section>"
    )
