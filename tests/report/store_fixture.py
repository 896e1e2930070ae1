"""A demo workspace for the documents read from the store: the demo (published DTI 2022–2024,
recomputed runs, chiso-core on labelled simulated data), plus a published file of the figures a
leader's gaps are counted from for Thái Nguyên (vn34-19), imported through `chiso import`.

The three provinces of the briefs: Thái Nguyên (formed on 1/7/2025 from Thái Nguyên and Bắc
Kạn), Huế (renamed, not merged) and Lạng Sơn on the simulated chiso-core 2025 run.
"""

from __future__ import annotations

import csv
from pathlib import Path

from typer.testing import CliRunner

from chiso.cli import app
from chiso.demo.load import load_demo
from chiso.settings import Settings
from chiso.workspace import Workspace

SOURCE = "Tệp kiểm thử chiso (số liệu giả định cho kiểm thử)"
# the leader's inputs: (unit, indicator, kind, value as written)
LEADER = [
    ("vn34-19", "population", "actual", "1799489"),
    ("vn34-19", "smartphone_per_100", "actual", "72,4"),
    ("vn34-19", "it_budget_vnd", "actual", "45000000000"),
    ("vn34-19", "it_budget_share", "actual", "0,3"),
    ("vn34-19", "bts_stations_count", "actual", "3120"),
    ("vn34-19", "infra_sharing_share", "actual", "9"),
    ("VN", "smartphone_per_100", "national_average", "80,2"),
]
# province, period, what it is
BRIEFS = {"thai_nguyen": ("vn34-19", "2024", "merged"), "hue": ("vn34-46", "2024", "not merged"),
          "lang_son": ("vn34-20", "2025", "simulated")}
runner = CliRunner()


def make_workspace(folder: Path) -> Workspace:
    ws = Workspace(Settings(data_dir=folder))
    load_demo(ws, runs=20)
    path = folder / "leader.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["unit", "indicator", "period", "kind", "value"])
        out.writerows([u, i, "2024", k, v] for u, i, k, v in LEADER)
    res = runner.invoke(app, ["import", str(path), "--publish", "--source", SOURCE,
                              "--data-dir", str(folder)])
    assert res.exit_code == 0, res.output
    return ws
