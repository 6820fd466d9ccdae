"""Deadline and leader phrases (完成时限、分管领导), each read relative to the notice's year."""

from __future__ import annotations

import datetime as dt

import pytest

from yaodian import parse_text
from yaodian.deadlines import read_deadline, read_leader
from yaodian.model import Deadline

# (item text, the notice's year, expected text, expected date)
TEXT_CASES = [
    ("完成校舍改造，6月底前完成验收。", 2024, "6月底前", "2024-06-30"),
    ("完成校舍改造，2月底前完成验收。", 2024, "2月底前", "2024-02-29"),
    ("出台实施方案，7月1日前报市政府。", 2025, "7月1日前", "2025-07-01"),
    ("年底前建成资源中心。", 2024, "年底前", "2024-12-31"),
    ("年内完成全部验收。", 2023, "年内", "2023-12-31"),
    ("上半年召开现场推进会。", 2024, "上半年", "2024-06-30"),
    ("下半年开展专项督查。", 2024, "下半年", "2024-12-31"),
    ("第二季度完成评估。", 2024, "第二季度", "2024-06-30"),
    ("一季度末前印发方案。", 2026, "一季度末前", "2026-03-31"),
    ("秋季开学前完成校舍维修。", 2024, "秋季开学前", "2024-08-31"),
    ("落实校园安全责任（长期坚持）", 2024, "长期坚持", None),
    ("抓好常规工作，持续推进。", 2024, "持续推进", None),
    ("开展安全教育，全年。", 2024, "全年", None),
    ("十二月底前完成审计。", 2024, "十二月底前", "2024-12-31"),
    ("7月上旬召开会议。", 2024, "7月上旬", "2024-07-10"),
    ("2023年底前建成平台。", 2024, "2023年底前", "2023-12-31"),
    ("明年3月底前完成验收。", 2024, "明年3月底前", "2025-03-31"),
    ("次年底前全面建成。", 2024, "次年底前", "2025-12-31"),
]


@pytest.mark.parametrize(("text", "year", "words", "date"), TEXT_CASES, ids=[c[2] for c in TEXT_CASES])
def test_phrase_in_text(text: str, year: int, words: str, date: str | None) -> None:
    got = read_deadline(None, text, year)
    assert got == Deadline(text=words, date=dt.date.fromisoformat(date) if date else None)


@pytest.mark.parametrize(
    "text",
    [
        "持续推进各类专项整治行动。",  # a verb, not a deadline
        "开展3月15日消费者权益日宣传。",  # an event date
        "三年内实现全覆盖。",  # a span
        "全年招生计划保持稳定。",
        "每季度开展一次检查。",
    ],
)
def test_not_a_deadline(text: str) -> None:
    assert read_deadline(None, text, 2024) is None


def test_several_phrases_list_all_and_date_is_latest() -> None:
    got = read_deadline(None, "6月底前出台方案，9月30日前完成评估，年底前全面验收。", 2024)
    assert got == Deadline(text="6月底前、9月30日前、年底前", date=dt.date(2024, 12, 31))


def test_field_wins_and_keeps_its_words() -> None:
    assert read_deadline("6月底", "年底前全面验收。", 2024) == Deadline(
        text="6月底", date=dt.date(2024, 6, 30)
    )
    assert read_deadline("7月1日", "", 2024) == Deadline(text="7月1日", date=dt.date(2024, 7, 1))
    assert read_deadline("长期坚持", "", 2024) == Deadline(text="长期坚持", date=None)
    assert read_deadline("按上级要求", "", 2024) == Deadline(text="按上级要求", date=None)


def test_unknown_year_keeps_text() -> None:
    assert read_deadline(None, "6月底前完成。", None) == Deadline(text="6月底前", date=None)


NOTICE = """某市教育局2025年工作要点
一、重点任务
1.推进校舍改造。6月底前完成验收。（责任科室：基教科、财建科）
2.建设智慧校园。由张副市长负责。（牵头单位：信息中心；完成时限：秋季开学前）
3.抓好安全工作，长期坚持。（责任科室：安全科）
4.完善评价制度。（责任科室：督导室）
"""


def test_notice_json_shape_year_from_notice() -> None:
    notice = parse_text(NOTICE)
    assert notice.year == 2025
    items = notice.to_dict()["items"]
    assert [i["deadline"] for i in items] == [
        {"text": "6月底前", "date": "2025-06-30"},
        {"text": "秋季开学前", "date": "2025-08-31"},
        {"text": "长期坚持", "date": None},
        None,
    ]
    assert [i["leader"] for i in items] == [None, "张副市长", None, None]


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        ("由张副市长负责。", "张副市长"),
        ("由李明副县长牵头，各乡镇配合。", "李明副县长"),
        ("由王常务副市长统筹。", "王常务副市长"),
        ("市长办公会研究。", None),
    ],
)
def test_leader_in_text(text: str, leader: str | None) -> None:
    assert read_leader(None, text) == leader


def test_leader_field_wins() -> None:
    assert read_leader("赵副局长", "由张副市长负责。") == "赵副局长"


@pytest.mark.parametrize(("text", "year", "words", "date"), TEXT_CASES, ids=[c[2] for c in TEXT_CASES])
def test_phrase_through_a_notice_of_that_year(text: str, year: int, words: str, date: str | None) -> None:
    notice = parse_text(
        f"某局{year}年工作要点\n一、重点任务\n1.{text}（责任科室：甲科）\n2.做好其他工作。（责任科室：乙科）\n"
    )
    assert notice.year == year
    assert notice.to_dict()["items"][0]["deadline"] == {"text": words, "date": date}
