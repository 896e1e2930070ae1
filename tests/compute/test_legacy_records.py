"""Method and uncertainty records stored before issue 14 give the same numbers, bit for bit.

tests/fixtures/compute_legacy/records.json.gz was written by make_records.py there, with the
engine as it was at the commit named in the file: today's `Method.to_dict()` and
`UncertaintySpec.to_dict()` of the shipped frameworks' defaults and of 27 variants of the ASEM
method, with hashes of every stage, score and rank, and of the uncertainty replications.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from chiso.compute import Dataset, Method, Structure, UncertaintySpec, build, coinr, uncertainty
from chiso.framework import load_framework

FIXTURES = Path(__file__).parents[1] / "fixtures"
with gzip.open(FIXTURES / "compute_legacy" / "records.json.gz", "rt", encoding="utf-8") as _fh:
    RECORDS = json.load(_fh)["cases"]


def _hash(a: Any) -> str:
    a = np.asarray(a, dtype=float)
    a = np.where(np.isnan(a), np.nan, a)
    return hashlib.sha256(np.ascontiguousarray(a).tobytes()).hexdigest()


def _list(a: Any) -> list[float | None]:
    return [None if np.isnan(v) else float(v) for v in np.asarray(a, dtype=float).ravel()]


@pytest.fixture(scope="module")
def asem() -> tuple[Structure, Dataset]:
    st, data, _ = coinr.read(FIXTURES / "asem" / "input" / "ASEM_iData.csv",
                             FIXTURES / "asem" / "input" / "ASEM_iMeta.csv")
    return st, data


@pytest.mark.parametrize("case", RECORDS, ids=[c["name"] for c in RECORDS])
def test_a_stored_method_record_rebuilds_bit_for_bit(case: dict[str, Any], asem) -> None:
    if case["framework"] == "asem":
        st, data = asem
    else:
        st = Structure.of(load_framework(case["framework"]))
        d = case["data"]
        values = np.array([[np.nan if v is None else v for v in row] for row in d["values"]])
        data = Dataset(d["unit_ids"], d["indicators"], values)
    method = Method.from_dict(case["method"])
    want = case["out"]
    r = build(st, data, method)
    if str(method.weights).startswith("pca"):
        # PCA's loadings come from LAPACK, whose last bits depend on the kernel OpenBLAS picks
        # for the CPU (Haswell, SkylakeX...): the same record gives the same numbers to 1e-12,
        # and the same ranks, on any machine; bit for bit only on the same kind of CPU
        assert _list(r.scores[r.nodes[-1]]) == pytest.approx(want["root_scores"], rel=1e-12)
        assert _list(r.ranks[r.nodes[-1]]) == want["root_ranks"]
        assert r.effective_weights == pytest.approx(want["effective_weights"], rel=1e-12)
        return
    assert {k: _hash(v) for k, v in r.stages.items() if k in want["stages"]} == want["stages"]
    assert {k: _hash(v) for k, v in r.scores.items()} == want["scores"]
    assert {k: _hash(v) for k, v in r.ranks.items()} == want["ranks"]
    assert r.effective_weights == want["effective_weights"]
    # which indicators passed and which were logged; counts and points follow COINr since
    # issue 14 (tied extremes count one each, logged points are marked), not the numbers
    assert [[d.indicator, d.passed_before, d.log] for d in r.treated] == [
        [t[0], t[1], t[3]] for t in want["treated"]]
    assert r.screened_out == want["screened_out"]
    if case["uncertainty"] is None:
        return
    spec = UncertaintySpec.from_dict(case["uncertainty"])
    u = uncertainty(st, data, method, spec)
    got = {"scores": _hash(u.scores), "ranks": _hash(u.ranks), "nominal": _list(u.nominal_rank),
           "mean": _list(u.mean_rank), "median": _list(u.median_rank), "q05": _list(u.q05_rank),
           "q95": _list(u.q95_rank)}
    if spec.normalisations or spec.winmax or spec.aggregations:
        # the nominal ranks are the build's own since issue 14, no longer those of the first
        # alternatives (runs store the build's ranks, never these)
        got["nominal"] = want["uncertainty"]["nominal"] = _list(r.ranks[r.nodes[-1]])
    assert got == want["uncertainty"]
    # (the record's sensitivity indices measured rank changes against the first alternatives,
    # not the build: they changed with the nominal ranks and are checked against COINr instead)
