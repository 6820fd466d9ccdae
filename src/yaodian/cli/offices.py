"""`yaodian offices`: every office named in a notice, its lead and support counts and items."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from yaodian.cli.common import (
    AliasesOpt,
    EncodingOpt,
    ForceOpt,
    InputArg,
    JobsOpt,
    OcrChoice,
    OcrOpt,
    OutputOpt,
    StrictOpt,
    app,
    load_notice,
    note,
    out_console,
    output_format,
    user_errors,
    write_stdout,
)
from yaodian.cli.parse import BY_SUFFIX, ParseFormat

if TYPE_CHECKING:
    from yaodian.model import Notice


@app.command()
def offices(
    file: InputArg,
    fmt: Annotated[
        ParseFormat, typer.Option("--format", "-F", help="输出格式：table、json、md、csv。")
    ] = ParseFormat.table,
    output: OutputOpt = None,
    force: ForceOpt = False,
    encoding: EncodingOpt = None,
    ocr: OcrOpt = OcrChoice.auto,
    jobs: JobsOpt = 1,
    aliases: AliasesOpt = None,
    strict: StrictOpt = False,
) -> None:
    """列出通知中出现的每个科室/单位：牵头、配合条目数，原文写法，涉及哪些条目。

    示例：yaodian offices notice.txt；yaodian offices notice.txt -o 科室.csv
    """
    with user_errors():
        if output is not None:
            fmt = output_format(output, None if fmt is ParseFormat.table else fmt, BY_SUFFIX)
            from yaodian.output import check_destination

            check_destination(output, force=force)
        notice = load_notice(file, encoding=encoding, ocr=ocr, jobs=jobs, aliases=aliases, strict=strict)
        if fmt is ParseFormat.table:
            _print_table(notice)
            return
        from yaodian.writers import offices as render

        text = {ParseFormat.json: render.to_json, ParseFormat.md: render.to_markdown}.get(fmt, render.to_csv)(
            notice
        )
        if output is None:
            write_stdout(text)
            return
        from yaodian.output import write_text

        write_text(output, text, force=force, bom=fmt is ParseFormat.csv)
        note(f"已写入 {output}（{len(notice.offices())} 个科室/单位）")


def _print_table(notice: Notice) -> None:
    from rich.markup import escape
    from rich.table import Table

    from yaodian.writers.offices import office_rows

    summaries = notice.offices()
    table = Table(title=f"{notice.title}：科室/单位任务统计（{len(summaries)} 个）", show_lines=False)
    for col, justify in (
        ("科室/单位", "left"),
        ("牵头", "right"),
        ("配合", "right"),
        ("合计", "right"),
        ("原文写法", "left"),
        ("牵头条目", "left"),
        ("配合条目", "left"),
    ):
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for o, row in zip(summaries, office_rows(notice), strict=True):
        name, lead, support, total, spellings, lead_items, support_items, _collective = row
        table.add_row(
            escape(name) + (" [dim](集体)[/]" if o.collective else ""),
            lead,
            support,
            total,
            escape(spellings),
            lead_items,
            support_items,
        )
    out_console().print(table)
