"""`yaodian matrix`, `yaodian sheets`, `yaodian tasks`: the exports office staff hand around.

Thin commands: check the destination first (an existing file without --force stops the run
before the notice is even read), parse, call one writer. openpyxl and python-docx are imported
by the writers, inside the functions that write.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from yaodian.cli.common import (
    AliasesOpt,
    EncodingOpt,
    ForceOpt,
    InputArg,
    StrictOpt,
    app,
    err_console,
    load_notice,
    note,
    out_console,
    usage,
    user_errors,
    write_stdout,
)

if TYPE_CHECKING:
    from yaodian.analysis.assignments import OfficeTasks
    from yaodian.model import Notice


class FontsChoice(StrEnum):
    gb2312 = "gb2312"
    windows = "windows"
    mac = "mac"


class RoleChoice(StrEnum):
    lead = "lead"
    support = "support"


class TasksFormat(StrEnum):
    table = "table"
    md = "md"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    docx = "docx"


FontsOpt = Annotated[
    FontsChoice,
    typer.Option(
        "--fonts",
        help="字体方案：gb2312（方正小标宋简体/仿宋_GB2312/楷体_GB2312，机关电脑）、windows（宋体/仿宋/楷体/黑体）、mac（Songti SC/STFangsong…）。",
    ),
]
_SUFFIX_FORMAT = {
    ".md": TasksFormat.md,
    ".markdown": TasksFormat.md,
    ".json": TasksFormat.json,
    ".csv": TasksFormat.csv,
    ".xlsx": TasksFormat.xlsx,
    ".docx": TasksFormat.docx,
}


def _warn(notice: Notice) -> None:
    if notice.warnings:
        err_console().print(
            f"[yellow]解析提示 {len(notice.warnings)} 条[/]（见工作簿“说明”页或 yaodian parse；--strict 视为错误）"
        )


@app.command()
def matrix(
    file: InputArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="输出的 .xlsx 文件。", show_default=False)],
    encoding: EncodingOpt = None,
    aliases: AliasesOpt = None,
    strict: StrictOpt = False,
    force: ForceOpt = False,
) -> None:
    """生成责任矩阵工作簿（.xlsx）：条目 × 科室（● 牵头、○ 配合），任务清单、科室统计和说明。

    示例：yaodian matrix notice.txt -o 责任矩阵.xlsx
    """
    with user_errors():
        from yaodian.output import check_destination

        if output.suffix.lower() != ".xlsx":
            # Excel refuses a workbook whose name does not end in .xlsx.
            raise usage(f"{output}：责任矩阵是 Excel 工作簿，文件名须以 .xlsx 结尾，例如 -o 责任矩阵.xlsx。")
        check_destination(output, force=force)
        notice = load_notice(file, encoding=encoding, aliases=aliases, strict=strict)
        from yaodian.writers.xlsx_matrix import write_matrix

        write_matrix(notice, output, force=force)
        note(f"已写入 {output}（{len(notice.items)} 项条目 × {len(notice.offices())} 个科室）")
        _warn(notice)


@app.command()
def sheets(
    file: InputArg,
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="输出文件夹（--single 时也可给出 .docx 文件名）。", show_default=False
        ),
    ],
    office: Annotated[
        list[str] | None, typer.Option("--office", help="只生成这个科室（可重复给出）；默认全部科室。")
    ] = None,
    single: Annotated[bool, typer.Option("--single", help="所有科室合成一个 .docx，每个科室一节。")] = False,
    fonts: FontsOpt = FontsChoice.gb2312,
    encoding: EncodingOpt = None,
    aliases: AliasesOpt = None,
    strict: StrictOpt = False,
    force: ForceOpt = False,
) -> None:
    """按科室生成 Word 任务清单（公文格式，A4 横排表格）：每个科室一个 .docx，或 --single 合成一份。

    示例：yaodian sheets notice.txt -o 任务清单/；yaodian sheets notice.txt -o 清单.docx --single --office 基教科
    """
    with user_errors():
        from yaodian.output import check_destination

        one_file = single and output.suffix.lower() == ".docx"
        if one_file:
            check_destination(output, force=force)
        else:
            check_destination(output, directory=True)
        notice = load_notice(file, encoding=encoding, aliases=aliases, strict=strict)
        from yaodian.writers.docx_sheets import write_sheets

        paths = write_sheets(notice, output, offices=office, single=single, profile=fonts.value, force=force)
        if not paths:
            err_console().print("[yellow]通知中没有找到任何科室，未生成文件。[/]")
            return
        where = paths[0] if single else output
        note(f"已写入 {where}（{len(paths)} 个文件）" if not single else f"已写入 {where}")
        _warn(notice)


@app.command()
def export(
    file: InputArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="输出文件夹。", show_default=False)],
    fonts: FontsOpt = FontsChoice.gb2312,
    encoding: EncodingOpt = None,
    aliases: AliasesOpt = None,
    strict: StrictOpt = False,
    force: ForceOpt = False,
) -> None:
    """一次生成办公室要分发的文件：责任矩阵.xlsx 和 任务清单/（每个科室一个 Word 任务清单）。

    示例：yaodian export notice.txt -o 2024年任务分解/
    """
    with user_errors():
        from yaodian.errors import OutputError
        from yaodian.output import check_destination

        check_destination(output, directory=True)
        matrix_path = output / "责任矩阵.xlsx"
        if output.exists():
            check_destination(matrix_path, force=force)
        elif not output.parent.exists():
            raise OutputError(f"{output}：所在文件夹 {output.parent} 不存在；请先创建该文件夹。")
        notice = load_notice(file, encoding=encoding, aliases=aliases, strict=strict)
        from yaodian.writers.docx_sheets import write_sheets
        from yaodian.writers.xlsx_matrix import write_matrix

        try:
            output.mkdir(exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{output}：无法创建文件夹（{exc.strerror or exc}）；请检查输出位置。") from exc
        sheets = write_sheets(notice, output / "任务清单", profile=fonts.value, force=force)
        write_matrix(notice, matrix_path, force=force)
        note(f"已写入 {output}：责任矩阵.xlsx、任务清单/（{len(sheets)} 个科室的 .docx）")
        _warn(notice)


@app.command()
def tasks(
    file: InputArg,
    office: Annotated[str | None, typer.Option("--office", help="只列这个科室；默认全部科室。")] = None,
    role: Annotated[
        RoleChoice | None, typer.Option("--role", help="只列牵头（lead）或配合（support）任务。")
    ] = None,
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
    aliases: AliasesOpt = None,
    strict: StrictOpt = False,
    force: ForceOpt = False,
) -> None:
    """按科室列出任务：每个科室牵头和配合的条目（终端表格、Markdown、JSON、CSV、Excel 或 Word）。

    示例：yaodian tasks notice.txt --office 基教科；yaodian tasks notice.txt -F csv -o 任务.csv
    """
    with user_errors():
        if fmt is None:
            fmt = (
                TasksFormat.table
                if output is None
                else _SUFFIX_FORMAT.get(output.suffix.lower(), TasksFormat.md)
            )
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
        notice = load_notice(file, encoding=encoding, aliases=aliases, strict=strict)
        from yaodian.analysis.assignments import office_tasks

        lists = office_tasks(notice, offices=[office] if office else None, role=role.value if role else None)
        _emit(notice, lists, fmt, output, fonts=fonts.value, force=force)
        _warn(notice)


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
        render.write_tasks_xlsx(notice, lists, output, force=force)
    elif fmt is TasksFormat.docx:
        assert output is not None
        from yaodian.writers.docx_sheets import write_sheet_document

        write_sheet_document(notice, lists, output, profile=fonts, force=force)
    else:
        text = {
            TasksFormat.md: render.render_markdown,
            TasksFormat.json: render.render_json,
            TasksFormat.csv: render.render_csv,
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

    from yaodian.writers.tasks import ROLE_LABEL, co_office_text, sheet_title

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
