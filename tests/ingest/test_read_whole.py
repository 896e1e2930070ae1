"""Every cell is read whole or refused with the cell named, in CSV and XLSX alike (issue 19)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chiso.errors import DataFileError
from chiso.framework import load_framework
from chiso.values import ValueRefused, read_value, rule_for

from .files import LONG_HEADER, write_csv, write_xlsx
from .test_check import check

SHARE, COUNT = "fiber_households_share", "mobile_subscribers"
FW = load_framework("chiso-core")


def problems(path: Path, **opts: Any) -> list:  # type: ignore[type-arg]
    with pytest.raises(DataFileError) as info:
        check(path, **opts)
    return info.value.problems


Writer = Callable[[Path, list[list[Any]]], Path]
WRITERS: dict[str, Writer] = {
    "csv": lambda p, rows: write_csv(p.with_suffix(".csv"), rows),
    "xlsx": lambda p, rows: write_xlsx(p.with_suffix(".xlsx"), {"S": rows}),
}


@pytest.mark.parametrize("fmt", list(WRITERS))
@pytest.mark.parametrize(("code", "text"), [
    (COUNT, "1O"), (COUNT, "1O0"), (COUNT, "3/4"), (COUNT, "12abc"), (COUNT, "12 tr"),
    (COUNT, "95 km"), (COUNT, "0x10"), (COUNT, "1_000"), (SHARE, "10%20"),
    (SHARE, "-2,5"), ("pci_rank", "-3"), ("pci_rank", "2,5"), ("pci_rank", "0"),
    ("pci_rank", "64"), ("it_budget_vnd", "-5"), ("it_budget_vnd", "1e308"),
])
def test_a_misreadable_cell_is_refused_and_named(tmp_path: Path, fmt: str, code: str,
                                                 text: str) -> None:
    path = WRITERS[fmt](tmp_path / "f", [LONG_HEADER, ["Đà Nẵng", code, "2024", "", text]])
    (p,) = problems(path)
    assert (p.row, p.column, p.field, p.value) == (2, "E (value)", "value", text)


def test_an_unquoted_decimal_comma_is_refused_naming_the_row(tmp_path: Path) -> None:
    path = tmp_path / "comma.csv"
    path.write_text("unit,indicator,period,value\nHà Nội,fiber_households_share,2019,85,5\n",
                    encoding="utf-8")
    (p,) = problems(path)
    assert (p.row, p.column, p.value) == (2, "E", "5")
    assert '"85,5"' in p.message_en and "decimal comma" in p.message_en


def test_a_cell_under_no_header_is_refused_in_a_workbook_too(tmp_path: Path) -> None:
    rows = [["unit", "period", SHARE, None, COUNT], ["Đà Nẵng", 2024, 70, "ghi chú?", 5]]
    (p,) = problems(write_xlsx(tmp_path / "w.xlsx", {"S": rows}))
    assert (p.row, p.column, p.value) == (2, "D", "ghi chú?")


def test_the_qualifier_column_and_the_value_must_agree(tmp_path: Path) -> None:
    head = ["unit", "indicator", "period", "value", "qualifier"]
    path = write_csv(tmp_path / "q.csv", [head, ["Đà Nẵng", COUNT, "2024", "hơn 600.000", "eq"],
                                          ["Hà Nội", COUNT, "2024", "hơn 600.000", "gt"],
                                          ["Hà Nội", SHARE, "2024", "~65 %", ""]])
    (p,) = problems(path)
    assert (p.row, p.field) == (2, "qualifier")
    path = write_csv(tmp_path / "ok.csv", [head, ["Hà Nội", COUNT, "2024", "hơn 600.000", "gt"],
                                           ["Hà Nội", SHARE, "2024", "~65 %", ""]])
    figures, _ = check(path)
    assert [(f.value, f.qualifier) for f in figures] == [(600000.0, "gt"), (65.0, "approx")]


def test_an_upper_bound_is_given_once(tmp_path: Path) -> None:
    head = ["unit", "indicator", "period", "value", "value_high"]
    path = write_csv(tmp_path / "h.csv", [head, ["Đà Nẵng", SHARE, "2024", "0,3 – 0,35", "0,4"],
                                          ["Hà Nội", SHARE, "2024", "5", "hơn 6"]])
    assert [(p.row, p.field) for p in problems(path)] == [(2, "value_high"), (3, "value_high")]


def test_a_percentage_formatted_workbook_cell_reads_as_the_percentage_shown(
        tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "pct.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("S")
    pct = book.add_format({"num_format": "0.0%"})
    sheet.write_row(0, 0, ["unit", "period", SHARE, COUNT])
    sheet.write_row(1, 0, ["Đà Nẵng", 2024])
    sheet.write_number(1, 2, 0.708, pct)  # typed as 70,8 % in Excel
    sheet.write_row(2, 0, ["Hà Nội", 2024])
    sheet.write_number(2, 3, 0.5, pct)  # a count shown as a percentage
    book.close()
    with pytest.raises(DataFileError) as info:
        check(path)
    (p,) = info.value.problems
    assert (p.row, p.column) == (3, f"D ({COUNT})") and "percentage" in p.message_en
    sheet_ok = tmp_path / "pct-ok.xlsx"
    book = xlsxwriter.Workbook(str(sheet_ok))
    sheet = book.add_worksheet("S")
    sheet.write_row(0, 0, ["unit", "period", SHARE])
    sheet.write_row(1, 0, ["Đà Nẵng", 2024])
    sheet.write_number(1, 2, 0.708, book.add_format({"num_format": "0.0%"}))
    book.close()
    figures, _ = check(sheet_ok)
    assert [(f.value, f.cell) for f in figures] == [(70.8, "C2")]


def test_dates_booleans_and_formulas_in_a_workbook(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "types.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("S")
    sheet.write_row(0, 0, ["unit", "period", SHARE, COUNT, "note"])
    sheet.write_row(1, 0, ["Đà Nẵng", 2024])
    sheet.write_datetime(1, 2, datetime(2024, 5, 1), book.add_format({"num_format": "dd/mm/yyyy"}))
    sheet.write_boolean(1, 3, True)
    sheet.write_row(2, 0, ["Hà Nội", 2024])
    sheet.write_formula(2, 3, "=2*3", None, 6)
    sheet.write_string(2, 4, "=HYPERLINK(\"http://evil.example\")")
    book.close()
    with pytest.raises(DataFileError) as info:
        check(path)
    assert [(p.row, p.column[0]) for p in info.value.problems] == [(2, "C"), (2, "D")]
    assert all("not a date" in p.message_en for p in info.value.problems)


# ── every path that reads a number: random text, read exactly or refused with the cell ────

TOKENS = ["0", "1", "5", "9", "00", "000", ".", ",", "-", "–", "%", " ", "hơn ", "khoảng ",
          " triệu", " tỷ", " đồng", "/63", "O", "x", "_", "abc", "e", "#", "("]
TEXT = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=8).map("".join).filter(str.strip)
CODES = [SHARE, COUNT, "it_budget_vnd", "grdp_growth", "pci_rank"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from(CODES), st.sampled_from(list(WRITERS)))
def test_random_text_in_a_file_is_read_exactly_or_refused_with_its_cell(
        text: str, code: str, fmt: str) -> None:
    rule = rule_for(FW.node(code), ranked=63)
    try:
        expected = read_value(text, rule)
    except ValueRefused:
        expected = None
    with tempfile.TemporaryDirectory() as tmp:
        path = WRITERS[fmt](Path(tmp) / "r", [LONG_HEADER, ["Đà Nẵng", code, "2024", "", text]])
        try:
            figures, _ = check(path)
        except DataFileError as exc:
            assert expected is None, (text, exc)
            (p,) = exc.problems
            assert (p.row, p.column, p.value) == (2, "E (value)", text)
            return
    assert expected is not None, text
    (fig,) = figures
    assert (fig.value, fig.value_high, fig.qualifier) == (
        expected.value, expected.value_high, expected.qualifier)
