"""The fifteenth session's rules: forms extraction misread on round 36's development documents,
written afresh with other provinces, numbers and words; each test fails without its rule."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract import extract_text

PROVINCES = ["Bắc Giang", "Hà Nam", "Trà Vinh", "Nam Định", "Kon Tum", "Bạc Liêu", "Sơn La"]


def _dec(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def _cands(text: str):
    return [c for c in extract_text(text, "t.txt") if c.placed]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(2, 40),
       st.sampled_from(["doanh thu bán hàng", "sản lượng bán", "số giao dịch"]))
def test_a_quantity_ranked_is_no_index_of_the_reports_topic(name, rank, what):
    # "doanh thu của các kho hàng ở Hải Dương trên sàn thương mại điện tử đứng thứ 6 trên toàn
    # quốc" in a report on digital transformation: a quantity's rank, not the DTI's
    text = (f"Tỉnh {name} đẩy mạnh chuyển đổi số trên các lĩnh vực. Trong đó, {what} của các "
            f"doanh nghiệp ở {name} trên sàn thương mại điện tử đứng thứ {rank} trên toàn quốc.")
    assert not [c for c in _cands(text) if c.value == rank]


def test_an_index_rank_in_a_report_on_its_topic_is_still_guessed():
    # the rule keeps to quantities: a bare rank of the report's index is still the index's
    text = ("Chỉ số chuyển đổi số (DTI) của tỉnh Kon Tum năm 2023 có nhiều tiến bộ. "
            "Tỉnh Kon Tum đứng thứ 12 trên toàn quốc.")
    assert ("Kon Tum", "dti_rank", 12.0) in {(c.unit, c.indicator, c.value) for c in _cands(text)}


@settings(max_examples=20, deadline=None)
@given(st.integers(10_000, 900_000), st.sampled_from(["doanh nghiệp", "hộ kinh doanh"]))
def test_times_something_was_done_are_no_count_of_who_did_it(n, who):
    # "số lượt doanh nghiệp nhỏ và vừa tiếp cận Chương trình ... là 975.966 doanh nghiệp"
    written = f"{n:,}".replace(",", ".")
    text = (f"Đến hết năm 2024, số lượt {who} tiếp cận Chương trình hỗ trợ chuyển đổi số là "
            f"{written} {who}.")
    assert not [c for c in _cands(text) if c.value == n]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(7800, 8900), st.integers(11, 290),
       st.integers(2, 60), st.sampled_from(["trung bình cả nước", "mức trung bình toàn quốc",
                                            "bình quân cả nước"]))
def test_by_how_much_above_the_average_is_no_average(name, score, gap, rank, average):
    # "Chỉ số SIPAS năm 2022 đạt 81,83% (cao hơn trung bình cả nước 1,75%), xếp thứ 20/63": the
    # gap is no national average, and the rank after the aside is the index's
    text = (f"Đối với tỉnh {name}, Chỉ số SIPAS năm 2022 đạt {_dec(score / 100)}% (cao hơn "
            f"{average} {_dec(gap / 100)}%), xếp thứ {rank}/63 tỉnh, thành phố.")
    got = {(c.unit, c.indicator, c.value) for c in _cands(text)}
    assert not [c for c in _cands(text) if c.value == round(gap / 100, 2)]
    assert (name, "sipas_score", round(score / 100, 2)) in got
    assert (name, "sipas_rank", float(rank)) in got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(60, 95), st.integers(2020, 2025))
def test_a_growth_aimed_over_a_year_is_for_the_year_after(name, tenths, base):
    # "GRDP phấn đấu tăng 8%-8,5% so với năm 2023": the growth of 2024 over 2023
    text = (f"Theo UBND tỉnh {name}, về chỉ tiêu kinh tế, GRDP phấn đấu tăng "
            f"{_dec(tenths / 10)[:-1]}% so với năm {base}.")
    got = [c for c in _cands(text) if c.indicator == "grdp_growth"]
    assert [(c.kind, c.target_year) for c in got] == [("target", base + 1)]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(1000, 9000), st.integers(2, 11))
def test_a_count_up_to_a_month_of_the_reports_year_is_reached(name, stations, month):
    # "Đến tháng 10/2025, Việt Nam có 16.737 trạm 5G": a date reached, in a report of that
    # year, not an aim for it
    written = f"{stations:,}".replace(",", ".")
    text = (f"Năm 2025, hạ tầng số tiếp tục được đầu tư. Đến tháng {month}/2025, tỉnh {name} "
            f"có {written} trạm 5G.")
    got = [c for c in _cands(text) if c.indicator == "bts_5g_count"]
    assert [(c.unit, c.kind, c.value) for c in got] == [(name, "actual", float(stations))]


def test_a_month_of_a_later_year_is_still_an_aim():
    text = ("Năm 2024, hạ tầng số tiếp tục được đầu tư. Đến tháng 6/2026, tỉnh Sơn La "
            "có 3.000 trạm 5G.")
    got = [c for c in _cands(text) if c.indicator == "bts_5g_count"]
    assert [(c.kind, c.target_year) for c in got] == [("target", 2026)]


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(6, 12))
def test_a_titles_bound_is_the_range_stated_below_it(name, low):
    # "Quảng Trị đặt mục tiêu tăng trưởng kinh tế trên 9%/năm" over "... 9-10%/năm cho giai
    # đoạn 2026-2030": one aim, the range's, for its year
    text = (f"{name} đặt mục tiêu tăng trưởng kinh tế trên {low}%/năm\n\n"
            f"Tỉnh {name} phấn đấu tăng trưởng kinh tế {low}-{low + 1}%/năm cho giai đoạn "
            "2026-2030.")
    got = [c for c in _cands(text) if c.indicator == "grdp_growth"]
    assert [(c.value, c.value_high, c.target_year) for c in got] == [
        (float(low), float(low + 1), 2030)]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(7000, 9500), st.integers(50, 400),
       st.sampled_from(["xuống", "còn"]))
def test_the_value_a_figure_went_to_is_of_the_indicator_it_went_from(name, was, fall, to):
    # "Chỉ số CCHC năm 2022 của tỉnh giảm nhẹ, gần 1 điểm % so với năm 2021, từ 87,61% xuống
    # 86,78% (trên tổng điểm tối đa 100)"
    now = was - fall
    text = (f"Chỉ số CCHC năm 2022 của tỉnh {name} giảm nhẹ, gần {fall // 100 + 1} điểm % so với "
            f"năm 2021, từ {_dec(was / 100)}% {to} {_dec(now / 100)}% (trên tổng điểm tối đa 100).")
    got = {(c.unit, c.indicator, c.value) for c in _cands(text)}
    assert (name, "par_index_score", round(now / 100, 2)) in got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(2, 30), st.integers(1, 6),
       st.sampled_from(["trong vùng", "trong khu vực", "của vùng Tây Bắc"]))
def test_a_rank_a_province_went_from_in_its_region_is_the_regions(name, national, regional,
                                                                 region):
    # "giảm 4 bậc, từ vị trí thứ 1 xuống thứ 5 trong vùng": both ranks are the region's
    text = (f"Chỉ số SIPAS của tỉnh {name} giảm {national} bậc, từ vị trí thứ {national} xuống "
            f"{2 * national} trong cả nước, và giảm 1 bậc, từ vị trí thứ {regional} xuống thứ "
            f"{regional + 1} {region}.")
    ranks = {c.value for c in _cands(text) if c.indicator == "sipas_rank"}
    assert ranks == {float(national), float(2 * national)}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(7000, 9500), st.integers(3000, 6900))
def test_a_share_of_towns_or_the_countryside_is_not_the_provinces(name, town, country):
    # "Tỷ lệ người sử dụng Internet ở thành thị là 87,32% và ở nông thôn là 59,03%"
    text = (f"Năm 2020, tỷ lệ người sử dụng Internet của tỉnh {name} ở thành thị là "
            f"{_dec(town / 100)}% và ở nông thôn là {_dec(country / 100)}%.")
    assert not [c for c in _cands(text) if c.indicator == "internet_users_share"]


def test_a_share_of_the_whole_province_is_still_read():
    text = "Năm 2020, tỷ lệ người sử dụng Internet của tỉnh Hà Nam là 77,63%."
    assert {(c.unit, c.indicator, c.value) for c in _cands(text)} == {
        ("Hà Nam", "internet_users_share", 77.63)}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(6000, 7500), st.integers(6000, 7500))
def test_the_scores_of_agencies_ranked_are_no_provinces(name, a, b):
    # "Sở Thông tin và Truyền thông xếp vị trí thứ 2 (71,05 điểm) và Sở Kế hoạch và Đầu tư giữ vị
    # trí thứ 3 (70,79 điểm)": the agencies' (the decimal comma cuts no piece of the clause)
    text = (f"Theo bảng xếp hạng PCI năm 2022, tỉnh {name} xếp thứ 45. Ở nhóm các sở, ban, "
            f"ngành, Bảo hiểm Xã hội tỉnh giữ vị trí cao nhất (72,24 điểm); Sở Thông tin và "
            f"Truyền thông xếp vị trí thứ 2 ({_dec(a / 100)} điểm) và Sở Kế hoạch và Đầu tư giữ "
            f"vị trí thứ 3 ({_dec(b / 100)} điểm).")
    assert {(c.unit, c.indicator, c.value) for c in _cands(text)} == {(name, "pci_rank", 45.0)}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(50, 900),
       st.sampled_from(["đơn giản hóa", "cắt giảm", "bãi bỏ"]))
def test_procedures_a_reform_touched_are_not_all_the_province_has(name, n, done):
    # "phê duyệt và thực thi phương án đơn giản hóa 548 thủ tục hành chính"
    text = f"Tỉnh {name} đã phê duyệt phương án {done} {n} thủ tục hành chính trong năm 2024."
    assert not [c for c in _cands(text) if c.value == n]


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(500, 990))
def test_a_share_of_people_with_smartphones_is_a_share(name, tenths):
    # "tỷ lệ người dân sử dụng điện thoại thông minh đạt 87,5%": the words fit a share and a
    # rate per 100 alike; a per-cent figure is the share
    text = (f"Sau hai năm triển khai Đề án 06, tỉnh {name} có tỷ lệ người dân sử dụng điện "
            f"thoại thông minh đạt {_dec(tenths / 10)[:-1]}%.")
    got = {c.indicator for c in _cands(text)}
    assert got == {"smartphone_user_share"}


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(90, 120))
def test_a_population_no_province_has_is_the_countrys(home, millions):
    # "quy mô dân số đạt khoảng 105 triệu người" in a report on a province
    text = (f"Tỉnh {home} quán triệt nghị quyết của Đảng. Về xã hội, nghị quyết nêu quy mô dân số "
            f"đến năm 2030 đạt khoảng {millions} triệu người.")
    got = [(c.unit, c.indicator) for c in extract_text(text, "t.txt") if c.matched]
    assert got == [("Việt Nam", "population")]


def test_a_provinces_population_stays_its_own():
    text = "Tỉnh Nghệ An có quy mô dân số đạt khoảng 3,4 triệu người."
    got = [(c.unit, c.indicator) for c in extract_text(text, "t.txt") if c.matched]
    assert got == [("Nghệ An", "population")]


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(2, 9), st.sampled_from(["nhiều", "5", "ba"]))
def test_a_place_held_for_years_gone_by_is_not_the_years(name, now, years):
    # "tỉnh Quảng Ninh sau nhiều năm liên tục xếp hạng thứ nhất thì năm 2024 đã tụt xuống vị trí
    # thứ 4"
    text = (f"Chỉ số PAR Index năm 2024: tỉnh {name} sau {years} năm liên tục xếp hạng thứ nhất "
            f"thì năm 2024 đã tụt xuống vị trí thứ {now} với tổng 91,49 điểm.")
    ranks = {c.value for c in _cands(text) if c.indicator == "par_index_rank"}
    assert ranks == {float(now)}


# --- round 37's development documents -------------------------------------------------------

@settings(max_examples=15, deadline=None)
@given(st.sampled_from(PROVINCES), st.sampled_from(["3G, 4G", "4G", "di động"]))
def test_coverage_at_the_centres_of_the_communes_is_a_share_of_communes(name, network):
    # "Tỷ lệ phủ sóng thông tin di động 3G, 4G đã đạt 100% tại trung tâm các xã, thị trấn"
    text = (f"Tỷ lệ phủ sóng thông tin di động {network} của tỉnh {name} đã đạt 100% tại trung "
            f"tâm các xã, thị trấn.")
    assert {c.indicator for c in _cands(text)} == {"coverage_mobile_communes_share"}


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(80, 99), st.sampled_from(["khá", "tốt"]))
def test_targets_said_met_are_followed_by_results(name, share, how):
    # "Bưu điện tỉnh có nhiều chỉ tiêu đạt khá, như: 100% xã ... Tỷ lệ dân số được phủ sóng 4G
    # đạt 96%."
    text = (f"Tỉnh {name} có nhiều chỉ tiêu đạt {how}, như: 100% xã, phường, thị trấn được phủ "
            f"sóng di động 3G/4G. Tỷ lệ dân số được phủ sóng 4G đạt {share}%.")
    kinds = {(c.indicator, c.kind) for c in _cands(text)}
    assert kinds == {("coverage_mobile_communes_share", "actual"), ("coverage_4g_pop", "actual")}


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(60, 95))
def test_a_share_of_the_number_of_people_is_a_share_of_the_population(name, share):
    # "toàn tỉnh có 86% số dân sử dụng Internet"
    text = f"Tính đến nay, tỉnh {name} có {share}% số dân sử dụng Internet."
    assert {(c.unit, c.indicator, c.value) for c in _cands(text)} == {
        (name, "internet_users_share", float(share))}


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(20_000, 90_000), st.integers(120, 990))
def test_the_products_value_then_its_growth(name, billions, hundredths):
    # "GRDP ước đạt 41.480 tỷ đồng, tăng 2,61% so với năm trước": the growth of GRDP, not a rise
    # of something else
    value = f"{billions:,}".replace(",", ".")
    text = (f"Năm 2023, tổng sản phẩm trên địa bàn tỉnh {name} – GRDP ước đạt {value} tỷ đồng, "
            f"tăng {_dec(hundredths / 100)}% so với năm trước.")
    got = {(c.unit, c.indicator, c.value) for c in _cands(text)}
    assert (name, "grdp_growth", round(hundredths / 100, 2)) in got


def test_a_sectors_contribution_to_the_product_then_its_rise_is_no_growth_of_the_product():
    text = ("Đóng góp của ngành thông tin và truyền thông vào GDP ước tính đạt 476.933 tỷ đồng, "
            "tăng 22,5% so với cùng kỳ năm trước.")
    assert not [c for c in _cands(text) if c.indicator == "grdp_growth"]
