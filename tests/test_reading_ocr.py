"""Scanned notices and photos read through OCR (`reading.ocr`), on images made here from text.

The notices are rendered with Pillow and a CJK font (tests/ocrkit.py), then damaged as a scanner
or a phone does: rotated, blurred, JPEG 70, lit unevenly. What comes back must parse as the text
did: the same items, numbers and offices. Tests that recognise pages are marked `ocr` (a few
seconds a page; `make test-fast` leaves them out) and skip when the extra or a font is missing.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, SAMPLES, run_cli
from ocrkit import cjk_font, jpeg, pdf_bytes, photographed, render_pages, scanned, tiff_bytes
from yaodian import parse_file, parse_text
from yaodian.errors import InputError, ParseError
from yaodian.model import Notice, Source
from yaodian.reading import read_bytes
from yaodian.reading.formats import IMAGE, by_suffix, sniff
from yaodian.reading.ocr import OcrOptions, available

NOTICE = FIXTURES / "ocr" / "notice.txt"
SAMPLE_CENTRED = (
    "中共常德市委教育工作委员会 常德市教育局",
    "2024年工作要点",
    "中共常德市委教育工作委员会",
    "常德市教育局",
    "2024年2月20日",
)
FIXTURE_CENTRED = ("某县教育局", "2025年3月6日", "某县教育局2025年工作要点")

needs_ocr = pytest.mark.skipif(
    not available() or cjk_font() is None,
    reason="needs the OCR extra (pip install 'yaodian[ocr]') and a CJK font (fonts-noto-cjk)",
)
slow_ocr = [pytest.mark.ocr, needs_ocr]


def offices(notice: Notice) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [
        (i.number, tuple(o.name for o in i.leads), tuple(o.name for o in i.supports)) for i in notice.items
    ]


def agreement(scan: Notice, text: Notice) -> float:
    """Share of the text's checks the scan passes: header fields, each item's number and title
    start, its leads and its supporters (the corpus scorer's checks)."""
    checks = [
        scan.title == text.title,
        scan.year == text.year,
        scan.date == text.date,
        scan.issuers == text.issuers,
    ]
    by_number = {i.number: i for i in scan.items}
    for item in text.items:
        got = by_number.get(item.number)
        checks.append(got is not None and got.title[:8] == item.title[:8])
        checks.append(got is not None and {o.name for o in got.leads} == {o.name for o in item.leads})
        checks.append(got is not None and {o.name for o in got.supports} == {o.name for o in item.supports})
    checks.append(len(scan.items) == len(text.items))
    return sum(checks) / len(checks)


# --- formats and options (no recognition) --------------------------------------------------------


@pytest.mark.parametrize(
    "head", [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0\x00\x10JFIF", b"II*\x00\x08\x00", b"MM\x00*\x00\x00"]
)
def test_images_are_known_by_their_first_bytes(head: bytes) -> None:
    assert sniff(head + b"\x00" * 64, "x") is IMAGE


@pytest.mark.parametrize("name", ["扫描件.jpg", "a.JPEG", "a.png", "传真.tif", "传真.tiff"])
def test_image_suffixes(name: str) -> None:
    assert by_suffix(name) is IMAGE


def test_without_the_extra_the_message_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from yaodian.reading import ocr

    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    monkeypatch.setattr(ocr, "_ENGINES", {})
    png = io.BytesIO()
    pytest.importorskip("PIL.Image").new("L", (40, 40), 255).save(png, "PNG")
    with pytest.raises(InputError, match=r"pip install 'yaodian\[ocr\]'"):
        read_bytes(png.getvalue(), "扫描件.png")


def test_never_means_no_recognition() -> None:
    pil = pytest.importorskip("PIL.Image")
    png = io.BytesIO()
    pil.new("L", (40, 40), 255).save(png, "PNG")
    with pytest.raises(InputError, match="--ocr never"):
        read_bytes(png.getvalue(), "a.png", ocr=OcrOptions(mode="never"))
    blank = pdf_bytes([pil.new("L", (100, 140), 255)])
    with pytest.raises(InputError, match="没有文字层"):
        read_bytes(blank, "scan.pdf", ocr=OcrOptions(mode="never"))


def test_a_damaged_image_is_named() -> None:
    with pytest.raises(InputError, match="图片已损坏"):
        read_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "坏图.png")


def test_ocr_keys_appear_in_the_json_only_when_ocr_was_used() -> None:
    text = NOTICE.read_text(encoding="utf-8")
    plain = parse_text(text, source=Source(path="a.txt")).to_dict()["source"]
    assert set(plain) == {"path", "format", "encoding", "sha256"}
    scanned_source = Source(
        path="a.png", format="image", encoding="ocr", ocr_pages=(1, 2), low_confidence_pages=(2,)
    )
    data = parse_text(text, source=scanned_source).to_dict()
    assert data["source"]["ocr_pages"] == [1, 2]
    assert data["source"]["low_confidence_pages"] == [2]
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(
        (Path(__file__).parent.parent / "src/yaodian/notice.schema.json").read_text(encoding="utf-8")
    )
    jsonschema.validate(data, schema)


def test_ocr_options_on_every_reading_command() -> None:
    for command in ("parse", "offices", "matrix", "sheets", "tasks", "check", "export", "diff"):
        result = run_cli(command, "--help")
        assert "--ocr" in result.stdout and "--jobs" in result.stdout, command


# --- recognition ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_pages() -> list[Any]:
    text = NOTICE.read_text(encoding="utf-8")
    return render_pages(text, dpi=150, font_pt=13, centred=FIXTURE_CENTRED, head="某县教育局")


@pytest.mark.ocr
@needs_ocr
def test_a_scanned_fixture_as_tiff_parses_as_its_text(tmp_path: Path, fixture_pages: list[Any]) -> None:
    # Two pages (the second a little rotated the other way), blurred, through JPEG 70.
    pages = [
        jpeg(scanned(p, angle=a, blur=0.7), quality=70)
        for p, a in zip(fixture_pages, (1.0, -1.0), strict=False)
    ]
    path = tmp_path / "扫描件.tif"
    path.write_bytes(tiff_bytes(pages))
    result = run_cli("parse", path, "--format", "json", "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    assert f"文字识别 第 {len(pages)}/{len(pages)} 页" in result.stderr
    data = json.loads(result.stdout)
    assert data["source"]["format"] == "image"
    assert data["source"]["ocr_pages"] == list(range(1, len(pages) + 1))
    assert data["source"]["low_confidence_pages"] == []
    scan = parse_file(path)
    text = parse_file(NOTICE)
    assert offices(scan) == offices(text)
    assert [i.title for i in scan.items] == [i.title for i in text.items]
    assert agreement(scan, text) == 1.0
    assert "cv2" not in sys.modules  # OpenCV's desktop build needs libGL: never imported


@pytest.mark.ocr
@needs_ocr
def test_a_mixed_pdf_reads_text_pages_as_text_and_scans_by_ocr(fixture_pages: list[Any]) -> None:
    import pypdfium2 as pdfium

    text_pdf = pdfium.PdfDocument((FIXTURES / "inputs" / "sample-printed.pdf").read_bytes())
    scan_pdf = pdfium.PdfDocument(pdf_bytes([jpeg(scanned(fixture_pages[0], angle=-0.7), quality=70)]))
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(text_pdf, [0])
    mixed.import_pages(scan_pdf, [0])
    buf = io.BytesIO()
    mixed.save(buf)
    doc = read_bytes(buf.getvalue(), "混合.pdf")
    assert doc.source.encoding == "pdf+ocr"
    assert doc.source.ocr_pages == (2,)
    assert "各县市区" in doc.text  # page 1, from the text layer
    assert "（责任科室：人事科〈机关党委〉、办公室）" in doc.text  # page 2, recognised
    always = read_bytes(buf.getvalue(), "混合.pdf", ocr=OcrOptions(mode="always"))
    assert always.source.ocr_pages == (1, 2)


@pytest.mark.ocr
@needs_ocr
def test_the_sample_as_a_four_page_scan_parses_as_its_text(tmp_path: Path, sample_notice: Notice) -> None:
    text = (SAMPLES / "changde-2024.txt").read_text(encoding="utf-8")
    pages = render_pages(text, dpi=150, pages=4, centred=SAMPLE_CENTRED, head="常德市教育局")
    assert len(pages) == 4
    scans = [
        jpeg(scanned(p, angle=a), quality=70) for p, a in zip(pages, (0.6, -0.8, 1.0, -0.5), strict=True)
    ]
    path = tmp_path / "changde-scan.pdf"
    path.write_bytes(pdf_bytes(scans))
    done: list[int] = []
    scan = parse_file(path, ocr=OcrOptions(jobs=2, progress=lambda d: done.append(d.page)))
    assert sorted(done) == [1, 2, 3, 4]
    assert scan.source.ocr_pages == (1, 2, 3, 4)
    assert agreement(scan, sample_notice) >= 0.95


@pytest.mark.ocr
@needs_ocr
def test_a_photo_of_one_page_reads_its_items(sample_notice: Notice) -> None:
    text = (SAMPLES / "changde-2024.txt").read_text(encoding="utf-8")
    page = render_pages(text, dpi=150, pages=4, centred=SAMPLE_CENTRED)[1]
    photo = photographed(page, angle=2.0)
    buf = io.BytesIO()
    photo.save(buf, "JPEG", quality=70)
    doc = read_bytes(buf.getvalue(), "照片.jpg")
    assert doc.source.format == "image"
    # Page 2 of the rendering holds items 8 to 16 whole: each starts a paragraph with its title
    # and ends with its clause.
    lines = doc.text.splitlines()
    for item in sample_notice.items[7:16]:
        start = f"{item.number}.{item.title[:10]}"
        assert any(ln.startswith(start) for ln in lines), start
        clause = "、".join(o.raw for o in item.offices)
        assert any(clause in ln for ln in lines), clause


def test_low_confidence_pages_are_named_in_warnings_and_on_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    import yaodian.reading as reading

    text = NOTICE.read_text(encoding="utf-8")
    source = Source(
        path="扫描件.pdf", format="pdf", encoding="pdf+ocr", ocr_pages=(1, 2, 3), low_confidence_pages=(2,)
    )

    def fake_read(path: object, **_: object) -> reading.Document:
        return reading.Document(text=text, source=source)

    monkeypatch.setattr(reading, "read_path", fake_read)
    notice = parse_file("扫描件.pdf")
    assert notice.warnings[0].code == "ocr-low-confidence"
    assert "第 2 页" in notice.warnings[0].message
    with pytest.raises(ParseError, match="第 2 页"):
        parse_file("扫描件.pdf", strict=True)
    result = run_cli("parse", "扫描件.pdf", "--format", "json")
    assert result.exit_code == 0
    assert "第 2 页识别置信度低" in result.stderr
    assert json.loads(result.stdout)["source"]["low_confidence_pages"] == [2]


@pytest.mark.parametrize("mode", ["RGBA", "LA", "1", "P", "CMYK"])
def test_pages_of_any_colour_mode_become_grey_on_white(mode: str) -> None:
    pil = pytest.importorskip("PIL.Image")
    from yaodian.reading.ocr import prepare

    # A transparent page with one black square: the transparency must come out white.
    page = pil.new("RGBA", (200, 100), (0, 0, 0, 0))
    page.paste((0, 0, 0, 255), (20, 20, 60, 60))
    if mode != "RGBA":
        page = (
            pil.alpha_composite(pil.new("RGBA", page.size, (255, 255, 255, 255)), page)
            if mode in ("1", "P", "CMYK")
            else page
        )
        page = page.convert(mode)
    grey = prepare(page)
    assert grey.mode == "L"
    assert grey.getpixel((150, 80)) > 200  # paper
    assert grey.getpixel((40, 40)) < 60  # ink
