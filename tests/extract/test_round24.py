"""Round 24 of issue 15: a form the development part still missed after round 24 of the corpus,
written afresh with other provinces and numbers; the test fails without its rule."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract import extract_text

PROVINCES = ["Nghệ An", "Đắk Lắk", "Quảng Ninh", "Cà Mau", "Lào Cai", "Thái Nguyên"]
RANKS = st.integers(1, 63)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(PROVINCES), RANKS, RANKS, RANKS, RANKS)
def test_the_rank_before_a_bracket_of_its_pillars_ranks_is_the_whole_indexs(province, whole,
                                                                            gov, eco, soc):
    text = (f"Công bố xếp hạng chuyển đổi số năm 2020.\n{province} xếp thứ {whole} (chính quyền "
            f"số xếp thứ {gov}, kinh tế số xếp thứ {eco}, xã hội số xếp thứ {soc}).")
    got = {(c.indicator, c.value) for c in extract_text(text, "t.txt")
           if c.placed}
    assert ("dti_rank", whole) in got
    assert ("dti_digital_government_rank", gov) in got
    assert ("dti_digital_economy_rank", eco) in got
    assert ("dti_digital_society_rank", soc) in got
