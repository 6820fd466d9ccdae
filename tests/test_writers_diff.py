"""The diff's JSON and Markdown (golden files), its schema, and the xlsx / docx reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import GOLDEN, ROOT, check_golden, soffice_convert
from diffkit import build, edited_sample
from yaodian import parse_file, parse_text
from yaodian.analysis.diff import PlanDiff, diff_notices
from yaodian.analysis.textdiff import TextOp
from yaodian.writers.diff_text import marked_markdown, to_json, to_markdown


@pytest.fixture(scope="module")
def sample_diff(sample_path: Path) -> PlanDiff:
    text = sample_path.read_text(encoding="utf-8")
    return diff_notices(parse_text(text), parse_text(edited_sample(text)))


@pytest.fixture(scope="module")
def fixture_diff(fixtures_dir: Path) -> PlanDiff:
    return diff_notices(
        parse_file(fixtures_dir / "diff" / "old.txt"), parse_file(fixtures_dir / "diff" / "new.txt")
    )


def test_sample_markdown_golden(sample_diff: PlanDiff, update_golden: bool) -> None:
    check_golden(GOLDEN / "diff-sample.md", to_markdown(sample_diff), update_golden)


def test_sample_json_golden(sample_diff: PlanDiff, update_golden: bool) -> None:
    check_golden(GOLDEN / "diff-sample.json", to_json(sample_diff), update_golden)


def test_fixture_markdown_golden(fixture_diff: PlanDiff, update_golden: bool) -> None:
    # paths in the report depend on where the tests run: keep only the file names
    text = to_markdown(fixture_diff).replace(str(ROOT / "tests" / "fixtures" / "diff") + "/", "")
    check_golden(GOLDEN / "diff-fixtures.md", text, update_golden)


def test_json_follows_its_schema(sample_diff: PlanDiff, fixture_diff: PlanDiff) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "src" / "yaodian" / "diff.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for diff in (sample_diff, fixture_diff, diff_notices(build([]), build([]))):
        jsonschema.validate(json.loads(to_json(diff)), schema, cls=jsonschema.Draft202012Validator)


def test_json_keys_other_tools_read(sample_diff: PlanDiff) -> None:
    data = json.loads(to_json(sample_diff))
    assert {"items", "renamed_offices", "offices", "sections", "header"} <= set(data)
    assert data["renamed_offices"] == [["校外监管科", "校外培训监管科"]]
    changed = next(i for i in data["items"] if i["old"] == ["29"])
    assert {"status", "old", "new", "similarity", "moved", "section_changed", "text_diff", "lead"} <= set(
        changed
    )
    assert changed["status"] == "changed" and changed["new"] == ["29"]
    assert {"op": "delete", "text": "6000"} in changed["text_diff"]
    assert {"op": "insert", "text": "5000"} in changed["text_diff"]
    swap = next(i for i in data["items"] if i["old"] == ["19"])
    assert swap["lead"] == {"old": ["人事科"], "new": ["党建指导科"]}
    assert next(i for i in data["items"] if i["old"] == ["20"])["offices_added"] == ["师范科"]
    assert next(i for i in data["items"] if i["old"] == ["23"])["offices_removed"] == ["信息中心"]
    merged = next(i for i in data["items"] if i["status"] == "merged")
    assert (merged["old"], merged["new"]) == (["21", "22"], ["22"])
    assert data["header"] == [
        {"field": "date", "label": "成文日期", "old": "2024年2月20日", "new": "2024年3月1日"}
    ]


def test_markdown_marks_and_escapes() -> None:
    ops = (
        TextOp(op="equal", text="完成*重点*项目"),
        TextOp(op="delete", text="<6000>"),
        TextOp(op="insert", text="5000|个"),
    )
    assert marked_markdown(ops) == r"完成\*重点\*项目<del>&lt;6000&gt;</del><ins>5000\|个</ins>"


def test_markdown_of_identical_plans(sample_notice) -> None:  # type: ignore[no-untyped-def]
    text = to_markdown(diff_notices(sample_notice, sample_notice))
    assert "两份工作要点内容相同。" in text
    assert "## 条目变化" not in text and "## 科室任务变化" not in text


# ------------------------------------------------------------------ xlsx


def test_xlsx_rows_rich_text_and_office_sheet(sample_diff: PlanDiff, tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock

    from yaodian.writers.diff_xlsx import write_diff_xlsx

    path = write_diff_xlsx(sample_diff, tmp_path / "对比.xlsx")
    wb = load_workbook(path, rich_text=True)
    assert wb.sheetnames == ["概要", "条目对比", "科室变化"]
    ws = wb["条目对比"]
    heads = [c.value for c in ws[2]]
    assert heads[:7] == ["状态", "原编号", "现编号", "相似度", "变化", "工作任务", "文字对比"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert len(rows) == len(sample_diff.items) == 35 - 2 + 1 + 1  # 35 old: -1 merge, -1 split row, +1 added
    by_old = {r[1]: r for r in rows if r[1]}
    assert by_old["21、22"][:3] == ("合并", "21、22", "22")
    assert by_old["7"][:3] == ("拆分", "7", "7、8")
    assert by_old["11"][0] == "删除" and by_old["11"][2] is None
    assert by_old["33"][:3] == ("未变", "33", "16") and "顺序调整" in by_old["33"][4]
    assert by_old["19"][9:11] == ("人事科", "党建指导科")
    assert by_old["20"][11] == "师范科" and by_old["23"][12] == "信息中心"
    row29 = next(r for r in range(3, ws.max_row + 1) if ws.cell(r, 2).value == "29")
    rich = ws.cell(row29, 7).value
    assert isinstance(rich, CellRichText)
    blocks = [b for b in rich if isinstance(b, TextBlock)]
    assert [(b.text, bool(b.font.strike), b.font.u) for b in blocks] == [
        ("6000", True, None),
        ("5000", False, "single"),
    ]
    assert blocks[0].font.color.rgb.endswith("C00000") and blocks[1].font.color.rgb.endswith("0070C0")
    assert str(rich).startswith("优化教育资源布局。") and "学位60005000个" in str(rich)
    assert ws.freeze_panes == "D3" and ws.auto_filter.ref == "A2:N37"

    offices = wb["科室变化"]
    office_rows = {r[0]: r for r in offices.iter_rows(min_row=3, values_only=True)}
    assert office_rows["校外培训监管科"][:8] == ("校外培训监管科", "校外监管科", 1, 5, 6, 1, 5, 6)
    assert office_rows["信息中心"][10] == "23" and office_rows["基教科"][9] == "35"
    assert office_rows["测试站"][8] == -1
    summary = wb["概要"]
    texts = [c.value for row in summary.iter_rows() for c in row if c.value is not None]
    assert "成文日期" in texts and "2024年3月1日" in texts and "校外培训监管科" in texts


def test_xlsx_text_is_sanitised(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from yaodian.writers.diff_xlsx import write_diff_xlsx

    nasty = "=SUM(A1)推进\x07工作。完成任务一百项，建立长效机制并开展考核评估。"
    a = build([("一", "甲", [("1", "推进工作。完成任务一百项，建立长效机制并开展考核评估。", "甲科")])])
    b = build([("一", "=甲", [("1", nasty, "=乙科")])])
    path = write_diff_xlsx(diff_notices(a, b), tmp_path / "x.xlsx")
    ws = load_workbook(path)["条目对比"]
    values = [c.value for c in ws[3]]
    assert values[5] == "=SUM(A1)推进工作"  # the title: stored as text, control character gone
    assert ws.cell(3, 6).data_type == "s"
    assert "\x07" not in str(values[6])


# ------------------------------------------------------------------ docx


def _runs(path: Path) -> list[tuple[str, bool, bool, str | None]]:
    import docx

    out = []
    for para in docx.Document(str(path)).paragraphs:
        for run in para.runs:
            color = str(run.font.color.rgb) if run.font.color and run.font.color.type else None
            out.append((run.text, bool(run.font.strike), bool(run.font.underline), color))
    return out


def test_docx_report_marks_and_layout(sample_diff: PlanDiff, tmp_path: Path) -> None:
    import docx
    from docx.shared import Mm

    from yaodian.writers.diff_docx import write_diff_docx

    path = write_diff_docx(sample_diff, tmp_path / "对比.docx")
    doc = docx.Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "工作要点年度对比"
    assert doc.paragraphs[0].style.style_id == "DocTitle"
    # No file path in the justified body text: titles there, the files in a small note.
    body = [p for p in doc.paragraphs if p.style.style_id == "Normal"]
    assert not any(sample_diff.old.path in p.text or sample_diff.new.path in p.text for p in body)
    (note,) = [p for p in doc.paragraphs if p.text.startswith("文件：")]
    assert note.style.style_id == "TableText" and sample_diff.old.path in note.text
    assert f"《{sample_diff.old.title}》" in texts[2]
    headings = [p.text for p in doc.paragraphs if p.style.style_id == "DocHeading1"]
    assert headings == [
        "一、概要",
        "二、文头变化",
        "三、部分变化",
        "四、科室更名",
        "五、条目变化",
        "六、仅重新编号",
        "七、科室任务变化",
    ]
    assert "成文日期：2024年2月20日 → 2024年3月1日" in texts
    assert "校外监管科 → 校外培训监管科" in texts
    assert any(t.startswith("（2）删除 原第11条：推动语言文字事业高质量发展") for t in texts)
    runs = _runs(path)
    assert ("6000", True, False, "C00000") in runs
    assert ("5000", False, True, "0070C0") in runs
    section = doc.sections[0]
    assert (section.page_width, section.page_height) == (Mm(210), Mm(297)) or abs(
        section.page_width - Mm(210)
    ) < Mm(1)
    assert abs(section.left_margin - Mm(28)) < Mm(0.5) and abs(section.top_margin - Mm(37)) < Mm(0.5)
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "科室",
        "原牵头",
        "原配合",
        "现牵头",
        "现配合",
        "新增任务",
        "减少任务",
    ]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert rows["校外培训监管科（原校外监管科）"][1:5] == ["1", "5", "1", "5"]
    assert rows["师范科"][5:] == ["第21条", "第11条"]
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "—" in footer_xml


def test_docx_of_identical_plans(sample_notice, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import docx

    from yaodian.writers.diff_docx import write_diff_docx

    path = write_diff_docx(diff_notices(sample_notice, sample_notice), tmp_path / "same.docx")
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "两份工作要点内容相同。" in texts and "五、条目变化" not in texts


@pytest.mark.soffice
def test_docx_and_xlsx_open_in_libreoffice(sample_diff: PlanDiff, tmp_path: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    from yaodian.writers.diff_docx import write_diff_docx
    from yaodian.writers.diff_xlsx import write_diff_xlsx

    sources = [
        write_diff_docx(sample_diff, tmp_path / "d.docx"),
        write_diff_xlsx(sample_diff, tmp_path / "d.xlsx"),
    ]
    for src in sources:
        outdir = tmp_path / src.suffix[1:]
        outdir.mkdir()
        pdf = pdfium.PdfDocument(str(soffice_convert(src, "pdf", outdir)))
        text = "".join(pdf[k].get_textpage().get_text_range() for k in range(len(pdf)))
        assert "5000" in text and "校外培训监管科" in text
