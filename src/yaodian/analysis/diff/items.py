"""One aligned group of items as an `ItemChange`: status, text diff, offices, fields, sections."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from yaodian.analysis.diff.align import Group
from yaodian.analysis.diff.model import FieldChange, ItemChange, ItemPart, ItemStatus, RoleChange
from yaodian.analysis.diff.offices import roles
from yaodian.analysis.diff.sections import SectionMap, section_labels
from yaodian.analysis.textdiff import diff_text
from yaodian.model import LEAD, Item, Notice, Role

_FIELDS = (("leader", "分管领导"), ("deadline", "完成时限"))


def item_change(
    g: Group, old: Notice, new: Notice, rename: dict[str, str], section_map: SectionMap
) -> ItemChange:
    """The change of one group; `rename` maps old office names to new ones first."""
    olds = [old.items[i] for i in g.olds]
    news = [new.items[j] for j in g.news]
    roles_a = roles(olds, rename)
    roles_b = roles(news)
    base = _both_sides(old, new, olds, news, roles_a, roles_b, rename)
    if not news:
        return replace(base, status="removed", offices_removed=tuple(roles_a))
    if not olds:
        return replace(base, status="added", offices_added=tuple(roles_b))
    same_text = "".join(i.key for i in olds) == "".join(i.key for i in news)
    fields = _fields(olds, news)
    role_changes = tuple(
        RoleChange(office=n, old=roles_a[n], new=roles_b[n])
        for n in roles_b
        if n in roles_a and roles_a[n] != roles_b[n]
    )
    added = tuple(n for n in roles_b if n not in roles_a)
    removed = tuple(n for n in roles_a if n not in roles_b)
    status: ItemStatus
    if len(olds) > 1:
        status = "merged"
    elif len(news) > 1:
        status = "split"
    elif same_text and not added and not removed and not role_changes and not fields:
        status = "same"
    else:
        status = "changed"
    mapped_old = {section_map.get(old.section_path(i)) for i in olds}
    new_paths = {new.section_path(j) for j in news}
    return replace(
        base,
        status=status,
        similarity=round(g.score / 100, 3),
        renumbered=len(olds) == 1 and len(news) == 1 and olds[0].number != news[0].number,
        moved=g.moved,
        section_changed=not mapped_old <= new_paths,
        text_diff=() if same_text else diff_text(base.old_text, base.new_text),
        offices_added=added,
        offices_removed=removed,
        role_changes=role_changes,
        fields=fields,
    )


def _both_sides(
    old: Notice,
    new: Notice,
    olds: Sequence[Item],
    news: Sequence[Item],
    roles_a: dict[str, Role],
    roles_b: dict[str, Role],
    rename: dict[str, str],
) -> ItemChange:
    """What each side says, before anything is compared (status "same" until decided)."""
    return ItemChange(
        status="same",
        similarity=0.0,
        old=tuple(i.number for i in olds),
        new=tuple(i.number for i in news),
        old_ordinals=tuple(i.ordinal for i in olds),
        new_ordinals=tuple(i.ordinal for i in news),
        old_sections=section_labels(old, old.section_path(olds[0])) if olds else (),
        new_sections=section_labels(new, new.section_path(news[0])) if news else (),
        old_title="；".join(i.title for i in olds),
        new_title="；".join(i.title for i in news),
        old_text="".join(i.text for i in olds),
        new_text="".join(i.text for i in news),
        lead_old=tuple(n for n, r in roles_a.items() if r == LEAD),
        lead_new=tuple(n for n, r in roles_b.items() if r == LEAD),
        offices_old=tuple(roles_a),
        offices_new=tuple(roles_b),
        old_parts=tuple(_part(i, rename) for i in olds),
        new_parts=tuple(_part(j, None) for j in news),
    )


def _fields(olds: Sequence[Item], news: Sequence[Item]) -> tuple[FieldChange, ...]:
    """分管领导 and 完成时限 changes of a one-to-one pair."""
    if len(olds) != 1 or len(news) != 1:
        return ()
    changes: list[FieldChange] = []
    for attr, label in _FIELDS:
        va, vb = getattr(olds[0], attr), getattr(news[0], attr)
        if (va or None) != (vb or None):
            changes.append(FieldChange(field=attr, label=label, old=va, new=vb))
    return tuple(changes)


def _part(item: Item, rename: dict[str, str] | None) -> ItemPart:
    found = roles([item], rename)
    return ItemPart(
        number=item.number,
        title=item.title,
        lead=tuple(n for n, r in found.items() if r == LEAD),
        offices=tuple(found),
    )
