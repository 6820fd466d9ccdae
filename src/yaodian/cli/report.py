"""`yaodian report`: one self-contained HTML page for the leadership (工作要点一览).

Thin: check the options and the destination, read the notice (and the previous notice and the
ledger when given), call the analyses the other commands use (`diff_notices`, `status_report`),
and hand everything to `writers.report_html`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from yaodian.cli.common import (
    AliasesOpt,
    EncodingOpt,
    ForceOpt,
    InputArg,
    app,
    load_notice,
    note,
    usage,
    user_errors,
)


@app.command()
def report(
    file: InputArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="输出的 .html 文件。", show_default=False)],
    ledger: Annotated[
        Path | None,
        typer.Option(
            "--ledger", help="督办台账（.xlsx，yaodian ledger/collect 生成）：加上推进情况和逾期任务。"
        ),
    ] = None,
    previous: Annotated[
        str | None,
        typer.Option("--previous", help="上一年的通知：加上与上年相比的变化（同 yaodian diff）。"),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help="统计逾期的日期（如 2024-07-01），默认今天；需 --ledger。", show_default=False
        ),
    ] = None,
    encoding: EncodingOpt = None,
    aliases: AliasesOpt = None,
    force: ForceOpt = False,
) -> None:
    """生成给领导看的一页网页（.html）：概况、各科室任务量、责任矩阵热力图、按科室查看、搜索；
    可加上与上年相比的变化（--previous）和台账推进情况（--ledger）。单个文件，离线可看，可打印。

    示例：yaodian report 通知.txt -o 报告.html；yaodian report 2024.txt --previous 2023.txt --ledger 台账.xlsx --as-of 2024-07-01 -o 报告.html
    """
    with user_errors():
        from yaodian.cli.status import _day
        from yaodian.output import check_destination

        if output.suffix.lower() not in (".html", ".htm"):
            raise usage(f"{output}：报告是网页，文件名须以 .html 结尾，例如 -o 报告.html。")
        if file == "-" and previous == "-":
            raise usage("两份通知不能都从标准输入读取；请至少给出一个文件路径。")
        if as_of is not None and ledger is None:
            raise usage("--as-of 只用于台账的逾期统计，请同时给出 --ledger 台账.xlsx。")
        day = _day(as_of)
        check_destination(output, force=force)
        notice = load_notice(file, encoding=encoding, aliases=aliases)
        plan_diff = None
        if previous is not None:
            from yaodian.analysis.diff import diff_notices

            plan_diff = diff_notices(load_notice(previous, encoding=encoding, aliases=aliases), notice)
        progress = None
        if ledger is not None:
            from yaodian.analysis.status import status_report
            from yaodian.reading.ledger import read_ledger

            progress = status_report(read_ledger(ledger), day)
        from yaodian.writers.report_html import write_report

        write_report(notice, output, diff=plan_diff, status=progress, force=force)
        size = output.stat().st_size
        note(
            f"已写入 {output}（{len(notice.items)} 项条目 × {len(notice.offices())} 个科室，{size / 1024:.0f} KB）"
        )
