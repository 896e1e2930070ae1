"""Pure checks: periods, numbers written for export, column letters, header matching."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from chiso.ingest.export import csv_number
from chiso.ingest.headers import field_of, fold
from chiso.ingest.sheets import column_letter
from chiso.ingest.validate import normalise_period, period_end
from chiso.numbers import parse_number


def test_periods() -> None:
    assert normalise_period("2024") == "2024"
    assert normalise_period(2024.0) == "2024"
    assert normalise_period("2024-q2") == "2024-Q2"
    assert normalise_period("2024/6") == "2024-06"
    assert normalise_period("2024-H1") == "2024-H1"
    for bad in ("2024-H3", "2024-13", "1800", "20x4", 2024.5, True, ""):
        assert normalise_period(bad) is None
    assert period_end("2024") == date(2024, 12, 31)
    assert period_end("2025-Q2") == date(2025, 6, 30)
    assert period_end("2025-H1") == date(2025, 6, 30)
    assert period_end("2024-02") == date(2024, 2, 29)
    assert period_end("2024-12") == date(2024, 12, 31)


@given(st.integers(1990, 2100), st.integers(1, 12))
def test_month_periods_end_in_their_month(year: int, month: int) -> None:
    end = period_end(normalise_period(f"{year}-{month}"))
    assert (end.year, end.month) == (year, month)
    assert end.replace(day=1) <= end


@given(st.floats(min_value=-1e15, max_value=1e15, allow_nan=False))
def test_exported_numbers_read_back_exactly(x: float) -> None:
    assert parse_number(csv_number(x)).value == x


def test_csv_number_shapes() -> None:
    assert csv_number(911000.0) == "911000"
    assert csv_number(70.8) == "70.8"
    assert csv_number(1.2e-05) == "0.000012"
    assert csv_number(1.234) == "1.2340"  # never read as 1234
    assert csv_number(-911.5) == "-911.5"
    assert csv_number(0.123) == "0.123"
    assert csv_number(None) == ""


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]


def test_headers() -> None:
    assert field_of("Đơn vị hành chính") == "unit"
    assert field_of("TỈNH") == "unit"
    assert field_of("don vi") == "unit"
    assert field_of("Giá trị (đồng)") == "value"
    assert field_of("target_year") == "target_year"
    assert field_of("unit_name") is None
    assert fold("  Hoà   Bình ") == "hoa binh"
