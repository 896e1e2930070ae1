"""Benchmark: the PDF briefs of all 34 provinces (goal: ≤ 30 s).

By default from fixture view models, built as tests/report/report_fixture.py builds them (the
real engine on the published DTI 2024: scores, ranks, rank intervals, what it takes). With
`--store DIR`, from a workspace's store as `chiso report brief` makes them (the official DTI
2024 run, the province's figures and sources, what it takes); `--store new` loads the demo into
a temporary folder first (not timed). Either way each is laid out as a two-page PDF by
WeasyPrint; building the view models is timed apart from rendering them.

    .venv/bin/python bench/bench_report.py [--lang vi|en] [--out DIR] [--store DIR|new]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "report"))

import report_fixture as rf

from chiso.framework.schema import Text
from chiso.report.model import Place
from chiso.report.pdf import brief_pdf


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="vi", choices=["vi", "en"])
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--store", default=None)
    args = ap.parse_args()
    if args.store:
        from_store(args)
        return
    start = time.perf_counter()
    _, data, _, _, _ = rf.engine_inputs()
    ranking = {r.name: r for r in rf.ranking().rows}
    models = []
    for name in data.unit_ids:
        row = ranking[name]
        place = Place(row.unit_id, row.code, name, name)
        region = "north" if name in rf.REGIONS["north"][1] else "centre"
        trend = (rf.Series(Text(vi=name, en=name), "unit", rf._series(name, "34")), rf._national())
        models.append(rf.brief(name, place, region, trend=trend))
    built = time.perf_counter()
    pages = 0
    for b in models:
        pdf = brief_pdf(b, args.lang)
        pages += pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{b.place.id}.pdf").write_bytes(pdf)
    done = time.perf_counter()
    load = os.getloadavg()[0]
    print(f"{len(models)} briefs ({args.lang}): view models {built - start:.2f} s, "
          f"PDF {done - built:.2f} s ({(done - built) / len(models):.2f} s each), "
          f"total {done - start:.2f} s; CPU of this process {time.process_time():.2f} s; "
          f"load average {load:.2f}")


def from_store(args: argparse.Namespace) -> None:
    import tempfile

    from chiso.report import from_store as fs
    from chiso.settings import Settings
    from chiso.store import db, runs
    from chiso.workspace import Workspace

    folder = Path(tempfile.mkdtemp()) if args.store == "new" else Path(args.store)
    ws = Workspace(Settings(data_dir=folder))
    if args.store == "new":
        from chiso.demo.load import load_demo

        load_demo(ws, runs=20)
    with db.transaction(ws.ready()) as s:
        run = runs.pick_run(s, "dti-province-2024", "2024")
        assert run is not None
        start = time.perf_counter()
        models = [fs.brief_model(s, uid, run, "http://127.0.0.1:8000")
                  for uid in runs.run_units(s, run.id)]
    built = time.perf_counter()
    for b in models:
        pdf = brief_pdf(b, args.lang)
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{b.place.id}.pdf").write_bytes(pdf)
    done = time.perf_counter()
    print(f"{len(models)} briefs from the store, run {run.id} ({args.lang}): view models "
          f"{built - start:.2f} s, PDF {done - built:.2f} s ({(done - built) / len(models):.2f} s "
          f"each), total {done - start:.2f} s; CPU of this process {time.process_time():.2f} s; "
          f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
