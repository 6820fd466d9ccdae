"""`yaodian batch` over generated notices: wall time for 1,000 files with --jobs 2, and peak
memory of the whole process tree for 200 and 1,000 files (it should not grow with the count).

The notices are made here from the sample: each gets its own year, bureau, item count and
office spellings; one in five is a .docx (typed numbers), one in twenty an HTML page.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import time
from pathlib import Path

from benchlib import DATA, ROOT, YAODIAN, Result

SAMPLE = ROOT / "samples" / "changde-2024.txt"
OFFICES = [
    "综合科",
    "人事科",
    "财务科",
    "基教科",
    "职成科",
    "安全科",
    "法规科",
    "督导室",
    "信息中心",
    "审计室",
]
ITEM = re.compile(r"^(\d+)\.")


def _variant(lines: list[str], rng: random.Random, k: int) -> list[str]:
    """The sample with another year, bureau and offices, and a random subset of its items."""
    year = 2015 + k % 11
    out: list[str] = []
    number = 0
    for line in lines:
        line = line.replace("2024", str(year)).replace("常德", f"某{k % 97}市")
        m = ITEM.match(line)
        if m:
            if rng.random() < 0.25:
                continue
            number += 1
            line = f"{number}." + line[m.end() :]
            if rng.random() < 0.3:
                line = re.sub(
                    r"（责任科室：[^）]*）|\(责任科室:[^)]*\)",
                    f"（责任科室：{'、'.join(rng.sample(OFFICES, 3))}）",
                    line,
                )
        out.append(line)
    return out


def make_corpus(folder: Path, count: int) -> Path:
    """`count` notices in `folder` (made once, reused)."""
    stamp = folder / ".complete"
    if stamp.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    import docx

    lines = [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(20250101)
    for k in range(count):
        text = _variant(lines, rng, k)
        sub = folder / f"{2015 + k % 11}"
        sub.mkdir(exist_ok=True)
        if k % 20 == 7:
            body = "".join(f"<p>{line}</p>\n" for line in text)
            page = f'<html><head><meta charset="utf-8"></head><body><div class="nav">首页</div><div id="zoom">{body}</div></body></html>'
            (sub / f"通知{k:04d}.html").write_text(page, encoding="utf-8")
        elif k % 5 == 1:
            document = docx.Document()
            for line in text:
                document.add_paragraph(line)
            document.save(str(sub / f"通知{k:04d}.docx"))
        else:
            (sub / f"通知{k:04d}.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
    stamp.write_text("ok", encoding="utf-8")
    return folder


def _tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (Linux)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read().rsplit(b")", 1)[1].split()
            with open(f"/proc/{entry}/statm", "rb") as fh:
                pages = int(fh.read().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents[int(entry)] = int(stat[1])
        rss[int(entry)] = pages * (os.sysconf("SC_PAGE_SIZE") // 1024)
    tree = {root}
    changed = True
    while changed:
        changed = False
        for pid, ppid in parents.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                changed = True
    return sum(rss.get(pid, 0) for pid in tree)


def run_measured(args: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak resident memory of the whole process tree (MB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss_kb(proc.pid))
        time.sleep(0.05)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"yaodian batch failed with exit code {proc.returncode}")
    return elapsed, peak / 1024


def run() -> list[Result]:
    big = make_corpus(DATA / "batch-1000", 1000)
    small = make_corpus(DATA / "batch-200", 200)
    out = DATA / "batch-out"
    results: list[Result] = []
    # Warm-up (file cache, .pyc), then the measured runs.
    run_measured([YAODIAN, "batch", str(small), "-o", str(out), "--jobs", "2", "--force"])
    time_small, mem_small = run_measured(
        [YAODIAN, "batch", str(small), "-o", str(out), "--jobs", "2", "--force"]
    )
    time_big, mem_big = run_measured([YAODIAN, "batch", str(big), "-o", str(out), "--jobs", "2", "--force"])
    shutil.rmtree(out, ignore_errors=True)
    results.append(Result("batch 1000 notices, --jobs 2 (whole process)", time_big, "s", 30))
    results.append(Result("batch 200 notices, --jobs 2 (whole process)", time_small, "s"))
    results.append(Result("batch peak RSS, process tree, 200 notices", mem_small, "MB"))
    results.append(Result("batch peak RSS, process tree, 1000 notices", mem_big, "MB"))
    results.append(Result("batch RSS growth 200 → 1000 notices", mem_big - mem_small, "MB", 25))
    return results


if __name__ == "__main__":
    for r in run():
        print(r.row())
