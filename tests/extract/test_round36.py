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
    return [c for c in extract_text(text, "t.txt") if c.matched and not c.needs_look]


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
