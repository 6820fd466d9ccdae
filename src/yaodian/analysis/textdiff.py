"""Character-level differences between two item texts (文字改动), cleaned up to read in phrases.

A raw character diff of Chinese is unreadable: common characters line up by chance and leave a
comb of one-character equalities between edits, and `6000 → 5000` comes out as `6→5` plus an
unchanged `000`. Two clean-up passes fix that: short equalities between edits are folded into the
edits (the semantic clean-up of diff-match-patch, with a floor of two characters), and an edit
that touches a number is widened to the whole number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TextOpKind = Literal["equal", "delete", "insert"]

# Equalities this short between two edits are always folded into them: one or two characters
# shared by chance ("的", "工作") say nothing about what was kept.
_MIN_EQUALITY = 2

# Characters that make up a number: Arabic digits (both widths) and Chinese numerals; a decimal
# point counts when a digit follows it. A change that touches a run of them is widened to the run.
_NUMERALS = frozenset("0123456789０１２３４５６７８９〇零一二三四五六七八九十百千万亿两")
_POINTS = frozenset(".．")


@dataclass(frozen=True, kw_only=True)
class TextOp:
    """One piece of a text comparison (文字改动): text kept, deleted or inserted."""

    op: TextOpKind
    text: str


@dataclass
class _Edit:
    deleted: str
    inserted: str


_Chunk = str | _Edit  # a str is an equality


def diff_text(old: str, new: str) -> tuple[TextOp, ...]:
    """The differences between two texts as kept / deleted / inserted pieces, in reading order.

    Within one edit the deleted text comes before the inserted text. Joining the `equal` and
    `delete` pieces gives `old` back; joining `equal` and `insert` gives `new`.
    """
    if old == new:
        return (TextOp(op="equal", text=old),) if old else ()
    chunks = _raw_chunks(old, new)
    for _ in range(8):  # each pass only merges; a handful reaches the fixed point
        before = len(chunks)
        chunks = _snap_numbers(_fold_equalities(chunks))
        if len(chunks) == before:
            break
    chunks = _trim_shared(chunks)
    ops: list[TextOp] = []
    for chunk in chunks:
        if isinstance(chunk, str):
            ops.append(TextOp(op="equal", text=chunk))
            continue
        if chunk.deleted:
            ops.append(TextOp(op="delete", text=chunk.deleted))
        if chunk.inserted:
            ops.append(TextOp(op="insert", text=chunk.inserted))
    return tuple(ops)


def old_side(ops: tuple[TextOp, ...] | list[TextOp]) -> str:
    """The old text a diff was made from."""
    return "".join(o.text for o in ops if o.op != "insert")


def new_side(ops: tuple[TextOp, ...] | list[TextOp]) -> str:
    """The new text a diff was made from."""
    return "".join(o.text for o in ops if o.op != "delete")


def changed_share(ops: tuple[TextOp, ...] | list[TextOp]) -> float:
    """How much of the two texts is inside edits, from 0 (same) to 1 (rewritten)."""
    total = sum(len(o.text) * (2 if o.op == "equal" else 1) for o in ops)
    edited = sum(len(o.text) for o in ops if o.op != "equal")
    return edited / total if total else 0.0


def _raw_chunks(old: str, new: str) -> list[_Chunk]:
    from rapidfuzz.distance import Indel

    chunks: list[_Chunk] = []
    for op in Indel.opcodes(old, new):
        a0, a1, b0, b1 = int(op.src_start), int(op.src_end), int(op.dest_start), int(op.dest_end)
        if op.tag == "equal":
            chunks.append(old[a0:a1])
        else:
            _append_edit(chunks, old[a0:a1], new[b0:b1])
    return chunks


def _append_edit(chunks: list[_Chunk], deleted: str, inserted: str) -> None:
    if chunks and isinstance(chunks[-1], _Edit):
        chunks[-1].deleted += deleted
        chunks[-1].inserted += inserted
    else:
        chunks.append(_Edit(deleted, inserted))


def _normalise(chunks: list[_Chunk]) -> list[_Chunk]:
    """Drop empty pieces and join neighbours of the same kind."""
    out: list[_Chunk] = []
    for chunk in chunks:
        if isinstance(chunk, str):
            if not chunk:
                continue
            if out and isinstance(out[-1], str):
                out[-1] += chunk
            else:
                out.append(chunk)
        elif chunk.deleted or chunk.inserted:
            _append_edit(out, chunk.deleted, chunk.inserted)
    return out


def _fold_equalities(chunks: list[_Chunk]) -> list[_Chunk]:
    """Fold an equality between two edits into them when it is short next to both edits."""
    chunks = _normalise(chunks)
    out: list[_Chunk] = []
    k = 0
    while k < len(chunks):
        chunk = chunks[k]
        if (
            isinstance(chunk, str)
            and out
            and isinstance(out[-1], _Edit)
            and k + 1 < len(chunks)
            and isinstance(chunks[k + 1], _Edit)
        ):
            left = out[-1]
            right = chunks[k + 1]
            assert isinstance(right, _Edit)
            size = len(chunk)
            if size <= _MIN_EQUALITY or (
                size <= max(len(left.deleted), len(left.inserted))
                and size <= max(len(right.deleted), len(right.inserted))
            ):
                left.deleted += chunk + right.deleted
                left.inserted += chunk + right.inserted
                k += 2
                continue
        out.append(chunk if isinstance(chunk, str) else _Edit(chunk.deleted, chunk.inserted))
        k += 1
    return _normalise(out)


def _trim_shared(chunks: list[_Chunk]) -> list[_Chunk]:
    """Move text that both sides of an edit start or end with into the neighbouring equality.

    `健全全|完善全` followed by `面` reads better as `健全|完善` followed by `全面`. Numerals stay
    in the edit: they were put there on purpose by `_snap_numbers`.
    """
    chunks = ["", *chunks, ""]  # empty equalities at both ends, dropped again by _normalise
    for k, chunk in enumerate(chunks):
        if isinstance(chunk, str) or not chunk.deleted or not chunk.inserted:
            continue
        after = chunks[k + 1]
        if isinstance(after, str):
            n = 0
            while (
                n < min(len(chunk.deleted), len(chunk.inserted)) - 1
                and chunk.deleted[-1 - n] == chunk.inserted[-1 - n]
                and chunk.deleted[-1 - n] not in _NUMERALS
            ):
                n += 1
            if n:
                shared = chunk.deleted[-n:]
                chunk.deleted, chunk.inserted = chunk.deleted[:-n], chunk.inserted[:-n]
                chunks[k + 1] = shared + after
        before = chunks[k - 1]
        if isinstance(before, str):
            n = 0
            while (
                n < min(len(chunk.deleted), len(chunk.inserted)) - 1
                and chunk.deleted[n] == chunk.inserted[n]
                and chunk.deleted[n] not in _NUMERALS
            ):
                n += 1
            if n:
                shared = chunk.deleted[:n]
                chunk.deleted, chunk.inserted = chunk.deleted[n:], chunk.inserted[n:]
                chunks[k - 1] = before + shared
    return _normalise(chunks)


def _snap_numbers(chunks: list[_Chunk]) -> list[_Chunk]:
    """Widen edits that cut into a number so that the whole number is replaced."""
    chunks = list(chunks)
    for k, chunk in enumerate(chunks):
        if isinstance(chunk, str):
            continue
        before = chunks[k - 1] if k > 0 else None
        if isinstance(before, str) and before and _starts_numeric(chunk):
            run = _numeral_suffix(before)
            if run:
                chunks[k - 1] = before[: len(before) - len(run)]
                chunk.deleted = run + chunk.deleted
                chunk.inserted = run + chunk.inserted
        after = chunks[k + 1] if k + 1 < len(chunks) else None
        if isinstance(after, str) and after and _ends_numeric(chunk):
            run = _numeral_prefix(after)
            if run:
                chunks[k + 1] = after[len(run) :]
                chunk.deleted += run
                chunk.inserted += run
    return _normalise(chunks)


def _starts_numeric(edit: _Edit) -> bool:
    return any(s and s[0] in _NUMERALS for s in (edit.deleted, edit.inserted))


def _ends_numeric(edit: _Edit) -> bool:
    return any(s and s[-1] in _NUMERALS for s in (edit.deleted, edit.inserted))


def _numeral_suffix(text: str) -> str:
    k = len(text)
    while k > 0 and (
        text[k - 1] in _NUMERALS or (text[k - 1] in _POINTS and k >= 2 and text[k - 2] in _NUMERALS)
    ):
        k -= 1
    return text[k:]


def _numeral_prefix(text: str) -> str:
    k = 0
    while k < len(text) and (
        text[k] in _NUMERALS or (text[k] in _POINTS and k + 1 < len(text) and text[k + 1] in _NUMERALS)
    ):
        k += 1
    return text[:k]
