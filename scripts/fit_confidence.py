"""Fit the confidence table (issue 15): on documents no rule was built from, or on the development
part.

Run: .venv/bin/python scripts/fit_confidence.py [--unseen [--collect]]

`--unseen` (the table `confidence.FITTED` holds, the confidence a candidate carries) fits the rate at which candidates
were right on reports the extractor had never been developed on. The corpus grew in rounds, and
each round's texts and gold were committed before any rule was written for them; the extractor
at that commit (`ROUNDS`) had never seen them. With `--collect` the script checks each commit out
in a temporary worktree, runs that commit's extraction on the round's development documents only
(the held-out part is never read), with no fitted table (the step each candidate reached), and
writes every matched candidate to `UNSEEN` (tests/fixtures/confidence/unseen.jsonl) with whether
it is right against today's gold, matched as the score matches (`chiso.extract.evaluate`: doc,
unit, indicator, kind, target year, value within 0.5 %, one to one, required or optional).
Without `--collect` it fits from that file, so the table is reproducible without old commits.

Without `--unseen` it fits on today's extraction of the development part, as rounds 3-5 did
(`confidence.DEVELOPED`, which decides review): a table that tells candidates apart within
documents developed on, but overstates (92-100 %) what reports not yet seen show.

Either way, candidates with an owner are binned by their step (the hand-set
`confidence.CALIBRATION` value, or the fixed value a rule gives) and kind group (actual and
benchmark figures; national averages; targets). Each bin's rate is smoothed, (right + 1) /
(n + 2), and made monotone within its group by pooling adjacent violators (isotonic regression),
so a higher step never means less sure. The printed table is `confidence.FITTED` with
`--unseen`, `confidence.DEVELOPED` without; the printed scores show the development part if
review were decided on that table at candidate bars (review is decided on `DEVELOPED`).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "tests" / "extract"))

from corpus import GOLD, MANIFEST, part, text_of

from chiso.extract import confidence
from chiso.extract.evaluate import score
from chiso.extract.pipeline import extract_text
from chiso.extract.units import COUNTRY, mentions

UNSEEN = ROOT / "tests" / "fixtures" / "confidence" / "unseen.jsonl"

# Each round of the corpus and the commit that added its texts and gold, written by hand before
# any extractor was run on them (git log -- tests/fixtures/corpus/manifest.jsonl)
ROUNDS = (
    ("round 2", "4c7c287"),
    ("round 3", "30569a2"),
    ("round 4a", "87fe562"),
    ("round 4b", "2f5f1eb"),
    ("round 4c", "333bf17"),
    ("round 4d", "9b60dae"),
    ("round 6", "c1a3d55"),
    ("round 7", "11fe110"),
    ("round 8a", "39a5392"),
    ("round 8b", "7f911a6"),
    ("round 8c", "1b60a98"),
    ("round 9", "0c00185"),
    ("round 10", "9e88e0f"),
    ("round 11", "4f60774"),
    ("round 12", "23e5b2b"),
    ("round 13", "0123d12"),
    ("round 14", "258d9db"),
    ("round 15", "d4043b8"),
    ("round 16", "db281cc"),
    ("round 17", "92e9cab"),
    ("round 18", "5b5868a"),
    ("round 19", "980d9f8"),
    ("round 20", "00ba320"),
    ("round 21", "adfe1d1"),
    ("round 22", "4fd7fd6"),
    ("round 23", "84d6802"),
    ("round 24", "d5f30f5"),
    ("round 25", "7c8dead"),
    ("round 26a", "8990692"),
    ("round 26b", "53b7800"),
    ("round 26c", "1d28161"),
    ("round 27", "e5e133b"),
    ("round 28", "97fc947"),
    ("round 29", "cca8fb8"),
    ("round 30", "2ea173d"),
    ("round 31", "b12334a"),
    ("round 31b", "06337d9"),
    ("round 32", "8ee8b9b"),
    ("round 33", "9153ca7"),
    ("round 34", "8364c10"),
    ("round 35", "eb8632b"),
    ("round 36", "1940f2b"),
    ("round 37", "52a9dc3"),
)

# Run inside an old commit's checkout: every matched candidate of the named documents, at the
# step it reached (an old commit with no fitted table gives the step as its confidence).
_RUNNER = r'''
import inspect, json, sys
from pathlib import Path
from chiso.extract.pipeline import extract_text
root, names = Path(sys.argv[1]), set(sys.argv[2:])
corpus = root / "tests" / "fixtures" / "corpus"
params = inspect.signature(extract_text).parameters
for line in (corpus / "manifest.jsonl").open(encoding="utf-8"):
    d = json.loads(line)
    if d["doc"] not in names:
        continue
    kw = {"unit_hint": d.get("unit_hint"), "source": d["url"]}
    if "calibrate" in params:
        kw["calibrate"] = False
    text = (corpus / "texts" / d["doc"]).read_text(encoding="utf-8")
    for c in extract_text(text, d["doc"], **kw):
        if c.indicator is not None:
            row = c.as_row()
            row.update(confidence=c.confidence, alias=c.alias, measure=c.measure, quote=c.quote)
            print(json.dumps(row, ensure_ascii=False))
'''


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout


def added_by(commit: str) -> list[str]:
    """The documents a commit added to the manifest."""
    path = "tests/fixtures/corpus/manifest.jsonl"
    before = {json.loads(x)["doc"] for x in _git("show", f"{commit}^:{path}").splitlines()}
    return [json.loads(x)["doc"] for x in _git("show", f"{commit}:{path}").splitlines()
            if json.loads(x)["doc"] not in before]


def how_found(alias: str) -> str:
    """How a candidate's indicator was found, from its alias: an alias written in the sentence,
    an index guessed from the report's topic ('(dti)'), or a rule's own reading ('(coverage)',
    '(budget)', '(speed)')."""
    if not alias.startswith("("):
        return "alias"
    return "rule" if alias in ("(coverage)", "(budget)", "(speed)") else "topic"


def judged(rows: list[dict], doc: str) -> list[dict]:
    """The owned candidates of one document, each with whether it is right against the gold
    (one to one, as the score matches) and what the current code can tell of how it was found."""
    owned = [r for r in rows if r["unit"] is not None]
    s = score(owned, [g for g in GOLD if g["doc"] == doc])
    wrong = {id(r) for r in s.false_positives}
    return [{"doc": doc, "unit": r["unit"], "indicator": r["indicator"], "kind": r["kind"],
             "measure": r.get("measure", ""), "value": r["value"], "year": r.get("year"),
             "target_year": r.get("target_year"),
             "step": r["confidence"], "right": id(r) not in wrong,
             "found": how_found(r.get("alias", "")),
             "owner_named": r["unit"] != COUNTRY and any(
                 m.name == r["unit"] for m in mentions(r.get("quote", "")))}
            for r in owned]


def collect() -> list[dict]:
    """Run each round's commit on that round's development documents (`_RUNNER`) and judge every
    candidate against today's gold."""
    dev = {d["doc"] for d in MANIFEST if d["part"] == "dev"}
    kept = load_unseen() if UNSEEN.exists() else []
    out: list[dict] = []
    for name, commit in ROUNDS:
        if subprocess.run(["git", "cat-file", "-e", f"{commit}^{{commit}}"], cwd=ROOT,
                          capture_output=True).returncode:
            # a commit this checkout does not hold (its history was recovered, not cloned):
            # the round's rows as collected when it was there
            out += [r for r in kept if r["round"] == name]
            print(f"{name} ({commit}): not in this checkout, "
                  f"{sum(r['round'] == name for r in out)} rows kept", file=sys.stderr)
            continue
        docs = [d for d in added_by(commit) if d in dev]  # never the held-out part
        with tempfile.TemporaryDirectory(prefix="calib-") as tmp:
            tree = Path(tmp) / "tree"
            _git("worktree", "add", "--detach", str(tree), commit)
            try:
                ran = subprocess.run(
                    [sys.executable, "-c", _RUNNER, str(tree), *docs], cwd=tree, check=True,
                    capture_output=True, text=True, env={"PYTHONPATH": str(tree / "src")})
            finally:
                _git("worktree", "remove", "--force", str(tree))
        rows = [json.loads(x) for x in ran.stdout.splitlines()]
        for doc in docs:
            out += [{"round": name, "commit": commit, **r}
                    for r in judged([r for r in rows if r["doc"] == doc], doc)]
        print(f"{name} ({commit}): {len(docs)} development documents, "
              f"{sum(r['round'] == name for r in out)} owned candidates", file=sys.stderr)
    return out


def load_unseen(path: Path = UNSEEN) -> list[dict]:
    return [json.loads(x) for x in path.open(encoding="utf-8")]


def observations(docs: list[dict]) -> list[dict]:
    """Every owned, matched candidate of today's extraction of `docs`, judged."""
    out: list[dict] = []
    for d in docs:
        cands = extract_text(text_of(d), d["doc"], unit_hint=d.get("unit_hint"), source=d["url"],
                             calibrate=False)
        rows = [{**c.as_row(), "confidence": c.confidence, "alias": c.alias,
                 "measure": c.measure, "quote": c.quote} for c in cands if c.matched]
        out += judged(rows, d["doc"])
    return out


def isotonic(bins: list[tuple[float, int, int]]) -> list[tuple[float, float]]:
    """Pool adjacent violators over (step, n, right), smoothed: [(step, fitted rate)]."""
    pooled: list[list] = []
    for step, n, k in bins:
        pooled.append([[step], n, k])
        while len(pooled) > 1 and ((pooled[-2][2] + 1) / (pooled[-2][1] + 2)
                                   > (pooled[-1][2] + 1) / (pooled[-1][1] + 2)):
            last = pooled.pop()
            pooled[-1] = [pooled[-1][0] + last[0], pooled[-1][1] + last[1], pooled[-1][2] + last[2]]
    return [(step, round((k + 1) / (n + 2), 2)) for steps, n, k in pooled for step in steps]


def bins_of(records: list[dict], group: str) -> list[tuple[float, int, int]]:
    """(step, candidates, right) of a kind group, steps at or above the bar."""
    counts: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    for r in records:
        if confidence.group_of(r["kind"]) == group and r["step"] >= confidence.BAR:
            counts[r["step"]][0] += 1
            counts[r["step"]][1] += r["right"]
    return [(step, n, k) for step, (n, k) in sorted(counts.items())]


def fit(records: list[dict]) -> dict[str, tuple[tuple[float, float], ...]]:
    """The table: for each kind group, step -> smoothed isotonic rate of being right."""
    return {g: tuple(isotonic(bins_of(records, g)))
            for g in ("actual", "national_average", "target")}


def _rates(records: list[dict], label: str, key) -> None:
    groups: dict[object, list[int]] = defaultdict(lambda: [0, 0])
    for r in records:
        groups[key(r)][0] += 1
        groups[key(r)][1] += r["right"]
    for k, (n, right) in sorted(groups.items(), key=str):
        print(f"  {label} {k!s:28}: {n:4} candidates, {right:4} right ({right / n:.0%})")


def main() -> None:
    unseen = "--unseen" in sys.argv
    if unseen and "--collect" in sys.argv:
        records = collect()
        UNSEEN.parent.mkdir(parents=True, exist_ok=True)
        with UNSEEN.open("w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    records = load_unseen() if unseen else observations(part("dev"))
    print(f"{len(records)} owned candidates ({'unseen' if unseen else 'development part'})")
    _rates(records, "round", lambda r: r.get("round", "-"))
    _rates(records, "found", lambda r: (confidence.group_of(r["kind"]), r["found"]))
    _rates(records, "owner named", lambda r: (r["step"] >= confidence.BAR, r["owner_named"]))
    _rates(records, "step <bar", lambda r: r["step"] if r["step"] < confidence.BAR else "-")
    table = fit(records)
    for group in table:
        for step, n, k in bins_of(records, group):
            print(f"{group:16} step {step:.2f}: {n:4} candidates, {k:4} right ({k / n:.0%}), "
                  f"fitted {dict(table[group])[step]:.2f}")
    print("FITTED =" if unseen else "DEVELOPED =", table)
    dev = observations(part("dev")) if unseen else records
    docs = {d["doc"] for d in part("dev")}
    gold = [g for g in GOLD if g["doc"] in docs]
    for bar in (0.5, 0.6, 0.7, 0.8, 0.85, 0.9):
        kept = [r for r in dev if r["step"] >= confidence.BAR
                and dict(table[confidence.group_of(r["kind"])]).get(r["step"], r["step"]) >= bar]
        s = score(kept, gold)
        print(f"bar {bar:.2f}: development P {s.precision:.3f} R {s.recall:.3f}")


if __name__ == "__main__":
    main()
