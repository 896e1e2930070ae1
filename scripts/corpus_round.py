"""A corpus round (issue 15): fresh real reports, their gold written by hand, scored once unseen.

Run with the project's virtual environment:

    .venv/bin/python scripts/corpus_round.py kit KIT           # what a collector works from
    .venv/bin/python scripts/corpus_round.py check KIT DIR     # a collector's round, checked
    .venv/bin/python scripts/corpus_round.py score DIR [DIR...]
    .venv/bin/python scripts/corpus_round.py merge "round N" DIR [DIR...]
    .venv/bin/python scripts/corpus_round.py floors [heldout-before-round-N ...] [--write]

A collector (a person or a helper) follows docs/corpus_brief.md with the kit (`kit`: the codes
and units to write gold in, examples of gold, the names and addresses already in the corpus) and
writes DIR: `texts/*.txt`, `manifest.jsonl`, `gold.jsonl`. `check` names every problem (a quote
not in its text, a code or unit not in the lists, a text overlapping one in the corpus by more
than 30 %). `score` extracts the round as the corpus test does, before any rule is written from
it, and prints precision and recall by part (the held-out part as totals only: its errors are
never listed). `merge` appends the round to the corpus, each document to the part its name's
hash gives. `floors` prints the exact scores of `tests/extract/test_corpus.py`'s parts (and of
the parts named) and, with `--write`, sets each floor to its score rounded down to the
hundredth.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
MANIFEST = FIXTURES / "corpus" / "manifest.jsonl"
TEXTS = FIXTURES / "corpus" / "texts"
GOLD = FIXTURES / "gold" / "corpus_observations.jsonl"
UNITS = ROOT / "src" / "chiso" / "units" / "data" / "units.csv"
BRIEF = ROOT / "docs" / "corpus_brief.md"
GENRES = {"news", "plan", "resolution", "portal", "dti", "budget", "midarticle"}
KINDS = {"actual", "target", "national_average", "benchmark"}
QUALIFIERS = {"eq", "gt", "ge", "lt", "le", "approx"}
GOLD_KEYS = ["doc", "unit", "indicator", "kind", "value", "value_high", "qualifier", "year",
             "target_year", "required", "quote"]
OVERLAP = 0.3  # a text sharing more of its six-word runs with one in the corpus is no new text
EXAMPLES = 400  # gold rows the kit gives as examples


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def part_of(doc: str) -> str:
    """The fixed split: a third of the names, by hash, are held out."""
    return "heldout" if int(hashlib.sha1(doc.encode()).hexdigest()[:8], 16) % 3 == 0 else "dev"


def unit_hint(provinces: list[str], text: str) -> str | None:
    """The province a collector filed an excerpt under, when it is the only one and the text
    does not name it (a portal's page): the only evidence of its owner a caller has."""
    named = [p for p in provinces if p != "Việt Nam"]
    if len(named) == 1 and named[0] not in text and named[0].upper() not in text:
        return named[0]
    return None


def _grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + 6]) for i in range(len(words) - 5)}


def kit(out: Path) -> None:
    """Write what a collector works from into `out`."""
    from chiso.framework import load_framework

    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(BRIEF, out / "BRIEF.md")
    with (out / "codes.tsv").open("w", encoding="utf-8") as f:
        f.write("code\tunit\tname_vi\tname_en\n")
        for node in load_framework("chiso-core").indicators():
            f.write(f"{node.code}\t{node.unit or ''}\t{node.name_vi}\t{node.name_en}\n")
    shutil.copy(UNITS, out / "units.csv")
    manifest = _jsonl(MANIFEST)
    (out / "corpus_docs.txt").write_text("".join(f"{m['doc']}\n" for m in manifest),
                                         encoding="utf-8")
    (out / "corpus_urls.txt").write_text("".join(sorted({f"{m['url']}\n" for m in manifest})),
                                         encoding="utf-8")
    dev = {m["doc"] for m in manifest if m["part"] == "dev"}  # examples from development only
    rows = [g for g in _jsonl(GOLD) if g["doc"] in dev][:EXAMPLES]
    (out / "example_gold.jsonl").write_text(
        "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in rows), encoding="utf-8")
    print(f"kit in {out}: {len(manifest)} documents in the corpus, {len(rows)} example rows")


def check(kit_dir: Path, d: Path) -> int:
    """Every problem of a collector's round, printed; returns their number."""
    with (kit_dir / "codes.tsv").open(encoding="utf-8") as f:
        codes = {row["code"] for row in csv.DictReader(f, delimiter="\t")}
    with UNITS.open(encoding="utf-8") as f:
        units = {row["name"] for row in csv.DictReader(f)}
    manifest = _jsonl(MANIFEST)
    names, urls = {m["doc"] for m in manifest}, {m["url"] for m in manifest}
    old = {p.name: _grams(p.read_text(encoding="utf-8")) for p in TEXTS.glob("*.txt")}
    mine, gold = _jsonl(d / "manifest.jsonl"), _jsonl(d / "gold.jsonl")
    problems: list[str] = []
    texts: dict[str, str] = {}
    for m in mine:
        missing = [k for k in ("doc", "genre", "provinces", "url", "publisher", "date")
                   if k not in m]
        if missing:
            problems.append(f"{m.get('doc')}: the manifest misses {missing}")
            continue
        path = d / "texts" / m["doc"]
        if not path.exists():
            problems.append(f"{m['doc']}: no text")
            continue
        texts[m["doc"]] = text = path.read_text(encoding="utf-8")
        if m["genre"] not in GENRES:
            problems.append(f"{m['doc']}: genre {m['genre']!r} is none of {sorted(GENRES)}")
        if m["doc"] in names:
            problems.append(f"{m['doc']}: the name is taken")
        if m["url"] in urls:
            problems.append(f"{m['doc']}: {m['url']} is in the corpus already")
        problems += [f"{m['doc']}: {p!r} is no unit's name" for p in m["provinces"]
                     if p not in units]
        g = _grams(text)
        share, other = max(((len(g & o) / max(1, len(g)), n) for n, o in old.items()),
                           default=(0.0, ""))
        if share > OVERLAP:
            problems.append(f"{m['doc']}: {share:.0%} of it is in {other}")
    for x in gold:
        where = f"{x.get('doc')}: {x.get('quote')!r}"
        if list(x) != GOLD_KEYS:
            problems.append(f"{where}: keys {list(x)}, want {GOLD_KEYS}")
            continue
        if x["doc"] not in texts:
            problems.append(f"{where}: no such document in the round")
        elif x["quote"] not in texts[x["doc"]]:
            problems.append(f"{where}: the quote is not written in the text")
        if x["indicator"] not in codes:
            problems.append(f"{where}: {x['indicator']!r} is no code")
        if x["unit"] not in units:
            problems.append(f"{where}: {x['unit']!r} is no unit's name")
        if x["kind"] not in KINDS:
            problems.append(f"{where}: kind {x['kind']!r}")
        if x["qualifier"] not in QUALIFIERS:
            problems.append(f"{where}: qualifier {x['qualifier']!r}")
    for p in problems:
        print(p)
    print(f"problems: {len(problems)} | docs {len(mine)} | gold {len(gold)} required "
          f"{sum(bool(x.get('required')) for x in gold)}")
    return len(problems)


def score(dirs: list[Path]) -> None:
    """The round extracted as the corpus test extracts it, scored by part."""
    from chiso.extract import extract_text
    from chiso.extract.evaluate import score as scored

    rows, gold, parts = [], [], {}
    for d in dirs:
        for m in _jsonl(d / "manifest.jsonl"):
            text = (d / "texts" / m["doc"]).read_text(encoding="utf-8")
            parts[m["doc"]] = part_of(m["doc"])
            rows += [c.as_row() for c in extract_text(
                text, m["doc"], unit_hint=unit_hint(m["provinces"], text), source=m["url"])
                if c.matched and not c.needs_look]
        gold += _jsonl(d / "gold.jsonl")
    for name in ("dev", "heldout", None):
        docs = {k for k, v in parts.items() if name is None or v == name}
        s = scored([r for r in rows if r["doc"] in docs], [g for g in gold if g["doc"] in docs])
        print(f"{name or 'all':8s} {len(docs):3d} documents  P {s.precision:.3f}  "
              f"R {s.recall:.3f}  ({s.true_positives} right, {len(s.false_positives)} wrong, "
              f"{s.required} required)")


def merge(round_name: str, dirs: list[Path]) -> None:
    """Append the round to the corpus: texts, manifest rows (with part, size, round, and the
    unit hint), gold."""
    have = {m["doc"] for m in _jsonl(MANIFEST)}
    rows, gold = [], []
    for d in dirs:
        for m in _jsonl(d / "manifest.jsonl"):
            if m["doc"] in have:
                raise SystemExit(f"{m['doc']} is in the corpus already: nothing merged")
            text = (d / "texts" / m["doc"]).read_text(encoding="utf-8")
            row = {k: m[k] for k in ("doc", "genre", "provinces", "url", "publisher", "date")}
            row.update(part=part_of(m["doc"]), chars=len(text), added=round_name)
            if m.get("date_note"):
                row["date_note"] = m["date_note"]
            hint = unit_hint(m["provinces"], text)
            if hint:
                row["unit_hint"] = hint
            rows.append((row, d / "texts" / m["doc"]))
        gold += _jsonl(d / "gold.jsonl")
    for row, src in rows:
        shutil.copy(src, TEXTS / row["doc"])
    with MANIFEST.open("a", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r, _ in rows)
    with GOLD.open("a", encoding="utf-8") as f:
        f.writelines(json.dumps(g, ensure_ascii=False) + "\n" for g in gold)
    held = sum(r["part"] == "heldout" for r, _ in rows)
    print(f"{round_name}: {len(rows)} documents ({len(rows) - held} development, {held} held out), "
          f"{len(gold)} gold rows ({sum(g['required'] for g in gold)} required)")


def floors(extra: list[str], write: bool) -> None:
    """The exact score of each of the corpus test's parts, and the floors they give."""
    sys.path.insert(0, str(ROOT / "tests" / "extract"))
    import test_corpus
    from corpus import part, scores

    names = [f[0] for f in test_corpus.FLOORS] + [n for n in extra
                                                   if n not in dict.fromkeys(
                                                       f[0] for f in test_corpus.FLOORS)]
    got = []
    for name in names:
        if name.startswith("heldout-before-round-"):
            n = int(name.rsplit("-", 1)[1])
            docs = [d for d in part("heldout") if test_corpus._before_round(d, n)]
        else:
            docs = part(name)
        s, _ = scores(docs)
        print(f"{name:26s} {len(docs):4d}  P {s.precision:.8f}  R {s.recall:.8f}")
        got.append((name, math.floor(s.precision * 100) / 100, math.floor(s.recall * 100) / 100))
    if not write:
        return
    items = [f'("{n}", {p:.2f}, {r:.2f})' for n, p, r in got]
    lines, line = [], "FLOORS = ["
    for item in items:
        if len(line) + len(item) + 2 > 99:
            lines.append(line.rstrip())
            line = "          "
        line += item + ", "
    lines.append(line.rstrip(", ") + "]")
    path = ROOT / "tests" / "extract" / "test_corpus.py"
    source = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"FLOORS = \[.*?\]\n", lambda _: "\n".join(lines) + "\n", source,
                           count=1, flags=re.DOTALL), encoding="utf-8")
    print(f"floors written to {path}")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("kit", "check", "score", "merge", "floors"):
        print(__doc__)
        return 2
    command, args = argv[0], argv[1:]
    if command == "kit" and len(args) == 1:
        kit(Path(args[0]))
    elif command == "check" and len(args) == 2:
        return 1 if check(Path(args[0]), Path(args[1])) else 0
    elif command == "score" and args:
        score([Path(a) for a in args])
    elif command == "merge" and len(args) >= 2:
        merge(args[0], [Path(a) for a in args[1:]])
    elif command == "floors":
        floors([a for a in args if a != "--write"], "--write" in args)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
