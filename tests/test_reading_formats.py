"""What a file is, by its first bytes (`reading.formats`): a .docx, .pdf or .html renamed to
another of our suffixes, or to .txt, parses like the original; what is not a notice gets one
Chinese message, never a traceback."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import run_cli
from yaodian import parse_file
from yaodian.errors import InputError
from yaodian.model import Notice
from yaodian.reading import read_bytes
from yaodian.reading.formats import DOC, DOCX, HTML, PDF, TXT, by_suffix, choose, sniff

INPUTS = Path(__file__).resolve().parent / "fixtures" / "inputs"
ORIGINALS = {"docx": "sample-typed.docx", "pdf": "sample-printed.pdf", "html": "sample-page.html"}
SUFFIXES = (".docx", ".pdf", ".html", ".txt", ".doc")


@pytest.fixture(scope="module")
def originals() -> dict[str, Notice]:
    return {fmt: parse_file(INPUTS / name) for fmt, name in ORIGINALS.items()}


@pytest.mark.parametrize("fmt", sorted(ORIGINALS))
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_renamed_file_parses_like_the_original(
    tmp_path: Path, originals: dict[str, Notice], fmt: str, suffix: str
) -> None:
    renamed = tmp_path / f"通知{suffix}"
    shutil.copy(INPUTS / ORIGINALS[fmt], renamed)
    notice = parse_file(renamed)
    assert len(notice.items) == 35
    assert notice.items == originals[fmt].items
    assert notice.source.format == fmt
    if suffix == f".{fmt}":
        assert notice.source.note is None
    else:
        assert notice.source.note is not None
        assert f"扩展名是 {suffix}" in notice.source.note


@pytest.mark.parametrize("suffix", [".html", ".txt", ".pdf"])
def test_renamed_docx_through_the_cli(tmp_path: Path, suffix: str) -> None:
    renamed = tmp_path / f"通知{suffix}"
    shutil.copy(INPUTS / "sample-typed.docx", renamed)
    result = run_cli("parse", str(renamed), "--format", "json")
    assert result.exit_code == 0, result.output
    assert "已按内容读取" in result.stderr
    assert '"format": "docx"' in result.stdout


def _xlsx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (_xlsx_bytes(), "表格.docx", "ZIP 压缩包"),
        # A PNG is read as an image whatever its name (OCR); this one is damaged.
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "扫描件.pdf", "图片已损坏"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "图片.txt", "图片已损坏"),
        (b"\x00\x01\x02\x03" + bytes(range(256)) * 8, "数据.txt", "二进制文件"),
        (b"%PDF-1.4 garbage", "坏的.html", "不是 PDF"),
        ("这是一段文字，没有编号".encode(), "文字.docx", "没有找到编号"),
    ],
)
def test_what_is_not_a_notice_gets_one_message(tmp_path: Path, data: bytes, name: str, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = run_cli("parse", str(path))
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert result.stderr.count("错误") == 1


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"PK\x03\x04", DOCX),  # a damaged zip: the .docx reader explains the damage
        (b"%PDF-1.7\n", PDF),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, DOC),
        (b"{\\rtf1\\ansi hello}", DOC),
        (b"\xef\xbb\xbf  <!DOCTYPE html><html><body>x</body></html>", HTML),
        ("<html><body>正文</body></html>".encode("utf-16"), HTML),
        (b"MIME-Version: 1.0\r\nContent-Type: multipart/related;", HTML),
        ("一、总体要求\n1.某项工作。".encode(), None),
        (b"<not html at all>", None),
    ],
)
def test_sniff(head: bytes, expected: object) -> None:
    assert sniff(head, "x") is expected


def test_suffix_is_only_a_hint() -> None:
    assert by_suffix("a.HTM") is HTML
    assert by_suffix("a.wps") is DOC
    assert by_suffix("a.md") is None
    assert choose("一、总体要求".encode(), "a.docx").format is TXT
    assert choose(b"<p>x</p>", "a.html").format is HTML  # a fragment: the suffix decides
    assert choose(b"\x00\x01garbage", "a.docx").format is DOCX  # damaged: the reader says so


def test_damaged_docx_keeps_its_own_message() -> None:
    with pytest.raises(InputError, match="损坏"):
        read_bytes((INPUTS / "broken.docx").read_bytes(), "broken.html")
