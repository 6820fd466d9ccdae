"""The command-line interface: one module per command, each registering it on the shared app.

Typer builds the options of every registered command on each run, so `main()` imports only the
module of the command being run (all of them for `yaodian --help` or an unknown word): start-up
does not grow with the number of commands. `from yaodian.cli import app` gives the app with every
command, as the tests and the help need it.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import Any

# Each command and the module that registers it, in the order `yaodian --help` lists them.
COMMANDS = (
    "batch",
    "check",
    "collect",
    "diff",
    "export",
    "forms",
    "ledger",
    "matrix",
    "offices",
    "parse",
    "report",
    "sheets",
    "status",
    "tasks",
)

__all__ = ["COMMANDS", "app", "main"]


def _register(names: tuple[str, ...]) -> None:
    for name in names:
        import_module(f"yaodian.cli.{name}")


def __getattr__(name: str) -> Any:
    if name == "app":
        _register(COMMANDS)
        from yaodian.cli.common import app

        return app
    raise AttributeError(name)


def main() -> None:
    from yaodian.cli.common import app

    word = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), None)
    _register((word,) if word in COMMANDS else COMMANDS)
    app()
