"""Word task-assignment sheets (科室工作任务清单): one .docx per office, or one with a section each.

Each sheet: title `基教科2024年工作任务清单`, the plan it comes from and its date, a count line,
and a table 序号 | 工作任务 | 主要内容 | 牵头/配合 | 协同科室 | 完成时限 | 责任人 | 备注 — lead tasks
first, then support tasks; 责任人 and 备注 (and 完成时限 where the notice gives none) are left for
the office to fill in. Page numbers `— 1 —` in the footer.

The page is A4 *landscape* with the GB/T 9704 margins: eight columns with the full item text
leave the 主要内容 column about 13 characters wide on a portrait page (20+ lines per task); turned,
it holds about 30. GB/T 9704 itself prints wide attached tables across the page (横排表格).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from yaodian.analysis.assignments import OfficeTasks, office_tasks
from yaodian.errors import OutputError
from yaodian.filenames import safe_filename
from yaodian.model import Notice
from yaodian.output import atomic_output, check_destination, save_built
from yaodian.writers.docx_blocks import (
    add_page_number_footer,
    add_paragraph,
    add_row,
    add_subtitle,
    add_table,
    add_title,
    restart_page_numbers,
)
from yaodian.writers.docx_document import (
    DEFAULT_PROFILE,
    DocumentFactory,
    FontProfile,
    new_document,
    setup_page,
)
from yaodian.writers.labels import ROLE_LABEL, co_office_text, date_text, sheet_title

if TYPE_CHECKING:
    from docx.document import Document

HEADERS = ("序号", "工作任务", "主要内容", "牵头/配合", "协同科室", "完成时限", "责任人", "备注")
# Millimetres; they add up to the landscape type area, 297 − 28 − 26 = 243 mm.
WIDTHS_MM = (14.0, 34.0, 89.0, 18.0, 30.0, 22.0, 18.0, 18.0)
CENTRED_COLUMNS = (0, 3, 5)
SINGLE_NAME = "各科室工作任务清单.docx"


def plan_sheets(
    notice: Notice,
    destination: str | Path,
    *,
    offices: Sequence[str] | None = None,
    single: bool = False,
) -> list[tuple[Path, tuple[OfficeTasks, ...]]]:
    """Which file gets which offices' sheets (resolves office names; writes nothing)."""
    lists = office_tasks(notice, offices=offices or None)
    dest = Path(destination)
    if single:
        path = dest if dest.suffix.lower() == ".docx" else dest / SINGLE_NAME
        return [(path, lists)]
    taken: list[str] = []
    plan: list[tuple[Path, tuple[OfficeTasks, ...]]] = []
    for tl in lists:
        name = safe_filename(tl.name, taken)
        taken.append(name)
        plan.append((dest / name, (tl,)))
    return plan


def write_sheets(
    notice: Notice,
    destination: str | Path,
    *,
    offices: Sequence[str] | None = None,
    single: bool = False,
    profile: str | FontProfile = DEFAULT_PROFILE,
    force: bool = False,
) -> list[Path]:
    """Write the sheets into the folder `destination` (created if its parent exists).

    Every target is checked before the first is written: without `force`, one existing file
    stops the whole run and nothing is written.
    """
    plan = plan_sheets(notice, destination, offices=offices, single=single)
    folders = {p.parent for p, _ in plan}
    for folder in folders:
        check_destination(folder, directory=True)
    for folder in folders:
        if not folder.exists() and folder.parent.exists():
            try:
                folder.mkdir()
            except OSError as exc:
                raise OutputError(
                    f"{folder}：无法创建文件夹（{exc.strerror or exc}）；请检查输出位置。"
                ) from exc
    for path, _ in plan:
        check_destination(path, force=force)
    if single:
        ((path, lists),) = plan
        return [write_sheet_document(notice, lists, path, profile=profile, force=force)]
    # One office a file: styles, page and footer are built once and shared (DocumentFactory).
    factory = DocumentFactory(_template(profile, f"{notice.title} 科室工作任务清单"))
    written: list[Path] = []
    for path, lists in plan:
        doc = factory.new()
        _sheet(doc, notice, lists[0])
        with atomic_output(path, force=force) as tmp:
            factory.save(tmp)
        written.append(path)
    return written


def write_sheet_document(
    notice: Notice,
    lists: Sequence[OfficeTasks],
    path: str | Path,
    *,
    profile: str | FontProfile = DEFAULT_PROFILE,
    force: bool = False,
) -> Path:
    """One .docx holding the sheets of `lists`, each office in its own section (page 1 each)."""
    return save_built(lambda: build_sheet_document(notice, lists, profile=profile), path, force=force)


def build_sheet_document(
    notice: Notice, lists: Sequence[OfficeTasks], *, profile: str | FontProfile = DEFAULT_PROFILE
) -> Document:
    from docx.enum.section import WD_SECTION

    doc = _template(profile, f"{notice.title} 科室工作任务清单")
    for k, tl in enumerate(lists):
        if k:
            section = doc.add_section(WD_SECTION.NEW_PAGE)
            setup_page(section, landscape=True)
            restart_page_numbers(section)
        _sheet(doc, notice, tl)
    if not lists:
        add_paragraph(doc, "（没有科室）")
    return doc


def _template(profile: str | FontProfile, title: str) -> Document:
    doc = new_document(profile, landscape=True, title=title)
    add_page_number_footer(doc)
    return doc


def _sheet(doc: Document, notice: Notice, tl: OfficeTasks) -> None:
    add_title(doc, sheet_title(notice, tl.name))
    basis = f"依据：《{notice.title}》"
    if notice.date:
        basis += f"（{date_text(notice)}）"
    add_subtitle(doc, basis)
    add_paragraph(
        doc,
        f"{tl.name}牵头任务 {len(tl.lead)} 项、配合任务 {len(tl.support)} 项，共 {tl.total} 项。"
        "请明确每项任务的责任人，并在“备注”栏注明推进措施。",
    )
    table = add_table(doc, HEADERS, WIDTHS_MM)
    for k, task in enumerate(tl.tasks, start=1):
        item = task.item
        add_row(
            table,
            [
                str(k),
                f"{item.title}（第{item.number}条）",
                task.body,
                ROLE_LABEL[task.role],
                co_office_text(task),
                item.deadline or "",
                "",
                "",
            ],
            WIDTHS_MM,
            centred=CENTRED_COLUMNS,
        )
