"""The command-line interface. Each module registers its commands on the shared app."""

from __future__ import annotations

from yaodian.cli import batch as _batch  # noqa: F401  (registers batch, check)
from yaodian.cli import diff as _diff  # noqa: F401  (registers diff)
from yaodian.cli import export as _export  # noqa: F401  (registers matrix, sheets, tasks)
from yaodian.cli import parse as _parse  # noqa: F401  (registers parse, offices)
from yaodian.cli.common import app

__all__ = ["app", "main"]


def main() -> None:
    app()
