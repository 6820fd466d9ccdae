"""`yaodian matrix`: the responsibility-matrix workbook (责任矩阵.xlsx) of one notice.

Thin: check the destination first (an existing file without --force stops the run before the
notice is even read), parse, call the writer.
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
    JobsOpt,
    OcrChoice,
    OcrOpt,
    StrictOpt,
    app,
    load_notice,
    note,
    usage,
    user_errors,
    warn_export,
)


@app.command()
def matrix(
    file: InputArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="输出的 .xlsx 文件。", show_default=False)],
    encoding: EncodingOpt = None,
    ocr: OcrOpt = OcrChoice.auto,
    jobs: JobsOpt = 1,
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
        notice = load_notice(file, encoding=encoding, ocr=ocr, jobs=jobs, aliases=aliases, strict=strict)
        from yaodian.writers.xlsx_matrix import write_matrix

        write_matrix(notice, output, force=force)
        note(f"已写入 {output}（{len(notice.items)} 项条目 × {len(notice.offices())} 个科室）")
        warn_export(notice)
