"""The user's office alias table (`--aliases FILE`): TOML mapping a canonical office name to its
other spellings, e.g. `"基础教育科" = ["基教科", "基础科"]` (TOML needs the quotes)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from yaodian.errors import InputError
from yaodian.usertable import read_user_table


def load_aliases(path: str | Path) -> dict[str, str]:
    """Read an alias table; returns spelling → canonical name (canonical names map to themselves)."""
    p = Path(path)
    data = read_user_table(
        p, what="别名表", option="--aliases", example='"基础教育科" = ["基教科"]（中文名称要加引号）'
    )
    return alias_map(data, str(p))


def alias_map(data: Mapping[str, object], name: str = "别名表") -> dict[str, str]:
    """Validate a parsed alias table and invert it to spelling → canonical."""
    table: dict[str, str] = {}
    for canonical, spellings in data.items():
        if isinstance(spellings, str):
            spellings = [spellings]
        if not isinstance(spellings, list) or not all(isinstance(s, str) for s in spellings):
            raise InputError(f'{name}：“{canonical}”的值应是字符串列表，例如 {canonical} = ["简称"]。')
        table[canonical] = canonical
        for s in spellings:
            table[s.strip()] = canonical
    return table
