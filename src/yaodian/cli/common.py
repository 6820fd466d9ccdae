"""What every command shares: the Typer app, consoles, input options and the error mapping.

The CLI is the only layer that imports typer or rich or prints. Commands are thin: parse options,
call one library function, render, map `YaodianError` to a message on stderr and an exit code.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from yaodian.cli.framework import App, ChineseGroup
from yaodian.errors import Terminated, UsageError, YaodianError

if TYPE_CHECKING:
    from rich.console import Console

    from yaodian.model import Notice
    from yaodian.reading.ocr_options import PageDone

F = TypeVar("F", bound=StrEnum)

app = App(
    name="yaodian",
    cls=ChineseGroup,
    help="yaodian（要点）：把工作要点通知拆解为“谁做什么”——解析、责任矩阵、任务清单、年度对比。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from yaodian.version import __version__

        sys.stdout.write(f"yaodian {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", help="显示版本号并退出。", callback=_version, is_eager=True),
    ] = False,
) -> None:
    """yaodian（要点）：把工作要点通知拆解为“谁做什么”——解析、责任矩阵、任务清单、年度对比。"""


# Options shared by every command that reads a notice.
EncodingOpt = Annotated[
    str | None, typer.Option("--encoding", help="强制使用的文本编码（如 gb18030、utf-16），默认自动识别。")
]
AliasesOpt = Annotated[
    Path | None,
    typer.Option(
        "--aliases", help="科室别名表（TOML：规范名 = [其他写法, …]），用于合并同一科室的不同写法。"
    ),
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="有解析提示（warnings）时以退出码 1 结束。")]
ForceOpt = Annotated[bool, typer.Option("--force", "-f", help="覆盖已存在的输出文件。")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="写入文件而不是标准输出。")]


class OcrChoice(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


OcrOpt = Annotated[
    OcrChoice,
    typer.Option(
        "--ocr",
        help="扫描件、图片的文字识别：auto（只识别没有文字层的页，默认）、always（PDF 每页都识别）、never（不识别）。需 pip install 'yaodian[ocr]'。",
    ),
]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=1, help="同时识别的页数（OCR，多核机器上更快）。")]


class FontsChoice(StrEnum):
    gb2312 = "gb2312"
    windows = "windows"
    mac = "mac"


FontsOpt = Annotated[
    FontsChoice,
    typer.Option(
        "--fonts",
        help="字体方案：gb2312（方正小标宋简体/仿宋_GB2312/楷体_GB2312，机关电脑）、windows（宋体/仿宋/楷体/黑体）、mac（Songti SC/STFangsong…）。",
    ),
]
InputArg = Annotated[
    str,
    typer.Argument(
        help="通知文件（.txt/.docx/.pdf/.html/.doc，扫描件 .pdf/.jpg/.png/.tif），“-”表示标准输入。",
        show_default=False,
        metavar="通知文件",
    ),
]

# The words people type for a role, in either language.
_ROLE_WORDS = {"lead": "lead", "牵头": "lead", "support": "support", "配合": "support"}


def _role(value: str | None) -> str | None:
    if value is None:
        return None
    role = _ROLE_WORDS.get(value.strip().lower())
    if role is None:
        raise typer.BadParameter(f"“{value}”不是角色；请写 牵头 或 配合（也可写 lead、support）。")
    return role


RoleOpt = Annotated[
    str | None,
    typer.Option(
        "--role", help="只列牵头或配合的任务（也可写 lead、support）。", metavar="牵头|配合", callback=_role
    ),
]


def split_offices(values: list[str] | str | None) -> list[str] | None:
    """`--office 基教科,办公室` (commas, Chinese commas or 、, and the option repeated) as a list."""
    if not values:
        return None
    if isinstance(values, str):
        values = [values]
    names = [n.strip() for v in values for n in re.split(r"[,，、;；]", v)]
    return [n for n in names if n] or None


def err_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def out_console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def note(message: str) -> None:
    """One plain line of news on stderr ("已写入 …"); rich is not worth its import for it."""
    sys.stderr.write(f"{message}\n")
    sys.stderr.flush()


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one message on stderr and return the Exit to raise."""
    sys.stderr.write(f"yaodian：错误：{message}\n")
    sys.stderr.flush()
    return typer.Exit(code)


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Turn the project's own errors into one line on stderr and exit code 1 (2 for usage)."""
    try:
        yield
    except YaodianError as exc:
        raise fail(str(exc), exc.exit_code) from None
    except KeyboardInterrupt:
        raise fail("已中断（Ctrl-C）；未完成的输出和临时文件已删除。", 130) from None
    except Terminated:
        raise fail("已终止（收到 SIGTERM）；未完成的输出和临时文件已删除。", 143) from None


def usage(message: str) -> UsageError:
    return UsageError(message)


# Suffixes that promise a format; writing another format under one of them is refused.
_DATA_SUFFIXES = frozenset({".json", ".md", ".markdown", ".csv", ".xlsx", ".docx"})


def output_format(output: Path, fmt: F | None, by_suffix: Mapping[str, F]) -> F:
    """The format of `-o FILE`: the one `--format` names, else the file's suffix.

    A suffix that names no format we write, or another format than `--format`, is a usage
    error naming the formats (never JSON quietly written into `x.csv`)."""
    suffix = output.suffix.lower()
    known = by_suffix.get(suffix)
    if fmt is None:
        if known is None:
            names = "、".join(dict.fromkeys(by_suffix))
            raise usage(
                f"{output}：不能按扩展名“{suffix or '（无）'}”判断输出格式；可写 {names}，或用 --format 指定。"
            )
        return known
    if (known is not None or suffix in _DATA_SUFFIXES) and known != fmt:
        raise usage(
            f"{output}：扩展名是 {suffix}，--format 却是 {fmt.value}；请让两者一致（例如 .{fmt.value}）。"
        )
    return fmt


def load_notice(
    path: str,
    *,
    encoding: str | None = None,
    aliases: Path | None = None,
    strict: bool = False,
    quiet: bool = False,
    ocr: str = "auto",
    jobs: int = 1,
) -> Notice:
    """Read and parse one input; the single entry every command uses. Items without a
    responsible office are said on stderr (unless `quiet`: `check` reports them itself);
    scanned pages are recognised with a line of progress per page."""
    from yaodian.api import parse_file
    from yaodian.reading.ocr_options import OcrOptions

    options = OcrOptions(mode=str(ocr), jobs=jobs, progress=_page_progress(path))
    notice = parse_file(path, encoding=encoding, aliases=aliases, strict=strict, ocr=options)
    if notice.source.note:
        note(f"提示：{notice.source.note}")
    if notice.source.low_confidence_pages:
        pages = "、".join(str(p) for p in notice.source.low_confidence_pages)
        note(f"{notice.source.path}：第 {pages} 页识别置信度低，请对照原件核对这几页的条目和科室。")
    coverage = notice.coverage()
    if not coverage.complete and not quiet:
        note(f"{notice.source.path}：{coverage.message()}")
    return notice


def _page_progress(path: str) -> Callable[[PageDone], None]:
    """Progress of OCR on stderr: one line per recognised page."""
    console: list[Console] = []

    def show(done: PageDone) -> None:
        from yaodian.reading.ocr_options import LOW_CONFIDENCE

        if not console:
            console.append(err_console())
        low = "  [yellow]置信度低[/]" if done.confidence < LOW_CONFIDENCE else ""
        console[0].print(
            f"[dim]{path}[/] 文字识别 第 {done.page}/{done.total} 页  置信度 {done.confidence:.2f}  "
            f"{done.seconds:.1f} 秒{low}"
        )

    return show


def warn_export(notice: Notice) -> None:
    """After writing a file: say how many parser notes there are and where to read them."""
    if notice.warnings:
        from rich.markup import escape

        err_console().print(
            f"{escape(notice.source.path)}：[yellow]解析提示 {len(notice.warnings)} 条[/]"
            "（见工作簿“说明”页或 yaodian parse；--strict 视为错误）"
        )


def write_stdout(text: str) -> None:
    from yaodian.controls import strip_controls

    text = strip_controls(text)
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")
    sys.stdout.flush()
