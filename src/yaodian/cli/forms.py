"""`yaodian forms`: one fillable progress form per office from the ledger (进展表)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from yaodian.cli.common import FontsChoice, FontsOpt, ForceOpt, app, note, user_errors


class FormFormat(StrEnum):
    xlsx = "xlsx"
    docx = "docx"


@app.command()
def forms(
    ledger_file: Annotated[
        Path, typer.Argument(help="yaodian ledger 生成的台账（.xlsx）。", show_default=False)
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="输出文件夹（不存在则创建）。", show_default=False)
    ],
    fmt: Annotated[
        FormFormat, typer.Option("--format", "-F", help="表格格式：xlsx（默认）或 docx。")
    ] = FormFormat.xlsx,
    fonts: FontsOpt = FontsChoice.gb2312,
    force: ForceOpt = False,
) -> None:
    """为每个科室生成一份进展表（如 基教科-2024年工作任务进展表.xlsx），带台账编号；只有责任人、进展情况、状态、更新日期可填写（工作表保护，无密码）。

    示例：yaodian forms 台账.xlsx -o 进展表/；yaodian forms 台账.xlsx -o 进展表/ --format docx
    """
    with user_errors():
        from yaodian.analysis.forms import plan_forms
        from yaodian.errors import OutputError
        from yaodian.output import check_destination
        from yaodian.reading.ledger import read_ledger

        check_destination(output, force=force, directory=True)
        book = read_ledger(ledger_file)
        plans, orphans = plan_forms(book, suffix=f".{fmt.value}")
        if output.is_dir():
            for plan in plans:
                check_destination(output / plan.filename, force=force)
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{output}：无法创建文件夹（{exc.strerror or exc}）；请检查输出位置。") from exc
        if fmt is FormFormat.xlsx:
            from yaodian.writers.forms_xlsx import write_form_xlsx

            for plan in plans:
                write_form_xlsx(book, plan.office, plan.rows, output / plan.filename, force=force)
        else:
            from yaodian.writers.forms_docx import write_form_docx

            for plan in plans:
                write_form_docx(
                    book, plan.office, plan.rows, output / plan.filename, profile=fonts.value, force=force
                )
        note(f"已写入 {output}：{len(plans)} 份进展表（{sum(len(p.rows) for p in plans)} 行）")
        if orphans:
            numbers = "、".join(dict.fromkeys(r.number for r in orphans))
            note(f"提示：第 {numbers} 条没有责任科室，未编入任何进展表（仍在台账中）。")
