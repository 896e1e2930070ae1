"""Exporting current observations, with their provenance, as CSV, XLSX or JSON Lines.

The long layout is the one `chiso import` reads, so an export imports back unchanged. Every CSV
chiso writes (this export, the downloads, the data package) writes numbers one way, the data
package's: no thousands separators and a decimal point ("911000", "70.8"); a number whose
decimals are exactly three gets a fourth, zero ("1.2340", not "1.234"), so that no reader, nor
`chiso import` reading Vietnamese "1.234" as one thousand two hundred and thirty-four, can take
the point for a thousands separator.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy.orm import Session

from chiso.framework import Node
from chiso.ingest.safe import neutral, write_row
from chiso.store import frameworks, observations, units
from chiso.store.catalog import parsed

FORMATS = ("csv", "xlsx", "jsonl")
COLUMNS = ("unit", "unit_name", "indicator", "indicator_name", "period", "kind", "value",
           "value_high", "qualifier", "target_year", "source", "note", "status", "revision",
           "provenance")


def indicator_nodes(session: Session) -> dict[str, Node]:
    """Every stored node by code (a code in several frameworks: its latest-loaded version), for
    the names and the precision downloads write beside a code."""
    out: dict[str, Node] = {}
    for rec in sorted(frameworks.frameworks(session), key=lambda r: r.id):
        for node in parsed(rec.sha256, rec.yaml_text).nodes():
            out[node.code] = node
    return out


def rounded(node: Node | None, value: float | None) -> float | None:
    """A figure at its indicator's precision (as it is unless the indicator is unknown)."""
    return value if node is None else node.rounded(value)


def rows(session: Session, flt: observations.Filter,
         lang: str = "vi") -> Iterator[dict[str, Any]]:
    """The observations a filter selects, one dict per figure, in a stable order, with the
    unit's and the indicator's names and each value at its indicator's precision."""
    names = {u.id: u.name for u in units.units(session)}
    nodes = indicator_nodes(session)
    for obs, source in observations.stream(session, flt):
        node = nodes.get(obs.indicator)
        yield {
            "unit": obs.unit_id, "unit_name": names.get(obs.unit_id), "indicator": obs.indicator,
            "indicator_name": (node.name.en if lang == "en" else node.name.vi) if node else None,
            "period": obs.period, "kind": obs.kind, "value": rounded(node, obs.value),
            "value_high": rounded(node, obs.value_high), "qualifier": obs.qualifier,
            "target_year": obs.target_year, "source": source.title if source else None,
            "note": obs.note, "status": obs.status, "revision": obs.revision,
            "provenance": obs.provenance,
        }


def csv_number(value: float | None) -> str:
    """911000.0 → "911000", 70.8 → "70.8", 1.234 → "1.2340": exact, with a decimal point, and
    never mistaken for grouped digits."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    text = format(Decimal(repr(float(value))), "f")
    head, _, tail = text.lstrip("-").partition(".")
    if len(tail) == 3 and 1 <= len(head) <= 3 and head != "0":
        text += "0"
    return text


def write(session: Session, out: Path | TextIO, fmt: str, flt: observations.Filter,
          lang: str = "vi") -> int:
    """Write the export to a path (or a text stream for csv/jsonl); returns how many rows."""
    if fmt not in FORMATS:
        from chiso.errors import DataFileError

        raise DataFileError(f"Định dạng '{fmt}' không hợp lệ; hãy dùng: {', '.join(FORMATS)}.",
                            f"Unknown format '{fmt}'; use one of: {', '.join(FORMATS)}.")
    data = rows(session, flt, lang)
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
    sheet.autofilter(0, 0, max(n, 1), len(COLUMNS) - 1)
    book.close()
    return n
