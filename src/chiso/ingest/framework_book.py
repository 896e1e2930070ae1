"""A points-rubric framework from a workbook a province writes: one row per component (group,
code, name, maximum points, rule, evidence), read all or nothing; every refusal names its row.

The rule column, in Vietnamese or English (numbers written either way, "0,5" or "0.5"):

| cell | rule |
|---|---|
| `có/không` · `yes_no`, then `; 0,5 = 5 (Phó Chủ tịch)` per partial answer \
| yes/no, partial answers |
| `bậc; 50 = 10; 70 = 20` · `tiers; 50 = 10; 70 = 20` | the points of the highest tier reached |
| `tỷ lệ; 80` · `proportional; 80` (`; sàn 20` / `; floor 20`) \
| in proportion to the target, capped |
| `đếm; 2` · `count; 2` | points per item counted, capped |
| `thẩm định` · `appraiser` | points entered by an appraiser |

An optional sheet named `khung` / `framework` holds the framework's own fields as key/value
rows (id, version, tên/name, name_en, issuer, year, level); options given by the caller win.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from chiso.errors import FrameworkError, Problem, vi_reason
from chiso.framework import Framework
from chiso.ingest.sheets import Row, Sheet, column_letter
from chiso.ingest.xlsx import workbook_sheets
from chiso.numbers import parse_cell
from chiso.settings import ImportLimits
from chiso.units.names import fold

# header (folded) -> field
HEADERS = {
    "nhom": "group", "group": "group", "nhom / group": "group",
    "nhom (tieng anh)": "group_en", "group (english)": "group_en",
    "ma": "code", "code": "code", "ma / code": "code",
    "ten": "name", "name": "name", "ten / name": "name", "ten chi so": "name",
    "ten (tieng anh)": "name_en", "name (english)": "name_en",
    "diem toi da": "max_points", "maximum points": "max_points", "max points": "max_points",
    "diem toi da / maximum points": "max_points", "diem": "max_points", "points": "max_points",
    "quy tac": "rule", "rule": "rule", "quy tac / rule": "rule", "cach cham": "rule",
    "minh chung": "evidence", "evidence": "evidence", "minh chung / evidence": "evidence",
    "minh chung (tieng anh)": "evidence_en", "evidence (english)": "evidence_en",
    "giu cho": "placeholder", "placeholder": "placeholder",
}
REQUIRED = ("group", "code", "name", "max_points", "rule")
META_SHEETS = ("khung", "framework")
META_KEYS = {"id": "id", "ma": "id", "version": "version", "phien ban": "version",
             "ten": "name", "name": "name", "name_en": "name_en", "ten tieng anh": "name_en",
             "issuer": "issuer", "don vi ban hanh": "issuer", "year": "year", "nam": "year",
             "level": "unit_level", "cap": "unit_level", "unit_level": "unit_level"}
KINDS = {"co/khong": "yes_no", "yes_no": "yes_no", "yes/no": "yes_no", "co khong": "yes_no",
         "bac": "tiers", "tiers": "tiers", "ty le": "proportional", "proportional": "proportional",
         "dem": "count", "count": "count", "tham dinh": "appraiser", "appraiser": "appraiser"}
LEVELS_VI = {"xa": "commune", "so": "department", "tinh": "province", "bo": "ministry"}


@dataclass(frozen=True)
class BookFramework:
    """What was read: the framework and the YAML it is stored as."""

    framework: Framework
    yaml_text: str


class _RowError(ValueError):
    def __init__(self, vi: str, en: str, column: str | None = None) -> None:
        super().__init__(en)
        self.vi, self.en, self.column = vi, en, column


def read_framework_book(path: Path, limits: ImportLimits | None = None,
                        **meta: Any) -> BookFramework:
    """Read a framework workbook whole; refuse it whole with every bad row named."""
    sheets = workbook_sheets(path, limits or ImportLimits())
    meta_sheet = next((s for s in sheets if fold(s.name) in META_SHEETS), None)
    rows_sheet = next((s for s in sheets if s is not meta_sheet), None)
    if rows_sheet is None:
        raise _refuse(path, [Problem("không có trang chỉ số thành phần",
                                     "there is no sheet of components", file=path.name)])
    info = {**(_meta(meta_sheet) if meta_sheet else {}), **{k: v for k, v in meta.items() if v}}
    info.setdefault("id", re.sub(r"[^a-z0-9\-_.]+", "-", fold(path.stem)).strip("-") or "khung")
    info.setdefault("version", "1")
    info.setdefault("name", path.stem)
    groups, problems = _components(rows_sheet, path)
    if problems:
        raise _refuse(path, problems)
    doc = _document(info, groups)
    try:
        fw = Framework.model_validate(doc)
    except ValidationError as exc:
        raise _refuse(path, [_where(err, groups, path)
                             for err in exc.errors()]) from None
    text = ("# Imported from " + path.name + "\n"
            + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100))
    return BookFramework(fw, text)


def _refuse(path: Path, problems: list[Problem]) -> FrameworkError:
    rows = sorted({p.row for p in problems if p.row is not None})
    which_vi = f" (dòng {', '.join(map(str, rows[:10]))})" if rows else ""
    which_en = f" (row {', '.join(map(str, rows[:10]))})" if rows else ""
    return FrameworkError(
        f"Không nhập khung chỉ số từ {path.name}: {len(problems)} lỗi{which_vi}. "
        "Sửa các dòng được nêu rồi nhập lại; không dòng nào được nhập.",
        f"Framework {path.name} not imported: {len(problems)} error(s){which_en}. "
        "Fix the rows named and import again; no row was imported.", problems)


def _meta(sheet: Sheet) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for _, cells in sheet.rows():
        if len(cells) >= 2 and cells[0] is not None and cells[1] not in (None, ""):
            k = META_KEYS.get(fold(str(cells[0])).strip(" :"))
            if k:
                value = cells[1]
                out[k] = int(value) if k == "year" and isinstance(value, float) else str(value)
    if "unit_level" in out:
        out["unit_level"] = LEVELS_VI.get(fold(out["unit_level"]), out["unit_level"])
    if "year" in out:
        out["year"] = int(out["year"])
    return out


@dataclass
class _Component:
    row: int
    group: str
    group_en: str
    node: dict[str, Any]


def _components(sheet: Sheet, path: Path) -> tuple[list[_Component], list[Problem]]:
    rows: Iterator[Row] = sheet.rows()
    header: dict[str, int] | None = None
    out: list[_Component] = []
    problems: list[Problem] = []
    for number, cells in rows:
        if header is None:
            found = {HEADERS[f]: i for i, c in enumerate(cells)
                     if c is not None and (f := fold(str(c))) in HEADERS}
            if "code" in found and "rule" in found:
                missing = [c for c in REQUIRED if c not in found]
                if missing:
                    problems.append(Problem(
                        f"thiếu cột: {', '.join(missing)}",
                        f"missing column(s): {', '.join(missing)}", file=path.name, row=number))
                    return out, problems
                header = found
            continue
        cell = {k: cells[i] if i < len(cells) else None for k, i in header.items()}
        if all(v in (None, "") for v in cell.values()):
            continue
        try:
            out.append(_component(number, cell))
        except _RowError as exc:
            col = header.get(exc.column or "")
            problems.append(Problem(exc.vi, exc.en, file=path.name, row=number,
                                    column=None if col is None else column_letter(col),
                                    field=exc.column))
    if header is None:
        problems.append(Problem(
            "không thấy dòng tiêu đề (cần các cột: nhóm, mã, tên, điểm tối đa, quy tắc, "
            "minh chứng)",
            "no header row found (the columns: group, code, name, maximum points, rule, evidence)",
            file=path.name))
    elif not out and not problems:
        problems.append(Problem("không có chỉ số thành phần nào", "there are no components",
                                file=path.name))
    return out, problems


def _text(cell: dict[str, Any], key: str) -> str:
    value = cell.get(key)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _number(text: Any, column: str, what_vi: str, what_en: str) -> float:
    if isinstance(text, int | float):
        return float(text)
    try:
        q = parse_cell(str(text).strip())
    except ValueError:
        q = None
    if q is None or q.unit or q.value_high is not None or q.qualifier != "eq":
        raise _RowError(f"{what_vi} '{text}' không phải một số",
                        f"{what_en} '{text}' is not a number", column)
    return q.value


def _component(number: int, cell: dict[str, Any]) -> _Component:
    for key, vi, en in (("group", "nhóm", "group"), ("code", "mã", "code"),
                        ("name", "tên", "name"), ("max_points", "điểm tối đa", "maximum points"),
                        ("rule", "quy tắc", "rule")):
        if not _text(cell, key):
            raise _RowError(f"thiếu {vi}", f"the {en} is missing", key)
    code = _text(cell, "code")
    if not re.fullmatch(r"[a-z][a-z0-9_]*", code):
        raise _RowError(f"mã '{code}' chỉ gồm chữ thường không dấu, chữ số và '_', "
                        "bắt đầu bằng chữ",
                        f"code '{code}' must be lower-case letters, digits and '_', starting "
                        "with a letter", "code")
    top = _number(cell["max_points"], "max_points", "điểm tối đa", "maximum points")
    name = _text(cell, "name")
    node: dict[str, Any] = {"code": code,
                            "name": {"vi": name, "en": _text(cell, "name_en") or name},
                            "max_points": top, "rule": _rule(_text(cell, "rule"), top)}
    evidence = _text(cell, "evidence")
    if evidence:
        node["evidence"] = {"vi": evidence, "en": _text(cell, "evidence_en") or evidence}
    if fold(_text(cell, "placeholder")) in ("x", "co", "yes", "true", "1"):
        node["placeholder"] = True
    group = _text(cell, "group")
    return _Component(number, group, _text(cell, "group_en") or group, node)


def _rule(text: str, top: float) -> dict[str, Any]:
    parts = [p.strip() for p in text.split(";") if p.strip()]
    kind = KINDS.get(fold(parts[0]) if parts else "")
    if kind is None:
        raise _RowError(
            f"quy tắc '{text}' không rõ: dùng có/không, bậc, tỷ lệ, đếm hoặc thẩm định",
            f"rule '{text}' is not known: use yes_no, tiers, proportional, count or appraiser",
            "rule")
    rest = parts[1:]
    if kind == "yes_no":
        partial = []
        for p in rest:
            m = re.fullmatch(r"([\d.,]+)\s*=\s*([\d.,]+)\s*(?:\((.+)\))?", p)
            if not m:
                raise _RowError(f"câu trả lời một phần '{p}': viết 'giá trị = điểm (nhãn)'",
                                f"partial answer '{p}': write 'value = points (label)'", "rule")
            label = (m.group(3) or m.group(1)).strip()
            partial.append({"value": _number(m.group(1), "rule", "giá trị", "value"),
                            "points": _number(m.group(2), "rule", "điểm", "points"),
                            "label": {"vi": label, "en": label}})
        return {"kind": kind, "partial": partial}
    if kind == "tiers":
        tiers = []
        for p in rest:
            m = re.fullmatch(r"(?:≥|>=)?\s*([\d.,]+)\s*=\s*([\d.,]+)", p)
            if not m:
                raise _RowError(f"bậc '{p}': viết 'ngưỡng = điểm'",
                                f"tier '{p}': write 'min = points'", "rule")
            tiers.append({"min": _number(m.group(1), "rule", "ngưỡng", "threshold"),
                          "points": _number(m.group(2), "rule", "điểm", "points")})
        if not tiers:
            raise _RowError("quy tắc bậc cần ít nhất một bậc 'ngưỡng = điểm'",
                            "a tiers rule needs at least one 'min = points'", "rule")
        return {"kind": kind, "tiers": tiers}
    if kind == "proportional":
        if not rest:
            raise _RowError("quy tắc tỷ lệ cần giá trị đích: 'tỷ lệ; 80'",
                            "a proportional rule needs its target: 'proportional; 80'", "rule")
        out: dict[str, Any] = {"kind": kind,
                               "target": _number(rest[0], "rule", "giá trị đích", "target")}
        for p in rest[1:]:
            m = re.fullmatch(r"(?:sàn|san|floor)\s*([\d.,]+)", p, re.IGNORECASE)
            if not m:
                raise _RowError(f"'{p}' không rõ: viết 'sàn 20'",
                                f"'{p}' is not known: write 'floor 20'", "rule")
            out["floor"] = _number(m.group(1), "rule", "sàn", "floor")
        return out
    if kind == "count":
        if len(rest) != 1:
            raise _RowError("quy tắc đếm cần số điểm mỗi mục: 'đếm; 2'",
                            "a count rule needs the points per item: 'count; 2'", "rule")
        return {"kind": kind,
                "per_item": _number(rest[0], "rule", "điểm mỗi mục", "points per item")}
    return {"kind": kind}


def _document(info: dict[str, Any], comps: list[_Component]) -> dict[str, Any]:
    groups: dict[str, dict[str, Any]] = {}
    for c in comps:
        g = groups.get(c.group)
        if g is None:
            code = ("g" + str(len(groups) + 1) + "_"
                    + re.sub(r"[^a-z0-9]+", "_", fold(c.group)).strip("_"))
            g = groups[c.group] = {"code": code[:60], "level": "pillar",
                                   "name": {"vi": c.group, "en": c.group_en},
                                   "max_points": 0.0, "children": []}
        g["children"].append(c.node)
        g["max_points"] += c.node["max_points"]
    total = sum(g["max_points"] for g in groups.values())
    name = str(info.get("name"))
    doc: dict[str, Any] = {
        "id": info["id"], "version": str(info["version"]),
        "name": {"vi": name, "en": str(info.get("name_en") or name)},
    }
    for k in ("issuer", "year", "unit_level"):
        if info.get(k) is not None:
            doc[k] = info[k]
    doc.update({"aggregation": "points", "total_points": total or None,
                "root": {"code": "tong", "level": "index",
                         "name": {"vi": "Tổng điểm", "en": "Total"},
                         "children": list(groups.values())}})
    return doc


def _where(err: Any, comps: list[_Component], path: Path) -> Problem:
    """A validation error located on its row: root.children.G.children.C -> that component."""
    loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function"))]
    row = None
    if len(loc) >= 5 and loc[:2] == ["root", "children"] and loc[3] == "children":
        order = list(dict.fromkeys(c.group for c in comps))
        in_group = [c for c in comps if c.group == order[int(loc[2])]]
        row = in_group[int(loc[4])].row
    field = ".".join(str(p) for p in loc)
    msg = str(err["msg"]).removeprefix("Value error, ")
    return Problem(f"{field}: {vi_reason(err)}", f"{field}: {msg}", file=path.name,
                   row=row, field=field)


