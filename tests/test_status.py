"""`yaodian status`: per-office progress as of a day, the 通报 and the 催办单."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import FIXTURES, run_cli
from yaodian import parse_file
from yaodian.analysis.ledger import build_ledger
from yaodian.analysis.status import status_report

NOTICE = FIXTURES / "notices" / "ledger_deadlines.txt"


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    out = tmp_path / "台账.xlsx"
    assert run_cli("ledger", NOTICE, "-o", out).exit_code == 0
    wb = openpyxl.load_workbook(out)
    ws = wb["台账"]
    ws["M2"] = "推进中"  # 2024-001-01 基教科, due 06-30
    ws["M3"] = "已完成"  # 2024-001-02 财建科, due 06-30
    wb.save(out)
    return out


def test_json_keys_and_counts(ledger: Path) -> None:
    result = run_cli("status", ledger, "--as-of", "2024-07-10", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["as_of", "offices", "overdue"]
    assert data["as_of"] == "2024-07-10"
    assert list(data["offices"][0]) == [
        "name",
        "total",
        "done",
        "in_progress",
        "not_started",
        "overdue",
        "due_soon",
    ]
    offices = {o["name"]: o for o in data["offices"]}
    assert offices["基教科"] == {
        "name": "基教科", "total": 3, "done": 0, "in_progress": 1, "not_started": 1, "overdue": 1, "due_soon": 0
    }  # fmt: skip
    assert offices["财建科"]["done"] == 1 and offices["财建科"]["overdue"] == 0
    assert data["overdue"] == [
        {
            "key": "2024-001-01",
            "number": "1",
            "office": "基教科",
            "role": "牵头",
            "deadline": "2024-06-30",
            "status": "推进中",
        }
    ]


def test_due_soon_and_ongoing() -> None:
    ledger = build_ledger(parse_file(NOTICE))
    report = status_report(ledger, dt.date(2024, 8, 10))
    assert [r.key for r in report.due_soon] == ["2024-002-01", "2024-002-02"]  # 秋季开学前 08-31
    assert [r.key for r in report.overdue] == ["2024-001-01", "2024-001-02"]
    assert not any(r.key.startswith("2024-004") for r in report.overdue)  # 长期坚持 has no date


def test_markdown_and_table(ledger: Path) -> None:
    md = run_cli("status", ledger, "--as-of", "2024-07-10", "--format", "md").stdout
    assert "截至2024年7月10日，台账共 10 项任务，已完成 1 项（10.0%），逾期 1 项，涉及 1 个科室" in md
    assert "| 2024-001-01 | 1 | 基教科 | 牵头 | 2024-06-30 | 推进中 |" in md
    table = run_cli("status", ledger, "--as-of", "2024-07-10")
    assert table.exit_code == 0 and "基教科" in table.stdout


def test_bulletin_xlsx_and_reminders(ledger: Path, tmp_path: Path) -> None:
    bulletin = tmp_path / "通报.docx"
    result = run_cli(
        "status",
        ledger,
        "--as-of",
        "2024-07-10",
        "-F",
        "docx",
        "-o",
        bulletin,
        "--reminders",
        tmp_path / "催办",
    )
    assert result.exit_code == 0, result.output
    document = docx.Document(str(bulletin))
    text = [p.text for p in document.paragraphs]
    assert text[0] == "关于2024年工作要点推进情况的通报"
    assert any(t.startswith("截至2024年7月10日") for t in text)
    assert "二、逾期任务" in text
    assert len(document.tables) == 6 + 1  # one per office, then the overdue list
    assert document.tables[-1].rows[1].cells[0].text == "2024-001-01"
    assert sorted(p.name for p in (tmp_path / "催办").iterdir()) == ["基教科-催办单.docx"]
    reminder = docx.Document(str(tmp_path / "催办" / "基教科-催办单.docx"))
    assert reminder.paragraphs[1].text == "基教科："
    assert reminder.tables[0].rows[1].cells[0].text == "2024-001-01"
    sheet = tmp_path / "进度.xlsx"
    assert run_cli("status", ledger, "--as-of", "2024-07-10", "-F", "xlsx", "-o", sheet).exit_code == 0
    wb = openpyxl.load_workbook(sheet)
    assert wb.sheetnames == ["各科室进度", "逾期任务"]
    assert wb["各科室进度"]["B3"].value == 3


def test_bad_options(ledger: Path, tmp_path: Path) -> None:
    assert run_cli("status", ledger, "--as-of", "7月1日").exit_code == 2
    result = run_cli("status", ledger, "-F", "docx")
    assert result.exit_code == 2 and "-o" in result.stderr
