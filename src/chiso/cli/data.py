"""Data commands: import, export, template. Parse arguments, call chiso.ingest, print."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from chiso.cli import DataDir, settings_for, working
from chiso.errors import ChisoError, DataFileError

out = Console()
err = Console(stderr=True)
MAX_PROBLEMS_SHOWN = 1000


def import_(
    files: Annotated[list[Path], typer.Argument(
        help="Tệp CSV/XLSX / CSV or XLSX files", show_default=False)],
    source: Annotated[str | None, typer.Option(
        help="Tên nguồn số liệu / source name (default: file name)")] = None,
    format: Annotated[str, typer.Option("--format", help="long | wide | auto")] = "auto",
    period: Annotated[str | None, typer.Option(
        help="Kỳ số liệu cho cả tệp, ví dụ 2024 / period for the whole file")] = None,
    framework: Annotated[list[str] | None, typer.Option(
        help="Chỉ nhận chỉ tiêu của khung này / accept this framework's indicators only")] = None,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Kiểm tra, không ghi / check only, write nothing")] = False,
    publish: Annotated[bool, typer.Option(
        "--publish", help="Tệp là số liệu đã công bố (công khai ngay) / the file is itself a "
                          "publication: public at once")] = False,
    report_file: Annotated[Path | None, typer.Option(
        "--report",
        help="Ghi mọi lỗi ra tệp CSV này / write every problem to this CSV file")] = None,
    data_dir: DataDir = None,
) -> None:
    """Nhập số liệu từ tệp CSV/XLSX (dạng dọc hoặc ngang); nhập toàn bộ hoặc không gì cả.

    Import observations from CSV or XLSX files, long (unit, indicator, period, kind, value, ...) \
or wide (one row per unit, one column per indicator, as in `chiso template`). A file lands whole \
or not at all: any bad cell is listed (row, column, value, reason) and nothing is written. \
Importing the same file again changes nothing; a changed value adds a revision.

    Examples:
      chiso import so-lieu-2024.xlsx
      chiso import bang-ngang.csv --format wide --period 2024 --source "Sở TT&TT Đà Nẵng"
      chiso import a.csv b.xlsx --dry-run --report loi.csv
    """
    from chiso.ingest import ImportOptions
    from chiso.workflow.imports import import_file

    settings = settings_for(data_dir)
    options = ImportOptions(shape=format, period=period, frameworks=tuple(framework or ()),
                            source=source, dry_run=dry_run, publish=publish)
    failed: list[ChisoError] = []
    for path in files:
        try:
            with _bar(path.name) as progress, working(data_dir) as w:
                task = progress.add_task(path.name, total=None)

                def tick(done: int, total: int | None, task: TaskID = task) -> None:
                    progress.update(task, completed=done, total=total)

                result = import_file(w, path, options, progress=tick,
                                     limits=settings.import_limits)
        except DataFileError as exc:
            failed.append(exc)
            _print_problems(exc)
            continue
        head = "Kiểm tra (không ghi) / checked (nothing written)" if result.dry_run else \
            "Đã nhập / imported"
        out.print(
            f"{head} {result.file}: {result.rows} dòng / rows, {result.figures} số liệu / figures"
            f" — {result.added} mới / added, {result.revised} sửa / revised,"
            f" {result.unchanged} không đổi / unchanged"
        )
    if failed:
        if report_file:
            from chiso.ingest.problems import write_problems

            write_problems([p for exc in failed for p in exc.problems], report_file,
                           settings.import_limits)
            err.print(f"Danh sách lỗi / problem list: {report_file}", highlight=False)
        raise typer.Exit(1)


def _bar(name: str) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True,
                    disable=not err.is_terminal)


def _print_problems(exc: ChisoError) -> None:
    err.print(f"[bold red]DataFileError[/]: {exc.message_vi} / {exc.message_en}", highlight=False)
    for p in exc.problems[:MAX_PROBLEMS_SHOWN]:
        err.print(f"  - {p.describe()}", highlight=False, markup=False)
    hidden = len(exc.problems) - MAX_PROBLEMS_SHOWN
    if hidden > 0:
        err.print(f"  … và {hidden} lỗi nữa (xem --report) / and {hidden} more (see --report)",
                  highlight=False)


def export(
    format: Annotated[str, typer.Option("--format", help="csv | xlsx | jsonl")] = "csv",
    out_file: Annotated[Path | None, typer.Option(
        "--out", help="Tệp ghi ra (mặc định: màn hình) / output file (default: stdout)")] = None,
    unit: Annotated[list[str] | None, typer.Option(
        help="Mã đơn vị, ví dụ vn34-48 / unit id")] = None,
    indicator: Annotated[list[str] | None, typer.Option(
        help="Mã chỉ tiêu / indicator code")] = None,
    period: Annotated[list[str] | None, typer.Option(help="Kỳ, ví dụ 2024 / period")] = None,
    kind: Annotated[list[str] | None, typer.Option(
        help="actual | target | national_average | benchmark")] = None,
    no_simulated: Annotated[bool, typer.Option(
        "--no-simulated", help="Bỏ số liệu mô phỏng / leave out simulated figures")] = False,
    data_dir: DataDir = None,
) -> None:
    """Xuất số liệu hiện hành kèm nguồn gốc (CSV, XLSX, JSONL); nhập lại được bằng chiso import.

    Export the current observations with their provenance. The CSV/XLSX layout is the long format \
`chiso import` reads, so an export imports back unchanged.

    Examples:
      chiso export --format csv --out so-lieu.csv
      chiso export --format xlsx --out dti.xlsx --indicator dti_score --period 2024
      chiso export --format jsonl --unit vn34-48
    """
    from chiso.ingest import export as ex
    from chiso.store import db, observations
    from chiso.vocab import REVIEWED
    from chiso.workspace import Workspace

    engine = Workspace(settings_for(data_dir)).ready()
    flt = observations.Filter(view="current", unit_ids=tuple(unit or ()),
                              indicators=tuple(indicator or ()), periods=tuple(period or ()),
                              kinds=tuple(kind or ()), statuses=REVIEWED,
                              include_simulated=not no_simulated)
    if format == "xlsx" and out_file is None:
        raise DataFileError("Xuất XLSX cần --out TEN_TEP.xlsx.",
                            "XLSX export needs --out FILE.xlsx.")
    with db.session_factory(engine)() as session:
        n = ex.write(session, out_file if out_file else sys.stdout, format, flt)
    if out_file:
        out.print(f"Đã xuất / exported {n} số liệu / figures → {out_file}")


def template(
    framework: Annotated[str, typer.Argument(
        help="Mã khung chỉ số, ví dụ chiso-core / framework id")],
    out_file: Annotated[Path | None, typer.Option(
        "--out", help="Tệp XLSX ghi ra / output file")] = None,
) -> None:
    """Tạo mẫu nhập liệu XLSX của một khung chỉ số (tiêu đề tiếng Việt, danh sách chọn, hướng dẫn).

    Write the XLSX data-entry template of a framework: a wide sheet (one row per province, one \
column per indicator, Vietnamese headers with units), a long sheet, drop-down lists and an \
instructions sheet. Fill it in and load it with `chiso import`.

    Examples:
      chiso template chiso-core
      chiso template dti-province-2024 --out mau-dti-2024.xlsx
    """
    from chiso.catalog import shipped_catalog
    from chiso.ingest.template import write_template

    catalog = shipped_catalog()
    fw = catalog.framework(framework)
    path = out_file or Path(f"mau-{fw.id}.xlsx")
    write_template(fw, path, [(u.id, u.name) for u in catalog.provinces(date.today())])
    out.print(f"Đã tạo mẫu / template written: {path}")


def register(app: typer.Typer) -> None:
    """Add import, export and template to the `chiso` command."""
    app.command("import")(import_)
    app.command("export")(export)
    app.command("template")(template)
