"""The Chinese frame around every command: help pages and usage errors.

typer (≥0.26) vendors click, whose messages are English f-strings (no gettext), and its rich help
has English panel titles and cuts long Chinese descriptions to "…". So the commands use the two
classes below: help is written here as plain text wrapped by display width (a Chinese character
is two columns), and a usage error is one Chinese line after the usage line.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from typer import _click
from typer._click import exceptions as _exceptions
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandFunctionType

from yaodian.textwidth import display_width

PROG = "yaodian"
HELP_TEXT = "显示本帮助并退出。"

# English messages click builds with f-strings, and their Chinese. Tried in order on the
# message text; the first match wins.
_MESSAGES: tuple[tuple[str, Callable[[re.Match[str]], str]], ...] = (
    (r"^(.*) is not one of (.*)\.$", lambda m: f"{m[1]} 不在可选值 {m[2]} 之中。"),
    (r"^Value (.*) is not a valid (int|float)\.$", lambda m: f"{m[1]} 不是有效的数字。"),
    (r"^Value (.*) is not a valid (.*)\.$", lambda m: f"{m[1]} 不是有效的 {m[2]}。"),
    (r"^(\S+ )?'?(.*?)'? does not exist\.$", lambda m: f"“{m[2]}”不存在。"),
    (r"^Input should be a valid (number|integer|float)\b.*$", lambda m: "须是一个数字。"),
    (r"^Input should be (.*)$", lambda m: f"须是 {m[1]}。"),
    (r"^No such option: (.*)$", lambda m: f"没有选项 {m[1]}。"),
    (r"^Option '(.*)' requires an argument\.$", lambda m: f"选项 {m[1]} 后面须给一个值。"),
    (
        r"^Option '(.*)' requires (\d+) arguments\.$",
        lambda m: f"选项 {m[1]} 后面须给 {m[2]} 个值。",
    ),
    (r"^Option '(.*)' does not take a value\.$", lambda m: f"选项 {m[1]} 不带值。"),
    (r"^Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", lambda m: f"多余的参数：{m[1]}。"),
    (
        r"^No such command '(.*)'\.(?: Did you mean '(.*)'\?)?$",
        lambda m: f"没有命令 {m[1]}。" + (f"是不是 {m[2]}？" if m[2] else ""),
    ),
    (r"^Missing command\.$", lambda m: "缺少命令。"),
    (r"^Argument '(.*)' takes (\d+) values\.$", lambda m: f"参数 {m[1]} 须给 {m[2]} 个值。"),
)


def translate(message: str) -> str:
    """click's English message in Chinese; a message already in Chinese is returned as it is."""
    message = message.removeprefix("Value error, ")  # pydantic's prefix on a choice error
    for pattern, render in _MESSAGES:
        # Compiled on first use (re caches them): start-up of every command pays nothing.
        m = re.match(pattern, message.strip(), re.S)
        if m:
            return render(m)
    return message


def _param_label(param: _click.Parameter) -> str:
    if param.param_type_name == "option":
        return " / ".join(getattr(param, "opts", []) or [param.name or ""])
    return _metavar(param)


def _choices(param: _click.Parameter) -> list[str]:
    desc = getattr(param, "type_descriptor", None)
    choices = getattr(desc, "choices", None)
    if not choices:
        return []
    return [c.value if isinstance(c, Enum) else str(c) for c in choices]


def error_message(exc: _click.ClickException) -> str:
    """One Chinese sentence for a usage error."""
    exc_mod = _exceptions
    if isinstance(exc, exc_mod.MissingParameter) and exc.param is not None:
        param = exc.param
        kind = "选项" if param.param_type_name == "option" else "参数"
        text = f"缺少{kind} {_param_label(param)}。"
        choices = _choices(param)
        return text + (f"可选：{'、'.join(choices)}。" if choices else "")
    if isinstance(exc, exc_mod.NoSuchOption):
        text = f"没有选项 {exc.option_name}。"
        if exc.possibilities:
            text += f"是不是 {'、'.join(sorted(exc.possibilities))}？"
        return text
    if isinstance(exc, exc_mod.BadParameter) and not isinstance(exc, exc_mod.MissingParameter):
        where = exc.param_hint if isinstance(exc.param_hint, str) else None
        if where is None and exc.param is not None:
            where = _param_label(exc.param)
        message = translate(exc.message)
        return f"{where} 的值无效：{message}" if where else f"值无效：{message}"
    return translate(exc.message)


def show_usage_error(exc: _click.ClickException) -> None:
    """The usage line, the error in Chinese and where help is; all on stderr."""
    ctx: _click.Context | None = getattr(exc, "ctx", None)
    lines = []
    if ctx is not None:
        lines.append(ctx.get_usage())
    lines.append(f"{PROG}：错误：{error_message(exc)}")
    if ctx is not None:
        lines.append(f"（用 {ctx.command_path} -h 查看帮助。）")
    sys.stderr.write("\n".join(lines) + "\n")
    sys.stderr.flush()


# -- help, wrapped by display width ---------------------------------------------------------

# Closing punctuation never starts a line (。，、；：？！）」』”’》 and friends).
_NO_LINE_START = set("。，、；：？！）」』”’》〉】…,.;:?!)]")
_TOKEN = r"[A-Za-z0-9_\-./\\<>|=@%*+'\"{}\[\]#~^$&]+|\s+|."


width_of = display_width  # terminal columns: a Chinese character takes two


def wrap(text: str, width: int) -> list[str]:
    """Greedy wrap of mixed Chinese and ASCII: break between Chinese characters or at spaces,
    never inside an ASCII word (unless it alone is wider than the line)."""
    lines: list[str] = []
    for para in text.splitlines() or [""]:
        line = ""
        for token in re.findall(_TOKEN, para, re.S):
            if token.isspace():
                if line:
                    line += " "
                continue
            if width_of(line) + width_of(token) <= width or not line or token in _NO_LINE_START:
                line += token
                continue
            lines.append(line.rstrip())
            line = token
            while width_of(line) > width:  # an over-long word: cut it
                cut = len(line)
                while width_of(line[:cut]) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line.rstrip())
    return lines


def _metavar(param: _click.Parameter) -> str:
    if param.metavar:
        return param.metavar
    choices = _choices(param)
    if choices:
        return "|".join(choices)
    desc = getattr(param, "type_descriptor", None)
    annotation = getattr(desc, "annotation", str)
    if getattr(desc, "is_path", False) or annotation is Path:
        name = "路径"
    elif annotation in (int, float):
        name = "数字"
    else:
        name = "文本"
    if param.param_type_name == "argument":
        return name if param.required else f"[{name}]"
    return name


def _default_text(param: _click.Parameter) -> str:
    if getattr(param, "is_flag", False) or param.required or not getattr(param, "show_default", True):
        return ""
    default = param.default
    if default is None or default == () or default == []:
        return ""
    if isinstance(default, Enum):
        default = default.value
    return f"（默认：{default}）"


def _param_rows(ctx: _click.Context, command: _click.Command) -> tuple[list[tuple[str, str]], ...]:
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        help_text = getattr(param, "help", None) or ""
        if param.param_type_name == "argument":
            extra = "（必填）" if param.required else ""
            arguments.append((_metavar(param), help_text + extra))
            continue
        opts = sorted(param.opts, key=len)
        # A long-only option is indented to line up with the long names after "-o, ".
        names = ", ".join(opts) if not opts[0].startswith("--") else "    " + ", ".join(opts)
        if not getattr(param, "is_flag", False):
            names += f" {_metavar(param)}"
        if "--help" in param.opts:
            help_text = HELP_TEXT
        extra = "（必填）" if param.required else _default_text(param)
        options.append((names, help_text + extra))
    return arguments, options


def _definition_list(rows: Sequence[tuple[str, str]], width: int) -> list[str]:
    left = min(max((width_of(name) for name, _ in rows), default=0), 28) + 2
    out: list[str] = []
    for name, text in rows:
        body = wrap(text, max(width - left - 2, 20)) if text else [""]
        if width_of(name) + 2 > left:
            out.append(f"  {name}")
            out.extend(" " * (left + 2) + line for line in body)
            continue
        pad = " " * (left - width_of(name))
        out.append(f"  {name}{pad}{body[0]}".rstrip())
        out.extend(" " * (left + 2) + line for line in body[1:])
    return out


def usage_line(ctx: _click.Context, command: _click.Command) -> str:
    pieces = ["[选项]"] if any(p.param_type_name == "option" for p in command.get_params(ctx)) else []
    pieces += [_metavar(p) for p in command.get_params(ctx) if p.param_type_name == "argument"]
    if hasattr(command, "list_commands"):
        pieces.append("命令 [参数]…")
    return f"用法：{ctx.command_path} {' '.join(pieces)}".rstrip()


def render_help(ctx: _click.Context, command: _click.Command, width: int) -> str:
    """The whole help page: usage, description, arguments, options, commands."""
    out = [usage_line(ctx, command), ""]
    if command.help:
        for para in command.help.strip().split("\n\n"):
            out.extend(wrap(" ".join(para.split()), width))
            out.append("")
    arguments, options = _param_rows(ctx, command)
    for title, rows in (("参数", arguments), ("选项", options)):
        if rows:
            out.append(f"{title}：")
            out.extend(_definition_list(rows, width))
            out.append("")
    list_commands = getattr(command, "list_commands", None)
    if list_commands is not None:
        rows = []
        for name in list_commands(ctx):
            sub = command.get_command(ctx, name)  # type: ignore[attr-defined]
            if sub is not None and not sub.hidden:
                rows.append((name, " ".join((sub.help or "").strip().split("\n\n")[0].split())))
        out.append("命令：")
        out.extend(_definition_list(rows, width))
        out.append("")
        out.append(f"每个命令的用法：{PROG} 命令 -h")
        out.append("")
    return "\n".join(out)


def _help_width() -> int:
    import shutil

    return max(min(shutil.get_terminal_size((80, 24)).columns, 100) - 2, 50)


class _ChineseFrame:
    """Help and usage in Chinese; shared by the app (a group) and each command."""

    def format_usage(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        formatter.write(usage_line(ctx, self) + "\n")  # type: ignore[arg-type]

    def get_usage(self, ctx: _click.Context) -> str:
        return usage_line(ctx, self)  # type: ignore[arg-type]

    def format_help(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        formatter.write(render_help(ctx, self, _help_width()))  # type: ignore[arg-type]

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, **extra: Any) -> Any:
        """click's standalone main, with our messages for usage errors and aborts."""
        if extra.get("standalone_mode", True) is False:
            return super().main(args, prog_name, **extra)  # type: ignore[misc]
        extra["standalone_mode"] = False
        try:
            rv = super().main(args, prog_name, **extra)  # type: ignore[misc]
        except _exceptions.NoArgsIsHelpError as exc:
            sys.stderr.write(exc.ctx.get_help() + "\n")
            sys.exit(2)
        except _click.ClickException as exc:
            show_usage_error(exc)
            sys.exit(exc.exit_code)
        except typer.Abort:
            sys.stderr.write(f"{PROG}：已中止。\n")
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)


class ChineseCommand(_ChineseFrame, TyperCommand):  # type: ignore[misc]
    """A command whose help and usage errors are in Chinese."""


class ChineseGroup(_ChineseFrame, TyperGroup):  # type: ignore[misc]
    """The app: Chinese help listing the commands, Chinese usage errors."""


class App(typer.Typer):
    """typer.Typer whose commands default to `ChineseCommand`."""

    def command(
        self, name: str | None = None, *, cls: type[TyperCommand] | None = None, **kwargs: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        return super().command(name, cls=cls or ChineseCommand, **kwargs)
