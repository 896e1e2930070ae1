"""The development corpus: its manifest holds what the issue asks for, and extraction keeps its
scores.

The issue's target is P >= 0.95 and R >= 0.90 on the held-out part; extraction does not reach it
yet (docs/extraction.md gives the figures). These floors are the scores reached so far, so a
change that loses ground on real reports fails here; raise them as extraction improves.
"""

from __future__ import annotations

import hashlib

import pytest
from corpus import GOLD, MANIFEST, part, scores, text_of

GENRES = {"portal", "news", "plan", "resolution", "dti", "budget", "midarticle"}

# (part, precision floor, recall floor): a little under what is reached, to absorb no noise but
# rounding; the held-out part is scored only, its failures are never read while developing.
# Round 4 (2026-12-03) added 24 documents gathered afresh (19 dev, 5 held-out), on which the rules
# score far lower: the parts' floors fell with them (dev 0.926/0.893 -> 0.892/0.852, held-out
# 0.755/0.740 -> 0.761/0.733), not the rules (the 114 and 48 documents of before: 0.929/0.893,
# 0.755/0.740). Round 4's three further rules, chosen on dev: dev 0.911/0.870, held-out
# 0.756/0.733 (one false positive more there: the rules do not carry over yet).
FLOORS = [("dev", 0.905, 0.865), ("heldout", 0.75, 0.73)]


def test_corpus_has_enough_reports_provinces_and_every_genre():
    provinces = {p for d in MANIFEST for p in d["provinces"] if p != "Việt Nam"}
    assert len(MANIFEST) >= 120
    assert len(provinces) >= 40
    assert {d["genre"] for d in MANIFEST} == GENRES


def test_every_document_records_its_source_and_its_part_follows_the_fixed_split():
    for d in MANIFEST:
        assert d["url"].startswith("http") and d["publisher"], d["doc"]
        held = int(hashlib.sha1(d["doc"].encode()).hexdigest()[:8], 16) % 3 == 0
        assert d["part"] == ("heldout" if held else "dev"), d["doc"]
        assert len(text_of(d)) == d["chars"], d["doc"]


def test_every_gold_figure_is_written_in_its_document():
    docs = {d["doc"]: text_of(d) for d in MANIFEST}
    for g in GOLD:
        assert g["doc"] in docs, g
        assert g["quote"] in docs[g["doc"]], g


@pytest.mark.parametrize(("name", "p_floor", "r_floor"), FLOORS)
def test_extraction_keeps_its_scores_on_each_part(name, p_floor, r_floor):
    total, per_genre = scores(part(name))
    print(name, round(total.precision, 3), round(total.recall, 3),
          {g: (round(s.precision, 2), round(s.recall, 2)) for g, s in per_genre.items()})
    assert total.precision >= p_floor
    assert total.recall >= r_floor
