"""Measuring a child process as the kernel sees it: resident memory and CPU time.

`run_watched` runs a command through this file as a small launcher: the launcher starts it,
samples its resident memory (/proc/<pid>/status) to kill it past a ceiling (so a regression
cannot take the machine down), and reads its exact peak memory and CPU time from wait4. (The
launcher exists because a child forked from pytest itself would count pytest's own memory in
its peak.) `Server` runs `chiso serve` in a child process and reads the same figures while it
keeps running.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

CHISO = [sys.executable, "-m", "chiso.cli"]
TICK = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Watched:
    returncode: int
    stdout: str
    stderr: str
    peak_mb: float  # the child's highest resident memory (ru_maxrss)
    cpu_s: float  # user + system time
    wall_s: float
    killed: bool  # passed the ceiling and was killed


def status_mb(pid: int, field: str = "VmRSS") -> float:
    """A memory figure of a live process from /proc/<pid>/status, in MB (0 if gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a live process has used, from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def run_watched(args: list[str], ceiling_mb: float = 1500, timeout_s: float = 120) -> Watched:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "usage.json"
        with (Path(tmp) / "out").open("w+b") as out, (Path(tmp) / "err").open("w+b") as err:
            subprocess.run([sys.executable, __file__, str(report), str(ceiling_mb),
                            str(timeout_s), *args], stdout=out, stderr=err, check=False,
                           timeout=timeout_s + 30)
            out.seek(0)
            err.seek(0)
            got = json.loads(report.read_text())
            return Watched(got["returncode"], out.read().decode("utf-8", "replace"),
                           err.read().decode("utf-8", "replace"), got["peak_mb"], got["cpu_s"],
                           got["wall_s"], got["killed"])


def _launch(report: str, ceiling_mb: float, timeout_s: float, args: list[str]) -> None:
    """The launcher: run `args`, guard it, write what wait4 says to `report`."""
    start = time.monotonic()
    proc = subprocess.Popen(args)
    killed = threading.Event()

    def guard() -> None:
        while proc.returncode is None:
            if status_mb(proc.pid) > ceiling_mb or time.monotonic() - start > timeout_s:
                killed.set()
                proc.kill()
                return
            time.sleep(0.005)

    watcher = threading.Thread(target=guard, daemon=True)
    watcher.start()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    Path(report).write_text(json.dumps({
        "returncode": proc.returncode, "peak_mb": usage.ru_maxrss / 1024,
        "cpu_s": usage.ru_utime + usage.ru_stime, "wall_s": time.monotonic() - start,
        "killed": killed.is_set()}))


def chiso(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run a chiso command to completion (setup steps)."""
    return subprocess.run([*CHISO, *args], input=stdin, capture_output=True, text=True,
                          check=True, timeout=120)


class Server:
    """`chiso serve` on a free local port, in a child process, killed past `ceiling_mb`."""

    def __init__(self, data_dir: Path, ceiling_mb: float = 1500) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by stop()
        self.proc = subprocess.Popen(
            [*CHISO, "serve", "--port", str(self.port), "--data-dir", str(data_dir)],
            stdout=self.log, stderr=subprocess.STDOUT)
        self.killed = threading.Event()
        threading.Thread(target=self._guard, args=(ceiling_mb,), daemon=True).start()
        self._wait_until_up()

    def _guard(self, ceiling_mb: float) -> None:
        while self.proc.poll() is None:
            if status_mb(self.proc.pid) > ceiling_mb:
                self.killed.set()
                self.proc.kill()
                return
            time.sleep(0.005)

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chiso serve ended: {self.output()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"chiso serve did not start: {self.output()}")

    def rss_mb(self) -> float:
        return status_mb(self.proc.pid)

    def peak_mb(self) -> float:
        return status_mb(self.proc.pid, "VmHWM")

    def reset_peak(self) -> None:
        """Start VmHWM again from the current resident memory (Linux: write 5 to clear_refs)."""
        Path(f"/proc/{self.proc.pid}/clear_refs").write_text("5")

    def cpu_s(self) -> float:
        return cpu_seconds(self.proc.pid)

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")[-4000:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


if __name__ == "__main__":
    _launch(sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4:])
