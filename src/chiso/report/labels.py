"""The words of the printed reports, in Vietnamese and English."""

from __future__ import annotations

# key -> (Vietnamese, English)
LABELS: dict[str, tuple[str, str]] = {
    "brief_title": ("Hồ sơ chuyển đổi số", "Digital transformation brief"),
    "ranking_title": ("Bảng xếp hạng chuyển đổi số cấp tỉnh",
                      "Provincial digital transformation ranking"),
    "official": ("Chính thức (theo công bố của Bộ)", "Official (as the ministry published)"),
    "recomputed": ("Tính lại bằng chiso", "Recomputed by chiso"),
    "simulated": ("Dữ liệu mô phỏng, không phải số liệu thật", "Simulated data, not real figures"),
    "sim_tag": ("MP", "SIM"),
    "sim_legend": ("MP: giá trị mô phỏng, không dùng làm số liệu thật.",
                   "SIM: a simulated value, never to be used as a real figure."),
    "watermark": ("MÔ PHỎNG", "SIMULATED"),
    "run": ("Lần tính", "Run"),
    "period": ("Năm đánh giá", "Year assessed"),
    "data_as_of": ("Số liệu đến ngày", "Data as of"),
    "generated": ("Ngày lập", "Prepared"),
    "page": ("Trang", "Page"),
    "score": ("Điểm", "Score"),
    "rank": ("Xếp hạng", "Rank"),
    "rank_of": ("trên {n}", "of {n}"),
    "rank_interval": ("Khoảng hạng 5–95 %", "5–95 % rank interval"),
    "rank_interval_none": ("chưa phân tích độ bất định", "no uncertainty analysis"),
    "rank_change": ("so với {period}", "since {period}"),
    "merged": ("Tỉnh mới từ {date}, hợp nhất từ {units}.",
               "A new province from {date}, merged from {units}."),
    "trend": ("Xu hướng", "Trend"),
    "trend_note": ("Trước {date}: điểm của các tỉnh cũ (63 tỉnh, thành phố).",
                   "Before {date}: scores of the former provinces (63 provinces)."),
    "national_average": ("Trung bình cả nước", "National average"),
    "best": ("Cao nhất", "Best"),
    "main_indices": ("Các chỉ số chính", "Main indices"),
    "index": ("Chỉ số", "Index"),
    "province_value": ("Tỉnh", "Province"),
    "strengths": ("Ba điểm mạnh", "Three strengths"),
    "weaknesses": ("Ba điểm yếu", "Three weaknesses"),
    "peers": ("So với", "Against"),
    "peer_mean": ("TB nhóm", "Peer mean"),
    "targets": ("Mục tiêu", "Targets"),
    "target": ("Mục tiêu", "Target"),
    "value": ("Hiện nay", "Now"),
    "gap": ("Còn thiếu", "Gap"),
    "status": ("Dự báo", "Projected"),
    "basis": ("So với", "Against"),
    "what_it_takes": ("Cần làm gì", "What it takes"),
    "move_up": ("Để lên hạng", "To move up"),
    "goal_next": ("vượt tỉnh xếp trên (hạng {rank})", "to pass the province above (rank {rank})"),
    "goal_top10": ("vào nhóm 10 tỉnh dẫn đầu", "to enter the top 10"),
    "goal_rank": ("đạt hạng {rank}", "to reach rank {rank}"),
    "reached": ("Đã đạt mục tiêu xếp hạng này.", "This rank goal is already reached."),
    "needed_points": ("Cần thêm {points} điểm (trên {total}), tức điểm DTI đạt {score}.",
                      "{points} more points (of {total}) are needed: a DTI score of {score}."),
    "needed_score": ("Cần đạt điểm {score}.", "A score of {score} is needed."),
    "combined": ("Cách ít thay đổi nhất (ưu tiên chỉ số nhiều điểm):",
                 "The least total change (heaviest indices first):"),
    "uniform": ("Hoặc thu hẹp {share} khoảng cách ở mọi chỉ số.",
                "Or close {share} of every index's gap."),
    "unreachable": ("Không đạt được chỉ bằng các chỉ số này trong phạm vi của chúng.",
                    "Not reachable with these indices within their ranges."),
    "alone": ("Riêng chỉ số này cần đạt", "Alone it must reach"),
    "not_alone": ("một mình không đủ", "not enough alone"),
    "at_best": ("Mức tỉnh cao nhất", "Best province's level"),
    "at_national_target": ("Mục tiêu quốc gia", "National target"),
    "gains_rank": ("Hạng nếu đạt mức đó", "Rank at that level"),
    "in_units": ("Khoảng cách tính bằng việc cụ thể", "The gaps in things to do"),
    "sources": ("Nguồn", "Sources"),
    "link": ("Xem trực tuyến", "Online"),
    "method": ("Phương pháp", "Method"),
    "methodology": ("Phương pháp tính", "Methodology"),
    "change": ("Thay đổi hạng", "Rank change"),
    "province": ("Tỉnh, thành phố", "Province"),
    "map": ("Bản đồ điểm", "Score map"),
    "map_islands": (("Bản đồ thể hiện quần đảo Hoàng Sa (TP. Đà Nẵng) và quần đảo Trường Sa "
                     "(tỉnh Khánh Hòa) của Việt Nam."),
                    ("The map shows Vietnam's Hoàng Sa (Paracel) archipelago, part of Đà Nẵng, "
                     "and Trường Sa (Spratly) archipelago, part of Khánh Hòa.")),
    "achieved": ("Đã đạt", "Achieved"),
    "on_track": ("Đúng tiến độ", "On track"),
    "at_risk": ("Có nguy cơ", "At risk"),
    "off_track": ("Chậm tiến độ", "Off track"),
    "unknown": ("Chưa đủ dữ liệu", "Not enough data"),
    "national_target": ("mục tiêu quốc gia", "national target"),
    "own_target": ("mục tiêu của tỉnh", "the province's own target"),
    "leading": ("mức dẫn đầu", "the leading level"),
    "avg_basis": ("trung bình cả nước", "national average"),
    "by_year": ("đến {year}", "by {year}"),
}

# what a leader's gap counts, by Shortfall.kind: (Vietnamese, English) sentence templates
SHORTFALLS: dict[str, tuple[str, str]] = {
    "smartphones": (
        ("Còn thiếu {amount} thuê bao điện thoại thông minh để đạt {goal} thuê bao/100 dân "
         "({basis})."),
        "{amount} more smartphone subscriptions to reach {goal} per 100 inhabitants ({basis})."),
    "it_budget": (
        "Cần chi thêm {amount} cho CNTT để đạt {goal} chi ngân sách ({basis}).",
        "{amount} more IT spending to reach {goal} of the budget ({basis})."),
    "fibre_households": (
        "Còn {amount} hộ gia đình cần có cáp quang để đạt {goal} ({basis}).",
        "{amount} more households on fibre to reach {goal} ({basis})."),
    "shared_stations": (
        "Cần dùng chung thêm {amount} trạm BTS để đạt {goal} ({basis}).",
        "{amount} more base-station sites to share to reach {goal} ({basis})."),
    "coverage": (
        "Còn {amount} người dân chưa được phủ sóng để đạt {goal} ({basis}).",
        "{amount} people still to cover to reach {goal} ({basis})."),
    "digital_enterprises": (
        ("Cần thêm {amount} doanh nghiệp công nghệ số để đạt {goal} doanh nghiệp/1.000 dân "
         "({basis})."),
        ("{amount} more digital-technology enterprises to reach {goal} per 1,000 inhabitants "
         "({basis}).")),
}
# how the inputs of a gap are named when cited
INPUTS: dict[str, tuple[str, str]] = {
    "persons": ("Dân số", "Population"),
    "vnd": ("Tổng chi ngân sách địa phương", "Total local budget spending"),
    "households": ("Số hộ gia đình", "Households"),
    "stations": ("Số trạm BTS", "Base stations"),
    "per_100": ("Hiện nay (/100 dân)", "Now (per 100 inhabitants)"),
    "per_1000": ("Hiện nay (/1.000 dân)", "Now (per 1,000 inhabitants)"),
    "percent": ("Hiện nay", "Now"),
}


def t(key: str, lang: str, **values: object) -> str:
    """The label in the reader's language, with {placeholders} filled."""
    vi, en = LABELS[key]
    text = en if lang == "en" else vi
    return text.format(**values) if values else text


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]
