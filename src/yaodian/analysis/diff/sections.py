"""Aligning the sections (部分) of two plans, by position path (`model.SectionPath`), never by
printed number: a mis-numbered plan may print the same number twice.

A section pair is a candidate when the titles match, look alike, or most aligned items of one
sit in the other; candidates are taken strongest first, outer levels first, and a child maps
only under its parent's counterpart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from yaodian.analysis.diff.align import Group
from yaodian.analysis.diff.model import SectionChange
from yaodian.model import Notice, Section, SectionPath, text_key

SectionMap = dict[SectionPath, SectionPath]  # old position → new position
# (same title, strength, old path, new path, title likeness 0–100)
_Candidate = tuple[bool, float, SectionPath, SectionPath, float]


def section_labels(notice: Notice, path: SectionPath) -> tuple[str, ...]:
    """`一、坚持党建引领`, `（二）…` for the sections down to `path`, outermost first."""
    return tuple(_label(notice.section_at(path[:k])) for k in range(1, len(path) + 1))


def _label(sec: Section) -> str:
    marker = sec.marker or (f"{sec.number}、" if sec.level == 1 else f"（{sec.number}）")
    return f"{marker}{sec.title}"


def align_sections(
    old: Notice, new: Notice, groups: Sequence[Group], threshold: float
) -> tuple[list[SectionChange], SectionMap]:
    """Every section of both plans as same, renamed, added or removed; and the mapping."""
    candidates = _candidates(old, new, _votes(old, new, groups), threshold)
    mapping, likeness = _choose(candidates)
    return _changes(old, new, mapping, likeness), mapping


def _votes(old: Notice, new: Notice, groups: Sequence[Group]) -> dict[tuple[SectionPath, SectionPath], float]:
    """For each (old section, new section): the share of their items that were aligned together."""
    a, b = old.items, new.items
    votes: Counter[tuple[SectionPath, SectionPath]] = Counter()
    size_a: Counter[SectionPath] = Counter()
    size_b: Counter[SectionPath] = Counter()
    for notice, size in ((old, size_a), (new, size_b)):
        for item in notice.items:
            path = notice.section_path(item)
            for k in range(1, len(path) + 1):
                size[path[:k]] += 1
    for g in groups:
        for i in g.olds:
            for j in g.news:
                pa, pb = old.section_path(a[i]), new.section_path(b[j])
                for k in range(1, min(len(pa), len(pb)) + 1):
                    votes[(pa[:k], pb[:k])] += 1
    return {(pa, pb): n / max(size_a[pa], size_b[pb], 1) for (pa, pb), n in votes.items()}


def _candidates(
    old: Notice, new: Notice, share: dict[tuple[SectionPath, SectionPath], float], threshold: float
) -> list[_Candidate]:
    from rapidfuzz import fuzz

    candidates: list[_Candidate] = []
    for pa, sa in old.section_paths():
        for pb, sb in new.section_paths():
            if sa.level != sb.level or len(pa) != len(pb):
                continue
            same_title = text_key(sa.title) == text_key(sb.title)
            likeness = 100.0 if same_title else float(fuzz.ratio(text_key(sa.title), text_key(sb.title)))
            together = share.get((pa, pb), 0.0)
            if same_title or likeness >= threshold * 100 or together >= 0.5:
                candidates.append((same_title, likeness / 100 + together, pa, pb, likeness))
    candidates.sort(key=lambda c: (len(c[2]), not c[0], -c[1], c[2], c[3]))
    return candidates


def _choose(candidates: Sequence[_Candidate]) -> tuple[SectionMap, dict[SectionPath, float]]:
    mapping: SectionMap = {}
    used_b: set[SectionPath] = set()
    likeness_of: dict[SectionPath, float] = {}
    for _same, _strength, pa, pb, likeness in candidates:
        # A child can only map under its parent's counterpart, so nested sections stay nested.
        if pa in mapping or pb in used_b or (len(pa) > 1 and mapping.get(pa[:-1]) != pb[:-1]):
            continue
        mapping[pa] = pb
        used_b.add(pb)
        likeness_of[pa] = likeness
    return mapping, likeness_of


def _changes(
    old: Notice, new: Notice, mapping: SectionMap, likeness: dict[SectionPath, float]
) -> list[SectionChange]:
    changes: list[SectionChange] = []
    back = {pb: pa for pa, pb in mapping.items()}
    for pb, sb in new.section_paths():
        found = back.get(pb)
        if found is None:
            changes.append(_one_side("added", None, sb))
            continue
        sa = old.section_at(found)
        same = text_key(sa.title) == text_key(sb.title)
        changes.append(
            SectionChange(
                status="same" if same else "renamed",
                level=sb.level,
                old_number=sa.number,
                new_number=sb.number,
                old_title=sa.title,
                new_title=sb.title,
                similarity=round(likeness[found] / 100, 3),
            )
        )
    changes += [_one_side("removed", sa, None) for pa, sa in old.section_paths() if pa not in mapping]
    return changes


def _one_side(status: str, old: Section | None, new: Section | None) -> SectionChange:
    sec = new or old
    assert sec is not None
    return SectionChange(
        status="added" if status == "added" else "removed",
        level=sec.level,
        old_number=old.number if old else None,
        new_number=new.number if new else None,
        old_title=old.title if old else None,
        new_title=new.title if new else None,
        similarity=0.0,
    )
