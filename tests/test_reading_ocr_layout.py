"""OCR boxes to lines (`reading.ocr_layout`) and the engine's region finder, on boxes made here:
no model runs, so these are fast."""

from __future__ import annotations

import math

import pytest

from yaodian.reading.ocr_layout import Box, fix_confusions, page_text, skew


def box(
    text: str,
    x: float,
    y: float,
    *,
    w: float | None = None,
    h: float = 20,
    angle: float = 0,
    score: float = 0.98,
) -> Box:
    """A box of `text` whose top-left corner is (x, y), turned by `angle` degrees about it."""
    w = w if w is not None else 20 * len(text)
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    corners = [(0, 0), (w, 0), (w, h), (0, h)]
    return Box(
        text=text, points=tuple((x + dx * c - dy * s, y + dx * s + dy * c) for dx, dy in corners), score=score
    )


def texts(boxes: list[Box]) -> list[str]:
    return [ln.text for ln in page_text(boxes).lines]


def test_boxes_of_one_line_join_left_to_right_whatever_their_order() -> None:
    boxes = [
        box("科室：甲科）", 300, 102, h=18),
        box("1.推进某项工作。（责任", 60, 100, h=22),
        box("2.下一条", 60, 140),
    ]
    assert texts(boxes) == ["1.推进某项工作。（责任科室：甲科）", "2.下一条"]


def test_lines_are_grouped_by_overlap_not_a_grid() -> None:
    # Tight spacing (a line every 24 px) and a taller box on the first line.
    boxes = [
        box("第一行文字", 60, 100, h=22),
        box("续", 180, 96, h=30),
        box("第二行文字", 60, 124),
        box("第三行", 60, 148),
    ]
    assert texts(boxes) == ["第一行文字续", "第二行文字", "第三行"]


@pytest.mark.parametrize("angle", [-1.0, 1.0, 2.0])
def test_a_slanted_page_is_read_line_by_line(angle: float) -> None:
    # Each line is two boxes; on a slanted page the right box of a line sits as low as the next
    # line's left box would on a level one.
    rows = []
    for k in range(6):
        y = 100 + 30 * k
        left = box(f"第{k}行左半部分内容文字", 60, y, angle=angle, w=400)
        dy = 400 * math.sin(math.radians(angle))
        right = box("右半", 60 + 400 * math.cos(math.radians(angle)) + 5, y + dy, angle=angle, w=40)
        rows += [right, left]
    assert abs(skew(rows) - angle) < 0.1
    assert texts(rows) == [f"第{k}行左半部分内容文字右半" for k in range(6)]


def test_two_columns_are_read_left_column_first() -> None:
    boxes = []
    for k in range(8):
        boxes.append(box(f"左栏第{k}行文字内容", 60, 100 + 30 * k))
        boxes.append(box(f"右栏第{k}行文字内容", 600, 100 + 30 * k))
    lines = texts(boxes)
    assert lines == [f"左栏第{k}行文字内容" for k in range(8)] + [f"右栏第{k}行文字内容" for k in range(8)]


def test_table_cells_are_kept_apart() -> None:
    boxes = [box("1", 60, 100, w=12), box("新建幼儿园3所", 160, 100), box("学前教育股", 520, 100)]
    assert texts(boxes) == ["1 | 新建幼儿园3所 | 学前教育股"]


def test_stamps_and_specks_are_dropped() -> None:
    boxes = [
        box("某县教育局", 400, 300, angle=35),  # a seal's curved text
        box("。", 700, 500, score=0.2),  # a speck
        box("、", 300, 320, w=12),  # dirt read as punctuation, apart from the text
        box("某县教育局", 380, 320),
    ]
    assert texts(boxes) == ["某县教育局"]


@pytest.mark.parametrize("number", ["一3一", "-3-", "—3—", "- 3 -", "_3_"])
def test_page_numbers_come_out_in_the_printed_shape(number: str) -> None:
    assert texts([box(number, 300, 1600, w=60)]) == ["— 3 —"]


def test_a_closing_bracket_wrapped_onto_its_own_line_is_kept() -> None:
    boxes = [box("（责任科室：甲科、办公室<秘书科", 60, 100), box("〉）", 60, 130, w=40, score=0.41)]
    assert texts(boxes) == ["（责任科室：甲科、办公室<秘书科", "〉）"]


def test_confidence_is_the_mean_over_characters() -> None:
    found = page_text([box("甲" * 30, 60, 100, score=1.0), box("乙" * 10, 60, 140, score=0.6)])
    assert found.confidence == pytest.approx(0.9)


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("（责任科室：人事科<机关党委>、办公室）", "（责任科室：人事科〈机关党委〉、办公室）"),
        ("（责任科室：人事科《机关党委》）", "（责任科室：人事科〈机关党委〉）"),
        ("（责任科室：综合科〈机关党委>）", "（责任科室：综合科〈机关党委〉）"),
        ("贯彻《某某条例》，", "贯彻《某某条例》，"),  # a title after a verb stays a title
        ("8。改进教学评价。", "8.改进教学评价。"),
        ("12．推动发展。", "12.推动发展。"),
        ("2025。年", "2025。年"),  # a year is not an item number
        ("(责任科室:甲科)", "（责任科室：甲科）"),
        ("完成率100%(以上)", "完成率100%（以上）"),
        ("《实施方案（2023-2025年》》，", "《实施方案（2023-2025年）》，"),
        ("《甲》（乙）〈丙〉", "《甲》（乙）〈丙〉"),
        ("、16.推动发展。", "16.推动发展。"),
        ("（占比<5%）", "（占比<5%）"),
        ("改革办丨", "改革办|"),
    ],
)
def test_certain_misreadings_are_undone(read: str, expected: str) -> None:
    assert fix_confusions(read) == expected


def test_regions_are_found_run_by_run() -> None:
    import numpy as np

    from yaodian.reading.ocr_engine import _components

    mask = np.zeros((20, 60), dtype=bool)
    mask[2:6, 5:50] = True  # a line
    mask[10:14, 5:20] = True  # two pieces of the next line, far apart
    mask[10:14, 40:55] = True
    mask[14, 20] = True  # touching the first piece diagonally
    regions = sorted(_components(mask), key=lambda r: (r.y0, r.x0))
    assert [(r.x0, r.x1, r.y0, r.y1) for r in regions] == [(5, 50, 2, 5), (5, 21, 10, 14), (40, 55, 10, 13)]
    assert regions[0].n == 4 * 45
    assert abs(regions[0].angle()) < 1e-6
