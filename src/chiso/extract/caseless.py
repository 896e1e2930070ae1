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

A pattern anchored at the end ("(?:ngày|tháng|quý)\\s*$", searched in the 40 characters before a
number) is tried at every place of the text; most texts end otherwise. So `search` first checks
that the text, trailing spaces aside, ends with one of the endings the pattern's matches must
have (`endings`, read from the parsed pattern), and tries the pattern only then.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterator
from re import _constants as _sre_op
from re import _parser as _sre_parse

# characters whose str.lower() is not what IGNORECASE compares them as (test_caseless checks it)
_SPECIAL = re.compile("[\u0130\u0131\u017f\u0399\u039c\u03a3\u03b9\u03bc\u03c3\u03d0\u03d1\u03d5"
                      "\u03d6\u03f0\u03f1\u03f5\u1c80-\u1c87\u1e9b\u1fbe\u1fd3\u1fe3\ua64a\ua64b"
                      "\ufb06]")
_special = _SPECIAL.search
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


# A tail is (ending, open, last): every match, its trailing whitespace stripped, ends with
# `ending`; while `open`, what comes before in the pattern is still to be read into it. A match
# ending with a class of characters (`quý\s+[IVX\d]+$`) has no ending but its `last` character,
# a class matching no whitespace (its source, "[ivx\d]"), written only with the ending empty.
_Tail = tuple[str, bool, str]
_Tails = frozenset[_Tail]
_REPEATS = (_sre_op.MAX_REPEAT, _sre_op.MIN_REPEAT, _sre_op.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (_sre_op.AT, _sre_op.ASSERT, _sre_op.ASSERT_NOT)
_ENDS = ((_sre_op.AT, _sre_op.AT_END), (_sre_op.AT, _sre_op.AT_END_STRING))
_NO_SPACE_CATEGORIES = {_sre_op.CATEGORY_DIGIT: r"\d", _sre_op.CATEGORY_WORD: r"\w"}


class Endings:
    """What every match of an end-anchored pattern ends with, its trailing whitespace aside: one
    of `strings`, or a character `last` matches. A text ending otherwise cannot match."""

    __slots__ = ("last", "strings")

    def __init__(self, strings: tuple[str, ...], last: re.Pattern[str] | None) -> None:
        self.strings = strings
        self.last = last

    def may_match(self, text: str) -> bool:
        end = text.rstrip()
        return end.endswith(self.strings) or (self.last is not None
                                              and self.last.match(end[-1:]) is not None)


@functools.cache
def _parsed(source: str) -> list:
    """A pattern's items as `re` parses them, parsed once for the readings below (which only
    read them): parsing is most of what they cost at start-up."""
    return list(_sre_parse.parse(source).data)


def endings(source: str) -> Endings | None:
    """The endings of a pattern anchored at the end (`$`, or an alternation of such), read from
    the parsed pattern; None when it is not anchored or some match may end otherwise (with
    `[^,;.]{0,25}$`, with nothing but spaces)."""
    tails = _anchored(_parsed(source))
    if tails is None or any(not end and not last for end, _, last in tails):
        return None
    ends = {end for end, _, _ in tails if end}
    # an ending that ends with another says no more than it: "tăng gần" with "gần"
    kept = tuple(sorted(e for e in ends if not any(e[k:] in ends for k in range(1, len(e)))))
    classes = sorted({last for _, _, last in tails if last})
    return Endings(kept, re.compile("|".join(classes)) if classes else None)


def _anchored(items: list) -> _Tails | None:
    """The tails of a pattern ending with `$` (or an alternation of such), else None."""
    if items and items[-1] in _ENDS:
        return _tails(items[:-1], frozenset({("", True, "")}))
    if len(items) == 1 and items[0][0] is _sre_op.SUBPATTERN:
        return _anchored(list(items[0][1][3].data))
    if len(items) == 1 and items[0][0] is _sre_op.BRANCH:
        out: set[_Tail] = set()
        for alt in items[0][1][1]:
            got = _anchored(list(alt.data))
            if got is None:
                return None
            out |= got
        return frozenset(out)
    return None


def _tails(items: list, tails: _Tails) -> _Tails | None:
    """The tails after reading `items` (a sequence, from its end) before `tails`."""
    for op, av in reversed(items):
        if not any(is_open for _, is_open, _ in tails):
            break
        got = _item(op, av, tails)
        if got is None:
            return None
        tails = got
    return tails


def _chars(op: object, av: object) -> set[str] | None:
    """The characters one item matches, when it is a literal or a class of a few literals."""
    if op is _sre_op.LITERAL:
        return {chr(av)}  # type: ignore[arg-type]
    if op is not _sre_op.IN:
        return None
    out: set[str] = set()
    for member, value in av:  # type: ignore[attr-defined]
        if member is _sre_op.LITERAL:
            out.add(chr(value))
        elif member is _sre_op.RANGE and value[1] - value[0] < 16:
            out.update(chr(o) for o in range(value[0], value[1] + 1))
        else:
            return None  # a category, a negation, a wide range: too many to list
    return out


def _class(op: object, av: object) -> str:
    r"""The source of a class of one character that matches no whitespace ("[ivx\d]"), or ""."""
    if op is not _sre_op.IN:
        return ""
    parts = []
    for member, value in av:  # type: ignore[attr-defined]
        if member is _sre_op.LITERAL and not chr(value).isspace():
            parts.append(re.escape(chr(value)))
        elif member is _sre_op.RANGE and not any(chr(o).isspace()
                                                 for o in range(value[0], value[1] + 1)):
            parts.append(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
        elif member is _sre_op.CATEGORY and value in _NO_SPACE_CATEGORIES:
            parts.append(_NO_SPACE_CATEGORIES[value])
        else:
            return ""  # a negation, a category holding spaces: it may end with a space
    return "[" + "".join(parts) + "]"


def _spaces(op: object, av: object) -> bool:
    r"""Does the item match whitespace only (`\s`, a space)?"""
    if op is _sre_op.IN and av == [(_sre_op.CATEGORY, _sre_op.CATEGORY_SPACE)]:
        return True
    chars = _chars(op, av)
    return chars is not None and all(c.isspace() for c in chars)


def _item(op: object, av: object, tails: _Tails) -> _Tails | None:
    if op in _ZERO_WIDTH:
        return tails  # it matches no character: the matched text is the same
    if op is _sre_op.SUBPATTERN:
        return _tails(list(av[3].data), tails)  # type: ignore[index]
    if op is _sre_op.ATOMIC_GROUP:
        return _tails(list(av.data), tails)  # type: ignore[attr-defined]
    if op is _sre_op.BRANCH:
        out: set[_Tail] = set()
        for alt in av[1]:  # type: ignore[index]
            got = _tails(list(alt.data), tails)
            if got is None:
                return None
            out |= got
        return frozenset(out)
    if op in _REPEATS:
        low, high, sub = av  # type: ignore[misc]
        items = list(sub.data)
        skipped = tails if low == 0 else frozenset()
        if high == 0:
            return tails
        if high == 1:
            once = _tails(items, tails)
            return None if once is None else once | skipped
        if len(items) == 1 and _spaces(*items[0]):
            # spaces of any number: stripped at the end, else the ending is read no further
            return frozenset((e, o and not e, c) for e, o, c in tails) | skipped
        once = _tails(items, tails)  # the last time round; the times before come before it
        return None if once is None else frozenset((e, False, c) for e, _, c in once) | skipped
    chars = _chars(op, av)
    out = set()
    for end, is_open, last in tails:
        if not is_open:
            out.add((end, False, last))
        elif not end and _spaces(op, av):
            out.add(("", True, ""))  # spaces with only spaces after them: stripped with them
        elif chars is not None:  # a space with only spaces after it is stripped too
            out.update(("", True, "") if not end and c.isspace() else (c + end, True, "")
                       for c in chars)
        elif not end:
            out.add(("", False, _class(op, av)))  # the last character, of a class, or anything
        else:
            out.add((end, False, ""))  # any other item: the ending is read no further
    return frozenset(out)


def needs(source: str, uncased: bool = False) -> tuple[str, ...] | None:
    """Strings one of which every match of the pattern holds, read from the parsed pattern (its
    literal words: "dti" or "chuyển đổi số" for `\\bdti\\b|chuyển đổi số`); None when a match may
    hold none of a few (`\\d+`, an alternation of many words). A text holding none of them
    cannot match: the pattern need not be tried. `uncased`: of the pattern matched with
    IGNORECASE, strings of digits and ASCII signs only, which it matches as written ("19" or
    "20" for `năm ((?:19|20)\\d\\d)`)."""
    found = _needs(_parsed(source), uncased)
    if not found:
        return None
    # a text holding "trung bình " holds "trung bình": the longer says no more
    kept = tuple(sorted(n for n in found if not any(o != n and o in n for o in found)))
    return kept if len(kept) <= _FEW_NEEDS else None


_FEW_NEEDS = 16  # more strings to look for cost more than the pattern's own search


def _needs(items: list, uncased: bool = False) -> frozenset[str] | None:
    """The strings one of which every match of a sequence holds: the best of its items' (a run
    of literals, or what an alternation, a group or a repeat of one or more holds)."""
    options: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is _sre_op.LITERAL and (not uncased or _as_written(chr(av))):  # type: ignore[arg-type]
            run += chr(av)  # type: ignore[arg-type]
            continue
        if op in _ZERO_WIDTH:
            continue  # a run of literals goes on past an assertion: the text matched is one
        if run:
            options.append(frozenset({run}))
            if op is _sre_op.BRANCH:  # "1" then "00" or ".000": "100" or "1.000"
                options.append(frozenset(run + _literal_start(list(alt.data), uncased)
                                         for alt in av[1]))  # type: ignore[index]
            run = ""
        got = _item_needs(op, av, uncased)
        if got is not None:
            options.append(got)
    if run:
        options.append(frozenset({run}))
    if not options:
        return None
    # strings of three characters or more, which few texts hold by chance ("mức", not " " or
    # "t"); then the fewest strings to look for, the longest shortest one of them
    return min(options, key=lambda o: (min(map(len, o)) < 3, len(o), -min(map(len, o))))


def _literal_start(items: list, uncased: bool) -> str:
    """The literals a sequence starts with (before anything else it holds)."""
    out = ""
    for op, av in items:
        if op is not _sre_op.LITERAL or (uncased and not _as_written(chr(av))):  # type: ignore[arg-type]
            break
        out += chr(av)  # type: ignore[arg-type]
    return out


def _item_needs(op: object, av: object, uncased: bool) -> frozenset[str] | None:
    if op is _sre_op.BRANCH:
        out: set[str] = set()
        for alt in av[1]:  # type: ignore[index]
            got = _needs(list(alt.data), uncased)
            if got is None:
                return None
            out |= got
        return frozenset(out)
    if op is _sre_op.SUBPATTERN:
        return _needs(list(av[3].data), uncased)  # type: ignore[index]
    if op is _sre_op.ATOMIC_GROUP:
        return _needs(list(av.data), uncased)  # type: ignore[attr-defined]
    if op in _REPEATS:
        low, _, sub = av  # type: ignore[misc]
        return _needs(list(sub.data), uncased) if low >= 1 else None
    chars = _chars(op, av)
    if not chars or (uncased and not all(map(_as_written, chars))):
        return None
    return frozenset(chars)


def _as_written(c: str) -> bool:
    """Does IGNORECASE match `c` as written only (a digit or an ASCII sign, no letter)?"""
    return c.isascii() and not c.isalpha()


def firsts(source: str) -> frozenset[str] | None:
    """The characters every match of the pattern starts with, when they are a few literals
    (after look-behinds: "t" and "n" for `(?<!\\w)(?:tăng|nâng)`); None when a match may be
    empty or start with any character of a class."""
    got, empty = _firsts(_parsed(source))
    return None if got is None or empty or not got else frozenset(got)


def _firsts(items: list) -> tuple[set[str] | None, bool]:
    """(the characters a match of the sequence may start with, or None; may it be empty)"""
    out: set[str] = set()
    for op, av in items:
        got, empty = _item_firsts(op, av)
        if got is None:
            return None, False
        out |= got
        if not empty:
            return out, False
    return out, True


def _item_firsts(op: object, av: object) -> tuple[set[str] | None, bool]:
    if op in _ZERO_WIDTH:
        return set(), True
    if op is _sre_op.SUBPATTERN:
        return _firsts(list(av[3].data))  # type: ignore[index]
    if op is _sre_op.ATOMIC_GROUP:
        return _firsts(list(av.data))  # type: ignore[attr-defined]
    if op is _sre_op.BRANCH:
        out: set[str] = set()
        empty = False
        for alt in av[1]:  # type: ignore[index]
            got, alt_empty = _firsts(list(alt.data))
            if got is None:
                return None, False
            out |= got
            empty = empty or alt_empty
        return out, empty
    if op in _REPEATS:
        low, high, sub = av  # type: ignore[misc]
        if high == 0:
            return set(), True
        got, empty = _firsts(list(sub.data))
        return (None, False) if got is None else (got, empty or low == 0)
    return _chars(op, av), False


def look_first(source: str) -> str:
    """The pattern, led by a look-ahead for the characters its matches start with when it opens
    otherwise than with a character (with an assertion, `(?<!\\w)`): the search gives up every
    other place at once, not after the assertion and each alternative."""
    chars = firsts(source)
    if chars is None or _plain_start(_parsed(source)):
        return source
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])(?:" + source + ")"


def _plain_start(items: list) -> bool:
    """Does the pattern start with a character or a class, in every alternative, as `re`
    needs to skip to the places it may match at by itself?"""
    if not items:
        return False
    op, av = items[0]
    if op in (_sre_op.LITERAL, _sre_op.IN):
        return True
    if op is _sre_op.SUBPATTERN:
        return _plain_start(list(av[3].data))
    if op is _sre_op.BRANCH:
        return all(_plain_start(list(alt.data)) for alt in av[1])
    return False


def _lacks(text: str, strings: tuple[str, ...] | None, pos: int = 0,
           endpos: int = sys.maxsize) -> bool:
    """Does `text[pos:endpos]` hold none of `strings` (None: no strings to look for, so it may
    match)?"""
    if strings is None:
        return False
    if pos or endpos < len(text):
        text = text[pos:endpos]
    for n in strings:  # `in` in a loop, not find() or any(): this runs for every search
        if n in text:
            return False
    return True


class Gated:
    """`re.compile(source, flags)`, tried only on a text that holds, between `pos` and `endpos`,
    one of the strings every match holds (`needs`; with IGNORECASE, of digits and signs only)
    and, anchored at the end, ends with one of its endings (`endings`; not with IGNORECASE)."""

    __slots__ = ("_endings", "_needs", "_rx", "pattern")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern = source
        self._rx = re.compile(look_first(source), flags)
        ignorecase = bool(flags & re.IGNORECASE)
        self._needs = needs(source, uncased=ignorecase)
        self._endings = None if ignorecase else endings(source)

    def _cannot(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """Is it sure, without trying, that the pattern does not match in `text`?"""
        return ((self._needs is not None and _lacks(text, self._needs, pos, endpos))
                or (self._endings is not None and endpos == sys.maxsize
                    and not self._endings.may_match(text)))

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self._cannot(text, pos, endpos) else self._rx.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self._cannot(text, pos, endpos) else self._rx.match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0,
                 endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if self._cannot(text, pos, endpos):
            return iter(())
        return self._rx.finditer(text, pos, endpos)


def special(text: str) -> bool:
    """Does `text` hold a character of `_SPECIAL` (Caseless patterns match it with IGNORECASE)?"""
    return _special(text) is not None


def lower(text: str) -> str | None:
    """`text` as Caseless patterns match it, in lower case, for matching it with several of them
    lower-cased once (`Caseless.search_lower`); None when it holds a character of `_SPECIAL` (they
    match the text itself then). A slice of the lower case is the lower case of the slice."""
    return None if _special(text) else text.lower()


class Caseless:
    """`re.compile(source, re.IGNORECASE)`, faster on text without the characters of `_SPECIAL`."""

    __slots__ = ("_endings", "_ignorecase", "_lower", "_needs", "pattern")

    def __init__(self, source: str) -> None:
        self.pattern = source
        lowered = _lower_source(source)
        self._lower = re.compile(look_first(lowered))
        # of the lower-case pattern, for the lower-case text
        self._needs = needs(lowered)
        self._endings = endings(lowered)
        self._ignorecase: re.Pattern[str] | None = None  # compiled when first needed

    def _cannot(self, low: str) -> bool:
        """Is it sure, without trying, that the lower-case pattern does not match `low`?"""
        return _lacks(low, self._needs)

    def _ignoring(self) -> re.Pattern[str]:
        """The IGNORECASE pattern, for a text holding a character of `_SPECIAL`."""
        if self._ignorecase is None:
            self._ignorecase = re.compile(self.pattern, re.IGNORECASE)
        return self._ignorecase

    def pick(self, text: str) -> tuple[re.Pattern[str], str]:
        """The compiled pattern to match and the string to match it on: the text in lower case,
        or the text itself for the IGNORECASE pattern when it holds a character of `_SPECIAL`.
        Either way the offsets are the text's; groups may be in lower case."""
        if _special(text):
            return self._ignoring(), text
        return self._lower, text.lower()

    # search, match and finditer pick inline: they run for every figure and sentence

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if _special(text):
            return self._ignoring().search(text, pos, endpos)
        s = text.lower()
        if ((self._needs is not None and _lacks(s, self._needs, pos, endpos))
                or (self._endings is not None and endpos == sys.maxsize
                    and not self._endings.may_match(s))):
            return None  # it holds no string, or ends with no ending, that a match has
        return self._lower.search(s, pos, endpos)

    def search_lower(self, text: str, low: str | None, pos: int = 0) -> re.Match[str] | None:
        """`search(text, pos)`, given `low = lower(text)`."""
        if low is None:
            return self.search(text, pos)
        ends = self._endings  # its test inline: this runs for every pattern before every number
        if ends is not None:
            end = low.rstrip()
            if not end.endswith(ends.strings) and (ends.last is None
                                                   or ends.last.match(end[-1:]) is None):
                return None
        needs = self._needs
        if needs is not None:  # _lacks inline
            within = low[pos:] if pos else low
            for n in needs:
                if n in within:
                    break
            else:
                return None
        return self._lower.search(low, pos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if _special(text):
            return self._ignoring().match(text, pos, endpos)
        s = text.lower()
        if self._needs is not None and _lacks(s, self._needs, pos, endpos):
            return None
        return self._lower.match(s, pos, endpos)

    def finditer(self, text: str, pos: int = 0,
                 endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if _special(text):
            return self._ignoring().finditer(text, pos, endpos)
        s = text.lower()
        if self._needs is not None and _lacks(s, self._needs, pos, endpos):
            return iter(())
        return self._lower.finditer(s, pos, endpos)

    def sub(self, repl: str, text: str) -> str:
        """`re.sub(pattern, repl, text, flags=re.IGNORECASE)`, `repl` a plain string."""
        if "\\" in repl:
            raise ValueError(f"caseless: replacement with escapes {repl!r}")
        rx, s = self.pick(text)
        if rx is not self._lower:
            return rx.sub(repl, text)
        if self._cannot(s):
            return text
        parts, pos = [], 0
        for m in rx.finditer(s):
            parts += [text[pos:m.start()], repl]
            pos = m.end()
        parts.append(text[pos:])
        return "".join(parts)

    def findall(self, text: str) -> list:
        rx, s = self.pick(text)
        if rx is self._lower and self._cannot(s):
            return []
        return rx.findall(s)

    def spans(self, text: str, repl: str) -> str:
        """`text` with each match replaced by `repl` repeated over its length (its offsets kept)."""
        rx, s = self.pick(text)
        if rx is self._lower and self._cannot(s):
            return text
        parts, pos = [], 0
        for m in rx.finditer(s):
            parts += [text[pos:m.start()], repl * (m.end() - m.start())]
            pos = m.end()
        parts.append(text[pos:])
        return "".join(parts)
