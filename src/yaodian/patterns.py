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


class Words:
    """A list of words, found with `in` or `str.endswith` rather than a regular expression: an
    alternation of Chinese words costs a millisecond to compile at every start-up and nothing
    here. `search(text)` answers as a pattern's would in a condition: true where a word stands
    (at the end only, for `ending`)."""

    def __init__(self, words: str, *, at_end: bool = False) -> None:
        self.words = tuple(words.split("|"))
        self.at_end = at_end

    def search(self, text: str) -> bool:
        if self.at_end:
            return text.endswith(self.words)
        return any(map(text.__contains__, self.words))


def ending(words: str) -> Words:
    """Words a text may end with: "科|室|局" (as the pattern "(?:科|室|局)$")."""
    return Words(words, at_end=True)


def containing(words: str) -> Words:
    """Words a text may contain anywhere: "牵头|配合" (as the pattern "牵头|配合")."""
    return Words(words)
