"""Split text into sentences, keeping where each starts, so quotes and spans point into the text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from chiso.extract.caseless import Gated

# A sentence ends at . ! ? … (not inside a number such as 911.000 or an abbreviation like "TP.")
# followed by space and a capital, quote or digit, or a list's dash or bullet ("... trên môi trường
# mạng. - Tỷ lệ ...", a list its page ran into one line); or at a line break.
_END_SOURCE = r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(\[]?[A-ZÀ-Ỹ0-9Đ]|[-–•+*]\s)|\n+"
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
        if m.group(0) == "\n" and _wrapped(text, start, piece_end, m.end()):
            continue
        yield from _emit(text, start, piece_end)
        start = m.end()
    yield from _emit(text, start, len(text))


# a line broken by the layout inside a sentence: it ends on a word a number must follow ("Chính
# quyền số đạt", "xếp thứ", "ở mức") and the next line goes on with that number ("0,3512, ..."),
# or it ends on a word and the next line goes on, in lower case, with the verb that says the
# figure ("chỉ số Chính quyền số\nđạt 0,65 điểm"): no heading, item or sentence starts so
_OPEN_END = re.compile(r"(?<!\w)(?:đạt|là|ở mức|đạt mức|xếp thứ|xếp hạng|đứng thứ|chiếm|với)$")
_NUMBER_START = re.compile(r"\d(?!\d?[.)](?:\s|$))")  # not a list's "1. ...", "2) ..."
_LONE_VALUE = re.compile(r"\d[\d.,]*\s*(?:%|điểm|Mbps|Mb/s)?\s*[.;]?[ \t]*(?:\n|$)")
_VERB_START = re.compile(r"(?:đạt|xếp|đứng|chiếm|ở mức)\s[^\n]{0,30}?\d")
_WORD_END = re.compile(r"[^\W\d]$")
_LINE_GOES_ON = re.compile(r"[\w,%]$")  # a line cut after a word, a number or a comma
_ITEM_START = re.compile(r"[a-zđ][.)]\s")  # "a) Hạ tầng số": a list's item, not a line going on


def _wrapped(text: str, start: int, end: int, after: int) -> bool:
    """Does the line ending at `end` go on after the line break, at `after`?"""
    if _NUMBER_START.match(text, after) is not None:
        if end > start and text[end - 1] == ":" and _LONE_VALUE.match(text, after):
            return True  # "- Tỷ lệ dùng chung vị trí BTS:\n14,03%.": a label and its value
        return _OPEN_END.search(text, max(start, end - 12), end) is not None
    if (after < len(text) and text[after].islower() and not _ITEM_START.match(text, after)
            and _LINE_GOES_ON.search(text, max(start, end - 1), end) is not None):
        return True  # a page's line wrapped mid-sentence: "80% hồ sơ công việc\ntại cấp huyện"
    return (_VERB_START.match(text, after) is not None
            and _WORD_END.search(text, max(start, end - 1), end) is not None)


def _emit(text: str, start: int, end: int) -> Iterator[Sentence]:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    s = start + lead
    yield Sentence(s, s + len(stripped), stripped)
