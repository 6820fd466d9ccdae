"""The public API (`import yaodian`): what it exports, the writer scheme, the README example."""

from __future__ import annotations

import dataclasses
import inspect
import json
import re
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest

import yaodian
from conftest import GOLDEN, ROOT
from yaodian import model


def test_every_public_model_type_is_exported() -> None:
    public = {
        name
        for name, obj in vars(model).items()
        if not name.startswith("_") and inspect.isclass(obj) and dataclasses.is_dataclass(obj)
    }
    assert public == {
        "Source",
        "ParseWarning",
        "OfficeRef",
        "Item",
        "Section",
        "OfficeSummary",
        "Coverage",
        "Deadline",
        "Notice",
    }
    assert public <= set(yaodian.__all__)
    for name in yaodian.__all__:
        assert getattr(yaodian, name) is not None


def test_result_types_are_the_analysis_classes() -> None:
    from yaodian.analysis.check import Finding
    from yaodian.analysis.diff import PlanDiff

    assert yaodian.PlanDiff is PlanDiff
    assert yaodian.Finding is Finding
    with pytest.raises(AttributeError):
        _ = yaodian.NoSuchThing  # type: ignore[attr-defined]


def test_text_writers_return_strings(sample_notice: yaodian.Notice) -> None:
    golden = json.loads((GOLDEN / "changde-2024.json").read_text(encoding="utf-8"))
    assert json.loads(yaodian.to_json(sample_notice))["items"] == golden["items"]
    assert yaodian.to_markdown(sample_notice).startswith("# ")
    rows = yaodian.to_csv(sample_notice).splitlines()
    assert len(rows) > len(sample_notice.items)


def test_diff_check_offices(sample_path: Path) -> None:
    result = yaodian.diff(ROOT / "samples/diff/2023.txt", ROOT / "samples/diff/2024.txt")
    assert isinstance(result, yaodian.PlanDiff)
    assert result.differs
    assert json.loads(yaodian.to_json(result))["summary"] == result.summary()
    assert yaodian.to_markdown(result).startswith("#")
    notice = yaodian.parse_file(sample_path)
    assert yaodian.offices(notice) == notice.offices()
    assert all(isinstance(f, yaodian.Finding) for f in yaodian.check(notice))


def test_file_writers_return_paths(tmp_path: Path, sample_notice: yaodian.Notice) -> None:
    matrix = yaodian.write_matrix(sample_notice, tmp_path / "m.xlsx")
    assert openpyxl.load_workbook(matrix).sheetnames[0] == "责任矩阵"
    sheets = yaodian.write_sheets(sample_notice, tmp_path / "sheets")
    assert len(sheets) == len(sample_notice.offices())
    for suffix in (".xlsx", ".docx", ".md", ".json", ".csv"):
        path = yaodian.write_tasks(sample_notice, tmp_path / f"t{suffix}", offices=["基教科"])
        assert path == tmp_path / f"t{suffix}" and path.stat().st_size > 0
    assert "基教科" in docx.Document(str(tmp_path / "t.docx")).paragraphs[0].text
    result = yaodian.diff(sample_notice, sample_notice)
    for suffix in (".xlsx", ".docx", ".md", ".json"):
        assert yaodian.write_diff(result, tmp_path / f"d{suffix}").exists()
    with pytest.raises(yaodian.UsageError):
        yaodian.write_diff(result, tmp_path / "d.pdf")
    with pytest.raises(yaodian.OutputError):
        yaodian.write_matrix(sample_notice, matrix)


def test_readme_library_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## 作为库使用") :]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match is not None
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    exec(compile(match.group(1), "README.md", "exec"), {})
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "任务清单",
        "基教科.docx",
        "对比.xlsx",
        "责任矩阵.xlsx",
    ]
