"""`yaodian diff` on two generated 500-item plans, timed as a whole process (target ≤ 2 s).

The second plan is the first one edited the way plans change between years: items reworded and
numbers changed, a few moved to other sections, pairs merged, items split, some removed and some
added, one office renamed, and everything renumbered. Files go to bench/.data/ (gitignored).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

from benchlib import DATA, ROOT, YAODIAN, Result, time_process

SECTIONS = 10
PER_SECTION = 50
SEED = 20240220

_WORDS = [
    "推进",
    "加强",
    "完善",
    "深化",
    "健全",
    "落实",
    "开展",
    "提升",
    "优化",
    "强化",
    "统筹",
    "规范",
    "推动",
    "扩大",
    "建立",
    "实施",
    "教育",
    "教学",
    "课程",
    "教师",
    "学生",
    "学校",
    "资源",
    "评价",
    "督导",
    "安全",
    "经费",
    "项目",
    "平台",
    "体系",
    "机制",
    "制度",
    "质量",
    "服务",
    "管理",
    "改革",
    "建设",
    "保障",
    "监测",
    "培训",
    "考核",
    "协同",
    "数字化",
    "信息化",
    "特色",
    "示范",
    "标准",
    "乡村",
    "城区",
    "县域",
    "普惠",
    "均衡",
    "融合",
    "创新",
    "科研",
    "队伍",
    "师德",
    "思政",
    "体育",
    "艺术",
    "劳动",
    "心理",
    "健康",
    "招生",
    "考试",
    "资助",
    "就业",
    "法治",
    "宣传",
    "舆情",
    "后勤",
    "校园",
    "设施",
    "学位",
    "集团化",
    "共同体",
    "试点",
    "专项",
    "行动",
    "计划",
    "方案",
    "办法",
    "清单",
    "台账",
    "年度",
    "全年",
    "全面",
    "持续",
    "重点",
    "关键",
    "基础",
    "长效",
    "精准",
]
_OFFICES = [
    f"{name}科"
    for name in [
        "综合",
        "人事",
        "计划",
        "基教",
        "职成",
        "高教",
        "体卫",
        "安全",
        "法规",
        "督导",
        "财务",
        "审计",
        "宣传",
    ]
]
_OFFICES += ["信息中心", "考试院", "教科院", "资助中心", "装备站", "学前办", "民教办", "语委办"]


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words: list[str] = []
    while sum(map(len, words)) < rng.randint(low, high):
        words.append(rng.choice(_WORDS))
    return "".join(words)


def _item(rng: random.Random) -> dict[str, object]:
    title = _sentence(rng, 8, 12)
    body = "".join(
        _sentence(rng, 14, 26) + f"，完成{rng.randint(2, 90) * 100}个" + _sentence(rng, 6, 10) + "。"
        for _ in range(rng.randint(2, 4))
    )
    offices = rng.sample(_OFFICES, rng.randint(1, 4))
    return {"text": f"{title}。{body}", "offices": offices}


def _render(title: str, date: str, sections: list[tuple[str, list[dict[str, object]]]]) -> str:
    numerals = "一二三四五六七八九十"
    lines = ["局机关各科室：", f"现将《{title}》印发给你们，请认真贯彻执行。", "某市教育局", date, title]
    count = 0
    for k, (heading, items) in enumerate(sections):
        lines.append(f"{numerals[k] if k < 10 else numerals[9] + numerals[k - 10]}、{heading}")
        for item in items:
            count += 1
            offices = "、".join(item["offices"])  # type: ignore[arg-type]
            lines.append(f"{count}.{item['text']}（责任科室：{offices}）")
    return "\n".join(lines) + "\n"


def generate(folder: Path) -> tuple[Path, Path]:
    """Write old.txt and new.txt (500 items each, more or less) into `folder`."""
    rng = random.Random(SEED)
    old = [(_sentence(rng, 8, 14), [_item(rng) for _ in range(PER_SECTION)]) for _ in range(SECTIONS)]
    new = [(heading, [dict(item) for item in items]) for heading, items in old]
    for _heading, items in new:
        # reword two items, change a number in two more
        for item in rng.sample(items, 2):
            text = str(item["text"])
            cut = rng.randint(10, len(text) - 10)
            item["text"] = text[:cut] + _sentence(rng, 4, 8) + text[cut + 5 :]
        for item in rng.sample(items, 2):
            item["text"] = str(item["text"]).replace("00个", "50个", 1)
        # merge two neighbours, split one item, drop one, add one
        k = rng.randrange(0, len(items) - 1)
        items[k] = {"text": str(items[k]["text"]) + str(items[k + 1]["text"]), "offices": items[k]["offices"]}
        del items[k + 1]
        k = rng.randrange(0, len(items))
        text = str(items[k]["text"])
        cut = text.index("。") + 1
        items[k : k + 1] = [
            {"text": text[:cut] + text[cut:].split("。")[0] + "。", "offices": items[k]["offices"]},
            {"text": "。".join(text[cut:].split("。")[1:]), "offices": items[k]["offices"]},
        ]
        del items[rng.randrange(0, len(items))]
        items.insert(rng.randrange(0, len(items)), _item(rng))
    # move three items to other sections
    for _ in range(3):
        a, b = rng.sample(range(SECTIONS), 2)
        moved = new[a][1].pop(rng.randrange(len(new[a][1])))
        new[b][1].insert(rng.randrange(len(new[b][1])), moved)
    # rename one office everywhere
    for _heading, items in new:
        for item in items:
            item["offices"] = ["督导评估科" if o == "督导科" else o for o in item["offices"]]  # type: ignore[attr-defined]
    folder.mkdir(parents=True, exist_ok=True)
    a_path, b_path = folder / "diff-old.txt", folder / "diff-new.txt"
    a_path.write_text(_render("某市教育局2024年工作要点", "2024年2月20日", old), encoding="utf-8")
    b_path.write_text(_render("某市教育局2025年工作要点", "2025年2月18日", new), encoding="utf-8")
    return a_path, b_path


def run() -> list[Result]:
    a, b = generate(DATA)
    args = [YAODIAN, "diff", str(a), str(b), "--format", "json"]
    done = subprocess.run(args, check=True, capture_output=True, text=True, cwd=ROOT)
    data = json.loads(done.stdout)
    print(f"  {data['old']['items']} → {data['new']['items']} items: {data['summary']}", flush=True)

    from yaodian import parse_file
    from yaodian.analysis.diff import diff_notices

    old, new = parse_file(a), parse_file(b)
    t0 = time.perf_counter()
    diff_notices(old, new)
    in_process = time.perf_counter() - t0
    return [
        Result("diff two 500-item plans, whole process (json)", time_process(args), "s", 2.0),
        Result("diff_notices alone (two parsed 500-item plans)", in_process, "s"),
        Result("start-up alone (python -c 'import yaodian.cli')", _startup(), "s"),
    ]


def _startup() -> float:
    """Process start-up plus imports, to show what the diff itself costs."""
    return time_process([sys.executable, "-c", "import yaodian.cli"])


if __name__ == "__main__":
    for r in run():
        print(r.row())
