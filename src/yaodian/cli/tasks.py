"""`yaodian tasks`: each office's lead and support tasks, in the terminal or as md, json, csv,
xlsx or docx."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, cast

import typer

from yaodian.cli.common import (
    AliasesOpt,
    EncodingOpt,
    FontsChoice,
    FontsOpt,
    ForceOpt,
    InputArg,
    JobsOpt,
    OcrChoice,
    OcrOpt,
    RoleOpt,
    StrictOpt,
    app,
    load_notice,
    note,
    out_console,
    output_format,
    split_offices,
    usage,
    user_errors,
    warn_export,
    write_stdout,
)

if TYPE_CHECKING:
    from yaodian.analysis.assignments import OfficeTasks
    from yaodian.model import Notice, Role


class TasksFormat(StrEnum):
    table = "table"
    md = "md"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    docx = "docx"


_SUFFIX_FORMAT = {
    ".md": TasksFormat.md,
    ".markdown": TasksFormat.md,
    ".json": TasksFormat.json,
    ".csv": TasksFormat.csv,
    ".xlsx": TasksFormat.xlsx,
    ".docx": TasksFormat.docx,
}


@app.command()
def tasks(
    file: InputArg,
    office: Annotated[
        list[str] | None,
        typer.Option("--office", help="只列这些科室（逗号分隔或重复给出）；默认全部科室。", metavar="科室"),
    ] = None,
    role: RoleOpt = None,
    fmt: Annotated[
        TasksFormat | None,
        typer.Option(
            "--format",
            "-F",
            help="table（终端表格）、md、json、csv、xlsx、docx；默认按 -o 的扩展名，否则 table。xlsx、docx 须给 -o。",
            show_default=False,
        ),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入文件而不是标准输出。")] = None,
    fonts: FontsOpt = FontsChoice.gb2312,
    encoding: EncodingOpt = None,
    ocr: OcrOpt = OcrChoice.auto,
    jobs: JobsOpt = 1,
    aliases: AliasesOpt = None,
    strict: StrictOpt = False,
    force: ForceOpt = False,
) -> None:
    """按科室列出任务：每个科室牵头和配合的条目（终端表格、Markdown、JSON、CSV、Excel 或 Word）。

    示例：yaodian tasks notice.txt --office 基教科；yaodian tasks notice.txt -F csv -o 任务.csv
    """
    with user_errors():
        if output is not None:
            fmt = output_format(output, fmt, _SUFFIX_FORMAT)
        elif fmt is None:
            fmt = TasksFormat.table
        if fmt in (TasksFormat.xlsx, TasksFormat.docx):
            if output is None:
                raise usage(f"--format {fmt.value} 须用 -o 指定输出文件，例如 -o 任务清单.{fmt.value}。")
            if output.suffix.lower() != f".{fmt.value}":
                raise usage(f"{output}：--format {fmt.value} 的文件名须以 .{fmt.value} 结尾。")
        if fmt is TasksFormat.table and output is not None:
            raise usage("table 格式只输出到终端；写文件请用 --format md、json、csv、xlsx 或 docx。")
        if output is not None:
            from yaodian.output import check_destination

            check_destination(output, force=force)
        notice = load_notice(file, encoding=encoding, ocr=ocr, jobs=jobs, aliases=aliases, strict=strict)
        from yaodian.analysis.assignments import office_tasks

        lists = office_tasks(notice, offices=split_offices(office), role=cast("Role | None", role))
        _emit(notice, lists, fmt, output, fonts=fonts.value, force=force)
        warn_export(notice)


def _emit(
    notice: Notice,
    lists: tuple[OfficeTasks, ...],
    fmt: TasksFormat,
    output: Path | None,
    *,
    fonts: str,
    force: bool,
) -> None:
    from yaodian.writers import tasks as render

    if fmt is TasksFormat.table:
        _print_tables(notice, lists)
        return
    if fmt is TasksFormat.xlsx:
        assert output is not None
        render.write_tasks(notice, lists, output, force=force)
    elif fmt is TasksFormat.docx:
        assert output is not None
        from yaodian.writers.docx_sheets import write_sheet_document

        write_sheet_document(notice, lists, output, profile=fonts, force=force)
    else:
        text = {
            TasksFormat.md: render.to_markdown,
            TasksFormat.json: render.to_json,
            TasksFormat.csv: render.to_csv,
        }[fmt](notice, lists)
        if output is None:
            write_stdout(text)
            return
        from yaodian.output import write_text

        write_text(output, text, force=force, bom=fmt is TasksFormat.csv)
    count = sum(tl.total for tl in lists)
    note(f"已写入 {output}（{len(lists)} 个科室，{count} 项任务）")


def _print_tables(notice: Notice, lists: tuple[OfficeTasks, ...]) -> None:
    from rich.markup import escape
    from rich.table import Table

    from yaodian.writers.labels import ROLE_LABEL, co_office_text, sheet_title

    console = out_console()
    for tl in lists:
        table = Table(
            title=f"{escape(sheet_title(notice, tl.name))}（牵头 {len(tl.lead)} 项，配合 {len(tl.support)} 项）",
            title_justify="left",
            show_lines=False,
        )
        table.add_column("序号", justify="right", no_wrap=True)
        table.add_column("条目", justify="right", no_wrap=True)
        table.add_column("角色", no_wrap=True)
        table.add_column("工作任务", ratio=3)
        table.add_column("协同科室", ratio=2)
        table.add_column("完成时限", no_wrap=True)
        for k, task in enumerate(tl.tasks, start=1):
            role = ROLE_LABEL[task.role]
            table.add_row(
                str(k),
                escape(task.item.number),
                f"[bold green]{role}[/]" if task.is_lead else role,
                escape(task.item.title),
                escape(co_office_text(task)) or "—",
                escape(task.item.deadline or ""),
            )
        if not tl.tasks:
            table.add_row("", "", "", "（无）", "", "")
        console.print(table)
        console.print()
