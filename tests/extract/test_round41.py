"""The eighteenth session's rules: forms extraction misread on the development documents and on
round 41, written afresh with other provinces, numbers and words; each test fails without its
rule."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract import extract_text

PROVINCES = ["Hà Tĩnh", "Sóc Trăng", "Yên Bái", "Phú Thọ", "Gia Lai", "Tây Ninh", "Lạng Sơn"]


def _placed(text: str):
    return [c for c in extract_text(text, "t.txt") if c.placed]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), st.sampled_from(["2", "3", "4", "5"]), st.integers(60, 100),
       st.sampled_from(["phủ sóng thông tin di động", "phủ sóng di động", "phủ sóng mạng di động"]))
def test_one_generation_after_the_mobile_network_is_that_generations_coverage(
        province, generation, share, words):
    # "100% dân số được phủ sóng thông tin di động 2G": the 2G network's coverage of the
    # population, not any mobile signal's (the generation is written after "di động")
    text = f"Đến nay, tỉnh {province} có {share}% dân số được {words} {generation}G."
    code = {"2": "coverage_2g_pop", "3": "coverage_3g_pop", "4": "coverage_4g_pop",
            "5": "coverage_5g_share"}[generation]
    got = {(c.indicator, c.value) for c in _placed(text)}
    assert got == {(code, share)}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(60, 99),
       st.sampled_from(["3G, 4G", "3G, 4G, 5G", "2G, 3G, 4G"]))
def test_a_list_of_generations_after_a_share_is_one_network(province, share, generations):
    # "95% dân số được phủ sóng thông tin di động 3G, 4G": the comma of the generations' list
    # ends no clause; the share is of the mobile networks together, not of the first alone
    text = f"Tỉnh {province} có {share}% dân số được phủ sóng thông tin di động {generations}."
    got = {(c.indicator, c.value) for c in _placed(text)}
    assert got == {("coverage_mobile_pop", share)}


def test_a_generation_list_does_not_carry_a_clause_past_its_end():
    # the list's comma goes on only to another generation: the next clause keeps its figure
    text = ("Tỉnh Yên Bái có 97% dân số được phủ sóng di động 4G, 100% xã có cáp quang đến "
            "trung tâm xã.")
    got = {(c.indicator, c.value) for c in _placed(text)}
    assert ("coverage_4g_pop", 97) in got and ("fiber_communes_share", 100) in got
