"""The CLI in-process with Typer's CliRunner, one subprocess smoke test, and bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from yaodian.cli import app


def test_parse_json(sample_path: Path) -> None:
    result = run_cli("parse", str(sample_path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "中共常德市委教育工作委员会 常德市教育局2024年工作要点"
    assert data["date"] == "2024-02-20"
    assert len(data["items"]) == 35
    assert data["items"][0]["offices"][0] == {
        "name": "党建指导科",
        "raw": "党建指导科",
        "alias": None,
        "role": "lead",
        "collective": False,
    }
    assert data["items"][0]["section"] == ["一"]


def test_parse_table_shows_tree(sample_path: Path) -> None:
    result = run_cli("parse", str(sample_path))
    assert result.exit_code == 0
    assert "坚持党建引领" in result.stdout
    assert "坚持和加强党对教育工作的全面领导" in result.stdout
    assert "35 项条目" in result.stdout


def test_parse_markdown(sample_path: Path) -> None:
    result = run_cli("parse", str(sample_path), "--format", "md")
    assert result.exit_code == 0
    assert result.stdout.startswith("# 中共常德市委教育工作委员会 常德市教育局2024年工作要点\n")
    assert (
        "- **1.** 坚持和加强党对教育工作的全面领导（牵头：党建指导科；配合：人事科、办公室）" in result.stdout
    )


def test_parse_csv_to_file_has_bom(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "tasks.csv"
    result = run_cli("parse", str(sample_path), "--format", "csv", "-o", str(out))
    assert result.exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:7] == ["序号", "条目编号", "部分", "工作任务", "科室", "原文写法", "角色"]
    # one row per (item, office): the clauses of the 35 items name 101 offices (counted by hand)
    assert len(rows) - 1 == 101
    assert rows[1][4:7] == ["党建指导科", "党建指导科", "牵头"]


def test_parse_output_exists_needs_force(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "n.json"
    out.write_text("old", encoding="utf-8")
    result = run_cli("parse", str(sample_path), "--format", "json", "-o", str(out))
    assert result.exit_code == 1
    assert "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "old"
    assert run_cli("parse", str(sample_path), "--format", "json", "-o", str(out), "--force").exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"]


def test_parse_stdin(sample_path: Path) -> None:
    result = run_cli("parse", "-", "--format", "json", input=sample_path.read_bytes())
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["items"]) == 35


def test_offices_table_and_csv(sample_path: Path) -> None:
    result = run_cli("offices", str(sample_path), "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:4] == ["科室", "牵头", "配合", "合计"]
    assert rows[1][:4] == ["基教科", "7", "12", "19"]
    assert len(rows) == 26
    table = run_cli("offices", str(sample_path))
    assert table.exit_code == 0 and "基教科" in table.stdout


def test_aliases_merge_spellings(tmp_path: Path, fixtures_dir: Path) -> None:
    table = tmp_path / "aliases.toml"
    table.write_text('"综合办公室" = ["综合科", "综合室"]\n', encoding="utf-8")
    result = run_cli(
        "parse", str(fixtures_dir / "notices" / "fullwidth.txt"), "-F", "json", "--aliases", str(table)
    )
    assert result.exit_code == 0
    names = [o["name"] for o in json.loads(result.stdout)["offices"]]
    assert "综合办公室" in names and "综合科" not in names


def test_bad_aliases_file(tmp_path: Path, sample_path: Path) -> None:
    bad = tmp_path / "a.toml"
    bad.write_text("这不是 toml = [", encoding="utf-8")
    result = run_cli("parse", str(sample_path), "--aliases", str(bad))
    assert result.exit_code == 1
    assert "TOML" in result.stderr


def test_strict_turns_warnings_into_exit_1(fixtures_dir: Path) -> None:
    path = str(fixtures_dir / "notices" / "unlabeled.txt")
    assert run_cli("parse", path, "-F", "json").exit_code == 0
    result = run_cli("parse", path, "-F", "json", "--strict")
    assert result.exit_code == 1
    assert "第 5 行" in result.stderr


@pytest.mark.parametrize(
    ("content", "expect"),
    [
        (None, "不存在"),
        ("DIR", "文件夹"),
        (b"", "空"),
        (b"\x00\x01\x02\x03\xff\xfe\x00\x00binary" * 50, "二进制"),
        ("这是一段普通文字，没有任何编号条目。\n第二段也没有。".encode(), "没有找到编号"),
        (b"\x81\x30\xff\xff\xfe", "编码"),
    ],
    ids=["missing", "directory", "empty", "binary", "no-items", "undecodable"],
)
def test_bad_input_is_one_clear_message(tmp_path: Path, content: bytes | str | None, expect: str) -> None:
    path = tmp_path / "notice.txt"
    if content == "DIR":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    result = run_cli("parse", str(path), "--format", "json")
    assert result.exit_code == 1
    assert expect in result.stderr, result.stderr
    assert str(path) in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_bad_usage_exits_2(sample_path: Path) -> None:
    assert run_cli("parse", str(sample_path), "--format", "pdf").exit_code == 2
    assert run_cli("parse").exit_code == 2
    assert run_cli("nosuchcommand").exit_code == 2


def test_unknown_encoding_is_an_error(sample_path: Path) -> None:
    result = run_cli("parse", str(sample_path), "--encoding", "klingon")
    assert result.exit_code == 1
    assert "编码" in result.stderr


def test_forced_wrong_encoding_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_bytes("标题\n一、部分\n1.条目。（责任科室：甲科）\n".encode())
    result = run_cli("parse", str(path), "--encoding", "ascii")
    assert result.exit_code == 1
    assert "第 1 行" in result.stderr


def test_every_command_has_help_and_is_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__ for c in app.registered_commands]  # type: ignore[union-attr]
    assert {"parse", "offices"} <= set(names)
    for name in names:
        result = run_cli(name, "--help")
        assert result.exit_code == 0
        assert len(result.stdout) > 100
        assert "示例" in result.stdout, f"`yaodian {name} --help` gives no example"
        assert f"yaodian {name}" in readme, f"README.md does not show `yaodian {name}`"


def test_python_dash_m_smoke(sample_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "yaodian", "parse", str(sample_path), "--format", "json"],
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["year"] == 2024


def test_parse_does_not_import_heavy_libraries(sample_path: Path) -> None:
    code = (
        "import sys\n"
        "from yaodian.cli import app\n"
        "try:\n    app(['parse', sys.argv[1], '--format', 'json'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('openpyxl', 'docx', 'rapidfuzz', 'pypdfium2', 'lxml', 'bs4') if m in sys.modules]\n"
        "sys.stderr.write(repr(heavy))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(sample_path)], capture_output=True, check=False)
    assert proc.stderr.decode().strip().endswith("[]"), proc.stderr.decode()


def test_output_files_get_ordinary_permissions(sample_path: Path, tmp_path: Path) -> None:
    import os

    out = tmp_path / "n.json"
    assert run_cli("parse", str(sample_path), "-F", "json", "-o", str(out)).exit_code == 0
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left behind
