"""Per-office task lists (科室任务清单) and the responsibility matrix (责任矩阵) of a notice.

Pure functions over the frozen model: nothing here reads files, imports typer or prints. The
writers (xlsx, docx, md/json/csv) all start from these two views, so that a task counted in the
matrix is the same task listed on the office's Word sheet.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from yaodian.errors import UnknownOfficeError
from yaodian.model import LEAD, SUPPORT, Item, Notice, OfficeSummary, Role, Section, SectionPath, text_key


@dataclass(frozen=True, kw_only=True)
class Task:
    """One task of one office (科室任务): an item and the office's role in it."""

    item: Item
    role: Role
    office: str
    sections: tuple[str, ...]
    leads: tuple[str, ...]
    # Every office on the item, shared by all its tasks: an item naming 20,000 offices must not
    # hold 20,000 copies of the other 19,999 names (`co_offices` computes one when asked).
    offices: tuple[str, ...] = field(repr=False)

    @property
    def is_lead(self) -> bool:
        return self.role == LEAD

    @property
    def co_offices(self) -> tuple[str, ...]:
        """The other offices on the item, in the notice's order."""
        return tuple(n for n in self.offices if n != self.office)

    @cached_property
    def lead_set(self) -> frozenset[str]:
        """`leads` for membership tests."""
        return frozenset(self.leads)

    @property
    def body(self) -> str:
        """The item's text without its title sentence (the title is shown on its own)."""
        return item_body(self.item)


@dataclass(frozen=True, kw_only=True)
class OfficeTasks:
    """One office's task list (科室任务清单): the items it leads, then those it supports."""

    name: str
    collective: bool
    lead: tuple[Task, ...]
    support: tuple[Task, ...]

    @property
    def tasks(self) -> tuple[Task, ...]:
        return self.lead + self.support

    @property
    def total(self) -> int:
        return len(self.lead) + len(self.support)


@dataclass(frozen=True, kw_only=True)
class MatrixRow:
    """One line of the responsibility matrix: an item, the sections above it, a role per office."""

    item: Item
    sections: tuple[Section, ...]
    roles: tuple[Role | None, ...]
    path: SectionPath = ()  # the innermost section's position (`Notice.section_path`)

    @property
    def count(self) -> int:
        return sum(1 for r in self.roles if r is not None)


@dataclass(frozen=True, kw_only=True)
class Matrix:
    """The responsibility matrix (责任矩阵): items × offices, offices in `Notice.offices()` order."""

    offices: tuple[OfficeSummary, ...]
    rows: tuple[MatrixRow, ...]


def item_body(item: Item) -> str:
    """The item's text with the title sentence removed when the text starts with it."""
    text = item.text.strip()
    title = item.title.strip()
    if title and text.startswith(title):
        # The parser keeps the title without its full stop: drop what separates it from the body.
        rest = text[len(title) :].lstrip("。．.；;，,:：! ！\u3000\t")
        return rest or text
    return text


def section_label(section: Section) -> str:
    """`一、坚持党建引领` — the section's marker (or number) followed by its title."""
    marker = section.marker.strip() or f"{section.number}、"
    if section.title.startswith(marker):
        return section.title
    return f"{marker}{section.title}"


def responsibility_matrix(notice: Notice) -> Matrix:
    """Items × offices with each office's role; an office both leading and supporting leads."""
    offices = notice.offices()
    column = {o.name: k for k, o in enumerate(offices)}
    rows: list[MatrixRow] = []
    for item in notice.items:
        roles: list[Role | None] = [None] * len(offices)
        for ref in item.offices:
            k = column[ref.name]
            if roles[k] != LEAD:
                roles[k] = ref.role
        rows.append(
            MatrixRow(
                item=item,
                sections=notice.section_chain(item),
                roles=tuple(roles),
                path=notice.section_path(item),
            )
        )
    return Matrix(offices=offices, rows=tuple(rows))


def office_tasks(
    notice: Notice, *, offices: Iterable[str] | None = None, role: Role | None = None
) -> tuple[OfficeTasks, ...]:
    """Task lists for the named offices (default: every office, in `Notice.offices()` order).

    Names are resolved with `resolve_office` (canonical name, a spelling seen in the notice, or the
    same text up to width and punctuation); `role` keeps only lead or only support tasks.
    """
    summaries = notice.offices()
    by_name = {o.name: o for o in summaries}
    wanted = summaries if offices is None else tuple(by_name[resolve_office(notice, n)] for n in offices)
    by_ordinal = {i.ordinal: i for i in notice.items}
    names = _ItemNames(notice)
    result: list[OfficeTasks] = []
    seen: set[str] = set()
    for summary in wanted:
        if summary.name in seen:
            continue
        seen.add(summary.name)
        lead = tuple(names.task(by_ordinal[k], summary.name, LEAD) for k in summary.lead)
        support = tuple(names.task(by_ordinal[k], summary.name, SUPPORT) for k in summary.support)
        result.append(
            OfficeTasks(
                name=summary.name,
                collective=summary.collective,
                lead=() if role == SUPPORT else lead,
                support=() if role == LEAD else support,
            )
        )
    return tuple(result)


def resolve_office(notice: Notice, name: str) -> str:
    """The canonical name of an office given on the command line; raises with close names."""
    summaries = notice.offices()
    wanted = name.strip()
    for o in summaries:
        if wanted == o.name or wanted in o.spellings:
            return o.name
    key = text_key(wanted)
    for o in summaries:
        if key and (key == text_key(o.name) or any(key == text_key(s) for s in o.spellings)):
            return o.name
    names = [o.name for o in summaries]
    close = [n for n in names if key and (key in text_key(n) or text_key(n) in key)]
    close += [n for n in difflib.get_close_matches(wanted, names, n=5, cutoff=0.4) if n not in close]
    hint = f"相近的名称：{'、'.join(close[:5])}" if close else f"通知中的科室有：{'、'.join(names[:12])}"
    if not close and len(names) > 12:
        hint += f" 等 {len(names)} 个"
    raise UnknownOfficeError(
        f"{notice.source.path}：通知中没有名为“{wanted}”的科室。{hint}；可用 `yaodian offices` 查看全部科室。"
    )


class _ItemNames:
    """Each item's leads, all its offices and section titles, worked out once however many
    offices share the item (an item naming N offices used to cost N³ list scans)."""

    def __init__(self, notice: Notice) -> None:
        self.notice = notice
        self._seen: dict[int, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {}

    def task(self, item: Item, office: str, role: Role) -> Task:
        known = self._seen.get(id(item))
        if known is None:
            leads = tuple(dict.fromkeys(ref.name for ref in item.offices if ref.role == LEAD))
            offices = tuple(dict.fromkeys(ref.name for ref in item.offices))
            known = self._seen[id(item)] = (leads, offices, self.notice.section_titles(item))
        leads, offices, sections = known
        return Task(item=item, role=role, office=office, sections=sections, leads=leads, offices=offices)
