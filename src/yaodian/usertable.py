"""A table the user writes in TOML (`--aliases`, `--leaders`): read once, with one message for
each way it can be wrong, naming the file and showing the form it should have."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from yaodian.errors import InputError


def read_user_table(path: Path, *, what: str, option: str, example: str) -> dict[str, Any]:
    """The parsed table. `what` names it (别名表), `option` is the flag that gave the path and
    `example` a line of the right form with its note on quotes."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise InputError(f"{path}：{what}不存在；请检查 {option} 的路径。") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}：{what}无法读取（应为 UTF-8 编码的 TOML 文件）。") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}：{what}不是有效的 TOML（{exc}）；格式示例：{example}。") from exc
