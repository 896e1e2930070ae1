"""Entry warns about what reads as a number but looks wrong, naming the indicator: 70,8 % as an
IT budget share (35 times its leading target, far outside the other provinces), 911.000 đồng
as a budget (far below the other provinces' billions); review groups rows by what changed."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from chiso.store import db
from chiso.workflow import entry, review
from chiso.workflow.entry import RawEntry
from support import as_user

from .conftest import populate
from .peers import add_peers


def _save(engine: Engine, values: dict[str, str], version: int = 0) -> entry.SaveResult:
    with db.transaction(engine) as s:
        w = as_user(s, "editor")
        result = entry.save(w, "chiso-core", "2024", "vn34-01",
                            {k: RawEntry(v) for k, v in values.items()}, version)
        s.expunge_all()
        return result


def test_the_issues_two_mistakes_are_warned_by_name(sqlite_engine: Engine, tmp_path: Path) -> None:
    populate(sqlite_engine)
    add_peers(sqlite_engine, tmp_path)
    result = _save(sqlite_engine, {"it_budget_share": "70,8", "it_budget_vnd": "911.000"})
    assert not result.problems
    by_field: dict[str, list[str]] = {}
    for p in result.warnings:
        by_field.setdefault(p.field or "", []).append(p.message_vi)
        assert "it_budget" not in p.message_vi and "it_budget" not in p.message_en
    share = " ".join(by_field["it_budget_share"])
    assert "Tỷ lệ chi ngân sách cho CNTT và chuyển đổi số" in share
    assert "70,8 %" in share and "mục tiêu cao nhất (2 %)" in share
    assert "xa ngoài phân bố của 7 tỉnh khác kỳ 2024" in share
    budget = " ".join(by_field["it_budget_vnd"])
    assert "911.000 đồng" in budget and "7 tỉnh khác" in budget


def test_plausible_figures_pass_quietly(sqlite_engine: Engine, tmp_path: Path) -> None:
    populate(sqlite_engine)
    add_peers(sqlite_engine, tmp_path)
    result = _save(sqlite_engine, {"it_budget_share": "0,7", "it_budget_vnd": "70 tỷ"})
    assert not result.problems and not result.warnings


def test_a_refusal_names_the_indicator_not_its_code(sqlite_engine: Engine) -> None:
    populate(sqlite_engine)
    result = _save(sqlite_engine, {"it_budget_share": "170"})
    [p] = result.problems
    assert "“Tỷ lệ chi ngân sách cho CNTT và chuyển đổi số”" in p.message_vi
    assert "it_budget_share" not in p.message_vi + p.message_en


def test_review_groups_rows_by_what_changed(sqlite_engine: Engine, tmp_path: Path) -> None:
    populate(sqlite_engine)
    add_peers(sqlite_engine, tmp_path)
    with db.transaction(sqlite_engine) as s:
        w = as_user(s, "editor")
        res = entry.save(w, "chiso-core", "2024", "vn34-01",
                         {"it_budget_share": RawEntry("70,8")}, 0, submit=True)
        sub_id = res.submission.id
    with db.transaction(sqlite_engine) as s:
        w = as_user(s, "reviewer")
        rows = review.differences(w, review.submission(w, sub_id))
    changes = {r.code: r.change for r in rows}
    assert changes["it_budget_share"] == "new"
    assert sum(1 for c in changes.values() if c == "empty") == len(rows) - 1
    [share] = [r for r in rows if r.code == "it_budget_share"]
    assert share.warnings and "7 tỉnh khác" in share.warnings[-1].message_vi
