"""Tables whose columns are years, copied a cell a line ("TT / Chỉ số / Thứ hạng qua các năm /
2021 / 2022 / 2023 / 1 / PCI / 18 / 13 / 7 ..."): each value is of its row's index and its
column's year, a rank when the header says so; a row a dropped blank cell shortened is not
placed. And a year a figure is compared with ("so với năm 2022") is not the figure's year."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract import extract_text

PROVINCES = ["Nghệ An", "Đắk Lắk", "Quảng Ninh", "Cà Mau", "Lào Cai", "Bến Tre"]
INDICES = [("PCI", "pci_rank"), ("PAPI", "papi_rank"), ("SIPAS", "sipas_rank"),
           ("PAR INDEX", "par_index_rank"), ("Chỉ số DTI", "dti_rank")]


def sure(text: str, **kw) -> list[tuple]:
    """(unit, indicator, kind, value, year) of what extraction is sure of."""
    return [(c.unit, c.indicator, c.kind, c.value, c.year)
            for c in extract_text(text, "t.txt", **kw) if c.placed]


def _table(rows: list[tuple[str, list[int | None]]], years: list[int], numbered: bool) -> str:
    head = (["TT"] if numbered else []) + ["Chỉ số", "Thứ hạng qua các năm"]
    lines = head + [str(y) for y in years]
    for n, (label, values) in enumerate(rows, 1):
        lines += ([str(n)] if numbered else []) + [label]
        lines += [" " if v is None else str(v) for v in values]
    return "\n\n".join(lines)


@st.composite
def tables(draw):
    first = draw(st.integers(2018, 2023))
    years = list(range(first, first + draw(st.integers(2, 4))))
    picked = draw(st.permutations(INDICES))[:draw(st.integers(2, 5))]
    ranks = st.integers(1, 63)
    rows = [(label, code, [draw(ranks) for _ in years]) for label, code in picked]
    return years, rows, draw(st.booleans()), draw(st.sampled_from(PROVINCES))


@settings(max_examples=40, deadline=None)
@given(tables())
def test_each_value_of_a_years_table_is_its_rows_rank_for_its_columns_year(drawn):
    years, rows, numbered, province = drawn
    text = (f"Kết quả các chỉ số cải cách hành chính của tỉnh {province}\n\n"
            + _table([(label, values) for label, _, values in rows], years, numbered)
            + "\n\nTrong năm tới, tỉnh tiếp tục cải thiện các chỉ số này.")
    got = sure(text)
    for _, code, values in rows:
        for year, value in zip(years, values):
            assert (province, code, "actual", value, year) in got


@settings(max_examples=40, deadline=None)
@given(tables())
def test_a_row_short_of_a_cell_is_not_placed(drawn):
    years, rows, _, province = drawn
    # the first row's first cell is blank: the copy drops it, and its values cannot be placed
    short = [(label, [None, *values[1:]]) if k == 0 else (label, values)
             for k, (label, _, values) in enumerate(rows)]
    text = (f"Kết quả các chỉ số cải cách hành chính của tỉnh {province}\n\n"
            + _table(short, years, True) + "\n\nTrong năm tới, tỉnh tiếp tục cải thiện.")
    got = sure(text)
    code = rows[0][1]
    assert not [r for r in got if r[1] == code]
    for _, other, values in rows[1:]:
        for year, value in zip(years, values):
            assert (province, other, "actual", value, year) in got


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(2021, 2024), st.integers(2, 20),
       st.integers(1, 63))
def test_the_year_a_figure_is_compared_with_is_not_its_year(province, year, up, rank):
    text = (f"Năm {year}, PCI của tỉnh {province} đạt 69,2 điểm và tăng {up} bậc so với năm "
            f"{year - 1}, xếp thứ hạng {rank}/63 tỉnh, thành phố.")
    got = sure(text)
    assert (province, "pci_rank", "actual", rank, year) in got


@settings(max_examples=40, deadline=None)
@given(tables(), st.sampled_from([" | ", "   ", "\t"]))
def test_a_row_a_line_under_a_line_of_years_is_read_by_column(drawn, sep):
    years, rows, _, province = drawn
    lines = [f"Thứ hạng các chỉ số của tỉnh {province}",
             sep.join(["Chỉ số", *map(str, years)])]
    lines += [sep.join([label, *map(str, values)]) for label, _, values in rows]
    text = "\n".join(lines) + "\nTrong năm tới, tỉnh tiếp tục cải thiện các chỉ số này."
    got = sure(text)
    for _, code, values in rows:
        for year, value in zip(years, values):
            assert (province, code, "actual", value, year) in got


@settings(max_examples=30, deadline=None)
@given(tables())
def test_a_row_with_more_values_than_years_is_not_placed_by_column(drawn):
    years, rows, _, province = drawn
    lines = [f"Thứ hạng các chỉ số của tỉnh {province}", " | ".join(["Chỉ số", *map(str, years)])]
    lines += [" | ".join([label, *map(str, values), "99"]) for label, _, values in rows]
    got = sure("\n".join(lines))
    assert not [r for r in got if r[4] in years]  # no value is given a column's year
