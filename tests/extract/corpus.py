"""The development corpus: real report excerpts, their manifest and gold, scored by part and
genre."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from chiso.extract.evaluate import Score, score
from chiso.extract.pipeline import extract_text

FIXTURES = Path(__file__).parents[1] / "fixtures"
CORPUS = FIXTURES / "corpus"
MANIFEST = [json.loads(line) for line in (CORPUS / "manifest.jsonl").open(encoding="utf-8")]
GOLD = [json.loads(line)
        for line in (FIXTURES / "gold" / "corpus_observations.jsonl").open(encoding="utf-8")]


def text_of(doc: dict) -> str:
    return (CORPUS / "texts" / doc["doc"]).read_text(encoding="utf-8")


def predict(doc: dict) -> list[dict]:
    """Extract one corpus document as a caller would (its text, the page's address, and the
    province the collector filed it under when the excerpt names none) and keep what extraction
    is sure of; "needs a look" candidates go to review, not to the score."""
    cands = extract_text(text_of(doc), doc["doc"], unit_hint=doc.get("unit_hint"),
                         source=doc["url"])
    return [c.as_row() for c in cands if c.matched and not c.needs_look]


def scores(docs: list[dict]) -> tuple[Score, dict[str, Score]]:
    """The score over `docs` and per genre."""
    names = {d["doc"] for d in docs}
    preds = {d["doc"]: predict(d) for d in docs}
    gold = [g for g in GOLD if g["doc"] in names]
    total = score([p for d in docs for p in preds[d["doc"]]], gold)
    by_genre: dict[str, list[dict]] = defaultdict(list)
    for d in docs:
        by_genre[d["genre"]].append(d)
    per = {}
    for genre, ds in sorted(by_genre.items()):
        ns = {d["doc"] for d in ds}
        per[genre] = score([p for d in ds for p in preds[d["doc"]]],
                           [g for g in gold if g["doc"] in ns])
    return total, per


def part(name: str) -> list[dict]:
    return [d for d in MANIFEST if d["part"] == name]
