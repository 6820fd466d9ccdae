"""The result of comparing two plans (年度对比结果): frozen dataclasses, each with `to_dict`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

from yaodian.analysis.textdiff import TextOp
from yaodian.model import Role

ItemStatus = Literal["same", "changed", "added", "removed", "merged", "split"]
SectionStatus = Literal["same", "renamed", "added", "removed"]

DEFAULT_THRESHOLD = 0.5
"""Default similarity (0–1) for two items to count as the same task.

Unrelated items of one plan score at most about 0.35 against each other; a reworded item keeps
well over half of its characters in order."""


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
