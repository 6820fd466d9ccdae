"""`yaodian collect`: returned forms merged into the ledger, and every way a return goes wrong."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import FIXTURES, SAMPLES, run_cli, soffice_convert
from yaodian.ledger_model import FORM_COLUMNS
from yaodian.reading.ledger import read_ledger

NOTICE = FIXTURES / "notices" / "ledger_deadlines.txt"
COL = {name: k for k, name in enumerate(FORM_COLUMNS, start=1)}  # form column → index
FIRST = 4  # a form's first data row


def _form(folder: Path, office: str, suffix: str = "xlsx") -> Path:
    return folder / f"{office}-2024年工作任务进展表.{suffix}"


@pytest.fixture
def made(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(ledger, xlsx forms folder, docx forms folder) for the notice with deadlines."""
    ledger = tmp_path / "台账.xlsx"
    assert run_cli("ledger", NOTICE, "-o", ledger).exit_code == 0
    assert run_cli("forms", ledger, "-o", tmp_path / "xlsx").exit_code == 0
    assert run_cli("forms", ledger, "-o", tmp_path / "docx", "--format", "docx").exit_code == 0
    return ledger, tmp_path / "xlsx", tmp_path / "docx"


def _edit_xlsx(path: Path, out: Path, cells: dict[tuple[str, str], object]) -> Path:
    """Fill a form: {(key, column): value}, found by the key in column A."""
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    rows = {ws.cell(row=r, column=1).value: r for r in range(FIRST, ws.max_row + 1)}
    for (key, column), value in cells.items():
        ws.cell(row=rows[key], column=COL[column]).value = value
    wb.save(out)
    return out


def _edit_docx(path: Path, out: Path, cells: dict[tuple[str, str], str]) -> Path:
    document = docx.Document(str(path))
    table = document.tables[0]
    rows = {row.cells[0].text: row for row in table.rows[1:]}
    for (key, column), value in cells.items():
        rows[key].cells[COL[column] - 1].text = value
    document.save(str(out))
    return out


@pytest.mark.soffice
def test_round_trip(made: tuple[Path, Path, Path], tmp_path: Path) -> None:
    ledger, xlsx, docx_forms = made
    returns = tmp_path / "回收"
    returns.mkdir()
    _edit_xlsx(
        _form(xlsx, "基教科"),
        returns / "基教科.xlsx",
        {
            ("2024-001-01", "责任人"): "王老师",
            ("2024-001-01", "进展情况"): "主体工程已完工",
            ("2024-001-01", "状态"): "推进中",
            ("2024-001-01", "更新日期"): dt.date(2024, 6, 20),
            ("2024-003-02", "状态"): "推进中",
        },
    )
    # 财建科 filled with openpyxl, then opened and saved by LibreOffice
    edited = _edit_xlsx(
        _form(xlsx, "财建科"),
        tmp_path / "财建科.xlsx",
        {("2024-001-02", "状态"): "已完成", ("2024-002-02", "进展情况"): "设备招标完成"},
    )
    lo = tmp_path / "lo"
    lo.mkdir()
    shutil.copy(soffice_convert(edited, "xlsx", lo), returns / "财建科.xlsx")
    # 人事科 filled in Word
    _edit_docx(
        _form(docx_forms, "人事科", "docx"),
        returns / "人事科.docx",
        {
            ("2024-006-01", "状态"): "已完成",
            ("2024-006-01", "进展情况"): "评审结束",
            ("2024-006-01", "更新日期"): "2024-11-28",
        },
    )
    # a second 基教科 return, its copy of the form, that disagrees on one cell
    _edit_xlsx(returns / "基教科.xlsx", returns / "基教科-补报.xlsx", {("2024-003-02", "状态"): "已完成"})
    new = tmp_path / "新台账.xlsx"
    result = run_cli("collect", ledger, returns, "-o", new, "--format", "json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    rows = read_ledger(new).by_key()
    assert (rows["2024-001-01"].person, rows["2024-001-01"].progress) == ("王老师", "主体工程已完工")
    assert (rows["2024-001-01"].status, rows["2024-001-01"].updated) == ("推进中", dt.date(2024, 6, 20))
    assert rows["2024-001-02"].status == "已完成"
    assert rows["2024-002-02"].progress == "设备招标完成"
    assert (rows["2024-006-01"].status, rows["2024-006-01"].updated) == ("已完成", dt.date(2024, 11, 28))
    assert rows["2024-003-02"].status == "未开始"  # the conflict: the ledger keeps its value
    assert summary["conflicts"] == [
        {
            "key": "2024-003-02",
            "column": "状态",
            "kept": "未开始",
            "values": [
                {"file": str(returns / "基教科-补报.xlsx"), "value": "已完成"},
                {"file": str(returns / "基教科.xlsx"), "value": "推进中"},
            ],
        }
    ]
    assert summary["missing_offices"] == ["信息中心", "学前办", "师范科"]
    assert summary["updated"] == 4 and summary["unknown"] == []
    log = list(openpyxl.load_workbook(new)["修改记录"].iter_rows(values_only=True))
    assert log[0] == ("编号", "字段", "旧值", "新值", "来源文件", "时间")
    assert [(r[0], r[1], r[2], r[3]) for r in log[1:]] == [
        ("2024-001-01", "责任人", None, "王老师"),
        ("2024-001-01", "进展情况", None, "主体工程已完工"),
        ("2024-001-01", "状态", "未开始", "推进中"),
        ("2024-001-01", "更新日期", None, "2024-06-20"),
        ("2024-001-02", "状态", "未开始", "已完成"),
        ("2024-002-02", "进展情况", None, "设备招标完成"),
        ("2024-006-01", "进展情况", None, "评审结束"),
        ("2024-006-01", "状态", "未开始", "已完成"),
        ("2024-006-01", "更新日期", None, "2024-11-28"),
    ]
    assert "冲突：2024-003-02 状态" in result.stderr
    assert "未交回的科室（3 个）" in result.stderr
    # a second collect of the same returns changes nothing
    again = tmp_path / "再次.xlsx"
    second = run_cli("collect", new, returns, "-o", again, "--format", "json")
    assert second.exit_code == 0, second.output
    assert json.loads(second.stdout)["updated"] == 0
    assert read_ledger(again).rows == read_ledger(new).rows
    assert read_ledger(again).changes == read_ledger(new).changes


def _collect(ledger: Path, *returns: Path, extra: tuple[str, ...] = ()) -> tuple[int, dict, str, Path]:  # type: ignore[type-arg]
    out = ledger.parent / "新台账.xlsx"
    result = run_cli("collect", ledger, *returns, "-o", out, "--format", "json", "--force", *extra)
    return result.exit_code, json.loads(result.stdout) if result.stdout else {}, result.stderr, out


def test_key_column_deleted(made: tuple[Path, Path, Path], tmp_path: Path) -> None:
    ledger, xlsx, _ = made
    form = _edit_xlsx(_form(xlsx, "基教科"), tmp_path / "r.xlsx", {("2024-003-02", "进展情况"): "规划已报批"})
    wb = openpyxl.load_workbook(form)
    wb.active.delete_cols(1)
    wb.save(form)
    code, _summary, stderr, out = _collect(ledger, form)
    assert code == 0, stderr
    assert read_ledger(out).by_key()["2024-003-02"].progress == "规划已报批"
    assert "没有“编号”列" in stderr and "按序号 3 + 科室 基教科 对应到 2024-003-02" in stderr


def test_rows_reordered_and_extra_rows(made: tuple[Path, Path, Path], tmp_path: Path) -> None:
    ledger, xlsx, _ = made
    form = _edit_xlsx(
        _form(xlsx, "基教科"),
        tmp_path / "r.xlsx",
        {("2024-001-01", "进展情况"): "甲", ("2024-004-02", "进展情况"): "乙"},
    )
    wb = openpyxl.load_workbook(form)
    ws = wb.active
    first = [c.value for c in ws[FIRST]]
    last = [c.value for c in ws[FIRST + 2]]
    for c, (a, b) in enumerate(zip(first, last, strict=True), start=1):
        ws.cell(row=FIRST, column=c).value, ws.cell(row=FIRST + 2, column=c).value = b, a
    ws.cell(row=FIRST + 3, column=1).value = "2024-099-01"
    ws.cell(row=FIRST + 3, column=COL["进展情况"]).value = "多出来的一行"
    ws.cell(row=FIRST + 4, column=COL["工作任务"]).value = "科室自加的任务"
    ws.cell(row=FIRST + 4, column=COL["进展情况"]).value = "已开展"
    wb.save(form)
    code, summary, stderr, out = _collect(ledger, form)
    assert code == 0, stderr
    rows = read_ledger(out).by_key()
    assert (rows["2024-001-01"].progress, rows["2024-004-02"].progress) == ("甲", "乙")
    assert [(u["key"], u["line"]) for u in summary["unknown"]] == [("2024-099-01", 7), ("", 8)]
    assert "未识别" in stderr
    assert len(read_ledger(out).rows) == len(read_ledger(ledger).rows)


def test_merged_cell_is_read_in_every_row(made: tuple[Path, Path, Path], tmp_path: Path) -> None:
    ledger, xlsx, _ = made
    form = _edit_xlsx(_form(xlsx, "基教科"), tmp_path / "r.xlsx", {("2024-001-01", "状态"): "推进中"})
    wb = openpyxl.load_workbook(form)
    ws = wb.active
    c = COL["状态"]
    ws.merge_cells(start_row=FIRST, start_column=c, end_row=FIRST + 1, end_column=c)
    wb.save(form)
    code, _, stderr, out = _collect(ledger, form)
    assert code == 0, stderr
    rows = read_ledger(out).by_key()
    assert rows["2024-001-01"].status == rows["2024-003-02"].status == "推进中"


def test_date_as_text_and_status_outside_the_list(made: tuple[Path, Path, Path], tmp_path: Path) -> None:
    ledger, xlsx, _ = made
    form = _edit_xlsx(
        _form(xlsx, "基教科"),
        tmp_path / "r.xlsx",
        {
            ("2024-001-01", "更新日期"): "7月1日",
            ("2024-001-01", "状态"): "差不多了",
            ("2024-003-02", "状态"): "进行中",
            ("2024-004-02", "更新日期"): "下周",
        },
    )
    code, summary, stderr, out = _collect(ledger, form)
    assert code == 0, stderr
    rows = read_ledger(out).by_key()
    assert rows["2024-001-01"].updated == dt.date(2024, 7, 1)
    assert rows["2024-001-01"].status == "未开始"  # kept; the value is reported
    assert rows["2024-003-02"].status == "推进中"
    assert rows["2024-004-02"].updated is None
    notes = "\n".join(summary["notes"])
    assert "“7月1日”按 2024-07-01 读取" in notes
    assert "状态“差不多了”不在列表" in notes
    assert "状态“进行中”按“推进中”读取" in notes
    assert "“下周”不是日期" in notes


def test_another_notices_forms_and_ledger_are_refused(made: tuple[Path, Path, Path], tmp_path: Path) -> None:
    ledger, xlsx, _ = made
    other = tmp_path / "other"
    other.mkdir()
    other_ledger = other / "台账.xlsx"
    assert run_cli("ledger", SAMPLES / "changde-2024.txt", "-o", other_ledger).exit_code == 0
    assert run_cli("forms", other_ledger, "-o", other / "forms").exit_code == 0
    good = _edit_xlsx(_form(xlsx, "基教科"), tmp_path / "r.xlsx", {("2024-001-01", "责任人"): "王老师"})
    code, summary, stderr, out = _collect(
        ledger, good, other / "forms" / "基教科-2024年工作任务进展表.xlsx", other_ledger
    )
    assert code == 1
    assert len(summary["refused"]) == 2
    assert "另一份台账生成的进展表" in stderr and "这是另一份台账（" in stderr
    assert read_ledger(out).by_key()["2024-001-01"].person == "王老师"


def test_unreadable_file_is_listed_and_skipped(made: tuple[Path, Path, Path], tmp_path: Path) -> None:
    ledger, xlsx, _ = made
    bad = tmp_path / "坏文件.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    text = tmp_path / "说明.xlsx"
    text.write_text("纯文本", encoding="utf-8")
    good = _edit_xlsx(_form(xlsx, "师范科"), tmp_path / "r.xlsx", {("2024-005-01", "状态"): "推进中"})
    code, summary, stderr, out = _collect(ledger, bad, text, good)
    assert code == 1
    assert [r["file"] for r in summary["refused"]] == [str(bad), str(text)]
    assert "坏文件.xlsx" in stderr and "Traceback" not in stderr
    assert read_ledger(out).by_key()["2024-005-01"].status == "推进中"


def test_strict_makes_conflicts_fail(made: tuple[Path, Path, Path], tmp_path: Path) -> None:
    ledger, xlsx, _ = made
    a = _edit_xlsx(_form(xlsx, "师范科"), tmp_path / "a.xlsx", {("2024-005-01", "状态"): "推进中"})
    b = _edit_xlsx(_form(xlsx, "师范科"), tmp_path / "b.xlsx", {("2024-005-01", "状态"): "已完成"})
    code, summary, _, _out = _collect(ledger, a, b)
    assert code == 0 and len(summary["conflicts"]) == 1
    code, _, stderr, _ = _collect(ledger, a, b, extra=("--strict",))
    assert code == 1 and "冲突" in stderr


def test_not_a_ledger(tmp_path: Path) -> None:
    result = run_cli("collect", NOTICE, tmp_path, "-o", tmp_path / "x.xlsx")
    assert result.exit_code == 1
    assert "不是台账" in result.stderr
