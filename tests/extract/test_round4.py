"""Round 4 of issue 15: forms met in the fresh development sample of resolutions, plans and
budget reports (round 4a of the corpus); each case is the shape of a sentence met there, written
afresh with other provinces and numbers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract import extract_text
from chiso.extract.units import mentions

PLACES = ["Hà Nội", "TP.HCM", "Đà Nẵng", "Cần Thơ", "Hải Phòng"]
AGENCIES = ["TTXVN", "TTXVN 1/12", "VOV", "VOV.vn", "PLO", "Chinhphu.vn", "VTV 3/4"]
PROVINCES = ["Tuyên Quang", "Lào Cai", "Gia Lai", "Nghệ An", "Cà Mau"]


def sure(text: str, **kw) -> list[tuple]:
    """(unit, indicator, kind, value, target year) of what extraction is sure of."""
    return [(c.unit, c.indicator, c.kind, c.value, c.target_year)
            for c in extract_text(text, "t.txt", **kw) if c.matched and not c.needs_look]


# --- whose figure: a dateline is where the agency filed from ----------------------------------

@settings(max_examples=40, deadline=None)
@given(place=st.sampled_from(PLACES), agency=st.sampled_from(AGENCIES),
       province=st.sampled_from(PROVINCES), share=st.integers(10, 40))
def test_a_dateline_place_is_not_the_reports_province(place, agency, province, share):
    text = (f"{province} phấn đấu phát triển bền vững\n\n"
            f"{place} ({agency}) Đại hội Đại biểu Đảng bộ tỉnh {province} nhiệm kỳ 2025-2030 đã "
            f"thông qua Nghị quyết. Tỷ trọng kinh tế số đạt tối thiểu {share}% GRDP vào năm 2030.")
    got = sure(text)
    assert got and all(unit == province for unit, *_ in got), got


@settings(max_examples=30, deadline=None)
@given(place=st.sampled_from(PLACES), agency=st.sampled_from(AGENCIES))
def test_a_place_before_brackets_that_are_no_agency_is_still_named(place, agency):
    # "Đà Nẵng (67%)", a place mid-line, and a name that opens a line with no bracket are places
    assert [m.start for m in mentions(f"{place} (67%) dẫn đầu")] == [0]
    assert len(mentions(f"Theo báo cáo, {place} ({agency}) dẫn đầu")) == 1
    assert len(mentions(f"{place} dẫn đầu cả nước")) == 1


# --- not the province's indicator: a share said of each sector ---------------------------------

@settings(max_examples=30, deadline=None)
@given(province=st.sampled_from(PROVINCES), whole=st.integers(15, 30), each=st.integers(5, 14),
       words=st.sampled_from(["trong từng ngành, lĩnh vực", "trong từng ngành lĩnh vực",
                              "ở mỗi ngành", "của từng lĩnh vực"]))
def test_a_share_of_each_sector_is_not_the_provinces_share(province, whole, each, words):
    text = (f"Phấn đấu đến năm 2025, tỷ trọng kinh tế số của tỉnh {province} đạt {whole}% GRDP; "
            f"tỷ trọng kinh tế số {words} đạt tối thiểu {each}%.")
    assert sure(text) == [(province, "digital_economy_grdp_share", "target", float(whole), 2025)]
