"""The xlsx writers: the sanitiser, the matrix workbook (re-opened cell by cell), LibreOffice."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import make_notice, pdf_pages, soffice_convert, squeeze
from yaodian.errors import OutputError
from yaodian.model import Notice
from yaodian.writers.sanitise import clean_text, csv_safe
from yaodian.writers.xlsx_common import (
    column_width,
    display_width,
    put,
    row_height,
    safe_sheet_name,
    wrapped_lines,
)
from yaodian.writers.xlsx_matrix import write_matrix

LONG_SLASH_NAME = (
    "市某某某某委员会/办公室下属某某某某某某某某某某某某某某某某某某某某某某综合科"  # 40 characters
)
HOSTILE_PLAN = [
    (
        "一",
        "危险文本\x07测试",
        [
            (
                "=cmd|' /C calc'!A0",
                "正文里有响铃\x07和𠀀字，还有\ufffe非字符。",
                "=cmd|' /C calc'!A0、@SUM(1)",
                None,
            ),
            ("-1+2", "+号开头。", f"{LONG_SLASH_NAME}、@SUM(1)", "=NOW()"),
        ],
    )
]


# --- sanitiser ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("普通文本", "普通文本"),
        ("响\x07铃\x00空\x1f控", "响铃空控"),
        ("换行\n保留\t制表\r回车", "换行\n保留\t制表\r回车"),
        ("非字符\ufffe\uffff", "非字符"),
        ("孤立\ud800代理\udfff", "孤立代理"),
        ("扩展B区𠀀字", "扩展B区𠀀字"),
        ("😀表情", "😀表情"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_clean_text_cuts_at_excel_cell_limit() -> None:
    text = clean_text("字" * 40000)
    assert len(text) == 32767
    assert text.endswith("…")


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("+86", "'+86"),
        ("-5", "'-5"),
        ("基教科", "基教科"),
        ("a=b", "a=b"),
        ("\t=1+2", "'\t=1+2"),
    ],
)
def test_csv_safe(raw: str, safe: str) -> None:
    assert csv_safe(raw) == safe


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("责任矩阵", "责任矩阵"),
        ("a/b\\c?d*e[f]g:h", "a_b_c_d_e_f_g_h"),
        ("'引号'", "引号"),
        ("", "Sheet"),
        ("history", "History_"),
        ("科" * 40, "科" * 31),
    ],
)
def test_safe_sheet_name(name: str, expected: str) -> None:
    assert safe_sheet_name(name) == expected


def test_safe_sheet_name_unique_and_short() -> None:
    first = safe_sheet_name(LONG_SLASH_NAME)
    second = safe_sheet_name(LONG_SLASH_NAME, [first])
    third = safe_sheet_name(LONG_SLASH_NAME, [first, second])
    assert len({first, second, third}) == 3
    for name in (first, second, third):
        assert len(name) <= 31
        assert "/" not in name
    assert second.endswith("(2)") and third.endswith("(3)")
    assert safe_sheet_name("Sheet", ["SHEET"]) == "Sheet(2)"


def test_display_width_counts_cjk_as_two() -> None:
    assert display_width("abc") == 3
    assert display_width("基教科") == 6
    assert display_width("（一）") == 6  # fullwidth brackets
    assert display_width("𠀀") == 2
    assert column_width(["基教科", "ab"], pad=2) == 8
    assert column_width(["字" * 100], maximum=40) == 40
    assert column_width([], minimum=5) == 5


def test_wrapped_lines_and_row_height() -> None:
    assert wrapped_lines("字" * 20, 11) == 4  # 40 units in a 10-unit usable width
    assert wrapped_lines("ab", 11) == 1
    assert wrapped_lines("一行\n两行", 40) == 2
    assert row_height([("字" * 20, 11), ("短", 11)]) == 61.0  # 4 lines × 14.5 + 3
    assert row_height([("短", 11)]) == 17.5
    assert row_height([]) == 17.5


def test_put_keeps_formula_like_text_as_text(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    put(ws, 1, 1, "=cmd|' /C calc'!A0")
    put(ws, 2, 1, "@SUM(1)")
    put(ws, 3, 1, "基教科")
    put(ws, 4, 1, 7)
    path = tmp_path / "x.xlsx"
    wb.save(path)
    ws2 = openpyxl.load_workbook(path).active
    assert ws2["A1"].value == "=cmd|' /C calc'!A0"
    assert ws2["A1"].data_type == "s"
    assert ws2["A1"].quotePrefix is True
    assert ws2["A2"].value == "@SUM(1)" and ws2["A2"].quotePrefix is True
    assert ws2["A3"].quotePrefix is False
    assert ws2["A4"].value == 7
    sheet_xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_any_text_survives_a_save(tmp_path_factory: pytest.TempPathFactory, value: str) -> None:
    """Whatever the notice holds, the workbook opens again and keeps the text (minus XML-illegal
    characters; XML readers turn CR into LF)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    put(ws, 1, 1, value)
    ws.title = safe_sheet_name(value)
    path = tmp_path_factory.mktemp("prop") / "p.xlsx"
    wb.save(path)
    back = openpyxl.load_workbook(path).active
    expected = clean_text(value)
    assert (back["A1"].value or "") in {expected, expected.replace("\r\n", "\n").replace("\r", "\n")}
    assert back.title == safe_sheet_name(value)
    assert back["A1"].data_type != "f"  # never a formula


# --- the matrix workbook ------------------------------------------------------------------------


def _matrix(tmp_path: Path, notice: Notice) -> openpyxl.Workbook:
    path = write_matrix(notice, tmp_path / "m.xlsx")
    return openpyxl.load_workbook(path)


def test_matrix_sheets_and_layout(tmp_path: Path) -> None:
    wb = _matrix(tmp_path, make_notice())
    assert wb.sheetnames == ["责任矩阵", "任务清单", "科室统计", "说明"]
    ws = wb["责任矩阵"]
    assert ws["A1"].value == "某市教育局2024年工作要点（2024年2月5日） 责任矩阵"
    header = [c.value for c in ws[3]]
    assert header == [
        "序号",
        "工作任务",
        "牵头",
        "财务科",
        "人事科",
        "办公室",
        "基建办",
        "各区教育局",
        "科室数",
    ]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4)]
    assert rows[0][:2] == [None, "一、加强队伍建设"]
    assert rows[1] == ["1", "健全培训制度", "人事科", None, "●", "○", None, None, 2]
    assert rows[2] == ["2", "优化考核办法", "办公室", "○", "○", "●", None, None, 3]
    assert rows[3][:2] == [None, "二、改善办学条件"]
    assert rows[4] == ["3", "推进校舍改造", "财务科", "●", None, None, "○", "○", 3]
    assert rows[5] == ["4", "完善装备配置", "基建办", "○", None, None, "●", None, 2]
    assert rows[6] == [None, "牵头（条）", None, 1, 1, 1, 1, 0, 4]
    assert rows[7] == [None, "配合（条）", None, 2, 1, 1, 1, 1, 6]
    assert rows[8] == [None, "合计（条）", None, 3, 2, 2, 2, 1, 10]
    assert len(rows) == 9


def test_matrix_marks_have_distinct_fills_and_vertical_heads(tmp_path: Path) -> None:
    ws = _matrix(tmp_path, make_notice())["责任矩阵"]
    lead, support = ws["E5"], ws["F5"]
    assert (lead.value, support.value) == ("●", "○")
    assert lead.fill.fgColor.rgb != support.fill.fgColor.rgb
    assert lead.fill.fill_type == "solid" and support.fill.fill_type == "solid"
    assert ws["D3"].alignment.text_rotation == 255
    assert ws["B5"].alignment.wrap_text is True


def test_matrix_freeze_filter_print(tmp_path: Path) -> None:
    ws = _matrix(tmp_path, make_notice())["责任矩阵"]
    assert ws.freeze_panes == "D4"
    assert ws.auto_filter.ref == "A3:I9"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == "$3:$3"
    # office columns narrow, title column wide enough for CJK text
    assert ws.column_dimensions["D"].width == 4.5
    assert ws.column_dimensions["B"].width >= 24


def test_task_list_sheet_is_a_table_without_autofilter(tmp_path: Path) -> None:
    ws = _matrix(tmp_path, make_notice())["任务清单"]
    assert [c.value for c in ws[1]] == ["序号", "部分", "工作任务", "具体内容", "牵头", "配合", "完成时限"]
    assert [c.value for c in ws[4]] == [
        "3",
        "二、改善办学条件",
        "推进校舍改造",
        "完成十所学校的屋面翻新。",
        "财务科",
        "基建办、各区教育局",
        None,
    ]
    assert ws["G5"].value == "2024年6月底"
    assert ws.row_dimensions[2].height >= 17.5
    assert list(ws.tables) == ["TaskList"]
    assert ws.tables["TaskList"].ref == "A1:G5"
    assert ws.auto_filter.ref is None


def test_stats_sheet_and_chart(tmp_path: Path) -> None:
    ws = _matrix(tmp_path, make_notice())["科室统计"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows == [
        ["科室", "牵头", "配合", "合计"],
        ["财务科", 1, 2, 3],
        ["人事科", 1, 1, 2],
        ["办公室", 1, 1, 2],
        ["基建办", 1, 1, 2],
        ["各区教育局", 0, 1, 1],
    ]
    with zipfile.ZipFile(tmp_path / "m.xlsx") as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        assert '<barDir val="bar"/>' in z.read(charts[0]).decode()


def test_notes_sheet(tmp_path: Path) -> None:
    ws = _matrix(tmp_path, make_notice())["说明"]
    notes = {r[0].value: r[1].value for r in ws.iter_rows() if r[0].value}
    assert notes["来源文件"] == "plan.txt"
    assert notes["标题"] == "某市教育局2024年工作要点"
    assert notes["成文日期"] == "2024年2月5日"
    assert notes["发文机关"] == "某市教育局"
    assert notes["生成工具"].startswith("yaodian ")
    assert notes["解析提示"] == "无"


def test_matrix_hostile_text(tmp_path: Path) -> None:
    wb = _matrix(tmp_path, make_notice(HOSTILE_PLAN))
    ws = wb["责任矩阵"]
    header = [c.value for c in ws[3]]
    assert header[3:6] == ["@SUM(1)", "=cmd|' /C calc'!A0", LONG_SLASH_NAME]
    for cell in ws[3][3:5]:
        assert cell.data_type == "s" and cell.quotePrefix
    assert ws["B4"].value == "一、危险文本测试"
    assert ws["B5"].value == "=cmd|' /C calc'!A0"
    assert ws["B5"].data_type == "s"
    tasks = wb["任务清单"]
    assert tasks["D2"].value == "正文里有响铃和𠀀字，还有非字符。"
    assert tasks["G3"].value == "=NOW()" and tasks["G3"].quotePrefix
    with zipfile.ZipFile(tmp_path / "m.xlsx") as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):  # charts' <f> are cell references, not formulas
                assert "<f>" not in z.read(name).decode()


def test_matrix_refuses_existing_file_without_force(tmp_path: Path) -> None:
    target = tmp_path / "m.xlsx"
    target.write_bytes(b"keep me")
    with pytest.raises(OutputError, match="--force"):
        write_matrix(make_notice(), target)
    assert target.read_bytes() == b"keep me"
    write_matrix(make_notice(), target, force=True)
    assert openpyxl.load_workbook(target).sheetnames[0] == "责任矩阵"


def test_matrix_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="不存在"):
        write_matrix(make_notice(), tmp_path / "nope" / "m.xlsx")


# --- the sample ---------------------------------------------------------------------------------


def test_sample_matrix(tmp_path: Path, sample_notice: Notice) -> None:
    ws = _matrix(tmp_path, sample_notice)["责任矩阵"]
    header = [c.value for c in ws[3]]
    offices = header[3:-1]
    assert len(offices) == 25
    assert offices == [o.name for o in sample_notice.offices()]
    item_rows = [r for r in ws.iter_rows(min_row=4, values_only=True) if r[0] is not None]
    assert len(item_rows) == 35
    marks = [v for r in item_rows for v in r[3:-1]]
    assert marks.count("●") >= 35
    assert all(sum(1 for v in r[3:-1] if v == "●") >= 1 for r in item_rows)
    totals = {r[1]: r[3:-1] for r in ws.iter_rows(min_row=4, values_only=True) if r[0] is None and r[1]}
    k = offices.index("基教科")
    assert (totals["牵头（条）"][k], totals["配合（条）"][k], totals["合计（条）"][k]) == (7, 12, 19)
    for j, summary in enumerate(sample_notice.offices()):
        assert totals["牵头（条）"][j] == len(summary.lead)
        assert totals["配合（条）"][j] == len(summary.support)
        column = [r[3 + j] for r in item_rows]
        assert column.count("●") == len(summary.lead)
        assert column.count("○") == len(summary.support)


def test_sample_exactly_one_lead_per_item(tmp_path: Path, sample_notice: Notice) -> None:
    ws = _matrix(tmp_path, sample_notice)["责任矩阵"]
    item_rows = [r for r in ws.iter_rows(min_row=4, values_only=True) if r[0] is not None]
    assert sum(1 for r in item_rows for v in r[3:-1] if v == "●") == 35


@pytest.mark.soffice
def test_libreoffice_prints_matrix_one_page_a_sheet(tmp_path: Path) -> None:
    path = write_matrix(make_notice(), tmp_path / "matrix.xlsx")
    pages = pdf_pages(soffice_convert(path, "pdf", tmp_path))
    # 责任矩阵, 任务清单, 科室统计, 说明: each fits one landscape page (fit to width).
    assert len(pages) == 4
    matrix, tasks, stats, notes = map(squeeze, pages)
    assert "某市教育局2024年工作要点（2024年2月5日）责任矩阵" in matrix
    assert "一、加强队伍建设1健全培训制度人事科●○2" in matrix
    assert "二、改善办学条件3推进校舍改造财务科●○○3" in matrix
    assert "合计（条）3222110" in matrix
    for title in ("健全培训制度", "优化考核办法", "推进校舍改造", "完善装备配置"):
        assert title in tasks
    assert "4二、改善办学条件完善装备配置为实验室补齐器材。基建办财务科2024年6月底" in tasks
    assert "各科室任务量（条）" in stats
    assert "生成工具yaodian" in notes


@pytest.mark.soffice
def test_libreoffice_shows_formula_like_text_as_text(tmp_path: Path) -> None:
    path = write_matrix(make_notice(HOSTILE_PLAN), tmp_path / "matrix.xlsx")
    text = squeeze("".join(pdf_pages(soffice_convert(path, "pdf", tmp_path))))
    assert "=cmd|'/Ccalc'!A0" in text  # shown as typed, never evaluated
    assert "一、危险文本测试" in text
    assert "#NAME" not in text and "Err:" not in text
