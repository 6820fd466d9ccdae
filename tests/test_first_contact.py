"""What a new user meets first (issue 10): the README's quick start, a clean install, messages
that name their file, LibreOffice found where its installer puts it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_quick_start_comes_before_the_commands() -> None:
    start = README.index("## 快速上手")
    assert start < README.index("## 命令一览")
    quick = README[start : README.index("## 命令一览")]
    for needed in (
        ".venv/bin/yaodian",
        "source .venv/bin/activate",
        "yaodian export 通知.docx -o 2024年任务分解",
        "py -m venv .venv",
        r".venv\Scripts\pip install -e .",
        "WPS",
    ):
        assert needed in quick, needed


def test_command_table_starts_with_export_then_parse() -> None:
    table = README[README.index("## 命令一览") :]
    commands = re.findall(r"^\| `yaodian (\w+)` \|", table, flags=re.M)
    assert commands[:2] == ["export", "parse"]


def test_license_is_an_spdx_string() -> None:
    # The `license = {text = …}` table made setuptools print a deprecation warning in `make demo`.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"


def test_parser_notes_line_names_its_file(tmp_path: Path) -> None:
    source = SAMPLES / "shapes" / "four_levels.txt"
    code, _, err = run_cli("parse", source, "--format", "json", "-o", tmp_path / "x.json")
    assert code == 0
    assert f"{source}：解析提示" in err
    code, _, err = run_cli("matrix", source, "-o", tmp_path / "x.xlsx")
    assert code == 0
    assert f"{source}：解析提示" in err


def test_libreoffice_found_in_its_install_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from yaodian.reading import legacy

    soffice = tmp_path / "LibreOffice" / "program" / "soffice.exe"
    soffice.parent.mkdir(parents=True)
    soffice.write_text("")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("PROGRAMFILES", str(tmp_path))
    monkeypatch.setattr(legacy, "_install_folders", lambda: [*legacy._windows_folders(), Path("/nowhere")])
    assert legacy.find_soffice() == str(soffice)
