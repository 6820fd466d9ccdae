"""Parsing: text → `Notice`. Pure functions; malformed input becomes warnings or `ParseError`.

repair (repair.py)  damage undone first: hard wraps, soft breaks, page numbers, running heads,
                    the web page's footer — one paragraph a line from here on
lines  (lines.py)   whitespace folded, tab/space tables made bar rows, paragraphs run together
                    split again at numbering markers that fit the sequence
header (header.py)  clutter, 文号, 主送, cover letter, issuers, date, plan title, preamble
body   (body.py)    the marker tree, sections, items and their clauses (clauses.py, table.py)

The clause grammar (clauses.py), in short:

    clause   := span of parts; a span is a bracketed group at the end of an item, a label line,
                a label inside the text, a role sentence opening or closing the item, a table cell
    part     := [label "："] names [role] | leader-post role | deadline
    names    := name ("、" name)* ["等" …]        a name is a token that ends like an office
                (局 委 办 厅 科 室 股 处 站 所 中心 政府 街道 …) or is a collective (各… 有关…)
    role     := 牵头 | 分别牵头 | 总牵头 | 负责 | 分别负责 | 配合 | 协办 | 参与 | 按职责分工负责 …
    label    := (主要)? (牵头|责任|配合|协办|主办|承办|实施…) (单位|科室|部门|处室|股室|主体) "："

Roles are then settled per item: explicit leads lead; listed names support when somebody leads
explicitly, otherwise the first one listed leads ("排名第一的为牵头科室"). Leader posts
(分管副县长) become the item's leader, deadlines (完成时限：…, 年内完成) its deadline; rule notes
(下同, 列第一位为牵头单位) are never names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from yaodian.errors import ParseError
from yaodian.model import Item, Notice, ParseWarning, Source, missing_clauses
from yaodian.parsing.body import Body, assemble, build_tree
from yaodian.parsing.header import (
    COVER,
    ORG_SUFFIX,
    Header,
    is_date_line,
    issuers_from_titles,
    parse_date,
    read_header,
)
from yaodian.parsing.lines import Line, logical_lines
from yaodian.parsing.markers import cn_to_int
from yaodian.parsing.table import may_start_table, table_at
from yaodian.patterns import lazy

# "2024年" or "二〇二四年"
YEAR = lazy(r"((?:19|20)\d{2}|[一二][〇零○九][〇零○一二三四五六七八九]{2})\s*年")
# The year inside a 文号: "湘政发〔2019〕1号"
DOC_YEAR = lazy(r"[〔\[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]")
ATTACHMENT_HEAD = lazy(r"^附\s*件\s*[:：]")

__all__ = ["parse_notice"]


def parse_notice(
    text: str,
    *,
    source: Source,
    aliases: Mapping[str, str] | None = None,
    strict: bool = False,
) -> Notice:
    """Parse the text of one notice. Raises `ParseError` when it holds no task item."""
    if not text.strip():
        raise ParseError(f"{source.path}：文件是空的；请确认选对了文件。")
    lines = logical_lines(text)
    start = _body_start(lines)
    header = read_header(lines[:start])
    body = build_tree(lines[start:])
    built = assemble(body, aliases)
    if not built.items:
        raise _no_items(source)
    date, issuers = _signature(header, body)
    broken = {w.line for w in built.warnings if w.code in ("broken-clause", "unread-clause")}
    warnings = [*body.warnings, *built.warnings, *_clause_warnings(built.items, broken)]
    if not header.title:
        warnings.append(ParseWarning(line=1, code="no-title", message="没有找到工作要点的标题。"))
    warnings.sort(key=lambda w: w.line)
    if strict:
        _refuse_if_unsure(source.path, warnings, built.items)
    preamble = "\n".join(
        p for p in [*header.preamble, *(ln.text for ln in body.before), *built.preamble] if p
    )
    return Notice(
        source=source,
        title=header.title,
        notice_title=header.notice_title,
        year=_year(header.title, header.quoted_titles, header.doc_number, date.year if date else None),
        date=date,
        doc_number=header.doc_number,
        recipients=tuple(header.recipients),
        issuers=tuple(issuers),
        cover_letter="\n".join(header.cover_lines),
        preamble=preamble,
        sections=tuple(built.sections),
        items=tuple(built.items),
        warnings=tuple(warnings),
    )


def _no_items(source: Source) -> ParseError:
    guessed = source.encoding and "自动检测" in source.encoding
    hint = (
        f"文件编码是自动猜测的（{source.encoding}），如内容乱码请用 --encoding 指定编码；" if guessed else ""
    )
    return ParseError(
        f"{source.path}：没有找到编号的工作任务条目（如“1.……”“（一）……”或任务表格）；"
        f"{hint}请确认这是一份工作要点通知，或检查编号格式。"
    )


def _signature(header: Header, body: Body) -> tuple[dt.date | None, list[str]]:
    """The date and issuers: from the cover letter's signature; with no cover letter, from the
    signature after the last item; with no signature at all, the body a title names."""
    date, issuers = header.date, list(header.issuers)
    if date is None and body.signature:
        date = next((d for d in map(parse_date, body.signature) if d), None)
        issuers = issuers or [s for s in body.signature if ORG_SUFFIX.search(s) and not parse_date(s)]
    return date, issuers or issuers_from_titles(header)


def _refuse_if_unsure(name: str, warnings: list[ParseWarning], items: list[Item]) -> None:
    """`--strict`: any parser note, or any item without an office, is an error."""
    if warnings:
        first = warnings[0]
        more = f"（另有 {len(warnings) - 1} 条提示）" if len(warnings) > 1 else ""
        raise ParseError(
            f"{name}：第 {first.line} 行：{first.message.rstrip('。')}{more}；去掉 --strict 可照常输出。"
        )
    missing = [i for i in items if not i.offices]
    if missing:
        raise ParseError(
            f"{name}：第 {missing[0].line} 行：{len(missing)} 项条目没有找到责任单位"
            f"（第 {'、'.join(i.number for i in missing)} 条）；去掉 --strict 可照常输出。"
        )


def _body_start(lines: list[Line]) -> int:
    """Index of the first numbered line or task table: everything before it is the header.
    A cover letter may number its own paragraphs ("一、提高思想认识。…"); when the letter's
    signature date follows them and numbered lines follow the date, the body starts there."""
    start = _first_numbered(lines, 0)
    if start < len(lines) and any(COVER.search(line.text) for line in lines[:start]):
        for k in range(start + 1, min(len(lines), start + 40)):
            if is_date_line(lines[k].text):
                after = _first_numbered(lines, k + 1)
                if after < len(lines):
                    return after
                break
    return start


def _first_numbered(lines: list[Line], begin: int) -> int:
    for k in range(begin, len(lines)):
        line = lines[k]
        if line.marker is not None and not _attachment_entry(lines, k):
            return k
        if may_start_table(line.text) and table_at(lines, k) is not None:
            return k
    return len(lines)


def _attachment_entry(lines: list[Line], k: int) -> bool:
    """ "附件：1.某某工作要点" lists the attachments of the cover letter; it is not an item."""
    text = lines[k].text
    if "。" in text or len(text) > 60:
        return False
    for back in range(k - 1, max(-1, k - 4), -1):
        if ATTACHMENT_HEAD.match(lines[back].text):
            return True
        if lines[back].marker is None:
            return False
    return False


def _year(title: str, quoted: list[str], doc_number: str | None, date_year: int | None) -> int | None:
    """The plan's year: from its title, the name the notice quotes, the 文号 (湘政发〔2019〕1号),
    or the date the notice was signed."""
    for text in (title, *quoted):
        m = YEAR.search(text)
        if m:
            year = m.group(1)
            return int(year) if year.isdigit() else cn_to_int(year.replace("○", "〇"))
    if doc_number:
        m = DOC_YEAR.search(doc_number)
        if m:
            return int(m.group(1))
    return date_year


def _clause_warnings(items: list[Item], broken: set[int]) -> list[ParseWarning]:
    """Items without offices, when most items of the notice have them (those whose clause was
    cut by a line break have a warning of their own)."""
    return [
        ParseWarning(line=i.line, code="no-clause", message=f"条目 {i.number} 没有找到责任单位；请核对原文。")
        for i in missing_clauses(items)
        if i.line not in broken
    ]
