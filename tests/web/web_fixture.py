"""A small but complete database for the web tests: 34 provinces, a few old ones, runs, figures.

Built through the store, as the demo would: shipped frameworks synced, units with
lineage, observations with provenance (a quoted sentence, a file row, a simulation), a computed
DTI 2024 run on the 34 provinces with rank intervals, a published 2023 run on old provinces and
a simulated chiso-core run.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from sqlalchemy import Engine

from chiso.framework import load_framework
from chiso.framework.load import SHIPPED
from chiso.store import db, frameworks, observations, runs, sources
from chiso.store.models import IndexRun, LineageEvent, Unit
from chiso.vocab import PUBLISHED

NEW = date(2025, 7, 1)
OLD_END = date(2025, 6, 30)

# new GSO code -> (name, kind, old codes); same table as scripts/build_map.py
NEW_34: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "01": ("Hà Nội", "thành phố", ("01",)), "04": ("Cao Bằng", "tỉnh", ("04",)),
    "08": ("Tuyên Quang", "tỉnh", ("08", "02")), "11": ("Điện Biên", "tỉnh", ("11",)),
    "12": ("Lai Châu", "tỉnh", ("12",)), "14": ("Sơn La", "tỉnh", ("14",)),
    "15": ("Lào Cai", "tỉnh", ("10", "15")), "19": ("Thái Nguyên", "tỉnh", ("19", "06")),
    "20": ("Lạng Sơn", "tỉnh", ("20",)), "22": ("Quảng Ninh", "tỉnh", ("22",)),
    "24": ("Bắc Ninh", "tỉnh", ("27", "24")), "25": ("Phú Thọ", "tỉnh", ("25", "26", "17")),
    "31": ("Hải Phòng", "thành phố", ("31", "30")), "33": ("Hưng Yên", "tỉnh", ("33", "34")),
    "37": ("Ninh Bình", "tỉnh", ("37", "35", "36")), "38": ("Thanh Hóa", "tỉnh", ("38",)),
    "40": ("Nghệ An", "tỉnh", ("40",)), "42": ("Hà Tĩnh", "tỉnh", ("42",)),
    "44": ("Quảng Trị", "tỉnh", ("45", "44")), "46": ("Huế", "thành phố", ("46",)),
    "48": ("Đà Nẵng", "thành phố", ("48", "49")), "51": ("Quảng Ngãi", "tỉnh", ("51", "62")),
    "52": ("Gia Lai", "tỉnh", ("64", "52")), "56": ("Khánh Hòa", "tỉnh", ("56", "58")),
    "66": ("Đắk Lắk", "tỉnh", ("66", "54")), "68": ("Lâm Đồng", "tỉnh", ("68", "67", "60")),
    "75": ("Đồng Nai", "tỉnh", ("75", "70")),
    "79": ("Hồ Chí Minh", "thành phố", ("79", "74", "77")),
    "80": ("Tây Ninh", "tỉnh", ("72", "80")), "82": ("Đồng Tháp", "tỉnh", ("87", "82")),
    "86": ("Vĩnh Long", "tỉnh", ("86", "83", "84")), "91": ("An Giang", "tỉnh", ("89", "91")),
    "92": ("Cần Thơ", "thành phố", ("92", "93", "94")), "96": ("Cà Mau", "tỉnh", ("96", "95")),
}
# a few of the 63 old provinces, enough for a published 2023 run and the seed figures
OLD = {"83": ("Bến Tre", "tỉnh"), "84": ("Trà Vinh", "tỉnh"), "86": ("Vĩnh Long", "tỉnh"),
       "87": ("Đồng Tháp", "tỉnh"), "94": ("Sóc Trăng", "tỉnh"), "48": ("Đà Nẵng", "thành phố"),
       "19": ("Thái Nguyên", "tỉnh")}

DTI_LEAVES = ["nhan_thuc_so", "the_che_so", "ha_tang_so", "nhan_luc_so", "attt", "hd_cqs",
              "hd_kts", "hd_xhs"]
DTI_URL = "https://dti.gov.vn/ket-qua-dti-2024"


def new_id(code: str) -> str:
    return f"vn34-{code}"


def old_id(code: str) -> str:
    return f"vn63-{code}"


def _u(key: str) -> float:
    """A deterministic number in [0, 1) from a key (no random state in fixtures)."""
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) / 2**32


def _full(name: str, kind: str) -> str:
    return f"{'Thành phố' if kind == 'thành phố' else 'Tỉnh'} {name}"


def _ranks(scores: dict[str, float]) -> dict[str, int]:
    order = sorted(scores, key=lambda k: -scores[k])
    return {k: i + 1 for i, k in enumerate(order)}


_RESULT_KEYS = ("unit_id", "node_code", "score", "rank", "rank_q05", "rank_q95", "rank_median")


def _full_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """runs.save_run inserts in bulk: every row needs every column."""
    return [{k: r.get(k) for k in _RESULT_KEYS} for r in rows]


def build(engine: Engine) -> dict[str, Any]:
    """Fill a migrated database; returns ids the tests refer to."""
    with db.transaction(engine) as s:
        for fid in ("dti-province-2022", "dti-province-2024", "chiso-core"):
            frameworks.sync_framework(s, load_framework(fid),
                                      (SHIPPED / f"{fid}.yaml").read_text("utf-8"))
        s.add(Unit(id="VN", code="VN", name="Việt Nam", full_name="Việt Nam", type="quốc gia",
                   level="country"))
        s.flush()
        for code, (name, kind) in OLD.items():
            s.add(Unit(id=old_id(code), code=code, name=name, full_name=_full(name, kind),
                       type=kind, level="province", parent_id="VN", valid_to=OLD_END))
        for code, (name, kind, _parts) in NEW_34.items():
            s.add(Unit(id=new_id(code), code=code, name=name, full_name=_full(name, kind),
                       type=kind, level="province", parent_id="VN", valid_from=NEW))
        s.flush()
        for code, (_n, _k, parts) in NEW_34.items():
            for part in parts:
                if part in OLD:
                    s.add(LineageEvent(from_unit_id=old_id(part), to_unit_id=new_id(code),
                                       effective=NEW, kind="merge"))

        # published DTI figures (a file row each) and a national average
        pub = sources.add_source(s, kind="published_report", title="Kết quả DTI 2024 công bố",
                              uri=DTI_URL)
        recs = []
        row = 2
        dti24: dict[str, dict[str, float]] = {}
        for code in NEW_34:
            uid = new_id(code)
            dti24[uid] = {}
            for leaf in DTI_LEAVES:
                v = round(0.25 + 0.7 * _u(f"{uid}{leaf}"), 4)
                dti24[uid][leaf] = v
                recs.append({"unit_id": uid, "indicator": leaf, "period": "2024", "kind": "actual",
                             "value": v, "provenance": {"file": "dti_published.csv", "row": row,
                                                        "url": DTI_URL, "scope": "34"}})
                row += 1
        recs.append({"unit_id": "VN", "indicator": "nhan_thuc_so", "period": "2024",
                     "kind": "national_average", "value": 0.61,
                     "provenance": {"file": "dti_published.csv", "row": row, "url": DTI_URL}})
        observations.record_observations(s, recs, source_id=pub.id, status=PUBLISHED)

        # a seed report: figures with the quoted sentence
        doc = sources.add_source(s, kind="document", title="Bộ TT&TT làm việc với tỉnh Bến Tre",
                              uri="chiso-demo:seeds/000_304c59184cccb1e4.txt")
        seed = [
            {"unit_id": old_id("83"), "indicator": "smartphone_per_100", "period": "2020",
             "kind": "actual", "value": 70.8, "qualifier": "eq",
             "provenance": {"document": "000_304c59184cccb1e4.txt",
                            "quote": "tỷ lệ thuê bao smartphone/100 dân đạt 70,8%",
                            "span": [10, 52]}},
            {"unit_id": old_id("83"), "indicator": "smartphone_subscribers", "period": "2020",
             "kind": "actual", "value": 911000, "qualifier": "gt",
             "provenance": {"document": "000_304c59184cccb1e4.txt",
                            "quote": ("tổng số thuê bao sử dụng smartphone trên toàn tỉnh "
                                      "là hơn 911.000")}},
            {"unit_id": "VN", "indicator": "smartphone_per_100", "period": "2020",
             "kind": "national_average", "value": 80.2,
             "provenance": {"document": "000_304c59184cccb1e4.txt",
                            "quote": "thấp hơn mức trung bình toàn quốc (80,2%)"}},
            {"unit_id": old_id("83"), "indicator": "dvc_l4_share", "period": "2020",
             "kind": "target", "value": 100, "target_year": 2020,
             "provenance": {"document": "000_304c59184cccb1e4.txt",
                            "quote": ("Tỉnh thậm chí có thể thực hiện ngay trong năm 2020 "
                                      "đạt 100% DVCTT")}},
        ]
        observations.record_observations(s, seed, source_id=doc.id, status=PUBLISHED)

        # simulated chiso-core figures, two years, for every new province
        sim = sources.add_source(s, kind="simulated", title="Dữ liệu mô phỏng / Simulated data",
                              uri="chiso-demo:simulated", simulated=True)
        core = load_framework("chiso-core")
        core_inds = ["fiber_households_share", "it_budget_share", "smartphone_per_100"]
        core_inds = [c for c in core_inds if c in {n.code for n in core.indicators()}]
        sim_recs = []
        for code in NEW_34:
            uid = new_id(code)
            for ind in core_inds:
                base = 20 + 60 * _u(uid + ind)
                for k, year in enumerate(("2023", "2024")):
                    sim_recs.append({"unit_id": uid, "indicator": ind, "period": year,
                                     "kind": "actual", "value": round(base + 4 * k, 1),
                                     "provenance": {"simulated": True, "seed": 1}})
        observations.record_observations(s, sim_recs, source_id=sim.id, status=PUBLISHED)

        # computed DTI 2024 run on the 34, with rank intervals
        points = {n.code: n.max_points or 0
                  for n in load_framework("dti-province-2024").indicators()}
        scores = {uid: sum(v * points[k] for k, v in leaves.items()) / 940
                  for uid, leaves in dti24.items()}
        ranks = _ranks(scores)
        results = []
        for uid, score in scores.items():
            r = ranks[uid]
            results.append({"unit_id": uid, "node_code": "pdti", "score": round(score, 4),
                            "rank": r,
                            "rank_q05": float(max(1, r - 2)), "rank_q95": float(min(34, r + 3)),
                            "rank_median": float(r)})
            for leaf in DTI_LEAVES:
                results.append({"unit_id": uid, "node_code": leaf, "score": dti24[uid][leaf]})
        run24 = runs.save_run(s, IndexRun(
            framework_code="dti-province-2024", framework_version="2024.1-inferred", period="2024",
            unit_level="province", method={"normalisation": "goalposts", "aggregation": "points",
                                           "uncertainty": {"replications": 1000}},
            snapshot_hash="a" * 64, chiso_version="0.1.0", simulated=False,
            label="DTI 2024 tính lại / recomputed"), _full_rows(results))

        # published DTI 2023 on a few old provinces
        old_scores = {old_id(c): round(0.4 + 0.4 * _u("2023" + c), 4) for c in OLD}
        old_ranks = _ranks(old_scores)
        run23 = runs.save_run(s, IndexRun(
            framework_code="dti-province-2022",
            framework_version=load_framework("dti-province-2022").version,
            period="2023", unit_level="province", method={"kind": "published"},
            snapshot_hash="b" * 64, chiso_version="0.1.0", simulated=False,
            label="DTI 2023 công bố / published"),
            _full_rows(
                [{"unit_id": u, "node_code": "pdti", "score": v, "rank": old_ranks[u]}
                 for u, v in old_scores.items()]))

        # simulated chiso-core run with pillar scores
        pillars = [n.code for n in core.root.children]
        core_scores = {new_id(c): round(30 + 50 * _u("core" + c), 2) for c in NEW_34}
        core_ranks = _ranks(core_scores)
        core_results = []
        for uid, v in core_scores.items():
            core_results.append({"unit_id": uid, "node_code": core.root.code, "score": v,
                                 "rank": core_ranks[uid],
                                 "rank_q05": float(max(1, core_ranks[uid] - 4)),
                                 "rank_q95": float(min(34, core_ranks[uid] + 4)),
                                 "rank_median": float(core_ranks[uid])})
            for p in pillars:
                core_results.append({"unit_id": uid, "node_code": p,
                                     "score": round(20 + 70 * _u(uid + p), 2)})
        runsim = runs.save_run(s, IndexRun(
            framework_code="chiso-core", framework_version=core.version, period="2024",
            unit_level="province", method={"normalisation": "minmax"}, snapshot_hash="c" * 64,
            chiso_version="0.1.0", simulated=True, label="mô phỏng / simulated"),
            _full_rows(core_results))
        ids = {"run24": run24.id, "run23": run23.id, "runsim": runsim.id}
    return {**ids, "top": min(ranks, key=lambda k: ranks[k]), "ben_tre": old_id("83"),
            "vinh_long": new_id("86"), "core_indicators": core_inds}
