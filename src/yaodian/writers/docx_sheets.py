"""Word task-assignment sheets (科室工作任务清单): one .docx per office, or one with a section each.

Each sheet: title `基教科2024年工作任务清单`, the plan it comes from and its date, a count line,
and a table 序号 | 工作任务 | 主要内容 | 牵头/配合 | 协同科室 | [分管领导] | [完成时限] | 责任人 | 备注 —
lead tasks first, then support tasks. 分管领导 and 完成时限 appear only when the notice names
leaders or deadlines (their width goes to 主要内容 otherwise); 责任人 and 备注 are left for the
office to fill in. Rows never split across pages, the header repeats, page numbers `— 1 —`.
Files are named `基教科-2024年工作任务清单.docx`; collective units (各中小学校, 各区县) go in a
subfolder `集体单位/`, apart from the bureau's own offices.

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
from yaodian.filenames import MAX_NAME_BYTES, safe_filename, safe_stem
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
from yaodian.writers.labels import ROLE_LABEL, co_office_text, date_text, plan_year, sheet_title

if TYPE_CHECKING:
    from docx.document import Document

# (header, millimetres, centred); 主要内容 takes what the others leave of the landscape type
# area, 297 − 28 − 26 = 243 mm. Optional columns are shown only when the notice has the data.
TYPE_AREA_MM = 243.0
_COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("序号", 9.0, True),
    ("工作任务", 32.0, False),
    ("主要内容", 0.0, False),
    ("牵头/配合", 14.0, True),
    ("协同科室", 28.0, False),
    ("分管领导", 18.0, False),
    ("完成时限", 20.0, True),
    ("责任人", 14.0, False),
    ("备注", 12.0, False),
)
HEADERS = tuple(name for name, _, _ in _COLUMNS if name not in ("分管领导", "完成时限"))
SINGLE_NAME = "各科室工作任务清单.docx"
COLLECTIVE_FOLDER = "集体单位"


def sheet_columns(notice: Notice) -> tuple[tuple[str, ...], tuple[float, ...], tuple[int, ...]]:
    """Headers, widths (mm) and centred column indexes of this notice's sheets."""
    leaders = any(item.leader for item in notice.items)
    deadlines = any(item.deadline for item in notice.items)
    shown = [c for c in _COLUMNS if (c[0] != "分管领导" or leaders) and (c[0] != "完成时限" or deadlines)]
    rest = TYPE_AREA_MM - sum(width for _, width, _ in shown)
    widths = tuple(width or rest for _, width, _ in shown)
    return tuple(name for name, _, _ in shown), widths, tuple(k for k, c in enumerate(shown) if c[2])


def sheet_file_stem(notice: Notice, office: str) -> str:
    """`基教科-2024年工作任务清单`: the office first, so the folder sorts by office."""
    year = plan_year(notice)
    suffix = f"-{year}年工作任务清单" if year else "-工作任务清单"
    # A very long office name is shortened, not the part that says what the file is.
    room = MAX_NAME_BYTES - len(suffix.encode("utf-8"))
    return safe_stem(office, fallback="科室", max_bytes=room) + suffix


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
    taken: dict[Path, list[str]] = {}
    plan: list[tuple[Path, tuple[OfficeTasks, ...]]] = []
    for tl in lists:
        folder = dest / COLLECTIVE_FOLDER if tl.collective else dest
        names = taken.setdefault(folder, [])
        name = safe_filename(sheet_file_stem(notice, tl.name), names)
        names.append(name)
        plan.append((folder / name, (tl,)))
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
    # The output folder before its 集体单位 subfolder, so that errors name the folder given.
    folders = sorted({p.parent for p, _ in plan}, key=lambda f: len(f.parts))
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
    headers, widths, centred = sheet_columns(notice)
    table = add_table(doc, headers, widths)
    for k, task in enumerate(tl.tasks, start=1):
        item = task.item
        cells = {
            "序号": str(k),
            "工作任务": f"{item.title}（第{item.number}条）",
            "主要内容": task.body,
            "牵头/配合": ROLE_LABEL[task.role],
            "协同科室": co_office_text(task),
            "分管领导": item.leader or "",
            "完成时限": item.deadline or "",
        }
        add_row(table, [cells.get(h, "") for h in headers], widths, centred=centred)
