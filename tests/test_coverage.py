"""Never silent (issue 8): an item without a responsible office is said in the JSON and on stderr
by every command that writes task outputs, `--strict` makes it an error, and `check` explains a
clause cut by a line break as such."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from yaodian import parse_file
from yaodian.cli import app

NOTICES = Path(__file__).parent / "fixtures" / "notices"
# Item 三 of this fixture names no office (written so); the others do.
PARTIAL = NOTICES / "unlabeled.txt"
LINE = "1 项条目没有找到责任单位：第 三 条；请核对原文（yaodian check 可定位）"

runner = CliRunner()


def test_coverage_in_the_model_and_json() -> None:
    coverage = parse_file(PARTIAL).coverage()
    assert (coverage.items, coverage.with_offices, coverage.without_offices) == (3, 2, ("三",))
    result = runner.invoke(app, ["parse", str(PARTIAL), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["coverage"] == {"items": 3, "with_offices": 2, "without_offices": ["三"]}


def test_complete_notice_says_nothing(sample_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(sample_path), "--format", "json"])
    assert json.loads(result.stdout)["coverage"]["without_offices"] == []
    assert "没有找到责任单位" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["parse"],
        ["parse", "--format", "json"],
        ["tasks"],
        ["matrix", "-o", "{out}/m.xlsx"],
        ["sheets", "-o", "{out}/sheets"],
        ["export", "-o", "{out}/all"],
    ],
    ids=lambda a: " ".join(a[:3]),
)
def test_every_task_output_says_what_is_missing(args: list[str], tmp_path: Path) -> None:
    command = [args[0], str(PARTIAL), *(a.format(out=tmp_path) for a in args[1:])]
    result = runner.invoke(app, command)
    assert result.exit_code == 0, result.stderr
    assert LINE in result.stderr
    assert str(PARTIAL) in result.stderr


@pytest.mark.parametrize("command", ["parse", "tasks"])
def test_strict_makes_a_missing_office_an_error(command: str) -> None:
    result = runner.invoke(app, [command, str(PARTIAL), "--strict"])
    assert result.exit_code == 1
    assert "没有找到责任单位" in result.stderr
    assert "条目 三" in result.stderr or "第 三 条" in result.stderr
    assert "Traceback" not in result.stderr


def test_batch_lists_missing_offices(tmp_path: Path) -> None:
    result = runner.invoke(app, ["batch", str(PARTIAL), "-o", str(tmp_path / "b")])
    assert result.exit_code == 0, result.stderr
    assert LINE in result.stderr
    record = json.loads((tmp_path / "b" / "index.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert record["without_offices"] == ["三"]


BROKEN = """某局2025年工作要点
一、重点工作
1.完善制度建设。修订管理办法五项。（责任科室：法规科、

人事科）
2.加强队伍建设。开展业务培训四期。（责任科室：人事科、


3.推进信息化建设。建成数据平台。（责任科室：信息中心）
"""


def test_clause_broken_by_a_blank_line_is_mended_or_explained(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_text(BROKEN, encoding="utf-8")
    notice = parse_file(path)
    # Item 1's clause continues after an empty line: mended. Item 2's never closes: explained.
    assert [o.name for o in notice.items[0].offices] == ["法规科", "人事科"]
    assert notice.items[1].offices == ()
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert [(f["line"], f["code"]) for f in findings] == [(6, "broken-clause")]
    assert "换行断开" in findings[0]["message"] + findings[0]["suggestion"]


UNREAD = """某局2025年工作要点
一、重点工作
1.完善制度建设。修订管理办法五项。（责任科室：法规科）
2.加强队伍建设。开展业务培训四期。（由局领导班子统筹负责）
3.推进信息化建设。建成数据平台。（责任科室：信息中心）
"""


def test_a_clause_that_cannot_be_read_is_said(tmp_path: Path) -> None:
    path = tmp_path / "unread.txt"
    path.write_text(UNREAD, encoding="utf-8")
    notice = parse_file(path)
    assert notice.items[1].offices == ()
    assert [(w.line, w.code) for w in notice.warnings] == [(4, "unread-clause")]
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["unread-clause"]
