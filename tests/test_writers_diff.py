"""The diff's JSON and Markdown (golden files), its schema, and the xlsx / docx reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import GOLDEN, ROOT, check_golden
from diffkit import build, edited_sample
from yaodian import parse_file, parse_text
from yaodian.analysis.diff import PlanDiff, diff_notices
from yaodian.analysis.textdiff import TextOp
from yaodian.writers.diff_text import diff_json, diff_markdown, marked_markdown


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
    check_golden(GOLDEN / "diff-sample.md", diff_markdown(sample_diff), update_golden)


def test_sample_json_golden(sample_diff: PlanDiff, update_golden: bool) -> None:
    check_golden(GOLDEN / "diff-sample.json", diff_json(sample_diff), update_golden)


def test_fixture_markdown_golden(fixture_diff: PlanDiff, update_golden: bool) -> None:
    # paths in the report depend on where the tests run: keep only the file names
    text = diff_markdown(fixture_diff).replace(str(ROOT / "tests" / "fixtures" / "diff") + "/", "")
    check_golden(GOLDEN / "diff-fixtures.md", text, update_golden)


def test_json_follows_its_schema(sample_diff: PlanDiff, fixture_diff: PlanDiff) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "src" / "yaodian" / "diff.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for diff in (sample_diff, fixture_diff, diff_notices(build([]), build([]))):
        jsonschema.validate(json.loads(diff_json(diff)), schema, cls=jsonschema.Draft202012Validator)


def test_json_keys_other_tools_read(sample_diff: PlanDiff) -> None:
    data = json.loads(diff_json(sample_diff))
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
    text = diff_markdown(diff_notices(sample_notice, sample_notice))
    assert "两份工作要点内容相同。" in text
    assert "## 条目变化" not in text and "## 科室任务变化" not in text
