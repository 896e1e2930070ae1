"""Core commands: init, demo, serve, frameworks."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from chiso.cli import DataDir, app, settings_for
from chiso.framework import load_framework, shipped_ids
from chiso.workspace import Workspace

out = Console()


@app.command()
def init(data_dir: DataDir = None) -> None:
    """Tạo/cập nhật cơ sở dữ liệu; nạp khung chỉ số và đơn vị hành chính.

    Create or upgrade the database and load the shipped frameworks and administrative units.
    Safe to run again.

    Example: chiso init --data-dir ./chiso-data
    """
    ws = Workspace(settings_for(data_dir))
    done = ws.init()
    out.print(
        f"Cơ sở dữ liệu sẵn sàng / database ready: {ws.settings.db_url}\n"
        f"  {done['frameworks']} khung chỉ số / frameworks, "
        f"{done['units_added']} đơn vị mới / units added"
    )


@app.command()
def frameworks(
    tree: Annotated[str | None, typer.Option(help="In cây chỉ số của khung này / print this framework's tree")] = None,
) -> None:
    """Liệt kê các khung chỉ số có sẵn / list the shipped frameworks.

    Examples: chiso frameworks;  chiso frameworks --tree dti-province-2022
    """
    if tree:
        fw = load_framework(tree)
        table = Table("code", "cấp / level", "tên / name", "trọng số / weight", "điểm / points", "đơn vị / unit")
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
