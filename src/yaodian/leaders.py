"""The user's leader table (`--leaders 分工.toml`): office → 分管领导, e.g. `"基教科" = "张副局长"`,
used for items where the notice names no leader."""

from __future__ import annotations

import tomllib
from pathlib import Path

from yaodian.errors import InputError


def load_leaders(path: str | Path) -> dict[str, str]:
    """Read a leader table; every value must be a string."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise InputError(f"{p}：分管领导表不存在；请检查 --leaders 的路径。") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}：分管领导表无法读取（应为 UTF-8 编码的 TOML 文件）。") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(
            f'{p}：分管领导表不是有效的 TOML（{exc}）；格式示例："基教科" = "张副局长"（中文要加引号）。'
        ) from exc
    table: dict[str, str] = {}
    for office, leader in data.items():
        if not isinstance(leader, str):
            raise InputError(f'{p}：“{office}”的值应是一个名字，例如 "{office}" = "张副局长"。')
        table[office.strip()] = leader.strip()
    return table
