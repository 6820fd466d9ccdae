"""`yaodian batch` (a folder of notices at once) and `yaodian check` (faults of one notice)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from yaodian.cli.common import (
    AliasesOpt,
    EncodingOpt,
    ForceOpt,
    InputArg,
    app,
    err_console,
    load_notice,
    out_console,
    user_errors,
    write_stdout,
)

if TYPE_CHECKING:
    from yaodian.analysis.check import Finding
    from yaodian.batch import FileResult


@app.command()
def batch(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="通知文件或文件夹（文件夹内的 .txt/.docx/.pdf/.html/.doc/.wps 全部处理）。",
            show_default=False,
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
        from yaodian.batch import (
            BatchOptions,
            check_workers,
            collect_inputs,
            default_workers,
            plan_jobs,
            prepare_outdir,
            run_batch,
        )

        workers = check_workers(jobs) if jobs is not None else default_workers()
        files = collect_inputs(paths, exclude=outdir)
        if aliases is not None:
            from yaodian.aliases import load_aliases

            load_aliases(aliases)  # a bad alias table stops the run once, not once per file
        out = prepare_outdir(outdir, force=force)
        console = err_console()
        if not files:
            console.print("[yellow]没有找到可处理的通知文件[/]（支持 .txt .docx .pdf .html .doc .wps）。")
        options = BatchOptions(
            matrix=matrix,
            sheets=sheets,
            force=force,
            aliases=str(aliases) if aliases else None,
            encoding=encoding,
        )
        plan = plan_jobs(files)

        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        progress = Progress(
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

        def on_result(result: FileResult) -> None:
            progress.update(task, advance=1, current=Path(result.file).name)
            if not result.ok:
                progress.console.print(f"[red]失败[/] {result.file}：{_strip_name(result)}")
            elif result.coverage is not None and not result.coverage.complete:
                progress.console.print(f"[yellow]注意[/] {result.file}：{result.coverage.message()}")

        with progress:
            task = progress.add_task("batch", total=len(plan), current="")
            summary = run_batch(plan, out, options, workers=workers, on_result=on_result)
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


class CheckFormat(StrEnum):
    table = "table"
    json = "json"


_SEVERITY = {"error": "[red]错误[/]", "warning": "[yellow]提示[/]"}


@app.command()
def check(
    file: InputArg,
    aliases: AliasesOpt = None,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-F", help="输出格式：table（终端）或 json。")
    ] = CheckFormat.table,
    encoding: EncodingOpt = None,
) -> None:
    """检查通知本身的问题：编号跳号或重复、条目缺责任单位、责任单位脱离条目、同一科室两种写法、
    别名表外的科室、重复或几乎相同的条目、空的部分。每条给出行号和修改建议；有错误时退出码为 1。

    示例：yaodian check notice.docx；yaodian check notice.txt --aliases 科室别名.toml --format json
    """
    with user_errors():
        from yaodian.analysis.check import check_notice, has_errors

        table = None
        if aliases is not None:
            from yaodian.aliases import load_aliases

            table = load_aliases(aliases)
        notice = load_notice(file, encoding=encoding, aliases=aliases, quiet=True)
        findings = check_notice(notice, aliases=table)
        if fmt is CheckFormat.json:
            data = {
                "file": file,
                "errors": sum(1 for f in findings if f.severity == "error"),
                "warnings": sum(1 for f in findings if f.severity == "warning"),
                "findings": [f.to_dict() for f in findings],
            }
            write_stdout(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            _print_findings(file, findings)
        if has_errors(findings):
            raise typer.Exit(1)


def _print_findings(file: str, findings: list[Finding]) -> None:
    console = out_console()
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    if not findings:
        err_console().print(f"[green]未发现问题[/]：{file}")
        return
    from rich.markup import escape

    for f in findings:
        where = f"第 {f.line} 行" if f.line else "全文"
        console.print(
            f"{where}  {_SEVERITY[f.severity]}  {escape(f.message)}  [dim]({f.code})[/]", soft_wrap=True
        )
        if f.suggestion:
            console.print(f"    [cyan]建议[/]：{escape(f.suggestion)}", soft_wrap=True)
    err_console().print(f"{file}：错误 {errors} 条，提示 {warnings} 条。")
