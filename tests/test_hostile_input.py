"""Hostile inputs found by a hostile-input run (issue 10), each reproduced: what a crafted file
can put into a spreadsheet, a terminal or a file name, and how a lying or absurd file is told."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import run_cli
from yaodian.controls import strip_controls
from yaodian.filenames import missing_path_hint, safe_stem
from yaodian.reading import read_bytes


def _notice(clause: str, *, title: str = "某局2024年工作要点", task: str = "推进综合改革") -> str:
    return f"{title}\n一、综合\n1. {task}。（牵头单位：{clause}）\n2. 做好安全工作。（牵头单位：办公室）\n"


# --- CSV formula injection -------------------------------------------------------------------

FORMULAS = ('=HYPERLINK("http://x","点")科', "@SUM(A1)科", "-2科", "+1科")


def _csv_fields(text: str) -> list[str]:
    return [field for row in csv.reader(io.StringIO(text)) for field in row]


@pytest.mark.parametrize(
    "args",
    [
        ("offices", "{f}", "--format", "csv"),
        ("parse", "{f}", "--format", "csv"),
        ("tasks", "{f}", "--format", "csv"),
    ],
)
def test_every_csv_neutralises_formulas(args: tuple[str, ...], tmp_path: Path) -> None:
    source = tmp_path / "n.txt"
    source.write_text(_notice("、".join(FORMULAS)), encoding="utf-8")
    code, out, err = run_cli(*(a.format(f=source) for a in args))
    assert code == 0, err
    fields = _csv_fields(out)
    assert "'@SUM(A1)科" in fields and "'-2科" in fields, fields
    assert not [f for f in fields if f.startswith(("=", "@", "+", "-"))]


# --- terminal escapes --------------------------------------------------------------------------

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x01"


def test_control_characters_never_reach_terminal_or_files(tmp_path: Path, sample_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    text = sample_path.read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    new.write_text(
        text.replace("基教科", f"基教{ESCAPES}科", 1) + _notice("德育科").split("\n", 2)[2], encoding="utf-8"
    )
    for args in (
        ("diff", old, new),
        ("diff", old, new, "--format", "md"),
        ("diff", old, new, "--format", "json"),
        ("parse", new),
        ("offices", new),
        ("tasks", new),
    ):
        code, out, err = run_cli(*args)
        assert code == 0, err
        for stream in (out, err):
            assert not any(c in stream for c in "\x1b\x07\x01"), (args, stream)
    code, _, err = run_cli("diff", old, new, "-o", tmp_path / "d.md")
    assert code == 0, err
    written = (tmp_path / "d.md").read_text(encoding="utf-8")
    assert "\x1b" not in written and "\x07" not in written and "pwned" in written


def test_strip_controls_keeps_tabs_and_line_ends() -> None:
    assert strip_controls("a\tb\r\nc\x1b[31md\x7f\x9be\x00") == "a\tb\r\nc[31mde"


# --- a lying charset ---------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8"])
def test_lying_meta_charset_is_checked_against_the_bytes(encoding: str, sample_path: Path) -> None:
    text = sample_path.read_text(encoding="utf-8")
    body = "".join(f"<p>{line}</p>" for line in text.splitlines())
    page = f'<html><head><meta charset="iso-8859-1"></head><body>{body}</body></html>'
    doc = read_bytes(page.encode(encoding), "通知.html")
    assert "常德市教育局" in doc.text
    assert doc.source.encoding is not None and doc.source.encoding.startswith(encoding)
    assert "与内容不符" in doc.source.encoding


def test_true_latin1_declaration_stands() -> None:
    doc = read_bytes('<meta charset="iso-8859-1"><p>Caf\xe9 r\xe9sum\xe9</p>'.encode("latin-1"), "x.html")
    assert doc.text.strip() == "Café résumé"


# --- 100,000 nested divs -----------------------------------------------------------------------


def test_deeply_nested_page_says_why_nothing_was_read(tmp_path: Path, sample_path: Path) -> None:
    inner = "".join(f"<p>{line}</p>" for line in sample_path.read_text(encoding="utf-8").splitlines()[:20])
    page = tmp_path / "深.html"
    page.write_text("<html><body>" + "<div>" * 100_000 + inner + "</div>" * 100_000 + "</body></html>")
    code, _, err = run_cli("parse", page)
    assert code == 1
    assert "嵌套超过" in err and "没有读到" in err and "Traceback" not in err


# --- file names and paths ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["COM¹", "com²", "LPT³", "CONIN$", "conout$", "aux .科", "NUL .txt", "CON"])
def test_windows_device_names_are_not_file_names(name: str) -> None:
    stem = safe_stem(name, fallback="x")
    assert stem.startswith("_")


def test_export_of_a_device_named_office(tmp_path: Path) -> None:
    source = tmp_path / "n.txt"
    source.write_text(_notice("COM¹、CONIN$"), encoding="utf-8")
    code, _, err = run_cli("sheets", source, "-o", tmp_path / "out")
    assert code == 0, err
    stems = {p.stem.split("-")[0] for p in (tmp_path / "out").rglob("*.docx")}
    assert not stems & {"COM¹", "CONIN$"}


def test_backslash_path_gets_a_hint(monkeypatch: pytest.MonkeyPatch, sample_path: Path) -> None:
    monkeypatch.chdir(sample_path.parent.parent)
    code, _, err = run_cli("parse", "samples\\changde-2024.txt")
    assert code == 1
    assert "samples/changde-2024.txt" in err and "该文件存在" in err
    assert missing_path_hint("a/b.txt") == ""


# --- lists with an odd first entry ----------------------------------------------------------------


@pytest.mark.parametrize("clause", ["+1、办公室", "CON、办公室", " 前后空格、办公室"])
def test_odd_first_names_do_not_swallow_the_list(clause: str) -> None:
    from yaodian import parse_text

    notice = parse_text(_notice(clause))
    assert "办公室" in [o.name for o in notice.items[0].offices]
