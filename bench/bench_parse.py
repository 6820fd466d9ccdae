"""Parsing: the sample in-process, and `yaodian parse --format json` as a whole process against
the floor of the framework (a minimal Typer app with two commands that copies the file out)."""

from __future__ import annotations

import sys
from pathlib import Path

from benchlib import DATA, ROOT, YAODIAN, Result, time_call, time_pair

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
    return [
        Result("parse sample in-process (per parse)", per_parse * 1000, "ms", 5.0),
        Result("floor: minimal typer app reading the file (CPU)", floor_s * 1000, "ms"),
        Result(
            "yaodian parse sample --format json (process, CPU)", cli_s * 1000, "ms", round(floor_s * 1300, 1)
        ),
        Result("  ratio to floor", cli_s / floor_s, "x", 1.3),
    ]


if __name__ == "__main__":
    for r in run():
        print(r.row())
    _ = Path
