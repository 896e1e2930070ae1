"""Caseless patterns match exactly what the same pattern with re.IGNORECASE matches."""

from __future__ import annotations

import _sre
import re
from pathlib import Path
from re._casefix import _EXTRA_CASES

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract import (
    attribution,
    caseless,
    figures,
    flow,
    forms,
    kinds,
    pipeline,
    reading,
    sentences,
    units,
)
from chiso.extract.caseless import Caseless
from chiso.extract.sentences import split

FIXTURES = Path(__file__).parents[1] / "fixtures"
PATTERNS = {
    "cues": kinds._CUE_RE, "not cues": kinds._NOT_CUES, "national": kinds._NATIONAL_RE,
    **{f"index {fam}": rx for fam, rx in flow._EACH_INDEX},
    "not a value": figures._NOT_VALUE_BEFORE,
    "clause break": reading.CLAUSE_BREAK,
    **{name: getattr(figures, name) for name in (
        "_LEVEL_BEFORE", "_RANK_BEFORE", "_DIFFERENCE_BEFORE", "_PER_BASE", "_ORDINAL_BEFORE",
        "_BAND_BEFORE", "_GROWTH_BEFORE", "_VALUE_BEFORE")},
    "qualifier before": figures._QUALIFIER_BEFORE,
    "shared": reading._SHARED,
    "target year": kinds._TARGET_YEAR, "actual year": kinds._ACTUAL_YEAR,
    "anaphor": flow._ANAPHOR, "home opening": flow._HOME_OPENING,
    "aim year": flow._AIM_YEAR, "plan for year": flow._PLAN_FOR_YEAR,
    "by how much": figures._BY_HOW_MUCH,
    "target set": flow._TARGET_SET, "done": flow._DONE, "adopted": flow._ADOPTED,
    "not done": flow._NOT_DONE,
    "after merger": pipeline._AFTER_MERGER,
    "not province": units._NOT_PROVINCE_BEFORE,
    "respectively": attribution._RESPECTIVELY, "own province": attribution._OWN_PROVINCE,
    "respective ranks": forms._RESPECTIVE_RANKS,
}
# the patterns anchored at the end, which try a text only when it ends with one of their endings
ANCHORED = {name: rx for name, rx in PATTERNS.items() if rx._endings is not None}


def _all_patterns() -> dict[str, Caseless]:
    return {**PATTERNS, "provinces": units._pattern()[0]}


def _same(rx: Caseless, text: str) -> None:
    ignorecase = re.compile(rx.pattern, re.IGNORECASE)
    want = [(m.span(), m.lastgroup) for m in ignorecase.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in rx.finditer(text)] == want
    assert _span(rx.search(text)) == _span(ignorecase.search(text))
    assert (rx.match(text) is None) == (ignorecase.match(text) is None)
    assert rx.sub("_", text) == ignorecase.sub("_", text)
    assert _lowered(rx.findall(text)) == _lowered(ignorecase.findall(text))  # groups, any case


def _lowered(found: list) -> list:
    return [g.lower() if isinstance(g, str) else tuple(x.lower() for x in g) for g in found]


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return m.span() if m else None


def test_lower_case_is_what_ignorecase_compares_outside_the_special_characters():
    # IGNORECASE compares a character as its simple lower case, one of a class of equivalents
    # (i and dotless i, s and long s ...) standing for all; str.lower() must give that, or the
    # character must be one `_SPECIAL` sends to the IGNORECASE pattern itself
    def compared(o: int) -> str:
        low = _sre.unicode_tolower(o)
        return chr(min([low, *_EXTRA_CASES.get(low, ())]))

    classes = [re.compile(p).match for p in (r"\w", r"\s", r"\d")]
    wrong = []
    for o in range(0x110000):
        c = chr(o)
        if caseless._SPECIAL.match(c):
            continue
        low = c.lower()
        if low != c:  # lower-cased: what IGNORECASE compares, of the same class (\w, \s, \d)
            same_class = all(bool(k(c)) == bool(k(low)) for k in classes)
            if low != compared(o) or not same_class:
                wrong.append(hex(o))
        elif (o in _EXTRA_CASES or _sre.unicode_tolower(o) != o) and compared(o) != c:
            wrong.append(hex(o))  # kept as written, but compared as another character
    assert wrong == []


def test_the_corpus_sentences_match_alike():
    texts = [*sorted((FIXTURES / "corpus" / "texts").glob("*.txt")),
             *sorted((FIXTURES / "seeds").glob("*.txt"))]
    for path in texts:
        for sent in split(path.read_text(encoding="utf-8")):
            for rx in _all_patterns().values():
                _same(rx, sent.text)
                _same(rx, sent.text.upper())


_LETTERS = "aAăĂâÂbcCdđĐeEêÊgGhHiIİıkKlmMnNoOôÔơƠpqrsSſtTuUưƯvxyYàÀảạẠấẦệỆịỊồỐởỞụỤừỨỳỸ"


_WORDS = ["trung bình", "toàn quốc", "CẢ NƯỚC", "DTI", "pci", "Hà Nội", "HÀ NỘI", "Thừa Thiên Huế",
          "Hòa Bình", "năm", "Quý IV", "mục tiêu", "thực hiện", "Nhưng", "tuy nhiên", " ", ", ",
          "; ", "2025", "Đạt"]
_PIECES = st.sampled_from(_WORDS) | st.text(alphabet=_LETTERS + " ,.;:-%0123456789", max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12))
def test_any_text_matches_alike(pieces):
    text = "".join(pieces)
    for rx in _all_patterns().values():
        _same(rx, text)


def test_province_names_grouped_by_first_letter_match_as_one_alternation():
    pattern, table = units._pattern()
    names = sorted(table, key=len, reverse=True)
    plain = re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)",
                       re.IGNORECASE)
    for path in sorted((FIXTURES / "corpus" / "texts").glob("*.txt")):
        text = units.tones(path.read_text(encoding="utf-8"))
        want = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in pattern.finditer(text)] == want


def test_spans_keeps_the_text_and_its_offsets():
    text = "Tỉnh đã THỰC HIỆN kế hoạch"
    assert kinds._NOT_CUES.spans(text, "_") == "Tỉnh đã " + "_" * 9 + " kế hoạch"


@pytest.mark.parametrize("source", [r"[À-Ỹ]", r"(?i:a)", r"\x41", r"\u0041", "ı"])
def test_patterns_it_cannot_lower_are_refused(source):
    with pytest.raises(ValueError):
        Caseless(source)


# --- patterns anchored at the end: the endings every match has, read from the pattern ---------

def test_spaces_are_what_rstrip_strips():
    # `Endings` strips a text's end with str.rstrip where the pattern reads \s
    space = re.compile(r"\s")
    assert [hex(o) for o in range(0x110000)
            if (space.match(chr(o)) is not None) != chr(o).isspace()] == []


@pytest.mark.parametrize(("source", "strings", "last"), [
    (r"(?:năm|tháng)\s*$", ("năm", "tháng"), None),
    (r"(?<!\w)(?:tăng|giảm)\s*(?:gần|hơn)?\s*$", ("giảm", "gần", "hơn", "tăng"), None),
    (r"a[ ,]$", ("a", "a,"), None),
    (r"quý\s+[ivx\d]+\s*$", (), r"[ivx\d]"),
    (r"(?:top)\s*$|nhóm[^,]{0,40}(?:<|>)\s*$", ("<", ">", "top"), None),
])
def test_endings_of_a_pattern(source, strings, last):
    got = caseless.endings(source)
    assert got is not None and got.strings == strings
    assert (got.last.pattern if got.last else None) == last


@pytest.mark.parametrize("source", [r"năm", r"năm\s*$\d", r"[^x]$", r"(?:a|)$", r"a\s*$|b",
                                    r"x[^,;.]{0,25}$", r"\s*$", r"(?:a\s*)*$"])
def test_no_endings_when_a_match_may_end_otherwise(source):
    assert caseless.endings(source) is None


# literals mostly (a pattern with none has no endings), and what ends an ending: spaces, classes
_ATOMS = (st.sampled_from(["a", "b", "c", "ab", "ba", " "])
          | st.sampled_from(["\\s", "\\d", "\\w", "[ab]", "[a ]", "[^a]", ".", "[a-c]", "(?<!a)",
                             "(?=b)", "\\b", "\\n"]))
_SEQUENCE = st.lists(_ATOMS, min_size=1, max_size=3).map("".join)
# an item: an atom, or a sequence of atoms alternated, optional or repeated (repeats are not
# nested, or searching may take exponential time)
_ITEM = (_ATOMS | st.sampled_from(["\\s*", "\\s+", " *", "\\s{1,3}"])
         | st.tuples(_SEQUENCE, _SEQUENCE).map(lambda p: f"(?:{p[0]}|{p[1]})")
         | st.tuples(_SEQUENCE, st.sampled_from(["?", "*", "+", "{0,2}", "{2}"]))
         .map(lambda p: f"(?:{p[0]}){p[1]}"))
_ANCHORED = st.lists(_ITEM, min_size=1, max_size=4).map(lambda p: "".join(p) + "$")


@settings(max_examples=600, deadline=None)
@given(st.lists(_ANCHORED, min_size=1, max_size=2).map("|".join), st.data())
def test_a_text_without_the_endings_never_matches(source, data):
    # whatever the pattern, a text it matches in has one of the endings read from it: texts
    # made to match it (hypothesis's from_regex) and texts of its letters
    found = caseless.endings(source)
    if found is None:
        return
    rx = re.compile(source)
    alphabet = "ab1c \t\n."
    texts = [data.draw(st.from_regex(rx, alphabet=alphabet)) for _ in range(2)]
    texts += data.draw(st.lists(st.text(alphabet=alphabet, max_size=5), max_size=4))
    for text in [*texts, "".join(texts), "".join(texts) + " ", "".join(texts) + "\n"]:
        if rx.search(text):
            assert found.may_match(text), (source, text)


@pytest.mark.parametrize(("source", "strings"), [
    (r"\bdti\b|chuyển đổi số", ("chuyển đổi số", "dti")),
    (r";|\bnhưng\b|\bsong\b(?= )", (";", "nhưng", "song")),
    (r"(?<!\w)(?:mục tiêu|phấn đấu)(?!\w)", ("mục tiêu", "phấn đấu")),
    (r"x?(?:ab)+c*", ("ab",)),
    (r"ict[ -]?index|sẵn sàng", ("index", "sẵn sàng")),
])
def test_needs_of_a_pattern(source, strings):
    assert caseless.needs(source) == strings


@pytest.mark.parametrize("source", [r"\d+", r"a|\d", r"(?:ab)?", "|".join("abcdefghijklmnopq"),
                                    r"(?=ab)"])
def test_no_needs_when_a_match_may_hold_none_of_a_few(source):
    assert caseless.needs(source) is None


_UNANCHORED = st.lists(_ITEM, min_size=1, max_size=4).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.lists(_UNANCHORED, min_size=1, max_size=3).map("|".join), st.data())
def test_a_text_without_the_needs_never_matches(source, data):
    # whatever the pattern, a text it matches in holds one of the strings read from it
    found = caseless.needs(source)
    if found is None:
        return
    rx = re.compile(source)
    alphabet = "ab1c \t\n."
    texts = [data.draw(st.from_regex(rx, alphabet=alphabet)) for _ in range(2)]
    texts += data.draw(st.lists(st.text(alphabet=alphabet, max_size=5), max_size=4))
    for text in [*texts, "".join(texts)]:
        if rx.search(text):
            assert any(n in text for n in found), (source, text)


@pytest.mark.parametrize(("source", "chars"), [
    (r"(?<!\w)(?:tăng|nâng)", "nt"), (r"\bdti\b|x", "dx"), (r"(?<!a)(?:b)?c", "bc"),
    (r"(?:ab)*c", "ac"), (r"(?=a)[ab]", "ab"),
])
def test_firsts_of_a_pattern(source, chars):
    assert caseless.firsts(source) == frozenset(chars)


@pytest.mark.parametrize("source", [r"(?<!a)\d+", r"(?<!a)(?:b|)", r"a*", r"(?<!a)", r".b"])
def test_no_firsts_when_a_match_may_be_empty_or_start_with_anything(source):
    assert caseless.firsts(source) is None


@settings(max_examples=400, deadline=None)
@given(st.lists(_UNANCHORED | _ANCHORED, min_size=1, max_size=3).map("|".join), st.data())
def test_the_look_ahead_and_the_gate_change_no_match(source, data):
    # the pattern led by a look-ahead for its first characters, and tried only on texts holding
    # what its matches need, finds what the pattern itself finds
    rx = re.compile(source)
    looking = re.compile(caseless.look_first(source))
    gated = caseless.Gated(source)
    alphabet = "ab1c \t\n."
    texts = [data.draw(st.from_regex(rx, alphabet=alphabet)) for _ in range(2)]
    texts += data.draw(st.lists(st.text(alphabet=alphabet, max_size=5), max_size=4))
    for text in [*texts, "".join(texts)]:
        want = [(m.span(), m.groups()) for m in rx.finditer(text)]
        assert [(m.span(), m.groups()) for m in looking.finditer(text)] == want
        assert [(m.span(), m.groups()) for m in gated.finditer(text)] == want
        assert _span(gated.search(text)) == _span(rx.search(text))
        assert _span(gated.match(text)) == _span(rx.match(text))


def test_digits_and_ascii_signs_are_matched_as_written_with_ignorecase():
    # caseless.needs(uncased=True) reads them as what an IGNORECASE pattern needs in the text
    signs = "".join(chr(o) for o in range(128) if caseless._as_written(chr(o)))
    cls = re.compile("[" + re.escape(signs) + "]", re.IGNORECASE)
    assert [hex(o) for o in range(0x110000) if cls.match(chr(o)) and chr(o) not in signs] == []


@settings(max_examples=300, deadline=None)
@given(st.lists(_UNANCHORED | _ANCHORED, min_size=1, max_size=3).map("|".join), st.data())
def test_a_gate_with_ignorecase_and_bounds_changes_no_match(source, data):
    rx = re.compile(source, re.IGNORECASE)
    gated = caseless.Gated(source, re.IGNORECASE)
    alphabet = "ab1cAB \t\n."
    texts = [data.draw(st.from_regex(re.compile(source), alphabet=alphabet)) for _ in range(2)]
    texts += data.draw(st.lists(st.text(alphabet=alphabet, max_size=5), max_size=4))
    for text in [*texts, "".join(texts), "".join(texts).upper()]:
        pos = data.draw(st.integers(0, len(text)))
        endpos = data.draw(st.integers(0, len(text) + 1))
        want = [(m.span(), m.groups()) for m in rx.finditer(text, pos, endpos)]
        assert [(m.span(), m.groups()) for m in gated.finditer(text, pos, endpos)] == want
        assert _span(gated.search(text, pos, endpos)) == _span(rx.search(text, pos, endpos))
        assert _span(gated.match(text, pos, endpos)) == _span(rx.match(text, pos, endpos))


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join), st.integers(0, 40), st.integers(0, 60))
def test_caseless_patterns_with_bounds_match_alike(text, pos, endpos):
    for rx in PATTERNS.values():
        ignorecase = re.compile(rx.pattern, re.IGNORECASE)
        assert _span(rx.search(text, pos, endpos)) == _span(ignorecase.search(text, pos, endpos))
        assert _span(rx.match(text, pos, endpos)) == _span(ignorecase.match(text, pos, endpos))
        assert ([m.span() for m in rx.finditer(text, pos, endpos)]
                == [m.span() for m in ignorecase.finditer(text, pos, endpos)])


def _ending_words(rx: Caseless) -> list[str]:
    found = rx._endings
    assert found is not None
    return [form for w in found.strings for form in (w, w.upper(), w.title())]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_texts_ending_with_the_patterns_words_match_alike(data):
    # texts made of the words the patterns end with, so that they often match (and often do not)
    for rx in ANCHORED.values():
        pieces = st.sampled_from([*_ending_words(rx), *_WORDS, "ſ", "İ", "quý IV", "12", "\n"])
        text = "".join(data.draw(st.lists(pieces | _PIECES, max_size=8)))
        for t in (text, text + " ", text + data.draw(st.sampled_from(["  ", "\n", " \t"]))):
            _same(rx, t)


def test_the_corpus_befores_match_alike():
    # the 40 characters before each number of the corpus, as figures.find_figures reads them:
    # sliced from the sentence and from the sentence lower-cased once
    texts = [*sorted((FIXTURES / "corpus" / "texts").glob("*.txt")),
             *sorted((FIXTURES / "seeds").glob("*.txt"))]
    for path in texts:
        for sent in split(path.read_text(encoding="utf-8")):
            low = caseless.lower(sent.text)
            for start, _, _ in figures._tokens(sent.text):
                before = sent.text[max(0, start - 40):start]
                low_before = None if low is None else low[max(0, start - 40):start]
                for rx in ANCHORED.values():
                    _same(rx, before)
                    assert _span(rx.search_lower(before, low_before)) == _span(rx.search(before))


def test_a_slice_of_the_lower_case_is_the_lower_case_of_the_slice():
    # one character lowers to one (but for the special ones), whatever is around it
    assert [hex(o) for o in range(0x110000)
            if not caseless._SPECIAL.match(chr(o)) and len(chr(o).lower()) != 1] == []


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES | st.sampled_from(["ΣΑΣ", "Σ", "ſ", "İ"]), max_size=10).map("".join),
       st.integers(0, 60), st.integers(0, 60))
def test_search_lower_is_search(text, a, b):
    low = caseless.lower(text)
    assert low is None or all(low[i:j] == text[i:j].lower() for i in range(len(text) + 1)
                              for j in range(i, len(text) + 1))
    piece, low_piece = text[a:b], None if low is None else low[a:b]
    for rx in PATTERNS.values():
        assert _span(rx.search_lower(piece, low_piece)) == _span(rx.search(piece))


GATED = {"country subject": reading._COUNTRY_SUBJECT, "dash item": flow._DASH_ITEM,
         "not an end": sentences._NOT_END, "others": attribution._OTHER,
         "year right after": kinds._YEAR_RIGHT_AFTER}


def test_the_gated_patterns_match_the_corpus_as_the_patterns():
    texts = [*sorted((FIXTURES / "corpus" / "texts").glob("*.txt")),
             *sorted((FIXTURES / "seeds").glob("*.txt"))]
    for path in texts:
        for sent in split(path.read_text(encoding="utf-8")):
            starts = [start for start, _, _ in figures._tokens(sent.text)]
            for rx in GATED.values():
                plain = re.compile(rx.pattern, rx._rx.flags & re.IGNORECASE)
                for text in (sent.text, *(sent.text[:start] for start in starts)):
                    assert ([m.span() for m in rx.finditer(text)]
                            == [m.span() for m in plain.finditer(text)])
                    assert _span(rx.search(text)) == _span(plain.search(text))
                for start in starts:  # as kinds.year_right_after tries it, at each number
                    assert _span(rx.match(sent.text, start)) == _span(plain.match(sent.text, start))
