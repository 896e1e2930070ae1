"""Labels in Vietnamese and English, and numbers written the way each reader writes them."""

from __future__ import annotations

import math
from typing import Any

LANGS = ("vi", "en")

# key -> (Vietnamese, English)
LABELS: dict[str, tuple[str, str]] = {
    "site": ("chiso · Chỉ số chuyển đổi số cấp tỉnh",
             "chiso · Provincial digital transformation index"),
    "site_short": ("chiso", "chiso"),
    "tagline": ("Đo lường, so sánh và theo dõi chuyển đổi số của 34 tỉnh, thành phố",
                ("Measuring, comparing and steering the digital transformation of "
                 "Vietnam's provinces")),
    "nav_overview": ("Tổng quan", "Overview"),
    "nav_scorecard": ("Hồ sơ tỉnh", "Province scorecard"),
    "nav_indicator": ("Chỉ tiêu", "Indicators"),
    "nav_compare": ("So sánh", "Compare"),
    "nav_method": ("Phương pháp", "Methodology"),
    "nav_downloads": ("Dữ liệu", "Downloads"),
    "nav_api": ("API", "API"),
    "nav_changelog": ("Lịch sử công bố", "Changelog"),
    "search": ("Tìm kiếm", "Search"),
    "search_label": ("Tìm tỉnh, xã, chỉ tiêu", "Find a province, commune or indicator"),
    "search_hint": ("Gõ có dấu hoặc không dấu, cả tên cũ (ví dụ: Ben Tre, cap quang).",
                    "Type with or without diacritics, old names too (e.g. Ben Tre, fibre)."),
    "nav_communes": ("Xã, phường", "Communes"),
    "communes_title": ("Xã, phường, đặc khu theo tỉnh", "Communes and wards by province"),
    "communes_none_scored": (
        ("Chưa tỉnh nào có kết quả đánh giá xã, phường được lưu. Không có chỉ số quốc gia cho "
         "cấp xã: mỗi tỉnh tự ban hành bộ chỉ số của mình."),
        ("No province's commune results are stored yet. There is no national commune index: "
         "each province sets its own.")),
    "communes_of": ("Xã, phường của", "Communes of"),
    "communes_count": ("Số xã, phường", "Communes"),
    "communes_scored": ("Đã chấm điểm", "Scored"),
    "communes_unscored": ("Chưa có kết quả", "Not scored"),
    "commune": ("Xã, phường", "Commune"),
    "moved_most": ("Thay đổi hạng nhiều nhất", "Moved most"),
    "component": ("Chỉ số thành phần", "Component"),
    "components": ("Các chỉ số thành phần", "Components"),
    "points_earned": ("Điểm", "Points"),
    "rule": ("Cách chấm", "Scoring rule"),
    "evidence": ("Minh chứng cần có", "Evidence required"),
    "placeholder": ("giữ chỗ", "placeholder"),
    "placeholder_help": (("Nội dung chính xác của chỉ số này chưa được công bố; tên và cách "
                          "chấm là chỗ giữ chỗ."),
                         ("This component's exact wording is not public; its name and rule "
                          "are placeholders.")),
    "points_trail": ("Lịch sử điểm", "Points trail"),
    "trail_by": ("Người thực hiện", "By"),
    "trail_status": ("Trạng thái", "Status"),
    "spread": ("Phân bố điểm", "Score spread"),
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
    "wit_unreachable": ("Không đạt được trong phạm vi của các chỉ số",
                        "Not reachable within the indices' ranges"),
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
    "merged_note": ("Tỉnh mới từ ngày 1/7/2025, hợp nhất từ:",
                    "A new province from 1 July 2025, merged from:"),
    "kept_note": ("Không sáp nhập khi sắp xếp đơn vị hành chính ngày 1/7/2025; tiếp nối:",
                  "Not merged in the reorganisation of 1 July 2025; it continues:"),
    "rank_base": ("Thay đổi hạng so với", "Rank change against"),
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
    "run_record": ("Bản ghi lần tính (để tính lại đúng từng con số)",
                   "Run record (to regenerate the numbers exactly)"),
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
    "map_islands": (("Bản đồ thể hiện quần đảo Hoàng Sa (TP. Đà Nẵng) và quần đảo Trường Sa "
                     "(tỉnh Khánh Hòa) của Việt Nam."),
                    ("The map shows Vietnam's Hoàng Sa (Paracel) archipelago, part of Đà Nẵng, "
                     "and Trường Sa (Spratly) archipelago, part of Khánh Hòa.")),
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


def fmt_value(value: Any, unit: str | None, lang: str, decimals: int | None = None) -> str:
    """A figure with its unit, in the reader's number format, at its indicator's precision
    (`decimals`, else its unit's: `framework.schema.UNIT_DECIMALS`), so that a province's
    "42,5 %" and the provinces' mean "60,06 %" are written alike. Trailing zeros are dropped,
    except for an index, written to its four decimals as the ministry writes it."""
    from chiso.framework.schema import UNIT_DECIMALS

    if value is None:
        return "–"
    digits = decimals if decimals is not None else UNIT_DECIMALS.get(unit or "", 2)
    if unit == "index":
        text = fmt_number(value, lang, digits)
    else:
        try:
            rounded = round(float(value), digits)
        except (TypeError, ValueError):
            return str(value)
        text = fmt_number(rounded, lang, 0 if float(rounded).is_integer() else None)
    if unit == "percent":
        return f"{text} %" if lang != "en" else f"{text}%"
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


# the project value register (issue 16)
PROJECT_LABELS: dict[str, tuple[str, str]] = {
    "nav_projects": ("Dự án CNTT", "IT projects"),
    "projects_title": ("Sổ dự án: giá trị phải lớn hơn chi phí",
                       "Project register: value must exceed cost"),
    "projects_lead": (("Mỗi khoản chi CNTT là một dự án; “một đồng bỏ ra phải thu về 2–3 đồng”"
                       " (B/C ≥ 2)."), ("Every IT spend is a project; “one đồng spent must"
                                        " bring back two or three” (B/C ≥ 2).")),
    "project": ("Dự án", "Project"),
    "status": ("Trạng thái", "Status"),
    "sector": ("Lĩnh vực", "Sector"),
    "bar_met": ("Đạt B/C ≥ 2", "B/C ≥ 2 met"),
    "bar_not_met": ("Chưa đạt B/C ≥ 2", "B/C ≥ 2 not met"),
    "all": ("Tất cả", "All"),
    "npv": ("Giá trị hiện tại ròng (NPV)", "Net present value (NPV)"),
    "bcr": ("Tỷ số lợi ích/chi phí (B/C)", "Benefit-cost ratio (B/C)"),
    "pv_benefits": ("Hiện giá lợi ích", "PV of benefits"),
    "pv_costs": ("Hiện giá chi phí", "PV of costs"),
    "payback": ("Năm hoàn vốn", "Payback year"),
    "irr": ("Suất sinh lợi nội bộ (IRR)", "Internal rate of return (IRR)"),
    "irr_none": ("không có (không tồn tại hoặc không duy nhất)",
                 "none (does not exist or is not unique)"),
    "rate": ("Tỷ lệ chiết khấu", "Discount rate"),
    "cash_flows": ("Dòng tiền theo năm", "Cash flows by year"),
    "costs": ("Chi phí", "Costs"),
    "benefits": ("Lợi ích", "Benefits"),
    "net": ("Ròng", "Net"),
    "switching": ("Giá trị chuyển đổi (NPV = 0)", "Switching values (NPV = 0)"),
    "uncertainty": ("Độ bất định (Monte Carlo)", "Uncertainty (Monte Carlo)"),
    "p_bar": ("Xác suất B/C ≥ 2", "Probability B/C ≥ 2"),
    "npv_interval": ("NPV 5–95 %", "NPV 5–95 %"),
    "realised": ("Lợi ích đã đạt so với kế hoạch", "Benefits realised against plan"),
    "plan": ("Kế hoạch", "Plan"),
    "actual": ("Thực tế", "Actual"),
    "linked": ("Chỉ tiêu liên quan", "Linked indicators"),
    "portfolio": ("Danh mục dự án của tỉnh", "The province's project portfolio"),
    "it_share": ("Chi CNTT / tổng chi ngân sách", "IT spending / total budget"),
    "cyber_share": ("Chi an toàn thông tin / chi CNTT", "Cybersecurity / IT spending"),
    "below_bar": ("Dự án chưa đạt B/C ≥ 2", "Projects below B/C ≥ 2"),
    "rank_value": ("Xếp hạng theo giá trị mỗi đồng (B/C)", "Ranked by value per đồng (B/C)"),
    "platforms": ("Danh mục nền tảng số", "Platform catalogue"),
    "supplier": ("Nhà cung cấp", "Supplier"),
    "category": ("Loại", "Category"),
    "ref_price": ("Giá tham khảo", "Reference price"),
    "no_price": ("chưa có giá công bố", "no published price"),
    "no_projects": ("Chưa có dự án nào được công bố.", "No project has been published yet."),
    "bn_dong": ("tỷ đồng", "billion đồng"),
    "flag_below_bar": ("B/C < 2: “một đồng phải thu về hai”",
                       "B/C < 2: “one đồng must bring back two”"),
    "flag_no_benefit": ("chưa ghi lợi ích nào", "no benefit recorded"),
    "flag_no_cost": ("chưa ghi chi phí", "no cost recorded"),
    "flag_cost_grows_without_benefit": ("chi phí tăng mà không có lợi ích",
                                        "cost grows with no benefit recorded"),
}
LABELS.update(PROJECT_LABELS)


def fmt_dong(value: Any, lang: str = "vi") -> str:
    """An amount in whole đồng, grouped: '150.000 đồng' / '150,000 đồng' (unit prices, which
    billions would round to zero); '–' if missing."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    return f"{fmt_number(value, lang, 0)} đồng"


def fmt_money(value: Any, lang: str = "vi") -> str:
    """An amount in đồng as billions: '6,49 tỷ đồng' / '6.49 billion đồng'; '–' if missing."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    return f"{fmt_number(value / 1e9, lang, 2)} {t('bn_dong', lang)}"
