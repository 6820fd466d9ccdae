"""Word's automatic list numbering (自动编号), rebuilt from numbering.xml the way Word counts.

`Numbering.label(num_id, level)` advances the counter of a list level and returns the label Word
shows (`一、`, `（二）`, `3.`); `format_number` writes one counter value in a w:numFmt style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from yaodian.numerals import CIRCLED, CN_DIGITS, CN_LEGAL, CN_TRAD_LEGAL, EARTHLY, HEAVENLY, int_to_cn

_Element = Any  # lxml ships no type information
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False
    restart: int | None = None


@dataclass
class _Num:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)
    levels: dict[int, _Level] = field(default_factory=dict)


_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"


def _roman(n: int) -> str:
    out = []
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    if n <= 0:
        return str(n)
    letter = chr(ord("a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """One level's counter value in a Word number format (w:numFmt)."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "koreanCounting",
    ):
        return int_to_cn(n)
    if fmt in ("chineseLegalSimplified",):
        return int_to_cn(n, CN_LEGAL, "拾佰仟")
    if fmt in ("ideographLegalTraditional", "japaneseLegal"):
        return int_to_cn(n, CN_TRAD_LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(CN_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        # Past 癸 (10) LibreOffice falls back to digits; so do we.
        return HEAVENLY[n - 1] if 0 < n <= 10 else str(n)
    if fmt == "ideographZodiac":
        return EARTHLY[n - 1] if 0 < n <= 12 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else f"({n})"
    if fmt == "decimalEnclosedParen":
        return _PAREN[n - 1] if 0 < n <= len(_PAREN) else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return _FULLSTOP[n - 1] if 0 < n <= len(_FULLSTOP) else f"{n}."
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


_PLACEHOLDER = re.compile(r"%([1-9])")


class Numbering:
    """Word's list counters: one per abstract list and level, deeper levels reset on use."""

    def __init__(self, root: _Element | None, w: str, style_num: dict[str, str]) -> None:
        self.w = w
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.abstract_pstyle: dict[str, dict[str, int]] = {}
        self.style_link: dict[str, str] = {}
        self.num_style_link: dict[str, str] = {}
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[tuple[str, int]] = set()
        self.style_num = style_num
        if root is not None:
            self._load(root)

    def _val(self, el: _Element | None) -> str | None:
        if el is None:
            return None
        value = el.get(f"{{{self.w}}}val")
        return None if value is None else str(value)

    def _level(self, lvl: _Element) -> _Level:
        w = self.w
        level = _Level()
        start = self._val(lvl.find(f"{{{w}}}start"))
        if start is not None and start.lstrip("-").isdigit():
            level.start = int(start)
        fmt = lvl.find(f"{{{w}}}numFmt")
        if fmt is None:
            fmt = lvl.find(f"{{{MC}}}AlternateContent/{{{MC}}}Fallback/{{{w}}}numFmt")
        fmt_val = self._val(fmt)
        if fmt_val:
            level.fmt = fmt_val
        text = self._val(lvl.find(f"{{{w}}}lvlText"))
        level.text = text if text is not None else ""
        legal = lvl.find(f"{{{w}}}isLgl")
        level.legal = legal is not None and self._val(legal) not in ("0", "false", "off")
        restart = self._val(lvl.find(f"{{{w}}}lvlRestart"))
        if restart is not None and restart.isdigit():
            level.restart = int(restart)
        return level

    def _load(self, root: _Element) -> None:
        w = self.w
        for abstract in root.iter(f"{{{w}}}abstractNum"):
            aid = str(abstract.get(f"{{{w}}}abstractNumId", ""))
            levels: dict[int, _Level] = {}
            pstyles: dict[str, int] = {}
            for lvl in abstract.iter(f"{{{w}}}lvl"):
                ilvl = as_int(lvl.get(f"{{{w}}}ilvl"), 0)
                levels[ilvl] = self._level(lvl)
                pstyle = self._val(lvl.find(f"{{{w}}}pStyle"))
                if pstyle:
                    pstyles[pstyle] = ilvl
            self.abstracts[aid] = levels
            self.abstract_pstyle[aid] = pstyles
            link = self._val(abstract.find(f"{{{w}}}styleLink"))
            if link:
                self.style_link[link] = aid
            num_link = self._val(abstract.find(f"{{{w}}}numStyleLink"))
            if num_link:
                self.num_style_link[aid] = num_link
        for num in root.iter(f"{{{w}}}num"):
            nid = str(num.get(f"{{{w}}}numId", ""))
            aid = self._val(num.find(f"{{{w}}}abstractNumId")) or ""
            entry = _Num(abstract=aid)
            for override in num.iter(f"{{{w}}}lvlOverride"):
                ilvl = as_int(override.get(f"{{{w}}}ilvl"), 0)
                start = self._val(override.find(f"{{{w}}}startOverride"))
                lvl = override.find(f"{{{w}}}lvl")
                if lvl is not None:
                    entry.levels[ilvl] = self._level(lvl)
                    if start is None:
                        start = str(entry.levels[ilvl].start)
                if start is not None and start.lstrip("-").isdigit():
                    entry.overrides[ilvl] = int(start)
            self.nums[nid] = entry

    def _abstract_of(self, num: _Num) -> str:
        aid = num.abstract
        # A list style (w:numStyleLink) points to the style, whose num holds the real levels.
        link = self.num_style_link.get(aid)
        if link is not None:
            if link in self.style_link:
                return self.style_link[link]
            nid = self.style_num.get(link)
            if nid is not None and nid in self.nums and self.nums[nid].abstract != aid:
                return self.nums[nid].abstract
        return aid

    def level_for_style(self, num_id: str, style: str) -> int | None:
        num = self.nums.get(num_id)
        if num is None:
            return None
        return self.abstract_pstyle.get(self._abstract_of(num), {}).get(style)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of (list, level) and return the label Word would show."""
        num = self.nums.get(num_id)
        if num is None or num_id == "0":
            return ""
        aid = self._abstract_of(num)
        levels = dict(self.abstracts.get(aid, {}))
        levels.update(num.levels)
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(aid, {})
        key = (num_id, ilvl)
        if ilvl in num.overrides and key not in self.started:
            counters[ilvl] = num.overrides[ilvl] - 1
        self.started.add(key)
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in list(counters):
            # w:lvlRestart N: restart after level N (1-based) is used; 0: never; default: after any.
            restart = levels.get(deeper, _Level()).restart
            if deeper > ilvl and (restart is None or (restart != 0 and ilvl + 1 <= restart)):
                del counters[deeper]
        if level.fmt == "bullet" or not level.text:
            return ""

        def fill(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            sub = levels.get(k, _Level())
            value = counters.get(k, sub.start)
            fmt = "decimal" if level.legal and sub.fmt not in ("none",) else sub.fmt
            return format_number(value, fmt)

        return _PLACEHOLDER.sub(fill, level.text)


def as_int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default
