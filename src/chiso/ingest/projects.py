"""Reading project workbooks and cash-flow files, all or nothing: every cell is checked, every
bad cell named in Vietnamese and English, and nothing is returned unless the whole file is sound.

A workbook (`chiso projects template`) has the sheets "Dự án" (one project per row), "Dòng tiền"
(one amount per row: project, year, cost or benefit, category, item, low/central/high) and
"Lợi ích" (each benefit's owner, baseline, target, measure and source), and optionally "Đơn giá"
(a project's unit cost on a platform it uses: unit of measure, quantity, price per unit). A plain
CSV file holds the cash-flow table alone, with the columns project,year,kind,category,amount
[,low,high,item].
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from chiso.compute.value import COST_CATEGORIES, FlowRow, Flows
from chiso.errors import DataFileError, Problem, UnitError
from chiso.ingest.headers import Indicators, fold
from chiso.ingest.projects_cells import (
    BENEFIT_FIELDS,
    CATEGORIES,
    FLOW_FIELDS,
    FUNDING,
    GROUPS,
    KINDS,
    PROJECT_FIELDS,
    SHEETS,
    STATUSES,
    UNIT_COST_FIELDS,
    YEAR_INDEX_MAX,
    Row,
    Rows,
)
from chiso.ingest.read import CSV_SUFFIXES, Sheet, open_sheets
from chiso.ingest.validate import UnitResolver
from chiso.settings import ImportLimits


@dataclass(frozen=True)
class Project:
    code: str
    name: str
    unit_id: str
    unit: str              # as written
    status: str
    cell: str              # where the row starts, e.g. "Dự án!A3"
    agency: str | None = None
    sector: str | None = None
    group: str | None = None
    funding: str | None = None
    approval: str | None = None
    platforms: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    rate: float | None = None
    start_year: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class CashFlow:
    """One checked amount and the cell it came from; `row.year` counts from the project's
    year 0 (`calendar_year` is the year as written when it was a calendar year)."""

    row: FlowRow
    cell: str
    calendar_year: int | None = None
    source: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Benefit:
    project: str
    item: str
    cell: str
    owner: str | None = None
    baseline: str | None = None
    target: str | None = None
    measure: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class UnitCost:
    """What a project pays per unit of a platform it uses (đồng per unit of measure)."""

    project: str
    platform: str
    unit: str
    quantity: float
    unit_price: float
    cell: str
    item: str = ""
    source: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ProjectBook:
    file: str
    projects: list[Project] = field(default_factory=list)
    flows: list[CashFlow] = field(default_factory=list)
    benefits: list[Benefit] = field(default_factory=list)
    unit_costs: list[UnitCost] = field(default_factory=list)

    @property
    def codes(self) -> list[str]:
        """The projects, in file order: those of the projects sheet, else as the flows name them."""
        named = [p.code for p in self.projects]
        return named or list(dict.fromkeys(f.row.project for f in self.flows))

    def to_flows(self) -> Flows:
        """The cash flows as the appraisal takes them, projects in file order."""
        return Flows.from_rows((f.row for f in self.flows), [p.code for p in self.projects])

    def rates(self, default: float) -> np.ndarray:
        """Each appraised project's own discount rate, or `default`."""
        own = {p.code: p.rate for p in self.projects}
        return np.array([own.get(c) if own.get(c) is not None else default
                         for c in self.to_flows().projects], dtype=float)


def _sheet(sheets: list[Sheet], key: str) -> Sheet | None:
    names = {fold(n) for n in SHEETS[key]}
    return next((s for s in sheets if fold(s.name) in names), None)


def _flows(rows: Rows, starts: dict[str, int | None], known: set[str] | None = None
           ) -> list[CashFlow]:
    """Check every cash-flow row; year 0 is a project's start year when years are calendar.
    With `known`, a row must name one of those projects."""
    raw: list[tuple[Row, FlowRow, int | None, str | None, str | None]] = []
    for row in rows:
        project = row.text("project", required=True)
        if project and known is not None and project not in known:
            row.fail("project", project, "không có dự án với mã này trong trang Dự án.",
                     "no project with this code in the projects sheet.")
        year = row.whole("year", 0, 2100, required=True)
        if year is not None and YEAR_INDEX_MAX < year < 1990:
            row.fail("year", year, f"năm phải từ 0 đến {YEAR_INDEX_MAX} (năm thứ) hoặc từ 1990.",
                     f"a year is 0–{YEAR_INDEX_MAX} (years from the start) or a year from 1990.")
        kind = row.word("kind", KINDS, required=True)
        category = row.word("category", CATEGORIES, required=True)
        if kind and category and (kind == "cost") != (category in COST_CATEGORIES):
            row.fail("category", row.raw("category"),
                     f"hạng mục này không thuộc loại {KINDS[kind][0]}.",
                     f"this category does not belong to kind {kind}.")
        amount = row.amount("amount", required=True)
        low, high = row.amount("low"), row.amount("high")
        if row.bad or amount is None:
            continue
        lo, hi = amount if low is None else low, amount if high is None else high
        if not lo <= amount <= hi:
            row.fail("low" if lo > amount else "high", low if lo > amount else high,
                     "cần Thấp ≤ Giá trị ≤ Cao.", "needs Low ≤ Amount ≤ High.")
        elif kind == "cost" and lo < 0:
            row.fail("low" if low is not None and amount >= 0 else "amount", lo,
                     "chi phí không được âm; khoản tiết kiệm ghi là Lợi ích.",
                     "a cost cannot be negative; record a saving as a benefit.")
        if row.bad:
            continue
        assert project and kind and category and year is not None
        raw.append((row, FlowRow(project, year, kind, category, amount, low, high,
                                 row.text("item") or ""), year if year >= 1990 else None,
                    row.text("source"), row.text("note")))
    calendar: dict[str, int] = {}
    for row, fr, cal, _, _ in raw:  # a project's year 0 when it writes calendar years
        if cal is not None:
            calendar[fr.project] = min(calendar.get(fr.project, cal), cal)
    out: list[CashFlow] = []
    seen: dict[tuple[str, str, str, str, int], str] = {}
    indexed = {fr.project for _, fr, cal, _, _ in raw if cal is None}
    for row, fr, cal, source, note in raw:
        year = fr.year
        if cal is not None:
            if fr.project in indexed:
                row.fail("year", cal, "dự án này ghi lẫn năm thứ (0, 1, …) và năm lịch; hãy"
                         " dùng một cách.", "this project mixes years from the start (0, 1, …)"
                         " and calendar years; use one.")
                continue
            start = starts.get(fr.project) or calendar[fr.project]
            if cal < start:
                row.fail("year", cal, f"năm trước năm bắt đầu {start} của dự án.",
                         f"a year before the project's start year {start}.")
                continue
            year = cal - start
        key = (fr.project, fr.kind, fr.category, fr.item, year)
        if key in seen:
            row.fail("amount", fr.amount, f"khoản này của năm này đã có ở ô {seen[key]}; mỗi khoản"
                     " mỗi năm ghi một lần.", f"this item of this year is already in cell"
                     f" {seen[key]}; give each item once a year.")
            continue
        seen[key] = row.cell("amount")
        out.append(CashFlow(FlowRow(fr.project, year, fr.kind, fr.category, fr.amount, fr.low,
                                    fr.high, fr.item), row.cell("amount"), cal, source, note))
    return out


def _refuse(file: str, problems: list[Problem], limits: ImportLimits | None = None
            ) -> DataFileError:
    """All the problems counted; the first `limits.max_problems` listed, then how many more."""
    most = (limits or ImportLimits()).max_problems
    shown = problems[:most]
    if len(problems) > most:
        rest = len(problems) - most
        shown.append(Problem(f"… và {rest} lỗi nữa, không liệt kê; hãy sửa các lỗi trên rồi"
                             " nhập lại.", f"… and {rest} more problem(s), not listed; fix those"
                             " above and import again.", file=file))
    return DataFileError(f"Không nhập tệp {file}: {len(problems)} lỗi; không có gì được ghi nhận.",
                         f"{file} was not read: {len(problems)} problem(s); nothing was kept.",
                         shown)


def read_flows(path: Path, limits: ImportLimits | None = None) -> list[CashFlow]:
    """The cash flows of a CSV file (or of a workbook's "Dòng tiền" sheet), all or nothing."""
    sheets = open_sheets(path, limits)
    sheet = _sheet(sheets, "flows") or sheets[0]
    problems: list[Problem] = []
    rows = Rows(path.name, sheet, FLOW_FIELDS, ("project", "year", "kind", "category", "amount"),
                 problems)
    flows = _flows(rows, {}) if rows.ok else []
    if not problems and not flows:
        problems.append(Problem("bảng dòng tiền trống.", "the cash-flow table is empty.",
                                file=rows.where))
    if problems:
        raise _refuse(path.name, problems, limits)
    return flows


def _projects(rows: Rows, resolve_unit: UnitResolver, indicators: Indicators | None,
              as_of: date) -> tuple[list[Project], set[str]]:
    """The sound project rows, and every code written (so that the cash flows of a project
    with a bad cell are not reported a second time as unknown)."""
    out: list[Project] = []
    seen: dict[str, str] = {}
    codes_written: set[str] = set()
    for row in rows:
        code, name = row.text("code", required=True), row.text("name", required=True)
        if code:
            codes_written.add(code)
        unit_text = row.text("unit", required=True)
        start = row.whole("start_year", 1990, 2100)
        status = row.word("status", STATUSES, default="proposed")
        group, funding = row.word("group", GROUPS), row.word("funding", FUNDING)
        rate = row.rate("rate")
        codes = row.items("indicators")
        nodes = [indicators.find(c) for c in codes] if indicators is not None else []
        for c, node in zip(codes, nodes):
            if node is None:
                hint = indicators.suggest(c) if indicators is not None else []
                row.fail("indicators", c, "không có chỉ tiêu này trong các khung chỉ số"
                         + (f"; có phải: {', '.join(hint)}?" if hint else "."),
                         "no such indicator in the frameworks"
                         + (f"; did you mean: {', '.join(hint)}?" if hint else "."))
        unit_id = None
        if unit_text:
            try:
                unit_id = resolve_unit(unit_text, date(start, 12, 31) if start else as_of)
            except UnitError as exc:
                row.fail("unit", unit_text, exc.message_vi, exc.message_en)
        if code and code in seen:
            row.fail("code", code, f"mã dự án đã dùng ở ô {seen[code]}.",
                     f"this project code is already used in cell {seen[code]}.")
        elif code:
            seen[code] = row.cell("code")
        if row.bad:
            continue
        assert code and name and unit_text and unit_id and status
        found = tuple(n.code for n in nodes if n is not None) if nodes else codes
        out.append(Project(code, name, unit_id, unit_text, status, row.cell("code"),
                           row.text("agency"), row.text("sector"), group, funding,
                           row.text("approval"), row.items("platforms"), found, rate, start,
                           row.text("note")))
    return out, codes_written


def _benefits(rows: Rows, flows: list[CashFlow]) -> list[Benefit]:
    lines = {(f.row.project, f.row.item) for f in flows if f.row.kind == "benefit"}
    out: list[Benefit] = []
    seen: dict[tuple[str, str], str] = {}
    for row in rows:
        project, item = row.text("project", required=True), row.text("item") or ""
        if project and (project, item) not in lines:
            row.fail("item", item, "không có lợi ích nào với khoản mục này trong trang Dòng tiền"
                     " của dự án.", "no benefit with this item in the project's cash flows.")
        elif project and (project, item) in seen:
            row.fail("item", item, f"lợi ích này đã được mô tả ở ô {seen[project, item]}.",
                     f"this benefit is already described in cell {seen[project, item]}.")
        if row.bad:
            continue
        assert project is not None
        seen[project, item] = row.cell("item")
        out.append(Benefit(project, item, row.cell("item"), row.text("owner"),
                           row.text("baseline"), row.text("target"), row.text("measure"),
                           row.text("source")))
    return out


def _unit_costs(rows: Rows, projects: list[Project], written: set[str]) -> list[UnitCost]:
    """Each row: a project of the projects sheet, one of the platforms it says it uses, a unit
    of measure, a quantity above 0 and a price per unit (đồng, not negative); once per project,
    platform and unit."""
    uses = {p.code: {fold(x): x for x in p.platforms} for p in projects}
    out: list[UnitCost] = []
    seen: dict[tuple[str, str, str], str] = {}
    for row in rows:
        project = row.text("project", required=True)
        platform = row.text("platform", required=True)
        unit = row.text("unit", required=True)
        quantity = row.quantity("quantity", required=True)
        price = row.amount("unit_price", required=True)
        if project and project not in written:
            row.fail("project", project, "không có dự án với mã này trong trang Dự án.",
                     "no project with this code in the projects sheet.")
        elif project in uses and platform and fold(platform) not in uses[project]:
            row.fail("platform", platform, "nền tảng này không có trong cột 'Nền tảng sử dụng'"
                     " của dự án.", "this platform is not in the project's 'platforms' column.")
        if price is not None and price < 0:
            row.fail("unit_price", row.raw("unit_price"), "đơn giá không được âm.",
                     "a unit price cannot be negative.")
        key = (project or "", fold(platform or ""), fold(unit or ""))
        if project and platform and unit and key in seen:
            row.fail("unit", unit, f"đơn giá này của nền tảng đã có ở ô {seen[key]}.",
                     f"this platform's unit cost is already in cell {seen[key]}.")
        if row.bad or project not in uses:
            continue
        assert platform and unit and quantity is not None and price is not None
        seen[key] = row.cell("unit")
        out.append(UnitCost(project, uses[project][fold(platform)], unit, quantity, price,
                            row.cell("unit_price"), row.text("item") or "", row.text("source"),
                            row.text("note")))
    return out


def read_book(path: Path, *, resolve_unit: UnitResolver, indicators: Indicators | None = None,
              as_of: date | None = None, limits: ImportLimits | None = None) -> ProjectBook:
    """A project workbook read into typed records, or DataFileError naming every bad cell.

    Units are resolved as of the project's start year (else `as_of`, default today), so a
    project of 2021 names its province as it was then. The work the file may cause is bounded
    by `limits` (the settings' `import_limits`), as for figure imports.
    """
    return _read_sheets(path.name, open_sheets(path, limits), resolve_unit, indicators, as_of,
                        limits)


def read_tables(name: str, tables: dict[str, list[list[object]]], *, resolve_unit: UnitResolver,
                indicators: Indicators | None = None, as_of: date | None = None) -> ProjectBook:
    """Tables typed elsewhere (a form in the browser), keyed "projects", "flows", "benefits",
    each a header row then rows: checked by exactly the rules of a workbook."""
    sheets = []
    for key, rows in tables.items():
        numbered = [(i + 1, list(r)) for i, r in enumerate(rows)]
        sheets.append(Sheet(name=SHEETS[key][0], rows=lambda n=numbered: iter(n),
                            total=len(numbered)))
    return _read_sheets(name, sheets, resolve_unit, indicators, as_of, None)


def _read_sheets(name: str, sheets: list[Sheet], resolve_unit: UnitResolver,
                 indicators: Indicators | None, as_of: date | None,
                 limits: ImportLimits | None) -> ProjectBook:
    problems: list[Problem] = []
    found = {k: _sheet(sheets, k) for k in SHEETS}
    for key in ("projects", "flows"):
        if found[key] is None:
            problems.append(Problem(f"thiếu trang '{SHEETS[key][0]}'.",
                                    f"the '{SHEETS[key][1]}' sheet is missing.", file=name))
    if problems:
        raise _refuse(name, problems, limits)
    assert found["projects"] and found["flows"]
    p_rows = Rows(name, found["projects"], PROJECT_FIELDS, ("code", "name", "unit"), problems)
    projects, written = (_projects(p_rows, resolve_unit, indicators, as_of or date.today())
                         if p_rows.ok else ([], set()))
    f_rows = Rows(name, found["flows"], FLOW_FIELDS,
                  ("project", "year", "kind", "category", "amount"), problems)
    starts = {p.code: p.start_year for p in projects}
    flows = _flows(f_rows, starts, written if p_rows.ok else None) if f_rows.ok else []
    benefits: list[Benefit] = []
    if found["benefits"] is not None:
        b_rows = Rows(name, found["benefits"], BENEFIT_FIELDS, ("project", "item"), problems)
        benefits = _benefits(b_rows, flows) if b_rows.ok else []
    unit_costs: list[UnitCost] = []
    if found["unit_costs"] is not None:
        u_rows = Rows(name, found["unit_costs"], UNIT_COST_FIELDS,
                      ("project", "platform", "unit", "quantity", "unit_price"), problems)
        unit_costs = _unit_costs(u_rows, projects, written) if u_rows.ok else []
    if problems:
        raise _refuse(name, problems, limits)
    if not projects:
        raise _refuse(name, [Problem("trang Dự án trống.", "the projects sheet is empty.",
                                     file=p_rows.where)])
    return ProjectBook(name, projects, flows, benefits, unit_costs)


def read_projects(path: Path, *, resolve_unit: UnitResolver, indicators: Indicators | None = None,
                  as_of: date | None = None, limits: ImportLimits | None = None) -> ProjectBook:
    """A workbook with a projects sheet (`read_book`), or a plain cash-flow file (`read_flows`)
    as a book of its cash flows alone."""
    if path.suffix.lower() not in CSV_SUFFIXES and path.is_file():
        names = {fold(n) for n in SHEETS["projects"]}
        if any(fold(s.name) in names for s in open_sheets(path, limits)):
            return read_book(path, resolve_unit=resolve_unit, indicators=indicators, as_of=as_of,
                             limits=limits)
    return ProjectBook(path.name, flows=read_flows(path, limits))
