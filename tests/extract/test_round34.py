"""The fourteenth session's rules: forms extraction misread on development documents, written
afresh with other provinces, numbers and words; each test fails without its rule."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract import extract_text

PROVINCES = ["Bắc Giang", "Hà Nam", "Trà Vinh", "Nam Định", "Kon Tum", "Bạc Liêu", "Sơn La"]


def _dec(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def _owned(text: str) -> set[tuple[str | None, str | None, float]]:
    return {(c.unit, c.indicator, c.value) for c in extract_text(text, "t.txt")
            if c.matched and not c.needs_look}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(PROVINCES), min_size=4, max_size=4, unique=True),
       st.lists(st.integers(500, 1300), min_size=4, max_size=4, unique=True),
       st.integers(3, 30), st.sampled_from(["mức tăng", "mức tăng trưởng đạt"]))
def test_a_province_said_with_the_words_of_an_earlier_one_has_its_indicator(
        names, hundredths, rank, words):
    # "Dẫn đầu tốc độ tăng GRDP là Quảng Ninh với mức tăng 11,89%. ... Trong khi đó, Hà Nội đứng
    # thứ 16 với mức tăng 8,16%; TPHCM xếp thứ 21 với mức tăng 7,53%": paragraphs apart, the
    # same words before a province's value say the same indicator
    a, b, c, d = names
    va, vb, vc, vd = (h / 100 for h in hundredths)
    text = (f"Dẫn đầu tốc độ tăng GRDP năm 2025 là {a} với {words} {_dec(va)}%. {b} đứng thứ hai "
            f"với {words} {_dec(vb)}%.\n\nCác địa phương này có nền tảng công nghiệp vững chắc "
            f"và thu hút nhiều dự án đầu tư.\n\nTrong khi đó, {c} đứng thứ {rank} với {words} "
            f"{_dec(vc)}%; {d} xếp thứ {rank + 4} với {words} {_dec(vd)}%.")
    got = _owned(text)
    for name, value in ((a, va), (c, vc), (d, vd)):
        assert (name, "grdp_growth", round(value, 2)) in got


def test_the_same_words_without_a_province_of_its_own_carry_nothing():
    # the frame is a province's item: a value with no province named before it is not one
    text = ("Dẫn đầu tốc độ tăng GRDP là Bắc Giang với mức tăng 11,89%.\n\n"
            "Doanh thu bưu chính của doanh nghiệp với mức tăng 8,16% so với năm trước.")
    assert not any(v == 8.16 for _, _, v in _owned(text))


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from(PROVINCES), min_size=3, max_size=3, unique=True),
       st.lists(st.integers(600, 750), min_size=3, max_size=3, unique=True),
       st.integers(2, 9))
def test_an_index_named_once_further_on_is_the_reports_index(names, tenths, rank):
    # "Đà Nẵng (70,1 điểm) xếp vị trí thứ 2. ... trong bảng xếp hạng PCI 2017": the one index a
    # report names, wherever it names it, is what its scores and ranks are of
    a, b, c = names
    va, vb, vc = (t / 10 for t in tenths)
    text = (f"{a} ({_dec(va)[:-1]} điểm) xếp vị trí thứ {rank}. {b} ({_dec(vb)[:-1]} điểm) "
            f"đứng thứ {rank + 1}.\n\n{c} ({_dec(vc)[:-1]} điểm) đã có sự thăng hạng đáng kể "
            "trong bảng xếp hạng PCI 2017 nhờ quyết tâm cải cách.")
    got = _owned(text)
    assert (a, "pci_score", va) in got and (a, "pci_rank", rank) in got
    assert (b, "pci_score", vb) in got and (b, "pci_rank", rank + 1) in got


def test_a_report_naming_two_indices_guesses_neither_for_a_bare_score():
    text = ("Bắc Giang (70,1 điểm) xếp vị trí thứ 2.\n\nTỉnh cũng cải thiện chỉ số PAPI và chỉ "
            "số PCI trong năm.")
    assert not any(v == 70.1 for _, _, v in _owned(text))


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.sampled_from(PROVINCES), st.integers(2, 30),
       st.sampled_from(["Ở vị trí thứ {r}, ", "Xếp thứ {r}, ", "(Ảnh: KT) Đứng ở vị trí thứ {r}, ",
                        "Xếp thứ {r}/63, tỉnh "]))
def test_a_rank_opening_a_sentence_is_of_the_province_after_its_comma(home, other, rank, opening):
    # "Ở vị trí thứ 4, Long An (66,7 điểm) vẫn giữ được sự tiến bộ": in a report about another
    # province, the rank is of the province the opening's comma leads to
    if home == other:
        return
    text = (f"Kết quả PCI của tỉnh {home} năm 2023 được công bố.\n\n"
            f"{opening.format(r=rank)}{other} vẫn giữ được sự tiến bộ vượt bậc trong năm qua.")
    ranks = {(c.unit, c.value) for c in extract_text(text, "t.txt") if c.indicator == "pci_rank"}
    assert ranks == {(other, rank)}
