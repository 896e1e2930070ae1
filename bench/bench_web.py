"""Web load benchmark: scorecard JSON and scorecard page latency at 50 concurrent clients.

Goals on the project's 2-core machine: scorecard JSON p95 <= 20 ms, scorecard page p95 <= 50 ms.
Only 127.0.0.1 is ever targeted; every loop is bounded in requests and time.

    .venv/bin/python bench/bench_web.py                      # the web tests' fixture database
    .venv/bin/python bench/bench_web.py --data-dir chiso-data  # a database made by `chiso demo`
    .venv/bin/python bench/bench_web.py --workers 2 --seconds 10

The server is uvicorn with chiso's app (as `chiso serve` runs it). The client is a minimal
asyncio HTTP/1.1 keep-alive client (one connection per simulated client, closed loop, no think
time) so that the client costs as little CPU as possible on the same 2 cores. Besides the warm
figures (the normal case: pages are cached until the data change), each target is also
measured uncached, with one client and a query string that defeats the response cache.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def fixture_database() -> Path:
    sys.path.insert(0, str(ROOT / "tests" / "web"))
    from web_fixture import build  # type: ignore[import-not-found]

    from chiso.store import db

    folder = Path(tempfile.mkdtemp(prefix="chiso-bench-"))
    engine = db.make_engine(f"sqlite:///{folder / 'chiso.sqlite'}")
    db.upgrade(engine)
    build(engine)
    engine.dispose()
    return folder


def start_server(data_dir: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "CHISO_DATA_DIR": str(data_dir)}
    cmd = [sys.executable, "-m", "uvicorn", "chiso.web.app:app_from_env", "--factory",
           "--host", HOST, "--port", str(port), "--workers", str(workers),
           "--log-level", "warning", "--no-access-log"]
    proc = subprocess.Popen(cmd, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://{HOST}:{port}/api/v1/frameworks", timeout=2).read()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the server did not start")


async def one_client(port: int, paths: list[str], stop_at: float, max_requests: int,
                     latencies: list[float], errors: list[str], extra: str) -> None:
    reader, writer = await asyncio.open_connection(HOST, port)
    i = 0
    try:
        while time.monotonic() < stop_at and len(latencies) < max_requests:
            path = paths[i % len(paths)]
            i += 1
            req = f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: keep-alive\r\n{extra}\r\n"
            t0 = time.perf_counter()
            writer.write(req.encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - t0)
            if status != 200:
                errors.append(f"{status} {path}")
    finally:
        writer.close()


async def load(port: int, paths: list[str], clients: int, seconds: float,
               max_requests: int, extra: str = "") -> dict[str, float]:
    latencies: list[float] = []
    errors: list[str] = []
    t0 = time.monotonic()
    stop_at = t0 + seconds
    await asyncio.gather(*(one_client(port, paths[k:] + paths[:k], stop_at, max_requests,
                                      latencies, errors, extra) for k in range(clients)))
    elapsed = time.monotonic() - t0
    if errors:
        raise RuntimeError(f"{len(errors)} non-200 responses, e.g. {errors[:3]}")
    ms = sorted(x * 1000 for x in latencies)
    return {
        "requests": len(ms), "rps": len(ms) / elapsed,
        "p50_ms": ms[len(ms) // 2], "p95_ms": ms[int(len(ms) * 0.95)],
        "p99_ms": ms[int(len(ms) * 0.99)], "max_ms": ms[-1], "mean_ms": statistics.fmean(ms),
    }


def scorecard_paths(port: int) -> tuple[list[str], list[str]]:
    """Scorecard JSON and page URLs for every unit of the default ranking."""
    with urllib.request.urlopen(f"http://{HOST}:{port}/api/v1/ranking", timeout=10) as r:
        ranking = json.load(r)["data"]
    run = ranking["run"]["id"]
    ids = [row["unit"]["id"] for row in ranking["rows"]]
    return ([f"/api/v1/scorecards/{u}?run={run}" for u in ids],
            [f"/province/{u}?run={run}" for u in ids])


def shuffled(paths: list[str], seed: int) -> list[str]:
    out = list(paths)
    random.Random(seed).shuffle(out)
    return out


async def mixed(port: int, paths: list[str], clients: int, seconds: float,
                max_requests: int, extra: str = "") -> dict[str, float]:
    """Every client asks the scorecard JSON and page of random units (its own seeded order)."""
    latencies: list[float] = []
    errors: list[str] = []
    t0 = time.monotonic()
    await asyncio.gather(*(one_client(port, shuffled(paths * 20, k), t0 + seconds, max_requests,
                                      latencies, errors, extra) for k in range(clients)))
    elapsed = time.monotonic() - t0
    if errors:
        raise RuntimeError(f"{len(errors)} non-200 responses, e.g. {errors[:3]}")
    ms = sorted(x * 1000 for x in latencies)
    return {"requests": len(ms), "rps": len(ms) / elapsed, "p50_ms": ms[len(ms) // 2],
            "p95_ms": ms[int(len(ms) * 0.95)], "p99_ms": ms[int(len(ms) * 0.99)],
            "max_ms": ms[-1], "mean_ms": statistics.fmean(ms)}


def import_file_for(data_dir: Path, rows: int) -> Path:
    """A long-format CSV of `rows` chiso-core figures (bench_import's generator)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_import import write_file  # type: ignore[import-not-found]

    from chiso.units.registry import Registry

    reg = Registry.load()
    names = [u.name for u in reg.units(as_of=date(2024, 12, 31), level="province")]
    path = data_dir / f"bench-import-{rows}.csv"
    write_file(path, rows, names)
    return path


def main_mix(args: argparse.Namespace, extra: str) -> int:
    """Issue 19.8: the two endpoints at random units, as users meet them: cold (a fresh server,
    every scorecard asked once), warm, and while a large import runs."""
    data_dir = args.data_dir or fixture_database()
    port = free_port()
    proc = start_server(data_dir, port, args.workers)
    out: dict[str, dict[str, float]] = {}
    try:
        json_paths, page_paths = scorecard_paths(port)
        paths = json_paths + page_paths
        t0 = time.perf_counter()
        cold = asyncio.run(load(port, paths, 1, 600.0, len(paths), extra))
        out["cold: every scorecard once, 1 client"] = {**cold, "total_s": time.perf_counter() - t0}
        out["warm"] = asyncio.run(mixed(port, paths, args.clients, args.seconds,
                                        args.max_requests, extra))
        if args.during_import:
            csv_path = import_file_for(data_dir, args.during_import)
            env = {**os.environ, "CHISO_DATA_DIR": str(data_dir)}
            t_imp = time.perf_counter()
            log = (data_dir / "bench-import.log").open("wb")
            imp = subprocess.Popen([sys.executable, "-m", "chiso.cli", "import", str(csv_path)],
                                   env=env, stdout=log, stderr=subprocess.STDOUT)
            time.sleep(0.5)
            during = asyncio.run(mixed(port, paths, args.clients, args.seconds,
                                       args.max_requests, extra))
            rc = imp.wait(timeout=1800)
            log.close()
            if rc != 0:
                tail = (data_dir / "bench-import.log").read_text(encoding="utf-8")[-600:]
                print(f"the import failed (exit {rc}):\n{tail}", file=sys.stderr)
            during["import_s"] = time.perf_counter() - t_imp
            during["import_rc"] = rc
            out[f"during a {args.during_import:,}-row import"] = during
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    print(f"chiso web benchmark (mix): {args.clients} clients at random units over the scorecard "
          f"JSON and page, {args.seconds:g} s, {os.cpu_count()} cores, data: "
          f"{'fixture' if not args.data_dir else args.data_dir}")
    for name, r in out.items():
        line = (f"  {name}: p50 {r['p50_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms, "
                f"p99 {r['p99_ms']:.1f} ms, max {r['max_ms']:.1f} ms, {r['requests']} requests")
        if "total_s" in r:
            line += f", total {r['total_s']:.2f} s"
        if "import_s" in r:
            line += f"; the import took {r['import_s']:.1f} s (exit {r['import_rc']})"
        print(line)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, help="a chiso data directory (default: fixture database)")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--max-requests", type=int, default=200_000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--gzip", action="store_true", help="send Accept-Encoding: gzip, as browsers do")
    ap.add_argument("--mix", action="store_true",
                    help="both endpoints at random units: cold, warm (and --during-import)")
    ap.add_argument("--during-import", type=int, default=0, metavar="ROWS",
                    help="with --mix: measure while `chiso import` loads ROWS figures")
    args = ap.parse_args()
    extra = "Accept-Encoding: gzip, deflate, br\r\n" if args.gzip else ""
    if args.mix:
        return main_mix(args, extra)

    data_dir = args.data_dir or fixture_database()
    port = free_port()
    proc = start_server(data_dir, port, args.workers)
    goals = {"scorecard JSON": 20.0, "scorecard page": 50.0}
    results = {}
    try:
        json_paths, page_paths = scorecard_paths(port)
        for name, paths in (("scorecard JSON", json_paths), ("scorecard page", page_paths)):
            asyncio.run(load(port, paths, 4, 2.0, 5_000, extra))  # warm up: every URL rendered once
            warm = asyncio.run(load(port, paths, args.clients, args.seconds, args.max_requests, extra))
            cold_paths = [f"{p}&nocache={i}" for i, p in enumerate(paths * 6)]
            cold = asyncio.run(load(port, cold_paths, 1, 5.0, len(cold_paths), extra))
            results[name] = {"warm": warm, "uncached_1_client": cold}
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    print(f"chiso web benchmark: {args.clients} clients, {args.seconds:g} s, "
          f"{args.workers} worker(s), {os.cpu_count()} cores, gzip {'on' if args.gzip else 'off'}, data: "
          f"{'fixture' if not args.data_dir else args.data_dir}")
    ok = True
    for name, r in results.items():
        w, c = r["warm"], r["uncached_1_client"]
        met = w["p95_ms"] <= goals[name]
        ok = ok and met
        print(f"  {name:15s} warm: p50 {w['p50_ms']:.1f} ms, p95 {w['p95_ms']:.1f} ms, "
              f"p99 {w['p99_ms']:.1f} ms, {w['rps']:.0f} req/s ({w['requests']} requests)  "
              f"goal p95 <= {goals[name]:g} ms: {'met' if met else 'NOT met'}")
        print(f"  {'':15s} uncached, 1 client: p50 {c['p50_ms']:.1f} ms, p95 {c['p95_ms']:.1f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
