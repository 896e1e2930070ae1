"""Loading candidates as drafts and reviewing them, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from chiso.errors import NotFound
from chiso.extract import extract_text
from chiso.store import db
from chiso.store.models import Observation, Source, Unit
from chiso.workflow import extracted as rv
from support import as_cli, seed_frameworks

TEXT = ("Thái Nguyên tăng tốc chuyển đổi số\n"
        "Năm 2020, tỷ lệ phủ sóng 4G đạt 95%, thấp hơn mức trung bình toàn quốc (97%). "
        "Đến năm 2025, tỷ lệ hộ gia đình có cáp quang phải đạt 80%. Tỉnh có 12 năm liên tiếp.")


def _units(session) -> None:
    session.add_all([
        Unit(id="VN", code="VN", name="Việt Nam", full_name="Việt Nam", type="country",
             level="country"),
        Unit(id="vn63-19", code="19", name="Thái Nguyên", full_name="Tỉnh Thái Nguyên", type="tỉnh",
             level="province", parent_id="VN", valid_to=date(2025, 6, 30)),
        Unit(id="vn34-19", code="19", name="Thái Nguyên", full_name="Tỉnh Thái Nguyên", type="tỉnh",
             level="province", parent_id="VN", valid_from=date(2025, 7, 1)),
    ])
    session.flush()


def _load(engine):
    seed_frameworks(engine)
    cands = extract_text(TEXT, "tn.txt", year=2020)
    with db.transaction(engine) as session:
        _units(session)
        return rv.load_candidates(as_cli(session), cands, doc_text=TEXT, doc_title="tn.txt",
                                  period="2020")


def test_load_stores_matched_candidates_as_drafts_with_provenance(engine):
    res = _load(engine)
    assert res.loaded == 3 and res.skipped == []
    with db.transaction(engine) as session:
        rows = rv.drafts(as_cli(session))
        assert {(o.unit_id, o.indicator, o.kind, o.value, o.target_year) for o in rows} == {
            ("vn63-19", "coverage_4g_pop", "actual", 95.0, None),
            ("VN", "coverage_4g_pop", "national_average", 97.0, None),
            ("vn63-19", "fiber_households_share", "target", 80.0, 2025),
        }
        assert all(o.status == "draft" and o.source_id == res.source_id for o in rows)
        p = rows[0].provenance
        assert set(p) == {"doc", "quote", "span", "confidence", "needs_look"}
        assert p["doc"] == "tn.txt" and p["needs_look"] is False
        assert TEXT[p["span"][0]:p["span"][1]] in p["quote"]
        assert session.get(Source, res.source_id).kind == "report"


def test_accept_correct_reject_make_new_revisions(engine):
    _load(engine)
    with db.transaction(engine) as session:
        ids = {o.indicator + o.kind: o.id for o in rv.drafts(as_cli(session))}
        w = as_cli(session, "lan")
        rv.decide(w, ids["coverage_4g_popactual"], "accept")
        rv.decide(w, ids["coverage_4g_popnational_average"], "correct", "97,3")
        rv.decide(w, ids["fiber_households_sharetarget"], "reject")
        assert rv.drafts(as_cli(session)) == []
    with db.transaction(engine) as session:
        current = session.scalars(select(Observation).where(Observation.is_current.is_(True))).all()
        got = {(o.indicator, o.kind, o.value, o.status, o.revision) for o in current}
        assert got == {
            ("coverage_4g_pop", "actual", 95.0, "approved", 2),
            ("coverage_4g_pop", "national_average", 97.3, "approved", 2),
            ("fiber_households_share", "target", 80.0, "rejected", 2),
        }
        old = session.scalars(select(Observation).where(Observation.is_current.is_(False))).all()
        assert {o.status for o in old} == {"draft"} and len(old) == 3


def test_reviewing_a_missing_draft_says_what_to_do(engine):
    _load(engine)
    with db.transaction(engine) as session, pytest.raises(NotFound) as err:
        rv.decide(as_cli(session), 99999, "accept")
    assert "chiso review" in str(err.value)


def test_unknown_units_and_missing_years_are_skipped_with_a_reason(engine):
    cands = extract_text("Cao Bằng\nTỷ lệ phủ sóng 4G đạt 90%.", "cb.txt")
    with db.transaction(engine) as session:
        _units(session)
        res = rv.load_candidates(as_cli(session), cands, doc_text="x", doc_title="cb.txt")
    assert res.loaded == 0 and len(res.skipped) == 1 and "Cao Bằng" in res.skipped[0]


def test_one_value_per_series_and_reloading_keeps_reviews(engine):
    text = ("Thái Nguyên\n"
            "Bộ đang chỉ đạo chi 1% ngân sách cho CNTT, đề xuất đẩy lên 2% ngân sách cho CNTT.")
    cands = extract_text(text, "t.txt", year=2020)
    assert sorted(c.value for c in cands if c.matched) == [1.0, 2.0]
    with db.transaction(engine) as session:
        _units(session)
        res = rv.load_candidates(as_cli(session), cands, doc_text=text, doc_title="t.txt",
                                 period="2020")
        assert res.loaded == 1 and "same series" in res.skipped[0]
        rv.accept_all(as_cli(session))
    with db.transaction(engine) as session:
        res = rv.load_candidates(as_cli(session), cands, doc_text=text, doc_title="t.txt",
                                 period="2020")
        assert res.loaded == 0 and any("already reviewed" in why for why in res.skipped)
        assert rv.drafts(as_cli(session)) == []
