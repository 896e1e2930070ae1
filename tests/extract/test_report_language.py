"""Round 2 of issue 15: forms of report language read as a report means them (each case is the
shape of a sentence met in the corpus, written afresh)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from chiso.extract import extract_text
from chiso.extract.units import mentions


def sure(text: str, **kw) -> list[tuple]:
    """(unit, indicator, kind, value, target year) of what extraction is sure of."""
    return [(c.unit, c.indicator, c.kind, c.value, c.target_year)
            for c in extract_text(text, "t.txt", **kw) if c.placed]


# --- whose figure ---------------------------------------------------------------------------

def test_a_list_of_provinces_with_values_in_brackets_takes_the_indicator_named_after_it():
    text = ("Hồ sơ trực tuyến 2022\n"
            "Đà Nẵng (67%) cùng các tỉnh Hòa Bình (86,5%), Nam Định (65,9%) là 3 tỉnh "
            "dẫn đầu về tỷ lệ hồ sơ trực tuyến "
            "(được tính bằng số hồ sơ nộp trực tuyến mức độ 3, 4).")
    got = sure(text)
    assert ("Đà Nẵng", "online_dossiers_share", "actual", 67.0, None) in got
    assert ("Hoà Bình", "online_dossiers_share", "actual", 86.5, None) in got
    assert ("Nam Định", "online_dossiers_share", "actual", 65.9, None) in got


def test_the_province_named_after_a_leading_with_phrase_owns_its_figure():
    text = ("Chỉ số PCI 2023\n"
            "Xét từng địa phương, với điểm số PCI năm 2023 đạt 71,25 điểm, "
            "Quảng Ninh tiếp tục dẫn đầu.")
    assert ("Quảng Ninh", "pci_score", "actual", 71.25, None) in sure(text)


def test_a_report_whose_first_line_is_about_the_country_is_national():
    text = ("Tốc độ trung bình của mạng Internet cố định tại Việt Nam trong tháng 2 giảm.\n"
            "Cụ thể, tốc độ tải xuống đạt 99,81 Mb/s.\n"
            "Bắc Kạn dẫn đầu với tốc độ Internet cố định 238,81 Mb/s.")
    got = sure(text)
    assert ("Việt Nam", "fixed_broadband_speed_mbps", "national_average", 99.81, None) in got
    assert ("Bắc Kạn", "fixed_broadband_speed_mbps", "actual", 238.81, None) in got


def test_the_ministries_average_is_not_the_country_but_a_ministry_publishing_is_only_its_source():
    ministries = ("Vĩnh Long\n"
                  "Đối với các bộ, cơ quan ngang bộ, giá trị trung bình DTI 2021 là 0,4595.")
    assert sure(ministries) == []
    published = "DTI 2024\nTheo công bố của Bộ KH&CN, DTI quốc gia năm 2024 đạt 0,7955."
    assert sure(published) == [("Việt Nam", "dti_score", "national_average", 0.7955, None)]


def test_the_country_named_in_one_clause_does_not_govern_the_next():
    text = ("Bà Rịa - Vũng Tàu\nChỉ số SIPAS xếp thứ 38/63 tỉnh, thành phố trong cả nước; "
            "chỉ số PAPI là 40,62/80 điểm.")
    assert ("Bà Rịa - Vũng Tàu", "papi_score", "actual", 40.62, None) in sure(text)


def test_a_congress_called_national_is_a_name_not_a_place():
    text = ("Quảng Ninh\n"
            "Văn kiện Đại hội đại biểu toàn quốc lần thứ XIII đã đặt rõ mục tiêu giai đoạn "
            "2020 – 2025, kinh tế số sẽ chiếm 20% GDP.")
    assert not [row for row in sure(text) if row[2] == "national_average"]


_TONED = st.sampled_from(["Hòa Bình", "Khánh Hòa", "Thanh Hóa"])


@given(_TONED, st.booleans())
def test_a_province_is_found_whichever_vowel_carries_the_tone(name, old_style):
    """"Hòa" and "Hoà" are the one name; offsets stay those of the text."""
    written = name.replace("òa", "oà").replace("óa", "oá") if old_style else name
    text = unicodedata.normalize("NFC", f"Tỉnh {written} đạt 50%.")
    found = mentions(text)
    assert len(found) == 1
    assert text[found[0].start:found[0].end] == written


# --- kinds and years ------------------------------------------------------------------------

def test_targets_hold_over_the_next_paragraph_while_it_says_nothing_done():
    text = ("Hậu Giang\n"
            "Theo Kế hoạch, mục tiêu đến năm 2025 số ấp được phủ băng rộng di động đạt 100%.\n"
            "Về sử dụng dịch vụ, số thuê bao băng rộng di động/100 dân đạt 85 thuê bao.\n"
            "Năm 2023, tỉnh đã có 70 thuê bao băng rộng di động/100 dân.")
    got = sure(text)
    assert ("Hậu Giang", "mobile_broadband_per_100", "target", 85.0, 2025) in got
    assert ("Hậu Giang", "mobile_broadband_per_100", "actual", 70.0, None) in got


def test_a_line_aiming_again_keeps_the_year_of_its_heading():
    text = ("Tuyên Quang\nTỉnh đặt ra những mục tiêu quan trọng đến năm 2025:\n"
            "Mạng di động: Hướng tới 99,5% thuê bao sử dụng điện thoại thông minh.")
    assert ("Tuyên Quang", "smartphone_share_of_mobile", "target", 99.5, 2025) in sure(text)


def test_adopting_targets_is_not_having_done_them():
    text = ("Vĩnh Long\nĐại hội đã thông qua Nghị quyết, nhất trí mục tiêu nhiệm kỳ 2025-2030.\n"
            "Tỷ trọng kinh tế số trong GRDP là 10,08%.")
    assert ("Vĩnh Long", "digital_economy_grdp_share", "target", 10.08, 2030) in sure(text)


def test_the_value_in_brackets_after_a_comparison_is_the_earlier_year_of_the_same_figure():
    text = "DTI\nDTI quốc gia năm 2024 đạt 0,7955, tăng 8,6% so với năm 2023 (0,7326)."
    rows = [c for c in extract_text(text, "t.txt") if c.matched and c.value == 0.7326]
    assert [(r.unit, r.indicator, r.kind, r.year) for r in rows] == [
        ("Việt Nam", "dti_score", "national_average", 2023)]


# --- indicators and figures -----------------------------------------------------------------

def test_speeds_take_their_network_and_uploads_are_none():
    text = ("Hà Nam\nTheo VNNIC, tốc độ mạng Internet cố định của tỉnh tăng.\n"
            "Hà Nam có tốc độ download/upload trung bình lần lượt là 227,52 Mb/s và 183,62 Mb/s.")
    got = sure(text)
    assert ("Hà Nam", "fixed_broadband_speed_mbps", "actual", 227.52, None) in got
    assert not [row for row in got if row[3] == 183.62]
    assert sure("Bình Thuận\nNgười dân có thể dùng internet tốc độ cao từ 200 Mbps.") == []


def test_the_pillar_in_a_figures_own_words_names_it_and_its_rank():
    text = "Hưng Yên\nKết quả DTI 2022: chính quyền số đạt 0,7012 điểm, xếp hạng thứ 18."
    assert sure(text) == [("Hưng Yên", "dti_digital_government_score", "actual", 0.7012, None),
                          ("Hưng Yên", "dti_digital_government_rank", "actual", 18.0, None)]


def test_a_dash_list_in_an_index_report_lists_ranks():
    text = "Vĩnh Phúc\nChỉ số DTI năm 2023 của tỉnh: Thể chế số - 41; Hạ tầng số - 12."
    assert sure(text) == [("Vĩnh Phúc", "dti_institutions_rank", "actual", 41.0, None),
                          ("Vĩnh Phúc", "dti_infrastructure_rank", "actual", 12.0, None)]


def test_numbers_that_are_not_indicators():
    assert sure("Lào Cai\nToàn tỉnh có 04/35 thôn chưa có sóng di động.") == []  # what lacks it
    # how many are ranked
    assert sure("PCI\nChỉ số PCI đo lường và xếp hạng 63 tỉnh, thành phố.") == []
    # a component
    assert sure("Quảng Ninh\nChỉ số thành phần Chi phí thời gian đạt 8,54 điểm trong PCI.") == []
    noun_list = sure("Bắc Kạn\n100% xã, phường, thị trấn được phủ sóng di động.")
    assert noun_list == [("Bắc Kạn", "coverage_mobile_communes_share", "actual", 100.0, None)]


# --- tables ---------------------------------------------------------------------------------

def test_a_row_a_line_table_is_read_by_its_column_headers():
    text = ("BÁO CÁO XẾP HẠNG chuyển đổi số năm 2022\n"
            "Xếp hạng DTI Các tỉnh Chỉ số\nNhận thức số\nChỉ số\n"
            "Thể chế số\nCHUYỂN ĐỔI SỐ CẤP TỈNH (PDTI)\n1 TP. Đà Nẵng 1.0000 0.9000 0.8002\n"
            "2 TP. Hồ Chí Minh 0.8917 0.9000 0.7163\n")
    got = sure(text)
    assert ("Đà Nẵng", "dti_rank", "actual", 1.0, None) in got
    assert ("Hồ Chí Minh", "dti_awareness_score", "actual", 0.8917, None) in got
    assert ("Hồ Chí Minh", "dti_institutions_score", "actual", 0.9, None) in got
    assert ("Hồ Chí Minh", "dti_score", "actual", 0.7163, None) in got


def test_cells_side_by_side_without_headers_need_a_look():
    text = "Chuyển đổi số\n3 Quảng Ninh 0.9581 0.9000 0.7648 0.6250\n"
    cands = [c for c in extract_text(text, "t.txt") if c.matched and c.value < 1]
    assert cands and all(not c.placed for c in cands)


def test_a_cell_a_line_table_gives_kind_and_year_from_its_header():
    text = ("Quảng Bình\nMục tiêu/Chỉ tiêu\nĐề ra năm 2023\nKết quả thực hiện\nĐánh giá\n"
            "- Tỷ lệ hồ sơ trực tuyến phát sinh của từng DVCTT\n30%\n75,3%\nVượt\n"
            "- Tỷ lệ văn bản, hồ sơ công việc được xử lý trên môi trường mạng tại cơ quan\n"
            "+ Cấp huyện\n92%\n95%\nVượt\n")
    got = sure(text)
    assert ("Quảng Bình", "online_dossiers_share", "target", 30.0, 2023) in got
    assert ("Quảng Bình", "online_dossiers_share", "actual", 75.3, None) in got
    assert ("Quảng Bình", "work_records_online_share_district", "target", 92.0, 2023) in got
    assert ("Quảng Bình", "work_records_online_share_district", "actual", 95.0, None) in got


def test_a_count_of_several_generations_is_the_total_and_a_part_in_brackets_is_its_own():
    assert sure("Nghệ An\nHiện Nghệ An có 8.500 trạm phát sóng BTS 3G, 4G.") == [
        ("Nghệ An", "bts_stations_count", "actual", 8500.0, None)]
    got = sure("Lai Châu\nTỉnh có 2.104 trạm BTS (55 trạm 5G).")
    assert ("Lai Châu", "bts_stations_count", "actual", 2104.0, None) in got
    assert ("Lai Châu", "bts_5g_count", "actual", 55.0, None) in got


_PROVINCES = st.sampled_from(["Đà Nẵng", "Quảng Ninh", "Cần Thơ", "Lạng Sơn", "Bắc Ninh",
                              "Nam Định"])


@given(st.integers(1, 63), _PROVINCES, st.sampled_from(["", "TP. ", "tỉnh "]))
def test_a_rankings_line_gives_the_province_after_the_number_its_rank(rank, name, prefix):
    text = f"BÁO CÁO XẾP HẠNG chuyển đổi số (DTI) năm 2022\n{rank} {prefix}{name}\n"
    got = [(c.unit, c.indicator, c.value) for c in extract_text(text, "t.txt") if c.matched]
    assert got == [(name, "dti_rank", float(rank))]


@given(st.lists(st.tuples(st.sampled_from(["Thể chế số", "Hạ tầng số", "Nhân lực số",
                                           "Nhận thức số"]),
                          st.integers(1, 63)), min_size=2, max_size=4, unique_by=lambda t: t[0]))
def test_a_dash_list_gives_each_main_index_its_rank(items):
    text = "Vĩnh Phúc\nChỉ số DTI của tỉnh: " + "; ".join(f"{n} - {r}" for n, r in items) + "."
    got = [c.value for c in extract_text(text, "t.txt")
           if c.matched and c.indicator.endswith("_rank")]
    assert got == [float(r) for _, r in items]
