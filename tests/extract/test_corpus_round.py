"""scripts/corpus_round.py: the corpus round's kit, check and merge keep the corpus's own rules
(the fixed split, the unit hint, gold written in its text, no text twice)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from corpus import MANIFEST

ROOT = Path(__file__).parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("corpus_round",
                                                  ROOT / "scripts" / "corpus_round.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def cr():
    return _script()


TEXT = ("Năm 2024, tỉnh Yên Bái có 1.250 trạm BTS, trong đó 320 trạm 5G. Tỷ lệ hồ sơ trực tuyến "
        "toàn trình của tỉnh đạt 61,5%, phấn đấu đến năm 2026 đạt 80%.")


def _round(d: Path, quote: str = "1.250 trạm BTS", doc: str = "yenbai-test-2024-kiemthu.txt",
           text: str = TEXT) -> Path:
    (d / "texts").mkdir(parents=True)
    (d / "texts" / doc).write_text(text, encoding="utf-8")
    m = {"doc": doc, "genre": "news", "provinces": ["Yên Bái"], "url": "https://example.vn/a",
         "publisher": "Báo thử (example.vn)", "date": "2024"}
    (d / "manifest.jsonl").write_text(json.dumps(m, ensure_ascii=False) + "\n", encoding="utf-8")
    g = {"doc": doc, "unit": "Yên Bái", "indicator": "bts_stations_count", "kind": "actual",
         "value": 1250, "value_high": None, "qualifier": "eq", "year": 2024, "target_year": None,
         "required": True, "quote": quote}
    (d / "gold.jsonl").write_text(json.dumps(g, ensure_ascii=False) + "\n", encoding="utf-8")
    return d


def test_the_split_and_the_hint_are_the_corpus_s(cr):
    for d in MANIFEST:
        assert cr.part_of(d["doc"]) == d["part"]
    assert cr.unit_hint(["Yên Bái"], "Toàn tỉnh có 1.250 trạm BTS.") == "Yên Bái"
    assert cr.unit_hint(["Yên Bái"], "Tỉnh Yên Bái có 1.250 trạm BTS.") is None
    assert cr.unit_hint(["Yên Bái", "Việt Nam"], "Toàn tỉnh có 1.250 trạm BTS.") == "Yên Bái"
    assert cr.unit_hint(["Yên Bái", "Lào Cai"], "Hai tỉnh có 1.250 trạm BTS.") is None


def test_a_sound_round_checks_clean_and_a_broken_one_names_each_problem(cr, tmp_path, capsys):
    kit = tmp_path / "kit"
    cr.kit(kit)
    assert {p.name for p in kit.iterdir()} == {"BRIEF.md", "codes.tsv", "units.csv",
                                               "corpus_docs.txt", "corpus_urls.txt",
                                               "example_gold.jsonl"}
    held = {d["doc"] for d in MANIFEST if d["part"] == "heldout"}
    examples = [json.loads(x) for x in (kit / "example_gold.jsonl").open(encoding="utf-8")]
    assert examples and not any(g["doc"] in held for g in examples)  # no held-out gold shown
    assert cr.check(kit, _round(tmp_path / "good")) == 0
    # a quote not in the text, and a text the corpus holds already under another name
    old = MANIFEST[0]
    copied = (ROOT / "tests" / "fixtures" / "corpus" / "texts" / old["doc"]).read_text(
        encoding="utf-8")
    assert cr.check(kit, _round(tmp_path / "bad", quote="1.205 trạm BTS", text=copied)) == 2
    out = capsys.readouterr().out
    assert "the quote is not written in the text" in out and f"is in {old['doc']}" in out


def test_merge_appends_the_round_with_its_part_and_hint(cr, tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    (corpus / "texts").mkdir(parents=True)
    manifest, gold = corpus / "manifest.jsonl", corpus / "gold.jsonl"
    manifest.write_text("", encoding="utf-8")
    gold.write_text("", encoding="utf-8")
    monkeypatch.setattr(cr, "MANIFEST", manifest)
    monkeypatch.setattr(cr, "TEXTS", corpus / "texts")
    monkeypatch.setattr(cr, "GOLD", gold)
    d = _round(tmp_path / "r", text="Toàn tỉnh có 1.250 trạm BTS.")
    cr.merge("round 99", [d])
    row = json.loads(manifest.read_text(encoding="utf-8"))
    assert row["added"] == "round 99" and row["unit_hint"] == "Yên Bái"
    assert row["part"] == cr.part_of(row["doc"])
    assert row["chars"] == len("Toàn tỉnh có 1.250 trạm BTS.")
    assert (corpus / "texts" / row["doc"]).exists() and len(gold.read_text().splitlines()) == 1
    with pytest.raises(SystemExit):  # the same round twice: nothing merged
        cr.merge("round 99", [d])
    assert len(manifest.read_text().splitlines()) == 1
