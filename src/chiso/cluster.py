"""Dask for big runs: the tasks of an uncertainty analysis run on a Dask cluster when asked.

    local            a distributed.LocalCluster on this machine, one worker process per core
    local:WORKERS    the same with WORKERS worker processes
    tcp://HOST:PORT  a running Dask scheduler (its workers need chiso installed, same version)

Dask is an optional extra (`pip install 'chiso[dask]'`), imported here and only when a cluster
is asked for. The result does not depend on where tasks run: chiso.compute.uncertainty splits
the replications into independently seeded chunks and adds their rank counts exactly.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from chiso.errors import ClusterError, InvalidInput

if TYPE_CHECKING:
    from chiso.compute.tally import RankTally, Runner

_LOCAL = re.compile(r"local(?::(\d+))?")
_REMOTE = re.compile(r"tcp://[^\s/:]+:\d+")


@dataclass(frozen=True)
class Address:
    """Where to run: a local cluster of `workers` (None: one per core), or a scheduler."""

    text: str
    workers: int | None = None
    scheduler: str | None = None


def parse(text: str) -> Address:
    """`local`, `local:WORKERS` or `tcp://HOST:PORT`."""
    text = text.strip()
    if m := _LOCAL.fullmatch(text):
        workers = int(m.group(1)) if m.group(1) else None
        if workers is not None and not 1 <= workers <= 256:
            raise InvalidInput(f"--dask {text}: số worker phải từ 1 đến 256 (ví dụ local:2).",
                               f"--dask {text}: the number of workers must be 1 to 256 "
                               "(e.g. local:2).")
        return Address(text, workers=workers)
    if _REMOTE.fullmatch(text):
        return Address(text, scheduler=text)
    raise InvalidInput(
        f"--dask '{text}' không hợp lệ: dùng local, local:2 hoặc tcp://MÁY:CỔNG.",
        f"--dask '{text}' is not valid: use local, local:2 or tcp://HOST:PORT.")


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ClusterError(
            "Chưa cài Dask, cần cho --dask: hãy cài `pip install 'chiso[dask]'`, hoặc bỏ --dask "
            "(và CHISO_DASK) để chạy trong tiến trình này.",
            "Dask, needed for --dask, is not installed: run `pip install 'chiso[dask]'`, or "
            "leave out --dask (and CHISO_DASK) to run in this process.") from None
    return distributed


class DaskRunner:
    """A chiso.compute Runner on a Dask client: the shared inputs are sent to every worker
    once, each task is one future, results come back as they finish."""

    def __init__(self, client: Any) -> None:
        self.client = client

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info()["workers"]))

    def __call__(self, fn: Callable[..., RankTally], shared: tuple[Any, ...],
                 tasks: Sequence[Any]) -> Iterable[RankTally]:
        distributed = _distributed()
        # hash=False: each run's inputs under keys of its own, so a run that ends (and releases
        # its inputs) never takes away those of another run that sent the same data
        sent = [self.client.scatter(s, broadcast=True, hash=False) for s in shared]
        futures = [self.client.submit(fn, *sent, t, pure=False) for t in tasks]
        try:
            for fut in distributed.as_completed(futures):
                yield fut.result()
                fut.release()
        finally:
            for fut in futures:
                fut.cancel()


@contextmanager
def connect(text: str) -> Iterator[DaskRunner]:
    """A runner on the cluster `text` names (started here for local, closed afterwards)."""
    address = parse(text)
    distributed = _distributed()
    cluster = None
    try:
        if address.scheduler is None:
            cluster = distributed.LocalCluster(
                n_workers=address.workers, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR)
            client = distributed.Client(cluster)
        else:
            client = distributed.Client(address.scheduler, timeout="10s")
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(
            f"Không kết nối được cụm Dask {text} ({exc}): hãy kiểm tra địa chỉ và bộ lập lịch "
            "(dask scheduler) đang chạy, hoặc dùng --dask local.",
            f"Cannot reach the Dask cluster {text} ({exc}): check the address and that the "
            "scheduler is running, or use --dask local.") from None
    try:
        yield DaskRunner(client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@contextmanager
def maybe_connect(text: str | None) -> Iterator[DaskRunner | None]:
    """`connect(text)`, or None (run in this process) when no cluster is asked for."""
    if not text:
        yield None
        return
    with connect(text) as runner:
        yield runner


def worker_count(runner: Runner | None) -> int:
    """How many tasks to split a run into: one per worker (one here)."""
    return runner.workers if isinstance(runner, DaskRunner) else 1
