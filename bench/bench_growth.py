"""Growth with size (issue 10): offices per clause, items per office, `check` and `diff` at two
sizes each, in-process. The figure to watch is the ratio: near-linear code takes about the size
ratio (×10 for 10× the size, a little more for sorting); the old code took its square or cube.

Before this change (2-core VM, loaded): task lists + matrix with 1,000 offices in one clause
26 s (2,000: over 2 minutes for `export`); `check` 3,000 items 62 s; `diff` of two unrelated
3,000-item plans 5.8 s. The issue measured `Notice.offices()` at 100,000 items 31.6 s.
"""

from __future__ import annotations

import itertools
import random

from benchlib import Result, best_call

_CHARS = (
    "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥东南西北中春夏秋冬金木水火土山川河海天地日月星云风雨雪霜"
)


def _names(n: int) -> list[str]:
    return ["".join(p) + "科" for p, _ in zip(itertools.product(_CHARS, repeat=3), range(n), strict=False)]


def _one_clause(n: int) -> str:
    return "2024年工作要点\n一、综合\n1. 推进综合改革。（牵头单位：" + "、".join(_names(n)) + "）\n"


def _items(n: int, seed: int = 10) -> str:
    """`n` items of distinct text (24 random characters each), 20 offices in turn."""
    rng = random.Random(seed)
    alphabet = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    names = _names(20)
    lines = ["2024年工作要点", "一、综合"]
    for k in range(1, n + 1):
        body = "".join(rng.choice(alphabet) for _ in range(24))
        lines.append(f"{k}. 推进{body}工作。（牵头单位：{names[k % 20]}；配合单位：{names[k * 7 % 20]}）")
    return "\n".join(lines) + "\n"


def _pair(
    small: float, large: float, name: str, sizes: tuple[int, int], target: float | None
) -> list[Result]:
    return [
        Result(f"{name}, {sizes[0]:,}", small, "s"),
        Result(f"{name}, {sizes[1]:,}", large, "s", target),
        Result(f"  growth for {sizes[1] // sizes[0]}x the size", large / max(small, 1e-9), "x"),
    ]


def run() -> list[Result]:
    from yaodian import parse_text
    from yaodian.analysis.assignments import office_tasks, responsibility_matrix
    from yaodian.analysis.check import check_notice
    from yaodian.analysis.diff import diff_notices
    from yaodian.model import summarise_offices

    results: list[Result] = []

    clause = {n: parse_text(_one_clause(n)) for n in (2_000, 20_000)}
    times = [
        best_call(lambda n=n: (office_tasks(clause[n]), responsibility_matrix(clause[n])), 3) for n in clause
    ]
    results += _pair(*times, "task lists + matrix, offices in one clause", (2_000, 20_000), 5.0)

    many = parse_text(_items(10_000))
    items = many.items * 10  # 100,000 items: the same 10,000 ten times over
    small = best_call(lambda: summarise_offices(items[:10_000]), 3)
    large = best_call(lambda: summarise_offices(items), 3)
    results += _pair(small, large, "Notice.offices(), items", (10_000, 100_000), 2.0)

    plans = {n: parse_text(_items(n)) for n in (300, 3_000)}
    times = [best_call(lambda n=n: check_notice(plans[n]), 3) for n in plans]
    results += _pair(*times, "check, items", (300, 3_000), 3.0)

    edited = {n: parse_text(_items(n, seed=11)) for n in plans}
    # The worst case: no item matches, so every old item is scored against every new one. That
    # all-pairs similarity (rapidfuzz, in C, ~0.3 µs a pair) is the one quadratic term left;
    # the Python-level steps around it are now near-linear. No target: reported to be watched.
    times = [best_call(lambda n=n: diff_notices(plans[n], edited[n]), 3) for n in plans]
    results += _pair(*times, "diff, items (two unrelated plans)", (300, 3_000), None)
    times = [best_call(lambda n=n: diff_notices(plans[n], plans[n]), 3) for n in plans]
    results += _pair(*times, "diff, items (a plan against itself)", (300, 3_000), 3.0)
    return results


if __name__ == "__main__":
    for r in run():
        print(r.row())
