"""The Word writers: layout and fonts (docx_common), task sheets (docx_sheets), re-opened."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import make_notice, pdf_pages, soffice_convert, squeeze
from test_writers_xlsx import LONG_SLASH_NAME
from yaodian.errors import OutputError, UsageError
from yaodian.filenames import safe_filename
from yaodian.model import Notice
from yaodian.writers.docx_blocks import add_paragraph, add_run
from yaodian.writers.docx_document import font_profile, new_document
from yaodian.writers.docx_sheets import write_sheets

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _xml(path: Path, part: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part))


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


# --- file names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("基教科", "基教科.docx"),
        ("人事科〈机关党委〉", "人事科〈机关党委〉.docx"),
        ("甲/乙科", "甲_乙科.docx"),
        ('a\\b:c*d?e"f<g>h|i', "a_b_c_d_e_f_g_h_i.docx"),
        ("响铃\x07科", "响铃_科.docx"),
        ("伪装\u202excod.exe", "伪装_xcod.exe.docx"),
        ("全角\u3000空格", "全角 空格.docx"),
        ("CON", "_CON.docx"),
        ("nul.txt", "_nul.txt.docx"),
        ("科室. ", "科室.docx"),
        ("...", "科室.docx"),
        ("", "科室.docx"),
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_safe_filename_long_and_unique() -> None:
    first = safe_filename(LONG_SLASH_NAME)
    assert "/" not in first and first.endswith(".docx")
    assert safe_filename(LONG_SLASH_NAME, [first]) == first[: -len(".docx")] + "-2.docx"
    assert safe_filename("ABC", ["abc.docx"]) == "ABC-2.docx"
    long_name = safe_filename("科" * 120)
    assert len(long_name.encode("utf-8")) <= 255
    assert long_name == "科" * 66 + ".docx"  # 66 × 3 bytes ≤ 200


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_any_office_name_gives_a_creatable_file(tmp_path_factory: pytest.TempPathFactory, name: str) -> None:
    file_name = safe_filename(name)
    assert file_name.endswith(".docx")
    assert not any(c in file_name for c in '\\/:*?"<>|')
    # no controls, invisible format characters, surrogates, private use or line separators
    assert not {unicodedata.category(c) for c in file_name} & {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}
    assert len(file_name.encode("utf-8")) <= 205
    assert not file_name.startswith(".")
    path = tmp_path_factory.mktemp("names") / file_name
    path.write_bytes(b"")
    assert path.exists()


# --- layout and fonts ---------------------------------------------------------------------------


def test_font_profiles() -> None:
    assert font_profile("gb2312").body == "仿宋_GB2312"
    assert font_profile("windows").title == "宋体"
    assert font_profile("MAC").kai == "STKaiti"
    with pytest.raises(UsageError, match="gb2312"):
        font_profile("linux")


@pytest.mark.parametrize(("landscape", "size"), [(False, (11906, 16838)), (True, (16838, 11906))])
def test_new_document_page(tmp_path: Path, landscape: bool, size: tuple[int, int]) -> None:
    doc = new_document("gb2312", landscape=landscape)
    doc.add_paragraph("正文")
    path = tmp_path / "p.docx"
    doc.save(str(path))
    sect = _xml(path, "word/document.xml").find(".//w:body/w:sectPr", NS)
    pg_sz = sect.find("w:pgSz", NS)
    assert (int(pg_sz.get(_w("w"))), int(pg_sz.get(_w("h")))) == size
    mar = sect.find("w:pgMar", NS)
    # 37/35/28/26 mm in twips (1 mm = 56.69 twips), as python-docx rounds them
    assert [round(int(mar.get(_w(k))) / 56.6929) for k in ("top", "bottom", "left", "right")] == [
        37,
        35,
        28,
        26,
    ]


def test_styles_have_east_asian_fonts_and_no_theme(tmp_path: Path) -> None:
    path = tmp_path / "s.docx"
    new_document("gb2312").save(str(path))
    styles = _xml(path, "word/styles.xml")
    raw = etree.tostring(styles).decode()
    assert "Theme=" not in raw and "cstheme" not in raw
    default_fonts = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert default_fonts.get(_w("eastAsia")) == "仿宋_GB2312"
    spacing = styles.find("w:docDefaults/w:pPrDefault/w:pPr/w:spacing", NS)
    assert spacing.get(_w("after")) == "0"
    expected = {
        "Normal": "仿宋_GB2312",
        "DocTitle": "方正小标宋简体",
        "DocSubtitle": "楷体_GB2312",
        "DocHeading1": "黑体",
        "TableText": "仿宋_GB2312",
        "TableHead": "黑体",
        "Footer": "宋体",
    }
    for style_id, font in expected.items():
        rfonts = styles.find(f"w:style[@w:styleId='{style_id}']/w:rPr/w:rFonts", NS)
        assert rfonts is not None, style_id
        assert rfonts.get(_w("eastAsia")) == font, style_id
    sizes = {
        sid: styles.find(f"w:style[@w:styleId='{sid}']/w:rPr/w:sz", NS).get(_w("val"))
        for sid in ("Normal", "DocTitle", "TableText", "Footer")
    }
    assert sizes == {"Normal": "32", "DocTitle": "44", "TableText": "21", "Footer": "28"}  # 五号 tables


@pytest.mark.parametrize(
    ("profile", "body", "title"), [("windows", "仿宋", "宋体"), ("mac", "STFangsong", "Songti SC")]
)
def test_other_profiles_in_saved_styles(tmp_path: Path, profile: str, body: str, title: str) -> None:
    path = tmp_path / "s.docx"
    new_document(profile).save(str(path))
    styles = _xml(path, "word/styles.xml")
    assert styles.find("w:style[@w:styleId='Normal']/w:rPr/w:rFonts", NS).get(_w("eastAsia")) == body
    assert styles.find("w:style[@w:styleId='DocTitle']/w:rPr/w:rFonts", NS).get(_w("eastAsia")) == title


def test_add_run_marks(tmp_path: Path) -> None:
    doc = new_document("windows")
    para = add_paragraph(doc, "")
    add_run(para, "新增", underline=True, color="c00000")
    add_run(para, "删除\x07", strike=True)
    add_run(para, "标题", bold=True, east_asia="黑体")
    path = tmp_path / "r.docx"
    doc.save(str(path))
    runs = _xml(path, "word/document.xml").findall(".//w:body/w:p/w:r", NS)
    assert [r.find("w:t", NS).text for r in runs] == ["新增", "删除", "标题"]
    assert runs[0].find("w:rPr/w:u", NS) is not None
    assert runs[0].find("w:rPr/w:color", NS).get(_w("val")) == "C00000"
    assert runs[1].find("w:rPr/w:strike", NS) is not None
    assert runs[2].find("w:rPr/w:rFonts", NS).get(_w("eastAsia")) == "黑体"


# --- task sheets --------------------------------------------------------------------------------


def _rows(table: docx.table.Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_one_file_per_office(tmp_path: Path) -> None:
    paths = write_sheets(make_notice(), tmp_path / "sheets")
    out = tmp_path / "sheets"
    assert paths == [
        out / "财务科-2024年工作任务清单.docx",
        out / "人事科-2024年工作任务清单.docx",
        out / "办公室-2024年工作任务清单.docx",
        out / "基建办-2024年工作任务清单.docx",
        # A collective unit (各区教育局) in its own subfolder, apart from the bureau's offices.
        out / "集体单位" / "各区教育局-2024年工作任务清单.docx",
    ]
    assert sorted(p for p in out.rglob("*.docx")) == sorted(paths)


def test_sheet_content(tmp_path: Path) -> None:
    (path,) = write_sheets(make_notice(), tmp_path, offices=["财务科"])
    doc = docx.Document(str(path))
    paras = [p for p in doc.paragraphs if p.text]
    assert paras[0].text == "财务科2024年工作任务清单"
    assert paras[0].style.name == "DocTitle"
    assert paras[1].text == "依据：《某市教育局2024年工作要点》（2024年2月5日）"
    assert "牵头任务 1 项、配合任务 2 项，共 3 项" in paras[2].text
    (table,) = doc.tables
    rows = _rows(table)
    # The notice names deadlines (item 4): 完成时限 is shown; it names no leaders: no 分管领导.
    assert rows[0] == ["序号", "工作任务", "主要内容", "牵头/配合", "协同科室", "完成时限", "责任人", "备注"]
    assert rows[1:] == [
        ["1", "推进校舍改造（第3条）", "完成十所学校的屋面翻新。", "牵头", "基建办、各区教育局", "", "", ""],
        [
            "2",
            "优化考核办法（第2条）",
            "把考核结果与评优挂钩。",
            "配合",
            "办公室（牵头）、人事科",
            "",
            "",
            "",
        ],
        ["3", "完善装备配置（第4条）", "为实验室补齐器材。", "配合", "基建办（牵头）", "2024年6月底", "", ""],
    ]


def test_sheet_xml_fonts_page_and_footer(tmp_path: Path) -> None:
    (path,) = write_sheets(make_notice(), tmp_path, offices=["人事科"], profile="windows")
    document = _xml(path, "word/document.xml")
    styles = _xml(path, "word/styles.xml")
    used = {el.get(_w("val")) for el in document.iter(_w("pStyle"))} | {"Normal", "Footer"}
    assert {"DocTitle", "TableText", "TableHead"} <= used
    for style_id in used:
        style = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
        rfonts = style.find("w:rPr/w:rFonts", NS)
        assert rfonts is not None and rfonts.get(_w("eastAsia")), style_id
        assert rfonts.get(_w("eastAsiaTheme")) is None
    table_style = document.find(".//w:tblPr/w:tblStyle", NS).get(_w("val"))
    assert (
        styles.find(f"w:style[@w:styleId='{table_style}']/w:rPr/w:rFonts", NS).get(_w("eastAsia")) == "仿宋"
    )
    sect = document.find(".//w:body/w:sectPr", NS)
    pg_sz = sect.find("w:pgSz", NS)
    assert (pg_sz.get(_w("w")), pg_sz.get(_w("h")), pg_sz.get(_w("orient"))) == (
        "16838",
        "11906",
        "landscape",
    )
    # the table fills the landscape type area: 297 − 28 − 26 = 243 mm
    grid = [int(g.get(_w("w"))) for g in document.findall(".//w:tblGrid/w:gridCol", NS)]
    assert len(grid) == 8
    assert abs(sum(grid) / 56.6929 - 243) < 1
    # header row repeats on every page
    assert document.find(".//w:tr/w:trPr/w:tblHeader", NS) is not None
    # odd footer right, even footer left, both "— PAGE —"
    refs = {r.get(_w("type")): r for r in sect.findall("w:footerReference", NS)}
    assert set(refs) == {"default", "even"}
    assert _xml(path, "word/settings.xml").find("w:evenAndOddHeaders", NS) is not None
    doc = docx.Document(str(path))
    section = doc.sections[0]
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        xml = footer._element.xml
        assert "PAGE" in xml
        para = footer.paragraphs[0]
        assert para.text.startswith("— ") and para.text.endswith(" —")
        assert f'w:jc w:val="{align}"' in xml


def test_single_document_sections(tmp_path: Path) -> None:
    (path,) = write_sheets(make_notice(), tmp_path / "all.docx", single=True)
    assert path.name == "all.docx"
    doc = docx.Document(str(path))
    assert len(doc.sections) == 5
    assert len(doc.tables) == 5
    titles = [p.text for p in doc.paragraphs if p.style.name == "DocTitle"]
    assert titles == [
        f"{n}2024年工作任务清单" for n in ("财务科", "人事科", "办公室", "基建办", "各区教育局")
    ]
    starts = [s._sectPr.find(_w("pgNumType")) for s in doc.sections]
    assert starts[0] is None
    assert all(s is not None and s.get(_w("start")) == "1" for s in starts[1:])
    for s in doc.sections:
        assert (s.page_width.twips, s.page_height.twips) == (16838, 11906)


def test_single_into_folder(tmp_path: Path) -> None:
    (path,) = write_sheets(make_notice(), tmp_path, single=True)
    assert path == tmp_path / "各科室工作任务清单.docx"


def test_hostile_names_and_text(tmp_path: Path) -> None:
    plan = [
        (
            "一",
            "总",
            [
                ("=cmd|' /C calc'!A0", "响铃\x07和𠀀字\ufffe。", f"{LONG_SLASH_NAME}、@SUM(1)", None),
                ("别的", "正文。", "@SUM(1)、甲/乙科", None),
            ],
        )
    ]
    paths = write_sheets(make_notice(plan), tmp_path)
    assert len(paths) == 3
    assert all("/" not in p.name for p in paths)
    assert paths[0].name == "@SUM(1)-2024年工作任务清单.docx"  # in two items: first
    (long,) = [p for p in paths if p.name.startswith(LONG_SLASH_NAME.replace("/", "_")[:10])]
    assert long.name.endswith("-2024年工作任务清单.docx") and len(long.name.encode()) <= 255
    first = docx.Document(str(long))
    assert first.paragraphs[0].text == f"{LONG_SLASH_NAME}2024年工作任务清单"
    row = _rows(first.tables[0])[1]
    assert row[1] == "=cmd|' /C calc'!A0（第1条）"
    assert row[2] == "响铃和𠀀字。"


def test_existing_file_stops_before_writing_anything(tmp_path: Path) -> None:
    kept = tmp_path / "办公室-2024年工作任务清单.docx"
    kept.write_bytes(b"keep")
    with pytest.raises(OutputError, match="--force"):
        write_sheets(make_notice(), tmp_path)
    assert sorted(p.name for p in tmp_path.rglob("*.docx")) == [kept.name]
    assert kept.read_bytes() == b"keep"
    assert len(write_sheets(make_notice(), tmp_path, force=True)) == 5
    assert docx.Document(str(kept)).tables


def test_missing_parent_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="不存在"):
        write_sheets(make_notice(), tmp_path / "a" / "b")


def test_folder_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(OutputError, match="同名文件"):
        write_sheets(make_notice(), tmp_path / "f")


# --- the sample ---------------------------------------------------------------------------------


def test_sample_sheets(tmp_path: Path, sample_notice: Notice) -> None:
    paths = write_sheets(sample_notice, tmp_path)
    assert len(paths) == 25
    assert len(list(tmp_path.rglob("*.docx"))) == 25
    doc = docx.Document(str(tmp_path / "基教科-2024年工作任务清单.docx"))
    rows = _rows(doc.tables[0])[1:]
    assert len(rows) == 19
    assert [r[3] for r in rows] == ["牵头"] * 7 + ["配合"] * 12
    assert [r[0] for r in rows] == [str(k) for k in range(1, 20)]
    assert rows[0][1].startswith("深化学校德育与劳动教育")


@pytest.mark.soffice
def test_libreoffice_prints_one_page_an_office(tmp_path: Path) -> None:
    (path,) = write_sheets(make_notice(), tmp_path / "all.docx", single=True)
    pages = pdf_pages(soffice_convert(path, "pdf", tmp_path))
    offices = ["财务科", "人事科", "办公室", "基建办", "各区教育局"]
    assert len(pages) == len(offices)
    for office, page in zip(offices, pages, strict=True):
        text = squeeze(page)
        assert text.startswith(
            f"{office}2024年工作任务清单依据：《某市教育局2024年工作要点》（2024年2月5日）"
        )
        # Each office's section numbers its pages from 1, in the "— 1 —" form.
        assert text.endswith("—1—")
    first = squeeze(pages[0])
    assert "财务科牵头任务1项、配合任务2项，共3项" in first
    # Table cells wrap into each other's lines; the rows still come in order, leads first.
    positions = [first.index(t) for t in ("推进校舍改造", "优化考核办法", "完善装备配置")]
    assert positions == sorted(positions)
    assert "完成十所学校的屋面翻新。牵头" in first


# --- print-ready sheets (issue 10) ---------------------------------------------------------------


def _row_props(path: Path) -> list[tuple[bool, bool]]:
    """(cantSplit, tblHeader) of each row of the first table."""
    doc = docx.Document(str(path))
    rows = doc.tables[0]._tbl.findall(qn("w:tr"))
    return [
        (row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None,
         row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None)
        for row in rows
    ]  # fmt: skip


def test_rows_never_split_and_the_header_repeats(tmp_path: Path, sample_notice: Notice) -> None:
    (path,) = write_sheets(sample_notice, tmp_path, offices=["基教科"])
    props = _row_props(path)
    assert props[0] == (True, True)
    assert props[1:] == [(True, False)] * 19


def test_a_row_taller_than_a_page_may_split(tmp_path: Path) -> None:
    # Word cuts off a row that may not split and is taller than a page: such a row may split.
    plan = [
        ("一", "总", [("", "超长任务。" + "很长的内容" * 800, "甲科", None), ("", "短任务。", "甲科", None)])
    ]
    (path,) = write_sheets(make_notice(plan), tmp_path)
    assert _row_props(path)[1:] == [(False, False), (True, False)]


def test_leader_and_deadline_columns_only_with_data(tmp_path: Path) -> None:
    from yaodian import parse_text

    with_leaders = parse_text(
        "某局2024年工作要点\n一、综合\n1. 推进改革。（分管领导：张三；牵头单位：办公室；完成时限：6月底）\n"
    )
    (path,) = write_sheets(with_leaders, tmp_path / "a")
    header = _rows(docx.Document(str(path)).tables[0])[0]
    assert header == [
        "序号",
        "工作任务",
        "主要内容",
        "牵头/配合",
        "协同科室",
        "分管领导",
        "完成时限",
        "责任人",
        "备注",
    ]
    assert _rows(docx.Document(str(path)).tables[0])[1][5:7] == ["张三", "6月底"]
    plain = parse_text("某局2024年工作要点\n一、综合\n1. 推进改革。（牵头单位：办公室）\n")
    (path,) = write_sheets(plain, tmp_path / "b")
    assert _rows(docx.Document(str(path)).tables[0])[0] == [
        "序号",
        "工作任务",
        "主要内容",
        "牵头/配合",
        "协同科室",
        "责任人",
        "备注",
    ]


@pytest.mark.soffice
def test_sample_sheet_prints_on_at_most_four_pages(tmp_path: Path, sample_notice: Notice) -> None:
    from yaodian.analysis.assignments import office_tasks

    (path,) = write_sheets(sample_notice, tmp_path, offices=["基教科"])
    pages = [squeeze(p) for p in pdf_pages(soffice_convert(path, "pdf", tmp_path))]
    assert len(pages) <= 4
    assert all("主要内容" in page for page in pages)  # the header on every page
    (tl,) = office_tasks(sample_notice, offices=["基教科"])
    for task in tl.tasks:
        # Each row whole on one page: its title's start and its text's end on the same page.
        head, tail = squeeze(task.item.title)[:6], squeeze(task.body)[-6:]
        assert [k for k, p in enumerate(pages) if head in p] == [k for k, p in enumerate(pages) if tail in p]
