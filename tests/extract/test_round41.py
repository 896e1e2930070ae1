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


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(2005, 2024), st.integers(20_000, 900_000),
       st.sampled_from(["Số thuê bao điện thoại phát triển mới đạt {n} thuê bao",
                        "Các doanh nghiệp đã phát triển mới được {n} thuê bao di động",
                        "Năm {y} phát triển thêm {n} thuê bao Internet"]))
def test_subscribers_added_in_a_period_are_no_total(province, year, added, said):
    # "số thuê bao điện thoại phát triển mới ước tính đạt 41,7 triệu": the subscribers added,
    # not those the province has; the total beside them stays read
    total = added * 10 + 7
    text = (f"Toàn tỉnh {province} có {_thousands(total)} thuê bao điện thoại di động. "
            + said.format(n=_thousands(added), y=year) + ".")
    got = {(c.indicator, c.value) for c in _placed(text)}
    assert ("mobile_subscribers", total) in got
    assert not any(v == added for _, v in got)


def test_subscribers_said_to_be_a_share_of_those_added_are_no_total():
    text = ("Trong đó, tỉnh Gia Lai có 65.500 thuê bao di động, chiếm gần 91% tổng số thuê bao "
            "điện thoại phát triển mới trong quý 1.")
    assert not any(c.value == 65500 for c in _placed(text))


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(600_000, 3_000_000), st.integers(20, 80),
       st.sampled_from([("dân số sống tại thành thị", "dân số sống tại nông thôn"),
                        ("dân số nam", "dân số nữ"),
                        ("dân số khu vực thành thị", "dân số khu vực nông thôn")]))
def test_parts_of_the_population_are_not_the_population(province, total, percent, parts):
    # "dân số sống tại thành thị đạt 432.458 người, dân số sống tại nông thôn đạt 1.364.208
    # người": each part's, no population of the province
    first = total * percent // 100
    text = (f"Dân số tỉnh {province} là {_thousands(total)} người. Trong đó, {parts[0]} đạt "
            f"{_thousands(first)} người, {parts[1]} đạt {_thousands(total - first)} người.")
    got = {(c.indicator, c.value) for c in _placed(text)}
    assert got == {("population", total)}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(1_000, 9_000), st.sampled_from(["giảm", "tăng"]))
def test_a_change_after_a_colon_is_a_change(province, change, verb):
    # "(cố định giảm: 7.448 thuê bao, ...)": by how much, not how many there are
    text = (f"So với cùng kỳ, số thuê bao điện thoại của tỉnh {province} {verb} 11.090 thuê bao "
            f"(cố định {verb}: {_thousands(change)} thuê bao).")
    assert not any(c.value == change for c in _placed(text))


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 9), st.integers(50, 95), st.sampled_from(["dưới ", "khoảng ", ""]),
       st.sampled_from(["khoảng ", "gần ", "hơn ", ""]),
       st.sampled_from(["Vùng phủ", "Vùng phủ sóng"]))
def test_a_coverage_said_as_an_area_from_one_value_to_another(low, high, q_from, q_to, area):
    # "vùng phủ 5G đã tăng từ dưới 1% lên khoảng 90% dân số": the area covered is the coverage,
    # and the value it went to is of the indicator of the value it went from, whatever
    # qualifiers either has
    text = (f"Theo Bộ Khoa học và Công nghệ, {area.lower()} 5G của cả nước đã tăng từ {q_from}"
            f"{low}% lên {q_to}{high}% dân số.")
    got = {(c.indicator, c.unit, c.value) for c in _placed(text)}
    assert ("coverage_5g_share", "Việt Nam", high) in got
    assert ("coverage_5g_share", "Việt Nam", low) in got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(9000, 9999),
       st.sampled_from(["thôn bản đã có sóng", "thôn, bản có sóng"]))
def test_villages_that_have_a_signal_are_the_mobile_coverage(province, hundredths, said):
    # "toàn quốc đạt tỷ lệ 99,73% thôn bản đã có sóng": a signal, as "phủ sóng" is
    share = f"{hundredths / 100:.2f}".replace(".", ",")
    text = f"Năm 2023, tỉnh {province} đạt tỷ lệ {share}% {said}."
    got = {(c.indicator, c.value) for c in _placed(text)}
    assert got == {("coverage_mobile_villages_share", hundredths / 100)}


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(20_000, 900_000))
def test_sets_of_dossiers_are_dossiers(province, n):
    # "trên 500.000 bộ hồ sơ được phát trả thành công qua dịch vụ bưu chính công ích": "bộ" is
    # the dossiers' classifier, not what is counted
    text = (f"Năm 2023, tỉnh {province} có {_thousands(n)} bộ hồ sơ được phát trả thành công qua "
            "dịch vụ bưu chính công ích.")
    got = {(c.indicator, c.value) for c in _placed(text)}
    assert got == {("postal_public_service_dossiers", n)}


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(20, 400))
def test_a_source_opening_a_sentence_with_an_aside_is_no_subject(province, n):
    # "Theo số liệu được công bố tại Hội nghị ... của Bộ Khoa học và Công nghệ (Khối Bưu chính,
    # Viễn thông), ...": the ministry published the figure; the report's province has it
    text = (f"Tỉnh {province} đẩy mạnh phát triển hạ tầng số. Theo số liệu được công bố tại Hội "
            "nghị triển khai công tác năm 2024 của Bộ Thông tin và Truyền thông (Khối Bưu chính, "
            f"Viễn thông), toàn tỉnh đã có {n} trạm 5G.")
    got = {(c.indicator, c.unit, c.value) for c in _placed(text)}
    assert got == {("bts_5g_count", province, n)}


def test_the_endpoints_an_electronic_briefing_connects_are_video_conference_endpoints():
    text = "Hệ thống giao ban điện tử của tỉnh Hà Tĩnh được kết nối với 122 điểm cầu trong tỉnh."
    got = {(c.indicator, c.value) for c in _placed(text)}
    assert got == {("video_conf_endpoints", 122)}


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(5, 18), st.sampled_from(["mức độ 2", "mức độ 1, 2"]))
def test_a_level_said_of_a_share_is_not_passed_for_the_next_ones(province, agencies, low):
    # "100% thủ tục hành chính ... được cung cấp trực tuyến ở mức độ 2, 17/19 cơ quan ... đã cung
    # cấp dịch vụ công trực tuyến mức độ 3, 4": the procedures are offered at level 2
    text = (f"Tại {province}, 100% thủ tục hành chính các cơ quan nhà nước tỉnh được cung cấp "
            f"trực tuyến ở {low}, {agencies}/19 cơ quan chuyên môn thuộc UBND tỉnh đã cung cấp "
            "dịch vụ công trực tuyến mức độ 3, 4.")
    got = {(c.indicator, c.value) for c in extract_text(text, "t.txt") if c.matched}
    assert not any(ind in ("dvc_l34_share", "dvc_l4_share") and v == 100 for ind, v in got)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(5, 15), st.sampled_from(["", "hơn ", "khoảng "]),
       st.sampled_from(["vào GRDP", "vào tăng trưởng GRDP", "cho GRDP"]))
def test_the_digital_economys_contribution_to_the_product_is_its_share(province, share, about,
                                                                       into):
    # "đóng góp hơn 14% vào GDP, kinh tế số ...", "kinh tế số đóng góp 17% vào tăng trưởng GRDP":
    # the digital economy's part of the product, no growth of it (shares a growth could be: one
    # no growth could be is not read as growth in the first place)
    text = f"Năm 2023, kinh tế số của tỉnh {province} đóng góp {about}{share}% {into} của tỉnh."
    got = {(c.indicator, c.value) for c in _placed(text)}
    assert got == {("digital_economy_grdp_share", share)}


def test_another_sectors_contribution_to_the_product_is_no_growth():
    text = "Năm 2023, khu vực FDI đóng góp 37% vào tăng trưởng GRDP của tỉnh Hà Nam."
    assert not any(c.indicator == "grdp_growth" for c in _placed(text))


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(900, 999),
       st.sampled_from([("có hạ tầng băng rộng cáp quang", "fiber_communes_share",
                         "fiber_villages_share"),
                        ("được phủ sóng 4G", "coverage_mobile_communes_share",
                         "mobile_broadband_villages_share")]),
       st.sampled_from(["số bản", "thôn", "số ấp, khu phố"]))
def test_a_list_of_shares_shares_the_network_named_after_its_last(province, tenths, network,
                                                                  villages):
    # "100% số xã, 98,5% số bản có hạ tầng băng rộng cáp quang": each member counts its own, the
    # network after the last is all of theirs
    said, communes_code, villages_code = network
    share = f"{tenths / 10:.1f}".replace(".", ",")
    text = f"Tỉnh {province} có 100% số xã, {share}% {villages} {said}."
    got = {(c.indicator, c.value) for c in _placed(text)}
    assert got == {(communes_code, 100), (villages_code, tenths / 10)}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(2019, 2024), st.integers(60, 99),
       st.integers(50, 59), st.sampled_from(["(BKTO) - ", "(TTXVN) – ", ""]))
def test_a_plan_beaten_in_brackets_is_the_aim_of_the_year_and_the_result_is_actual(
        province, year, result, plan, dateline):
    # "(BKTO) - Năm 2023, Bình Phước ... với 8,34% (vượt kế hoạch đề ra là 8%)": a dateline's
    # dash sets no horizon (the year is no aim), and the plan the result beat is that year's aim
    text = (f"{dateline}Năm {year}, tỉnh {province} có tốc độ tăng trưởng kinh tế (GRDP) đạt "
            f"{result / 10:.2f}% (vượt kế hoạch đề ra là {plan / 10:.1f}%).".replace(".", ","))
    text = text[:-1] + "."
    got = {(c.indicator, c.kind, c.year, c.target_year, c.value) for c in _placed(text)}
    assert got == {("grdp_growth", "actual", year, None, result / 10),
                   ("grdp_growth", "target", None, year, plan / 10)}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(2012, 2018), st.integers(3, 6),
       st.lists(st.integers(4000, 9000), min_size=6, max_size=6, unique=True),
       st.sampled_from(["Sơ bộ ", ""]))
def test_a_statistics_table_of_years_down_the_side_gives_each_year_its_total(
        province, first, n, hundredths, preliminary):
    # a statistics office's table: a title, "(ĐVT: %)", "TỔNG SỐ Phân theo thành thị, nông
    # thôn", then "2015 72,28 72,64 55,60" a line each: the first value is the year's total
    years = list(range(first, first + n))
    rows = [(f"{preliminary}" if k == n - 1 else "") + f"{y} " + " ".join(
        _dec(v / 100) for v in (hundredths[k], hundredths[k] + 150, hundredths[k] - 900))
        for k, y in enumerate(years)]
    text = "\n".join([f"Tỉnh {province}: tỷ lệ hộ gia đình có kết nối Internet", "(ĐVT: %)",
                      "TỔNG SỐ Phân theo thành thị, nông thôn", "Thành thị Nông thôn", *rows])
    got = {(c.indicator, c.year, c.value) for c in _placed(text)}
    assert got == {("fixed_broadband_households_share", y, hundredths[k] / 100)
                   for k, y in enumerate(years)}


def test_a_table_of_years_whose_columns_name_no_total_is_not_read_as_totals():
    text = ("Số thuê bao của tỉnh Gia Lai\nCố định Di động\n2021 26.226 1.161.983\n"
            "2022 25.100 1.200.400")
    got = {(c.indicator, c.value) for c in _placed(text)}
    assert ("phone_subscribers", 26226) not in got and ("phone_subscribers", 25100) not in got


def _dec(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(6000, 9000), st.integers(100, 500))
def test_the_towns_or_countrysides_share_is_no_coverage_of_the_province(province, whole, gap):
    # "tỷ lệ hộ gia đình có kết nối Internet ở thành thị là 87,32%; ... ở nông thôn là 59,03%":
    # parts of the province, no coverage reading brings them back as its whole
    text = (f"Năm 2020, tỷ lệ hộ gia đình có kết nối Internet của tỉnh {province} là "
            f"{_dec(whole / 100)}%. Trong đó, tỷ lệ hộ gia đình có kết nối Internet ở thành thị là "
            f"{_dec((whole + gap) / 100)}%; tỷ lệ hộ gia đình có kết nối Internet ở nông thôn là "
            f"{_dec((whole - gap) / 100)}%.")
    got = {(c.indicator, c.value) for c in _placed(text)}
    assert got == {("fixed_broadband_households_share", whole / 100)}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(60, 99), st.integers(50, 59))
def test_a_plan_in_brackets_after_the_words_of_its_beating_is_the_aim(province, result, plan):
    # "... năm 2024 tăng 8,52%, vượt kế hoạch đề ra (Kế hoạch đề ra là 7,6%)"
    text = (f"Tổng sản phẩm trên địa bàn tỉnh {province} năm 2024 tăng {_dec1(result / 10)}%, vượt "
            f"kế hoạch đề ra (Kế hoạch đề ra là {_dec1(plan / 10)}%).")
    got = {(c.indicator, c.kind, c.target_year, c.value) for c in _placed(text)}
    assert ("grdp_growth", "target", 2024, plan / 10) in got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Long An", "Tây Ninh", "Phú Thọ"]), st.integers(50, 89),
       st.sampled_from([("Trà Vinh", "Hậu Giang"), ("Bắc Giang", "Hải Phòng")]),
       st.sampled_from(["tăng", "tăng trưởng"]))
def test_the_provinces_ranked_before_in_brackets_have_their_own_growth(province, tenths, others,
                                                                      verb):
    # "... ước cả năm đạt 8,3%, đứng thứ 3 vùng ĐBSCL (sau Trà Vinh tăng 10% và Hậu Giang tăng
    # 8,76%)": each province's own growth, not the report's province's
    first, second = others
    text = (f"Năm 2024, tốc độ tăng trưởng kinh tế (GRDP) của tỉnh {province} ước đạt "
            f"{_dec1(tenths / 10)}%, đứng thứ 3 cả nước (sau {first} {verb} 10,5% và {second} "
            f"{verb} 9,2%).")
    got = {(c.unit, c.indicator, c.value) for c in _placed(text)}
    assert got == {(province, "grdp_growth", tenths / 10), (first, "grdp_growth", 10.5),
                   (second, "grdp_growth", 9.2)}


def _dec1(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(2021, 2024), st.integers(1, 63),
       st.integers(5000, 7000))
def test_an_edition_compared_with_is_not_the_years_of_the_figures_after_it(province, year, rank,
                                                                          before):
    # "DTI 2022 ... tăng trưởng 20,8% so với DTI 2021 (0,794), xếp hạng 5/63": the rank is of
    # 2022; the value in brackets after the edition compared with is that edition's
    text = (f"DTI {year} của tỉnh {province} có giá trị 0,7001, tăng so với DTI {year - 1} "
            f"(0,{before}), xếp hạng {rank}/63 tỉnh, thành phố cả nước.")
    got = {(c.indicator, c.year, c.value) for c in _placed(text)}
    assert ("dti_rank", year, rank) in got
    assert ("dti_score", year - 1, before / 10000) in got


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(10, 30),
       st.sampled_from(["Các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch",
                        "Các chỉ tiêu chủ yếu của tỉnh đều đạt và vượt kế hoạch",
                        "Các chỉ tiêu đều đạt và vượt kế hoạch"]))
def test_aims_said_met_make_the_figures_after_them_results(province, share, said):
    # "Các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch, trong đó kinh tế số chiếm 22% GRDP"
    text = f"{said}, trong đó kinh tế số của tỉnh {province} chiếm {share}% GRDP."
    got = {(c.indicator, c.kind, c.value) for c in _placed(text)}
    assert got == {("digital_economy_grdp_share", "actual", share)}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(2021, 2024), st.integers(500, 900),
       st.sampled_from(["con số này được ước tính là", "tỷ lệ này đã lên", "con số này đạt"]))
def test_a_figure_pointed_back_to_is_of_the_indicator_just_said(province, year, tenths, said):
    # "Năm 2022, con số này được ước tính là 11,91%", "Đến nay, con số này đã vượt mốc 35.000
    # trạm": the figure of the sentence before, again
    text = (f"Năm {year}, tỷ trọng kinh tế số trong GRDP của tỉnh {province} đạt 9%. Năm "
            f"{year + 1}, {said} {_dec(tenths / 100)}%.")
    got = {(c.indicator, c.year, c.value) for c in extract_text(text, "t.txt") if c.matched}
    assert ("digital_economy_grdp_share", year + 1, tenths / 100) in got


def test_a_count_pointed_back_to_keeps_its_indicator():
    text = ("Cách đây 2 năm, tỉnh Gia Lai mới có 184 trạm 5G. Đến nay, con số này đã vượt mốc "
            "1.500 trạm.")
    got = {(c.indicator, c.value) for c in extract_text(text, "t.txt") if c.matched}
    assert ("bts_5g_count", 1500) in got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(200, 2500),
       st.sampled_from(["gặp sự cố", "bị mất sóng", "bị hư hỏng", "ngừng hoạt động"]))
def test_stations_a_storm_took_down_are_no_count_of_stations(province, n, what):
    # "khiến hơn 1.990 trạm BTS gặp sự cố": what the storm took down, not what the province has
    text = (f"Sau bão, hạ tầng viễn thông tại {province} bị thiệt hại, khiến hơn {_thousands(n)} "
            f"trạm BTS {what}.")
    assert not any(c.indicator == "bts_stations_count" for c in _placed(text))
