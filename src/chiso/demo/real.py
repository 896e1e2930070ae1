"""Real demo data: the seed reports' hand-checked figures and the published DTI results."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

from chiso.units.registry import Registry
from chiso.vocab import LAST_DAY_BEFORE_REFORM, REFORM_DATE

DATA = resources.files("chiso.demo") / "data"

# published measure -> (indicator code, which of value/rank it carries)
DTI_MEASURES = {
    "dti": "dti_score",
    "cqs": "dti_digital_government_score",
    "kts": "dti_digital_economy_score",
    "xhs": "dti_digital_society_score",
    "nhan_thuc_so": "nhan_thuc_so",
    "the_che_so": "the_che_so",
    "ha_tang_so": "ha_tang_so",
    "nhan_luc_so": "nhan_luc_so",
    "attt": "attt",
    "hd_cqs": "hd_cqs",
    "hd_kts": "hd_kts",
    "hd_xhs": "hd_xhs",
}
DTI_RANKS = {
    "dti": "dti_rank",
    "cqs": "dti_digital_government_rank",
    "kts": "dti_digital_economy_rank",
    "xhs": "dti_digital_society_rank",
    "nhan_thuc_so": "dti_awareness_rank",
    "the_che_so": "dti_institutions_rank",
    "ha_tang_so": "dti_infrastructure_rank",
    "nhan_luc_so": "dti_human_resources_rank",
    "attt": "dti_cybersecurity_rank",
    "hd_cqs": "dti_digital_government_activity_rank",
    "hd_kts": "dti_digital_economy_activity_rank",
    "hd_xhs": "dti_digital_society_activity_rank",
}
AS_OF = {"63": LAST_DAY_BEFORE_REFORM, "34": REFORM_DATE}

# Who published each seed report and when, as printed in it or as the session it reports took
# place. The articles' own web addresses are not in the shipped texts and were not found again
# (searched by title on 2026-12-02): the address given is the shipped file, and the note says so.
SEED_SOURCES: dict[str, dict[str, Any]] = {
    "000": {"publisher": "Bộ Thông tin và Truyền thông (bài tường thuật buổi làm việc)",
            "published_on": None,
            "note": "ngày đăng không in trong bài; buổi làm việc ngày 17/7/2020; địa chỉ bài gốc "
                    "không có trong tệp / the article's web address is not in the file"},
    "001": {"publisher": "Tạp chí Thông tin & Truyền thông (ICTVietnam), Lan Phương",
            "published_on": date(2020, 9, 10),
            "note": "đăng 10/09/2020 22:00; địa chỉ bài gốc không có trong tệp / the article's "
                    "web address is not in the file"},
    "002": {"publisher": "Tạp chí Thông tin & Truyền thông (ICTVietnam), Bình Minh",
            "published_on": date(2020, 11, 13),
            "note": "đăng 13/11/2020 19:17; địa chỉ bài gốc không có trong tệp / the article's "
                    "web address is not in the file"},
    "003": {"publisher": "Bộ Thông tin và Truyền thông (bài tường thuật buổi làm việc)",
            "published_on": None,
            "note": "ngày đăng không in trong bài; buổi làm việc ngày 4/1/2021; địa chỉ bài gốc "
                    "không có trong tệp / the article's web address is not in the file"},
}
# the ministry's DTI pages: the ranking of a year, and when it was announced
DTI_PAGES: dict[str, tuple[str, date | None]] = {
    "https://dti.gov.vn/xep-hang-2022": ("Bộ Thông tin và Truyền thông (dti.gov.vn)",
                                         date(2023, 7, 12)),
    # announced in February 2025; the day is not on the page
    "https://dti.gov.vn/xep-hang-2023-all": ("Bộ Thông tin và Truyền thông (dti.gov.vn)", None),
    "https://dti.gov.vn/xep-hang-2024": ("Bộ Khoa học và Công nghệ (dti.gov.vn)",
                                         date(2025, 10, 21)),
    "https://dti.gov.vn/xep-hang-2024-63-tinh": ("Bộ Khoa học và Công nghệ (dti.gov.vn)",
                                                 date(2025, 10, 21)),
}


@dataclass
class Batch:
    """Records from one source, ready to be stored."""

    source: dict[str, Any]
    records: list[dict[str, Any]] = field(default_factory=list)


def seed_report_batches(registry: Registry) -> Iterator[Batch]:
    """One batch per seed report: its gold figures, each with its quote as provenance."""
    by_doc: dict[str, Batch] = {}
    text = (DATA / "seed_observations.jsonl").read_text("utf-8")
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        g = json.loads(line)
        doc = g["doc"]
        batch = by_doc.get(doc)
        if batch is None:
            body = (DATA / doc).read_text("utf-8")
            title = body.splitlines()[0].strip()
            batch = by_doc[doc] = Batch(
                {"kind": "document", "title": title, "uri": f"chiso-demo:seeds/{doc}",
                 **SEED_SOURCES.get(doc[:3], {"note": "Bài báo về buổi làm việc của Bộ TT&TT / "
                                                      "report of a ministry working session"})}
            )
        year = g.get("year") or _report_year(doc)
        unit = registry.resolve(g["unit"], as_of=date(year, 12, 31))
        span = _span(DATA, doc, g["quote"])
        batch.records.append({
            "unit_id": unit.id,
            "indicator": g["indicator"],
            "period": str(year),
            "kind": g["kind"],
            "value": g["value"],
            "value_high": g.get("value_high"),
            "qualifier": g.get("qualifier") or "eq",
            "target_year": g.get("target_year"),
            "provenance": {"document": doc, "quote": g["quote"], "span": span,
                           "gold_line": line_no, "reviewed": "hand-checked"},
        })
    yield from by_doc.values()


_YEARS = {"000": 2020, "001": 2020, "002": 2020, "003": 2021}


def _report_year(doc: str) -> int:
    """The year each seed report speaks of (its working session's date)."""
    return _YEARS.get(doc[:3], 2020)


_TEXTS: dict[str, str] = {}


def _span(data: Any, doc: str, quote: str) -> list[int] | None:
    body = _TEXTS.setdefault(doc, (data / doc).read_text("utf-8"))
    at = body.find(quote)
    return [at, at + len(quote)] if at >= 0 else None


def dti_published_batches(registry: Registry) -> Iterator[Batch]:
    """The published DTI results, one batch per source page, on the units of their scope."""
    batches: dict[str, Batch] = {}
    raw = (DATA / "dti_published.csv").read_text("utf-8")
    for row_no, row in enumerate(csv.DictReader(raw.splitlines()), start=2):
        url = row["source_url"]
        publisher, on = DTI_PAGES.get(url, (_host(url), None))
        batch = batches.setdefault(url, Batch({"kind": "published_report", "title": _title(url),
                                               "uri": url, "publisher": publisher,
                                               "published_on": on}))
        year, scope, measure = row["year"], row["scope"], row["measure"]
        prov = {"file": "dti_published.csv", "row": row_no, "url": url, "scope": scope}
        if row["province"] in ("Việt Nam", "Trung bình cấp tỉnh"):
            unit_id = registry.resolve("Việt Nam").id
            kind = "actual" if measure == "national" else "national_average"
            indicator = ("dti_score" if measure in ("national", "provincial_mean")
                         else DTI_MEASURES[measure])
            if row["value"]:
                batch.records.append(_rec(unit_id, indicator, year, kind, float(row["value"]),
                                          prov))
            continue
        unit = registry.resolve(row["province"], as_of=AS_OF[scope])
        if row["value"]:
            batch.records.append(_rec(unit.id, DTI_MEASURES[measure], year, "actual",
                                      float(row["value"]), prov))
        if row["rank"]:
            batch.records.append(_rec(unit.id, DTI_RANKS[measure], year, "actual",
                                      float(row["rank"]), prov))
    yield from batches.values()


def _rec(unit_id: str, indicator: str, year: str, kind: str, value: float,
         prov: dict[str, Any]) -> dict[str, Any]:
    return {"unit_id": unit_id, "indicator": indicator, "period": year, "kind": kind,
            "value": value, "value_high": None, "qualifier": "eq", "target_year": None,
            "provenance": prov}


def _host(url: str) -> str:
    return url.split("/")[2] if "://" in url else url


def _title(url: str) -> str:
    return f"Kết quả DTI công bố / published DTI results ({_host(url)})"
