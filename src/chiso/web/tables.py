"""The published tables as rows, and their CSV, XLSX and Frictionless data package forms.

One rule for every form: names beside codes (the unit's and the indicator's), each figure at its
indicator's precision and kept a number (`Node.rounded`), CSV numbers written as the data package
writes them (`ingest.export.csv_number`: a decimal point, no grouping). An XLSX has one header
row in the reader's language, with filters and a frozen header; the other language and the
column names are on its second sheet, and in the data package's schema."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

import chiso
from chiso.ingest.export import csv_number, indicator_nodes, rounded
from chiso.ingest.safe import neutral, write_row
from chiso.store import frameworks, observations, projects, runs, sources, units
from chiso.web.model import framework_of

SCORE_DECIMALS = 4  # index scores as the ministry publishes them (0,7955)


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Frictionless types: string, number, integer, boolean, date, object
    vi: str
    en: str


@dataclass(frozen=True)
class Table:
    name: str
    title_vi: str
    title_en: str
    fields: tuple[Field, ...]
    rows: Callable[[Session, str], list[list[Any]]]


def _units(s: Session, lang: str = "vi") -> list[list[Any]]:
    return [[u.id, u.code, u.name, u.full_name, u.type, u.level, u.parent_id,
             u.valid_from.isoformat() if u.valid_from else None,
             u.valid_to.isoformat() if u.valid_to else None] for u in units.units(s)]


def _names(s: Session) -> dict[str, str]:
    return {u.id: u.name for u in units.units(s)}


def _pick(node: Any, lang: str) -> str | None:
    return None if node is None else (node.name.en if lang == "en" else node.name.vi)


def _observations(s: Session, lang: str = "vi") -> list[list[Any]]:
    out = []
    names, nodes = _names(s), indicator_nodes(s)
    for o, src in observations.figures(s, observations.Filter()):
        prov = o.provenance or {}
        node = nodes.get(o.indicator)
        out.append([o.id, o.unit_id, names.get(o.unit_id), o.indicator, _pick(node, lang),
                    o.period, o.kind, rounded(node, o.value), rounded(node, o.value_high),
                     o.qualifier, o.target_year, o.status, o.revision, o.source_id,
                     src.title if src else None, bool(src.simulated) if src else False,
                     prov.get("file") or prov.get("document"), prov.get("cell") or prov.get("row"),
                     prov.get("quote"), json.dumps(prov, ensure_ascii=False) if prov else None])
    return out


def _runs(s: Session, lang: str = "vi") -> list[list[Any]]:
    return [[r.id, r.framework_code, r.framework_version, r.period, r.unit_level, r.simulated,
             r.label, r.snapshot_hash, r.chiso_version, json.dumps(r.method, ensure_ascii=False)]
            for r in runs.runs(s)]


def _score(x: float | None) -> float | None:
    return None if x is None else round(float(x), SCORE_DECIMALS) + 0.0


def _results(s: Session, lang: str = "vi") -> list[list[Any]]:
    out = []
    names, nodes = _names(s), indicator_nodes(s)
    for r in runs.runs(s):
        for x in runs.results(s, r.id):
            out.append([r.id, r.framework_code, r.period, x.unit_id, names.get(x.unit_id),
                        x.node_code, _pick(nodes.get(x.node_code), lang), _score(x.score), x.rank,
                        x.rank_q05, x.rank_median, x.rank_q95, r.simulated])
    return out


def _indicators(s: Session, lang: str = "vi") -> list[list[Any]]:
    out = []
    for rec in frameworks.frameworks(s):
        fw = framework_of(rec)
        parents = fw.parent_of()
        for n in fw.nodes():
            targets = "; ".join(f"{t.qualifier} {t.value:g}" + (f" ({t.year})" if t.year else "")
                                for t in n.targets)
            out.append([rec.code, rec.version, n.code, parents[n.code], n.level,
                        n.name.vi, n.name.en,
                        n.unit, n.precision, n.direction, n.weight, n.max_points, n.scored,
                        n.goalposts.low if n.goalposts else None,
                        n.goalposts.high if n.goalposts else None, targets or None])
    return out


def _sources(s: Session, lang: str = "vi") -> list[list[Any]]:
    return [[x.id, x.kind, x.title, x.uri, x.sha256, x.simulated, x.note]
            for x in sources.sources(s)]


def _published_projects(s: Session) -> list[dict[str, Any]]:
    return [d for p in projects.register(s) if (d := projects.view_of(p, "public"))]


def _projects(s: Session, lang: str = "vi") -> list[list[Any]]:
    from chiso.compute.value_report import register_appraisal

    data = _published_projects(s)
    appraised = register_appraisal(data)
    out = []
    for d in data:
        a = appraised.get(d["code"], {})
        out.append([d["code"], d["name"], d.get("name_en"), d["unit_id"], d.get("sector"),
                    d["status"], d.get("start_year"), a.get("rate"), a.get("npv"),
                    a.get("pv_benefits"), a.get("pv_costs"), a.get("bcr"), a.get("payback_year"),
                    a.get("irr"), a.get("meets_bar"), ";".join(a.get("flags", [])),
                    bool(d.get("simulated")), d.get("published_at")])
    return out


def _project_flows(s: Session, lang: str = "vi") -> list[list[Any]]:
    return [[d["code"], f["year"], f["kind"], f["category"], f["item"], f["amount"], f["low"],
             f["high"], bool(f.get("simulated")), f.get("source")]
            for d in _published_projects(s) for f in d["flows"]]


def _project_unit_costs(s: Session, lang: str = "vi") -> list[list[Any]]:
    from chiso.web.project_model import catalogue, unit_costs

    cat = catalogue(s)
    out = []
    for d in _published_projects(s):
        for u in unit_costs(d, cat):
            ref = u["reference"] or {}
            out.append([d["code"], u["platform"], u["unit"], u["quantity"], u["unit_price"],
                        u["total"], ref.get("low"), ref.get("high"),
                        bool(ref.get("simulated")) if ref else None, u["position"], u["excess"],
                        u["not_compared"], u["simulated"]])
    return out


def F(name: str, typ: str, vi: str, en: str) -> Field:  # short table specs
    return Field(name, typ, vi, en)


TABLES: dict[str, Table] = {t.name: t for t in (
    Table("observations", "Số liệu (bản hiện hành, kèm nguồn gốc)",
          "Figures (current, with provenance)", (
        F("id", "integer", "mã", "id"), F("unit_id", "string", "mã đơn vị", "unit id"),
        F("unit_name", "string", "đơn vị", "unit"),
        F("indicator", "string", "mã chỉ tiêu", "indicator code"),
        F("indicator_name", "string", "chỉ tiêu", "indicator"),
        F("period", "string", "kỳ", "period"),
        F("kind", "string", "loại", "kind"), F("value", "number", "giá trị", "value"),
        F("value_high", "number", "cận trên", "upper value"),
        F("qualifier", "string", "định tính", "qualifier"),
        F("target_year", "integer", "năm mục tiêu", "target year"),
        F("status", "string", "trạng thái", "status"),
        F("revision", "integer", "lần sửa", "revision"),
        F("source_id", "integer", "mã nguồn", "source id"),
        F("source", "string", "nguồn", "source"),
        F("simulated", "boolean", "mô phỏng", "simulated"),
        F("provenance_file", "string", "tệp/tài liệu", "file or document"),
        F("provenance_cell", "string", "ô/dòng", "cell or row"),
        F("provenance_quote", "string", "trích dẫn", "quote"),
        F("provenance", "object", "nguồn gốc (JSON)", "provenance (JSON)")), _observations),
    Table("index_results", "Kết quả chỉ số: điểm, hạng, khoảng hạng",
          "Index results: scores, ranks, intervals", (
        F("run_id", "integer", "lần tính", "run"), F("framework", "string", "khung", "framework"),
        F("period", "string", "kỳ", "period"), F("unit_id", "string", "mã đơn vị", "unit id"),
        F("unit_name", "string", "đơn vị", "unit"), F("node", "string", "mã nút", "node code"),
        F("node_name", "string", "chỉ số/chỉ tiêu", "index or indicator"),
        F("score", "number", "điểm", "score"),
        F("rank", "integer", "hạng", "rank"), F("rank_q05", "number", "hạng P5", "rank P5"),
        F("rank_median", "number", "hạng trung vị", "median rank"),
        F("rank_q95", "number", "hạng P95", "rank P95"),
        F("simulated", "boolean", "mô phỏng", "simulated")), _results),
    Table("index_runs", "Các lần tính (bản ghi để tính lại)",
          "Index runs (records to regenerate them)", (
        F("id", "integer", "mã", "id"), F("framework", "string", "khung", "framework"),
        F("framework_version", "string", "phiên bản", "version"),
        F("period", "string", "kỳ", "period"),
        F("unit_level", "string", "cấp", "level"),
        F("simulated", "boolean", "mô phỏng", "simulated"),
        F("label", "string", "nhãn", "label"),
        F("snapshot_hash", "string", "mã băm", "snapshot hash"),
        F("chiso_version", "string", "phiên bản chiso", "chiso version"),
        F("method", "object", "phương pháp (JSON)", "method (JSON)")), _runs),
    Table("indicators", "Khung chỉ số và chỉ tiêu", "Frameworks and indicators", (
        F("framework", "string", "khung", "framework"),
        F("version", "string", "phiên bản", "version"),
        F("code", "string", "mã", "code"), F("parent", "string", "nút cha", "parent"),
        F("level", "string", "cấp", "level"), F("name_vi", "string", "tên", "name (vi)"),
        F("name_en", "string", "tên tiếng Anh", "name (en)"),
        F("unit", "string", "đơn vị tính", "unit"),
        F("decimals", "integer", "số chữ số thập phân", "decimals"),
        F("direction", "string", "chiều", "direction"), F("weight", "number", "trọng số", "weight"),
        F("max_points", "number", "điểm tối đa", "max points"),
        F("scored", "boolean", "tính điểm", "scored"),
        F("goalpost_low", "number", "ngưỡng dưới", "low goalpost"),
        F("goalpost_high", "number", "ngưỡng trên", "high goalpost"),
        F("targets", "string", "mục tiêu", "targets")), _indicators),
    Table("units", "Đơn vị hành chính", "Administrative units", (
        F("id", "string", "mã", "id"), F("code", "string", "mã TCTK", "GSO code"),
        F("name", "string", "tên", "name"), F("full_name", "string", "tên đầy đủ", "full name"),
        F("type", "string", "loại", "type"), F("level", "string", "cấp", "level"),
        F("parent_id", "string", "cấp trên", "parent"),
        F("valid_from", "date", "hiệu lực từ", "valid from"),
        F("valid_to", "date", "hiệu lực đến", "valid to")), _units),
    Table("sources", "Nguồn số liệu", "Sources", (
        F("id", "integer", "mã", "id"), F("kind", "string", "loại", "kind"),
        F("title", "string", "tiêu đề", "title"), F("uri", "string", "địa chỉ", "uri"),
        F("sha256", "string", "mã băm", "sha256"),
        F("simulated", "boolean", "mô phỏng", "simulated"),
        F("note", "string", "ghi chú", "note")), _sources),
    Table("projects", "Sổ dự án CNTT đã công bố, kèm thẩm định",
          "Published IT projects, appraised", (
        F("code", "string", "mã", "code"), F("name", "string", "tên", "name"),
        F("name_en", "string", "tên tiếng Anh", "name (en)"),
        F("unit_id", "string", "đơn vị", "unit"),
        F("sector", "string", "lĩnh vực", "sector"), F("status", "string", "trạng thái", "status"),
        F("start_year", "integer", "năm bắt đầu", "start year"),
        F("rate", "number", "tỷ lệ chiết khấu", "discount rate"), F("npv", "number", "NPV", "NPV"),
        F("pv_benefits", "number", "hiện giá lợi ích", "PV of benefits"),
        F("pv_costs", "number", "hiện giá chi phí", "PV of costs"),
        F("bcr", "number", "B/C", "B/C"),
        F("payback_year", "integer", "năm hoàn vốn", "payback year"),
        F("irr", "number", "IRR", "IRR"),
        F("meets_bar", "boolean", "đạt B/C ≥ 2", "B/C ≥ 2 met"),
        F("flags", "string", "cảnh báo", "flags"),
        F("simulated", "boolean", "mô phỏng", "simulated"),
        F("published_at", "string", "ngày công bố", "published at")), _projects),
    Table("project_flows", "Dòng tiền các dự án đã công bố", "Cash flows of published projects", (
        F("project", "string", "dự án", "project"), F("year", "integer", "năm thứ", "year"),
        F("kind", "string", "loại", "kind"), F("category", "string", "hạng mục", "category"),
        F("item", "string", "khoản mục", "item"), F("amount", "number", "giá trị", "amount"),
        F("low", "number", "thấp", "low"), F("high", "number", "cao", "high"),
        F("simulated", "boolean", "mô phỏng", "simulated"),
        F("source", "string", "nguồn", "source")), _project_flows),
    Table("project_unit_costs", "Đơn giá của các dự án đã công bố so với giá tham khảo",
          "Unit costs of published projects against the reference price", (
        F("project", "string", "dự án", "project"), F("platform", "string", "nền tảng", "platform"),
        F("unit", "string", "đơn vị tính", "unit of measure"),
        F("quantity", "number", "số lượng", "quantity"),
        F("unit_price", "number", "đơn giá", "unit price"),
        F("total", "number", "thành tiền", "total"),
        F("reference_low", "number", "giá tham khảo thấp", "reference low"),
        F("reference_high", "number", "giá tham khảo cao", "reference high"),
        F("reference_simulated", "boolean", "giá tham khảo mô phỏng", "reference simulated"),
        F("position", "string", "so với giá tham khảo", "against the reference"),
        F("excess", "number", "vượt (tỷ lệ)", "excess (share)"),
        F("not_compared", "string", "lý do không so", "why not compared"),
        F("simulated", "boolean", "mô phỏng", "simulated")), _project_unit_costs),
)}


def _cell(v: Any) -> Any:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return csv_number(v)
    return "" if v is None else neutral(v)


def to_csv(table: Table, rows: list[list[Any]]) -> bytes:
    """UTF-8 with a BOM, so Excel opens Vietnamese text correctly; one header row of column
    names (the data package's), numbers with a decimal point."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([f.name for f in table.fields])
    for row in rows:
        w.writerow([_cell(v) for v in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_xlsx(table: Table, rows: list[list[Any]], lang: str = "vi") -> bytes:
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_urls": False,
                                   "strings_to_numbers": False})
    ws = wb.add_worksheet(table.name[:31])
    head = wb.add_format({"bold": True, "bg_color": "#EEF1F6", "border": 1, "text_wrap": True})
    write_row(ws, 0, 0, [f.vi if lang == "vi" else f.en for f in table.fields], head)
    for i, row in enumerate(rows, start=1):
        write_row(ws, i, 0, row)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(rows), 1), len(table.fields) - 1)
    ws.set_column(0, len(table.fields) - 1, 16)
    meta = wb.add_worksheet("cột" if lang == "vi" else "columns")
    write_row(meta, 0, 0, ["cột / column", "tiếng Việt", "English", "kiểu / type"], head)
    for i, f in enumerate(table.fields, start=1):
        write_row(meta, i, 0, [f.name, f.vi, f.en, f.type])
    write_row(meta, len(table.fields) + 2, 0, [table.title_vi, table.title_en])
    write_row(meta, len(table.fields) + 3, 0, ["chiso", chiso.__version__])
    meta.set_column(0, 3, 24)
    wb.close()
    return buf.getvalue()


def datapackage(session: Session) -> bytes:
    """Every table as CSV plus datapackage.json (Frictionless Data Package v1), zipped."""
    buf = io.BytesIO()
    resources = []
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for t in TABLES.values():
            path = f"data/{t.name}.csv"
            z.writestr(path, to_csv(t, t.rows(session, "vi")))
            resources.append({
                "name": t.name, "path": path, "profile": "tabular-data-resource",
                "title": f"{t.title_vi} / {t.title_en}", "format": "csv", "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "schema": {"fields": [{"name": f.name, "type": f.type,
                                       "title": f"{f.vi} / {f.en}"} for f in t.fields]},
            })
        pkg = {
            "profile": "tabular-data-package", "name": "chiso-published-data",
            "title": "chiso: dữ liệu công bố / published data", "version": chiso.__version__,
            "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}],
            "description": "Số liệu chuyển đổi số cấp tỉnh kèm nguồn gốc, kết quả chỉ số "
                           "và xếp hạng. Simulated rows are flagged (simulated = true).",
            "resources": resources,
        }
        z.writestr("datapackage.json", json.dumps(pkg, ensure_ascii=False, indent=2))
    return buf.getvalue()
