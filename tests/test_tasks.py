"""Per-office task lists (analysis.assignments) and their text renderings (writers.tasks).

`make_notice` (conftest) builds the made-up plan every export test starts from.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import GOLDEN, check_golden, make_notice
from yaodian.analysis.assignments import (
    item_body,
    office_tasks,
    resolve_office,
    responsibility_matrix,
)
from yaodian.errors import UnknownOfficeError
from yaodian.model import Item, Notice
from yaodian.writers import tasks as task_writers

# --- analysis -----------------------------------------------------------------------------------


def test_office_tasks_lead_first_then_support() -> None:
    lists = {t.name: t for t in office_tasks(make_notice())}
    fin = lists["财务科"]
    assert [t.item.number for t in fin.lead] == ["3"]
    assert [t.item.number for t in fin.support] == ["2", "4"]
    assert [t.item.number for t in fin.tasks] == ["3", "2", "4"]
    assert fin.total == 3
    assert [t.role for t in fin.tasks] == ["lead", "support", "support"]


def test_office_tasks_order_follows_notice_offices() -> None:
    names = [t.name for t in office_tasks(make_notice())]
    # most items first; ties by lead count then first appearance; collective entries last
    assert names == ["财务科", "人事科", "办公室", "基建办", "各区教育局"]


def test_task_co_offices_leads_and_sections() -> None:
    (build,) = office_tasks(make_notice(), offices=["基建办"])
    lead, support = build.lead[0], build.support[0]
    assert lead.item.title == "完善装备配置"
    assert lead.co_offices == ("财务科",)
    assert lead.leads == ("基建办",)
    assert support.co_offices == ("财务科", "各区教育局")
    assert support.leads == ("财务科",)
    assert support.sections == ("改善办学条件",)
    assert lead.body == "为实验室补齐器材。"


def test_role_filter() -> None:
    (hr,) = office_tasks(make_notice(), offices=["人事科"], role="support")
    assert hr.lead == ()
    assert [t.item.number for t in hr.support] == ["2"]
    (hr,) = office_tasks(make_notice(), offices=["人事科"], role="lead")
    assert [t.item.number for t in hr.lead] == ["1"]
    assert hr.support == ()


def test_resolve_office_by_width_and_spaces() -> None:
    assert resolve_office(make_notice(), " 财务科 ") == "财务科"
    assert resolve_office(make_notice(), "财 务 科") == "财务科"


def test_unknown_office_lists_close_names() -> None:
    with pytest.raises(UnknownOfficeError) as info:
        resolve_office(make_notice(), "财务")
    message = str(info.value)
    assert "财务" in message and "财务科" in message and "plan.txt" in message
    assert info.value.exit_code == 1


def test_item_body_drops_title_only_when_text_starts_with_it() -> None:
    item = make_notice().items[0]
    assert item_body(item) == "每学期组织两轮全员轮训。"
    other = Item(number="9", ordinal=9, title="别的标题", text="正文一句。")
    assert item_body(other) == "正文一句。"
    only_title = Item(number="9", ordinal=9, title="只有标题", text="只有标题。")
    assert item_body(only_title) == "只有标题。"


def test_matrix_roles_and_counts() -> None:
    m = responsibility_matrix(make_notice())
    assert [o.name for o in m.offices] == ["财务科", "人事科", "办公室", "基建办", "各区教育局"]
    assert [r.roles for r in m.rows] == [
        (None, "lead", "support", None, None),
        ("support", "support", "lead", None, None),
        ("lead", None, None, "support", "support"),
        ("support", None, None, "lead", None),
    ]
    assert [r.count for r in m.rows] == [2, 3, 3, 2]
    assert [tuple(s.number for s in r.sections) for r in m.rows] == [("一",), ("一",), ("二",), ("二",)]


# --- text renderings ----------------------------------------------------------------------------


def test_markdown_one_office() -> None:
    lists = office_tasks(make_notice(), offices=["财务科"])
    text = task_writers.to_markdown(make_notice(), lists)
    assert text.startswith("# 财务科2024年工作任务清单\n")
    assert "## 牵头任务（1 项）" in text
    assert "## 配合任务（2 项）" in text
    assert text.index("推进校舍改造") < text.index("优化考核办法") < text.index("完善装备配置")
    assert "| 1 | 3 | 推进校舍改造 | 完成十所学校的屋面翻新。 | 基建办、各区教育局 |  |" in text
    assert "2024年6月底" in text


def test_markdown_escapes_pipes_and_newlines() -> None:
    plan = [("一", "总", [("甲|乙", "第一行\n第二行", "某科", None)])]
    text = task_writers.to_markdown(make_notice(plan), office_tasks(make_notice(plan)))
    assert "甲\\|乙" in text
    assert "第一行 第二行" in text or "第一行<br>第二行" in text


def test_json_shape() -> None:
    data = json.loads(task_writers.to_json(make_notice(), office_tasks(make_notice(), offices=["基建办"])))
    assert data["notice"]["title"] == "某市教育局2024年工作要点"
    assert data["notice"]["date"] == "2024-02-05"
    (office,) = data["offices"]
    assert office["name"] == "基建办"
    assert office["collective"] is False
    assert [t["number"] for t in office["lead"]] == ["4"]
    assert [t["number"] for t in office["support"]] == ["3"]
    assert office["lead"][0]["deadline"] == "2024年6月底"
    assert office["support"][0]["co_offices"] == ["财务科", "各区教育局"]
    assert office["support"][0]["leads"] == ["财务科"]
    assert office["support"][0]["section"] == ["改善办学条件"]


def test_csv_rows_and_formula_guard() -> None:
    plan = [("一", "总", [("=HYPERLINK(1)", "@SUM(1)", "=cmd|' /C calc'!A0、乙科", None)])]
    notice = make_notice(plan)
    text = task_writers.to_csv(notice, office_tasks(notice))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["科室", "角色", "条目序号", "部分"]
    assert rows[1][0] == "'=cmd|' /C calc'!A0"
    assert rows[1][1] == "牵头"
    assert "'=HYPERLINK(1)" in rows[1]
    assert "'@SUM(1)" in rows[1]
    assert rows[2][0] == "乙科" and rows[2][1] == "配合"
    assert len(rows) == 3


def test_markdown_golden(update_golden: bool) -> None:
    notice = make_notice()
    check_golden(
        GOLDEN / "tasks-made-up.md", task_writers.to_markdown(notice, office_tasks(notice)), update_golden
    )


def test_sample_jijiaoke_golden(sample_notice: Notice, update_golden: bool) -> None:
    lists = office_tasks(sample_notice, offices=["基教科"])
    (jjk,) = lists
    assert (len(jjk.lead), len(jjk.support)) == (7, 12)
    check_golden(
        GOLDEN / "tasks-sample-jijiaoke.md", task_writers.to_markdown(sample_notice, lists), update_golden
    )


def test_sample_every_office_matches_offices(sample_notice: Notice) -> None:
    lists = office_tasks(sample_notice)
    assert len(lists) == 25
    for summary, tl in zip(sample_notice.offices(), lists, strict=True):
        assert summary.name == tl.name
        assert [t.item.ordinal for t in tl.lead] == list(summary.lead)
        assert [t.item.ordinal for t in tl.support] == list(summary.support)
