"""Importing files into a real database (SQLite and PostgreSQL): whole or nothing, idempotent."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from chiso.errors import DataFileError
from chiso.ingest import ImportOptions
from chiso.ingest.export import write as _export
from chiso.store import db, observations
from chiso.store.models import ImportBatch, Observation, Source
from chiso.workflow import imports
from support import as_cli

from .files import LONG_HEADER, write_csv, write_xlsx


def import_file(engine, path, options=ImportOptions(), *, resolve_unit=None):
    """`chiso import` of one file: its own transaction, as the person at the command line."""
    with db.transaction(engine) as s:
        return imports.import_file(as_cli(s), path, options, resolve_unit=resolve_unit)


def export_write(engine, out, fmt, flt):
    with db.session_factory(engine)() as s:
        return _export(s, out, fmt, flt)


def _obs(engine) -> list[Observation]:
    with db.session_factory(engine)() as s:
        return list(s.scalars(select(Observation).order_by(Observation.id)))


def _count(engine, model=Observation) -> int:
    with db.session_factory(engine)() as s:
        return s.scalar(select(func.count()).select_from(model))


def _current(engine) -> dict[tuple[str, str, str], Observation]:
    return {(o.unit_id, o.indicator, o.period): o for o in _obs(engine) if o.is_current}


LONG_ROWS = [
    LONG_HEADER,
    ["Đà Nẵng", "fiber_households_share", "2024", "actual", "70,8", "", "", "", "Sở TT&TT", ""],
    ["48", "smartphone_subscribers", "2024", "thực tế", "911.000", "", "", "", "", "ghi chú"],
    ["Hà Nội", "smartphone_active_share", "2024", "", "0,3 – 0,35", "", "", "", "", ""],
    ["Hà Nội", "smartphone_subscribers_active", "2024", "", "hơn 600.000", "", "", "", "", ""],
    ["Đà Nẵng", "fiber_households_share", "2025", "target", "80", "", "ge", "2025", "", ""],
]


def test_long_csv_with_vietnamese_numbers(units_db, tmp_path: Path) -> None:
    engine, resolve = units_db
    path = write_csv(tmp_path / "so-lieu.csv", LONG_ROWS)
    report = import_file(engine, path, resolve_unit=resolve)
    assert (report.rows, report.added, report.revised, report.unchanged) == (5, 5, 0, 0)
    cur = _current(engine)
    fiber = cur[("vn63-48", "fiber_households_share", "2024")]
    assert fiber.value == pytest.approx(70.8) and fiber.kind == "actual"
    assert fiber.provenance == {"file": "so-lieu.csv", "sheet": "so-lieu.csv",
                                "cell": "so-lieu.csv!E2", "source": "Sở TT&TT"}
    assert cur[("vn63-48", "smartphone_subscribers", "2024")].value == 911000
    assert cur[("vn63-48", "smartphone_subscribers", "2024")].note == "ghi chú"
    share = cur[("vn63-01", "smartphone_active_share", "2024")]
    assert (share.value, share.value_high) == (pytest.approx(0.3), pytest.approx(0.35))
    active = cur[("vn63-01", "smartphone_subscribers_active", "2024")]
    assert (active.value, active.qualifier) == (600000, "gt")
    target = cur[("vn34-48", "fiber_households_share", "2025")]
    assert (target.kind, target.qualifier, target.target_year) == ("target", "ge", 2025)
    with db.session_factory(engine)() as s:
        batch = s.scalars(select(ImportBatch)).one()
        source = s.get(Source, batch.source_id)
    assert (batch.rows, batch.added, batch.file_name) == (5, 5, "so-lieu.csv")
    assert source.sha256 == report.sha256 and source.kind == "file"


def test_long_csv_semicolon_cp1258_and_vietnamese_headers(units_db, tmp_path: Path) -> None:
    engine, resolve = units_db
    rows = [["Tỉnh", "Chỉ tiêu", "Năm", "Giá trị"],
            ["Đà Nẵng", "Tỷ lệ hộ gia đình sử dụng cáp quang", "2024", "70,8"]]
    from chiso.framework import load_framework

    name = load_framework("chiso-core").node("fiber_households_share").name.vi
    rows[1][1] = name
    path = write_csv(tmp_path / "utf16.csv", rows, encoding="utf-16", delimiter=";")
    report = import_file(engine, path, resolve_unit=resolve)
    assert report.added == 1
    assert _current(engine)[("vn63-48", "fiber_households_share", "2024")].value == 70.8


def test_long_xlsx_numeric_and_text_cells(units_db, tmp_path: Path) -> None:
    engine, resolve = units_db
    rows = [LONG_HEADER,
            ["Đà Nẵng", "fiber_households_share", 2024, "actual", 70.8],
            ["Đà Nẵng", "smartphone_subscribers", 2024.0, "actual", "911.000"]]
    path = write_xlsx(tmp_path / "long.xlsx", {"Số liệu": rows})
    report = import_file(engine, path, resolve_unit=resolve)
    assert report.added == 2
    cur = _current(engine)
    assert cur[("vn63-48", "smartphone_subscribers", "2024")].value == 911000
    assert cur[("vn63-48", "fiber_households_share", "2024")].provenance["cell"] == "Số liệu!E2"


def test_wide_xlsx_names_and_codes_with_period_option(units_db, tmp_path: Path) -> None:
    engine, resolve = units_db
    from chiso.framework import load_framework

    fw = load_framework("chiso-core")
    fiber = fw.node("fiber_households_share")
    rows = [["Tỉnh/thành phố", f"{fiber.name.vi} (%)", "smartphone_subscribers",
             fw.node("smartphone_active_share").name.en],
            ["Đà Nẵng", "70,8", 911000, None],
            ["Hà Nội", None, "1,1 triệu", "65"],
            [None, None, None, None]]
    path = write_xlsx(tmp_path / "wide.xlsx", {"Ngang": rows})
    report = import_file(engine, path, ImportOptions(period="2024"), resolve_unit=resolve)
    assert (report.rows, report.added) == (2, 4)
    cur = _current(engine)
    assert cur[("vn63-01", "smartphone_subscribers", "2024")].value == 1_100_000
    assert cur[("vn63-01", "smartphone_active_share", "2024")].provenance["cell"] == "Ngang!D3"


def test_wide_without_period_names_missing_column(units_db, tmp_path: Path) -> None:
    engine, resolve = units_db
    path = write_xlsx(tmp_path / "wide.xlsx", {"S": [["unit", "smartphone_subscribers"],
                                                    ["Đà Nẵng", 5]]})
    with pytest.raises(DataFileError) as info:
        import_file(engine, path, resolve_unit=resolve)
    assert "period" in str(info.value)


def test_bad_cell_in_row_900_changes_nothing_and_is_named(units_db, tmp_path: Path) -> None:
    engine, resolve = units_db
    from chiso.framework import load_framework

    shares = [n.code for n in load_framework("chiso-core").indicators() if n.unit == "percent"]
    rows = [LONG_HEADER]
    for i in range(999):
        rows.append(["Đà Nẵng", shares[i // 100], str(1995 + i % 100), "actual", 50.0])
    rows[899][4] = "năm mươi"  # spreadsheet row 900
    path = write_xlsx(tmp_path / "big.xlsx", {"Sheet1": rows})
    with pytest.raises(DataFileError) as info:
        import_file(engine, path, resolve_unit=resolve)
    probs = info.value.problems
    assert len(probs) == 1
    p = probs[0]
    assert (p.row, p.column, p.value) == (900, "E (value)", "năm mươi")
    assert "Sheet1" in p.file and p.message_vi and p.message_en
    assert _count(engine) == 0 and _count(engine, ImportBatch) == 0 and _count(engine, Source) == 0


def test_every_bad_row_is_reported(units_db, tmp_path: Path) -> None:
    engine, resolve = units_db
    rows = [LONG_HEADER,
            ["Đà Nẵng", "fiber_households_share", "2024", "actual", "120"],
            ["Nowhere", "fiber_households_share", "2024", "actual", "12"],
            ["Đà Nẵng", "smartphone_subscribers", "2024", "actual", "12,5"],
            ["Đà Nẵng", "no_such_thing", "2024", "actual", "1"],
            ["Đà Nẵng", "smartphone_subscribers", "20x4", "actual", "1"],
            ["Đà Nẵng", "smartphone_subscribers", "2023", "guess", "1"],
            ["Đà Nẵng", "smartphone_subscribers", "2022", "actual", "1", "", "maybe"],
            ["Đà Nẵng", "smartphone_subscribers", "2021", "target", "1", "", "", "20"],
            ["Đà Nẵng", "smartphone_subscribers", "2020", "actual", "-3"],
            ["Đà Nẵng", "smartphone_subscribers", "2019", "actual", ""],
            ["Đà Nẵng", "fiber_households_share", "2018", "actual", "5", "4"],
            ["Đà Nẵng", "fiber_households_share", "2017", "actual", "5"],
            ["Đà Nẵng", "fiber_households_share", "2017", "actual", "6"]]
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(DataFileError) as info:
        import_file(engine, path, resolve_unit=resolve)
    got = {(p.row, p.field) for p in info.value.problems}
    assert got == {(2, "value"), (3, "unit"), (4, "value"), (5, "indicator"), (6, "period"),
                   (7, "kind"), (8, "qualifier"), (9, "target_year"), (10, "value"),
                   (11, "value"), (12, "value_high"), (14, "value")}
    assert _count(engine) == 0


def test_reimport_is_idempotent_and_a_change_adds_a_revision(units_db, tmp_path: Path) -> None:
    engine, resolve = units_db
    path = write_csv(tmp_path / "a.csv", LONG_ROWS)
    first = import_file(engine, path, resolve_unit=resolve)
    before = [(o.id, o.value, o.revision, o.is_current) for o in _obs(engine)]
    again = import_file(engine, path, resolve_unit=resolve)
    assert (again.added, again.revised, again.unchanged) == (0, 0, first.added)
    assert [(o.id, o.value, o.revision, o.is_current) for o in _obs(engine)] == before
    with db.session_factory(engine)() as s:
        assert s.scalar(select(func.count()).select_from(Source)) == 1
    changed = [list(r) for r in LONG_ROWS]
    changed[1][4] = "71,2"
    path2 = write_csv(tmp_path / "b.csv", changed)
    third = import_file(engine, path2, resolve_unit=resolve)
    assert (third.added, third.revised, third.unchanged) == (0, 1, 4)
    key = observations.series_key("vn63-48", "fiber_households_share", "2024", "actual", None)
    with db.session_factory(engine)() as s:
        revs = [(o.revision, o.value, o.is_current) for o in observations.history(s, key)]
    assert revs == [(1, 70.8, False), (2, 71.2, True)]


def test_dry_run_writes_nothing(units_db, tmp_path: Path) -> None:
    engine, resolve = units_db
    path = write_csv(tmp_path / "a.csv", LONG_ROWS)
    report = import_file(engine, path, ImportOptions(dry_run=True), resolve_unit=resolve)
    assert report.dry_run and report.added == 5
    assert _count(engine) == 0 and _count(engine, Source) == 0


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_import_round_trip(units_db, tmp_path: Path, fmt: str) -> None:
    engine, resolve = units_db
    import_file(engine, write_csv(tmp_path / "a.csv", LONG_ROWS), resolve_unit=resolve)
    out = tmp_path / f"export.{fmt}"
    n = export_write(engine, out, fmt,
                     observations.Filter(view="current", statuses=("approved", "published")))
    assert n == 5
    back = import_file(engine, out, resolve_unit=resolve)
    assert (back.figures, back.added, back.revised, back.unchanged) == (5, 0, 0, 5)


def test_export_jsonl_has_provenance(units_db, tmp_path: Path) -> None:
    import json

    engine, resolve = units_db
    import_file(engine, write_csv(tmp_path / "a.csv", LONG_ROWS), resolve_unit=resolve)
    out = tmp_path / "o.jsonl"
    export_write(engine, out, "jsonl",
                 observations.Filter(view="current", indicators=["smartphone_subscribers"],
                                     statuses=("approved", "published")))
    lines = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert len(lines) == 1
    assert lines[0]["value"] == 911000 and lines[0]["source"] == "a.csv"
    assert lines[0]["provenance"]["cell"] == "a.csv!E3"


def test_template_round_trip(units_db, tmp_path: Path) -> None:
    import openpyxl

    from chiso.framework import load_framework
    from chiso.ingest.template import write_template

    engine, resolve = units_db
    fw = load_framework("chiso-core")
    path = write_template(fw, tmp_path / "mau.xlsx",
                          [("vn34-48", "Đà Nẵng"), ("vn34-01", "Hà Nội")])
    book = openpyxl.load_workbook(path)
    wide = book["Ngang"]
    headers = [c.value for c in wide[1]]
    # 1-based, after A, B
    col = {fw.indicators()[i].code: i + 3 for i in range(len(fw.indicators()))}
    assert headers[col["fiber_households_share"] - 1].endswith("(%)")
    wide.cell(2, 2, 2025)
    wide.cell(2, col["fiber_households_share"], "80,5")
    wide.cell(3, 2, "2025")
    wide.cell(3, col["smartphone_subscribers"], 1200000)
    long = book["Dọc"]
    long.append(["Đà Nẵng", "internet_subscribers", "2025", "actual", "300.000"])
    book.save(path)
    report = import_file(engine, path, resolve_unit=resolve)
    assert report.added == 3
    cur = _current(engine)
    assert cur[("vn34-48", "fiber_households_share", "2025")].value == 80.5
    assert cur[("vn34-01", "smartphone_subscribers", "2025")].value == 1200000
    assert cur[("vn34-48", "internet_subscribers", "2025")].provenance["cell"] == "Dọc!E2"
