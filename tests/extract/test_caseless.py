"""Caseless patterns match exactly what the same pattern with re.IGNORECASE matches."""

from __future__ import annotations

import _sre
import re
from pathlib import Path
from re._casefix import _EXTRA_CASES

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract import caseless, figures, flow, kinds, reading, units
from chiso.extract.caseless import Caseless
from chiso.extract.sentences import split

FIXTURES = Path(__file__).parents[1] / "fixtures"
PATTERNS = {
    "cues": kinds._CUE_RE, "not cues": kinds._NOT_CUES, "national": kinds._NATIONAL_RE,
    **{f"index {fam}": rx for fam, rx in flow._EACH_INDEX},
    "not a value": figures._NOT_VALUE_BEFORE,
    "clause break": reading.CLAUSE_BREAK,
}


def _all_patterns() -> dict[str, Caseless]:
    return {**PATTERNS, "provinces": units._pattern()[0]}


def _same(rx: Caseless, text: str) -> None:
    ignorecase = re.compile(rx.pattern, re.IGNORECASE)
    want = [(m.span(), m.lastgroup) for m in ignorecase.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in rx.finditer(text)] == want
    assert (rx.search(text) is None) == (ignorecase.search(text) is None)
    assert (rx.match(text) is None) == (ignorecase.match(text) is None)


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
        text = units._tones(path.read_text(encoding="utf-8"))
        want = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in pattern.finditer(text)] == want


def test_spans_keeps_the_text_and_its_offsets():
    text = "Tỉnh đã THỰC HIỆN kế hoạch"
    assert kinds._NOT_CUES.spans(text, "_") == "Tỉnh đã " + "_" * 9 + " kế hoạch"


@pytest.mark.parametrize("source", [r"[À-Ỹ]", r"(?i:a)", r"\x41", r"\u0041", "ı"])
def test_patterns_it_cannot_lower_are_refused(source):
    with pytest.raises(ValueError):
        Caseless(source)
