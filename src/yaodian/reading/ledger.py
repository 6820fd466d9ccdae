"""Reading the ledger workbook and the offices' returned forms (xlsx from Excel, WPS or
LibreOffice; docx as filled in Word).

Columns are found by their header, not their place, so a form whose columns were moved or
deleted is still read. Merged cells are read as their value in every cell they cover (as the
notice tables are). Values come back raw (text, dates, numbers); `analysis.collect` decides
what they mean. Not a notice reader: it returns the ledger's own model, not text lines.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yaodian.errors import InputError
from yaodian.ledger_model import (
    COLUMNS,
    DATE_COLUMNS,
    FIELD_OF,
    PREVIOUS_COLUMN,
    Change,
    Ledger,
    LedgerRow,
)

KNOWN = frozenset((*COLUMNS, PREVIOUS_COLUMN))
# "台账标识：3f2a9c0d1b7e" above a form's header, or in the ledger's 说明 sheet.
IDENT = re.compile(r"台账标识\s*[：:]?\s*([0-9a-f]{12})")
IDENT_KEYWORD = re.compile(r"yaodian-ledger:([0-9a-f]{12})")
# "科室：基教科" above a form's header.
OFFICE = re.compile(r"科室\s*[：:]\s*([^\s　，,。；;]+)")
HEADER_SCAN_ROWS = 12

Raw = str | dt.date | float | int | None


@dataclass(frozen=True, kw_only=True)
class ReturnRow:
    """One row of a returned form: its line in the file and its cells by column name."""

    line: int
    values: tuple[tuple[str, Raw], ...]

    def get(self, column: str) -> Raw:
        return next((v for c, v in self.values if c == column), None)


@dataclass(frozen=True, kw_only=True)
class ReturnForm:
    """A returned form (回收表): the ledger it claims to come from, its office, its rows."""

    path: str
    ident: str | None
    office: str | None
    columns: tuple[str, ...]
    rows: tuple[ReturnRow, ...]
    is_ledger: bool = False


def header_name(value: object) -> str:
    """A header cell as a column name: NFKC, no spaces, no marks such as `*` or `（必填）`."""
    text = unicodedata.normalize("NFKC", str(value or ""))
    text = re.sub(r"[\s*＊]|\(.*?\)", "", text)
    return text


def _kind(path: Path, data: bytes, *, ledger: bool = False) -> str:
    if ledger and not data.startswith(b"PK\x03\x04"):
        raise InputError(
            f"{path}：不是台账；台账是 yaodian ledger 生成的 .xlsx 工作簿（yaodian ledger 通知 -o 台账.xlsx）。"
        )
    if not data.startswith(b"PK\x03\x04"):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise InputError(
                f"{path}：这是旧版 .xls/.doc 文件；请在 Excel/WPS/Word 中另存为 .xlsx 或 .docx 后再收集。"
            )
        raise InputError(f"{path}：不是 .xlsx 或 .docx 文件，无法读取。")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"{path}：文件已损坏（{exc}），无法读取；请让填报科室重新发送。") from exc
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "word/document.xml" in names:
        return "docx"
    raise InputError(f"{path}：不是 .xlsx 或 .docx 文件，无法读取。")


def _load(path: str | Path, *, ledger: bool = False) -> tuple[Path, bytes, str]:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{p}：文件不存在；请检查路径。") from exc
    except OSError as exc:
        raise InputError(f"{p}：无法读取（{exc.strerror or exc}）。") from exc
    return p, data, _kind(p, data, ledger=ledger)


def _workbook(p: Path, data: bytes) -> Any:
    import openpyxl

    try:
        return openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InputError(
            f"{p}：Excel 文件无法打开（{type(exc).__name__}）；请让填报科室重新保存后发送。"
        ) from exc


# --- the ledger ----------------------------------------------------------------------------------


def read_ledger(path: str | Path) -> Ledger:
    """Read a ledger written by `yaodian ledger` (or `collect`), with any edits made in it."""
    p, data, kind = _load(path, ledger=True)
    if kind != "xlsx":
        raise InputError(f"{p}：不是台账；台账是 yaodian ledger 生成的 .xlsx 工作簿。")
    wb = _workbook(p, data)
    if "台账" not in wb.sheetnames:
        raise InputError(f"{p}：没有“台账”工作表，不是 yaodian 台账；请先用 yaodian ledger 生成台账。")
    notes = _notes(wb)
    ident = _ledger_ident(wb, notes)
    if ident is None:
        raise InputError(f"{p}：找不到台账标识（“说明”页被改动？）；请用 yaodian ledger 重新生成台账。")
    grid = _fill_merged(wb["台账"])
    columns = tuple(header_name(v) for v in (grid[0] if grid else ()))
    if "编号" not in columns or "科室" not in columns:
        raise InputError(f"{p}：“台账”页第 1 行缺少“编号”或“科室”列；请勿删除台账的列。")
    rows = tuple(_ledger_row(columns, cells) for cells in grid[1:] if any(c not in (None, "") for c in cells))
    year = notes.get("年度", "")
    return Ledger(
        ident=ident,
        title=notes.get("通知", ""),
        year=int(year) if year.isdigit() else None,
        source=notes.get("来源文件", ""),
        rows=rows,
        changes=_changes(wb),
        with_previous=PREVIOUS_COLUMN in columns,
    )


def _notes(wb: Any) -> dict[str, str]:
    if "说明" not in wb.sheetnames:
        return {}
    out: dict[str, str] = {}
    for row in wb["说明"].iter_rows(min_row=1, max_col=2, values_only=True):
        if row and row[0]:
            out.setdefault(str(row[0]).strip(), "" if row[1] is None else str(row[1]).strip())
    return out


def _ledger_ident(wb: Any, notes: dict[str, str]) -> str | None:
    m = IDENT.search(f"台账标识：{notes.get('台账标识', '')}")
    if m:
        return m.group(1)
    m = IDENT_KEYWORD.search(wb.properties.keywords or "")
    return m.group(1) if m else None


def _ledger_row(columns: Sequence[str], cells: Sequence[Raw]) -> LedgerRow:
    fields: dict[str, Any] = {}
    for name, value in zip(columns, cells, strict=False):
        if name not in FIELD_OF:
            continue
        if name in DATE_COLUMNS:
            fields[FIELD_OF[name]] = as_date(value)
        else:
            fields[FIELD_OF[name]] = cell_text(value)
    fields.setdefault("key", "")
    fields.setdefault("number", "")
    fields.setdefault("office", "")
    return LedgerRow(**fields)


def _changes(wb: Any) -> tuple[Change, ...]:
    if "修改记录" not in wb.sheetnames:
        return ()
    out: list[Change] = []
    for row in wb["修改记录"].iter_rows(min_row=2, max_col=6, values_only=True):
        if not any(row):
            continue
        key, column, old, new, source, time = (cell_text(v) for v in (*row, *[None] * (6 - len(row))))
        out.append(Change(key=key, column=column, old=old, new=new, source=source, time=time))
    return tuple(out)


def cell_text(value: object) -> str:
    """A cell as text: numbers without a trailing `.0`, dates as `2024-07-01`."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def as_date(value: object) -> dt.date | None:
    """A date cell (or ISO text) as a date; anything else None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _fill_merged(ws: Any) -> list[list[Raw]]:
    """The sheet's values, a merged range's value repeated in every cell it covers."""
    grid = [list(r) for r in ws.iter_rows(values_only=True)]
    for rng in ws.merged_cells.ranges:
        value = ws.cell(row=rng.min_row, column=rng.min_col).value
        for r in range(rng.min_row, min(rng.max_row, len(grid)) + 1):
            row = grid[r - 1]
            for c in range(rng.min_col, rng.max_col + 1):
                if c - 1 < len(row):
                    row[c - 1] = value
    return grid


# --- returned forms ------------------------------------------------------------------------------


def read_return(path: str | Path) -> ReturnForm:
    """Read one returned form (xlsx or docx). Raises `InputError` when it cannot be read or holds
    no table with the form's columns."""
    p, data, kind = _load(path)
    if kind == "xlsx":
        return _xlsx_return(p, data)
    return _docx_return(p, data)


def _find_header(rows: Sequence[Sequence[Raw]]) -> int | None:
    """The first row naming at least three of the form's columns."""
    for k, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if sum(1 for v in row if header_name(v) in KNOWN) >= 3:
            return k
    return None


def _form(
    p: Path, grid: list[list[Raw]], above: Iterable[str], *, ident: str | None, is_ledger: bool
) -> ReturnForm | None:
    k = _find_header(grid)
    if k is None:
        return None
    columns = tuple(header_name(v) for v in grid[k])
    text = " ".join([*above, *(cell_text(v) for row in grid[:k] for v in row)])
    m = IDENT.search(text)
    office = OFFICE.search(text)
    rows = tuple(
        ReturnRow(
            line=k + 2 + n,
            values=tuple((c, v) for c, v in zip(columns, cells, strict=False) if c in KNOWN),
        )
        for n, cells in enumerate(grid[k + 1 :])
        if any(v not in (None, "") for v in cells)
    )
    return ReturnForm(
        path=str(p),
        ident=m.group(1) if m else ident,
        office=office.group(1) if office else None,
        columns=tuple(c for c in columns if c in KNOWN),
        rows=rows,
        is_ledger=is_ledger,
    )


def _xlsx_return(p: Path, data: bytes) -> ReturnForm:
    wb = _workbook(p, data)
    is_ledger = "台账" in wb.sheetnames and "说明" in wb.sheetnames
    ident = _ledger_ident(wb, _notes(wb)) if is_ledger else None
    if ident is None:
        m = IDENT_KEYWORD.search(wb.properties.keywords or "")
        ident = m.group(1) if m else None
    for ws in wb.worksheets:
        form = _form(p, _fill_merged(ws), (), ident=ident, is_ledger=is_ledger)
        if form is not None:
            return form
    raise InputError(
        f"{p}：找不到表头（编号、工作任务、进展情况、状态…）；请确认这是 yaodian forms 生成的进展表。"
    )


def _docx_return(p: Path, data: bytes) -> ReturnForm:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise InputError(
            f"{p}：Word 文件无法打开（{type(exc).__name__}）；请让填报科室重新保存后发送。"
        ) from exc
    above = [para.text for para in document.paragraphs]
    for table in document.tables:
        grid: list[list[Raw]] = [[cell.text.strip() for cell in row.cells] for row in table.rows]
        form = _form(p, grid, above, ident=None, is_ledger=False)
        if form is not None:
            return form
    raise InputError(
        f"{p}：找不到进展表的表格（编号、工作任务、进展情况、状态…）；请确认这是 yaodian forms 生成的进展表。"
    )
