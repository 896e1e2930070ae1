"""An example for every endpoint of the API, added to its OpenAPI document: the parameters a
reader can try as they are (Swagger UI fills them in), and a shortened answer.

tests/web/test_web_api_docs.py checks that every operation has one and that the examples of the
open-data endpoints return data.
"""

from __future__ import annotations

from typing import Any

# parameter examples by name (a path may override below)
PARAMS: dict[str, Any] = {
    "unit_id": "vn34-01", "unit": "vn34-01", "code": "dti-province-2024",
    "framework": "dti-province-2024", "fw_code": "dti-province-2024", "period": "2024",
    "year": "2024", "run_id": 1, "run": 1, "indicator": "nhan_thuc_so", "node": "pdti",
    "level": "province", "as_of": "2025-07-01", "kind": "actual", "limit": 10, "offset": 0,
    "sub_id": 1, "obs_id": 1, "status": "submitted", "version": None, "lang": "vi",
    "province_id": "vn34-01", "commune_id": "vn34c-00004", "goal": "next",
}
# examples a reader can try without a token; others only document
OVERRIDES: dict[str, dict[str, Any]] = {
    "/api/v1/units/{unit_id}": {"unit_id": "vn34-86"},
    "/api/v1/observations": {"indicator": None, "period": None, "kind": None},
    "/api/v1/runs": {"framework": None, "period": None},
    "/api/v1/runs/{run_id}/results": {"node": None},
    "/api/v1/ranking": {"year": None, "run": None},
    "/api/v1/scorecards/{unit_id}": {"run": None, "framework": None, "year": None},
    "/api/v1/targets": {"indicator": None, "run": None, "framework": None, "year": None},
    "/api/v1/projects": {"unit": None, "status": None},
    "/api/v1/projects/{code}": {"code": "BK-TMDT"},
    "/api/v1/projects/portfolio/{unit_id}": {"unit_id": "vn34-92"},
    "/api/v1/scorecards/{unit_id}/what-it-takes": {"run": None, "framework": None,
                                                   "year": None},
    "/api/v1/provinces/{province_id}/communes": {"framework": None, "year": None, "run": None},
    "/api/v1/provinces/{province_id}/communes.csv": {"framework": None, "year": None,
                                                     "run": None},
    "/api/v1/communes/{commune_id}": {"framework": None, "year": None, "run": None},
}

_UNIT = {"id": "vn34-01", "code": "01", "name": "Hà Nội", "full_name": "Thành phố Hà Nội",
         "type": "thành phố", "level": "province", "parent": "VN", "valid_from": "2025-07-01",
         "valid_to": None}
_NAME = {"vi": "Nhận thức số", "en": "Digital awareness"}
_RUN = {"id": 1, "framework": "dti-province-2024", "framework_version": "2024.1", "period": "2024",
        "unit_level": "province", "simulated": False, "status": "official", "official": True,
        "what": "official", "what_label": {"vi": "Chính thức", "en": "Official"}}


def _list(item: dict[str, Any], path: str) -> dict[str, Any]:
    return {"ok": True, "total": 34, "limit": 10, "offset": 0,
            "next": f"http://127.0.0.1:8000{path}?offset=10&limit=10", "previous": None,
            "data": [item]}


_FIGURE = {"id": 5, "unit": "vn34-01", "indicator": "nhan_thuc_so", "period": "2024",
           "kind": "actual", "value": 0.8628, "value_high": None, "qualifier": "eq",
           "target_year": None, "status": "published", "revision": 1,
           "provenance": {"file": "dti_published.csv", "row": 6,
                          "url": "https://dti.gov.vn/ket-qua-dti-2024"},
           "source": {"id": 1, "kind": "published_report", "title": "Kết quả DTI 2024 công bố",
                      "simulated": False}, "simulated": False}
_ROW = {"unit": _UNIT, "score": 0.7524, "rank": 1, "rank_q05": 1.0, "rank_q95": 4.0,
        "rank_median": 1.0, "rank_change": 2, "previous_rank": 3,
        "pillars": {"nhan_thuc_so": 0.7092}}
_RANKING = {"run": _RUN, "framework": {"code": "dti-province-2024", "root": "pdti"},
            "pillars": [{"code": "nhan_thuc_so", "name": _NAME, "max_points": 50.0}],
            "previous_run": 2, "map": "vn-34", "has_interval": True, "total": 34, "rows": [_ROW]}
_FORM = {"ok": True, "framework": "dti-province-2024", "period": "2024", "unit": "vn34-01",
         "status": "draft", "version": 1, "values": {"nhan_thuc_so": 0.5},
         "last_period": {"nhan_thuc_so": 0.42}}
_SAVED = {"ok": True, "status": "submitted", "version": 2, "problems": [], "warnings": []}
_CANDIDATE = {"id": 1, "unit": "vn34-01", "indicator": "fiber_households_share", "period": "2024",
              "kind": "actual", "target_year": None, "value": 80.0, "value_high": None,
              "qualifier": "eq", "status": "draft",
              "quote": "tỷ lệ hộ gia đình có cáp quang đạt 80%", "span": [120, 160],
              "confidence": 0.9, "document": "Báo cáo Hà Nội 2024"}

RESPONSES: dict[tuple[str, str], Any] = {
    ("get", "/api/v1/frameworks"): {"ok": True, "data": [
        {"code": "dti-province-2024", "version": "2024.1", "name": {
            "vi": "Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2024", "en": "Provincial DTI 2024"},
         "aggregation": "points", "total_points": 940.0, "indicators": 9}]},
    ("get", "/api/v1/frameworks/{code}"): {"ok": True, "data": {
        "code": "dti-province-2024", "version": "2024.1", "aggregation": "points",
        "nodes": [{"code": "nhan_thuc_so", "level": "pillar", "parent": "pdti", "name": _NAME,
                   "direction": "higher_better", "max_points": 50.0, "scored": True}]}},
    ("get", "/api/v1/units"): _list(_UNIT, "/api/v1/units"),
    ("get", "/api/v1/units/{unit_id}"): {"ok": True, "data": {
        **_UNIT, "id": "vn34-86", "code": "86", "name": "Vĩnh Long", "full_name": "Tỉnh Vĩnh Long",
        "type": "tỉnh", "predecessors": [{"unit": {
            "id": "vn63-83", "name": "Bến Tre", "valid_to": "2025-06-30"},
            "effective": "2025-07-01", "kind": "merge"}], "successors": []}},
    ("get", "/api/v1/observations"): _list(_FIGURE, "/api/v1/observations"),
    ("get", "/api/v1/runs"): _list(_RUN, "/api/v1/runs"),
    ("get", "/api/v1/runs/{run_id}"): {"ok": True, "stale": [], "data": _RUN},
    ("get", "/api/v1/runs/{run_id}/results"): _list(
        {"unit": "vn34-01", "node": "pdti", "score": 0.6242, "rank": 10, "rank_q05": 8.0,
         "rank_q95": 13.0, "rank_median": 10.0}, "/api/v1/runs/1/results"),
    ("get", "/api/v1/runs/{run_id}/ranking"): {"ok": True, "data": _RANKING},
    ("get", "/api/v1/runs/{run_id}/uncertainty"): {"ok": True, "run": _RUN, "available": True,
                                                   "data": [{"unit": "vn34-25", "name": "Phú Thọ",
                                                             "rank": 1, "rank_q05": 1.0,
                                                             "rank_median": 1.0,
                                                             "rank_q95": 4.0}]},
    ("get", "/api/v1/ranking"): {"ok": True, "data": _RANKING, "selectors": [
        {"code": "dti-province-2024", "periods": ["2024"]}]},
    ("get", "/api/v1/scorecards/{unit_id}"): {"ok": True, "data": {
        "unit": _UNIT, "run": _RUN, "score": {"score": 0.6242, "rank": 10, "rank_q05": 8.0,
                                              "rank_q95": 13.0, "rank_change": None},
        "pillars": [{"code": "nhan_thuc_so", "name": _NAME, "score": 0.8628, "rank": 3}]}},
    ("get", "/api/v1/targets"): {"ok": True, "unit": _UNIT, "run": _RUN, "data": [
        {"code": "it_budget_share", "name": {"vi": "Tỷ lệ chi ngân sách cho CNTT",
                                             "en": "IT spending as a share of the budget"},
         "unit": "percent", "direction": "higher_better", "value": 1.3, "period": "2024",
         "target": {"value": 1.0, "qualifier": "ge"}, "gap": 0.3, "status": "achieved"}]},
    ("get", "/api/v1/entry/{fw_code}/{period}/{unit_id}"): _FORM,
    ("post", "/api/v1/entry/{fw_code}/{period}/{unit_id}"): _SAVED,
    ("get", "/api/v1/review/extracted"): {"ok": True, "total": 1, "items": [_CANDIDATE]},
    ("post", "/api/v1/review/extracted/{obs_id}"): {"ok": True, "figure": {
        **_CANDIDATE, "status": "approved"}},
    ("get", "/api/v1/review"): {"ok": True, "items": [
        {"id": 1, "framework": "dti-province-2024", "period": "2024", "unit": "vn34-01",
         "status": "submitted", "version": 2}]},
    ("post", "/api/v1/review/{sub_id}"): {"ok": True, "status": "accepted", "version": 3},
    ("get", "/api/v1/published/{fw_code}/{period}"): {"ok": True, "publication": 1, "figures": [
        {"unit": "vn34-01", "indicator": "nhan_thuc_so", "kind": "actual", "target_year": None,
         "value": 0.5}]},
}
_PROJECT = {"code": "BK-TMDT", "name": "Thí điểm bán hàng qua sàn thương mại điện tử",
            "unit_id": "vn34-19",
            "sector": "government", "status": "running", "npv": 12_500_000_000,
            "bcr": 2.4, "meets_bar": True, "simulated": True}
RESPONSES.update({
    ("get", "/api/v1/scorecards/{unit_id}/what-it-takes"): {"ok": True, "data": {
        "unit": "vn34-01", "goal_rank": 1, "rank": 2, "exact": True, "threshold": 0.8,
        "singles": [{"reaches": True, "rank": 1, "moves": [
            {"code": "the_che_so", "before": 0.61, "after": 0.66, "change": 0.05}]}]}},
    ("get", "/api/v1/projects"): {"ok": True, "total": 1, "data": [_PROJECT]},
    ("get", "/api/v1/projects/platforms"): {"ok": True, "data": [
        {"code": "vneid", "name": "VNeID", "supplier": "Bộ Công an", "category": "identity",
         "price_low": None, "price_high": None}]},
    ("get", "/api/v1/projects/portfolio/{unit_id}"): {"ok": True, "data": {
        "unit": "vn34-92", "it_share": [{"year": 2020, "share": 0.1, "bar": 1.0, "lead": 2.0}],
        "npv": 12_500_000_000, "bcr": 2.4, "below_bar": []}},
    ("get", "/api/v1/projects/{code}"): {"ok": True, "data": _PROJECT},
    ("get", "/api/v1/communes"): {"ok": True, "data": [
        {"province": "vn34-01", "communes": 126, "scored": 126, "median": 61.5}]},
    ("get", "/api/v1/provinces/{province_id}/communes"): {"ok": True, "data": [
        {"unit": "vn34c-00004", "name": "Phường Ba Đình", "score": 72.5, "rank": 12,
         "rank_q05": 8, "rank_q95": 17, "simulated": True}]},
    ("get", "/api/v1/communes/{commune_id}"): {"ok": True, "data": {
        "unit": "vn34c-00004", "score": 72.5, "rank": 12, "components": [
            {"code": "nt_1", "value": 1, "points": 2.5, "rule": "yes_no"}]}},
    ("post", "/api/v1/feed"): {"ok": True, "client_key": "hcm-igate-2026-11-30", "added": 12,
                               "revised": 0, "unchanged": 0},
    ("get", "/api/v1/entry/projects/{code}"): {"ok": True, "code": "HCM-01", "version": 2,
                                               "review_status": "draft", "project": {
        "code": "HCM-01", "name": "Cổng dữ liệu mở", "unit_id": "vn34-79", "start_year": 2025,
        "platforms": ["Zavi"], "flows": [{"year": 0, "kind": "cost", "category": "capital",
                                          "item": "phần mềm", "amount": 2e9, "low": None,
                                          "high": 3e9}],
        "unit_costs": [{"platform": "Zavi", "unit": "điểm cầu/năm", "quantity": 20,
                        "unit_price": 3e6}]}},
    ("post", "/api/v1/entry/projects"): {"ok": True, "code": "HCM-01", "created": False,
                                         "review_status": "submitted", "version": 3,
                                         "unchanged": False},
})

CSV_EXAMPLES = {
    "/api/v1/provinces/{province_id}/communes.csv":
        "unit_id,name,type,score,rank,rank_q05,rank_q95,run,framework,period,simulated\n"
        "vn34c-00004,Ba Đình,phường,72.5,12,8,17,9,commune-hanoi-2025,2025,true\n",
}

BODIES: dict[tuple[str, str], Any] = {
    ("post", "/api/v1/entry/{fw_code}/{period}/{unit_id}"): {
        "version": 0, "values": {"nhan_thuc_so": "0,5"}, "submit": True},
    ("post", "/api/v1/review/{sub_id}"): {"action": "accept", "version": 2, "comment": ""},
    ("post", "/api/v1/review/extracted/{obs_id}"): {"action": "correct", "value": "80,5"},
    ("post", "/api/v1/entry/projects"): {
        "version": 0, "submit": False,
        "project": {"code": "HCM-01", "name": "Cổng dữ liệu mở", "unit": "vn34-79",
                    "sector": "chính quyền số", "status": "proposed", "start_year": 2025,
                    "platforms": ["Zavi"], "rate": 0.05},
        "flows": [{"year": 2025, "kind": "cost", "category": "capital", "item": "phần mềm",
                   "amount": "2 tỷ", "high": "3 tỷ"},
                  {"year": 2026, "kind": "benefit", "category": "cash_saving",
                   "item": "in ấn, đi lại", "amount": "1,5 tỷ", "low": "800 triệu"}],
        "benefits": [{"item": "in ấn, đi lại", "owner": "Văn phòng UBND",
                      "measure": "chi in ấn và công tác phí so với năm 2024"}],
        "unit_costs": [{"platform": "Zavi", "unit": "điểm cầu/năm", "quantity": 20,
                        "unit_price": "3 triệu"}]},
}


OK_SCHEMA = {"type": "object", "required": ["ok"], "properties": {"ok": {"type": "boolean"}}}
# what else the entry and review endpoints answer (with a token, or without one)
PRIVATE = {400: "Thân yêu cầu không đọc được (không phải JSON UTF-8) / the body is not UTF-8 JSON",
           401: "Chưa đăng nhập hoặc mã truy cập sai / not signed in, or a bad token",
           403: "Không được phép / not allowed", 404: "Không tìm thấy / not found",
           409: "Người khác đã sửa trước / someone changed it first",
           413: "Quá lớn / too large"}


def add_examples(spec: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI document with the examples above, the answer's envelope as the schema of a
    200, and every status an operation can answer (in place; returned for convenience)."""
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            responses = op.setdefault("responses", {})
            template = responses.get("422") or responses.get("404")
            if any(w in path for w in ("/entry/", "/review", "/published/", "/feed")):
                for status, text in PRIVATE.items():
                    if str(status) not in responses and template is not None:
                        responses[str(status)] = {**template, "description": text}
            over = OVERRIDES.get(path, {})
            for p in op.get("parameters", []):
                ex = over.get(p["name"], PARAMS.get(p["name"]))
                if ex is not None:
                    p["example"] = ex
            ok = responses.setdefault("200", {"description": "OK"})
            if path.endswith(".csv"):  # a download: CSV, not the JSON envelope
                ok["content"] = {"text/csv": {"schema": {"type": "string"},
                                              "example": CSV_EXAMPLES.get(path, "")}}
                continue
            content = ok.setdefault("content", {}).setdefault("application/json", {})
            content["schema"] = OK_SCHEMA
            if (method, path) in RESPONSES:
                content["example"] = RESPONSES[(method, path)]
            body = BODIES.get((method, path))
            if body is not None:
                req = op.setdefault("requestBody", {"required": True})
                req.setdefault("content", {}).setdefault("application/json", {
                    "schema": {"type": "object"}})["example"] = body
    return spec
