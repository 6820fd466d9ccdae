"""`yaodian sheets`: one Word task sheet (任务清单) per office, or all in one document."""

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
    err_console,
    load_notice,
    note,
    split_offices,
    user_errors,
    warn_export,
)


@app.command()
def sheets(
    file: InputArg,
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="输出文件夹（--single 时也可给出 .docx 文件名）。", show_default=False
        ),
    ],
    office: Annotated[
        list[str] | None,
        typer.Option("--office", help="只生成这些科室（逗号分隔或重复给出）；默认全部科室。", metavar="科室"),
    ] = None,
    single: Annotated[bool, typer.Option("--single", help="所有科室合成一个 .docx，每个科室一节。")] = False,
    fonts: FontsOpt = FontsChoice.gb2312,
    encoding: EncodingOpt = None,
    ocr: OcrOpt = OcrChoice.auto,
    jobs: JobsOpt = 1,
    aliases: AliasesOpt = None,
    strict: StrictOpt = False,
    force: ForceOpt = False,
) -> None:
    """按科室生成 Word 任务清单（公文格式，A4 横排表格）：每个科室一个 .docx，或 --single 合成一份。

    示例：yaodian sheets notice.txt -o 任务清单/；yaodian sheets notice.txt -o 清单.docx --single --office 基教科
    """
    with user_errors():
        from yaodian.output import check_destination

        one_file = single and output.suffix.lower() == ".docx"
        if one_file:
            check_destination(output, force=force)
        else:
            check_destination(output, directory=True)
        notice = load_notice(file, encoding=encoding, ocr=ocr, jobs=jobs, aliases=aliases, strict=strict)
        from yaodian.writers.docx_sheets import write_sheets

        paths = write_sheets(
            notice, output, offices=split_offices(office), single=single, profile=fonts.value, force=force
        )
        if not paths:
            err_console().print("[yellow]通知中没有找到任何科室，未生成文件。[/]")
            return
        where = paths[0] if single else output
        note(f"已写入 {where}（{len(paths)} 个文件）" if not single else f"已写入 {where}")
        warn_export(notice)
