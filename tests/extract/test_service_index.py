"""The service index of Decision 766/QĐ-TTg ("Bộ chỉ số phục vụ người dân, doanh nghiệp"), as
pages write its name: with the comma of its full name, with or without "Bộ", before or after the
figure. Province names, years and values are drawn, not taken from the corpus."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract import extract_text

_PROVINCES = st.sampled_from(["Hà Giang", "Bình Định", "Sơn La", "Tây Ninh", "Quảng Trị"])
_NAMES = st.sampled_from(["chỉ số phục vụ người dân, doanh nghiệp",
                          "Chỉ số Phục vụ người dân, doanh nghiệp",
                          "Bộ chỉ số phục vụ người dân, doanh nghiệp",
                          "chỉ số phục vụ người dân"])


def _sure(text: str) -> list[tuple]:
    return [(c.unit, c.indicator, c.value) for c in extract_text(text, "a.txt")
            if c.placed]


@settings(max_examples=40, deadline=None)
@given(_PROVINCES, _NAMES, st.integers(1, 63), st.integers(2022, 2025))
def test_a_rank_named_after_it_as_the_service_index(province, name, rank, year):
    text = f"Trong năm {year}, {province} xếp thứ {rank}/63 tỉnh, thành phố về {name}."
    assert _sure(text) == [(province, "service_index_rank", rank)]


@settings(max_examples=40, deadline=None)
@given(_PROVINCES, _NAMES, st.integers(5000, 9900), st.integers(2022, 2025))
def test_a_score_on_the_service_index(province, name, hundredths, year):
    score = hundredths / 100
    written = f"{score:.2f}".replace(".", ",")
    text = f"Năm {year}, kết quả {name} của tỉnh {province} đạt {written} điểm."
    assert _sure(text) == [(province, "service_index_score", score)]
