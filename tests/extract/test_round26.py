"""Round 26 of issue 15: forms the development part still missed (round 25's fresh sample),
written afresh with other provinces, numbers and words; each test fails without its rule."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract import extract_text

PROVINCES = ["Đồng Tháp", "Nghệ An", "Lào Cai", "Bình Định", "Sơn La", "Hậu Giang"]


def _vi(n: int) -> str:
    """A whole number as a Vietnamese text writes it: 25.461."""
    return f"{n:,}".replace(",", ".")


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(1_200, 900_000),
       st.sampled_from(["Sở Bưu chính Viễn thông", "Sở Bưu chính, Viễn thông"]))
def test_the_department_of_posts_and_telecommunications_is_the_provinces_own(province, n, org):
    # "Viễn thông X" alone is VNPT's branch; "Sở Bưu chính Viễn thông tỉnh X" is the province's
    # department, so its report is about the province
    text = (f"Báo cáo thống kê của {org} tỉnh {province} cho thấy, tính đến tháng 12 tổng số thuê "
            f"bao Internet trên toàn tỉnh đạt {_vi(n)} thuê bao.")
    got = [(c.unit, c.value) for c in extract_text(text, "t.txt")
           if c.indicator == "internet_subscribers"]
    assert got == [(province, n)]
