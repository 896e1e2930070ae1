"""Project workbooks and cash-flow files read all or nothing: the template round-trips, every
bad cell is named in both languages, and an amount is read whole or refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.catalog import shipped_catalog
from chiso.compute.value import BENEFIT_CATEGORIES, COST_CATEGORIES
from chiso.errors import DataFileError
from chiso.ingest.load import indicators_for, registry_resolver
from chiso.ingest.projects import read_book, read_flows, read_projects
from chiso.ingest.projects_cells import CATEGORIES, amount_or_problem
from chiso.ingest.projects_template import write_projects_template
from chiso.numbers import format_vi

from .files import write_csv, write_xlsx

PROJECT_HEAD = ["Mã dự án", "Tên dự án", "Đơn vị hành chính", "Trạng thái", "Tỷ lệ chiết khấu",
                "Năm bắt đầu", "Chỉ tiêu liên quan"]
FLOW_HEAD = ["Mã dự án", "Năm", "Loại", "Hạng mục", "Khoản mục", "Giá trị (đồng)", "Thấp (đồng)",
             "Cao (đồng)"]

SHIPPED = shipped_catalog()


def book(tmp_path: Path, projects: list[list], flows: list[list],
         benefits: list[list] | None = None, name: str = "du-an.xlsx") -> Path:
    sheets = {"Dự án": [PROJECT_HEAD, *projects], "Dòng tiền": [FLOW_HEAD, *flows]}
    if benefits is not None:
        sheets["Lợi ích"] = [["Mã dự án", "Khoản mục", "Người phụ trách", "Mục tiêu"], *benefits]
    return write_xlsx(tmp_path / name, sheets)


def read(path: Path):
    return read_book(path, resolve_unit=registry_resolver(SHIPPED.units),
                     indicators=indicators_for(SHIPPED.frameworks()),
                     as_of=date(2026, 12, 1))


def refused(path: Path) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        read(path)
    return info.value


def test_the_template_filled_in_as_a_person_would_reads_back(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(write_projects_template(tmp_path / "mau.xlsx"))
    wb["Dự án"].append(["NB-01", "Khám chữa bệnh từ xa", "Ninh Bình", "Sở Y tế", "Y tế", "Nhóm C",
                        "Chi thường xuyên", "Đang triển khai", "QĐ 12/QĐ-UBND", "VOVBacsi24",
                        "dti_score", "3,5 %", 2020, ""])
    flows = wb["Dòng tiền"]
    flows.append(["NB-01", 2020, "Chi phí", "Đầu tư", "ứng dụng", "1,5 tỷ đồng", None, "2 tỷ"])
    flows.append(["NB-01", 2021, "Lợi ích", "Giá trị xã hội", "đi lại", 7.2e9, 3.6e9, 7.2e9])
    flows.append(["NB-01", 2021, "Chi phí", "Bảo hành, bảo trì", "", "150.000.000", None, None])
    wb["Lợi ích"].append(["NB-01", "đi lại", "UBND xã", "0", "600 triệu đồng/tháng", "khảo sát",
                          "báo cáo tỉnh"])
    wb.save(tmp_path / "filled.xlsx")
    got = read(tmp_path / "filled.xlsx")
    (p,) = got.projects
    assert (p.code, p.unit_id, p.status, p.group, p.funding, p.rate, p.start_year) == (
        "NB-01", "vn63-37", "running", "C", "recurrent", 0.035, 2020)
    assert p.platforms == ("VOVBacsi24",) and p.indicators == ("dti_score",)
    assert [(f.row.year, f.row.kind, f.row.category, f.row.amount, f.row.low, f.row.high)
            for f in got.flows] == [
        (0, "cost", "capital", 1.5e9, None, 2e9), (1, "benefit", "social", 7.2e9, 3.6e9, 7.2e9),
        (1, "cost", "warranty", 1.5e8, None, None)]
    assert got.flows[0].cell == "Dòng tiền!F2" and got.flows[0].calendar_year == 2020
    assert got.benefits[0].owner == "UBND xã" and got.benefits[0].target == "600 triệu đồng/tháng"
    assert got.rates(0.05).tolist() == [0.035]


def test_one_bad_cell_in_a_thousand_rows_refuses_the_file_and_names_that_cell(
        tmp_path: Path) -> None:
    projects = [[f"P{i:02d}", f"Dự án {i}", "Thái Nguyên", "Đề xuất", None, None, None]
                for i in range(10)]
    flows = [[f"P{i % 10:02d}", i // 10 % 20, "Chi phí" if i % 2 else "Lợi ích",
              "Vận hành" if i % 2 else "Tăng thu", f"khoản {i // 200}", f"{format_vi(1000 + i)}",
              None, None] for i in range(1000)]
    good = book(tmp_path, projects, flows, name="tot.xlsx")
    assert len(read(good).flows) == 1000
    flows[736][5] = "1.736 đồng x"  # trailing garbage after the amount
    bad = book(tmp_path, projects, flows, name="loi.xlsx")
    err = refused(bad)
    assert len(err.problems) == 1
    (p,) = err.problems
    assert (p.file, p.row, p.column, p.field, p.value) == (
        "loi.xlsx [Dòng tiền]", 738, "F (Giá trị (đồng))", "amount", "1.736 đồng x")
    assert "không phải đơn vị tiền" in p.message_vi and "not a currency" in p.message_en
    assert "nothing was kept" in err.message_en


@pytest.mark.parametrize(("text", "value"), [
    ("1.500.000.000", 1.5e9), ("1,5 tỷ đồng", 1.5e9), ("1,5 tỷ", 1.5e9), ("600 triệu", 6e8),
    ("911.000 đ", 911000.0), ("khoảng 18 tỷ đồng", 1.8e10), ("-50.000.000", -5e7),
    ("1.5e9", 1.5e9), ("300 VNĐ", 300.0), (1500, 1500.0), (2.5, 2.5),
])
def test_amounts_are_read_whole(text, value) -> None:
    assert amount_or_problem(text) == value


@pytest.mark.parametrize("text", [
    "12abc", "600 triệu đồng/tháng", "1 – 1,2 triệu", "hơn 200", "dưới 30 tỷ", "1,5 tỷ USD",
    "mười", "1.23.4", True, date(2024, 1, 1),
])
def test_anything_else_in_an_amount_cell_is_refused_in_both_languages(text) -> None:
    vi, en = amount_or_problem(text)
    assert vi and en and vi != en


@settings(max_examples=300)
@given(st.integers(-10**14, 10**14))
def test_amounts_written_the_vietnamese_way_read_back_exactly(x: int) -> None:
    assert amount_or_problem(f"{format_vi(x)} đồng") == float(x)


def test_every_category_of_the_appraisal_has_a_vietnamese_label() -> None:
    assert list(CATEGORIES) == [*COST_CATEGORIES, *BENEFIT_CATEGORIES]


def test_calendar_years_count_from_the_start_year_and_may_not_be_mixed(tmp_path: Path) -> None:
    p = [["A", "A", "Bắc Kạn", None, None, 2021, None],
         ["B", "B", "Bắc Kạn", None, None, None, None]]
    ok = book(tmp_path, p, [["A", 2022, "Chi phí", "Đầu tư", "", 10, None, None],
                            ["B", 2024, "Chi phí", "Đầu tư", "", 10, None, None],
                            ["B", 2026, "Lợi ích", "Tăng thu", "", 30, None, None]], name="ok.xlsx")
    assert [(f.row.project, f.row.year) for f in read(ok).flows] == [("A", 1), ("B", 0), ("B", 2)]
    mixed = book(tmp_path, p, [["A", 0, "Chi phí", "Đầu tư", "", 10, None, None],
                               ["A", 2022, "Lợi ích", "Tăng thu", "", 30, None, None],
                               ["A", 2020, "Lợi ích", "Tăng thu", "x", 30, None, None]],
                 name="mixed.xlsx")
    problems = refused(mixed).problems
    assert [(q.row, q.field) for q in problems] == [(3, "year"), (4, "year")]
    assert "ghi lẫn" in problems[0].message_vi


def test_each_bad_cell_of_a_row_is_named_once(tmp_path: Path) -> None:
    p = [["A", "Cổng dịch vụ", "Sóc Trăng", "đang làm", "3,5", None, "dti_scor"],
         ["A", "trùng mã", "Sóc Trăng", None, None, None, None],
         ["C", "Không có tỉnh", "Tỉnh Mây", None, None, None, None]]
    f = [["A", 0, "Lợi ích", "Đầu tư", "", 10, None, None],       # category of the other kind
         ["A", 1, "Chi phí", "Vận hành", "", 10, 12, None],       # low above the amount
         ["A", 2, "Chi phí", "Vận hành", "", -10, None, None],    # a negative cost
         ["Z", 3, "Chi phí", "Vận hành", "", 10, None, None],     # no such project
         ["A", 4, "Chi", "Vận hành", "", 10, None, None],
         ["A", 4, "Chi phí", "Vận hành", "", 20, None, None]]     # the same item twice in year 4
    problems = refused(book(tmp_path, p, f)).problems
    got = {(q.file.split("[")[1][:-1], q.row, q.field) for q in problems}
    assert got == {("Dự án", 2, "status"), ("Dự án", 2, "rate"), ("Dự án", 2, "indicators"),
                   ("Dự án", 3, "code"), ("Dự án", 4, "unit"),
                   ("Dòng tiền", 2, "category"), ("Dòng tiền", 3, "low"),
                   ("Dòng tiền", 4, "amount"),
                   ("Dòng tiền", 5, "project"), ("Dòng tiền", 7, "amount")}
    by_field = {q.field: q for q in problems}
    assert "dti_score" in by_field["indicators"].message_en  # a suggestion
    assert "F6" in next(q for q in problems if q.row == 7).message_en  # the first copy's cell
    assert all(q.message_vi and q.message_en for q in problems)


def test_benefits_must_describe_a_benefit_of_the_cash_flows(tmp_path: Path) -> None:
    p = [["A", "A", "Đồng Tháp", None, None, None, None]]
    f = [["A", 0, "Chi phí", "Đầu tư", "", 10, None, None],
         ["A", 1, "Lợi ích", "Tăng thu", "bán hàng", 30, None, None]]
    assert read(book(tmp_path, p, f, [["A", "bán hàng", "HTX", "3 triệu/tháng"]])).benefits
    problems = refused(book(tmp_path, p, f, [["A", "du lịch", "HTX", "x"]], name="b.xlsx")).problems
    assert [(q.row, q.field) for q in problems] == [(2, "item")]


def test_a_plain_csv_of_cash_flows_reads_with_english_or_vietnamese_headers(tmp_path: Path) -> None:
    en = write_csv(tmp_path / "flows.csv",
                   [["project", "year", "kind", "category", "amount", "low", "high"],
                    ["x", 0, "cost", "capital", "1000", "", ""],
                    ["x", 1, "benefit", "cash_saving", "300", "200", "400"]])
    vi = write_csv(tmp_path / "dong-tien.csv",
                   [FLOW_HEAD, ["x", 0, "chi phí", "đầu tư", "", "1.000", "", ""],
                    ["x", 1, "lợi ích", "tiết kiệm chi", "", "300", "200", "400"]], delimiter=";")
    assert [f.row for f in read_flows(en)] == [f.row for f in read_flows(vi)]
    book_ = read_projects(en, resolve_unit=registry_resolver(SHIPPED.units))
    assert book_.codes == ["x"] and book_.rates(0.05).tolist() == [0.05]


def test_a_column_the_table_does_not_know_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "f.csv", [["project", "year", "kind", "category", "amount", "vat"],
                                          ["x", 0, "cost", "capital", "10", "1"]])
    with pytest.raises(DataFileError) as info:
        read_flows(path)
    (p,) = info.value.problems
    assert (p.row, p.column, p.value) == (1, "F (vat)", "vat")


def test_units_resolve_as_of_the_project_start_year(tmp_path: Path) -> None:
    # "Bắc Kạn" was a province until the 2025 reform; today the name is a ward of Thái Nguyên
    resolve = registry_resolver(SHIPPED.units)
    assert resolve("Bắc Kạn", date(2020, 12, 31)) == "vn63-06"
    assert resolve("Bắc Kạn", date(2026, 12, 1)) != "vn63-06"
    p = [["A", "Thí điểm", "Bắc Kạn", None, None, 2020, None],
         ["B", "Mới", "Bắc Kạn", None, None, None, None]]
    f = [["A", 2020, "Chi phí", "Đầu tư", "", 10, None, None],
         ["B", 0, "Chi phí", "Đầu tư", "", 10, None, None]]
    a, b = read(book(tmp_path, p, f)).projects
    assert a.unit_id == "vn63-06" and b.unit_id == resolve("Bắc Kạn", date(2026, 12, 1))
