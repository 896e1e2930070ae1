"""Folding replaces abbreviations and synonyms exactly as one `re.sub` of their alternation."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract import lexicon
from chiso.extract.sentences import split

FIXTURES = Path(__file__).parents[1] / "fixtures"

# the one alternation `lexicon._expand` stands for: abbreviations as written, synonyms in any case
_ABBR = (r"(?<![\w&])(" + "|".join(re.escape(k) for k in sorted(lexicon.ABBREVIATIONS, key=len,
                                                                   reverse=True)) + r")(?![\w&])")
_SYN = (r"(?<!\w)(" + "|".join(re.escape(a) for a in sorted(dict(lexicon.SYNONYMS), key=len,
                                                            reverse=True)) + r")(?!\w)")
_ONE_PASS = re.compile(_ABBR + "|(?i:" + _SYN + ")")


def _replace(m: re.Match[str]) -> str:
    if m.group(1) is not None:
        return " " + lexicon.ABBREVIATIONS[m.group(1)] + " "
    # found as IGNORECASE compared it: "İnternet" lower-cases to "i̇nternet", which no key is
    said = m.group(2)
    return next(v for k, v in dict(lexicon.SYNONYMS).items()
                if re.fullmatch(re.escape(k), said, re.IGNORECASE))


def _one_pass(text: str) -> str:
    return _ONE_PASS.sub(_replace, text)


def _outcome(expand, text: str) -> str | type[Exception]:
    # a KeyError would be a synonym matched but not found (9cf71c0 fixed "İnternet"): it shows
    try:
        return expand(text)
    except KeyError as e:
        return type(e)


def test_the_corpus_sentences_expand_alike():
    paths = [*sorted((FIXTURES / "corpus" / "texts").glob("*.txt")),
             *sorted((FIXTURES / "seeds").glob("*.txt"))]
    for path in paths:
        for sent in split(path.read_text(encoding="utf-8")):
            for text in (sent.text, sent.text.upper(), sent.text.lower()):
                assert lexicon._expand(text) == _one_pass(text)


# abbreviations and synonyms side by side, overlapping and glued to letters, in any case; the
# special characters (long s, dotted I) send the synonyms to the IGNORECASE pattern
_WORDS = [*lexicon.ABBREVIATIONS, *dict(lexicon.SYNONYMS), "TỈ LỆ", "Người Dân", "SMARTPHONE",
          "DVCTTT", "TT&TTT", "&DN", "sſmart phone", "İnternet băng rộng", "trạm BTS", " ", ", ",
          "-", "_", "&"]
_PIECES = st.sampled_from(_WORDS) | st.text(alphabet="aAbBcCdDđĐiItTsSſnN &_-,.0123456789",
                                            max_size=4)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=10))
def test_any_text_expands_alike(pieces):
    text = "".join(pieces)
    for t in (text, text.upper()):
        assert _outcome(lexicon._expand, t) == _outcome(_one_pass, t)
        want = _outcome(_one_pass, t)
        assert _outcome(lambda x: lexicon._expand(x, lowered=True), t) == (
            want.lower() if isinstance(want, str) else want)
