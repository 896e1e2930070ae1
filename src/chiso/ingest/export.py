"""Exporting current observations, with their provenance, as CSV, XLSX or JSON Lines.

The long layout is the one `chiso import` reads, so an export imports back unchanged. CSV
numbers are written without thousands separators and with a decimal comma ("911000", "70,8"),
which reads the same way in Vietnamese Excel and in `chiso import`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy.orm import Session

from chiso.ingest.safe import neutral, write_row
from chiso.store import observations, units

FORMATS = ("csv", "xlsx", "jsonl")
COLUMNS = ("unit", "unit_name", "indicator", "period", "kind", "value", "value_high",
           "qualifier", "target_year", "source", "note", "status", "revision", "provenance")


def rows(session: Session, flt: observations.Filter) -> Iterator[dict[str, Any]]:
    """The observations a filter selects, one dict per figure, in a stable order."""
    names = {u.id: u.name for u in units.units(session)}
    for obs, source in observations.stream(session, flt):
        yield {
            "unit": obs.unit_id, "unit_name": names.get(obs.unit_id), "indicator": obs.indicator,
            "period": obs.period, "kind": obs.kind, "value": obs.value,
            "value_high": obs.value_high, "qualifier": obs.qualifier,
            "target_year": obs.target_year, "source": source.title if source else None,
            "note": obs.note, "status": obs.status, "revision": obs.revision,
            "provenance": obs.provenance,
        }


def csv_number(value: float | None) -> str:
    """911000.0 → "911000", 70.8 → "70,8": exact, and never mistaken for grouped digits."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return format(Decimal(repr(float(value))), "f").replace(".", ",")


def write(session: Session, out: Path | TextIO, fmt: str, flt: observations.Filter) -> int:
    """Write the export to a path (or a text stream for csv/jsonl); returns how many rows."""
    if fmt not in FORMATS:
        from chiso.errors import DataFileError

        raise DataFileError(f"Định dạng '{fmt}' không hợp lệ; hãy dùng: {', '.join(FORMATS)}.",
                            f"Unknown format '{fmt}'; use one of: {', '.join(FORMATS)}.")
    data = rows(session, flt)
    if fmt == "xlsx":
        assert isinstance(out, Path), "XLSX goes to a file"
        return _xlsx(data, out)
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as fh:
            return _text(data, fh, fmt)
    return _text(data, out, fmt)


def _text(data: Iterator[dict[str, Any]], fh: TextIO, fmt: str) -> int:
    n = 0
    if fmt == "jsonl":
        for row in data:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
        return n
    writer = csv.writer(fh)
    writer.writerow(COLUMNS)
    numbers = ("value", "value_high")
    for row in data:
        row = {**row, "provenance": json.dumps(row["provenance"], ensure_ascii=False)
               if row["provenance"] else ""}
        writer.writerow([csv_number(row[c]) if c in numbers else "" if row[c] is None
                         else neutral(row[c]) for c in COLUMNS])
        n += 1
    return n


def _xlsx(data: Iterator[dict[str, Any]], path: Path) -> int:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("observations")
    bold = book.add_format({"bold": True})
    write_row(sheet, 0, 0, COLUMNS, bold)
    n = 0
    for n, row in enumerate(data, start=1):
        write_row(sheet, n, 0, [json.dumps(row[c], ensure_ascii=False)
                                if c == "provenance" and row[c] is not None else row[c]
                                for c in COLUMNS])
    sheet.freeze_panes(1, 0)
    book.close()
    return n
