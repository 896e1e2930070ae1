"""In Debian's Chromium: a reviewer signs in, reviews figures extracted from a report, and
publishes; the public then sees them. The pages run under the entry pages' strict CSP, so an
inline script or style would show up here as a console error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chiso.settings import Settings
from chiso.web.app import create_app

from .conftest import PASSWORD, load_report, populate

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


def test_a_reviewer_decides_extracted_figures_and_publishes(page: Any, serving: Any,
                                                            sqlite_engine, tmp_path: Path) -> None:
    populate(sqlite_engine)
    ids = load_report(sqlite_engine)
    app = create_app(Settings(data_dir=tmp_path / "data"), sqlite_engine)
    with serving(app) as url:
        page.goto(url + "/login?next=/review/extracted")
        page.get_by_label("Tên đăng nhập").fill("reviewer")
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url("**/review/extracted")
        assert page.locator("[data-testid=waiting]").inner_text() == "Đang chờ duyệt: 4"
        quote = page.locator(f"[data-testid=candidate-{ids['epayment_account_share:actual']}] q")
        assert "<script>alert(1)</script>" in quote.inner_text()  # shown as text, never run
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "review-extracted-vi.png"), full_page=True)

        def decide(key: str, button: str, value: str | None = None) -> None:
            row = page.locator(f"[data-testid=candidate-{ids[key]}]")
            if value is not None:
                row.get_by_label("Giá trị đúng").fill(value)
            row.get_by_role("button", name=button, exact=True).click()
            page.wait_for_url("**/review/extracted")

        decide("coverage_4g_pop:actual", "Chấp nhận")
        decide("coverage_4g_pop:national_average", "Sửa và chấp nhận", "97,2")
        decide("fiber_households_share:target", "Chấp nhận")
        decide("epayment_account_share:actual", "Loại")
        assert page.locator("[data-testid=waiting]").inner_text() == "Đang chờ duyệt: 0"

        page.goto(url + "/review")
        page.get_by_label("Kỳ").fill("2024")
        page.get_by_label("Khung").select_option("chiso-core")
        page.get_by_role("button", name="Công bố").click()
        page.wait_for_url("**/changelog")
        rows = page.locator("[data-testid=publication] tbody tr")
        assert rows.count() == 3
        published = page.locator("[data-testid=publication]").inner_text()
        assert "97,2" in published and "Thêm mới" in published and "Hà Nội" in published
        assert "Tỷ lệ hộ gia đình có đường truyền cáp quang" in published
        page.screenshot(path=str(SHOTS / "changelog-vi.png"), full_page=True)
