"""Figures as people write them: each form read to the value it means, whatever the numbers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract.pipeline import extract_text

PROVINCE = "Nghệ An"


def vn(x: float, decimals: int) -> str:
    """A number as a Vietnamese report writes it: 1.204 for thousands, 43,5 for decimals."""
    whole, _, frac = f"{x:,.{decimals}f}".partition(".")
    return whole.replace(",", ".") + ("," + frac if frac else "")


def rows(text: str) -> list[dict]:
    return [c.as_row() for c in extract_text(text, "x.txt") if c.placed]


def only(text: str, indicator: str) -> dict:
    found = [r for r in rows(text) if r["indicator"] == indicator]
    assert len(found) == 1, (text, rows(text))
    return found[0]


years = st.integers(2019, 2025)


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 40), up=st.booleans(), year=years)
def test_a_change_of_rank_is_signed_by_its_verb_and_is_never_a_rank(n, up, year):
    verb = "tăng" if up else "giảm"
    text = (f"Năm {year}, tỉnh {PROVINCE} {verb} {n} bậc trên bảng xếp hạng "
            "Chỉ số chuyển đổi số (DTI).")
    r = only(text, "dti_rank_change")
    assert r["value"] == (n if up else -n) and r["unit"] == PROVINCE and r["year"] == year
    assert not [x for x in rows(text) if x["indicator"] == "dti_rank"]


@settings(max_examples=40, deadline=None)
@given(rank=st.integers(1, 63),
       thu=st.sampled_from(["xếp thứ ", "xếp ", "đứng thứ ", "xếp vị trí thứ "]),
       total=st.sampled_from([63, 34]), year=years)
def test_a_rank_out_of_the_provinces_is_a_rank_with_or_without_thu(rank, thu, total, year):
    rank = min(rank, total)
    text = (f"Năm {year}, Chỉ số chuyển đổi số (DTI) của tỉnh {PROVINCE} {thu}{rank}/{total} "
            "tỉnh, thành phố.")
    r = only(text, "dti_rank")
    assert r["value"] == rank and r["unit"] == PROVINCE
    assert all(x["indicator"] != "dti_score" for x in rows(text))  # a rank is never a value


@settings(max_examples=40, deadline=None)
@given(score=st.floats(20, 79.99).map(lambda x: round(x, 2)), year=years)
def test_a_score_out_of_its_scale_is_the_score(score, year):
    text = f"Năm {year}, Chỉ số PAPI của tỉnh {PROVINCE} đạt {vn(score, 2)}/80 điểm."
    r = only(text, "papi_score")
    assert r["value"] == score


@settings(max_examples=40, deadline=None)
@given(total=st.integers(200, 3000), gap=st.integers(0, 150), year=years)
def test_a_count_out_of_all_villages_is_a_share_and_the_written_share_wins(total, gap, year):
    done = max(total - gap, 1)
    plain = f"Năm {year}, tỉnh {PROVINCE} có {vn(done, 0)}/{vn(total, 0)} thôn được phủ cáp quang."
    r = only(plain, "fiber_villages_share")
    assert abs(r["value"] - 100 * done / total) < 0.01
    share = round(100 * done / total)
    written = (f"Năm {year}, tỉnh {PROVINCE} có {vn(done, 0)}/{vn(total, 0)} thôn có cáp quang "
               f"(tương đương {share}%).")
    assert only(written, "fiber_villages_share")["value"] == share


@settings(max_examples=40, deadline=None)
@given(rate=st.floats(10, 140).map(lambda x: round(x, 1)), year=years)
def test_a_rate_per_hundred_inhabitants_is_read_with_its_base(rate, year):
    text = (f"Năm {year}, tỷ lệ thuê bao băng rộng di động của tỉnh {PROVINCE} đạt "
            f"{vn(rate, 1)} thuê bao/100 dân.")
    assert only(text, "mobile_broadband_per_100")["value"] == rate


@settings(max_examples=40, deadline=None)
@given(low=st.integers(30, 80), width=st.integers(1, 19),
       dash=st.sampled_from(["-", " - ", "–", " – ", " đến "]),
       year=st.integers(2025, 2030))
def test_a_range_with_hyphen_en_dash_or_den_keeps_both_ends(low, width, dash, year):
    text = (f"Mục tiêu đến năm {year}, tỷ lệ dịch vụ công trực tuyến toàn trình của tỉnh "
            f"{PROVINCE} đạt {low}{dash}{low + width}%.")
    r = only(text, "dvc_full_online_share")
    assert ((r["value"], r["value_high"], r["kind"], r["target_year"])
            == (low, low + width, "target", year))


@settings(max_examples=40, deadline=None)
@given(share=st.integers(10, 99), cue=st.sampled_from(["khoảng ", "gần ", "trên ", "hơn ", ""]),
       year=years)
def test_an_approximation_is_kept_as_its_qualifier_not_dropped(share, cue, year):
    text = f"Năm {year}, tỉnh {PROVINCE} đạt {cue}{share}% hộ gia đình có cáp quang."
    r = only(text, "fiber_households_share")
    assert r["value"] == share
    assert (r["qualifier"] == "eq") == (cue == "")


@settings(max_examples=40, deadline=None)
@given(score=st.floats(0.2, 0.9).map(lambda x: round(x, 4)), year=years)
def test_a_bare_index_value_is_a_score(score, year):
    text = f"Năm {year}, tỉnh {PROVINCE} đạt {vn(score, 4)} điểm Chỉ số chuyển đổi số (DTI)."
    assert only(text, "dti_score")["value"] == score
