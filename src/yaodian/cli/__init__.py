"""The command-line interface: one module per command, each registering it on the shared app."""

from __future__ import annotations

from yaodian.cli import batch as _batch  # noqa: F401
from yaodian.cli import check as _check  # noqa: F401
from yaodian.cli import collect as _collect  # noqa: F401
from yaodian.cli import diff as _diff  # noqa: F401
from yaodian.cli import export as _export  # noqa: F401
from yaodian.cli import forms as _forms  # noqa: F401
from yaodian.cli import ledger as _ledger  # noqa: F401
from yaodian.cli import matrix as _matrix  # noqa: F401
from yaodian.cli import offices as _offices  # noqa: F401

# One module per command; importing it registers the command on the app.
from yaodian.cli import parse as _parse  # noqa: F401
from yaodian.cli import report as _report  # noqa: F401
from yaodian.cli import sheets as _sheets  # noqa: F401
from yaodian.cli import status as _status  # noqa: F401
from yaodian.cli import tasks as _tasks  # noqa: F401
from yaodian.cli.common import app

__all__ = ["app", "main"]


def main() -> None:
    app()
