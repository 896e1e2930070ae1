"""Downloads people can open: one header row in the reader's language (the other on a second
sheet), names beside codes, numbers kept numeric at the indicator's precision, filters and a
frozen header, and the same number in the CSV, the XLSX, the data package and the API."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from chiso.framework import load_framework
from chiso.framework.schema import UNIT_DECIMALS
from chiso.ingest.export import csv_number
from chiso.numbers import parse_number
from chiso.web.tables import TABLES


def _csv(client: TestClient, name: str, lang: str = "vi") -> list[dict[str, str]]:
    r = client.get(f"/downloads/{name}.csv?lang={lang}")
    assert r.status_code == 200
    return list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))


def _xlsx(client: TestClient, name: str, lang: str = "vi") -> Any:
    r = client.get(f"/downloads/{name}.xlsx?lang={lang}")
    assert r.status_code == 200
    return load_workbook(io.BytesIO(r.content))


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", list(TABLES))
def test_an_xlsx_has_one_header_row_in_the_readers_language(client: TestClient, name: str,
                                                            lang: str) -> None:
    wb = _xlsx(client, name, lang)
    sheet, columns = wb.worksheets[0], wb.worksheets[1]
    fields = TABLES[name].fields
    head = [c.value for c in sheet[1]]
    assert head == [f.vi if lang == "vi" else f.en for f in fields]
    # the second row is data, not a second header: ids and numbers are numbers
    second = [c.value for c in sheet[2]]
    assert second != [f.name for f in fields] and second != [f.en for f in fields]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
    # the other language and the column names, on the second sheet
    assert [[c.value for c in row][:3] for row in columns.iter_rows(min_row=2,
                                                                     max_row=len(fields) + 1)] \
        == [[f.name, f.vi, f.en] for f in fields]


def test_figures_carry_names_beside_codes_and_stay_numeric(client: TestClient) -> None:
    rows = _csv(client, "observations")
    assert rows and all(r["unit_name"] for r in rows)
    named = [r for r in rows if r["indicator_name"]]
    assert len(named) == len(rows), "every figure's indicator is named"
    wb = _xlsx(client, "observations")
    sheet = wb.worksheets[0]
    head = [c.value for c in sheet[1]]
    value_col = head.index("giá trị")
    values = [row[value_col].value for row in sheet.iter_rows(min_row=2)]
    assert values and all(isinstance(v, (int, float)) for v in values if v is not None)
    en = _csv(client, "observations", "en")
    by_id = {r["id"]: r for r in en}
    fiber = next(r for r in rows if r["indicator"] == "fiber_households_share")
    assert fiber["indicator_name"] != by_id[fiber["id"]]["indicator_name"]  # names in each language


def test_every_csv_writes_numbers_the_data_packages_way(client: TestClient) -> None:
    """A decimal point, no grouping: the web CSV, the data package and `chiso export` agree."""
    for name, table in TABLES.items():
        numeric = [f.name for f in table.fields if f.type in ("number", "integer")]
        for row in _csv(client, name):
            for col in numeric:
                text = row[col]
                assert "," not in text, (name, col, text)
                if text:
                    float(text)  # a plain number any reader takes


def test_the_same_number_in_csv_xlsx_data_package_and_api(client: TestClient) -> None:
    nodes = {n.code: n for fw in ("chiso-core", "dti-province-2024", "dti-province-2022")
             for n in load_framework(fw).nodes()}
    from_csv = {int(r["id"]): float(r["value"]) for r in _csv(client, "observations") if r["value"]}
    sheet = _xlsx(client, "observations").worksheets[0]
    from_xlsx = {row[0].value: row[7].value for row in sheet.iter_rows(min_row=2)
                 if row[7].value is not None}
    z = zipfile.ZipFile(io.BytesIO(client.get("/downloads/datapackage.zip").content))
    pkg = json.loads(z.read("datapackage.json"))
    fields = next(r for r in pkg["resources"] if r["name"] == "observations")["schema"]["fields"]
    assert [f["name"] for f in fields][7] == "value"
    from_pkg = {int(r["id"]): float(r["value"]) for r in csv.DictReader(io.StringIO(
        z.read("data/observations.csv").decode("utf-8-sig"))) if r["value"]}
    api = client.get("/api/v1/observations?limit=1000").json()
    from_api = {r["id"]: r["value"] for r in api["data"] if r["value"] is not None}
    assert from_csv and from_csv == from_xlsx == from_pkg
    assert {k: v for k, v in from_csv.items() if k in from_api} == from_api
    indicators = {int(r["id"]): r["indicator"] for r in _csv(client, "observations")}
    for obs_id, value in from_csv.items():
        node = nodes.get(indicators[obs_id])
        if node is not None:
            assert value == round(value, node.precision), (indicators[obs_id], value)


def test_index_scores_are_rounded_as_published(client: TestClient) -> None:
    rows = _csv(client, "index_results")
    assert rows and all(r["unit_name"] for r in rows)
    for r in rows:
        if r["score"]:
            assert len(r["score"].partition(".")[2].rstrip("0")) <= 4, r["score"]


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
       st.sampled_from(sorted(UNIT_DECIMALS)))
def test_a_rounded_figure_reads_back_exactly_from_its_csv_text(x: float, unit: str) -> None:
    node = next(n for n in load_framework("chiso-core").indicators() if n.unit == unit) \
        if unit in {n.unit for n in load_framework("chiso-core").indicators()} else None
    if node is None:
        return
    value = node.rounded(x)
    assert value is not None
    text = csv_number(value)
    assert float(text) == value and parse_number(text).value == value
