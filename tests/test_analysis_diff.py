"""Aligning two plans: renumbering, moves, merges, splits, rewording, offices, sections, header."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from diffkit import build, edited_sample, random_edits
from yaodian import parse_file, parse_text
from yaodian.analysis.diff import ItemChange, PlanDiff, diff_notices
from yaodian.model import Notice

# Hand-written item texts (made up) for the builder-based tests.
T1 = "完善公共文化设施网络。新建城市书房十二处，改造乡镇综合文化站三十个，实现村级活动室全覆盖。"
T2 = "丰富群众文化活动。举办广场舞展演和读书月活动，全年送戏下乡不少于八百场次。"
T3 = "加强图书馆数字化建设。上线统一借阅平台，推动馆藏资源联网共享，扩大数字借阅量。"
T4 = "培育文旅消费新场景。打造夜间文旅街区四条，评定市级旅游休闲街区两个。"
T5 = "推动重点项目建设。加快古镇二期和露营基地建设，按期完成年度投资计划。"
T6 = "规范演出市场秩序。严格营业性演出审批，加强对剧本娱乐场所的内容审核。"


def pairs(diff: PlanDiff) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {(c.status, c.old, c.new) for c in diff.items}


def only(diff: PlanDiff, status: str) -> list[ItemChange]:
    return [c for c in diff.items if c.status == status]


def change_of(diff: PlanDiff, old: str) -> ItemChange:
    return next(c for c in diff.items if old in c.old)


# ------------------------------------------------------------------ the sample, edited


@pytest.fixture(scope="module")
def sample_pair(sample_path: Path) -> tuple[Notice, Notice]:
    text = sample_path.read_text(encoding="utf-8")
    return parse_text(text), parse_text(edited_sample(text))


@pytest.fixture(scope="module")
def sample_diff(sample_pair: tuple[Notice, Notice]) -> PlanDiff:
    return diff_notices(*sample_pair)


def test_a_plan_against_itself_is_all_same(sample_notice: Notice) -> None:
    diff = diff_notices(sample_notice, sample_notice)
    assert len(diff.items) == 35
    assert {c.status for c in diff.items} == {"same"}
    assert not any(c.moved or c.renumbered or c.section_changed or c.text_diff for c in diff.items)
    assert all(c.old == c.new and c.similarity == 1.0 for c in diff.items)
    assert {s.status for s in diff.sections} == {"same"} and len(diff.sections) == 6
    assert diff.header == () and diff.renamed_offices == ()
    assert len(diff.offices) == 25 and not any(o.changed for o in diff.offices)
    assert diff.differs is False


def test_sample_edits_statuses(sample_diff: PlanDiff) -> None:
    interesting = {
        (c.status, c.old, c.new)
        for c in sample_diff.items
        if c.status != "same" or c.moved or c.section_changed
    }
    assert interesting == {
        ("split", ("7",), ("7", "8")),
        ("removed", ("11",), ()),
        ("changed", ("12",), ("12",)),
        ("same", ("33",), ("16",)),
        ("changed", ("19",), ("20",)),
        ("changed", ("20",), ("21",)),
        ("merged", ("21", "22"), ("22",)),
        ("changed", ("23",), ("23",)),
        ("changed", ("29",), ("29",)),
        ("added", (), ("35",)),
    }
    # 35 old items: 26 unchanged (renumbered or not) + the ten groups above less the move
    assert sample_diff.summary()["same"] == 26
    assert sample_diff.summary()["renumbered"] == 11  # old 8-10, 16-20, 33, 34, 35
    assert change_of(sample_diff, "8").new == ("9",) and change_of(sample_diff, "8").renumbered
    assert change_of(sample_diff, "35").new == ("34",)
    assert not change_of(sample_diff, "6").renumbered
    assert sample_diff.differs is True


def test_sample_number_edit_stands_out(sample_diff: PlanDiff) -> None:
    c = change_of(sample_diff, "29")
    assert [(o.op, o.text) for o in c.text_diff if o.op != "equal"] == [
        ("delete", "6000"),
        ("insert", "5000"),
    ]
    assert c.kinds == ("text",)
    assert 0.9 < c.similarity < 1.0


def test_sample_rewording(sample_diff: PlanDiff) -> None:
    c = change_of(sample_diff, "12")
    assert c.old_title == "推动学前教育优质普惠发展" and c.new_title == "推进学前教育普及普惠发展"
    inserted = "".join(o.text for o in c.text_diff if o.op == "insert")
    deleted = "".join(o.text for o in c.text_diff if o.op == "delete")
    assert inserted == "进普及完善" and deleted == "动优质"
    assert not c.responsibility_changed


def test_sample_move_to_another_section(sample_diff: PlanDiff) -> None:
    c = change_of(sample_diff, "33")
    assert c.moved and c.section_changed and c.renumbered
    assert c.old_sections == ("六、坚持保障为本,夯实教育发展基础",)
    assert c.new_sections == ("三、坚持学有优教,统筹发展各类教育",)
    assert c.text_diff == () and not c.responsibility_changed
    assert sum(x.moved for x in sample_diff.items) == 1
    assert sum(x.section_changed for x in sample_diff.items) == 1


def test_sample_responsibility_changes(sample_diff: PlanDiff) -> None:
    swap = change_of(sample_diff, "19")
    assert swap.lead_old == ("人事科",) and swap.lead_new == ("党建指导科",)
    assert {(r.office, r.old, r.new) for r in swap.role_changes} == {
        ("人事科", "lead", "support"),
        ("党建指导科", "support", "lead"),
    }
    assert swap.offices_added == () and swap.offices_removed == () and swap.text_diff == ()
    added = change_of(sample_diff, "20")
    assert added.offices_added == ("师范科",) and added.offices_removed == () and not added.lead_changed
    removed = change_of(sample_diff, "23")
    assert removed.offices_removed == ("信息中心",) and removed.offices_added == ()


def test_sample_office_rename_is_reported_once(sample_diff: PlanDiff) -> None:
    assert sample_diff.renamed_offices == (("校外监管科", "校外培训监管科"),)
    for c in sample_diff.items:
        if c.status in ("added", "removed"):
            continue
        assert "校外培训监管科" not in c.offices_added and "校外监管科" not in c.offices_removed
    renamed = next(o for o in sample_diff.offices if o.name == "校外培训监管科")
    # old: lead in 24; support in 2, 6, 9, 25, 27
    assert (renamed.old_name, renamed.old_lead, renamed.old_support) == ("校外监管科", 1, 5)
    assert (renamed.new_lead, renamed.new_support) == (1, 5)
    assert renamed.gained == () and renamed.lost == ()
    assert all(o.name != "校外监管科" for o in sample_diff.offices)


def test_sample_merge_and_split(sample_diff: PlanDiff) -> None:
    merged = change_of(sample_diff, "21")
    assert merged.status == "merged" and merged.text_diff == ()
    assert merged.offices_added == () and merged.offices_removed == ()
    split = change_of(sample_diff, "7")
    assert split.status == "split" and split.text_diff == ()
    assert split.offices_removed == () and split.lead_new == ("体卫艺科",)


def test_sample_sections_header_and_offices(sample_diff: PlanDiff) -> None:
    changed = [(s.status, s.new_number, s.new_title) for s in sample_diff.sections if s.status != "same"]
    assert changed == [("added", "七", "坚持开放合作,扩大教育对外交流")]
    assert [(h.field, h.old, h.new) for h in sample_diff.header] == [
        ("date", "2024年2月20日", "2024年3月1日")
    ]
    by_name = {o.name: o for o in sample_diff.offices}
    assert by_name["信息中心"].lost == ("23",) and by_name["信息中心"].gained == ()
    assert by_name["测试站"].lost == ("11",) and by_name["测试站"].new_total == 0
    assert by_name["师范科"].gained == ("21",) and by_name["师范科"].lost == ("11",)
    assert by_name["党建指导科"].old_lead == 5 and by_name["党建指导科"].new_lead == 6
    assert by_name["基教科"].old_lead == 7 and by_name["基教科"].gained == ("35",)
    assert not by_name["审计室"].changed


def test_diff_mirrors_when_sides_swap(sample_pair: tuple[Notice, Notice]) -> None:
    a, b = sample_pair
    forward, backward = diff_notices(a, b), diff_notices(b, a)
    flip = {"added": "removed", "removed": "added", "merged": "split", "split": "merged"}
    mirrored = {
        (flip.get(c.status, c.status), c.new, c.old, c.similarity, c.moved, c.section_changed)
        for c in forward.items
    }
    assert mirrored == {
        (c.status, c.old, c.new, c.similarity, c.moved, c.section_changed) for c in backward.items
    }
    assert backward.renamed_offices == (("校外培训监管科", "校外监管科"),)
    assert [(s.status, s.old_title) for s in backward.sections if s.status != "same"] == [
        ("removed", "坚持开放合作,扩大教育对外交流")
    ]
    assert [(h.old, h.new) for h in backward.header] == [("2024年3月1日", "2024年2月20日")]
    swap = change_of(backward, "20")
    assert swap.lead_old == ("党建指导科",) and swap.lead_new == ("人事科",)
    assert change_of(backward, "21").offices_removed == ("师范科",)
    assert change_of(backward, "23").offices_added == ("信息中心",)
    for c in backward.items:
        if c.text_diff:
            forward_change = next(f for f in forward.items if f.old == c.new and f.new == c.old)
            assert "".join(o.text for o in c.text_diff if o.op != "delete") == forward_change.old_text


# ------------------------------------------------------------------ own fixtures, two clause styles


def test_fixture_pair_in_two_clause_styles(fixtures_dir: Path) -> None:
    old = parse_file(fixtures_dir / "diff" / "old.txt")
    new = parse_file(fixtures_dir / "diff" / "new.txt")
    diff = diff_notices(old, new)
    assert pairs(diff) == {
        ("changed", ("1",), ("1",)),  # 12 → 15 城市书房
        ("changed", ("2",), ("2",)),  # lead swapped
        ("same", ("4",), ("3",)),
        ("changed", ("5",), ("4",)),  # 计划财务科 dropped
        ("same", ("6",), ("5",)),
        ("same", ("3",), ("6",)),  # moved to section 二
        ("merged", ("7", "8"), ("7",)),
        ("same", ("9",), ("8",)),
        ("added", (), ("9",)),
    }
    assert diff.renamed_offices == (("市场推广科", "文旅营销科"),)
    one = change_of(diff, "1")
    assert [(o.op, o.text) for o in one.text_diff if o.op != "equal"] == [("delete", "12"), ("insert", "15")]
    assert change_of(diff, "2").lead_new == ("艺术指导科",)
    assert change_of(diff, "5").offices_removed == ("计划财务科",)
    moved = change_of(diff, "3")
    assert moved.moved and moved.section_changed
    merged = change_of(diff, "7")
    assert merged.lead_old == ("执法监督科", "文物保护科") and merged.lead_new == ("执法监督科",)
    assert [(r.office, r.old, r.new) for r in merged.role_changes] == [("文物保护科", "lead", "support")]
    sections = [(s.status, s.old_title, s.new_title) for s in diff.sections if s.status != "same"]
    assert sections == [
        ("renamed", "夯实公共文化服务", "提升公共文化服务效能"),
        ("added", None, "推进智慧文旅"),
    ]
    assert [h.field for h in diff.header] == ["title", "year", "date"]
    by_name = {o.name: o for o in diff.offices}
    assert by_name["文旅营销科"].old_name == "市场推广科"
    assert by_name["计划财务科"].lost == ("5",)
    assert by_name["信息资源科"].gained == ("9",) and by_name["市场监测科"].gained == ("9",)


# ------------------------------------------------------------------ hand-built notices


def test_renumbering_alone_is_same_but_renumbered() -> None:
    a = build([("一", "甲", [("1", T1, "甲科"), ("2", T2, "乙科")]), ("二", "乙", [("3", T3, "甲科")])])
    b = build([("一", "甲", [("1", T1, "甲科"), ("2", T2, "乙科")]), ("二", "乙", [("1", T3, "甲科")])])
    diff = diff_notices(a, b)
    assert pairs(diff) == {("same", ("1",), ("1",)), ("same", ("2",), ("2",)), ("same", ("3",), ("1",))}
    assert [c.renumbered for c in diff.items] == [False, False, True]
    assert not any(c.moved for c in diff.items)
    assert diff.differs


def test_swapped_neighbours_one_counts_as_moved() -> None:
    a = build([("一", "甲", [("1", T1, "甲科"), ("2", T2, "甲科"), ("3", T3, "甲科"), ("4", T4, "甲科")])])
    b = build([("一", "甲", [("1", T1, "甲科"), ("2", T3, "甲科"), ("3", T4, "甲科"), ("4", T2, "甲科")])])
    diff = diff_notices(a, b)
    assert [(c.old, c.new, c.moved) for c in diff.items] == [
        (("1",), ("1",), False),
        (("3",), ("2",), False),
        (("4",), ("3",), False),
        (("2",), ("4",), True),
    ]
    assert not any(c.section_changed for c in diff.items)


def test_three_items_merged_none_similar_enough_alone() -> None:
    a = build([("一", "甲", [("1", T1, "甲科"), ("2", T2, "乙科"), ("3", T3, "丙科"), ("4", T6, "丁科")])])
    b = build([("一", "甲", [("1", T1 + T2 + T3, "甲科、乙科、丙科"), ("2", T6, "丁科")])])
    diff = diff_notices(a, b)
    assert pairs(diff) == {("merged", ("1", "2", "3"), ("1",)), ("same", ("4",), ("2",))}
    merged = only(diff, "merged")[0]
    assert merged.similarity == 1.0
    assert merged.lead_old == ("甲科", "乙科", "丙科") and merged.lead_new == ("甲科",)
    # mirrored: one old item split in three
    back = diff_notices(b, a)
    assert pairs(back) == {("split", ("1",), ("1", "2", "3")), ("same", ("2",), ("4",))}


def test_an_expanded_item_is_changed_not_merged() -> None:
    longer = T5 + (
        "建立重点项目周调度机制，对进度滞后的项目挂牌督办，确保按时竣工投运并尽早发挥效益。"
        "同步谋划储备一批文旅融合项目，积极争取上级专项资金和地方政府专项债券支持，"
        "引导社会资本参与景区提质改造和配套设施建设。"
    )
    a = build([("一", "甲", [("1", T5, "甲科"), ("2", T6, "乙科")])])
    b = build([("一", "甲", [("1", longer, "甲科"), ("2", T6, "乙科")])])
    diff = diff_notices(a, b)
    assert pairs(diff) == {("changed", ("1",), ("1",)), ("same", ("2",), ("2",))}
    grown = change_of(diff, "1")
    assert grown.similarity < 0.5  # found by containment, below the pair threshold
    assert [o.op for o in grown.text_diff] == ["equal", "insert"]


def test_threshold_decides_between_reworded_and_replaced() -> None:
    reworded = "规范演出市场管理。严格演出审批，加强剧本娱乐场所内容审核和日常巡查。"
    a = build([("一", "甲", [("1", T6, "甲科")])])
    b = build([("一", "甲", [("1", reworded, "甲科")])])
    loose = diff_notices(a, b)
    assert pairs(loose) == {("changed", ("1",), ("1",))}
    assert 0.6 < loose.items[0].similarity < 0.9
    strict = diff_notices(a, b, threshold=0.9)
    assert pairs(strict) == {("removed", ("1",), ()), ("added", (), ("1",))}
    assert strict.threshold == 0.9
    with pytest.raises(ValueError):
        diff_notices(a, b, threshold=0)


def test_unrelated_office_swapped_in_one_item_is_not_a_rename() -> None:
    a = build([("一", "甲", [("1", T1, "甲科、审计室"), ("2", T2, "甲科")])])
    b = build([("一", "甲", [("1", T1, "甲科、宣传中心"), ("2", T2, "甲科")])])
    diff = diff_notices(a, b)
    assert diff.renamed_offices == ()
    c = change_of(diff, "1")
    assert c.offices_added == ("宣传中心",) and c.offices_removed == ("审计室",)


def test_rename_needs_most_places_to_coincide() -> None:
    # 乙科 is in three items; 乙科室 replaces it in only one of them and 乙科 is dropped from the
    # others: one coincidence out of three is no rename.
    a = build([("一", "甲", [("1", T1, "甲科、乙科"), ("2", T2, "甲科、乙科"), ("3", T3, "甲科、乙科")])])
    b = build([("一", "甲", [("1", T1, "甲科、乙科室"), ("2", T2, "甲科"), ("3", T3, "甲科")])])
    diff = diff_notices(a, b)
    assert diff.renamed_offices == ()
    renamed = diff_notices(
        a, build([("一", "甲", [("1", T1, "甲科、乙科室"), ("2", T2, "甲科、乙科室"), ("3", T3, "甲科")])])
    )
    assert renamed.renamed_offices == (("乙科", "乙科室"),)
    assert change_of(renamed, "3").offices_removed == ("乙科室",)  # compared after the rename


def test_section_renamed_by_its_items_and_section_removed() -> None:
    a = build(
        [
            ("一", "加强文化设施建设", [("1", T1, "甲科"), ("2", T2, "甲科")]),
            ("二", "其他工作", [("3", T6, "乙科")]),
            ("三", "做强文旅产业", [("4", T4, "乙科"), ("5", T5, "乙科")]),
        ]
    )
    b = build(
        [
            ("一", "公共服务提质", [("1", T1, "甲科"), ("2", T2, "甲科")]),
            ("二", "做强文旅产业", [("3", T4, "乙科"), ("4", T5, "乙科"), ("5", T6, "乙科")]),
        ]
    )
    diff = diff_notices(a, b)
    assert [(s.status, s.old_number, s.new_number, s.old_title, s.new_title) for s in diff.sections] == [
        ("renamed", "一", "一", "加强文化设施建设", "公共服务提质"),
        ("same", "三", "二", "做强文旅产业", "做强文旅产业"),
        ("removed", "二", None, "其他工作", None),
    ]
    assert diff.sections[1].renumbered
    moved = change_of(diff, "3")
    assert moved.section_changed and moved.moved  # it also left its place in the order
    assert not change_of(diff, "1").section_changed  # its section was only renamed


def test_duplicate_texts_align_in_order() -> None:
    a = build([("一", "甲", [("1", T1, "甲科"), ("2", T1, "乙科"), ("3", T2, "甲科")])])
    b = build([("一", "甲", [("1", T1, "甲科"), ("2", T1, "乙科"), ("3", T2, "甲科")])])
    diff = diff_notices(a, b)
    assert [(c.status, c.old, c.new) for c in diff.items] == [
        ("same", ("1",), ("1",)),
        ("same", ("2",), ("2",)),
        ("same", ("3",), ("3",)),
    ]


def test_header_changes() -> None:
    a = build([("一", "甲", [("1", T1, "甲科")])], date=dt.date(2023, 1, 5), issuers=("某局",))
    b = build(
        [("一", "甲", [("1", T1, "甲科")])],
        title="某局2025年工作要点",
        year=2025,
        date=dt.date(2025, 1, 5),
        issuers=("某局", "某委"),
    )
    diff = diff_notices(a, b)
    assert [(h.field, h.old, h.new) for h in diff.header] == [
        ("title", "某局2024年工作要点", "某局2025年工作要点"),
        ("year", "2024", "2025"),
        ("date", "2023年1月5日", "2025年1月5日"),
        ("issuers", "某局", "某局、某委"),
    ]
    # punctuation width and spaces in a title are not a change
    c = build([("一", "甲", [("1", T1, "甲科")])], title="某局 2024 年工作要点", date=dt.date(2023, 1, 5))
    assert diff_notices(a, c).header == ()


def test_removed_items_are_listed_where_they_stood() -> None:
    a = build([("一", "甲", [("1", T1, "甲科"), ("2", T2, "甲科"), ("3", T3, "甲科")])])
    b = build([("一", "甲", [("1", T1, "甲科"), ("2", T3, "甲科")])])
    diff = diff_notices(a, b)
    assert [(c.status, c.old) for c in diff.items] == [
        ("same", ("1",)),
        ("removed", ("2",)),
        ("same", ("3",)),
    ]


def test_empty_plans() -> None:
    a = build([])
    diff = diff_notices(a, a)
    assert diff.items == () and diff.differs is False
    b = build([("一", "甲", [("1", T1, "甲科")])])
    assert pairs(diff_notices(a, b)) == {("added", (), ("1",))}


# ------------------------------------------------------------------ random edit scripts


@pytest.mark.parametrize("seed", range(40))
def test_random_edit_scripts_are_recovered(sample_notice: Notice, seed: int) -> None:
    new, expected = random_edits(sample_notice, seed)
    diff = diff_notices(sample_notice, new)
    found = {(c.status, c.old) for c in diff.items if c.status not in ("same", "added")}
    assert found == expected.changes
    assert sum(c.status == "added" for c in diff.items) == expected.added
    for olds in expected.moved:
        moved = next(c for c in diff.items if c.old == olds)
        assert moved.status == "same" and moved.section_changed
    assert diff.renamed_offices == expected.renamed
    # and the other way round, everything mirrored
    back = diff_notices(new, sample_notice)
    flip = {"added": "removed", "removed": "added", "merged": "split", "split": "merged"}
    assert {(flip.get(c.status, c.status), c.new, c.old) for c in diff.items} == {
        (c.status, c.old, c.new) for c in back.items
    }


def test_item_moved_across_a_section_boundary_keeps_its_order() -> None:
    # The last item of 一 becomes the first of 二: another section, same place in the order.
    a = build([("一", "甲", [("1", T1, "甲科"), ("2", T2, "甲科")]), ("二", "乙", [("3", T3, "乙科")])])
    b = build([("一", "甲", [("1", T1, "甲科")]), ("二", "乙", [("2", T2, "甲科"), ("3", T3, "乙科")])])
    diff = diff_notices(a, b)
    moved = change_of(diff, "2")
    assert moved.status == "same" and moved.section_changed and not moved.moved
    assert moved.old_sections == ("一、甲",) and moved.new_sections == ("二、乙",)


def test_leader_and_deadline_changes() -> None:
    from dataclasses import replace

    a = build([("一", "甲", [("1", T1, "甲科"), ("2", T2, "乙科")])])
    b = build([("一", "甲", [("1", T1, "甲科"), ("2", T2, "乙科")])])
    a = replace(a, items=(replace(a.items[0], leader="张三", deadline="2024年6月底"), a.items[1]))
    b = replace(b, items=(replace(b.items[0], leader="李四", deadline="2024年6月底"), b.items[1]))
    diff = diff_notices(a, b)
    c = change_of(diff, "1")
    assert c.status == "changed" and c.kinds == ("leader",)
    assert [(f.field, f.old, f.new) for f in c.fields] == [("leader", "张三", "李四")]
    assert change_of(diff, "2").status == "same"
