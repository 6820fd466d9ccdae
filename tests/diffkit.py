"""Helpers for the diff tests: a small Notice builder and a scripted edit of the sample plan.

`build` is conftest's `build_notice`, so the alignment tests do not depend on the parser.
`edited_sample()` rewrites the sample's text with one instance of every change the diff must
report; the expected results are spelled out in the tests, not computed here.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any

from conftest import ItemSpec, SectionSpec, build_notice
from yaodian.model import LEAD, SUPPORT, Notice

build = build_notice  # the diff tests' short name for the one builder


_NUMBER = re.compile(r"^(\d+)\.")


def _line(lines: list[str], number: int) -> int:
    return next(k for k, line in enumerate(lines) if line.startswith(f"{number}."))


def _body(line: str) -> str:
    """An item line without its number and its responsibility clause."""
    return re.sub(r"\(责任科室:[^)]*\)$", "", _NUMBER.sub("", line))


def edited_sample(text: str) -> str:
    """The sample plan with one of each change; items are renumbered 1, 2, 3… at the end.

    Old → new, in the sample's own (half-width) punctuation:
    - item 7 is split in two at 加强学生体质健康管理 (new 7 keeps 体卫艺科、基教科; new 8 keeps the
      whole old clause)
    - item 11 is removed
    - item 12 is reworded (推动→推进, 优质→普及, 修订→修订完善)
    - item 33 is moved into section 三, after item 15
    - item 19: lead swapped (人事科、党建指导科 → 党建指导科、人事科)
    - item 20: 师范科 added
    - items 21 and 22 are merged into one (clause 人事科、师范科)
    - item 23: 信息中心 removed
    - item 29: 6000 → 5000
    - a section 七 with one new item is added at the end
    - 校外监管科 is renamed 校外培训监管科 everywhere; the date becomes 2024年3月1日
    """
    old = text.split("\n")
    lines = list(old)

    def replace_item(number: int, new: str | list[str]) -> None:
        k = lines.index(old[_line(old, number)])
        lines[k : k + 1] = [new] if isinstance(new, str) else new

    line7 = _body(old[_line(old, 7)])
    cut = line7.index("加强学生体质健康管理")
    clause7 = re.search(r"\(责任科室:[^)]*\)$", old[_line(old, 7)])
    assert clause7 is not None
    replace_item(7, [f"7.{line7[:cut]}(责任科室:体卫艺科、基教科)", f"7.{line7[cut:]}{clause7.group(0)}"])
    replace_item(11, [])
    replace_item(
        12,
        old[_line(old, 12)]
        .replace("推动学前教育优质普惠发展", "推进学前教育普及普惠发展")
        .replace("修订幼儿园办园标准", "修订完善幼儿园办园标准"),
    )
    moved = old[_line(old, 33)]
    replace_item(33, [])
    k15 = lines.index(old[_line(old, 15)])
    lines.insert(k15 + 1, moved)
    replace_item(
        19, old[_line(old, 19)].replace("(责任科室:人事科、党建指导科)", "(责任科室:党建指导科、人事科)")
    )
    replace_item(20, old[_line(old, 20)].replace("(责任科室:人事科)", "(责任科室:人事科、师范科)"))
    merged = f"21.{_body(old[_line(old, 21)])}{_body(old[_line(old, 22)])}(责任科室:人事科、师范科)"
    replace_item(21, merged)
    replace_item(22, [])
    replace_item(23, old[_line(old, 23)].replace("、信息中心、督导室", "、督导室"))
    replace_item(29, old[_line(old, 29)].replace("6000", "5000"))
    while lines and not lines[-1].strip():
        lines.pop()
    lines.append("七、坚持开放合作,扩大教育对外交流")
    lines.append(
        "99.推进教育对外开放。组织中小学校开展国际理解教育,支持职业院校与境外院校开展合作办学,"
        "办好国际学生交流活动。(责任科室:职成科、基教科)"
    )
    lines = [
        line.replace("校外监管科", "校外培训监管科").replace("2024年2月20日", "2024年3月1日")
        for line in lines
    ]
    count = 0
    for k, line in enumerate(lines):
        match = _NUMBER.match(line)
        if match:
            count += 1
            lines[k] = f"{count}.{line[match.end() :]}"
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- random edit scripts

_FILLER = (
    "推进校园文化建设。组织开展校园文化节活动,培育一批特色校园文化品牌,营造良好育人氛围。",
    "加强学校后勤管理。完善食堂、宿舍管理制度,推进后勤服务社会化改革,提升后勤保障水平。",
    "深化对外交流合作。支持学校与外地优质学校结对,开展师生互访和联合教研活动。",
)
_PHRASES = ("统筹推进", "全面加强", "扎实做好", "大力实施")


@dataclass
class Expected:
    """What a random edit script did, written down as it was done."""

    changes: set[tuple[str, tuple[str, ...]]]  # (status, old numbers) for removed/changed/merged/split
    added: int
    moved: list[tuple[str, ...]]
    renamed: tuple[tuple[str, str], ...]


def random_edits(notice: Notice, seed: int) -> tuple[Notice, Expected]:
    """Edit a plan at random (merge, split, remove, reword, change a number, swap a lead, move to
    another section, add, rename 校外监管科) — each item touched at most once — and renumber."""
    rng = random.Random(seed)
    entries: list[Any] = [
        {
            "olds": [i.number],
            "text": i.text,
            "offices": [(o.name, o.role) for o in i.offices],
            "sec": i.section[0],
        }
        for i in notice.items
    ]
    changes: set[tuple[str, tuple[str, ...]]] = set()
    order = list(range(len(entries)))
    rng.shuffle(order)
    used: set[int] = set()

    def take(ok: Any) -> int | None:
        for k in order:
            if k not in used and ok(k):
                used.add(k)
                return k
        return None

    for _ in range(rng.randint(0, 2)):  # merge two neighbours of one section
        k = take(
            lambda k: (
                k + 1 < len(entries) and k + 1 not in used and entries[k]["sec"] == entries[k + 1]["sec"]
            )
        )
        if k is None:
            continue
        used.add(k + 1)
        a, b = entries[k], entries[k + 1]
        names = {n for n, _ in a["offices"]}
        offices = a["offices"] + [(n, SUPPORT) for n, _ in b["offices"] if n not in names]
        entries[k] = {
            "olds": a["olds"] + b["olds"],
            "text": a["text"] + b["text"],
            "offices": offices,
            "sec": a["sec"],
        }
        entries[k + 1] = None
        changes.add(("merged", tuple(a["olds"] + b["olds"])))
    for _ in range(rng.randint(0, 2)):  # split at a sentence boundary
        k = take(lambda k: entries[k] is not None and entries[k]["text"].count("。") >= 3)
        if k is None:
            continue
        e = entries[k]
        parts = e["text"].split("。")
        cut = rng.randint(2, len(parts) - 2)
        entries[k] = [dict(e, text="。".join(parts[:cut]) + "。"), dict(e, text="。".join(parts[cut:]))]
        changes.add(("split", tuple(e["olds"])))
    for _ in range(rng.randint(0, 2)):  # remove
        k = take(lambda k: entries[k] is not None)
        if k is not None:
            changes.add(("removed", tuple(entries[k]["olds"])))
            entries[k] = None
    for _ in range(rng.randint(0, 3)):  # reword in one to six places
        k = take(lambda k: isinstance(entries[k], dict))
        if k is None:
            continue
        text = entries[k]["text"]
        for _ in range(rng.randint(1, 6)):
            p = rng.randint(0, len(text) - 8)
            text = text[:p] + rng.choice(_PHRASES) + text[p + rng.randint(0, 8) :]
        entries[k]["text"] = text
        changes.add(("changed", tuple(entries[k]["olds"])))
    for _ in range(rng.randint(0, 2)):  # a number changes
        k = take(lambda k: isinstance(entries[k], dict) and re.search(r"\d{2,}", entries[k]["text"]))
        if k is None:
            continue
        e = entries[k]
        e["text"] = re.sub(r"\d{2,}", lambda m: str(int(m.group()) + 1), e["text"], count=1)
        changes.add(("changed", tuple(e["olds"])))
    for _ in range(rng.randint(0, 2)):  # the first support becomes the lead
        k = take(lambda k: isinstance(entries[k], dict) and len(entries[k]["offices"]) >= 2)
        if k is None:
            continue
        e = entries[k]
        (lead, _), (second, _) = e["offices"][:2]
        e["offices"] = [(second, LEAD), (lead, SUPPORT), *e["offices"][2:]]
        changes.add(("changed", tuple(e["olds"])))
    flat: list[dict[str, Any]] = []
    for e in entries:
        if e is not None:
            flat.extend(e if isinstance(e, list) else [e])
    sections = [(s.number, s.title) for s in notice.sections]
    touched = {olds for _, olds in changes}
    moved: list[tuple[str, ...]] = []
    for _ in range(rng.randint(0, 2)):  # move an untouched item into another section
        candidates = [e for e in flat if tuple(e["olds"]) not in touched and tuple(e["olds"]) not in moved]
        e = rng.choice(candidates)
        flat.remove(e)
        e["sec"] = rng.choice([n for n, _ in sections if n != e["sec"]])
        flat.insert(rng.randint(0, len(flat)), e)
        moved.append(tuple(e["olds"]))
    added = rng.randint(0, 2)
    for k in range(added):
        text = _FILLER[(seed + k) % len(_FILLER)]
        flat.insert(
            rng.randint(0, len(flat)),
            {"olds": [], "text": text, "offices": [("新设科", LEAD)], "sec": rng.choice(sections)[0]},
        )
    renamed: tuple[tuple[str, str], ...] = ()
    if rng.random() < 0.5:
        renamed = (("校外监管科", "校外培训监管科"),)
        for e in flat:
            e["offices"] = [("校外培训监管科" if n == "校外监管科" else n, r) for n, r in e["offices"]]
    by_section = [(n, t, [e for e in flat if e["sec"] == n]) for n, t in sections]
    counter = 0
    specs: list[SectionSpec] = []
    for number, title, members in by_section:
        items: list[ItemSpec] = []
        for e in members:
            counter += 1
            leads = [n for n, r in e["offices"] if r == LEAD]
            supports = [n for n, r in e["offices"] if r != LEAD]
            items.append((str(counter), e["text"], "、".join(leads[:1] + supports + leads[1:])))
        specs.append((number, title, items))
    return build(specs), Expected(changes=changes, added=added, moved=moved, renamed=renamed)
