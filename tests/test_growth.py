"""Sizes a hostile or very large notice reaches (issue 10): what grew cubically or
quadratically now grows about linearly; what Excel cannot hold is refused with a message.

Each timing bound is tens of times the measured time and a fraction of what the old code took,
so a loaded machine does not fail them while a return of the old growth does."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

from conftest import build_notice, run_cli
from yaodian import parse_text
from yaodian.analysis.assignments import office_tasks, responsibility_matrix
from yaodian.analysis.check import check_notice
from yaodian.model import summarise_offices

_CHARS = (
    "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥东南西北中春夏秋冬金木水火土山川河海天地日月星云风雨雪霜"
)


def office_names(n: int, length: int = 2) -> list[str]:
    return [
        "".join(p) + "科" for p, _ in zip(itertools.product(_CHARS, repeat=length), range(n), strict=False)
    ]


def one_item_notice(n: int, length: int = 2) -> str:
    return (
        "2024年工作要点\n一、综合\n1. 推进综合改革。（牵头单位："
        + "、".join(office_names(n, length))
        + "）\n"
    )


def _seconds(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def test_offices_per_clause_grow_linearly() -> None:
    # 2,000 offices in one clause: 20 s before (a list scan per office per office per task).
    notice = parse_text(one_item_notice(2000))
    assert len(notice.items[0].offices) == 2000
    took = _seconds(lambda: (office_tasks(notice), responsibility_matrix(notice)))
    assert took < 2.0
    lists = office_tasks(notice)
    assert len(lists) == 2000
    task = lists[5].tasks[0]
    assert len(task.co_offices) == 1999 and task.office not in task.co_offices
    assert lists[0].tasks[0].offices is lists[1].tasks[0].offices  # shared, not copied


def test_items_per_office_grow_linearly() -> None:
    # 30,000 items of one office: `Notice.offices()` scanned a list per item (31.6 s at 100k).
    specs = [("", f"第{k}项任务。", "办公室、基教科") for k in range(30_000)]
    notice = build_notice([("一", "综合", specs)])
    took = _seconds(lambda: summarise_offices(notice.items))
    assert took < 3.0
    (office, other) = summarise_offices(notice.items)
    assert office.lead == tuple(range(1, 30_001)) and other.support == office.lead


def _diverse_notice(n: int) -> str:
    import random

    rng = random.Random(10)
    alphabet = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    names = office_names(20)
    lines = ["2024年工作要点", "一、综合"]
    for k in range(1, n + 1):
        body = "".join(rng.choice(alphabet) for _ in range(24))
        lines.append(f"{k}. 推进{body}工作。（牵头单位：{names[k % 20]}；配合单位：{names[k * 7 % 20]}）")
    return "\n".join(lines) + "\n"


def test_check_grows_about_linearly() -> None:
    # 3,000 items: 29.5 s before (every pair of items compared, each key rebuilt per pair).
    notice = parse_text(_diverse_notice(3000))
    assert len(notice.items) == 3000
    took = _seconds(lambda: check_notice(notice))
    assert took < 5.0


def test_check_still_finds_near_duplicates_among_many() -> None:
    text = _diverse_notice(1500)
    lines = text.splitlines()
    # Item 1500 repeats item 20 with one character changed; item 1499 repeats item 30 exactly.
    twenty = lines[2 + 19].split(". ", 1)[1]
    lines[-1] = "1500. " + twenty.replace("推进", "推动", 1)
    lines[-2] = "1499. " + lines[2 + 29].split(". ", 1)[1]
    findings = check_notice(parse_text("\n".join(lines) + "\n"))
    found = {(f.code, f.message.split("与")[0]) for f in findings if "duplicate" in f.code}
    assert ("near-duplicate-item", "条目 1500 ") in found
    assert ("duplicate-item", "条目 1499 ") in found


def test_items_numbered_past_999_are_not_folded() -> None:
    lines = ["2024年工作要点", "一、综合"]
    lines += [f"{k}. 第{k}项任务。（牵头单位：办公室）" for k in range(1, 1206)]
    notice = parse_text("\n".join(lines) + "\n")
    assert len(notice.items) == 1205
    assert [i.number for i in notice.items[998:1001]] == ["999", "1000", "1001"]
    assert notice.items[-1].text == "第1205项任务。"


def test_a_four_digit_year_is_still_not_an_item() -> None:
    text = "2024年工作要点\n一、综合\n1. 推进改革。（牵头单位：办公室）\n2024. 年度安排见附件。\n2. 做好工作。（牵头单位：基教科）\n"
    notice = parse_text(text)
    assert [i.number for i in notice.items] == ["1", "2"]


def test_matrix_refuses_more_offices_than_excel_has_columns(tmp_path: Path) -> None:
    source = tmp_path / "many.txt"
    source.write_text(one_item_notice(16_381, length=3), encoding="utf-8")
    code, _, err = run_cli("matrix", source, "-o", tmp_path / "m.xlsx")
    assert code == 1
    assert "16381 个科室" in err and "16384 列" in err and "Traceback" not in err
    assert not (tmp_path / "m.xlsx").exists()
