"""`yaodian check`: faults of a notice itself, each with its line, severity and a suggestion."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from yaodian import parse_file
from yaodian.aliases import load_aliases
from yaodian.analysis.check import Finding, check_notice, has_errors, same_office
from yaodian.api import parse_text
from yaodian.model import LEAD, Item, Notice, OfficeRef, ParseWarning, Section, Source

CHECK = Path(__file__).resolve().parent / "fixtures" / "inputs" / "check"


def codes(findings: list[Finding]) -> list[tuple[int, str, str]]:
    return [(f.line, f.severity, f.code) for f in findings]


def test_sample_has_no_findings(sample_notice: Notice) -> None:
    assert check_notice(sample_notice) == []


def test_every_fault_in_the_faults_fixture() -> None:
    findings = check_notice(parse_file(CHECK / "faults.txt"))
    assert codes(findings) == [
        (5, "error", "numbering-gap"),  # 2. then 4.
        (6, "error", "numbering-repeat"),  # 4. twice
        (9, "warning", "office-spelling"),  # 基教科 here, 基础教育科 elsewhere
        (10, "error", "no-clause"),  # 7. has no 责任科室
        (11, "warning", "near-duplicate-item"),  # 8. nearly repeats 6.
        (12, "error", "duplicate-item"),  # 9. repeats 5. word for word
        (13, "warning", "empty-section"),  # 三、其他工作 has nothing under it
    ]
    assert has_errors(findings)
    by_code = {f.code: f for f in findings}
    assert "缺少 3" in by_code["numbering-gap"].message
    assert by_code["office-spelling"].suggestion.endswith('"基础教育科" = ["基教科"]')
    assert "条目 9 与条目 5" in by_code["duplicate-item"].message
    assert all(f.suggestion for f in findings)


def test_unknown_office_against_alias_table() -> None:
    aliases = load_aliases(CHECK / "aliases.toml")
    notice = parse_file(CHECK / "faults.txt", aliases=aliases)
    findings = check_notice(notice, aliases=aliases)
    unknown = [f for f in findings if f.code == "unknown-office"]
    assert codes(unknown) == [(5, "warning", "unknown-office")]
    assert "纪检室" in unknown[0].message
    assert "纪检监察室" in unknown[0].suggestion
    # With the table applied, 基教科 is 基础教育科: no spelling finding any more.
    assert not [f for f in findings if f.code == "office-spelling"]


def test_numbers_restarting_per_section() -> None:
    findings = check_notice(parse_file(CHECK / "restart.txt"))
    assert codes(findings) == [(11, "error", "numbering-gap")]
    assert "缺少 2" in findings[0].message


def test_restarting_numbers_are_not_faults() -> None:
    text = """某县工作要点
一、甲方面
1.第一件事。内容一。（责任单位：综合股）
2.第二件事。内容二。（责任单位：财务股）
二、乙方面
1.第三件事。内容三。（责任单位：综合股）
2.第四件事。内容四。（责任单位：人事股）
"""
    assert check_notice(parse_text(text)) == []


def test_section_gap_in_chinese_numbers() -> None:
    text = """某县工作要点
一、甲方面
1.第一件事。内容一。（责任单位：综合股）
二、乙方面
2.第二件事。内容二。（责任单位：财务股）
四、丁方面
3.第三件事。内容三。（责任单位：人事股）
"""
    findings = check_notice(parse_text(text))
    assert codes(findings) == [(6, "error", "numbering-gap")]
    assert "缺少 三" in findings[0].message


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("基教科", "基础教育科", True),
        ("职成科", "职业与成人教育科", True),
        ("财政局", "市财政局", True),
        ("人事科", "人事科", False),
        ("人事科", "离退人员服务管理科", False),
        ("基教科", "基建科", False),
        ("安全科", "安全稳定办", False),
        ("办公室", "办公室秘书科", False),
        ("教科院", "教育科学研究院", True),
        ("体卫艺科", "基教科", False),
    ],
)
def test_same_office(a: str, b: str, expected: bool) -> None:
    assert same_office(a, b) is expected


def item(
    ordinal: int, number: str, text: str, offices: tuple[str, ...] = (), section: tuple[str, ...] = ("一",)
) -> Item:
    refs = tuple(OfficeRef(name=o, raw=o, role=LEAD) for o in offices)
    return Item(number=number, marker=f"{number}.", ordinal=ordinal, section=section, title=text, text=text,
                offices=refs, line=ordinal + 2)  # fmt: skip


def test_detached_clause_from_the_parser_is_an_error() -> None:
    items = (item(1, "1", "做好甲工作。", ("甲科",)), item(2, "2", "做好乙工作。", ("乙科",)))
    notice = Notice(
        source=Source(path="手工.txt"),
        title="某单位工作要点",
        sections=(
            Section(level=1, number="一", index=1, marker="一、", title="重点工作", items=items, line=2),
        ),
        items=items,
        warnings=(ParseWarning(line=9, code="detached-clause", message="责任单位行前面没有找到对应的条目"),),
    )
    assert codes(check_notice(notice)) == [(9, "error", "detached-clause")]


def test_section_lead_covers_items_without_clause() -> None:
    lead = (OfficeRef(name="省甲委", raw="省甲委", role=LEAD),)
    items = (
        item(1, "1", "发展可再生能源。"),
        item(2, "2", "推进储能建设。"),
        item(3, "3", "完善电力市场。", ("省乙厅",)),
    )
    notice = Notice(
        source=Source(path="手工.txt"),
        title="某省工作要点",
        sections=(
            Section(
                level=1,
                number="一",
                index=1,
                marker="一、",
                title="调整能源结构",
                lead=lead,
                items=items,
                line=2,
            ),
        ),
        items=items,
    )
    assert check_notice(notice) == []


def test_empty_section_without_items() -> None:
    items = (item(1, "1", "做好甲工作。", ("甲科",)),)
    notice = Notice(
        source=Source(path="手工.txt"),
        title="某单位工作要点",
        sections=(
            Section(level=1, number="一", index=1, marker="一、", title="重点工作", items=items, line=2),
            Section(level=1, number="二", index=2, marker="二、", title="其他工作", line=4),
        ),
        items=items,
    )
    assert codes(check_notice(notice)) == [(4, "warning", "empty-section")]


def test_cli_clean_sample(sample_path: Path) -> None:
    result = run_cli("check", str(sample_path))
    assert result.exit_code == 0
    assert "未发现问题" in result.output


def test_cli_json_and_exit_code() -> None:
    result = run_cli("check", str(CHECK / "faults.txt"), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert (data["errors"], data["warnings"]) == (4, 3)
    assert data["findings"][0] == {
        "line": 5,
        "severity": "error",
        "code": "numbering-gap",
        "message": "条目编号从“2.”跳到“4.”，缺少 3。",
        "suggestion": "请核对原文是否漏了条目，或编号写错；若条目在原文中没有编号，请补上编号。",
    }


def test_cli_table_lists_lines_and_suggestions() -> None:
    result = run_cli("check", CHECK / "faults.txt", "--aliases", CHECK / "aliases.toml")
    assert result.exit_code == 1
    assert "第 5 行" in result.stdout and "纪检室" in result.stdout and "建议" in result.stdout


def test_cli_warnings_only_exit_zero(tmp_path: Path) -> None:
    notice = tmp_path / "n.txt"
    notice.write_text(
        "某县工作要点\n一、甲方面\n1.第一件事。内容一。（责任单位：基教科）\n2.第二件事。内容二。（责任单位：基础教育科）\n",
        encoding="utf-8",
    )
    result = run_cli("check", str(notice))
    assert result.exit_code == 0
    assert "office-spelling" in result.stdout


@pytest.mark.parametrize(
    ("text", "canonical", "other"),
    [
        # 基础教育科 is used more: it is the name kept, and the key of the alias line.
        (
            "1. 甲。（牵头单位：基础教育科）\n2. 乙。（牵头单位：基础教育科）\n3. 丙。（牵头单位：基教科）\n",
            "基础教育科",
            "基教科",
        ),
        # The short name is used more: it becomes the key, and the wording says so.
        (
            "1. 甲。（牵头单位：基教科）\n2. 乙。（牵头单位：基教科）\n3. 丙。（牵头单位：基础教育科）\n",
            "基教科",
            "基础教育科",
        ),
    ],
)
def test_alias_suggestion_is_pasteable_toml(text: str, canonical: str, other: str, tmp_path: Path) -> None:
    import tomllib

    from yaodian import parse_text
    from yaodian.aliases import load_aliases

    notice = parse_text("2024年工作要点\n一、教育\n" + text)
    (finding,) = [f for f in check_notice(notice) if f.code == "office-spelling"]
    line = finding.suggestion.rsplit("：", 1)[1]
    assert tomllib.loads(line) == {canonical: [other]}
    assert f"统一写作“{canonical}”" in finding.suggestion and f"“{canonical}”为规范名" in finding.suggestion
    table = tmp_path / "aliases.toml"
    table.write_text(line + "\n", encoding="utf-8")
    assert load_aliases(table)[other] == canonical
