"""Benchmark: start-up of `chiso extract` on a one-line report (goal: at most 0.8 s wall).

Run: .venv/bin/python bench/bench_startup.py [RUNS]

Most of a small command's time is importing; `python -X importtime -m chiso.cli extract FILE`
shows which module costs what.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LINE = "Năm 2024, Chỉ số chuyển đổi số (DTI) của tỉnh Nghệ An xếp thứ 12/63 tỉnh, thành phố.\n"


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    chiso = Path(sys.executable).with_name("chiso")
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "mot-dong.txt"
        report.write_text(LINE, encoding="utf-8")
        cmd = [str(chiso), "extract", str(report)]
        subprocess.run(cmd, check=True, capture_output=True)  # warm the file cache and bytecode
        walls, cpus = [], []
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    print(f"chiso extract, one-line file, {runs} runs: median {statistics.median(walls):.2f} s, "
          f"best {min(walls):.2f} s wall, median {statistics.median(cpus):.2f} s CPU (goal ≤ 0.8 s wall)")


if __name__ == "__main__":
    main()
