"""Core commands: init, demo, serve, frameworks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from chiso.cli import DataDir, app, settings_for
from chiso.framework import load_framework, shipped_ids

if TYPE_CHECKING:
    from chiso.workspace import Workspace

out = Console()


@app.command()
def init(data_dir: DataDir = None) -> None:
    """Tạo/cập nhật cơ sở dữ liệu; nạp khung chỉ số và đơn vị hành chính.

    Create or upgrade the database and load the shipped frameworks and administrative units.
    Safe to run again.

    Example: chiso init --data-dir ./chiso-data
    """
    from chiso.workspace import Workspace

    ws = Workspace(settings_for(data_dir))
    done = ws.init()
    out.print(
        f"Cơ sở dữ liệu sẵn sàng / database ready: {ws.settings.db_url}\n"
        f"  {done['frameworks']} khung chỉ số / frameworks, "
        f"{done['units_added']} đơn vị mới / units added"
    )


@app.command()
def frameworks(
    tree: Annotated[str | None, typer.Option(
        help="In cây chỉ số của khung này / print this framework's tree")] = None,
    import_file: Annotated[Path | None, typer.Option(
        "--import", help="Nhập khung từ XLSX (mỗi dòng một chỉ số thành phần) hoặc YAML / "
                         "import a framework from XLSX (one row per component) or YAML")] = None,
    id: Annotated[str | None, typer.Option(
        "--id", help="Mã khung khi nhập / the imported framework's id")] = None,
    version: Annotated[str | None, typer.Option(help="Phiên bản khi nhập / its version")] = None,
    name: Annotated[str | None, typer.Option(help="Tên khung khi nhập / its name")] = None,
    issuer: Annotated[str | None, typer.Option(
        help="Đơn vị ban hành (ministry hoặc mã tỉnh) / issuer")] = None,
    year: Annotated[int | None, typer.Option(help="Năm đánh giá / the year it assesses")] = None,
    level: Annotated[str | None, typer.Option(
        help="Cấp đơn vị được đánh giá: commune | department | province | ministry")] = None,
    compare: Annotated[list[str] | None, typer.Option(
        help="So sánh hai khung qua bộ lõi chung (ghi hai lần) / compare two frameworks through "
             "the common core (give twice)")] = None,
    data_dir: DataDir = None,
) -> None:
    """Liệt kê các khung chỉ số có sẵn / list the shipped frameworks; nhập một khung / import one.

    Examples: chiso frameworks;  chiso frameworks --tree dti-province-2022;
    chiso frameworks --import bo-chi-so-xa.xlsx --id commune-vn34-79-2025 --issuer vn34-79 \
--year 2025 --level commune
    """
    if compare:
        _compare(compare)
        return
    if import_file is not None:
        from chiso.cli import working
        from chiso.workflow.frameworks import import_framework

        with working(data_dir) as w:
            fw = import_framework(w, import_file, id=id, version=version, name=name,
                                  issuer=issuer, year=year, unit_level=level)
        out.print(f"Đã nhập khung / imported framework {fw.id} {fw.version}: "
                  f"{len(fw.indicators())} chỉ số thành phần / components, "
                  f"{fw.total_points:g} điểm / points")
        return
    if tree:
        fw = load_framework(tree)
        table = Table("code", "cấp / level", "tên / name", "trọng số / weight", "điểm / points",
                      "đơn vị / unit")
        depth = {fw.root.code: 0}
        for node in fw.nodes():
            for c in node.children:
                depth[c.code] = depth[node.code] + 1
            table.add_row(
                "  " * depth[node.code] + node.code, node.level, f"{node.name.vi} / {node.name.en}",
                "" if node.weight is None else f"{node.weight:g}",
                "" if node.max_points is None else f"{node.max_points:g}", node.unit or "",
            )
        out.print(table)
        return
    table = Table("id", "version", "tên / name", "chỉ tiêu / indicators", "tính điểm / scored")
    for fid in shipped_ids():
        fw = load_framework(fid)
        table.add_row(fw.id, fw.version, f"{fw.name.vi}\n{fw.name.en}",
                      str(len(fw.indicators())), str(len(fw.scored_indicators())))
    out.print(table)


def _compare(refs: list[str]) -> None:
    from chiso.errors import FrameworkError
    from chiso.framework.compare import compare as compare_frameworks

    if len(refs) != 2:
        raise FrameworkError("Hãy ghi đúng hai khung: --compare A --compare B.",
                             "Give exactly two frameworks: --compare A --compare B.")
    res = compare_frameworks(load_framework(refs[0]), load_framework(refs[1]))
    words = {"points": "so điểm / points", "values": "so giá trị / values",
             "none": "không so được / not comparable"}
    table = Table("core", res.left, res.right, "so sánh / compare", "vì sao / why")
    for m in res.items:
        table.add_row(m.core, ", ".join(m.left) or "–", ", ".join(m.right) or "–",
                      words[m.holds], f"{m.why_vi} / {m.why_en}")
    out.print(table)
    out.print(f"Chưa gắn với bộ lõi / not mapped: {len(res.unmapped_left)} ({res.left}), "
              f"{len(res.unmapped_right)} ({res.right})")
    out.print("Tổng điểm so sánh được / totals comparable: "
              + ("có / yes" if res.totals_comparable else "không / no"))


@app.command()
def demo(
    data_dir: DataDir = None,
    serve: Annotated[bool, typer.Option(
        "--serve/--no-serve",
        help="Chạy trang web sau khi nạp / serve the web app after loading")] = True,
    port: Annotated[int, typer.Option(help="Cổng / port")] = 8000,
    runs: Annotated[int, typer.Option(
        help="Số lần mô phỏng Monte Carlo / Monte Carlo replications")] = 1000,
) -> None:
    """Chạy bản trình diễn: nạp dữ liệu, tính chỉ số, mở trang web.

    Run the demo: create the data directory and its SQLite database, load the frameworks, the
    administrative units, the real figures (4 seed reports, published DTI) and labelled simulated
    figures, compute the indices with their uncertainty, then serve http://127.0.0.1:8000.

    Examples: chiso demo;  chiso demo --no-serve --data-dir /tmp/chiso-demo
    """
    import time

    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from chiso.demo.load import load_demo
    from chiso.workspace import Workspace

    started = time.perf_counter()
    ws = Workspace(settings_for(data_dir))
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=out, transient=False) as progress:
        task: list[int] = []

        def step(message: str) -> None:
            if task:
                progress.update(task[-1], completed=1, total=1)
            task.append(progress.add_task(message, total=None))

        summary = load_demo(ws, step, runs=runs)
        progress.update(task[-1], completed=1, total=1)
    out.print(
        f"Đã nạp / loaded: {summary.figures_added} số liệu thật mới / new real figures, "
        f"{summary.figures_simulated} số liệu mô phỏng mới / new simulated figures, "
        f"{len(summary.runs)} lần tính / runs — {time.perf_counter() - started:.1f} s"
    )
    if not serve:
        _print_scores(ws, summary)
        return
    from chiso.cli.web import serve as serve_app

    out.print(f"chiso: http://127.0.0.1:{port}  (Ctrl+C để dừng / to stop)")
    serve_app(ws.settings, port=port)


def _print_scores(ws: Workspace, summary: object) -> None:
    """Each province's scores in the newest real and simulated runs, as a table."""
    from chiso.numbers import format_vi
    from chiso.store import db, runs, units

    with db.session_factory(ws.engine)() as s:
        names = {u.id: u.name for u in units.units(s)}
        for run in summary.runs:  # type: ignore[attr-defined]
            if run.period not in ("2024", "2025"):
                continue
            fw = load_framework(run.framework_code)
            rows = [r for r in runs.results(s, run.id) if r.node_code == fw.root.code and r.rank]
            table = Table("hạng / rank", "tỉnh / province", "điểm / score", "5–95 %",
                          title=f"{run.label} — {run.period}")
            for r in sorted(rows, key=lambda r: r.rank):
                band = "" if r.rank_q05 is None else f"{r.rank_q05:.0f}–{r.rank_q95:.0f}"
                table.add_row(str(r.rank), names.get(r.unit_id, r.unit_id),
                              format_vi(r.score, 4), band)
            out.print(table)
