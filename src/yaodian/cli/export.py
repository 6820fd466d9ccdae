"""`yaodian export`: the matrix workbook and every office's Word sheet in one folder, one run."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from yaodian.cli.common import (
    AliasesOpt,
    EncodingOpt,
    FontsChoice,
    FontsOpt,
    ForceOpt,
    InputArg,
    JobsOpt,
    OcrChoice,
    OcrOpt,
    StrictOpt,
    app,
    load_notice,
    note,
    user_errors,
    warn_export,
)


@app.command()
def export(
    file: InputArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="输出文件夹。", show_default=False)],
    fonts: FontsOpt = FontsChoice.gb2312,
    encoding: EncodingOpt = None,
    ocr: OcrOpt = OcrChoice.auto,
    jobs: JobsOpt = 1,
    aliases: AliasesOpt = None,
    strict: StrictOpt = False,
    force: ForceOpt = False,
) -> None:
    """一次生成办公室要分发的文件：责任矩阵.xlsx 和 任务清单/（每个科室一个 Word 任务清单）。

    示例：yaodian export notice.txt -o 2024年任务分解/
    """
    with user_errors():
        from yaodian.errors import OutputError
        from yaodian.output import check_destination

        check_destination(output, directory=True)
        matrix_path = output / "责任矩阵.xlsx"
        if output.exists():
            check_destination(matrix_path, force=force)
        elif not output.parent.exists():
            raise OutputError(f"{output}：所在文件夹 {output.parent} 不存在；请先创建该文件夹。")
        notice = load_notice(file, encoding=encoding, ocr=ocr, jobs=jobs, aliases=aliases, strict=strict)
        from yaodian.writers.docx_sheets import write_sheets
        from yaodian.writers.xlsx_matrix import write_matrix

        try:
            output.mkdir(exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{output}：无法创建文件夹（{exc.strerror or exc}）；请检查输出位置。") from exc
        sheets = write_sheets(notice, output / "任务清单", profile=fonts.value, force=force)
        write_matrix(notice, matrix_path, force=force)
        note(f"已写入 {output}：责任矩阵.xlsx、任务清单/（{len(sheets)} 个科室的 .docx）")
        warn_export(notice)
