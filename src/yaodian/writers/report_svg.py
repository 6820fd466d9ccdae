"""Horizontal stacked bar charts as inline SVG, for the HTML report (no chart library, no script).

One chart shape serves both uses: tasks per office (牵头/配合) and progress per office (by 状态).
Every label passes through `html.escape`, so an office named `<script>` is drawn as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

ROW = 22  # px per bar
LABEL = 130  # px for the office names on the left
WIDTH = 700


@dataclass(frozen=True, kw_only=True)
class Bar:
    """One bar (一行): a label and its stacked parts, in the order of the chart's series."""

    label: str
    parts: tuple[int, ...]


def stacked_bars(bars: Sequence[Bar], series: Sequence[tuple[str, str]], *, title: str) -> str:
    """An `<svg>` with one bar per row; `series` are (name, colour) for each part, in order.

    The chart has a `<title>` for screen readers, and each part a `<title>` tooltip
    (`基教科 牵头 7`); the figures are also written at the end of each bar.
    """
    top = 8
    height = top + ROW * len(bars) + 8
    most = max((sum(b.parts) for b in bars), default=0) or 1
    scale = (WIDTH - LABEL - 130) / most
    out = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>"
    ]
    for k, bar in enumerate(bars):
        y = top + k * ROW
        out.append(f'<text x="{LABEL - 6}" y="{y + 15}" text-anchor="end">{escape(_clip(bar.label))}</text>')
        x = float(LABEL)
        for value, (name, colour) in zip(bar.parts, series, strict=True):
            if not value:
                continue
            w = value * scale
            out.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{ROW - 6}" fill="{colour}">'
                f"<title>{escape(bar.label)} {escape(name)} {value}</title></rect>"
            )
            x += w
        figures = " + ".join(str(v) for v in bar.parts)
        out.append(f'<text x="{x + 5:.1f}" y="{y + 15}">{sum(bar.parts)}（{figures}）</text>')
    out.append("</svg>")
    return "".join(out)


def legend(series: Sequence[tuple[str, str]]) -> str:
    keys = "".join(
        f'<span class="key" style="background:{colour}"></span>{escape(name)}' for name, colour in series
    )
    return f'<p class="legend">图例：{keys}</p>'


def _clip(label: str, most: int = 10) -> str:
    """Long names are cut on the chart (the full name is in the bar's tooltip and the tables)."""
    return label if len(label) <= most else label[: most - 1] + "…"
