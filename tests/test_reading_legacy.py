"""Old Word and WPS files: through LibreOffice when it is installed, a clear message otherwise."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from yaodian import parse_file
from yaodian.errors import InputError
from yaodian.reading import legacy, read_bytes

INPUTS = Path(__file__).resolve().parent / "fixtures" / "inputs"


def needs_soffice() -> None:
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")


@pytest.mark.soffice
def test_doc_through_libreoffice(sample_notice) -> None:  # type: ignore[no-untyped-def]
    needs_soffice()
    notice = parse_file(INPUTS / "sample-typed.doc")
    assert notice.source.format == "doc"
    assert notice.source.encoding == "doc→docx"
    assert len(notice.items) == 35
    assert notice.items == sample_notice.items


@pytest.mark.soffice
def test_wps_file_read_as_word_binary(tmp_path: Path) -> None:
    needs_soffice()
    # Kingsoft WPS text files are Word 97 binaries inside.
    wps = tmp_path / "通知.wps"
    shutil.copy(INPUTS / "sample-typed.doc", wps)
    doc = read_bytes(wps.read_bytes(), str(wps))
    assert doc.source.encoding == "doc→docx"
    assert doc.source.note is None
    assert doc.text.splitlines()[5] == "中共常德市委教育工作委员会 常德市教育局"


def test_without_libreoffice_says_how_to_convert(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(legacy, "find_soffice", lambda: None)
    with pytest.raises(InputError, match=r"另存为.*\.docx"):
        read_bytes((INPUTS / "sample-typed.doc").read_bytes(), "old.doc")


def test_doc_that_is_really_a_docx(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(legacy, "find_soffice", lambda: None)
    doc = read_bytes((INPUTS / "task-table.docx").read_bytes(), "renamed.doc")
    assert (doc.source.format, doc.source.encoding) == ("docx", "docx")
    assert doc.source.note == "renamed.doc：扩展名是 .doc，内容却是Word 文档（.docx）；已按内容读取。"
    assert doc.text.splitlines()[0] == "某区住建局2025年重点工作任务分解表"


def test_doc_that_is_really_a_web_page(monkeypatch: pytest.MonkeyPatch) -> None:
    # Sites often serve "Word" downloads that are HTML saved with a .doc name.
    monkeypatch.setattr(legacy, "find_soffice", lambda: None)
    page = '<html><head><meta charset="gbk"></head><body><div id="zoom"><p>一、总体要求</p><p>1.某项工作。（责任单位：甲科）</p></div></body></html>'
    doc = read_bytes(page.encode("gbk"), "download.doc")
    assert (doc.source.format, doc.source.encoding) == ("html", "gb18030")
    assert doc.text.splitlines() == ["一、总体要求", "1.某项工作。（责任单位：甲科）"]


@pytest.mark.soffice
def test_garbage_doc_is_an_input_error() -> None:
    needs_soffice()
    with pytest.raises(InputError, match="另存为"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "bad.doc")
