"""`chiso publish`: publish a period's approved figures as a named ministry account."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from chiso.cli import DataDir, working

out = Console()


def publish(
    framework: Annotated[str, typer.Argument(help="Khung chỉ số / framework, e.g. chiso-core")],
    period: Annotated[str, typer.Argument(help="Kỳ / period, e.g. 2024")],
    as_user: Annotated[str, typer.Option(
        "--as", help="Tài khoản công bố (quyền publish) / the publishing account (needs "
                     "'publish')")],
    note: Annotated[str, typer.Option(
        help="Ghi chú cho lịch sử công bố / a note for the changelog")] = "",
    data_dir: DataDir = None,
) -> None:
    """Công bố số liệu đã duyệt của một kỳ / publish a period's approved figures.

    The same as the web's Publish button: every approved figure of the framework's indicators
    for the period (actual figures, targets, national averages, benchmarks) becomes what the
    public sees, and the changelog records what changed since the last publication. The account
    must be an active ministry admin or reviewer; the audit log names it.

    Example:
      chiso publish dti-province-2024 2024 --as bo.duyet --note "Công bố chính thức"
    """
    from chiso.workflow import publish as pub

    with working(data_dir, as_user=as_user) as w:
        res = pub.publish(w, framework, period, note)
        p = res.publication
        out.print(f"Đã công bố / published {p.framework_code} {p.period}, "
                  f"lần / release {p.number}: thêm / added {res.added}, "
                  f"đổi / changed {res.changed}, bỏ / removed {res.removed}")


def register(app: typer.Typer) -> None:
    """Add `chiso publish` to the main command."""
    app.command("publish")(publish)
