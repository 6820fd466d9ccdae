"""The PDF reader: page furniture dropped, lines joined into paragraphs, look-alikes mapped."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from yaodian import parse_file
from yaodian.errors import InputError
from yaodian.reading.layout import PAGE_NUMBER, Line, _continues
from yaodian.reading.pdf import _clean, garbled, read_pdf

INPUTS = Path(__file__).resolve().parent / "fixtures" / "inputs"


@pytest.fixture(scope="module")
def printed_text() -> str:
    text, detail, scanned = read_pdf((INPUTS / "sample-printed.pdf").read_bytes(), "sample-printed.pdf")
    assert scanned is None
    assert detail == "pdf"
    return text


def test_page_header_and_numbers_removed(printed_text: str) -> None:
    # The fixture has a running header on each of its pages and "— n —" page numbers.
    assert "常德市教育局文件汇编" not in printed_text
    assert "— 1 —" not in printed_text
    assert not any(PAGE_NUMBER.match(line) for line in printed_text.splitlines())


def test_lines_joined_into_paragraphs(printed_text: str) -> None:
    lines = printed_text.splitlines()
    # Item 1 spans six printed lines; it comes back as one, spaces around digits dropped.
    assert lines[9].startswith(
        "1.坚持和加强党对教育工作的全面领导。充分发挥市县党委教育工委职能作用,引领教育事业高质量发展。"
    )
    assert lines[9].endswith(
        "(责任科室:党建指导科、人事科〈机关党委〉、办公室〈秘书科〉。排名第一的为牵头科室,下同。)"
    )
    assert lines[4] == "2024年2月20日"
    # Quotation marks set in another font come back in place.
    assert "建设“四强”党支部" in printed_text


def test_sample_pdf_parses_like_the_text(sample_notice) -> None:  # type: ignore[no-untyped-def]
    notice = parse_file(INPUTS / "sample-printed.pdf")
    assert len(notice.items) == 35
    assert [i.number for i in notice.items] == [i.number for i in sample_notice.items]
    assert [i.title for i in notice.items] == [i.title for i in sample_notice.items]
    assert [i.offices for i in notice.items] == [i.offices for i in sample_notice.items]
    assert [o.name for o in notice.offices()] == [o.name for o in sample_notice.offices()]
    assert notice.source.format == "pdf"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u2f00\u2f06\u2f08", "一二人"),  # Kangxi radicals ⼀⼆⼈
        ("\uf9b5\u4f8b", "例例"),  # a CJK compatibility ideograph
        ("2024 年 2 月 20 日", "2024年2月20日"),
        ("工作 要点", "工作要点"),
        ("MS Word 2007", "MS Word 2007"),
    ],
)
def test_clean(raw: str, expected: str) -> None:
    assert _clean(raw) == expected


@pytest.mark.parametrize("line", ["— 3 —", "- 3 -", "－12－", "第3页", "第 3 页 共 9 页", "3 / 9", "17"])
def test_page_number_shapes(line: str) -> None:
    assert PAGE_NUMBER.match(line)


@pytest.mark.parametrize("line", ["3.加强党风廉政建设。", "一、总体要求", "2024年工作要点"])
def test_not_page_numbers(line: str) -> None:
    assert not PAGE_NUMBER.match(line)


def line(text: str, x0: float = 90, x1: float = 520) -> Line:
    return Line(text=text, x0=x0, x1=x1, base=0, size=11)


@pytest.mark.parametrize(
    ("prev", "nxt", "indented", "expected"),
    [
        (line("推进学校教育教学质量再上台阶，全面"), line("建立中小学校党组织"), False, True),
        (line("推进学校教育教学质量再上台阶。"), line("建立中小学校党组织"), False, False),
        (line("推进学校教育教学质量再上台阶。"), line("建立中小学校党组织"), True, True),
        (line("推进学校教育教学质量再上台阶，全面"), line("2.不断夯实基层基础。"), False, False),
        (line("推进学校教育教学质量再上台阶，全面"), line("（二）加强队伍建设"), False, False),
        (line("短的一行", x1=200), line("下一行"), False, False),
        (line("推进学校教育教学质量再上台阶，全面"), line("缩进的新段落", x0=112), False, False),
    ],
)
def test_continues(prev: Line, nxt: Line, indented: bool, expected: bool) -> None:
    assert _continues(prev, nxt, 90, 520, indented) is expected


def test_pdf_without_text_layer_needs_ocr() -> None:
    import io

    import pypdfium2 as pdfium

    from yaodian.reading.ocr import OcrOptions, available

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    buf = io.BytesIO()
    pdf.save(buf)
    pdf.close()
    with pytest.raises(InputError, match=r"--ocr never.*yaodian\[ocr\]"):
        read_pdf(buf.getvalue(), "scan.pdf", ocr=OcrOptions(mode="never"))
    # With OCR (the default) a blank page is recognised, and found to hold nothing.
    message = "OCR 也没有识别出文字" if available() else r"pip install 'yaodian\[ocr\]'"
    with pytest.raises(InputError, match=message):
        read_pdf(buf.getvalue(), "scan.pdf")


def test_not_a_pdf() -> None:
    with pytest.raises(InputError, match="不是 PDF"):
        read_pdf(b"%PDF-1.4 garbage", "bad.pdf")


def test_missing_pypdfium2_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(InputError, match=r"pip install 'yaodian\[pdf\]'"):
        read_pdf(b"%PDF-1.4", "a.pdf")


def test_garbled_text_layer() -> None:
    assert garbled("\ue001\ue002\ue003 \ue004工作")
    assert garbled("\ufffd\ufffd\ufffd要点")
    assert not garbled("一、总体要求 \ue001")
    assert not garbled("")
