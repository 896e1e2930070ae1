"""Benchmark: extraction throughput (MB of report text per second). Goal: at least 1 MB/s.

Run: .venv/bin/python bench/bench_extract.py [MEGABYTES]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from chiso.extract import extract_text
from chiso.extract.indicators import alias_index

FIXTURES = Path(__file__).parents[1] / "tests" / "fixtures"


def corpus(megabytes: float) -> list[str]:
    """Real report text: the development corpus (121 excerpts, every genre) and the four seeds,
    repeated until the size is reached."""
    paths = sorted((FIXTURES / "corpus" / "texts").glob("*.txt")) + sorted((FIXTURES / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    out, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        t = texts[i % len(texts)]
        out.append(t)
        size += len(t.encode("utf-8"))
        i += 1
    return out


def main() -> None:
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    docs = corpus(mb)
    alias_index()  # load the framework and the unit registry once, as a long-running process would
    extract_text("Tỉnh Bến Tre đạt 50%.", "warm.txt")
    size = sum(len(t.encode("utf-8")) for t in docs)
    start, cpu = time.perf_counter(), time.process_time()
    n = matched = 0
    for i, t in enumerate(docs):
        cands = extract_text(t, f"doc{i}.txt")
        n += len(cands)
        matched += sum(1 for c in cands if c.matched)
    secs, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{len(docs)} reports, {size / 1e6:.1f} MB, {n} figures ({matched} matched) in {secs:.2f} s "
          f"({cpu:.2f} s CPU): {size / 1e6 / secs:.2f} MB/s wall, {size / 1e6 / cpu:.2f} MB/s CPU "
          "(goal ≥ 1 MB/s)")


if __name__ == "__main__":
    main()
