"""Every candidate extraction gives on the corpus and the seeds, as canonical JSON: to show that a
change meant to make extraction faster changes none of its output.

    .venv/bin/python scripts/extract_snapshot.py before.json        # on the commit before
    .venv/bin/python scripts/extract_snapshot.py after.json --compare before.json

Each corpus document is read twice: as `tests/extract/corpus.py` reads it (its address and the
collector's province) and bare, as `bench/bench_extract.py` does; each seed bare and through
`extract_file`. All candidates are kept (matched, "needs a look" and unmatched) with every field.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from chiso.extract import extract_file, extract_text

FIXTURES = Path(__file__).parents[1] / "tests" / "fixtures"


def snapshot() -> dict[str, list[dict]]:
    corpus = FIXTURES / "corpus"
    manifest = [json.loads(line) for line in (corpus / "manifest.jsonl").open(encoding="utf-8")]
    out: dict[str, list[dict]] = {}
    for doc in manifest:
        text = (corpus / "texts" / doc["doc"]).read_text(encoding="utf-8")
        out["corpus/" + doc["doc"]] = _rows(extract_text(
            text, doc["doc"], unit_hint=doc.get("unit_hint"), source=doc["url"]))
        out["bare/" + doc["doc"]] = _rows(extract_text(text, doc["doc"]))
    for path in sorted((FIXTURES / "seeds").glob("*.txt")):
        out["seed/" + path.name] = _rows(extract_text(path.read_text(encoding="utf-8"), path.name))
        out["file/" + path.name] = _rows(extract_file(path))
    return out


def _rows(cands: list) -> list[dict]:
    return [{**asdict(c), "span": list(c.span)} for c in cands]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="where to write the snapshot (JSON)")
    parser.add_argument("--compare", type=Path, help="a snapshot to compare with")
    args = parser.parse_args()
    now = snapshot()
    args.out.write_text(json.dumps(now, ensure_ascii=False, sort_keys=True, indent=0) + "\n",
                        encoding="utf-8")
    n = sum(len(v) for v in now.values())
    print(f"{len(now)} extractions, {n} candidates -> {args.out}")
    if args.compare is None:
        return
    then = json.loads(args.compare.read_text(encoding="utf-8"))
    differ = sorted(k for k in then.keys() | now.keys() if then.get(k) != now.get(k))
    for k in differ[:20]:
        print("differs:", k)
    if differ:
        sys.exit(f"{len(differ)} of {len(then.keys() | now.keys())} extractions differ")
    print(f"identical to {args.compare}")


if __name__ == "__main__":
    main()
