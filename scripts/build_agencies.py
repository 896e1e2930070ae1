"""Write src/chiso/units/data/agencies.csv: the ministries and ministry-level agencies the
ministry-level DTI ranks, and every province's departments, as units beside provinces and
communes.

- Ministries: the 14 ministries and 3 ministry-level agencies of the Government from 1/3/2025
  (Nghị quyết 176/2025/QH15 on the Government's structure), and 5 agencies under the
  Government; valid from 2025-03-01. Earlier ministries are not shipped.
- Departments: the 12 departments every province has (Nghị định 45/2025/NĐ-CP, 28/2/2025:
  "các sở được tổ chức thống nhất ở các địa phương"), for each of the 34 provinces valid from
  1/7/2025. The departments only some provinces have (Ngoại vụ, Dân tộc và Tôn giáo, Du lịch,
  Quy hoạch - Kiến trúc) are a province's to add.

Run: .venv/bin/python scripts/build_agencies.py
"""

from __future__ import annotations

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "chiso" / "units" / "data"
HEAD = ["id", "code", "name", "full_name", "type", "level", "parent", "valid_from", "valid_to",
        "aliases"]

MINISTRIES = [
    ("bqp", "Bộ Quốc phòng", "bộ"), ("bca", "Bộ Công an", "bộ"), ("bng", "Bộ Ngoại giao", "bộ"),
    ("bnv", "Bộ Nội vụ", "bộ"), ("btp", "Bộ Tư pháp", "bộ"), ("btc", "Bộ Tài chính", "bộ"),
    ("bct", "Bộ Công Thương", "bộ"), ("bnnmt", "Bộ Nông nghiệp và Môi trường", "bộ"),
    ("bxd", "Bộ Xây dựng", "bộ"), ("bvhttdl", "Bộ Văn hóa, Thể thao và Du lịch", "bộ"),
    ("bkhcn", "Bộ Khoa học và Công nghệ", "bộ"), ("bgddt", "Bộ Giáo dục và Đào tạo", "bộ"),
    ("byt", "Bộ Y tế", "bộ"), ("bdttg", "Bộ Dân tộc và Tôn giáo", "bộ"),
    ("nhnn", "Ngân hàng Nhà nước Việt Nam", "cơ quan ngang bộ"),
    ("ttcp", "Thanh tra Chính phủ", "cơ quan ngang bộ"),
    ("vpcp", "Văn phòng Chính phủ", "cơ quan ngang bộ"),
    ("vtv", "Đài Truyền hình Việt Nam", "cơ quan thuộc Chính phủ"),
    ("vov", "Đài Tiếng nói Việt Nam", "cơ quan thuộc Chính phủ"),
    ("ttxvn", "Thông tấn xã Việt Nam", "cơ quan thuộc Chính phủ"),
    ("vast", "Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "cơ quan thuộc Chính phủ"),
    ("vass", "Viện Hàn lâm Khoa học xã hội Việt Nam", "cơ quan thuộc Chính phủ"),
]
ALIASES = {"bkhcn": "Bộ KH&CN|MOST", "bct": "Bộ CT|MOIT", "btc": "MOF", "byt": "MOH",
           "nhnn": "NHNN|SBV", "bgddt": "Bộ GD&ĐT|MOET", "bnnmt": "Bộ NN&MT"}

DEPARTMENTS = [
    ("snv", "Sở Nội vụ", "sở"), ("stp", "Sở Tư pháp", "sở"), ("stc", "Sở Tài chính", "sở"),
    ("sct", "Sở Công Thương", "sở"), ("snnmt", "Sở Nông nghiệp và Môi trường", "sở"),
    ("sxd", "Sở Xây dựng", "sở"), ("skhcn", "Sở Khoa học và Công nghệ", "sở"),
    ("svhttdl", "Sở Văn hóa, Thể thao và Du lịch", "sở"),
    ("sgddt", "Sở Giáo dục và Đào tạo", "sở"), ("syt", "Sở Y tế", "sở"),
    ("tt", "Thanh tra", "cơ quan tương đương sở"),
    ("vp", "Văn phòng Ủy ban nhân dân", "cơ quan tương đương sở"),
]


def main() -> None:
    with (DATA / "units.csv").open(encoding="utf-8", newline="") as fh:
        provinces = [r for r in csv.DictReader(fh)
                     if r["level"] == "province" and r["id"].startswith("vn34-")]
    rows = [[f"vnb-{code}", code, name, name, kind, "ministry", "VN", "2025-03-01", "",
             ALIASES.get(code, "")] for code, name, kind in MINISTRIES]
    for p in sorted(provinces, key=lambda r: r["code"]):
        city = p["type"] == "thành phố"
        of = f"{'thành phố' if city else 'tỉnh'} {p['name']}"
        for code, name, kind in DEPARTMENTS:
            short = f"{name} {p['name']}"
            full = f"{name} {of}" if code != "tt" else f"Thanh tra {of}"
            rows.append([f"{p['id']}-{code}", code, short, full, kind, "department", p["id"],
                         "2025-07-01", "", ""])
    with (DATA / "agencies.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(HEAD)
        w.writerows(rows)
    print(f"{len(rows)} rows")


if __name__ == "__main__":
    main()
