"""Extraction rules on small texts written for the tests (not the seeds)."""

from __future__ import annotations

from chiso.extract import extract_text
from chiso.extract.figures import find_figures
from chiso.extract.sentences import split


def rows(text: str, **kw):
    return [(c.unit, c.indicator, c.kind, c.value, c.qualifier, c.target_year)
            for c in extract_text(text, "t.txt", **kw) if c.matched]


def test_dates_years_levels_and_references_are_not_values():
    s = ("Ngày 12/3/2021, theo Quyết định 749/QĐ-TTg, tỉnh có 300 DVC mức độ 3, 4 trong năm 2021 "
         "lúc 22:00 (Ảnh 1), xếp vị trí thứ 5/63.")
    values = [(f.value, f.measure) for f in find_figures(s)]
    assert values == [(300.0, "count"), (5.0, "rank")]


def test_differences_are_not_values():
    assert [f.value for f in find_figures("thấp hơn gần 5% so với cả nước, đạt 70%")] == [70.0]


def test_ranges_and_scales():
    f = find_figures("chi khoảng 1,5 – 2 tỷ đồng mỗi năm và 0,3 – 0,35% ngân sách")
    assert ((f[0].value, f[0].value_high, f[0].measure, f[0].qualifier)
            == (1.5e9, 2e9, "vnd", "approx"))
    assert (f[1].value, f[1].value_high, f[1].measure) == (0.3, 0.35, "percent")


def test_sentences_do_not_break_inside_numbers():
    parts = [s.text for s in split("Tỉnh có 911.000 thuê bao. Tỷ lệ đạt 70,8%.\nDòng mới")]
    assert parts == ["Tỉnh có 911.000 thuê bao.", "Tỷ lệ đạt 70,8%.", "Dòng mới"]


def test_province_national_and_kind():
    text = ("Quảng Ninh đẩy mạnh chuyển đổi số\n"
            "Tỷ lệ hộ gia đình có đường truyền cáp quang của tỉnh đạt 85%, cao hơn mức trung bình "
            "toàn quốc (72%). Đến năm 2025, tỷ lệ hộ gia đình có cáp quang phải đạt 100%. "
            "Trong khi đó Lạng Sơn mới có 60% hộ gia đình có cáp quang.")
    got = rows(text)
    assert ("Quảng Ninh", "fiber_households_share", "actual", 85.0, "eq", None) in got
    assert ("Việt Nam", "fiber_households_share", "national_average", 72.0, "eq", None) in got
    assert ("Quảng Ninh", "fiber_households_share", "target", 100.0, "eq", 2025) in got
    assert ("Lạng Sơn", "fiber_households_share", "actual", 60.0, "eq", None) in got


def test_qualifiers_and_abbreviations():
    text = ("Nam Định tăng tốc\n"
            "Hiện tỉnh đã cung cấp hơn 450 DVCTT mức độ 4 và tối thiểu 1.200 TTHC. "
            "Tỉnh cần dành ít nhất 10% ngân sách CNTT cho ATTT.")
    got = rows(text)
    assert ("Nam Định", "dvc_l4_count", "actual", 450.0, "gt", None) in got
    assert ("Nam Định", "cyber_share_of_it_budget", "target", 10.0, "ge", None) in got


def test_a_figure_without_a_confident_indicator_stays_unmatched():
    cands = extract_text("Hà Giang\nTỉnh có 12 năm liên tiếp và 40 con bò ăn 3 tấn cỏ.", "t.txt")
    assert cands and all(not c.matched for c in cands)


def test_unit_hint_wins_over_the_title():
    got = rows("Báo cáo chung\nTỷ lệ phủ sóng 4G đạt 98%.", unit_hint="Hà Nam")
    assert got == [("Hà Nam", "coverage_4g_pop", "actual", 98.0, "eq", None)]


def test_a_report_unlike_the_seeds():
    text = ("Hậu Giang: đẩy mạnh thanh toán không dùng tiền mặt\n"
            "Trong 9 tháng đầu năm 2022, tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến của "
            "Hậu Giang đạt 45,6%, tăng 12% so với cùng kỳ. Toàn tỉnh hiện có trên 2.100 trạm thu "
            "phát sóng di động (BTS), trong đó có 1.500 trạm 4G. "
            "Theo kế hoạch giai đoạn 2021 - 2025, tỉnh phấn đấu 90% hộ gia đình có đường truyền "
            "Internet cáp quang. So với Cần Thơ (tỷ lệ phủ sóng 4G đạt 99,8%), Hậu Giang vẫn còn "
            "khoảng cách: độ phủ 4G của tỉnh mới đạt 94%. Chỉ số DTI năm 2021 của tỉnh đạt 0,3512 "
            "điểm, xếp hạng 40/63.")
    got = rows(text)
    assert got == [
        ("Hậu Giang", "online_dossiers_share", "actual", 45.6, "eq", None),
        ("Hậu Giang", "bts_stations_count", "actual", 2100.0, "gt", None),
        ("Hậu Giang", "bts_4g_count", "actual", 1500.0, "eq", None),
        ("Hậu Giang", "fiber_households_share", "target", 90.0, "eq", 2025),
        ("Cần Thơ", "coverage_4g_pop", "actual", 99.8, "eq", None),
        ("Hậu Giang", "coverage_4g_pop", "actual", 94.0, "eq", None),
        ("Hậu Giang", "dti_score", "actual", 0.3512, "eq", None),
        ("Hậu Giang", "dti_rank", "actual", 40.0, "eq", None),
    ]


def test_shares_and_parts_follow_the_figure_they_belong_to():
    text = ("Long An\nTổng số DVCTT mức độ 3, 4 có phát sinh hồ sơ là 300 thủ tục, đạt tỷ lệ 40% "
            "(gồm: 200 DVCTT mức 3 và 100 DVCTT mức 4).")
    got = {(c.indicator, c.value) for c in extract_text(text, "t.txt") if c.matched}
    assert got == {("dvc_l34_with_dossiers_count", 300.0), ("dvc_l34_with_dossiers_share", 40.0),
                   ("dvc_l3_with_dossiers_count", 200.0), ("dvc_l4_with_dossiers_count", 100.0)}


def test_breakdowns_by_administrative_level_and_target_years():
    text = ("Bắc Giang: kết quả chuyển đổi số\n"
            "Tỷ lệ văn bản được xử lý trên môi trường mạng đạt 99,2% ở cấp tỉnh, 98% ở cấp huyện "
            "và 95% ở cấp xã. Mục tiêu năm 2025: 100% người dân trưởng thành có danh tính số; 80% "
            "người trưởng thành có tài khoản ngân hàng.")
    got = rows(text)
    assert got == [
        ("Bắc Giang", "work_records_online_share_provincial", "actual", 99.2, "eq", None),
        ("Bắc Giang", "work_records_online_share_district", "actual", 98.0, "eq", None),
        ("Bắc Giang", "work_records_online_share_commune", "actual", 95.0, "eq", None),
        ("Bắc Giang", "eid_user_share", "target", 100.0, "eq", 2025),
        ("Bắc Giang", "bank_account_adult_share", "target", 80.0, "eq", 2025),
    ]


KON_TUM = """Bộ trưởng Bộ TT&TT làm việc với tỉnh Kon Tum
Theo báo cáo, đến nay toàn tỉnh có gần 900 trạm BTS, trong đó 620 trạm 4G; tỷ lệ phủ sóng di \
động đạt 98% số thôn, làng. Tuy nhiên, vẫn còn 35 thôn, làng chưa có sóng di động.
Tỷ lệ thuê bao Internet băng rộng cố định trên 100 dân mới đạt 12,5, thấp hơn nhiều so với \
bình quân cả nước là 19,8.
Tỷ lệ người dân trưởng thành có điện thoại thông minh đạt 72%, trong khi cả nước đạt 84%.
Tỉnh đã đưa 1.450 DVC lên trực tuyến, trong đó có 560 DVCTT mức độ 4; tỷ lệ hồ sơ xử lý trực \
tuyến đạt 25,3%.
Bộ trưởng đề nghị Kon Tum phấn đấu đến năm 2025 xóa toàn bộ vùng lõm sóng, 100% thôn, làng có \
sóng 4G và tỷ lệ hồ sơ trực tuyến đạt tối thiểu 50%.
Gia Lai và Đắk Lắk đã đạt tỷ lệ hồ sơ trực tuyến trên 40%.
"""


def test_another_working_session_report():
    got = rows(KON_TUM)
    assert got == [
        ("Kon Tum", "bts_stations_count", "actual", 900.0, "approx", None),
        ("Kon Tum", "bts_4g_count", "actual", 620.0, "eq", None),
        ("Kon Tum", "coverage_mobile_villages_share", "actual", 98.0, "eq", None),
        # "trên 100 dân": a rate
        ("Kon Tum", "fixed_broadband_per_100", "actual", 12.5, "eq", None),
        ("Kon Tum", "smartphone_adult_share", "actual", 72.0, "eq", None),
        ("Việt Nam", "smartphone_adult_share", "national_average", 84.0, "eq", None),
        ("Kon Tum", "dvc_l4_count", "actual", 560.0, "eq", None),
        ("Kon Tum", "online_dossiers_share", "actual", 25.3, "eq", None),
        # "100% thôn, làng có sóng 4G": the noun phrase goes on over "thôn, làng"
        ("Kon Tum", "mobile_broadband_villages_share", "target", 100.0, "eq", 2025),
        ("Kon Tum", "online_dossiers_share", "target", 50.0, "ge", 2025),
        ("Gia Lai", "online_dossiers_share", "actual", 40.0, "gt", None),
        ("Đắk Lắk", "online_dossiers_share", "actual", 40.0, "gt", None),
    ]
    assert 100.0 not in [f.value for f in find_figures("thuê bao trên 100 dân mới đạt 12,5")]


def test_units_written_against_the_number():
    figs = find_figures("Tỉnh có diện tích hơn 3.300km2, cách Cần Thơ 62km, khu CNTT 200ha, "
                        "mạng 4G, gạo ST25.")
    assert [(f.value, f.measure, f.qualifier) for f in figs] == [
        (3300.0, "km2", "gt"), (62.0, "other", "eq"), (200.0, "ha", "eq")]


def test_best_in_the_country_is_not_the_national_figure():
    cases = {
        "Tỷ lệ hồ sơ trực tuyến của tỉnh đạt 95%, cao nhất cả nước.":
            [("Vĩnh Long", "actual", 95.0)],
        "Tỉnh đứng đầu cả nước với tỷ lệ hồ sơ trực tuyến 95%.": [("Vĩnh Long", "actual", 95.0)],
        "Tỷ lệ hồ sơ trực tuyến của tỉnh đạt 45%, trong khi cả nước đạt 60%.": [
            ("Vĩnh Long", "actual", 45.0), ("Việt Nam", "national_average", 60.0)],
        "Chỉ số PCI xếp thứ 5 cả nước, vị trí 5/63.": [("Vĩnh Long", "actual", 5.0)],
    }
    for sentence, want in cases.items():
        got = [(c.unit, c.kind, c.value)
               for c in extract_text("Vĩnh Long\n" + sentence, "t.txt") if c.matched]
        assert got == want, sentence


def test_respectively_gives_each_province_its_figure():
    text = ("Huế\nTrong khi đó, Đà Nẵng và Quảng Nam có tỷ lệ hồ sơ trực tuyến lần lượt "
            "là 55% và 40%.")
    got = [(c.unit, c.indicator, c.value) for c in extract_text(text, "t.txt") if c.matched]
    assert got == [("Đà Nẵng", "online_dossiers_share", 55.0),
                   ("Quảng Nam", "online_dossiers_share", 40.0)]
