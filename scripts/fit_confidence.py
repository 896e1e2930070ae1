"""Fit the confidence (issue 15): on documents no rule was built from, or on the development part.

Run: .venv/bin/python scripts/fit_confidence.py [--unseen [--collect]]

`--unseen` fits `confidence.WEIGHTS`, the model whose rate a candidate carries as its confidence:
the chance it is right on a report the extractor had never been developed on. The corpus grew in
rounds, and each round's texts and gold were committed before any rule was written for them; the
extractor at that commit (`ROUNDS`) had never seen them. With `--collect` the script checks each
commit out in a temporary worktree, runs that commit's extraction on the round's development
documents only (the held-out part is never read), with no confidence fitted (the step each
candidate reached), and writes every matched candidate to `UNSEEN`
(tests/fixtures/confidence/unseen.jsonl): what `confidence.described` reads of it and whether it
is right against today's gold, matched as the score matches (`chiso.extract.evaluate`: doc,
unit, indicator, kind, target year, value within 0.5 %, one to one, required or optional).
Without `--collect` it fits from that file, so the weights are reproducible without old commits.

The model is a logistic regression over `confidence.FEATURES`, penalised (L2, `PENALTY`, the
intercept free) and fitted by Newton's method. The script prints, left out a round at a time, how
well it tells right from wrong beside a table of step and kind group fitted the same way (log
loss, area under the ROC curve), the rate and share of right candidates kept at bars, and the
development part's scores with review decided as the candidates carry it.

Without `--unseen` it fits `confidence.DEVELOPED` on today's extraction of the development part,
as rounds 3-5 did: for each kind group, step -> the rate candidates of that step were right,
smoothed, (right + 1) / (n + 2), and made monotone by pooling adjacent violators (isotonic
regression), so a higher step never means less sure. It decides which steps need a look.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "tests" / "extract"))

from corpus import GOLD, MANIFEST, part, text_of

from chiso.extract import confidence
from chiso.extract.evaluate import score
from chiso.extract.pipeline import extract_text

UNSEEN = ROOT / "tests" / "fixtures" / "confidence" / "unseen.jsonl"
PENALTY = 1.0

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
    ("round 38", "83ac277"),
    ("round 39", "cae492e"),
    ("round 40", "8993354"),
    ("round 41", "c5d515b"),
    ("round 42", "faf4f56"),
    ("round 43", "1e80214"),
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


def judged(rows: list[dict], doc: str) -> list[dict]:
    """The owned candidates of one document, each with whether it is right against the gold
    (one to one, as the score matches) and what the model reads of it."""
    owned = [r for r in rows if r["unit"] is not None]
    s = score(owned, [g for g in GOLD if g["doc"] == doc])
    wrong = {id(r) for r in s.false_positives}
    return [{"doc": doc, "indicator": r["indicator"], "right": id(r) not in wrong,
             "alias": r.get("alias", ""), "quote": r.get("quote", ""),
             **confidence.described(r["kind"], r["confidence"], r.get("measure", ""),
                                    r.get("alias", ""), r.get("quote", ""), r["unit"],
                                    r["value"], r.get("year"), r.get("target_year"))}
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


def table(records: list[dict]) -> dict[str, tuple[tuple[float, float], ...]]:
    """For each kind group, step -> smoothed isotonic rate of being right."""
    return {g: tuple(isotonic(bins_of(records, g)))
            for g in ("actual", "national_average", "target")}


def model(records: list[dict], penalty: float = PENALTY) -> tuple[float, ...]:
    """`confidence.WEIGHTS`: the logistic regression of being right on `confidence.FEATURES`,
    L2-penalised but for the intercept, by Newton's method; rounded as the module holds them."""
    x = np.array([confidence.features(r) for r in records], dtype=float)
    y = np.array([r["right"] for r in records], dtype=float)
    ridge = penalty * np.eye(x.shape[1])
    ridge[0, 0] = 0.0
    w = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-x @ w))
        step = np.linalg.solve(x.T @ (x * (p * (1 - p))[:, None]) + ridge,
                               x.T @ (p - y) + ridge @ w)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return tuple(round(float(v), 2) + 0.0 for v in w)


def crossed(records: list[dict]) -> dict[str, tuple[float, float, list[float]]]:
    """Left out a round at a time: each candidate's rate by the model and by a table of step and
    kind group, both fitted on the other rounds; (log loss, area under the ROC curve, rates)."""
    rates: dict[str, list[float]] = {"model": [0.0] * len(records),
                                      "table": [0.0] * len(records)}
    for name in sorted({r["round"] for r in records}):
        rest = [r for r in records if r["round"] != name]
        weights, fitted = model(rest), table(rest)
        for k, r in enumerate(records):
            if r["round"] == name:
                rates["model"][k] = confidence.rate(r, weights)
                rates["table"][k] = confidence.table_rate(fitted, r["step"], r["kind"])
    y = [bool(r["right"]) for r in records]
    return {how: (_log_loss(p, y), _area(p, y), p) for how, p in rates.items()}


def _log_loss(p: list[float], y: list[bool]) -> float:
    return -sum(math.log(min(max(q if t else 1 - q, 1e-3), 1.0)) for q, t in zip(p, y)) / len(y)


def _area(p: list[float], y: list[bool]) -> float:
    """The area under the ROC curve: the chance a right candidate rates above a wrong one."""
    ranks = {}
    order = sorted(range(len(p)), key=p.__getitem__)
    k = 0
    while k < len(order):  # tied rates share their mean rank
        j = k
        while j + 1 < len(order) and p[order[j + 1]] == p[order[k]]:
            j += 1
        for i in order[k:j + 1]:
            ranks[i] = (k + j) / 2 + 1
        k = j + 1
    right = [i for i, t in enumerate(y) if t]
    n_right, n_wrong = len(right), len(y) - len(right)
    return (sum(ranks[i] for i in right) - n_right * (n_right + 1) / 2) / (n_right * n_wrong)


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
    _rates(records, "measure", lambda r: r["measure"])
    _rates(records, "step <bar", lambda r: r["step"] if r["step"] < confidence.BAR else "-")
    if not unseen:
        fitted = table(records)
        for group in fitted:
            for step, n, k in bins_of(records, group):
                print(f"{group:16} step {step:.2f}: {n:4} candidates, {k:4} right ({k / n:.0%}), "
                      f"fitted {dict(fitted[group])[step]:.2f}")
        print("DEVELOPED =", fitted)
        return
    for how, (loss, area, p) in crossed(records).items():
        print(f"left out a round at a time, {how}: log loss {loss:.3f}, area under the curve "
              f"{area:.3f}")
        right = sum(r["right"] for r in records)
        for bar in (0.3, 0.4, 0.5, 0.6, 0.7):
            kept = [r for r, q in zip(records, p) if q >= bar]
            hits = sum(r["right"] for r in kept)
            print(f"  at {bar:.1f}: {len(kept):4} kept, {hits / max(len(kept), 1):.0%} right, "
                  f"{hits / right:.0%} of the right ones")
    weights = model(records)
    for name, w in zip(confidence.FEATURES, weights, strict=True):
        print(f"  {name:36} {w:+.2f}")
    print("WEIGHTS =", weights)
    docs = {d["doc"] for d in part("dev")}
    gold = [g for g in GOLD if g["doc"] in docs]
    dev = observations(part("dev"))
    for bar in (0.0, 0.4, 0.5, 0.6):
        kept = [r for r in dev if confidence.sure(r["step"], r["kind"])
                and confidence.rate(r, weights) >= bar]
        s = score(kept, gold)
        print(f"review under {bar:.1f}: development P {s.precision:.3f} R {s.recall:.3f}")


if __name__ == "__main__":
    main()
