"""Chinese numerals both ways (`yaodian.numerals`), the one home parsing, check and the .docx
reader share."""

from __future__ import annotations

import pytest

from yaodian.numerals import CN_LEGAL, cn_to_int, int_to_cn, number_value


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (35, "三十五"), (105, "一百零五"), (1010, "一千零一十"),
     (2024, "二千零二十四"), (9999, "九千九百九十九")],
)  # fmt: skip
def test_int_to_cn(n: int, text: str) -> None:
    assert int_to_cn(n) == text


def test_financial_style_keeps_the_leading_one() -> None:
    assert int_to_cn(11, CN_LEGAL, "拾佰仟") == "壹拾壹"


def test_out_of_range_stays_arabic() -> None:
    assert int_to_cn(0) == "0"
    assert int_to_cn(10000) == "10000"


def test_both_directions_agree() -> None:
    # cn_to_int reads up to 百: the numbers items, sections and dates use.
    for n in range(1, 1000):
        assert cn_to_int(int_to_cn(n)) == n


@pytest.mark.parametrize(("text", "n"), [("二〇二四", 2024), ("两", 2), ("十二", 12), ("", 0)])
def test_cn_to_int(text: str, n: int) -> None:
    assert cn_to_int(text) == n


@pytest.mark.parametrize(
    ("number", "value"),
    [
        ("12", 12),
        ("十二", 12),
        ("三十五", 35),
        ("十", 10),
        ("一百零三", 103),
        ("③", 3),
        ("丙", 3),
        ("（4）", 4),
        ("abc", None),
    ],
)
def test_number_value(number: str, value: int | None) -> None:
    assert number_value(number) == value
