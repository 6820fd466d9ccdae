"""Every word the user reads from the command line is Chinese: help pages, usage errors, the
words people type for roles and offices (issue 10)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_cli
from yaodian.cli.framework import width_of, wrap

COMMANDS = ("parse", "offices", "matrix", "sheets", "export", "tasks", "diff", "check", "batch")

# The framework's English: click's and typer's help frame and error messages.
ENGLISH = re.compile(
    r"Usage|Options|Arguments|Commands|required|default|Show this|Error|Try |Missing|"
    r"No such|Invalid|is not one of|Choose from|Possible|Aborted|\bTEXT\b|\bPATH\b|\bINTEGER\b|"
    r"\bFLOAT\b|<bool>|<str>|<path>|\[ARGS\]|COMMAND"
)

# One required option or argument each command lacks when given only a file.
MISSING = {
    "parse": [],
    "offices": [],
    "matrix": ["FILE"],
    "sheets": ["FILE"],
    "export": ["FILE"],
    "tasks": [],
    "diff": ["FILE"],
    "check": [],
    "batch": ["FILE"],
}


@pytest.fixture(autouse=True)
def _eighty_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


@pytest.mark.parametrize("command", [*COMMANDS, None])
def test_help_is_chinese_and_fits_80_columns(command: str | None) -> None:
    code, out, err = run_cli(*([command] if command else []), "--help")
    assert code == 0, err
    assert out.startswith("用法：yaodian")
    assert not ENGLISH.search(out), ENGLISH.search(out)
    for line in out.splitlines():
        assert width_of(line) <= 80, line
    assert "…\n" not in out.split("\n", 1)[1]  # no description cut to an ellipsis
    assert "选项：" in out and "显示本帮助并退出。" in out


@pytest.mark.parametrize("command", COMMANDS)
def test_wrong_option_is_a_chinese_usage_error(command: str, sample_path: Path) -> None:
    code, out, err = run_cli(command, sample_path, "--no-such-thing")
    assert code == 2
    assert not out
    assert "没有选项 --no-such-thing" in err
    assert f"用法：yaodian {command}" in err and f"yaodian {command} -h" in err
    assert not ENGLISH.search(err), err


@pytest.mark.parametrize("command", ["matrix", "sheets", "export", "batch"])
def test_missing_option_is_chinese(command: str, sample_path: Path) -> None:
    code, _, err = run_cli(command, sample_path)
    assert code == 2
    assert "缺少选项 --output / -o" in err
    assert not ENGLISH.search(err), err


@pytest.mark.parametrize("command", ["parse", "diff", "check"])
def test_missing_argument_is_chinese(command: str) -> None:
    code, _, err = run_cli(command)
    assert code == 2
    assert "缺少参数" in err
    assert not ENGLISH.search(err), err


@pytest.mark.parametrize(
    "args",
    [
        ("parse", "{s}", "--format", "xml"),
        ("offices", "{s}", "-F", "pdf"),
        ("tasks", "{s}", "--format", "pptx"),
        ("diff", "{s}", "{s}", "--format", "html"),
        ("check", "{s}", "--format", "md"),
        ("export", "{s}", "-o", "x", "--fonts", "linux"),
        ("tasks", "{s}", "--role", "主办"),
    ],
)
def test_bad_choice_is_chinese(args: tuple[str, ...], sample_path: Path) -> None:
    code, _, err = run_cli(*(a.format(s=sample_path) for a in args))
    assert code == 2
    assert "的值无效" in err
    assert not ENGLISH.search(err), err


def test_bad_number_and_unknown_command_are_chinese(sample_path: Path) -> None:
    code, _, err = run_cli("diff", sample_path, sample_path, "-t", "abc")
    assert code == 2 and "须是一个数字" in err and not ENGLISH.search(err)
    code, _, err = run_cli("exprot", sample_path)
    assert code == 2 and "没有命令 exprot" in err and not ENGLISH.search(err)
    code, _, err = run_cli("parse", sample_path, "--format")
    assert code == 2 and "须给一个值" in err and not ENGLISH.search(err)
    code, _, err = run_cli("parse", sample_path, "extra")
    assert code == 2 and "多余的参数" in err and not ENGLISH.search(err)


def test_no_arguments_shows_chinese_help() -> None:
    code, out, err = run_cli()
    assert code == 2
    assert "用法：yaodian" in out + err and "命令：" in out + err


def test_version() -> None:
    from yaodian.version import __version__

    for flag in ("--version", "-V"):
        code, out, _ = run_cli(flag)
        assert code == 0
        assert out.strip() == f"yaodian {__version__}"


@pytest.mark.parametrize("word", ["牵头", "lead", "LEAD"])
def test_role_accepts_chinese_words(word: str, sample_path: Path) -> None:
    code, out, err = run_cli("tasks", sample_path, "--role", word, "-F", "csv")
    assert code == 0, err
    rows = out.splitlines()[1:]
    assert rows and all(",牵头," in row for row in rows)


def test_office_accepts_a_list(sample_path: Path) -> None:
    code, out, err = run_cli(
        "tasks", sample_path, "--office", "基教科,办公室", "--role", "配合", "-F", "json"
    )
    assert code == 0, err
    import json

    names = [o["name"] for o in json.loads(out)["offices"]]
    assert names == ["基教科", "办公室"]


def test_sheets_office_list(tmp_path: Path, sample_path: Path) -> None:
    code, _, err = run_cli("sheets", sample_path, "-o", tmp_path / "s", "--office", "基教科，职成科")
    assert code == 0, err
    assert len(list((tmp_path / "s").rglob("*.docx"))) == 2


@pytest.mark.parametrize("suffix", [".csv", ".md", ".json"])
def test_offices_writes_a_file(tmp_path: Path, sample_path: Path, suffix: str) -> None:
    target = tmp_path / f"科室{suffix}"
    code, out, err = run_cli("offices", sample_path, "-o", target)
    assert code == 0, err
    assert not out and "已写入" in err
    assert "基教科" in target.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize(
    "args",
    [
        ("diff", "{s}", "{s}", "-o", "{t}/x.csv"),
        ("parse", "{s}", "-o", "{t}/x.xlsx"),
        ("offices", "{s}", "-o", "{t}/x.txt"),
        ("tasks", "{s}", "-o", "{t}/x.pdf"),
        ("parse", "{s}", "--format", "json", "-o", "{t}/x.csv"),
    ],
)
def test_output_suffix_must_name_a_format(args: tuple[str, ...], tmp_path: Path, sample_path: Path) -> None:
    code, _, err = run_cli(*(a.format(s=sample_path, t=tmp_path) for a in args))
    assert code == 2, err
    assert "--format" in err
    assert not list(tmp_path.iterdir())


def test_wrap_never_cuts_ascii_words_nor_starts_a_line_with_punctuation() -> None:
    text = "字体方案：gb2312（方正小标宋简体/仿宋_GB2312/楷体_GB2312，机关电脑）、windows（宋体）。"
    lines = wrap(text, 20)
    assert "".join(lines) == text.replace(" ", "")
    assert all(width_of(line) <= 20 or " " not in line for line in lines)
    assert not any(line[0] in "，。、）" for line in lines)
    assert "gb2312" in "\n".join(lines)
