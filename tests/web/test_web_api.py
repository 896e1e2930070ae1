"""The JSON API in process: resources, pagination, ETags, and one error shape on every path."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient


def _is_error(body: dict[str, Any], status: int) -> None:
    assert body["ok"] is False
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list)
    assert body["status"] == status
    assert body["message"]["vi"] and body["message"]["en"]


def test_frameworks_list_and_tree(client: TestClient) -> None:
    body = client.get("/api/v1/frameworks").json()
    codes = {f["code"] for f in body["data"]}
    assert {"dti-province-2022", "dti-province-2024", "chiso-core"} <= codes
    tree = client.get("/api/v1/frameworks/dti-province-2024").json()["data"]
    assert tree["aggregation"] == "points" and tree["total_points"] == 940
    nodes = {n["code"]: n for n in tree["nodes"]}
    assert nodes["pdti"]["depth"] == 0 and nodes["ha_tang_so"]["max_points"] == 140


def test_units_as_of_a_date_give_63_or_34_era_provinces(client: TestClient) -> None:
    new = client.get("/api/v1/units", params={"as_of": "2025-07-01", "level": "province"}).json()
    old = client.get("/api/v1/units", params={"as_of": "2024-12-31", "level": "province"}).json()
    assert new["total"] == 34 and old["total"] == 7
    assert {u["code"] for u in old["data"]} >= {"83", "84", "86"}
    vl = client.get("/api/v1/units/vn34-86").json()["data"]
    assert {p["unit"]["name"] for p in vl["predecessors"]} == {"Bến Tre", "Trà Vinh", "Vĩnh Long"}


def test_observations_filter_and_paginate(client: TestClient) -> None:
    first = client.get("/api/v1/observations",
                       params={"indicator": "nhan_thuc_so", "limit": 10}).json()
    assert first["total"] == 35 and len(first["data"]) == 10 and first["next"]
    seen = [o["id"] for o in first["data"]]
    url = first["next"]
    while url:
        page = client.get(url).json()
        seen += [o["id"] for o in page["data"]]
        url = page["next"]
    assert len(seen) == len(set(seen)) == 35
    quote = client.get("/api/v1/observations", params={"unit": "vn63-83", "kind": "actual"}).json()
    by_ind = {o["indicator"]: o for o in quote["data"]}
    assert by_ind["smartphone_per_100"]["value"] == 70.8
    assert "70,8%" in by_ind["smartphone_per_100"]["provenance"]["quote"]
    assert by_ind["smartphone_per_100"]["source"]["kind"] == "document"


def test_ranking_has_ranks_intervals_and_pillars(client: TestClient, ids: dict[str, Any]) -> None:
    body = client.get("/api/v1/ranking",
                      params={"framework": "dti-province-2024", "year": "2024"}).json()
    data = body["data"]
    assert data["map"] == "vn-34" and len(data["rows"]) == 34 and data["has_interval"]
    assert [r["rank"] for r in data["rows"]] == list(range(1, 35))
    top = data["rows"][0]
    assert top["unit"]["id"] == ids["top"] and top["rank_q05"] <= 1 <= top["rank_q95"]
    assert len(data["pillars"]) == 8
    unc = client.get(f"/api/v1/runs/{ids['run24']}/uncertainty").json()
    assert unc["available"] and len(unc["data"]) == 34
    res = client.get(f"/api/v1/runs/{ids['run24']}/results",
                     params={"node": "pdti", "limit": 5}).json()
    assert res["total"] == 34 and len(res["data"]) == 5


def test_default_ranking_prefers_real_runs_over_simulated(client: TestClient,
                                                          ids: dict[str, Any]) -> None:
    body = client.get("/api/v1/ranking").json()
    assert body["data"]["run"]["id"] == ids["run24"] and not body["data"]["run"]["simulated"]


def test_scorecard_json_matches_the_ranking(client: TestClient, ids: dict[str, Any]) -> None:
    card = client.get(f"/api/v1/scorecards/{ids['vinh_long']}",
                      params={"run": ids["run24"]}).json()["data"]
    rank = client.get(f"/api/v1/runs/{ids['run24']}/ranking").json()["data"]
    mine = next(r for r in rank["rows"] if r["unit"]["id"] == ids["vinh_long"])
    assert card["score"]["score"] == mine["score"] and card["score"]["rank"] == mine["rank"]
    assert len(card["pillars"]) == 8
    best = rank["rows"][0]
    assert all(p["best"] == best["pillars"][p["code"]] for p in card["pillars"])
    ind = {r["code"]: r for r in card["indicators"]}
    assert ind["nhan_thuc_so"]["average"]["value"] == 0.61  # the stored national figure
    assert ind["nhan_thuc_so"]["figure"]["provenance"]["file"] == "dti_published.csv"


def test_targets_carry_a_gap_and_a_status(client: TestClient, ids: dict[str, Any]) -> None:
    body = client.get("/api/v1/targets", params={"unit": ids["ben_tre"]}).json()
    rows = {r["code"]: r for r in body["data"]}
    assert rows["dvc_l4_share"]["target"]["value"] == 100
    assert rows["dvc_l4_share"]["target"]["origin"] == "unit"
    core = client.get("/api/v1/targets", params={"unit": ids["vinh_long"], "run": ids["runsim"],
                                                 "indicator": "it_budget_share"}).json()["data"]
    assert [r["code"] for r in core] == ["it_budget_share"]
    assert core[0]["target"]["origin"] == "framework" and core[0]["gap"] is not None
    assert core[0]["status"] in ("achieved", "on_track", "at_risk", "off_track", "unknown")


def test_etag_gives_304_and_changes_with_the_resource(client: TestClient) -> None:
    r1 = client.get("/api/v1/frameworks")
    etag = r1.headers["etag"]
    r2 = client.get("/api/v1/frameworks", headers={"If-None-Match": etag})
    assert r2.status_code == 304 and r2.content == b"" and r2.headers["etag"] == etag
    other = client.get("/api/v1/units").headers["etag"]
    assert other != etag
    assert client.get("/api/v1/frameworks", headers={"If-None-Match": '"nope"'}).status_code == 200
    page = client.get("/")
    assert client.get("/", headers={"If-None-Match": page.headers["etag"]}).status_code == 304


def test_compressed_and_plain_answers_are_cached_apart(client: TestClient) -> None:
    path = "/api/v1/units?limit=200"
    gz = [client.get(path, headers={"Accept-Encoding": "gzip"}) for _ in range(2)]
    plain = [client.get(path, headers={"Accept-Encoding": "identity"}) for _ in range(2)]
    assert [r.headers.get("content-encoding") for r in gz] == ["gzip", "gzip"]
    assert [r.headers.get("content-encoding") for r in plain] == [None, None]
    assert gz[0].headers["etag"] == gz[1].headers["etag"] != plain[0].headers["etag"]
    assert gz[0].json() == gz[1].json() == plain[0].json() == plain[1].json()
    again = client.get(path,
                       headers={"Accept-Encoding": "gzip", "If-None-Match": gz[0].headers["etag"]})
    assert again.status_code == 304


@pytest.mark.parametrize("path,status", [
    ("/api/v1/nope", 404),
    ("/api/v1/frameworks/no-such", 404),
    ("/api/v1/units/no-such", 404),
    ("/api/v1/units?as_of=31-12-2024", 422),
    # found by schemathesis: pydantic alone read "0.0" and "1700000000" as Unix times
    ("/api/v1/units?as_of=0.0", 422),
    ("/api/v1/units?as_of=1700000000", 422),
    ("/api/v1/units?level=district", 422),
    ("/api/v1/units?limit=0", 422),
    ("/api/v1/units?limit=100000", 422),
    ("/api/v1/units?offset=-1", 422),
    ("/api/v1/observations?kind=guess", 422),
    ("/api/v1/runs/0", 422),
    ("/api/v1/runs/abc", 422),
    ("/api/v1/runs/99999", 404),
    ("/api/v1/runs/99999/results", 404),
    ("/api/v1/runs/99999/ranking", 404),
    ("/api/v1/runs/99999/uncertainty", 404),
    ("/api/v1/ranking?framework=no-such", 404),
    ("/api/v1/scorecards/no-such", 404),
    ("/api/v1/scorecards/vn34-86?run=99999", 404),
    ("/api/v1/scorecards/vn63-83?run=1", 404),
    ("/api/v1/targets", 422),
    ("/api/v1/targets?unit=no-such", 404),
])
def test_every_error_path_has_the_one_shape(client: TestClient, path: str, status: int) -> None:
    r = client.get(path)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    _is_error(r.json(), status)


def test_wrong_method_is_a_json_405(client: TestClient) -> None:
    r = client.post("/api/v1/frameworks")
    assert r.status_code == 405
    _is_error(r.json(), 405)


def test_errors_speak_the_readers_language(client: TestClient) -> None:
    vi = client.get("/api/v1/runs/99999").json()
    en = client.get("/api/v1/runs/99999?lang=en").json()
    assert vi["error"] == "Không có lần tính 99999" and en["error"] == "No index run 99999"
    bad = client.get("/api/v1/units?as_of=x").json()
    assert bad["errors"][0]["field"] == "as_of" and bad["errors"][0]["message_vi"]


def test_openapi_document_lists_every_resource(client: TestClient) -> None:
    doc = client.get("/api/v1/openapi.json").json()
    paths = set(doc["paths"])
    for p in ("/api/v1/frameworks", "/api/v1/units", "/api/v1/observations", "/api/v1/runs",
              "/api/v1/runs/{run_id}/results", "/api/v1/runs/{run_id}/uncertainty",
              "/api/v1/scorecards/{unit_id}", "/api/v1/targets", "/api/v1/ranking"):
        assert p in paths
    assert not any(p.startswith("/province") for p in paths)
