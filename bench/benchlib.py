"""Small helpers shared by the benchmark modules: timing a command and reporting a figure."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
YAODIAN = str(BIN / "yaodian")
DATA = ROOT / "bench" / ".data"


@dataclass
class Result:
    name: str
    value: float
    unit: str
    target: float | None = None

    def row(self) -> str:
        ok = "" if self.target is None else (" yes" if self.value <= self.target else " NO")
        target = "" if self.target is None else f"≤ {self.target:g} {self.unit}"
        return f"{self.name:<58} {self.value:>9.3f} {self.unit:<2} {target:>12}{ok}"


def _timings(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall times of `repeat` calls of `fn()` in seconds, after one warm-up call."""
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def time_call(fn: Callable[[], object], repeat: int = 20) -> float:
    """Median wall time of `fn()` in seconds."""
    return statistics.median(_timings(fn, repeat))


def best_call(fn: Callable[[], object], repeat: int = 5) -> float:
    """Best wall time of `fn()` in seconds, as timeit reports: this machine is a VM with noisy
    neighbours, and the minimum is the figure least disturbed by them."""
    return min(_timings(fn, repeat))


def time_process(args: list[str], repeat: int = 5, cwd: Path | None = None) -> float:
    """Best wall time of a whole process in seconds (stdout discarded)."""
    env = dict(os.environ)
    return best_call(
        lambda: subprocess.run(args, check=True, stdout=subprocess.DEVNULL, cwd=cwd or ROOT, env=env), repeat
    )


def cpu_process(args: list[str]) -> float:
    """CPU seconds (user + system) one whole process used: steadier than wall time on a VM
    whose neighbours take the cores away at random."""
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise subprocess.CalledProcessError(status, args)
    return usage.ru_utime + usage.ru_stime


def time_pair(a: list[str], b: list[str], repeat: int = 15) -> tuple[float, float]:
    """Least CPU time of two commands run alternately, so both see the same machine state."""
    best_a, best_b = float("inf"), float("inf")
    for _ in range(repeat):
        best_a = min(best_a, cpu_process(a))
        best_b = min(best_b, cpu_process(b))
    return best_a, best_b


def peak_rss_mb(args: list[str], cwd: Path | None = None) -> float:
    """Peak resident memory of a child process in MB (Linux ru_maxrss is in KB)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, cwd=cwd or ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(before, after) / 1024
