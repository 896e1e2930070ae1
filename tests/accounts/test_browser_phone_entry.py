"""On a phone (390 × 844, Chromium): an editor fills in the entry form card by card, sees the
plausibility warnings by the indicator's name, corrects and submits; a reviewer sees the rows
grouped by what changed, empty ones hidden, three distinct actions. No page is wider than the
screen. The pages run under the entry pages' strict CSP (an inline style or script fails)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chiso.settings import Settings
from chiso.web.app import create_app

from .conftest import PASSWORD, populate
from .peers import add_peers

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
PHONE = {"width": 390, "height": 844}
FORM = "/entry/chiso-core/2024/vn34-01"


def _width(pg: Any) -> tuple[int, int]:
    return pg.evaluate("() => [document.documentElement.scrollWidth,"
                       " document.documentElement.clientWidth]")


def _sign_in(pg: Any, url: str, who: str, then: str) -> None:
    pg.goto(f"{url}/login?next={then}")
    pg.get_by_label("Tên đăng nhập").fill(who)
    pg.get_by_label("Mật khẩu").fill(PASSWORD)
    pg.get_by_role("button", name="Đăng nhập").click()
    pg.wait_for_url(f"**{then}")


def test_an_editor_fills_in_and_submits_the_form_on_a_phone(page: Any, serving: Any,
                                                           sqlite_engine: Any,
                                                           tmp_path: Path) -> None:
    populate(sqlite_engine)
    add_peers(sqlite_engine, tmp_path)
    app = create_app(Settings(data_dir=tmp_path / "data"), sqlite_engine)
    page.set_viewport_size(PHONE)
    SHOTS.mkdir(parents=True, exist_ok=True)
    with serving(app) as url:
        _sign_in(page, url, "editor", FORM)
        scroll, client = _width(page)
        assert scroll <= client == PHONE["width"]
        card = page.locator("[data-testid=entry-card][data-code=it_budget_share]")
        box = card.locator("input[name=v__it_budget_share]").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= client
        assert card.locator(".entry-unit").inner_text() == "%"  # the unit beside the input
        page.get_by_role("textbox", name="Tỷ lệ chi ngân sách cho CNTT và chuyển đổi số",
                         exact=True).fill("70,8")
        page.get_by_role("textbox", name="Chi ngân sách cho CNTT", exact=True).fill("911.000")
        page.get_by_role("button", name="Lưu nháp").click()
        page.wait_for_selector("[data-testid=warnings]")
        warnings = page.locator("[data-testid=warnings]").inner_text()
        assert "Tỷ lệ chi ngân sách cho CNTT và chuyển đổi số: 70,8 %" in warnings
        assert "911.000 đồng" in warnings and "it_budget" not in warnings
        page.screenshot(path=str(SHOTS / "entry-phone-warnings-vi.png"), full_page=False)
        assert _width(page)[0] <= PHONE["width"]
        page.get_by_role("textbox", name="Tỷ lệ chi ngân sách cho CNTT và chuyển đổi số",
                         exact=True).fill("0,7")
        page.get_by_role("textbox", name="Chi ngân sách cho CNTT", exact=True).fill("70 tỷ")
        page.get_by_role("button", name="Gửi duyệt").click()
        page.wait_for_selector("[data-testid=message]")
        assert page.locator("[data-testid=message]").inner_text() == "Đã gửi để duyệt."
        assert page.locator("[data-testid=status]").inner_text() == "Đã gửi"
        assert page.locator("[data-testid=warnings]").count() == 0

        page.context.clear_cookies()
        _sign_in(page, url, "reviewer", "/review")
        assert "Thành phố Hà Nội" in page.locator("table.data").inner_text()
        page.get_by_role("link", name="1", exact=True).click()
        page.wait_for_url("**/review/1")
        assert page.locator("[data-testid=unit-name]").inner_text() == "Thành phố Hà Nội"
        assert page.locator("[data-testid=group-new] summary").inner_text().endswith("(2)")
        empty = page.locator("[data-testid=group-empty]")
        assert empty.get_attribute("open") is None  # empty rows hidden by default
        assert not empty.locator("tbody tr").first.is_visible()
        colours = {b: page.locator(f"[data-testid={b}]").evaluate(
            "el => getComputedStyle(el).backgroundColor") for b in ("accept", "adjust", "reject")}
        assert len(set(colours.values())) == 3, colours
        assert _width(page)[0] <= PHONE["width"]
        # keyboard: j selects the first row, e goes to its adjust field
        page.locator("h1").click()
        page.keyboard.press("j")
        page.keyboard.press("e")
        assert page.evaluate("() => document.activeElement.name") == "adj__it_budget_share"
        page.screenshot(path=str(SHOTS / "review-phone-vi.png"), full_page=False)
        page.get_by_role("button", name="Chấp nhận tất cả").click()
        page.wait_for_url("**/review/1")
        assert page.locator("[data-testid=status]").inner_text() == "Đã duyệt"
