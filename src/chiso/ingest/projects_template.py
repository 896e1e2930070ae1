"""The project template: an XLSX file with Vietnamese headers that `chiso projects validate`
(and the register's import) reads back. Sheets "Hướng dẫn", "Dự án", "Dòng tiền", "Lợi ích",
"Đơn giá" and a hidden "Danh mục" feeding the drop-down lists."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from chiso.ingest.projects_cells import (
    BENEFIT_FIELDS,
    CATEGORIES,
    FLOW_FIELDS,
    FUNDING,
    GROUPS,
    KINDS,
    PROJECT_FIELDS,
    SHEETS,
    STATUSES,
    UNIT_COST_FIELDS,
    Words,
)

ROWS = 2000  # rows that get drop-down lists
MONEY = {"flows": {"amount", "low", "high"}, "unit_costs": {"unit_price"}}

INSTRUCTIONS = (
    ("Mẫu danh mục dự án chiso: mỗi khoản chi CNTT là một dự án; giá trị phải lớn hơn chi phí.",
     "chiso project template: every IT spend is a project whose value must exceed its cost."),
    ("", ""),
    ("Trang 'Dự án': mỗi dòng một dự án. Bắt buộc: Mã dự án, Tên dự án, Đơn vị hành chính.",
     "Sheet 'Dự án' (projects): one project per row. Required: code, name, unit."),
    (("Trang 'Dòng tiền': mỗi dòng một số tiền của một khoản mục trong một năm. Năm 0 là năm"
      " đầu tiên (không chiết khấu); có thể ghi năm lịch (2025…), tính từ 'Năm bắt đầu'."),
     ("Sheet 'Dòng tiền' (cash flows): one amount of one item in one year. Year 0 is the first"
      " year (not discounted); calendar years (2025…) count from the project's start year.")),
    (("Loại: Chi phí (Đầu tư, Vận hành, Nhân sự, Bảo hành, bảo trì) hoặc Lợi ích (Tiết kiệm"
      " chi bằng tiền, Tiết kiệm không bằng tiền, Giá trị xã hội, Tăng thu). Lợi ích âm là tác"
      " động bất lợi."),
     ("Kind: cost (capital, operating, staff, warranty) or benefit (cash-releasing saving,"
      " non-cash saving, social value, revenue). A negative benefit is a dis-benefit.")),
    (("Giá trị là ước tính trung tâm, Thấp và Cao là khoảng bất định (để trống = chắc chắn)."
      " Số tiền bằng đồng, theo giá năm 0: 1.500.000.000 hoặc 1,5 tỷ."),
     ("Amount is the central estimate, Low and High the uncertainty (blank = certain). Amounts"
      " in đồng at year-0 prices: 1.500.000.000 or 1,5 tỷ.")),
    ("Trang 'Lợi ích': với mỗi lợi ích, ai chịu trách nhiệm, mức nền, mục tiêu, cách đo, nguồn.",
     "Sheet 'Lợi ích' (benefits): each benefit's owner, baseline, target, measure and source."),
    (("Trang 'Đơn giá' (không bắt buộc): dự án dùng nền tảng nào (phải có trong cột 'Nền tảng sử"
      " dụng'), đơn vị tính (giấy phép/năm, người dùng/năm, điểm cầu/năm…), số lượng và đơn giá"
      " (đồng); đơn giá được so với giá tham khảo của danh mục nền tảng cùng đơn vị tính."),
     ("Sheet 'Đơn giá' (unit costs, optional): which platform the project uses (it must be in"
      " the 'platforms' column), the unit of measure (licence/year, user/year, station/year…),"
      " the quantity and the price per unit (đồng); the price is compared with the platform"
      " catalogue's reference price for the same unit of measure.")),
    (("Kiểm tra: chiso projects validate TEN_TEP.xlsx — mọi ô lỗi đều được chỉ ra; tệp được"
      " nhận toàn bộ hoặc không nhận gì."),
     ("Check: chiso projects validate FILE.xlsx — every bad cell is named; the file is taken"
      " whole or not at all.")),
)


def _labels(table: Words) -> list[str]:
    return [vi for vi, _en, _more in table.values()]


def write_projects_template(out: Path) -> Path:
    """Write the empty project template to `out`."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(out))
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "text_wrap": True,
                            "valign": "top", "border": 1})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    money = book.add_format({"num_format": "#,##0"})
    guide = book.add_worksheet("Hướng dẫn")
    guide.set_column(0, 1, 90)
    for r, (vi, en) in enumerate(INSTRUCTIONS):
        guide.write(r, 0, vi, wrap)
        guide.write(r, 1, en, wrap)

    lists = book.add_worksheet("Danh mục")
    choices = {"kind": _labels(KINDS), "category": _labels(CATEGORIES),
               "status": _labels(STATUSES), "group": _labels(GROUPS), "funding": _labels(FUNDING)}
    source = {}
    for c, (name, values) in enumerate(choices.items()):
        lists.write_column(0, c, values)
        letter = chr(ord("A") + c)
        source[name] = f"='Danh mục'!${letter}$1:${letter}${len(values)}"
    lists.hide()

    for key, fields in (("projects", PROJECT_FIELDS), ("flows", FLOW_FIELDS),
                        ("benefits", BENEFIT_FIELDS), ("unit_costs", UNIT_COST_FIELDS)):
        sheet = book.add_worksheet(SHEETS[key][0])
        if key == "projects":
            sheet.activate()
        sheet.freeze_panes(1, 1)
        sheet.set_row(0, 32)
        for c, (name, names) in enumerate(fields.items()):
            is_money = name in MONEY.get(key, set())
            label = f"{names[0]} (đồng)" if is_money else names[0]
            sheet.write(0, c, label, head)
            sheet.write_comment(0, c, names[1], {"x_scale": 1.5})
            sheet.set_column(c, c, 28 if name in ("name", "item", "measure") else 16,
                             money if is_money else None)
            if name in choices and key in ("projects", "flows"):
                _list(sheet, c, source[name])
    book.close()
    return out


def _list(sheet: Any, col: int, source: str) -> None:
    sheet.data_validation(1, col, ROWS, col,
                          {"validate": "list", "source": source, "error_type": "warning"})
