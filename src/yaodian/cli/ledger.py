"""`yaodian ledger`: the 督办台账 workbook of one notice (one row per item × office)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from yaodian.cli.common import (
    AliasesOpt,
    EncodingOpt,
    ForceOpt,
    InputArg,
    StrictOpt,
    app,
    load_notice,
    note,
    usage,
    user_errors,
    warn_export,
)


@app.command()
def ledger(
    file: InputArg,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="输出的台账 .xlsx 文件。", show_default=False)
    ],
    leaders: Annotated[
        Path | None,
        typer.Option(
            "--leaders", help='分管领导表（TOML：科室 = 领导，如 "基教科" = "张副局长"），通知未写明时使用。'
        ),
    ] = None,
    previous: Annotated[
        Path | None,
        typer.Option("--previous", help="上年台账（.xlsx）：与上年未完成事项对应的条目加一列“上年状态”。"),
    ] = None,
    encoding: EncodingOpt = None,
    aliases: AliasesOpt = None,
    strict: StrictOpt = False,
    force: ForceOpt = False,
) -> None:
    """生成督办台账（.xlsx）：每个条目 × 责任科室一行，固定编号、完成时限与截止日期、状态下拉、逾期标红，另有汇总和说明页。

    完成时限按通知年度推算：X月底→当月最后一天，年底前/年内→12月31日，上半年→6月30日，
    第X季度→季末，秋季开学前→8月31日；长期坚持、持续推进、全年不设日期。

    示例：yaodian ledger notice.txt -o 台账.xlsx --leaders 分工.toml
    """
    with user_errors():
        from yaodian.output import check_destination

        if output.suffix.lower() != ".xlsx":
            raise usage(f"{output}：台账是 Excel 工作簿，文件名须以 .xlsx 结尾，例如 -o 台账.xlsx。")
        check_destination(output, force=force)
        notice = load_notice(file, encoding=encoding, aliases=aliases, strict=strict)
        from yaodian.analysis.ledger import build_ledger

        table = None
        if leaders is not None:
            from yaodian.leaders import load_leaders

            table = load_leaders(leaders)
        book = build_ledger(notice, leaders=table)
        if previous is not None:
            from yaodian.analysis.carryover import carry_over
            from yaodian.reading.ledger import read_ledger

            book, matched = carry_over(book, notice, read_ledger(previous))
            note(f"与上年台账对应的未完成事项：{matched} 行（见“上年状态”列）")
        from yaodian.writers.ledger_xlsx import write_ledger

        write_ledger(book, output, force=force)
        dated = sum(1 for r in book.rows if r.deadline)
        note(
            f"已写入 {output}（{len(book.rows)} 行：{len(notice.items)} 项条目 × {len(book.offices())} 个科室；"
            f"{dated} 行有截止日期）"
        )
        warn_export(notice)
