"""Exports as whole processes: matrix + all Word sheets for the sample, and the matrix of a
generated 500-item notice (its text is made here; written under bench/.data/)."""

from __future__ import annotations

import random
import shutil
import subprocess

from benchlib import DATA, ROOT, YAODIAN, Result, best_call, time_call

SAMPLE = ROOT / "samples" / "changde-2024.txt"

# Made-up office names: 30 of them, so that the matrix is as wide as a large bureau's.
_STEMS = [
    "综合",
    "人事",
    "财务",
    "规划",
    "基建",
    "法规",
    "宣传",
    "审计",
    "安全",
    "信息",
    "督导",
    "考试",
    "资助",
    "体卫",
    "职成",
    "学前",
    "社管",
    "仪器",
    "装备",
    "后勤",
    "外事",
    "统战",
    "保密",
    "档案",
    "工会",
    "团委",
    "评估",
    "监测",
    "培训",
    "招生",
]
OFFICES = [f"{s}{'科' if k % 3 else '办'}" for k, s in enumerate(_STEMS)]
NUMERALS = "一二三四五六七八九十"


def generated_notice(items: int = 500, seed: int = 7) -> str:
    """A notice text of `items` task items in ten sections, 2–5 offices each, first one leading."""
    rng = random.Random(seed)
    lines = [
        "关于印发《某市某局2024年工作要点》的通知",
        "各科室、各直属单位：",
        "现将《某市某局2024年工作要点》印发给你们，请认真贯彻执行。",
        "某市某局",
        "2024年3月1日",
        "某市某局2024年工作要点",
    ]
    per_section = items // len(NUMERALS)
    n = 0
    for s, numeral in enumerate(NUMERALS):
        lines.append(f"{numeral}、推进第{s + 1}方面重点工作")
        count = per_section if s < len(NUMERALS) - 1 else items - n
        for _ in range(count):
            n += 1
            offices = rng.sample(OFFICES, rng.randint(2, 5))
            lines.append(
                f"{n}.落实第{n}项重点任务。围绕年度目标细化措施，明确时间节点，加强督促检查，确保按期完成。"
                f"（责任科室：{'、'.join(offices)}）"
            )
    return "\n".join(lines) + "\n"


def run() -> list[Result]:
    out = DATA / "export"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    big = DATA / "generated-500.txt"
    big.write_text(generated_notice(), encoding="utf-8")

    matrix = [YAODIAN, "matrix", str(SAMPLE), "-o", str(out / "matrix.xlsx"), "--force"]
    sheets = [YAODIAN, "sheets", str(SAMPLE), "-o", str(out / "sheets"), "--force"]
    parse_only = [YAODIAN, "parse", str(SAMPLE), "--format", "json"]
    big_matrix = [YAODIAN, "matrix", str(big), "-o", str(out / "matrix-500.xlsx"), "--force"]
    export = [YAODIAN, "export", str(SAMPLE), "-o", str(out / "all"), "--force"]

    def both() -> None:
        _quiet(matrix)
        _quiet(sheets)

    return [
        # One process writing the matrix and all 25 sheets: `yaodian export`. Best of 7 runs
        # (this VM's timings scatter by ±30 %).
        Result(
            "export: matrix + 25 sheets, sample (yaodian export, one process)",
            best_call(lambda: _quiet(export), 7),
            "s",
            1.0,
        ),
        Result("export: matrix then sheets, sample (2 processes)", time_call(both, repeat=5), "s"),
        Result("export: yaodian matrix, sample (process)", time_call(lambda: _quiet(matrix), 5), "s"),
        Result(
            "export: yaodian sheets, sample, 25 .docx (process)", time_call(lambda: _quiet(sheets), 5), "s"
        ),
        Result(
            "export: yaodian parse, sample (baseline process)", time_call(lambda: _quiet(parse_only), 5), "s"
        ),
        Result(
            "export: yaodian matrix, generated 500 items (process)",
            time_call(lambda: _quiet(big_matrix), 3),
            "s",
            3.0,
        ),
    ]


def _quiet(args: list[str]) -> None:
    """Run one whole process, its "已写入…" messages discarded (benchlib keeps stderr)."""
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
