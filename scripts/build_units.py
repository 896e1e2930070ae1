"""Build chiso's shipped administrative units and lineage from two well-kept packages.

Run once when the data must change (the packages are build-time only, never needed at run time):

    .venv/bin/pip install --ignore-requires-python vietnam-provinces==2026.9.0 vietnamadminunits
    .venv/bin/python scripts/build_units.py

Sources and rules:
- `vietnam-provinces` 2026.9.0: the 34 provinces and 3,321 communes in force from 1/7/2025 and
  the 63 provinces before, with the statistics office (GSO) codes, names and types.
- `vietnamadminunits`: its old → new province map (`converter_2025.json`, DICT_PROVINCE).
- The reform (Nghị quyết 202/2025/QH15) merged whole provinces: each old province has exactly one
  successor. `vietnam-provinces` derives its province map from ward conversions, and one Long An
  ward filed under Tiền Giang makes it list Tiền Giang (82) as part of the new Tây Ninh (80) too.
  The script compares both maps, prints every disagreement, and takes the successor both agree
  on; where `vietnam-provinces` lists several, the one `vietnamadminunits` names (the map that is
  right on this), and it fails if the two share no successor at all.

Writes src/chiso/units/data/units.csv and lineage.csv (UTF-8, sorted, stable).
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from pathlib import Path

import vietnam_provinces as vp
import vietnamadminunits
from vietnam_provinces._province_conversion_2025 import EFFECTIVE_DATE, OLD_TO_NEW
from vietnam_provinces.legacy.base import Province as OldProvince

OUT = Path(__file__).resolve().parents[1] / "src" / "chiso" / "units" / "data"
OLD_END = "2025-06-30"
PREFIXES = ("Thành phố ", "Tỉnh ")
# The name a pre-2025 province bore during the years chiso's data covers, where the package gives a
# later one: Thừa Thiên Huế became the centrally-run Thành phố Huế on 1/1/2025 (Nghị quyết
# 1314/NQ-UBTVQH15); every DTI year up to 2024 was published under the old name.
HISTORIC = {"46": ("Thừa Thiên Huế", "Tỉnh Thừa Thiên Huế", "tỉnh", ["Huế", "Thành phố Huế"])}
FIELDS = ["id", "code", "name", "full_name", "type", "level", "parent", "valid_from", "valid_to",
          "aliases"]


def short(name: str) -> str:
    for p in PREFIXES:
        if name.startswith(p):
            return name[len(p):]
    return name


def kind(division_type: object) -> str:
    value = getattr(division_type, "value", str(division_type))
    return "thành phố" if value == "thành phố trung ương" else value


def package_aliases() -> dict[tuple[str, str], list[str]]:
    """Short forms vietnamadminunits knows ("hn", "hcm", "vungtau"), by (era, GSO code)."""
    db = Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"
    out: dict[tuple[str, str], list[str]] = {}
    with sqlite3.connect(db) as con:
        for era, table in (("vn63", "admin_units_legacy"), ("vn34", "admin_units")):
            for code, alias in con.execute(
                f"select distinct provinceCode, provinceAlias from {table}"  # noqa: S608
            ):
                if alias:
                    out[(era, code)] = json.loads(alias)
    return out


def admin_units_map() -> dict[int, int]:
    """vietnamadminunits' old → new province map, by GSO code."""
    root = Path(vietnamadminunits.__file__).parent / "data"
    conv = json.loads((root / "converter_2025.json").read_text("utf-8"))["DICT_PROVINCE"]
    with sqlite3.connect(root / "dataset.db") as con:
        new_code = dict(con.execute("select distinct provinceKey, provinceCode from admin_units"))
        old_code = dict(con.execute("select distinct provinceKey, provinceCode from admin_units_legacy"))
    return {int(old_code[o]): int(new_code[n]) for n, olds in conv.items() for o in olds}


def main() -> int:
    aliases = package_aliases()
    rows: list[dict[str, str]] = [{
        "id": "VN", "code": "VN", "name": "Việt Nam", "full_name": "Cộng hòa Xã hội chủ nghĩa Việt Nam",
        "type": "quốc gia", "level": "country", "parent": "", "valid_from": "", "valid_to": "",
        "aliases": "|".join(["Vietnam", "Viet Nam", "cả nước", "toàn quốc", "trung bình toàn quốc"]),
    }]
    for p in OldProvince.iter_all():
        code = f"{int(p.code):02d}"
        name, full, typ, extra = HISTORIC.get(code, (short(p.name), p.name, kind(p.division_type), []))
        rows.append({"id": f"vn63-{code}", "code": code, "name": name, "full_name": full,
                     "type": typ, "level": "province", "parent": "VN",
                     "valid_from": "", "valid_to": OLD_END,
                     "aliases": "|".join([*aliases.get(("vn63", code), []), *extra])})
    for p in vp.Province.iter_all():
        code = f"{int(p.code):02d}"
        rows.append({"id": f"vn34-{code}", "code": code, "name": short(p.name), "full_name": p.name,
                     "type": kind(p.division_type), "level": "province", "parent": "VN",
                     "valid_from": EFFECTIVE_DATE, "valid_to": "",
                     "aliases": "|".join(aliases.get(("vn34", code), []))})
    for w in vp.Ward.iter_all():
        code = f"{int(w.code):05d}"
        t = kind(w.division_type)
        name = w.name[len(t) + 1:] if w.name.lower().startswith(t + " ") else w.name
        rows.append({"id": f"vn34c-{code}", "code": code, "name": name, "full_name": w.name,
                     "type": t, "level": "commune", "parent": f"vn34-{int(w.province_code):02d}",
                     "valid_from": EFFECTIVE_DATE, "valid_to": "", "aliases": ""})

    other = admin_units_map()
    lineage: list[dict[str, str]] = []
    problems = 0
    for old, entry in sorted(OLD_TO_NEW.items()):
        theirs = {int(n.code) for n in entry.new_provinces}
        mine = other.get(old)
        if mine is None or mine not in theirs:
            print(f"ERROR: province {old:02d}: vietnam-provinces says {sorted(theirs)}, "
                  f"vietnamadminunits says {mine}", file=sys.stderr)
            problems += 1
            continue
        if theirs != {mine}:
            print(f"note: province {old:02d}: vietnam-provinces lists {sorted(theirs)} (a ward filed"
                  f" under the wrong province); vietnamadminunits: {mine}. Taking {mine}.", file=sys.stderr)
        lineage.append({"from_id": f"vn63-{old:02d}", "to_id": f"vn34-{mine:02d}",
                        "effective": EFFECTIVE_DATE, "kind": ""})
    if problems or len(lineage) != 63:
        return 1
    successors: dict[str, list[str]] = {}
    for e in lineage:
        successors.setdefault(e["to_id"], []).append(e["from_id"])
    for e in lineage:
        e["kind"] = "merge" if len(successors[e["to_id"]]) > 1 else "continue"

    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "units.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    with (OUT / "lineage.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["from_id", "to_id", "effective", "kind"], lineterminator="\n")
        w.writeheader()
        w.writerows(lineage)
    levels = {lvl: sum(r["level"] == lvl for r in rows) for lvl in ("province", "commune")}
    print(f"wrote {len(rows)} units ({levels}) and {len(lineage)} lineage events to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
