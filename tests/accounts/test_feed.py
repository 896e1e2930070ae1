"""The machine feed: a `feed` token posts figures with source and timestamp; they are checked as
an import (all or nothing, every bad figure named), land approved and unpublished with their
provenance, and the same client key never lands twice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from chiso.store import db
from chiso.store.models import FeedBatch, Observation, Source
from chiso.workflow import accounts
from support import as_cli

from .conftest import populate
from .webkit import client


def _post(key: str = "he-thong-hn/2026-07-01/1", **change: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "client_key": key,
        "source": {"title": "Hệ thống báo cáo Hà Nội", "uri": "https://baocao.hanoi.gov.vn/api",
                   "system": "IOC Hà Nội"},
        "observed_at": "2026-07-01T08:00:00+07:00",
        "figures": [
            {"unit": "vn34-01", "indicator": "it_budget_share", "period": "2025", "value": "1,2"},
            {"unit": "Hà Nội", "indicator": "smartphone_active_share", "period": "2025",
             "value": 88.5},
        ],
    }
    body.update(change)
    return body


def _tokens(engine: Any) -> dict[str, dict[str, str]]:
    with db.transaction(engine) as s:
        w = as_cli(s)
        made = {name: accounts.create_token(w, accounts.require_user(s, user), name, scopes)[1]
                for name, user, scopes in (("feed", "editor", ["feed"]),
                                           ("entry", "editor", ["entry"]),
                                           ("other", "editor2", ["feed"]))}
    return {k: {"authorization": f"Bearer {v}"} for k, v in made.items()}


def test_a_post_lands_approved_unpublished_with_provenance_and_once(sqlite_engine, tmp_path: Path):
    populate(sqlite_engine)
    as_ = _tokens(sqlite_engine)
    c = client(sqlite_engine, tmp_path)
    first = c.post("/api/v1/feed", json=_post(), headers=as_["feed"])
    assert first.status_code == 201, first.text
    assert first.json()["added"] == 2 and first.json()["replayed"] is False
    again = c.post("/api/v1/feed", json=_post(), headers=as_["feed"])
    assert again.status_code == 200 and again.json()["replayed"] is True
    assert again.json()["batch_id"] == first.json()["batch_id"]
    reused = c.post("/api/v1/feed", json=_post(observed_at="2026-07-02T08:00:00+07:00"),
                    headers=as_["feed"])
    assert reused.status_code == 409 and reused.json()["ok"] is False
    with db.transaction(sqlite_engine) as s:
        rows = s.execute(select(Observation, Source).join(Source)).all()
        assert len(rows) == 2 and s.scalar(select(FeedBatch.rows)) == 2
        for obs, src in rows:
            assert obs.status == "approved" and not obs.is_public and obs.created_by == "editor"
            assert src.kind == "feed" and src.title == "Hệ thống báo cáo Hà Nội"
            assert obs.provenance["observed_at"] == "2026-07-01T08:00:00+07:00"
            assert obs.provenance["feed"] == "he-thong-hn/2026-07-01/1"
            assert obs.provenance["system"] == "IOC Hà Nội"
        assert sorted(o.value for o, _ in rows) == [1.2, 88.5]
    # nothing of it is public until a publication
    public = c.get("/api/v1/observations?unit=vn34-01")
    assert public.status_code == 200 and public.json()["data"] == []


def test_a_bad_figure_refuses_the_whole_post_naming_it(sqlite_engine, tmp_path: Path):
    populate(sqlite_engine)
    as_ = _tokens(sqlite_engine)
    c = client(sqlite_engine, tmp_path)
    figs = _post()["figures"] + [{"unit": "vn34-01", "indicator": "it_budget_share",
                                  "period": "2024", "value": "150 %"}]
    r = c.post("/api/v1/feed", json=_post(figures=figs), headers=as_["feed"])
    assert r.status_code == 422, r.text
    body = r.json()
    assert "figure 3" in body["message"]["en"] and "số liệu thứ 3" in body["message"]["vi"]
    assert any(e.get("field", "").startswith("figures.2") for e in body["errors"])
    with db.transaction(sqlite_engine) as s:
        assert s.scalar(select(Observation.id)) is None and s.scalar(select(FeedBatch.id)) is None


def test_only_a_feed_token_of_the_units_own_province_may_post(sqlite_engine, tmp_path: Path):
    populate(sqlite_engine)
    as_ = _tokens(sqlite_engine)
    c = client(sqlite_engine, tmp_path)
    assert c.post("/api/v1/feed", json=_post()).status_code == 401
    assert c.post("/api/v1/feed", json=_post(), headers=as_["entry"]).status_code == 403
    assert c.post("/api/v1/feed", json=_post(), headers=as_["other"]).status_code == 403
    bad = c.post("/api/v1/feed", json=_post(client_key=""), headers=as_["feed"])
    assert bad.status_code == 422 and "client_key" in bad.text
    bad = c.post("/api/v1/feed", json=_post(observed_at="hôm qua"), headers=as_["feed"])
    assert bad.status_code == 422 and "ISO 8601" in bad.json()["message"]["en"]
