"""chiso's engine against COINr 1.1.14 on its ASEM example, stage by stage, replication by
replication (reference files in tests/fixtures/asem, copied from COINr's own outputs)."""

from __future__ import annotations

import csv
import gzip
import io
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import yaml

from chiso.compute import Method, build, coinr
from chiso.compute.rank import rank_desc
from chiso.compute.sensitivity import mean_rank_change, sensitivity_indices
from chiso.compute.uncertainty import Engine, Replications, rank_stats

ASEM = Path(__file__).parents[1] / "fixtures" / "asem"
REL = 1e-9


def _csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        path = path.with_name(path.name + ".gz")
        return list(csv.DictReader(io.StringIO(gzip.open(path, "rt", encoding="utf-8").read())))
    return list(csv.DictReader(path.open(encoding="utf-8")))


@pytest.fixture(scope="module")
def asem():
    st, data, dens = coinr.read(ASEM / "input" / "ASEM_iData.csv",
                                ASEM / "input" / "ASEM_iMeta.csv")
    method = Method.from_dict({**yaml.safe_load((ASEM / "method.yaml").read_text()),
                               "denominators": dens})
    return st, data, method


def _close(mine: np.ndarray, ref: np.ndarray) -> None:
    assert np.array_equal(np.isnan(mine), np.isnan(ref))
    ok = ~np.isnan(ref)
    np.testing.assert_allclose(mine[ok], ref[ok], rtol=REL, atol=1e-12)


@pytest.mark.parametrize("stage, file", [
    ("denominated", "dset_Denominated.csv"), ("imputed", "dset_Imputed.csv"),
    ("screened", "dset_Screened.csv"), ("treated", "dset_Treated.csv"),
    ("normalised", "dset_Normalised.csv"),
])
def test_every_stage_equals_coinr(asem, stage: str, file: str) -> None:
    st, data, method = asem
    result = build(st, data, method)
    rows = _csv(ASEM / "build" / file)
    pos = [data.unit_ids.index(r["uCode"]) for r in rows]
    ref = np.array([[float(r[c]) if r[c] not in ("", "NA") else np.nan for c in st.tree.leaves]
                    for r in rows])
    _close(result.stages[stage][pos], ref)


def test_aggregates_and_ranks_equal_coinr(asem) -> None:
    st, data, method = asem
    result = build(st, data, method)
    rows = _csv(ASEM / "build" / "results_aggregates_ranked.csv")
    pos = [data.unit_ids.index(r["uCode"]) for r in rows]
    for node in st.tree.aggregates:
        _close(result.scores[node][pos], np.array([float(r[node]) for r in rows]))
    assert result.ranks["Index"][pos].tolist() == [float(r["Rank"]) for r in rows]
    assert result.screened_out == []


def test_treatment_winsorises_the_same_points(asem) -> None:
    st, data, method = asem
    result = build(st, data, method)
    details = {d.indicator: d for d in result.treated}
    for r in _csv(ASEM / "build" / "treat_details.csv"):
        d = details[r["iCode"]]
        assert d.passed_before == (r["check_SkewKurt0.Pass"] == "TRUE")
        assert d.skew == pytest.approx(float(r["check_SkewKurt0.Skew"]), rel=REL)
        if r["winsorise.nwin"]:
            assert d.winsorised == int(r["winsorise.nwin"])


RUNS = ["UA_weights+norm_N100", "UA_weights+norm_N1000", "SA_weights+norm_N100",
        "UA_vignette4_N100"]


def _replicate(asem, run: str) -> tuple[np.ndarray, list[dict[str, str]]]:
    st, data, method = asem
    alts, picks = coinr.read_params(ASEM / "sensitivity" / f"{run}_params.csv", st)
    eng = Engine(st, data, method, **alts)
    reps = Replications(picks["weights"], picks["normalisation"], picks["winmax"],
                        picks["aggregation"])
    rows = _csv(ASEM / "sensitivity" / f"{run}_scores.csv")
    pos = [data.unit_ids.index(r["uCode"]) for r in rows]
    return eng.root_scores(reps)[:, pos], rows


@pytest.mark.parametrize("run", RUNS)
def test_every_replication_rebuilt_from_its_parameters_equals_coinr(asem, run: str) -> None:
    scores, rows = _replicate(asem, run)
    ref = np.array([[float(r[f"r_{k + 1}"]) for r in rows] for k in range(scores.shape[0])])
    _close(scores, ref)


@pytest.mark.parametrize("run", RUNS)
def test_rank_statistics_equal_coinr(asem, run: str) -> None:
    scores, rows = _replicate(asem, run)
    if run.startswith("SA"):
        scores = scores[:200]  # COINr's SA rank statistics are over samples A and B
    mean, median, q05, q95 = rank_stats(rank_desc(scores))
    stats = _csv(ASEM / "sensitivity" / f"{run}_rankstats.csv")
    nominal = rank_desc(np.array([float(r["Nominal"]) for r in rows]))
    assert nominal.tolist() == [float(s["Nominal"]) for s in stats]
    for mine, col in ((mean, "Mean"), (median, "Median"), (q05, "Q5"), (q95, "Q95")):
        np.testing.assert_allclose(mine, [float(s[col]) for s in stats], rtol=REL, atol=1e-9)


def test_sensitivity_indices_equal_coinr(asem) -> None:
    scores, rows = _replicate(asem, "SA_weights+norm_N100")
    nominal = np.array([float(r["Nominal"]) for r in rows])
    y = mean_rank_change(scores, nominal)
    res = sensitivity_indices(y, 100, ("Weights", "Normalisation"), bootstrap=500, seed=1)
    ref = {r["Variable"]: r
           for r in _csv(ASEM / "sensitivity" / "SA_weights+norm_N100_sensitivity_indices.csv")}
    for i, name in enumerate(res.names):
        assert res.si[i] == pytest.approx(float(ref[name]["Si"]), rel=REL)
        assert res.sti[i] == pytest.approx(float(ref[name]["STi"]), rel=REL)
        assert res.si_q05[i] <= res.si[i] <= res.si_q95[i] or name == "Normalisation"
        assert res.sti_q05[i] <= res.sti_q95[i]


def test_cli_build_and_uncertainty_on_coinr_files(tmp_path: Path) -> None:
    args = ["--coinr-data", str(ASEM / "input" / "ASEM_iData.csv"),
            "--coinr-meta", str(ASEM / "input" / "ASEM_iMeta.csv"), "--method",
            str(ASEM / "method.yaml")]
    out = tmp_path / "scores.csv"
    res = subprocess.run([sys.executable, "-m", "chiso.cli", "index", "build", *args, "--out",
                          str(out)],
                         capture_output=True, text=True, check=False)
    assert res.returncode == 0, res.stderr
    rows = {(r["unit"], r["node"]): r for r in csv.DictReader(out.open())}
    ref = _csv(ASEM / "build" / "results_aggregates_ranked.csv")
    for r in ref:
        assert float(rows[(r["uCode"], "Index")]["score"]) == pytest.approx(float(r["Index"]),
                                                                            rel=REL)
        assert int(rows[(r["uCode"], "Index")]["rank"]) == int(r["Rank"])
    unc = tmp_path / "ranks.csv"
    res = subprocess.run([sys.executable, "-m", "chiso.cli", "index", "uncertainty", *args,
                          "--runs", "50", "--seed", "3", "--norm", "minmax:a=1,b=100",
                          "--norm", "zscore:mean=10,sd=2",
                          "--out", str(unc)], capture_output=True, text=True, check=False)
    assert res.returncode == 0, res.stderr
    got = list(csv.DictReader(unc.open()))
    assert len(got) == 51 and set(got[0]) == {"unit", "nominal_rank", "mean_rank", "median_rank",
                                              "q05_rank", "q95_rank"}
    assert all(float(g["q05_rank"]) <= float(g["median_rank"]) <= float(g["q95_rank"]) for g in got)


def test_cli_refuses_missing_inputs(tmp_path: Path) -> None:
    res = subprocess.run([sys.executable, "-m", "chiso.cli", "index", "build", "--out",
                          str(tmp_path / "x")],
                         capture_output=True, text=True, check=False)
    assert res.returncode == 1 and "--coinr-data" in res.stderr
