"""yaodian（要点）: read Chinese government work-plan notices (工作要点) into who-does-what.

from yaodian import parse_file
notice = parse_file("samples/changde-2024.txt")
for item in notice.items:
    print(item.number, item.title, [o.name for o in item.leads])
"""

from __future__ import annotations

from yaodian.api import parse_file, parse_text
from yaodian.errors import InputError, OutputError, ParseError, YaodianError
from yaodian.model import Item, Notice, OfficeRef, Section
from yaodian.version import __version__

__all__ = [
    "InputError",
    "Item",
    "Notice",
    "OfficeRef",
    "OutputError",
    "ParseError",
    "Section",
    "YaodianError",
    "__version__",
    "parse_file",
    "parse_text",
]
