"""Task tables flattened to text: rows as `cell | cell |` lines, or one `cell |` per line, under
a header row naming the columns (序号 / 工作任务 / 分管领导 / 牵头单位 / 责任单位 / 完成时限)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from yaodian.parsing.lines import Line

# Column roles by header words, most specific first.
_COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(?:序号|编号|序)$")),
    ("leader", re.compile(r"领导|分管|包保|县级|责任人")),
    ("lead", re.compile(r"牵头")),
    ("support", re.compile(r"配合|协办|协同|参与")),
    ("listed", re.compile(r"责任(?:单位|部门|科室|处室|股室)|承办|主办|实施(?:单位|主体)")),
    ("deadline", re.compile(r"时限|时间|进度|节点")),
    ("note", re.compile(r"备注|说明")),
    ("task", re.compile(r"任务|工作|内容|事项|措施|目标|项目")),
)


# Spaces that PDF extraction leaves between two Chinese characters: "工作机 制". Compiled on
# first use: its large character ranges cost ~4 ms to compile, and most notices have no table.
@cache
def _cjk_gap() -> re.Pattern[str]:
    return re.compile(r"(?<=[\u3400-\u9fff，。、；：“”（）])\s+(?=[\u3400-\u9fff，。、；：“”（）])")


class Row(NamedTuple):
    """One task row of a table, its cells keyed by column role."""

    line: int
    end_line: int
    cells: dict[str, str]


def is_table_line(text: str) -> bool:
    return "|" in text and (text.endswith("|") or text.count("|") >= 2)


def _cells(text: str) -> list[str]:
    parts = [p.strip() for p in text.split("|")]
    if parts and parts[-1] == "":
        parts.pop()
    if parts and parts[0] == "" and text.lstrip().startswith("|"):
        parts.pop(0)
    gap = _cjk_gap()
    return [gap.sub("", p) for p in parts]


def column_role(header: str) -> str | None:
    header = "".join(header.split())
    for role, pattern in _COLUMNS:
        if pattern.search(header):
            return role
    return None


def read_table(lines: Sequence[Line]) -> tuple[list[str | None], list[Row]]:
    """Column roles and task rows of one table block; no header found gives no rows."""
    cells: list[tuple[int, str]] = []
    per_line: list[list[tuple[int, str]]] = []
    for line in lines:
        row = [(line.no, c) for c in _cells(line.text)]
        per_line.append(row)
        cells.extend(row)
    # The header: the first run of cells that all name a column, with a task column among them.
    start = next((k for k, (_, c) in enumerate(cells) if column_role(c) is not None), None)
    if start is None:
        return [], []
    width = 0
    while start + width < len(cells) and column_role(cells[start + width][1]) is not None and width < 12:
        width += 1
    roles = [column_role(c) for _, c in cells[start : start + width]]
    if "task" not in roles or width < 2:
        return roles, []
    rows: list[Row] = []
    header_line = cells[start + width - 1][0]
    row_lines = [r for r in per_line if r and r[0][0] > header_line]
    if row_lines and sum(len(r) >= width - 1 for r in row_lines) >= len(row_lines) * 0.6:
        # One row a line.
        for r in row_lines:
            if len(r) >= 2:
                rows.append(_row(roles, r))
        return roles, rows
    rest = cells[start + width :]
    k = 0
    while k < len(rest):
        chunk = rest[k : k + width]
        k += width
        if len(chunk) >= 2:
            rows.append(_row(roles, chunk))
    return roles, rows


def _row(roles: Sequence[str | None], chunk: Sequence[tuple[int, str]]) -> Row:
    data: dict[str, str] = {}
    for role, (_, text) in zip(roles, chunk, strict=False):
        if role is None or not text:
            continue
        data[role] = f"{data[role]}\n{text}" if role in data else text
    return Row(line=chunk[0][0], end_line=chunk[-1][0], cells=data)
