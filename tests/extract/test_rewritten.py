"""Patterns and functions rewritten for speed give what the ones they replace gave."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract import pipeline

_YEARS = st.lists(st.sampled_from(["2021", "1999", "2030", "12/05/", "1/2/", "/", "-", "năm ",
                                   "20", "19", "3", " ", "a", "x2024", "20245"]), max_size=12)


@settings(max_examples=500, deadline=None)
@given(_YEARS.map("".join))
def test_years_are_found_as_without_the_look_ahead(text):
    old = re.compile(r"(?<![\d/])(?:\d{1,2}/\d{1,2}/)?((?:19|20)\d\d)(?!\d)")
    assert ([(m.span(), m.group(1)) for m in pipeline._YEAR_IN_TEXT.finditer(text)]
            == [(m.span(), m.group(1)) for m in old.finditer(text)])
