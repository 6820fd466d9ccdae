"""Faults of a notice itself (`yaodian check`): what to fix before distributing tasks from it.

Pure: a parsed `Notice` in, a list of `Finding` out, each with the line it concerns, a severity,
a stable code, a message and a suggestion (both in Chinese, for the user).

Codes: numbering-gap, numbering-repeat, numbering-order (errors); no-clause, detached-clause,
duplicate-item (errors); near-duplicate-item, office-spelling, unknown-office, empty-section,
office-name and the parser's other notes (warnings).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from yaodian.model import Item, Notice, Section, missing_clauses
from yaodian.numerals import int_to_cn, number_value

Severity = Literal["error", "warning"]
ERROR: Severity = "error"
WARNING: Severity = "warning"

# Items whose texts are this similar (rapidfuzz ratio, 0–100) are reported as near-duplicates.
NEAR_DUPLICATE = 90.0


@dataclass(frozen=True, kw_only=True)
class Finding:
    """One fault found in a notice (通知问题), with the line it concerns and what to do."""

    line: int
    severity: Severity
    code: str
    message: str
    suggestion: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "line": self.line,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "suggestion": self.suggestion,
        }


def check_notice(notice: Notice, *, aliases: Mapping[str, str] | None = None) -> list[Finding]:
    """Every fault found in the notice, in line order (errors before warnings on the same line)."""
    findings: list[Finding] = []
    findings += _numbering(notice)
    findings += _clauses(notice)
    findings += _parser_notes(notice)
    findings += _spellings(notice)
    if aliases is not None:
        findings += _unknown_offices(notice, aliases)
    findings += _duplicates(notice.items)
    findings += _empty_sections(notice)
    order = {ERROR: 0, WARNING: 1}
    return sorted(findings, key=lambda f: (f.line, order[f.severity], f.code))


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)


# --- numbering -----------------------------------------------------------------------------------


def _sequence(entries: Sequence[tuple[int | None, str, int]], what: str) -> list[Finding]:
    """Gaps, repeats and steps back in one run of numbers (value, shown number, line)."""
    findings: list[Finding] = []
    prev: int | None = None
    prev_shown = ""
    for value, shown, line in entries:
        if value is None:
            prev = None
            continue
        if prev is not None:
            if value == prev:
                findings.append(
                    Finding(
                        line=line,
                        severity=ERROR,
                        code="numbering-repeat",
                        message=f"{what}编号“{shown}”重复（上一个也是“{prev_shown}”）。",
                        suggestion="请核对原文：是否编号写错，或同一条目重复出现。",
                    )
                )
            elif value > prev + 1:
                missing = _missing(prev, value, shown)
                findings.append(
                    Finding(
                        line=line,
                        severity=ERROR,
                        code="numbering-gap",
                        message=f"{what}编号从“{prev_shown}”跳到“{shown}”，缺少 {missing}。",
                        suggestion="请核对原文是否漏了条目，或编号写错；若条目在原文中没有编号，请补上编号。",
                    )
                )
            elif value < prev:
                findings.append(
                    Finding(
                        line=line,
                        severity=ERROR,
                        code="numbering-order",
                        message=f"{what}编号“{shown}”排在“{prev_shown}”之后，顺序倒退。",
                        suggestion="请核对原文编号顺序。",
                    )
                )
        prev, prev_shown = value, shown
    return findings


def _missing(prev: int, value: int, like: str = "") -> str:
    """The missing numbers, written like the marker next to them (三、四 or 3、4)."""
    numbers = list(range(prev + 1, value))
    chinese = bool(re.search(r"[一二三四五六七八九十]", like))
    shown = "、".join(int_to_cn(n) if chinese else str(n) for n in numbers[:5])
    return f"{shown}{' 等' if len(numbers) > 5 else ''}"


@dataclass(frozen=True)
class _Numbered:
    parent: tuple[int, ...]  # the position path of the section above (model.SectionPath)
    label: tuple[str, ...]  # the same path as printed numbers, for messages
    style: str
    value: int | None
    shown: str
    line: int
    what: str


def _numbered(notice: Notice) -> list[_Numbered]:
    """Every numbered section and item with its parent path and marker shape, in line order."""
    nodes: list[_Numbered] = []

    for path, sec in notice.section_paths():
        shown = sec.marker or sec.number
        what = "部分" if len(path) == 1 else "小节"
        label = tuple(s.number for s in _chain(notice, path[:-1]))
        value = number_value(sec.number)
        nodes.append(_Numbered(path[:-1], label, _style(shown), value, shown, sec.line, what))
    for item in notice.items:
        shown = item.marker or item.number
        what = "部分" if _is_heading(notice, item) else "条目"
        value = number_value(item.number)
        path = notice.section_path(item)
        nodes.append(_Numbered(path, item.section, _style(shown), value, shown, item.line, what))
    return sorted((n for n in nodes if n.value is not None), key=lambda n: n.line)


def _numbering(notice: Notice) -> list[Finding]:
    """Per marker shape (一、 （一） 1. …), numbers either restart under each parent or run
    through the document: judge both ways and report against whichever fits the notice."""
    by_style: dict[str, list[_Numbered]] = {}
    for node in _numbered(notice):
        by_style.setdefault(node.style, []).append(node)
    findings: list[Finding] = []
    for nodes in by_style.values():
        what = nodes[0].what
        through = [(n.value, n.shown, n.line) for n in nodes]
        preamble_part = what == "部分" and nodes[0].value == 2 and bool(notice.preamble)
        running = ([] if preamble_part else _first_is_one(through, what)) + _sequence(through, what)
        runs: dict[tuple[int, ...], list[_Numbered]] = {}
        for node in nodes:
            runs.setdefault(node.parent, []).append(node)
        per_parent: list[Finding] = []
        for parent, run in runs.items():
            label = run[0].label
            where = f"第“{'/'.join(label)}”部分中的{run[0].what}" if parent else run[0].what
            entries = [(n.value, n.shown, n.line) for n in run]
            # 一、总体要求 is read as the preamble, so the parts seem to start at 二、.
            preamble_part = (
                not parent and run[0].what == "部分" and run[0].value == 2 and bool(notice.preamble)
            )
            per_parent += [] if preamble_part else _first_is_one(entries, where)
            per_parent += _sequence(entries, where)
        findings += per_parent if len(per_parent) <= len(running) else running
    return findings


def _chain(notice: Notice, path: tuple[int, ...]) -> tuple[Section, ...]:
    return tuple(notice.section_at(path[:k]) for k in range(1, len(path) + 1))


def _is_heading(notice: Notice, item: Item) -> bool:
    """An "item" that is really a section heading with nothing under it: a short line without a
    sentence or offices, numbered like the notice's sections (三、其他工作)."""
    if item.offices or "。" in item.text or len(item.text) > 30:
        return False
    styles = {_style(sec.marker or sec.number) for sec in notice.walk_sections()}
    return _style(item.marker or item.number) in styles


def _first_is_one(entries: Sequence[tuple[int | None, str, int]], what: str) -> list[Finding]:
    first = entries[0][0] if entries else None
    if first is not None and first > 1:
        _, shown, line = entries[0]
        value = first
        return [
            Finding(
                line=line,
                severity=ERROR,
                code="numbering-gap",
                message=f"{what}编号从“{shown}”开始，缺少前面的 {_missing(0, value, shown)}。",
                suggestion="请核对原文是否漏了前面的内容，或编号写错。",
            )
        ]
    return []


def _style(marker: str) -> str:
    """The shape of a marker with its number taken out: "1." "（1）" "①" "一、"."""
    shape = re.sub(r"\d+", "9", marker)
    shape = re.sub(r"[一二三四五六七八九十百〇零两]+", "十", shape)
    return re.sub(r"[①-⑳]", "①", shape)


# --- responsibility clauses ----------------------------------------------------------------------


def _clauses(notice: Notice) -> list[Finding]:
    """Items without offices (`model.missing_clauses`), unless the item is really a section
    heading or a section heading above it names a lead for all its items."""
    findings: list[Finding] = []
    broken = {w.line for w in notice.warnings if w.code in ("broken-clause", "unread-clause")}
    for item in missing_clauses(notice.items):
        if (
            item.line in broken
            or _is_heading(notice, item)
            or any(s.lead for s in notice.section_chain(item))
        ):
            continue
        findings.append(
            Finding(
                line=item.line,
                severity=ERROR,
                code="no-clause",
                message=f"条目 {item.number}（{_short(item.title)}）没有写责任单位，而其他条目大多写了。",
                suggestion="请在条目末尾补上“（责任单位：……）”，否则这条任务分不到任何科室。",
            )
        )
    return findings


_PARSER_NOTES: dict[str, tuple[Severity, str, str]] = {
    "detached-clause": (
        ERROR,
        "detached-clause",
        "请把这行责任单位移到它所属条目的末尾，或检查前面的条目编号是否缺失。",
    ),
    "office-name": (WARNING, "office-name", "请核对这个名称；如确是单位，可在别名表中登记。"),
    "unread-clause": (
        ERROR,
        "unread-clause",
        "这条写了责任分工，但写法没能读出单位；请按“（牵头单位：……；配合单位：……）”的格式核对。",
    ),
    "broken-clause": (
        ERROR,
        "broken-clause",
        "责任单位写了，但中间被换行断开（常见于从 PDF 或网页复制）；请把断开的几行接成一行后再运行。",
    ),
}


def _parser_notes(notice: Notice) -> list[Finding]:
    """The parser's own notes, except the missing clauses `_clauses` reports with more context."""
    findings: list[Finding] = []
    for w in notice.warnings:
        if w.code == "no-clause":
            continue
        severity, code, suggestion = _PARSER_NOTES.get(w.code, (WARNING, w.code, "请核对原文。"))
        message = w.message
        if w.code == "detached-clause":
            message = f"{message}（“责任单位”一行脱离了条目）。"
        findings.append(
            Finding(line=w.line, severity=severity, code=code, message=message, suggestion=suggestion)
        )
    return findings


# --- offices -------------------------------------------------------------------------------------

# Office kinds by the end of their names, longest first.
_SUFFIXES = ("办公室", "中心", "委员会", "领导小组", "科", "室", "处", "股", "站", "所", "办", "委", "局", "厅",
             "部", "院", "队", "会", "组", "馆", "校")  # fmt: skip
# Place prefixes that do not change which office is meant: 市财政局 is 财政局.
_PLACE = ("市", "县", "区", "省", "州", "镇", "乡")


def _suffix(name: str) -> str:
    return next((s for s in _SUFFIXES if name.endswith(s)), "")


def _in_order(short: str, long: str) -> bool:
    """Every character of `short` appears in `long`, in the same order."""
    it = iter(long)
    return all(ch in it for ch in short)


def same_office(a: str, b: str) -> bool:
    """Whether two office names look like one office spelled two ways: an abbreviation
    (基教科 / 基础教育科: same first character, same kind of office, the short name's
    characters in order within the long one) or a place prefix (财政局 / 市财政局)."""
    if a == b:
        return False
    short, long = sorted((a, b), key=len)
    if len(short) == len(long):
        return False
    if long in (p + short for p in _PLACE):
        return True
    suffix = _suffix(short)
    if not suffix or _suffix(long) != suffix or len(short) < len(suffix) + 1:
        return False
    stem_short = short[: len(short) - len(suffix)]
    stem_long = long[: len(long) - len(suffix)]
    return stem_short[0] == stem_long[0] and len(stem_short) >= 2 and _in_order(stem_short, stem_long)


def _first_lines(notice: Notice) -> dict[str, int]:
    """The line of the first item naming each office (one pass, not one scan per finding)."""
    lines: dict[str, int] = {}
    for item in notice.items:
        for ref in item.offices:
            lines.setdefault(ref.name, item.line)
    return lines


def toml_key(name: str) -> str:
    """A name as a quoted TOML key or string (JSON's escapes are TOML's)."""
    import json

    return json.dumps(name, ensure_ascii=False)


def _spelling_pairs(names: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs (k < j) that `same_office` may accept: same first character, or one is the
    other with a place in front (财政局 / 市财政局). Buckets instead of every pair."""
    by_first: dict[str, list[int]] = {}
    position = {n: k for k, n in enumerate(names)}
    pairs: set[tuple[int, int]] = set()
    for k, name in enumerate(names):
        if not name:
            continue
        for other in by_first.get(name[0], ()):
            pairs.add((other, k))
        by_first.setdefault(name[0], []).append(k)
        if name[0] in _PLACE and name[1:] in position:
            pairs.add(tuple(sorted((k, position[name[1:]]))))  # type: ignore[arg-type]
    return sorted(pairs)


def _spellings(notice: Notice) -> list[Finding]:
    offices = [o for o in notice.offices() if not o.collective]
    first_line = _first_lines(notice)
    findings: list[Finding] = []
    for k, j in _spelling_pairs([o.name for o in offices]):
        a, b = offices[k], offices[j]
        if not same_office(a.name, b.name):
            continue
        short, long = sorted((a, b), key=lambda o: len(o.name))
        # The spelling used more often is probably the one the office uses itself.
        keep, other = (long, short) if long.total >= short.total else (short, long)
        findings.append(
            Finding(
                line=first_line.get(other.name, 0),
                severity=WARNING,
                code="office-spelling",
                message=(
                    f"“{short.name}”（{short.total} 条）和“{long.name}”（{long.total} 条）"
                    "可能是同一科室的两种写法。"
                ),
                suggestion=(
                    f"如为同一科室，请统一写作“{keep.name}”，或在别名表中加入（“{keep.name}”为规范名）："
                    f"{toml_key(keep.name)} = [{toml_key(other.name)}]"
                ),
            )
        )
    return findings


def _unknown_offices(notice: Notice, aliases: Mapping[str, str]) -> list[Finding]:
    known = sorted(set(aliases) | set(aliases.values()))
    findings: list[Finding] = []
    first_line = _first_lines(notice)
    canonical = set(aliases.values())
    for office in notice.offices():
        if office.collective or office.name in aliases or office.name in canonical:
            continue
        guess = _closest(office.name, known)
        hint = f"是否为“{guess}”？如是，请在别名表中把“{office.name}”加到“{guess}”的写法里。" if guess else ""
        findings.append(
            Finding(
                line=first_line.get(office.name, 0),
                severity=WARNING,
                code="unknown-office",
                message=f"“{office.name}”不在别名表中（{office.total} 条任务）。",
                suggestion=hint or f"如确是本单位科室，请在别名表中登记：{toml_key(office.name)} = []",
            )
        )
    return findings


def _closest(name: str, known: Sequence[str]) -> str | None:
    if not known:
        return None
    for candidate in known:
        if same_office(name, candidate):
            return candidate
    from rapidfuzz import fuzz, process

    best = process.extractOne(name, known, scorer=fuzz.ratio, score_cutoff=60)
    return str(best[0]) if best else None


# --- items ---------------------------------------------------------------------------------------


def _duplicates(items: Sequence[Item]) -> list[Finding]:
    """Items with the same or nearly the same text (rapidfuzz ratio ≥ 90 on Item.key).

    Pairs are compared shortest first, as before; only the pairs `_near_pairs` finds can reach
    the threshold, so a notice of thousands of items is not compared pair by pair."""
    from rapidfuzz import fuzz

    keyed = sorted(((i, i.key) for i in items if len(i.key) >= 4), key=lambda p: len(p[1]))
    findings: list[Finding] = []
    reported: set[int] = set()
    for k, j in _near_pairs([key for _, key in keyed]):
        (a, a_key), (b, b_key) = keyed[k], keyed[j]
        first, second = sorted((a, b), key=lambda i: i.ordinal)
        if second.ordinal in reported:
            continue
        if a_key == b_key:
            severity, code, what = ERROR, "duplicate-item", "完全相同"
        else:
            score = fuzz.ratio(a_key, b_key, score_cutoff=NEAR_DUPLICATE)
            if not score:
                continue
            severity, code, what = WARNING, "near-duplicate-item", f"几乎相同（相似度 {score:.0f}%）"
        reported.add(second.ordinal)
        findings.append(
            Finding(
                line=second.line,
                severity=severity,
                code=code,
                message=f"条目 {second.number} 与条目 {first.number}（第 {first.line} 行）内容{what}。",
                suggestion="请核对是否重复列出；如确为两项任务，请写明区别。",
            )
        )
    return findings


def _near_pairs(keys: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs (k < j, keys sorted by length) whose ratio may reach 90, in order.

    ratio = 1 − d / (la + lb) with d insertions and deletions, so ≥ 90 needs d ≤ 0.1·(la + lb),
    and the lengths within 0.818 of each other, hence d ≤ 0.2223·la for either key. Each edit
    destroys at most two bigrams, so the pair shares at least |G| − 2d distinct bigrams of
    each key's set G. By the prefix-filter lemma, with bigrams ranked rarest first, two such
    keys share a bigram among the first 2d + 1 of each: only those are indexed and compared."""
    grams = [{key[i : i + 2] for i in range(len(key) - 1)} for key in keys]
    frequency: dict[str, int] = {}
    for g in grams:
        for gram in g:
            frequency[gram] = frequency.get(gram, 0) + 1
    postings: dict[str, list[int]] = {}
    prefixes: list[list[str]] = []
    for j, (key, g) in enumerate(zip(keys, grams, strict=True)):
        size = 2 * (int(0.2223 * len(key)) + 1) + 1
        prefix = sorted(g, key=lambda gram: (frequency[gram], gram))[:size]
        prefixes.append(prefix)
        for gram in prefix:
            postings.setdefault(gram, []).append(j)
    pairs: list[tuple[int, int]] = []
    for k, prefix in enumerate(prefixes):
        limit = len(keys[k]) / 0.818
        later = {j for gram in prefix for j in postings[gram] if j > k}
        pairs.extend((k, j) for j in sorted(later) if len(keys[j]) <= limit)
    return pairs


def _empty_sections(notice: Notice) -> list[Finding]:
    findings: list[Finding] = []
    for sec in notice.walk_sections():
        if sec.items or sec.children or sec.intro.strip() or sec.lead:
            continue
        findings.append(
            Finding(
                line=sec.line,
                severity=WARNING,
                code="empty-section",
                message=f"“{sec.marker}{sec.title}”下面没有任何条目。",
                suggestion="请核对原文是否漏了这一部分的条目，或这一行其实不是标题。",
            )
        )
    for item in notice.items:
        if _is_heading(notice, item):
            findings.append(
                Finding(
                    line=item.line,
                    severity=WARNING,
                    code="empty-section",
                    message=f"“{item.marker}{item.text}”像是一个部分的标题，但下面没有任何条目。",
                    suggestion="请核对原文是否漏了这一部分的条目；如它本身就是一项任务，请补上责任单位。",
                )
            )
    return findings


def _short(text: str, width: int = 16) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
