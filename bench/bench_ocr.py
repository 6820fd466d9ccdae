"""OCR: seconds per page (an A4 page rendered at 200 dpi), and `yaodian parse` as a whole process
on the sample printed as a 4-page scan (150 dpi greyscale, slightly rotated, JPEG 70, no text
layer), with its peak memory. Skipped, with a line saying why, without the OCR extra or a font."""

from __future__ import annotations

import os
import subprocess
import sys

from benchlib import DATA, ROOT, YAODIAN, Result, best_call

sys.path.insert(0, str(ROOT / "tests"))

SAMPLE = ROOT / "samples" / "changde-2024.txt"
CENTRED = (
    "中共常德市委教育工作委员会 常德市教育局",
    "2024年工作要点",
    "中共常德市委教育工作委员会",
    "常德市教育局",
    "2024年2月20日",
)


def run() -> list[Result]:
    from ocrkit import cjk_font, jpeg, pdf_bytes, render_pages, scanned
    from yaodian.reading.ocr import available

    if not available() or cjk_font() is None:
        print("  (skipped: needs pip install 'yaodian[ocr]' and a CJK font)")
        return []
    from yaodian.reading.ocr import recognise

    text = SAMPLE.read_text(encoding="utf-8")
    cores = os.cpu_count() or 1
    page = render_pages(text, dpi=200, pages=4, centred=CENTRED)[1]  # a full page of body text
    per_page = best_call(lambda: recognise(page, number=1, name="bench", threads=cores), repeat=2)

    DATA.mkdir(parents=True, exist_ok=True)
    scan = DATA / "changde-scan.pdf"
    if not scan.exists():
        pages = render_pages(text, dpi=150, pages=4, centred=CENTRED, head="常德市教育局")
        angles = (0.6, -0.8, 1.0, -0.5)
        scan.write_bytes(
            pdf_bytes([jpeg(scanned(p, angle=a), quality=70) for p, a in zip(pages, angles, strict=True)])
        )
    args = [YAODIAN, "parse", str(scan), "--format", "json"]
    whole = best_call(lambda: _quiet(args), repeat=1)
    whole_jobs = best_call(lambda: _quiet([*args, "--jobs", "2"]), repeat=1)
    peak = _peak_mb(args)
    return [
        Result(f"OCR one A4 page at 200 dpi ({cores} cores)", per_page, "s"),
        Result("yaodian parse 4-page scan --format json (process)", whole, "s", 60.0),
        Result("yaodian parse 4-page scan --jobs 2 (process)", whole_jobs, "s", 60.0),
        Result("yaodian parse 4-page scan: peak memory", peak, "MB"),
    ]


def _quiet(args: list[str]) -> None:
    """Run a command without its output (the per-page progress goes to stderr)."""
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)


def _peak_mb(args: list[str]) -> float:
    """Peak resident memory of one child process in MB (run in a child of its own, so that
    RUSAGE_CHILDREN is that process alone)."""
    code = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True, cwd=ROOT
    )
    return int(out.stdout.strip()) / 1024
