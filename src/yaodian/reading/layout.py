"""Printed lines to paragraphs (版面): page furniture dropped, soft line breaks joined.

Shared by the readers that see a page as positioned lines rather than paragraphs: the PDF
text layer and OCR of scanned pages. A `Line` is one printed line with its left and right
edges and its font size, in any unit as long as one document uses one.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass


@dataclass
class Line:
    """One printed line (行): its text, left and right edges, baseline and font size."""

    text: str
    x0: float
    x1: float
    base: float
    size: float


# Page numbers as printed: "— 3 —", "- 3 -", "－3－", "第3页", "第 3 页 共 9 页", "3 / 9", "3".
PAGE_NUMBER = re.compile(
    r"^(?:[—–\-－~～]+\s*\d{1,4}\s*[—–\-－~～]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|\d{1,4}|[-—]\s*[ivxIVX]+\s*[-—])$"
)
# A line that starts a new paragraph: 一、 （一） (一) 1. 1、 （1） ① 第一条 …
NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[）)]|\d+[.．、](?!\d)"
    r"|[①-⑳]|第[一二三四五六七八九十百\d]+[条章节部分])"
)
# Sentence-final punctuation: a full line ending with one of these ends its paragraph.
TERMINAL = "。；：！？;:!?"
CJK = r"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# Spaces next to a Chinese character or full-width punctuation are layout, not text.
CJK_SPACE = re.compile(rf"(?<=[{CJK}])[ \t\u00a0]+|[ \t\u00a0]+(?=[{CJK}])")


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.replace(" ", ""))


def drop_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Remove page numbers and running headers/footers (the same text at the top or bottom of
    most pages, page numbers aside)."""
    edge = 2
    counts: Counter[str] = Counter()
    for page in pages:
        keys = {_furniture_key(line.text) for line in page[:edge] + page[-edge:]}
        counts.update(keys)
    repeated = {k for k, n in counts.items() if len(pages) >= 2 and n >= max(2, (len(pages) + 1) // 2)}
    cleaned: list[list[Line]] = []
    for page in pages:
        keep: list[Line] = []
        for i, line in enumerate(page):
            at_edge = i < edge or i >= len(page) - edge
            if at_edge and (PAGE_NUMBER.match(line.text) or _furniture_key(line.text) in repeated):
                continue
            keep.append(line)
        cleaned.append(keep)
    return cleaned


def paragraphs(pages: list[list[Line]]) -> list[str]:
    lines = [line for page in pages for line in page]
    if not lines:
        return []
    # The text block's edges: the most common left edge and a high right edge of body lines.
    size = statistics.median(line.size for line in lines)
    left = Counter(round(line.x0 / (size / 2)) for line in lines).most_common(1)[0][0] * (size / 2)
    rights = sorted(line.x1 for line in lines)
    right = rights[int(len(rights) * 0.9)] if len(rights) > 1 else rights[0]
    # Most official documents indent each paragraph's first line by two characters; when this
    # one does, an unindented line after a full one always continues the paragraph.
    indented = sum(1 for line in lines if line.x0 > left + line.size * 1.2) >= len(lines) * 0.1
    out: list[str] = []
    current = ""
    prev: Line | None = None
    for line in lines:
        if prev is not None and _continues(prev, line, left, right, indented):
            current += line.text
        else:
            if current:
                out.append(current)
            current = line.text
        prev = line
    if current:
        out.append(current)
    return [CJK_SPACE.sub("", p) for p in out]


def _continues(prev: Line, line: Line, left: float, right: float, indented: bool) -> bool:
    """Whether `line` carries on the paragraph of `prev` (a soft line break of the layout)."""
    if NUMBERED.match(line.text):
        return False
    if line.x0 > left + line.size * 1.2:
        return False  # indented: a first line, or a centred title or signature
    # Line-breaking rules keep an opening quote with its word, so a full line can stop up to
    # two characters short of the right edge.
    fills = prev.x1 >= right - prev.size * 2.5
    return fills and (indented or prev.text[-1] not in TERMINAL)
