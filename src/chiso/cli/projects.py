"""`chiso projects appraise | template | validate`: the project value register from plain files,
no database needed; `chiso projects import | list`: the register in the database, through
chiso.workflow. Parse arguments, call, print."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from chiso.cli import DataDir, settings_for, working
from chiso.errors import ComputeError
from chiso.numbers import format_vi

app = typer.Typer(no_args_is_help=True)
err = Console(stderr=True)
FORMATS = ("json", "csv", "table")
CSV_COLUMNS = ("project", "rate", "npv", "pv_benefits", "pv_costs", "bcr", "payback_year", "irr",
               "meets_bar")
RUN_COLUMNS = ("p_bcr_ge_2", "npv_q05", "npv_q95")


def _read(path: Path, report_file: Path | None = None) -> Any:
    """The file read whole, or its problems printed (the first thousand; all of them into
    `report_file`) and exit 1."""
    from chiso.catalog import shipped_catalog
    from chiso.cli.data import _print_problems  # the figure importer's way of listing problems
    from chiso.errors import DataFileError
    from chiso.ingest.load import indicators_for, registry_resolver
    from chiso.ingest.projects import read_projects

    try:
        catalog = shipped_catalog()  # plain files: the frameworks and units chiso ships
        return read_projects(path, resolve_unit=registry_resolver(catalog.units),
                             indicators=indicators_for(catalog.frameworks()))
    except DataFileError as exc:
        _print_problems(exc)
        if report_file:
            from chiso.ingest.problems import write_problems

            write_problems(exc.problems, report_file)
            err.print(f"Danh sách lỗi / problem list: {report_file}", highlight=False)
        raise typer.Exit(1) from None


@app.command("appraise")
def appraise_command(
    file: Annotated[Path, typer.Argument(
        help="Tệp dòng tiền CSV hoặc sổ dự án XLSX / cash-flow CSV or project workbook",
        show_default=False)],
    rate: Annotated[float | None, typer.Option(
        help="Tỷ lệ chiết khấu thực / real discount rate, default 0.05 (a project's own rate in "
             "a workbook wins)")] = None,
    runs: Annotated[int | None, typer.Option(
        "--runs", min=1, help="Số lần lặp Monte Carlo / Monte Carlo replications")] = None,
    seed: Annotated[int, typer.Option(help="Hạt giống / random seed")] = 0,
    format: Annotated[str, typer.Option("--format", help="json | csv | table")] = "json",
    out_file: Annotated[Path | None, typer.Option(
        "--out", help="Tệp ghi ra (mặc định: màn hình) / output file (default: stdout)")] = None,
    report_file: Annotated[Path | None, typer.Option(
        "--report", help="Ghi mọi lỗi của tệp ra CSV này / write every problem of the file to "
                         "this CSV")] = None,
) -> None:
    """Thẩm định dự án / appraise projects: NPV, B/C, payback, IRR, switching values.

    With --runs: P(B/C ≥ 2) and the 5–95 % interval of NPV (Monte Carlo over low/high). FILE has \
the columns project,year,kind,category,amount (kind cost|benefit, amount in đồng,
    year 0 first, not discounted) and optionally low,high,item; or it is a workbook made from
    `chiso projects template`.

    Examples:

      chiso projects appraise dong-tien.csv

      chiso projects appraise dong-tien.csv --rate 0.035 --runs 10000 --seed 1 --format table
    """
    from chiso.compute.value import DEFAULT_RATE
    from chiso.compute.value_report import appraisal_report
    from chiso.compute.value_uncertainty import MonteCarlo

    rate = DEFAULT_RATE if rate is None else rate

    if format not in FORMATS:
        raise ComputeError(f"--format phải là một trong: {', '.join(FORMATS)}.",
                           f"--format must be one of: {', '.join(FORMATS)}.")
    if not 0 <= rate < 1:
        raise ComputeError("--rate là một tỷ lệ, ví dụ 0.035 cho 3,5 %.",
                           "--rate is a fraction, e.g. 0.035 for 3.5 %.")
    book = _read(file, report_file)
    report = appraisal_report(book.to_flows(), book.rates(rate),
                              runs=None if runs is None else MonteCarlo(runs, seed))
    report["method"]["source"] = file.name
    text = _render(report, format, runs is not None)
    if out_file is None:
        sys.stdout.write(text)
    else:
        out_file.write_text(text, encoding="utf-8")
    below = sum(1 for p in report["projects"] if p["meets_bar"] is False)
    err.print(f"{len(report['projects'])} dự án / projects; {below} chưa đạt B/C ≥ 2 / below"
              " the bar" + (f" → {out_file}" if out_file else ""), highlight=False)


def _render(report: dict[str, Any], format: str, runs: bool) -> str:
    if format == "json":
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    rows = report["projects"]
    if format == "csv":
        buf = io.StringIO()
        columns = CSV_COLUMNS + (RUN_COLUMNS if runs else ()) + ("flags",)
        w = csv.DictWriter(buf, columns, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({**{k: "" if r.get(k) is None else r[k] for k in columns},
                        "flags": ";".join(r["flags"])})
        return buf.getvalue()
    return _table(rows, runs)


def _table(rows: list[dict[str, Any]], runs: bool) -> str:
    """A table for people, numbers as Vietnamese write them (1.298.843.001; 1,30; 15,2 %)."""
    t = Table(show_lines=False)
    heads = ["Dự án / project", "NPV (đồng)", "PV lợi ích / benefits", "PV chi phí / costs",
             "B/C", "Hoàn vốn / payback", "IRR", "B/C ≥ 2"]
    if runs:
        heads += ["P(B/C ≥ 2)", "NPV 5 %", "NPV 95 %"]
    for h in heads:
        t.add_column(h, justify="left" if h.startswith("Dự án") else "right")
    for r in rows:
        cells = [r["project"], _money(r["npv"]), _money(r["pv_benefits"]), _money(r["pv_costs"]),
                 "–" if r["bcr"] is None else format_vi(r["bcr"], 2),
                 "–" if r["payback_year"] is None else f"năm {r['payback_year']}",
                 "–" if r["irr"] is None else _percent(r["irr"]),
                 {True: "đạt", False: "chưa đạt", None: "–"}[r["meets_bar"]]]
        if runs:
            cells += [_percent(r["p_bcr_ge_2"]), _money(r["npv_q05"]), _money(r["npv_q95"])]
        t.add_row(*cells)
    console = Console(record=True, width=200, file=io.StringIO())
    console.print(t)
    return console.export_text()


def _money(v: float) -> str:
    return format_vi(round(v))


def _percent(v: float) -> str:
    return f"{format_vi(100 * v, 1)} %"


@app.command("template")
def template_command(
    out_file: Annotated[Path, typer.Option(
        "--out", help="Tệp XLSX ghi ra / output XLSX")] = Path("mau-du-an.xlsx"),
) -> None:
    """Ghi mẫu XLSX dự án / write the project workbook template (Vietnamese headers).

    Sheets: projects, cash flows, benefits. Example: chiso projects template --out mau-du-an.xlsx
    """
    from chiso.ingest.projects_template import write_projects_template

    write_projects_template(out_file)
    err.print(f"Mẫu / template → {out_file}", highlight=False)


@app.command("validate")
def validate_command(
    file: Annotated[Path, typer.Argument(
        help="Sổ dự án XLSX hoặc tệp dòng tiền CSV / project workbook or cash-flow CSV",
        show_default=False)],
    report_file: Annotated[Path | None, typer.Option(
        "--report",
        help="Ghi mọi lỗi ra tệp CSV này / write every problem to this CSV file")] = None,
) -> None:
    """Kiểm tra sổ dự án / check a project workbook or cash-flow file.

    The file is read whole or refused, every bad cell named. Example: chiso projects validate \
du-an.xlsx --report loi.csv
    """
    book = _read(file, report_file)
    err.print(f"{file.name}: {len(book.codes)} dự án / projects, {len(book.flows)} dòng tiền /"
              f" cash flows, {len(book.benefits)} lợi ích được mô tả / benefits described,"
              f" {len(book.unit_costs)} đơn giá / unit costs — hợp lệ / valid", highlight=False)


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(
        help="Sổ dự án XLSX (từ chiso projects template) / project workbook",
        show_default=False)],
    publish: Annotated[bool, typer.Option(
        "--publish",
        help="Công bố ngay / publish at once (the file is itself a publication)")] = False,
    report_file: Annotated[Path | None, typer.Option(
        "--report",
        help="Ghi mọi lỗi ra tệp CSV này / write every problem to this CSV file")] = None,
    data_dir: DataDir = None,
) -> None:
    """Nhập sổ dự án vào cơ sở dữ liệu / import a project workbook into the register.

    All or nothing: every bad cell is named (sheet, row, column, value, reason) and nothing is \
written. Imported projects are accepted but unpublished unless --publish. The same file again \
changes nothing. Example: chiso projects import du-an.xlsx --report loi.csv
    """
    from chiso.errors import DataFileError
    from chiso.workflow.projects import import_projects

    settings = settings_for(data_dir)
    try:
        with working(data_dir) as w:
            report = import_projects(w, file, limits=settings.import_limits, publish=publish)
    except DataFileError as exc:
        from chiso.cli.data import _print_problems

        _print_problems(exc)
        if report_file:
            from chiso.ingest.problems import write_problems

            write_problems(exc.problems, report_file, settings.import_limits)
            err.print(f"Danh sách lỗi / problem list: {report_file}", highlight=False)
        raise typer.Exit(1) from None
    typer.echo(f"Đã nhập / imported {file.name}: {len(report.added)} mới / added,"
               f" {len(report.revised)} sửa / revised, {len(report.unchanged)} không đổi /"
               f" unchanged — {report.review_status}")


@app.command("list")
def list_command(
    unit: Annotated[list[str] | None, typer.Option(
        help="Mã đơn vị / unit id, e.g. vn34-48")] = None,
    current: Annotated[bool, typer.Option(
        "--current",
        help="Cả dự án chưa công bố / include unpublished projects, as entered")] = False,
    format: Annotated[str, typer.Option("--format", help="json | csv | table")] = "table",
    data_dir: DataDir = None,
) -> None:
    """Liệt kê sổ dự án / list the project register with each project's appraisal.

    Published projects by default (as the public sees them); --current shows every project as \
entered. Example: chiso projects list --unit vn34-48 --format csv
    """
    from chiso.compute.value_report import register_appraisal
    from chiso.store import projects as store

    if format not in FORMATS:
        raise ComputeError(f"--format phải là một trong: {', '.join(FORMATS)}.",
                           f"--format must be one of: {', '.join(FORMATS)}.")
    with working(data_dir) as w:
        view = "current" if current else "public"
        rows = [d for p in store.register(w.session, store.RegisterFilter(
            view=view, units=tuple(unit or ()))) if (d := store.view_of(p, view))]
    appraised = register_appraisal(rows)
    out = []
    for d in rows:
        a = appraised.get(d["code"], {})
        out.append({"code": d["code"], "name": d["name"], "unit": d["unit_id"],
                    "status": d["status"], "review_status": d["review_status"],
                    "simulated": bool(d["simulated"]), "npv": a.get("npv"),
                    "bcr": a.get("bcr"), "meets_bar": a.get("meets_bar"),
                    "flags": ";".join(a.get("flags", []))})
    if format == "json":
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    elif format == "csv":
        from chiso.ingest.safe import neutral

        buf = io.StringIO()
        w_ = csv.DictWriter(buf, list(out[0]) if out else ["code"], lineterminator="\n")
        w_.writeheader()
        for r in out:
            w_.writerow({k: neutral("" if v is None else v) for k, v in r.items()})
        sys.stdout.write(buf.getvalue())
    else:
        t = Table()
        for h in ("Mã / code", "Tên / name", "Đơn vị / unit", "Trạng thái / status",
                  "Duyệt / review", "NPV (đồng)", "B/C", "B/C ≥ 2"):
            t.add_column(h)
        for r in out:
            t.add_row(r["code"], r["name"] + (" (mô phỏng / simulated)" if r["simulated"] else ""),
                      r["unit"], r["status"], r["review_status"],
                      "–" if r["npv"] is None else _money(r["npv"]),
                      "–" if r["bcr"] is None else format_vi(r["bcr"], 2),
                      {True: "đạt", False: "chưa đạt", None: "–"}[r["meets_bar"]])
        Console(width=200).print(t)
    err.print(f"{len(out)} dự án / projects", highlight=False)


def register(root: typer.Typer) -> None:
    """Add `chiso projects …` to the `chiso` command."""
    root.add_typer(app, name="projects",
                   help="Dự án CNTT: giá trị phải lớn hơn chi phí / IT projects: value must "
                        "exceed cost")
