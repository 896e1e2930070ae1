"""Table layouts: find the header row and say whether a sheet is long or wide.

Long: one observation per row, columns unit, indicator, period, kind, value, ...
Wide: one row per unit, one column per indicator (headers are codes or names), and a period
column or a period given for the whole file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from chiso.ingest.headers import LONG_REQUIRED, Indicators, field_of, ignored
from chiso.ingest.sheets import Row, Sheet, column_letter

HEADER_SEARCH_ROWS = 20


@dataclass(frozen=True)
class Column:
    index: int  # position in the row as read
    letter: str  # as the spreadsheet shows it
    header: str

    def label(self) -> str:
        return f"{self.letter} ({self.header})" if self.header else self.letter


@dataclass
class Layout:
    """How to read one sheet: its shape, the header row, and what each column holds."""

    shape: str  # "long" or "wide"
    header_row: int
    fields: dict[str, Column] = field(default_factory=dict)
    indicators: dict[str, Column] = field(default_factory=dict)  # wide: indicator code → column
    unknown: list[Column] = field(default_factory=list)
    named: frozenset[int] = frozenset()  # positions that have a header
    col_offset: int = 0  # columns the reader dropped before position 0

    @property
    def width(self) -> int:
        """Positions up to the last header."""
        return max(self.named, default=-1) + 1


def _text(cell: Any) -> str:
    return "" if cell is None else str(cell).strip()


def detect(
    sheet: Sheet, catalogue: Indicators, shape: str = "auto"
) -> tuple[Layout | None, Iterator[Row]]:
    """The layout of a sheet (None if it holds no table chiso knows) and the rows below the \
header."""
    rows = sheet.rows()
    for number, cells in rows:
        if number > HEADER_SEARCH_ROWS:
            break
        if not any(field_of(c) == "unit" for c in cells if _text(c)):
            continue
        return _layout(number, cells, sheet.col_offset, catalogue, shape), rows
    return None, iter(())


def _layout(number: int, cells: list[Any], offset: int, catalogue: Indicators,
            shape: str) -> Layout:
    fields: dict[str, Column] = {}
    indicators: dict[str, Column] = {}
    unknown: list[Column] = []
    for i, cell in enumerate(cells):
        header = _text(cell)
        if not header or ignored(header):
            continue
        col = Column(i, column_letter(i + offset), header)
        name = field_of(header)
        node = catalogue.find(header)
        if name and name not in fields and not (name == "indicator" and node):
            fields[name] = col
        elif node and node.code not in indicators:
            indicators[node.code] = col
        else:
            unknown.append(col)
    if shape == "auto":
        shape = "long" if ("indicator" in fields and "value" in fields) else "wide"
    named = frozenset(i for i, cell in enumerate(cells) if _text(cell))
    return Layout(shape, number, fields, indicators, unknown, named, offset)


def missing_fields(layout: Layout, period_given: bool) -> list[str]:
    """The columns a layout still needs."""
    if layout.shape == "long":
        need = [f for f in LONG_REQUIRED if f not in layout.fields]
        if period_given and "period" in need:
            need.remove("period")
        return need
    need = [] if "unit" in layout.fields else ["unit"]
    if not period_given and "period" not in layout.fields:
        need.append("period")
    return need
