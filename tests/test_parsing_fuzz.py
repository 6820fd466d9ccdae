"""Whatever the text, parsing raises nothing but the project's own errors; a real notice still
parses whatever noise follows it (so a parser that always raised would fail here)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yaodian import parse_text
from yaodian.errors import YaodianError

# Pieces of notices, so that random text reaches deep into the parser, not only its first check.
PIECES = st.sampled_from(
    [
        "一、",
        "（一）",
        "(二)",
        "1.",
        "2．",
        "3、",
        "（1）",
        "①",
        "\n",
        " ",
        "\u3000",
        "。",
        "，",
        "、",
        "（责任科室：",
        "牵头单位：",
        "配合单位：",
        "责任单位:",
        "）",
        ")",
        "〈",
        "〉",
        "牵头",
        "下同",
        "各区、县级市",
        "甲科",
        "乙局",
        "2024年2月20日",
        "工作要点",
        "附件",
        "|",
        "序号 |",
        "工作任务 |",
        "现将《",
        "》印发给你们",
        "等",
        "11.121",
        "部门分工：",
        "分管领导：",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=60).map("".join)


def _parses_or_explains(text: str) -> None:
    """Either a notice with numbered items whose lines are in the text, or the project's own
    error naming the input; never another exception."""
    try:
        notice = parse_text(text)
    except YaodianError as exc:
        assert str(exc).startswith("<文本>：")
        return
    assert notice.items
    assert [i.ordinal for i in notice.items] == list(range(1, len(notice.items) + 1))
    lines = len(text.splitlines()) + 1  # splitlines: \x1e, \u2028 … break lines too
    for item in notice.items:
        assert 1 <= item.line <= lines
        for office in item.offices:
            assert office.name
    for path, _section in notice.section_paths():
        assert notice.section_at(path) is _section


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_parse_never_raises_foreign_errors(text: str) -> None:
    _parses_or_explains(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode(text: str) -> None:
    _parses_or_explains(text)


SAMPLE = (Path(__file__).resolve().parent.parent / "samples" / "changde-2024.txt").read_text(encoding="utf-8")
REAL = parse_text(SAMPLE)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_a_real_notice_still_parses_with_noise_after_it(noise: str) -> None:
    # Pages saved from the web end in clutter; whatever follows the notice, what it says stays.
    notice = parse_text(SAMPLE + "\n\n" + noise)
    assert notice.title == REAL.title
    assert notice.date == REAL.date
    assert len(notice.items) >= len(REAL.items)
    assert notice.items[: len(REAL.items) - 1] == REAL.items[:-1]
