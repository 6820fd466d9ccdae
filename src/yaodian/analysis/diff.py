"""Year-over-year comparison of two plans (年度对比): `diff_notices(old, new) -> PlanDiff`.

Items are aligned by meaning, never by number:

1. Similarity is `rapidfuzz.fuzz.ratio` on `Item.key` (NFKC, no whitespace or punctuation, no
   number, no responsibility clause). Items whose key occurs exactly once on each side pair up
   at 100 without scoring; only the rest are scored against each other.
2. Order-keeping alignment: among the mutually best pairs (each is the other's best match, at or
   above the threshold) the heaviest chain that keeps the order of both plans (a weighted longest
   increasing subsequence). These pairs are "in place".
3. Leftovers: a greedy one-to-one assignment by descending similarity over every pair at or
   above the threshold (ties: nearer positions first). At these sizes greedy matches what an
   optimal (Hungarian) assignment finds because real pairs score far above chance (unrelated
   items of one plan score below 0.35). Pairs found here are "moved".
4. Containment (`rapidfuzz.fuzz.partial_ratio`): an unmatched old item contained in a new item
   joins it (two or more old items → merged; a single one → a changed, expanded item); then an
   unmatched new item contained in an old item joins it (split, or a shortened item).
5. What is left is added or removed.

Offices are compared after renames: an office that disappears while a new one takes its place
in the same aligned items is reported once in `renamed_offices` and mapped before the items'
offices are compared.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from yaodian.analysis.textdiff import TextOp, diff_text
from yaodian.model import LEAD, Item, Notice, Role, Section, text_key

ItemStatus = Literal["same", "changed", "added", "removed", "merged", "split"]
SectionStatus = Literal["same", "renamed", "added", "removed"]

DEFAULT_THRESHOLD = 0.5
"""Default similarity (0–1) for two items to count as the same task.

Unrelated items of one plan score at most about 0.35 against each other; a reworded item keeps
well over half of its characters in order."""

CONTAINMENT = 0.8
"""`partial_ratio` (0–1) above which a shorter item counts as contained in a longer one."""

_MIN_CONTAINED = 8  # keys shorter than this are too short to say they are "contained" anywhere

_HEADER_FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "标题"),
    ("notice_title", "通知标题"),
    ("year", "年度"),
    ("date", "成文日期"),
    ("doc_number", "文号"),
    ("issuers", "发文机关"),
)


@dataclass(frozen=True, kw_only=True)
class ItemPart:
    """One of the items on one side of an aligned group (对比条目): number, title, offices."""

    number: str
    title: str
    lead: tuple[str, ...]
    offices: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "lead": list(self.lead),
            "offices": list(self.offices),
        }


@dataclass(frozen=True, kw_only=True)
class RoleChange:
    """An office whose role in an item changed (角色调整): lead ↔ support."""

    office: str
    old: Role
    new: Role


@dataclass(frozen=True, kw_only=True)
class FieldChange:
    """One header field or item attribute that differs (字段变化), as printed on each side."""

    field: str
    label: str
    old: str | None
    new: str | None


HeaderChange = FieldChange


@dataclass(frozen=True, kw_only=True)
class ItemChange:
    """One aligned group of items (条目对比): 1:1, merged (n:1), split (1:n), added or removed."""

    status: ItemStatus
    old: tuple[str, ...]
    new: tuple[str, ...]
    old_ordinals: tuple[int, ...]
    new_ordinals: tuple[int, ...]
    similarity: float
    renumbered: bool = False
    moved: bool = False
    section_changed: bool = False
    old_sections: tuple[str, ...] = ()
    new_sections: tuple[str, ...] = ()
    old_title: str = ""
    new_title: str = ""
    old_text: str = ""
    new_text: str = ""
    text_diff: tuple[TextOp, ...] = ()
    lead_old: tuple[str, ...] = ()
    lead_new: tuple[str, ...] = ()
    offices_old: tuple[str, ...] = ()
    offices_new: tuple[str, ...] = ()
    offices_added: tuple[str, ...] = ()
    offices_removed: tuple[str, ...] = ()
    role_changes: tuple[RoleChange, ...] = ()
    fields: tuple[FieldChange, ...] = ()
    old_parts: tuple[ItemPart, ...] = ()
    new_parts: tuple[ItemPart, ...] = ()

    @property
    def text_changed(self) -> bool:
        return any(op.op != "equal" for op in self.text_diff)

    @property
    def lead_changed(self) -> bool:
        return self.status not in ("added", "removed") and set(self.lead_old) != set(self.lead_new)

    @property
    def responsibility_changed(self) -> bool:
        if self.status in ("added", "removed"):
            return False
        return bool(self.lead_changed or self.offices_added or self.offices_removed or self.role_changes)

    @property
    def title(self) -> str:
        """The title to show: the single item's on the side with one item (split: the old one)."""
        if self.status == "split":
            return self.old_title
        return self.new_title or self.old_title

    @property
    def kinds(self) -> tuple[str, ...]:
        """What changed, as short codes: text, lead, offices_added, offices_removed, role, …"""
        kinds = [
            code
            for code, on in (
                ("text", self.text_changed),
                ("lead", self.lead_changed),
                ("offices_added", bool(self.offices_added) and self.status not in ("added",)),
                ("offices_removed", bool(self.offices_removed) and self.status not in ("removed",)),
                ("role", bool(self.role_changes)),
                ("renumbered", self.renumbered),
                ("moved", self.moved),
                ("section", self.section_changed),
            )
            if on
        ]
        kinds.extend(f.field for f in self.fields)
        return tuple(kinds)

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "old": list(self.old),
            "new": list(self.new),
            "similarity": self.similarity,
            "renumbered": self.renumbered,
            "moved": self.moved,
            "section_changed": self.section_changed,
            "kinds": list(self.kinds),
            "old_section": list(self.old_sections),
            "new_section": list(self.new_sections),
            "title": {"old": self.old_title or None, "new": self.new_title or None},
            "text": {"old": self.old_text or None, "new": self.new_text or None},
            "text_changed": self.text_changed,
            "text_diff": [{"op": op.op, "text": op.text} for op in self.text_diff],
            "lead": {"old": list(self.lead_old), "new": list(self.lead_new)},
            "offices": {"old": list(self.offices_old), "new": list(self.offices_new)},
            "offices_added": list(self.offices_added),
            "offices_removed": list(self.offices_removed),
            "role_changes": [{"office": r.office, "old": r.old, "new": r.new} for r in self.role_changes],
            "fields": [{"field": f.field, "label": f.label, "old": f.old, "new": f.new} for f in self.fields],
            "parts": {
                "old": [p.to_dict() for p in self.old_parts],
                "new": [p.to_dict() for p in self.new_parts],
            },
        }


@dataclass(frozen=True, kw_only=True)
class SectionChange:
    """One aligned part of the plan (部分对比): same, renamed, added or removed."""

    status: SectionStatus
    level: int
    old_number: str | None
    new_number: str | None
    old_title: str | None
    new_title: str | None
    similarity: float

    @property
    def renumbered(self) -> bool:
        return self.status in ("same", "renamed") and self.old_number != self.new_number

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "level": self.level,
            "old": {"number": self.old_number, "title": self.old_title},
            "new": {"number": self.new_number, "title": self.new_title},
            "renumbered": self.renumbered,
            "similarity": self.similarity,
        }


@dataclass(frozen=True, kw_only=True)
class OfficeDelta:
    """One office's work in both years (科室任务变化): counts, tasks gained and tasks lost."""

    name: str
    old_name: str | None
    collective: bool
    old_lead: int
    old_support: int
    new_lead: int
    new_support: int
    gained: tuple[str, ...]
    lost: tuple[str, ...]

    @property
    def old_total(self) -> int:
        return self.old_lead + self.old_support

    @property
    def new_total(self) -> int:
        return self.new_lead + self.new_support

    @property
    def changed(self) -> bool:
        return bool(
            self.gained
            or self.lost
            or self.old_name
            or (self.old_lead, self.old_support) != (self.new_lead, self.new_support)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "old_name": self.old_name,
            "collective": self.collective,
            "old": {"lead": self.old_lead, "support": self.old_support, "total": self.old_total},
            "new": {"lead": self.new_lead, "support": self.new_support, "total": self.new_total},
            "gained": list(self.gained),
            "lost": list(self.lost),
        }


@dataclass(frozen=True, kw_only=True)
class PlanInfo:
    """What identifies one side of the comparison (对比文件): file, title, year, size."""

    path: str
    format: str
    title: str
    year: int | None
    date: str | None
    items: int
    sections: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": self.format,
            "title": self.title,
            "year": self.year,
            "date": self.date,
            "items": self.items,
            "sections": self.sections,
        }


@dataclass(frozen=True, kw_only=True)
class PlanDiff:
    """The comparison of two plans (年度对比结果)."""

    old: PlanInfo
    new: PlanInfo
    threshold: float
    items: tuple[ItemChange, ...]
    sections: tuple[SectionChange, ...]
    renamed_offices: tuple[tuple[str, str], ...]
    offices: tuple[OfficeDelta, ...]
    header: tuple[HeaderChange, ...]

    @property
    def differs(self) -> bool:
        """True when anything at all differs (the `--exit-code` test)."""
        return bool(
            self.header
            or self.renamed_offices
            or any(s.status != "same" or s.renumbered for s in self.sections)
            or any(c.status != "same" or c.renumbered or c.moved or c.section_changed for c in self.items)
        )

    def summary(self) -> dict[str, int]:
        """Counts for the summary table, in a fixed order."""
        status = Counter(c.status for c in self.items)
        return {
            "same": status["same"],
            "changed": status["changed"],
            "added": status["added"],
            "removed": status["removed"],
            "merged": status["merged"],
            "split": status["split"],
            "renumbered": sum(c.renumbered for c in self.items),
            "moved": sum(c.moved for c in self.items),
            "section_changed": sum(c.section_changed for c in self.items),
            "text_changed": sum(c.text_changed for c in self.items),
            "responsibility_changed": sum(c.responsibility_changed for c in self.items),
            "renamed_offices": len(self.renamed_offices),
            "sections_changed": sum(s.status != "same" for s in self.sections),
            "header_changed": len(self.header),
        }

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (the schema is `diff.schema.json`)."""
        return {
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "threshold": self.threshold,
            "differs": self.differs,
            "summary": self.summary(),
            "header": [{"field": h.field, "label": h.label, "old": h.old, "new": h.new} for h in self.header],
            "sections": [s.to_dict() for s in self.sections],
            "renamed_offices": [[a, b] for a, b in self.renamed_offices],
            "items": [c.to_dict() for c in self.items],
            "offices": [o.to_dict() for o in self.offices],
        }


# --------------------------------------------------------------------------------------------
# Alignment


@dataclass
class _Group:
    olds: list[int]  # 0-based indexes into old.items
    news: list[int]
    score: float  # 0–100
    moved: bool = False


def diff_notices(old: Notice, new: Notice, *, threshold: float = DEFAULT_THRESHOLD) -> PlanDiff:
    """Compare two plans item by item; `threshold` (0–1) is the similarity for a pair."""
    if not 0 < threshold <= 1:
        raise ValueError("threshold must be in (0, 1]")
    a, b = old.items, new.items
    groups = _align(a, b, threshold * 100)
    renames = _detect_renames(a, b, groups)
    rename_map = dict(renames)
    sec_old, sec_new = _SectionIndex(old), _SectionIndex(new)
    section_changes, section_map = _align_sections(sec_old, sec_new, groups, a, b, threshold)
    changes = [
        _item_change(g, a, b, rename_map, sec_old, sec_new, section_map)
        for g in _ordered(groups, len(a), len(b))
    ]
    return PlanDiff(
        old=_info(old),
        new=_info(new),
        threshold=threshold,
        items=tuple(changes),
        sections=tuple(section_changes),
        renamed_offices=tuple(renames),
        offices=_office_deltas(a, b, groups, rename_map),
        header=_header_changes(old, new),
    )


def _align(a: Sequence[Item], b: Sequence[Item], cutoff: float) -> list[_Group]:
    from rapidfuzz import fuzz, process

    ka = [i.key for i in a]
    kb = [i.key for i in b]
    where_a: dict[str, list[int]] = defaultdict(list)
    where_b: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(ka):
        where_a[k].append(i)
    for j, k in enumerate(kb):
        where_b[k].append(j)

    # Step 1: unique exact keys pair at 100; everything else is scored against everything else.
    scores: dict[tuple[int, int], float] = {}
    exact = {
        i: where_b[k][0] for i, k in enumerate(ka) if len(where_a[k]) == 1 and len(where_b.get(k, ())) == 1
    }
    for i, j in exact.items():
        scores[(i, j)] = 100.0
    rest_a = [i for i in range(len(a)) if i not in exact]
    taken_b = set(exact.values())
    rest_b = [j for j in range(len(b)) if j not in taken_b]
    if rest_a and rest_b:
        choices = [kb[j] for j in rest_b]
        for i in rest_a:
            for _, score, pos in process.extract(
                ka[i], choices, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff, limit=None
            ):
                scores[(i, rest_b[int(pos)])] = float(score)

    # Step 2: the heaviest order-keeping chain of mutually best pairs.
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    for (i, j), s in scores.items():
        best_a[i] = max(best_a.get(i, 0.0), s)
        best_b[j] = max(best_b.get(j, 0.0), s)
    mutual = [(i, j, s) for (i, j), s in scores.items() if s == best_a[i] and s == best_b[j]]
    chain = set(_heaviest_chain(mutual, len(b)))

    # Step 3: greedy one-to-one assignment of the rest, strongest pairs first.
    match_a: dict[int, int] = {}
    match_b: dict[int, int] = {}
    for i, j in chain:
        match_a[i], match_b[j] = j, i
    for (i, j), _s in sorted(scores.items(), key=lambda kv: (-kv[1], abs(kv[0][0] - kv[0][1]), kv[0])):
        if i not in match_a and j not in match_b:
            match_a[i], match_b[j] = j, i

    groups_by_new: dict[int, _Group] = {
        j: _Group([i], [j], scores[(i, j)], moved=(i, j) not in chain) for i, j in match_a.items()
    }

    # Step 4: containment — merges (old items inside one new item), then splits.
    for i in range(len(a)):
        if i in match_a:
            continue
        host = _best_container(ka[i], kb, exclude=set())
        if host is None:
            continue
        group = groups_by_new.get(host)
        if group is None:
            group = groups_by_new[host] = _Group([], [host], 0.0, moved=False)
        group.olds.append(i)
        match_a[i] = host
        match_b.setdefault(host, i)
    groups_by_old: dict[int, _Group] = {}
    for g in groups_by_new.values():
        for i in g.olds:
            groups_by_old[i] = g
    for j in range(len(b)):
        if j in match_b:
            continue
        merged = {k for k, g in groups_by_old.items() if len(g.olds) > 1}
        host = _best_container(kb[j], ka, exclude=merged)
        if host is None:
            continue
        group = groups_by_old.get(host)
        if group is None:
            group = groups_by_old[host] = _Group([host], [], 0.0, moved=False)
        group.news.append(j)
        match_b[j] = host
        match_a.setdefault(host, j)

    groups: dict[int, _Group] = {}
    for g in [*groups_by_new.values(), *groups_by_old.values()]:
        groups[id(g)] = g
    result = list(groups.values())
    for g in result:
        g.olds.sort()
        g.news.sort()
        if len(g.olds) != 1 or len(g.news) != 1 or g.score == 0.0:
            joined_a = "".join(ka[i] for i in g.olds)
            joined_b = "".join(kb[j] for j in g.news)
            g.score = float(fuzz.ratio(joined_a, joined_b, processor=None))
    result.extend(_Group([i], [], 0.0) for i in range(len(a)) if i not in match_a)
    result.extend(_Group([], [j], 0.0) for j in range(len(b)) if j not in match_b)
    return result


def _heaviest_chain(pairs: list[tuple[int, int, float]], size_b: int) -> list[tuple[int, int]]:
    """The set of pairs with the largest total score whose old and new indexes both increase."""
    if not pairs:
        return []
    # Sorted by old index, and within one old index by new index descending, so that no two
    # pairs sharing an old item can both be in the chain (weighted LIS with a Fenwick tree).
    pairs = sorted(pairs, key=lambda p: (p[0], -p[1]))
    tree_val = [0.0] * (size_b + 1)
    tree_arg = [-1] * (size_b + 1)
    best = [0.0] * len(pairs)
    parent = [-1] * len(pairs)
    for k, (_i, j, s) in enumerate(pairs):
        # best chain ending at a new index < j
        val, arg, x = 0.0, -1, j
        while x > 0:
            if tree_val[x] > val:
                val, arg = tree_val[x], tree_arg[x]
            x -= x & -x
        best[k], parent[k] = val + s, arg
        x = j + 1
        while x <= size_b:
            if best[k] > tree_val[x]:
                tree_val[x], tree_arg[x] = best[k], k
            x += x & -x
    k = max(range(len(pairs)), key=lambda n: (best[n], -n))
    chain: list[tuple[int, int]] = []
    while k != -1:
        chain.append((pairs[k][0], pairs[k][1]))
        k = parent[k]
    return chain[::-1]


def _best_container(short: str, longs: Sequence[str], exclude: set[int]) -> int | None:
    """The index of the longer text that best contains `short`, if any reaches CONTAINMENT."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import LCSseq

    if len(short) < _MIN_CONTAINED:
        return None
    need = math.ceil(CONTAINMENT * len(short))
    best: tuple[float, int] | None = None
    for k, long in enumerate(longs):
        if k in exclude or len(long) <= len(short):
            continue
        # The common subsequence bounds containment from above and is cheap: check it first.
        if LCSseq.similarity(short, long, score_cutoff=need) < need:
            continue
        score = fuzz.partial_ratio(short, long, processor=None, score_cutoff=CONTAINMENT * 100)
        if score and (best is None or score > best[0]):
            best = (score, k)
    return best[1] if best else None


def _ordered(groups: list[_Group], size_a: int, size_b: int) -> list[_Group]:
    """Groups in the new plan's order; removed items after the new position of their predecessor."""
    new_pos_of_old: dict[int, int] = {}
    for g in groups:
        if g.news:
            for i in g.olds:
                new_pos_of_old[i] = g.news[0]

    def key(g: _Group) -> tuple[int, int, int]:
        if g.news:
            return (g.news[0], 0, g.olds[0] if g.olds else -1)
        i = g.olds[0]
        prev = max((new_pos_of_old[k] for k in range(i) if k in new_pos_of_old), default=-1)
        return (prev, 1, i)

    return sorted(groups, key=key)


# --------------------------------------------------------------------------------------------
# Offices


def _roles(items: Iterable[Item], rename: dict[str, str] | None = None) -> dict[str, Role]:
    """Office → role over a group of items (lead wins over support), in order of mention."""
    roles: dict[str, Role] = {}
    for item in items:
        for ref in item.offices:
            name = rename.get(ref.name, ref.name) if rename else ref.name
            if roles.get(name) != LEAD:
                roles[name] = ref.role
    return roles


def _detect_renames(a: Sequence[Item], b: Sequence[Item], groups: list[_Group]) -> list[tuple[str, str]]:
    """Offices that vanish while a new one takes their place in the same aligned items."""
    from rapidfuzz import fuzz

    old_names = {ref.name for item in a for ref in item.offices}
    new_names = {ref.name for item in b for ref in item.offices}
    gone, came = old_names - new_names, new_names - old_names
    if not gone or not came:
        return []
    together: Counter[tuple[str, str]] = Counter()
    seen_a: Counter[str] = Counter()
    seen_b: Counter[str] = Counter()
    for g in groups:
        if not g.olds or not g.news:
            continue
        names_a = set(_roles(a[i] for i in g.olds)) & gone
        names_b = set(_roles(b[j] for j in g.news)) & came
        seen_a.update(names_a)
        seen_b.update(names_b)
        together.update((x, y) for x in names_a for y in names_b)
    candidates = []
    for (x, y), n in together.items():
        likeness = fuzz.ratio(x, y)
        # Most of the places of both names must coincide; a single coincidence is a rename only
        # when the names look alike (otherwise it is one office dropped and another added).
        if n * 2 >= seen_a[x] and n * 2 >= seen_b[y] and (n >= 2 or likeness >= 40):
            candidates.append((n, likeness, x, y))
    renames: list[tuple[str, str]] = []
    used_a: set[str] = set()
    used_b: set[str] = set()
    for _n, _like, x, y in sorted(candidates, key=lambda c: (-c[0], -c[1], c[2], c[3])):
        if x not in used_a and y not in used_b:
            renames.append((x, y))
            used_a.add(x)
            used_b.add(y)
    return sorted(renames)


def _office_deltas(
    a: Sequence[Item], b: Sequence[Item], groups: list[_Group], rename: dict[str, str]
) -> tuple[OfficeDelta, ...]:
    lead_a: Counter[str] = Counter()
    support_a: Counter[str] = Counter()
    lead_b: Counter[str] = Counter()
    support_b: Counter[str] = Counter()
    collective: dict[str, bool] = {}
    order: dict[str, int] = {}
    for items, lead, support, mapping in ((b, lead_b, support_b, None), (a, lead_a, support_a, rename)):
        for item in items:
            for name, role in _roles([item], mapping).items():
                (lead if role == LEAD else support)[name] += 1
                order.setdefault(name, len(order))
            for ref in item.offices:
                name = mapping.get(ref.name, ref.name) if mapping else ref.name
                collective[name] = collective.get(name, False) or ref.collective
    gained: dict[str, list[str]] = defaultdict(list)
    lost: dict[str, list[str]] = defaultdict(list)
    for g in sorted(groups, key=lambda g: (g.news or [len(b)])[0]):
        names_a = set(_roles((a[i] for i in g.olds), rename))
        names_b = set(_roles(b[j] for j in g.news))
        for name in names_b - names_a:
            gained[name].extend(b[j].number for j in g.news)
    for g in sorted(groups, key=lambda g: (g.olds or [len(a)])[0]):
        names_a = set(_roles((a[i] for i in g.olds), rename))
        names_b = set(_roles(b[j] for j in g.news))
        for name in names_a - names_b:
            lost[name].extend(a[i].number for i in g.olds)
    back = {new: old for old, new in rename.items()}
    deltas = [
        OfficeDelta(
            name=name,
            old_name=back.get(name),
            collective=collective.get(name, False),
            old_lead=lead_a[name],
            old_support=support_a[name],
            new_lead=lead_b[name],
            new_support=support_b[name],
            gained=tuple(gained.get(name, ())),
            lost=tuple(lost.get(name, ())),
        )
        for name in order
    ]
    deltas.sort(key=lambda d: (d.collective, -d.new_total, -d.old_total, order[d.name]))
    return tuple(deltas)


# --------------------------------------------------------------------------------------------
# Sections


_Path = tuple[int, ...]  # a section's position: index among the top sections, then among children


class _SectionIndex:
    """A notice's sections by position path and each item's innermost section path.

    Positions, not printed numbers: a (mis-numbered) plan may print the same number twice.
    """

    def __init__(self, notice: Notice) -> None:
        self.sections: list[tuple[_Path, Section]] = []
        self.inner: dict[int, _Path] = {}
        self.by_path: dict[_Path, Section] = {}

        def walk(sec: Section, parent: _Path, position: int) -> None:
            path = (*parent, position)
            self.sections.append((path, sec))
            self.by_path[path] = sec
            for item in sec.items:
                self.inner[item.ordinal] = path
            for k, child in enumerate(sec.children):
                walk(child, path, k)

        for k, sec in enumerate(notice.sections):
            walk(sec, (), k)

    def titles(self, item: Item) -> tuple[str, ...]:
        path = self.inner.get(item.ordinal, ())
        return tuple(_section_label(self.by_path[path[:k]]) for k in range(1, len(path) + 1))


def _section_label(sec: Section) -> str:
    marker = sec.marker or (f"{sec.number}、" if sec.level == 1 else f"（{sec.number}）")
    return f"{marker}{sec.title}"


def _align_sections(
    old: _SectionIndex,
    new: _SectionIndex,
    groups: list[_Group],
    a: Sequence[Item],
    b: Sequence[Item],
    threshold: float,
) -> tuple[list[SectionChange], dict[_Path, _Path]]:
    from rapidfuzz import fuzz

    # Votes: aligned items that sit in section P last year and in section Q this year.
    votes: Counter[tuple[_Path, _Path]] = Counter()
    size_a: Counter[_Path] = Counter()
    size_b: Counter[_Path] = Counter()
    for items, index, size in ((a, old, size_a), (b, new, size_b)):
        for item in items:
            path = index.inner.get(item.ordinal, ())
            for k in range(1, len(path) + 1):
                size[path[:k]] += 1
    for g in groups:
        for i in g.olds:
            for j in g.news:
                pa, pb = old.inner.get(a[i].ordinal, ()), new.inner.get(b[j].ordinal, ())
                for k in range(1, min(len(pa), len(pb)) + 1):
                    votes[(pa[:k], pb[:k])] += 1
    candidates = []
    for pa, sa in old.sections:
        for pb, sb in new.sections:
            if sa.level != sb.level or len(pa) != len(pb):
                continue
            same_title = text_key(sa.title) == text_key(sb.title)
            likeness = 100.0 if same_title else float(fuzz.ratio(text_key(sa.title), text_key(sb.title)))
            share = votes[(pa, pb)] / max(size_a[pa], size_b[pb], 1)
            if same_title or likeness >= threshold * 100 or share >= 0.5:
                candidates.append((same_title, likeness / 100 + share, pa, pb, likeness))
    candidates.sort(key=lambda c: (len(c[2]), not c[0], -c[1], c[2], c[3]))
    mapping: dict[_Path, _Path] = {}
    used_b: set[_Path] = set()
    likeness_of: dict[_Path, float] = {}
    for _same, _strength, pa, pb, likeness in candidates:
        # A child can only map under its parent's counterpart, so nested sections stay nested.
        if pa in mapping or pb in used_b or (len(pa) > 1 and mapping.get(pa[:-1]) != pb[:-1]):
            continue
        mapping[pa] = pb
        used_b.add(pb)
        likeness_of[pa] = likeness
    changes: list[SectionChange] = []
    back = {pb: pa for pa, pb in mapping.items()}
    for pb, sb in new.sections:
        found = back.get(pb)
        if found is None:
            changes.append(
                SectionChange(
                    status="added",
                    level=sb.level,
                    old_number=None,
                    new_number=sb.number,
                    old_title=None,
                    new_title=sb.title,
                    similarity=0.0,
                )
            )
            continue
        sa = old.by_path[found]
        same = text_key(sa.title) == text_key(sb.title)
        changes.append(
            SectionChange(
                status="same" if same else "renamed",
                level=sb.level,
                old_number=sa.number,
                new_number=sb.number,
                old_title=sa.title,
                new_title=sb.title,
                similarity=round(likeness_of[found] / 100, 3),
            )
        )
    for pa, sa in old.sections:
        if pa not in mapping:
            changes.append(
                SectionChange(
                    status="removed",
                    level=sa.level,
                    old_number=sa.number,
                    new_number=None,
                    old_title=sa.title,
                    new_title=None,
                    similarity=0.0,
                )
            )
    return changes, mapping


# --------------------------------------------------------------------------------------------
# One aligned group


def _item_change(
    g: _Group,
    a: Sequence[Item],
    b: Sequence[Item],
    rename: dict[str, str],
    sec_old: _SectionIndex,
    sec_new: _SectionIndex,
    section_map: dict[_Path, _Path],
) -> ItemChange:
    olds = [a[i] for i in g.olds]
    news = [b[j] for j in g.news]
    roles_a = _roles(olds, rename)
    roles_b = _roles(news)
    old_text = "".join(i.text for i in olds)
    new_text = "".join(i.text for i in news)
    base = ItemChange(
        status="same",
        similarity=0.0,
        old=tuple(i.number for i in olds),
        new=tuple(i.number for i in news),
        old_ordinals=tuple(i.ordinal for i in olds),
        new_ordinals=tuple(i.ordinal for i in news),
        old_sections=sec_old.titles(olds[0]) if olds else (),
        new_sections=sec_new.titles(news[0]) if news else (),
        old_title="；".join(i.title for i in olds),
        new_title="；".join(i.title for i in news),
        old_text=old_text,
        new_text=new_text,
        lead_old=tuple(n for n, r in roles_a.items() if r == LEAD),
        lead_new=tuple(n for n, r in roles_b.items() if r == LEAD),
        offices_old=tuple(roles_a),
        offices_new=tuple(roles_b),
        old_parts=tuple(_part(i, rename) for i in olds),
        new_parts=tuple(_part(j, None) for j in news),
    )
    if not news:
        return replace(base, status="removed", offices_removed=tuple(roles_a))
    if not olds:
        return replace(base, status="added", offices_added=tuple(roles_b))
    same_text = "".join(i.key for i in olds) == "".join(i.key for i in news)
    fields: list[FieldChange] = []
    if len(olds) == 1 and len(news) == 1:
        for attr, label in (("leader", "分管领导"), ("deadline", "完成时限")):
            va, vb = getattr(olds[0], attr), getattr(news[0], attr)
            if (va or None) != (vb or None):
                fields.append(FieldChange(field=attr, label=label, old=va, new=vb))
    role_changes = tuple(
        RoleChange(office=n, old=roles_a[n], new=roles_b[n])
        for n in roles_b
        if n in roles_a and roles_a[n] != roles_b[n]
    )
    added = tuple(n for n in roles_b if n not in roles_a)
    removed = tuple(n for n in roles_a if n not in roles_b)
    if len(olds) > 1:
        status: ItemStatus = "merged"
    elif len(news) > 1:
        status = "split"
    elif same_text and not added and not removed and not role_changes and not fields:
        status = "same"
    else:
        status = "changed"
    mapped_old = {section_map.get(sec_old.inner.get(i.ordinal, ())) for i in olds}
    new_paths = {sec_new.inner.get(j.ordinal, ()) for j in news}
    return replace(
        base,
        status=status,
        similarity=round(g.score / 100, 3),
        renumbered=len(olds) == 1 and len(news) == 1 and olds[0].number != news[0].number,
        moved=g.moved,
        section_changed=not mapped_old <= new_paths,
        text_diff=() if same_text else diff_text(old_text, new_text),
        offices_added=added,
        offices_removed=removed,
        role_changes=role_changes,
        fields=tuple(fields),
    )


def _part(item: Item, rename: dict[str, str] | None) -> ItemPart:
    roles = _roles([item], rename)
    return ItemPart(
        number=item.number,
        title=item.title,
        lead=tuple(n for n, r in roles.items() if r == LEAD),
        offices=tuple(roles),
    )


# --------------------------------------------------------------------------------------------
# Header


def _header_values(notice: Notice) -> dict[str, str | None]:
    return {
        "title": notice.title or None,
        "notice_title": notice.notice_title,
        "year": str(notice.year) if notice.year is not None else None,
        "date": f"{notice.date.year}年{notice.date.month}月{notice.date.day}日" if notice.date else None,
        "doc_number": notice.doc_number,
        "issuers": "、".join(notice.issuers) or None,
    }


def _header_changes(old: Notice, new: Notice) -> tuple[HeaderChange, ...]:
    va, vb = _header_values(old), _header_values(new)
    return tuple(
        HeaderChange(field=name, label=label, old=va[name], new=vb[name])
        for name, label in _HEADER_FIELDS
        if text_key(va[name] or "") != text_key(vb[name] or "")
    )


def _info(notice: Notice) -> PlanInfo:
    return PlanInfo(
        path=notice.source.path,
        format=notice.source.format,
        title=notice.title,
        year=notice.year,
        date=notice.date.isoformat() if notice.date else None,
        items=len(notice.items),
        sections=sum(1 for _ in notice.walk_sections()),
    )


__all__ = [
    "CONTAINMENT",
    "DEFAULT_THRESHOLD",
    "FieldChange",
    "HeaderChange",
    "ItemChange",
    "ItemPart",
    "OfficeDelta",
    "PlanDiff",
    "PlanInfo",
    "RoleChange",
    "SectionChange",
    "TextOp",
    "diff_notices",
]
