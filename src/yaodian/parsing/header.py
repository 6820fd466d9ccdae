"""The part of a notice before its numbered body: page clutter, letterhead and 文号, notice title,
主送 line, cover letter, issuers, date, the plan title (over one or two lines) and the preamble."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple

from yaodian.parsing.clauses import split_top
from yaodian.parsing.lines import Line
from yaodian.parsing.markers import cn_to_int
from yaodian.parsing.repair import CLUTTER
from yaodian.patterns import containing, ending, lazy

# 文号: 常教发〔2024〕3号, 吉教发[2015]1号
DOC_NUMBER = lazy(r"[^\W\d_]{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*号")
# 《…》 or 〈…〉 naming the plan inside the notice title or the cover letter.
_QUOTES = frozenset("《〈<")
# Words before a 《…》 that cite another document rather than name this plan: "根据《…》".
CITING = containing("根据|按照|依据|贯彻|落实|参照|对照|执行|认真学习")
QUOTED_TITLE = lazy(r"[《〈<]([^《》〈〉<>]{4,80})[》〉>]")
NOTICE_TITLE = lazy(r"关于.{2,120}的(?:通知|函|意见)$|^.{2,80}的通知$")
COVER = lazy(
    r"印发给你们|现将.{0,80}(?:印发|下发|转发)|现(?:予|将其)?印发|已经.{1,30}同意|经.{1,20}同意，?现"
)
RECIPIENTS_END = lazy(r"[:：]$")
ATTACHMENT = lazy(r"^附\s*件\s*\d*\s*[:：]?")
PUBLIC_NOTE = lazy(r"^[(（【\[]?此件.{0,10}[)）】\]]?$")
ARABIC_DATE = lazy(r"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
CN_DATE = lazy(
    r"^([〇零一二三四五六七八九○ＯOo0]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$"
)
# A date whose separators were lost on a web page: "2024327" "2022121日"
MANGLED_DATE = lazy(r"^((?:19|20)\d{2})(\d{1,2})(\d{1,2})日?$")
ORG_SUFFIX = ending(
    "委员会|委|局|厅|办公室|办|政府|室|部|院|中心|会|处|公司|党组|署|馆|学校|校|所|站|队|街道|办事处|管委会|工委|领导小组|小组|指挥部"
)
# The start of a body's own name: a place or the Party ("常德市…", "中共…", "国务院…").
PLACE_START = containing("省|市|县|区|州|旗|镇|乡|中共|国务院|中央")
# A title that stands on its own: an issuer or a year before the plan word, "市教育局2022年工作要点".
COMPLETE_TITLE = lazy(
    r"(?:(?:19|20)\d{2}\s*年|(?:局|委|厅|办|政府|中心|院))\S*(?:要点|方案|计划|清单|分解|安排)"
)
FILE_SUFFIX = lazy(r"\.(?:docx?|wps|pdf|ofd|txt|xlsx?|et|html?)$", re.IGNORECASE)
# A line that is a whole body's name (社会 ends in 会 too, so 会 alone does not count).
WHOLE_ORG = ending(
    "委员会|工会|协会|联合会|局|厅|委|办|办公室|政府|部|院|中心|处|科|室|公司|党组|署|街道|办事处|管委会|工委"
)
# The body a plan's title starts with, before its year: "某市教育局2024年工作要点"
PLAN_ISSUER = lazy(
    r"^(?P<org>[^\s\d《（(]{2,30}?(?:委员会|局|厅|委|办公室|办|政府|中心|院))\s*(?:(?:19|20)\d{2}|[一二][〇零○]{1,2})"
)
PLAN_WORD = containing("要点|方案|计划|清单|任务|安排|意见|重点工作|分工|台账|实事|项目|责任分解|措施|细则")
BRACKETED = lazy(r"^[(（〔\[【][^()（）]*[)）〕\]】]$")
TITLE_PUNCT = containing("。|；|;|：|:|，|,|！|!|？|?")


@dataclass
class Header:
    """What the lines before the body say (mutable while it is being read)."""

    title: str = ""
    notice_title: str | None = None
    doc_number: str | None = None
    recipients: list[str] = field(default_factory=list)
    issuers: list[str] = field(default_factory=list)
    date: dt.date | None = None
    cover_lines: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    quoted_titles: list[str] = field(default_factory=list)


class _Seg(NamedTuple):
    line: int
    text: str
    joins_next: bool  # the next segment is on the same physical line


def parse_date(text: str) -> dt.date | None:
    """A 成文日期 standing alone: 2024年2月20日, 二〇二四年二月二十日 (also typed 二OO八), or a
    mangled 2024327; in brackets too, as some notices print it under the title."""
    if len(text) > 24:
        return None  # (a paragraph: most lines asked about are)
    text = text.strip().removeprefix("（").removeprefix("(").removesuffix("）").removesuffix(")").strip()
    m = ARABIC_DATE.match(text)
    if m:
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = CN_DATE.match(text)
    if m:
        digits = re.sub(r"[○ＯOo0]", "〇", m.group(1))
        return _date(cn_to_int(digits), cn_to_int(m.group(2)), cn_to_int(m.group(3)))
    m = MANGLED_DATE.match(text)
    if m and 6 <= len(text.rstrip("日")) <= 8:
        year, rest = int(m.group(1)), text.rstrip("日")[4:]
        # "2024327" can only be 3月27日; "2022121" could be 1月21日 or 12月1日: no date then.
        found = {d for cut in (1, 2) if rest[cut:] and (d := _date(year, int(rest[:cut]), int(rest[cut:])))}
        return found.pop() if len(found) == 1 else None
    return None


def is_date_line(text: str) -> bool:
    """A line that stands where the date is signed, even when its date cannot be read."""
    return len(text) <= 24 and (parse_date(text) is not None or bool(MANGLED_DATE.match(text.strip())))


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _segments(lines: Sequence[Line]) -> list[_Seg]:
    """Header lines split at runs of spaces, which flattened pages use between fields."""
    segs: list[_Seg] = []
    for line in lines:
        parts = _split_spaces(line.text)
        # A sentence with spaces inside stays whole; a line of short fields is split.
        if len(parts) > 1 and (CLUTTER.search(line.text) or not _splittable(line.text, parts)):
            parts = [line.text]
        for k, part in enumerate(parts):
            segs.append(_Seg(line.no, part, k + 1 < len(parts)))
    return segs


def _split_spaces(text: str) -> list[str]:
    """Split at spaces outside brackets: a quoted title keeps its inner space."""
    parts: list[str] = []
    buf: list[str] = []
    depth = 0
    for ch in text:
        if ch in "《〈<（(【[":
            depth += 1
        elif ch in "》〉>）)】]":
            depth = max(0, depth - 1)
        if ch == " " and depth == 0:
            if buf:
                parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    if buf:
        parts.append("".join(buf))
    return parts


def _splittable(text: str, parts: Sequence[str]) -> bool:
    return any(
        parse_date(p) or ATTACHMENT.match(p) or COVER.search(p) or PLAN_WORD.search(p) or PUBLIC_NOTE.match(p)
        for p in parts
    ) or all(ORG_SUFFIX.search(p) for p in parts)


def _is_title_like(text: str) -> bool:
    return (
        0 < len(text) <= 60
        and not BRACKETED.match(text)
        and not TITLE_PUNCT.search(text)
        and parse_date(text) is None
        and not ATTACHMENT.match(text)
        and not PUBLIC_NOTE.match(text)
        and not CLUTTER.search(text)
        and not DOC_NUMBER.fullmatch(text)
        and not text.endswith(("通知", "文件"))
    )


def read_header(lines: Sequence[Line]) -> Header:
    """Read the header lines (everything before the first numbered line or table)."""
    head = Header()
    segs = _segments(lines)
    kinds, cover_at, date_at = _classify(head, segs)
    if cover_at >= 0 and date_at > cover_at:
        _signers(head, segs, kinds, range(cover_at + 1, date_at))
    # Cover letter: from the recipients (or the cover body) to the date.
    first = next((k for k, kind in enumerate(kinds) if kind in ("recipients", "cover")), -1)
    if first >= 0:
        last = max(date_at, cover_at)
        head.cover_lines = [
            s.text for k, s in enumerate(segs[first : last + 1], start=first) if kinds[k] != "clutter"
        ]
    _title_and_preamble(head, segs, kinds)
    return head


def _classify(head: Header, segs: Sequence[_Seg]) -> tuple[list[str], int, int]:
    """The kind of each segment (clutter, notice_title, cover, recipients, attachment, public,
    date, other), noting 文号, 《》 names, notice title, recipients and date on the way; and where
    the cover letter and its date stand."""
    kinds: list[str] = []
    cover_at = date_at = -1
    for k, seg in enumerate(segs):
        text = seg.text
        number = DOC_NUMBER.search(text)
        # A 文号 in a sentence ("根据《…》（某政发〔2016〕13号）") cites another document.
        if number and head.doc_number is None and not _cited(text, number):
            head.doc_number = re.sub(r"\s+", "", number.group())
        head.quoted_titles.extend(
            m.group(1)
            for m in (QUOTED_TITLE.finditer(text) if not _QUOTES.isdisjoint(text) else ())
            if not CITING.search(text[max(0, m.start() - 8) : m.start()])
        )
        if CLUTTER.search(text):
            kinds.append("clutter")
        elif (
            NOTICE_TITLE.search(text) and len(text) <= 140 and not COVER.search(text.split("关于")[0] or "-")
        ):
            kinds.append("notice_title")
            if head.notice_title is None:
                head.notice_title = _notice_title(segs, kinds, k, number)
        elif COVER.search(text) and len(text) > 8:
            kinds.append("cover")
            cover_at = k
        elif RECIPIENTS_END.search(text) and cover_at < 0 and len(text) <= 300:
            kinds.append("recipients")
            head.recipients = _recipients(text)
        elif ATTACHMENT.match(text):
            kinds.append("attachment")
        elif PUBLIC_NOTE.match(text):
            kinds.append("public")
        elif is_date_line(text):
            kinds.append("date")
            if head.date is None or (cover_at >= 0 and date_at < cover_at):
                head.date = parse_date(text)
                date_at = k
        else:
            kinds.append("other")
    return kinds, cover_at, date_at


def _signers(head: Header, segs: Sequence[_Seg], kinds: list[str], span: range) -> None:
    """Issuers: the bodies named between the cover letter and its date."""
    for k in span:
        text = segs[k].text
        if kinds[k] != "other" or len(text) > 40 or not ORG_SUFFIX.search(text) or TITLE_PUNCT.search(text):
            continue
        # "中共某县委某县人民政府" / "优化营商环境领导小组": a line naming no place continues the
        # body above it.
        if head.issuers and kinds[k - 1] == "issuer" and not PLACE_START.search(text[:4]):
            head.issuers[-1] += text
        else:
            head.issuers.append(text)
        kinds[k] = "issuer"


def _cited(text: str, number: re.Match[str]) -> bool:
    """A 文号 standing inside a sentence or brackets cites another document."""
    rest = (text[: number.start()] + text[number.end() :]).strip(" 　")
    return len(rest) > 30 or (number.start() > 0 and text[number.start() - 1] in "（(《〈")


def _notice_title(segs: Sequence[_Seg], kinds: list[str], k: int, number: re.Match[str] | None) -> str:
    """The notice title, also when printed over several lines: "某县人民政府办公室" / "关于印发
    某某工作安排" / "的通知". Bare short lines above it join, back to the one with "关于" (and a
    line naming the issuing body just above that, when "关于" starts its line)."""
    text = segs[k].text
    title = text[number.end() :].strip() if number else text
    if "关于" in title:
        # "某委员会" / "关于印发…的通知": the body's line above joins the title.
        body = segs[k - 1].text if k > 0 and title.startswith("关于") and not number else ""
        if body and kinds[k - 1] == "other" and WHOLE_ORG.search(body) and len(body) <= 30:
            kinds[k - 1] = "notice_title"
            return body + title
        return title
    start = -1
    for j in range(k - 1, max(-1, k - 4), -1):
        above = segs[j].text
        if kinds[j] != "other" or TITLE_PUNCT.search(above) or len(above) > 40:
            break
        if "关于" in above:
            start = j
            if (
                above.startswith("关于")
                and j > 0
                and kinds[j - 1] == "other"
                and WHOLE_ORG.search(segs[j - 1].text)
            ):
                start = j - 1
            break
    if start < 0:
        return title
    for j in range(start, k):
        kinds[j] = "notice_title"
    return "".join(s.text for s in segs[start:k]) + title


def issuers_from_titles(head: Header) -> list[str]:
    """No signature between the cover letter and its date: the body that issues the notice, as
    its title names it ("国务院关于…的意见", "某县人民政府办公室关于印发…的通知"), or as the plan's
    title starts ("某市教育局2024年工作要点")."""
    m = re.match(r"^(?P<org>.{2,30}?)关于", head.notice_title or "")
    if m and WHOLE_ORG.search(m.group("org")):
        return [m.group("org")]
    m = PLAN_ISSUER.match(head.title)
    return [m.group("org")] if m else []


def _recipients(text: str) -> list[str]:
    body = RECIPIENTS_END.sub("", text)
    names = []
    for part in split_top(body, "，,；;"):
        pieces = [p for p in split_top(part, "、") if p]
        # "市政府各委、办、局" is one addressee; "甲局、乙局" are two.
        names.extend(pieces if all(len(p) >= 3 for p in pieces) else [part])
    return [n for n in names if n]


def _title_and_preamble(head: Header, segs: Sequence[_Seg], kinds: list[str]) -> None:
    """Walk back from the body: preamble paragraphs first, then the title's one to three lines.
    Page clutter between them (a 发布时间 row under a web page's title) is passed over."""
    k = len(segs) - 1
    preamble: list[str] = []
    while k >= 0 and (kinds[k] == "clutter" or (kinds[k] == "other" and not _is_title_like(segs[k].text))):
        # "（2024年1月15日局党组会议审议通过）" under the title notes how it was adopted.
        if kinds[k] == "other" and not BRACKETED.match(segs[k].text):
            preamble.insert(0, segs[k].text)
        k -= 1
    title, k = _title_run(segs, kinds, k)
    # "某局2024年工作要点" / "附件" / "2024年工作要点任务分解表": the table's name is a decoy;
    # the plan's title stands above the 附件 line.
    named = _named_title(head)
    if title.endswith("表") and k >= 0 and kinds[k] == "attachment":
        above, _ = _title_run(segs, kinds, k - 1)
        title = above or named or title
    # The plan as the notice names it ("关于印发X的通知", 《X》), printed as a line of its own,
    # is the title even where a sub-heading stands between it and the body.
    names = {_squash(n) for n in (named, *head.quoted_titles) if n and PLAN_WORD.search(n)}
    if names and _squash(title) not in names:
        printed = next(
            (s.text for k, s in enumerate(segs) if kinds[k] == "other" and _squash(s.text) in names),
            None,
        )
        title = printed or title
    # A file name standing as the title: "某局2024年工作要点.docx"
    head.title = FILE_SUFFIX.sub("", title or _fallback_title(head))
    head.preamble = preamble


def _squash(text: str) -> str:
    return re.sub(r"[\s《》〈〉<>“”\"]", "", text)


def _title_run(segs: Sequence[_Seg], kinds: list[str], k: int) -> tuple[str, int]:
    """The title-like lines ending at segment k, joined; and the index just above them.
    A title printed twice in a row counts once; a line above a title that is complete in
    itself (it names its issuer or year and its plan) joins it only if it is an issuer's name."""
    title_segs: list[_Seg] = []
    while k >= 0 and kinds[k] == "other" and _is_title_like(segs[k].text) and len(title_segs) < 4:
        text = segs[k].text
        if title_segs and _squash(text) == _squash(title_segs[0].text):
            k -= 1
            continue
        below = "".join(s.text for s in title_segs)
        # A line of some length above may be the first half of a title split mid-name.
        if title_segs and COMPLETE_TITLE.search(below) and not ORG_SUFFIX.search(text) and len(text) < 8:
            break
        # Two titles complete in themselves are two titles, not one in two lines.
        if title_segs and COMPLETE_TITLE.search(text) and COMPLETE_TITLE.search(below):
            break
        title_segs.insert(0, segs[k])
        k -= 1
    # The run must name a plan; an org line alone above the body is not a title.
    while title_segs and not PLAN_WORD.search("".join(s.text for s in title_segs)):
        title_segs.pop(0) if len(title_segs) > 1 else title_segs.clear()
    # Joint issuers over lines keep a space between them, as when printed on one line:
    # "中共某县委组织部" / "某县人力资源和社会" / "保障局2024年工作要点".
    glued = [
        s.text + (" " if s.joins_next or (WHOLE_ORG.search(s.text) and not nxt.text[:1].isdigit()) else "")
        for s, nxt in pairwise(title_segs)
    ]
    return ("".join(glued) + (title_segs[-1].text if title_segs else "")).strip(), k


def _named_title(head: Header) -> str:
    """The plan's name as the notice title or the cover letter quotes it."""
    if head.notice_title:
        m = re.search(r"关于(?:印发|下发|转发|公布)(.+?)的通知", head.notice_title)
        if m:
            return m.group(1).strip(" 《》〈〉")
    for quoted in head.quoted_titles:
        if PLAN_WORD.search(quoted):
            return quoted.strip()
    return ""


def _fallback_title(head: Header) -> str:
    """No title line: the name the notice gives the plan, or the notice's own title where the
    notice is itself the plan ("某省政府关于落实…重点工作部门分工的意见")."""
    named = _named_title(head)
    if named:
        return named
    if head.notice_title:
        m = re.search(r"关于(.+?)的通知", head.notice_title)
        if m:
            return m.group(1).strip(" 《》〈〉")
        if PLAN_WORD.search(head.notice_title):
            return head.notice_title
    return ""
