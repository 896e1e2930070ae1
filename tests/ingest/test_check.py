"""Checking files without a database: what each layout yields, cell by cell."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.catalog import shipped_catalog
from chiso.errors import DataFileError, UnitError
from chiso.framework import load_framework
from chiso.ingest.load import ImportOptions, check_file, indicators_for, registry_peers
from chiso.numbers import format_vi

from .files import LONG_HEADER, write_csv, write_xlsx

UNITS = {"Đà Nẵng": "vn63-48", "Hà Nội": "vn63-01"}
SHARES = [n.code for n in load_framework("chiso-core").indicators() if n.unit == "percent"]
COUNTS = [n.code for n in load_framework("chiso-core").indicators() if n.unit == "count"]

SHIPPED = shipped_catalog()


def resolve(text: str, as_of: date) -> str:
    if text in UNITS:
        return UNITS[text]
    raise UnitError(f"không có '{text}'", f"no unit '{text}'")


def check(path: Path, **opts: object):  # type: ignore[no-untyped-def]
    return check_file(path, ImportOptions(**opts), indicators=indicators_for(SHIPPED.frameworks()),
                      resolve_unit=resolve, known_units=set(UNITS.values()),
                      peers=registry_peers(SHIPPED.units))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SHARES),
                          st.integers(0, 1000).map(lambda i: i / 10)), min_size=1, max_size=30,
                unique_by=lambda t: t[0]),
       st.lists(st.integers(0, 10**12), min_size=1, max_size=1))
def test_vietnamese_written_numbers_read_back(shares: list[tuple[str, float]],
                                              counts: list[int]) -> None:
    rows = [LONG_HEADER] + [["Đà Nẵng", code, "2024", "", format_vi(v)] for code, v in shares]
    rows += [["Hà Nội", COUNTS[0], "2024", "", format_vi(c)] for c in counts]
    with tempfile.TemporaryDirectory() as tmp:
        figures, n = check(write_csv(Path(tmp) / "p.csv", rows))
    assert n == len(rows) - 1
    assert [f.value for f in figures] == [v for _c, v in shares] + [float(c) for c in counts]


def test_wide_with_kind_and_note_columns(tmp_path: Path) -> None:
    rows = [["Tỉnh", "Năm", "Loại", "Ghi chú", "fiber_households_share", "internet_subscribers",
             "STT"],
            ["Đà Nẵng", 2025, "mục tiêu", "NQ 05", "80", None, 1],
            ["Hà Nội", "2024", None, None, None, "2,5 triệu", 2]]
    figures, n = check(write_xlsx(tmp_path / "w.xlsx", {"S": rows}))
    assert n == 2
    got = {(f.unit_id, f.indicator, f.period, f.kind, f.value, f.note, f.cell) for f in figures}
    assert got == {("vn63-48", "fiber_households_share", "2025", "target", 80.0, "NQ 05", "E2"),
                   ("vn63-01", "internet_subscribers", "2024", "actual", 2_500_000.0, None, "F3")}


def test_leading_blank_rows_and_columns_keep_spreadsheet_addresses(tmp_path: Path) -> None:
    rows = [[], ["", "title row"], [None, "unit", "period", "internet_subscribers"],
            [None, "Đà Nẵng", 2024, 12]]
    figures, _ = check(write_xlsx(tmp_path / "o.xlsx", {"S": rows}))
    assert [f.cell for f in figures] == ["D4"]


def test_framework_option_limits_indicators(tmp_path: Path) -> None:
    dti = load_framework("dti-province-2024").indicators()[0].code
    path = write_csv(tmp_path / "f.csv", [LONG_HEADER, ["Đà Nẵng", dti, "2024", "", "0,5"]])
    assert check_file(path, ImportOptions(), indicators=indicators_for(SHIPPED.frameworks()),
                      resolve_unit=resolve, known_units=set(UNITS.values()))[0]
    with pytest.raises(DataFileError) as info:
        check_file(path, ImportOptions(),
                   indicators=indicators_for(SHIPPED.frameworks(["chiso-core"])),
                   resolve_unit=resolve, known_units=set(UNITS.values()))
    assert info.value.problems[0].field == "indicator"


def test_unit_missing_from_database_says_run_init(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "u.csv", [LONG_HEADER, ["Đà Nẵng", SHARES[0], "2024", "", "5"]])
    with pytest.raises(DataFileError) as info:
        check_file(path, ImportOptions(), indicators=indicators_for(SHIPPED.frameworks()),
                   resolve_unit=resolve, known_units=set())
    assert "chiso init" in info.value.problems[0].message_en


def test_period_option_fills_blank_periods(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", [["unit", "indicator", "value"],
                                          ["Đà Nẵng", SHARES[0], "5"]])
    figures, _ = check(path, period="2023")
    assert figures[0].period == "2023"


def test_csv_with_title_lines_and_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("Báo cáo số liệu năm 2024\n\nunit;indicator;period;value\n"
                    f"Đà Nẵng;{SHARES[0]};2024;70,8\n", encoding="utf-8-sig")
    figures, _ = check(path)
    assert [(f.value, f.cell) for f in figures] == [(70.8, "D4")]


def test_wide_names_every_bad_cell_of_a_row(tmp_path: Path) -> None:
    rows = [["unit", "period", SHARES[0], SHARES[1], COUNTS[0]],
            ["Đà Nẵng", 2024, "101", "abc", "-1"]]
    with pytest.raises(DataFileError) as info:
        check(write_xlsx(tmp_path / "w.xlsx", {"S": rows}))
    assert [p.column[0] for p in info.value.problems] == ["C", "D", "E"]
