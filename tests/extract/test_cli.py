"""`chiso extract` and `chiso review` through the command line (a real SQLite data directory)."""

from __future__ import annotations

import csv
import getpass
import io
import json
from datetime import date
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from chiso.cli.extract import register
from chiso.settings import Settings
from chiso.store import db
from chiso.store.models import Unit
from chiso.workspace import Workspace
from support import seed_frameworks

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"
REPORT = SEEDS / "002_4772e3cccd476e08.txt"


@pytest.fixture
def cli() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def run(app, *args: str, input: str | None = None):
    result = CliRunner().invoke(app, list(args), input=input, env={"COLUMNS": "300"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def test_jsonl_and_csv_have_the_gold_fields(cli):
    res = run(cli, "extract", str(REPORT), "--format", "jsonl")
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows and all(r["matched"] and r["unit"] for r in rows)
    assert {"doc", "unit", "indicator", "kind", "value", "value_high", "qualifier", "year",
            "target_year", "quote", "span", "confidence"} <= set(rows[0])
    res = run(cli, "extract", str(REPORT), "--format", "csv", "--unmatched")
    table = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(table) > len(rows) and {r["matched"] for r in table} == {"True", "False"}


def test_table_output_and_unit_hint(cli, tmp_path: Path):
    res = run(cli, "extract", str(REPORT), "--unit-hint", "Bắc Kạn")
    assert res.exit_code == 0
    assert "figures matched" in res.stdout
    # the report names its province: the hint is the last evidence
    assert "Bắc Kạn" not in res.stdout
    plain = tmp_path / "plain.txt"
    plain.write_text("Tỷ lệ hộ gia đình có đường truyền cáp quang đạt 85%.\n", encoding="utf-8")
    res = run(cli, "extract", str(plain), "--unit-hint", "Bắc Kạn")
    assert "Bắc Kạn" in res.stdout  # a report that names none takes the caller's hint


def test_a_figure_that_needs_a_look_says_so_in_every_format(cli, tmp_path: Path):
    report = tmp_path / "tn.txt"
    report.write_text("Năm 2020, tỉnh Thái Nguyên có 8 doanh nghiệp công nghệ số. Tỷ lệ hộ gia "
                      "đình có cáp quang của tỉnh Thái Nguyên đạt 85%.\n", encoding="utf-8")
    res = run(cli, "extract", str(report), "--year", "2020")
    assert "⚠ cần xem kỹ / look" in res.stdout and "(1 need a look)" in res.stdout
    rows = [json.loads(x) for x in run(cli, "extract", str(report), "--format",
                                        "jsonl").stdout.splitlines()]
    assert {(r["indicator"], r["needs_look"]) for r in rows} == {
        ("digital_enterprises_count", True), ("fiber_households_share", False)}
    table = list(csv.DictReader(io.StringIO(run(cli, "extract", str(report), "--format",
                                                "csv").stdout)))
    assert sorted(r["needs_look"] for r in table) == ["False", "True"]
    data = _workspace(tmp_path)  # loaded as drafts, the review list marks it too
    run(cli, "extract", str(report), "--year", "2020", "--load", "--data-dir", str(data))
    listed = run(cli, "review", "--list", "--data-dir", str(data)).stdout
    assert listed.count("⚠ cần xem kỹ / look") == 1 and "fiber_households_share" in listed


def test_unreadable_file_is_an_extraction_error(cli, tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    res = CliRunner().invoke(cli, ["extract", str(empty)])
    assert res.exit_code != 0 and "empty" in str(res.exception)


def _workspace(tmp_path: Path) -> Path:
    ws = Workspace(Settings(data_dir=tmp_path / "data"))
    ws.settings.ensure_data_dir()
    db.upgrade(ws.engine)
    seed_frameworks(ws.engine)
    with db.transaction(ws.engine) as s:
        s.add(Unit(id="VN", code="VN", name="Việt Nam", full_name="Việt Nam", type="country",
                   level="country"))
        s.add(Unit(id="vn63-19", code="19", name="Thái Nguyên", full_name="Tỉnh Thái Nguyên",
                   type="tỉnh", level="province", parent_id="VN", valid_to=date(2025, 6, 30)))
    return tmp_path / "data"


def test_load_then_review_with_flags(cli, tmp_path: Path):
    data = _workspace(tmp_path)
    res = run(cli, "extract", str(REPORT), "--year", "2020", "--format", "jsonl", "--load",
              "--data-dir", str(data))
    n = len(res.stdout.splitlines())
    listed = run(cli, "review", "--list", "--data-dir", str(data)).stdout
    assert "infra_sharing_share" in listed
    from chiso.workflow import extracted
    from support import as_cli

    engine = Workspace(Settings(data_dir=data)).ready()
    with db.transaction(engine) as s:
        ids = [o.id for o in extracted.drafts(as_cli(s))]
    assert len(ids) == n
    res = run(cli, "review", "--reject", str(ids[0]), "--set", f"{ids[1]}=1.301", "--data-dir",
              str(data))
    assert "rejected 1" in res.stdout and "approved 1" in res.stdout
    res = run(cli, "review", "--accept-all", "--data-dir", str(data))
    assert f"approved {n - 2}" in res.stdout
    assert "nothing waiting" in run(cli, "review", "--list", "--data-dir", str(data)).stdout
    from chiso.store import audit

    with db.transaction(engine) as s:  # every decision is in the audit log, with who made it
        trail = [(r.action, r.actor, r.before["id"])
                 for r in audit.entries(s, target_type="observation")]
    decided = {i: a for a, _u, i in trail}
    assert (decided[ids[0]] == "review.extracted.reject"
            and decided[ids[1]] == "review.extracted.correct")
    assert len(trail) == n and {u for _a, u, _i in trail} == {f"cli:{getpass.getuser()}"}
    bad = CliRunner().invoke(cli, ["review", "--set", "oops", "--data-dir", str(data)])
    assert bad.exit_code != 0 and "--set ID=VALUE" in str(bad.exception)


def test_interactive_review(cli, tmp_path: Path):
    data = _workspace(tmp_path)
    run(cli, "extract", str(REPORT), "--year", "2020", "--load", "--data-dir", str(data))
    res = run(cli, "review", "--data-dir", str(data), input="a\nr\ns\n70,8\n\nq\n")
    assert "approved 2 (1 corrected), rejected 1" in res.stdout
