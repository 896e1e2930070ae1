"""What kind of figure it is: actual, national average, target (with its year) or benchmark.

Read from the words before the figure in its sentence, the nearest cue winning: "hiện", "đã",
"mới" say actual; "mục tiêu", "phấn đấu", "cần", "phải", "nên", "đề xuất" say target; "trung
bình toàn quốc" says national average; "kinh nghiệm của các tỉnh" says benchmark.
"""

from __future__ import annotations

import functools
import re

from chiso.extract.caseless import Caseless, Gated
from chiso.extract.forms import CLOSED_BRACKET

ACTUAL, NATIONAL, TARGET, BENCHMARK = "actual", "national_average", "target", "benchmark"

_CUES: tuple[tuple[str, str], ...] = (
    # national average
    ((r"trung bình (?:của )?(?:toàn quốc|cả nước)|(?:toàn quốc|cả nước)|mức trung bình|"
     r"mức \w+ trung bình|bình quân (?:chung )?(?:toàn quốc|cả nước)|national average|nationwide|"
     r"cấp quốc gia|(?:DTI|chỉ số|chỉ số DTI) quốc gia|"
     r"(?:đối với|ở) cấp tỉnh, (?:giá trị|chỉ số|điểm)|khối tỉnh|"
     r"trung bình (?:chung )?(?:cấp tỉnh|các tỉnh|của các tỉnh|63 tỉnh|34 tỉnh)|"
     r"cấp tỉnh (?:trung bình|bình quân)|"  # "DTI 2020 cấp tỉnh trung bình là 0,3026"
     r"(?:giá trị|điểm số|điểm|mức điểm|chỉ số) (?:trung bình|bình quân|trung vị)"
     r"(?! của (?:địa phương|tỉnh|huyện))"),
     NATIONAL),
    # benchmark
    ((r"kinh nghiệm|tham khảo|các tỉnh (?:khác|bạn|đã)|tỉnh bạn|thế giới|quốc tế|khu vực asean|"
     r"các nước|benchmark|best practice"), BENCHMARK),
    # target
    ((r"mục tiêu|chỉ tiêu|phấn đấu|kế hoạch|định hướng|dự kiến|cần|phải|nên|đề xuất|đề nghị|"
     r"kiến nghị|yêu cầu|chỉ đạo|cân nhắc|muốn|mong muốn|sẽ|có thể|dành|nâng|đưa|đẩy lên|"
     # "hướng tới", "tiến tới" before a figure, a year or an aim ("chính quyền điện tử hướng tới
     # xây dựng chính quyền số, với tỷ lệ ... đạt 35%": a direction, no aim of that figure)
     r"(?:hướng tới|tiến tới)(?=\s+(?:mục tiêu|năm|đạt|việc|\d))|"
     r"đến năm|đến hết năm|đến cuối năm|vào năm|tới năm|đến tháng|"
     r"nếu|giả sử|theo tính toán|target|aim|plan|should|must|will|by 20\d\d|"
     # a floor is an aim's ("đạt tối thiểu 80%", "bố trí ít nhất 3% tổng chi"), as is a resolve
     r"tối thiểu|ít nhất|quyết tâm"), TARGET),
    # actual
    # "ước đến năm 2020 đạt 2.983 trạm": an estimate of that year; "góp phần đưa tỷ lệ ... đạt
    # 100%": what the work brought
    ((r"ước (?:tính )?(?:đến|tới) (?:hết |cuối )?năm|góp phần (?:đưa|nâng)|với kết quả|"
      r"đã (?:đưa|nâng|dành|đạt được|đẩy lên|có thể|cung cấp)|hiện nay|hiện tại|hiện|đã|mới|"
     r"thực tế|năm qua|vừa qua|chỉ có|chỉ đạt|đạt|ước đạt|ước|"
     r"tính đến|tính tới|đến nay|hiện có|kết quả thực hiện|"
     r"chiếm|currently|reached|achieved"), ACTUAL),
)
_CUE_RE = Caseless(  # one look-behind for all: a place mid-word is given up at once
    "(?<!\\w)(?:" + "|".join(f"(?P<c{i}>(?:{p})(?!\\w))" for i, (p, _) in enumerate(_CUES)) + ")"
)
_KIND_OF = {f"c{i}": k for i, (_, k) in enumerate(_CUES)}
# words that contain a cue but are not one: "thực hiện" is not "hiện" (now)
_NOT_CUES = Caseless(r"(?<!kết quả )thực hiện|xuất hiện|thể hiện|phát hiện|hiện đại|hiện thực|"
                       # ", nên ..." is "so", not "should"; "lãnh đạo, chỉ đạo" is leadership
                       r",\s*nên|lãnh đạo,? chỉ đạo|"
                       # "... nên năm 2023, chỉ số ... được xếp thứ 15": "so", before a time
                       r"nên(?=\s+(?:năm|đến nay|hiện nay|trong năm)\s)|"
                       # "nông thôn mới" (the new countryside programme), "đổi mới" (renewal):
                       # no "mới" (just now); "nâng cấp" (upgrade) is no "nâng" (raise to)
                       r"nông thôn mới|đổi mới|nâng cấp|"
                       # "Chương trình mục tiêu quốc gia" (a programme's name), "cần thiết"
                       # (needed), "đưa vào sử dụng" (put into use): no aim of a figure
                       r"chương trình mục tiêu quốc gia|mục tiêu quốc gia|cần thiết|"
                       r"đưa vào (?:sử dụng|hoạt động|vận hành|khai thác|phát sóng)|"
                       r"ban chỉ đạo|sở kế hoạch(?: và đầu tư)?|"
                       # a document's name, "Kế hoạch số 12/KH-UBND"; "phải đối mặt" (had to
                       # face): no aim
                       r"kế hoạch (?:số\s*)?\d+\s*/|kế hoạch số|"
                       r"phải (?:đối mặt|đối diện|chịu|gánh|trải qua)|"
                       # "nâng cao chất lượng phục vụ", a common aim of work, of no figure
                       r"nâng cao\s+(?:chất lượng|hiệu quả|hiệu lực|năng lực|nhận thức|trình độ|"
                       r"vai trò|đời sống|kỹ năng|ý thức|tinh thần|công tác)|"
                       # targets met are results: "thực hiện đạt và vượt 08/17 chỉ tiêu"
                       r"(?:đạt và vượt|đạt,? vượt|vượt|hoàn thành|đạt)\s+(?:[\d/]+\s+)?chỉ tiêu|"
                       # "có nhiều chỉ tiêu đạt khá, như: 100% xã ...": results, said well met
                       # ("các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch, trong đó ...")
                       r"chỉ tiêu(?:\s+[^\s,.;:\d]+){0,6}?\s+(?:đều\s+)?"
                       r"(?:đạt|vượt)\s+(?:khá|tốt|cao|và vượt(?: kế hoạch)?|kế hoạch)|"
                       r"đạt được hiệu|"
                       r"sẽ được|nên được|ban chỉ đạo|kế hoạch và đầu tư|"
                       # an agency's name: "Cơ quan Phát triển Quốc tế Hoa Kỳ (USAID)"
                       r"(?:phát triển|hợp tác|thương mại|tổ chức|hội nhập) quốc tế|"
                       # "Nếu như năm 2021 ... đạt 42,16 điểm, thì đến năm 2022 ...": a contrast
                       # of two years, no condition
                       r"nếu như(?= [^,.;]{0,60}?năm (?:19|20)\d\d)|thì đến(?= năm)|"
                       # the service index's name: "chỉ số chỉ đạo, điều hành và phục vụ ..."
                       r"chỉ đạo,? điều hành|"
                       # a plan met is a result: "vượt 0,13% so với kế hoạch", "đạt kế hoạch"
                       # (the plan's own figure after it is an aim: "vượt kế hoạch đề ra là 8%")
                       r"(?:so với|so|vượt|đạt|hoàn thành) kế hoạch"
                       r"(?!\s+(?:(?:đề ra|đặt ra|năm)\s+)?(?:là\s+)?\d)|"
                       # adopting targets is not having reached them: "đã đặt rõ mục tiêu ... sẽ"
                       r"đã (?:thông qua|ban hành|phê duyệt|đề ra|xác định|đặt ra|đặt rõ|nhất trí)|"
                       r"kế hoạch - đầu tư|"
                       # a total raised is what the work brought, unless a year or a plan says
                       # otherwise: "xây dựng mới thêm các trạm BTS, nâng tổng số ... lên 9.433"
                       r"nâng tổng(?: số)?|"
                       # "mới" as "new" after a noun, not "only just" before a verb: "nhiệm kỳ mới",
                       # "nông thôn mới", "kỷ nguyên mới"
                       r"(?:nhiệm kỳ|giai đoạn|thời kỳ|kỷ nguyên|nông thôn|mô hình|cách làm|"
                       r"động lực|không gian|phương thức|xu hướng|tầm cao|sản phẩm|công nghệ|"
                       r"thành lập|đầu tư|xây dựng|đổi) mới(?! (?:đạt|chỉ|có|được|hoàn thành))")
# targets read from a year alone ("vào năm 2022"): a year already past is an actual figure's
_YEAR_CUES = frozenset({"đến năm", "vào năm", "tới năm", "đến tháng", "đến hết năm",
                        "đến cuối năm"})
# cues of intent that give way to an "đã" before them: "đã được số hóa..., nâng tỷ lệ ... lên 60%"
_WEAK_TARGET = frozenset({"nâng", "đưa", "dành", "đẩy lên", "sẽ", "có thể"})
# "Tính đến hết năm 2024, ... người dân có thể sử dụng": what can be done now, not an aim
_DONE_FIRST = frozenset({"đã", "tính đến", "tính tới", "hiện nay", "hiện có", "đến nay",
                         "hiện tại"})
_YEAR_AFTER = re.compile(r"^\s*(?:\d{1,2}\s*/\s*|quý\s+[IVX\d]+\s*/\s*)?((?:19|20)\d\d)",
                         re.IGNORECASE)
_TARGET_YEAR = Caseless(
    r"(?:đến|tới|vào|trong|hết|cuối|từ nay đến|giai đoạn \d{4}\s*[-–]\s*|mục tiêu|chỉ tiêu|by|in)"
    r"\s+"
    r"(?:năm|quý\s+[IVX\d]+/?|"
    r"tháng\s+\d+/?)?\s*((?:19|20)\d\d)|(?:quý\s+[IVX\d]+|tháng\s+\d+)\s*/\s*((?:19|20)\d\d)"
)
_ANY_YEAR = re.compile(r"(?<![\d/.,])((?:19|20)\d\d)"
                       r"(?![\d/.,]\d|\s*(?:%|người|tỷ|triệu|nghìn|đồng))")
_ACTUAL_YEAR = Caseless(r"(?:năm|trong năm|year)\s+((?:19|20)\d\d)(?!\s*[-–]\s*\d)")
# an index's edition, "DTI 2023", "PAR Index 2022", "PCI 2021": the year its results are of,
# never a year a plan aims at
_EDITION_YEAR = Caseless(r"(?<![\w-])(?:dti|pci|papi|sipas|par index)\s*((?:19|20)\d\d)(?![\d–-])")
_EDITION_GLOSSED = re.compile(r"(?<![\w-])(?:dti|pci|papi|sipas|par index)\s*((?:19|20)\d\d)\s*"
                              r"\(\s*$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:]|\s(?:và|còn|sang)\s")
# "tăng 3.422 DN so với tháng 12-2021": a year a figure is compared with is no year of a target
_BASE_OF = re.compile(r"so với\s+(?:cùng kỳ\s+|cuối\s+|đầu\s+)?(?:năm|tháng|quý)?[\s\dIV/.-]*$",
                      re.IGNORECASE)


Cue = tuple[int, str, str]  # (end offset, kind, word)


def cues(sentence: str) -> list[Cue]:
    """The kind cues of a sentence, in order (found once, used for each of its figures)."""
    masked = _NOT_CUES.spans(sentence, "_")
    return [(m.end(), _KIND_OF[m.lastgroup or ""], m.group(0).lower())
            for m in _CUE_RE.finditer(masked)]


# "... và hơn 60% dân số", "... có thể tra cứu; tỷ lệ hồ sơ trực tuyến đạt 60%"
_NEW_CLAUSE = re.compile(r"\svà\s+(?:hơn|gần|trên|khoảng)?\s*\d|;")


def kind_at(found: list[Cue], position: int, clause_start: int = 0, doc_year: int | None = None,
            sentence: str = "") -> str:
    """The kind of a figure starting at `position`, from its sentence's cues before it: the
    nearest decides; "đạt" is weak ("phải đạt 20%" is a target); a comparison with other places
    holds only in its clause; a target read from a year that is past is an actual figure."""
    before = [c for c in found if c[0] <= position and (c[1] != BENCHMARK or c[0] > clause_start)]
    strong = any(k in (TARGET, BENCHMARK) for _, k, _ in before)
    for k, (end, kind, word) in reversed(list(enumerate(before))):
        if kind == NATIONAL:  # decided by `national_cue` on the figure's own stretch of text
            continue
        if kind == ACTUAL and word in ("đạt", "chiếm") and strong:
            continue
        if (kind == TARGET and word in _WEAK_TARGET
                and any(w in _DONE_FIRST for _, _, w in before[:k])):
            return ACTUAL
        if (kind == TARGET and word == "có thể" and sentence
                and _NEW_CLAUSE.search(sentence, end, position + 1)):
            # "3G và 4G đều có thể được truy cập trên toàn tỉnh và hơn 60% dân số sở hữu điện
            # thoại thông minh": what can be done in one clause says nothing of the next
            continue
        if kind == TARGET and word in _YEAR_CUES and doc_year is not None:
            m = _YEAR_AFTER.match(sentence[end:end + 16])
            if (m and int(m.group(1)) < doc_year
                    or (m and word in ("vào năm", "đến tháng") and int(m.group(1)) <= doc_year)):
                continue
        return kind
    return ACTUAL


def kind_of(before: str) -> str:
    """The kind of a figure given the text before it (its sentence up to the figure)."""
    return kind_at(cues(before), len(before))


_NATIONAL_RE = Caseless(f"(?<!\\w)(?:{_CUES[0][0]})(?!\\w)")


# "cao nhất cả nước", "xếp thứ 2 toàn quốc": the province compared with the country,
# not the country
_RANKED_IN_COUNTRY = re.compile(
    r"(?:cao nhất|thấp nhất|lớn nhất|nhỏ nhất|đứng đầu|dẫn đầu|đứng thứ|xếp thứ|thứ \w+|top \w+|"
    r"nhóm \w+|"
    # "dẫn đầu các tỉnh, thành phố trong cả nước với chỉ số PAR Index đạt 92,18%"
    r"trong top|trong nhóm)\s+(?:[\w,]+\s+){0,5}?(?:cả nước|toàn quốc)|"
    r"/\s*(?:63|34)\s*(?:tỉnh|địa phương)[\w, ]{0,20}?(?:cả nước|toàn quốc)|"
    # "là 1 trong 23 tỉnh, thành phố trong cả nước cung cấp 100% dịch vụ công trực tuyến mức 3,
    # 4": one of the country's provinces that did it, the figure the province's own
    r"(?:một|1|01)\s+trong\s+(?:số\s+)?(?:\d+|các|những|ít|số ít)\s+(?:tỉnh|địa phương)"
    r"[\w, ]{0,30}?(?:cả nước|toàn quốc)|"
    # names, not places: "Đại hội đại biểu toàn quốc", "Hội nghị toàn quốc"
    r"(?:đại hội|đại biểu|hội nghị|hội thảo|phong trào|cuộc thi|giải thưởng)\s+(?:\w+\s+)?"
    r"(?:toàn quốc|cả nước)",
    re.IGNORECASE,
)


# a comparison: a year or an edition said after it is the one compared with ("tăng 6 bậc so với
# năm 2022", "so với DTI 2021"), no figure's own; and with the country's average, after a comma,
# the figure is the compared one's
_COMPARED_WITH = re.compile(r"(?:cao hơn|thấp hơn|vượt|so với|gấp \w+ lần)\s+(?:\w+\s+){0,3}$",
                            re.IGNORECASE)


def national_cue(stretch: str, lead: str = "") -> int:
    """Where the text between the previous figure and this one says it is the national figure
    (the cue's end), or -1. A cue governs its own clause only: "xếp thứ 38/63 tỉnh, thành phố
    trong cả nước; chỉ số PAPI là 40,62" is the province's PAPI. `lead` is the sentence before
    the stretch, read only to see a rank said in the country ("đứng thứ 3 cả nước, tỷ lệ ... đạt
    91,4%": the rank's "3" is the figure before, and the share is the province's)."""
    cut = stretch.rfind(";") + 1  # after the last ";", or 0
    for m in _NATIONAL_RE.finditer(stretch, cut):
        head = (lead[-40:] if m.start() < 40 else "") + stretch[max(0, m.start() - 40):m.end()]
        if m.group(0).lower() in ("cả nước", "toàn quốc") and _RANKED_IN_COUNTRY.search(head):
            continue
        if _COMPARED_WITH.search(stretch, max(0, m.start() - 30), m.start()) and "," in stretch[
                m.end():]:
            continue  # "cao hơn mức trung bình cả nước, tỷ lệ hồ sơ trực tuyến là 94,10%"
        return m.end()
    return -1


# "Tính đến 19/8, cả nước đã tiếp nhận 4,3 triệu hồ sơ, trong đó ... chiếm 75,7%": the country as
# the clause's subject, a verb right after it; and the words that bring the report's own place back
_NATIONAL_SUBJECT = re.compile(
    r"(?:^|[,:]\s*)(?:trên\s+)?(?:cả nước|toàn quốc)\s+(?:(?:đã|hiện|cũng|vẫn)\s+)*"
    r"(?:có|đạt|ghi nhận|tiếp nhận|cung cấp|triển khai|phát triển|xử lý|lắp đặt|hoàn thành)"
    r"(?!\w)", re.IGNORECASE)
_OWN_PLACE = re.compile(r"(?<!\w)(?:tỉnh|thành phố|địa phương|địa bàn|huyện|xã|phường)(?!\w)",
                        re.IGNORECASE)


def national_subject(clause: str) -> bool:
    """Is the country the subject of the clause before a figure ("cả nước đã tiếp nhận ...,
    trong đó ... chiếm 75,7%"), with no word of a province, district or commune after it? A
    national cue otherwise governs only the text since the figure before (`national_cue`)."""
    m = _NATIONAL_SUBJECT.search(clause)
    return m is not None and not _OWN_PLACE.search(clause, m.end())


# "Đến năm 2025, tầm nhìn đến năm 2030, ...": the vision's year is a horizon, not the target's
_HORIZON = re.compile(r"(?:tầm nhìn|định hướng)\s*(?:đến|tới)?\s*$", re.IGNORECASE)
_YEAR_RIGHT_AFTER = Gated(r"[\d.,/]+\s*%?[^\W\d]*(?:\s+(?!và\s|hoặc\s)[^\W\d]+){0,8}?\s+"
                          r"(?:vào|trong|đến|tới)\s+năm\s+((?:19|20)\d\d)(?!\d)",
                          re.IGNORECASE)  # tried only where "19" or "20" follows the figure


# how every match of _YEAR_RIGHT_AFTER ends, found anywhere: "vào năm 2030" (the same flags)
_YEAR_TAIL = Gated(r"(?:vào|trong|đến|tới)\s+năm\s+(?:19|20)\d\d(?!\d)", re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def _last_tail(sentence: str) -> int:
    """Where the last "vào/trong/đến/tới năm YYYY" of a sentence starts (-1: none). A figure
    after it has no year right after it: found once a sentence, not tried again at each of its
    figures. (Two such phrases cannot overlap, so the last found is the last there is.)"""
    return max((m.start() for m in _YEAR_TAIL.finditer(sentence)), default=-1)


def year_right_after(sentence: str, position: int) -> int | None:
    """The year written right after the figure at `position` ("95/100 người ... vào năm 2030")."""
    if _last_tail(sentence) <= position:
        return None  # the phrase every match ends with is not said after the figure
    m = _YEAR_RIGHT_AFTER.match(sentence, position)
    return int(m.group(1)) if m else None


def target_years(sentence: str) -> list[tuple[int, int]]:
    """(end offset, year) of each year a sentence sets a target for ("đến năm 2025")."""
    return [(m.end(), int(m.group(1) or m.group(2))) for m in _TARGET_YEAR.finditer(sentence)]


@functools.lru_cache(maxsize=64)
def _set_for(sentence: str) -> tuple[tuple[int, int], ...]:
    """(end offset, year) of each year `sentence` sets a target for, a vision's year ("tầm nhìn
    đến năm 2030") left out when a year is said before it: found once a sentence, not again for
    each of its target figures (`target_year`)."""
    said = [m for m in _TARGET_YEAR.finditer(sentence)
            if not _BASE_OF.search(sentence, max(0, m.start() - 24), m.start())]
    return tuple((m.end(), int(m.group(1) or m.group(2))) for m in said
                 if not _HORIZON.search(sentence[max(0, m.start() - 12):m.start()])
                 or not any(n.end() <= m.start() for n in said))


def target_year(sentence: str, position: int | None = None) -> int | None:
    """The year a target is set for: "đến năm 2025", "Quý II/2021", "đến tháng 6/2021"; with
    `position`, the one said last before the figure there ("đến năm 2025 ... 20% và đến năm 2030
    ... 30%"), else the latest the sentence names."""
    if position is not None and "(" in sentence:
        sentence = _without_asides(sentence, position)
    found = _set_for(sentence)
    if position is not None:
        own = year_right_after(sentence, position)  # "khoảng 30% GDP vào năm 2030"
        if own is not None:
            return own
        before = [y for end, y in found if end <= position]
        if before:
            return before[-1]
    years = [y for _, y in found]
    if not years and position is not None:
        # no year said as a target's ("đến năm"): one said after the figure in its clause ("chiếm
        # 35% GRDP năm 2030"), else the last one named before it ("năm 2025 Huế đặt mục tiêu ...
        # đạt 60%, sang năm 2026 đạt 80%"), else any the sentence names
        clause_end = _CLAUSE_END.search(sentence, position)
        after = _ACTUAL_YEAR.search(sentence, position,
                                    clause_end.start() if clause_end else len(sentence))
        if after:
            return int(after.group(1))
        named = _years_named(sentence, position)
        if named:
            return named[-1]
    if not years:  # "Mục tiêu năm 2025: ...": any year the target sentence names
        years = _years_named(sentence, len(sentence))
    return max(years) if years else None


# "(năm 2030 đạt 100%)": a bracket with a year and a figure of its own
_DATED_ASIDE = re.compile(r"\((?:[^()\d]*?)(?:19|20)\d\d[^()]*?\d[^()]*\)")


def _without_asides(sentence: str, position: int) -> str:
    """The sentence with the dated asides of other figures blanked ("Tối thiểu 90% hồ sơ công
    việc cấp tỉnh (năm 2030 đạt 100%)": 2030 is the year of the 100%, not of the 90%)."""
    for m in _DATED_ASIDE.finditer(sentence):
        if not m.start() <= position < m.end():
            sentence = sentence[:m.start()] + " " * (m.end() - m.start()) + sentence[m.end():]
    return sentence


def _years_named(sentence: str, end: int) -> list[int]:
    """The years named before `end`, those a figure is compared with left out."""
    return [int(m.group(1)) for m in _ANY_YEAR.finditer(sentence, 0, end)
            if not _BASE_OF.search(sentence, max(0, m.start() - 24), m.start())]


def year_marks(sentence: str) -> list[tuple[int, int]]:
    """(end offset, year) of each "năm 2020" in a sentence, found once for all its figures. A
    year a figure is compared with ("tăng 6 bậc so với năm 2022, xếp thứ 7") is no figure's
    year."""
    return [(m.end(), int(m.group(1))) for m in _ACTUAL_YEAR.finditer(sentence)
            if not _COMPARED_WITH.search(sentence, max(0, m.start() - 20), m.start())]


def year_before(marks: list[tuple[int, int]], position: int) -> int | None:
    """The last year named before `position`: the year an actual figure is for."""
    years = [y for end, y in marks if end <= position]
    return years[-1] if years else None


_PLAIN_ACTUAL = frozenset({"đạt", "chiếm"})
# words of a plan's aims, as against advice ("cần", "nên", "đề xuất"), which sets no date
_AIMS = frozenset({"mục tiêu", "chỉ tiêu", "phấn đấu", "kế hoạch", "định hướng", "dự kiến",
                   "hướng tới", "tiến tới", "nâng", "đưa", "đẩy lên", "tối thiểu", "ít nhất",
                   "quyết tâm"})


_FLOORS = frozenset({"tối thiểu", "ít nhất"})
_ADVICE = frozenset({"cần", "phải", "nên", "đề xuất", "đề nghị", "kiến nghị", "cân nhắc"})


def aimed(found: list[Cue], position: int) -> bool:
    """Is the nearest target cue before `position` a plan's aim ("phấn đấu", "mục tiêu")?"""
    said = [word for end, kind, word in found if end <= position and kind == TARGET]
    if said and said[-1] in _FLOORS:
        # "Bố trí ít nhất 3% tổng chi" in a plan is its aim; "cần cân nhắc việc dành ngân sách
        # cho CNTT tối thiểu 1%" is advice, for no year
        return not any(word in _ADVICE for word in said)
    return bool(said) and said[-1] in _AIMS


def aimed_since(found: list[Cue], start: int, position: int) -> bool:
    """Does a plan's aim ("mục tiêu", "phấn đấu") stand between `start` and the figure at
    `position`, the figure's own words?"""
    return any(start <= end <= position and kind == TARGET and word in _PLAIN_AIMS
               for end, kind, word in found)


# aims that say a plan's target (not a floor: "cả nước có ít nhất 80% dân số" is a figure)
_PLAIN_AIMS = frozenset({"mục tiêu", "chỉ tiêu", "phấn đấu", "kế hoạch", "định hướng", "dự kiến",
                         "hướng tới", "tiến tới", "quyết tâm"})


def planned_year(marks: list[tuple[int, int]], position: int, clause_start: int,
                 found: list[Cue], planned: frozenset[int], dated: int | None) -> int | None:
    """The year a figure read as actual is in fact a target for: "Về kinh tế số, năm 2025 chiếm
    10% GRDP, năm 2030 chiếm 15%" when the report sets targets for those years ("đến năm 2025,
    định hướng 2030") and names no later year it sets none for (`dated`), or when the year is yet
    to come (`dated` leaves out years after this one). The "năm YYYY" must be in the figure's
    clause, with no word of something done in the clause ("đã", "hiện nay", "tính đến hết năm
    2024"); None otherwise."""
    own = [(end, y) for end, y in marks if clause_start <= end <= position]
    if not own:
        return None
    year = own[-1][1]
    if any(clause_start <= end <= position and kind == ACTUAL and word not in _PLAIN_ACTUAL
           for end, kind, word in found):
        return None
    if dated is not None:
        return year if year > dated else None
    return year if year in planned else None


# a month or quarter of a year: "tính đến tháng 12-2007", "quý III/2024" (a date, no aim)
_MONTH_YEAR = Caseless(r"(?:tháng\s+\d{1,2}|quý\s+[IVX\d]+)\s*[-/]\s*((?:19|20)\d\d)(?![\d/-])")


_OWN_FIGURE = re.compile(r"\d")
_YEAR_ASIDE = re.compile(r"\d\s*\(\s*(năm\s+(?:19|20)\d\d)\s*\)", re.IGNORECASE)


def year_of_actual(marks: list[tuple[int, int]], sentence: str, position: int) -> int | None:
    """The year an actual figure is for: the last "năm YYYY" before it, else the last month or
    quarter of a year named before it in its sentence (not one it is compared with). A year in
    brackets right after another number is that number's ("tăng từ 54 (năm 2021) lên 34")."""
    if "(" in sentence[:position]:
        asides = {m.end(1) for m in _YEAR_ASIDE.finditer(sentence, 0, position)}
        # "(Năm 2022 chỉ số này là 48,38 điểm, xếp vị trí 61/63); Chỉ số SIPAS ... đạt 79,66%":
        # a bracket closed before the figure that gives figures of its own is their year's
        closed = [(m.start(), m.end()) for m in CLOSED_BRACKET.finditer(sentence, 0, position)
                  if _OWN_FIGURE.search(_ANY_YEAR.sub("", m.group()))]
        marks = [(end, y) for end, y in marks
                 if end not in asides and not any(a < end < b for a, b in closed)]
    right = _EDITION_GLOSSED.search(sentence, max(0, position - 30), position)
    if right is not None:
        return int(right.group(1))  # "so với DTI 2021 (0,794)": that edition's value
    year = year_before(marks, position)
    if year is not None:
        return year
    # (not an edition compared with: "DTI 2022 ... tăng trưởng 20,8% so với DTI 2021 (0,794),
    # xếp hạng 5/63" ranks in 2022)
    editions = [int(m.group(1)) for m in _EDITION_YEAR.finditer(sentence, 0, position)
                if not _COMPARED_WITH.search(sentence, max(0, m.start() - 20), m.start())]
    if editions:
        return editions[-1]
    months = [int(m.group(1)) for m in _MONTH_YEAR.finditer(sentence, 0, position)
              if not _COMPARED_WITH.search(sentence, max(0, m.start() - 20), m.start())]
    return months[-1] if months else None


def actual_year(before: str) -> int | None:
    """The year an actual figure is for, when its sentence says it before the figure."""
    years = [int(y) for y in _ACTUAL_YEAR.findall(before)]
    return years[-1] if years else None
