"""Tables as text rows (`cell | cell |`), shared by the .docx and web-page readers.

A reader turns its table into a grid of `GridCell`s (own text, or covered by a merged cell from
the left or above); `flatten_table` writes the rows, merged cells once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class GridCell:
    """One grid position of a table: its own text ("own"), or covered by a merged cell that
    starts to the left ("h", colspan/gridSpan) or above ("v", rowspan/vMerge)."""

    text: str
    kind: str


# Header cells that name the columns of a task table (任务分解表).
_HEADER_WORD = re.compile(
    r"序号|编号|任务|内容|事项|措施|单位|科室|处室|部门|股室|牵头|配合|领导|时限|时间|备注"
)
# Columns whose vertically merged cell belongs to every row it spans: one lead office or one
# deadline written once for several tasks still applies to each of them.
_SHARED_COLUMN = re.compile(r"单位|科室|处室|部门|股室|牵头|配合|协办|参与|领导|责任|时限|时间")


def flatten_table(grid: list[list[GridCell]]) -> Iterator[str]:
    """Table rows as `cell | cell |` lines, merged cells written once.

    A two-row header (责任单位 over 牵头单位 | 配合单位) is folded into one header line; a row
    with one cell across the table (a group heading such as 一、农业农村) becomes `text |`;
    a vertically merged office or deadline cell is repeated in each row it covers, any other
    merged cell is left empty after its first row.
    """
    header: list[str] | None = None
    k = 0
    while k < len(grid):
        row = grid[k]
        texts = [c.text for c in row]
        if header is None and sum(1 for c in row if c.kind == "own" and _HEADER_WORD.search(c.text)) >= 2:
            header = texts
            nxt = grid[k + 1] if k + 1 < len(grid) else None
            if (
                nxt is not None
                and len(nxt) == len(row)
                and any(c.kind == "own" and c.text and _HEADER_WORD.search(c.text) for c in nxt)
                and all(c.kind != "own" or not c.text or _HEADER_WORD.search(c.text) for c in nxt)
                and any(c.kind == "v" for c in nxt)
            ):
                # Sub-headers under a spanning header cell: the lower names win.
                header = [
                    b.text if b.kind == "own" and b.text else a for a, b in zip(texts, [*nxt], strict=True)
                ]
                k += 1
            yield _join(header)
            k += 1
            continue
        cells: list[str] = []
        for col, cell in enumerate(row):
            shared = header is not None and col < len(header) and bool(_SHARED_COLUMN.search(header[col]))
            cells.append(cell.text if cell.kind == "own" or (cell.kind == "v" and shared) else "")
        k += 1
        if not any(cells):
            continue
        owners = [c for c in row if c.kind == "own"]
        if len(owners) == 1 and cells[0] and not any(cells[1:]):
            yield cells[0] + " |" if header is not None else cells[0]
            continue
        yield _join(cells)


def _join(cells: list[str]) -> str:
    return "".join(f"{c} | " for c in cells).rstrip(" ")
