"""Notices damaged the way text reaches an office (issue 8): copied out of a PDF viewer, typed
with Word soft breaks inside clauses, pasted from a web page, or run together on one line.

The damage is made here from clean text (tests/damage.py); what the parser must find is fixed
by hand elsewhere — the golden JSON of the sample, reviewed when it was written, and the
expectations of every fixture in test_parsing_shapes.py — never by parsing the clean text.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from zipfile import ZipFile

import pytest

from damage import one_line, pdf_copy, soft_breaks, web_page
from test_parsing_shapes import CASES, NOTICES, Case, read_items
from yaodian.model import Notice, Source
from yaodian.parsing import parse_notice

GOLDEN = Path(__file__).parent / "golden" / "changde-2024.json"

Damage = Callable[[str], str]
DAMAGES: dict[str, Damage] = {
    "pdf-28": pdf_copy,
    "pdf-30-running-head": lambda t: pdf_copy(
        t, cells=30, running_head="常德市教育局文件", page_number="- {} -"
    ),
    "pdf-26-page-of": lambda t: pdf_copy(t, cells=26, page_lines=20, page_number="第 {} 页"),
    "soft-vt": soft_breaks,
    "soft-newline": lambda t: soft_breaks(t, "\n"),
    "soft-line-separator": lambda t: soft_breaks(t, "\u2028"),
    "web-page": web_page,
    "web-pdf-soft": lambda t: web_page(pdf_copy(soft_breaks(t, "\n"))),
    "one-line-spaces": lambda t: one_line(t, " "),
}


def _facts(items: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [
        (i["number"], i["title"], tuple((o["name"], o["role"]) for o in i["offices"]))  # type: ignore[index,union-attr]
        for i in items
    ]


def _bare(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def golden() -> dict[str, object]:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", DAMAGES)
def test_damaged_sample_parses_to_the_sample(name: str, sample_path: Path, golden: dict[str, object]) -> None:
    damaged = DAMAGES[name](sample_path.read_text(encoding="utf-8"))
    notice = parse_notice(damaged, source=Source(path=f"sample-{name}.txt")).to_dict()
    assert len(notice["items"]) == 35
    assert _facts(notice["items"]) == _facts(golden["items"])  # type: ignore[arg-type]
    # The text of every item comes back whole: no page number, head or break left inside (a space
    # that fell at the end of a printed line is lost, as it is from a real PDF).
    assert [_bare(i["text"]) for i in notice["items"]] == [_bare(i["text"]) for i in golden["items"]]  # type: ignore[union-attr]
    assert notice["title"].replace(" ", "") == golden["title"].replace(" ", "")  # type: ignore[union-attr]
    assert (notice["date"], notice["issuers"]) == (golden["date"], golden["issuers"])
    assert not [w for w in notice["warnings"] if w["code"] in ("no-clause", "office-name")]


def test_whole_notice_on_one_line_without_spaces(sample_path: Path, golden: dict[str, object]) -> None:
    # Every paragraph break lost and nothing in their place: items and offices still come back.
    notice = parse_notice(
        one_line(sample_path.read_text(encoding="utf-8")), source=Source(path="x")
    ).to_dict()
    assert _facts(notice["items"]) == _facts(golden["items"])  # type: ignore[arg-type]


def _damaged(case: Case, name: str) -> Notice:
    damaged = DAMAGES[name]((NOTICES / case.file).read_text(encoding="utf-8"))
    return parse_notice(damaged, source=Source(path=case.file))


TEXT_CASES = [c for c in CASES if not c.file.startswith("table")]
LINE_DAMAGES = [name for name in DAMAGES if not name.startswith("one-line")]


@pytest.mark.parametrize("name", LINE_DAMAGES)
@pytest.mark.parametrize("case", TEXT_CASES, ids=[c.file for c in TEXT_CASES])
def test_damaged_fixture_reads_as_the_fixture(case: Case, name: str) -> None:
    notice = _damaged(case, name)
    assert read_items(notice) == list(case.items)
    assert notice.title == case.title


COMPLETE = [c for c in CASES if c.file.startswith("complete")]


@pytest.mark.parametrize("name", DAMAGES)
@pytest.mark.parametrize("case", COMPLETE, ids=[c.file for c in COMPLETE])
def test_damaged_complete_notice_keeps_its_header(case: Case, name: str) -> None:
    # Complete notices, every damage including the whole notice on one line: header facts too.
    notice = _damaged(case, name)
    assert read_items(notice) == list(case.items)
    assert (notice.title.replace(" ", ""), notice.issuers) == (case.title, case.issuers)
    assert notice.date is not None and notice.date.isoformat() == case.date


def test_web_footer_never_glued_to_the_last_item() -> None:
    text = web_page((NOTICES / "fullwidth.txt").read_text(encoding="utf-8"))
    notice = parse_notice(text, source=Source(path="x"))
    last = notice.items[-1]
    for furniture in ("扫一扫", "打印本页", "ICP", "网站标识码", "联系人名单", "主办"):
        assert furniture not in last.text
    assert len(notice.items) == 3


def test_word_soft_breaks_in_a_real_docx(
    tmp_path: Path, sample_path: Path, golden: dict[str, object]
) -> None:
    # A Word file typed with Shift+Enter inside every clause (w:br in the run), read as Word.
    import docx

    document = docx.Document()
    for line in soft_breaks(sample_path.read_text(encoding="utf-8"), "\v").split("\n"):
        paragraph = document.add_paragraph()
        for k, piece in enumerate(line.split("\v")):
            run = paragraph.add_run(piece)
            if k < line.count("\v"):
                run.add_break()
    path = tmp_path / "soft-breaks.docx"
    document.save(str(path))
    assert ZipFile(path).read("word/document.xml").count(b"<w:br/>") == 35
    from yaodian import parse_file

    notice = parse_file(path).to_dict()
    assert _facts(notice["items"]) == _facts(golden["items"])  # type: ignore[arg-type]
