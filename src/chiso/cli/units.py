"""`chiso units`: the administrative units valid on a day, and their lineage."""

from __future__ import annotations

import csv
import sys
from datetime import date
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from chiso.cli import DataDir
from chiso.errors import UnitError
from chiso.units.registry import Registry

out = Console()


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UnitError(f"Ngày không hợp lệ: '{text}' (cần dạng YYYY-MM-DD).",
                        f"Not a date: '{text}' (use YYYY-MM-DD).") from None


def units(
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Ngày hiệu lực / valid on (YYYY-MM-DD)")] = None,
    level: Annotated[str, typer.Option(
        help="province | commune | department | ministry | country")] = "province",
    parent: Annotated[str | None, typer.Option(
        help="Chỉ đơn vị thuộc đơn vị này (mã hoặc tên tỉnh) / only the units of this "
             "parent")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table | csv")] = "table",
    lineage: Annotated[bool, typer.Option(
        "--lineage", help="Kèm đơn vị trước/sau sáp nhập / with lineage")] = False,
    data_dir: DataDir = None,
) -> None:
    """Liệt kê đơn vị hành chính có hiệu lực vào một ngày / list the units valid on a day.

    Examples:

      chiso units --as-of 2025-06-30            (63 tỉnh / provinces)

      chiso units --as-of 2025-07-01 --lineage  (34 tỉnh, mỗi tỉnh gồm tỉnh cũ nào / made of)

      chiso units --level commune --format csv > xa.csv

      chiso units --level department --parent "Hà Nội" --as-of 2025-07-01  (các sở / departments)

      chiso units --level ministry --as-of 2025-07-01   (bộ, ngành / ministries)
    """
    from chiso.vocab import LEVELS

    if level not in LEVELS:
        raise UnitError(f"Cấp không hợp lệ: '{level}'. Chọn: {', '.join(LEVELS)}.",
                        f"Unknown level '{level}': use one of {', '.join(LEVELS)}.")
    if fmt not in ("table", "csv"):
        raise UnitError(f"Định dạng không hợp lệ: '{fmt}'.",
                        f"Unknown format '{fmt}': use table or csv.")
    reg = Registry.load()
    day = _day(as_of)
    owner = reg.resolve(parent, as_of=day, level="province").id if parent else None
    rows = reg.units(as_of=day, level=level, parent=owner)
    head = ["id", "code", "name", "full_name", "type", "parent", "valid_from", "valid_to"]
    if lineage:
        head.append("lineage")

    def cells(u) -> list[str]:
        vals = [u.id, u.code, u.name, u.full_name, u.type, u.parent or "",
                u.valid_from.isoformat() if u.valid_from else "",
                u.valid_to.isoformat() if u.valid_to else ""]
        if lineage:
            before = [p.name for p in reg.predecessors(u.id)]
            after = [s.name for s in reg.successors(u.id)]
            vals.append(("← " + ", ".join(before)) if before
                        else ("→ " + ", ".join(after)) if after else "")
        return vals

    if fmt == "csv":
        from chiso.ingest.safe import neutral

        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(head)
        w.writerows([neutral(c) for c in cells(u)] for u in rows)
        return
    table = Table(*head, title=f"{len(rows)} đơn vị / units")
    for u in rows:
        table.add_row(*cells(u))
    out.print(table)


def register(app: typer.Typer) -> None:
    app.command("units")(units)
