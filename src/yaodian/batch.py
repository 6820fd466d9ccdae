"""Batch processing (`yaodian batch`): every notice under some folders, parsed in parallel.

Pure logic, no printing: the CLI passes a callback that is called once per file as results
arrive. Each notice is parsed in a worker process and its own outputs (JSON, and on request
the matrix workbook and task sheets) are written there; the worker sends back only a small
summary and the rows for tasks.xlsx. The parent streams those into `index.jsonl`, `index.xlsx`
and `tasks.xlsx` in input order, keeping at most a few files in flight, so memory stays flat
however many files there are. A file that fails is recorded with its error; the rest go on.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import json
import multiprocessing
import os
import signal
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yaodian.errors import InputError, OutputError, Terminated, UsageError, YaodianError
from yaodian.filenames import safe_stem
from yaodian.output import atomic_output, check_destination

if TYPE_CHECKING:
    from yaodian.model import Coverage

INDEX_JSONL = "index.jsonl"
INDEX_XLSX = "index.xlsx"
TASKS_XLSX = "tasks.xlsx"
MATRIX_SUFFIX = "-责任矩阵.xlsx"
SHEETS_SUFFIX = "-任务单"

INDEX_HEADER = ("文件", "标题", "年份", "发文机关", "条目数", "科室数", "解析提示", "错误", "输出")


@dataclass(frozen=True, kw_only=True)
class BatchOptions:
    """What to write for each notice besides its JSON."""

    matrix: bool = False
    sheets: bool = False
    force: bool = False
    aliases: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, kw_only=True)
class Job:
    """One input file and the output name stem it gets."""

    index: int
    path: str
    stem: str


@dataclass(frozen=True, kw_only=True)
class FileResult:
    """What became of one input file (批处理结果): its summary, or the error that stopped it."""

    index: int
    file: str
    output: str = ""
    title: str = ""
    year: int | None = None
    issuers: tuple[str, ...] = ()
    items: int = 0
    offices: int = 0
    warnings: int = 0
    coverage: Coverage | None = None
    error: str | None = None
    tasks: tuple[tuple[Any, ...], ...] = field(default=(), repr=False)

    @property
    def ok(self) -> bool:
        return self.error is None

    def index_record(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "output": self.output,
            "title": self.title,
            "year": self.year,
            "issuers": list(self.issuers),
            "items": self.items,
            "offices": self.offices,
            "warnings": self.warnings,
            "without_offices": list(self.coverage.without_offices) if self.coverage else [],
            "error": self.error,
        }


@dataclass
class BatchSummary:
    """Counts after a run, and the files that failed."""

    total: int = 0
    succeeded: int = 0
    failed: list[FileResult] = field(default_factory=list)


def collect_inputs(paths: Iterable[str | Path], *, exclude: str | Path | None = None) -> list[Path]:
    """Every supported file under the given folders, plus the files given directly, in a stable
    order and without repeats. Hidden files, Office lock files (~$…) and anything inside
    `exclude` (the output folder: a second run must not read the first run's task sheets) are
    skipped."""
    from yaodian.reading.formats import SUPPORTED_SUFFIXES

    found: list[Path] = []
    seen: set[Path] = set()
    skip = Path(exclude).resolve() if exclude is not None else None
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            from yaodian.filenames import missing_path_hint

            raise InputError(f"{p}：文件或文件夹不存在；请检查路径。{missing_path_hint(str(raw))}")
        if p.is_dir():
            candidates = sorted(
                (f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES),
                key=lambda f: str(f.relative_to(p)),
            )
            candidates = [
                f for f in candidates
                if not any(part.startswith((".", "~$")) for part in f.relative_to(p).parts)
            ]  # fmt: skip
        else:
            candidates = [p]
        for f in candidates:
            key = f.resolve()
            if skip is not None and p.is_dir() and key.is_relative_to(skip):
                continue
            if key not in seen:
                seen.add(key)
                found.append(f)
    return found


def plan_jobs(files: Sequence[Path]) -> list[Job]:
    """Output stems for the files: the file's own name, made unique (通知.docx and 通知.pdf
    become 通知 and 通知-pdf; two 通知.docx in different folders 通知 and 通知-2)."""
    stems = [safe_stem(f.stem, fallback="通知", max_bytes=180) for f in files]
    counts: dict[str, int] = {}
    for s in stems:
        counts[s.casefold()] = counts.get(s.casefold(), 0) + 1
    taken: set[str] = set()
    jobs: list[Job] = []
    for k, (f, stem) in enumerate(zip(files, stems, strict=True)):
        candidate = (
            stem if counts[stem.casefold()] == 1 else f"{stem}-{f.suffix.lower().lstrip('.') or 'txt'}"
        )
        base, n = candidate, 2
        while candidate.casefold() in taken:
            candidate = f"{base}-{n}"
            n += 1
        taken.add(candidate.casefold())
        jobs.append(Job(index=k, path=str(f), stem=candidate))
    return jobs


def prepare_outdir(outdir: str | Path, *, force: bool) -> Path:
    """Check (and create) the output folder before any work; an earlier run's index stops the
    run unless --force."""
    out = check_destination(outdir, directory=True)
    if not out.exists():
        try:
            out.mkdir()
        except OSError as exc:
            raise OutputError(f"{out}：无法创建输出文件夹（{exc.strerror or exc}）；请检查路径。") from exc
    for name in (INDEX_JSONL, INDEX_XLSX, TASKS_XLSX):
        check_destination(out / name, force=force)
    return out


# --- the worker ----------------------------------------------------------------------------------


def process_file(job: Job, outdir: str, options: BatchOptions) -> FileResult:
    """Parse one file and write its outputs; never raises for a bad input (runs in a worker)."""
    from yaodian.api import parse_file
    from yaodian.writers.tasks import notice_task_rows

    out = Path(outdir)
    try:
        notice = parse_file(job.path, encoding=options.encoding, aliases=options.aliases)
        json_path = out / f"{job.stem}.json"
        from yaodian.output import write_text

        # Compact: json's C encoder is ~10x faster than the indented pure-Python one, which
        # matters for a thousand files; `yaodian parse --format json` gives the indented form.
        write_text(json_path, json.dumps(notice.to_dict(), ensure_ascii=False) + "\n", force=options.force)
        if options.matrix:
            from yaodian.writers.xlsx_matrix import write_matrix

            write_matrix(notice, out / f"{job.stem}{MATRIX_SUFFIX}", force=options.force)
        if options.sheets:
            from yaodian.writers.docx_sheets import write_sheets

            write_sheets(notice, out / f"{job.stem}{SHEETS_SUFFIX}", force=options.force)
    except YaodianError as exc:
        return FileResult(index=job.index, file=job.path, error=str(exc))
    except Exception as exc:  # a bug in yaodian must not stop the other 999 files
        return FileResult(
            index=job.index, file=job.path, error=f"内部错误（{type(exc).__name__}: {exc}）；请报告此文件。"
        )
    return FileResult(
        index=job.index,
        file=job.path,
        output=json_path.name,
        title=notice.title,
        year=notice.year,
        issuers=notice.issuers,
        items=len(notice.items),
        offices=len(notice.offices()),
        warnings=len(notice.warnings),
        coverage=notice.coverage(),
        tasks=notice_task_rows(notice, job.path),
    )


# --- the run -------------------------------------------------------------------------------------


def run_batch(
    jobs: Sequence[Job],
    outdir: str | Path,
    options: BatchOptions,
    *,
    workers: int = 1,
    on_result: Callable[[FileResult], None] | None = None,
) -> BatchSummary:
    """Process every job, write the three index files, return the counts.

    Results are handed to `on_result` as they arrive and written to the index files in input
    order. `workers` > 1 parses in that many processes.
    """
    # Imported here: the worker processes import this module too and need neither.
    from yaodian.writers.tasks import NOTICE_TASKS_HEADER
    from yaodian.writers.xlsx_stream import XlsxStream

    out = Path(outdir)
    summary = BatchSummary(total=len(jobs))
    with (
        _terminate_as_exception(),
        contextlib.closing(_results(jobs, str(out), options, workers, on_result)) as results,
        atomic_output(out / INDEX_JSONL, force=options.force) as jsonl_tmp,
        XlsxStream(out / INDEX_XLSX, "批处理索引", INDEX_HEADER, force=options.force) as index_xlsx,
        XlsxStream(out / TASKS_XLSX, "全部任务", NOTICE_TASKS_HEADER, force=options.force) as tasks_xlsx,
        jsonl_tmp.open("w", encoding="utf-8", newline="\n") as jsonl,
    ):
        for result in _ordered(results):
            jsonl.write(json.dumps(result.index_record(), ensure_ascii=False) + "\n")
            jsonl.flush()
            index_xlsx.append(
                (
                    result.file,
                    result.title,
                    result.year,
                    "、".join(result.issuers),
                    result.items if result.ok else None,
                    result.offices if result.ok else None,
                    result.warnings if result.ok else None,
                    result.error or "",
                    result.output,
                )
            )
            for row in result.tasks:
                tasks_xlsx.append(row)
            if result.ok:
                summary.succeeded += 1
            else:
                summary.failed.append(result)
    return summary


def _ordered(results: Iterator[FileResult]) -> Iterator[FileResult]:
    """Results in input order: hold back the few that arrive early (at most the window)."""
    pending: dict[int, FileResult] = {}
    following = 0
    for result in results:
        pending[result.index] = result
        while following in pending:
            yield pending.pop(following)
            following += 1
    for k in sorted(pending):
        yield pending[k]


def _results(
    jobs: Sequence[Job],
    outdir: str,
    options: BatchOptions,
    workers: int,
    on_result: Callable[[FileResult], None] | None,
) -> Generator[FileResult, None, None]:
    def report(result: FileResult) -> FileResult:
        if on_result is not None:
            on_result(result)
        return result

    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield report(process_file(job, outdir, options))
        return
    # A bounded window of submitted jobs: memory does not grow with the number of files.
    window = workers * 4
    queue = list(reversed(jobs))
    # "spawn": the parent runs a progress-bar thread, and forking a threaded process can hang.
    context = multiprocessing.get_context("spawn")
    executor = _pool(workers, context)
    in_flight: dict[cf.Future[FileResult], Job] = {}
    try:
        while queue or in_flight:
            while queue and len(in_flight) < window:
                job = queue.pop()
                in_flight[executor.submit(process_file, job, outdir, options)] = job
            done, _ = cf.wait(in_flight, return_when=cf.FIRST_COMPLETED)
            broken = False
            for future in done:
                job = in_flight.pop(future)
                try:
                    result = future.result()
                except cf.process.BrokenProcessPool:
                    broken = True
                    result = FileResult(
                        index=job.index,
                        file=job.path,
                        error="处理此文件时工作进程意外退出（文件可能损坏）；已跳过。",
                    )
                except Exception as exc:
                    result = FileResult(
                        index=job.index, file=job.path, error=f"内部错误（{type(exc).__name__}: {exc}）。"
                    )
                yield report(result)
            if broken:
                # The pool is unusable: the other files in flight are retried in a fresh one.
                executor.shutdown(wait=False, cancel_futures=True)
                queue.extend(sorted(in_flight.values(), key=lambda j: -j.index))
                in_flight.clear()
                executor = _pool(workers, context)
    except BaseException:
        # Ctrl-C, SIGTERM, or the consumer stopped (GeneratorExit): stop the workers now
        # rather than wait for their files; each removes its temporary file as it goes.
        _stop(executor)
        raise
    executor.shutdown(wait=True)


def _pool(workers: int, context: Any) -> cf.ProcessPoolExecutor:
    return cf.ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_signals)


def _worker_signals() -> None:
    """In a worker: Ctrl-C is for the parent, which decides; SIGTERM (sent by the parent when
    it stops) exits through every `finally`, so no temporary file is left behind."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit_quietly)


def _exit_quietly(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


def _stop(executor: cf.ProcessPoolExecutor) -> None:
    """Cancel what is queued and end the worker processes (SIGTERM, then SIGKILL)."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join(timeout=5)


@contextlib.contextmanager
def _terminate_as_exception() -> Iterator[None]:
    """While a batch runs, SIGTERM raises `Terminated` in the main thread (as Ctrl-C raises
    KeyboardInterrupt): the workers are stopped and the temporary files removed."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: Any) -> None:
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def check_workers(jobs: int) -> int:
    if jobs < 1:
        raise UsageError("--jobs 至少为 1。")
    return jobs
