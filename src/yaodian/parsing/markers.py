"""Numbering markers: the ladder 一、 → （一） → 1. → （1） → ①, and Chinese numerals."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from yaodian.numerals import cn_to_int as cn_to_int  # home: yaodian.numerals; re-exported
from yaodian.patterns import lazy

# Rank of each kind on the ladder; a lower rank holds the higher ones.
RANK = {"part": 0, "cn": 1, "paren_cn": 2, "num": 3, "paren_num": 4, "circled": 5}

# "第一部分" "第二章": a level above 一、 in some long plans
_PART = lazy(r"第([一二三四五六七八九十]{1,3})(?:部分|章|篇)[、：:.．\s]*")
# "一、" "十二、" (also "一." which some issuers type)
_CN = lazy(r"([一二三四五六七八九十百〇零]{1,4})\s*[、.．]")
# "（一）" "(十二)"
_PAREN_CN = lazy(r"[(（]\s*([一二三四五六七八九十百〇零]{1,4})\s*[)）]")
# "1." "1．" "1、" — "1.5亿元" is a decimal, not a marker (checked by the caller)
_NUM = lazy(r"(\d{1,5})\s*[.．、](?!\s*[、.．])")
# "（1）" "(12)"
_PAREN_NUM = lazy(r"[(（]\s*(\d{1,3})\s*[)）]")


class Marker(NamedTuple):
    """A numbering marker at the start of a line: kind, number as printed, value, length."""

    kind: str
    number: str
    value: int
    end: int
    # "11.121人才…" is item 11 only if 11 is the next number; other markers stand on their own.
    needs_sequence: bool = False

    @property
    def rank(self) -> int:
        return RANK[self.kind]

    @property
    def printed(self) -> str:
        return {
            "part": f"第{self.number}部分",
            "cn": f"{self.number}、",
            "paren_cn": f"（{self.number}）",
            "num": f"{self.number}.",
            "paren_num": f"（{self.number}）",
            "circled": self.number,
        }[self.kind]


# The characters a marker can start with; most lines start with none of them.
_STARTS = frozenset("第(（0123456789０１２３４５６７８９一二三四五六七八九十百〇零") | {
    chr(c) for c in range(0x2460, 0x2474)
}


def marker_at(line: str, pos: int = 0, *, mid_line: bool = False) -> Marker | None:
    """The marker starting at `pos`, if any. In mid-line, decimals never count as markers."""
    first = line[pos : pos + 1]
    if first not in _STARTS:
        return None
    # Only the patterns a marker starting with this character can match are tried.
    if first == "第":
        m = _PART.match(line, pos)
        return Marker("part", m.group(1), cn_to_int(m.group(1)), m.end()) if m else None
    if first in "(（":
        m = _PAREN_CN.match(line, pos)
        if m:
            return Marker("paren_cn", m.group(1), cn_to_int(m.group(1)), m.end())
        m = _PAREN_NUM.match(line, pos)
        return Marker("paren_num", str(int(m.group(1))), int(m.group(1)), m.end()) if m else None
    if "①" <= first <= "⑳":
        return Marker("circled", first, ord(first) - ord("①") + 1, pos + 1)
    if not first.isdigit():
        m = _CN.match(line, pos)
        return Marker("cn", m.group(1), cn_to_int(m.group(1)), m.end()) if m else None
    m = _NUM.match(line, pos)
    if m:
        if m.group(1).startswith("0"):
            return None
        after = line[m.end() : m.end() + 1]
        decimal_like = after.isdigit() and line[m.end() - 1] in ".．"
        if decimal_like and mid_line:
            return None
        # "1、2、3" and "2024." are not markers; neither are years "2024.3". Four digits and
        # more ("1000." in a 20,000-line list) count only as the next number of a sequence.
        needs_sequence = decimal_like or len(m.group(1)) > 3
        return Marker("num", str(int(m.group(1))), int(m.group(1)), m.end(), needs_sequence=needs_sequence)
    return None


@lru_cache(maxsize=1024)
def match_marker(line: str) -> Marker | None:
    """The marker a line starts with, if any, with the text after it non-empty."""
    marker = marker_at(line)
    if marker is None or not line[marker.end :].strip():
        return None
    return marker
