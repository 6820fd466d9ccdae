"""Parsing: the sample in-process, and `yaodian parse --format json` as a whole process against
the floor of the framework (a minimal Typer app with two commands that copies the file out)."""

from __future__ import annotations

import sys
from pathlib import Path

from benchlib import DATA, ROOT, YAODIAN, Result, best_call, time_call, time_pair

SAMPLE = ROOT / "samples" / "changde-2024.txt"

FLOOR_APP = """
import sys
import typer

app = typer.Typer()


@app.command()
def cat(path: str) -> None:
    sys.stdout.write(open(path, encoding="utf-8").read())


@app.command()
def other() -> None:
    pass


app()
"""


def run() -> list[Result]:
    from yaodian import parse_text
    from yaodian.model import Source
    from yaodian.parsing import clauses

    text = SAMPLE.read_text(encoding="utf-8")
    source = Source(path=str(SAMPLE))

    from yaodian.parsing import markers

    memos = [f for mod in (clauses, markers) for f in vars(mod).values() if hasattr(f, "cache_clear")]

    def cold_parse() -> None:
        # The clause readers memoise; clear them all so every parse pays the full price.
        for memo in memos:
            memo.cache_clear()
        parse_text(text, source=source)

    per_parse = time_call(cold_parse, repeat=200)
    DATA.mkdir(parents=True, exist_ok=True)
    floor = DATA / "floor_app.py"
    floor.write_text(FLOOR_APP, encoding="utf-8")
    floor_s, cli_s = time_pair(
        [sys.executable, str(floor), "cat", str(SAMPLE)],
        [YAODIAN, "parse", str(SAMPLE), "--format", "json"],
    )
    growth = [_damaged_growth(n, source) for n in (500, 5000)]
    return [
        Result("parse sample in-process (per parse)", per_parse * 1000, "ms", 5.0),
        *(
            Result(f"parse {n}-item notice copied from a PDF (hard-wrapped)", secs, "s")
            for n, secs in zip((500, 5000), growth, strict=True)
        ),
        Result("floor: minimal typer app reading the file (CPU)", floor_s * 1000, "ms"),
        Result(
            "yaodian parse sample --format json (process, CPU)", cli_s * 1000, "ms", round(floor_s * 1300, 1)
        ),
        Result("  ratio to floor", cli_s / floor_s, "x", 1.3),
    ]


def _damaged_growth(items: int, source: object) -> float:
    """A generated notice of `items` items, hard-wrapped at 28 characters with page numbers as a
    PDF viewer copies it: the repair stage and the parser must stay near-linear."""
    from yaodian import parse_text

    lines = ["某局2025年工作要点", "一、重点工作"]
    lines += [
        f"{k}.推进第{k}项重点工作，完成年度目标任务。（责任科室：甲科{k % 30}、乙科、丙办）"
        for k in range(1, items + 1)
    ]
    wrapped: list[str] = []
    for k, line in enumerate(lines):
        wrapped.extend(line[i : i + 28] for i in range(0, len(line), 28))
        if k % 10 == 9:
            wrapped.append(f"— {k // 10} —")
    text = "\n".join(wrapped)
    return best_call(lambda: parse_text(text, source=source), repeat=3)  # type: ignore[arg-type]


if __name__ == "__main__":
    for r in run():
        print(r.row())
    _ = Path
