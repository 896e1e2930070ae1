"""The appraisal council's step for points rubrics (workflow level): a reviewed form is
confirmed or sent back with a reason; a yes/no component takes only its declared answers."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, select

from chiso.errors import InvalidInput
from chiso.store import db, submissions
from chiso.store.models import Observation
from chiso.units.registry import Registry
from chiso.workflow import Principal, Work, accounts, entry, review
from chiso.workflow.entry import RawEntry
from chiso.workflow.setup import load_frameworks, load_units

from .conftest import PASSWORD

FW, PERIOD = "commune-hanoi-2025", "2025"
CID = Registry.load().units(as_of=date(2025, 7, 1), level="commune", parent="vn34-01")[0].id


def _world(engine: Engine) -> None:
    db.upgrade(engine)
    with db.transaction(engine) as s:
        load_frameworks(s)
        load_units(s)
        w = Work.open(s, Principal.local("setup"), "cli")
        accounts.add_user(w, "xa", PASSWORD, "province_editor", units=[CID], display_name="Xã")
        accounts.add_user(w, "so", PASSWORD, "ministry_reviewer", display_name="Sở")


def _as(s, name: str) -> Work:  # type: ignore[no-untyped-def]
    return Work.open(s, accounts.principal_for(s, accounts.require_user(s, name)), "test")


def _submitted(engine: Engine, typed: dict[str, str]) -> int:
    with db.transaction(engine) as s:
        before = submissions.find(s, FW, PERIOD, CID)
        entry.save(_as(s, "xa"), FW, PERIOD, CID, {k: RawEntry(v) for k, v in typed.items()},
                   before.version if before else 0, submit=True)
        sub = submissions.find(s, FW, PERIOD, CID)
        assert sub is not None
        return sub.id


def test_a_yes_no_component_takes_only_its_answers(sqlite_engine: Engine) -> None:
    _world(sqlite_engine)
    with db.transaction(sqlite_engine) as s:
        res = entry.save(_as(s, "xa"), FW, PERIOD, CID,
                         {"xa_nt_truong_ban": RawEntry("0,7"), "xa_nt_ke_hoach": RawEntry("1")}, 0)
        assert [p.field for p in res.problems] == ["xa_nt_truong_ban"]
        assert "nhập 1, 0, 0,5" in res.problems[0].message_vi
        assert "enter 1, 0, 0.5" in res.problems[0].message_en


def test_the_council_confirms_or_sends_back_and_only_then_figures_land(
        sqlite_engine: Engine) -> None:
    _world(sqlite_engine)
    sub_id = _submitted(sqlite_engine, {"xa_nt_truong_ban": "0,5", "xa_at_kiem_tra": "18"})
    with db.transaction(sqlite_engine) as s:
        review.accept(_as(s, "so"), sub_id, submissions.get(s, sub_id).version)
        assert submissions.get(s, sub_id).status == "reviewed"
        assert s.scalar(select(Observation.id)) is None  # nothing lands before the council
        with pytest.raises(InvalidInput):
            review.council(_as(s, "so"), sub_id, submissions.get(s, sub_id).version, "return", "")
    with db.transaction(sqlite_engine) as s:
        review.council(_as(s, "so"), sub_id, submissions.get(s, sub_id).version, "return",
                       "Thiếu biên bản kiểm tra")
        assert submissions.get(s, sub_id).status == "rejected"
    sub_id = _submitted(sqlite_engine, {"xa_nt_truong_ban": "0,5", "xa_at_kiem_tra": "18"})
    with db.transaction(sqlite_engine) as s:
        review.accept(_as(s, "so"), sub_id, submissions.get(s, sub_id).version)
        with pytest.raises(InvalidInput):  # an adjustment needs the council's reason
            review.council(_as(s, "so"), sub_id, submissions.get(s, sub_id).version, "confirm",
                           "", {"xa_at_kiem_tra": "10"})
    with db.transaction(sqlite_engine) as s:
        counts = review.council(_as(s, "so"), sub_id, submissions.get(s, sub_id).version,
                                "confirm", "Biên bản chưa đủ", {"xa_at_kiem_tra": "10"})
        assert counts.added == 2 and submissions.get(s, sub_id).status == "accepted"
        obs = {o.indicator: o for o in s.scalars(select(Observation))}
        assert obs["xa_at_kiem_tra"].value == 10 and obs["xa_at_kiem_tra"].status == "approved"
        prov = obs["xa_at_kiem_tra"].provenance
        assert (prov["entered_by"], prov["reviewed_by"], prov["decided_by"]) == ("xa", "so", "so")
        assert prov["original_value"] == 18 and obs["xa_nt_truong_ban"].value == 0.5
