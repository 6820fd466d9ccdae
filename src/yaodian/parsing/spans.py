"""Where a responsibility clause stands in an item, and what to say when none can be read.

The clause grammar (clauses.py) reads a clause's text; this module finds that text in an item:

    trailing groups   "…工作。（责任单位：甲局、乙局）" closing the item's last paragraph, several in a
                      row read together, a deadline group "（完成时限：10月底）" with them
    inner groups      "…富裕起来。（甲委牵头，乙部等按职责分工负责）实施…": labelled or role-worded
                      groups after a sentence, or closing a paragraph that is not the last; each
                      is read on its own and the offices merged
    inline labels     "…工作。责任单位：甲局、乙局。" after a sentence in the last paragraph
    role sentences    "由分管副县长负责，县住建局牵头，县财政局配合，完成…" opening the item, or
                      "…建成平台。市数据局牵头，市财政局配合。" closing it
    office tails      "…新增就业八千人。 区人社局" (only where the notice writes offices so)
"""

from __future__ import annotations

import re

from yaodian.model import OfficeRef, ParseWarning
from yaodian.parsing import clauses
from yaodian.parsing.clauses import (
    LABEL,
    LEAD_SUFFIX,
    LEADING_FILLER,
    OFFICE_SUFFIX,
    SUPPORT_SUFFIX,
    entries,
    is_label_line,
    leader_post,
    looks_like_office,
    strip_alias,
)
from yaodian.patterns import lazy

OFFICE_TAIL = lazy(r"^(?P<text>.*[。.！!])\s+(?P<office>[^\s。.，,；;：:！!？?]{2,30})$")
BRACKET = lazy("[" + re.escape(clauses.OPEN + clauses.CLOSE) + "]")


def leading_clause(text: str) -> tuple[str, str] | None:
    """A role sentence that opens an item instead of a bracketed clause at its end:
        "由分管副县长负责，县住建局牵头，县财政局配合，完成老旧小区改造…"
    → ("由分管副县长负责，县住建局牵头，县财政局配合", "完成老旧小区改造…"). Each comma-separated
    part before the task must be names (offices or leaders' posts) followed by a role word."""
    end = _role_parts(text)
    if end == 0 or end >= len(text):
        return None
    return text[:end].rstrip("，,；; "), text[end:].strip()


def closing_clause(text: str) -> tuple[str, str] | None:
    """A role sentence that closes an item: "…建成数据平台。市数据局牵头，市财政局配合。"
    → ("…建成数据平台。", "市数据局牵头，市财政局配合")."""
    body = text.rstrip("。.；; ")
    # The role sentence starts after the last full stop; its parts are apart by commas, and
    # the one right after a comma may close a sentence too ("…建立目录，各部门按职责分工负责。").
    start = max(body.rfind("。"), body.rfind("；")) + 1
    while True:
        sentence = body[start:]
        if sentence and _role_parts(sentence + "，") >= len(sentence):
            return (body[:start].rstrip("，, "), sentence) if start > 0 else None
        comma = _COMMA.search(body, start)
        if comma is None or comma.end() >= len(body):
            return None
        start = comma.end()


_COMMA = lazy(r"[，,]")


def _named_unit(name: str) -> bool:
    """Stricter than `looks_like_office`, for names in running text with no bracket or label
    around them: an office ending ("县住建局") or a collective that starts so ("各部门", "有关单位");
    "社会各界共同参与" names nobody."""
    core = strip_alias(name)[0]
    if not looks_like_office(core):
        return False
    return bool(OFFICE_SUFFIX.search(core)) or core.startswith(("各", "有关", "相关", "全市", "全县", "全区"))


def _role_parts(text: str) -> int:
    """How far `text` runs as role parts ("甲局牵头，" "乙局、丙局配合，" "由分管副县长负责，"),
    naming at least one office; 0 if it does not start so."""
    end, names_office = 0, False
    for m in _TOP_COMMA.finditer(text):
        part = LEADING_FILLER.sub("", text[end : m.start()].strip())
        role = LEAD_SUFFIX.search(part) or SUPPORT_SUFFIX.search(part)
        if role is None:
            break
        names = [n for n in entries(part[: role.start()]) if n]
        if not names or not all(leader_post(n) or _named_unit(n) for n in names):
            break
        names_office = names_office or any(not leader_post(n) for n in names)
        end = m.end()
    return end if names_office else 0


# Commas outside brackets and quotes, as the parts of a role sentence are separated.
_TOP_COMMA = lazy(r"[，,；;](?![^（(“]*[）)”])")


# A clause cut by a line break that could not be mended: "…工作。（责任单位：甲局、" with the rest
# on a line of its own, or a label left at the end of a line.
_OPEN_CLAUSE = lazy(r"[（(【\[]\s*(?:牵头|主责|责任|配合|协办)[^（(）)】\]]*[:：][^（(）)】\]]*$")


# Words that say a responsibility is given, in brackets or after a label.
_CLAUSE_HINT = lazy(r"[（(][^（()）]*(?:牵头|配合|负责|协办|承办|主办)[^（()）]*[）)]")


def unread_clause(text: str) -> str | None:
    """A responsibility clause an item seems to hold but whose offices could not be read: the
    bracketed group or label, for the warning."""
    found = _CLAUSE_HINT.search(text) or LABEL.search(text)
    return found.group() if found else None


def broken_clause(text: str) -> bool:
    """Whether an item's text holds a responsibility clause cut by a line break."""
    return any(_OPEN_CLAUSE.search(line) or is_label_line(line) for line in text.splitlines())


def unread(line: int, number: str, text: str) -> list[ParseWarning]:
    """Say why an item that seems to name its offices has none: the clause was cut by a line
    break, or it is written in a way not read."""
    if broken_clause(text):
        return [
            ParseWarning(
                line=line, code="broken-clause", message=f"条目 {number} 的责任单位被换行断开，没能读出"
            )
        ]
    hint = unread_clause(text)
    if hint is None:
        return []
    return [
        ParseWarning(
            line=line,
            code="unread-clause",
            message=f"条目 {number} 写有责任分工（“{hint[:30]}”），但没能读出单位；请核对原文",
        )
    ]


def inner_clauses(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Clauses that stand inside an item rather than at its end, each for the sentences before
    it: at the end of a paragraph that is not the last ("…工作。（甲委牵头）" then "▲…"), or after a
    sentence in mid-paragraph ("…富裕起来。（甲委牵头，乙部等按职责分工负责）实施…"). Only labelled
    or role-worded groups count here. Returns the paragraphs without them, and the clauses."""
    found: list[str] = []
    kept: list[str] = []
    for k, paragraph in enumerate(paragraphs):
        if not any(ch in paragraph for ch in "（(【["):
            kept.append(paragraph)
            continue
        if k + 1 == len(paragraphs):
            # Most often the last paragraph's only group is its trailing clause: nothing inside.
            trailing = clauses.trailing_group(paragraph)
            if trailing is not None and not any(ch in trailing[0] for ch in clauses.OPEN):
                kept.append(paragraph)
                continue
        end = len(paragraph) if k + 1 < len(paragraphs) else -1
        pieces: list[str] = []
        done = 0  # the text up to here is in `pieces`
        for start, stop, content in _groups(paragraph):
            # A group after a sentence, or ending a paragraph that is not the item's last.
            # (In mid-paragraph the text must go on after it: a clause closing the item's last
            # paragraph, with the groups after it, is the ordinary clause read by `_split_clause`.)
            after_sentence = start == 0 or paragraph[start - 1] in "。；;"
            if ((after_sentence and _goes_on(paragraph, stop)) or stop == end) and clauses.clause_strength(
                content
            ) == clauses.STRONG:
                found.append(content)
                pieces.append(paragraph[done:start])
                done = stop
        pieces.append(paragraph[done:])
        kept.append("".join(pieces).strip())
    return [p for p in kept if p], found


def _goes_on(text: str, pos: int) -> bool:
    """Whether sentences follow `pos` (past punctuation), not another group or the end."""
    while pos < len(text) and text[pos] in " 。.；;，,":
        pos += 1
    return pos < len(text) and text[pos] not in clauses.OPEN


def _groups(text: str) -> list[tuple[int, int, str]]:
    """Top-level bracketed groups: (start, end, content), in order."""
    out: list[tuple[int, int, str]] = []
    depth, start = 0, 0
    for m in BRACKET.finditer(text):
        pos, ch = m.start(), m.group()
        if ch in clauses.OPEN:
            if depth == 0:
                start = pos
            depth += 1
        elif ch in clauses.CLOSE and depth > 0:
            depth -= 1
            if depth == 0:
                out.append((start, pos + 1, text[start + 1 : pos]))
    return out


def merge(groups: list[tuple[OfficeRef, ...]]) -> tuple[OfficeRef, ...]:
    """The offices of several clauses of one item, in order; named twice, the lead role wins."""
    merged: dict[str, OfficeRef] = {}
    for group in groups:
        for ref in group:
            old = merged.get(ref.name)
            if old is None or (ref.is_lead and not old.is_lead):
                merged[ref.name] = ref
    return tuple(merged.values())


def split_clause(paragraphs: list[str], weak_ok: bool) -> tuple[str, str | None]:
    """The item text without its responsibility clause, and the clause (from the last paragraph).
    Several bracketed clauses in a row — "（牵头单位：甲）（配合单位：乙）" — are read together."""
    if not paragraphs:
        return "", None
    last = paragraphs[-1]
    found: list[str] = []
    while True:
        group = clauses.trailing_group(last)
        # "…。（责任单位：甲局）（完成时限：6月底）": a deadline in brackets of its own goes with it.
        if group is None or not (
            clauses.is_clause(group[1], weak_ok=weak_ok) or clauses.is_time_note(group[1])
        ):
            break
        found.insert(0, group[1])
        last = group[0]
    if found and not all(clauses.is_time_note(f) for f in found):
        kept = [*paragraphs[:-1], last] if last else paragraphs[:-1]
        return "\n".join(kept), "；".join(found)
    # "…工作。责任单位：甲局、乙局。" — a label inside the last paragraph, after a sentence.
    inline = clauses.LABEL.search(last)
    if inline is not None and inline.start() > 0 and last[inline.start() - 1] in "。；; ":
        rest = last[: inline.start()].rstrip()
        kept = [*paragraphs[:-1], rest] if rest else paragraphs[:-1]
        return "\n".join(kept), last[inline.start() :]
    # "…建成数据平台。市数据局牵头，市财政局配合。": a role sentence closes the item.
    closing = closing_clause(last)
    if closing is not None:
        return "\n".join([*paragraphs[:-1], closing[0]]), closing[1]
    # "…新增就业八千人。 区人社局": a bare office after the last sentence, where the notice
    # writes its offices so (bare names count only where the notice uses them more than once).
    tail = OFFICE_TAIL.match(last) if " " in last else None
    if tail and weak_ok and clauses.reads_as_offices(tail.group("office")):
        kept = [*paragraphs[:-1], tail.group("text")]
        return "\n".join(kept), tail.group("office")
    return "\n".join(paragraphs), None
