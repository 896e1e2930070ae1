"""Split text into sentences, keeping where each starts, so quotes and spans point into the text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from chiso.extract.caseless import Gated

# A sentence ends at . ! ? … (not inside a number such as 911.000 or an abbreviation like "TP.")
# followed by space and a capital, quote or digit; or at a line break.
_END_SOURCE = r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(\[]?[A-ZÀ-Ỹ0-9Đ])|\n+"
# an end starts with a closing quote or bracket, or a space: the look-ahead gives up every
# other place at once (tests/extract/test_rewritten.py checks it against the pattern without it)
_END = re.compile(r"(?=[\s\"”’)])(?:" + _END_SOURCE + ")")
_NOT_END = Gated(r"(?:\b(?:TP|Tp|ThS|TS|PGS|GS|Th\.S|St|Mr|Dr|Q|P)\.)$")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split(text: str) -> Iterator[Sentence]:
    """Yield the sentences of `text` with their character offsets."""
    start = 0
    for m in _END.finditer(text):
        piece_end = m.start()
        if _NOT_END.search(text[start:piece_end]) and "\n" not in m.group(0):
            continue
        yield from _emit(text, start, piece_end)
        start = m.end()
    yield from _emit(text, start, len(text))


def _emit(text: str, start: int, end: int) -> Iterator[Sentence]:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    s = start + lead
    yield Sentence(s, s + len(stripped), stripped)
