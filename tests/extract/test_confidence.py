"""The confidence tables: `FITTED` is what scripts/fit_confidence.py --unseen fits from the stored
records of reports no rule was developed on, and a candidate's confidence never falls as its
step rises."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from chiso.extract import confidence, extract_text

ROOT = Path(__file__).parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("fit_confidence",
                                                  ROOT / "scripts" / "fit_confidence.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_fitted_table_is_what_the_unseen_records_give():
    fit = _script()
    records = fit.load_unseen()
    assert len(records) > 200 and {r["round"] for r in records} >= {"round 3", "round 4d"}
    manifest = [json.loads(x) for x in (ROOT / "tests" / "fixtures" / "corpus"
                                        / "manifest.jsonl").open(encoding="utf-8")]
    dev = {d["doc"] for d in manifest if d["part"] == "dev"}
    assert {r["doc"] for r in records} <= dev  # the held-out part is never fitted to
    assert fit.fit(records) == confidence.FITTED


def test_the_confidence_never_falls_as_the_step_rises():
    steps = [round(0.05 * k, 2) for k in range(21)]
    for kind in ("actual", "benchmark", "national_average", "target"):
        for read in (confidence.fitted, confidence.developed):
            values = [read(s, kind) for s in steps]
            assert values == sorted(values), (read.__name__, kind)
    for table in (confidence.FITTED, confidence.DEVELOPED):
        for group, rows in table.items():
            assert [p for _, p in rows] == sorted(p for _, p in rows), group
            assert all(0 < p < 1 for _, p in rows)


def test_a_candidate_carries_the_unseen_rate_and_is_reviewed_on_the_developed_one():
    text = "Năm 2024, tỉnh Bến Tre có 4.500 doanh nghiệp công nghệ số."
    cands = [c for c in extract_text(text, "t.txt") if c.matched]
    assert cands and all(c.step is not None for c in cands)
    for c in cands:
        assert c.confidence == confidence.fitted(c.step, c.kind)
        assert c.needs_look == (not confidence.sure(c.step, c.kind))
    raw = [c for c in extract_text(text, "t.txt", calibrate=False) if c.matched]
    assert [c.confidence for c in raw] == [c.step for c in cands]
