"""Ministries and departments as units beside provinces and communes: in the registry, on the
command line and in the store, with their parent and validity."""

from __future__ import annotations

import csv
import io
from datetime import date

from sqlalchemy import Engine
from typer.testing import CliRunner

from chiso.cli import app
from chiso.store import db
from chiso.store import units as stored
from chiso.units.registry import Registry
from chiso.workflow.setup import load_units

REG = Registry.load()
NEW = date(2025, 7, 1)
runner = CliRunner()


def _csv(*args: str) -> list[dict[str, str]]:
    res = runner.invoke(app, ["units", *args, "--format", "csv"])
    assert res.exit_code == 0, res.output
    return list(csv.DictReader(io.StringIO(res.stdout)))


def test_chiso_units_gives_3321_communes_on_the_reform_day() -> None:
    rows = _csv("--level", "commune", "--as-of", "2025-07-01")
    assert len(rows) == 3321
    assert _csv("--level", "commune", "--as-of", "2025-06-30") == []


def test_every_province_has_its_twelve_departments_and_ministries_sit_under_the_country() -> None:
    provinces = {u.id for u in REG.units(as_of=NEW, level="province")}
    departments = REG.units(as_of=NEW, level="department")
    assert len(departments) == 34 * 12 and {d.parent for d in departments} == provinces
    assert REG.units(as_of=date(2025, 6, 30), level="department") == []
    hanoi = _csv("--level", "department", "--parent", "Hà Nội", "--as-of", "2025-07-01")
    assert len(hanoi) == 12 and {r["parent"] for r in hanoi} == {"vn34-01"}
    assert "Sở Khoa học và Công nghệ thành phố Hà Nội" in {r["full_name"] for r in hanoi}
    ministries = REG.units(as_of=NEW, level="ministry")
    assert len(ministries) == 22 and {m.parent for m in ministries} == {"VN"}
    assert REG.resolve("Bộ KH&CN", as_of=NEW, level="ministry").id == "vnb-bkhcn"
    assert REG.resolve("Sở Y tế Hà Nội", as_of=NEW, level="department").id == "vn34-01-syt"


def test_the_store_holds_them_with_parent_and_validity(engine: Engine) -> None:
    db.upgrade(engine)
    with db.transaction(engine) as s:
        load_units(s)
        load_units(s)  # twice: nothing added the second time
    with db.transaction(engine) as s:
        deps = stored.units(s, as_of=NEW, level="department")
        assert len(deps) == 408
        one = stored.unit(s, "vn34-79-skhcn")
        assert one is not None and one.parent_id == "vn34-79" and one.valid_from == NEW
        assert len(stored.units(s, as_of=NEW, level="ministry")) == 22
        assert len(stored.units(s, as_of=NEW, level="commune")) == 3321
