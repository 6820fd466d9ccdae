"""`yaodian collect`: merge the offices' returned forms into the ledger (回收汇总)."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from yaodian.cli.common import ForceOpt, app, fail, note, usage, user_errors, write_stdout

if TYPE_CHECKING:
    from yaodian.analysis.collect import CollectResult

RETURN_SUFFIXES = (".xlsx", ".docx")


class CollectFormat(StrEnum):
    text = "text"
    json = "json"


@app.command()
def collect(
    ledger_file: Annotated[Path, typer.Argument(help="台账（.xlsx）。", show_default=False)],
    returns: Annotated[
        list[Path], typer.Argument(help="各科室交回的进展表（.xlsx/.docx），可给文件夹。", show_default=False)
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="合并后的新台账（.xlsx）。", show_default=False)
    ],
    fmt: Annotated[
        CollectFormat,
        typer.Option("--format", "-F", help="回收情况的格式：text（标准错误）或 json（标准输出）。"),
    ] = CollectFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="有填报冲突时以退出码 1 结束。")] = False,
    force: ForceOpt = False,
) -> None:
    """把各科室交回的进展表合并进台账：按编号对应（无编号时按序号+科室），非空且不同的值替换台账原值，每处改动记入“修改记录”页。

    两份表对同一单元格填得不同：台账保留原值并报告冲突。其他通知台账的表格被拒收；无法读取的文件列出并跳过（最后退出码 1）。

    示例：yaodian collect 台账.xlsx 回收/ -o 新台账.xlsx；yaodian collect 台账.xlsx a.xlsx b.docx -o 新台账.xlsx --format json
    """
    with user_errors():
        from yaodian.analysis.collect import Refused, collect_forms
        from yaodian.output import check_destination
        from yaodian.reading.ledger import read_ledger, read_return

        if output.suffix.lower() != ".xlsx":
            raise usage(f"{output}：新台账是 Excel 工作簿，文件名须以 .xlsx 结尾，例如 -o 新台账.xlsx。")
        check_destination(output, force=force)
        book = read_ledger(ledger_file)
        forms, refused = [], []
        for path in _expand(returns, skip={ledger_file.resolve(), output.resolve()}):
            try:
                forms.append(read_return(path))
            except Exception as exc:
                from yaodian.errors import YaodianError

                reason = (
                    str(exc)
                    if isinstance(exc, YaodianError)
                    else f"{path}：无法读取（{type(exc).__name__}）。"
                )
                refused.append(Refused(file=str(path), reason=reason))
        result = collect_forms(
            book, forms, time=dt.datetime.now().strftime("%Y-%m-%d %H:%M"), refused=refused
        )
        from yaodian.writers.ledger_xlsx import write_ledger

        write_ledger(result.ledger, output, force=force)
        _report(result, output)
        if fmt is CollectFormat.json:
            write_stdout(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    if result.refused:
        raise fail(f"{len(result.refused)} 个文件未能合并（见上）。")
    if strict and result.conflicts:
        raise fail(f"有 {len(result.conflicts)} 处填报冲突（--strict）。")


def _expand(paths: list[Path], *, skip: set[Path]) -> list[Path]:
    """Files as given; folders give their .xlsx/.docx files (not Office lock files `~$…`)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(
                f
                for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in RETURN_SUFFIXES and not f.name.startswith(("~$", "."))
            )
        else:
            out.append(p)
    return [p for p in dict.fromkeys(out) if p.resolve() not in skip]


def _report(result: CollectResult, output: Path) -> None:
    note(
        f"已写入 {output}：更新 {result.updated} 行（{len(result.changes)} 处改动，见“修改记录”页），"
        f"无变化 {result.unchanged} 行，冲突 {len(result.conflicts)} 处，未识别 {len(result.unknown)} 行。"
    )
    for c in result.conflicts:
        values = "；".join(f"{Path(f).name}：“{v}”" for f, v in c.values)
        note(f"冲突：{c.key} {c.column} —— {values}；台账保留“{c.kept}”。")
    for u in result.unknown:
        note(
            f"未识别：{u.file} 第 {u.line} 行（编号“{u.key}”，序号 {u.number}，科室 {u.office}）不在台账中，未合并。"
        )
    for line in result.notes:
        note(f"提示：{line}")
    for r in result.refused:
        note(f"未合并：{r.reason}")
    if result.missing_offices:
        note(f"未交回的科室（{len(result.missing_offices)} 个）：{'、'.join(result.missing_offices)}")
