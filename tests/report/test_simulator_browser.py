"""In Debian's Chromium, on the demo: the scorecard's "what it takes" simulator recomputes the
score and rank as a slider moves (as the full build does), every chart exports as PNG and SVG,
and the share link and embed snippet reproduce the view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from store_fixture import make_workspace

from chiso.web.app import create_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, serving: Any) -> Any:
    ws = make_workspace(tmp_path_factory.mktemp("simulator"))
    with serving(create_app(ws.settings, cache=False)) as url:
        yield url


def _ready(page: Any) -> None:
    page.wait_for_selector("#simulator[data-ready='1']", timeout=30_000)


def test_moving_a_slider_recomputes_score_and_rank_as_the_build_does(page: Any,
                                                                     server: str) -> None:
    page.goto(server + "/province/vn34-19?run=3")
    _ready(page)
    box = page.locator("#simulator")
    rank0, score0 = int(box.get_attribute("data-rank")), float(box.get_attribute("data-score"))
    assert rank0 == 8
    slider = page.locator("[data-testid=slider-hd_kts]")
    assert slider.count() == 1
    # drag the weakest main index to the end of its range with the keyboard, as a person would
    slider.focus()
    page.keyboard.press("End")
    rank1, score1 = int(box.get_attribute("data-rank")), float(box.get_attribute("data-score"))
    assert score1 > score0 and rank1 < rank0
    moved = float(slider.input_value())  # the end of its range, on the slider's steps
    assert moved > 0.99 * float(slider.get_attribute("max"))
    built = page.request.get(
        server + f"/api/v1/scorecards/vn34-19/what-it-takes?run=3&values=hd_kts={moved}").json()
    assert built["data"]["exact"]
    assert built["data"]["with_values"]["rank"] == rank1
    assert abs(built["data"]["with_values"]["score"] - score1) < 1e-9
    assert str(rank1) in page.locator("[data-wit-result]").inner_text()
    # a goal: the top 3; the plan it shows reaches it
    page.select_option("[data-wit-goal]", "3")
    _ready(page)
    assert "→" in page.locator("[data-wit-plan]").inner_text()
    page.locator("[data-wit-reset]").click()
    assert int(box.get_attribute("data-rank")) == rank0


def test_charts_export_png_and_svg_and_the_view_can_be_shared(page: Any, server: str) -> None:
    page.goto(server + "/province/vn34-19?run=3&compare=vn34-01")
    page.wait_for_selector("#radar[data-ready='1']", timeout=20_000)
    radar = page.evaluate("() => echarts.getInstanceByDom(document.getElementById('radar'))"
                          ".getOption().series[0].data.map(d => d.name)")
    assert "Hà Nội" in radar  # the comparison the link names is drawn
    for kind, suffix in (("png", ".png"), ("svg", ".svg")):
        with page.expect_download() as got:
            page.locator(f"[data-testid=export-radar] [data-export={kind}]").click()
        download = got.value
        assert download.suggested_filename.endswith(suffix)
        head = Path(download.path()).read_bytes()[:64]
        assert head.startswith(b"\x89PNG") if kind == "png" else b"<svg" in head
    share = page.locator("[data-testid=share-link]").input_value()
    assert "run=3" in share and "lang=vi" in share and "compare=vn34-01" in share
    embed = page.locator("[data-testid=embed-snippet]").input_value()
    assert "<iframe" in embed and "/province/vn34-19/card?run=3" in embed
    page.goto(share.replace("http://testserver", server))
    assert page.locator("[data-testid=unit-name]").inner_text() == "Tỉnh Thái Nguyên"
    card = page.goto(server + "/province/vn34-19/card?run=3")
    assert card is not None and card.ok
    assert page.locator("[data-testid=card-score]").inner_text() == "0,7521"
