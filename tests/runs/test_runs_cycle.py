"""The analyst's cycle on stored data: figures published, a run computed from them, rebuilt bit
for bit, made official, gone stale when a publication changes an input; a preview never public;
simulated figures never published as real. On SQLite and PostgreSQL, through the workflow and
through `chiso index run | rebuild | publish | list`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from chiso.cli import app
from chiso.compute import Method
from chiso.errors import ComputeError, NotFound
from chiso.store import db, observations, publications, sources
from chiso.store.models import Observation
from chiso.vocab import APPROVED, PUBLISHED
from chiso.web.model import pick_run
from chiso.workflow import accounts, publish
from chiso.workflow.runs import RunSpec, compute_run, publish_run, rebuild, stale_cells
from chiso.workflow.setup import load_frameworks, load_units
from support import as_cli, as_user

FW = "chiso-core"
CODES = ("coverage_4g_pop", "fiber_households_share", "dvc_l4_share")
UNITS = ("vn34-01", "vn34-79", "vn34-48", "vn34-31")


def _figures(values: dict[str, list[float]], period: str = "2025") -> list[dict]:
    return [{"unit_id": u, "indicator": code, "period": period, "kind": "actual", "value": v}
            for code, row in values.items() for u, v in zip(UNITS, row, strict=True)]


def _world(engine: Engine) -> None:
    with db.transaction(engine) as s:
        load_frameworks(s)
        load_units(s)
        w = as_cli(s, "setup")
        accounts.add_user(w, "bo.duyet", "mật-khẩu-đủ-dài-1", "ministry_reviewer")
        src = sources.add_source(s, kind="file", title="so-lieu-2025.csv", uri="so-lieu-2025.csv",
                                 publisher="Sở KH&CN", sha256="a" * 64)
        observations.record_observations(s, _figures({
            "coverage_4g_pop": [99.5, 99.9, 99.7, 98.0],
            "fiber_households_share": [85.0, 90.0, 88.0, 70.0],
            "dvc_l4_share": [60.0, 75.0, 95.0, 55.0]}), source_id=src.id, status=APPROVED)
        sim = sources.add_source(s, kind="simulated", title="Mô phỏng", uri="sim", simulated=True)
        observations.record_observations(s, _figures({"dvc_l34_share": [1.0, 2.0, 3.0, 4.0]}),
                                         source_id=sim.id, status=APPROVED)


def _spec(w, inputs: str = "public") -> RunSpec:
    fw = w.catalog.framework(FW)
    return RunSpec(framework=fw, period="2025", unit_ids=UNITS, method=Method.for_framework(fw),
                   label="chiso-core 2025", inputs=inputs)


def test_publication_never_makes_simulated_figures_public(engine: Engine) -> None:
    _world(engine)
    with db.transaction(engine) as s:
        res = publish.publish(as_user(s, "bo.duyet"), FW, "2025")
        assert res.added == 12 and res.simulated_left_out == 4
    with db.session_factory(engine)() as s:
        public = s.scalars(select(Observation).where(Observation.is_public.is_(True))).all()
        assert {o.indicator for o in public} == set(CODES)
        pub = publications.latest(s, FW, "2025")
        assert {f.indicator for f in publications.figures(s, pub).values()} == set(CODES)
        (_p, rows), = publications.changelog(s)
        assert {r.indicator for r in rows} == set(CODES)


def test_a_run_from_published_figures_rebuilds_goes_official_and_then_stale(engine: Engine) -> None:
    _world(engine)
    with db.transaction(engine) as s:
        w = as_cli(s)
        with pytest.raises(ComputeError):  # nothing is published yet: every cell is missing
            compute_run(w, _spec(w))
    with db.transaction(engine) as s:
        publish.publish(as_user(s, "bo.duyet"), FW, "2025")
    with db.transaction(engine) as s:
        w = as_user(s, "bo.duyet")
        run = compute_run(w, _spec(w))
        preview = compute_run(w, _spec(w, "reviewed"))
        assert (run.status, preview.status) == ("draft", "preview")
        same, n = rebuild(s, run, w.catalog.framework(FW))
        assert same and n > 0
        assert stale_cells(s, run) == []
        with pytest.raises(ComputeError, match="unpublished"):
            publish_run(w, preview.id)
        publish_run(w, run.id, "chính thức")
        run_id, preview_id = run.id, preview.id
    with db.session_factory(engine)() as s:
        assert pick_run(s, FW, "2025").id == run_id  # the official run by default
        with pytest.raises(NotFound):
            pick_run(s, run_id=preview_id)  # a preview is never public
    # a correction is approved and published: the official run's input changed
    with db.transaction(engine) as s:
        src = sources.add_source(s, kind="file", title="sua.csv", uri="sua.csv", sha256="b" * 64)
        observations.record_observations(s, [{"unit_id": "vn34-31", "indicator": "dvc_l4_share",
                                              "period": "2025", "kind": "actual", "value": 65.0}],
                                         source_id=src.id, status=APPROVED)
        publish.publish(as_user(s, "bo.duyet"), FW, "2025")
    with db.transaction(engine) as s:
        run = pick_run(s, FW, "2025")
        (change,) = stale_cells(s, run)
        assert (change.unit_id, change.indicator, change.used, change.now) == (
            "vn34-31", "dvc_l4_share", 55.0, 65.0)
        w = as_user(s, "bo.duyet")
        newer = compute_run(w, _spec(w))
        assert newer.id != run.id and stale_cells(s, newer) == []


def test_a_simulated_run_is_never_official(engine: Engine) -> None:
    _world(engine)
    with db.transaction(engine) as s:
        w = as_cli(s)
        sim = sources.add_source(s, kind="simulated", title="Mô phỏng", uri="sim", simulated=True)
        observations.record_observations(s, _figures({"coverage_4g_pop": [1.0, 2.0, 3.0, 4.0]},
                                                     "2024"),
                                         source_id=sim.id, status=PUBLISHED)
        fw = w.catalog.framework(FW)
        run = compute_run(w, RunSpec(framework=fw, period="2024", unit_ids=UNITS,
                                     method=Method.for_framework(fw), label="mô phỏng",
                                     include_simulated=True))
        assert run.simulated
        with pytest.raises(ComputeError, match="simulated"):
            publish_run(w, run.id)


def test_the_index_commands_end_to_end(engine: Engine, tmp_path: Path) -> None:
    _world(engine)
    with db.transaction(engine) as s:
        publish.publish(as_user(s, "bo.duyet"), FW, "2025")
    env = {"CHISO_DATABASE_URL": engine.url.render_as_string(hide_password=False),
           "CHISO_DATA_DIR": str(tmp_path), "COLUMNS": "200"}
    run = CliRunner().invoke

    def ok(*args: str) -> str:
        r = run(app, list(args), env=env)
        assert r.exit_code == 0, (args, r.output, r.exception)
        return r.output

    assert "draft" in ok("index", "run", FW, "2025", "--uncertainty", "50", "--seed", "3")
    listed = ok("index", "list", "--framework", FW).splitlines()
    run_id = listed[1].split("\t")[0]
    assert listed[1].split("\t")[4] == "draft"
    assert "identical" in ok("index", "rebuild", run_id)
    r = run(app, ["index", "publish", run_id, "--as", "nobody"], env=env)
    assert r.exit_code != 0 and isinstance(r.exception, NotFound)
    assert "official" in ok("index", "publish", run_id, "--as", "bo.duyet", "--note", "2025")
    assert ok("index", "list").splitlines()[1].split("\t")[4] == "official"
    r = run(app, ["index", "publish", run_id, "--as", "bo.duyet"], env=env)
    assert r.exit_code != 0 and "already official" in str(r.exception)
    assert os.environ.get("CHISO_DATABASE_URL") is None  # the test did not leak its setting
