"""Three province briefs built the way phase 2 will build them from the store, here from shipped
files: the DTI 2024 as published on the 34 provinces (tests/fixtures/dti_published.csv), scored,
ranked and analysed with the real engine, and figures said in the 2020–21 working sessions
(tests/fixtures/gold/seed_observations.jsonl) with their quotes as sources.

- Thái Nguyên: formed on 1/7/2025 from Thái Nguyên and Bắc Kạn (a merged province);
- Huế: Thừa Thiên Huế renamed, not merged;
- Lạng Sơn: on simulated data (every main index and every input drawn at random, labelled).
"""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from chiso.compute import Dataset, Method, UncertaintySpec, build, uncertainty
from chiso.compute.targets import project_status
from chiso.compute.what_it_takes import rank_at_targets, what_it_takes
from chiso.compute.what_it_takes_units import (
    Cited,
    Goal,
    budget_missing,
    households_without_fibre,
    smartphones_missing,
    stations_to_share,
)
from chiso.framework import load_framework
from chiso.framework.schema import Text
from chiso.report.model import (
    Brief,
    Figure,
    IndexColumn,
    IndexRow,
    PeerPoint,
    Peers,
    Place,
    Ranking,
    RankingRow,
    Run,
    Scorecard,
    ScoreRow,
    Series,
    Source,
    Standing,
    TargetRow,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FRAMEWORK = "dti-province-2024"
PERIOD = "2024"
AS_OF = "2025-09-30"
GENERATED = "2026-12-02"
LINK = "https://chiso.example.vn/province/{id}?year=2024"
DTI_SOURCE = Source("Bộ TT&TT / Bộ KH&CN, Kết quả Chỉ số DTI 2024",
                    "https://dti.gov.vn/xep-hang-2024",
                    "2025-08-15")
REGIONS = {
    "north": (Text(vi="các tỉnh trung du và miền núi phía Bắc",
                   en="the northern midland and mountain provinces"),
              ("Cao Bằng", "Tuyên Quang", "Điện Biên", "Lai Châu", "Sơn La", "Lào Cai",
               "Lạng Sơn", "Phú Thọ", "Thái Nguyên")),
    "centre": (Text(vi="các tỉnh Bắc Trung Bộ và duyên hải miền Trung",
                    en="the north-central and central coast provinces"),
               ("Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Trị", "Huế", "Đà Nẵng", "Quảng Ngãi",
                "Khánh Hòa")),
}
SEED_SOURCE = {
    "002_4772e3cccd476e08.txt":
        "Báo cáo tại buổi làm việc của Bộ TT&TT với tỉnh Thái Nguyên (2021)",
    "000_304c59184cccb1e4.txt":
        "Báo cáo tại buổi làm việc của Bộ TT&TT với tỉnh Bến Tre (17/7/2020)",
}


def _rows() -> list[dict[str, str]]:
    with (FIXTURES / "dti_published.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=2)
def engine_inputs(simulated: str | None = None):
    """The framework, the 2024 main indices of the 34 provinces, the nominal build and the rank
    uncertainty; with `simulated` naming a province, its main indices are drawn at random."""
    fw = load_framework(FRAMEWORK)
    codes = [n.code for n in fw.scored_indicators()]
    rows = [r for r in _rows() if r["year"] == PERIOD and r["scope"] == "34" and r["value"]]
    units = sorted({r["province"] for r in rows if r["measure"] in codes})
    x = np.full((len(units), len(codes)), np.nan)
    for r in rows:
        if r["measure"] in codes:
            x[units.index(r["province"]), codes.index(r["measure"])] = float(r["value"])
    if simulated is not None:
        rng = np.random.default_rng(20261202)
        x[units.index(simulated)] = np.round(rng.uniform(0.45, 0.95, len(codes)), 4)
    data = Dataset(units, codes, x)
    method = Method.for_framework(fw)
    res = build(fw, data, method)
    unc = uncertainty(fw, data, method, UncertaintySpec(n=500, seed=0, weight_noise=0.25))
    return fw, data, method, res, unc


def _run(label: str) -> Run:
    fw = load_framework(FRAMEWORK)
    return Run(label=label, framework=fw.id, framework_version=fw.version,
               framework_name=Text(vi="Chỉ số DTI cấp tỉnh 2024", en="Provincial DTI 2024"),
               method=Text(vi="Tổng điểm 8 chỉ số chính trên 940 điểm",
                           en="Sum of the 8 main indices' points over 940"),
               run_id=12 if label == "simulated" else 7, computed="2025-09-30",
               total_points=fw.total_points)


def _series(name: str, scope: str | None = None) -> tuple[tuple[str, float], ...]:
    pts = {}
    for r in _rows():
        if r["province"] == name and r["measure"] == "dti" and r["value"] and \
                (scope is None or r["scope"] == scope):
            if r["year"] == PERIOD and r["scope"] == "63" and scope is None:
                continue
            pts[r["year"]] = float(r["value"])
    return tuple(sorted(pts.items()))


def _national() -> Series:
    pts = {r["year"]: float(r["value"]) for r in _rows()
           if r["province"] == "Việt Nam" and r["measure"] == "provincial_mean" and r["value"]}
    return Series(Text(vi="Trung bình các tỉnh", en="Mean of provinces"), "national",
                  tuple(sorted(pts.items())))


def _seed(unit: str) -> list[dict]:
    with (FIXTURES / "gold" / "seed_observations.jsonl").open(encoding="utf-8") as fh:
        return [o for o in map(json.loads, fh) if o["unit"] == unit]


def _peers(name: str, region: str, res, data) -> tuple[Peers, list[int]]:
    ranks = res.ranks["pdti"]
    me = data.unit_ids.index(name)
    above = [data.unit_ids[i] for i in np.argsort(ranks) if ranks[i] < ranks[me]][-3:]
    label, members = REGIONS[region]
    units = tuple(dict.fromkeys([u for u in members if u != name and u in data.unit_ids] + above))
    text = Text(vi=f"{label.vi} và 3 tỉnh xếp trên", en=f"{label.en} and the 3 provinces above")
    return Peers(text, units), [data.unit_ids.index(u) for u in units]


def brief(name: str, place: Place, region: str, *, simulated: bool = False,
          trend: tuple[Series, ...] = (), targets: tuple[TargetRow, ...] = (),
          shortfalls: tuple = ()) -> Brief:
    fw, data, method, res, unc = engine_inputs(name if simulated else None)
    u = data.unit_ids.index(name)
    nodes = {n.code: n for n in fw.scored_indicators()}
    src = None if simulated else DTI_SOURCE
    fig = lambda v: Figure(float(v), "index", PERIOD, src, simulated)
    rows = tuple(IndexRow(c, Text(vi=nodes[c].name.vi, en=nodes[c].name.en), fig(data.values[u, j]),
                          float(np.nanmean(data.values[:, j])), float(np.nanmax(data.values[:, j])),
                          data.unit_ids[int(np.nanargmax(data.values[:, j]))], nodes[c].max_points)
                 for j, c in enumerate(data.indicators))
    peers, idx = _peers(name, region, res, data)
    diffs = sorted(((data.values[u, j] - data.values[idx, j].mean(), j)
                    for j in range(len(data.indicators))), reverse=True)
    point = lambda j: PeerPoint(rows[j].code, rows[j].name, rows[j].score,
                                float(data.values[idx, j].mean()))
    return Brief(
        place=place, period=PERIOD, run=_run("simulated" if simulated else "recomputed"),
        standing=Standing(Figure(float(res.scores["pdti"][u]), "index", PERIOD, src, simulated),
                          int(res.ranks["pdti"][u]), len(data.unit_ids),
                          (int(unc.q05_rank[u]), int(unc.q95_rank[u]))),
        trend=tuple(_with_score(s, PERIOD, float(res.scores["pdti"][u])) for s in trend),
        main_indices=rows,
        strengths=tuple(point(j) for d, j in diffs[:3] if d > 0),
        weaknesses=tuple(point(j) for d, j in diffs[::-1][:3] if d < 0),
        peers=peers, targets=targets,
        moves=what_it_takes(fw, data, method, name, "next" if res.ranks["pdti"][u] <= 10
                            else "top10"),
        rank_gains=tuple(rank_at_targets(fw, data, method, name,
                                         {c: float(np.nanmax(data.values[:, j]))
                                          for j, c in enumerate(data.indicators)})),
        shortfalls=tuple(shortfalls), data_as_of=AS_OF, link=LINK.format(id=place.id),
        generated=GENERATED)


def _with_score(s: Series, period: str, score: float) -> Series:
    """The province's line ends at the run's own score (not a published rounding of it)."""
    if s.kind != "unit":
        return s
    return replace(s, points=tuple(p for p in s.points if p[0] != period) + ((period, score),))


def _target_row(obs_actual: dict, obs_target: dict, basis: str, name: Text, unit: str) -> TargetRow:
    src = Source(SEED_SOURCE[obs_actual["doc"]], f"«{obs_actual['quote']}»")
    year = obs_target.get("target_year")
    series = [(obs_actual.get("period") or "2020", obs_actual["value"])]
    target = {"value": obs_target["value"], "qualifier": obs_target["qualifier"], "year": year}
    return TargetRow(obs_actual["indicator"], name,
                     Figure(obs_actual["value"], unit, "2020", src,
                            qualifier=obs_actual["qualifier"]),
                     obs_target["value"], obs_target["qualifier"], year, basis,
                     project_status(series, target, "higher_better") or "unknown",
                     source=SEED_SOURCE[obs_target["doc"]])


def thai_nguyen() -> Brief:
    """A merged province: Thái Nguyên and Bắc Kạn since 1/7/2025."""
    seed = {(o["indicator"], o["kind"]): o for o in _seed("Thái Nguyên")}
    core = load_framework("chiso-core")
    nm = lambda c: Text(vi=core.node(c).name.vi, en=core.node(c).name.en)
    targets = (
        _target_row(seed[("it_budget_share", "actual")], seed[("it_budget_share", "target")],
                    "national_target", nm("it_budget_share"), "percent"),
        _target_row(seed[("infra_sharing_share", "actual")],
                    seed[("infra_sharing_share", "target")],
                    "national_target", nm("infra_sharing_share"), "percent"),
        _target_row(seed[("digital_enterprises_count", "actual")],
                    seed[("digital_enterprises_count", "target")], "own_target",
                    nm("digital_enterprises_count"), "count"),
    )
    where = SEED_SOURCE["002_4772e3cccd476e08.txt"]
    # the total budget is not said; the report gives IT spending both in đồng and as a share
    budget = Cited(30e9 / 0.002, "vnd", f"Tính từ {where}: chi CNTT 30 tỷ đồng = 0,2 % tổng chi",
                   period="2020")
    share = Cited(0.2, "percent", where, period="2020", where="«đạt tỷ lệ 0,2% tổng chi ngân sách»")
    shortfalls = (
        budget_missing(budget, share, Goal(1, "national_target", "Quyết định 749/QĐ-TTg")),
        budget_missing(budget, share, Goal(2, "leading", "Bộ TT&TT, buổi làm việc 2020–2021")),
    )
    place = Place("vn34-19", "19", "Thái Nguyên", "Tỉnh Thái Nguyên",
                  merged_from=("Thái Nguyên", "Bắc Kạn"), merged_on="2025-07-01")
    trend = (Series(Text(vi="Thái Nguyên (mới)", en="Thái Nguyên (new)"), "unit",
                    _series("Thái Nguyên", "34")),
             Series(Text(vi="Thái Nguyên (cũ)", en="Thái Nguyên (former)"), "predecessor",
                    _series("Thái Nguyên", "63")),
             Series(Text(vi="Bắc Kạn (cũ)", en="Bắc Kạn (former)"), "predecessor",
                    _series("Bắc Kạn", "63")),
             _national())
    return brief("Thái Nguyên", place, "north", trend=trend, targets=targets,
                 shortfalls=shortfalls)


def hue() -> Brief:
    """A province not merged in 2025 (Thừa Thiên Huế, renamed Huế)."""
    place = Place("vn34-46", "46", "Huế", "Thành phố Huế")
    trend = (Series(Text(vi="Huế", en="Huế"), "unit",
                    _series("Thừa Thiên Huế", "63")[:-1] + _series("Huế", "34")),
             _national())
    obs = next(o for o in _seed("Thừa Thiên Huế") if o["indicator"] == "dvc_l4_share")
    core = load_framework("chiso-core")
    node = core.node("dvc_l4_share")
    tg = node.targets[0] if node.targets else None
    targets = ()
    if tg is not None:
        targets = (TargetRow("dvc_l4_share", Text(vi=node.name.vi, en=node.name.en),
                             Figure(obs["value"], "percent", "2020",
                                    Source(SEED_SOURCE[obs["doc"]], f"«{obs['quote'][:90]}…»")),
                             tg.value, tg.qualifier, tg.year, "national_target", "achieved",
                             source=tg.basis),)
    return brief("Huế", place, "centre", trend=trend, targets=targets)


def lang_son() -> Brief:
    """A province on simulated data: every value drawn at random, labelled as such."""
    sim = "Dữ liệu mô phỏng của chiso (không phải số liệu thật)"
    pop = Cited(812_000, "persons", sim, "2024", simulated=True)
    households = Cited(205_000, "households", sim, "2024", simulated=True)
    stations = Cited(1_420, "stations", sim, "2024", simulated=True)
    budget = Cited(14_200e9, "vnd", sim, "2024", simulated=True)
    smart = Cited(71.4, "per_100", sim, "2024", simulated=True)
    fibre = Cited(63.5, "percent", sim, "2024", simulated=True)
    sharing = Cited(11.0, "percent", sim, "2024", simulated=True)
    it = Cited(0.35, "percent", sim, "2024", simulated=True)
    shortfalls = (
        smartphones_missing(pop, smart, Goal(80.2, "national_average", sim)),
        budget_missing(budget, it, Goal(1, "national_target", "Quyết định 749/QĐ-TTg")),
        households_without_fibre(households, fibre, Goal(80, "national_target",
                                                         "Quyết định 749/QĐ-TTg", 2025)),
        stations_to_share(stations, sharing, Goal(20, "national_target", "Bộ TT&TT", 2021)),
    )
    core = load_framework("chiso-core")
    simsrc = Source(sim)

    def row(code: str, value: float, unit: str, status: str) -> TargetRow:
        node = core.node(code)
        tg = node.targets[0]
        return TargetRow(code, Text(vi=node.name.vi, en=node.name.en),
                         Figure(value, unit, "2024", simsrc, simulated=True), tg.value,
                         tg.qualifier, tg.year, "national_target", status, source=tg.basis)

    targets = (row("it_budget_share", 0.35, "percent", "off_track"),
               row("fiber_households_share", 63.5, "percent", "at_risk"),
               row("infra_sharing_share", 11.0, "percent", "off_track"),
               row("coverage_4g_pop", 97.2, "percent", "on_track"))
    place = Place("vn34-20", "20", "Lạng Sơn", "Tỉnh Lạng Sơn")
    trend = (Series(Text(vi="Lạng Sơn", en="Lạng Sơn"), "unit",
                    (("2022", 0.61), ("2023", 0.66), ("2024", 0.70)), simulated=True),)
    b = brief("Lạng Sơn", place, "north", simulated=True, trend=trend, targets=targets,
              shortfalls=shortfalls)
    return replace(b, trend=b.trend + (_national(),))


BRIEFS = {"thai_nguyen": thai_nguyen, "hue": hue, "lang_son": lang_son}


def ranking(lang_son_simulated: bool = False) -> Ranking:
    """The 2024 ranking of the 34 provinces as published."""
    fw, data, _, res, unc = engine_inputs()
    nodes = {n.code: n for n in fw.scored_indicators()}
    codes = {}
    with (FIXTURES.parent.parent / "src" / "chiso" / "units" / "data" / "units.csv").open(
            encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["id"].startswith("vn34-"):
                codes[r["name"]] = (r["id"], r["code"])
    # no rank change: the 2023 ranks are of the 63 former provinces
    rows = []
    for u, name in enumerate(data.unit_ids):
        rank = int(res.ranks["pdti"][u])
        rows.append(RankingRow(codes[name][0], codes[name][1], name,
                               Figure(float(res.scores["pdti"][u]), "index", PERIOD, DTI_SOURCE),
                               rank, (int(unc.q05_rank[u]), int(unc.q95_rank[u])),
                               None, {c: float(data.values[u, j])
                                      for j, c in enumerate(data.indicators)}))
    rows.sort(key=lambda r: r.rank)
    method = (Text(vi="Mỗi chỉ số chính (0–1) nhân với số điểm tối đa của nó; điểm DTI là tổng "
                      "điểm chia cho 940.",
                   en="Each main index (0–1) times its maximum points; the DTI is the total "
                      "over 940."),
              Text(vi="Khoảng hạng 5–95 %: 500 lần tính lại với số điểm của mỗi chỉ số chính "
                      "thay đổi ngẫu nhiên ±25 %.",
                   en="5–95 % rank interval: 500 recomputations with each main index's points "
                      "varied at random by ±25 %."))
    return Ranking(PERIOD, _run("recomputed"),
                   tuple(IndexColumn(c, Text(vi=nodes[c].name.vi, en=nodes[c].name.en),
                                     nodes[c].max_points) for c in data.indicators),
                   tuple(rows), "vn-34", method, (DTI_SOURCE,), AS_OF,
                   "https://chiso.example.vn/?year=2024", GENERATED)


def scorecard(b: Brief) -> Scorecard:
    """A scorecard workbook's model from a brief's figures (main indices and targets)."""
    rows = tuple(ScoreRow(r.code, r.name, None, r.score, r.national) for r in b.main_indices)
    rows += tuple(ScoreRow(t.code, t.name, None, t.value, None, t.target, t.status)
                  for t in b.targets)
    sources = tuple(dict.fromkeys(f.value.source for f in rows if f.value.source))
    return Scorecard(b.place, b.period, b.run, b.standing, rows, sources, b.data_as_of, b.link,
                     b.generated)
