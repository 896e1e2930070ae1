"""Benchmark: the PDF briefs of all 34 provinces from fixture view models (goal: ≤ 30 s).

Each brief is built as tests/report/report_fixture.py builds them (the real engine on the
published DTI 2024: scores, ranks, rank intervals, what it takes), then laid out as a two-page
PDF by WeasyPrint. Building the view models is timed apart from rendering them.

    .venv/bin/python bench/bench_report.py [--lang vi|en] [--out DIR]
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
    args = ap.parse_args()
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
          f"total {done - start:.2f} s; load average {load:.2f}")


if __name__ == "__main__":
    main()
