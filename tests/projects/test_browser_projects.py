"""In Debian's Chromium: a province editor enters a project, its cash flows and its unit cost on a
platform in the browser and submits it; a ministry reviewer accepts and publishes it; the public
then finds its page (cash flows, appraisal, the tornado of switching values, the Monte Carlo,
the unit cost flagged above the catalogue's simulated reference price) and the province's
portfolio (the IT spending derived from the register). Any JavaScript error, a CSP violation
included, fails the test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from accounts.conftest import PASSWORD, populate
from chiso.settings import Settings
from chiso.store import db
from chiso.web.app import create_app
from chiso.workflow import projects as flow
from support import as_cli

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


def _sign_in(page: Any, url: str, user: str, next_path: str) -> None:
    page.goto(f"{url}/login?next={next_path}")
    page.get_by_label("Tên đăng nhập").fill(user)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"**{next_path}")


def test_from_entering_a_project_to_its_page_and_the_portfolio(page: Any, serving: Any,
                                                               sqlite_engine,
                                                               tmp_path: Path) -> None:
    populate(sqlite_engine)
    with db.transaction(sqlite_engine) as s:
        flow.put_platform(as_cli(s), name="Zavi", category=None, supplier=None, owner=None,
                          price_low=2e6, price_high=4e6, price_unit="điểm cầu/năm", source=None,
                          price_simulated=True, price_source={"simulated": {"why": "demo"}})
    app = create_app(Settings(data_dir=tmp_path / "data"), sqlite_engine)
    with serving(app) as url:
        _sign_in(page, url, "editor2", "/entry/projects/new")
        form = page.locator("[data-testid=project-form]")
        form.locator("[name=p__code]").fill("HCM-01")
        form.locator("[name=p__name]").fill("Cổng dữ liệu mở của Thành phố")
        form.locator("[name=p__sector]").fill("chính quyền số")
        form.locator("[name=p__start_year]").fill("2025")
        form.locator("[name=p__platforms]").fill("Zavi")
        for name, value in (("platform", "Zavi"), ("unit", "điểm cầu/năm"), ("quantity", "20"),
                            ("unit_price", "5 triệu")):
            form.locator(f"[name=u0__{name}]").fill(value)
        for name, value in (("item", "phần mềm, hạ tầng"), ("from", "2025"), ("amount", "2 tỷ"),
                            ("high", "3 tỷ")):
            form.locator(f"[name=l0__{name}]").fill(value)
        form.locator("[name=l1__kind]").select_option("benefit")
        form.locator("[name=l1__category]").select_option("cash_saving")
        for name, value in (("item", "in ấn, đi lại"), ("from", "2026"), ("to", "2030"),
                            ("amount", "1,5 tỷ"), ("low", "800 triệu")):
            form.locator(f"[name=l1__{name}]").fill(value)
        page.get_by_role("button", name="Gửi duyệt").click()
        page.wait_for_url("**/entry/projects/HCM-01/view")
        assert page.locator("[data-testid=review-status]").inner_text() == "submitted"
        page.wait_for_selector("#cashflows[data-ready='1']")
        page.locator("[data-testid=realised-form] [name=year]").fill("2026")
        page.locator("[data-testid=realised-form] [name=amount]").fill("1,2 tỷ")
        page.get_by_role("button", name="Lưu lợi ích thực tế").click()
        page.wait_for_url("**/entry/projects/HCM-01/view")
        assert "80 %" in page.locator("[data-testid=realised]").inner_text()
        page.get_by_role("button", name="Đăng xuất").click()

        _sign_in(page, url, "reviewer", "/review/projects")
        page.locator("[data-testid=accept-HCM-01]").click()
        page.wait_for_url("**/review/projects")
        page.locator("[data-testid=publish-projects]").click()
        page.wait_for_url("**/review/projects")
        page.get_by_role("button", name="Đăng xuất").click()

        page.goto(url + "/projects")
        page.locator("[data-testid=project-HCM-01] a").first.click()
        page.wait_for_url("**/projects/HCM-01")
        assert page.locator("[data-testid=project-name]").inner_text() == (
            "Cổng dữ liệu mở của Thành phố")
        # 2 tỷ in 2025; 1,5 tỷ a year 2026–2030 at 5 %: PV 6,49 tỷ, B/C 3,25
        assert page.locator("[data-testid=bcr]").inner_text() == "3,25"
        assert page.locator("[data-testid=npv]").inner_text() == "4,49 tỷ đồng"
        for chart in ("cashflows", "tornado"):
            page.wait_for_selector(f"#{chart}[data-ready='1']")
        assert "%" in page.locator("[data-testid=p-bar]").inner_text()
        assert "1,20 tỷ đồng" in page.locator("[data-testid=realised]").inner_text()
        flagged = page.locator("[data-testid=above-reference]").inner_text().lower()
        assert "cao hơn giá tham khảo" in flagged and "mô phỏng" in flagged
        assert "25 %" in page.locator("[data-testid=unit-cost-1]").inner_text()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "project-vi.png"), full_page=True)
        page.locator("[data-testid=portfolio-link]").click()
        page.wait_for_url("**/province/vn34-79/projects")
        assert "Hồ Chí Minh" in page.locator("[data-testid=portfolio-unit]").inner_text()
        assert "HCM-01" in page.locator("[data-testid=portfolio-projects]").inner_html()
        assert page.locator("[data-testid=portfolio-npv]").inner_text() == "4,49 tỷ đồng"
        page.wait_for_selector("#bars[data-ready='1']")
        derived = page.locator("[data-testid=spending-vn34-79-2025]")
        assert derived.get_attribute("data-basis") == "register"
        text = derived.inner_text()
        assert "tính từ sổ dự án" in text.lower() and "chi phí của HCM-01" in text
        assert "2,00 tỷ đồng" in text and "Chưa nhập ngân sách năm này" in text
        page.screenshot(path=str(SHOTS / "portfolio-vi.png"), full_page=True)
