"""From raw text to logical lines: whitespace folded, look-alike characters mapped back, and
paragraphs that lost their breaks split again at numbering markers."""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from yaodian.parsing.markers import RANK, Marker, marker_at, match_marker
from yaodian.parsing.repair import repair
from yaodian.patterns import lazy

# Indentation and padding characters seen in notices: ideographic space, NBSP, thin spaces.
_SPACES = lazy(r"[\s\u3000\u00a0\u2000-\u200b\u202f\u205f\ufeff]+")

# Kangxi radicals and CJK radical supplements that some PDFs emit instead of the ideograph
# (⼀ for 一); NFKC maps them back, and only them: NFKC on the whole text would change ① and ….
_RADICALS = lazy(r"[\u2e80-\u2eff\u2f00-\u2fdf]")

# Where a numbering marker may start a new paragraph inside a line whose breaks were lost:
# after a sentence end or a closing bracket (spaces allowed), or after a run of spaces.
#   "…落地生根。 2.不断夯实…"   "…（省甲局牵头） （二）赋能…"   "…党的建设 1.深入学习…"
# The match ends where the marker starts.
# (Written to start with a character set, which the engine skips to quickly: lines are stripped,
# so a space always has something before it.)
_BREAK_BEFORE = lazy(
    r"[。；;！!？?)）〉】”\"\s]\s*(?=[(（]?[0-9０-９一二三四五六七八九十①-⑳]{1,3}[)）.．、])"
)
# With no punctuation or space at all, as when a page is pasted with its paragraphs run together:
#   "…牢牢把握正确方向1.坚持和加强…"  "…责任科室：人事科、教研室等2 .完善…"
# A marker between two ideographs starts a paragraph only when it is the very next number of its
# kind, or the first number of a kind below the last one seen (the first item under a heading).
# (Searched for the number itself and the character before it checked by hand: a pattern that
# starts with a look-behind is tried at every position of long lines.)
_LOOSE_BREAK = lazy(
    r"(?:[(（][0-9０-９一二三四五六七八九十]{1,3}[)）]|[0-9０-９一二三四五六七八九十]{1,3}\s*[.．、])\s*"
)
_NOT_BEFORE = "第约近超逾"


_ATTACHMENT_TAIL = lazy(r"附\s*件\s*\d*\s*[:：]\s*$")


class Line(NamedTuple):
    """One logical line of the input with its 1-based physical line number."""

    no: int
    text: str
    marker: Marker | None = None


def _tabs_to_bars(raw: str) -> str:
    """A table row copied from a spreadsheet or Word has its cells between tabs: make them the
    `cell | cell |` rows the table reader knows."""
    if "\t" not in raw:
        return raw
    cells = [c.strip() for c in raw.split("\t")]
    # Three cells at least: "1.<Tab>推进…" is a typed item number, not a row.
    if sum(1 for c in cells if c) < 3:
        return raw.replace("\t", " ")
    return " | ".join(cells) + " |"


# Cells set apart by runs of spaces, as a table pasted as plain text: "序号    工作任务    牵头单位"
_CELL_GAP = lazy(r"[ \u3000\u00a0]{2,}")


def _spaced_table_to_bars(raw_lines: list[str]) -> list[str]:
    """A table whose cells are apart by runs of spaces: from a header row of column words on,
    each row with two or more such cells becomes a `cell | cell |` row."""
    from yaodian.parsing.table import column_role

    out: list[str] = []
    in_table = False
    for raw in raw_lines:
        if not in_table and "  " not in raw and "\u3000\u3000" not in raw:
            out.append(raw)  # no run of spaces: neither a header nor a row
            continue
        cells = [c for c in _CELL_GAP.split(raw.strip()) if c]
        if len(cells) >= 2 and not in_table:
            in_table = all(column_role(c) is not None for c in cells)
        elif len(cells) < 2:
            in_table = False
        out.append(" | ".join(cells) + " |" if in_table else raw)
    return out


# "【牵头单位】" "【责任单位】": a label in black brackets, no colon.
_BLACK_LABEL = lazy(
    r"【\s*((?:主要|具体|总)?(?:牵头|主责|主办|承办|责任|配合|协办|参与|协助|协同|实施|落实)[^】]{0,6})\s*】"
)


def clean(text: str) -> str:
    """Fold the whitespace of one line and map radical look-alikes back to ideographs."""
    text = _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return _SPACES.sub(" ", text).strip()


def _black_labels(paragraph: str) -> str:
    """A label set in black brackets written as a label: "【责任单位】甲局" → "责任单位：甲局" (on
    the mended paragraph: a wrap may have cut the brackets apart)."""
    if "【" not in paragraph:
        return paragraph
    return _BLACK_LABEL.sub(r" \1：", paragraph).strip()


class _Sequence:
    """Tracks the last number seen for each marker kind, to tell a real marker in mid-line
    (the next number in sequence, or a restart at 1) from a number that happens to follow a
    full stop."""

    def __init__(self) -> None:
        self.last: dict[str, int] = {}
        self.kind: str | None = None

    def fits(self, marker: Marker) -> bool:
        return marker.value == 1 or marker.value == self.last.get(marker.kind, 0) + 1

    def follows(self, marker: Marker) -> bool:
        """Stricter than `fits`, for markers with nothing around them: the next number of a
        kind already seen, or 1 for a kind below the last marker's."""
        if marker.value == 1:
            # The first marker of all: the body of a notice run onto one line starts here.
            if self.kind is None:
                return marker.kind in ("part", "cn", "num", "paren_cn")
            return RANK[marker.kind] > RANK[self.kind]
        return marker.value == self.last.get(marker.kind, -1) + 1

    def see(self, marker: Marker) -> None:
        self.last[marker.kind] = marker.value
        self.kind = marker.kind


def logical_lines(text: str) -> list[Line]:
    """Split text into cleaned, non-empty logical lines, breaking lost paragraphs at markers."""
    seq = _Sequence()
    out: list[Line] = []
    raw_lines = _spaced_table_to_bars([_tabs_to_bars(raw) for raw in text.splitlines()])
    for no, mended in repair([clean(raw) for raw in raw_lines]):
        line = _black_labels(mended)
        start = 0
        marker = match_marker(line)
        if marker is not None and marker.needs_sequence and not seq.fits(marker):
            marker = None
        if marker is not None:
            seq.see(marker)
        pieces: list[tuple[str, Marker | None]] = []
        for pos, loose in _break_candidates(line):
            if pos <= start:
                continue
            found = marker_at(line, pos, mid_line=True)
            if found is None or not line[found.end :].strip():
                continue
            if not (seq.follows(found) if loose else seq.fits(found)):
                continue
            if _ATTACHMENT_TAIL.search(line, max(0, pos - 20), pos):
                continue  # "附件：1.某某要点 2.某某表" lists attachments, not items
            pieces.append((line[start:pos].strip(), marker))
            start, marker = pos, found
            seq.see(found)
        pieces.append((line[start:].strip(), marker))
        # Markers were found at positions in the whole line; measure them again in their piece.
        out.extend(Line(no, piece, marker_at(piece) if mk else None) for piece, mk in pieces if piece)
    return out


def _ideograph(ch: str, extra: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or ch in extra)


def _break_candidates(line: str) -> list[tuple[int, bool]]:
    """Positions where a marker may start a paragraph, in order; True for the loose kind."""
    found = {m.end(): False for m in _BREAK_BEFORE.finditer(line)}
    if len(line) > 40:
        for m in _LOOSE_BREAK.finditer(line):
            pos = m.start()
            before, after = line[pos - 1 : pos], line[m.end() : m.end() + 1]
            # (The characters around are checked here: a pattern with the whole CJK range in a
            # set costs milliseconds to compile at every start-up.)
            if _ideograph(before, "”）)") and before not in _NOT_BEFORE and _ideograph(after, "“"):
                found.setdefault(pos, True)
    return sorted(found.items())
