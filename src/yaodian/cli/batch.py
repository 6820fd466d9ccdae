"""`yaodian batch`: every notice under some folders, parsed in parallel, with index files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from yaodian.cli.common import (
    AliasesOpt,
    EncodingOpt,
    ForceOpt,
    app,
    err_console,
    user_errors,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from yaodian.batch import BatchSummary, FileResult, Job


@app.command()
def batch(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="通知文件或文件夹（文件夹内的 .txt/.docx/.pdf/.html/.doc/.wps 全部处理）。",
            show_default=False,
            metavar="通知或文件夹…",
        ),
    ],
    outdir: Annotated[
        Path, typer.Option("--output", "-o", help="输出文件夹（不存在时自动创建）。", show_default=False)
    ],
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", help="并行进程数，默认为 CPU 核数（最多 8）。", show_default=False),
    ] = None,
    matrix: Annotated[bool, typer.Option("--matrix", help="同时为每份通知生成责任矩阵 .xlsx。")] = False,
    sheets: Annotated[
        bool, typer.Option("--sheets", help="同时为每份通知生成各科室任务单 .docx（每份通知一个文件夹）。")
    ] = False,
    encoding: EncodingOpt = None,
    aliases: AliasesOpt = None,
    force: ForceOpt = False,
) -> None:
    """批量处理：解析文件夹中的全部通知，每份输出 JSON（及可选的责任矩阵、任务单），并汇总
    index.jsonl、index.xlsx（每份通知一行）和 tasks.xlsx（全部条目）。

    出错的文件会被记录并跳过，其余继续处理；有文件失败时退出码为 1。

    示例：yaodian batch 通知/ -o 结果/ --jobs 2 --matrix
    """
    with user_errors():
        from yaodian.batch import BatchOptions, check_workers, default_workers, run_batch

        workers = check_workers(jobs) if jobs is not None else default_workers()
        plan, out = _plan(paths, outdir, aliases=aliases, force=force)
        options = BatchOptions(
            matrix=matrix,
            sheets=sheets,
            force=force,
            aliases=str(aliases) if aliases else None,
            encoding=encoding,
        )
        console = err_console()
        progress = _progress(console)

        def on_result(result: FileResult) -> None:
            progress.update(task, advance=1, current=Path(result.file).name)
            if not result.ok:
                progress.console.print(f"[red]失败[/] {result.file}：{_strip_name(result)}")
            elif result.coverage is not None and not result.coverage.complete:
                progress.console.print(f"[yellow]注意[/] {result.file}：{result.coverage.message()}")

        with progress:
            task = progress.add_task("batch", total=len(plan), current="")
            summary = run_batch(plan, out, options, workers=workers, on_result=on_result)
        _report(summary, out, console)


def _plan(paths: list[str], outdir: Path, *, aliases: Path | None, force: bool) -> tuple[list[Job], Path]:
    """The files to read and their output names; every check that can fail is done here, once,
    before any file is parsed."""
    from yaodian.batch import collect_inputs, plan_jobs, prepare_outdir

    files = collect_inputs(paths, exclude=outdir)
    if aliases is not None:
        from yaodian.aliases import load_aliases

        load_aliases(aliases)  # a bad alias table stops the run once, not once per file
    out = prepare_outdir(outdir, force=force)
    if not files:
        err_console().print("[yellow]没有找到可处理的通知文件[/]（支持 .txt .docx .pdf .html .doc .wps）。")
    return plan_jobs(files), out


def _progress(console: Console) -> Progress:
    """A progress bar on stderr: files done of all, time, the file just finished."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("[bold]解析通知"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}"),
        console=console,
        transient=False,
        redirect_stdout=False,
        redirect_stderr=False,
    )


def _report(summary: BatchSummary, out: Path, console: Console) -> None:
    console.print(
        f"共 {summary.total} 个文件：成功 [green]{summary.succeeded}[/]，失败 "
        f"[{'red' if summary.failed else 'green'}]{len(summary.failed)}[/]。结果在 {out}/"
        f"（index.xlsx、tasks.xlsx、index.jsonl）。"
    )
    if summary.failed:
        console.print("[red]以下文件未能处理：[/]")
        for result in summary.failed:
            console.print(f"  {result.file}：{_strip_name(result)}")
        raise typer.Exit(1)


def _strip_name(result: FileResult) -> str:
    """The error message without the file name it starts with (already shown beside it)."""
    message = result.error or ""
    prefix = f"{result.file}："
    return message[len(prefix) :] if message.startswith(prefix) else message
