"""The 督办台账 workbook (`yaodian ledger`) and the offices' forms (`yaodian forms`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import FIXTURES, SAMPLES, run_cli
from yaodian import parse_file
from yaodian.analysis.ledger import build_ledger
from yaodian.ledger_model import COLUMNS, EDITABLE, FORM_COLUMNS, STATUSES
from yaodian.reading.ledger import read_ledger

NOTICE = FIXTURES / "notices" / "ledger_deadlines.txt"


@pytest.fixture
def ledger_xlsx(tmp_path: Path) -> Path:
    out = tmp_path / "台账.xlsx"
    result = run_cli("ledger", NOTICE, "-o", out)
    assert result.exit_code == 0, result.output
    return out


def test_rows_keys_deadlines_and_leaders() -> None:
    ledger = build_ledger(parse_file(NOTICE))
    got = [
        (r.key, r.number, r.office, r.role, r.leader, r.deadline_text, r.deadline, r.status)
        for r in ledger.rows
    ]
    d = dt.date
    assert got == [
        ("2024-001-01", "1", "基教科", "牵头", "张副市长", "6月底前", d(2024, 6, 30), "未开始"),
        ("2024-001-02", "1", "财建科", "配合", "张副市长", "6月底前", d(2024, 6, 30), "未开始"),
        ("2024-002-01", "2", "信息中心", "牵头", "", "秋季开学前", d(2024, 8, 31), "未开始"),
        ("2024-002-02", "2", "财建科", "配合", "", "秋季开学前", d(2024, 8, 31), "未开始"),
        ("2024-003-01", "3", "学前办", "牵头", "", "上半年、年底前", d(2024, 12, 31), "未开始"),
        ("2024-003-02", "3", "基教科", "配合", "", "上半年、年底前", d(2024, 12, 31), "未开始"),
        ("2024-004-01", "4", "人事科", "牵头", "", "长期坚持", None, "持续推进"),
        ("2024-004-02", "4", "基教科", "配合", "", "长期坚持", None, "持续推进"),
        ("2024-005-01", "5", "师范科", "牵头", "", "第三季度", d(2024, 9, 30), "未开始"),
        ("2024-006-01", "6", "人事科", "牵头", "", "2024年11月30日", d(2024, 11, 30), "未开始"),
    ]


def test_keys_are_stable() -> None:
    a = build_ledger(parse_file(NOTICE))
    b = build_ledger(parse_file(NOTICE))
    assert [r.key for r in a.rows] == [r.key for r in b.rows]
    assert a.ident == b.ident
    other = build_ledger(parse_file(SAMPLES / "changde-2024.txt"))
    assert other.ident != a.ident


def test_leaders_table_fills_where_the_notice_names_none(tmp_path: Path) -> None:
    table = tmp_path / "分工.toml"
    table.write_text('"基教科" = "李副局长"\n"人事科" = "王副局长"\n', encoding="utf-8")
    out = tmp_path / "台账.xlsx"
    assert run_cli("ledger", NOTICE, "-o", out, "--leaders", table).exit_code == 0
    leaders = {(r.key): r.leader for r in read_ledger(out).rows}
    assert leaders["2024-001-01"] == "张副市长"  # the notice's own wins
    assert leaders["2024-003-02"] == "李副局长"
    assert leaders["2024-006-01"] == "王副局长"
    assert leaders["2024-005-01"] == ""


def test_bad_leaders_table(tmp_path: Path) -> None:
    table = tmp_path / "分工.toml"
    table.write_text("基教科 = 李\n", encoding="utf-8")
    result = run_cli("ledger", NOTICE, "-o", tmp_path / "x.xlsx", "--leaders", table)
    assert result.exit_code == 1
    assert "不是有效的 TOML" in result.stderr


def test_ledger_sheet(ledger_xlsx: Path) -> None:
    wb = openpyxl.load_workbook(ledger_xlsx)
    assert wb.sheetnames == ["台账", "汇总", "修改记录", "说明"]
    ws = wb["台账"]
    assert tuple(c.value for c in ws[1]) == COLUMNS
    assert ws.max_row == 11
    due = ws.cell(row=2, column=COLUMNS.index("截止日期") + 1)
    assert due.value == dt.datetime(2024, 6, 30)
    assert due.is_date and due.number_format == "yyyy-mm-dd"
    assert ws.cell(row=8, column=COLUMNS.index("截止日期") + 1).value is None  # 长期坚持
    # the status drop-down
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1 and lists[0].formula1 == '"' + ",".join(STATUSES) + '"'
    assert "M2" in lists[0].sqref
    # overdue highlighted against TODAY()
    rules = [r for rng in ws.conditional_formatting for r in rng.rules]
    assert any("TODAY()" in r.formula[0] and "<TODAY()" in r.formula[0] for r in rules)
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref == "A1:N11"
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert "&P" in ws.oddFooter.center.text


def test_summary_and_notes(ledger_xlsx: Path) -> None:
    wb = openpyxl.load_workbook(ledger_xlsx)
    summary = wb["汇总"]
    assert [c.value for c in summary[1]] == ["科室", "合计", *STATUSES, "逾期"]
    assert [summary.cell(row=r, column=1).value for r in range(2, 8)] == [
        "基教科", "财建科", "信息中心", "学前办", "人事科", "师范科"
    ]  # fmt: skip
    assert summary["B2"].value.startswith("=COUNTIF(")
    assert "TODAY()" in summary["H2"].value
    notes = {r[0]: r[1] for r in wb["说明"].iter_rows(values_only=True) if r[0]}
    assert notes["通知"] == "某市教育局2024年工作要点"
    assert len(notes["台账标识"]) == 12
    assert "8月31日" in notes["截止日期"]


def test_ledger_reads_back(ledger_xlsx: Path) -> None:
    assert read_ledger(ledger_xlsx) == build_ledger(parse_file(NOTICE))


def test_ledger_of_the_sample(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    result = run_cli("ledger", SAMPLES / "changde-2024.txt", "-o", out)
    assert result.exit_code == 0, result.output
    assert "35 项条目" in result.stderr
    assert len(read_ledger(out).rows) == sum(
        len(i.offices) for i in parse_file(SAMPLES / "changde-2024.txt").items
    )


def test_ledger_needs_xlsx_name(tmp_path: Path) -> None:
    result = run_cli("ledger", NOTICE, "-o", tmp_path / "台账.xls")
    assert result.exit_code == 2
    assert ".xlsx" in result.stderr


def test_forms_xlsx(ledger_xlsx: Path, tmp_path: Path) -> None:
    out = tmp_path / "forms"
    result = run_cli("forms", ledger_xlsx, "-o", out)
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert "基教科-2024年工作任务进展表.xlsx" in names and len(names) == 6
    ws = openpyxl.load_workbook(out / "基教科-2024年工作任务进展表.xlsx").active
    assert ws.protection.sheet and not ws.protection.password
    header = [c.value for c in ws[3]]
    assert tuple(header) == FORM_COLUMNS
    assert "台账标识" in ws["A2"].value and "科室：基教科" in ws["A2"].value
    keys = [ws.cell(row=r, column=1).value for r in range(4, ws.max_row + 1)]
    assert keys == ["2024-001-01", "2024-003-02", "2024-004-02"]
    for c, name in enumerate(header, start=1):
        locked = ws.cell(row=4, column=c).protection.locked
        assert locked is (name not in EDITABLE), name


def test_forms_docx(ledger_xlsx: Path, tmp_path: Path) -> None:
    out = tmp_path / "forms"
    assert run_cli("forms", ledger_xlsx, "-o", out, "--format", "docx").exit_code == 0
    document = docx.Document(str(out / "基教科-2024年工作任务进展表.docx"))
    table = document.tables[0]
    assert tuple(c.text for c in table.rows[0].cells) == FORM_COLUMNS
    assert [r.cells[0].text for r in table.rows[1:]] == ["2024-001-01", "2024-003-02", "2024-004-02"]
    assert any("台账标识" in p.text for p in document.paragraphs)
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape A4


def test_forms_refuse_a_notice(tmp_path: Path) -> None:
    result = run_cli("forms", NOTICE, "-o", tmp_path / "forms")
    assert result.exit_code == 1
    assert "台账" in result.stderr


def test_previous_marks_unfinished_rows(ledger_xlsx: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(ledger_xlsx)
    ws = wb["台账"]
    ws["M3"] = "已完成"  # 2024-001-02 财建科 done last year
    ws["M2"] = "推进中"
    wb.save(ledger_xlsx)
    out = tmp_path / "新台账.xlsx"
    result = run_cli("ledger", NOTICE, "-o", out, "--previous", ledger_xlsx)
    assert result.exit_code == 0, result.output
    new = openpyxl.load_workbook(out)["台账"]
    assert new.cell(row=1, column=15).value == "上年状态"
    previous = {r.key: r.previous for r in read_ledger(out).rows}
    assert previous["2024-001-01"] == "推进中"
    assert previous["2024-001-02"] == ""
    assert previous["2024-004-01"] == "持续推进"


def test_leader_and_deadline_columns_of_a_table() -> None:
    ledger = build_ledger(parse_file(FIXTURES / "notices" / "table_rows.txt"))
    got = [(r.key, r.office, r.leader, r.deadline_text, r.deadline, r.status) for r in ledger.rows[:4]]
    assert got == [
        ("2025-001-01", "区商务局", "李某", "2025年12月底", dt.date(2025, 12, 31), "未开始"),
        ("2025-001-02", "区交通局", "李某", "2025年12月底", dt.date(2025, 12, 31), "未开始"),
        ("2025-001-03", "区财政局", "李某", "2025年12月底", dt.date(2025, 12, 31), "未开始"),
        ("2025-002-01", "区住建局", "赵某", "全年", None, "持续推进"),
    ]


def test_item_without_office_keeps_a_row(tmp_path: Path) -> None:
    notice = tmp_path / "n.txt"
    notice.write_text(
        "某局2024年工作要点\n一、任务\n1.做好甲事。（责任科室：甲科）\n2.做好乙事，年底前完成。\n",
        encoding="utf-8",
    )
    rows = build_ledger(parse_file(notice)).rows
    assert [(r.key, r.office, r.deadline) for r in rows] == [
        ("2024-001-01", "甲科", None),
        ("2024-002-01", "", dt.date(2024, 12, 31)),
    ]
    out = tmp_path / "台账.xlsx"
    assert run_cli("ledger", notice, "-o", out).exit_code == 0
    result = run_cli("forms", out, "-o", tmp_path / "forms")
    assert result.exit_code == 0
    assert "第 2 条没有责任科室" in result.stderr


@pytest.mark.soffice
def test_summary_formulas_compute_in_libreoffice(ledger_xlsx: Path, tmp_path: Path) -> None:
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    wb = openpyxl.load_workbook(ledger_xlsx)
    wb["台账"]["M2"] = "已完成"
    wb.save(ledger_xlsx)
    # the 汇总 sheet (the 2nd) as CSV, every formula recalculated by LibreOffice
    csv_filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2"
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to", csv_filter,
         "--outdir", str(tmp_path), str(ledger_xlsx)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    rows = (tmp_path / "台账-汇总.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "科室,合计,未开始,推进中,已完成,滞后,持续推进,逾期"
    assert rows[1].split(",")[:7] == ["基教科", "3", "1", "0", "1", "0", "1"]
    assert rows[-1].split(",")[:7] == ["合计", "10", "7", "0", "1", "0", "2"]


@pytest.mark.soffice
def test_ledger_saved_by_libreoffice_reads_the_same(ledger_xlsx: Path, tmp_path: Path) -> None:
    from conftest import soffice_convert

    out = tmp_path / "lo"
    out.mkdir()
    assert read_ledger(soffice_convert(ledger_xlsx, "xlsx", out)) == read_ledger(ledger_xlsx)
