"""The user's leader table (`--leaders 分工.toml`): office → 分管领导, e.g. `"基教科" = "张副局长"`,
used for items where the notice names no leader."""

from __future__ import annotations

from pathlib import Path

from yaodian.errors import InputError
from yaodian.usertable import read_user_table


def load_leaders(path: str | Path) -> dict[str, str]:
    """Read a leader table; every value must be a string."""
    p = Path(path)
    data = read_user_table(
        p, what="分管领导表", option="--leaders", example='"基教科" = "张副局长"（中文要加引号）'
    )
    table: dict[str, str] = {}
    for office, leader in data.items():
        if not isinstance(leader, str):
            raise InputError(f'{p}：“{office}”的值应是一个名字，例如 "{office}" = "张副局长"。')
        table[office.strip()] = leader.strip()
    return table
