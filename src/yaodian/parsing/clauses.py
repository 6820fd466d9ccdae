"""Responsibility clauses (责任科室/牵头单位/…): finding them at the end of an item or on label
lines, and reading the offices they name, with who leads and who supports.

A clause is read in two steps. `read_clause` turns its text into `Mention`s — an office name with
the role the text gives it (lead, support, or just "listed"). `resolve_roles` then decides for the
whole item: explicit leads lead; listed offices support when somebody leads explicitly, otherwise
the first one listed leads ("排名第一的为牵头科室").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from yaodian.model import LEAD, SUPPORT, OfficeRef, Role
from yaodian.patterns import containing, ending, lazy

OPEN = "（(〈<【[《{"
CLOSE = "）)〉>】]》}"

# Label words that open a clause or a part of it, always followed by a colon:
#   "责任科室：" "牵头单位:" "配合单位：" "牵头（责任）单位：" "部门分工：" "责任分工："
LABEL = lazy(
    r"(?:^|(?<=[,，;；。.\s])|(?<=^[(（]))"
    r"(?P<label>(?:主要|具体|总)?(?:牵头|主责|主办|承办|责任|配合|协办|参与|协助|协同|支持|实施|落实)"
    r"(?:\s*(?:责任|牵头|配合))?\s*(?:[(（]\s*(?:责任|牵头)\s*[)）])?\s*"
    r"(?:单位|科室|处室|部门|股室|处|科|机构|主体|领导单位)(?:[(（](?:室|科|处|股)[)）])?"
    r"|部门分工|责任分工|分工|牵头领导单位|牵头|配合|协办|主办|参与)"
    # "责任单位：" — or "责任单位为县交通局" where a sentence names them
    r"\s*(?:[:：]|(?<=单位)为(?=\S))"
)
# (Also: "牵头责任单位：" "主要责任单位：" "承办单位：" "实施主体：" "责任处（室）：", the bare
# role words "牵头：" "配合：", and "责任单位为…".)

# Notes that state the lead rule; never offices: "排名第一的为牵头科室，下同" "列第一位者为牵头部门"
RULE_NOTE = containing("下同|排名第一|排在第一|列第一|第一位|首位|为牵头|为主办|以下同|不再列出")
# Such a note in brackets inside the clause: "…市卫健委（除标注“分别牵头”外，列第一位为牵头单位，下同）"
NOTE_GROUP = lazy(r"[（(][^（()）]*(?:下同|排名第一|排在第一|列第一|第一位|首位|以下同)[^（()）]*[)）]")
# Leaders named by their post where offices stand: "分管副省长、协管副秘书长负责，省发改委牵头"
# "由分管副县长负责". They are the item's leader, not offices.
LEADER_POST = lazy(
    r"^(?:由|请)?(?:分管|协管|主管|联系|牵头|责任)?(?:副)?(?:省|市|州|盟|县|区|旗|镇|乡)?(?:级)?"
    r"(?:长|书记|副书记|秘书长|副秘书长|常委|领导|主任|副主任)(?:同志)?$"
)

# Suffixes that mark the offices before them as leads: "（省甲局、乙厅牵头）" "（省甲委总牵头）"
# "A、B分别牵头" "各部门分别负责": co-leads, each for its own part; 分别 is no part of a name.
# "甲局承办，乙局协办": 主办/承办 leads as 牵头 does.
LEAD_SUFFIX = lazy(
    r"(?:(?:共同|联合|总|分别)?(?:牵头|主办|承办)(?:负责|抓总|落实|推进|实施)?"
    r"|(?<!职责)(?<!分工)分别负责(?:落实|推进|实施|完成)?)$"
)
# Suffixes that mark supporters: "各地、各部门配合" "丙站等有关单位按职责分工负责"
SUPPORT_SUFFIX = lazy(
    r"(?:按照?职责(?:分工)?)?(?:分别)?(?:配合|参与|协助|协办|协同|支持|共同负责|分工负责|负责)(?:落实|推进|实施|完成)?$"
)
# A bare "负责" suffix makes a lead when nobody else leads: "（市甲局负责）".
RESPONSIBLE = lazy(r"负责(?:落实|推进|实施|完成)?$")

# Trailing "等", "等有关单位", "等相关部门" closes a list; the office before it is kept.
ET_CETERA = lazy(r"(?<=\S)等(?:有关|相关|其他|其它)?(?:单位|部门|科室|处室|机构)?$")
LEADING_FILLER = lazy(r"^(?:由|请|和|及|以及|与)")

# Endings that make a name an office on its own (a standalone entry in a list).
OFFICE_SUFFIX = ending(
    "科|室|处|股|站|所|办|委|局|厅|部|院|中心|队|会|组|馆|校|学校|政府|街道|办事处|单位|部门|专班|公司|集团|银行|分行|支行|法院|检察院|团|联|社|协|署|府|党组|开发区|园区|管委会|管理区|区|县|市|镇|乡|省|监狱|医院|台|报|所|库|总队|支队|大队|军分区|人武部|机关|工委|分局"
)
# Endings strong enough that a following fragment is an office of its own, not the rest of a
# collective: in "各区、县级市" the second part ends in 市 and still belongs to the first.
STRONG_SUFFIX = ending(
    "科|室|处|股|站|所|办|委|局|厅|部|院|中心|队|组|馆|校|政府|街道|办事处|单位|部门|专班|公司|集团|银行|分行|法院|检察院|署|党组|开发区|园区|管委会|工委|分局"
)
COLLECTIVE = lazy(r"^(?:各|全|有关|相关|其他|其它|所属|直属)|各|等单位$|有关单位|相关单位")

# Words that show a "name" is really a sentence fragment.
# (A pattern, not a word list: it is asked of every name, where one search beats forty.)
VERBS = lazy(
    r"推进|加强|开展|落实|完善|建立|做好|实施|组织|提升|推动|深化|确保|贯彻|按照|根据|进一步|全面|积极|健全|强化|持续|坚持|加快|促进|提高|围绕|结合|密切|认真|切实|主动|及时|要求|必须|应当|需要"
)
MAX_NAME = 30
ROLE_WORD = containing("牵头|配合|协办|参与|主办|承办")
# A deadline label inside a clause: "…；完成时限：2024年12月底" (up to the next separator).
TIME_IN_CLAUSE = lazy(r"(?:完成|办结)?(?:时限|时间节点|完成时间|期限)\s*[:：]\s*(?P<v>[^；;，,\s]+)")
# A leader named inside a clause: "（牵头领导：张三；牵头单位：市甲局）" "分管市领导：李四"
LEADER_IN_CLAUSE = lazy(r"(?:分管|牵头|责任|包保)?[省市县区]?领导\s*[:：]\s*(?P<v>[^；;，,。]+)[；;，,。]?")
WHITESPACE = lazy(r"\s+")

# A trailing alias in brackets: 人事科〈机关党委〉, 市交通委（市道运局）, 办公室<秘书科>.
ALIAS = lazy(r"^(?P<name>.+?)\s*[〈<（(【\[](?P<alias>[^〈<（(【\[〉>）)】\]]+)[〉>）)】\]]$")


class Mention(NamedTuple):
    """An office as a clause names it, before roles are settled for the whole item."""

    raw: str
    hint: str  # "lead" | "support" | "listed"


class ClauseReading(NamedTuple):
    """What one clause says: mentions in order, rejected fragments, and whether a note was seen."""

    mentions: tuple[Mention, ...]
    rejected: tuple[str, ...] = ()
    leader: str | None = None
    deadline: str | None = None


def split_top(text: str, seps: str) -> list[str]:
    """Split at any of `seps` that is not inside brackets."""
    if not any(ch in text for ch in seps):
        return [text.strip()]
    if not any(ch in OPEN for ch in text):
        return [p.strip() for p in _splitter(seps).split(text)]
    parts: list[str] = []
    depth = 0
    buf: list[str] = []
    for ch in text:
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        if ch in seps and depth == 0:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return [p.strip() for p in parts]


@lru_cache(maxsize=32)
def _splitter(seps: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(seps) + "]")


@lru_cache(maxsize=4096)
def trailing_group(text: str) -> tuple[str, str] | None:
    """Split off a bracketed group that ends the text: ("…工作。", "责任科室：甲科、乙科")."""
    body = text.rstrip(" 。.;；,，")
    if not body or body[-1] not in CLOSE:
        return None
    depth = 0
    for pos in range(len(body) - 1, -1, -1):
        ch = body[pos]
        if ch in CLOSE:
            depth += 1
        elif ch in OPEN:
            depth -= 1
            if depth == 0:
                return body[:pos].rstrip(), body[pos + 1 : -1].strip()
    return None


def looks_like_office(name: str) -> bool:
    """A plausible office or unit name: short, no sentence, ends like an office."""
    core = name.strip()
    if not core or len(core) > MAX_NAME or "。" in core:
        return False
    if _sentence_like(core):
        return False
    return bool(OFFICE_SUFFIX.search(strip_alias(core)[0]) or COLLECTIVE.search(core))


STRONG, WEAK, NONE = 2, 1, 0


@lru_cache(maxsize=4096)
def clause_strength(content: str) -> int:
    """How surely a bracketed group is a responsibility clause rather than an aside: STRONG
    with a label or a role word (牵头, 配合…), WEAK when it is only a list of names that end
    like offices ("（省甲委、省乙委）" — but also "（省级示范区）"), NONE otherwise."""
    if LABEL.search(content):
        return STRONG
    for sentence in split_top(content, "。"):
        if not sentence or (RULE_NOTE.search(sentence) and "、" not in sentence):
            continue
        if ROLE_WORD.search(sentence):
            return STRONG
        # "（甲局、乙厅按职责分工负责）": a role, though not a label — when the names are offices'
        # ("（由市场主体负责）" is an aside).
        parts = [part for part in split_top(sentence, "，,；;") if part and not is_time_note(part)]
        if any(SUPPORT_SUFFIX.search(part) or LEAD_SUFFIX.search(part) for part in parts):
            names = [e for part in parts for e in split_top(part, "、") if e]
            if all(looks_like_office(_bare(e)) for e in names):
                return STRONG
    entries = [e for e in split_top(_without_notes(content), "、，,；;") if e]
    if entries and all(looks_like_office(_bare(e)) for e in entries):
        return WEAK
    return NONE


def is_clause(content: str, *, weak_ok: bool = True) -> bool:
    """Whether a bracketed group is a clause; `weak_ok` accepts bare lists of office names."""
    return clause_strength(content) >= (WEAK if weak_ok else STRONG)


# A deadline inside a clause, labelled or not: "完成时限：6月底" "12月底前完成" "年内完成" "长期坚持"
TIME_LABEL = lazy(r"^(?:完成|办结)?(?:时限|时间|期限|时间节点|时间要求)\s*[:：]\s*")
TIME_PHRASE = lazy(
    r"^(?:(?:19|20)\d{2}\s*年)?\s*(?:\d{1,2}\s*月|[一二三四五六七八九十]{1,2}月|年底|年内|年中|年末|全年|上半年|下半年|"
    r"第?[一二三四1-4]\s*季度|长期|持续|常态|每[年季月])\S{0,12}$"
)


_TIME_CHARS = frozenset("月年季期限时长持常每")


@lru_cache(maxsize=4096)
def is_time_note(text: str) -> bool:
    """A deadline standing where offices stand: "完成时限：2025年10月底" "年内完成"."""
    if _TIME_CHARS.isdisjoint(text):
        return False  # (most parts are names: one scan instead of two patterns)
    text = text.strip(" 。.；;")
    return bool(TIME_LABEL.match(text) or TIME_PHRASE.match(text))


# A deadline, never an office: "全年" "2025年6月底前" "长期坚持" "第三季度"
TIME_CELL = lazy(
    r"^(?:(?:19|20)\d{2}\s*年)?\s*(?:\d{1,2}\s*月|全年|年底|年内|年中|长期|持续|常态|上半年|下半年|第?[一二三四1-4]\s*季度)"
)


def reads_as_offices(text: str) -> bool:
    """Whether a table cell holds office names (with or without role words): "区教育局"
    "办公室牵头，各科室配合" "区政府有关部门，各乡镇人民政府。" — and not a task's text."""
    text = text.strip().rstrip("。.；;")
    # A task's text has long stretches without a list mark; a cell of names, however many,
    # has short ones ("区工信局、区住建局、…、各乡镇人民政府").
    if TIME_CELL.match(text) or any(len(part) > 30 for part in split_top(text, "，,；;。、")):
        return False
    return clause_strength(text) >= WEAK


def _bare(entry: str) -> str:
    """An entry without "等…", "牵头", "负责" around it: "省甲厅负责" → "省甲厅"."""
    entry = ET_CETERA.sub("", LEADING_FILLER.sub("", entry.strip()))
    return ET_CETERA.sub("", SUPPORT_SUFFIX.sub("", LEAD_SUFFIX.sub("", entry)))


def is_label_line(text: str) -> bool:
    """A line that is a clause of its own: "责任单位：甲局、乙局" "部门分工：甲委牵头，…"."""
    m = LABEL.match(text)
    return m is not None


def leader_post(name: str) -> bool:
    """ "分管副县长" "协管副秘书长": a leader named by post (tried only on names ending so)."""
    return name.endswith(_POST_ENDS) and bool(LEADER_POST.match(name))


_POST_ENDS = ("长", "书记", "常委", "领导", "主任", "同志")


def strip_alias(raw: str) -> tuple[str, str | None]:
    """人事科〈机关党委〉 → ("人事科", "机关党委"); names without a trailing bracket stay whole."""
    m = ALIAS.match(raw) if raw[-1:] in CLOSE else None
    if m and m.group("name").strip():
        return m.group("name").strip(), m.group("alias").strip()
    return raw, None


def _without_notes(content: str) -> str:
    content = NOTE_GROUP.sub("", content)
    kept: list[str] = []
    for sentence in split_top(content, "。"):
        if not sentence:
            continue
        if RULE_NOTE.search(sentence):
            # "甲科、乙科。排名第一的为牵头科室" — the note is its own sentence; a sentence that
            # mixes the note into a list keeps the part before the note.
            head = split_top(sentence, "，,；;")
            kept.extend(p for p in head if p and not RULE_NOTE.search(p))
            continue
        kept.append(sentence)
    return "，".join(kept)


@lru_cache(maxsize=4096)
def read_clause(content: str, *, hint: str = "listed") -> ClauseReading:
    """Read the offices a clause names. `hint` is the role a preceding label line implies."""
    content = _without_notes(content)
    leader = None
    found = LEADER_IN_CLAUSE.search(content) if "领导" in content else None
    if found:
        leader = found.group("v").strip()
        content = content[: found.start()] + content[found.end() :]
    deadlines: list[str] = []
    # "… 完成时限：2024年12月底" inside the clause, as label lines run together leave it.
    timed = TIME_IN_CLAUSE.search(content) if "：" in content or ":" in content else None
    if timed:
        deadlines.append(timed.group("v"))
        content = content[: timed.start()] + content[timed.end() :]
    parts: list[tuple[str, str]] = []
    labels = list(LABEL.finditer(content))
    if not labels:
        parts.append((hint, content))
    else:
        if content[: labels[0].start()].strip(" ，,；;"):
            parts.append((hint, content[: labels[0].start()]))
        for k, m in enumerate(labels):
            end = labels[k + 1].start() if k + 1 < len(labels) else len(content)
            parts.append((label_role(m.group("label")), content[m.end() : end]))
    mentions: list[Mention] = []
    rejected: list[str] = []
    leaders: list[str] = [leader] if leader else []
    for part_hint, text in parts:
        for sub in split_top(text, "，,；;"):
            sub = sub.strip(" 。.")
            if not sub:
                continue
            if is_time_note(sub):
                deadlines.append(TIME_LABEL.sub("", sub))
                continue
            sub_hint = part_hint
            if LEAD_SUFFIX.search(sub):
                sub, sub_hint = LEAD_SUFFIX.sub("", sub), "lead"
            elif SUPPORT_SUFFIX.search(sub):
                bare_responsible = RESPONSIBLE.search(sub) and not SUPPORT_SUFFIX.sub("", sub).endswith(
                    "分工"
                )
                sub = SUPPORT_SUFFIX.sub("", sub)
                sub_hint = "responsible" if bare_responsible else "support"
            for name in entries(sub):
                # "区发改局（牵头）": a role in brackets, not an alias
                name, role_note = _role_in_brackets(name)
                if leader_post(name):
                    leaders.append(LEADING_FILLER.sub("", name))
                elif _plausible(name):
                    mentions.append(Mention(name, role_note or sub_hint))
                else:
                    rejected.append(name)
    return ClauseReading(
        tuple(mentions), tuple(rejected), "、".join(leaders) or None, "；".join(deadlines) or None
    )


ROLE_IN_BRACKETS = lazy(r"\s*[(（〈<【\[](总?牵头|主责|配合|协办|参与)(?:单位|部门|科室)?[)）〉>】\]]$")


def _role_in_brackets(name: str) -> tuple[str, str | None]:
    m = ROLE_IN_BRACKETS.search(name) if name[-1:] in CLOSE else None
    if m is None:
        return name, None
    role = "support" if m.group(1) in ("配合", "协办", "参与") else "lead"
    return name[: m.start()].strip(), role


def label_role(label: str) -> str:
    """The role a label gives: 牵头… → lead, 配合/协办/参与… → support, 责任… → listed."""
    label = WHITESPACE.sub("", label).removeprefix("主要").removeprefix("具体").removeprefix("总")
    if label.startswith(("牵头", "主责", "主办")):
        return "lead"
    if label.startswith(("配合", "协办", "参与", "协助", "协同", "支持")):
        return "support"
    return "listed"


def entries(text: str) -> list[str]:
    """The names in one list: split at 、, collectives and shared suffixes kept whole."""
    frags = [LEADING_FILLER.sub("", f).strip() for f in split_top(text, "、")]
    frags = [f for f in frags if f]
    merged: list[str] = []
    pending: list[str] = []  # "甲、乙、丙出入境边防检查站": the short heads share the last suffix
    for frag in frags:
        if (
            merged
            and merged[-1].startswith("各")
            and not frag.startswith("各")
            and not STRONG_SUFFIX.search(strip_alias(ET_CETERA.sub("", frag))[0])
        ):
            merged[-1] = f"{merged[-1]}、{frag}"
            continue
        # Only short place-like heads share a suffix ("甲、乙、丙出入境边防检查站"): "+1" or
        # "CON" before a name is a fragment of its own, not the head of the next one.
        if (
            len(frag) <= 3
            and all(map(_ideograph, frag))
            and not OFFICE_SUFFIX.search(frag)
            and not COLLECTIVE.search(frag)
        ):
            pending.append(frag)
            continue
        if pending:
            frag = "、".join([*pending, frag])
            pending = []
        merged.append(frag)
    merged.extend(pending)
    return [ET_CETERA.sub("", m).strip() for m in merged if ET_CETERA.sub("", m).strip()]


# Role words that never stand inside a name ("各项目牵头单位" is a name, so 牵头 may).


def _ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


NOT_IN_NAME = lazy(r"按照?职责|分工|负责|承办|协办")


def _plausible(name: str) -> bool:
    core = strip_alias(name)[0]
    if not any(map(_ideograph, core)):
        return False  # no name of a Chinese office is written without a Chinese character
    if len(core) > MAX_NAME or "。" in core or ":" in core or "：" in core or NOT_IN_NAME.search(core):
        return False
    return not _sentence_like(core)


def _sentence_like(core: str) -> bool:
    """A verb inside makes a fragment of a sentence — unless it names an office the usual way
    (产业促进科, 招商服务中心: short and ending like an office)."""
    if not VERBS.search(core):
        return False
    ends_like_office = STRONG_SUFFIX.search(core) or (COLLECTIVE.search(core) and OFFICE_SUFFIX.search(core))
    return not (len(core) <= 12 and ends_like_office)


def make_ref(raw: str, role: Role, aliases: Mapping[str, str] | None) -> OfficeRef:
    """An `OfficeRef` for a name as printed: canonical name, alias, collective flag."""
    # "各镇（街道）" names a group as a whole; the bracket is part of it, not an alias.
    name, alias = (raw, None) if raw.startswith("各") else strip_alias(raw)
    name = WHITESPACE.sub("", name)
    if aliases:
        name = aliases.get(name) or aliases.get(raw) or name
    collective = bool(COLLECTIVE.search(name)) or ("、" in name)
    return OfficeRef(name=name, raw=raw, alias=alias, role=role, collective=collective)


def resolve_roles(mentions: Sequence[Mention], aliases: Mapping[str, str] | None) -> tuple[OfficeRef, ...]:
    """Settle lead and support for one item's mentions, first listed leading by default."""
    explicit_lead = any(m.hint == "lead" for m in mentions)
    refs: list[OfficeRef] = []
    seen: dict[str, int] = {}
    for k, m in enumerate(mentions):
        if m.hint == "lead":
            role: Role = LEAD
        elif m.hint == "support":
            role = SUPPORT
        elif m.hint == "responsible":
            role = SUPPORT if explicit_lead or k > 0 else LEAD
        else:
            role = LEAD if not explicit_lead and not refs else SUPPORT
        ref = make_ref(m.raw, role, aliases)
        if ref.name in seen:
            # Named twice (lead in one clause, listed in another): the lead role wins.
            old = seen[ref.name]
            if role == LEAD and refs[old].role != LEAD:
                refs[old] = ref
            continue
        seen[ref.name] = len(refs)
        refs.append(ref)
    return tuple(refs)
