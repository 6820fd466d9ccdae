"""Deadlines (完成时限) and leaders (分管领导) as the plan words them, read into dates and names.

The one home for these phrase rules, beside the model rather than in `analysis/`: the model's
JSON gives every item its deadline (`Notice.deadline_of`, which imports this module on first use),
and the model may not import the analysis layer. Pure functions on text; `Deadline` is the model's.

Rules, relative to the notice's year Y (a year written in the phrase wins; 明年/次年 is Y+1):

    6月底前 / 6月底 / 6月末      → Y-06-30          7月1日前 (text) / 7月1日 (field) → Y-07-01
    7月上旬 / 中旬 / 下旬         → Y-07-10/20/31    年底前 / 年底 / 年内 / 年末        → Y-12-31
    上半年 / 下半年               → Y-06-30 / 12-31   第二季度 / 一季度末 / 3季度       → quarter end
    秋季开学前                    → Y-08-31 (the usual start of the autumn term)
    长期坚持 / 持续推进 / 全年    → no date, the text kept

In an item's own text a bare date (`3月15日`) is an event, not a deadline, so a day needs `前`;
the open-ended phrases count there only standing alone between punctuation (`，持续推进。`),
since `持续推进各项工作` is a verb. Several phrases: the text lists all, the date is the latest.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from yaodian.model import Deadline
from yaodian.numerals import cn_to_int
from yaodian.patterns import lazy

_CN = "一二三四五六七八九十"
_N = rf"(?:\d{{1,2}}|[{_CN}]{{1,3}})"
# "2025年", or "明年"/"次年" (the year after the plan's)
_YEAR = r"(?:(?P<year>(?:19|20)\d\d)年|(?P<next>明年|次年))?"

# "2025年10月底前", "6月底", "12月末", "6月30日前", "7月上旬"; month alone ("6月") only in a field.
MONTH = lazy(
    rf"{_YEAR}(?P<month>{_N})月份?(?:(?P<day>{_N})日|(?P<end>底|末)|(?P<part>[上中下]旬))?(?P<before>之?前)?"
)
# "年底前", "2024年底", "年内完成"; never "三年内" (a span) or "上半年" (a half).
YEAR_END = lazy(
    r"(?:(?P<year>(?:19|20)\d\d)|(?P<next>明|次))?(?<![一二三四五六七八九十两几多数半全])年(?:底|末|内)前?"
)
# "上半年", "2024年下半年"
HALF = lazy(rf"{_YEAR}(?P<half>[上下])半年")
# "第二季度", "一季度末", "三季度前"
QUARTER = lazy(rf"{_YEAR}第?(?P<q>[一二三四1-4])季度(?:末|底)?前?")
# "秋季开学前": the autumn term starts on 1 September across the country.
AUTUMN = lazy(r"秋季开学前")
# "长期坚持", "持续推进", "全年": no date.
ONGOING = lazy(r"长期坚持|持续推进|全年")
# In running text an open-ended phrase counts only as its own clause: "（长期坚持）", "，全年。"
_ALONE = lazy(r"(?:^|(?<=[（(，,；;。：:、\s]))(?:长期坚持|持续推进|全年)(?:完成)?(?=$|[）)，,；;。\s])")

_QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
AUTUMN_TERM = (8, 31)


@dataclass(frozen=True)
class _Hit:
    start: int
    text: str
    date: dt.date | None


def read_deadline(field: str | None, text: str, year: int | None) -> Deadline | None:
    """The item's deadline: its labelled field (完成时限：…) when there is one, else the phrases of
    its own text; None when neither says anything."""
    if field and field.strip():
        hits = _hits(field.strip(), year, in_field=True)
        return Deadline(text=field.strip(), date=_latest(hits))
    hits = _hits(text, year, in_field=False)
    if not hits:
        return None
    words: list[str] = []
    for h in hits:
        if h.text not in words:
            words.append(h.text)
    return Deadline(text="、".join(words), date=_latest(hits))


def _latest(hits: list[_Hit]) -> dt.date | None:
    return max((h.date for h in hits if h.date is not None), default=None)


def _hits(raw: str, year: int | None, *, in_field: bool) -> list[_Hit]:
    text = unicodedata.normalize("NFKC", raw)
    hits: list[_Hit] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], date: dt.date | None) -> None:
        if any(m.start() < b and a < m.end() for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        hits.append(_Hit(m.start(), m.group(0), date))

    # (Each pattern is tried only where its key word stands: most items name no deadline, and a
    # pattern never tried is never compiled, which `yaodian parse` feels at start-up.)
    if "半年" in text:
        for m in HALF.finditer(text):
            y = _year(m, year)
            add(m, _date(y, 6, 30) if m["half"] == "上" else _date(y, 12, 31))
    if "季度" in text:
        for m in QUARTER.finditer(text):
            month, day = _QUARTER_END[cn_to_int(m["q"]) if not m["q"].isdigit() else int(m["q"])]
            add(m, _date(_year(m, year), month, day))
    if "秋季" in text:
        for m in AUTUMN.finditer(text):
            add(m, _date(year, *AUTUMN_TERM))
    if "月" in text:
        for m in MONTH.finditer(text):
            date = _month_date(m, year, in_field=in_field)
            if date is not _SKIP:
                add(m, date if isinstance(date, dt.date) else None)
    if "年底" in text or "年末" in text or "年内" in text:
        for m in YEAR_END.finditer(text):
            add(m, _date(_year(m, year), 12, 31))
    if "长期坚持" in text or "持续推进" in text or "全年" in text:
        for m in (ONGOING if in_field else _ALONE).finditer(text):
            add(m, None)
    hits.sort(key=lambda h: h.start)
    return hits


_SKIP = object()


def _month_date(m: re.Match[str], year: int | None, *, in_field: bool) -> object:
    """The date a month phrase means; `_SKIP` when it is not a deadline (an event date in text)."""
    month = _number(m["month"])
    y = _year(m, year)
    if not 1 <= month <= 12:
        return _SKIP
    if m["day"]:
        if not (in_field or m["before"]):
            return _SKIP
        return _date(y, month, _number(m["day"]))
    if m["part"]:
        day = {"上": 10, "中": 20}.get(m["part"][0])
        return _date(y, month, day) if day else _month_end(y, month)
    if m["end"] or in_field:
        return _month_end(y, month)
    return _SKIP


def _number(text: str) -> int:
    return int(text) if text.isdigit() else cn_to_int(text)


def _year(m: re.Match[str], year: int | None) -> int | None:
    if m["year"]:
        return int(m["year"])
    if m.groupdict().get("next"):
        return None if year is None else year + 1
    return year


def _month_end(year: int | None, month: int) -> dt.date | None:
    return None if year is None else _date(year, month, calendar.monthrange(year, month)[1])


def _date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:  # 2月30日
        return None


# "由张副市长负责", "由李明副县长牵头" → the title with its surname (分管领导).
LEADER = lazy(
    r"由(?P<name>[\u4e00-\u9fff]{1,3}?(?:常务)?副?(?:市长|区长|县长|州长|省长|局长|厅长|主任|书记|部长|镇长|秘书长))"
    r"(?:同志)?(?:负责|牵头|分管|统筹)"
)


def read_leader(field: str | None, text: str) -> str | None:
    """The item's leader: its labelled field (分管领导：…) or `由X副市长负责` in its text."""
    if field and field.strip():
        return field.strip()
    names: list[str] = []
    if "由" not in text:
        return None
    for m in LEADER.finditer(text):
        if m["name"] not in names:
            names.append(m["name"])
    return "、".join(names) or None
