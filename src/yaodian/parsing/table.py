"""Task tables flattened to text, in any of the layouts text extraction leaves:

    序号 | 工作任务 | 牵头单位 | 配合单位 |        one row a line, cells between bars (tabs become bars)
    1 | 建成物流中心 | 区商务局 | 区交通局 |
    序号 |  重点工作 |  1 |  建成物流中心 |       one cell a line, with or without a bar
    序号 / 重点工作任务 / 主要责任单位 / …          one cell a line, no separator at all

A table starts at its header row, recognised by its column words (序号; 工作任务 重点工作 主要内容;
牵头单位 主要责任单位; 责任单位 责任科室; 配合单位 协同配合单位; 责任领导; 完成时限). Cells are then
read by what they hold rather than only by position, because merged cells shift the columns: a
cell "一、…" is a section row, a bare number or a "3." prefix is the row number, and a cell under
an office column that does not read as office names belongs to the task text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from yaodian.parsing.clauses import reads_as_offices
from yaodian.parsing.lines import Line
from yaodian.parsing.markers import Marker, marker_at
from yaodian.patterns import lazy

# Column roles by header words, most specific first.
_COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", lazy(r"^(?:序号|编号|序|号)$")),
    # A category cell before the number ("经济发展 | 1 | …"): kept with the row, never the task.
    ("category", lazy(r"^(?:类别|类型|分类|领域|板块|方面|专项|项目类别|工作类别)$")),
    ("leader", lazy(r"领导|分管|包保|县级|责任人")),
    ("lead", lazy(r"牵头|主要责任|主责|主办")),
    ("support", lazy(r"配合|协办|协同|参与|协助")),
    ("listed", lazy(r"责任(?:单位|部门|科室|处室|股室)|承办|实施(?:单位|主体)|落实单位")),
    ("deadline", lazy(r"时限|时间|进度|节点")),
    ("note", lazy(r"备注|说明")),
    ("task", lazy(r"任务|工作|内容|事项|措施|目标|项目|要求")),
)
OFFICE_ROLES = ("lead", "listed", "support")
# Header cells are short: "重点工作任务" "协同配合单位"; "2022年预期目标" has a year before it.
_MAX_HEADER = 12
# A cell that is only a row number: "3" "12." "（5）"
BARE_NUMBER = lazy(r"^[(（]?\s*(\d{1,4})\s*[)）.．、]?$")
# A row number glued to its task: "3.及时更新…" "3、…"
NUMBERED_TASK = lazy(r"^(\d{1,4})\s*[.．、]\s*(?=\S)(?!\d)")
# Header cells are bare words: no punctuation, no numbering ("二、重点工作" is a section).
_NOT_HEADER = lazy(r"[：:、，,。；;！？!?]|^[(（]?[0-9一二三四五六七八九十]{1,3}[)）.．、]")


# A row with no bars: "5 城镇新增就业八千人。 区人社局" (number, task, office apart by spaces)
SPACED_ROW = lazy(r"^(?P<number>\d{1,3})\s+(?P<task>\S.{3,}?)\s+(?P<office>[^\s。.]{2,40})$")


def spaced_row(text: str) -> re.Match[str] | None:
    """ "5 城镇新增就业八千人。 区人社局": number, task and office apart by spaces."""
    return SPACED_ROW.match(text) if text[:1].isdigit() and " " in text else None


# "附件2" "附件：" ends one table; the next may follow.
_ATTACHMENT = lazy(r"^附\s*件\s*\d*\s*[:：]?\s*$")


# Spaces that PDF extraction leaves between two Chinese characters: "工作机 制".
CJK_GAP = lazy(r"(?<=[\u3400-\u9fff，。、；：“”（）])\s+(?=[\u3400-\u9fff，。、；：“”（）])")


class Row(NamedTuple):
    """One task row of a table, its cells keyed by column role."""

    line: int
    end_line: int
    cells: dict[str, str]


class Table(NamedTuple):
    """A table read from the lines: its rows and section rows in order, and where it ends."""

    entries: list[Row | Line]  # a Line is a section row ("一、…"), carrying its marker
    end: int


class _Cell(NamedTuple):
    line: int
    text: str


def is_table_line(text: str) -> bool:
    return "|" in text and (text.endswith("|") or text.count("|") >= 2)


def _cells(text: str) -> list[str]:
    parts = [p.strip() for p in text.split("|")]
    if parts and parts[-1] == "":
        parts.pop()
    if parts and parts[0] == "" and text.lstrip().startswith("|"):
        parts.pop(0)
    gap = CJK_GAP
    return [gap.sub("", p) for p in parts]


def column_role(header: str) -> str | None:
    if len(header) > 3 * _MAX_HEADER:
        return None
    header = "".join(header.split())
    if not header or len(header) > _MAX_HEADER or _NOT_HEADER.search(header):
        return None
    for role, pattern in _COLUMNS:
        if pattern.search(header):
            return role
    return None


def _header(cells: Sequence[_Cell], start: int) -> list[str | None] | None:
    """The column roles of a header row starting at `start`: a run of two or more column words
    with a task column and an office or number column among them."""
    roles: list[str | None] = []
    k = start
    while k < len(cells) and len(roles) < 12:
        role = column_role(cells[k].text)
        if role is None:
            break
        roles.append(role)
        k += 1
    ok = "task" in roles and any(r in roles for r in (*OFFICE_ROLES, "number"))
    return roles if ok and len(roles) >= 2 else None


def may_start_table(text: str) -> bool:
    """A cheap test before `table_at`: a bar row, a column word, or a spaced row."""
    return is_table_line(text) or column_role(text) is not None or spaced_row(text) is not None


def table_at(lines: Sequence[Line], k: int) -> Table | None:
    """The table whose header starts at line k, if one does."""
    if spaced_row(lines[k].text):
        return _spaced_rows(lines, k)
    if is_table_line(lines[k].text):
        block: list[Line] = []
        for line in lines[k:]:
            if not is_table_line(line.text):
                break
            block.append(line)
        return _bar_table(block, k)
    if column_role(lines[k].text) is None:
        return None
    cells = [_Cell(line.no, line.text) for line in lines[k : k + 13]]
    roles = _header(cells, 0)
    if roles is None:
        return None
    end = k + len(roles)
    while end < len(lines) and not _ends_table(lines, end):
        end += 1
    body = [_Cell(line.no, line.text) for line in lines[k + len(roles) : end]]
    return Table(_cell_rows(roles, body), end)


def _spaced_rows(lines: Sequence[Line], k: int) -> Table | None:
    """Rows with no header, number and office set apart by spaces, two or more in a run:
    "5 城镇新增就业八千人。 区人社局" (section rows "一、…" may stand between them)."""
    entries: list[Row | Line] = []
    end = k
    while end < len(lines):
        text = lines[end].text
        m = spaced_row(text)
        if m is not None and reads_as_offices(m.group("office")):
            cells = {"number": m.group("number"), "task": m.group("task"), "listed": m.group("office")}
            entries.append(Row(lines[end].no, lines[end].no, cells))
        elif entries and (section := _section_marker(text)) is not None:
            entries.append(Line(lines[end].no, text, section))
        else:
            break
        end += 1
    while entries and isinstance(entries[-1], Line):
        entries.pop()
        end -= 1
    if sum(isinstance(e, Row) for e in entries) < 2:
        return None
    return Table(entries, end)


def _ends_table(lines: Sequence[Line], k: int) -> bool:
    text = lines[k].text
    return bool(_ATTACHMENT.match(text)) or (column_role(text) is not None and table_at(lines, k) is not None)


def _bar_table(block: Sequence[Line], k: int) -> Table | None:
    per_line = [[_Cell(line.no, c) for c in _cells(line.text)] for line in block]
    cells = [c for row in per_line for c in row]
    start = next((j for j in range(len(cells)) if _header(cells, j) is not None), None)
    if start is None:
        return None
    roles = _header(cells, start)
    assert roles is not None
    header_line = cells[start + len(roles) - 1].line
    row_lines = [r for r in per_line if r and r[0].line > header_line]
    if row_lines and sum(len(r) >= 2 for r in row_lines) >= len(row_lines) * 0.6:
        entries: list[Row | Line] = []
        for r in row_lines:
            entries.extend(_interpret(roles, r))
        return Table(entries, k + len(block))
    return Table(_cell_rows(roles, cells[start + len(roles) :]), k + len(block))


def _cell_rows(roles: Sequence[str | None], cells: Sequence[_Cell]) -> list[Row | Line]:
    """Rows from a stream of cells, one a line: a row starts at its number (or, in a table
    without numbers, every `len(roles)` cells); "一、…" cells are section rows.

    Where a category column stands before the number (a header 工作任务 / 具体要求 / 责任科室 over
    rows 类别 / 1 / 任务 / 科室, the 类别 cell merged over several rows), the cells before the first
    number tell how many lead a row; a row takes that many cells less after its number, and the
    rest before the next number is that row's category."""
    entries: list[Row | Line] = []
    row: list[_Cell] = []

    def flush() -> None:
        if row:
            entries.extend(_interpret(roles, row))
            row.clear()

    numbers = [c for c in cells if BARE_NUMBER.match(c.text)]
    numbered = "number" in roles or (len(numbers) >= 2 and _ascending(numbers))
    first = next((k for k, c in enumerate(cells) if BARE_NUMBER.match(c.text) or _section_marker(c.text)), 0)
    leading = first if "number" not in roles and first < len(roles) else 0
    after_number = len(roles) - leading - ("number" in roles)
    pending: list[_Cell] = []  # category cells waiting for the next row's number
    for cell in cells:
        section = _section_marker(cell.text)
        if section is not None:
            flush()
            entries.append(Line(cell.line, cell.text, section))
            continue
        starts_row = BARE_NUMBER.match(cell.text) or NUMBERED_TASK.match(cell.text)
        if numbered and starts_row:
            if any(BARE_NUMBER.match(c.text) or NUMBERED_TASK.match(c.text) for c in row):
                flush()  # (cells before the first number wait for it: they are its category)
            row.extend(pending)
            pending.clear()
        elif not numbered and len(row) >= len(roles):
            flush()
        elif leading and row and _data_cells(row) >= after_number:
            pending.append(cell)
            continue
        row.append(cell)
    flush()
    return entries


def _ascending(numbers: Sequence[_Cell]) -> bool:
    values = [int(BARE_NUMBER.match(c.text).group(1)) for c in numbers]  # type: ignore[union-attr]
    return all(a < b for a, b in pairwise(values))


def _data_cells(row: Sequence[_Cell]) -> int:
    """The cells of a row from its number on (the number not counted)."""
    at = next((k for k, c in enumerate(row) if BARE_NUMBER.match(c.text)), -1)
    return len(row) - at - 1 if at >= 0 else 0


def _section_marker(text: str) -> Marker | None:
    """A section row's marker: "一、…" "（二）…" "第一部分…", with a title after it."""
    marker = marker_at(text)
    if marker is None or marker.kind not in ("part", "cn", "paren_cn") or not text[marker.end :].strip():
        return None
    return marker


def _interpret(roles: Sequence[str | None], cells: Sequence[_Cell]) -> list[Row | Line]:
    """One row's cells: by position when the row has the header's width, else by content —
    a leading section cell, the number, the task, the offices."""
    if len(cells) == len(roles) and _fits(roles, cells):
        data: dict[str, str] = {}
        for role, cell in zip(roles, cells, strict=True):
            if role is not None and cell.text:
                data[role] = f"{data[role]}\n{cell.text}" if role in data else cell.text
        if "number" in data:
            data["number"] = _number(data["number"])
        return [Row(line=cells[0].line, end_line=cells[-1].line, cells=data)]
    cells = [c for c in cells if c.text]
    out: list[Row | Line] = []
    if not cells:
        return out
    first_line, end_line = cells[0].line, cells[-1].line
    if (section := _section_marker(cells[0].text)) is not None:
        out.append(Line(cells[0].line, cells[0].text, section))
        cells = cells[1:]
    if not cells:
        return out
    data = {}
    columns = [r for r in roles if r is not None]
    # Cells before the row's number are its category ("社会事业 | 3 | …").
    at = next((k for k, c in enumerate(cells[:3]) if BARE_NUMBER.match(c.text)), 0)
    if 0 < at < len(cells) - 1:
        data["category"] = "\n".join(c.text for c in cells[:at])
        cells = cells[at:]
    first = cells[0].text
    numbered = NUMBERED_TASK.match(first)
    if BARE_NUMBER.match(first) and len(cells) >= 2:
        data["number"] = _number(first)
        cells = cells[1:]
    elif numbered:
        data["number"] = numbered.group(1)
        data["task"] = first[numbered.end() :].strip()
        cells = cells[1:]
    free = [r for r in dict.fromkeys(columns) if r not in data and r not in ("number", "category")]
    for cell in cells:
        role = _place(cell.text, free)
        if role is None:
            data["task"] = f"{data['task']}\n{cell.text}" if "task" in data else cell.text
            continue
        free.remove(role)
        data[role] = cell.text
    if "task" not in data and "number" not in data:
        return out
    out.append(Row(line=first_line, end_line=end_line, cells=data))
    return out


def _number(cell: str) -> str:
    """ "3" "12." "（5）" → the number; anything else as it stands."""
    m = BARE_NUMBER.match(cell)
    return m.group(1) if m else cell


def _fits(roles: Sequence[str | None], cells: Sequence[_Cell]) -> bool:
    """Whether each cell holds what its column is for: a number under 序号, offices under the
    office columns and not under the task's. Merged cells shift a row out of this."""
    if _section_marker(cells[0].text):
        return False
    for role, cell in zip(roles, cells, strict=True):
        if not cell.text:
            continue
        if (role == "number") != bool(BARE_NUMBER.match(cell.text)):
            return False
        if (role in OFFICE_ROLES) != reads_as_offices(cell.text) and role in (*OFFICE_ROLES, "task"):
            return False
    return True


def _place(text: str, free: list[str]) -> str | None:
    """The first free column this cell's content fits; None sends it to the task text."""
    offices = reads_as_offices(text)
    for k, role in enumerate(free):
        if role in OFFICE_ROLES:
            if offices:
                return role
            if "task" in free:
                return None
        elif role == "task":
            return role
        elif len(text) <= 40 and not (offices and any(r in OFFICE_ROLES for r in free[k + 1 :])):
            return role  # 责任领导 / 完成时限 / 备注, unless the cell is the offices and the
            # leader's cell was left empty
    return None
