"""The notice model: frozen, typed dataclasses and nothing else (no I/O, no printing).

Everything downstream — exports, task sheets, the year-over-year diff — reads these classes, so
they describe what a notice *says*, not how it was printed. Source positions (`line`) are kept
out of equality so that two notices that say the same thing compare equal.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Role = Literal["lead", "support"]
LEAD: Role = "lead"
SUPPORT: Role = "support"

# Whitespace, punctuation and symbols (ASCII, Latin-1, general and CJK punctuation, arrows,
# boxes, full-width forms); removed from comparison keys so that "（一）推进 工作。" and
# "(一)推进工作." mean the same. Explicit ranges: the stdlib `re` has no \p{P}, and the `regex`
# module costs ~20 ms of start-up that `yaodian parse` should not pay.
_KEY_DROP = re.compile(
    "[\\s!-/:-@\\[-`{-~\u00a1-\u00bf\u00d7\u00f7\u2010-\u2027\u2030-\u205e\u2190-\u23ff"
    "\u2460-\u24ff\u2500-\u27bf\u2e00-\u2e7f\u3000-\u303f\u30fb\ufe10-\ufe1f\ufe30-\ufe6f"
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+"
)


def text_key(text: str) -> str:
    """A comparison key for Chinese text: NFKC, no whitespace, no punctuation."""
    return _KEY_DROP.sub("", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True, kw_only=True)
class Source:
    """Where a notice came from (来源文件): path, format, encoding and content hash."""

    path: str
    format: str = "txt"
    encoding: str | None = None
    sha256: str = ""
    # Set when the content is not what the suffix says ("扩展名是 .html，内容却是 Word 文档").
    note: str | None = None
    # Pages read by OCR (from 1), and those of them read with low confidence: check them.
    ocr_pages: tuple[int, ...] = ()
    low_confidence_pages: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON `source` object; the OCR keys only when a page was recognised, so the JSON
        of a text notice stays as it was."""
        out: dict[str, Any] = {
            "path": self.path,
            "format": self.format,
            "encoding": self.encoding,
            "sha256": self.sha256,
        }
        if self.ocr_pages:
            out["ocr_pages"] = list(self.ocr_pages)
            out["low_confidence_pages"] = list(self.low_confidence_pages)
        return out


@dataclass(frozen=True, kw_only=True)
class ParseWarning:
    """Something the parser was unsure of (解析提示), with the line it concerns."""

    line: int
    message: str
    code: str = "note"


@dataclass(frozen=True, kw_only=True)
class OfficeRef:
    """One office named in a responsibility clause (责任科室/单位), with its role for the item."""

    name: str
    raw: str = field(compare=False)
    alias: str | None = field(default=None, compare=False)
    role: Role
    collective: bool = False

    @property
    def is_lead(self) -> bool:
        return self.role == LEAD


@dataclass(frozen=True, kw_only=True)
class Deadline:
    """A completion deadline (完成时限): the words as printed and the date they mean.

    `date` is None for open-ended work (长期坚持) or when the notice's year is unknown. Read by
    `yaodian.deadlines` from the item's field or text (`Notice.deadline_of`)."""

    text: str
    date: _dt.date | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"text": self.text, "date": self.date.isoformat() if self.date else None}


@dataclass(frozen=True, kw_only=True)
class Item:
    """One task item (工作要点条目): its number, text and responsible offices."""

    number: str
    marker: str = field(default="", compare=False)
    ordinal: int = field(compare=False)
    section: tuple[str, ...] = ()
    title: str
    text: str
    offices: tuple[OfficeRef, ...] = ()
    leader: str | None = None
    deadline: str | None = None
    line: int = field(default=0, compare=False, repr=False)
    end_line: int = field(default=0, compare=False, repr=False)

    @property
    def leads(self) -> tuple[OfficeRef, ...]:
        return tuple(o for o in self.offices if o.role == LEAD)

    @property
    def supports(self) -> tuple[OfficeRef, ...]:
        return tuple(o for o in self.offices if o.role == SUPPORT)

    @property
    def key(self) -> str:
        """The item's text as a comparison key (no number, no clause, no punctuation)."""
        return text_key(self.text)

    @property
    def fingerprint(self) -> str:
        """A stable hash of the normalised title and text, for matching items across years."""
        digest = hashlib.sha256((text_key(self.title) + "\x1f" + self.key).encode("utf-8"))
        return digest.hexdigest()[:16]


@dataclass(frozen=True, kw_only=True)
class Section:
    """One numbered part of the plan (部分, 一、/（一）…) holding sub-parts and task items."""

    level: int
    number: str
    index: int
    marker: str = field(default="", compare=False)
    title: str
    intro: str = ""
    lead: tuple[OfficeRef, ...] = ()
    children: tuple[Section, ...] = ()
    items: tuple[Item, ...] = ()
    line: int = field(default=0, compare=False, repr=False)

    def walk(self) -> Iterator[Section]:
        """This section and every section below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


SectionPath = tuple[int, ...]
"""A section's position: its index among the top sections, then among its parent's children."""


@dataclass(frozen=True)
class _SectionTree:
    """Every section of a notice by position path, and each item's innermost section path."""

    paths: tuple[tuple[SectionPath, Section], ...]
    by_path: dict[SectionPath, Section]
    by_id: dict[int, SectionPath]  # id(item) → path, for the item objects the sections hold
    inner: dict[int, SectionPath]  # item ordinal → path

    @classmethod
    def build(cls, sections: tuple[Section, ...]) -> _SectionTree:
        paths: list[tuple[SectionPath, Section]] = []
        by_id: dict[int, SectionPath] = {}
        inner: dict[int, SectionPath] = {}

        def walk(sec: Section, path: SectionPath) -> None:
            paths.append((path, sec))
            for item in sec.items:
                by_id[id(item)] = path
                inner.setdefault(item.ordinal, path)
            for k, child in enumerate(sec.children):
                walk(child, (*path, k))

        for k, sec in enumerate(sections):
            walk(sec, (k,))
        return cls(paths=tuple(paths), by_path=dict(paths), by_id=by_id, inner=inner)


@dataclass(frozen=True, kw_only=True)
class OfficeSummary:
    """One office's share of the plan (科室任务汇总): the items it leads and supports."""

    name: str
    collective: bool
    lead: tuple[int, ...]
    support: tuple[int, ...]
    spellings: tuple[str, ...]

    @property
    def total(self) -> int:
        return len(self.lead) + len(self.support)


@dataclass(frozen=True, kw_only=True)
class Coverage:
    """How many items name a responsible office (责任单位覆盖): nothing lost in silence."""

    items: int
    with_offices: int
    without_offices: tuple[str, ...]  # item numbers as printed, in document order

    @property
    def complete(self) -> bool:
        return not self.without_offices

    def message(self) -> str:
        """The one line every command prints on stderr when an item has no office."""
        numbers = "、".join(self.without_offices)
        return (
            f"{len(self.without_offices)} 项条目没有找到责任单位：第 {numbers} 条；"
            "请核对原文（yaodian check 可定位）"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "with_offices": self.with_offices,
            "without_offices": list(self.without_offices),
        }


@dataclass(frozen=True, kw_only=True)
class Notice:
    """A work-plan notice (工作要点通知): header, cover letter, sections and task items."""

    source: Source = field(compare=False)
    title: str
    notice_title: str | None = None
    year: int | None = None
    date: _dt.date | None = None
    doc_number: str | None = None
    recipients: tuple[str, ...] = ()
    issuers: tuple[str, ...] = ()
    cover_letter: str = field(default="", compare=False)
    preamble: str = ""
    sections: tuple[Section, ...] = ()
    items: tuple[Item, ...] = ()
    warnings: tuple[ParseWarning, ...] = field(default=(), compare=False)

    def coverage(self) -> Coverage:
        """Which items name no responsible office."""
        missing = tuple(i.number for i in self.items if not i.offices)
        return Coverage(
            items=len(self.items), with_offices=len(self.items) - len(missing), without_offices=missing
        )

    def walk_sections(self) -> Iterator[Section]:
        for sec in self.sections:
            yield from sec.walk()

    def section_chain(self, item: Item) -> tuple[Section, ...]:
        """The sections holding the item, outermost first.

        Found by position in the section tree, not by printed number: a mis-numbered plan may
        print 一、 twice, and each item still belongs to the section it stands in."""
        path = self.section_path(item)
        return tuple(self._tree.by_path[path[:k]] for k in range(1, len(path) + 1))

    def section_path(self, item: Item) -> SectionPath:
        """The item's innermost section as a position path (index among the top sections, then
        among that section's children …); () for an item outside every section."""
        tree = self._tree
        path = tree.by_id.get(id(item))  # the item object itself (the tree keeps it alive)
        if path is not None:
            return path
        path = tree.inner.get(item.ordinal)  # an equal copy of it
        if path is not None and item in tree.by_path[path].items:
            return path
        return self._path_by_number(item)

    def section_titles(self, item: Item) -> tuple[str, ...]:
        """The titles of the sections above the item, outermost first."""
        return tuple(s.title for s in self.section_chain(item))

    def section_paths(self) -> tuple[tuple[SectionPath, Section], ...]:
        """Every section with its position path, in document order."""
        return self._tree.paths

    def section_at(self, path: SectionPath) -> Section:
        """The section at a position path from `section_paths` or `section_path`."""
        return self._tree.by_path[path]

    @functools.cached_property
    def _tree(self) -> _SectionTree:
        return _SectionTree.build(self.sections)

    def _path_by_number(self, item: Item) -> SectionPath:
        # An item built by hand, outside the sections' own item lists: follow its printed numbers.
        path: list[int] = []
        level = self.sections
        for number in item.section:
            k = next((k for k, s in enumerate(level) if s.number == number), None)
            if k is None:
                break
            path.append(k)
            level = level[k].children
        return tuple(path)

    @property
    def plan_year(self) -> int | None:
        """The year the plan is for: its own, else the year it was issued."""
        return self.year if self.year is not None else (self.date.year if self.date else None)

    def deadline_of(self, item: Item) -> Deadline | None:
        """The item's deadline read into a date (完成时限), relative to the plan's year."""
        # The phrase rules import on first use: their patterns are start-up every command pays.
        from yaodian.deadlines import read_deadline

        return read_deadline(item.deadline, item.text, self.plan_year)

    def leader_of(self, item: Item) -> str | None:
        """The item's leader (分管领导): the parser's field or `由X副市长负责` in its text."""
        from yaodian.deadlines import read_leader

        return read_leader(item.leader, item.text)

    def offices(self) -> tuple[OfficeSummary, ...]:
        """Every office named in the plan, most items first, collective entries last."""
        return summarise_offices(self.items)

    def to_dict(self) -> dict[str, Any]:
        """The notice as plain JSON-ready data (the schema is `notice.schema.json`)."""
        return {
            "title": self.title,
            "notice_title": self.notice_title,
            "year": self.year,
            "date": self.date.isoformat() if self.date else None,
            "doc_number": self.doc_number,
            "issuers": list(self.issuers),
            "recipients": list(self.recipients),
            "cover_letter": self.cover_letter,
            "preamble": self.preamble,
            "source": self.source.to_dict(),
            "sections": [_section_dict(s) for s in self.sections],
            "items": [_item_dict(self, i) for i in self.items],
            "offices": [
                {
                    "name": o.name,
                    "collective": o.collective,
                    "lead": len(o.lead),
                    "support": len(o.support),
                    "total": o.total,
                    "spellings": list(o.spellings),
                    "lead_items": [self.items[k - 1].number for k in o.lead],
                    "support_items": [self.items[k - 1].number for k in o.support],
                }
                for o in self.offices()
            ],
            "coverage": self.coverage().to_dict(),
            "warnings": [{"line": w.line, "code": w.code, "message": w.message} for w in self.warnings],
        }


def missing_clauses(items: Sequence[Item]) -> tuple[Item, ...]:
    """The items without any office, when most items of the notice name theirs (缺责任单位).

    A notice that names offices for few of its items simply does not assign tasks that way; one
    that names them for most has left these out by mistake. The parser's warning and
    `yaodian check` both use this rule."""
    with_offices = sum(1 for i in items if i.offices)
    if not items or with_offices * 2 < len(items):
        return ()
    return tuple(i for i in items if not i.offices)


def summarise_offices(items: Iterable[Item]) -> tuple[OfficeSummary, ...]:
    """Group the items' office references by canonical name (ordinals are 1-based)."""
    # Dicts as ordered sets: one office in 100,000 items must not cost a list scan per item.
    lead: dict[str, dict[int, None]] = {}
    support: dict[str, dict[int, None]] = {}
    spellings: dict[str, dict[str, None]] = {}
    collective: dict[str, bool] = {}
    first_seen: dict[str, int] = {}
    for item in items:
        for ref in item.offices:
            first_seen.setdefault(ref.name, len(first_seen))
            target = lead if ref.role == LEAD else support
            target.setdefault(ref.name, {})[item.ordinal] = None
            spellings.setdefault(ref.name, {})[ref.raw] = None
            collective[ref.name] = collective.get(ref.name, False) or ref.collective
    summaries = []
    for name in first_seen:
        leads = lead.get(name, {})
        summaries.append(
            OfficeSummary(
                name=name,
                collective=collective[name],
                lead=tuple(leads),
                support=tuple(k for k in support.get(name, ()) if k not in leads),
                spellings=tuple(spellings[name]),
            )
        )
    summaries.sort(key=lambda o: (o.collective, -o.total, -len(o.lead), first_seen[o.name]))
    return tuple(summaries)


def _office_dict(ref: OfficeRef) -> dict[str, Any]:
    return {
        "name": ref.name,
        "raw": ref.raw,
        "alias": ref.alias,
        "role": ref.role,
        "collective": ref.collective,
    }


def _item_dict(notice: Notice, item: Item) -> dict[str, Any]:
    return {
        "ordinal": item.ordinal,
        "number": item.number,
        "marker": item.marker,
        "section": list(item.section),
        "section_titles": list(notice.section_titles(item)),
        "title": item.title,
        "text": item.text,
        "offices": [_office_dict(o) for o in item.offices],
        "leader": notice.leader_of(item),
        "deadline": deadline.to_dict() if (deadline := notice.deadline_of(item)) else None,
        "line": item.line,
        "end_line": item.end_line,
        "fingerprint": item.fingerprint,
    }


def _section_dict(sec: Section) -> dict[str, Any]:
    return {
        "level": sec.level,
        "number": sec.number,
        "index": sec.index,
        "marker": sec.marker,
        "title": sec.title,
        "intro": sec.intro,
        "lead": [_office_dict(o) for o in sec.lead],
        "line": sec.line,
        "items": [i.number for i in sec.items],
        "children": [_section_dict(c) for c in sec.children],
    }
