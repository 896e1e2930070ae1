"""Scorecard and ranking workbooks: one header row, numbers as numbers with their formats,
filters, frozen headers, the run and sources on their own sheet; a scorecard of real figures
imports back through chiso's reader as the same figures, a simulated one is refused."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from report_fixture import BRIEFS, ranking, scorecard

from chiso.catalog import shipped_catalog
from chiso.errors import DataFileError
from chiso.ingest.load import ImportOptions, check_file, indicators_for, registry_resolver
from chiso.report.xlsx import ranking_xlsx, scorecard_xlsx

SHIPPED = shipped_catalog()


@pytest.fixture(scope="module")
def cards():
    return {key: scorecard(make()) for key, make in BRIEFS.items()}


def _check_table(ws, n_rows: int) -> None:
    headers = [c.value for c in ws[1]]
    assert headers and all(isinstance(h, str) and h for h in headers)
    # one header row: every cell below it under "value"-like numeric columns is a number
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    assert ws.max_row == n_rows + 1


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_scorecard_workbook_has_one_header_row_numbers_filters_and_a_sources_sheet(
        cards, tmp_path, lang) -> None:
    path = scorecard_xlsx([cards["thai_nguyen"], cards["hue"]], tmp_path / "s.xlsx", lang)
    book = load_workbook(path)
    assert book.sheetnames[:2] == ["Thái Nguyên", "Huế"]
    ws = book["Thái Nguyên"]
    _check_table(ws, len(cards["thai_nguyen"].rows))
    headers = [c.value for c in ws[1]]
    value_col = headers.index("Giá trị" if lang == "vi" else "Value") + 1
    name_col = headers.index("Tên chỉ tiêu" if lang == "vi" else "Indicator name") + 1
    values = [ws.cell(r, value_col) for r in range(2, ws.max_row + 1)]
    assert all(c.data_type == "n" and isinstance(c.value, float | int) for c in values)
    assert {c.number_format for c in values} >= {"0.0000", '0.0" %"', "#,##0"}
    assert ws.cell(2, name_col).value == ("Nhận thức số" if lang == "vi" else "Digital awareness")
    about = book[book.sheetnames[-1]]
    text = " ".join(str(c.value) for row in about.iter_rows() for c in row if c.value)
    assert ("Tính lại bằng chiso" if lang == "vi" else "Recomputed by chiso") in text
    assert "dti.gov.vn" in text


def test_scorecard_of_real_figures_imports_back_unchanged(cards, tmp_path) -> None:
    cards_ = [cards["thai_nguyen"], cards["hue"]]
    path = scorecard_xlsx(cards_, tmp_path / "s.xlsx", "vi")
    figures, _ = check_file(path, ImportOptions(), indicators=indicators_for(SHIPPED.frameworks()),
                            resolve_unit=registry_resolver(SHIPPED.units),
                            known_units={c.place.id for c in cards_})
    got = sorted((f.unit_id, f.indicator, f.period, f.kind, f.value) for f in figures)
    want = sorted((c.place.id, r.code, r.value.period, "actual", r.value.value)
                  for c in cards_ for r in c.rows)
    assert got == want


def test_english_scorecard_imports_back_too(cards, tmp_path) -> None:
    path = scorecard_xlsx([cards["hue"]], tmp_path / "s.xlsx", "en")
    figures, _ = check_file(path, ImportOptions(), indicators=indicators_for(SHIPPED.frameworks()),
                            resolve_unit=registry_resolver(SHIPPED.units), known_units={"vn34-46"})
    assert len(figures) == len(cards["hue"].rows)


def test_simulated_scorecard_is_refused_by_the_import(cards, tmp_path) -> None:
    path = scorecard_xlsx([cards["lang_son"]], tmp_path / "s.xlsx", "vi")
    book = load_workbook(path)
    kinds = {c.value for c in book["Lạng Sơn"]["F"][1:]}
    assert kinds == {"mô phỏng"}
    with pytest.raises(DataFileError):
        check_file(path, ImportOptions(), indicators=indicators_for(SHIPPED.frameworks()),
                   resolve_unit=registry_resolver(SHIPPED.units), known_units={"vn34-20"})


def test_ranking_workbook_lists_34_provinces_with_numbers(tmp_path) -> None:
    r = ranking()
    book = load_workbook(ranking_xlsx(r, tmp_path / "r.xlsx", "vi"))
    ws = book["Xếp hạng"]
    _check_table(ws, 34)
    assert [c.value for c in ws[2]][:3] == [1, r.rows[0].unit_id, r.rows[0].name]
    scores = [ws.cell(i, 4) for i in range(2, 36)]
    assert all(c.data_type == "n" and c.number_format == "0.0000" for c in scores)
    assert [c.value for c in ws[1]][7:] == [c.name.vi for c in r.indices]


def test_an_empty_scorecard_workbook_is_refused(tmp_path) -> None:
    with pytest.raises(ValueError, match="at least one"):
        scorecard_xlsx([], tmp_path / "s.xlsx")
