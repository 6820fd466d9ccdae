"""`yaodian report` on the sample as a whole process: the page alone, and with --previous and
--ledger (target ≤ 0.5 s), and the page's size with both (target ≤ 400 KB)."""

from __future__ import annotations

import shutil
import subprocess

from benchlib import DATA, ROOT, YAODIAN, Result, time_process

SAMPLE = ROOT / "samples" / "changde-2024.txt"
PREVIOUS = ROOT / "samples" / "report" / "changde-2023-made-up.txt"


def run() -> list[Result]:
    out = DATA / "report"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    ledger = out / "台账.xlsx"
    subprocess.run([YAODIAN, "ledger", str(SAMPLE), "-o", str(ledger)], check=True, capture_output=True)
    page = out / "报告.html"
    plain = [YAODIAN, "report", str(SAMPLE), "-o", str(page), "--force"]
    full = [*plain, "--previous", str(PREVIOUS), "--ledger", str(ledger), "--as-of", "2024-07-01"]
    results = [
        Result("report: the sample (whole process)", time_process(plain), "s", 0.5),
        Result("report: sample + --previous + --ledger (process)", time_process(full), "s", 0.5),
    ]
    results.append(
        Result("report: page size, sample + --previous + --ledger", page.stat().st_size / 1024, "KB", 400)
    )
    return results
