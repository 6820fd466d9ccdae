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

The package: `model` (the result classes), `align` (steps 1–5, one function each), `sections`,
`offices` and `items` (one aligned group as an `ItemChange`).

Offices are compared after renames: an office that disappears while a new one takes its place
in the same aligned items is reported once in `renamed_offices` and mapped before the items'
offices are compared.
"""

from __future__ import annotations

from yaodian.analysis.diff.align import CONTAINMENT, align, in_new_order
from yaodian.analysis.diff.items import item_change
from yaodian.analysis.diff.model import (
    DEFAULT_THRESHOLD,
    FieldChange,
    HeaderChange,
    ItemChange,
    ItemPart,
    ItemStatus,
    OfficeDelta,
    PlanDiff,
    PlanInfo,
    RoleChange,
    SectionChange,
    SectionStatus,
)
from yaodian.analysis.diff.offices import detect_renames, office_deltas
from yaodian.analysis.diff.sections import align_sections
from yaodian.analysis.textdiff import TextOp
from yaodian.model import Notice, text_key

_HEADER_FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "标题"),
    ("notice_title", "通知标题"),
    ("year", "年度"),
    ("date", "成文日期"),
    ("doc_number", "文号"),
    ("issuers", "发文机关"),
)


def diff_notices(old: Notice, new: Notice, *, threshold: float = DEFAULT_THRESHOLD) -> PlanDiff:
    """Compare two plans item by item; `threshold` (0–1) is the similarity for a pair."""
    if not 0 < threshold <= 1:
        raise ValueError("threshold must be in (0, 1]")
    a, b = old.items, new.items
    groups = align(a, b, threshold * 100)
    renames = detect_renames(a, b, groups)
    rename_map = dict(renames)
    section_changes, section_map = align_sections(old, new, groups, threshold)
    changes = [
        item_change(g, old, new, rename_map, section_map) for g in in_new_order(groups, len(a), len(b))
    ]
    return PlanDiff(
        old=_info(old),
        new=_info(new),
        threshold=threshold,
        items=tuple(changes),
        sections=tuple(section_changes),
        renamed_offices=tuple(renames),
        offices=office_deltas(a, b, groups, rename_map),
        header=_header_changes(old, new),
    )


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
    "ItemStatus",
    "OfficeDelta",
    "PlanDiff",
    "PlanInfo",
    "RoleChange",
    "SectionChange",
    "SectionStatus",
    "TextOp",
    "diff_notices",
]
