"""Extraction scored on the four seed reports against the hand-checked gold rows."""

from __future__ import annotations

import json
from pathlib import Path

from chiso.extract import extract_file
from chiso.extract.evaluate import score

FIXTURES = Path(__file__).parents[1] / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
GOLD = [json.loads(line)
        for line in (FIXTURES / "gold" / "seed_observations.jsonl").open(encoding="utf-8")]


def test_seed_reports_meet_precision_and_recall():
    # what extraction is sure of, as the corpus is scored: "needs a look" goes to review, not here
    predicted = [c.as_row() for path in SEEDS for c in extract_file(path)
                 if c.matched and not c.needs_look]
    result = score(predicted, GOLD)
    print(f"\nextract on {len(SEEDS)} seeds: precision {result.precision:.3f}, "
          f"recall {result.recall:.3f} "
          f"({result.true_positives} hits, {len(result.false_positives)} false, "
          f"{len(result.missed)} missed)")
    for p in result.false_positives:
        print("  false:", p["doc"], p["unit"], p["indicator"], p["kind"], p["value"],
              p["target_year"])
    for g in result.missed:
        print("  missed:", g["doc"], g["unit"], g["indicator"], g["kind"], g["value"],
              g["target_year"])
    assert len(SEEDS) == 4
    assert result.precision >= 0.95
    assert result.recall >= 0.90
    # and no ground lost by the rules: what they place holds 66 hits, 2 false, 1 missed since
    # round 3 (a rule that cost two seed figures in the seventh session passed the goal's
    # thresholds unseen); review's triage sends one of them, a national average read at a low
    # step ("Mức trung bình toàn quốc là 0,3 – 0,35%", rated 0.44), for a look
    placed = score([c.as_row() for path in SEEDS for c in extract_file(path) if c.placed], GOLD)
    assert placed.true_positives >= 66 and len(placed.false_positives) <= 2
    assert result.true_positives >= 65 and len(result.false_positives) <= 2


def test_rows_have_the_gold_fields_and_point_at_their_quote():
    text = (SEEDS[0]).read_text(encoding="utf-8")
    rows = [c.as_row() for c in extract_file(SEEDS[0]) if c.matched]
    assert rows
    for row in rows:
        assert set(row) == {"doc", "unit", "indicator", "kind", "value", "value_high", "qualifier",
                            "year", "target_year", "quote", "span", "confidence"}
        start, end = row["span"]
        assert text[start:end] in row["quote"]
        assert 0 < row["confidence"] <= 1
        assert row["qualifier"] in ("eq", "approx", "gt", "lt", "ge", "le")


def test_scoring_counts_optional_rows_as_neither():
    gold = [
        {"doc": "d", "unit": "A", "indicator": "x", "kind": "actual", "target_year": None,
         "value": 10, "required": True},
        {"doc": "d", "unit": "A", "indicator": "y", "kind": "actual", "target_year": None,
         "value": 5, "required": False},
    ]
    pred = [
        {"doc": "d", "unit": "A", "indicator": "x", "kind": "actual", "target_year": None,
         "value": 10.04},
        {"doc": "d", "unit": "A", "indicator": "y", "kind": "actual", "target_year": None,
         "value": 5},
        {"doc": "d", "unit": "A", "indicator": "x", "kind": "target", "target_year": None,
         "value": 10},
    ]
    result = score(pred, gold)
    assert (result.true_positives, len(result.false_positives), result.optional_hits) == (1, 1, 1)
    assert result.recall == 1.0 and result.precision == 0.5
