"""The year's ledger as whole processes: `yaodian ledger` of a generated 500-item notice, and
`yaodian collect` of 25 filled-in returns into the sample's ledger (targets ≤ 1.5 s each)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

from bench_export import generated_notice
from benchlib import DATA, ROOT, YAODIAN, Result, time_process

SAMPLE = ROOT / "samples" / "changde-2024.txt"


def _returns() -> None:
    """Fill every form in bench/.data/ledger/forms as an office would, into …/returns."""
    import openpyxl

    forms = DATA / "ledger" / "forms"
    returns = DATA / "ledger" / "returns"
    returns.mkdir()
    for k, path in enumerate(sorted(forms.glob("*.xlsx"))):
        wb = openpyxl.load_workbook(path)
        ws = wb.active
        for r in range(4, ws.max_row + 1):
            ws.cell(row=r, column=9).value = f"联系人{k}"
            ws.cell(row=r, column=10).value = "已按计划推进，完成阶段性任务。"
            ws.cell(row=r, column=11).value = "推进中" if r % 2 else "已完成"
            ws.cell(row=r, column=12).value = dt.date(2024, 7, 1)
        wb.save(returns / path.name)


def run() -> list[Result]:
    out = DATA / "ledger"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    # The export bench's notice, each item with a deadline to read (6月底前).
    big = DATA / "generated-500-deadlines.txt"
    big.write_text(generated_notice().replace("确保按期完成。", "确保6月底前完成。"), encoding="utf-8")
    ledger_500 = [YAODIAN, "ledger", str(big), "-o", str(out / "ledger-500.xlsx"), "--force"]

    sample_ledger = out / "台账.xlsx"
    subprocess.run(
        [YAODIAN, "ledger", str(SAMPLE), "-o", str(sample_ledger)], check=True, capture_output=True
    )
    subprocess.run(
        [YAODIAN, "forms", str(sample_ledger), "-o", str(out / "forms")], check=True, capture_output=True
    )
    _returns()
    collect = [
        YAODIAN,
        "collect",
        str(sample_ledger),
        str(out / "returns"),
        "-o",
        str(out / "新台账.xlsx"),
        "--force",
    ]
    return [
        Result("ledger: generated 500 items (whole process)", time_process(ledger_500), "s", 1.5),
        Result("collect: 25 returns into the sample's ledger (process)", time_process(collect), "s", 1.5),
    ]
