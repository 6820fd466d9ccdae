"""`yaodian check`: faults of the notice itself, each with its line and what to change."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from yaodian.cli.common import (
    AliasesOpt,
    EncodingOpt,
    InputArg,
    JobsOpt,
    OcrChoice,
    OcrOpt,
    app,
    err_console,
    load_notice,
    out_console,
    user_errors,
    write_stdout,
)

if TYPE_CHECKING:
    from yaodian.analysis.check import Finding


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
    ocr: OcrOpt = OcrChoice.auto,
    jobs: JobsOpt = 1,
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
        notice = load_notice(file, encoding=encoding, ocr=ocr, jobs=jobs, aliases=aliases, quiet=True)
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
