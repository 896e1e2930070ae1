"""End to end in Debian's Chromium (headless): the map, a click to a scorecard, the language
switch, the downloads; screenshots of the main pages go to test-output/screenshots/."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(app: Any, serving: Any) -> Iterator[str]:
    """The real app under uvicorn on 127.0.0.1, in a thread of this process."""
    with serving(app) as url:
        yield url


def _shot(pg: Any, name: str, full: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def _wait_map(pg: Any) -> None:
    pg.wait_for_selector("#map[data-ready='1']", timeout=20_000)


def test_the_map_draws_the_34_provinces_and_the_archipelagos(page: Any, server: str) -> None:
    page.goto(server + "/?framework=dti-province-2024&year=2024")
    _wait_map(page)
    el = page.locator("#map")
    assert el.get_attribute("data-map") == "vn-34"
    assert el.get_attribute("data-provinces") == "34"
    assert el.get_attribute("data-regions") == "34"
    # the labels of Hoàng Sa and Trường Sa are drawn on the map
    labels = page.evaluate(
        "() => document.getElementById('map').chiso.chart.getOption()"
        ".series[1].data.map(d => d.name)")
    assert labels == ["Quần đảo Hoàng Sa (TP. Đà Nẵng)", "Quần đảo Trường Sa (tỉnh Khánh Hòa)"]
    assert page.locator("table[data-testid=ranking] tbody tr").count() == 34
    _shot(page, "overview-vi")


def test_clicking_a_province_on_the_map_opens_its_scorecard(page: Any, server: str) -> None:
    page.goto(server + "/?framework=dti-province-2024&year=2024")
    _wait_map(page)
    # the pixel of Cần Thơ's label point (inside the province), then a real mouse click there
    xy = page.evaluate("""() => {
        const m = document.getElementById('map').chiso;
        const f = m.geo.features.find(f => f.properties.code === '92');
        return m.chart.convertToPixel({geoIndex: 0}, f.properties.cp);
    }""")
    page.evaluate("(y) => window.scrollTo(0, y)", page.locator("#map").bounding_box()["y"] - 20)
    box = page.locator("#map").bounding_box()
    assert box and 0 < xy[0] < box["width"] and 0 < xy[1] < box["height"]
    page.mouse.click(box["x"] + xy[0], box["y"] + xy[1])
    page.wait_for_url("**/province/vn34-92*", timeout=10_000)
    assert page.locator("[data-testid=unit-name]").inner_text() == "Thành phố Cần Thơ"
    page.wait_for_selector("#radar[data-ready='1']", timeout=10_000)
    _shot(page, "scorecard-vi")


def test_the_language_switch_changes_labels_and_number_format(page: Any, server: str) -> None:
    page.goto(server + "/province/vn34-86?framework=dti-province-2024&year=2024")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("nav").get_by_text("Tổng quan").count() == 1
    score_vi = page.locator("[data-testid=score]").inner_text()
    assert "," in score_vi and "." not in score_vi
    page.locator("[data-testid=lang-switch]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("nav").get_by_text("Overview").count() == 1
    assert page.locator("[data-testid=score]").inner_text() == score_vi.replace(",", ".")
    # the choice sticks (cookie) when following a link without ?lang=
    page.goto(server + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    _wait_map(page)
    _shot(page, "overview-en")
    page.locator("[data-testid=lang-switch]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "vi"


def test_the_keyboard_reaches_the_skip_link_and_the_navigation(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip"
    page.keyboard.press("Tab")  # the brand
    page.keyboard.press("Tab")  # the search box
    assert page.evaluate("() => document.activeElement.id") == "site-q"
    page.keyboard.press("Tab")  # its button
    page.keyboard.press("Tab")  # the language switch
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == "Tổng quan"
    # every form control has a label
    unlabeled = page.evaluate(
        """() => [...document.querySelectorAll('select, input:not([type=hidden])')]
        .filter(e => !e.labels || e.labels.length === 0).length""")
    assert unlabeled == 0


def test_every_download_is_a_valid_file(page: Any, server: str) -> None:
    page.goto(server + "/downloads")
    links = page.locator("a[data-download]")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert any(h.endswith(".csv") for h in hrefs) and any(h.endswith(".xlsx") for h in hrefs)
    assert any("datapackage" in h for h in hrefs)
    _shot(page, "downloads-vi")
    for href in hrefs:
        with page.expect_download() as info:
            page.locator(f"a[data-download][href='{href}']").click()
        path = info.value.path()
        data = Path(path).read_bytes()
        if href.endswith(".csv"):
            text = data.decode("utf-8-sig")
            assert text.count("\n") >= 1 and "," in text.splitlines()[0]
        elif href.endswith(".xlsx"):
            from openpyxl import load_workbook

            wb = load_workbook(io.BytesIO(data), read_only=True)
            assert wb.sheetnames
        elif href.endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                pkg = json.loads(z.read("datapackage.json"))
                assert pkg["resources"]
                for res in pkg["resources"]:
                    assert res["path"] in z.namelist()


@pytest.mark.parametrize("path,name", [
    ("/indicator/nhan_thuc_so?framework=dti-province-2024", "indicator-vi"),
    ("/compare?unit=vn34-01&unit=vn34-79&unit=vn34-48&framework=dti-province-2024&year=2024",
     "compare-vi"),
    ("/methodology?framework=dti-province-2024", "methodology-vi"),
    ("/province/vn63-83", "scorecard-bentre-vi"),
    ("/?framework=chiso-core&year=2024", "overview-simulated-vi"),
])
def test_the_other_pages_render_without_errors(page: Any, server: str, path: str,
                                               name: str) -> None:
    resp = page.goto(server + path)
    assert resp is not None and resp.status == 200
    for sel in ("#map", "#bars", "#radar", "#compare-chart"):
        if page.locator(sel).count():
            page.wait_for_selector(f"{sel}[data-ready='1']", timeout=20_000)
    _shot(page, name)


def test_the_overview_on_a_phone(browser: Any, server: str) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                              is_mobile=True, has_touch=True)
    pg = ctx.new_page()
    pg.goto(server + "/?framework=dti-province-2024&year=2024")
    _wait_map(pg)
    width = pg.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, "the page scrolls sideways on a phone"
    _shot(pg, "overview-phone", full=False)
    pg.goto(server + "/province/vn34-86")
    _shot(pg, "scorecard-phone", full=False)
    ctx.close()
