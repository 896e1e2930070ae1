"""An automated accessibility audit (axe-core, vendored in tests/vendor) of every public page in
Chromium, in both languages, on a desktop and a phone: no serious or critical violation. The map
has a keyboard-reachable table alternative and a text summary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

AXE = (Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js").read_text(
    "utf-8")
PAGES = ["/?framework=dti-province-2024&year=2024", "/province", "/province/vn34-86",
         "/province/vn63-83", "/indicator", "/indicator/dti_score",
         "/indicator/fiber_households_share", "/compare", "/methodology", "/downloads",
         "/changelog", "/search?q=ben+tre", "/login"]


@pytest.fixture(scope="module")
def server(app: Any, serving: Any) -> Iterator[str]:
    with serving(app) as url:
        yield url


def audit(pg: Any) -> list[str]:
    """The serious and critical violations axe finds on the page as it stands."""
    pg.evaluate(AXE)  # through the DevTools protocol: the pages' CSP does not apply
    found = pg.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3)
                .map(n => n.target.join(' ')).join(' | '));
    }""")
    return list(found)


@pytest.mark.parametrize(("lang", "width"), [("vi", 1366), ("en", 1366), ("vi", 390)])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(page: Any, server: str, path: str, lang: str,
                                            width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{server}{path}{'&' if '?' in path else '?'}lang={lang}")
    page.wait_for_load_state("load")
    if page.locator("#map").count():
        page.wait_for_selector("#map[data-ready='1']", timeout=20_000)
    assert audit(page) == [], path


def test_the_audit_finds_what_it_should(page: Any) -> None:
    """A page with an image without a text alternative and an input without a label fails."""
    page.set_content('<!doctype html><html lang="vi"><head><title>x</title></head><body><main>'
                     '<img src="data:,"><input type="text"></main></body></html>')
    found = audit(page)
    assert any(v.startswith("image-alt (critical)") for v in found), found
    assert any(v.startswith("label (critical)") for v in found), found


def test_the_map_has_a_text_summary_and_a_table_the_keyboard_reaches(page: Any,
                                                                      server: str) -> None:
    page.goto(server + "/?framework=dti-province-2024&year=2024&lang=vi")
    page.wait_for_selector("#map[data-ready='1']", timeout=20_000)
    summary = page.locator("[data-testid=map-summary]").inner_text()
    first = page.locator("table[data-testid=ranking] tbody tr").first.locator("th").inner_text()
    assert "34 tỉnh, thành phố" in summary and f"cao nhất {first}" in summary
    assert page.locator("#map").get_attribute("aria-describedby") == "map-summary"
    # Tab from the page's start reaches the table link, and Enter goes to the table
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.dataset.testid") == "map-table-link":
            break
    else:
        pytest.fail("the keyboard never reaches the link to the table")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#ranking-table'")
    page.keyboard.press("Tab")
    inside = page.evaluate("() => !!document.activeElement.closest('#ranking-table')"
                           " || document.activeElement.id === 'ranking-table'")
    assert inside
