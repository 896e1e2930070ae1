"""Find the figures in a sentence: values with their qualifier, range and kind of quantity.

Dates, years, times, levels ("mức độ 3, 4"), references ("Quyết định 749/QĐ-TTg", "Ảnh 1") and
differences ("thấp hơn 5% so với ...") are not values and are skipped. Numbers are read by
`chiso.numbers.parse_number`, the project's one parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from chiso.extract import forms
from chiso.extract.caseless import Caseless, lower
from chiso.numbers import (
    QUALIFIER_BEFORE,
    Quantity,
    parse_number,
    prefix_qualifier,
    read_digits,
    scan,
    suffix_qualifier,
)


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
    r"(?:ngày|tháng|quý\s+[IVX\d]+|quý|năm|sáng|chiều|tối|đêm|hôm|lúc|giai đoạn|thời kỳ|"
    r"niên khóa|niên khoá|khóa|khoá|nhiệm kỳ|từ năm|đến năm|vào năm|trong năm|cuối năm|"
    r"đầu năm)\s*$",
    re.IGNORECASE,
)
_REFERENCE_BEFORE = re.compile(
    # ("thí điểm 06 điểm phát sóng 5G" is a pilot)
    r"(?:ảnh|hình|bảng|biểu đồ|điều|khoản|(?<!số )(?<!mức )(?<!tổng )(?<!đạt )(?<!thí )điểm|"
    r"mục|chương|"
    r"phụ lục|phần|tập|trang|kỳ|quyết định|"
    r"nghị quyết|nghị định|thông tư|chỉ thị|công văn|kế hoạch|văn bản|luật|tiêu chuẩn|phiên bản|"
    # "phòng 12" is a room; "Hải Phòng 70.76" a province's score
    r"version|tầng|lô|(?<!hải )phòng|đường|quốc lộ|tỉnh lộ|km|lần thứ|đợt|công nghiệp|st|mã|"
    r"hotline)\s*$",
    re.IGNORECASE,
)
# ("điểm 3 khoản 1" is a reference; "với số điểm 70,35" a score)
_NOT_VALUE_BEFORE = Caseless(
    r"(?<!\w)(?:" + _DATE_BEFORE.pattern[3:-5] + "|" + _REFERENCE_BEFORE.pattern[3:-5] + r")\s*$",
)
# "Long An (70,37 điểm, hạng 3)" in a list of ranks: "hạng" after a score, or in a sentence of
# rankings, is a rank ("hạng 1" of a class of towns or hospitals stays a level)
_RANKED_HANG = re.compile(r"(?:điểm\s*[,;(]\s*|(?:xếp|thứ)\s+hạng\b.*)hạng\s*$", re.IGNORECASE)
# "Về DTI năm 2023, Long An đứng đầu (hạng 9)": "hạng" in a sentence on an index that ranks
# provinces is a rank too
_RANKING_INDEX = re.compile(r"(?<![\w-])(?:DTI|PAR\s*INDEX|PAPI|PCI|SIPAS)(?![\w-])|"
                            r"chỉ số (?:chuyển đổi số|cải cách hành chính|năng lực cạnh tranh)|"
                            r"năng lực cạnh tranh cấp tỉnh|"
                            r"bảng xếp hạng", re.IGNORECASE)
# "chính quyền số hạng 2": a DTI pillar's place, said with no index's name
_PILLAR_HANG = re.compile(r"(?:chính quyền số|kinh tế số|xã hội số|chuyển đổi số)\s+hạng\s*$",
                          re.IGNORECASE)
_LEVEL_BEFORE = Caseless(
    r"(?<!xếp )(?<!thứ )(?:mức|mức độ|cấp độ|level|nhóm|loại|hạng|cấp)\s*"
    r"(?:\d+\s*(?:,|và|-|–|hoặc)\s*)*$"
)
# two levels written as a decimal ("mức độ 1,2", "mức 3,4"), and a unit that makes such a pair a
# value after all ("ở mức 1,2%", "mức 3,4 điểm")
_LEVEL_PAIR = re.compile(r"[1-4],[1-4]")
_MEASURED_AFTER = re.compile(r"\s*(?:%|phần trăm|điểm|lần|triệu|tỷ|nghìn|Mb|GB|km)", re.IGNORECASE)
_RANK_BEFORE = Caseless(r"(?:vị trí|thứ|hạng|xếp thứ|đứng thứ|thứ hạng)\s*(?:thứ\s*|số\s*)?$")
_DIFFERENCE_BEFORE = Caseless(
    # "(cố định giảm: 7.448 thuê bao": a colon between the change and its size
    r"(?:thấp hơn|cao hơn|nhiều hơn|ít hơn|lớn hơn|nhỏ hơn|kém|chênh lệch|tăng thêm|giảm|tăng)"
    r"\s*:?\s*"
    # "cao hơn năm trước 1,38 điểm": the time compared with, said between
    r"(?:(?:so với\s+|so\s+)?(?:năm trước|năm ngoái|cùng kỳ(?: năm trước)?|kỳ trước|"
    r"năm\s+(?:19|20)\d\d)\s*)?"
    r"(?:gần|khoảng|hơn|~|xấp xỉ)?\s*$"
)
# "đạt 81,83% (cao hơn trung bình cả nước 1,75%)": by how much, when it is small beside the value
# compared ("phấn đấu đạt 80%, cao hơn mức trung bình cả nước 70%" gives the average itself)
_ABOVE_AVERAGE = Caseless(r"(?:thấp hơn|cao hơn)\s+(?:so với\s+)?(?:mức\s+)?"
                          r"(?:trung bình|bình quân)(?:\s+chung)?(?:\s+của)?\s+"
                          r"(?:cả nước|toàn quốc)\s*$")
# "cao hơn so với trung bình chung cả nước là 0,0758": a comparison whose number may be the
# other value ("thấp hơn so với mức trung bình toàn quốc là 15%") or by how much
_BY_HOW_MUCH = Caseless(r"(?:cao hơn|thấp hơn|nhiều hơn|ít hơn|vượt|kém)\s+(?:so với\s+)?"
                        r"[^,;.\d()]{3,60}?\s(?:là|khoảng|gần|hơn)\s*$")


def _is_difference(value: float, found: list[Figure]) -> bool:
    """Is `value` the difference of two values found before it in its sentence?"""
    return value > 0 and any(abs(abs(a.value - b.value) - value) <= 1e-6 * max(1.0, value)
                             for k, a in enumerate(found) for b in found[k + 1:])


# "tăng 4% so với năm 2022" is a difference; "lần lượt là 15, 7, 4 so với cả nước" a rank in
# the country
_DIFFERENCE_AFTER = re.compile(r"^\s*(?:%|điểm phần trăm|điểm)?\s*(?:so với|so cùng kỳ)"
                               r"(?!\s+(?:cả nước|toàn quốc|các tỉnh))", re.IGNORECASE)
_RANGE = re.compile(r"^\s*(%\s*)?(?:-|–|—|đến|tới)\s*(?=[\d])")
_MEASURE_AFTER: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s*(?:%|phần trăm)"), "percent"),
    (re.compile(r"^\s*/\s*(?:63|34|64|61)(?!\d)"), "rank"),
    (re.compile(r"^\s*(?:nghìn tỷ|ngàn tỷ|tỷ|tỉ|triệu|nghìn|ngàn)?\s*(?:đồng|vnđ|vnd|đ)(?!\w)",
                re.IGNORECASE), "vnd"),
    (re.compile(r"^\s*(?:nghìn tỷ|tỷ|triệu|nghìn)?\s*(?:usd|đô la|\$)(?!\w)", re.IGNORECASE),
     "usd"),
    (re.compile(r"^\s*(?:km2|km²|ki-lô-mét vuông|kilômét vuông)", re.IGNORECASE), "km2"),
    (re.compile(r"^\s*(?:ha|héc-ta|hecta)(?!\w)", re.IGNORECASE), "ha"),
    (re.compile(r"^\s*(?:nghìn|ngàn|triệu)?\s*tấn(?!\w)", re.IGNORECASE), "tonnes"),
    (re.compile(r"^\s*(?:mbps|mb/s|mbit/s|mb/giây|mbit/giây)", re.IGNORECASE), "mbps"),
    # ("28 dân tộc cùng sinh sống" are peoples, no persons)
    (re.compile(r"^\s*(?:nghìn|ngàn|triệu)?\s*(?:người|nhân khẩu|dân(?!\s+tộc))(?!\w)",
                re.IGNORECASE), "persons"),
    # "điểm" counting places is no score: "1.600 điểm thu, phát sóng", "225 điểm phục vụ"
    (re.compile(r"^\s*điểm(?!\s*(?:cầu|phần trăm|thu|phát|phục vụ|bưu|truy|giao dịch|wi-?fi|"
                r"kết nối|cung cấp|du lịch|dân cư|trường|tiếp nhận|sáng|đến))(?!\w)",
                re.IGNORECASE), "score"),
    (re.compile(r"^\s*(?:km|m|cm|mm|kg|g|mw|kw|kwh|gb|tb|mhz|ghz|tháng|năm|ngày|giờ|phút|giây|tuổi|lần|"
                r"năm/lần|°c)(?!\w)", re.IGNORECASE), "other"),
)
_ATTACHED_AFTER = re.compile(r"^(?:/|:|-\d|\.\d|[–-][A-ZĐ])")
_PER_OR_RANK_AFTER = re.compile(r"^/\s*(?:(?:63|34|64|61)(?!\d)|năm|tháng|ngày|người|dân|hộ|xã)")
_PER_BASE = Caseless(r"(?:trên|mỗi|/|per)\s*$")
_PER_UNIT = re.compile(r"^\s*(?:người dân|dân|người|hộ|doanh nghiệp|inhabitants|people)(?!\w)",
                      re.IGNORECASE)
# the smaller scale of a number in two ("1 triệu 300 nghìn", "2 tỷ 500 triệu")
_SMALLER_AFTER = re.compile(r"\s+(\d{1,3})\s*(triệu|nghìn|ngàn)(?!\w)", re.IGNORECASE)
_SCALES = {"nghìn tỷ": 1e12, "ngàn tỷ": 1e12, "nghìn tỉ": 1e12, "ngàn tỉ": 1e12, "tỷ": 1e9,
           "tỉ": 1e9, "triệu": 1e6, "vạn": 1e4, "nghìn": 1e3, "ngàn": 1e3}
_SCALE_AFTER = re.compile(r"^\s*(?:nghìn tỷ|ngàn tỷ|nghìn tỉ|ngàn tỉ|tỷ|tỉ|triệu|vạn|nghìn|ngàn)"
                          r"(?!\w)", re.IGNORECASE)


_QUALIFIER_BEFORE = Caseless(QUALIFIER_BEFORE)


def _qualifier_before(before: str, low_before: str | None) -> str | None:
    """`prefix_qualifier(before)`, given `low_before = lower(before)`: its pattern, as a Caseless
    one, rules most numbers out before it is tried (it finds a qualifier where that does)."""
    if _QUALIFIER_BEFORE.search_lower(before[-30:], None if low_before is None
                                      else low_before[-30:]) is None:
        return None
    return prefix_qualifier(before)


# the measures after a number as one pattern, each its own alternative (its flags scoped to it),
# in their order: the first whose pattern matches is the alternative that matches, in one call
# (tests/extract/test_rewritten.py checks it against trying them in turn)
_MEASURE_AFTER_ONE = re.compile("|".join(
    f"(?P<{name}>" + ("(?i:" if pattern.flags & re.IGNORECASE else "(?:") + pattern.pattern + "))"
    for pattern, name in _MEASURE_AFTER))


# "Kinh phí phân bổ hằng năm cho lĩnh vực CNTT là khoảng 30 tỷ, chiếm 0,3%": an amount of money
# written without "đồng", after words of money in its clause
_BARE_MONEY = re.compile(r"^\s*(?:nghìn tỷ|ngàn tỷ|tỷ|tỉ|triệu)(?=\s*(?:[,.;:)]|$|/\s*năm|"
                         r"\s(?:từ|cho|để|và|mỗi|hằng|hàng|trong|của|thực hiện|vốn|ngân sách)"
                         r"(?!\w)))", re.IGNORECASE)
_SCALE_ENDS = re.compile(r"(?:tỷ|tỉ|triệu)\s*$", re.IGNORECASE)  # "6.894 tỷ": no "đồng" said
_MONEY_BEFORE = re.compile(r"(?<!\w)(?:kinh phí|nguồn vốn|vốn|ngân sách|chi phí|tổng mức đầu tư|"
                           r"đầu tư|dự toán|giải ngân|doanh thu|tổng chi|bố trí)(?!\w)"
                           # a year may come between ("đầu tư ... năm 2014 là 6.894 tỷ")
                           r"(?:[^.;%\d]|(?<!\d)(?:19|20)\d\d(?!\d)){0,120}$", re.IGNORECASE)


# a table's label giving the unit of the cell after it: "Diện tích (km2) | 1440,4"
_UNIT_IN_LABEL = re.compile(r"\(\s*(?:(?P<km2>km2|km²)|(?P<percent>%)|(?P<persons>người))\s*\)"
                            r"\s*\|\s*$", re.IGNORECASE)


_ITEMS_AFTER = re.compile(r"\s*(?:trụ cột|chỉ số (?:chính|thành phần)|chỉ tiêu|tiêu chí|lĩnh vực|"
                          r"nội dung)(?!\w)", re.IGNORECASE)


def _measure(after: str, before: str, low_before: str | None) -> str:
    if _RANK_BEFORE.search_lower(before, low_before):
        # "Xếp hạng 3 trụ cột chuyển đổi số của Bắc Ninh": the items ranked, counted, no rank
        return "count" if _ITEMS_AFTER.match(after) else "rank"
    m = _MEASURE_AFTER_ONE.match(after)
    if m is None and "|" in before:
        label = _UNIT_IN_LABEL.search(before)
        if label is not None:
            return label.lastgroup or "count"
    return "count" if m is None else m.lastgroup or "count"


def _is_year(value: float, token: str, after: str) -> bool:
    return (
        len(token) == 4 and token.isdigit() and 1900 <= value <= 2100
        and not re.match(r"^\s*(?:%|nghìn|ngàn|triệu|tỷ|tỉ|đồng|người|km|ha|tấn)", after,
                         re.IGNORECASE)
    )


def _tokens(sentence: str) -> list[tuple[int, int, str]]:
    """The numbers of a sentence: `numbers.scan`, and digits glued to a unit it does not know
    ("70Mb/s")."""
    found = list(scan(sentence))
    starts = {s for s, _, _ in found}
    low = sentence.lower()  # every unit _GLUED knows holds one of these
    glued = "/s" in low or "bps" in low or "/gi" in low
    for m in _GLUED.finditer(sentence) if glued else ():
        if m.start() not in starts:
            found.append((m.start(), m.end(1), m.group(1)))
    if "thứ" in sentence or "Thứ" in sentence:
        found.extend((m.start(1), m.end(1), m.group(1)) for m in _WORD_ORDINAL.finditer(sentence))
    if "hạng" in low:  # "xếp hạng nhất về chỉ số chuyển đổi số": first, with no "thứ"
        found.extend((m.start(1), m.end(1), m.group(1)) for m in _RANKED_FIRST.finditer(sentence))
    if "bậc" in low or "hạng" in low:  # "lên một bậc": a change of rank in words
        found.extend((m.start(1), m.end(1), m.group(1))
                     for m in forms.WORD_CHANGE.finditer(sentence))
    return sorted(found)


# ranks written in words: "xếp thứ chín cả nước", "thứ hai là TPHCM", "xếp thứ nhất trên 34 tỉnh"
_ORDINALS = {"nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
             "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_WORD_ORDINAL = re.compile(r"(?<!\w)thứ\s+(" + "|".join(_ORDINALS) + r")(?!\w)", re.IGNORECASE)
_RANKED_FIRST = re.compile(r"(?<!\w)(?:xếp|đứng)\s+hạng\s+(nhất|nhì)(?!\w)", re.IGNORECASE)
_WORD_RANK_BEFORE = re.compile(r"(?:xếp|đứng|vị trí|xếp hạng|hạng)\s*$", re.IGNORECASE)
_WORD_RANK_AFTER = re.compile(r"^\s+(?:là|thuộc về|cả nước|toàn quốc|trên\s+(?:63|34)|"
                              r"trong\s+(?:63|34))(?!\w)", re.IGNORECASE)


# "Đà Nẵng xếp hạng thứ nhất, Thừa Thiên Huế thứ hai, Bắc Ninh thứ ba": a run of ranks in words
_RANK_RUN = re.compile(r"(?:xếp|đứng|hạng)\s+thứ\s+\w+[^.;]{0,120}(?:,\s*(?:và\s+)?|\s+và\s+)"
                       r"(?:[A-ZĐ][\w-]*\s+){1,4}$")


def _word_rank(sentence: str, start: int, end: int, word: str) -> Figure | None:
    """"xếp thứ chín cả nước": a rank in words, when a rank verb comes before it or the ranked
    follows ("thứ hai là TPHCM"); "Thứ hai - 07/08/2023" (a weekday), "năm thứ ba" are none."""
    head = re.sub(r"thứ\s*$", "", sentence[:start], flags=re.IGNORECASE)
    if _ORDINAL_BEFORE.search(sentence[max(0, start - 20):start]):
        return None
    if not (_WORD_RANK_BEFORE.search(head[-20:]) or _WORD_RANK_AFTER.match(sentence[end:end + 20])
            or _RANK_RUN.search(head)):
        return None
    value = float(_ORDINALS[word.lower()])
    return Figure(start, end, value, None, "eq", "rank", sentence[start:end])


def _word_change(sentence: str, start: int, end: int, words: str) -> Figure | None:
    """"lên một bậc", "giảm hai mươi mốt hạng": a change of rank in words, signed; "thứ hai" and
    "hai bậc" with no verb of change before it are none."""
    if words.lower() in _ORDINALS and sentence[max(0, start - 5):start].lower().rstrip().endswith(
            "thứ"):
        return None
    change = forms.rank_change(sentence, start, end)
    if change is None:
        return None
    sign, piece_end = change
    value = sign * forms.number_word(words)
    return Figure(start, piece_end, value, None, "eq", "rank_change", sentence[start:piece_end])


_GLUED = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)(?=\s*(?:mb/s|mbit/s|gb/s|gbps|mb/giây)(?!\w))",
                    re.IGNORECASE)
_RANGE_ON = re.compile(r"^[-–]\d[\d.,]*\s*(?:%|điểm|triệu|tỷ|nghìn|mbps|mb/s)", re.IGNORECASE)
_DATE_FRACTION = re.compile(r"^/\s*(?:\d{1,2}/)?(?:19|20)\d\d(?!\d)|^/\d{1,2}/")
# "năm thứ 2", "Dự án thứ hai là ...": the order of a thing, not a rank
_THU_BEFORE = re.compile(r"(?<!\w)thứ\s*$", re.IGNORECASE)
_WEEKDAY = re.compile(r"^\s*[,-]?\s*(?:ngày\s*)?\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*(?:19|20)\d\d")
_ORDINAL_BEFORE = Caseless(r"(?:năm|lần|kỳ|đợt|khóa|khoá|phiên|tuần|giai đoạn|dự án|nhiệm vụ|"
                           r"nội dung|giải pháp|chương trình|đề án|hội nghị|mục tiêu|vấn đề|"
                           r"yếu tố|bước|phần|cuộc|hạng mục|gói thầu)\s+thứ\s*$|"
                           # "lần công bố thứ 20 của VCCI": an edition's number
                           r"(?:lần|kỳ|đợt|phiên)\s+(?:công bố|tổ chức|diễn ra|triển khai|"
                           r"thực hiện|đánh giá|khảo sát|điều tra|xếp hạng|trao giải|bình chọn)"
                           r"\s+thứ\s*$|"
                           # "phiên họp thứ 6", "Hội nghị lần thứ 9": a meeting's number
                           r"(?:phiên|kỳ|cuộc|buổi|hội nghị|đại hội)\s+(?:họp|làm việc|giao ban|"
                           r"toàn thể|lần)\s+thứ\s*$")
# "dưới ngưỡng 50%", "năm thứ tám liên tiếp vượt mốc 60 điểm": a threshold a value is read
# against, not a value ("cán mốc 1 triệu thuê bao" is one: the milestone reached)
_THRESHOLD_BEFORE = Caseless(r"(?<!\w)(?:ngưỡng|(?:liên tiếp|liền)\s+(?:vượt|trên|qua)\s+mốc|"
                             # "trên thang điểm từ 10 – 60 điểm": the scale, no value on it
                             r"thang điểm(?:\s+(?:từ|là))?|thang\s+(?:đo|điểm)\s+(?:từ\s+)?\d+"
                             r"\s*[-–])"
                             r"\s*(?:là|của)?\s*$")
# "trung bình mỗi xã, phường, thị trấn có trên 10 trạm BTS": each one's mean, no total
_EACH_MEAN = Caseless(r"(?<!\w)trung bình (?:mỗi|một|1)\s[^\d;.:]{2,70}$")
# "Đây là năm thứ 5 liên tiếp ... đạt giá trị trung bình trên 80%": a streak's bound
_STREAK = Caseless(r"(?:năm|lần|kỳ)\s+thứ\s+\w+\s+liên tiếp")
_SPAN_AFTER = re.compile(r"^\s*(?:năm|lần|kỳ|tháng)\s+(?:liên tiếp|liền|liên tục)", re.IGNORECASE)
_RANKED_WHOLE = re.compile(r"^\s*(?:tỉnh|thành phố|địa phương|quốc gia|nền kinh tế)(?!\w)",
                           re.IGNORECASE)
# a rank among the provinces of a region, not of the country
_IN_REGION = re.compile(r"^\s*(?:(?:trong|của|tại|ở)\s+)?(?:khu vực|vùng|miền)(?!\w)|"
                        # "xếp thứ 2 trong 6 tỉnh Bắc Trung Bộ": among a few provinces, a region's
                        r"^\s*(?:trong|trên|/)\s*(?:[1-9]|1\d|2[0-5])\s+(?:tỉnh|địa phương)(?!\w)",
                        re.IGNORECASE)
_TO_RANK = re.compile(r"^\s*(?:lên|xuống)\s+(?:vị trí\s+|hạng\s+)?(?:thứ\s+)?\d{1,2}(?![\d,.]\d)",
                      re.IGNORECASE)
# "Xét trong khu vực Tây Nguyên, tỉnh Kon Tum xếp thứ 2 sau tỉnh Đăk Lăk": a place in a region
# said against a neighbour
_REGION_BEFORE = Caseless(r"(?<!\w)(?:xét\s+)?(?:trong|tại|ở)\s+(?:khu vực|vùng)\s[^;.]{2,90}$")
_AFTER_NEIGHBOUR = re.compile(r"^\s*,?\s*(?:chỉ\s+)?(?:sau|trước|xếp sau|đứng sau)\s+"
                              r"(?:tỉnh|thành phố|TP\.?)?\s*[A-ZĐ]")
_BAND_BEFORE = Caseless(r"(?:top|tốp|nhóm|trong số|1 trong|một trong)\s*$|"
                        r"nhóm[^,;.()]{0,40}(?:<|>|≤|≥)\s*$")  # "nhóm ... <0,25"
# "GRDP ước tăng 10,05%", "tăng trưởng ... tăng 7%": the growth rate itself, not a difference
# ("Tổng sản phẩm trên địa bàn (GRDP theo giá so sánh năm 2010) năm 2024 tăng 8,52%": searched in
# the sentence, the window before a figure may cut the product's name)
_GROWTH_BEFORE = Caseless(r"(?:GRDP|GDP|tổng sản phẩm|tăng trưởng)[^,;.]{0,45}?"
                          r"(?:tăng|mức|đạt)\s*"
                          r"(?:gần|khoảng|hơn|~|xấp xỉ)?\s*$")
# "GRDP ước đạt 41.480 tỷ đồng, tăng 2,61% so với năm trước": the product's value, then its
# growth (searched in the sentence: the value is further back than the window before a figure;
# "56.116,6 tỷ đồng": its decimal comma is no clause's end)
_PRODUCT_GREW = Caseless(r"(?<!vào )(?<!trong )(?:GRDP|GDP|tổng sản phẩm)(?!\s+bình quân)"
                         r"(?:[^;,]|,(?=\d)){0,60}?(?:tỷ|triệu)\s+đồng\s*,\s*tăng"
                         r"\s*(?:gần|khoảng|hơn|~|xấp xỉ)?\s*$")
# "Quảng Ninh với mức tăng 11,89%": a rise said as a level is a value (of growth, if the words
# around it say so), not by how much a value rose
_RISE_LEVEL = re.compile(r"(?<!\w)mức tăng\s*(?:là|đạt)?\s*$", re.IGNORECASE)
# percentage points: "tăng 2,93 điểm %", "đóng góp 0,78 điểm phần trăm"
_POINTS_AFTER = re.compile(r"^\s*điểm\s*(?:%|phần trăm)", re.IGNORECASE)
# "10 tỉnh có tốc độ tăng GRDP dẫn đầu gồm: Bắc Giang tăng 13,45%, Hậu Giang tăng 12,27%": each
# province's growth in a list under words of growth
_GROWTH_LIST = re.compile(r"(?:GRDP|GDP|tổng sản phẩm|tăng trưởng)[^.;]*:", re.IGNORECASE)
_NAMED_RISE = re.compile(r"(?:^|[,;:]\s*)(?:TP\.?\s*|tỉnh\s+|thành phố\s+)?[A-ZĐ][\w]*"
                         r"(?:\s+[A-ZĐ][\w]*){0,3}\s+tăng\s*$")
# "tăng trưởng ... đứng thứ 3 vùng ĐBSCL (sau Trà Vinh tăng 10% và Hậu Giang tăng 8,76%)": the
# provinces ranked before, each with its own growth, in brackets
RANKED_AFTER_ITEM = (r"(?:\(\s*(?:chỉ\s+|xếp\s+|đứng\s+)?(?:sau|trước)|\svà|,)\s+"
                     r"(?:tỉnh\s+|TP\.?\s*|thành phố\s+)?[A-ZĐ][\w]*(?:\s+[A-ZĐ][\w]*){0,3}\s+")
_RANKED_AFTER_RISE = re.compile(RANKED_AFTER_ITEM + r"tăng(?: trưởng)?\s*$")
_GROWTH_NAMED = re.compile(r"(?<!\w)(?:GRDP|GDP|tổng sản phẩm|tăng trưởng kinh tế)(?!\w)",
                           re.IGNORECASE)
# "đạt 0,4856 so với giá trị trung bình ... là 0,4098": a value compared, not a difference
_VALUE_BEFORE = Caseless(r"(?<!\w)(?:đạt|là|chiếm|ở mức)\s*(?:gần|khoảng|hơn|~|xấp xỉ)?\s*$")


_DIGIT = re.compile(r"\d")  # every number `_tokens` finds but a rank in words holds one


# a contact's number: "hotline: (024) 3.5771239", "Điện thoại: 0236.3822", "Fax: (0258)"
# ("thuê bao điện thoại di động: 1.913.807" is a figure)
_CONTACT_BEFORE = re.compile(r"(?<!\w)(?:hotline|tel|fax|sđt|đt)\s*:\s*[\d\s().+-]*$",
                             re.IGNORECASE)
# the close of an item's number in brackets, then the item's name: "(5) Thủ tục hành chính công"
_ENUMERATOR = re.compile(r"\)\s+[A-ZĐÀ-Ỹ]")


def find_figures(sentence: str) -> list[Figure]:
    """The values written in one sentence, left to right."""
    found: list[Figure] = []
    if (_DIGIT.search(sentence) is None and "thứ" not in sentence and "Thứ" not in sentence
            and "bậc" not in sentence and "hạng" not in sentence):
        return found  # no digit and no rank in words: `_tokens` finds nothing (most sentences)
    skip_until = -1
    low = lower(sentence)  # lower-cased once for the patterns each number's `before` is tried on
    for start, end, token in _tokens(sentence):
        if start < skip_until:
            continue
        if not token[0].isdigit():  # a rank or a change of rank in words
            word = _word_change(sentence, start, end, token) or _word_rank(sentence, start, end,
                                                                            token)
            if word is not None:
                found.append(word)
                skip_until = word.end
            continue
        before = sentence[max(0, start - 40):start]
        low_before = None if low is None else low[max(0, start - 40):start]
        after = sentence[end:end + 60]
        if before.endswith(("/", "-", ":", ".", ",", "+")):
            continue  # a denominator, a date tail, a time, a code, a signed change ("+1,6")
        if _CONTACT_BEFORE.search(before):
            continue  # "hotline: (024) 3.5771239", "ĐT: 0236.3822": a telephone number
        if before.endswith("(") and _ENUMERATOR.match(sentence, end):
            continue  # "gồm 8 nội dung (1) Sự tham gia ...; (5) Thủ tục hành chính công": items
        try:
            value = read_digits(token)
        except ValueError:
            continue
        if (_NOT_VALUE_BEFORE.search_lower(before, low_before)
                or _ORDINAL_BEFORE.search_lower(before, low_before)):
            continue
        if 2 <= value <= 7 and _WEEKDAY.match(after) and _THU_BEFORE.search(before):
            continue  # "Thứ 6, 16/04/2021 | 14:00": a weekday of a date, no rank
        change = forms.rank_change(sentence, start, end)
        if change is not None:  # "tăng 5 bậc", "giảm 7 bậc": a change of rank, signed
            sign, piece_end = change
            found.append(Figure(start, piece_end, sign * value, None,
                                _qualifier_before(before, low_before) or "eq",
                                "rank_change", sentence[start:piece_end]))
            skip_until = piece_end
            continue
        if after.startswith("/") and not _DATE_FRACTION.match(after):
            fig = _fraction(sentence, start, end, value, before)
            if fig is not None:
                skip_until = fig.end
                said = _BRACKET_SHARE.match(sentence, fig.end) if fig.measure == "percent" else None
                if said is not None and abs(read_digits(said.group(1)) - fig.value) <= 1:
                    # "288/289 thôn (99,6%)": the share as written, said once; the noun stays
                    # the figure's context
                    fig = replace(fig, value=read_digits(said.group(1)), qualifier="eq")
                    skip_until = said.end()
                found.append(fig)
            continue
        if (_ATTACHED_AFTER.match(after) and not _PER_OR_RANK_AFTER.match(after)
                and not _RANGE_ON.match(after)):
            continue  # 17/7, 10/09/2020, 22:00, 749/QĐ-TTg
        if _is_year(value, token, after):
            continue
        if (value in (100, 1000, 10000, 100000) and _PER_BASE.search_lower(before, low_before)
                and _PER_UNIT.match(after)):
            continue  # "thuê bao trên 100 dân": the base of a rate, not a value
        if _SPAN_AFTER.match(after):
            continue  # "3 năm liên tiếp", "năm thứ 7": a span of time
        if _RANKED_WHOLE.match(after) and _RANK_BEFORE.search_lower(before, low_before):
            continue  # "xếp hạng 63 tỉnh, thành phố": how many are ranked, not a rank
        if _RANK_BEFORE.search_lower(before, low_before) and (
                _IN_REGION.match(after)
                or ((to := _TO_RANK.match(after)) and _IN_REGION.match(after[to.end():]))):
            # "xếp thứ 2 trong khu vực Tây Nguyên": a rank in a region, no index's; "từ vị trí
            # thứ 5 lên thứ 4 trong vùng": the rank it went from as well
            continue
        if (_AFTER_NEIGHBOUR.match(after) and _RANK_BEFORE.search_lower(before, low_before)
                and _REGION_BEFORE.search(sentence, max(0, start - 120), start)):
            continue  # "Xét trong khu vực Tây Nguyên, ... xếp thứ 2 sau tỉnh Đăk Lăk"
        if _BAND_BEFORE.search_lower(before, low_before):
            continue  # "top 10", "nhóm 5 tỉnh": a band, not a rank
        if _THRESHOLD_BEFORE.search_lower(before, low_before):
            continue  # "vượt mốc 60 điểm": the threshold, not the value
        if _EACH_MEAN.search(sentence, max(0, start - 90), start):
            continue  # "trung bình mỗi xã có trên 10 trạm": a mean of each, no total
        if (_STREAK.search(sentence, 0, start) is not None
                and _qualifier_before(before, low_before) in ("gt", "ge")):
            continue  # "năm thứ 5 liên tiếp ... trên 80%": a bound the years kept, no value
        if (value <= 10 and float(value).is_integer()  # the cheap tests first
                and _LEVEL_BEFORE.search_lower(before, low_before) and not _PERCENT.match(after)
                and not _RANKED_HANG.search(sentence, 0, start)
                and not (before.rstrip().lower().endswith("hạng")
                         and (_RANKING_INDEX.search(sentence) or _PILLAR_HANG.search(before)))):
            continue  # "mức độ 3, 4": levels, not values
        if (_LEVEL_PAIR.fullmatch(token) and _LEVEL_BEFORE.search_lower(before, low_before)
                and not _MEASURED_AFTER.match(after)):
            continue  # "dịch vụ công mức độ 1,2 là 2.268 thủ tục": levels 1 and 2, no 1.2
        near = max(0, start - 90)  # searched as a slice: the pattern looks behind nothing
        if (len(found) >= 2  # a difference of two values found before (_is_difference)
                and _BY_HOW_MUCH.search_lower(sentence[near:start],
                                              None if low is None else low[near:start])
                and _is_difference(value, found)):
            continue  # "đạt 0,4856 so với ... 0,4098, cao hơn ... là 0,0758": by how much
        if (found and value < 0.3 * abs(found[-1].value)
                and _ABOVE_AVERAGE.search_lower(sentence[near:start],
                                                None if low is None else low[near:start])):
            continue  # "đạt 81,83% (cao hơn trung bình cả nước 1,75%)": by how much
        if _POINTS_AFTER.match(after):
            continue  # "tăng 2,93 điểm %", "đóng góp 0,78 điểm %": points are changes, no level
        if ((_DIFFERENCE_BEFORE.search_lower(before, low_before)
             or (_DIFFERENCE_AFTER.match(after)
                 and not _VALUE_BEFORE.search_lower(before, low_before)))
                and not _GROWTH_BEFORE.search(sentence, max(0, start - 80), start)
                and not (_PERCENT.match(after)
                         and _PRODUCT_GREW.search(sentence, max(0, start - 120), start))
                and not _RISE_LEVEL.search(before)
                and not (_NAMED_RISE.search(before) and _GROWTH_LIST.search(sentence, 0, start))
                and not (_PERCENT.match(after) and _RANKED_AFTER_RISE.search(before)
                         and _GROWTH_NAMED.search(sentence, 0, start))):
            continue
        fig = _plain(sentence, start, end, Quantity(value, text=token), before, low_before,
                     found)
        if fig is not None:
            found.append(fig)
            skip_until = fig.end
    return found


_BRACKET_SHARE = re.compile(r"\s*(?:[^\W\d]+\s*){1,4}\(\s*(\d+(?:,\d+)?)\s*%\s*\)")


def _fraction(sentence: str, start: int, end: int, value: float, before: str) -> Figure | None:
    """"12/63" a rank, "40,62/80 điểm" a score, "129/129 xã" a share (100%), "87/100 dân" a rate;
    a count whose share is written beside it gives way to that share."""
    frac = forms.fraction(sentence, end, forms.rank_cue_in(sentence[:start]))
    if frac is None or frac.kind in ("none", "counted"):
        return None
    if frac.kind == "share" and _SHARE_JUST_SAID.search(before):
        return None  # "đạt 48,96% (164/355 TTHC)": the count behind the share just given
    if frac.kind == "share" and _RANK_BEFORE.search(before):
        return None  # "thứ 3/14 tỉnh khu vực miền Trung", "thứ 4/5 tỉnh Tây Nguyên": a group's rank
    text = sentence[start:frac.end]
    qualifier = prefix_qualifier(before) or "eq"
    if (frac.kind == "share" and frac.denominator in (10, 100, 1000)
            and _POINTS_BEFORE.search(before)):
        # "với số điểm đạt được 88,54/100": points out of the scale's top, said before
        frac = replace(frac, kind="score")
    if frac.kind == "rank":
        return Figure(start, frac.end, value, None, "eq", "rank", text)
    if frac.kind == "score" and frac.denominator == 1000 and value <= 1000:
        # "DTI ... đạt 541,46/1.000 điểm": the index's 1,000 points are its published 0-1 value
        return Figure(start, frac.end, round(value / 1000, 8), None, qualifier, "score", text)
    if frac.kind == "score":
        return Figure(start, frac.end, value, None, qualifier, "score", text)
    if frac.kind == "per":
        measure = "per_100" if frac.denominator == 100 else "per_1000"
        return Figure(start, frac.end, value, None, qualifier, measure, text)
    if value > frac.denominator:
        return None  # "24/7": not a share
    share = round(100 * value / frac.denominator, 2)
    return Figure(start, frac.end, share, None, "eq" if share in (0, 100) else "approx", "percent",
                  text)


_SHARE_JUST_SAID = re.compile(r"\d\s*%\s*\(\s*$")
_POINTS_BEFORE = re.compile(
    r"(?<!\w)(?:số |tổng |tổng số )?điểm(?: số)?(?: đạt được| đạt| là)?\s*:?\s*$", re.IGNORECASE)
_HIGH_DIGITS = re.compile(r"[\d.,]+\d|\d")
_PERCENT = re.compile(r"^\s*%")
_RANK_TOTAL = re.compile(r"^\s*/\s*\d+")


def _plain(sentence: str, start: int, end: int, base: Quantity, before: str,
           low_before: str | None, found: list[Figure]) -> Figure | None:
    """A number with its range, scale, percent sign, qualifier and measure."""
    piece_end = end
    high_end = None
    rng = _RANGE.match(sentence[end:])
    if rng:
        second = _HIGH_DIGITS.match(sentence[end + rng.end():])
        if second:
            high_end = end + rng.end() + second.end()
            piece_end = high_end
    scale = _SCALE_AFTER.match(sentence[piece_end:])
    extra, scale_end, unit_at = 0.0, 0, 0
    if scale:
        piece_end += scale.end()
        more = _SMALLER_AFTER.match(sentence, piece_end) if high_end is None else None
        if more is not None and _SCALES[more.group(2).lower()] < _SCALES[
                scale.group(0).strip().lower()]:
            # "hơn 1 triệu 300 nghìn thuê bao": one number in two scales, read whole
            extra = int(more.group(1)) * _SCALES[more.group(2).lower()]
            scale_end, piece_end, unit_at = piece_end, more.end(), more.start(2)
    percent = _PERCENT.match(sentence[piece_end:])
    if percent:
        piece_end += percent.end()
    qualifier = (_qualifier_before(before, low_before)
                 or suffix_qualifier(sentence[piece_end:piece_end + 12]))
    if piece_end == end:
        q = base
    else:
        try:
            q = parse_number(sentence[start:scale_end if extra else piece_end])
        except ValueError:
            return None
        if extra:
            q = Quantity(q.value + extra, text=sentence[start:piece_end])
    tail = sentence[end:end + 60] if high_end is None else sentence[high_end:high_end + 60]
    if extra:
        tail = sentence[unit_at:unit_at + 60]  # "2 tỷ 500 triệu đồng": the unit after both
    measure = _measure(tail, before, low_before)
    if measure == "rank":
        rank_total = _RANK_TOTAL.match(tail)
        if rank_total:
            piece_end = (high_end or end) + rank_total.end()
    elif (measure == "count" and _BARE_MONEY.match(tail)
          and (_MONEY_BEFORE.search(sentence, max(0, start - 160), start)
               # "năm 2014 là 6.894 tỷ; năm 2015 là 6.839 tỷ": a list of sums, the first said
               or found and found[-1].measure == "vnd" and _SCALE_ENDS.search(found[-1].text))):
        measure = "vnd"
    elif measure == "count" and _POPULATION_BEFORE.search(before) and q.value >= 1000:
        measure = "persons"  # "(Dân số 1.932.100)": the inhabitants, said before their number
    elif measure == "count":
        measure = _bare_measure(sentence, start, q, tail, found)
    elif measure == "persons":
        # "5,25 người/100 dân": people per 100 inhabitants are a share of them, not a count
        measure = forms.per_base(tail) or measure
    if (measure in ("count", "persons") and piece_end == end
            and _COMMA_GROUPS.fullmatch(token := sentence[start:end]) and _NOUN_AFTER.match(tail)):
        # "2,021 thiết bị trạm", "1,090 vị trí": no count is a fraction, so the comma (typed the
        # English way) groups thousands
        q = Quantity(float(token.replace(",", "")), text=token)
    return Figure(start, piece_end, q.value, q.value_high, qualifier or q.qualifier, measure,
                  sentence[start:piece_end])


_COMMA_GROUPS = re.compile(r"[1-9]\d{0,2},\d{3}")
_POPULATION_BEFORE = re.compile(r"(?<!\w)dân số(?:\s+(?:trung bình|toàn tỉnh|của tỉnh|năm\s+\d{4}|"
                                r"là|có|khoảng|ước|đạt|hơn|trên|gần))*\s*:?\s*$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"^\s*[^\W\d_]")


# "Chỉ số năng lực cạnh tranh cấp tỉnh của Sóc Trăng tăng từ 54 (năm 2021) lên 34 vào năm 2022":
# the places an index's rank moved from and to
_MOVED = Caseless(r"(?<!\w)(?:tăng|giảm|tụt|vươn lên|lùi)\s+(?:\d+\s+(?:bậc|hạng)\s*,?\s*)?từ\s+"
                  r"(?:vị trí|hạng|thứ)?\s*(?:thứ\s*)?(\d{1,2})(?:\s*\([^()]*\))?\s*"
                  r"(?:lên|xuống)\s+(?:vị trí|hạng|thứ)?\s*(?:thứ\s*)?(\d{1,2})(?!\d)")


def _moved_rank(sentence: str, start: int) -> bool:
    """Is the number at `start` a place an index's rank moved from or to?"""
    if "từ" not in sentence or _RANKING_INDEX.search(sentence) is None:
        return False
    return any(start in (m.start(1), m.start(2)) for m in _MOVED.finditer(sentence))


def _bare_measure(sentence: str, start: int, q: Quantity, tail: str, found: list[Figure]) -> str:
    """The measure of a number with no unit: a rate per 100 inhabitants, an index value, a rank
    that goes on a list of ranks, or a count."""
    per = forms.per_base(tail) or forms.per_base_before(sentence[max(0, start - 60):start])
    if per:
        return per
    if float(q.value).is_integer() and _moved_rank(sentence, start):
        return "rank"
    if forms.index_value(q.text, q.value, tail):
        return "score"
    prev = found[-1] if found else None
    if (prev is not None and float(q.value).is_integer()
            and forms.continues_list(sentence[prev.end:start], prev.measure)):
        return "rank"  # "giữ vị trí thứ 5, 6, 7", "từ vị trí 16 lên 1"
    if float(q.value).is_integer() and q.value <= 100 and forms.lists_ranks(sentence[:start]):
        return "rank"  # "Thứ hạng về chính quyền số, kinh tế số ... lần lượt là 22, 9, 13"
    return "count"
