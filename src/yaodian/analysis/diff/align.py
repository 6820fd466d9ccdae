"""Aligning the items of two plans by meaning (the steps listed in `yaodian.analysis.diff`).

`align` runs the steps in order, one function each: `score_pairs` (1), `in_place` (2),
`assign_rest` (3), `merge_contained` and `split_contained` (4), `leftovers` (5).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from yaodian.model import Item

CONTAINMENT = 0.8
"""`partial_ratio` (0–1) above which a shorter item counts as contained in a longer one."""

_MIN_CONTAINED = 8  # keys shorter than this are too short to say they are "contained" anywhere

Pair = tuple[int, int]  # (index into old.items, index into new.items)


@dataclass
class Group:
    """Old and new items that are one task (1:1, n:1 merged, 1:n split, or one side empty)."""

    olds: list[int]  # 0-based indexes into old.items
    news: list[int]
    score: float  # 0–100
    moved: bool = False


def align(a: Sequence[Item], b: Sequence[Item], cutoff: float) -> list[Group]:
    """Every old and new item in exactly one group; `cutoff` is the least similarity (0–100)."""
    ka = [i.key for i in a]
    kb = [i.key for i in b]
    scores = score_pairs(ka, kb, cutoff)
    chain = in_place(scores, len(kb))
    match_a = assign_rest(scores, chain)
    by_new = {j: Group([i], [j], scores[(i, j)], moved=(i, j) not in chain) for i, j in match_a.items()}
    merge_contained(ka, kb, by_new)
    groups = split_contained(ka, kb, by_new)
    return leftovers(groups, ka, kb)


def score_pairs(ka: Sequence[str], kb: Sequence[str], cutoff: float) -> dict[Pair, float]:
    """Step 1: unique exact keys pair at 100; everything else is scored against everything else."""
    from rapidfuzz import fuzz, process

    where_a: dict[str, list[int]] = defaultdict(list)
    where_b: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(ka):
        where_a[k].append(i)
    for j, k in enumerate(kb):
        where_b[k].append(j)
    scores: dict[Pair, float] = {}
    exact = {
        i: where_b[k][0] for i, k in enumerate(ka) if len(where_a[k]) == 1 and len(where_b.get(k, ())) == 1
    }
    for i, j in exact.items():
        scores[(i, j)] = 100.0
    rest_a = [i for i in range(len(ka)) if i not in exact]
    taken_b = set(exact.values())
    rest_b = [j for j in range(len(kb)) if j not in taken_b]
    if rest_a and rest_b:
        choices = [kb[j] for j in rest_b]
        for i in rest_a:
            for _, score, pos in process.extract(
                ka[i], choices, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff, limit=None
            ):
                scores[(i, rest_b[int(pos)])] = float(score)
    return scores


def in_place(scores: dict[Pair, float], size_b: int) -> set[Pair]:
    """Step 2: the heaviest order-keeping chain of mutually best pairs."""
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    for (i, j), s in scores.items():
        best_a[i] = max(best_a.get(i, 0.0), s)
        best_b[j] = max(best_b.get(j, 0.0), s)
    mutual = [(i, j, s) for (i, j), s in scores.items() if s == best_a[i] and s == best_b[j]]
    return set(_heaviest_chain(mutual, size_b))


def assign_rest(scores: dict[Pair, float], chain: set[Pair]) -> dict[int, int]:
    """Step 3: the chain, then a greedy one-to-one assignment of the rest, strongest pairs first.
    Returns old index → new index."""
    match_a: dict[int, int] = dict(chain)
    taken_b = set(match_a.values())
    for (i, j), _s in sorted(scores.items(), key=lambda kv: (-kv[1], abs(kv[0][0] - kv[0][1]), kv[0])):
        if i not in match_a and j not in taken_b:
            match_a[i] = j
            taken_b.add(j)
    return match_a


def merge_contained(ka: Sequence[str], kb: Sequence[str], by_new: dict[int, Group]) -> None:
    """Step 4a: an unmatched old item contained in a new item joins that item's group."""
    matched_a = {i for g in by_new.values() for i in g.olds}
    containers = _Containers(kb)
    for i in range(len(ka)):
        if i in matched_a:
            continue
        host = containers.best(ka[i], exclude=set())
        if host is None:
            continue
        group = by_new.get(host)
        if group is None:
            group = by_new[host] = Group([], [host], 0.0, moved=False)
        group.olds.append(i)


def split_contained(ka: Sequence[str], kb: Sequence[str], by_new: dict[int, Group]) -> list[Group]:
    """Step 4b: an unmatched new item contained in an old item (not one already merged) joins
    that item's group. Returns every group so far, each once."""
    by_old: dict[int, Group] = {}
    for g in by_new.values():
        for i in g.olds:
            by_old[i] = g
    containers = _Containers(ka)
    merged = {k for k, g in by_old.items() if len(g.olds) > 1}  # the loop adds news, never olds
    for j in range(len(kb)):
        if j in by_new:
            continue
        host = containers.best(kb[j], exclude=merged)
        if host is None:
            continue
        group = by_old.get(host)
        if group is None:
            group = by_old[host] = Group([host], [], 0.0, moved=False)
        group.news.append(j)
    unique: dict[int, Group] = {}
    for g in [*by_new.values(), *by_old.values()]:
        unique.setdefault(id(g), g)
    return list(unique.values())


def leftovers(groups: list[Group], ka: Sequence[str], kb: Sequence[str]) -> list[Group]:
    """Step 5: groups put in order and scored as wholes; what is left is removed or added."""
    from rapidfuzz import fuzz

    for g in groups:
        g.olds.sort()
        g.news.sort()
        if len(g.olds) != 1 or len(g.news) != 1 or g.score == 0.0:
            joined_a = "".join(ka[i] for i in g.olds)
            joined_b = "".join(kb[j] for j in g.news)
            g.score = float(fuzz.ratio(joined_a, joined_b, processor=None))
    matched_a = {i for g in groups for i in g.olds}
    matched_b = {j for g in groups for j in g.news}
    groups.extend(Group([i], [], 0.0) for i in range(len(ka)) if i not in matched_a)
    groups.extend(Group([], [j], 0.0) for j in range(len(kb)) if j not in matched_b)
    return groups


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


class _Containers:
    """The longer texts an item may be contained in, found through the characters they share.

    `partial_ratio` ≥ 80 needs a common subsequence of ⌈0.8·n⌉ of the short text's n
    characters (the cheap check below), so the short text and its container share all but at
    most n − ⌈0.8·n⌉ of its distinct characters: one of its rarest n − ⌈0.8·n⌉ + 1 must occur
    in the container. Only the texts holding one of those are checked, not every text."""

    def __init__(self, longs: Sequence[str]) -> None:
        self.longs = longs
        self.holding: dict[str, list[int]] = defaultdict(list)
        for k, long in enumerate(longs):
            for ch in set(long):
                self.holding[ch].append(k)

    def best(self, short: str, exclude: set[int]) -> int | None:
        """The index of the longer text that best contains `short`, if any reaches CONTAINMENT."""
        from rapidfuzz import fuzz
        from rapidfuzz.distance import LCSseq

        if len(short) < _MIN_CONTAINED:
            return None
        need = math.ceil(CONTAINMENT * len(short))
        rarest = sorted(set(short), key=lambda ch: (len(self.holding.get(ch, ())), ch))
        candidates: set[int] = set()
        for ch in rarest[: len(short) - need + 1]:
            candidates.update(self.holding.get(ch, ()))
        best: tuple[float, int] | None = None
        for k in sorted(candidates):
            long = self.longs[k]
            if k in exclude or len(long) <= len(short):
                continue
            # The common subsequence bounds containment from above and is cheap: check it first.
            if LCSseq.similarity(short, long, score_cutoff=need) < need:
                continue
            score = fuzz.partial_ratio(short, long, processor=None, score_cutoff=CONTAINMENT * 100)
            if score and (best is None or score > best[0]):
                best = (score, k)
        return best[1] if best else None


def in_new_order(groups: list[Group], size_a: int, size_b: int) -> list[Group]:
    """Groups in the new plan's order; removed items after the new position of their predecessor."""
    new_pos_of_old: dict[int, int] = {}
    for g in groups:
        if g.news:
            for i in g.olds:
                new_pos_of_old[i] = g.news[0]

    # The new position of the nearest matched old item before each old index (running maximum).
    prev_pos: list[int] = []
    running = -1
    for k in range(size_a):
        prev_pos.append(running)
        running = max(running, new_pos_of_old.get(k, -1))

    def key(g: Group) -> tuple[int, int, int]:
        if g.news:
            return (g.news[0], 0, g.olds[0] if g.olds else -1)
        i = g.olds[0]
        return (prev_pos[i] if i < size_a else running, 1, i)

    return sorted(groups, key=key)
