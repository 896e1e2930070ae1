"""Import speed and memory for 100,000 rows (CSV with Vietnamese number text, XLSX with numbers).

Usage: .venv/bin/python bench/bench_import.py [csv|xlsx] [ROWS] [POSTGRES_URL]
Each run: write a long-format file of ROWS figures (not timed), import it into a fresh SQLite
database (or a fresh database on the PostgreSQL server given, dropped afterwards) (timed: read +
check every row + one transaction), import it again (timed: the
idempotent path, every figure unchanged), and report peak memory of the process.
"""

from __future__ import annotations

import csv
import itertools
import resource
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, create_engine, text

from chiso.framework import load_framework
from chiso.ingest import ImportOptions
from chiso.ingest.load import ImportReport, registry_resolver
from chiso.ingest.validate import UnitResolver
from chiso.store import db
from chiso.units.registry import Registry
from chiso.values import rule_for
from chiso.workflow import imports, setup
from chiso.workflow.principal import Principal
from chiso.workflow.work import Work

HEADER = ["unit", "indicator", "period", "kind", "value"]


def units_and_resolver(engine: Engine) -> tuple[list[str], UnitResolver]:
    """Load the shipped units; the province names of 2024 and the resolver `chiso import` uses."""
    reg = Registry.load()
    setup.initialise(engine, actor="bench")  # frameworks and units, as chiso init does
    names = [u.name for u in reg.units(as_of=date(2024, 12, 31), level="province")]
    return names, registry_resolver(reg)


def import_file(engine: Engine, path: Path, options: ImportOptions, *,
                resolve_unit: UnitResolver) -> ImportReport:
    """`chiso import` of one file: its own transaction, as the person at the command line."""
    with db.transaction(engine) as s:
        return imports.import_file(Work.open(s, Principal.local(None), None), path, options,
                                   resolve_unit=resolve_unit)


def figures(names: list[str], rows: int):  # type: ignore[no-untyped-def]
    fw = load_framework("chiso-core")
    # values within each indicator's rule (ranks among the 63 provinces of the periods used)
    codes = [(n.code, rule_for(n, ranked=len(names))) for n in fw.indicators()]
    periods = [str(y) for y in range(2024, 1989, -1)]
    periods += [f"{y}-Q{q}" for y in range(2024, 1989, -1) for q in range(1, 5)]
    periods += [f"{y}-{m:02d}" for y in range(2024, 1989, -1) for m in range(1, 13)]
    combos = itertools.product(periods, names, codes)
    for i, (period, unit, (code, rule)) in enumerate(itertools.islice(combos, rows)):
        if rule.measure == "percent":
            value = (i % 1000) * 0.1
        else:
            value = rule.low + i % int(min(rule.high - rule.low, 100_000))
            value = float(value) if rule.whole else value * 0.5
        yield unit, code, period, "actual", value


def write_file(path: Path, rows: int, names: list[str]) -> None:
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(HEADER)
            for unit, code, period, kind, value in figures(names, rows):
                text = f"{value:.1f}".replace(".", ",") if not value.is_integer() else \
                    f"{int(value):,}".replace(",", ".")  # "70,8", "911.000"
                w.writerow([unit, code, period, kind, text])
        return
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Sheet1")
    sheet.write_row(0, 0, HEADER)
    for r, row in enumerate(figures(names, rows), start=1):
        sheet.write_row(r, 0, row)
    book.close()


@contextmanager
def fresh_engine(pg_url: str | None, tmp: str) -> Iterator[Engine]:
    """A migrated, empty database: SQLite in `tmp`, or a new PostgreSQL database (dropped after)."""
    if not pg_url:
        engine = db.make_engine(f"sqlite:///{tmp}/bench.sqlite")
        db.upgrade(engine)
        yield engine
        engine.dispose()
        return
    name = f"chiso_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = db.make_engine(pg_url.rsplit("/", 1)[0] + f"/{name}")
    try:
        db.upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    fmt = sys.argv[1] if len(sys.argv) > 1 else "csv"
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    pg = sys.argv[3] if len(sys.argv) > 3 else None
    with tempfile.TemporaryDirectory() as tmp, fresh_engine(pg, tmp) as engine:
        names, resolve = units_and_resolver(engine)
        path = Path(tmp) / f"bench.{fmt}"
        write_file(path, rows, names)
        size = path.stat().st_size / 1e6
        t0 = time.perf_counter()
        first = import_file(engine, path, ImportOptions(), resolve_unit=resolve)
        t1 = time.perf_counter()
        again = import_file(engine, path, ImportOptions(), resolve_unit=resolve)
        t2 = time.perf_counter()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        assert first.added == rows and again.unchanged == rows, (first, again)
        print(f"{fmt} → {engine.dialect.name}: {rows} rows, {size:.1f} MB file, {len(names)} units")
        print(f"  first import : {t1 - t0:6.2f} s  ({rows / (t1 - t0):,.0f} rows/s)")
        print(f"  re-import    : {t2 - t1:6.2f} s  ({rows / (t2 - t1):,.0f} rows/s, all unchanged)")
        print(f"  peak RSS     : {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
