"""Every workbook yaodian writes prints (issue 10): A4, `第 &P 页 共 &N 页` in the footer of every
sheet, the header row repeated; the matrix's chart in the 牵头/配合 colours of the matrix."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import SAMPLES, run_cli
from yaodian.writers import palette
from yaodian.writers.xlsx_common import PAGE_FOOTER

DIFF = SAMPLES / "diff"


def _workbooks(tmp_path: Path, sample: Path) -> list[Path]:
    runs = [
        ("matrix", sample, "-o", tmp_path / "m.xlsx"),
        ("tasks", sample, "-o", tmp_path / "t.xlsx"),
        ("diff", DIFF / "2023.txt", DIFF / "2024.txt", "-o", tmp_path / "d.xlsx"),
        ("batch", SAMPLES / "shapes", "-o", tmp_path / "b", "-j", "1"),
    ]
    for args in runs:
        code, _, err = run_cli(*args)
        assert code == 0, err
    return [tmp_path / "m.xlsx", tmp_path / "t.xlsx", tmp_path / "d.xlsx", tmp_path / "b" / "index.xlsx",
            tmp_path / "b" / "tasks.xlsx"]  # fmt: skip


def test_every_sheet_of_every_workbook_is_a4_with_page_numbers(tmp_path: Path, sample_path: Path) -> None:
    for path in _workbooks(tmp_path, sample_path):
        wb = load_workbook(path)
        for ws in wb.worksheets:
            where = f"{path.name}/{ws.title}"
            assert str(ws.page_setup.paperSize) == "9", where  # 9 = A4
            assert ws.oddFooter.center.text == PAGE_FOOTER, where
            assert ws.sheet_properties.pageSetUpPr.fitToPage, where


@pytest.mark.parametrize("name", ["m.xlsx", "t.xlsx", "index.xlsx", "tasks.xlsx"])
def test_header_rows_repeat_on_every_page(tmp_path: Path, sample_path: Path, name: str) -> None:
    paths = {p.name: p for p in _workbooks(tmp_path, sample_path)}
    ws = load_workbook(paths[name]).worksheets[0]
    assert ws.print_title_rows


def test_chart_bars_in_the_matrix_colours(tmp_path: Path, sample_path: Path) -> None:
    code, _, err = run_cli("matrix", sample_path, "-o", tmp_path / "m.xlsx")
    assert code == 0, err
    import zipfile

    chart = zipfile.ZipFile(tmp_path / "m.xlsx").read("xl/charts/chart1.xml").decode()
    assert palette.LEAD_STRONG in chart and palette.SUPPORT_STRONG in chart
    assert chart.index(palette.LEAD_STRONG) < chart.index(palette.SUPPORT_STRONG)  # 牵头 first


def test_task_list_sheet_has_borders(tmp_path: Path, sample_path: Path) -> None:
    code, _, err = run_cli("matrix", sample_path, "-o", tmp_path / "m.xlsx")
    assert code == 0, err
    ws = load_workbook(tmp_path / "m.xlsx")["任务清单"]
    for row in ws.iter_rows(min_row=1, max_row=3):
        for cell in row:
            assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin"
