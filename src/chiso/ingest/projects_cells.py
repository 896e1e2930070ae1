"""The cells of project tables: the words people write for kinds, categories, statuses, groups
and funding; finding a table's header row; reading each cell whole or refusing it with a located,
bilingual problem (amounts in đồng, rates, years, lists)."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from chiso.errors import Problem
from chiso.ingest.headers import fold
from chiso.ingest.layout import Column
from chiso.ingest.read import Sheet, column_letter
from chiso.ingest.validate import _blank, _text  # the importer's own notion of a blank cell
from chiso.numbers import SCALES, parse_number, read_digits

# code → (Vietnamese label as the template writes it, English, other spellings people use)
Words = dict[str, tuple[str, str, tuple[str, ...]]]
KINDS: Words = {"cost": ("Chi phí", "cost", ("chi",)), "benefit": ("Lợi ích", "benefit", ())}
CATEGORIES: Words = {
    "capital": ("Đầu tư", "capital", ("chi phí đầu tư", "vốn đầu tư", "mua sắm", "capex")),
    "operating": ("Vận hành", "operating", ("chi phí vận hành", "thuê dịch vụ", "opex")),
    "staff": ("Nhân sự", "staff", ("nhân lực", "con người", "lương")),
    "warranty": ("Bảo hành, bảo trì", "warranty", ("bảo hành", "bảo trì", "maintenance")),
    "cash_saving": ("Tiết kiệm chi (bằng tiền)", "cash-releasing saving",
                    ("tiết kiệm chi", "tiết kiệm tiền", "giảm chi", "cash saving")),
    "noncash_saving": ("Tiết kiệm không bằng tiền (thời gian, công sức)", "non-cash saving",
                       ("tiết kiệm không bằng tiền", "tiết kiệm thời gian", "giờ công")),
    "social": ("Giá trị xã hội", "social value", ("xã hội", "lợi ích xã hội")),
    "revenue": ("Tăng thu", "revenue", ("doanh thu", "nguồn thu")),
}
STATUSES: Words = {"proposed": ("Đề xuất", "proposed", ("dự kiến",)),
            "approved": ("Đã phê duyệt", "approved", ("phê duyệt",)),
            "running": ("Đang triển khai", "running", ("triển khai", "đang thực hiện")),
            "closed": ("Đã kết thúc", "closed", ("kết thúc", "hoàn thành", "đã hoàn thành"))}
GROUPS: Words = {"national": ("Quan trọng quốc gia", "national importance",
                             ("dự án quan trọng quốc gia",)),
          "A": ("Nhóm A", "group A", ("a",)), "B": ("Nhóm B", "group B", ("b",)),
          "C": ("Nhóm C", "group C", ("c",))}
FUNDING: Words = {"investment": ("Vốn đầu tư phát triển", "development investment",
                          ("đầu tư phát triển", "đầu tư công", "chi đầu tư phát triển")),
           "recurrent": ("Chi thường xuyên", "recurrent spending",
                         ("thường xuyên", "kinh phí thường xuyên"))}

# field → headers that name it; the first is the header the template writes
PROJECT_FIELDS = {
    "code": ("Mã dự án", "project", "code", "mã"), "name": ("Tên dự án", "name", "tên"),
    "unit": ("Đơn vị hành chính", "unit", "tỉnh", "địa phương"),
    "agency": ("Cơ quan chủ trì", "agency", "chủ đầu tư"), "sector": ("Lĩnh vực", "sector"),
    "group": ("Nhóm dự án", "group"), "funding": ("Nguồn vốn", "funding"),
    "status": ("Trạng thái", "status"),
    "approval": ("Văn bản phê duyệt", "approval", "quyết định phê duyệt"),
    "platforms": ("Nền tảng sử dụng", "platforms", "nền tảng"),
    "indicators": ("Chỉ tiêu liên quan", "indicators", "mã chỉ tiêu"),
    "rate": ("Tỷ lệ chiết khấu", "rate", "discount rate"),
    "start_year": ("Năm bắt đầu", "start year", "start_year"), "note": ("Ghi chú", "note"),
}
FLOW_FIELDS = {
    "project": ("Mã dự án", "project", "dự án"), "year": ("Năm", "year", "năm thứ"),
    "kind": ("Loại", "kind"), "category": ("Hạng mục", "category"),
    "item": ("Khoản mục", "item", "tên khoản mục"),
    "amount": ("Giá trị", "amount", "giá trị trung tâm", "central", "số tiền"),
    "low": ("Thấp", "low", "giá trị thấp"), "high": ("Cao", "high", "giá trị cao"),
    "source": ("Nguồn", "source"), "note": ("Ghi chú", "note"),
}
BENEFIT_FIELDS = {
    "project": ("Mã dự án", "project"), "item": ("Khoản mục", "item"),
    "owner": ("Người phụ trách", "owner", "đơn vị phụ trách"),
    "baseline": ("Mức nền", "baseline", "hiện trạng"), "target": ("Mục tiêu", "target"),
    "measure": ("Cách đo", "measure", "phương pháp đo"), "source": ("Nguồn", "source"),
}
UNIT_COST_FIELDS = {
    "project": ("Mã dự án", "project"), "platform": ("Nền tảng", "platform", "tên nền tảng"),
    "unit": ("Đơn vị tính", "unit of measure", "unit", "đơn vị"),
    "quantity": ("Số lượng", "quantity"),
    "unit_price": ("Đơn giá", "unit price", "giá một đơn vị"),
    "item": ("Khoản mục chi phí", "cost item", "khoản mục"), "source": ("Nguồn", "source"),
    "note": ("Ghi chú", "note"),
}
SHEETS = {"projects": ("Dự án", "projects"), "flows": ("Dòng tiền", "cash flows", "flows"),
          "benefits": ("Lợi ích", "benefits"), "unit_costs": ("Đơn giá", "unit costs")}
CURRENCY = frozenset(fold(w) for w in ("", "đồng", "đ", "vnđ", "vnd"))
_BRACKETS = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]\s*$")
_DIGITS_ONLY = re.compile(r"^[-−+]?\d[\d.,]*$")
_SCIENTIFIC = re.compile(r"^[-+]?\d+(?:\.\d+)?[eE][-+]?\d+$")
_LIST_SEP = re.compile(r"\s*[;,\n]\s*")
YEAR_INDEX_MAX = 100


def _words(table: Words) -> dict[str, str]:
    return {fold(w): code for code, (vi, en, more) in table.items() for w in (code, vi, en, *more)}


_LOOKUP = {name: _words(t) for name, t in (("kind", KINDS), ("category", CATEGORIES),
                                          ("status", STATUSES), ("group", GROUPS),
                                          ("funding", FUNDING))}


class Rows:
    """The rows of one table of one sheet, with the problems found reading them."""

    def __init__(self, file: str, sheet: Sheet, fields: dict[str, tuple[str, ...]],
                 required: Sequence[str], problems: list[Problem]) -> None:
        self.file, self.sheet, self.problems = file, sheet, problems
        self.where = file if sheet.name == file else f"{file} [{sheet.name}]"
        self.header_row = 0
        self._rows = sheet.rows()
        aliases = {fold(a): name for name, names in fields.items() for a in names}
        found: dict[str, Column] = {}
        for number, cells in self._rows:
            found = {}
            for i, cell in enumerate(cells):
                head = "" if _blank(cell) else _text(cell)
                name = aliases.get(fold(head)) or aliases.get(fold(_BRACKETS.sub("", head)))
                if name:
                    found.setdefault(name, Column(i, column_letter(i + sheet.col_offset), head))
                elif head:
                    found.setdefault(f"?{i}", Column(i, column_letter(i + sheet.col_offset), head))
            if required[0] in found:
                self.header_row = number
                break
            if number >= 20:
                break
        if not self.header_row:
            found = {}
        unknown = [c for k, c in found.items() if k.startswith("?")]
        self.columns = {k: c for k, c in found.items() if not k.startswith("?")}
        self.missing = [f for f in required if f not in self.columns]
        for col in unknown:
            self.add(self.header_row, col, None, col.header,
                     "cột này không thuộc bảng; các cột được hiểu: "
                     + ", ".join(names[0] for names in fields.values()) + ".",
                     "this column is not part of the table; known columns: "
                     + ", ".join(names[1] for names in fields.values()) + ".")
        if self.missing:
            self.add(self.header_row or 1, None, ", ".join(self.missing), None,
                     "bảng thiếu cột: " + ", ".join(fields[f][0] for f in self.missing) + ".",
                     "the table lacks column(s): "
                     + ", ".join(fields[f][1] for f in self.missing) + ".")

    @property
    def ok(self) -> bool:
        """The rows can be read: the header row was found with every required column."""
        return bool(self.header_row) and not self.missing

    def add(self, row: int, col: Column | None, name: str | None, value: Any, vi: str, en: str
            ) -> None:
        self.problems.append(Problem(vi, en, file=self.where, row=row,
                                     column=col.label() if col else None, field=name,
                                     value=None if _blank(value) else value))

    def __iter__(self) -> Iterator[Row]:
        for number, cells in self._rows:
            if not all(_blank(c) for c in cells):
                yield Row(self, number, cells)


class Row:
    """One row's cells, read field by field; each bad cell adds one problem."""

    def __init__(self, table: Rows, number: int, cells: list[Any]) -> None:
        self.table, self.number, self.cells = table, number, cells
        self.bad = False

    def cell(self, name: str) -> str:
        col = self.table.columns.get(name) or min(self.table.columns.values(),
                                                  key=lambda c: c.index)
        return f"{self.table.sheet.name}!{col.letter}{self.number}"

    def raw(self, name: str) -> Any:
        col = self.table.columns.get(name)
        return None if col is None or col.index >= len(self.cells) else self.cells[col.index]

    def fail(self, name: str, value: Any, vi: str, en: str) -> None:
        self.bad = True
        self.table.add(self.number, self.table.columns.get(name), name, value, vi, en)

    def text(self, name: str, required: bool = False) -> str | None:
        v = self.raw(name)
        if _blank(v):
            if required:
                self.fail(name, None, "ô này không được để trống.", "this cell must not be empty.")
            return None
        return unicodedata.normalize("NFC", _text(v))

    def word(self, name: str, table: Words, default: str | None = None,
             required: bool = False) -> str | None:
        v = self.text(name, required)
        if v is None:
            return default
        code = _LOOKUP[name].get(fold(v))
        if code is None or code not in table:
            self.fail(name, v,
                      "phải là một trong: " + "; ".join(t[0] for t in table.values()) + ".",
                      "must be one of: " + "; ".join(t[1] for t in table.values()) + ".")
        return code

    def whole(self, name: str, lo: int, hi: int, required: bool = False) -> int | None:
        v = self.raw(name)
        if _blank(v):
            self.text(name, required)
            return None
        text = _text(v) if not isinstance(v, bool) else "?"
        if re.fullmatch(r"\d{1,4}", text) and lo <= int(text) <= hi:
            return int(text)
        self.fail(name, v, f"phải là một số nguyên từ {lo} đến {hi}.",
                  f"must be a whole number from {lo} to {hi}.")
        return None

    def amount(self, name: str, required: bool = False) -> float | None:
        """An amount in đồng, read whole or refused: a number, or Vietnamese number text with
        at most a scale word and a currency ("1,5 tỷ đồng"); never a bound or a range."""
        v = self.raw(name)
        if _blank(v):
            self.text(name, required)
            return None
        reason = amount_or_problem(v)
        if isinstance(reason, tuple):
            self.fail(name, v, *reason)
            return None
        return reason

    def rate(self, name: str) -> float | None:
        v = self.raw(name)
        if _blank(v):
            return None
        r: float | None = None
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            r = float(v)
        elif isinstance(v, str):
            try:
                q = parse_number(v)
                if q.value_high is None and q.qualifier == "eq" and q.unit in ("", "%"):
                    r = q.value / 100 if q.unit == "%" else q.value
            except ValueError:
                pass
        if r is None or not math.isfinite(r) or not 0 <= r < 1:
            self.fail(name, v, "tỷ lệ chiết khấu phải viết như 3,5 % hoặc 0,035 "
                               "(từ 0 đến dưới 100 %).",
                      "write the discount rate as 3.5 % or 0.035 (from 0 to below 100 %).")
            return None
        return r

    def quantity(self, name: str, required: bool = False) -> float | None:
        """A count of units (licences, users, stations…): a number above 0, nothing after it."""
        v = self.raw(name)
        if _blank(v):
            self.text(name, required)
            return None
        x: float | None = None
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            x = float(v)
        elif isinstance(v, str) and _DIGITS_ONLY.match(v.strip()):
            try:
                x = read_digits(v.strip())
            except ValueError:
                x = None
        if x is None or not math.isfinite(x) or x <= 0:
            self.fail(name, v, "số lượng phải là một số lớn hơn 0 (chỉ ghi số, đơn vị tính ghi ở"
                      " cột Đơn vị tính).", "the quantity must be a number above 0 (the number"
                      " alone; the unit of measure goes in its own column).")
            return None
        return x

    def items(self, name: str) -> tuple[str, ...]:
        v = self.text(name)
        return () if v is None else tuple(x for x in _LIST_SEP.split(v) if x)


def amount_or_problem(v: Any) -> float | tuple[str, str]:
    if isinstance(v, (bool, date)):
        return "ô này phải chứa một số tiền.", "this cell must hold an amount of money."
    if isinstance(v, (int, float)):
        x = float(v)
    elif _SCIENTIFIC.match(str(v).strip()):
        x = float(str(v).strip())
    elif _DIGITS_ONLY.match(str(v).strip()):  # no words around: the digit reader alone
        try:
            x = read_digits(str(v).strip())
        except ValueError as exc:
            vi, _, en = str(exc).partition(" / ")
            return vi, en or vi
    else:
        try:
            q = parse_number(str(v))
        except ValueError as exc:
            vi, _, en = str(exc).partition(" / ")
            return vi, en or vi
        unit = fold(q.unit)
        for word, _factor in SCALES:
            if q.scale != 1.0 and unit.startswith(fold(word)):
                unit = unit[len(fold(word)):].strip()
                break
        if q.value_high is not None:
            return ("một ô chỉ ghi một số tiền; khoảng thấp–cao ghi vào cột Thấp và Cao.",
                    "one amount per cell; put a low–high range in the Low and High columns.")
        if q.qualifier not in ("eq", "approx"):
            return ("một giới hạn (hơn, dưới, tối đa…) không phải là một số tiền.",
                    "a bound (more than, less than, at most…) is not an amount.")
        if unit not in CURRENCY:
            return ((f"'{q.unit}' sau số không phải đơn vị tiền; chỉ ghi số, có thể thêm"
                     " tỷ/triệu và đồng."),
                    (f"'{q.unit}' after the number is not a currency; write the number,"
                     " optionally with tỷ/triệu and đồng."))
        x = q.value
    if not math.isfinite(x):
        return "số tiền không hữu hạn.", "the amount is not finite."
    return x
