"""`chiso index run | rebuild | publish | list`: index runs on the stored data, as published \
objects."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from chiso.cli import DataDir, working
from chiso.cli.index import app as index_app

out = Console()


def run_command(
    framework: Annotated[str, typer.Argument(help="Khung chỉ số / framework, e.g. chiso-core")],
    period: Annotated[str, typer.Argument(help="Kỳ / period, e.g. 2024")],
    method: Annotated[Path | None, typer.Option(
        "--method", exists=True, help="Phương pháp (YAML) / method file")] = None,
    uncertainty_n: Annotated[int, typer.Option(
        "--uncertainty", help="Số lần mô phỏng Monte Carlo (0 = không) / Monte Carlo "
                              "replications (0 = none)")] = 0,
    seed: Annotated[int, typer.Option(help="Hạt giống / seed")] = 1,
    include_approved: Annotated[bool, typer.Option(
        "--include-approved",
        help="Xem trước với số liệu đã duyệt chưa công bố (không bao giờ công khai) / private "
             "preview with approved, unpublished figures")] = False,
    include_simulated: Annotated[bool, typer.Option(
        "--include-simulated",
        help="Dùng số liệu mô phỏng (lần tính được ghi rõ là mô phỏng) / use simulated figures "
             "(the run is labelled simulated)")] = False,
    label: Annotated[str | None, typer.Option(help="Nhãn / label")] = None,
    as_user: Annotated[str | None, typer.Option(
        "--as", help="Tài khoản (quyền publish) / the account (needs 'publish')")] = None,
    data_dir: DataDir = None,
) -> None:
    """Tính chỉ số trên số liệu đã công bố / compute an index run on the stored data.

    By default from the published figures only, on the units in force at the end of the period;
    the run is a draft until `chiso index publish` makes it official. The run's record lets
    `chiso index rebuild` regenerate it exactly.

    Examples:
      chiso index run chiso-core 2025 --uncertainty 1000
      chiso index run dti-province-2024 2024 --include-approved --label "xem trước"
    """
    from datetime import date

    from chiso.cli.index import _method
    from chiso.compute import Method, UncertaintySpec
    from chiso.workflow.runs import RunSpec, compute_run

    with working(data_dir, as_user=as_user) as w:
        fw = w.catalog.framework(framework)
        year = int(period[:4]) if period[:4].isdigit() else date.today().year
        units = tuple(u.id for u in w.catalog.provinces(date(year, 12, 31)))
        spec = RunSpec(
            framework=fw, period=period, unit_ids=units,
            method=_method(method, Method.for_framework(fw), {}),
            label=label or f"{fw.id} {period}", include_simulated=include_simulated,
            uncertainty=UncertaintySpec(n=uncertainty_n, seed=seed) if uncertainty_n else None,
            inputs="reviewed" if include_approved else "public")
        run = compute_run(w, spec)
        out.print(f"Lần tính / run {run.id}: {run.framework_code} {run.period} · {run.status}"
                  + (" · mô phỏng / simulated" if run.simulated else "")
                  + f" · {len(units)} đơn vị / units")


def rebuild_command(
    run_id: Annotated[int, typer.Argument(help="Mã lần tính / run id")],
    data_dir: DataDir = None,
) -> None:
    """Tính lại từ bản ghi, so với bản đã lưu / regenerate a run and compare it.

    The run is computed again from its record (the exact revisions it used, the method) and
    compared with what is stored, bit for bit; exits 1 if anything differs.

    Example: chiso index rebuild 6
    """
    from chiso.workflow.runs import find, rebuild

    with working(data_dir) as w:
        run = find(w, run_id)
        same, n = rebuild(w.session, run, w.catalog.framework(run.framework_code,
                                                              run.framework_version))
    if not same:
        out.print(f"[bold red]Khác[/] / differs: lần tính {run_id} không tái tạo đúng / run "
                  f"{run_id} does not regenerate exactly")
        raise typer.Exit(1)
    out.print(f"Giống hệt / identical: {n} kết quả / results of run {run_id}")


def publish_command(
    run_id: Annotated[int, typer.Argument(help="Mã lần tính / run id")],
    as_user: Annotated[str, typer.Option(
        "--as", help="Tài khoản công bố (quyền publish) / the publishing account")],
    note: Annotated[str, typer.Option(help="Ghi chú / a note for the changelog")] = "",
    data_dir: DataDir = None,
) -> None:
    """Công bố thành kết quả chính thức / make a run the official one.

    The run becomes the official run of its framework and period, the one the public sees by
    default; the one before is superseded. Audited, and shown in the changelog.

    Example: chiso index publish 12 --as bo.duyet --note "Kết quả chính thức 2025"
    """
    from chiso.workflow.runs import publish_run

    with working(data_dir, as_user=as_user) as w:
        run = publish_run(w, run_id, note)
        out.print(f"Đã công bố / published: lần tính / run {run.id} là kết quả chính thức của / "
                  f"is the official run of {run.framework_code} {run.period}")


def list_command(
    framework: Annotated[str | None, typer.Option(help="Khung chỉ số / framework")] = None,
    period: Annotated[str | None, typer.Option(help="Kỳ / period")] = None,
    data_dir: DataDir = None,
) -> None:
    """Liệt kê các lần tính / list index runs with their status.

    Example: chiso index list --framework dti-province-2024
    """
    from chiso.store import runs
    from chiso.workflow.runs import stale_cells

    # one run per line, tab-separated, so scripts can read it
    print("id\tframework\tperiod\tkind\tstatus\tsimulated\tstale\tlabel")
    with working(data_dir) as w:
        for r in runs.runs(w.session, framework, period):
            stale = len(stale_cells(w.session, r))
            print(f"{r.id}\t{r.framework_code}\t{r.period}\t{(r.method or {}).get('kind', '')}\t"
                  f"{r.status}\t{'yes' if r.simulated else 'no'}\t{stale}\t{r.label or ''}")


def register(_app: typer.Typer) -> None:
    """Add run, rebuild, publish and list to `chiso index`."""
    index_app.command("run")(run_command)
    index_app.command("rebuild")(rebuild_command)
    index_app.command("publish")(publish_command)
    index_app.command("list")(list_command)
