"""OCR boxes to printed lines (识别结果排版): what the recogniser saw, in reading order.

The recogniser returns boxes of text, each with its four corners and a score, in no useful
order. A page is put back together in these steps, one function each:

1. `skew`: the page's slant, from the top edges of the long boxes; corners are turned back by it.
2. `_keep`: stamps (boxes slanted against the page, as a seal's curved text is) and marks
   read with little confidence are dropped.
3. `_rows`: boxes whose vertical extents overlap form one row (no fixed grid: line spacing
   differs from page to page and inside one page).
4. `_columns`: a gap wider than a few characters splits a row into cells; when most rows split
   at the same gutter the page has two columns, read left column first; other split rows are
   table rows, their cells joined with " | ".
5. `fix_confusions`, on the joined paragraphs: the recogniser's usual misreadings in this genre,
   only where the context makes the intended character certain.

Coordinates are pixels of the page image; `Line.size` is the width of one character, measured on
the page, which is what `reading.layout` needs to find indents and full lines.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from yaodian.reading.layout import Line

# A box slanted more than this against the page is not a printed line (a seal's curved text).
MAX_SLANT_DEGREES = 8.0
# Boxes the recogniser scores below this are mostly specks, signatures and stamp fragments.
MIN_SCORE = 0.5
# A gap wider than this many character widths separates two cells or columns.
CELL_GAP = 2.5
# Page numbers as OCR reads `— 3 —`: dashes may come back as 一, -, _ or ~.
OCR_PAGE_NUMBER = re.compile(r"^[-—–一－_~～]{1,3}\s*(\d{1,4})\s*[-—–一－_~～]{1,3}$")


@dataclass(frozen=True)
class Box:
    """One recognised piece of text (识别框): its four corners (clockwise from top left)."""

    text: str
    points: tuple[tuple[float, float], ...]
    score: float


@dataclass
class _Placed:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    score: float

    @property
    def yc(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def h(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True)
class PageText:
    """One page's lines in reading order, and the recogniser's mean confidence on it."""

    lines: tuple[Line, ...]
    confidence: float


def page_text(boxes: Sequence[Box]) -> PageText:
    """The lines of one page, in reading order, from the recogniser's boxes."""
    angle = skew(boxes)
    placed = [p for b in boxes if (p := _place(b, angle)) is not None and _keep(b, angle)]
    if not placed:
        return PageText(lines=(), confidence=0.0)
    size = _char_width(placed)
    rows = [row for row in (_without_specks(row, size) for row in _rows(placed)) if row]
    lines = [_line(cells, size) for cells in _columns(rows, size)]
    ink = sum(len(p.text) for p in placed)
    confidence = sum(p.score * len(p.text) for p in placed) / ink if ink else 0.0
    return PageText(lines=tuple(ln for ln in lines if ln.text), confidence=confidence)


def _edge_angle(points: Sequence[tuple[float, float]]) -> float:
    (xa, ya), (xb, yb) = points[0], points[1]
    return math.degrees(math.atan2(yb - ya, xb - xa))


def _size(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    (xa, ya), (xb, yb), _, (xd, yd) = points[:4]
    return math.hypot(xb - xa, yb - ya), math.hypot(xd - xa, yd - ya)


def skew(boxes: Sequence[Box]) -> float:
    """The page's slant in degrees (positive: lines fall to the right), from long boxes' top edges."""
    angles = []
    for b in boxes:
        if len(b.points) < 4:
            continue
        w, h = _size(b.points)
        if h > 0 and w > 4 * h:
            angles.append(_edge_angle(b.points))
    if not angles:
        return 0.0
    angle = statistics.median(angles)
    return angle if abs(angle) <= 10 else 0.0


def _place(box: Box, angle: float) -> _Placed | None:
    """The box's extent once the page's slant is turned back."""
    if len(box.points) < 4 or not box.text.strip():
        return None
    c, s = math.cos(math.radians(-angle)), math.sin(math.radians(-angle))
    xs, ys = [], []
    for x, y in box.points:
        xs.append(x * c - y * s)
        ys.append(x * s + y * c)
    return _Placed(text=box.text.strip(), x0=min(xs), x1=max(xs), y0=min(ys), y1=max(ys), score=box.score)


# A closing bracket alone on a line (a clause's "）" wrapped over) is read with a low score but
# matters to the clause; below this it is noise.
CLOSER_MIN_SCORE = 0.3
CLOSERS = set("）)〉》”」』】]")


def _keep(box: Box, angle: float) -> bool:
    closer = bool(box.text.strip()) and set(box.text.strip()) <= CLOSERS
    if box.score < (CLOSER_MIN_SCORE if closer else MIN_SCORE):
        return False
    w, h = _size(box.points)
    # A box of one or two characters has no reliable slant of its own.
    if w < 2.5 * h:
        return True
    slant = abs((_edge_angle(box.points) - angle + 180) % 360 - 180)
    return slant <= MAX_SLANT_DEGREES


def _char_width(placed: Sequence[_Placed]) -> float:
    """One character's width: from long boxes (width over characters), else the box heights."""
    widths = [(p.x1 - p.x0) / len(p.text) for p in placed if len(p.text) >= 8]
    if widths:
        return statistics.median(widths)
    return statistics.median(p.h for p in placed) or 1.0


def _rows(placed: list[_Placed]) -> list[list[_Placed]]:
    """Boxes on one printed line: vertical centres within half the smaller box's height."""
    rows: list[list[_Placed]] = []
    centres: list[float] = []
    heights: list[float] = []
    for p in sorted(placed, key=lambda p: p.yc):
        best = None
        for k in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            if abs(p.yc - centres[k]) < 0.5 * min(p.h, heights[k]):
                best = k
                break
        if best is None:
            rows.append([p])
            centres.append(p.yc)
            heights.append(p.h)
        else:
            rows[best].append(p)
            n = len(rows[best])
            centres[best] += (p.yc - centres[best]) / n
            heights[best] = statistics.median(q.h for q in rows[best])
    return [sorted(row, key=lambda p: p.x0) for row in rows]


def _without_specks(row: list[_Placed], size: float) -> list[_Placed]:
    """The row without boxes of punctuation alone, apart from the row's text (a dot of dirt
    read as "、"). Punctuation that belongs to the text touches it; a row of punctuation alone
    is kept: a paragraph's closing "）" may wrap onto a line of its own."""
    if len(row) < 2:
        return row
    keep = []
    for k, p in enumerate(row):
        if any(ch.isalnum() for ch in p.text):
            keep.append(p)
            continue
        gaps = [p.x0 - row[k - 1].x1] if k else []
        gaps += [row[k + 1].x0 - p.x1] if k + 1 < len(row) else []
        if min(gaps) <= size:
            keep.append(p)
    return keep


def _cells(row: list[_Placed], size: float) -> list[list[_Placed]]:
    cells = [[row[0]]]
    for p in row[1:]:
        if p.x0 - cells[-1][-1].x1 > CELL_GAP * size:
            cells.append([p])
        else:
            cells[-1].append(p)
    return cells


def _columns(rows: list[list[_Placed]], size: float) -> list[list[list[_Placed]]]:
    """Rows as lists of cells in reading order; a two-column page gives its left column first."""
    split = [_cells(row, size) for row in rows]
    gutter = _gutter(split)
    if gutter is None:
        return split
    left: list[list[list[_Placed]]] = []
    right: list[list[list[_Placed]]] = []
    for cells in split:
        lpart = [c for c in cells if c[-1].x1 <= gutter]
        rpart = [c for c in cells if c[-1].x1 > gutter]
        if lpart:
            left.append(lpart)
        if rpart:
            right.append(rpart)
    return left + right


def _gutter(split: list[list[list[_Placed]]]) -> float | None:
    """The x of a gutter that most rows of two cells split at, when the page has two columns.

    Text spanning the gutter (a title across both columns) is allowed in a few rows."""
    pairs = [cells for cells in split if len(cells) == 2]
    if len(split) < 6 or len(pairs) < 0.5 * len(split):
        return None
    gaps = sorted((c[0][-1].x1, c[1][0].x0) for c in pairs)
    lo = statistics.median(g[0] for g in gaps)
    hi = statistics.median(g[1] for g in gaps)
    if hi <= lo:
        return None
    middle = (lo + hi) / 2
    crossing = sum(1 for cells in split for c in cells if c[0].x0 < middle < c[-1].x1)
    return middle if crossing <= 0.2 * len(split) else None


def _line(cells: list[list[_Placed]], size: float) -> Line:
    texts = ["".join(p.text for p in cell) for cell in cells]
    text = " | ".join(texts) if len(texts) > 1 else texts[0]
    match = OCR_PAGE_NUMBER.match(text)
    if match:
        text = f"— {match.group(1)} —"  # the shape `reading.layout.PAGE_NUMBER` knows
    boxes = [p for cell in cells for p in cell]
    return Line(
        text=text,
        x0=boxes[0].x0,
        x1=max(p.x1 for p in boxes),
        base=max(p.y1 for p in boxes),
        size=size,
    )


# --- the recogniser's confusions ---------------------------------------------------------------

_OFFICE_END = "科室处股站所办委局厅部院心队会组馆校"
# An alias in angle brackets after an office, read as < > or 《 》: "人事科<机关党委>" → 〈机关党委〉
ALIAS_BRACKETS = re.compile(
    rf"(?<=[{_OFFICE_END}])[<《〈]([^<>《》〈〉、，,。；;（）()]{{2,12}}?[{_OFFICE_END}])[>》〉]"
)
# An item number with a full stop or a Chinese full stop: "8。改进" "8．改进" → "8.改进"
ITEM_STOP = re.compile(r"^(\d{1,3})\s*[。．·,，](?=\S)")
# Half-width brackets and colon between Chinese: "责任科室:" "(责任科室" → full width
_HAN = r"\u4e00-\u9fff"
HALF_OPEN = re.compile(rf"\((?=[{_HAN}])")
HALF_CLOSE = re.compile(rf"(?<=[{_HAN}。）])\)")
HALF_COLON = re.compile(rf"(?<=[{_HAN}])[:](?=[{_HAN}])")


# "<" is left out: "比例<5%" has no closer ("<机关党委>" is ALIAS_BRACKETS' business).
_PAIRS = {"（": "）", "(": ")", "《": "》", "〈": "〉"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}


def _balance(text: str) -> str:
    """A closing bracket that does not match the innermost open one is that one's closer
    misread: "《方案（2023-2025年》》" → "《方案（2023-2025年）》"."""
    out = list(text)
    stack: list[str] = []
    for k, ch in enumerate(out):
        if ch in _PAIRS:
            stack.append(ch)
        elif ch in _CLOSERS and stack:
            out[k] = _PAIRS[stack.pop()]
    return "".join(out)


# Dirt before a paragraph read as punctuation: "、16.推动…" (no paragraph starts with these).
LEADING_DIRT = re.compile(r"^[、，。．·,.;；:：]+\s*")


def fix_confusions(text: str) -> str:
    """One paragraph with the recogniser's certain misreadings undone."""
    # A table's ruled line read as the radical 丨, which no notice writes.
    text = text.replace("丨", "|")
    text = ALIAS_BRACKETS.sub(r"〈\1〉", text)
    text = _balance(LEADING_DIRT.sub("", text))
    text = ITEM_STOP.sub(r"\1.", text)
    text = HALF_OPEN.sub("（", text)
    text = HALF_CLOSE.sub("）", text)
    return HALF_COLON.sub("：", text)
