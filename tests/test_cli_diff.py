"""`yaodian diff` in-process: formats, files, exit codes and bad options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from diffkit import edited_sample


@pytest.fixture
def pair(tmp_path: Path, sample_path: Path) -> tuple[str, str]:
    text = sample_path.read_text(encoding="utf-8")
    new = tmp_path / "2025.txt"
    new.write_text(edited_sample(text), encoding="utf-8")
    return str(sample_path), str(new)


def test_terminal_report_summary_then_changes(pair: tuple[str, str]) -> None:
    result = run_cli("diff", *pair)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.index("概要") < out.index("条目变化") < out.index("科室任务变化")
    assert "校外监管科 → 校外培训监管科" in out
    assert "新增 七、坚持开放合作,扩大教育对外交流" in out
    assert "成文日期：2024年2月20日 → 2024年3月1日" in out
    assert "合并 第21、22条 → 第22条" in out
    assert "拆分 第7条 → 第7、8条" in out
    assert "删除 原第11条" in out and "新增 新第35条" in out
    # not a terminal: insertions and deletions are marked in text (lines may wrap anywhere)
    flat = "".join(out.split())
    assert "学位[-6000-]{+5000+}个" in flat
    assert "推[-动-]{+进+}学前教育" in flat


def test_identical_plans(sample_path: Path) -> None:
    result = run_cli("diff", str(sample_path), str(sample_path), "--exit-code")
    assert result.exit_code == 0
    assert "两份工作要点内容相同。" in result.stdout


def test_exit_code_when_plans_differ(pair: tuple[str, str]) -> None:
    assert run_cli("diff", *pair, "--exit-code", "-F", "json").exit_code == 1
    assert run_cli("diff", *pair, "-F", "json").exit_code == 0


def test_json_to_stdout(pair: tuple[str, str]) -> None:
    result = run_cli("diff", *pair, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["old"]["path"] == pair[0] and data["new"]["path"] == pair[1]
    assert data["summary"]["merged"] == 1 and data["summary"]["split"] == 1
    assert data["renamed_offices"] == [["校外监管科", "校外培训监管科"]]


def test_threshold_option(pair: tuple[str, str]) -> None:
    # At 0.999 the 6000 → 5000 item (0.994) no longer pairs up: it is removed and added.
    data = json.loads(run_cli("diff", *pair, "-F", "json", "--threshold", "0.999").stdout)
    assert data["threshold"] == 0.999
    statuses = {(tuple(i["old"]), tuple(i["new"])): i["status"] for i in data["items"]}
    assert statuses[(("29",), ())] == "removed" and statuses[((), ("29",))] == "added"


def test_output_file_by_suffix_and_force(pair: tuple[str, str], tmp_path: Path) -> None:
    out = tmp_path / "对比.md"
    result = run_cli("diff", *pair, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("# 工作要点年度对比\n")
    assert "已写入" in result.stderr and result.stdout == ""
    again = run_cli("diff", *pair, "-o", str(out))
    assert again.exit_code == 1 and "--force" in again.stderr
    assert run_cli("diff", *pair, "-o", str(out), "--force").exit_code == 0
    data_out = tmp_path / "对比.json"
    assert run_cli("diff", *pair, "-o", str(data_out)).exit_code == 0
    assert json.loads(data_out.read_text(encoding="utf-8"))["summary"]["added"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--threshold", "0"], "--threshold"),
        (["--threshold", "1.5"], "--threshold"),
        (["--format", "xlsx"], "-o"),
        (["--format", "docx"], "-o"),
    ],
)
def test_usage_errors_exit_2(pair: tuple[str, str], args: list[str], message: str) -> None:
    result = run_cli("diff", *pair, *args)
    assert result.exit_code == 2
    assert message in result.stderr and "错误" in result.stderr


def test_both_from_stdin_is_a_usage_error() -> None:
    result = run_cli("diff", "-", "-")
    assert result.exit_code == 2 and "标准输入" in result.stderr


def test_missing_input_exit_1(pair: tuple[str, str], tmp_path: Path) -> None:
    result = run_cli("diff", pair[0], str(tmp_path / "无此文件.txt"))
    assert result.exit_code == 1
    assert "无此文件.txt" in result.stderr


def test_help_is_chinese() -> None:
    result = run_cli("diff", "--help")
    assert result.exit_code == 0
    assert "对比两年的工作要点" in result.stdout and "--exit-code" in result.stdout


def test_txt_against_docx_in_another_clause_style(fixtures_dir: Path, tmp_path: Path) -> None:
    # Last year a .txt with (责任科室：…) clauses, this year a .docx with 责任单位： lines.
    import docx

    new_docx = tmp_path / "2024.docx"
    document = docx.Document()
    for line in (fixtures_dir / "diff" / "new.txt").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(str(new_docx))
    old = str(fixtures_dir / "diff" / "old.txt")
    from_docx = json.loads(run_cli("diff", old, str(new_docx), "-F", "json").stdout)
    from_txt = json.loads(run_cli("diff", old, str(fixtures_dir / "diff" / "new.txt"), "-F", "json").stdout)
    assert from_docx["new"]["format"] == "docx"
    assert from_docx["items"] == from_txt["items"]
    assert from_docx["renamed_offices"] == [["市场推广科", "文旅营销科"]]
    assert [(i["status"], i["old"], i["new"]) for i in from_docx["items"] if i["status"] == "merged"] == [
        ("merged", ["7", "8"], ["7"])
    ]


def test_xlsx_and_docx_outputs(pair: tuple[str, str], tmp_path: Path) -> None:
    import docx
    from openpyxl import load_workbook

    xlsx = tmp_path / "对比.xlsx"
    result = run_cli("diff", *pair, "-o", str(xlsx))
    assert result.exit_code == 0, result.stderr
    assert load_workbook(xlsx).sheetnames == ["概要", "条目对比", "科室变化"]
    report = tmp_path / "对比.docx"
    result = run_cli("diff", *pair, "-F", "docx", "-o", str(report), "--fonts", "windows", "--exit-code")
    assert result.exit_code == 1  # written, and the plans differ
    document = docx.Document(str(report))
    assert document.paragraphs[0].text == "工作要点年度对比"
    east_asia = document.styles["Normal"].element.rPr.rFonts.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
    )
    assert east_asia == "仿宋"
