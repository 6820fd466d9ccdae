"""`yaodian parse`: read one notice and show or save its model (table, json, md, csv)."""

from __future__ import annotations

from enum import StrEnum
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
    err_console,
    load_notice,
    note,
    out_console,
    output_format,
    user_errors,
    write_stdout,
)

if TYPE_CHECKING:
    from yaodian.model import Item, Notice


class ParseFormat(StrEnum):
    table = "table"
    json = "json"
    md = "md"
    csv = "csv"


# What `-o FILE` writes, by the file's suffix (parse and offices).
BY_SUFFIX = {
    ".json": ParseFormat.json,
    ".md": ParseFormat.md,
    ".markdown": ParseFormat.md,
    ".csv": ParseFormat.csv,
}


def _render(notice: Notice, fmt: ParseFormat) -> str:
    if fmt is ParseFormat.json:
        from yaodian.writers.notice_json import to_json

        return to_json(notice)
    if fmt is ParseFormat.md:
        from yaodian.writers.notice_md import to_markdown

        return to_markdown(notice)
    from yaodian.writers.notice_csv import to_csv

    return to_csv(notice)


@app.command()
def parse(
    file: InputArg,
    fmt: Annotated[
        ParseFormat, typer.Option("--format", "-F", help="输出格式：table（终端）、json、md、csv。")
    ] = ParseFormat.table,
    output: OutputOpt = None,
    encoding: EncodingOpt = None,
    ocr: OcrOpt = OcrChoice.auto,
    jobs: JobsOpt = 1,
    aliases: AliasesOpt = None,
    strict: StrictOpt = False,
    force: ForceOpt = False,
) -> None:
    """解析一份工作要点通知：标题、发文机关、日期、各部分和条目及其牵头、配合科室。

    示例：yaodian parse notice.txt；yaodian parse notice.txt --format json -o notice.json
    """
    with user_errors():
        if output is not None:
            from yaodian.output import check_destination

            fmt = output_format(output, None if fmt is ParseFormat.table else fmt, BY_SUFFIX)
            check_destination(output, force=force)
        notice = load_notice(file, encoding=encoding, ocr=ocr, jobs=jobs, aliases=aliases, strict=strict)
        if fmt is ParseFormat.table and output is None:
            _print_table(notice)
        elif output is None:
            write_stdout(_render(notice, fmt))
        else:
            from yaodian.output import write_text

            write_text(output, _render(notice, fmt), force=force, bom=fmt is ParseFormat.csv)
            note(f"已写入 {output}（{len(notice.items)} 项条目）")
        _report_warnings(notice, shown=fmt is ParseFormat.table and output is None)


def _report_warnings(notice: Notice, *, shown: bool) -> None:
    if notice.warnings and not shown:
        note(
            f"{notice.source.path}：解析提示 {len(notice.warnings)} 条（用 --format table 查看，--strict 视为错误）"
        )


def _offices_text(item: Item) -> str:
    from rich.markup import escape

    leads = "、".join(o.name for o in item.leads)
    supports = "、".join(o.name for o in item.supports)
    text = f"[bold green]{escape(leads) or '—'}[/]"
    return text + (f" [dim]配合：[/]{escape(supports)}" if supports else "")


def _print_table(notice: Notice) -> None:
    from rich.markup import escape
    from rich.table import Table
    from rich.tree import Tree

    console = out_console()
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    rows = [
        ("标题", notice.title or "（未找到）"),
        ("发文机关", "、".join(notice.issuers) or "—"),
        ("成文日期", notice.date.isoformat() if notice.date else "—"),
        ("文号", notice.doc_number or "—"),
        ("来源", f"{notice.source.path}（{notice.source.format}，{notice.source.encoding or '—'}）"),
        (
            "统计",
            f"{sum(1 for _ in notice.walk_sections())} 个部分，{len(notice.items)} 项条目，{len(notice.offices())} 个科室/单位",
        ),
    ]
    for key, value in rows:
        head.add_row(key, escape(value))
    console.print(head)
    tree = Tree(f"[bold]{escape(notice.title or '工作要点')}[/]")

    def add_items(branch: Tree, items: tuple[Item, ...]) -> None:
        for item in items:
            branch.add(
                f"[cyan]{escape(item.marker or item.number)}[/] {escape(item.title)}  {_offices_text(item)}"
            )

    add_items(tree, tuple(i for i in notice.items if not notice.section_path(i)))

    def add_section(branch: Tree, section: object) -> None:
        from yaodian.model import Section

        assert isinstance(section, Section)
        lead = (
            f"  [magenta]总牵头：{escape('、'.join(o.name for o in section.lead))}[/]" if section.lead else ""
        )
        node = branch.add(f"[bold]{escape(section.marker + section.title)}[/]{lead}")
        add_items(node, section.items)
        for child in section.children:
            add_section(node, child)

    for section in notice.sections:
        add_section(tree, section)
    console.print(tree)
    if notice.warnings:
        err = err_console()
        err.print(f"[yellow]解析提示（{len(notice.warnings)} 条）：[/]")
        for w in notice.warnings:
            err.print(f"  第 {w.line} 行：{escape(w.message)}")
