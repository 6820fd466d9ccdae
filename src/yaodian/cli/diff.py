"""`yaodian diff OLD NEW`: compare two years' plans item by item.

The terminal rendering lives here (only the CLI imports rich); JSON and Markdown come from
`writers.diff_text`, the workbook and the Word report from `writers.diff_xlsx` / `diff_docx`.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from yaodian.cli.common import (
    AliasesOpt,
    EncodingOpt,
    FontsChoice,
    FontsOpt,
    ForceOpt,
    JobsOpt,
    OcrChoice,
    OcrOpt,
    app,
    err_console,
    load_notice,
    out_console,
    output_format,
    user_errors,
    write_stdout,
)
from yaodian.errors import UsageError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from yaodian.analysis.diff import ItemChange, PlanDiff
    from yaodian.analysis.textdiff import TextOp


class DiffFormat(StrEnum):
    table = "table"
    json = "json"
    md = "md"
    xlsx = "xlsx"
    docx = "docx"


_BY_SUFFIX = {
    ".json": DiffFormat.json,
    ".md": DiffFormat.md,
    ".markdown": DiffFormat.md,
    ".xlsx": DiffFormat.xlsx,
    ".docx": DiffFormat.docx,
}
_BINARY = (DiffFormat.xlsx, DiffFormat.docx)

OldArg = Annotated[
    str,
    typer.Argument(help="上一年（旧）的通知文件；“-”表示标准输入。", show_default=False, metavar="旧通知"),
]
NewArg = Annotated[
    str, typer.Argument(help="新一年的通知文件；“-”表示标准输入。", show_default=False, metavar="新通知")
]


@app.command()
def diff(
    old: OldArg,
    new: NewArg,
    fmt: Annotated[
        DiffFormat | None,
        typer.Option(
            "--format",
            "-F",
            help="输出格式：table（终端）、json、md、xlsx、docx；给了 -o 时默认按扩展名判断。",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="写入文件而不是标准输出（xlsx、docx 必须给出）。")
    ] = None,
    threshold: Annotated[
        float,
        typer.Option("--threshold", "-t", help="两条条目视为同一任务所需的相似度（0–1，默认 0.5）。"),
    ] = 0.5,
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help="两份工作要点有差异时以退出码 1 结束（同 git diff --exit-code）。"),
    ] = False,
    encoding: EncodingOpt = None,
    ocr: OcrOpt = OcrChoice.auto,
    jobs: JobsOpt = 1,
    aliases: AliasesOpt = None,
    fonts: FontsOpt = FontsChoice.gb2312,
    force: ForceOpt = False,
) -> None:
    """对比两年的工作要点：逐条对齐，列出新增、删除、修改、合并、拆分、移动的条目，
    科室更名、部分和文头变化，以及各科室任务的增减。

    示例：yaodian diff 2023.txt 2024.docx；yaodian diff 2023.txt 2024.txt -o 对比.xlsx
    """
    with user_errors():
        if not 0 < threshold <= 1:
            raise UsageError(f"--threshold {threshold:g} 超出范围：相似度应大于 0、不超过 1，例如 0.5。")
        if old == "-" and new == "-":
            raise UsageError("两份通知不能都从标准输入读取；请至少给出一个文件路径。")
        if output is not None:
            fmt = output_format(output, fmt, _BY_SUFFIX)
        elif fmt is None:
            fmt = DiffFormat.table
        if fmt in _BINARY and output is None:
            raise UsageError(f"{fmt.value} 是二进制格式，请用 -o 指定输出文件，例如 -o 对比.{fmt.value}。")
        if output is not None:
            from yaodian.output import check_destination

            check_destination(output, force=force)

        from yaodian.analysis.diff import diff_notices

        result = diff_notices(
            load_notice(old, encoding=encoding, ocr=ocr, jobs=jobs, aliases=aliases),
            load_notice(new, encoding=encoding, ocr=ocr, jobs=jobs, aliases=aliases),
            threshold=threshold,
        )
        _emit(result, fmt, output, fonts=fonts.value, force=force)
    if exit_code and result.differs:
        raise typer.Exit(1)


def _emit(result: PlanDiff, fmt: DiffFormat, output: Path | None, *, fonts: str, force: bool) -> None:
    if fmt is DiffFormat.table and output is None:
        _print_report(result, out_console())
        return
    if fmt is DiffFormat.xlsx:
        from yaodian.writers.diff_xlsx import write_diff_xlsx

        assert output is not None
        write_diff_xlsx(result, output, force=force)
    elif fmt is DiffFormat.docx:
        from yaodian.writers.diff_docx import write_diff_docx

        assert output is not None
        write_diff_docx(result, output, profile=fonts, force=force)
    else:
        from yaodian.writers.diff_text import to_json, to_markdown

        text = to_markdown(result) if fmt is DiffFormat.md else to_json(result)
        if output is None:
            write_stdout(text)
            return
        from yaodian.output import write_text

        write_text(output, text, force=force)
    summary = result.summary()
    err_console().print(
        f"已写入 {output}（修改 {summary['changed']}、新增 {summary['added']}、删除 {summary['removed']}、"
        f"合并 {summary['merged']}、拆分 {summary['split']}）"
    )


# --- terminal rendering -------------------------------------------------------------------------

_STATUS_STYLE = {
    "same": "dim",
    "changed": "bold yellow",
    "added": "bold green",
    "removed": "bold red",
    "merged": "bold magenta",
    "split": "bold magenta",
}


def marked_text(ops: tuple[TextOp, ...], *, plain: bool = False) -> Text:
    """A text diff for the terminal: deletions red and struck through, insertions green, underlined.

    Without colour (output piped, NO_COLOR) the marks are wdiff's: `[-deleted-]{+inserted+}`.
    """
    from rich.text import Text

    text = Text()
    for op in ops:
        if op.op == "equal":
            text.append(op.text)
        elif op.op == "delete":
            text.append(f"[-{op.text}-]" if plain else op.text, style="red strike")
        else:
            text.append(f"{{+{op.text}+}}" if plain else op.text, style="green underline")
    return text


def _print_report(result: PlanDiff, console: Console) -> None:
    """Heading and summary, then each kind of change that occurs, then the office table."""
    from rich.markup import escape

    console.print(f"[bold]工作要点年度对比[/]  相似度阈值 {result.threshold:g}")
    for label, info in (("旧", result.old), ("新", result.new)):
        console.print(f"  {label}：《{escape(info.title)}》 {escape(info.path)}（{info.items} 条）")
    if not result.differs:
        console.print("[green]两份工作要点内容相同。[/]")
        return
    _print_summary(result, console)
    _print_header_and_sections(result, console)
    _print_items(result, console)
    _print_offices(result, console)


def _print_summary(result: PlanDiff, console: Console) -> None:
    from rich.table import Table

    from yaodian.writers.diff_labels import SUMMARY_LABEL

    summary = Table(title="概要", show_header=False, box=None, padding=(0, 2))
    summary.add_column(style="bold")
    summary.add_column(justify="right")
    for key, value in result.summary().items():
        if value:
            summary.add_row(SUMMARY_LABEL[key], str(value))
    console.print(summary)


def _print_header_and_sections(result: PlanDiff, console: Console) -> None:
    from rich.markup import escape

    from yaodian.writers.diff_labels import section_text

    if result.header:
        console.rule("文头变化")
        for h in result.header:
            console.print(f"{h.label}：[red]{escape(h.old or '无')}[/] → [green]{escape(h.new or '无')}[/]")
    sections = [s for s in result.sections if s.status != "same" or s.renumbered]
    if sections:
        console.rule("部分变化")
        for s in sections:
            old = escape(section_text(s.old_number, s.old_title, s.level))
            new = escape(section_text(s.new_number, s.new_title, s.level))
            if s.status == "added":
                console.print(f"[green]新增[/] {new}")
            elif s.status == "removed":
                console.print(f"[red]删除[/] {old}")
            else:
                label = "更名" if s.status == "renamed" else "重新编号"
                console.print(f"[yellow]{label}[/] {old} → {new}")
    if result.renamed_offices:
        console.rule("科室更名")
        for a, b in result.renamed_offices:
            console.print(f"{escape(a)} → [bold]{escape(b)}[/]")


def _print_items(result: PlanDiff, console: Console) -> None:
    from yaodian.writers.diff_labels import STATUS_LABEL, is_listed

    listed = [c for c in result.items if is_listed(c)]
    if listed:
        console.rule("条目变化")
        for change in listed:
            _print_item(change, console, STATUS_LABEL[change.status])
    renumbered = [c for c in result.items if c.renumbered and not is_listed(c)]
    if renumbered:
        console.rule("仅重新编号")
        console.print("、".join(f"{c.old[0]}→{c.new[0]}" for c in renumbered))


def _print_offices(result: PlanDiff, console: Console) -> None:
    from rich.markup import escape
    from rich.table import Table

    from yaodian.writers.diff_labels import office_changes

    offices = office_changes(result)
    if not offices:
        return
    table = Table(title="科室任务变化", header_style="bold")
    for head in ("科室", "原牵头", "原配合", "现牵头", "现配合", "新增任务", "减少任务"):
        table.add_column(head, justify="right" if "牵头" in head or "配合" in head else "left")
    for o in offices:
        name = escape(o.name) + (f"\n[dim]原：{escape(o.old_name)}[/]" if o.old_name else "")
        table.add_row(
            name,
            str(o.old_lead),
            str(o.old_support),
            str(o.new_lead),
            str(o.new_support),
            "[green]" + "、".join(o.gained) + "[/]",
            "[red]" + "、".join(o.lost) + "[/]",
        )
    console.print(table)


def _print_item(change: ItemChange, console: Console, label: str) -> None:
    from rich.markup import escape

    from yaodian.writers.diff_labels import pair_label, parts_notes, responsibility_notes, section_path_text

    head = f"[{_STATUS_STYLE[change.status]}]{label}[/] {escape(pair_label(change))}  {escape(change.title)}"
    if change.status not in ("added", "removed"):
        head += f"  [dim]相似度 {change.similarity:.2f}[/]"
    if change.moved:
        head += "  [cyan]顺序调整[/]"
    console.print(head)
    if change.section_changed:
        console.print(
            f"    部分：{escape(section_path_text(change.old_sections))} → "
            f"{escape(section_path_text(change.new_sections))}"
        )
    for note in [*parts_notes(change), *responsibility_notes(change)]:
        console.print(f"    {escape(note)}")
    if change.status == "added":
        console.print(f"    责任科室：{escape('、'.join(change.offices_new) or '无')}")
        console.print(f"    [green]{escape(change.new_text)}[/]")
    elif change.status == "removed":
        console.print(f"    责任科室：{escape('、'.join(change.offices_old) or '无')}")
        console.print(f"    [red]{escape(change.old_text)}[/]")
    elif change.text_diff:
        from rich.padding import Padding

        plain = console.no_color or console.color_system is None
        console.print(Padding(marked_text(change.text_diff, plain=plain), (0, 0, 0, 4)))
    console.print()
