"""Whatever the text, parsing raises nothing but the project's own errors."""

from __future__ import annotations

import contextlib

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


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_parse_never_raises_foreign_errors(text: str) -> None:
    try:
        notice = parse_text(text)
    except YaodianError:
        return
    assert notice.items
    for item in notice.items:
        assert item.ordinal >= 1
        for office in item.offices:
            assert office.name


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode(text: str) -> None:
    with contextlib.suppress(YaodianError):
        parse_text(text)
