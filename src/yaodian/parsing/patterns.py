"""Regular expressions compiled on first use.

A notice needs only some of the parser's hundred patterns (a web page's footer, a table set
apart by spaces, a date typed with O …), and compiling all of them cost `yaodian parse` several
milliseconds of start-up. `lazy()` returns an object that compiles its pattern the first time a
method is asked for and then keeps the compiled pattern's bound methods as its own attributes, so
later calls cost what a compiled pattern's do.
"""

from __future__ import annotations

import re
from typing import Any, cast


class _Lazy:
    """A pattern's source, compiled when first used."""

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Only called for attributes not yet set: compile, then keep every method on self.
        compiled = re.compile(self._source, self._flags)
        for method in ("search", "match", "fullmatch", "finditer", "findall", "sub", "split", "subn"):
            setattr(self, method, getattr(compiled, method))
        self.pattern = compiled.pattern
        return getattr(compiled, name)


def lazy(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, deferred to the pattern's first use."""
    return cast("re.Pattern[str]", _Lazy(source, flags))
