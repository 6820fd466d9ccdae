"""`yaodian status`: where the year stands, per office, from the ledger (督办进度、通报、催办单)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from yaodian.cli.common import (
    FontsChoice,
    FontsOpt,
    ForceOpt,
    OutputOpt,
    app,
    note,
    out_console,
    usage,
    user_errors,
    write_stdout,
)

if TYPE_CHECKING:
    from yaodian.analysis.status import StatusReport


class StatusFormat(StrEnum):
    table = "table"
    md = "md"
    json = "json"
    xlsx = "xlsx"
    docx = "docx"


@app.command()
def status(
    ledger_file: Annotated[Path, typer.Argument(help="台账（.xlsx）。", show_default=False)],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="统计日期（如 2024-07-01），默认今天。", show_default=False)
    ] = None,
    fmt: Annotated[
        StatusFormat,
        typer.Option(
            "--format", "-F", help="输出格式：table、md、json、xlsx（需 -o）、docx（通报，需 -o）。"
        ),
    ] = StatusFormat.table,
    output: OutputOpt = None,
    reminders: Annotated[
        Path | None,
        typer.Option("--reminders", help="为每个有逾期任务的科室写一份催办单（.docx）到此文件夹。"),
    ] = None,
    fonts: FontsOpt = FontsChoice.gb2312,
    force: ForceOpt = False,
) -> None:
    """统计台账进度：每个科室的任务数、已完成、推进中、未开始、逾期（截止日期早于统计日期且未完成）、30 天内到期。

    示例：yaodian status 新台账.xlsx --as-of 2024-07-01；yaodian status 新台账.xlsx -F docx -o 通报.docx --reminders 催办单/
    """
    with user_errors():
        from yaodian.analysis.status import status_report
        from yaodian.output import check_destination
        from yaodian.reading.ledger import read_ledger

        day = _day(as_of)
        if fmt in (StatusFormat.xlsx, StatusFormat.docx):
            if output is None:
                raise usage(
                    f"--format {fmt.value} 是文件格式，请用 -o 给出输出文件，例如 -o 通报.{fmt.value}。"
                )
            if output.suffix.lower() != f".{fmt.value}":
                raise usage(f"{output}：文件名须以 .{fmt.value} 结尾。")
        if output is not None:
            check_destination(output, force=force)
        if reminders is not None:
            check_destination(reminders, force=force, directory=True)
        report = status_report(read_ledger(ledger_file), day)
        _render(report, fmt, output, fonts.value, force)
        if reminders is not None:
            _reminders(report, reminders, fonts.value, force)


def _day(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise usage(f"--as-of {text}：日期格式应为 2024-07-01。") from None


def _render(report: StatusReport, fmt: StatusFormat, output: Path | None, fonts: str, force: bool) -> None:
    from yaodian.writers import status_text

    if fmt is StatusFormat.table and output is None:
        _print_table(report)
        return
    if fmt is StatusFormat.xlsx and output is not None:
        from yaodian.writers.status_xlsx import write_status_xlsx

        write_status_xlsx(report, output, force=force)
    elif fmt is StatusFormat.docx and output is not None:
        from yaodian.writers.status_docx import write_bulletin

        write_bulletin(report, output, profile=fonts, force=force)
    else:
        text = status_text.to_json(report) if fmt is StatusFormat.json else status_text.to_markdown(report)
        if output is None:
            write_stdout(text)
            return
        from yaodian.output import atomic_output

        with atomic_output(output, force=force) as tmp:
            tmp.write_text(text, encoding="utf-8")
    note(f"已写入 {output}")


def _print_table(report: StatusReport) -> None:
    from rich.markup import escape
    from rich.table import Table

    from yaodian.writers.status_labels import OFFICE_HEADERS, office_cells, summary_sentence

    table = Table(title=escape(summary_sentence(report)))
    for k, name in enumerate(OFFICE_HEADERS):
        table.add_column(name, justify="left" if k == 0 else "right")
    for cells in office_cells(report):
        table.add_row(
            escape(cells[0]), *cells[1:5], f"[red]{cells[5]}[/]" if cells[5] != "0" else "0", cells[6]
        )
    out_console().print(table)


def _reminders(report: StatusReport, folder: Path, fonts: str, force: bool) -> None:
    from yaodian.errors import OutputError
    from yaodian.filenames import safe_stem, unique_name
    from yaodian.writers.status_docx import write_reminder

    late = report.overdue_by_office()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}：无法创建文件夹（{exc.strerror or exc}）；请检查输出位置。") from exc
    taken: list[str] = []
    for office, rows in late.items():
        name = unique_name(safe_stem(f"{office}-催办单", fallback="催办单"), taken, ".docx")
        taken.append(name)
        write_reminder(report, office or "未分配", rows, folder / name, profile=fonts, force=force)
    note(f"已写入 {folder}：{len(late)} 份催办单")
