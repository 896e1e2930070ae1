"""Round 7 of issue 15, forms of figures as people write them (helper forms8). Sentences are
written afresh, with other provinces, numbers and word orders than the corpus; each test fails
without its rule (the guards that must pass either way say so)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract import extract_text
from chiso.extract.figures import find_figures
from chiso.extract.forms import number_word

PROVINCES = ["Hà Nội", "Đà Nẵng", "Bắc Ninh", "Cần Thơ", "Hải Phòng", "Bình Dương"]
_UNITS = ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def sure(text: str, **kw) -> list[tuple]:
    """(unit, indicator, kind, value) of what extraction is sure of."""
    return [(c.unit, c.indicator, c.kind, c.value)
            for c in extract_text(text, "t.txt", **kw) if c.placed]


def in_words(n: int, last_one: str = "mốt", last_five: str = "lăm") -> str:
    """1..99 in Vietnamese words, as written: "mười lăm", "hai mươi mốt", "ba mươi"."""
    tens, units = divmod(n, 10)
    if tens == 0:
        return _UNITS[units - 1]
    head = "mười" if tens == 1 else f"{_UNITS[tens - 1]} mươi"
    if units == 0:
        return head
    last = {1: "một" if tens == 1 else last_one, 5: last_five}.get(units, _UNITS[units - 1])
    return f"{head} {last}"


# a. a change of rank in words


@given(n=st.integers(1, 99), last_one=st.sampled_from(["mốt", "một"]),
       last_five=st.sampled_from(["lăm", "năm"]))
def test_a_number_in_words_reads_back(n, last_one, last_five):
    assert number_word(in_words(n, last_one, last_five)) == n


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 40), verb=st.sampled_from([("tăng", 1), ("lên", 1), ("vươn lên", 1),
                                                  ("giảm", -1), ("tụt", -1), ("lùi", -1)]),
       noun=st.sampled_from(["bậc", "hạng"]))
def test_a_change_of_rank_in_words_is_a_signed_change(n, verb, noun):
    words, (said, sign) = in_words(n), verb
    figs = find_figures(f"Năm nay, Quảng Trị {said} {words} {noun} so với năm trước.")
    assert [(f.value, f.measure) for f in figs] == [(sign * n, "rank_change")]


@settings(max_examples=20, deadline=None)
@given(province=st.sampled_from(PROVINCES), words=st.sampled_from(["một", "hai", "ba", "mười"]))
def test_a_change_of_rank_in_words_is_the_index_s(province, words):
    text = (f"Kết quả Chỉ số cải cách hành chính (PAR Index) năm 2024 đã được công bố.\n"
            f"{province} đạt 90,12%, tăng {words} bậc so với năm 2023.")
    value = float(number_word(words))
    assert (province, "par_index_rank_change", "actual", value) in sure(text)


def test_number_words_with_no_change_of_rank_are_no_figure():
    # guards (pass either way): a count of levels, an ordinal, "thứ hai" before "bậc"
    assert find_figures("Hệ thống có hai bậc đào tạo.") == []
    assert [f.measure for f in find_figures("Đứng thứ hai là Huế.")] == ["rank"]
