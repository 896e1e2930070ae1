"""Server-rendered pages in process: Vietnamese first, English on request, numbers in the
reader's format, provenance shown, simulated data labelled, downloads valid."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

import pytest
from fastapi.testclient import TestClient

from chiso.web.i18n import fmt_number, fmt_percent, fmt_value


def test_numbers_are_written_the_way_each_reader_writes_them() -> None:
    assert fmt_number(70.8, "vi") == "70,8"
    assert fmt_number(911000, "vi") == "911.000"
    assert fmt_number(911000, "en") == "911,000"
    assert fmt_number(1234567.891, "vi", 2) == "1.234.567,89"
    assert fmt_number(-0.00001, "vi", 2) == "0,00"
    assert fmt_number(None, "vi") == "–"
    assert fmt_percent(70.8, "vi") == "70,8 %" and fmt_percent(70.8, "en") == "70.8%"
    assert fmt_value(911000, "count", "vi") == "911.000"


@pytest.mark.parametrize("path", ["/", "/province", "/indicator", "/compare", "/methodology",
                                  "/downloads", "/projects", "/platforms"])
def test_every_page_is_vietnamese_by_default_and_english_on_request(client: TestClient,
                                                                    path: str) -> None:
    vi = client.get(path)
    assert vi.status_code == 200 and '<html lang="vi">' in vi.text
    assert "Tổng quan" in vi.text and "Phương pháp" in vi.text
    en = client.get(path, params={"lang": "en"})
    assert '<html lang="en">' in en.text and "Overview" in en.text and "Methodology" in en.text
    assert "lang=en" in en.headers.get("set-cookie", "")
    # the cookie carries the choice to the next page
    again = client.get(path, cookies={"lang": "en"})
    assert '<html lang="en">' in again.text


def test_the_overview_shows_the_ranking_with_intervals(client: TestClient,
                                                       ids: dict[str, Any]) -> None:
    html = client.get("/", params={"framework": "dti-province-2024", "year": "2024"}).text
    assert html.count('<tr data-code="') == 34
    assert 'data-map="vn-34"' in html and "Khoảng hạng 5–95 %" in html
    assert "quần đảo Hoàng Sa (TP. Đà Nẵng) và quần đảo Trường Sa (tỉnh Khánh Hòa)" in html


def test_the_scorecard_shows_provenance_averages_and_lineage(client: TestClient,
                                                             ids: dict[str, Any]) -> None:
    html = client.get(f"/province/{ids['vinh_long']}", params={"run": ids["run24"]}).text
    assert "Tỉnh mới từ ngày 1/7/2025, hợp nhất từ:" in html
    for old in ("Tỉnh Bến Tre", "Tỉnh Trà Vinh", "Tỉnh Vĩnh Long"):
        assert old in html
    assert "dti_published.csv" in html and "Trung bình cả nước" in html
    ben_tre = client.get(f"/province/{ids['ben_tre']}").text
    assert "tỷ lệ thuê bao smartphone/100 dân đạt 70,8%" in ben_tre  # the quoted sentence
    # smartphones per 100 inhabitants is a ratio, not a share of 100 (issue 13)
    assert "70,8 /100 dân" in ben_tre and "70,8 %" not in ben_tre
    assert "&gt;911.000" in ben_tre and "80,2 /100 dân" in ben_tre
    assert "Nay thuộc" in ben_tre
    en = client.get(f"/province/{ids['ben_tre']}", params={"lang": "en"}).text
    assert "70.8 per 100" in en and "&gt;911,000" in en


def test_simulated_results_are_labelled(client: TestClient, ids: dict[str, Any]) -> None:
    html = client.get("/", params={"framework": "chiso-core", "year": "2024"}).text
    assert 'data-testid="simulated-banner"' in html and "mô phỏng" in html.lower()
    real = client.get("/", params={"framework": "dti-province-2024", "year": "2024"}).text
    assert 'data-testid="simulated-banner"' not in real
    ind = client.get("/indicator/it_budget_share", params={"framework": "chiso-core"}).text
    assert 'data-testid="simulated-banner"' in ind


def test_indicator_compare_and_methodology_pages(client: TestClient, ids: dict[str, Any]) -> None:
    ind = client.get("/indicator/nhan_thuc_so", params={"framework": "dti-province-2024"}).text
    assert "Nhận thức số" in ind and "càng cao càng tốt" in ind and 'id="bars"' in ind
    cmp = client.get("/compare", params=[("unit", "vn34-01"), ("unit", "vn34-79"),
                                         ("framework", "dti-province-2024"), ("year", "2024")]).text
    assert 'data-testid="compare-table"' in cmp and "Hà Nội" in cmp and "Hồ Chí Minh" in cmp
    met = client.get("/methodology", params={"run": ids["run24"]}).text
    assert "a" * 64 in met and "chiso index rebuild" in met and "Hạ tầng số" in met


def test_an_unknown_page_is_a_404_page_in_both_languages(client: TestClient) -> None:
    r = client.get("/province/no-such-place")
    assert r.status_code == 404 and "Không có đơn vị hành chính" in r.text
    assert "No administrative unit" in r.text
    assert client.get("/no/such/page").status_code == 404


@pytest.mark.parametrize("name", ["observations", "index_results", "index_runs", "indicators",
                                  "units", "sources"])
def test_each_table_downloads_as_csv_and_xlsx(client: TestClient, name: str) -> None:
    from openpyxl import load_workbook

    c = client.get(f"/downloads/{name}.csv")
    assert c.status_code == 200 and c.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(c.content.decode("utf-8-sig"))))
    assert len(rows) >= 2 and len({len(r) for r in rows}) == 1
    x = client.get(f"/downloads/{name}.xlsx")
    wb = load_workbook(io.BytesIO(x.content), read_only=True)
    columns = wb[wb.sheetnames[1]]
    names = [r[0].value for r in columns.iter_rows(min_row=2, max_row=len(rows[0]) + 1)]
    assert names == rows[0]


def test_the_data_package_is_a_valid_frictionless_package(client: TestClient) -> None:
    z = zipfile.ZipFile(io.BytesIO(client.get("/downloads/datapackage.zip").content))
    pkg = json.loads(z.read("datapackage.json"))
    # six tables of figures, runs and units; three of the project register
    assert pkg["profile"] == "tabular-data-package" and len(pkg["resources"]) == 9
    for res in pkg["resources"]:
        text = z.read(res["path"]).decode("utf-8-sig")
        header = next(csv.reader(io.StringIO(text)))
        assert header == [f["name"] for f in res["schema"]["fields"]]
    obs = z.read("data/observations.csv").decode("utf-8-sig")
    assert "tỷ lệ thuê bao smartphone/100 dân đạt 70,8%" in obs


def test_static_assets_are_served_from_the_package(client: TestClient) -> None:
    js = client.get("/static/vendor/echarts.min.js")
    assert js.status_code == 200 and len(js.content) > 500_000
    for name in ("vn-63", "vn-34"):
        geo = client.get(f"/static/map/{name}.geojson").json()
        provinces = {f["properties"]["code"] for f in geo["features"]
                     if "island" not in f["properties"]}
        assert len(provinces) == int(name[3:])
        islands = {f["properties"]["island"]: f["properties"]["code"] for f in geo["features"]
                   if "island" in f["properties"]}
        assert islands == {"Quần đảo Hoàng Sa (TP. Đà Nẵng)": "48",
                           "Quần đảo Trường Sa (tỉnh Khánh Hòa)": "56"}
