"""Case-insensitive patterns matched without case-insensitive comparisons, for speed.

Python's `re` compares every letter of an IGNORECASE alternation one by one at each place in
the text; a case-sensitive alternation skips the alternatives whose first letter differs. So a
`Caseless` pattern lower-cases the text once and matches it with the pattern written in lower
case. The result is the same as `re.compile(source, re.IGNORECASE)` gives: `str.lower` maps each
character to the one IGNORECASE compares it as, except for the few characters in `_SPECIAL`
(dotted and dotless I, long s, some Greek and Cyrillic letters), and a text holding any of them
is matched by the IGNORECASE pattern itself (tests/extract/test_caseless.py checks both).

Matches are of the lower-cased text: their spans are the text's (one character for one), their
groups are in lower case.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

# characters whose str.lower() is not what IGNORECASE compares them as (test_caseless checks it)
_SPECIAL = re.compile("[\u0130\u0131\u017f\u0399\u039c\u03a3\u03b9\u03bc\u03c3\u03d0\u03d1\u03d5"
                      "\u03d6\u03f0\u03f1\u03f5\u1c80-\u1c87\u1e9b\u1fbe\u1fd3\u1fe3\ua64a\ua64b"
                      "\ufb06]")
_ESCAPE_OK = frozenset("wWdDsSbBAZ\\.^$|?*+()[]{}-/ &~#'\"%,:;<=>@!`_\n\t\r\v\f")
_ASCII_RANGE = re.compile(r"[a-zA-Z]-[a-zA-Z]|\d-\d")


def _lower_source(source: str) -> str:
    """The pattern with its letters in lower case; escapes and group names kept as written."""
    if _SPECIAL.search(source) or "(?P=" in source:
        raise ValueError(f"caseless: unsupported pattern {source!r}")
    out: list[str] = []
    i, n, in_class = 0, len(source), False
    while i < n:
        c = source[i]
        if c == "\\":
            if source[i + 1] not in _ESCAPE_OK and not source[i + 1].isdigit():
                raise ValueError(f"caseless: unsupported escape in {source!r}")
            out.append(source[i:i + 2])
            i += 2
            continue
        if source.startswith("(?P<", i):
            end = source.index(">", i)
            out.append(source[i:end + 1])
            i = end + 1
            continue
        if source.startswith("(?", i) and source[i + 2:i + 3] not in (":", "=", "!", "<"):
            raise ValueError(f"caseless: inline flags in {source!r}")
        if in_class and c == "-" and out and out[-1] != "[" and source[i + 1:i + 2] != "]":
            span = out[-1][-1] + "-" + source[i + 1]
            if not _ASCII_RANGE.fullmatch(span):
                raise ValueError(f"caseless: range {span!r} in {source!r}")
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class and out[-1] != "[":
            in_class = False
        out.append(c.lower())
        i += 1
    return "".join(out)


class Caseless:
    """`re.compile(source, re.IGNORECASE)`, faster on text without the characters of `_SPECIAL`."""

    __slots__ = ("_ignorecase", "_lower", "pattern")

    def __init__(self, source: str) -> None:
        self.pattern = source
        self._lower = re.compile(_lower_source(source))
        self._ignorecase: re.Pattern[str] | None = None  # compiled when first needed

    def pick(self, text: str) -> tuple[re.Pattern[str], str]:
        """The compiled pattern to match and the string to match it on: the text in lower case,
        or the text itself for the IGNORECASE pattern when it holds a character of `_SPECIAL`.
        Either way the offsets are the text's; groups may be in lower case."""
        if _SPECIAL.search(text):
            if self._ignorecase is None:
                self._ignorecase = re.compile(self.pattern, re.IGNORECASE)
            return self._ignorecase, text
        return self._lower, text.lower()

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        rx, s = self.pick(text)
        return rx.search(s, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        rx, s = self.pick(text)
        return rx.match(s, pos, endpos)

    def finditer(self, text: str, pos: int = 0,
                 endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        rx, s = self.pick(text)
        return rx.finditer(s, pos, endpos)

    def spans(self, text: str, repl: str) -> str:
        """`text` with each match replaced by `repl` repeated over its length (its offsets kept)."""
        rx, s = self.pick(text)
        parts, pos = [], 0
        for m in rx.finditer(s):
            parts += [text[pos:m.start()], repl * (m.end() - m.start())]
            pos = m.end()
        parts.append(text[pos:])
        return "".join(parts)
