"""The character diff of one item's text: whole numbers, whole phrases, nothing lost."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yaodian.analysis.textdiff import TextOp, changed_share, diff_text, new_side, old_side


def edits(ops: tuple[TextOp, ...]) -> list[tuple[str, str]]:
    return [(o.op, o.text) for o in ops if o.op != "equal"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # a whole number is replaced, never "6→5" with "000" kept
        ("新增学位6000个。", "新增学位5000个。", [("delete", "6000"), ("insert", "5000")]),
        ("新增学位600个。", "新增学位6000个。", [("delete", "600"), ("insert", "6000")]),
        ("增长5.5%以上", "增长6.5%以上", [("delete", "5.5"), ("insert", "6.5")]),
        ("举办第十二届大赛", "举办第十三届大赛", [("delete", "十二"), ("insert", "十三")]),
        ("新增学位６０００个", "新增学位５０００个", [("delete", "６０００"), ("insert", "５０００")]),
        # a sentence-final full stop is not part of the number
        ("共建成12所.", "共建成15所.", [("delete", "12"), ("insert", "15")]),
    ],
)
def test_numbers_are_replaced_whole(old: str, new: str, expected: list[tuple[str, str]]) -> None:
    assert edits(diff_text(old, new)) == expected


def test_one_shared_character_between_edits_is_folded_into_a_phrase() -> None:
    # "优质" → "普及" shares nothing; "加快建设" → "全面推进" share nothing; the 1-char equality
    # 的 between two edits must not survive as a comb.
    ops = diff_text("加快建设的城市书房", "全面推进的乡村书屋")
    assert edits(ops) == [("delete", "加快建设的城市书房"), ("insert", "全面推进的乡村书屋")]


def test_shared_ends_of_an_edit_go_back_to_the_text_around_it() -> None:
    ops = diff_text("建立健全全面从严治党机制。", "建立完善全面从严治党工作机制。")
    assert [(o.op, o.text) for o in ops] == [
        ("equal", "建立"),
        ("delete", "健全"),
        ("insert", "完善"),
        ("equal", "全面从严治党"),
        ("insert", "工作"),
        ("equal", "机制。"),
    ]


def test_long_equalities_between_edits_are_kept() -> None:
    ops = diff_text("甲乙丙丁戊己庚辛壬癸子", "一乙丙丁戊己庚辛壬癸二")
    assert [(o.op, o.text) for o in ops] == [
        ("delete", "甲"),
        ("insert", "一"),
        ("equal", "乙丙丁戊己庚辛壬癸"),
        ("delete", "子"),
        ("insert", "二"),
    ]


def test_identical_and_empty_texts() -> None:
    assert diff_text("同一段文字。", "同一段文字。") == (TextOp(op="equal", text="同一段文字。"),)
    assert diff_text("", "") == ()
    assert diff_text("", "新增") == (TextOp(op="insert", text="新增"),)
    assert diff_text("删去", "") == (TextOp(op="delete", text="删去"),)


def test_changed_share() -> None:
    assert changed_share(diff_text("同一段文字。", "同一段文字。")) == 0.0
    assert changed_share(diff_text("甲乙", "丙丁")) == 1.0
    assert changed_share(diff_text("甲乙丙丁", "甲乙丙戊")) == pytest.approx(2 / 8)


_CJK = st.text(alphabet="的一是在不了有和人这中大为上个国我以要他0123456789。，、", max_size=60)


@settings(max_examples=200, deadline=None)
@given(_CJK, _CJK)
def test_the_diff_gives_both_texts_back(old: str, new: str) -> None:
    ops = diff_text(old, new)
    assert old_side(ops) == old
    assert new_side(ops) == new
    assert all(o.text for o in ops)
    # neighbours never have the same kind, and a deletion always comes before its insertion
    for left, right in itertools.pairwise(ops):
        assert left.op != right.op
        assert (left.op, right.op) != ("insert", "delete")
