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
            for c in extract_text(text, "t.txt", **kw) if c.placed]


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
    # a bracket that names an index, the line going on in lower case, is no dateline
    assert len(mentions(f"{place} (PCI 2023) dẫn đầu cả nước")) == 1


# --- not the province's indicator: a share said of each sector ---------------------------------

@settings(max_examples=30, deadline=None)
@given(province=st.sampled_from(PROVINCES), whole=st.integers(15, 30), each=st.integers(5, 14),
       words=st.sampled_from(["trong từng ngành, lĩnh vực", "trong từng ngành lĩnh vực",
                              "ở mỗi ngành", "của từng lĩnh vực"]))
def test_a_share_of_each_sector_is_not_the_provinces_share(province, whole, each, words):
    text = (f"Phấn đấu đến năm 2025, tỷ trọng kinh tế số của tỉnh {province} đạt {whole}% GRDP; "
            f"tỷ trọng kinh tế số {words} đạt tối thiểu {each}%.")
    assert sure(text) == [(province, "digital_economy_grdp_share", "target", float(whole), 2025)]


# --- what an indicator is of: the words that refine it -----------------------------------------

@settings(max_examples=30, deadline=None)
@given(province=st.sampled_from(PROVINCES), a=st.sampled_from(["0,1931", "0,3127", "0,4456"]),
       b=st.sampled_from(["0,2021", "0,3618", "0,5234"]), rank=st.integers(2, 62))
def test_values_respectively_go_with_the_pillars_named_before_the_clauses_first_figure(
        province, a, b, rank):
    text = (f"Kết quả Chỉ số chuyển đổi số (DTI) năm 2020 của tỉnh {province}\n"
            f"Trong đó, Chính quyền số của {province} đạt giá trị là 0,3105, xếp hạng 51/63; "
            f"Kinh tế số và Xã hội số đồng xếp hạng {rank}/63, đạt giá trị lần lượt là {a} "
            f"và {b}.")
    got = {(i, v) for _, i, _, v, _ in sure(text) if i.endswith("_score")}
    assert ("dti_digital_economy_score", float(a.replace(",", "."))) in got
    assert ("dti_digital_society_score", float(b.replace(",", "."))) in got


def test_values_respectively_still_go_with_the_items_just_before_the_cue():
    # a figure earlier in the sentence does not move the items when they hold none
    text = ("Tốc độ Internet cố định băng rộng tại các thành phố lớn\n"
            "Cụ thể, tại Hà Nội, tốc độ download đạt 139,71 Mb/s, trong khi tại TP. HCM, tốc độ "
            "download và upload lần lượt đạt 140,78 Mb/s và 113,73 Mb/s.")
    units = {u for u, i, _, v, _ in sure(text) if v == 140.78}
    assert units == {"Hồ Chí Minh"}


@settings(max_examples=30, deadline=None)
@given(province=st.sampled_from(PROVINCES), share=st.integers(60, 100),
       words=st.sampled_from(["đã được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình",
                              "được cung cấp dịch vụ công trực tuyến toàn trình"]))
def test_procedures_offered_fully_online_are_the_full_online_share(province, share, words):
    text = (f"Năm 2024, tỉnh {province} có {share}% thủ tục hành chính đủ điều kiện theo quy định "
            f"của pháp luật {words}.")
    assert [i for _, i, *_ in sure(text)] == ["dvc_full_online_share"]
    plain = f"Năm 2024, tỉnh {province} có {share}% thủ tục hành chính được cung cấp trực tuyến."
    assert [i for _, i, *_ in sure(plain)] == ["admin_procedures_online_share"]


@settings(max_examples=30, deadline=None)
@given(province=st.sampled_from(PROVINCES), gen=st.sampled_from(["4", "5"]),
       share=st.integers(15, 99), n=st.integers(100, 900))
def test_one_generation_named_in_the_clause_is_the_networks(province, gen, share, n):
    text = (f"Năm 2025, mạng {gen}G của tỉnh {province} đã được triển khai với {n} trạm thu, "
            f"phát sóng, phủ sóng {share}% khu vực có dân cư sinh sống.")
    got = {i for _, i, *_ in sure(text)}
    cover = {"4": "coverage_4g_pop", "5": "coverage_5g_share"}[gen]
    assert got == {f"bts_{gen}g_count", cover}, got
    several = (f"Năm 2025, mạng 3G/4G/5G của tỉnh {province} phủ sóng {share}% khu vực có dân "
               f"cư sinh sống.")
    assert {i for _, i, *_ in sure(several)} == {"coverage_mobile_pop"}
