"""`make bench`: every bench/bench_*.py module's `run()` results, as a table of figures.

Benchmarks, not timed tests: they report numbers and targets, they never fail the build.
Each module exposes `run() -> list[Result]`.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from benchlib import Result  # noqa: E402


def main() -> int:
    results: list[Result] = []
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"== {path.stem}", flush=True)
        for r in module.run():
            print("  " + r.row(), flush=True)
            results.append(r)
    print()
    print("benchmark".ljust(58), "measured".rjust(12), "target".rjust(12), " ok")
    for r in results:
        print(r.row())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
