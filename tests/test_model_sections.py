"""Sections are addressed by position, not by printed number (`Notice.section_chain`).

A bug found on a real notice, in our own words: a plan printed `一、` twice (the second should
have been `二、`). Items under the second part were filed under the first in the JSON, the
matrix and the task sheets, because every lookup followed the printed number.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from yaodian import parse_file
from yaodian.analysis.assignments import office_tasks, responsibility_matrix
from yaodian.model import Notice
from yaodian.writers.tasks import to_csv
from yaodian.writers.xlsx_matrix import write_matrix

FIXTURE = Path(__file__).parent / "fixtures" / "notices" / "repeated_part_number.txt"
# Item title → the part it stands in.
EXPECTED = {
    "开展主题教育，推动学习常态化": "加强党的建设",
    "落实意识形态工作责任制": "加强党的建设",
    "深化课程改革，推进课堂提质": "推进教育改革",
    "推进集团化办学，扩大优质资源": "推进教育改革",
    "开展校园安全专项检查": "保障校园安全",
}


@pytest.fixture(scope="module")
def notice() -> Notice:
    return parse_file(FIXTURE)


def test_items_know_their_own_section(notice: Notice) -> None:
    assert [s.number for s in notice.sections] == ["一", "一", "三"]
    assert {i.title: notice.section_titles(i)[-1] for i in notice.items} == EXPECTED
    assert [notice.section_path(i) for i in notice.items] == [(0,), (0,), (1,), (1,), (2,)]
    data = notice.to_dict()
    assert {i["title"]: i["section_titles"][-1] for i in data["items"]} == EXPECTED


def test_matrix_rows_and_section_rows(notice: Notice, tmp_path: Path) -> None:
    matrix = responsibility_matrix(notice)
    assert {r.item.title: r.sections[-1].title for r in matrix.rows} == EXPECTED
    wb = openpyxl.load_workbook(write_matrix(notice, tmp_path / "m.xlsx"))
    ws = wb["责任矩阵"]
    column_b = [ws.cell(row=r, column=2).value for r in range(4, ws.max_row + 1)]
    # Each part gets its own heading row, directly above its own items.
    assert column_b[:9] == [
        "一、加强党的建设",
        "开展主题教育，推动学习常态化",
        "落实意识形态工作责任制",
        "一、推进教育改革",
        "深化课程改革，推进课堂提质",
        "推进集团化办学，扩大优质资源",
        "三、保障校园安全",
        "开展校园安全专项检查",
        "牵头（条）",
    ]
    tasks = wb["任务清单"]
    parts = {row[2]: row[1] for row in tasks.iter_rows(min_row=2, values_only=True)}
    assert parts == {title: f"{'三' if p == '保障校园安全' else '一'}、{p}" for title, p in EXPECTED.items()}


def test_task_sheets_name_the_right_part(notice: Notice) -> None:
    (jijiao,) = office_tasks(notice, offices=["基教科"])
    assert [t.sections for t in jijiao.tasks] == [("推进教育改革",), ("推进教育改革",)]
    rows = list(csv.DictReader(io.StringIO(to_csv(notice, office_tasks(notice)))))
    assert {r["工作任务"]: r["部分"] for r in rows} == EXPECTED
