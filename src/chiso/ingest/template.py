"""The data-entry template of a framework: an XLSX file people fill in and `chiso import` reads.

Sheets: "Hướng dẫn" (instructions and the indicator list), "Ngang" (wide: one row per unit,
one column per indicator, Vietnamese headers with the unit of measure), "Dọc" (long: one figure
per row) and a hidden "Danh mục" sheet feeding the drop-down lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from chiso.framework import Framework, Node
from chiso.ingest.headers import UNIT_LABELS, header_label
from chiso.ingest.safe import write_row
from chiso.values import rule_for

LONG_HEADERS = ("Đơn vị hành chính", "Mã chỉ tiêu", "Kỳ số liệu", "Loại số liệu", "Giá trị",
                "Cận trên", "So sánh", "Năm mục tiêu", "Nguồn", "Ghi chú")
LONG_HELP = ("unit: tên hoặc mã tỉnh / province name or code",
             "indicator: mã chỉ tiêu / indicator code",
             "period: năm, ví dụ 2024 / year, e.g. 2024",
             "kind: actual | target | national_average | benchmark (trống = actual)",
             "value: số, ví dụ 70,8 hoặc 911.000 / a number",
             "value_high: cận trên nếu là khoảng / upper bound of a range",
             "qualifier: eq | approx | gt | lt | ge | le",
             "target_year: năm của mục tiêu / year a target is due",
             "source: nguồn số liệu / where the figure comes from",
             "note: ghi chú / note")
KINDS = ("actual", "target", "national_average", "benchmark")
QUALIFIERS = ("eq", "approx", "gt", "lt", "ge", "le")
WIDE_ROWS = 400  # rows that get drop-downs and number checks
LONG_ROWS = 5000

INSTRUCTIONS = (
    ("Mẫu nhập số liệu chiso", "chiso data-entry template"),
    ("", ""),
    (
        ("Cách 1 — trang 'Ngang': mỗi dòng một đơn vị hành chính, mỗi cột một chỉ tiêu."
         " Ghi năm vào cột 'Năm' (hoặc dùng --period khi nhập)."),
        ("Option 1 — sheet 'Ngang' (wide): one row per unit, one column per indicator."
         " Put the year in the 'Năm' column (or pass --period when importing)."),
    ),
    (
        "Cách 2 — trang 'Dọc': mỗi dòng một số liệu (đơn vị, chỉ tiêu, năm, loại, giá trị).",
        "Option 2 — sheet 'Dọc' (long): one figure per row (unit, indicator, year, kind, value).",
    ),
    (
        "Số viết kiểu Việt Nam đều được: 70,8 — 911.000 — 0,3 – 0,35 — hơn 600.000 — 1,1 triệu.",
        "Vietnamese number formats are understood: 70,8 — 911.000 — 0,3 – 0,35 — hơn 600.000.",
    ),
    (
        ("Tỷ lệ (%) phải từ 0 đến 100; số đếm phải là số nguyên không âm."
         " Để trống ô chưa có số liệu (không ghi 0)."),
        ("Percentages must be 0–100; counts whole numbers ≥ 0."
         " Leave a cell empty when there is no figure (do not write 0)."),
    ),
    (
        ("Nhập: chiso import TEN_TEP.xlsx — tệp được nhập toàn bộ hoặc không nhập gì nếu có lỗi;"
         " mọi ô lỗi đều được chỉ ra."),
        ("Import: chiso import FILE.xlsx — the file lands whole or not at all;"
         " every bad cell is named."),
    ),
    ("", ""),
)


def write_template(fw: Framework, out: Path, units: Sequence[tuple[str, str]] = ()) -> Path:
    """Write the template of a framework; `units` are (id, name) pairs to pre-fill and offer."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(out))
    bold = book.add_format({"bold": True})
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "text_wrap": True,
                            "valign": "top", "border": 1})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    indicators = fw.indicators()

    guide = book.add_worksheet("Hướng dẫn")
    guide.set_column(0, 0, 90)
    guide.set_column(1, 1, 90)
    write_row(guide, 0, 0, [f"{INSTRUCTIONS[0][0]}: {fw.name.vi} ({fw.id} {fw.version})",
                            f"{INSTRUCTIONS[0][1]}: {fw.name.en}"], bold)
    for r, (vi, en) in enumerate(INSTRUCTIONS[1:], start=1):
        write_row(guide, r, 0, [vi, en], wrap)
    top = len(INSTRUCTIONS) + 1
    list_head = ("Mã chỉ tiêu / code", "Tên chỉ tiêu", "Indicator name", "Đơn vị đo / measure")
    guide.set_column(2, 3, 30)
    write_row(guide, top, 0, list_head, head)
    for r, node in enumerate(indicators, start=top + 1):
        write_row(guide, r, 0, (node.code, node.name.vi, node.name.en,
                                UNIT_LABELS.get(node.unit or "", node.unit or "")))

    lists = book.add_worksheet("Danh mục")
    for c, column in enumerate(([n.code for n in indicators], KINDS, QUALIFIERS,
                                [name for _id, name in units])):
        for r, item in enumerate(column):
            write_row(lists, r, c, [item])
    lists.hide()
    n_ind, n_units = len(indicators), len(units)

    wide = book.add_worksheet("Ngang")
    wide.activate()
    write_row(wide, 0, 0, ["Đơn vị hành chính", "Năm"], head)
    wide.set_column(0, 0, 26)
    wide.set_column(1, 1, 8)
    wide.set_column(2, 1 + n_ind, 18)
    wide.set_row(0, 60)
    wide.freeze_panes(1, 2)
    for c, node in enumerate(indicators, start=2):
        write_row(wide, 0, c, [header_label(node)], head)
        wide.write_comment(0, c, f"{node.code}\n{node.name.en}", {"x_scale": 2})
        _number_check(wide, 1, c, WIDE_ROWS, node)
    for r, (_id, name) in enumerate(units, start=1):
        write_row(wide, r, 0, [name])
    if units:
        _list(wide, 1, 0, WIDE_ROWS, f"='Danh mục'!$D$1:$D${n_units}")

    long = book.add_worksheet("Dọc")
    for c, (h, tip) in enumerate(zip(LONG_HEADERS, LONG_HELP)):
        write_row(long, 0, c, [h], head)
        long.write_comment(0, c, tip, {"x_scale": 2})
    long.set_column(0, 1, 24)
    long.set_column(2, len(LONG_HEADERS) - 1, 14)
    long.freeze_panes(1, 0)
    _list(long, 1, 1, LONG_ROWS, f"='Danh mục'!$A$1:$A${n_ind}")
    _list(long, 1, 3, LONG_ROWS, f"='Danh mục'!$B$1:$B${len(KINDS)}")
    _list(long, 1, 6, LONG_ROWS, f"='Danh mục'!$C$1:$C${len(QUALIFIERS)}")
    if units:
        _list(long, 1, 0, LONG_ROWS, f"='Danh mục'!$D$1:$D${n_units}")
    book.close()
    return out


def _list(sheet: object, first: int, col: int, rows: int, source: str) -> None:
    sheet.data_validation(first, col, first + rows, col,  # type: ignore[attr-defined]
                          {"validate": "list", "source": source, "error_type": "warning"})


def _number_check(sheet: object, first: int, col: int, rows: int, node: Node) -> None:
    """Excel's own check of a column, from the indicator's rule (a warning: import decides)."""
    rule = rule_for(node)
    kind = "integer" if rule.whole else "decimal"
    low, high = (int(rule.low), int(rule.high)) if rule.whole else (rule.low, rule.high)
    shown = f"{low:g}–{high:g}".replace(".", ",")
    sheet.data_validation(first, col, first + rows, col, {  # type: ignore[attr-defined]
        "validate": kind, "criteria": "between", "minimum": low, "maximum": high,
        "error_title": shown, "error_type": "warning",
        "error_message": f"{node.code}: {shown}" + (" (số nguyên / whole)" if rule.whole else "")})
