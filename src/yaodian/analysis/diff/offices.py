"""Offices across two plans: roles in a group of items, renamed offices, per-office changes."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from yaodian.analysis.diff.align import Group
from yaodian.analysis.diff.model import OfficeDelta
from yaodian.model import LEAD, Item, Role


def roles(items: Iterable[Item], rename: dict[str, str] | None = None) -> dict[str, Role]:
    """Office → role over a group of items (lead wins over support), in order of mention."""
    roles: dict[str, Role] = {}
    for item in items:
        for ref in item.offices:
            name = rename.get(ref.name, ref.name) if rename else ref.name
            if roles.get(name) != LEAD:
                roles[name] = ref.role
    return roles


def detect_renames(a: Sequence[Item], b: Sequence[Item], groups: list[Group]) -> list[tuple[str, str]]:
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
        names_a = set(roles(a[i] for i in g.olds)) & gone
        names_b = set(roles(b[j] for j in g.news)) & came
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


def office_deltas(
    a: Sequence[Item], b: Sequence[Item], groups: list[Group], rename: dict[str, str]
) -> tuple[OfficeDelta, ...]:
    """Each office's counts in both years and the items it gained and lost, old names renamed."""
    lead_a: Counter[str] = Counter()
    support_a: Counter[str] = Counter()
    lead_b: Counter[str] = Counter()
    support_b: Counter[str] = Counter()
    collective: dict[str, bool] = {}
    order: dict[str, int] = {}
    for items, lead, support, mapping in ((b, lead_b, support_b, None), (a, lead_a, support_a, rename)):
        for item in items:
            for name, role in roles([item], mapping).items():
                (lead if role == LEAD else support)[name] += 1
                order.setdefault(name, len(order))
            for ref in item.offices:
                name = mapping.get(ref.name, ref.name) if mapping else ref.name
                collective[name] = collective.get(name, False) or ref.collective
    gained: dict[str, list[str]] = defaultdict(list)
    lost: dict[str, list[str]] = defaultdict(list)
    for g in sorted(groups, key=lambda g: (g.news or [len(b)])[0]):
        names_a = set(roles((a[i] for i in g.olds), rename))
        names_b = set(roles(b[j] for j in g.news))
        for name in names_b - names_a:
            gained[name].extend(b[j].number for j in g.news)
    for g in sorted(groups, key=lambda g: (g.olds or [len(a)])[0]):
        names_a = set(roles((a[i] for i in g.olds), rename))
        names_b = set(roles(b[j] for j in g.news))
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
