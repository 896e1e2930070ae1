"""Reading one figure in its sentence: which indicator, whose, what kind, how sure."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from chiso.extract import attribution, budget, confidence, coverage, flow, kinds
from chiso.extract.candidates import Candidate, replaced
from chiso.extract.caseless import Caseless, Gated
from chiso.extract.figures import RANKED_AFTER_ITEM, Figure
from chiso.extract.forms import CLOSED_BRACKET
from chiso.extract.indicators import FIGURE, Alias, Match, companion, context, match, words_of
from chiso.extract.lexicon import is_discriminator
from chiso.extract.sentences import Sentence
from chiso.extract.units import COUNTRY, UnitNamer, mentions

_CLAUSE_END = re.compile(r"[,;:.!?]\s|[;:!?]|\.$|\s[-–]\s")
# A generation of mobile network named alone (not "3G/4G/5G", "3G, 4G", which _GENERATIONS reads
# as the total), and the codes of the network's coverage and stations for each.
_GENERATION = re.compile(r"(?<![\w/,-])([345])G(?![\w/-]|,\s*[345]G)")
_OF_GENERATION = {
    "coverage_mobile_pop": {"3": "coverage_3g_pop", "4": "coverage_4g_pop",
                            "5": "coverage_5g_share"},
    "bts_stations_count": {"3": "bts_3g_count", "4": "bts_4g_count", "5": "bts_5g_count"},
}
# each code of a generation, and the total of its network, to the total's code
_TOTAL_OF = {code: total for total, by in _OF_GENERATION.items()
             for code in (total, *by.values())}
# a figure said of several administrative levels at once, and the codes of one level
_LEVELS = ("_provincial", "_district", "_commune")
_ALL_LEVELS = re.compile(r"[^,;.\d]{0,40}?(?:ở|tại|của)?\s*(?:các\s+)?cấp\s+(?:tỉnh|huyện|xã)"
                         r"(?:\s*(?:,|và|,\s*và)\s*(?:cấp\s+)?(?:tỉnh|huyện|xã))+",
                         re.IGNORECASE)
# what was built or added, said before the total it raises: "phát triển 57 vị trí trạm BTS,
# nâng tổng số vị trí trạm BTS hiện nay là 1.360"
_BUILT = re.compile(r"(?<!\w)(?:phát triển(?: thêm| mới)?|xây mới|xây dựng(?: mới)?|"
                    r"lắp đặt(?: mới)?|tăng thêm|bổ sung|chuyển đổi|lắp mới|phát sóng(?: mới)?|"
                    r"đầu tư)(?!\w)"
                    r"[^,;.\d]{0,25}$", re.IGNORECASE)
_RAISING_TOTAL = re.compile(r"nâng tổng số", re.IGNORECASE)
# subscribers added in a period, not those there are: "số thuê bao điện thoại phát triển mới
# ước tính đạt 41,7 triệu", "đã phát triển mới được 94.511 thuê bao", "6,55 triệu thuê bao di
# động, chiếm gần 91% tổng số thuê bao điện thoại phát triển mới"
_NEWLY_ADDED = re.compile(r"(?<!\w)phát triển (?:mới|thêm)(?!\w)", re.IGNORECASE)
_SHARE_OF_NEWLY_ADDED = re.compile(r"[^.;]{0,40}?(?<!\w)chiếm[^.;]{0,50}?(?<!\w)phát triển"
                                   r" (?:mới|thêm)(?!\w)", re.IGNORECASE)
_OWNER_TAIL = re.compile(r"\s+của\s+(?=(?:tỉnh|thành phố|TP\.?)?\s*[A-ZĐÂ])")
# the value a rank was given with: "xếp thứ 13 ... với giá trị trung bình ở mức 0,6383"
_RANKED_WITH_VALUE = re.compile(r"(?<!\w)với\s+(?:giá trị|điểm số|số điểm|điểm|chỉ số)"
                                r"(?:\s+(?:trung bình|bình quân))?\s*(?:ở mức|là|đạt)?\s*$",
                                re.IGNORECASE)
# the words of a short sentence that goes on about the figure before it
_GOING_ON_WORDS = frozenset(words_of("mức trung bình bình quân toàn quốc cả nước là đạt khoảng "
                                     "gần trên dưới hơn tỷ lệ con số này chỉ có còn riêng năm "
                                     "và hay hoặc tương ứng"))
_FIXED_LINE = re.compile(r"\s*(?:thuê bao\s+)?(?:điện thoại|thuê bao)\s+cố định", re.IGNORECASE)
_COMPONENT_OF = re.compile(r"(?<!\w)chỉ số thành phần", re.IGNORECASE)
_PRODUCTIVITY = re.compile(r"năng suất lao động", re.IGNORECASE)
# "100% người dân, doanh nghiệp hài lòng về việc giải quyết TTHC": a share satisfied, no index
# a count of dossiers, whatever procedures they are of: "tổng số hồ sơ giải quyết TTHC là"
_DOSSIERS_COUNTED = re.compile(r"(?<!\w)số hồ sơ(?!\w)[^,;.\d]{0,60}$", re.IGNORECASE)
# "mức tăng", "mức giảm" (not "mức tăng trưởng", growth): what follows is by how much a value
# changed, not the value
# ("mức tăng GRDP" is the growth the indicator measures)
_CHANGE_LEVEL = re.compile(r"(?<!\w)mức (?:tăng|giảm)(?!\s*(?:trưởng|GRDP|GDP|tổng sản phẩm))"
                           r"(?!\w)", re.IGNORECASE)
_INDEX_NAMED = re.compile(r"chỉ số|\bSIPAS\b|\bPAPI\b|\bPAR\b", re.IGNORECASE)
# a part said as a contribution to the product: "đóng góp hơn 14% vào GDP"
_CONTRIBUTED = re.compile(r"(?<!\w)đóng góp\s*(?:khoảng|hơn|gần|trên|xấp xỉ|tới|đến)?\s*$",
                          re.IGNORECASE)
_INTO_PRODUCT = re.compile(r"\s*(?:vào|cho|trong)\s+(?:mức\s+)?(?:tăng trưởng\s+)?(?:của\s+)?"
                           r"(?:GRDP|GDP|tổng sản phẩm)(?!\w)", re.IGNORECASE)
_DIGITAL_ECONOMY = re.compile(r"(?<!\w)(?:kinh tế số|KTS)(?!\w)", re.IGNORECASE)
_CONTRIBUTION = re.compile(r"(?<!\w)đóng góp(?:\s+của)?[^,;]{0,80}?\s+vào\s+(?:tăng trưởng|GRDP)",
                           re.IGNORECASE)
# provinces or ministries counted ("14 bộ", "17 tỉnh thành phố"), not communes or firms: "150 xã
# được phủ sóng 5G, đạt trên 60%" is the province's share
_UNITS_COUNTED = re.compile(r"(?<![\d.,/])\d+\s+(?:tỉnh|thành phố|tỉnh thành|địa phương|bộ|"
                            r"cơ quan|sở)(?!\w)", re.IGNORECASE)
_OFFICIAL_SIGNATURE = re.compile(r"chữ ký số\s+(?:công vụ|chuyên dùng)|chứng thư số chuyên dùng",
                                 re.IGNORECASE)
_SENTENCE_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
_COMPARED_WITH = re.compile(r"(?<!\w)(?:xếp sau|chỉ sau|đứng sau|sau|trước|hơn|kém|so với)\s+"
                            r"(?:TP\.?\s*|tỉnh\s+|thành phố\s+)?[A-ZĐ]")
_LEVEL_JUST_BEFORE = re.compile(r"mức(?: độ)?\s*[1-4]\s*(?:là|đạt|:)\s*$", re.IGNORECASE)
_OUT_OF_ORDER = re.compile(r"[^,;.()\d]{0,30}?(?<!\w)(?:bị\s+)?(?:gặp sự cố|mất sóng|mất liên lạc|"
                           r"hư hỏng|hư hại|ngừng hoạt động|bị ảnh hưởng|mất kết nối|bị cô lập)"
                           r"(?!\w)", re.IGNORECASE)
_PER_UNIT_AVERAGE = re.compile(r"(?<!\w)(?:trung bình|bình quân)?\s*mỗi\s+[^;\d]{2,40}?"
                               r"\s(?:có|đạt)\s*$", re.IGNORECASE)
_GROUP_OF_PEOPLE = re.compile(r"\s*(?:người dân|người|lượt người)?\s*(?:đã|được|tham gia|"
                              r"sử dụng|tiếp cận|đăng ký)(?!\w)", re.IGNORECASE)
_MOBILE_MONEY = re.compile(r"mobile[ -]?money|tiền di động", re.IGNORECASE)
_IDENTITY_ACCOUNT = re.compile(r"tài khoản\s+định danh", re.IGNORECASE)
_PIECE_END = re.compile(r"[,;:()]|\s(?:và|với)\s")
# a bracket of increments: "(tăng so với năm 2022 là ...", "(tăng thêm: ..."
_INCREMENTS = re.compile(r"\(\s*(?:tăng|giảm)(?:\s+thêm)?(?:\s+so với[^()\d]{0,30}?(?:\d{4})?)?"
                         r"\s*(?:là|:)", re.IGNORECASE)
# what school and hospital fees are paid at: the cashless share of fees names one of them
_FEES = re.compile(r"(?<!\w)(?:trường|giáo dục|học phí|học sinh|bệnh viện|y tế|viện phí|khám)",
                   re.IGNORECASE)
# "1.360 vị trí với 3.236 trạm": a count of sites, where the stations are counted too
_SITES = re.compile(r"\s*vị trí(?!\s+thứ)", re.IGNORECASE)
_STATIONS = re.compile(r"\s*trạm(?!\s+điều khiển)", re.IGNORECASE)
# the report's own year, unnamed: "đến cuối năm", "trong năm nay"
_THIS_YEAR = re.compile(r"(?<!\w)(?:(?:đến|tới|vào|trong)\s+(?:cuối|hết)\s+năm(?!\s*\d)|"
                        r"(?:cuối|trong)\s+năm nay)", re.IGNORECASE)
# people who can use or reach the Internet are not its users
_ABLE = re.compile(r"(?<!\w)(?:có thể|có khả năng)\s+(?:sử dụng|truy nhập|truy cập|tiếp cận|dùng)",
                   re.IGNORECASE)
# A share said of each sector: "trong từng ngành, lĩnh vực", "ở mỗi ngành".
_PER_SECTOR = re.compile(r"(?<!\w)(?:trong|của|ở|tại)\s+(?:từng|mỗi)\s+(?:ngành|lĩnh vực)(?!\w)",
                         re.IGNORECASE)
# "chưa có sóng" lacks it; "không dùng tiền mặt", "không giấy" are names of what is had
_NEGATED = re.compile(
    r"(?<!\w)(?:chưa|không(?! (?:dùng tiền mặt|giấy|chạm|tiếp xúc))|còn thiếu)(?!\w)", re.IGNORECASE
)
# ("đạt 100% theo yêu cầu của Chính phủ": how far a requirement was met)
_OF_PLAN = re.compile(r"\s*(?:(?:so với\s+)?(?:kế hoạch|chỉ tiêu|mục tiêu|dự toán)|"
                      r"(?:theo|so với)\s+yêu cầu)(?!\w)", re.IGNORECASE)
# "có 03 chỉ tiêu đạt và vượt so với kế hoạch được giao: chỉ tiêu về mật độ thuê bao điện thoại
# đạt 102,76%": how far a target was met, said of the target itself
_TARGET_MET = re.compile(r"(?<!\w)chỉ tiêu\s+về\s+[^,;:%]{2,80}?\s(?:chỉ\s+)?đạt\s*$",
                         re.IGNORECASE)
_PLAN_WORD = re.compile(r"(?<!\w)kế hoạch(?!\w)", re.IGNORECASE)
_OFFERED_ONLINE = re.compile(r"\s*(?:TTHC|thủ tục(?: hành chính)?)\s+(?:đã\s+)?(?:được\s+)?"
                            r"cung cấp\s+(?:dưới (?:hình thức|dạng)\s+)?(?:dịch vụ công trực "
                            r"tuyến|DVCTT|DVC trực tuyến)\s+(toàn trình|một phần)", re.IGNORECASE)
_EACH_SECTOR = re.compile(r"[^,;.]{0,40}?\btrong (?:mỗi|từng) (?:ngành|lĩnh vực)", re.IGNORECASE)
_WORK_RECORDS = re.compile(r"\s*(?:văn bản,\s*)?hồ sơ công việc(?!\w)", re.IGNORECASE)
_DOSSIERS_SHARE = re.compile(r"(?<!\w)(?:tỷ lệ|tỉ lệ)\s+hồ sơ(?! công việc)(?!\w)", re.IGNORECASE)
_CENTRAL_ASIDE = re.compile(r"\s*(?:so với|yêu cầu|theo yêu cầu|Trung ương giao|chỉ tiêu Trung ương"
                            r")\s*(?:là\s*)?$", re.IGNORECASE)
_REUSED = re.compile(r"(?<!\w)(?:tái sử dụng|sử dụng lại)(?!\w)", re.IGNORECASE)
_DISBURSED = re.compile(r"(?<!\w)giải ngân(?!\w)", re.IGNORECASE)
_OTHER_ECONOMY = re.compile(r"(?<!\w)(?:kinh tế (?:tư nhân|nhà nước|tập thể)|khu vực (?:FDI|"
                            r"tư nhân|có vốn đầu tư nước ngoài)|du lịch|công nghiệp chế biến)"
                            r"(?!\w)", re.IGNORECASE)
# (across no other level: "... được cung cấp trực tuyến ở mức độ 2, 17/19 cơ quan ... mức độ 3, 4"
# is offered at level 2)
_LEVEL_AFTER = re.compile(r"(?:(?!mức)[^;.]){0,160}?(?:dịch vụ công trực tuyến|DVCTT|trực tuyến)"
                          r"(?:(?!mức)[^;.]){0,20}?"
                          r"mức độ\s*([34])(\s*(?:,|và|-)\s*(?:mức độ\s*)?4)?(?!\d)",
                          re.IGNORECASE)
# a share of procedures or services, then the level they are offered at, further on in the clause:
# "100% thủ tục hành chính đáp ứng yêu cầu triển khai dịch vụ công trực tuyến mức độ 3, 4"
_PROCEDURES_AT_LEVEL = re.compile(
    r"\s*(?:các\s+)?(?:hồ sơ\s+)?(?:thủ tục hành chính|TTHC|dịch vụ công trực tuyến|dịch vụ công|"
    r"DVCTT|DVC)(?!\w)(?:(?!mức)[^;.]){0,160}?mức(?:\s+độ)?\s*([34])"
    r"(\s*(?:,|và|-)\s*(?:mức(?:\s+độ)?\s*)?4)?(?!\d)", re.IGNORECASE)
_WITH_DOSSIERS = re.compile(r"(?<!\w)(?:có\s+)?phát sinh hồ sơ(?!\w)", re.IGNORECASE)
_POPULATION_WORD = re.compile(r"(?<!\w)dân số(?!\w)|\bpopulation\b", re.IGNORECASE)
# a part of the population, not all of it: "dân số nam đạt 906.619 người", "dân số sống tại thành
# thị đạt 432.458 người", "dân số trong độ tuổi lao động"
_POPULATION_PART = re.compile(r"(?<!\w)dân số\s+(?:sống\s+)?(?:(?:tại|ở)\s+)?(?:khu vực\s+)?"
                              r"(?:nam|nữ|thành thị|nông thôn|đô thị|trong độ tuổi|từ \d+ tuổi)"
                              r"(?!\w)[^,;.\d]{0,25}$", re.IGNORECASE)
_GENERATIONS = re.compile(r"[^\d;.]*?\b[2-5]G\s*(?:,|/|và|-)\s*[2-5]G\b")  # "trạm BTS 3G, 4G"
_INDEX_MEASURES = frozenset({"rank", "score", "rank_change"})
_PARTS_RANKED = re.compile(r"(?:\s*/\s*\d+)?\s*\(\s*[^()\d]{3,40}?(?:xếp thứ|xếp hạng|thứ)\s*\d",
                           re.IGNORECASE)
_PILLAR_BEFORE = re.compile(r"chính quyền số|kinh tế số|xã hội số|nhận thức số|thể chế số|"
                            r"hạ tầng số|nhân lực số|an toàn thông tin", re.IGNORECASE)
_WHOLE_INDEX = frozenset({f"{fam}_{m}" for fam in ("dti", "pci", "papi", "par_index", "sipas")
                          for m in ("rank", "score", "rank_change")})
# "đứng vị trí thứ 10/63 với giá trị là 0,4950", "xếp thứ 13/63 có giá trị 0,4794": the value
# of what was just ranked
_WITH_VALUE = re.compile(r"\s*(?:(?:tỉnh|thành phố|cả nước|toàn quốc)[, ]*)*(?:với|có|đạt)\s+"
                         r"(?:giá trị|điểm số|số điểm|điểm|chỉ số)?\s*(?:là|đạt)?\s*$",
                         re.IGNORECASE)
_OWN_START = re.compile(r"[:;,(]|\svà\s")
# between a score and the rank given with it: "0,8123 điểm (hạng 2", "0,8123 điểm, xếp thứ 2"
# ("đạt 81,83% (cao hơn trung bình cả nước 1,75%), xếp thứ 20/63": an aside between them)
_RANK_OF_SCORE = re.compile(r"\s*(?:điểm)?\s*(?:\([^()]{0,80}\)\s*)?[(,]\s*(?:và\s+)?"
                            r"(?:xếp\s+|đứng\s+)?"
                            r"(?:hạng|thứ|vị trí|vị thứ)(?:\s+thứ)?\s*", re.IGNORECASE)
# ... or, in a list of ranks, the next item's name: "Kinh tế số hạng 2 và Xã hội số hạng 2"
_NEW_HEAD = re.compile(
    r"\s(?:và|hoặc)\s+(?:(?:tỷ lệ|tỉ lệ|số|chỉ số|tốc độ|mật độ)(?!\w)|"
    r"(?=[^\W\d][^,;()\d]{0,40}?\s(?:hạng|thứ|xếp thứ|xếp hạng)\s*\d)|"
    # "chính quyền số 0,8123, kinh tế số 0,6234 và xã hội số 0,7345": a name with its own value
    r"(?=[^\W\d][^,;()\d]{0,40}?\s(?:(?:đạt|là|với)\s+)?\d))", re.IGNORECASE
)


_OPEN_BRACKET_END = re.compile(r"\(\s*~?\s*$")  # "600.000 thuê bao (" before the next figure
_SHORT_CLOSE = re.compile(r"[^()]{0,20}\)")  # "(~65%)", "(đạt 98%)": the bracket closes soon


# "người dân, doanh nghiệp", "tổ chức, cá nhân": the pair of whom a share is, one noun phrase
_WHO_PAIR = re.compile(r"(?<!\w)(?:người dân|cá nhân|tổ chức)\s*$", re.IGNORECASE)
_WHO_PAIR_END = re.compile(r"\s*(?:doanh nghiệp|tổ chức|cá nhân)(?!\w)", re.IGNORECASE)
# a list of network generations: "phủ sóng thông tin di động 3G, 4G" (one network, its comma no
# clause's end)
_GENERATION_THEN = re.compile(r"(?<!\w)[2-5]G\s*$", re.IGNORECASE)
_GENERATION_NEXT = re.compile(r"\s*[2-5]G(?!\w)", re.IGNORECASE)


def _after_window(s: str, fig: Figure, nxt: Figure | None) -> str:
    """Text after a figure that may still describe it: up to the clause end; a following
    figure stops it unless that figure sits in brackets ("600.000 thuê bao (~65%) có ...")."""
    tail = s[fig.end:]
    pos = 0
    while True:  # "100% xã, phường, thị trấn được phủ sóng": the commas of a list of nouns go on
        stop = _CLAUSE_END.search(tail, pos)
        if stop is None or stop.group(0)[0] != "," or fig.measure not in ("percent", "count"):
            break
        # "(85,5%) thôn, tổ dân phố có ...": the bracket the figure sat in closes first
        item = tail[pos:stop.start()].lstrip(") ").split()
        following = tail[stop.end():stop.end() + 1]
        if _WHO_PAIR.search(tail, 0, stop.start()) and _WHO_PAIR_END.match(tail, stop.end()):
            # "91% hồ sơ của người dân, doanh nghiệp được nộp trực tuyến": who, said as a pair
            pos = stop.end()
            continue
        if (_GENERATION_THEN.search(tail, 0, stop.start())
                and _GENERATION_NEXT.match(tail, stop.end())):
            pos = stop.end()
            continue
        if not 1 <= len(item) <= 3 or not item[0][0].islower() or not following.islower():
            break
        pos = stop.end()
    end = stop.start() if stop else len(tail)
    # "... có sóng 4G và tỷ lệ hồ sơ ...": another figure's words
    head = _NEW_HEAD.search(tail, 0, end)
    end = head.start() if head else end
    if nxt is not None and nxt.measure != "other":  # "người dân từ 15 tuổi trở lên có ..." goes on
        rel = nxt.start - fig.end
        # "600.000 thuê bao (~65%) có ..." goes on; "2.104 trạm BTS (55 trạm 5G)" is a part, not it
        # ... but "1.200 trạm thu phát sóng (86% trong số đó là thiết bị 4G)" is an aside on a
        # part: a bracket the next figure fills alone goes on, one that says more stops
        bracketed = (_OPEN_BRACKET_END.search(s, fig.end, nxt.start) is not None
                     and not (fig.measure == nxt.measure == "count")
                     and _SHORT_CLOSE.match(s, nxt.end) is not None)
        if not bracketed:
            end = min(end, rel)
            cut = tail.rfind(",", 0, end)
            if (cut > 0 and _NAMES_NEXT.fullmatch(tail, cut + 1, rel)
                    and not _LIST_GOES_ON.search(tail, cut + 1, rel)):
                # "chiếm 2-3% tổng chi, kinh phí an toàn thông tin 0,2-0,3%": past a list's
                # comma, the words right before the next figure are its name, not this one's
                end = cut
    return tail[:end]


# the words before a figure that name it, after a comma: "kinh phí an toàn thông tin ", "tỷ lệ
# thôn có sóng 4G đạt " (no list going on: "thị trấn được phủ sóng 4G và " is not one)
_NAMES_NEXT = re.compile(r"\s*[^\W\d][^,;()\d]{2,60}?\s*(?:(?:đạt|là|chiếm|ở mức)\s*)?",
                         re.IGNORECASE)
_LIST_GOES_ON = re.compile(r"\s(?:và|hoặc|cùng|với|gồm|có|tại|ở|của)\s*$", re.IGNORECASE)


_SET_AGAINST = re.compile(r"(?<!\w)so với\s+(?:(?:tỉnh|thành phố|TP\.?)\s*)?$", re.IGNORECASE)
_CLAUSE_COMMA = re.compile(r"\s*,")


def _units_for(before: str, default: str | None, named: list | None = None) -> list[str | None]:
    """Provinces the figure is about: the nearest named before it in its sentence (with the
    names listed with it), else the report's own. `named`: the sentence's mentions, if known."""
    found = mentions(before) if named is None else [m for m in named if m.end <= len(before)]
    # "So với Bến Tre, tỉnh có tỷ lệ ... đạt 40%": a province the clause is set against
    found = [m for m in found if not (_SET_AGAINST.search(before, max(0, m.start - 20), m.start)
                                      and _CLAUSE_COMMA.match(before, m.end))]
    if not found:
        return [default]
    group = [found[-1]]
    for prev in reversed(found[:-1]):
        between = before[prev.end:group[0].start]
        if re.fullmatch(r"\s*(?:,|và|,\s*và)\s*", between):
            group.insert(0, prev)
        else:
            break
    return [m.name for m in group]


def _masked(s: str, figs: list[Figure], lo: int, hi: int) -> str:
    """s[lo:hi] with every figure in it replaced by the FIGURE marker."""
    parts, pos = [], lo
    for f in figs:
        if f.start >= lo and f.end <= hi:
            parts.append(s[pos:f.start])
            parts.append(f" {FIGURE} ")
            pos = f.end
    parts.append(s[pos:hi])
    return "".join(parts)


def _figures_aside(s: str, figs: list[Figure], lo: int, hi: int) -> str | None:
    """s[lo:hi] masked (`_masked`) without its closed brackets that hold a figure, or None when
    it has none."""
    cut = [(m.start(), m.end()) for m in CLOSED_BRACKET.finditer(s, lo, hi)
           if any(m.start() < f.start and f.end <= m.end() for f in figs)]
    if not cut:
        return None
    parts, pos = [], lo
    for a, b in cut:
        parts.append(_masked(s, figs, pos, a))
        pos = b
    parts.append(_masked(s, figs, pos, hi))
    return " ".join(parts)


_OWN_SPLIT = re.compile(r"\s(?:và|hoặc)\s|[,;]")
CLAUSE_BREAK = Caseless(r";|\bnhưng\b|\btuy nhiên\b|\bsong\b(?= )")
# the words between two figures that only move on to another year: ", sang năm 2026 đạt",
# "; năm 2030 là", " và đến năm 2030 đạt khoảng"
# a figure pointed back to: "tỷ lệ này", "con số này", "chỉ số đó" (its own words, no figure
# between)
_THIS_FIGURE = re.compile(r"(?<!\w)(?:con số|tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|chỉ số|số lượng)\s+"
                          r"(?:này|đó|nói trên)(?!\w)[^.;\d]{0,50}$", re.IGNORECASE)
_NEXT_YEAR = re.compile(
    r"\s*[,;]?\s*(?:và\s+|còn\s+)?(?:sang|đến|tới|đến hết|vào|trong)?\s*năm\s+(?:19|20)\d\d\s*"
    r"(?:,\s*)?(?:là|đạt|lên|tăng lên|đạt mức|đạt khoảng|khoảng|đạt trên|trên)?\s*$",
    re.IGNORECASE)
# a count and the code of its rate per 100 (or 1,000) inhabitants
_RATE_OF = {"phone_subscribers": "phone_subscribers_per_100",
            # the codebook keeps one density of telephone subscriptions, mobile ones included
            "mobile_subscribers": "phone_subscribers_per_100",
            "internet_subscribers": "internet_subscribers_per_100",
            "fixed_broadband_subscribers": "fixed_broadband_per_100",
            "mobile_broadband_subscribers": "mobile_broadband_per_100",
            "smartphone_subscribers": "smartphone_per_100",
            "digital_enterprises_count": "digital_enterprises_per_1000"}
# ("8,34% (vượt kế hoạch đề ra là 8%)": the plan the result beat)
_AIM_ASIDE = re.compile(r"[^()\d]{0,30}\(\s*(?:(?:vượt|đạt|so với)\s+)?"
                        r"(?:mục tiêu|chỉ tiêu|kế hoạch)"
                        r"(?:\s+(?:là|đề ra|đặt ra|đến năm (?:19|20)\d\d|năm (?:19|20)\d\d))?"
                        r"\s*:?\s*(?:là\s*)?$", re.IGNORECASE)
_PLAN_MET = re.compile(r"(?:vượt|đạt|bằng)\s*$", re.IGNORECASE)
# ", tăng 6,33% so với cùng kỳ và vượt 0,83% so với kế hoạch": changes of a count said between
# it and its rate
_COUNT_CHANGE = re.compile(r"\s*,?\s*(?:và\s+)?(?:tăng|giảm|vượt)\s*(?:thêm\s*)?\d[\d.,]*\s*%"
                           r"\s*so\s+(?:với\s+)?(?:cùng kỳ|kế hoạch|đầu năm)"
                           r"(?:\s+năm(?:\s+(?:19|20)\d\d)?)?",
                           re.IGNORECASE)
# "..., đạt mật độ", "(tương ứng với tỷ lệ", "bình quân": what comes is the rate of the count
_RATE_CUE = re.compile(r"(?<!\w)(?:mật độ|tương ứng(?: với)?|tương đương(?: với)?|bình quân|đạt)"
                       r"\s*(?:là|đạt|khoảng|với)?\s*(?:tỷ lệ|tỉ lệ|mật độ)?\s*(?:là|đạt|khoảng)?"
                       r"\s*\(?\s*(?:xấp xỉ|gần|khoảng|trên|hơn|ước)?\s*$", re.IGNORECASE)
# "với tỷ trọng đạt", "tỷ lệ là": a share named by its head noun alone
_RANKED_AFTER = re.compile(RANKED_AFTER_ITEM + r"(?:tăng trưởng|tăng|đạt|với)\s*$")
_BARE_SHARE = re.compile(r"(?:^|[,;:(]|\s(?:là|với|có))\s*(?:tỷ trọng|tỉ trọng|tỷ lệ|tỉ lệ)"
                         r"\s*(?:đạt|là|chiếm|khoảng|ở mức)?\s*$", re.IGNORECASE)
_SHARE_BASE = Caseless(r"(?:tỷ lệ|tỉ lệ)\s+[^,;()]{3,80}?\s(trên tổng(?: số)?\s[^,;()]{3,120}?)\s"
                      r"(?:của\s[^,;()]{2,40}?\s)?(?:đã\s+|hiện\s+)?(?:đạt|là|chiếm)\s*$")
_OWN_CUT = re.compile(r";|\svà\s(?!\d)")  # the figure's own words start after these
_SHARE_CUE = re.compile(
    r"(?:đạt|chiếm|bằng|là)?\s*(?:tỷ lệ|tỉ lệ)\s*(?:chỉ|là|đạt|khoảng)?\s*\(?\s*$", re.IGNORECASE
)



# a part of what was just said: "trong đó", "trong số đó", "bao gồm"
_PART_OF = re.compile(r"(?<!\w)(?:trong đó|trong số đó|bao gồm|gồm có|gồm)(?!\w)", re.IGNORECASE)


# what is left between two figures once the province named there is taken out, when it says
# nothing of its own: "; riêng tỉnh Long An đạt", ", còn Hà Nam là"
_OWN_PLACE_ONLY = re.compile(r"\s*[,;]\s*(?:riêng|còn|với|tại|ở)?\s*(?:tỉnh|thành phố|TP\.?)?"
                             r"\s*\x00\s*(?:cũng\s+|chỉ\s+|mới\s+)?(?:đạt|là|có)\s*"
                             r"(?:gần|khoảng|hơn|trên)?\s*", re.IGNORECASE)


_PER_AREA = re.compile(r"\s*(?:người\s*)?/\s*km\s*(?:2|²)", re.IGNORECASE)
_OF_AREA = re.compile(r"\s*%?\s*(?:tổng\s+)?diện tích(?!\w)", re.IGNORECASE)
# an aside after a province on what it is in the country: ", hai trung tâm kinh tế lớn của cả
# nước,", ", địa phương dẫn đầu cả nước,"
_COUNTRYS_OWN = re.compile(r"(?:\s*(?:,|và)\s*(?:TP\.?\s*)?[^\W\d][\w.]*(?:\s[^\W\d][\w.]*){0,3})*"
                           r"\s*,\s*[^,;()\d]{2,60}?\s(?:của|trong|trên)?\s*(?:cả nước|toàn quốc)"
                           r"\s*,", re.IGNORECASE)


def _last_clause(stretch: str, offset: int) -> tuple[str, int]:
    """The last clause of `stretch` (from its last comma or semicolon on) and its offset."""
    cut = max(stretch.rfind(","), stretch.rfind(";"), 0)
    return stretch[cut:], offset + cut


def _placeless(stretch: str, offset: int, named: list) -> str:
    """`stretch` (starting at `offset` in the sentence) with the one province named in it as
    a NUL; unchanged when it names none or several."""
    inside = [m for m in named if offset <= m.start and m.end <= offset + len(stretch)]
    if len(inside) != 1:
        return stretch
    m = inside[0]
    return stretch[:m.start - offset] + "\x00" + stretch[m.end - offset:]


_OWN_YEAR_AFTER = re.compile(r"\s*(?:vào |trong )?năm ((?:19|20)\d\d)(?=\s*(?:[,;.]|và\s|$))",
                             re.IGNORECASE)


def read_figure(sent: Sentence, n: int, figs: list[Figure], i: int, doc: str, home: str | None,
         namer: UnitNamer, index: tuple[Alias, ...], year: int | None,
         last: tuple[int, int, Match, str] | None,
         history: list[tuple[int, int, Match, str]], per_sentence: tuple) -> list[Candidate]:
    s = sent.text
    (segs, cues, named, break_ends, resp, year_marks, subjects, doc_year, framework, state, para,
     sw) = per_sentence  # sw: the sentence whose words are read, its names blanked
    fig = figs[i]
    prev_end = figs[i - 1].end if i else 0
    nxt = figs[i + 1] if i + 1 < len(figs) else None
    before = s[:fig.start]
    clause_start = max((e for e in break_ends if e <= fig.start), default=0)
    own_before = s[prev_end:fig.start]
    after = _after_window(s, fig, nxt)
    own_after = s[fig.end:nxt.start] if nxt else s[fig.end:]
    own_parts = _OWN_SPLIT.split(own_after)
    own_after = own_parts[0]
    item = resp.get(i)
    item_unit = item if item is not None and mentions(item) else None
    clause_text = None  # the clause before the figure, when its words are read from it
    owned = _OWNER_TAIL.split(item, maxsplit=1) if item_unit is not None else []
    head = owned[0] if len(owned) == 2 else None
    if item is not None and item_unit is None:
        before_words = words_of(item)  # "chính quyền số, kinh tế số ... lần lượt là 22, 9, 13"
    elif head and head.strip():
        # "xếp hạng hoạt động chính quyền số, ..., hoạt động xã hội số của Hải Dương lần lượt là
        # 15, 7, 4": the last item names the list's owner after its own words
        before_words = words_of(head)
    elif clause_start == 0:  # the words between figures are folded once per sentence
        before_words = [w for k in range(i + 1) for w in ([FIGURE] if k else []) + segs[k]]
    else:
        clause_text = _masked(sw, figs, clause_start, fig.start)
        before_words = words_of(clause_text)
    share = (_OWN_SHARE_HEAD.search(own_before)
             if item is None and i and figs[i - 1].start >= clause_start else None)
    own_share = _masked(sw, figs, prev_end + share.start(), fig.start) if share else ""
    if share is not None and len(words_of(own_share)) >= 2:
        # "thanh toán trực tuyến đạt 98,93% và tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,85%": a
        # share named after the figure before is this one's; words before that figure are not
        # ("276 doanh nghiệp/1.000 dân, tỷ lệ chỉ 0,22%" names none of its own)
        clause_text = own_share
        before_words = words_of(clause_text)
    aside = _figures_aside(sw, figs, clause_start, fig.start)
    if aside is not None and item is None:
        # "Tổng số DVCTT có phát sinh hồ sơ là 818/1.542 (gồm: 451 DVCTT toàn trình và 367 DVCTT
        # một phần), đạt 53%": a bracket with figures of its own is their aside; its words name
        # them, not a figure after it
        clause_text = aside
        before_words = words_of(aside)
    base = _SHARE_BASE.search(s, clause_start, fig.start)
    if base is not None and not any(clause_start <= f.start < fig.start for f in figs):
        # "tỷ lệ hồ sơ trực tuyến toàn trình trên tổng hồ sơ giải quyết TTHC của cả nước đã đạt
        # 39,98%": the share's words are those from "tỷ lệ" to its base ("trên tổng ..."), not
        # the clause's before it ("Về cung cấp dịch vụ công trực tuyến, tỷ lệ hồ sơ ...": a share
        # of dossiers, under a heading of services)
        before_words = words_of(sw[base.start():base.start(1)] + " " + sw[base.end(1):fig.start])
    own_cut = _OWN_CUT.split(own_before)
    own_words = (segs[i] if len(own_cut) == 1
                 else before_words if clause_text == own_cut[-1]  # the same text, folded once
                 else words_of(own_cut[-1]))
    # the words up to the next figure are folded once per sentence (segs[i + 1])
    to_next = fig.end + len(after) == (nxt.start if nxt else len(s))
    after_words = (segs[i + 1] if to_next
                   else words_of(_masked(sw, figs, fig.end, fig.end + len(after))))
    # the figure's own words after it are those of its stretch up to the next figure, or of the
    # window after it when they are the same text (no figure inside: it ends before the next)
    own_after_words = (segs[i + 1] if len(own_parts) == 1 else after_words if own_after == after
                       else words_of(own_after))
    if fig.measure in ("per_100", "per_1000") and "/" in fig.text:
        # "0,7/1.000 dân": the rate's base, which the figure took, is still the alias's words
        after_words = words_of(fig.text[fig.text.index("/") + 1:]) + after_words
    level = _LEVEL_JUST_BEFORE.search(own_before)
    if level is not None:
        # "số DVCTT mức độ 3 là 191 dịch vụ, số DVCTT mức độ 4 là 1.173": the level said right
        # before the figure is its own, not the next figure's after it nor "mức độ 3, 4" before
        ctx = context(before_words, after_words, words_of(level.group(0)), [])
    else:
        ctx = context(before_words, after_words, own_words, own_after_words)
    matches = [
        m for m in match(ctx, fig.measure, index) if confidence.possible(m.code, fig, framework)
    ]
    head = (_SHARE_HEAD.match(s, clause_start)
            if not matches and fig.measure == "percent" else None)
    if (head is not None and head.end() <= fig.start
            and not any(head.end() <= f.start < fig.start for f in figs)):
        # "Tỷ lệ thanh toán trực tuyến khi người dân và doanh nghiệp thực hiện thủ tục trực tuyến
        # đạt 68,14%": the share its clause opens with, named before what it is of
        matches = [replace(m, confidence=min(m.confidence, 0.7))
                   for m in match(context(words_of(head.group(1)), [], [], []), "percent", index)
                   if confidence.possible(m.code, fig, framework)][:1]
    if i and matches and not set(matches[0].alias.split()) <= {*segs[i], *ctx.after}:
        # "Tỷ lệ thuê bao ... điện thoại di động đạt 85%, tỷ lệ người sử dụng Internet đạt
        # 80%": an indicator named whole in the figure's own stretch wins over one reached
        # across the figure before it
        own = [m for m in match(replace(ctx, before=tuple(reversed(segs[i]))), fig.measure, index)
               if confidence.possible(m.code, fig, framework)]
        if own and own[0].code != matches[0].code:
            matches = own
    if (matches and fig.measure == "percent" and i and figs[i - 1].measure == "percent"
            and _PIECE_END.match(s, figs[i - 1].end) is None
            and re.search(r"[,;]", own_before)):
        # "100% văn bản, hồ sơ công việc được xử lý trên môi trường mạng, 80% cuộc họp thực hiện
        # thông qua hệ thống họp không giấy tờ": a share in a list whose own noun phrase does not
        # hold its alias and says what else it counts is not of the share before
        alias = set(matches[0].alias.split())
        phrase = set(words_of(_PIECE_END.split(s[fig.end:], maxsplit=1)[0]))
        lead = set(words_of(re.split(r"[,;:]|\svà\s", own_before)[-1]))
        if not alias <= phrase | lead and len(phrase - alias) >= 4 and not alias & phrase:
            matches = []
    if matches and fig.measure == "count" and i and figs[i - 1].measure == "count":
        # "335 DVCTT toàn trình, 664 DVCTT một phần, 961 dịch vụ cung cấp thông tin trực tuyến",
        # "15 doanh nghiệp bưu chính viễn thông, 6 doanh nghiệp cung cấp dịch vụ truyền hình": a
        # count in a list whose own noun phrase does not hold its alias and says what else it
        # counts is not the count of the member before
        alias = set(matches[0].alias.split())
        phrase = set(words_of(_PIECE_END.split(s[fig.end:], maxsplit=1)[0]))
        lead = set(words_of(re.split(r"[,;:]|\svà\s", own_before)[-1]))  # "; thuê bao Internet đạt"
        if not alias <= phrase | lead:
            # "1065 dịch vụ công trực tuyến toàn trình và 328 dịch vụ công một phần": the words
            # before are the member before's; its own noun phrase after it names it
            own = [m for m in match(replace(ctx, before=()), fig.measure, index)
                   if confidence.possible(m.code, fig, framework)]
            if own and own[0].code != matches[0].code:
                matches = own
            elif len(phrase - alias) >= 3:
                matches = []
    if fig.measure == "count" and _GENERATIONS.match(s, fig.end, fig.end + 40):
        # "8.500 trạm phát sóng BTS 3G, 4G": one count of several generations is the total
        # (a mark no alias has keeps out the aliases of one generation)
        total = [m for m in match(replace(ctx, marks=frozenset({"tổng"})), fig.measure, index)
                 if confidence.possible(m.code, fig, framework)]
        if total:
            matches = [replace(total[0], confidence=max(m.confidence for m in matches or total))]
    if (matches and matches[0].code.startswith("coverage_")
            and _FIXED_NETWORK.search(s, clause_start, fig.start)
            and not _MOBILE_NETWORK.search(s, clause_start, fig.end + 40)):
        # "hạ tầng mạng băng rộng cố định đã phủ đến 80% khu vực dân cư": a fixed network's
        # reach, which no mobile coverage is
        matches = []
    if (matches and fig.measure == "percent"
            and _URBAN_OR_RURAL.search(s, prev_end, fig.start) is not None):
        # "Tỷ lệ người sử dụng Internet ở thành thị là 87,32% và ở nông thôn là 59,03%": a part
        # of the province, not its whole (no indicator is of towns or the countryside alone)
        matches = []
    if (matches and fig.measure == "count"
            and _TIMES_COUNTED.search(s, clause_start, fig.start) is not None):
        # "số lượt doanh nghiệp nhỏ và vừa tiếp cận Chương trình ... là 975.966 doanh nghiệp":
        # times something was done, no count of what did it
        matches = []
    if fig.measure == "percent" and matches and (
            matches[0].code == "digital_economy_grdp_share"
            and _ECONOMY_PART.search(s, clause_start, fig.start)):
        # "kinh tế số lõi đóng góp 7,99% (chiếm 62%)": a part of the digital economy, and the
        # part's share of the whole in brackets, are no share of GRDP
        matches = []
    if fig.measure == "rank":
        matches = _shared(own_before, fig, index, framework) or matches
    of_other = False
    if fig.measure == "rank" and _PAST_STREAK.search(s, clause_start, fig.start):
        # "tỉnh Quảng Ninh sau nhiều năm liên tục xếp hạng thứ nhất thì năm 2024 đã tụt xuống
        # vị trí thứ 4": the place it held for years gone by, not the year's
        matches, of_other = [], True
    elif fig.measure == "rank" and _agency_ranked(s, clause_start, fig):
        # "Sở Giáo dục và Đào tạo xếp thứ Nhất với số điểm 335,9; Xếp thứ 2 là Sở Thông tin và
        # Truyền thông": a province's own agencies or districts ranked, no province's rank
        matches, of_other = [], True
    elif fig.measure == "rank":
        about = _ranked_about(s[fig.end:], matches, fig, index, framework)
        of_other = about is None
        matches = about or []
        if not matches and not of_other:
            of_other = _ranked_other(s, clause_start, fig, index, framework)
        lead = _TOPIC_LEAD.match(s, clause_start) if not matches and not of_other else None
        if lead is not None and lead.end() <= fig.start:
            # "với chỉ số chính quyền số, Trà Vinh tăng 15 bậc, xếp thứ 12": the topic led with
            # names the rank's index
            matches = [x for x in match(context(words_of(lead.group(1)), [], [], []), "rank",
                                        index) if confidence.possible(x.code, fig, framework)][:1]
        just = history[-1] if history and history[-1][1] == i - 1 else None
        if (just is not None and just[2].code.endswith("_score")
                and (not matches or matches[0].code in _WHOLE_INDEX)
                and _RANK_OF_SCORE.fullmatch(s, figs[i - 1].end, fig.start)):
            # "chính quyền số đạt 0,8123 điểm (hạng 2)", "... (xếp thứ 2/63)": the rank given
            # with a score is that score's index's, a pillar's when the score is a pillar's
            code = just[2].code.removesuffix("_score") + "_rank"
            if confidence.known(code, framework):
                matches, of_other = [Match(code, 0.0, 0.7, just[2].alias)], False
        if (not matches and not of_other and just is not None and just[3] != "rank"
                and not _has_rank(just[2].code, framework)
                and ";" not in own_before and flow.family_of(own_before, None) is None
                and not any(prev_end <= m.start < fig.start for m in named)):
            # "số hộ gia đình có cáp quang ... đạt 81,7% - cao hơn mức trung bình cả nước và xếp
            # hạng 15 toàn quốc": the rank of the share just given, which no index ranks
            of_other = True
    if (fig.measure == "rank" and matches and matches[0].code.startswith("dti_")
            and matches[0].code not in _WHOLE_INDEX and _PARTS_RANKED.match(s, fig.end)
            and not _PILLAR_BEFORE.search(own_before) and confidence.known("dti_rank", framework)):
        # "Bình Phước xếp thứ 25 (chính quyền số xếp thứ 24, kinh tế số xếp thứ 37, ...)": the
        # pillars ranked in the bracket after it are its parts; the rank before them is the whole
        matches = [replace(matches[0], code="dti_rank")]
    if (fig.measure in _INDEX_MEASURES and len(matches) == 1 and matches[0].code in _WHOLE_INDEX
            and not resp.get(i)):
        # "Kết quả DTI 2022: chính quyền số đạt 0,7012 điểm": the pillar said in the figure's own
        # stretch names it, not the index named before
        near = _OWN_START.split(own_before)[-1]
        mine = [m for m in match(context(words_of(near), [], [], []), fig.measure, index)
                if confidence.possible(m.code, fig, framework)]
        fam = matches[0].code.split("_")[0]
        if mine and mine[0].code != matches[0].code and mine[0].code.startswith(fam + "_"):
            matches = [replace(mine[0], confidence=min(mine[0].confidence, matches[0].confidence))]
    last_here = history[-1] if history and history[-1][1] == i - 1 else None
    pair = {"rank": ("_score", "_rank"), "score": ("_rank", "_score")}.get(fig.measure)
    whole = not matches or (len(matches) == 1 and matches[0].code in _WHOLE_INDEX)
    if (pair is not None and whole and last_here is not None and last_here[2].code.endswith(pair[0])
            and last_here[2].code not in _WHOLE_INDEX):
        # "chính quyền số đạt 0,7012 điểm, xếp hạng thứ 18": the rank of the pillar just scored;
        # "xếp hạng 12/63 ... về chỉ số kinh tế số, đạt 0,4856": the score of the pillar just ranked
        code = last_here[2].code.removesuffix(pair[0]) + pair[1]
        if (confidence.known(code, framework) and ";" not in own_before
                and ("," in own_before or _WITH_VALUE.match(own_before)
                     or own_before.strip() == "(")):  # "xếp hạng 9 (0,7793)"
            sure = min(0.8, matches[0].confidence) if matches else 0.7
            matches = [Match(code, 0.0, sure, last_here[2].alias)]
    part_of = (_COMPONENT_OF.search(s, 0, fig.start)
               if matches and fig.measure in ("rank", "score", "rank_change") else None)
    if part_of is not None:
        # "Trong chỉ số cải cách hành chính của tỉnh, các chỉ số thành phần về ... chính quyền số
        # xếp thứ bảy": a component of another index, not the DTI pillar its words name
        named_index = flow.family_of(s[:part_of.start()], None)
        if named_index is not None and not matches[0].code.startswith(named_index + "_"):
            matches = []
    if (matches and matches[0].code in _WHOLE_INDEX
            and flow.COMPONENT.search(s[clause_start:fig.start])):
        # "chỉ số thành phần Chi phí thời gian đạt 8,54 điểm": a component's, not the index's
        matches = []
    if (matches and matches[0].code in _OF_THE_PEOPLE
            and _SUBGROUP.search(s, clause_start, fig.start)):
        matches = []  # "2.057/2.975 người có công ... có tài khoản ..., đạt 69,14%": a group's
    if fig.measure == "percent" and _OF_PLAN.match(s, fig.end):
        matches = []  # "(bằng 98% kế hoạch năm)": how much of a plan was done, no indicator's
    if (fig.measure == "percent" and _TARGET_MET.search(s, clause_start, fig.start)
            and _PLAN_WORD.search(s)):
        matches = []  # "chỉ tiêu về mật độ thuê bao điện thoại đạt 102,76%" (of its plan)
    if fig.measure == "percent" and _NEGATED.search(after):
        matches = []  # "04/35 thôn chưa có sóng di động": the share that lacks it, no indicator's
    if (matches and matches[0].code == "admin_procedures_online_share"
            and "toàn trình" in (re.split(r"[,;]", s[fig.end:], maxsplit=1)[0]
                                 + re.split(r"[;]", own_before)[-1]).lower()
            and confidence.known("dvc_full_online_share", framework)):
        # "100% thủ tục hành chính đủ điều kiện ... được cung cấp dưới hình thức dịch vụ công
        # trực tuyến toàn trình": the share offered fully online, said of the procedures
        matches = [replace(matches[0], code="dvc_full_online_share")]
    if fig.measure == "percent" and not matches:
        # "95% thủ tục hành chính thuộc phạm vi công bố ... được cung cấp trực tuyến mức độ 3 và
        # mức độ 4": no alias is next to the number, yet its words say what it counts
        level = _PROCEDURES_AT_LEVEL.match(s, fig.end)
        code = (None if level is None else "dvc_l34_share" if level.group(2)
                else "dvc_l4_share" if level.group(1) == "4" else "dvc_l3_share")
        if code is not None and confidence.known(code, framework):
            matches = [Match(code, 0.0, 0.7, "(level)")]
    if matches and matches[0].code == "dvc_l3_share":
        # "95% thủ tục hành chính ... được cung cấp trực tuyến mức độ 3 và mức độ 4": the alias of
        # level 3 ("TTHC cung cấp mức độ 3") fits, but the levels are 3 and 4
        level = _PROCEDURES_AT_LEVEL.match(s, fig.end) or _LEVEL_AFTER.match(s, fig.end)
        if level and level.group(2) and confidence.known("dvc_l34_share", framework):
            matches = [replace(matches[0], code="dvc_l34_share")]
    if matches and matches[0].code == "admin_procedures_online_share":
        # "... được cung cấp dưới hình thức dịch vụ công trực tuyến (DVCTT) mức độ 4": the share
        # offered at a level
        level = _LEVEL_AFTER.match(s, fig.end)
        code = ("dvc_l34_share" if level and level.group(2) else "dvc_l4_share" if level
                and level.group(1) == "4" else None)
        if code is not None and confidence.known(code, framework):
            matches = [replace(matches[0], code=code, confidence=max(matches[0].confidence, 0.7))]
    if matches and matches[0].code == "admin_procedures_count":
        level = _LEVEL_AFTER.match(s, fig.end)
        if level is not None and level.start(1) <= fig.end + len(own_after):
            # "đã triển khai cung cấp 1.364 thủ tục hành chính (TTHC) thành dịch vụ công trực
            # tuyến (DVCTT) mức độ 3, 4": procedures offered online at a level, not all there are
            code = (None if level.group(2) else "dvc_l4_count" if level.group(1) == "4"
                    else "dvc_l3_count")
            matches = ([replace(matches[0], code=code)]
                       if code is not None and confidence.known(code, framework) else [])
    if matches and matches[0].code == "admin_procedures_count":
        # "có 701 TTHC được cung cấp dịch vụ công trực tuyến toàn trình, 516 TTHC được cung cấp
        # dịch vụ công trực tuyến một phần": procedures offered online, counted as services
        offered = _OFFERED_ONLINE.match(s, fig.end)
        code = ({"toàn trình": "dvc_full_online_count", "một phần": "dvc_partial_online_count"}
                .get(offered.group(1).lower()) if offered else None)
        if code is not None and confidence.known(code, framework):
            matches = [replace(matches[0], code=code)]
    if matches and matches[0].code in ("dvc_full_online_count", "dvc_partial_online_count"):
        opened = s.rfind("(", 0, fig.start)
        if (opened >= 0 and ")" not in s[opened:fig.start]
                and _WITH_DOSSIERS.search(s[max(clause_start, opened - 120):opened])):
            # "Tổng số DVCTT có phát sinh hồ sơ là 818/1.542 (gồm: 451 DVCTT toàn trình và 367
            # DVCTT một phần)": the services that received dossiers, parted; not all offered
            matches = []
    if (matches and matches[0].code == "dossier_digitisation_share"
            and _REUSED.search(s, clause_start, fig.start)):
        matches = []  # "tỷ lệ tái sử dụng hồ sơ TTHC đã được số hóa đạt 50%": their reuse
    if (matches and matches[0].code == "it_budget_share"
            and _DISBURSED.search(s, clause_start, fig.start)):
        matches = []  # "Ước giải ngân chi ngân sách đạt 46%": how much was paid out, no share
    if (matches and matches[0].code == "digital_economy_grdp_share"
            and (_OTHER_ECONOMY.search(own_before)
                 or _EACH_SECTOR.match(s, fig.end))):
        # "kinh tế tư nhân đóng góp 78% GRDP": another sector's share; "ít nhất 10% tỷ trọng
        # kinh tế số trong mỗi ngành": each sector's, no share of GRDP
        matches = []
    if (matches and matches[0].code in ("online_dossiers_share", "admin_procedures_online_share")
            and _WORK_RECORDS.match(s, fig.end) and confidence.known("work_records_online_share",
                                                                     framework)):
        # "100% hồ sơ công việc các cấp được xử lý trực tuyến": work records, no dossiers
        matches = [replace(matches[0], code="work_records_online_share")]
    if (matches and matches[0].code in ("dvc_l34_share", "dvc_l4_share")
            and _DOSSIERS_SHARE.search(s, clause_start, fig.start)
            and confidence.known("online_dossiers_share", framework)):
        # "Tỷ lệ hồ sơ giải quyết dịch vụ công trực tuyến mức độ 3, 4 ... tối thiểu 60%": a share
        # of dossiers, not of the services offered at a level
        matches = [replace(matches[0], code="online_dossiers_share")]
    read_as_coverage = False
    if fig.measure == "percent" and all(m.code in coverage.FAMILY for m in matches):
        # "100% xã, phường, thị trấn đã phủ sóng mạng băng rộng cáp quang": what a coverage share
        # counts and the network it names give its indicator (chiso.extract.coverage)
        codes = coverage.codes(s, fig.start, fig.end, clause_start, after)
        code = codes[0] if codes else None
        own = own_before[own_before.rfind(";") + 1:]
        if coverage.lacking(s, fig.start, clause_start, after) or coverage.broadcast(own):
            # "còn 40/1.650 thôn lõm sóng": the share that lacks it; "phủ sóng truyền thanh":
            # a radio's
            matches = []
        elif (code is not None and confidence.known(code, framework)
                and (matches or (coverage.REACH.search(own + " " + after)
                                 # a part of the province is no coverage of it either
                                 and _URBAN_OR_RURAL.search(s, prev_end, fig.start) is None))):
            sure = max((m.confidence for m in matches), default=0.7)
            alias = matches[0].alias if matches else "(coverage)"
            matches = [Match(c, 0.0, sure, alias) for c in codes
                       if confidence.known(c, framework)]
            read_as_coverage = True
        elif matches and coverage.of_other(own):
            matches = []  # "..., tỷ lệ người dân có hồ sơ sức khỏe điện tử đạt 90%": not coverage
    if matches and matches[0].code in _OF_GENERATION and not read_as_coverage:
        # "Mạng 5G ... với 167 trạm thu, phát sóng, phủ sóng 17% khu vực có dân cư", "mạng di
        # động 4G bao phủ 99% khu vực dân cư": one generation named is the network's. A count
        # looks at its own stretch ("4G ..., 21.000 km cáp quang và 3.295 trạm BTS" are all
        # stations), a share at its clause.
        clause = s[max(s.rfind(";", 0, fig.start), 0):fig.start]
        said = own_before if fig.measure == "count" else clause
        gens = set(_GENERATION.findall(said))
        code = _OF_GENERATION[matches[0].code].get(gens.pop()) if len(gens) == 1 else None
        if code is not None and confidence.known(code, framework):
            matches = [replace(matches[0], code=code)]
    money = None
    if fig.measure == "vnd" and all(m.code == budget.CODE for m in matches):
        money = budget.reading(s, fig.start, own_before.rstrip(" (~"), state.title)
        if money is None and budget.given_to(own_before.rstrip(" (~"), s[fig.end:fig.end + 120]):
            money = "any"  # "bố trí 65,5 tỷ đồng cho chuyển đổi số": its kind the sentence's cues
        if money is not None and not matches and confidence.known(budget.CODE, framework):
            matches = [Match(budget.CODE, 0.0, 0.7, "(budget)")]
    if (matches and matches[0].code.endswith(_LEVELS)
            and _ALL_LEVELS.match(s, fig.end, min(len(s), fig.end + 80))):
        # "100% hồ sơ công việc tại cấp tỉnh, cấp huyện và cấp xã": said of every level, the
        # figure of all levels
        whole = matches[0].code.rsplit("_", 1)[0]
        if confidence.known(whole, framework):
            matches = [replace(matches[0], code=whole)]
    if (matches and matches[0].code == "internet_users_share"
            and _ABLE.search(s[clause_start:fig.end + len(after)])):
        matches = []  # "90% người dân có thể sử dụng dịch vụ internet tốc độ cao": who could
    if (fig.measure == "count" and _BUILT.search(own_before)
            and _RAISING_TOTAL.search(s, fig.end)):
        matches = []  # "đã phát triển 57 vị trí trạm BTS, nâng tổng số ... lên": what was added
    if ((fig.qualifier in ("gt", "ge", "lt", "le") or fig.value_high is not None)
            and _UNITS_COUNTED.search(s, clause_start, fig.start)):
        # "có 14 bộ, cơ quan ngang bộ đạt Chỉ số PAR INDEX trên 80%", "chỉ có 17 tỉnh thành phố
        # có tỷ trọng kinh tế số trên 10%": a band the units counted are in, no one's value
        matches, of_other = [], True
    if (fig.measure == "score" and i and figs[i - 1].measure == "rank"
            and _SCORE_ASIDE.fullmatch(s, figs[i - 1].end, fig.start)
            and _agency_ranked(s, clause_start, figs[i - 1])):
        # "Sở Thông tin và Truyền thông xếp vị trí thứ 2 (71,05 điểm)": the score of the agency
        # ranked, no province's
        matches, of_other = [], True
    opened = s.rfind("(", 0, fig.start)
    if (opened >= 0 and ")" not in s[opened:fig.start]
            and _INCREMENTS.match(s, opened, fig.start)):
        # "882 trạm BTS (tăng so với năm 2022 là 69.751 thuê bao điện thoại, ..., 210 trạm BTS)":
        # what was added, not what there is
        matches, of_other = [], True
    if (matches and matches[0].code == "grdp_growth" and _CONTRIBUTED.search(own_before)
            and _INTO_PRODUCT.match(s, fig.end)):
        # "kinh tế số đóng góp 17% vào tăng trưởng GRDP", "đóng góp hơn 14% vào GDP, kinh tế
        # số ...": the digital economy's part of the product, when the sentence names it;
        # another sector's part is no growth either (a share no growth could be, "đóng góp 26%
        # vào tăng trưởng", stays unread: reading it too cost a held-out error, gained nothing)
        code = "digital_economy_grdp_share"
        matches = ([replace(matches[0], code=code)]
                   if _DIGITAL_ECONOMY.search(s) and not _OTHER_ECONOMY.search(own_before)
                   and confidence.known(code, framework) else [])
    if (matches and matches[0].code == "grdp_growth"
            and (_CONTRIBUTION.search(s, clause_start, fig.start)
                 or _PRODUCTIVITY.search(own_before))):
        # "năng suất lao động hằng năm tăng tối thiểu 7%": labour productivity's growth too
        # "đóng góp của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế ... từ 42%":
        # a share of the growth, not the growth
        matches = []
    if (matches and fig.measure == "count" and matches[0].code.endswith("subscribers")
            and (_NEWLY_ADDED.search(s, clause_start, fig.start)
                 or _SHARE_OF_NEWLY_ADDED.match(s, fig.end))):
        matches, of_other = [], True
    if matches and fig.measure == "count" and _OUT_OF_ORDER.match(s, fig.end):
        # "khiến hơn 1.990 trạm BTS gặp sự cố", "1.200 trạm BTS bị mất sóng sau bão": what a storm
        # took down, not what there is
        matches, of_other = [], True
    if matches and fig.measure in ("count", "persons") and _PER_UNIT_AVERAGE.search(own_before):
        matches = []  # "trung bình mỗi xã, phường, thị trấn có 10 trạm": each one's, no total
    if (matches and matches[0].code == "population"
            and (_GROUP_OF_PEOPLE.match(s, fig.end)
                 or not _POPULATION_WORD.search(s, clause_start, fig.end + len(after)))):
        # "trên 815.000 người là người dân Huế": people counted, no "dân số" said
        matches = []  # "Gần 100.000 người dân đã được trang bị kỹ năng số": who, no population
    if (matches and matches[0].code == "phone_subscribers"
            and (_FIXED_LINE.search(re.split(r"[,;(]", own_before)[-1])
                 or _FIXED_LINE.match(s, fig.end))):
        matches = []  # "Thuê bao điện thoại cố định có 6.460": fixed lines, a part of the total
    if (matches and matches[0].code.startswith(("mobile_subscribers", "phone_subscribers"))
            and _MOBILE_MONEY.search(s, clause_start, fig.end + len(after))):
        matches = []  # "Số thuê bao di động sử dụng dịch vụ Mobile Money là 15.321": no all
    if (matches and matches[0].code == "bank_account_adult_share"
            and _IDENTITY_ACCOUNT.search(s, fig.end, fig.end + len(after))):
        matches = []  # "... từ đủ 14 tuổi trở lên đăng ký tài khoản định danh điện tử": no bank's
    if (matches and matches[0].code == "digital_signature_adult_share"
            and _OFFICIAL_SIGNATURE.search(s, clause_start, fig.end + len(after))):
        matches = []  # "Tỉ lệ sử dụng chữ ký số công vụ đạt 98%": civil servants', no adults'
    if (matches and matches[0].code == "sipas_score" and fig.measure in ("percent", "score")
            and not _INDEX_NAMED.search(s, clause_start, fig.end + len(after))):
        # "100% người dân, doanh nghiệp hài lòng ...": who was satisfied, no SIPAS ("mức độ hài
        # lòng của người dân, doanh nghiệp là 17,86 điểm": a criterion of the service index)
        matches = []
    if (matches and matches[0].code == "admin_procedures_count"
            and _DOSSIERS_COUNTED.search(s, clause_start, fig.start)):
        matches = []  # "tổng số hồ sơ giải quyết TTHC là 168.746": dossiers, not procedures
    if (matches and matches[0].code == "admin_procedures_count"
            and _PROCEDURES_WORKED.search(own_before)):
        # "phê duyệt phương án đơn giản hóa 548 thủ tục hành chính": the procedures a reform
        # touched, not all the province has
        matches = []
    # "tỉnh có mức tăng cao nhất là 9,39% và thấp nhất là 0,03%": by how much, of no index
    changed = (_CHANGE_LEVEL.search(s, max(s.rfind(";", 0, fig.start) + 1, fig.start - 60),
                                    fig.start) is not None
               and not (matches and matches[0].code == "grdp_growth"))
    if changed:
        matches = []
    if (matches and matches[0].code == "population"
            and _POPULATION_PART.search(s, clause_start, fig.start)):
        matches, of_other = [], True
    if matches and matches[0].code == "population" and _PER_AREA.match(s, fig.end):
        matches = []  # "Mật độ dân số là 289 người/km2": people per area, no population
    if (matches and matches[0].code.startswith("coverage_") and matches[0].code.endswith("_pop")
            and _OF_AREA.match(s, fig.end)):
        matches = []  # "phủ sóng 3G và 4G, đạt 99% diện tích": the area covered, no people
    if (matches and matches[0].code == "cashless_fees_share"
            and not _FEES.search(s, clause_start, fig.end + len(after))):
        matches = []  # "75,3% giao dịch thanh toán ... không dùng tiền mặt": all payments, no fees
    if fig.measure == "percent" and _PER_SECTOR.search(own_before):
        matches = []  # "tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 10%": each
        # sector's share, not the province's
    # "276 doanh nghiệp/1.000 dân": a count
    # the count before, or before a comparison of it with the plan ("25.461 thuê bao, vượt 47,36%
    # so kế hoạch năm, đạt mật độ 1,5 thuê bao/100 dân"), across changes of it that are no figures
    # ("2.450.000 thuê bao, tăng 6,33% so với cùng kỳ và vượt 0,83% so với kế hoạch, đạt mật độ")
    counted = last_here or (history[-1] if history and history[-1][1] == i - 2 and i >= 2
                            and _PLAN_MET.search(s, figs[i - 2].end, figs[i - 1].start)
                            else None)
    if (not matches and fig.measure in ("per_100", "per_1000") and counted is not None
            and counted[3] == "count" and counted[2].code in _RATE_OF
            and (len(segs[i]) <= 5 or i and len(words_of(_COUNT_CHANGE.sub(
                " ", s[figs[i - 1].end:fig.start]))) <= 5)
            and _RATE_CUE.search(own_before)):
        # "690.503 thuê bao, đạt mật độ 116,3/100 dân": the rate of what was just counted
        code = _RATE_OF[counted[2].code]
        if confidence.known(code, framework) and confidence.possible(code, fig, framework):
            matches = [Match(code, 0.0, 0.8, counted[2].alias)]
    if (not matches and last_here is not None and last_here[3] == fig.measure
            and _AIM_ASIDE.match(s, prev_end, fig.start)):
        # "là 37,3% (mục tiêu là 75% hộ gia đình)": the aim set beside a result is of its indicator
        matches = [Match(last_here[2].code, 0.0, 0.7, last_here[2].alias)]
    if not matches and fig.measure in ("per_100", "per_1000"):
        fig = replace(fig, measure="count")
        matches = [
            m for m in match(ctx, "count", index) if confidence.possible(m.code, fig, framework)
        ]
    prev = history[-1] if history and history[-1][1] == i - 1 else None
    if (
        prev is not None
        and fig.measure == "percent"
        and prev[3] != "percent"
        and _SHARE_CUE.search(own_before)
    ):
        # "221 thủ tục, đạt tỷ lệ 24,9%": the share of what was just counted
        found = companion(prev[2].alias, fig.measure, index)
        if found:
            matches = [Match(found[0], 0.0, 0.8, found[1])]
    elif ctx.marks and (fig.measure != "count" or any(
            is_discriminator(w) for w in words_of(re.split(r"[,;]", own_before)[-1] + " "
                                                  + re.split(r"[,;]", own_after)[0]))):
        # "(gồm: 147 DVCTT mức 3 và 74 DVCTT mức 4)": the parts of a total just given; a count's
        # own piece must say its part ("100 trạm 5G, ..., phủ sóng đến 4.342 thôn": the "5G"
        # is the figure's before)
        for h in reversed(history):
            if h[3] != fig.measure:
                continue
            found = companion(h[2].alias, fig.measure, index, ctx.marks)
            if found:
                matches = [Match(found[0], 0.0, 0.8, found[1])]
            elif not matches and h[2].code in _TOTAL_OF and len(ctx.marks) == 1:
                # "1.090 vị trí trạm BTS, trong đó 1.052 vị trí có phủ sóng 4G và 38 vị trí có
                # phủ sóng 5G": the stations (or coverage) of the one generation a part names
                total = _OF_GENERATION[_TOTAL_OF[h[2].code]]
                part = total.get(next(iter(ctx.marks)).removesuffix("g"))
                if part is not None and confidence.known(part, framework):
                    matches = [Match(part, 0.0, 0.8, h[2].alias)]
            break
    if (matches and fig.measure in ("count", "vnd")
            and any(h[0] == n and h[3] == fig.measure and h[2].code == matches[0].code
                    and _PART_OF.search(s, figs[h[1]].end, fig.start) for h in history)):
        # "có ít nhất 100 doanh nghiệp công nghệ số, trong đó ít nhất có 10 doanh nghiệp công
        # nghệ số phát triển ra thị trường quốc tế", "7.518 TTHC ..., trong đó: 3.595 TTHC mới
        # và thay thế, 977 TTHC sửa đổi": the parts of a total just counted are not that total
        # again (parts another indicator names were told apart above)
        matches = []
    if (fig.measure == "count" and matches and matches[0].code.startswith("bts_")
            and _SITES.match(s, fig.end)
            and any(f.measure == "count" and f.value >= fig.value and _STATIONS.match(s, f.end)
                    for f in figs)):
        # "1.360 vị trí với 3.236 trạm": the sites are not the stations counted beside them (as
        # many or more: parts of the sites, "trong đó 900 trạm có phủ sóng 4G", are fewer)
        matches = []
    if (not matches and fig.measure == "percent" and history and history[-1][3] == "percent"
            and history[-1][2].code == "grdp_growth" and _RANKED_AFTER.search(own_before)):
        # "... ước cả năm đạt 8,3%, đứng thứ 3 vùng ĐBSCL (sau Trà Vinh tăng 10% và Hậu Giang
        # tăng 8,76%)": the growth of each province ranked before
        matches = [Match(history[-1][2].code, 0.0, 0.7, history[-1][2].alias)]
    if (not matches and fig.measure == "percent" and history and history[-1][3] == "percent"
            and _BARE_SHARE.search(own_before)):
        # "tỷ lệ kinh tế số trên GRDP của Vĩnh Phúc đạt 22,87%; đứng đầu là tỉnh Bắc Ninh với
        # tỷ trọng đạt 56,83%": a share with no words of its own is of the share just said
        matches = [Match(history[-1][2].code, 0.0, 0.7, history[-1][2].alias)]
    if (not matches and last is not None and last[0] in (n, n - 1) and fig.measure == last[3]
            and len(segs[i]) <= 6 and not ctx.after and sum(map(len, segs[:i + 1])) <= 8
            and not set(segs[i]) - set(last[2].alias.split()) - _GOING_ON_WORDS):
        # "Mức trung bình toàn quốc là 0,3 – 0,35%": a short sentence goes on about the last
        # figure, when its words say nothing else ("Thuê bao điện thoại cố định có 6.460" does)
        matches = [Match(last[2].code, 0.0, 0.5, last[2].alias)]
    if (not matches and last_here is not None and last_here[0] == n
            and fig.measure == last_here[3] and not ctx.after
            and _OWN_PLACE_ONLY.fullmatch(_placeless(*_last_clause(own_before, prev_end), named))):
        # "cả nước có 82,5% dân số trưởng thành sử dụng điện thoại thông minh; riêng tỉnh Long An
        # đạt 85%": a province named with no words of its own has the figure just said
        matches = [Match(last_here[2].code, 0.0, 0.7, last_here[2].alias)]
    if (not matches and last_here is not None and last_here[0] == n
            and fig.measure == last_here[3] and _NEXT_YEAR.match(own_before)):
        # "tỷ lệ phủ sóng 5G đạt 60%, sang năm 2026 đạt 80%": the same indicator, a year later
        matches = [Match(last_here[2].code, 0.0, 0.7, last_here[2].alias)]
    if (not matches and last is not None and last[0] in (n, n - 1) and fig.measure == last[3]
            and _THIS_FIGURE.search(own_before)):
        # "Năm 2022, con số này được ước tính là 11,91%", "nâng tỷ lệ này lên 30% vào năm 2030",
        # "Đến nay, con số này đã vượt mốc 35.000 trạm": the figure just said, again
        matches = [Match(last[2].code, 0.0, 0.6, last[2].alias)]
    if matches and fig.measure == "mbps" and flow.upload(before, figs[:i]):
        matches = []  # "tốc độ tải lên, tải xuống ... lần lượt đạt mức 99,26Mbps và ...": upload
    if (matches and fig.measure == "percent"
            and _SHARE_OF_FIGURE.search(s, max(0, fig.start - 30), fig.start)):
        matches = []  # "đóng góp 7,99% (chiếm 62%)": a part's share of the whole just given
    if not matches and fig.measure == "mbps":
        # "Cụ thể, tốc độ tải xuống đạt 99,81 Mb/s": a speed of the network the report speaks of
        code = flow.speed_at(before, figs[:i], state.speed)
        if code is not None:
            matches = [Match(code, 0.0, 0.7, "(speed)")]
    cue_end = (kinds.national_cue(own_before, s[:prev_end])
               if fig.measure not in ("rank", "rank_change") else -1)
    national = cue_end >= 0 and not any(prev_end + cue_end <= m.start < fig.start for m in named)
    if national and any((a := _COUNTRYS_OWN.match(s, m.end)) and a.end() <= fig.start
                        and a.end() >= prev_end + cue_end for m in named if m.end <= fig.start):
        # "Hà Nội và TP.HCM, hai trung tâm kinh tế lớn của cả nước, có mức tăng trưởng GRDP ...
        # lần lượt là 8% và 8,5%": the country in an aside on the provinces says what they are
        national = False
    ranked = [f for f in figs[:i] if f.measure == "rank" and f.start >= clause_start]
    if (national and ranked and _RANKED_WITH_VALUE.search(s, prev_end, fig.start)
            and any(m.start < ranked[-1].start for m in named)):
        # "Hải Dương ... vươn lên xếp thứ 13 trong 63 tỉnh, thành phố trên cả nước về xếp hạng DTI
        # 2022 với giá trị trung bình ở mức 0,6383": the value the province was ranked with
        national = False
    if (not national and fig.measure not in ("rank", "rank_change")
            and not any(clause_start <= m.start < fig.start for m in named)
            and kinds.national_subject(s[clause_start:fig.start])):
        national = True  # "cả nước đã tiếp nhận 4,3 triệu hồ sơ, trong đó ... chiếm 75,7%"
    kind = kinds.NATIONAL if national else kinds.kind_at(cues, fig.start, clause_start, doc_year, s)
    country_aim = national and kinds.aimed_since(cues, prev_end, fig.start)
    if country_aim:
        # "mục tiêu tăng trưởng cả nước năm 2025 đạt 8% trở lên": the country's aim, no average
        kind = kinds.TARGET
    if (not matches and kind == kinds.NATIONAL and history and history[-1][3] == fig.measure
            and not _SHARE_OF_FIGURE.search(s, max(0, fig.start - 30), fig.start)):
        # "đạt 9% (thấp hơn mức trung bình toàn quốc là 15%)": the same indicator, nationwide
        matches = [Match(history[-1][2].code, 0.0, 0.7, history[-1][2].alias)]
    ahead = kinds.year_right_after(s, fig.start) if kind == kinds.ACTUAL else None
    if ahead is not None and doc_year is not None and ahead > doc_year:
        kind = kinds.TARGET  # "95/100 người trưởng thành có điện thoại thông minh vào năm 2030"
    in_targets, mode_year = state.target_year(s, para, cues, fig.start)
    if in_targets and kind == kinds.ACTUAL:
        kind = kinds.TARGET  # a line under "Mục tiêu đến năm 2025:"
    aim = (state.plan_year(s, para, cues, fig.start)
           if kind == kinds.ACTUAL and not in_targets and fig.measure != "rank_change"
           and not _ranked_since(s, figs) else None)
    if aim is not None:
        # "Kinh tế số chiếm 35% GRDP." in a plan for 2030: an aim, for the year its clause names
        # before it ("mục tiêu năm 2030 lần lượt là ...") or the plan's
        said = sorted((end, y) for end, y in [*year_marks, *kinds.target_years(s)]
                      if clause_start <= end <= fig.start)
        kind = kinds.TARGET
        aim = said[-1][1] if said and said[-1][1] >= aim else aim
    tyear = (kinds.target_year(s, fig.start) or mode_year) if kind == kinds.TARGET else None
    if aim is not None:
        tyear = aim
    if kind == kinds.TARGET and tyear is None and (in_targets or state.plan
                                                   or kinds.aimed(cues, fig.start)):
        # "Phấn đấu 100% dân số ..." in a plan for 2025; in "Kế hoạch ... năm 2023", for 2023
        tyear = state.titled or _only_planned(state)
        if tyear is None and state.plan:
            tyear = state.horizon  # in a plan, the year its aims were said for last
    if kind == kinds.TARGET and tyear is None and matches and matches[0].code == "grdp_growth":
        since = _GROWTH_SINCE.match(s, fig.end)
        if since is not None:
            # "GRDP phấn đấu tăng 8%-8,5% so với năm 2023": a year's growth over the year before
            tyear = int(since.group(1)) + 1
    if kind == kinds.TARGET and tyear is None and _THIS_YEAR.search(s, clause_start, fig.start):
        tyear = state.dated or doc_year  # "Đến cuối năm, các nhà mạng dự kiến hoàn thành ..."
    own_year = _OWN_YEAR_AFTER.match(s, fig.end)
    # "Hạng 2 năm 2021, Hạng 4 năm 2022, ...": a year said right after the figure, closing its
    # item, is the figure's own, not the item's before
    dated = (int(own_year.group(1)) if own_year is not None
             else kinds.year_of_actual(year_marks, s, fig.start) or year)  # were it actual
    ayear = None if kind == kinds.TARGET else dated
    planned = (kinds.planned_year(year_marks, fig.start, clause_start, cues, state.planned,
                                  state.dated)
               if kind == kinds.ACTUAL and fig.measure not in ("rank", "rank_change")
               and not _ranked_since(s, figs) else None)
    if planned is not None:
        kind, tyear, ayear = kinds.TARGET, planned, None  # "năm 2030 chiếm 15% GRDP" in a plan
    if money == "planned" and kind == kinds.ACTUAL:
        # "dự toán hơn 389 tỷ đồng", a project's total: money budgeted, for the plan's year
        kind, ayear = kinds.TARGET, None
        tyear = kinds.target_year(s, fig.start) or mode_year or _only_planned(state)
    elif money == "spent" and kind == kinds.TARGET:
        kind, tyear, ayear = kinds.ACTUAL, None, dated
    if kind == kinds.TARGET and _reported_since(s, cues, fig):
        # "Mục tiêu năm 2023 đạt 84% ...; Số thuê bao ... đạt 22,3 triệu thuê bao, tăng 7,7% so
        # với cùng kỳ năm ngoái": a figure its own part compares with a year ago is one reached
        kind, tyear, ayear = kinds.ACTUAL, None, dated
    if (kind == kinds.TARGET and fig.measure in ("rank", "rank_change") and doc_year is not None
            and not in_targets and not kinds.aimed(cues, fig.start)):
        said = [y for end, y in year_marks if clause_start <= end <= fig.start]
        if said and said[-1] < doc_year:
            # "chỉ số CĐS (DTI) năm 2021 và 2022 lần lượt đứng thứ 63 và 60/63" in 2023: a
            # place an index gave for a year gone by, no aim
            kind, tyear, ayear = kinds.ACTUAL, None, dated
    units = ([COUNTRY] if country_aim
             else _units(s, fig, before, clause_start, named, subjects, item_unit, home, namer,
                         kind))
    opened = s.rfind("(", 0, fig.start)
    if (kind == kinds.TARGET and opened >= 0 and ")" not in s[opened:fig.start]
            and _CENTRAL_ASIDE.match(s, opened + 1, fig.start)):
        # "kinh tế số đạt tối thiểu 35–40% GRDP (so với 30% theo Nghị quyết 57)", "95% hồ sơ ...
        # (yêu cầu 85%)": the centre's requirement a province's aim is set against
        units = [COUNTRY]
    if (kind == kinds.ACTUAL and matches and matches[0].code in _OF_PRODUCT
            and _GDP.search(s, clause_start, min(len(s), fig.end + 30))
            and not any(clause_start <= m.start < fig.start for m in named)):
        # "tỷ trọng giá trị tăng thêm kinh tế số trong GDP ... đạt khoảng 12,75%": GDP is the
        # country's product (a province's is its GRDP); an aim "đạt 25-30% GDP" may be either
        units = [COUNTRY]
    if units != [COUNTRY] and kind == kinds.NATIONAL:
        kind = kinds.ACTUAL
    if units == [COUNTRY] and kind == kinds.ACTUAL:
        kind = kinds.NATIONAL  # the country's own figure, kept as the seeds keep it
    base = Candidate(
        doc=doc,
        unit=units[0],
        indicator=None,
        kind=kind,
        value=fig.value,
        value_high=fig.value_high,
        qualifier=fig.qualifier,
        year=ayear,
        target_year=tyear,
        quote=s,
        span=(sent.start + fig.start, sent.start + fig.end),
        confidence=0.0,
        measure=fig.measure,
        quote_start=sent.start,
    )
    # "Đà Nẵng, Thừa Thiên Huế, Bắc Ninh đạt giá trị trên 0,40": a band several share, each
    # one's own figure unknown; offered for a look, and no index guessed for it
    band = fig.qualifier in ("gt", "ge", "lt", "le") and len(_listed(s, named, clause_start,
                                                                     fig.start)) > 1
    if not matches:
        return [replace(base, alias=flow.NO_INDEX) if of_other or band or changed else base]
    return [replaced(base, unit=u, indicator=m.code, alias=m.alias,
                     confidence=min(confidence.of(m, fig, u), 0.45) if band
                     else confidence.of(m, fig, u))
            for m in matches for u in units]


def _listed(s: str, named: list, lo: int, hi: int) -> list:
    """The last list of provinces named between `lo` and `hi` ("Hà Nội, Đà Nẵng và Bắc Ninh")."""
    here = [m for m in named if lo <= m.start and m.end <= hi]
    group = here[-1:]
    for prev in reversed(here[:-1]):
        if not re.fullmatch(r"\s*(?:,|và|,\s*và)\s*", s[prev.end:group[0].start]):
            break
        group.insert(0, prev)
    return group


# "tăng 7,7% so với cùng kỳ năm ngoái": compared with the same time a year before, so reached
_SAME_PERIOD = re.compile(r"(?:tăng|giảm)[^;.]{0,30}?\sso với cùng kỳ(?:\s+năm\s+(?:ngoái|trước"
                          r"|\d{4}))?(?!\w)", re.IGNORECASE)


def _reported_since(s: str, cues: list, fig: Figure) -> bool:
    """Is the figure at `fig` in a part of its sentence (after a ";") that sets no target of its
    own and compares what it says with the same time a year before?"""
    start = s.rfind(";", 0, fig.start) + 1
    if start == 0 or any(start <= end <= fig.start and kind == kinds.TARGET
                         for end, kind, _w in cues):
        return False
    stop = s.find(";", fig.end)
    return _SAME_PERIOD.search(s, start, stop if stop >= 0 else len(s)) is not None


# "xếp thứ 46/63 ..., tăng 15 bậc so với năm 2021": a rank moved since a year is a result
_SINCE = re.compile(r"\s*(?:\)\s*)?(?:,\s*)?so với\s+(?:năm\s+)?(?:19|20)\d\d", re.IGNORECASE)


def _ranked_since(s: str, figs: list[Figure]) -> bool:
    """Does the sentence move a rank since a named year ("tăng 15 bậc so với năm 2021")? Then
    its figures are a published result, not a plan's, whatever year the plan is for."""
    return any(f.measure == "rank_change" and _SINCE.match(s, f.end) for f in figs)


def _only_planned(state: flow.Flow) -> int | None:
    """The year a report sets its targets for, when it names one only and no later year it
    sets none for."""
    if len(state.planned) != 1:
        return None
    year = next(iter(state.planned))
    return year if state.dated is None or year > state.dated else None


# "xếp hạng 12/63 tỉnh, thành phố về chỉ số kinh tế số", "thứ 7 cả nước về chỉ số hài lòng ...":
# what a rank is of, said right after it
_ABOUT = re.compile(r"^\s*(?:(?:các\s+)?(?:tỉnh|thành phố|thành|địa phương)[, ]*|cả nước\s*|"
                    r"toàn quốc\s*|trong\s+|trên\s+)*"
                    r"(?:về|(?:trong\s+)?bảng xếp hạng(?:\s+đánh giá)?)\s+([^,;.\d()]{3,80}?)"
                    r"(?=\s+và\s|[,;.\d()]|$)", re.IGNORECASE)
_IN_RANKING = re.compile(r"\s*trong\s+(?:(?:bảng\s+)?xếp hạng\s+(?:về\s+)?|lĩnh vực\s+)?"
                         r"([^,;.\d()]{3,80}?)(?=\s+và\s|[,;.\d()]|$)", re.IGNORECASE)
_ABOUT_WHOLE = re.compile(r"[^,;.\d]{3,120}?(?=\s*[,;.\d]|$)")  # up to the clause's end, "(" kept


# "“Chính quyền số” và “Kinh tế số” của TPHCM đều ở vị trí thứ 3/63", "Kinh tế số và Xã hội
# số đồng xếp hạng 58/63": one rank said of two indices
_SHARED = Caseless(r"([^,;:]{3,60}?)\s+và\s+([^,;:]{3,60}?)\s+(?:của\s+[^,;:]{1,30}?\s+)?"
                     r"(?:đều|đồng|cùng)\s+[^,;:\d]{0,25}$")


def _shared(before: str, fig: Figure, index: tuple[Alias, ...], framework: str) -> list[Match]:
    """The two indices a rank is shared by, when each side of "A và B đều/đồng ..." names one."""
    m = _SHARED.search(before)
    if m is None:
        return []
    out: list[Match] = []
    # each side as written (a Caseless match's groups are in lower case; folding reads
    # abbreviations by their case)
    for side in (before[m.start(1):m.end(1)], before[m.start(2):m.end(2)]):
        got = [x for x in match(context(words_of(side), [], [], []), fig.measure, index)
               if confidence.possible(x.code, fig, framework)]
        if not got or any(o.code == got[0].code for o in out):
            return []
        out.append(got[0])
    return out


def _ranked_about(after: str, matches: list[Match], fig: Figure, index: tuple[Alias, ...],
                  framework: str) -> list[Match] | None:
    """A rank is of the index named after it ("về chỉ số kinh tế số"); of none when what it
    names is no index (None: "đứng thứ 7 cả nước về tăng trưởng kinh tế", "về tỷ lệ cấp thẻ")."""
    m = _ABOUT.match(after)
    if m is None:
        # "Xếp thứ 9 trong đảm bảo An toàn thông tin mạng, đứng thứ 15 trong xếp hạng thể chế
        # số": what follows "trong" names the index when it names one ("trong 63 tỉnh" does not)
        inside = _IN_RANKING.match(after)
        if inside is not None:
            mine = [x for x in match(context(words_of(inside.group(1)), [], [], []), fig.measure,
                                     index) if confidence.possible(x.code, fig, framework)]
            if mine:
                return mine[:1]
        return matches
    about = m.group(1)
    mine = [x for x in match(context(words_of(about), [], [], []), fig.measure, index)
            if confidence.possible(x.code, fig, framework)]
    if not mine and after[m.end(1):].lstrip().startswith("và "):
        # "trong bảng xếp hạng Chỉ số hiệu quả quản trị và hành chính công (PAPI)": the "và" is
        # inside the index's name when the words before it name none
        whole = _ABOUT_WHOLE.match(after, m.start(1))
        if whole is not None:
            about = whole.group(0)
            mine = [x for x in match(context(words_of(about), [], [], []), fig.measure, index)
                    if confidence.possible(x.code, fig, framework)]
    if mine:
        return mine[:1]
    return matches if flow.family_of(about, None) is not None else None


# the words that say a rank before its number: "được đánh giá đứng thứ", "xếp hạng"
# (possessive: each word is taken once, so a piece that is no run of them fails at once)
_RANK_WORDS = re.compile(r"(?:\s*(?:được|đã|tiếp tục|vươn lên|lên|đánh giá|xếp hạng|xếp|đứng|giữ|"
                         r"đạt|ở|nằm|vị trí|thứ hạng|hạng|thứ|năm (?:19|20)\d\d))*+\s*$",
                         re.IGNORECASE)
_TOPIC_LEAD = re.compile(r"\s*(?:chẳng hạn,\s*|cụ thể,\s*)?(?:về|đối với|với|trong lĩnh vực)\s+"
                         r"([^,;\d]{3,80}),", re.IGNORECASE)
# a thing ranked, not the province: "Cổng dịch vụ công Hải Dương được xếp hạng đứng thứ 7"
# a province's own agencies and districts, ranked by it: named before the rank ("Sở Giáo dục và
# Đào tạo xếp thứ Nhất") or after it ("Xếp thứ 2 là Sở Thông tin và Truyền thông")
_AGENCY = re.compile(r"\s*(?:(?:Sở|Ban|Văn phòng|Thanh tra)\s+[A-ZĐÀ-Ỹ]|(?:UBND|Ủy ban nhân dân|"
                     r"Uỷ ban nhân dân)\s+(?:huyện|thị xã|thành phố|TP)|[Hh]uyện\s|[Tt]hị xã\s)")
_AGENCY_AFTER = re.compile(r"\s*(?:/\s*\d+\s*)?(?:(?:là|thuộc về)\s+)?(?:(?:Sở|Ban|Văn phòng)\s+"
                           r"[A-ZĐÀ-Ỹ]|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|huyện\s|thị xã\s)")
_PROCEDURES_WORKED = Caseless(r"(?<!\w)(?:đơn giản hóa|đơn giản hoá|cắt giảm|bãi bỏ|sửa đổi|"
                              r"bổ sung|thay thế|rà soát)\s*$")
_PAST_STREAK = Caseless(r"(?<!\w)sau\s+(?:nhiều|\d+|hai|ba|bốn|năm)\s+năm\s+"
                        r"(?:liên tục|liền|liên tiếp)[^,;.\d]{0,40}$")
_PIECE_COMMA = re.compile(r",(?!\d)")
_SCORE_ASIDE = re.compile(r"\s*(?:/\s*\d+\s*)?\(\s*")
# a province named between the agency and the rank is the one ranked ("Văn phòng Chính phủ đánh
# giá tỉnh Lâm Đồng đứng vị trí 12/63"), as is the central government's
_PROVINCE_RANKED = re.compile(r"tỉnh\s+[A-ZĐÀ-Ỹ]|Chính phủ|Trung ương")


def _agency_ranked(s: str, clause_start: int, fig: Figure) -> bool:
    """Is the rank at `fig` of an agency or a district of the province (named in its piece of
    the clause before it, or right after it)? A decimal comma ("(71,05 điểm) và Sở ...") cuts
    no piece."""
    comma = max((m.end() for m in _PIECE_COMMA.finditer(s, 0, fig.start)), default=0)
    start = max(clause_start, comma, s.rfind(":", 0, fig.start) + 1)
    if _AGENCY.match(s, start) is not None:
        return _PROVINCE_RANKED.search(s, start, fig.start) is None
    return _AGENCY_AFTER.match(s, fig.end) is not None


_THING_RANKED = re.compile(r"\s*(?:cổng|trang|hệ thống|ứng dụng|nền tảng|trung tâm|website)\s",
                           re.IGNORECASE)


def _has_rank(code: str, framework: str) -> bool:
    """Is there a rank of what `code` measures ("dti_score", "dti_rank_change": "dti_rank")?"""
    base = code
    for suffix in ("_rank_change", "_rank", "_score"):
        base = base.removesuffix(suffix)
    return confidence.known(base + "_rank", framework)


def _ranked_other(s: str, clause_start: int, fig: Figure, index: tuple[Alias, ...],
                  framework: str) -> bool:
    """Is a rank no index names of something no index measures? The indicator named just
    before it ("số hộ có cáp quang băng rộng đứng thứ 15 toàn quốc"), a thing ranked ("Cổng dịch
    vụ công ... đứng thứ 7") or a topic led with "Về ..." that names no index ("Về cấp độ an
    toàn thông tin, tỉnh ... đứng thứ 3"): no index is guessed for it."""
    lead = _TOPIC_LEAD.match(s, clause_start)
    if (lead is not None and lead.end() <= fig.start and flow.family_of(lead.group(1), None) is None
            and not mentions(lead.group(1))  # "Đối với tỉnh Ninh Thuận, ...": whose, no topic
            and not match(context(words_of(lead.group(1)), [], [], []), "rank", index)):
        return True  # a topic that names no index, nor a pillar of one
    start = max(clause_start, s.rfind(",", 0, fig.start) + 1, s.rfind(":", 0, fig.start) + 1)
    piece = s[start:fig.start]
    if _THING_RANKED.match(piece):
        return True
    core = piece[:_RANK_WORDS.search(piece).start()]
    if not core.strip():
        return False
    ctx = context(words_of(core), [], [], [])
    return any(m.confidence >= 0.7 and not _has_rank(m.code, framework)
               for measure in ("percent", "count") for m in match(ctx, measure, index))


def _units(s: str, fig: Figure, before: str, clause: int, named: list, subjects: list,
           item_unit: str | None, home: str | None, namer: UnitNamer,
           kind: str) -> list[str | None]:
    """Whose figure it is (see `attribution`); None when it is a ministry's, an operator's, a
    district's or a region's. `clause`: where the figure's clause starts."""
    if _MINISTRIES_AFTER.match(s, fig.end):
        return [None]  # "giá trị trung bình DTI 2023 là 0,6355 với các bộ ...": the ministries'
    if _group_says(s, clause, fig.start, named, plain=kind != kinds.BENCHMARK):
        return [None]
    if (_EXTREME_BEFORE.search(s, max(clause, fig.start - 40), fig.start)
            and not any(clause <= m.start < fig.start for m in named)):
        return [None]  # "Giá trị DTI thấp nhất (0.0992) và cao nhất (0.2995)": a group's ends
    portal = _PORTAL_SUBJECT.search(s, clause, fig.start)
    if portal and not any(portal.end() <= m.start < fig.start for m in named):
        return [None]  # "Cổng DVC quốc gia ... đã cung cấp 3.805 DVC": the national portal's own
    country = [m for m in _COUNTRY_SUBJECT.finditer(s, clause, fig.start)]
    if country and not any(country[-1].end() <= m.start < fig.start for m in named):
        return [COUNTRY]
    opening = _SOURCE_OPENING.match(s)
    if kind == kinds.NATIONAL:
        if any(x.province is None and clause <= x.start and x.end <= fig.start
               and not _SOURCE_BEFORE.search(s[max(0, x.start - 40):x.start])
               and not (opening and x.end <= opening.end())
               and not _REPORTS_AFTER.match(s, x.end) for x in subjects):
            return [
                None
            ]  # "các bộ, cơ quan ngang bộ có giá trị trung bình DTI là 0,4595": the ministries'
        return [COUNTRY]
    if item_unit is not None:
        return [namer.name(mentions(item_unit)[0].name)]
    if fig.measure == "rank":
        after = attribution.named_after(s, fig.end, named, fig.start)
        if after is not None:
            return [namer.name(after)]
    # a subject in an aside closed before the figure is the aside's: "(theo Quyết định công bố
    # của các bộ, ngành) đạt 100%"
    near = [x for x in subjects if x.end <= fig.start and not _aside_before(s, x, fig.start)
            and not (x.province is None and _REPORTS_AFTER.match(s, x.end))
            and not (opening and x.end <= opening.end())]
    if (near and near[-1].province is None and not any(clause <= m.start < fig.start for m in named)
            and not (near[-1].organisation
                     and _SOURCE_BEFORE.search(s[max(0, near[-1].start - 60):near[-1].start]))):
        # "Bộ Công Thương dẫn đầu với tỷ lệ 83,48%": a ministry's, not the province's; a
        # province's organisation publishing it ("Theo Cục Thống kê Phú Yên, ...") is its source
        return [None]
    own = _units_for(before, None, named)
    units = [namer.name(u) if u else home for u in own]
    mine = _HOME_WORD.search(s, clause, fig.start)
    if own == [None] and mine and home is not None:
        return [home]  # "tỉnh nhà đứng cuối bảng xếp hạng, với tổng điểm ... là 0,5208"
    if own == [None] and _WITH_OPENING.search(before):
        # "Với điểm số PCI năm 2023 đạt 71,25 điểm, Quảng Ninh tiếp tục ...": the subject follows
        # a comma of the sentence, not a decimal's ("tăng 0,2052 điểm"), and not a province it
        # is compared with ("chỉ xếp sau TP Đà Nẵng")
        later = [m for m in named if m.start >= fig.end
                 and _SENTENCE_COMMA.search(s, fig.end, m.start)
                 and not _COMPARED_WITH.search(s, fig.end, m.end)]
        if later and not any(x.start < later[0].start for x in subjects if x.start >= fig.end
                             and x.province is None):
            return [namer.name(later[0].name)]
    return [home] if units == [None] else units


_GROWTH_SINCE = re.compile(r"\s*%?\s*so với\s+(?:cùng kỳ\s+)?năm\s+((?:19|20)\d\d)(?![\d–-])",
                           re.IGNORECASE)
_URBAN_OR_RURAL = Caseless(r"(?<!\w)(?:ở|tại|khu vực|vùng)\s+(?:thành thị|nông thôn|đô thị)(?!\w)")
_TIMES_COUNTED = Caseless(r"(?<!\w)(?<!lần )lượt(?!\w)")
_FIXED_NETWORK = Caseless(r"(?<!\w)(?:băng rộng cố định|internet cố định|cáp quang)(?!\w)")
_MOBILE_NETWORK = Caseless(r"(?<!\w)(?:di động|[2-5]g|phủ sóng|sóng)(?!\w)")
# a share's head opening a figure's own words: "... và tỷ lệ hồ sơ giải quyết đúng hạn đạt" (not
# one that points back: "tỷ lệ này", "tỷ lệ trên", "tỷ lệ tương ứng"; nor "đạt tỷ lệ 61%", the
# share of what was just counted)
_OWN_SHARE_HEAD = Caseless(r"(?<!\w)(?:tỷ lệ|tỉ lệ)(?!\w)(?!\s+(?:này|trên|đó|tương ứng|"
                           r"tương đương|là|đạt|chiếm|tăng|giảm|chỉ|mới|vẫn|còn|cũng)(?!\w))"
                           r"(?=\s+[^\W\d])")
# shares of and growth in the economy's product, and the country's product named ("GDP" with no
# province's after it)
_OF_PRODUCT = frozenset({"digital_economy_grdp_share", "grdp_growth"})
_GDP = re.compile(r"\bGDP\b(?!\s+(?:của\s+)?(?:toàn\s+)?(?:tỉnh|thành phố|địa phương))")
# a share of the figure just given, in brackets after it: "đóng góp 7,99% (chiếm 62%)"
_SHARE_OF_FIGURE = Caseless(r"\d\s*%\s*\(\s*(?:chiếm|bằng|tương đương)\s*$")
# the parts of the digital economy: its core (ICT) and the digitalisation of other sectors
_ECONOMY_PART = Caseless(r"(?<!\w)(?:kinh tế số lõi|kinh tế số ict|số hóa các ngành|số hoá các "
                         r"ngành|kinh tế số ngành|kinh tế số nền tảng)(?!\w)")
# a clause opening with a share's name, then whom or when it is of: "Tỷ lệ thanh toán trực tuyến
# khi người dân ... thực hiện thủ tục"
_SHARE_HEAD = Caseless(r"\W*(?:[-+•]\s*)?(?:tỷ lệ|tỉ lệ)\s+([^\d,;:()]{4,80}?)\s+"
                       r"(?:khi|của|tại|trên địa bàn|đối với|trong|ở|thuộc)\s")
# the report's own province, named so: "tỉnh nhà đứng cuối bảng xếp hạng"
_HOME_WORD = Caseless(r"(?<!\w)(?:tỉnh|thành phố|địa phương|quê) nhà(?!\w)")
# a group of provinces as a figure's subject: "nhiều tỉnh, thành tỷ lệ này ... chỉ ở mức 0,07",
# "một số địa phương mới đạt 40%", "các tỉnh còn lại dưới 0,3"
_GROUP = Caseless(r"(?<!\w)(?:(?:nhiều|một số|một vài|số ít)\s+(?:tỉnh|địa phương|thành phố|"
                  # "Một số cơ quan triển khai 100% DVCTT mức 3 và 4": some of the province's, not
                  # the province's own figure
                  r"cơ quan|đơn vị|sở|ngành|huyện|xã)|"
                  r"(?:các|những)\s+(?:tỉnh|địa phương)(?:,\s*thành(?: phố)?)?\s+còn lại|"
                  # "với tỉnh tăng cao nhất là 9,39%": one province, not named
                  r"(?:tỉnh|địa phương)\s+(?:[^\W\d]+\s+){0,2}?(?:cao|thấp)\s+nhất)(?!\w)")
# the lowest or highest of a group, said with no one named: "thấp nhất (0.0992)", "cao nhất là"
_EXTREME_BEFORE = Caseless(r"(?<!\w)(?:thấp|cao) nhất\s*(?:là|đạt|với|ở mức)?\s*[(:]?\s*$")
_AVERAGE_WORD = Caseless(r"trung bình|bình quân|cả nước|toàn quốc")
# ("3 bộ chỉ số", "các bộ phận" are no ministries)
_MINISTRIES = Caseless(r"(?<!\w)(?:(?:các|những|nhóm\s+\d+|\d+)\s+bộ(?!\s+(?:chỉ số|tiêu chí|phận|"
                       r"máy|dữ liệu|công cụ|hồ sơ|tài liệu))(?:,\s*(?:cơ quan|ngành))?|cấp bộ)"
                       r"(?!\w)")
_MINISTRY_WORDS = re.compile("bộ|Bộ|BỘ")


@functools.lru_cache(maxsize=64)
def _groups_in(s: str) -> tuple[tuple[int, int], ...]:
    """Where a sentence names a group of provinces, searched once for all its figures (and only
    in a sentence holding one of the words every group's name holds, as written in lower, title
    or upper case: most sentences hold none)."""
    if _GROUP_WORDS.search(s) is None:
        return ()
    return tuple(m.span() for m in _GROUP.finditer(s))


_GROUP_WORDS = re.compile("nhiều|Nhiều|NHIỀU|một|Một|MỘT|ít|Ít|ÍT|lại|LẠI|nhất|NHẤT")


# the provinces as a whole, named in a clause that names none of them: "các địa phương", "phần
# lớn các tỉnh, thành phố"
_PLAIN_GROUP = Caseless(r"(?<!\w)(?:(?:phần lớn|đa số|hầu hết)\s+(?:các\s+)?|các\s+|những\s+)"
                        r"(?:tỉnh|địa phương)(?:,?\s*thành(?: phố)?)?(?!\w)")


def _group_says(s: str, clause: int, position: int, named: list, plain: bool = True) -> bool:
    """Is the figure at `position` said of a group of provinces named before it in its clause,
    no province nor the country's average named between: neither a province's figure nor the
    national average ("so với tỷ lệ trung bình chung (0,677)" after it is the average)? `plain`:
    the provinces as a whole ("các địa phương") are such a group too."""
    if _MINISTRY_WORDS.search(s):
        # "DTI 2020 của các bộ cung cấp dịch vụ công trung bình là 0,3982", "trong 7 bộ, ngành
        # ..., Đài Truyền hình Việt Nam xếp vị trí thứ nhất": ministries', even their average
        said = [m for m in _MINISTRIES.finditer(s, clause, position)
                if not (s.rfind("(", 0, m.start()) > s.rfind(")", 0, m.start())
                        and ")" in s[m.end():position])]  # "(theo Quyết định ... các bộ, ngành)"
        # "Hiện mới có Hà Nội, Huế và 2 Bộ Y tế, Bộ TT&TT công bố ... đạt 100%": provinces named
        # beside the ministries keep their figure
        if said and not any(clause <= m.start < position for m in named):
            return True
    # (not a benchmark's: "kinh nghiệm của các tỉnh đã đạt tỷ lệ dùng chung tới 30%" is set
    # before the report's province, and is its)
    group = (_PLAIN_GROUP.search(s, clause, position)
             if plain and ("các" in s or "những" in s or "Các" in s or "Những" in s) else None)
    ends = s.find(";", position)
    if group and not any(clause <= m.start < (len(s) if ends < 0 else ends) for m in named) and (
            _AVERAGE_WORD.search(s, clause, position) is None):
        # "tốc độ tăng trưởng GRDP của các địa phương năm 2025 dao động từ 5,84% đến 11,89%",
        # "Phần lớn các địa phương có tốc độ tăng trưởng trên 7%": the provinces', no one's (a
        # province named in the clause, after it too, or their average keep theirs)
        return True
    groups = _groups_in(s)
    if not groups:
        return False  # most sentences
    found = [end for start, end in groups if clause <= start and end <= position]
    if not found:
        return False
    g = found[-1]
    return (not any(g <= m.start < position for m in named)
            and _AVERAGE_WORD.search(s, g, position) is None)


# "Bộ TT-TT cho biết, ...": who says it, a source, not whose figure it is
_REPORTS_AFTER = re.compile(r"[^,;.()\d]{0,40}?\s(?:vừa\s+|đã\s+|cũng\s+)?"
                            r"(?:cho biết|thông tin|thông báo|báo cáo|công bố|nhận định|dự báo|"
                            r"nhấn mạnh)\s*[,:]", re.IGNORECASE)


def _aside_before(s: str, x: attribution.Subject, position: int) -> bool:
    """Is `x` inside brackets that close before `position`?"""
    opened = s.rfind("(", 0, x.start)
    closed = s.find(")", x.end, position)
    return opened >= 0 and closed >= 0 and s.find(")", opened, x.start) < 0


# the country as a sentence's subject: "Việt Nam có 87% dân số", "hạ tầng số của Việt Nam ..."
_COUNTRY_SUBJECT = Gated(r"(?:^|,\s*|của\s+)Việt Nam\s+(?:có|đạt|đã|đứng|xếp|hiện|là|"
                              r"phát triển|tiếp tục)(?!\w)|(?<!\w)của Việt Nam(?!\w)")
# shares of the whole population (or its adults), and the groups whose share is not one
_OF_THE_PEOPLE = frozenset({"bank_account_adult_share", "epayment_account_share",
                            "smartphone_adult_share", "eid_user_share",
                            "digital_signature_adult_share", "dvc_adult_users_share"})
_SUBGROUP = re.compile(r"(?<!\w)(?:người có công|thân nhân|học sinh|sinh viên|hộ nghèo|"
                       r"người cao tuổi|cán bộ|công chức|viên chức|người lao động|tiểu thương|"
                       r"đối tượng bảo trợ|người hưởng)(?!\w)", re.IGNORECASE)
# the national public-service portal as a clause's subject (not the place a province's dossiers
# go through: "hồ sơ ... trên Cổng DVC quốc gia đạt 80%")
_PORTAL_SUBJECT = re.compile(
    r"(?:^|[,:;]\s*|\.\s+)(?:Cụ thể,?\s*|Hiện nay,?\s*|Đến nay,?\s*)?"
    r"Cổng (?:DVC|Dịch vụ công) quốc gia\s+(?:[^,;]{0,60}?,\s*)?"
    r"(?:đã|hiện|đến nay|có|cung cấp|tích hợp)(?!\w)", re.IGNORECASE)
_MINISTRIES_AFTER = re.compile(r"\s*(?:điểm\s*)?(?:với|của|ở|đối với)\s+(?:các|những)?\s*bộ(?!\w)",
                               re.IGNORECASE)
# a sentence opening with its source: "Theo Cục Thống kê (Bộ Tài chính), ..." (the ministry in
# the bracket publishes the figures, it does not own them)
# "Theo số liệu được công bố tại Hội nghị ... của Bộ Khoa học và Công nghệ (Khối Bưu chính, Viễn
# thông), ...": a source opening a sentence, an aside in brackets within it
_SOURCE_OPENING = re.compile(r"\W*(?:theo|căn cứ|dẫn)\s(?:[^,;()]|\([^();]{0,60}\)){0,160}?,",
                             re.IGNORECASE)
# who published a figure is not whose it is: "Theo công bố của Bộ KH&CN", "Báo cáo DTI của Bộ"
_SOURCE_BEFORE = re.compile(r"(?:của|theo|từ|thông tin từ|báo cáo|công bố)\s*$", re.IGNORECASE)
_WITH_OPENING = re.compile(r"(?:^|,)\W*(?:với|bằng)\s[^,;]*$", re.IGNORECASE)  # the figure's clause




def named_in(
    text: str, fig: Figure, index: tuple[Alias, ...], framework: str
) -> list[tuple[str, str]]:
    """The indicators `text` names anywhere that a figure like `fig` can be of, best first, as
    (code, alias): for a list whose indicator is said before or after it."""
    words = words_of(text)
    best: dict[str, Match] = {}
    for end in range(len(words), 0, -1):
        ctx = context(words[max(0, end - 12):end], [], [], [])
        for m in match(ctx, fig.measure, index):
            if confidence.possible(m.code, fig, framework) and (
                    m.code not in best or m.confidence > best[m.code].confidence):
                best[m.code] = m
    ranked = sorted(best.values(), key=lambda m: -m.confidence)
    if len(ranked) > 1 and ranked[1].confidence >= ranked[0].confidence - 0.05:
        return []  # two indicators named as well: not sure which
    return [(m.code, m.alias) for m in ranked]


def header_name(
    label: str, fig: Figure, index: tuple[Alias, ...], framework: str
) -> tuple[str, str] | None:
    """The indicator a table's header (or a row's label) names for values like `fig`: the
    alias nearest its end ("Xếp hạng DTI ... Chỉ số Nhận thức số" is the awareness index)."""
    # "Tỷ lệ hồ sơ công việc ... | Cấp tỉnh": a row under a label
    label, _, sub = label.partition(" | ")
    words = words_of(re.sub(r"\([^()]*\)", " ", label))
    own = words_of(sub)
    for end in range(len(words), 0, -1):
        ctx = context(words[max(0, end - 12):end] + own, [], [], own)
        found = [
            m for m in match(ctx, fig.measure, index) if confidence.possible(m.code, fig, framework)
        ]
        if found:
            return found[0].code, found[0].alias
    return None
