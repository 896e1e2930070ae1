"""Per-cell checks: every row is read into `Figure`s or into located, bilingual `Problem`s.

Values are read by `chiso.values.read_value` with their indicator's rule, the one reader that
entry and review use too. Nothing is written while checking; the caller writes only when no
problem was found. Past `max_problems` problems are counted, not kept.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from chiso.errors import Problem, UnitError
from chiso.framework import Node
from chiso.ingest.headers import KINDS_BY_FOLD, QUALIFIERS_BY_FOLD, Indicators, fold
from chiso.ingest.layout import Column, Layout
from chiso.ingest.safe import restore
from chiso.ingest.sheets import column_letter
from chiso.numbers import format_vi
from chiso.settings import ImportLimits
from chiso.values import Reading, ValueRefused, ValueRule, check_answer, read_value, rule_for

# (text as written, as-of date) → unit id; raises UnitError
UnitResolver = Callable[[str, date], str]
# (unit id, as-of date) → how many units of its level there were (the bound of a rank)
Peers = Callable[[str, date], int | None]

PERIOD_RE = re.compile(r"^(\d{4})(?:\s*[-/ ]\s*(?:(Q|H)([1-4])|(\d{1,2})))?$", re.IGNORECASE)
SHOWN_VALUE = 200  # characters of a bad cell quoted in a problem


@dataclass(slots=True)
class Figure:
    """One checked observation and the cell it came from."""

    unit_id: str
    indicator: str
    period: str
    kind: str
    value: float
    value_high: float | None
    qualifier: str
    target_year: int | None
    note: str | None
    source: str | None
    sheet: str
    cell: str

    def record(self, file: str) -> dict[str, Any]:
        """The record `repo.record_observations` takes, with its provenance."""
        provenance: dict[str, Any] = {"file": file, "sheet": self.sheet,
                                      "cell": f"{self.sheet}!{self.cell}"}
        if self.source:
            provenance["source"] = self.source
        return {
            "unit_id": self.unit_id, "indicator": self.indicator, "period": self.period,
            "kind": self.kind, "value": self.value, "value_high": self.value_high,
            "qualifier": self.qualifier, "target_year": self.target_year,
            "note": self.note, "provenance": provenance,
        }


def period_end(period: str) -> date:
    """The last day of a normalised period ("2024", "2024-Q2", "2024-H1", "2024-06")."""
    year = int(period[:4])
    if len(period) == 4:
        return date(year, 12, 31)
    tail = period[5:]
    month = {"Q": 3, "H": 6}.get(tail[0], 0) * int(tail[1:]) if tail[0] in "QH" else int(tail)
    if month == 12:
        return date(year, 12, 31)
    return date.fromordinal(date(year, month + 1, 1).toordinal() - 1)


def normalise_period(cell: Any) -> str | None:
    """A period as chiso stores it, or None if the cell is not one."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, (int, float)):
        if isinstance(cell, float) and not cell.is_integer():
            return None
        cell = str(int(cell))
    m = PERIOD_RE.match(str(cell).strip())
    if not m:
        return None
    year, letter, num, month = m.groups()
    if not 1990 <= int(year) <= 2100:
        return None
    if letter:
        letter = letter.upper()
        if letter == "H" and num not in ("1", "2"):
            return None
        return f"{year}-{letter}{num}"
    if month:
        if not 1 <= int(month) <= 12:
            return None
        return f"{year}-{int(month):02d}"
    return year


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip()) or (
        isinstance(cell, float) and math.isnan(cell))


def _text(cell: Any) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


class Checker:
    """Checks rows of one file, collecting every problem; holds the caches a big file needs."""

    def __init__(
        self,
        file: str,
        indicators: Indicators,
        resolve_unit: UnitResolver,
        known_units: set[str],
        period: str | None = None,
        *,
        peers: Peers | None = None,
        limits: ImportLimits | None = None,
    ) -> None:
        self.file = file
        self.indicators = indicators
        self.resolve_unit = resolve_unit
        self.known_units = known_units
        self.period = period
        self.peers = peers
        self.max_problems = (limits or ImportLimits()).max_problems
        self.problems: list[Problem] = []  # the first `max_problems`
        self.count = 0  # every problem, kept or not
        self.rows_read = 0
        self._units: dict[tuple[str, date], str | Problem] = {}
        self._rules: dict[tuple[str, int | None], ValueRule] = {}
        self._ranked: dict[tuple[str, date], int | None] = {}
        self._seen: dict[tuple[str, str, str, str, int | None], str] = {}

    # ── reporting ───────────────────────────────────────────────────────────────────────
    def problem(self, sheet: str, row: int, col: Column | None, field: str, value: Any,
                vi: str, en: str) -> None:
        self.count += 1
        if len(self.problems) >= self.max_problems:
            return
        if isinstance(value, str) and len(value) > SHOWN_VALUE:
            value = value[:SHOWN_VALUE] + "…"
        self.problems.append(Problem(
            vi, en, file=self.file if sheet == self.file else f"{self.file} [{sheet}]",
            row=row, column=col.label() if col else None, field=field,
            value=None if _blank(value) else value))

    # ── rows ────────────────────────────────────────────────────────────────────────────
    def long_row(self, sheet: str, layout: Layout, number: int, cells: list[Any]) -> Figure | None:
        get = _getter(layout, cells)
        if all(_blank(c) for c in cells):
            return None
        self.rows_read += 1
        before = self.count
        self._stray_cells(sheet, layout, number, cells)
        ind_col = layout.fields["indicator"]
        node = self.indicators.find(get("indicator"))
        if node is None:
            self._unknown_indicator(sheet, number, ind_col, get("indicator"))
        period = self._period(sheet, number, layout, get("period"))
        unit_id = self._unit(sheet, number, layout.fields.get("unit"), get("unit"), period)
        kind = self._kind(sheet, number, layout, get("kind"))
        target_year = self._target_year(sheet, number, layout, get("target_year"))
        value_col = layout.fields["value"]
        value = get("value")
        if _blank(value):
            self.problem(sheet, number, value_col, "value", None,
                         "thiếu giá trị; hãy điền số hoặc xoá dòng này.",
                         "the value is missing; fill in a number or delete the row.")
            return None
        qualifier = self._qualifier(sheet, number, layout, get("qualifier"))
        if node is None or period is None or unit_id is None or kind is None:
            return None
        reading = self._value(sheet, number, value_col, value, node, unit_id, period)
        if reading is None:
            return None
        high = self._high(sheet, number, layout, get("value_high"), reading, node, unit_id, period)
        q = self._agreed_qualifier(sheet, number, layout, qualifier, reading)
        if self.count > before:
            return None
        return self._figure(sheet, number, value_col, unit_id, node, period, kind, reading.value,
                            high, q or "eq", target_year, get("note"), get("source"))

    def wide_row(self, sheet: str, layout: Layout, number: int, cells: list[Any]) -> list[Figure]:
        get = _getter(layout, cells)
        filled = [(code, col) for code, col in layout.indicators.items()
                  if col.index < len(cells) and not _blank(cells[col.index])]
        if not filled:
            return []
        self.rows_read += 1
        before = self.count
        self._stray_cells(sheet, layout, number, cells)
        period = self._period(sheet, number, layout, get("period"))
        unit_id = self._unit(sheet, number, layout.fields.get("unit"), get("unit"), period)
        kind = self._kind(sheet, number, layout, get("kind"))
        target_year = self._target_year(sheet, number, layout, get("target_year"))
        if period is None or unit_id is None or kind is None or self.count > before:
            return []
        out: list[Figure] = []
        for code, col in filled:  # every cell is checked, so every bad cell is named
            node = self.indicators.find(code)
            assert node is not None
            r = self._value(sheet, number, col, cells[col.index], node, unit_id, period)
            if r is None:
                continue
            fig = self._figure(sheet, number, col, unit_id, node, period, kind, r.value,
                               r.value_high, r.qualifier, target_year, get("note"), get("source"))
            if fig is not None:
                out.append(fig)
        return out if self.count == before else []

    # ── fields ──────────────────────────────────────────────────────────────────────────
    def _figure(self, sheet: str, number: int, col: Column, unit_id: str, node: Node, period: str,
                kind: str, v: float, high: float | None, q: str, target_year: int | None,
                note: Any, source: Any) -> Figure | None:
        cell = f"{col.letter}{number}"
        key = (unit_id, node.code, period, kind, target_year)
        first = self._seen.get(key)
        if first is not None:
            self.problem(sheet, number, col, "value", v,
                         f"số liệu này ({unit_id}, {node.code}, {period}, {kind}) đã có ở ô"
                         f" {first}; mỗi số liệu chỉ được ghi một lần trong một tệp.",
                         f"this figure ({unit_id}, {node.code}, {period}, {kind}) is already in"
                         f" cell {first}; give each figure once per file.")
            return None
        self._seen[key] = cell
        return Figure(unit_id, node.code, period, kind, v, high, q, target_year,
                      None if _blank(note) else restore(_text(note)),
                      None if _blank(source) else restore(_text(source)), sheet, cell)

    def _stray_cells(self, sheet: str, layout: Layout, number: int, cells: list[Any]) -> None:
        """A filled cell under no header: in CSV, most often a decimal comma left unquoted."""
        for i in range(len(cells)):
            if i in layout.named or _blank(cells[i]):
                continue
            col = Column(i, _letter(layout, i), "")
            vi = "ô này không nằm dưới tiêu đề cột nào nên chiso không biết nó là gì"
            en = "this cell is under no column header, so chiso cannot tell what it is"
            if i >= layout.width:
                vi += (f" (dòng có {_last_filled(cells)} ô, tiêu đề có {layout.width} cột; số thập"
                       " phân dùng dấu phẩy trong tệp CSV phải đặt trong ngoặc kép: \"85,5\", hoặc"
                       " dùng dấu chấm phẩy ; để ngăn cột)")
                en += (f" (the row has {_last_filled(cells)} cells, the header {layout.width}; in a"
                       " CSV file a decimal comma must be quoted, \"85,5\", or the columns"
                       " separated by ;)")
            self.problem(sheet, number, col, "", cells[i], vi + ".", en + ".")

    def _unknown_indicator(self, sheet: str, number: int, col: Column, cell: Any) -> None:
        if _blank(cell):
            self.problem(sheet, number, col, "indicator", None, "thiếu mã chỉ tiêu.",
                         "the indicator is missing.")
            return
        hint = self.indicators.suggest(cell)
        more_vi = f" Có phải: {', '.join(hint)}?" if hint else ""
        more_en = f" Did you mean: {', '.join(hint)}?" if hint else ""
        self.problem(sheet, number, col, "indicator", cell,
                     "không có chỉ tiêu này trong khung chỉ số (xem: chiso frameworks)." + more_vi,
                     "no such indicator in the framework (see: chiso frameworks)." + more_en)

    def _period(self, sheet: str, number: int, layout: Layout, cell: Any) -> str | None:
        col = layout.fields.get("period")
        if _blank(cell):
            if self.period:
                return self.period
            self.problem(sheet, number, col, "period", None,
                         "thiếu kỳ số liệu; hãy ghi năm (ví dụ 2024) hoặc dùng --period.",
                         "the period is missing; write the year (e.g. 2024) or use --period.")
            return None
        period = normalise_period(cell)
        if period is None:
            self.problem(sheet, number, col, "period", cell,
                         "kỳ số liệu không hợp lệ; hãy ghi năm (2024), quý (2024-Q1), nửa năm"
                         " (2024-H1) hoặc tháng (2024-06).",
                         "not a period; write a year (2024), quarter (2024-Q1), half (2024-H1)"
                         " or month (2024-06).")
        return period

    def _unit(self, sheet: str, number: int, col: Column | None, cell: Any,
              period: str | None) -> str | None:
        if _blank(cell):
            self.problem(sheet, number, col, "unit", None, "thiếu đơn vị hành chính.",
                         "the administrative unit is missing.")
            return None
        if period is None:
            return None
        text = unicodedata.normalize("NFC", _text(cell))  # macOS and old tools write NFD
        as_of = period_end(period)
        found = self._units.get((text, as_of))
        if found is None:
            try:
                found = self.resolve_unit(text, as_of)
                if found not in self.known_units:
                    found = Problem(
                        f"đơn vị {found} chưa có trong cơ sở dữ liệu; hãy chạy: chiso init",
                        f"unit {found} is not in the database; run: chiso init")
            except UnitError as exc:
                found = Problem(exc.message_vi, exc.message_en)
            self._units[(text, as_of)] = found
        if isinstance(found, Problem):
            self.problem(sheet, number, col, "unit", cell, found.message_vi, found.message_en)
            return None
        return found

    def _kind(self, sheet: str, number: int, layout: Layout, cell: Any) -> str | None:
        if _blank(cell):
            return "actual"
        kind = KINDS_BY_FOLD.get(fold(cell))
        if kind is None:
            self.problem(sheet, number, layout.fields.get("kind"), "kind", cell,
                         "loại số liệu phải là: actual (thực tế), target (mục tiêu),"
                         " national_average (trung bình cả nước) hoặc benchmark (tham chiếu).",
                         "kind must be actual, target, national_average or benchmark.")
        return kind

    def _qualifier(self, sheet: str, number: int, layout: Layout, cell: Any) -> str | None:
        if _blank(cell):
            return None
        q = QUALIFIERS_BY_FOLD.get(fold(cell))
        if q is None:
            self.problem(sheet, number, layout.fields.get("qualifier"), "qualifier", cell,
                         "dấu so sánh phải là một trong: eq (=), approx (~), gt (>), lt (<),"
                         " ge (>=), le (<=).",
                         "qualifier must be one of eq (=), approx (~), gt (>), lt (<), ge (>=),"
                         " le (<=).")
        return q

    def _agreed_qualifier(self, sheet: str, number: int, layout: Layout, column: str | None,
                          reading: Reading) -> str | None:
        """The qualifier column and the one written with the value ("hơn 600.000") must agree."""
        if column is None or reading.qualifier == "eq" or column == reading.qualifier:
            return column or reading.qualifier
        self.problem(sheet, number, layout.fields.get("qualifier"), "qualifier", column,
                     f"cột so sánh ghi '{column}' nhưng giá trị ghi '{reading.qualifier}'; hãy để"
                     " một chỗ.",
                     f"the qualifier column says '{column}' but the value says"
                     f" '{reading.qualifier}'; give it in one place.")
        return None

    def _high(self, sheet: str, number: int, layout: Layout, cell: Any, reading: Reading,
              node: Node, unit_id: str, period: str) -> float | None:
        """The upper bound: from the value ("0,3 – 0,35") or its own column, not both."""
        if _blank(cell):
            return reading.value_high
        col = layout.fields["value_high"]
        extra = self._value(sheet, number, col, cell, node, unit_id, period)
        if extra is None:
            return None
        if (reading.value_high is not None or extra.value_high is not None
                or extra.qualifier != "eq"):
            self.problem(sheet, number, col, "value_high", cell,
                         "cận trên phải là một số; khoảng giá trị ghi ở cột giá trị hoặc ở cột cận"
                         " trên, không ở cả hai.",
                         "the upper bound must be one number; write a range in the value column or"
                         " in the upper-bound column, not both.")
            return None
        if extra.value < reading.value:
            self.problem(sheet, number, col, "value_high", cell,
                         f"cận trên {format_vi(extra.value)} nhỏ hơn giá trị"
                         f" {format_vi(reading.value)}.",
                         f"the upper bound {extra.value!r} is below the value {reading.value!r}.")
            return None
        return extra.value

    def _target_year(self, sheet: str, number: int, layout: Layout, cell: Any) -> int | None:
        if _blank(cell):
            return None
        text = _text(cell)
        if text.isdigit() and 2000 <= int(text) <= 2100:
            return int(text)
        self.problem(sheet, number, layout.fields.get("target_year"), "target_year", cell,
                     "năm mục tiêu phải là một năm từ 2000 đến 2100.",
                     "the target year must be a year from 2000 to 2100.")
        return None

    def _value(self, sheet: str, number: int, col: Column, cell: Any, node: Node,
               unit_id: str, period: str) -> Reading | None:
        """A cell's value read whole with its indicator's rule, or a problem naming the cell."""
        try:
            reading = read_value(cell, self._rule(node, unit_id, period))
            check_answer(node, reading.value)
            return reading
        except ValueRefused as exc:
            self.problem(sheet, number, col, "value", cell, exc.message_vi, exc.message_en)
            return None

    def _rule(self, node: Node, unit_id: str, period: str) -> ValueRule:
        ranked = None
        if node.unit == "rank" and self.peers is not None:
            as_of = period_end(period)
            if (unit_id, as_of) not in self._ranked:
                self._ranked[(unit_id, as_of)] = self.peers(unit_id, as_of)
            ranked = self._ranked[(unit_id, as_of)]
        key = (node.code, ranked)
        if key not in self._rules:
            self._rules[key] = rule_for(node, ranked=ranked)
        return self._rules[key]


def _letter(layout: Layout, index: int) -> str:
    return column_letter(index + layout.col_offset)


def _last_filled(cells: list[Any]) -> int:
    return max((i + 1 for i, c in enumerate(cells) if not _blank(c)), default=0)


def _getter(layout: Layout, cells: list[Any]) -> Callable[[str], Any]:
    def get(name: str) -> Any:
        col = layout.fields.get(name)
        if col is None or col.index >= len(cells):
            return None
        return cells[col.index]

    return get
