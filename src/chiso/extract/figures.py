"""Find the figures in a sentence: values with their qualifier, range and kind of quantity.

Dates, years, times, levels ("mức độ 3, 4"), references ("Quyết định 749/QĐ-TTg", "Ảnh 1") and
differences ("thấp hơn 5% so với ...") are not values and are skipped. Numbers are read by
`chiso.numbers.parse_number`, the project's one parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chiso.numbers import (
    Quantity,
    parse_number,
    prefix_qualifier,
    read_digits,
    scan,
    suffix_qualifier,
)

PROVINCE_TOTALS = {"63", "34", "64", "61"}


@dataclass(frozen=True)
class Figure:
    """A value found in a sentence; start/end are offsets in the sentence."""

    start: int
    end: int
    value: float
    value_high: float | None
    qualifier: str
    measure: str  # percent, count, persons, vnd, usd, rank, km2, ha, tonnes, mbps, score
    text: str


_DATE_BEFORE = re.compile(
    r"(?:ngày|tháng|quý\s+[IVX\d]+|quý|năm|sáng|chiều|tối|đêm|hôm|lúc|giai đoạn|thời kỳ|niên khóa|"
    r"khóa|nhiệm kỳ|từ năm|đến năm|vào năm|trong năm|cuối năm|đầu năm)\s*$",
    re.IGNORECASE,
)
_REFERENCE_BEFORE = re.compile(
    r"(?:ảnh|hình|bảng|biểu đồ|điều|khoản|điểm|mục|chương|phụ lục|phần|tập|trang|kỳ|quyết định|"
    r"nghị quyết|nghị định|thông tư|chỉ thị|công văn|kế hoạch|văn bản|luật|tiêu chuẩn|phiên bản|"
    r"version|tầng|lô|phòng|đường|quốc lộ|tỉnh lộ|km|lần thứ|đợt|công nghiệp|st|mã|hotline)\s*$",
    re.IGNORECASE,
)
_NOT_VALUE_BEFORE = re.compile(
    r"(?<!\w)(?:" + _DATE_BEFORE.pattern[3:-5] + "|" + _REFERENCE_BEFORE.pattern[3:-5] + r")\s*$",
    re.IGNORECASE,
)
_LEVEL_BEFORE = re.compile(
    r"(?:mức|mức độ|cấp độ|level|nhóm|loại|hạng|cấp)\s*(?:\d+\s*(?:,|và|-|–|hoặc)\s*)*$", re.IGNORECASE
)
_RANK_BEFORE = re.compile(r"(?:vị trí|thứ|hạng|xếp thứ|đứng thứ|top)\s*(?:thứ\s*)?$", re.IGNORECASE)
_DIFFERENCE_BEFORE = re.compile(
    r"(?:thấp hơn|cao hơn|nhiều hơn|ít hơn|lớn hơn|nhỏ hơn|kém|chênh lệch|tăng thêm|giảm|tăng)\s*"
    r"(?:gần|khoảng|hơn|~|xấp xỉ)?\s*$",
    re.IGNORECASE,
)
_DIFFERENCE_AFTER = re.compile(r"^\s*(?:%|điểm phần trăm|điểm)?\s*(?:so với|so cùng kỳ)", re.IGNORECASE)
_RANGE = re.compile(r"^\s*(%\s*)?(?:-|–|—|đến|tới)\s*(?=[\d])")
_MEASURE_AFTER: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s*(?:%|phần trăm)"), "percent"),
    (re.compile(r"^\s*/\s*(?:63|34|64|61)(?!\d)"), "rank"),
    (re.compile(r"^\s*(?:nghìn tỷ|ngàn tỷ|tỷ|tỉ|triệu|nghìn|ngàn)?\s*(?:đồng|vnđ|vnd|đ)(?!\w)", re.IGNORECASE), "vnd"),
    (re.compile(r"^\s*(?:nghìn tỷ|tỷ|triệu|nghìn)?\s*(?:usd|đô la|\$)(?!\w)", re.IGNORECASE), "usd"),
    (re.compile(r"^\s*(?:km2|km²|ki-lô-mét vuông|kilômét vuông)", re.IGNORECASE), "km2"),
    (re.compile(r"^\s*(?:ha|héc-ta|hecta)(?!\w)", re.IGNORECASE), "ha"),
    (re.compile(r"^\s*(?:nghìn|ngàn|triệu)?\s*tấn(?!\w)", re.IGNORECASE), "tonnes"),
    (re.compile(r"^\s*(?:mbps|mb/s|mbit/s)", re.IGNORECASE), "mbps"),
    (re.compile(r"^\s*(?:nghìn|ngàn|triệu)?\s*(?:người|nhân khẩu|dân)(?!\w)", re.IGNORECASE), "persons"),
    (re.compile(r"^\s*điểm(?!\s*(?:cầu|phần trăm))(?!\w)", re.IGNORECASE), "score"),
    (re.compile(r"^\s*(?:km|m|cm|mm|kg|g|mw|kw|kwh|gb|tb|mhz|ghz|tháng|năm|ngày|giờ|phút|giây|tuổi|lần|"
                r"năm/lần|°c)(?!\w)", re.IGNORECASE), "other"),
)
_ATTACHED_AFTER = re.compile(r"^(?:/|:|-\d|\.\d|[–-][A-ZĐ])")
_PER_OR_RANK_AFTER = re.compile(r"^/\s*(?:(?:63|34|64|61)(?!\d)|năm|tháng|ngày|người|dân|hộ|xã)")
_PER_BASE = re.compile(r"(?:trên|mỗi|/|per)\s*$", re.IGNORECASE)
_PER_UNIT = re.compile(r"^\s*(?:người dân|dân|người|hộ|doanh nghiệp|inhabitants|people)(?!\w)", re.IGNORECASE)
_SCALE_AFTER = re.compile(r"^\s*(?:nghìn tỷ|ngàn tỷ|nghìn tỉ|ngàn tỉ|tỷ|tỉ|triệu|vạn|nghìn|ngàn)(?!\w)", re.IGNORECASE)


def _measure(after: str, before: str) -> str:
    if _RANK_BEFORE.search(before):
        return "rank"
    for pattern, name in _MEASURE_AFTER:
        if pattern.match(after):
            return name
    return "count"


def _is_year(value: float, token: str, after: str) -> bool:
    return (
        len(token) == 4 and token.isdigit() and 1900 <= value <= 2100
        and not re.match(r"^\s*(?:%|nghìn|ngàn|triệu|tỷ|tỉ|đồng|người|km|ha|tấn)", after, re.IGNORECASE)
    )


def find_figures(sentence: str) -> list[Figure]:
    """The values written in one sentence, left to right."""
    found: list[Figure] = []
    skip_until = -1
    for start, end, token in scan(sentence):
        if start < skip_until:
            continue
        before = sentence[max(0, start - 32):start]
        after = sentence[end:end + 40]
        if before.endswith(("/", "-", ":", ".", ",")):
            continue  # a denominator, a date tail, a time, a code
        if _ATTACHED_AFTER.match(after) and not _PER_OR_RANK_AFTER.match(after):
            continue  # 17/7, 10/09/2020, 22:00, 749/QĐ-TTg
        try:
            base = Quantity(read_digits(token), text=token)
        except ValueError:
            continue
        if _is_year(base.value, token, after):
            continue
        if base.value in (100, 1000, 10000, 100000) and _PER_BASE.search(before) and _PER_UNIT.match(after):
            continue  # "thuê bao trên 100 dân": the base of a rate, not a value
        if _NOT_VALUE_BEFORE.search(before):
            continue
        if _LEVEL_BEFORE.search(before) and base.value <= 10:
            continue  # "mức độ 3, 4": levels, not values
        if _DIFFERENCE_BEFORE.search(before) or _DIFFERENCE_AFTER.match(after):
            continue
        piece_end = end
        high_end = None
        rng = _RANGE.match(sentence[end:])
        if rng:
            second = re.match(r"[\d.,]+\d|\d", sentence[end + rng.end():])
            if second:
                high_end = end + rng.end() + second.end()
                piece_end = high_end
        scale = _SCALE_AFTER.match(sentence[piece_end:])
        if scale:
            piece_end += scale.end()
        percent = re.match(r"^\s*%", sentence[piece_end:])
        if percent:
            piece_end += percent.end()
        qualifier = prefix_qualifier(before) or suffix_qualifier(sentence[piece_end:piece_end + 12])
        if piece_end == end:
            q = base
        else:
            try:
                q = parse_number(sentence[start:piece_end])
            except ValueError:
                continue
        tail = sentence[end:end + 40] if high_end is None else sentence[high_end:high_end + 40]
        measure = _measure(tail, before)
        rank_total = re.match(r"^\s*/\s*\d+", tail) if measure == "rank" else None
        if rank_total:
            piece_end = end + rank_total.end()
        found.append(
            Figure(
                start=start, end=piece_end, value=q.value, value_high=q.value_high,
                qualifier=qualifier or q.qualifier, measure=measure, text=sentence[start:piece_end],
            )
        )
        skip_until = piece_end
    return found
