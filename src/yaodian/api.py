"""The library entry points: `parse_file` and `parse_text` return a `Notice`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from yaodian.model import Notice, Source


def parse_file(
    path: str | Path,
    *,
    encoding: str | None = None,
    aliases: str | Path | Mapping[str, str] | None = None,
    strict: bool = False,
) -> Notice:
    """Read a notice file (txt, docx, pdf, html, doc; "-" for stdin) and parse it."""
    from yaodian.reading import read_path

    doc = read_path(path, encoding=encoding)
    return parse_text(doc.text, source=doc.source, aliases=aliases, strict=strict)


def parse_text(
    text: str,
    *,
    source: Source | None = None,
    aliases: str | Path | Mapping[str, str] | None = None,
    strict: bool = False,
) -> Notice:
    """Parse the text of a notice. Raises `ParseError` when no task item is found."""
    from yaodian.parsing import parse_notice

    table: Mapping[str, str] | None
    if aliases is None or isinstance(aliases, Mapping):
        table = aliases
    else:
        from yaodian.aliases import load_aliases  # tomllib: only when a table is given

        table = load_aliases(aliases)
    return parse_notice(text, source=source or Source(path="<文本>"), aliases=table, strict=strict)
