"""Round 3 of issue 15: forms met in the fresh development sample of resolutions, plans, DTI
announcements and portals (each case is the shape of a sentence met there, written afresh)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract import extract_text
from chiso.extract.figures import find_figures

WORDS = {1: "nhất", 2: "hai", 3: "ba", 4: "tư", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín",
         10: "mười"}


def sure(text: str, **kw) -> list[tuple]:
    """(unit, indicator, kind, value, target year) of what extraction is sure of."""
    return [(c.unit, c.indicator, c.kind, c.value, c.target_year)
            for c in extract_text(text, "t.txt", **kw) if c.placed]


def vn(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


# --- figures as people write them -----------------------------------------------------------

@settings(max_examples=30, deadline=None)
@given(n=st.integers(1, 10), verb=st.sampled_from(["xếp thứ", "đứng thứ", "xếp vị trí thứ"]))
def test_a_rank_in_words_is_the_rank_it_names(n, verb):
    text = f"Năm 2023, tỉnh Nghệ An {verb} {WORDS[n]} cả nước về Chỉ số chuyển đổi số (DTI)."
    assert sure(text) == [("Nghệ An", "dti_rank", "actual", float(n), None)]


@settings(max_examples=20, deadline=None)
@given(n=st.integers(2, 4))
def test_a_rank_in_words_goes_to_the_province_named_after_it(n):
    text = (f"Năm 2022, về Chỉ số chuyển đổi số (DTI), Đà Nẵng đứng đầu, "
            f"thứ {WORDS[n]} là Quảng Ninh.")
    assert sure(text) == [("Quảng Ninh", "dti_rank", "actual", float(n), None)]


def test_a_weekday_and_an_ordinal_of_years_are_no_ranks():
    assert find_figures("Thứ hai - 07/08/2023 15:42") == []
    assert [f.measure for f in find_figures("Đây là năm thứ ba liên tiếp tỉnh đứng đầu")] == []


@settings(max_examples=30, deadline=None)
@given(x=st.floats(5, 300, allow_nan=False), unit=st.sampled_from(["Mb/giây", "Mb/s", "Mbps"]))
def test_a_speed_in_megabits_a_second_is_read_whatever_the_unit_is_written(x, unit):
    figs = find_figures(f"tốc độ Internet di động đạt trung bình {vn(x)} {unit}, "
                        "xếp thứ 20 thế giới")
    assert figs[0].measure == "mbps" and abs(figs[0].value - round(x, 2)) < 1e-9


@settings(max_examples=30, deadline=None)
@given(x=st.floats(0.5, 15, allow_nan=False),
       form=st.sampled_from(["GRDP ước tăng {}%",
                             "tổng sản phẩm trên địa bàn (GRDP) tăng {}% so với năm 2022",
                             "tốc độ tăng trưởng kinh tế ở mức {}% so với cùng kỳ"]))
def test_the_growth_of_grdp_is_a_value_not_a_difference(x, form):
    text = "Năm 2023, tỉnh Nghệ An có " + form.format(vn(x)) + "."
    got = [r for r in sure(text) if r[1] == "grdp_growth"]
    assert got == [("Nghệ An", "grdp_growth", "actual", round(x, 2), None)]


def test_the_average_a_figure_is_compared_with_is_the_countrys_value():
    # "cao hơn so với ... là 0,0758" can be a difference too: the words do not tell, so no rule
    text = ("Năm 2021, tỷ lệ dùng chung trạm phát sóng của tỉnh Nghệ An mới đạt 9% "
            "(thấp hơn so với mức trung bình toàn quốc là 15%).")
    assert sure(text) == [("Nghệ An", "infra_sharing_share", "actual", 9.0, None),
                          ("Việt Nam", "infra_sharing_share", "national_average", 15.0, None)]


def test_the_bound_of_a_band_is_no_value():
    assert find_figures("tỉnh thuộc nhóm 4 – nhóm đạt giá trị trung bình <0,25") == []


# --- what a rank is of ----------------------------------------------------------------------

def test_a_rank_is_of_the_index_named_after_it():
    text = "Năm 2021, tỉnh Nghệ An xếp hạng 12/63 tỉnh, thành phố về chỉ số kinh tế số."
    assert sure(text) == [("Nghệ An", "dti_digital_economy_rank", "actual", 12.0, None)]
    text = ("Năm 2022, tỉnh Nghệ An xếp thứ 28 cả nước về chỉ số cải cách hành chính (PAR Index) "
            "và thứ 7 cả nước về chỉ số hài lòng của người dân.")
    assert sure(text) == [("Nghệ An", "par_index_rank", "actual", 28.0, None),
                          ("Nghệ An", "sipas_rank", "actual", 7.0, None)]


def test_a_rank_of_what_no_index_measures_is_of_no_indicator():
    text = ("Chỉ số chuyển đổi số (DTI) 2022\nNăm 2022, tỉnh Nghệ An đứng thứ 2 toàn quốc "
            "về tỷ lệ cấp thẻ căn cước công dân.")
    assert sure(text) == []


def test_ranks_in_an_ict_index_report_are_not_the_dti():
    text = ("ICT Index tỉnh Nghệ An đứng thứ 7 cả nước\nVề xếp hạng hạ tầng kỹ thuật, "
            "tỉnh Nghệ An đứng thứ 9; xếp hạng hạ tầng nhân lực đứng thứ 10.")
    assert sure(text) == []


# --- whose figure ---------------------------------------------------------------------------

def test_a_district_opening_a_sentence_is_not_the_province():
    text = "Hạ tầng viễn thông tỉnh Lào Cai\nHuyện Bát Xát hiện có hơn 70 trạm thu phát sóng (BTS)."
    assert sure(text) == []
    assert [c.unit for c in extract_text(text, "t.txt") if c.matched] == [None]  # kept for a look


def test_the_country_as_the_subject_of_its_sentence_owns_the_figure():
    text = ("Điện Biên chào mừng Ngày Chuyển đổi số quốc gia\nNăm 2024, Việt Nam có 87% "
            "dân số sử dụng điện thoại thông minh.")
    # (a per-cent figure of people using smartphones is the share the codebook names so, not a
    # rate per 100 inhabitants: the tie of their words goes to the figure's own unit)
    assert sure(text) == [("Việt Nam", "smartphone_user_share", "national_average", 87.0, None)]


def test_the_venue_of_a_ministrys_event_is_not_the_reports_province():
    text = ("Ngày 21-10, tại Hà Nội, Bộ KH-CN tổ chức chương trình chào mừng Ngày Chuyển đổi "
            "số quốc gia.\nTỷ lệ hồ sơ giải quyết trực tuyến toàn trình đạt gần 40%.")
    assert sure(text) == [("Việt Nam", "fully_online_dossiers_share", "national_average", 40.0,
                           None)]


def test_an_average_of_the_ministries_named_after_the_value_is_not_the_countrys():
    text = ("Năm 2023, giá trị trung bình DTI 2023 là 0,6355 với các bộ cung cấp dịch vụ công; "
            "0,6783 với các tỉnh.")
    assert ("Việt Nam", "dti_score", "national_average", 0.6355, None) not in sure(text)


def test_hue_after_the_merger_is_named_hue():
    text = ("Huế xếp thứ 2 toàn quốc về mức độ chuyển đổi số\nKết quả DTI năm 2024 của các tỉnh, "
            "thành sau sáp nhập được công bố: Huế xếp vị trí thứ 2.")
    assert ("Huế", "dti_rank", "actual", 2.0, None) in sure(text)


# --- kinds, years and the pillar a figure is of ---------------------------------------------

def test_a_visions_year_is_a_horizon_not_the_targets_year():
    text = ("Nghị quyết của tỉnh Nghệ An đặt ra chỉ tiêu: Đến năm 2025, tầm nhìn đến năm 2030, "
            "kinh tế số chiếm tối thiểu 20% GRDP của tỉnh.")
    assert sure(text) == [("Nghệ An", "digital_economy_grdp_share", "target", 20.0, 2025)]


def test_a_year_written_right_after_a_target_is_its_year():
    text = ("Mục tiêu của tỉnh Nghệ An giai đoạn 2021 - 2025: kinh tế số chiếm 20% GRDP và "
            "khoảng 30% GRDP vào năm 2030.")
    assert sure(text) == [("Nghệ An", "digital_economy_grdp_share", "target", 20.0, 2025),
                          ("Nghệ An", "digital_economy_grdp_share", "target", 30.0, 2030)]


@settings(max_examples=20, deadline=None)
@given(rank=st.integers(1, 63), score=st.integers(1000, 9999))
def test_a_score_after_a_pillars_rank_is_that_pillars(rank, score):
    text = (f"Năm 2021, tỉnh Nghệ An xếp hạng {rank}/63 tỉnh, thành phố về chỉ số kinh tế số, "
            f"đạt 0,{score}.")
    assert sure(text) == [("Nghệ An", "dti_digital_economy_rank", "actual", float(rank), None),
                          ("Nghệ An", "dti_digital_economy_score", "actual", score / 10000, None)]


@settings(max_examples=20, deadline=None)
@given(n=st.integers(50, 99))
def test_a_share_of_adults_written_per_hundred_people_is_read(n):
    text = f"Mục tiêu đến năm 2030, {n}/100 người trưởng thành có điện thoại thông minh."
    assert sure(text) == [("Việt Nam", "smartphone_adult_share", "target", float(n), 2030)]


def test_work_records_at_each_level_are_told_apart():
    text = ("Mục tiêu của tỉnh Nghệ An đến năm 2025:\n- Trên 90% hồ sơ công việc tại cấp tỉnh; "
            "80% hồ sơ công việc tại cấp huyện.")
    assert sure(text) == [("Nghệ An", "work_records_online_share_provincial", "target", 90.0, 2025),
                          ("Nghệ An", "work_records_online_share_district", "target", 80.0, 2025)]


def test_a_future_year_written_right_after_a_figure_makes_it_a_target():
    text = "Kế hoạch năm 2022\n95/100 người trưởng thành có điện thoại thông minh vào năm 2030."
    assert sure(text) == [("Việt Nam", "smartphone_adult_share", "target", 95.0, 2030)]


def test_a_value_compared_with_an_average_is_still_a_value():
    text = ("Năm 2021, tỉnh Nghệ An xếp hạng 12/63 tỉnh, thành phố về chỉ số kinh tế số, "
            "đạt 0,4856 so với giá trị trung bình kinh tế số cấp tỉnh là 0,4098.")
    got = sure(text)
    assert ("Nghệ An", "dti_digital_economy_score", "actual", 0.4856, None) in got
    assert ("Việt Nam", "dti_digital_economy_score", "national_average", 0.4098, None) in got


def test_one_rank_said_of_two_pillars_is_each_pillars():
    text = ("Năm 2022, hạng mục “Chính quyền số” và “Kinh tế số” của tỉnh Nghệ An đều ở "
            "vị trí thứ 3/63 tỉnh thành.")
    assert sure(text) == [("Nghệ An", "dti_digital_government_rank", "actual", 3.0, None),
                          ("Nghệ An", "dti_digital_economy_rank", "actual", 3.0, None)]


# --- confidence fitted on the development part ----------------------------------------------

def test_the_development_table_is_monotone_and_ranks_targets_below_actual_figures():
    from chiso.extract import confidence

    for group, table in confidence.DEVELOPED.items():
        rates = [p for _, p in table]
        assert rates == sorted(rates), group  # a higher step never means less sure
        assert all(0 < p < 1 for p in rates)
    steps = dict(confidence.DEVELOPED["target"])
    assert all(p <= dict(confidence.DEVELOPED["actual"])[s] for s, p in steps.items())
    assert not confidence.sure(0.55, "target") and confidence.sure(0.55, "actual")
    assert confidence.developed(0.3, "actual") == 0.3  # an owner not sure stays under the bar
    assert not confidence.sure(0.3, "actual")


def test_a_target_guessed_from_the_reports_topic_is_offered_for_a_look_not_dropped():
    text = ("Chỉ số chuyển đổi số (DTI) của tỉnh Nghệ An\n"
            "Mục tiêu đến năm 2025, tỉnh Nghệ An xếp thứ 10.")
    cands = [c for c in extract_text(text, "t.txt") if c.matched]
    assert [(c.indicator, c.kind, c.value) for c in cands] == [("dti_rank", "target", 10.0)]
    assert not cands[0].placed and cands[0].needs_look
