"""The library: read and parse notices, analyse them, write every export.

One scheme for the writers: `to_json` / `to_markdown` / `to_csv` return a `str`; `write_matrix`,
`write_sheets`, `write_tasks` and `write_diff` take the object and a path and return the
path(s) written. Every function raises only `YaodianError` subclasses for bad input or output.
The heavy modules (the diff, openpyxl, python-docx) are imported when a function needs them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from yaodian.model import Notice, OfficeSummary, ParseWarning, Role, Source

if TYPE_CHECKING:
    from yaodian.analysis.check import Finding
    from yaodian.analysis.diff import PlanDiff
    from yaodian.reading.ocr_options import OcrOptions

Aliases = str | Path | Mapping[str, str] | None


def parse_file(
    path: str | Path,
    *,
    encoding: str | None = None,
    aliases: Aliases = None,
    strict: bool = False,
    ocr: OcrOptions | None = None,
) -> Notice:
    """Read a notice file (txt, docx, pdf, html, doc; a scan as pdf, jpg, png or tif; "-" for
    stdin) and parse it. Scanned pages are recognised as `ocr` says (default: pages without
    text); pages read with low confidence are named in the warnings."""
    from yaodian.reading import read_path

    doc = read_path(path, encoding=encoding, ocr=ocr)
    notice = parse_text(doc.text, source=doc.source, aliases=aliases, strict=strict)
    low = doc.source.low_confidence_pages
    if not low:
        return notice
    pages = "、".join(str(p) for p in low)
    message = f"第 {pages} 页文字识别（OCR）置信度低，请对照原件核对这几页的条目和科室。"
    if strict:
        from yaodian.errors import ParseError

        raise ParseError(f"{doc.source.path}：{message}去掉 --strict 可照常输出。")
    warning = ParseWarning(line=1, code="ocr-low-confidence", message=message)
    return dataclasses.replace(notice, warnings=(warning, *notice.warnings))


def parse_text(
    text: str, *, source: Source | None = None, aliases: Aliases = None, strict: bool = False
) -> Notice:
    """Parse the text of a notice. Raises `ParseError` when no task item is found."""
    from yaodian.parsing import parse_notice

    return parse_notice(
        text, source=source or Source(path="<文本>"), aliases=_alias_table(aliases), strict=strict
    )


def _alias_table(aliases: Aliases) -> Mapping[str, str] | None:
    if aliases is None or isinstance(aliases, Mapping):
        return aliases
    from yaodian.aliases import load_aliases  # tomllib: only when a table is given

    return load_aliases(aliases)


# --- analysis ------------------------------------------------------------------------------------


def offices(notice: Notice) -> tuple[OfficeSummary, ...]:
    """Every office named in the plan with the items it leads and supports (科室任务汇总)."""
    return notice.offices()


def diff(old: Notice | str | Path, new: Notice | str | Path, *, threshold: float | None = None) -> PlanDiff:
    """Compare two plans item by item (年度对比); paths are parsed first."""
    from yaodian.analysis.diff import DEFAULT_THRESHOLD, diff_notices

    a = old if isinstance(old, Notice) else parse_file(old)
    b = new if isinstance(new, Notice) else parse_file(new)
    return diff_notices(a, b, threshold=DEFAULT_THRESHOLD if threshold is None else threshold)


def check(notice: Notice, *, aliases: Aliases = None) -> list[Finding]:
    """Faults of the notice itself (通知问题), in line order; see `yaodian check`."""
    from yaodian.analysis.check import check_notice

    return check_notice(notice, aliases=_alias_table(aliases))


# --- text ----------------------------------------------------------------------------------------


def to_json(obj: Notice | PlanDiff) -> str:
    """A notice (`notice.schema.json`) or a comparison (`diff.schema.json`) as JSON."""
    if isinstance(obj, Notice):
        from yaodian.writers import notice_json

        return notice_json.to_json(obj)
    from yaodian.writers import diff_text

    return diff_text.to_json(obj)


def to_markdown(obj: Notice | PlanDiff) -> str:
    """A notice as an outline, or a comparison as a report, in Markdown."""
    if isinstance(obj, Notice):
        from yaodian.writers import notice_md

        return notice_md.to_markdown(obj)
    from yaodian.writers import diff_text

    return diff_text.to_markdown(obj)


def to_csv(notice: Notice) -> str:
    """One row per (item, office, role) — the 分工 table; no BOM (add one for Excel)."""
    from yaodian.writers import notice_csv

    return notice_csv.to_csv(notice)


# --- files ---------------------------------------------------------------------------------------


def write_matrix(notice: Notice, path: str | Path, *, force: bool = False) -> Path:
    """The responsibility-matrix workbook (责任矩阵.xlsx)."""
    from yaodian.writers import xlsx_matrix

    return xlsx_matrix.write_matrix(notice, path, force=force)


def write_sheets(
    notice: Notice,
    path: str | Path,
    *,
    offices: Sequence[str] | None = None,
    single: bool = False,
    fonts: str = "gb2312",
    force: bool = False,
) -> list[Path]:
    """One Word task sheet per office into the folder `path`, or all in one .docx (`single`)."""
    from yaodian.writers import docx_sheets

    return docx_sheets.write_sheets(notice, path, offices=offices, single=single, profile=fonts, force=force)


def write_tasks(
    notice: Notice,
    path: str | Path,
    *,
    offices: Sequence[str] | None = None,
    role: Role | None = None,
    fonts: str = "gb2312",
    force: bool = False,
) -> Path:
    """Per-office task lists in the format the suffix names: .xlsx, .docx, .md, .json or .csv."""
    from yaodian.analysis.assignments import office_tasks
    from yaodian.errors import UsageError
    from yaodian.output import check_destination, write_text
    from yaodian.writers import tasks

    target = check_destination(path, force=force)
    lists = office_tasks(notice, offices=offices, role=role)
    suffix = target.suffix.lower()
    if suffix == ".xlsx":
        return tasks.write_tasks(notice, lists, target, force=force)
    if suffix == ".docx":
        from yaodian.writers.docx_sheets import write_sheet_document

        return write_sheet_document(notice, lists, target, profile=fonts, force=force)
    render = {".md": tasks.to_markdown, ".json": tasks.to_json, ".csv": tasks.to_csv}.get(suffix)
    if render is None:
        raise UsageError(f"{target}：任务清单可写为 .xlsx、.docx、.md、.json 或 .csv，请换一个扩展名。")
    write_text(target, render(notice, lists), force=force, bom=suffix == ".csv")
    return target


def write_diff(result: PlanDiff, path: str | Path, *, fonts: str = "gb2312", force: bool = False) -> Path:
    """The comparison report in the format the suffix names: .xlsx, .docx, .md or .json."""
    from yaodian.errors import UsageError
    from yaodian.output import write_text

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".xlsx":
        from yaodian.writers.diff_xlsx import write_diff_xlsx

        return write_diff_xlsx(result, target, force=force)
    if suffix == ".docx":
        from yaodian.writers.diff_docx import write_diff_docx

        return write_diff_docx(result, target, profile=fonts, force=force)
    if suffix not in (".md", ".json"):
        raise UsageError(f"{target}：对比报告可写为 .xlsx、.docx、.md 或 .json，请换一个扩展名。")
    write_text(target, to_markdown(result) if suffix == ".md" else to_json(result), force=force)
    return target
