"""Reading the demo's pages (issue 20.5): merger wording right for a province that did not merge,
a rank change that says its base, figures at their indicator's precision, the search."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from chiso.demo.load import load_demo
from chiso.settings import Settings
from chiso.web.app import create_app
from chiso.workspace import Workspace

# a percentage written with three or more decimals ("60,0559 %") is past any indicator's precision
TOO_PRECISE = re.compile(r"\d+,\d{3,}\s?%")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("demo")
    ws = Workspace(Settings(data_dir=folder))
    load_demo(ws, runs=10)
    with TestClient(create_app(Settings(data_dir=folder), engine=ws.engine)) as c:
        yield c


def test_a_province_that_did_not_merge_is_not_said_to_have_merged(client: TestClient) -> None:
    kept = client.get("/province/vn34-01").text
    assert "Không sáp nhập khi sắp xếp đơn vị hành chính ngày 1/7/2025" in kept
    assert "hợp nhất từ" not in kept
    merged = client.get("/province/vn34-86").text
    assert "Tỉnh mới từ ngày 1/7/2025, hợp nhất từ:" in merged


def test_a_rank_change_says_its_base(client: TestClient) -> None:
    page = client.get("/", params={"framework": "dti-province-2024", "year": "2024"}).text
    base = re.search(r'data-testid="rank-base">([^<]*)<', page)
    assert base and "2023" in base.group(1), base
    assert "Quy đổi về 34 tỉnh, thành phố" in base.group(1)
    card = client.get("/province/vn34-86",
                      params={"framework": "dti-province-2024", "year": "2024"}).text
    assert "Thay đổi hạng so với 2023" in card


@pytest.mark.parametrize("path", ["/", "/province/vn34-86", "/province/vn34-48",
                                  "/indicator/it_budget_share", "/indicator/fiber_households_share",
                                  "/compare"])
def test_figures_are_written_at_their_indicators_precision(client: TestClient, path: str) -> None:
    for lang in ("vi", "en"):
        text = client.get(path, params={"lang": lang}).text
        assert not TOO_PRECISE.findall(text if lang == "vi" else text.replace(".", ",")), path


def test_the_search_explains_a_merger(client: TestClient) -> None:
    page = client.get("/search", params={"q": "ben tre", "lang": "vi"}).text
    assert "Tỉnh Bến Tre" in page and "tỉnh cũ, đến 30/6/2025" in page
    assert "hợp nhất với" in page and 'href="/province/vn34-86' in page
    hanoi = client.get("/search", params={"q": "ha noi", "lang": "vi"}).text
    assert "Thành phố Hà Nội" in hanoi
