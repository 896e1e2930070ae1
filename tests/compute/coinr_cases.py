"""Reading COINr's reference cases (tests/fixtures/coinr_cases, format in its README) and running
chiso on them: the shared part of the differential tests."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from chiso.compute import build
from chiso.compute.build import BuildResult
from chiso.compute.coinr import Meta, read_data, read_meta
from chiso.compute.coinr_call import method_from_call
from chiso.compute.method import Method
from chiso.compute.structure import Dataset
from chiso.errors import ComputeError

CASES = Path(__file__).parents[1] / "fixtures" / "coinr_cases"
REL = 1e-9
# COINr's data set after each step, and chiso's stage that holds it
STAGES = {"Raw": "raw", "Denominated": "denominated", "Imputed": "imputed",
          "Screened": "screened", "Treated": "treated", "Normalised": "normalised"}
STEP_STAGE = {"Denominate": "denominated", "Impute": "imputed", "Screen": "screened",
              "Treat": "treated", "Normalise": "normalised", "Aggregate": "aggregated"}


def names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if p.is_dir())


def number(text: str) -> float:
    if text in ("", "NA"):
        return np.nan
    return {"Inf": np.inf, "-Inf": -np.inf}.get(text, None) or float(text)


def table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@dataclass
class Run:
    """One case: COINr's call and outcome, and what chiso did with it."""

    name: str
    call: dict[str, Any]
    status: dict[str, Any]
    meta: Meta | None = None
    data: Dataset | None = None
    method: Method | None = None
    result: BuildResult | None = None
    trace: dict[str, np.ndarray] = field(default_factory=dict)
    refusal: ComputeError | None = None
    prefix_trace: dict[str, np.ndarray] = field(default_factory=dict)
    prefix_result: BuildResult | None = None

    @property
    def path(self) -> Path:
        return CASES / self.name

    @property
    def steps(self) -> list[dict[str, Any]]:
        return list(self.call["steps"])

    def call_exclude(self) -> list[str]:
        first = self.steps[0]["args"] if self.steps[0]["fn"] == "new_coin" else {}
        ex = first.get("exclude") or []
        return [ex] if isinstance(ex, str) else list(ex)

    def completed_steps(self) -> list[dict[str, Any]]:
        """The steps COINr completed (all, or those before the one that failed)."""
        if self.status["ok"]:
            return self.steps
        return self.steps[: self.status["failed_step"] - 1]


def run(name: str) -> Run:
    r = Run(name, json.loads((CASES / name / "call.json").read_text("utf-8")),
            json.loads((CASES / name / "status.json").read_text("utf-8")))
    try:
        r.meta = read_meta(r.path / "iMeta.csv")
        r.data = read_data(r.path / "iData.csv", r.meta.structure, r.meta.denominator_columns,
                           r.meta.groups)
    except ComputeError as exc:
        r.refusal = exc
        return r
    # what COINr completed, built on its own: every stage COINr wrote can be compared
    if not r.status["ok"]:
        try:
            prefix = method_from_call(r.completed_steps(), r.meta, r.data)
            r.prefix_result = build(r.meta.structure, r.data, prefix, trace=r.prefix_trace)
        except ComputeError:
            pass
    try:
        r.method = method_from_call(r.steps, r.meta, r.data)
        r.result = build(r.meta.structure, r.data, r.method, trace=r.trace)
    except ComputeError as exc:
        r.refusal = exc
    return r


def stage_table(path: Path, columns: list[str]) -> tuple[list[str], np.ndarray]:
    rows = table(path)
    return [x["uCode"] for x in rows], np.array([[number(x[c]) for c in columns] for x in rows])


def close(mine: np.ndarray, ref: np.ndarray, what: str) -> None:
    """Equal within a relative 1e-9 (of the value, or of its column's scale for values that
    cancel to about 0), with missing values in the same cells and infinities equal."""
    mine, ref = np.asarray(mine, dtype=float), np.asarray(ref, dtype=float)
    assert mine.shape == ref.shape, what
    nan_m, nan_r = np.isnan(mine), np.isnan(ref)
    bad = np.argwhere(nan_m != nan_r)
    assert bad.size == 0, f"{what}: missing in different cells, first at {bad[:3].tolist()}"
    inf = np.isinf(ref) | np.isinf(mine)
    assert np.array_equal(mine[inf], ref[inf]), f"{what}: infinities differ"
    ok = ~nan_r & ~inf
    size = np.where(ok, np.abs(ref), 0.0)
    scale = size.max(axis=0, keepdims=True) if ref.ndim > 1 else size.max(initial=0.0)
    tol = REL * np.maximum(np.abs(ref), 1e-6 * scale)
    diff = np.abs(np.where(ok, mine, 0.0) - np.where(ok, ref, 0.0))
    worst = np.where(ok, diff - tol, -np.inf)
    if ok.any() and worst.max() > 0:
        i = np.unravel_index(np.argmax(worst), worst.shape)
        raise AssertionError(f"{what}: cell {tuple(int(v) for v in i)} chiso {mine[i]!r} "
                             f"COINr {ref[i]!r}")
