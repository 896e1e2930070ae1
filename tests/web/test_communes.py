"""Commune pages and API: a province's communes ranked with scores and rank intervals, a
commune scorecard with every component's points and trail, communes per province; simulated
values labelled on every value that shows them."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from chiso.compute import Method, UncertaintySpec
from chiso.demo import communes
from chiso.settings import Settings
from chiso.store import db
from chiso.units.registry import Registry
from chiso.vocab import PUBLISHED
from chiso.web.app import create_app
from chiso.workflow import Principal, Work
from chiso.workflow.imports import record_batch
from chiso.workflow.runs import RunSpec, compute_run
from chiso.workflow.setup import load_frameworks, load_units

HANOI = tuple(u.id for u in Registry.load().units(as_of=date(2025, 7, 1), level="commune",
                                                  parent="vn34-01"))


def fill(engine: Engine, n: int = 100) -> int:
    """Hà Nội's communes with simulated self-assessments and a commune run; returns its id."""
    db.upgrade(engine)
    with db.transaction(engine) as s:
        load_frameworks(s)
        load_units(s)
    me = Principal.local("test")
    with db.transaction(engine) as s:
        w = Work.open(s, me, "cli")
        fw = w.catalog.framework("commune-hanoi-2025")
        record_batch(w, communes.SOURCE, communes.simulate_communes(fw, HANOI, "2025"),
                     status=PUBLISHED)
    with db.transaction(engine) as s:
        w = Work.open(s, me, "cli")
        fw = w.catalog.framework("commune-hanoi-2025")
        run = compute_run(w, RunSpec(fw, "2025", HANOI, Method.for_framework(fw),
                                     "communes (simulated)", include_simulated=True,
                                     unit_level="commune",
                                     uncertainty=UncertaintySpec(n=n, seed=1)))
        return run.id


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, int]]:
    folder: Path = tmp_path_factory.mktemp("communes")
    engine = db.make_engine(f"sqlite:///{folder / 'chiso.sqlite'}")
    run_id = fill(engine)
    yield create_app(Settings(data_dir=folder), engine=engine, cache=False), run_id
    engine.dispose()


@pytest.fixture
def client(filled: tuple[Any, int]) -> Iterator[TestClient]:
    with TestClient(filled[0]) as c:
        yield c


def test_the_api_lists_a_provinces_communes_ranked_with_scores_and_intervals(
        client: TestClient) -> None:
    data = client.get("/api/v1/provinces/vn34-01/communes").json()["data"]
    rows = data["rows"]
    assert len(HANOI) == 126 and len(rows) == 126 and data["communes"] == 126
    assert data["simulated"] is True and data["run"]["simulated"] is True
    assert data["run"]["unit_level"] == "commune"
    assert [r["rank"] for r in rows] == sorted(r["rank"] for r in rows)
    assert all(0 <= r["score"] <= 1 and r["rank_q05"] <= r["rank"] + 1e-9 or
               r["rank_q05"] <= r["rank_q95"] for r in rows)
    assert any(r["rank_q05"] != r["rank_q95"] for r in rows)
    assert {r["unit"]["parent"] for r in rows} == {"vn34-01"}
    assert len(data["pillars"]) == 8
    other = client.get("/api/v1/provinces/vn34-79/communes").json()["data"]
    assert other["run"] is None and other["rows"] == [] and other["communes"] > 0


def test_the_csv_download_says_simulated_on_every_row(client: TestClient) -> None:
    res = client.get("/api/v1/provinces/vn34-01/communes.csv")
    rows = list(csv.DictReader(io.StringIO(res.text)))
    assert res.status_code == 200 and len(rows) == 126
    assert {r["simulated"] for r in rows} == {"true"}


def test_the_commune_scorecard_scores_every_component_by_its_rule(client: TestClient) -> None:
    top = client.get("/api/v1/provinces/vn34-01/communes").json()["data"]["rows"][0]
    card = client.get(f"/api/v1/communes/{top['unit']['id']}").json()["data"]
    assert card["score"]["rank"] == 1 and len(card["components"]) == 47
    total = sum(c["points"] for c in card["components"])
    assert total == pytest.approx(card["score"]["score"] * card["framework"]["total_points"])
    assert sum(g["points"] for g in card["groups"]) == pytest.approx(total)
    for c in card["components"]:
        assert 0 <= c["points"] <= c["max_points"] and c["simulated"] and c["placeholder"]
        assert c["evidence"] and c["rule_text"]["vi"] and c["trail"][0]["by"] == "test"


def test_the_pages_show_communes_and_label_them_simulated(client: TestClient) -> None:
    page = client.get("/province/vn34-01/communes")
    assert page.status_code == 200 and page.text.count('data-unit="vn34c-') == 126
    assert 'data-testid="simulated-banner"' in page.text and "mô phỏng" in page.text
    first = HANOI[0]
    card = client.get(f"/commune/{first}?lang=en")
    assert card.status_code == 200 and "placeholder" in card.text and "simulated" in card.text
    dist = client.get("/communes?lang=vi")
    assert dist.status_code == 200 and "3.321" in dist.text
    api = client.get("/api/v1/communes").json()
    assert api["communes"] == 3321 and len(api["data"]) == 34
    hanoi = next(r for r in api["data"] if r["province"]["id"] == "vn34-01")
    assert hanoi["communes"] == 126 and hanoi["scored"]["summary"]["n"] == 126
    assert hanoi["scored"]["simulated"] is True


def test_the_province_pages_never_pick_a_run_of_communes(client: TestClient) -> None:
    assert client.get("/api/v1/ranking").status_code == 404  # only a commune run is stored
    assert "commune-hanoi-2025" not in client.get("/").text
