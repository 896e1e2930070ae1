"""Labels in Vietnamese and English, and numbers written the way each reader writes them."""

from __future__ import annotations

import math
from typing import Any

LANGS = ("vi", "en")

# key -> (Vietnamese, English)
LABELS: dict[str, tuple[str, str]] = {
    "site": ("chiso · Chỉ số chuyển đổi số cấp tỉnh", "chiso · Provincial digital transformation index"),
    "site_short": ("chiso", "chiso"),
    "tagline": ("Đo lường, so sánh và theo dõi chuyển đổi số của 34 tỉnh, thành phố",
                "Measuring, comparing and steering the digital transformation of Vietnam's provinces"),
    "nav_overview": ("Tổng quan", "Overview"),
    "nav_scorecard": ("Hồ sơ tỉnh", "Province scorecard"),
    "nav_indicator": ("Chỉ tiêu", "Indicators"),
    "nav_compare": ("So sánh", "Compare"),
    "nav_method": ("Phương pháp", "Methodology"),
    "nav_downloads": ("Dữ liệu", "Downloads"),
    "nav_api": ("API", "API"),
    "skip": ("Bỏ qua, đến nội dung chính", "Skip to main content"),
    "lang_switch": ("English", "Tiếng Việt"),
    "lang_switch_label": ("Chuyển sang tiếng Anh", "Switch to Vietnamese"),
    "framework": ("Khung chỉ số", "Framework"),
    "year": ("Năm", "Year"),
    "show": ("Xem", "Show"),
    "province": ("Tỉnh, thành phố", "Province"),
    "provinces": ("tỉnh, thành phố", "provinces"),
    "score": ("Điểm", "Score"),
    "rank": ("Xếp hạng", "Rank"),
    "rank_change": ("Thay đổi hạng", "Rank change"),
    "rank_interval": ("Khoảng hạng 5–95 %", "5–95 % rank interval"),
    "rank_interval_help": (
        ("Khoảng xếp hạng từ phân tích độ bất định (phân vị 5 % và 95 % của hạng khi thay đổi "
         "phương pháp chuẩn hóa, trọng số và cách xử lý số liệu thiếu)."),
        ("The rank range from the uncertainty analysis (5th and 95th percentile of the rank as "
         "normalisation, weights and imputation vary).")),
    "map_title": ("Bản đồ chỉ số", "Index map"),
    "map_help": ("Chọn một tỉnh trên bản đồ hoặc trong bảng để xem hồ sơ.",
                 "Click a province on the map or in the table to open its scorecard."),
    "ranking": ("Bảng xếp hạng", "Ranking"),
    "no_run": ("Chưa có kết quả chỉ số nào được lưu. Hãy chạy: chiso demo",
               "No index results are stored yet. Run: chiso demo"),
    "simulated_banner": ("Dữ liệu mô phỏng: các con số trên trang này không phải số liệu thật.",
                         "Simulated data: the figures on this page are not real."),
    "simulated": ("mô phỏng", "simulated"),
    "take_away": ("Mang đi họp", "Take away"),
    "brief_pdf": ("Hồ sơ tỉnh (PDF, 2 trang A4)", "Brief (PDF, 2 A4 pages)"),
    "brief_print": ("Bản in hồ sơ", "Print view of the brief"),
    "scorecard_xlsx": ("Số liệu của tỉnh (XLSX)", "Scorecard workbook (XLSX)"),
    "ranking_pdf": ("Bảng xếp hạng (PDF)", "Ranking report (PDF)"),
    "ranking_xlsx": ("Bảng xếp hạng (XLSX)", "Ranking workbook (XLSX)"),
    "print_page": ("In trang này", "Print this page"),
    "share_link": ("Đường dẫn chia sẻ (giữ tỉnh, lần tính, ngôn ngữ, so sánh)",
                   "Share link (keeps the province, run, language, comparison)"),
    "embed": ("Nhúng thẻ của tỉnh vào trang khác", "Embed this province's card elsewhere"),
    "copy": ("Sao chép", "Copy"),
    "copied": ("Đã sao chép", "Copied"),
    "export_png": ("Tải PNG", "PNG"),
    "export_svg": ("Tải SVG", "SVG"),
    "what_it_takes": ("Cần làm gì để lên hạng", "What it takes to move up"),
    "wit_help": (("Kéo thanh trượt để thay đổi một chỉ số; điểm và hạng được tính lại theo "
                  "phương pháp của lần tính, các tỉnh khác giữ nguyên."),
                 ("Move a slider to change an index; the score and rank are recomputed under "
                  "the run's method, the other provinces held fixed.")),
    "wit_goal": ("Mục tiêu", "Goal"),
    "wit_next": ("Vượt tỉnh xếp trên", "Pass the province above"),
    "wit_top10": ("Vào top 10", "Enter the top 10"),
    "wit_reset": ("Đặt lại", "Reset"),
    "wit_now": ("Hiện nay", "Now"),
    "wit_sim": ("Nếu thay đổi", "With the change"),
    "wit_alone": ("Riêng chỉ số này cần", "Alone it needs"),
    "wit_combined": ("Cách ít thay đổi nhất", "The least total change"),
    "wit_threshold": ("Điểm cần đạt", "Score needed"),
    "wit_reached": ("Đã đạt", "Reached"),
    "wit_loading": ("Đang tính…", "Computing…"),
    "wit_unreachable": ("Không đạt được trong phạm vi của các chỉ số", "Not reachable within the indices' ranges"),
    "wit_exact": ("chính xác (phương pháp tuyến tính)", "exact (a linear method)"),
    "wit_search": ("tìm kiếm bằng phép tính đầy đủ", "a search with the full build"),
    "published": ("công bố", "published"),
    "computed": ("tính toán", "computed"),
    "national_average": ("Trung bình cả nước", "National average"),
    "provincial_mean": ("Trung bình các tỉnh", "Mean of provinces"),
    "best": ("Tỉnh cao nhất", "Best province"),
    "indicator": ("Chỉ tiêu", "Indicator"),
    "value": ("Giá trị", "Value"),
    "target": ("Mục tiêu", "Target"),
    "actual": ("Thực tế", "Actual"),
    "benchmark": ("Đối chiếu (nơi khác)", "Benchmark (elsewhere)"),
    "change_added": ("Thêm mới", "Added"),
    "change_changed": ("Thay đổi", "Changed"),
    "change_removed": ("Bỏ", "Removed"),
    "gap": ("Chênh lệch so với mục tiêu", "Gap to target"),
    "trend": ("Xu hướng", "Trend"),
    "status": ("Dự báo", "Projected status"),
    "source": ("Nguồn", "Source"),
    "provenance": ("Nguồn gốc số liệu", "Provenance"),
    "period": ("Kỳ", "Period"),
    "unit": ("Đơn vị tính", "Unit"),
    "direction": ("Chiều", "Direction"),
    "definition": ("Định nghĩa", "Definition"),
    "targets": ("Mục tiêu", "Targets"),
    "weight": ("Trọng số", "Weight"),
    "points": ("Điểm tối đa", "Maximum points"),
    "pillars": ("Trụ cột", "Pillars"),
    "pillar_radar": ("Điểm các trụ cột", "Pillar scores"),
    "merged_from": ("Hình thành từ", "Formed from"),
    "merged_into": ("Nay thuộc", "Now part of"),
    "merged_note": ("Tỉnh mới từ ngày 1/7/2025, hợp nhất từ:", "A new province from 1 July 2025, merged from:"),
    "data_table": ("Bảng số liệu của biểu đồ", "Data table behind the chart"),
    "on_track": ("Đúng tiến độ", "On track"),
    "at_risk": ("Có nguy cơ", "At risk"),
    "off_track": ("Chậm tiến độ", "Off track"),
    "achieved": ("Đã đạt", "Achieved"),
    "unknown": ("Chưa đủ dữ liệu", "Not enough data"),
    "no_data": ("Không có số liệu", "No data"),
    "quote": ("Trích dẫn", "Quote"),
    "file": ("Tệp", "File"),
    "row": ("dòng", "row"),
    "cell": ("ô", "cell"),
    "run": ("Lần tính", "Index run"),
    "run_record": ("Bản ghi lần tính (để tính lại đúng từng con số)", "Run record (to regenerate the numbers exactly)"),
    "method": ("Phương pháp", "Method"),
    "normalisation": ("Chuẩn hóa", "Normalisation"),
    "aggregation": ("Tổng hợp", "Aggregation"),
    "availability": ("Mức độ đầy đủ của số liệu", "Data availability"),
    "snapshot": ("Mã băm dữ liệu đầu vào", "Input snapshot hash"),
    "distribution": ("Phân bố giữa các tỉnh", "Distribution across provinces"),
    "compare_title": ("So sánh các tỉnh", "Compare provinces"),
    "compare_help": ("Chọn từ 2 đến 5 tỉnh, thành phố.", "Choose two to five provinces."),
    "compare_button": ("So sánh", "Compare"),
    "downloads_title": ("Tải dữ liệu", "Download the data"),
    "datapackage": ("Gói dữ liệu Frictionless (tất cả dữ liệu công bố)",
                    "Frictionless data package (all published data)"),
    "higher_better": ("càng cao càng tốt", "higher is better"),
    "lower_better": ("càng thấp càng tốt", "lower is better"),
    "context": ("chỉ tham khảo", "context only"),
    "not_found": ("Không tìm thấy", "Not found"),
    "all_indicators": ("Tất cả chỉ tiêu", "All indicators"),
    "footer": ("chiso · mã nguồn mở · số liệu kèm nguồn gốc từng con số",
               "chiso · open source · every figure with its provenance"),
    "map_islands": ("Bản đồ thể hiện quần đảo Hoàng Sa (TP. Đà Nẵng) và quần đảo Trường Sa (tỉnh Khánh Hòa) của Việt Nam.",
                    "The map shows Vietnam's Hoàng Sa (Paracel) archipelago, part of Đà Nẵng, and Trường Sa (Spratly) archipelago, part of Khánh Hòa."),
}

UNITS: dict[str, tuple[str, str]] = {
    "percent": ("%", "%"),
    "count": ("số lượng", "count"),
    "vnd": ("đồng", "VND"),
    "per_100": ("trên 100 dân", "per 100 inhabitants"),
    "per_1000": ("trên 1.000 dân", "per 1,000 people"),
    "mbps": ("Mbps", "Mbps"),
    "rank": ("hạng", "rank"),
    "score": ("điểm", "points"),
    "index": ("chỉ số (0–1)", "index (0–1)"),
}


QUALIFIER_SIGNS = {"ge": "≥", "gt": ">", "le": "≤", "lt": "<", "approx": "~"}


def qualifier_sign(qualifier: str | None, eq: str = "") -> str:
    """The sign before a value read with that qualifier: ≥ > ≤ < ~, and `eq` for "eq"."""
    return eq if qualifier == "eq" else QUALIFIER_SIGNS.get(qualifier or "", "")


def t(key: str, lang: str) -> str:
    """The label in the reader's language (the key itself if unknown)."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]


def both(key: str) -> dict[str, str]:
    vi, en = LABELS[key]
    return {"vi": vi, "en": en}


def unit_label(unit: str | None, lang: str) -> str:
    if not unit:
        return ""
    pair = UNITS.get(unit)
    return unit if pair is None else pair[1 if lang == "en" else 0]


def fmt_number(value: Any, lang: str = "vi", digits: int | None = None) -> str:
    """70.8 -> '70,8' and 911000 -> '911.000' in Vietnamese; '70.8' and '911,000' in English.

    With `digits` the number is rounded to that many decimals; without, integers show none and
    other numbers up to four, trailing zeros dropped. Missing values show as an en dash.
    """
    if value is None:
        return "–"
    try:
        x = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(x) or math.isinf(x):
        return "–"
    if digits is None:
        text = f"{x:,.4f}".rstrip("0").rstrip(".")
    else:
        text = f"{x:,.{digits}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # no "-0" after rounding
    if lang == "en":
        return text
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def fmt_percent(value: Any, lang: str = "vi", digits: int | None = 1) -> str:
    """70.8 -> '70,8 %' (Vietnamese) or '70.8%' (English)."""
    if value is None:
        return "–"
    num = fmt_number(value, lang, digits)
    return f"{num} %" if lang != "en" else f"{num}%"


def fmt_value(value: Any, unit: str | None, lang: str) -> str:
    """A figure with its unit, in the reader's number format."""
    if value is None:
        return "–"
    if unit == "percent":
        return fmt_percent(value, lang, None)
    if unit in ("count", "vnd", "rank"):
        text = fmt_number(value, lang, 0)
    elif unit == "index":
        text = fmt_number(value, lang, 4)
    else:
        text = fmt_number(value, lang)
    suffix = {"vnd": " đ" if lang != "en" else " VND",
              "per_100": " /100 dân" if lang != "en" else " per 100",
              "per_1000": " /1.000 dân" if lang != "en" else " per 1,000"}.get(unit or "", "")
    return text + suffix


def fmt_signed(value: float | None, lang: str) -> str:
    """A rank change: '+3', '−2', '0' (a true minus sign)."""
    if value is None:
        return "–"
    if value > 0:
        return "+" + fmt_number(value, lang)
    if value < 0:
        return "−" + fmt_number(-value, lang)
    return "0"


def name(obj: Any, lang: str) -> str:
    """An object's name_vi or name_en."""
    return str(getattr(obj, "name_en" if lang == "en" else "name_vi"))


def pick_lang(query: str | None, cookie: str | None, default: str = "vi") -> str:
    for cand in (query, cookie, default):
        if cand in LANGS:
            return cand
    return "vi"


def fmt_score(value: Any, lang: str = "vi") -> str:
    """An index score: four decimals on a 0–1 scale, two on a 0–100 or points scale."""
    if value is None:
        return "–"
    return fmt_number(value, lang, 4 if abs(float(value)) <= 1.0 else 2)


def fmt_interval(low: Any, high: Any, lang: str = "vi") -> str:
    if low is None or high is None:
        return "–"
    return f"{fmt_number(low, lang, 0)}–{fmt_number(high, lang, 0)}"


def fmt_date(value: Any, lang: str = "vi") -> str:
    """2025-07-01 -> '1/7/2025' in Vietnamese, '1 Jul 2025' in English."""
    from datetime import date

    if not value:
        return "–"
    d = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    if lang == "en":
        return f"{d.day} {d.strftime('%b')} {d.year}"
    return f"{d.day}/{d.month}/{d.year}"


def source_line(figure: dict[str, Any], lang: str = "vi") -> str:
    """Where a figure comes from, in one line for a tooltip: source, publisher, date, address
    (or file and cell), and the simulated label where it applies."""
    src = figure.get("source") or {}
    prov = figure.get("provenance") or {}
    parts = [src.get("title") or ""]
    if src.get("publisher"):
        parts.append(src["publisher"])
    if src.get("published_on"):
        parts.append(fmt_date(src["published_on"], lang))
    where = src.get("uri") if str(src.get("uri") or "").startswith("http") else None
    if prov.get("file"):
        where = f"{prov['file']} {prov.get('cell') or prov.get('row') or ''}".strip()
    if where:
        parts.append(where)
    if figure.get("simulated"):
        parts.insert(0, t("simulated", lang).upper())
    return " · ".join(p for p in parts if p)
