"""`yaodian matrix`, `sheets` and `tasks` in-process (CliRunner), outputs re-opened."""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import GOLDEN, run_cli
from yaodian.analysis.assignments import office_tasks
from yaodian.model import Notice

# --- matrix -------------------------------------------------------------------------------------


def test_matrix_writes_workbook(tmp_path: Path, sample_path: Path) -> None:
    out = tmp_path / "矩阵.xlsx"
    code, stdout, stderr = run_cli("matrix", sample_path, "-o", out)
    assert code == 0, stderr
    assert stdout == ""
    assert "35 项条目 × 25 个科室" in stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["责任矩阵", "任务清单", "科室统计", "说明"]
    assert wb["任务清单"].max_row == 36


def test_matrix_existing_file_checked_before_reading(tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    out.write_bytes(b"old")
    # The input does not exist: the output check must fail first, before any parsing.
    code, _, stderr = run_cli("matrix", tmp_path / "missing.txt", "-o", out)
    assert code == 1
    assert "--force" in stderr and "missing.txt" not in stderr
    assert out.read_bytes() == b"old"


def test_matrix_force_replaces(tmp_path: Path, sample_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    out.write_bytes(b"old")
    code, _, stderr = run_cli("matrix", sample_path, "-o", out, "--force")
    assert code == 0, stderr
    assert openpyxl.load_workbook(out).sheetnames[0] == "责任矩阵"


@pytest.mark.parametrize("where", ["missing-folder", "folder-in-place"])
def test_matrix_unwritable_destination(tmp_path: Path, sample_path: Path, where: str) -> None:
    if where == "missing-folder":
        out = tmp_path / "nope" / "m.xlsx"
    else:
        out = tmp_path / "m.xlsx"
        out.mkdir()
    code, _, stderr = run_cli("matrix", sample_path, "-o", out)
    assert code == 1
    assert stderr.startswith("yaodian：错误：")
    assert ("不存在" in stderr) if where == "missing-folder" else ("文件夹" in stderr)
    assert "Traceback" not in stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere")
def test_matrix_read_only_folder(tmp_path: Path, sample_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, _, stderr = run_cli("matrix", sample_path, "-o", folder / "m.xlsx")
    finally:
        folder.chmod(0o700)
    assert code == 1
    assert "权限" in stderr


def test_matrix_needs_output(tmp_path: Path, sample_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = run_cli("matrix", sample_path)
    assert code == 2
    assert "--output" in stderr
    assert stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_matrix_output_must_be_xlsx(tmp_path: Path, sample_path: Path) -> None:
    code, _, stderr = run_cli("matrix", sample_path, "-o", tmp_path / "矩阵")
    assert code == 2
    assert ".xlsx" in stderr
    assert list(tmp_path.iterdir()) == []


# --- sheets -------------------------------------------------------------------------------------


def test_sheets_all_offices(tmp_path: Path, sample_path: Path) -> None:
    out = tmp_path / "sheets"
    code, _, stderr = run_cli("sheets", sample_path, "-o", out)
    assert code == 0, stderr
    files = sorted(out.rglob("*.docx"))
    assert len(files) == 25
    rows = docx.Document(str(out / "基教科-2024年工作任务清单.docx")).tables[0].rows
    assert len(rows) == 20  # header + 19 tasks


def test_sheets_some_offices_windows_fonts(tmp_path: Path, sample_path: Path) -> None:
    code, _, stderr = run_cli(
        "sheets",
        sample_path,
        "-o",
        tmp_path,
        "--office",
        "基教科",
        "--office",
        "办公室",
        "--fonts",
        "windows",
    )
    assert code == 0, stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "办公室-2024年工作任务清单.docx",
        "基教科-2024年工作任务清单.docx",
    ]
    styles = zipfile.ZipFile(tmp_path / "基教科-2024年工作任务清单.docx").read("word/styles.xml").decode()
    assert 'w:eastAsia="仿宋"' in styles
    assert "仿宋_GB2312" not in styles


def test_sheets_single_file(tmp_path: Path, sample_path: Path) -> None:
    out = tmp_path / "全部.docx"
    code, _, stderr = run_cli("sheets", sample_path, "-o", out, "--single")
    assert code == 0, stderr
    doc = docx.Document(str(out))
    assert len(doc.tables) == 25
    assert len(doc.sections) == 25


def test_sheets_existing_file_stops_everything(tmp_path: Path, sample_path: Path) -> None:
    (tmp_path / "办公室-2024年工作任务清单.docx").write_bytes(b"old")
    code, _, stderr = run_cli("sheets", sample_path, "-o", tmp_path)
    assert code == 1
    assert "--force" in stderr
    assert [p.name for p in tmp_path.iterdir()] == ["办公室-2024年工作任务清单.docx"]


def test_sheets_unknown_office(tmp_path: Path, sample_path: Path) -> None:
    code, _, stderr = run_cli("sheets", sample_path, "-o", tmp_path, "--office", "基础教育")
    assert code == 1
    assert "基础教育" in stderr
    assert list(tmp_path.iterdir()) == []


def test_sheets_output_is_a_file(tmp_path: Path, sample_path: Path) -> None:
    (tmp_path / "x").write_text("file")
    code, _, stderr = run_cli("sheets", sample_path, "-o", tmp_path / "x")
    assert code == 1
    assert "同名文件" in stderr


def test_sheets_bad_font_profile(tmp_path: Path, sample_path: Path) -> None:
    code, _, stderr = run_cli("sheets", sample_path, "-o", tmp_path / "out", "--fonts", "linux")
    assert code == 2
    assert "linux" in stderr and "gb2312" in stderr
    assert list(tmp_path.iterdir()) == []


# --- tasks --------------------------------------------------------------------------------------


def test_tasks_table_on_stdout(sample_path: Path, sample_notice: Notice) -> None:
    code, stdout, stderr = run_cli("tasks", sample_path, "--office", "基教科")
    assert code == 0, stderr
    assert "基教科2024年工作任务清单（牵头 7 项，配合 12 项）" in stdout
    (jijiao,) = office_tasks(sample_notice, offices=["基教科"])
    rows = [line for line in stdout.splitlines() if line.lstrip("│ ").split(" ")[0].isdigit()]
    assert len(rows) >= jijiao.total
    assert stdout.index("牵头") < stdout.index("配合")
    assert "基教科2024年工作任务清单（牵头 7 项，配合 12 项）" in stdout
    assert "深化招生考试改革" in stdout


def test_tasks_markdown_matches_golden(sample_path: Path) -> None:
    code, stdout, _ = run_cli("tasks", sample_path, "--office", "基教科", "--format", "md")
    assert code == 0
    assert stdout == (GOLDEN / "tasks-sample-jijiaoke.md").read_text(encoding="utf-8")


def test_tasks_json_all_offices(sample_path: Path) -> None:
    code, stdout, _ = run_cli("tasks", sample_path, "-F", "json")
    assert code == 0
    data = json.loads(stdout)
    assert len(data["offices"]) == 25
    jjk = next(o for o in data["offices"] if o["name"] == "基教科")
    assert (len(jjk["lead"]), len(jjk["support"])) == (7, 12)


def test_tasks_role_filter(sample_path: Path) -> None:
    code, stdout, _ = run_cli("tasks", sample_path, "--office", "基教科", "--role", "support", "-F", "json")
    assert code == 0
    (office,) = json.loads(stdout)["offices"]
    assert office["lead"] == []
    assert len(office["support"]) == 12


def test_tasks_csv_file_has_bom(tmp_path: Path, sample_path: Path) -> None:
    out = tmp_path / "t.csv"
    code, _, stderr = run_cli("tasks", sample_path, "--office", "基教科", "-o", out)
    assert code == 0, stderr
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 20
    assert [r[1] for r in rows[1:]] == ["牵头"] * 7 + ["配合"] * 12


def test_tasks_xlsx(tmp_path: Path, sample_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    code, _, stderr = run_cli("tasks", sample_path, "-F", "xlsx", "-o", out)
    assert code == 0, stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "全部任务"
    assert len(wb.sheetnames) == 26
    ws = wb["基教科"]
    assert ws.max_row == 20
    assert [ws.cell(row=r, column=2).value for r in range(2, 21)] == ["牵头"] * 7 + ["配合"] * 12


def test_tasks_docx(tmp_path: Path, sample_path: Path) -> None:
    out = tmp_path / "t.docx"
    code, _, stderr = run_cli("tasks", sample_path, "--office", "基教科", "-o", out)
    assert code == 0, stderr
    table = docx.Document(str(out)).tables[0]
    assert len(table.rows) == 20


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_tasks_binary_formats_need_output(sample_path: Path, fmt: str) -> None:
    code, stdout, stderr = run_cli("tasks", sample_path, "--format", fmt)
    assert code == 2
    assert stdout == ""
    assert "-o" in stderr


def test_tasks_binary_format_needs_matching_suffix(tmp_path: Path, sample_path: Path) -> None:
    code, _, stderr = run_cli("tasks", sample_path, "-F", "xlsx", "-o", tmp_path / "t.docx")
    assert code == 2
    assert ".xlsx" in stderr


def test_tasks_table_to_file_is_usage_error(tmp_path: Path, sample_path: Path) -> None:
    code, stdout, stderr = run_cli("tasks", sample_path, "--format", "table", "-o", tmp_path / "t.txt")
    assert code == 2
    assert stdout == ""
    assert "table 格式只输出到终端" in stderr
    assert list(tmp_path.iterdir()) == []


def test_tasks_unknown_office_lists_close_names(sample_path: Path) -> None:
    code, stdout, stderr = run_cli("tasks", sample_path, "--office", "基教")
    assert code == 1
    assert stdout == ""
    assert "基教" in stderr and "基教科" in stderr


def test_export_writes_matrix_and_all_sheets(tmp_path: Path, sample_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "分解"
    result = run_cli("export", str(sample_path), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    sheets = sorted(p.name for p in (out / "任务清单").rglob("*.docx"))
    assert len(sheets) == 25 and "基教科-2024年工作任务清单.docx" in sheets
    wb = load_workbook(out / "责任矩阵.xlsx")
    assert wb.sheetnames[0] == "责任矩阵"
    # a second run without --force stops before writing anything
    again = run_cli("export", str(sample_path), "-o", str(out))
    assert again.exit_code == 1
    assert "--force" in again.stderr
    assert run_cli("export", str(sample_path), "-o", str(out), "--force").exit_code == 0


def test_export_missing_parent_folder(tmp_path: Path, sample_path: Path) -> None:
    result = run_cli("export", str(sample_path), "-o", str(tmp_path / "无" / "分解"))
    assert result.exit_code == 1
    assert "不存在" in result.stderr
    assert not (tmp_path / "无").exists()
