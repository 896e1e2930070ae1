"""What a report carries from sentence to sentence: whose figures these are, whether its lines
state targets, which index its ranks and scores are of, and lists that share one indicator.

- A sentence that names no province is about the province named last in its paragraph ("Theo
  đó, địa phương này ... 70,94 điểm"), or across paragraphs when it opens with "Trong đó",
  "Cụ thể", "Theo đó"...; "tỷ lệ này" after a sentence about the whole country is the country's.
- A sentence setting targets ("Mục tiêu đến năm 2025: ...") makes the rest of its paragraph, and
  the list that follows a heading ending with ":", targets for that year unless a line says what
  has been done ("đã", "hiện nay", "tính đến").
- A rank, score or change of rank no indicator words reach is of the index the report is about
  (the one its last ranks and scores were of); it is less sure.
- "giữ vị trí thứ 5, 6, 7 với giá trị DTI": the members of a list share the indicator one of
  them has.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from chiso.extract import kinds
from chiso.extract.candidates import Candidate
from chiso.extract.caseless import Caseless, Gated, lower
from chiso.extract.figures import Figure
from chiso.extract.forms import continues_list
from chiso.extract.indicators import words_of
from chiso.extract.units import COUNTRY, Mention

_CONTINUES = re.compile(r"^\W*(?:trong đó|cụ thể|theo đó|đồng thời|bên cạnh đó|ngoài ra|kết quả|"
                        r"về|với|riêng|còn)\b", re.IGNORECASE)
# "họ" as a sentence's subject, the actor the sentence before named ("họ tên", "dòng họ" are not)
_THEY = re.compile(r"(?<![\w-])(?<!dòng )[Hh]ọ(?!\w)(?!\s+(?:và\s+)?tên)")
OTHER = ""  # `Flow.subject`: the sentence is about the last subject that was no province
_ANAPHOR = Caseless(
    r"(?:tỷ lệ|tỉ lệ|chỉ số|con số|mức|giá trị) (?:này|đó)|cả (?:ba|3) trụ cột"
)
# ranks and scores of indices of other countries or of the world
# (the UN's Development Programme, UNDP, publishes PAPI with Vietnamese partners: no country's)
_ABROAD = re.compile(
    r"(?<!Phát triển )(?<!PHÁT TRIỂN )Liên [Hh]ợp [Qq]uốc|"
    r"LHQ|thế giới|quốc gia,? vùng lãnh thổ|/1[89]\d\b|Speedtest|Ookla"
)
# "hướng tới" sets a target when a figure or a year follows, not in "chính quyền điện tử hướng
# tới chính quyền số"; "Chương trình mục tiêu quốc gia" is a programme's name
_TARGET_SET = Caseless(r"(?<!\w)(?:mục tiêu(?! quốc gia)|chỉ tiêu|phấn đấu|"
                       r"hướng tới(?=\s+(?:mục tiêu|năm|đạt|việc|\d))|định hướng|đặt ra)(?!\w)")
_DONE = Caseless(
    r"(?<!\w)(?:đã|hiện nay|hiện có|hiện|tính đến|tính tới|đến nay|năm qua|vừa qua|kết quả|"
    r"thực tế|ước đạt|mới|vẫn|so với|"
    # "hoàn thành vượt mức nhiều chỉ tiêu": targets met, the figures after are results
    r"hoàn thành (?:và )?vượt(?: mức)?|đạt và vượt|vượt mức|"
    # "có nhiều chỉ tiêu đạt khá, như: ...": targets said met, the figures after are results
    r"chỉ tiêu\s+(?:đều\s+)?(?:đạt|vượt)\s+(?:khá|tốt|cao|và vượt|kế hoạch))(?!\w)"
)
# the ministries' ranking, beside the provinces' in an index announcement
_MINISTRIES = Caseless(r"(?<!\w)(?:các|nhóm|khối) (?:bộ|cơ quan)"
                       r"(?: ngang bộ| thuộc (?:bộ|chính phủ))|(?<!\w)cấp bộ(?!\w)")
_HOME_OPENING = Caseless(r"^\W*(?:tỉnh|thành phố|toàn tỉnh|toàn thành phố|địa phương)\b|toàn tỉnh")
# "thứ hạng của tỉnh so với cả nước": the report's own province; "của tỉnh Hải Dương" names one
# (a capital after it: read with case, which `Caseless` cannot)
_ANY_BRACKET = re.compile(r"\([^()]*\)")
_OWN_TINH = re.compile(r"(?<!\w)(?:[Cc]ủa|[Tt]rên địa bàn) tỉnh(?! [A-ZĐ])(?!\w)")
# a body adopting targets has not done them: "Đại hội đã thông qua Nghị quyết, nhất trí mục tiêu"
_ADOPTED = Caseless(
    r"(?<!\w)đã (?:thông qua|ban hành|phê duyệt|đề ra|xác định|đặt ra|nhất trí)(?!\w)"
)
# words holding a cue that are none: "hiện đại" (modern), "giá hiện hành" (current prices)
_NOT_DONE = Caseless(
    r"thực hiện|hiện đại|hiện hành|thể hiện|xuất hiện|phát hiện|hiện thực|"
    # "đổi mới sáng tạo" (innovation) is no "mới" (just now)
    r"đổi mới|nông thôn mới|"
    r"kết quả (?:giải quyết|xử lý)"  # "số hóa hồ sơ và kết quả giải quyết TTHC": a noun
)


@functools.lru_cache(maxsize=64)
def _done(text: str) -> bool:
    """Does a sentence say what has been done (not what a body adopted or aims at)? Asked of a
    sentence for each of its figures (`Flow.target_year`, `Flow.plan_year`) and again when the
    state moves on (`Flow.after`): pure, so kept for the last sentences asked."""
    # an aside that gives the value now is not what the sentence says: "Tốc độ băng rộng di
    # động đạt 45 Mbps (tốc độ tải xuống theo i-Speed, hiện tại là 38,09 Mbps)" is an aim
    text = _ASIDE.sub(" ", text)
    return _DONE.search(_NOT_DONE.sub("_", _ADOPTED.sub("", text))) is not None


# an aside that gives the value now beside an aim: "(…, hiện tại là 38,09 Mbps)"
_ASIDE = re.compile(r"\([^()]*?(?:hiện tại|hiện nay|hiện)\s+(?:là|đạt|mới đạt)\s+\d[^()]*\)",
                    re.IGNORECASE)


_AIM_YEAR = Caseless(r"(?<!tầm nhìn )(?<!định hướng )(?:đến|tới|vào)\s+(?:hết\s+|cuối\s+)?"
                     r"năm\s+((?:19|20)\d\d)")
# a document cited by its number, its name going on up to `position` with no aim of its own (not
# the one the report issues: "ban hành Kế hoạch số 347/KH-UBND ... đến năm 2025" is its own)
_CITED = re.compile(r"(?<!\w)(?<!ban hành )(?:quyết định|nghị quyết|chỉ thị|kế hoạch|"
                    r"chương trình|đề án|thông tư|nghị định)\s+(?:số\s+)?\d+[\w/.-]*[^;:]{0,220}$",
                    re.IGNORECASE)
_OWN_AIM = re.compile(r"(?<!\w)(?:mục tiêu|chỉ tiêu|phấn đấu)(?!\w)", re.IGNORECASE)


_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def uncited(text: str) -> str:
    """`text` with the years in the names of documents it cites blanked (`cited`)."""
    for m in _A_YEAR.finditer(text):
        if cited(text, m.start()):
            text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


def cited(text: str, position: int) -> bool:
    """Is `position` inside the name of a document `text` cites by number ("Quyết định số
    749/QĐ-TTg ... phê duyệt “Chương trình Chuyển đổi số quốc gia đến năm 2025”")?"""
    m = _CITED.search(text, max(0, position - 260), position)
    return m is not None and _OWN_AIM.search(m.group(0)) is None


def first_aim_year(text: str, dated: int | None) -> int | None:
    """The first year `text` aims at ("đến năm 2025", "Kế hoạch chuyển đổi số năm 2026") that
    is later than its date."""
    found = sorted((m.start(), int(m.group(1))) for rx in (_AIM_YEAR, _PLAN_FOR_YEAR)
                   for m in rx.finditer(text) if not cited(text, m.start()))
    return next((y for _, y in found if dated is None or y > dated), None)


_PLAN_FOR_YEAR = Caseless(r"(?<!\w)kế hoạch[^.;:\d]{0,80}?năm\s+((?:19|20)\d\d)(?![\d–-])")
# a heading line of targets: "2. Mục tiêu cụ thể", "I. MỤC TIÊU" (short, no figure)
_BY_YEAR = re.compile(r"(?<!\w)(?:đến|tới|trước)\s+năm\s+(?:19|20)\d\d(?!\d)", re.IGNORECASE)
_OPENS_BY_YEAR = re.compile(r"\s*(?:trong đó,?\s*)?(?:đến|tới)\s+năm\s+((?:19|20)\d\d)\s*,",
                            re.IGNORECASE)
_HEADING = re.compile(r"(?:[IVX\d]+[.)]\s*)?[^\d:;.]{3,60}")
_LIST_LINE = re.compile(r"^\s*(?:[-+•–*]|\d+[.)]|[a-zđ][.)]|[A-ZĐ][^:.]{2,60}:)")
_WEAK = frozenset({"đạt", "chiếm"})

# the index a rank or score is of, by the words that name it
FAMILIES = (# "Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp"
            # (Quyết định 766/QĐ-TTg), named before the words of other indices its name holds
            ("service_index", re.compile(
                r"Bộ chỉ số (?:chỉ đạo|phục vụ|766|đánh giá chất lượng phục vụ|trên Cổng)|"
                r"chỉ số (?:chỉ đạo, điều hành|phục vụ người dân)|"
                r"766/QĐ-TTg|Quyết định (?:số )?766\b|chất lượng phục vụ người dân,? (?:và )?"
                r"doanh nghiệp|"
                # "xếp thứ 26/63 ... về kết quả đánh giá chất lượng thực hiện thủ tục hành chính,
                # dịch vụ công": the index's name as the press shortens it
                r"đánh giá chất lượng (?:thực hiện|giải quyết) (?:thủ tục hành chính|TTHC)",
                re.IGNORECASE)),
            # "mức độ ứng dụng CNTT và phát triển Chính phủ điện tử năm 2019": the ministry's
            # ranking before the DTI, of IT use
            ("ict", re.compile(r"ICT[ -]?Index|sẵn sàng cho phát triển và ứng dụng|"
                               r"mức độ ứng dụng (?:CNTT|công nghệ thông tin)", re.IGNORECASE)),
            ("dti", re.compile(r"\bDTI(?:\b|(?=(?:19|20)\d\d\b))|chuyển đổi số", re.IGNORECASE)),
            # "PCI2022": the edition's year written on to the name
            ("pci", re.compile(r"\bPCI(?:\b|(?=(?:19|20)\d\d\b))|năng lực cạnh tranh",
                               re.IGNORECASE)),
            ("papi", re.compile(r"\bPAPI(?:\b|(?=(?:19|20)\d\d\b))", re.IGNORECASE)),
            ("par_index", re.compile(r"PAR ?INDEX|cải cách hành chính|chỉ số CCHC", re.IGNORECASE)),
            ("sipas", re.compile(r"\bSIPAS(?:\b|(?=(?:19|20)\d\d\b))", re.IGNORECASE)))
# a component's, not the index's
_BAND = re.compile(r"(?<!\w)(?:nhóm|xếp loại)(?!\w)", re.IGNORECASE)
# a component of an index, or an index the codebook does not hold, named before a score or rank:
# no index is guessed for it. The eight content areas of PAPI, the ten sub-indices of PCI and the
# provincial green index (PGI) are named in every report on them.
COMPONENT = re.compile(
    r"thành phần|chỉ số con|sub-?index|chỉ số nội dung|"
    r"tham gia của người dân|công khai,? minh bạch|trách nhiệm giải trình|kiểm soát tham nhũng|"
    r"thủ tục hành chính công|cung ứng dịch vụ công|quản trị môi trường|quản trị điện tử|"
    r"chi phí gia nhập|tiếp cận đất đai|tính minh bạch|chi phí thời gian|chi phí không chính thức|"
    r"cạnh tranh bình đẳng|tính năng động|dịch vụ hỗ trợ doanh nghiệp|đào tạo lao động|"
    r"thiết chế pháp lý|chỉ số xanh|\bPGI\b|"
    # the criteria of the service index (Quyết định 766/QĐ-TTg) beside "công khai, minh bạch"
    r"tiến độ giải quyết|số ho[áa] hồ sơ|mức độ hài lòng|(?<!công )dịch vụ trực tuyến\s+(?:là|đạt)|"
    # the fields of the PAR Index: "- Lĩnh vực Cải cách thể chế" over "Đạt 9,42/10 điểm"
    r"lĩnh vực cải cách|cải cách thể chế|cải cách thủ tục hành chính|cải cách tổ chức bộ máy|"
    r"cải cách chế độ công vụ|cải cách tài chính công|công tác chỉ đạo,? điều hành cải cách",
    re.IGNORECASE)
NO_INDEX = "(of no index)"  # a rank said to be of something no index measures: none is guessed
_CODES = {"rank": "{}_rank", "score": "{}_score", "rank_change": "{}_rank_change"}
# the indices whose value is written as a per cent (their codebook unit): a bare share in a
# passage about one of them is its value
_PER_CENT_INDEX = frozenset({"sipas", "par_index"})
# "đạt", "với", "là", "đạt mức cao kỷ lục": a value said right before the figure
_INDEX_VALUE_BEFORE = re.compile(r"(?<!\w)(?:đạt|với|là)(?:\s+mức(?:\s+(?:cao|thấp)(?:\s+nhất|"
                                 r"\s+kỷ lục)?)?)?\s*$", re.IGNORECASE)
_CHANGE_OR_BAND = re.compile(r"(?<!\w)(?:tăng|giảm|nhóm|mức(?!\s+(?:cao|thấp)\s+(?:nhất|kỷ lục)))"
                             r"(?!\w)", re.IGNORECASE)


def _index_value_said(before: str) -> bool:
    """Is a value said right before the figure ("đạt", "với", "là"), in a stretch since the last
    comma that says no change ("tăng mạnh nhất với 5,12%") nor band ("nhóm A ... đạt 90%")?"""
    tail = before[max(before.rfind(","), before.rfind(";")) + 1:]
    value = tail.lower().rfind("giá trị")
    if value >= 0:
        # "đã trở lại quỹ đạo tăng trưởng tích cực với giá trị trung bình đạt 86,98%": what is
        # said after "giá trị" is the value's
        tail = tail[value:]
    return bool(_INDEX_VALUE_BEFORE.search(tail)) and not _CHANGE_OR_BAND.search(tail)


@dataclass
class Flow:
    """The state carried through a report, sentence by sentence."""

    home: str | None
    doc_year: int | None
    planned: frozenset[int] = frozenset()  # the years the report sets targets for
    dated: int | None = None  # the latest year it names that it sets no target for
    title: str = ""  # the report's first line
    plan: bool = False  # a plan or resolution: what it says with no word of it done is an aim
    horizon: int | None = None  # the year the plan's aims said last are for
    titled: int | None = None  # the one year a plan's title or opening names it for
    done_para: int | None = None  # the paragraph that last said something was done

    def plan_year(self, text: str, para: int, found: list, position: int) -> int | None:
        """In a plan, the year a figure said with no word of something done, in its sentence
        or earlier in its paragraph, is an aim for (None when it is not such a figure)."""
        if not self.plan or self.horizon is None or self.done_para == para or _done(text):
            return None
        if any(end <= position and kind == kinds.ACTUAL and word not in _WEAK
               for end, kind, word in found):
            return None
        return self.horizon
    named_last: tuple[int, str] | None = None  # (paragraph, province as written)
    national_last: int | None = None  # paragraph of the last sentence about the whole country
    other_last: int | None = None  # paragraph of the last sentence about an operator, a ministry
    target: tuple[int, int | None] | None = None  # (paragraph it holds to, target year)
    # set by a sentence opening with a year to come in a report of results: "đạt" there still
    # says a result ("Đến năm 2025, ... phải đạt 80%. Tỷ lệ ... đạt 45%")
    target_loose: bool = False
    family: str | None = None  # the index the report's ranks and scores are of
    only: str | None = None  # the index the report names alone (`only_index`)
    speed: str | None = None  # the network the report's speeds are of
    # the words each matched figure of a named province was said with, and its indicator
    # (`same_frames`): (measure, words) -> (indicator, alias, confidence)
    frames: dict = field(default_factory=dict)

    def _goes_on(self, text: str) -> bool:
        """Does a paragraph opening with `text` go on with the targets just set? Yes when it
        says nothing done and names no year already past ("Về sử dụng dịch vụ viễn thông, số
        thuê bao băng rộng di động/100 dân đạt 85 thuê bao" after "mục tiêu đến năm 2025")."""
        if _done(text) or self.target is None or self.target[1] is None:
            return False
        past = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text)]
        return not any(y < self.target[1] for y in past)

    def subject(self, text: str, para: int, named: list[Mention]) -> str | None:
        """The province (as written) or COUNTRY a sentence naming none is about, else None."""
        if named:
            return None
        if (
            _ANAPHOR.search(text)
            and self.national_last is not None
            and para - self.national_last <= 1
        ):
            return COUNTRY
        if (self.other_last is not None and para - self.other_last <= 1
                and _THEY.search(text)):
            return OTHER  # "Viettel cho biết ... Đến ngày 31/12, họ dự kiến lắp thêm 3.500 trạm"
        if _MINISTRIES.search(text):
            return OTHER  # "Trong các cơ quan thuộc Bộ ..., Đài Truyền hình Việt Nam xếp thứ nhất"
        if self.named_last is None or _HOME_OPENING.search(text) or _OWN_TINH.search(text):
            return None  # "Tỉnh có diện tích ...": the report's own province
        p, name = self.named_last
        if p == para or (para - p <= 2 and _CONTINUES.match(text)):
            return name
        return None

    def target_year(
        self, text: str, para: int, cues: list, position: int
    ) -> tuple[bool, int | None]:
        """Is a figure at `position` in a stretch of targets (and for which year)?"""
        if self.target is None:
            return False, None
        p, year = self.target
        if p != para:
            return False, None
        said = [w for end, _k, w in cues
                if end <= position and (self.target_loose or w not in _WEAK)]
        if _done(text) or any(k == kinds.ACTUAL for _e, k, w in cues if w in said):
            return False, None
        return True, year

    def _opens_by_year(self, text: str) -> bool:
        """Does the sentence open with a year to come and end as a sentence ("Trong đó, đến năm
        2025, 100% thủ tục ..."), the year of the aims its paragraph goes on with ("Ngoài ra, 90%
        hồ sơ ...")? Outside a plan, "đạt" after it still says a result (`target_loose`)."""
        m = _OPENS_BY_YEAR.match(text)
        return (m is not None and text.rstrip().endswith(".")
                and (self.doc_year is None or int(m.group(1)) >= self.doc_year))

    def after(self, text: str, para: int, next_para_text: str, named: list[Mention],
              other: bool = False) -> None:
        """Update the state with a sentence just read; `other`: its subject is no province (an
        operator, a ministry, a district) and it names none."""
        if named:
            self.named_last = (para, named[0].name)  # the sentence's subject comes first
            self.other_last = None  # a province named since: "họ" is no longer the operator
        elif other:
            self.other_last = para
        if not named and kinds.national_cue(text) >= 0:
            self.national_last = para
        # searched once for the two tests; "(1) Về ... chính quyền số, đến năm 2025:" heads a list
        # of aims for its year as "Mục tiêu:" does
        # a target in brackets beside a result is an aside, no stretch of targets: "Tỷ lệ hộ gia
        # đình có thuê bao internet là 37,3% (mục tiêu là 75%)"
        sets_target = _TARGET_SET.search(_ANY_BRACKET.sub(" ", text)) is not None or (
            text.rstrip().endswith(":") and _BY_YEAR.search(text) is not None)
        if not sets_target and not _done(text) and self._opens_by_year(text):
            # its paragraph's aims only: a line standing alone is a heading, not a stretch
            self.target, self.target_loose = (para, kinds.target_year(text)), not self.plan
        elif sets_target and not _done(text):
            self.target_loose = False
            year = kinds.target_year(uncited(text))
            holding = self.target is not None and self.target[0] == para
            if year is None and holding and self.target is not None:
                # "Mục tiêu đến năm 2025: ... Hướng tới 80 thuê bao": still 2025
                year = self.target[1]
            self.target = (para, year)
            if ((text.rstrip().endswith(":") or holding or _HEADING.fullmatch(text.strip()))
                    and _LIST_LINE.match(next_para_text or "") is not None):
                self.target = (para + 1, year)  # the list under a heading "Mục tiêu ...:"
            elif next_para_text and self._goes_on(next_para_text):
                self.target = (para + 1, year)
        elif self.target is not None and _done(text):
            self.target = None  # a sentence about what was done ends a stretch of targets
        elif (self.target is not None and self.target[0] == para and next_para_text
              and (_LIST_LINE.match(next_para_text) or self._goes_on(next_para_text))):
            self.target = (para + 1, self.target[1])  # the list goes on while its lines are items
        if self.plan and sets_target:
            # the first year aimed at ("Đến năm 2025, ..."), not one in the name of a document
            # the sentence cites ("Nghị quyết số 12-NQ/TU ... về chuyển đổi số ... đến năm 2025")
            said = next((m for m in _AIM_YEAR.finditer(text) if not cited(text, m.start())),
                        None)
            if said is not None and (self.dated is None or int(said.group(1)) > self.dated):
                self.horizon = int(said.group(1))
        if self.plan and _done(text):
            self.done_para = para
        self.family = family_of(text, self.family, self.only)
        if "tốc độ" in text.lower():
            self.speed = speed_of(text, self.speed)


# which network a speed is of, by the words that name it; upload speeds are no indicator
_SPEEDS = (
    ("mobile_5g_speed_mbps", re.compile(r"\b5G\b")),
    (
        "fixed_broadband_speed_mbps",
        re.compile(r"cố định|cáp quang|FTTH|fixed|băng rộng(?! di động)", re.IGNORECASE),
    ),
    ("mobile_broadband_speed_mbps", re.compile(r"di động|\b4G\b|mobile", re.IGNORECASE)),
)
_DIRECTION = re.compile(r"tải lên|upload|tải xuống|download", re.IGNORECASE)
_FROM = re.compile(r"(?<!\w)từ\s*$", re.IGNORECASE)  # "dịch vụ tốc độ cao từ 200 Mbps": a band
# "tải xuống/tải lên", "tải lên, tải xuống ... lần lượt là X và Y": the pair's order says which
_DOWN_UP = re.compile(r"(download|tải xuống|upload|tải lên)\s*(?:/|và|,)\s*"
                      r"(?:download|tải xuống|upload|tải lên)", re.IGNORECASE)


def speed_of(text: str, default: str | None) -> str | None:
    """The network the last speed named in `text` is of ("tốc độ ... mạng Internet cố định"),
    or `default`."""
    best: tuple[int, str] | None = None
    for code, rx in _SPEEDS:
        for m in rx.finditer(text):
            if best is None or m.start() > best[0]:
                best = (m.start(), code)
    return best[1] if best else default


def upload(before: str, figs_before: list[Figure]) -> bool:
    """Is a Mb/s figure an upload speed ("tốc độ tải lên là 95,30 Mb/s", the second of
    "download/upload lần lượt là X và Y", the first of "tải lên, tải xuống ... lần lượt đạt X và
    Y")?"""
    pair = None
    for m in _DOWN_UP.finditer(before):
        pair = m
    if pair is not None:
        up_first = pair.group(1).lower() in ("tải lên", "upload")
        after = sum(1 for f in figs_before if f.start > pair.end() and f.measure == "mbps")
        return after % 2 == (0 if up_first else 1)
    said = [m.group(0).lower() for m in _DIRECTION.finditer(before)]
    return bool(said) and said[-1] in ("tải lên", "upload")


def speed_at(before: str, figs_before: list[Figure], default: str | None) -> str | None:
    """The speed indicator an unmatched Mb/s figure is of, or None when it is an upload speed
    (`upload`) or a band ("từ 200 Mbps")."""
    if _FROM.search(before) or upload(before, figs_before):
        return None
    return speed_of(before, default)


# the families' words, searched family by family: the first family listed that a sentence names
_EACH_INDEX = [(fam, Caseless(rx.pattern)) for fam, rx in FAMILIES]


@functools.lru_cache(maxsize=256)
def _families_in(text: str) -> tuple[bool, str | None]:
    """(does `text` speak of abroad, the first family in `FAMILIES` order it names)."""
    abroad = _ABROAD.search(text) is not None  # case-sensitive, as written
    low = lower(text)  # once for the six families
    return abroad, next((fam for fam, rx in _EACH_INDEX if rx.search_lower(text, low)), None)


def family_of(text: str, default: str | None, only: str | None = None) -> str | None:
    """The index a sentence names, or `default`; none for a ranking of countries. `only`: the
    index a report names alone (`only_index`), which words of digital transformation do not
    displace."""
    abroad, fam = _families_in(text)
    if abroad:
        return None
    if fam == "dti" and only is not None:
        return only
    return fam or default


def sole_family(text: str) -> str | None:
    """The one index a report names, wherever it first names it: "Đà Nẵng (70,1 điểm) xếp vị
    trí thứ 2" opens a report that names the PCI only further on ("... trong bảng xếp hạng PCI
    2017"); None when it names none, several, or a ranking abroad."""
    if _ABROAD.search(text):
        return None
    low = lower(text)
    named = {fam for fam, rx in _EACH_INDEX if rx.search_lower(text, low)}
    return next(iter(named)) if len(named) == 1 else None


_SERVICE_INDEX = Caseless(FAMILIES[0][1].pattern)
_DTI_NAMED = Caseless(r"\bdti\b|chỉ số (?:về )?chuyển đổi số|xếp hạng chuyển đổi số|"
                      r"chuyển đổi số cấp tỉnh")


def only_index(text: str) -> str | None:
    """"service_index" for a report on the service index (Bộ chỉ số chỉ đạo, điều hành ...,
    Quyết định 766/QĐ-TTg) that does not name the DTI: "Bà Rịa - Vũng Tàu đạt tổng 81,8 điểm,
    xếp hạng 21/63" in its lede is the service index's, though it says "chuyển đổi số"."""
    if not any(w in text for w in _SERVICE_WORDS):
        return None  # most reports: every name of the index holds one of these words
    if _SERVICE_INDEX.search(text) is None or _DTI_NAMED.search(text) is not None:
        return None
    return "service_index"


# "766", "phục vụ", "chỉ đạo", "trên Cổng" as written in lower, title or upper case
_SERVICE_WORDS = ("766", "hục vụ", "hục Vụ", "HỤC VỤ", "hỉ đạo", "hỉ Đạo", "HỈ ĐẠO", "rên Cổng",
                  "rên cổng", "RÊN CỔNG")


def by_topic(c: Candidate, fig: Figure, family: str | None, codes: frozenset[str],
             possible: Callable[[str, Figure], bool], before: str = "",
             only: str | None = None) -> Candidate:
    """An unmatched rank, score or change of rank, read as the index named last before it in
    its sentence (`before`), else the report's index; less sure. A component's score ("chỉ số
    thành phần Chi phí thời gian đạt 8,54 điểm") is no index's."""
    measure = c.measure
    # the index named last before the figure, where one is: "Chỉ số CĐS (DTI) xếp thứ 9/63 ...;
    # ... (ICT Index) xếp thứ 5" ranks the DTI first
    said = family_of(before, None) if before else None
    if ((said or family) == "ict" and c.matched and measure in _CODES
            and (c.indicator or "").startswith("dti_")):
        return replace(c, indicator=None, alias="")  # "ICT Index ... Hạ tầng nhân lực đứng thứ 10"
    if measure == "count" and not float(c.value).is_integer() and c.value_high is None:
        measure = "score"  # "Nam Định đạt 87,32": an index's value written bare
    if c.matched or c.unit is None or c.alias == NO_INDEX:
        return c
    clause = before[before.rfind(";") + 1:]  # the text after its last ";"
    per_cent = measure == "percent" and c.qualifier == "eq"
    if not per_cent and measure not in _CODES:
        return c  # most unmatched figures: no index's value
    named = [(m.start(), fam) for fam, rx in _EACH_INDEX for m in rx.finditer(clause)]
    if (per_cent and (max(named)[1] if named else family) in _PER_CENT_INDEX
            and _index_value_said(before)):
        # "Còn Gia Lai đứng thứ 19, đạt 83,84%" of SIPAS: its value is a per cent; "...; Chỉ
        # số Cải cách hành chính (PAR Index), Phú Yên ... xếp 52/63, đạt 85,39%" in a sentence
        # that named another index first: the index of its clause
        measure = "score"
    if measure not in _CODES:
        return c
    colon = before.rfind(":")
    if colon > 0 and COMPONENT.search(before, 0, colon) and family_of(before[colon:], None) is None:
        # "Có 4/10 chỉ số thành phần giảm điểm là: Tiếp cận đất đai đạt 7,19 điểm; ...; Chính
        # sách hỗ trợ doanh nghiệp đạt 5,42 điểm": every item listed after the colon is one
        return c
    if COMPONENT.search(clause) or (measure == "rank" and _ECONOMY_RANKED.search(clause)):
        # "Quy mô nền kinh tế GRDP ... vươn lên vị trí thứ 12 cả nước": the economy's rank
        return c
    if (measure == "score" and c.qualifier in ("gt", "gte", "lt", "lte")
            and _BAND.search(clause[clause.rfind(",") + 1:])):
        return c  # "thuộc nhóm “Tốt” vì kết quả chỉ số đạt hơn 80 điểm": a band's bound
    if measure == "rank" and not named and _QUANTITY_RANKED.search(clause):
        # "doanh thu của các kho hàng ... trên sàn thương mại điện tử đứng thứ 6 trên toàn
        # quốc", "phát sinh hơn 41.130 giao dịch, xếp thứ 7": a quantity's rank, no index's
        return c
    if measure == "rank" and not named and _SHARE_NAMED.search(clause):
        # "Trong đó, tỷ lệ hồ sơ trả kết quả điện tử đạt 64,51%, xếp thứ 25/63": the rank of the
        # share its clause names, not of the report's index
        return c
    if named and not _ABROAD.search(before):
        family = max(named)[1]
        if family == "dti" and only is not None:
            family = only  # "đẩy mạnh chuyển đổi số, đạt 85,5 điểm" in a report on one index
    if family is None:
        return c
    code = _CODES[measure].format(family)
    if code not in codes or not possible(code, fig):
        return c
    return replace(c, indicator=code, confidence=0.55, alias=f"({family})")


_SHARE_NAMED = Caseless(r"(?<!\w)(?:tỷ lệ|tỉ lệ)(?!\w)")
_ECONOMY_RANKED = re.compile(r"\bGRDP\b|quy mô (?:nền )?kinh tế|thu ngân sách|kim ngạch|"
                             r"xuất khẩu|\bFDI\b|thu hút đầu tư", re.IGNORECASE)
_QUANTITY_RANKED = Caseless(r"(?<!\w)(?:doanh thu|sản lượng|giao dịch|doanh số|số lượng|"
                            r"sàn thương mại điện tử|lượt truy cập)(?!\w)")
_ITEM_GLUE = re.compile(r"\s*%?\s*(?:,|;|và|,\s*và)\s*(?:TP\.?\s*|tỉnh\s+|thành phố\s+)?")


def named_items(figs: list[Figure], found: list[list[Candidate]], text: str,
                named: list[Mention]) -> None:
    """"Bắc Giang tăng 13,45%, Hậu Giang tăng 12,27%, TP Hải Phòng tăng 10,34%": items that
    each name a province and say the same words before a value of one measure take the
    indicator the first has."""
    for i in range(1, len(figs)):
        a, b = figs[i - 1], figs[i]
        have = [c for c in found[i - 1] if c.matched]
        if a.measure != b.measure or not have or any(c.matched for c in found[i]):
            continue
        own = [m for m in named if a.end <= m.start and m.end <= b.start]
        if len(own) != 1:
            continue
        m = own[0]
        glue = _ITEM_GLUE.fullmatch(text, a.end, m.start)
        said = text[m.end:b.start].strip().lower()
        before_a = text[max(0, a.start - len(said) - 2):a.start].strip().lower()
        if glue is None:
            continue
        if not said:
            # "PAR Index 2023: Quảng Ninh 91,62%, Hải Phòng 90,13%, Bắc Ninh 89,77%": a name
            # right before each value, the one before too
            if not any(x.end <= a.start and not text[x.end:a.start].strip(" :")
                       for x in named):
                continue
        elif not before_a.endswith(said):
            continue
        model = have[0]
        found[i] = [replace(c, indicator=model.indicator, alias=model.alias,
                            confidence=min(model.confidence, 0.8)) for c in found[i]]


def same_frames(figs: list[Figure], found: list[list[Candidate]], text: str,
                named: list[Mention], frames: dict) -> None:
    """"Dẫn đầu tốc độ tăng GRDP ... là Quảng Ninh với mức tăng 11,89%. ... Trong khi đó, Hà Nội
    đứng thứ 16 với mức tăng 8,16%; TPHCM xếp thứ 21 với mức tăng 7,53%": a province's figure
    said with the same words (two or more, between its name or the figure before it and the
    value) as an earlier province's figure of the same measure in the report is of the same
    indicator. `frames` is the report's memory of them (`Flow.frames`), kept up to date."""
    if not named:
        return  # most sentences name no province
    for i, fig in enumerate(figs):
        lo = figs[i - 1].end if i else 0
        own = [m for m in named if lo <= m.start and m.end <= fig.start]
        prior = next((k for k in range(i - 1, -1, -1) if figs[k].measure == fig.measure), None)
        item = [m for m in named if (figs[prior].end if prior is not None else 0) <= m.start
                and m.end <= fig.start]
        if not item:
            continue  # the figure's item names no province of its own
        frame = tuple(words_of(text[max([lo, *(m.end for m in own)]):fig.start]))
        if len(frame) < 2:
            continue
        key = (fig.measure, frame)
        have = [c for c in found[i] if c.matched]
        if have:
            frames[key] = (have[0].indicator, have[0].alias, have[0].confidence)
        elif key in frames and found[i] and all(c.unit is not None for c in found[i]):
            code, alias, sure = frames[key]
            found[i] = [replace(c, indicator=code, alias=alias, confidence=min(sure, 0.7))
                        for c in found[i]]


_RESPECTIVE_VALUES = re.compile(r"\(\s*[^()]{0,40}?(?:lần lượt|tương ứng)(?:\s+(?:là|đạt))?"
                                r"\s*:?\s*$", re.IGNORECASE)


def respective_to_figures(figs: list[Figure], found: list[list[Candidate]], text: str) -> None:
    """"90% hồ sơ tại cấp tỉnh, 80% ... cấp huyện, 60% ... cấp xã (mục tiêu năm 2030 lần lượt
    là: 100%, 90% và 70%)": values given in turn in brackets after figures of one measure are,
    in order, of those figures' indicators."""
    low = text.lower()
    if "lần lượt" not in low and "tương ứng" not in low:
        return  # every match holds one of the two
    for k, fig in enumerate(figs):
        if not _RESPECTIVE_VALUES.search(text, max(0, fig.start - 80), fig.start):
            continue
        close = text.find(")", fig.start)
        after = [j for j in range(k, len(figs)) if close < 0 or figs[j].end <= close]
        before = [j for j in range(k) if figs[j].measure == fig.measure][-len(after):]
        if (len(before) != len(after) or any(figs[j].measure != fig.measure for j in after)
                or any(not any(c.matched for c in found[j]) for j in before)):
            continue
        theirs = {c.indicator for j in before for c in found[j] if c.matched}
        if any(c.matched and c.indicator not in theirs for j in after for c in found[j]):
            continue  # a value in the brackets names its own indicator
        for src, dst in zip(before, after):
            model = next(c for c in found[src] if c.matched)
            found[dst] = [replace(c, indicator=model.indicator, alias=model.alias,
                                  confidence=min(model.confidence, 0.8)) for c in found[dst]]


# "từ dưới 1% lên khoảng 90%": the qualifiers of either value said between
_ABOUT = r"(?:(?:dưới|trên|hơn|gần|khoảng|xấp xỉ|ước)\s+)?"
_FROM_BEFORE = re.compile(r"(?<!\w)từ\s+(?:mức\s+)?" + _ABOUT + "$", re.IGNORECASE)
_TO_BETWEEN = re.compile(r"\s*(?:\(\s*(?:năm\s+)?(?:19|20)\d\d\s*\)\s*)?,?\s*"
                         r"(?:lên|xuống|còn)\s+(?:mức\s+|thành\s+)?" + _ABOUT, re.IGNORECASE)


def from_to(figs: list[Figure], found: list[list[Candidate]], text: str) -> None:
    """"giảm nhẹ ... từ 87,61% xuống 86,78%", "tăng từ 37,61% (2021) lên 56,78%": the value a
    figure went to is of the indicator of the value it went from."""
    for i in range(1, len(figs)):
        a, b = figs[i - 1], figs[i]
        have = [c for c in found[i - 1] if c.matched]
        if (a.measure != b.measure or not have or any(c.matched for c in found[i])
                or not _TO_BETWEEN.fullmatch(text, a.end, b.start)
                or not _FROM_BEFORE.search(text, max(0, a.start - 12), a.start)):
            continue
        model = have[0]
        found[i] = [replace(c, indicator=model.indicator, alias=model.alias,
                            confidence=min(model.confidence, 0.8)) for c in found[i]]


def share_lists(figs: list[Figure], found: list[list[Candidate]], text: str) -> None:
    """Members of a list of one measure ("thứ 5, 6, 7") take the indicator one of them has."""
    for i in [*range(1, len(figs)), *range(len(figs) - 1, 0, -1)]:
        a, b = figs[i - 1], figs[i]
        if a.measure != b.measure or not continues_list(text[a.end:b.start], a.measure):
            continue
        for src, dst in ((i, i - 1), (i - 1, i)):
            have = [c for c in found[src] if c.matched]
            if have and found[dst] and not any(c.matched for c in found[dst]):
                model = have[0]
                found[dst] = [replace(c, indicator=model.indicator, alias=model.alias,
                                      confidence=min(model.confidence, 0.8)) for c in found[dst]]
    # "nhận thức số tăng 15 bậc (từ vị trí 16 lên 1)": that index's ranks
    for i in range(1, len(figs)):
        a, b = figs[i - 1], figs[i]
        have = [
            c
            for c in found[i - 1]
            if c.matched and c.indicator and c.indicator.endswith("_rank_change")
        ]
        if (
            a.measure == "rank_change"
            and b.measure == "rank"
            and have
            and continues_list(text[a.end : b.start], a.measure)
        ):
            rank = have[0].indicator.removesuffix("_change")
            for j in range(i, len(figs)):
                if figs[j].measure != "rank" or (
                    j > i and not continues_list(text[figs[j - 1].end : figs[j].start], "rank")
                ):
                    break
                found[j] = [
                    replace(c, indicator=rank, alias=have[0].alias, confidence=0.8)
                    for c in found[j]
                ]


# "xếp thứ 47/63 tỉnh, thành phố, tăng 16 bậc": a change of rank said right after a rank
_CHANGE_AFTER_RANK = re.compile(r"[\s,;]*(?:(?:các\s+)?(?:tỉnh|thành phố|thành|cả nước|toàn quốc)"
                                r"[\s,;]*)*(?:và\s+|đồng thời\s+|\(\s*)?(?:tăng|giảm|tụt)"
                                r"(?:\s+thêm)?\s*",
                                re.IGNORECASE)


def changes_after_ranks(figs: list[Figure], found: list[list[Candidate]], text: str,
                        codes: frozenset[str]) -> None:
    """"Chính quyền số đạt 0,3512, ..., xếp thứ 47/63 tỉnh, thành phố, tăng 16 bậc": a change of
    rank right after a pillar's rank is that pillar's change, not the whole index's."""
    for i in range(1, len(figs)):
        r, b = i - 1, figs[i]
        if (figs[r].measure != "rank" and r and figs[r - 1].measure == "rank"
                and _BRACKETED.search(text, figs[r - 1].end, figs[r].start)
                and _BARE.match(text, figs[r].end)):
            r -= 1  # "Kinh tế số xếp hạng 9 (0,7793) tăng 3 bậc": the rank before its score
        a = figs[r]
        if a.measure != "rank" or b.measure != "rank_change":
            continue
        ranks = [c for c in found[r] if c.matched and (c.indicator or "").endswith("_rank")]
        between = re.sub(r"\([^()]*\)", " ", text[a.end:b.start])
        if not ranks or _CHANGE_AFTER_RANK.fullmatch(between) is None:
            continue
        code = f"{ranks[0].indicator}_change"
        # a whole index's change, of this index or another ("PAPI ... xếp hạng 45/63 tỉnh,
        # thành phố; tăng 14 bậc" in a report on the DTI)
        whole = {f"{fam}_rank_change" for fam, _ in FAMILIES}
        mine = {c.indicator for c in found[i] if c.matched}
        # unmatched, or read as the whole index's change where the rank is one of its pillars',
        # or in brackets right after the rank ("kinh tế số: 30/63 tỉnh, thành phố (tăng 02 bậc so
        # với năm 2021) và xếp hạng xã hội số": the pillar named next is the next item's)
        opened = text.rfind("(", 0, b.start)  # "(xếp thứ 11 tăng 03 bậc so với năm 2021)" too
        bracketed = opened >= 0 and ")" not in text[opened:b.start]
        if code not in codes or not (not mine or mine <= whole or bracketed):
            continue
        found[i] = [replace(c, indicator=code, alias=ranks[0].alias,
                            confidence=min(ranks[0].confidence, 0.8)) for c in found[i]]


_BRACKETED = re.compile(r"\(\s*$")
_BARE = re.compile(r"\s*\)")  # a value alone in its brackets: "Hà Nội (2,95)"
# a rate's base written after its noun: "doanh nghiệp công nghệ số/1.000 (dân)", "thuê bao/100
# dân", "trên 1.000 dân" (not a score's scale, "/100 điểm", nor a number's own "85,5/100", nor a
# base of households or firms)
_LIST_BASE = re.compile(r"(?<=[^\W\d])\s*/\s*(100|1\.000|1000)(?![\d.,])"
                        r"(?!\s*(?:điểm|%|hộ|doanh nghiệp|DN|lao động|học sinh|km|thuê bao)(?!\w))"
                        r"(\s*(?:dân|người)(?!\w))?|"
                        r"(?<!\w)trên\s*(100|1\.000|1000)\s*(?:dân|người)(?!\w)", re.IGNORECASE)


def _list_base(text: str) -> tuple[str, str] | None:
    """("per_100" or "per_1000", `text` with the base's noun written) when `text` names a rate
    by its base, else None: "DN công nghệ số/1.000 rất cao" is per 1.000 inhabitants."""
    if "100" not in text and "1.000" not in text:
        return None  # no base written: the pattern's search cannot match
    m = _LIST_BASE.search(text)
    if m is None:
        return None
    measure = "per_100" if (m.group(1) or m.group(3)) == "100" else "per_1000"
    if m.group(1) and not m.group(2):
        text = text[:m.end()] + " dân" + text[m.end():]
    return measure, text


# what may stand between a province and its value in brackets: "Quảng Ngãi đứng cuối bảng (4,21%)"
_NAME_TO_BRACKET = re.compile(r"\s*(?:(?:đứng|xếp)\s+(?:đầu|cuối|chót)(?:\s+bảng)?\s*)?\(\s*",
                              re.IGNORECASE)

_RANK_IN_BRACKET = re.compile(r"\s*\(\s*(?:xếp|đứng)?\s*(?:hạng|thứ|vị trí)\s*(?:thứ\s*)?$",
                              re.IGNORECASE)


# a list said to be of a ranking's places: "xếp cuối bảng", "đứng đầu", "top 5", "bảng xếp hạng"
_RANKS_LISTED = Caseless(r"(?<!\w)(?:(?:xếp|đứng)\s+(?:đầu|cuối|chót)|bảng xếp hạng|thứ hạng|"
                         r"top\s+\d+|nhóm\s+(?:đầu|cuối)|(?:xếp|đứng)\s+(?:cuối|đầu)\s+bảng)"
                         r"(?!\w)")


def bracket_lists(figs: list[Figure], found: list[list[Candidate]], text: str, named: list[Mention],
                  about: Callable[[str, Figure], list[tuple[str, str]]],
                  previous: tuple[str, str, str] | None = None) -> None:
    """"Đà Nẵng (67%) cùng các tỉnh Hòa Bình (86,5%), Nam Định (65,9%) ... dẫn đầu về tỷ lệ hồ
    sơ trực tuyến": each province's value in brackets is of the indicator the sentence names
    around the list, one of its members has, or `about` finds in the sentence's other words;
    failing those, of `previous` (code, alias, measure: the last figure read in the sentence just
    before), when it is of the same measure ("Bắc Ninh (56,83%) so với Quảng Ngãi đứng cuối bảng
    (4,21%)" after a sentence on the share of the digital economy)."""
    items = [i for i, f in enumerate(figs)
             if _BRACKETED.search(text[:f.start])
             and any(m.end <= f.start and _NAME_TO_BRACKET.fullmatch(text, m.end, f.start)
                     for m in named)]
    if len(items) < 2:
        return
    # "tỷ lệ doanh nghiệp công nghệ số/1.000 dân ... như: TP.HCM (3,19), Hà Nội (2,95)": bare
    # values in brackets after a rate named with its base before the list are rates on that base
    based = (_list_base(text[:figs[items[0]].start])
             if any(figs[i].measure == "count" and _BARE.match(text, figs[i].end) for i in items)
             else None)
    measure_of = {i: based[0] if based and figs[i].measure == "count"
                  and _BARE.match(text, figs[i].end) else figs[i].measure for i in items}
    # "Phú Thọ (xếp thứ 8), Lạng Sơn (16), Lào Cai (23)": bare whole numbers listed after a
    # member that wrote its rank are ranks too
    ranked = next((k for k, i in enumerate(items) if figs[i].measure == "rank"), None)
    if ranked is None and items:
        first = next((j for j, f in enumerate(figs[:items[0]]) if f.measure == "rank"
                      and _RANK_IN_BRACKET.search(text, 0, f.start)
                      and any(m.end <= f.start and _RANK_IN_BRACKET.fullmatch(text, m.end, f.start)
                              for m in named)), None)
        if first is not None:
            items, ranked = [first, *items], 0
            measure_of[first] = "rank"
    if (ranked is None and len(items) >= 2
            and all(figs[i].measure == "count" and _BARE.match(text, figs[i].end)
                    and float(figs[i].value).is_integer() and 1 <= figs[i].value <= 64
                    for i in items)
            and _RANKS_LISTED.search(text, 0, figs[items[0]].start)):
        # "Các địa phương xếp cuối bảng DTI 2023 gồm: Lai Châu (63), Điện Biên (62)": bare whole
        # numbers in brackets after the names a ranking lists are their ranks
        ranked = -1
        for i in items:
            measure_of[i] = "rank"
    if ranked is not None:
        for i in items[ranked + 1:]:
            if (figs[i].measure == "count" and _BARE.match(text, figs[i].end)
                    and float(figs[i].value).is_integer()):
                measure_of[i] = "rank"
    for measure in sorted(set(measure_of.values())):
        run = [i for i in items if measure_of[i] == measure]
        if len(run) < 2:
            continue
        rated = based is not None and measure == based[0]
        have = [c for i in run for c in found[i] if c.matched and c.unit is not None
                and not (rated and c.measure == "count")]
        if have:
            code, alias, conf = have[0].indicator, have[0].alias, min(have[0].confidence, 0.8)
        else:
            lo, hi = figs[run[0]].start, figs[run[-1]].end
            lead = based[1] if rated and based else text[:lo]
            # the words around the list, without asides in brackets ("(được tính bằng ...)")
            outside = re.sub(r"\([^()]*\)", " ", lead + " . " + text[hi:])
            got = about(outside, replace(figs[run[0]], measure=measure))
            if got:
                (code, alias), conf = got[0], 0.7
            elif previous is not None and previous[2] == measure:
                code, alias, conf = previous[0], previous[1], 0.6
            else:
                if measure == "rank":  # ranks still, of the index the report is on (by_topic)
                    for i in run:
                        found[i] = [replace(c, measure="rank") if not c.matched else c
                                    for c in found[i]]
                continue
        for i in run:
            # a bare "(1,0)" read as a count of the nouns before is a rate on the base too
            if not any(c.matched and not (rated and c.measure == "count") for c in found[i]):
                found[i] = [replace(c, indicator=code, alias=alias, confidence=conf,
                                    measure=measure) for c in found[i]]


_COLON_ITEM = re.compile(r"\s*:\s*$")
_ITEM_OPEN = re.compile(r"(?:\(|;|,)\s*$")
_ITEM_CLOSE = re.compile(r"\s*[;,)]")


def colon_ranks(figs: list[Figure], found: list[list[Candidate]], text: str,
                named: list[Mention]) -> None:
    """"đứng thứ 1/5 so với các tỉnh Tây Nguyên (Đắk Lắk: 31; Lâm Đồng: 45; Gia Lai: 51)": bare
    whole numbers after provinces and a colon, listed after a rank the sentence gives, are those
    provinces' ranks on the same index."""
    items = []
    for i, f in enumerate(figs):
        m = next((m for m in named
                  if m.end <= f.start and _COLON_ITEM.fullmatch(text, m.end, f.start)
                  and _ITEM_OPEN.search(text, max(0, m.start - 3), m.start)), None)
        if (m is not None and f.measure == "count" and float(f.value).is_integer()
                and 1 <= f.value <= 64 and _ITEM_CLOSE.match(text, f.end)
                and not any(c.matched for c in found[i])):
            items.append(i)
    if len(items) < 2:
        return
    ranks = [c for j in range(items[0]) for c in found[j]
             if c.matched and (c.indicator or "").endswith("_rank")]
    if not ranks:
        return
    model = ranks[-1]
    for i in items:
        found[i] = [replace(c, indicator=model.indicator, alias=model.alias, measure="rank",
                            confidence=min(model.confidence, 0.7)) for c in found[i]]


_COMPARED = re.compile(
    r"so (?:với )?(?:cùng kỳ\s*)?(?:năm\s*)?((?:19|20)\d\d)\s*\(\s*$", re.IGNORECASE
)


def compared_values(figs: list[Figure], found: list[list[Candidate]], text: str) -> None:
    """"đạt 0,7955, tăng 8,6% so với năm 2023 (0,7326)": the value in brackets after a
    comparison with a year is the same indicator's, of the same place, for that year."""
    for i in range(1, len(figs)):
        m = _COMPARED.search(text[:figs[i].start])
        if m is None or figs[i - 1].measure != figs[i].measure or figs[i - 1].end > m.start():
            continue
        have = [c for c in found[i - 1] if c.matched]
        if not have or not found[i]:
            continue
        year = int(m.group(1))
        base = found[i][0]
        found[i] = [replace(base, unit=c.unit, indicator=c.indicator, alias=c.alias, kind=c.kind,
                            year=year, target_year=None, confidence=min(c.confidence, 0.8))
                    for c in have if c.kind != kinds.TARGET]
        found[i] = found[i] or [base]
    _compared_with_average(figs, found, text)
    _compared_with_before(figs, found, text)


# "đạt 594,81 Mbps, nhanh hơn 52% so tốc độ tải xuống 391,05 Mbps của tháng 12/2025": a value
# of the same measure the change compares with, of the same place, earlier
_CHANGED_FROM = re.compile(r"[^\d;.()]{0,30}?(?:nhanh hơn|chậm hơn|cao hơn|thấp hơn|tăng|giảm)"
                           r"(?:\s+(?:thêm|khoảng|gần|hơn))?\s*\d+(?:,\d+)?\s*%\s*"
                           r"so (?:với )?(?!cùng kỳ)[^\d;.,()]{0,40}$", re.IGNORECASE)
_WHEN_AFTER = re.compile(r"[^\d;.,]{0,20}?(?:tháng\s+\d{1,2}\s*/\s*|năm\s+)((?:19|20)\d\d)(?!\d)",
                         re.IGNORECASE)


def _compared_with_before(figs: list[Figure], found: list[list[Candidate]], text: str) -> None:
    """"A đạt X, nhanh hơn 52% so <tên> Y của tháng 12/2025": Y, of X's measure, is X's
    indicator, place and kind at the time said after it (no year when none is said). The change
    between them may be read as a figure of its own or not."""
    for i in range(1, len(figs)):
        b = figs[i]
        j = i - 2 if i >= 2 and figs[i - 1].measure == "percent" else i - 1
        a = figs[j]
        if a.measure != b.measure or not _CHANGED_FROM.match(text, a.end, b.start):
            continue
        have = [c for c in found[j] if c.matched and c.kind != kinds.TARGET]
        if not have or not found[i]:
            continue
        when = _WHEN_AFTER.match(text, b.end)
        year = int(when.group(1)) if when else None
        base = found[i][0]
        found[i] = [replace(base, unit=c.unit, indicator=c.indicator, alias=c.alias, kind=c.kind,
                            year=year, target_year=None, confidence=min(c.confidence, 0.8))
                    for c in have]


# "so với tỷ lệ trung bình chung (0,677)", "so với mức bình quân của cả nước (0,4014 điểm)"
_COMPARED_AVERAGE = Caseless(r"so (?:với )?(?:tỷ lệ |mức |giá trị |điểm |mức điểm )*"
                             r"(?:trung bình|bình quân)(?: chung)?(?: của)?(?: cả nước| toàn quốc)?"
                             r"\s*\(\s*$")


def _compared_with_average(figs: list[Figure], found: list[list[Candidate]], text: str) -> None:
    """"tỷ lệ DN công nghệ số/1.000 dân chỉ ở mức 0,07 so với tỷ lệ trung bình chung (0,677)":
    the value in brackets after a comparison with the average is the same indicator's national
    average."""
    for i in range(1, len(figs)):
        at = figs[i].start
        if "(" not in text[max(0, at - 3):at]:
            continue  # every match ends with its bracket
        m = _COMPARED_AVERAGE.search(text, max(0, at - 90), at)
        if m is None or figs[i - 1].end > m.start() or any(c.matched for c in found[i]):
            continue
        a, b = figs[i - 1], figs[i]
        if a.measure != b.measure and not (b.measure in ("count", "score")
                                           and _BARE.match(text, b.end)):
            continue  # a bare value in brackets ("(0,677)") is of the measure compared
        have = [c for c in found[i - 1] if c.matched and c.kind != kinds.TARGET]
        if not have or not found[i]:
            continue
        base = found[i][0]
        found[i] = [replace(base, unit=COUNTRY, indicator=have[0].indicator, alias=have[0].alias,
                            kind=kinds.NATIONAL, target_year=None, measure=have[0].measure,
                            # the compared figure's cap for its owner says nothing of this one:
                            # an indicator carried
                            confidence=0.7 if have[0].unit is None
                            else min(have[0].confidence, 0.8))]


_ROW_HEAD = re.compile(r"^\s*(\d{1,2})\.?\s+(?:\|\s*)?(?:TP\.?\s*|Tp\.?\s*|tỉnh\s+|thành phố\s+)?$")


def ranking_row(text: str, figs: list[Figure], named: list[Mention]) -> str | None:
    """The province of a ranking's line, "1 TP. Đà Nẵng" or "3 Quảng Ninh 0,6012": its first
    figure is the province's rank; None when the line is not such a row."""
    if not figs or not named or figs[0].start != len(text) - len(text.lstrip()):
        return None
    first = named[0]
    if figs[0].end > first.start or not _ROW_HEAD.match(text[:first.start]) or figs[0].value > 64:
        return None
    return first.name


def table_cells(figs: list[Figure], found: list[list[Candidate]], text: str,
                headed: set[int] = frozenset()) -> None:  # type: ignore[assignment]
    """Three or more values side by side with nothing between them (but spaces or the pipes
    between a table's cells) are a table's cells: unless
    the table's column headers placed them (`headed`), their indicator is a guess, so they need
    a look."""
    run: list[int] = []
    for i in range(len(figs) + 1):
        if i < len(figs) and run and text[figs[run[-1]].end:figs[i].start].strip(" |") == "":
            run.append(i)
            continue
        if len(run) >= 3:
            for k in run:
                if k not in headed:
                    found[k] = [replace(c, confidence=min(c.confidence, 0.45)) for c in found[k]]
        run = [i] if i < len(figs) else []


_DASH_ITEM = Gated(r"[^\W\d][^\d;:,]{2,40}?\s[-–]\s*$")


def dash_ranks(text: str, figs: list[Figure], family: str | None) -> list[Figure]:
    """"Chỉ số DTI của tỉnh: Thể chế số - 41; Hạ tầng số - 12": in a report about an index, a
    list of names each followed by a dash and a whole number up to 64 lists ranks."""
    if family is None:
        return figs
    items = [
        i
        for i, f in enumerate(figs)
        if f.measure == "count"
        and f.value_high is None
        and float(f.value).is_integer()
        and 1 <= f.value <= 64
        and _DASH_ITEM.search(text[: f.start])
    ]
    if len(items) < 2:
        return figs
    return [replace(f, measure="rank") if i in items else f for i, f in enumerate(figs)]


# a total and the codes of its parts, for a total whose own words name no indicator
PARTS = {"bts_stations_count": frozenset({"bts_2g_count", "bts_3g_count", "bts_4g_count",
                                          "bts_5g_count"})}
_PART_OF = {code: total for total, parts in PARTS.items() for code in parts}
_PARTS_OPEN = re.compile(r"\s*(?:[^\d;.]{0,30}?)(?:\(|:|\bgồm\b|\btrong đó\b|\bbao gồm\b)",
                         re.IGNORECASE)


# "từ mức 45.600 DN năm 2019 lên 58.000 DN năm 2020 và đạt 64.000 DN năm 2021": a value said
# with the same word and a year of its own, after one that is read, is the same series
_SERIES_STEP = re.compile(r"\s*([^\W\d]+(?:\s[^\W\d]+)?)\s+(?:năm\s+)?(?:19|20)\d\d\s*"
                          r"(?:,|;|lên|và|đến|tới|rồi)\s*(?:(?:lên|đạt|tăng lên|mức)\s+)*$",
                          re.IGNORECASE)
_SERIES_YEAR = re.compile(r"\s*([^\W\d]+(?:\s[^\W\d]+)?)\s+(?:năm\s+)?((?:19|20)\d\d)(?!\d)",
                          re.IGNORECASE)


# "các năm từ 2020 - 2024 lần lượt là 12,66%, 12,87%, ...", "các năm 2021, 2022, 2023 lần lượt
# là 30%, 45% và 60%": the years a list of values is of, in turn
_YEARS_IN_TURN = Caseless(r"(?<!\w)(?:các\s+)?năm\s+(?:từ\s+)?((?:19|20)\d\d)"
                          r"((?:\s*(?:,|và)\s*(?:19|20)\d\d)*|\s*(?:-|–|đến)\s*(?:19|20)\d\d)"
                          r"[^\d;.]{0,40}?(?:lần lượt|tương ứng)(?:\s+(?:là|đạt|ở mức|"
                          r"(?:đứng|xếp)(?:\s+(?:thứ|hạng|vị trí))?))?\s*:?\s*$")
_YEAR = re.compile(r"(?:19|20)\d\d")
# values in turn for years a plan aims at: "mục tiêu các năm 2025, 2026 lần lượt là 60%, 70%"
_AIM_IN_TURN = Caseless(r"(?<!\w)(?:mục tiêu|chỉ tiêu|phấn đấu|kế hoạch|dự kiến|định hướng)(?!\w)")
_IN_TURN_GLUE = re.compile(r"\s*%?\s*(?:,|;|và|,\s*và)\s*$")


def years_in_turn(figs: list[Figure], found: list[list[Candidate]], text: str) -> None:
    """Values given in turn for years named before them ("các năm từ 2020 - 2024 lần lượt là
    12,66%, 12,87%, 12,83%, 12,87% và 13,17%") are, each, the first one's indicator and place for
    its year, as many values as years; a value with words of another indicator is left."""
    for k, fig in enumerate(figs):
        m = _YEARS_IN_TURN.search(text, max(0, fig.start - 160), fig.start)
        if m is None:
            continue
        first, rest = int(m.group(1)), m.group(2)
        if re.search(r"-|–|đến", rest):
            last = int(_YEAR.search(rest).group(0))
            years = list(range(first, last + 1)) if 0 < last - first <= 12 else []
        else:
            years = [first, *map(int, _YEAR.findall(rest))]
        run = [k]
        for j in range(k + 1, len(figs)):
            if (len(run) == len(years) or figs[j].measure != fig.measure
                    or not _IN_TURN_GLUE.match(text, figs[j - 1].end, figs[j].start)):
                break
            run.append(j)
        have = [c for c in found[k] if c.matched]
        if len(years) < 2 or len(run) != len(years) or not have:
            continue
        model = have[0]
        aims = _AIM_IN_TURN.search(text, 0, m.start()) is not None
        kind = (kinds.TARGET if aims else kinds.NATIONAL if model.unit == COUNTRY
                else model.kind if model.kind != kinds.TARGET else kinds.ACTUAL)
        for j, year in zip(run, years, strict=True):
            if any(c.matched and c.indicator != model.indicator for c in found[j]):
                continue
            base = found[j][0]
            found[j] = [replace(base, unit=model.unit, indicator=model.indicator,
                                alias=model.alias, kind=kind,
                                year=None if aims else year, target_year=year if aims else None,
                                confidence=min(model.confidence, 0.8))]
        return


# the first value of such a series led by its year: "Năm 2016 kinh phí là", "năm 2021: "
_YEAR_LED = re.compile(r"(?:^|[:;,.]\s*)năm\s+(?:19|20)\d\d\b[^\d;.]{0,90}$", re.IGNORECASE)
# "; năm 2017: 520 tỷ đồng", ", năm 2023 là 60 tỷ đồng và năm 2024 đạt 72 tỷ đồng"
_SERIES_LABEL = re.compile(r"[^\d;.()]{0,24}?(?:[;,]\s*(?:và\s+)?|\s+và\s+)năm\s+((?:19|20)\d\d)"
                           r"\s*(?::|,)?\s*(?:(?:là|đạt|ở mức|lên|tăng lên)\s+)?$",
                           re.IGNORECASE)


def year_series(figs: list[Figure], found: list[list[Candidate]], text: str) -> None:
    """Each step of a series over years, written with the word of its first value and a year
    after each ("45.600 DN năm 2019 lên 58.000 DN năm 2020") or a year and a colon before each
    after the first's ("Năm 2016 kinh phí là 90 tỷ đồng; năm 2017: 520 tỷ đồng"), is of the
    first value's indicator and place, for its own year; a step with words of its own is left
    as read."""
    for i in range(1, len(figs)):
        a, b = figs[i - 1], figs[i]
        if a.measure != b.measure or any(c.matched for c in found[i]) or not found[i]:
            continue
        step = _SERIES_STEP.match(text, a.end, b.start)
        own = _SERIES_YEAR.match(text, b.end)
        if step is not None and own is not None and own.group(1).lower() == step.group(1).lower():
            year = int(own.group(2))
        else:
            label = _SERIES_LABEL.match(text, a.end, b.start)
            if label is None or not _YEAR_LED.search(text, max(0, a.start - 100), a.start):
                continue
            year = int(label.group(1))
        have = [c for c in found[i - 1] if c.matched and c.kind != kinds.TARGET]
        base = found[i][0]
        found[i] = [replace(base, unit=c.unit, indicator=c.indicator, alias=c.alias, kind=c.kind,
                            year=year, target_year=None,
                            confidence=min(c.confidence, 0.8)) for c in have] or found[i]


# "(Thủ tục hành chính công: 7,4572 điểm, xếp hạng 7/61)": an aside that opens with a label
_LABELLED_ASIDE = re.compile(r"\(\s*([A-ZĐ][^():;,.\d]{2,80}?)\s*:[^()]*$")
# "Công khai, minh bạch (năm 2022: 4,8389; năm 2023: 5,3089)": a label's values by year in the
# brackets after it
_YEARS_ASIDE = re.compile(r"(?:^|[:;,.)]|\s(?:và|gồm)\s)\s*([^():;,.\d]{2,80}?)\s*"
                          r"\(\s*năm\s+(?:19|20)\d\d\s*:[^()]*$", re.IGNORECASE)


def labelled_asides(figs: list[Figure], found: list[list[Candidate]], text: str,
                    named: list[Mention],
                    about: Callable[[str, Figure], list[tuple[str, str]]]) -> None:
    """A figure in brackets after a label and a colon is the label's: of the indicator the label
    names, else of none (a PAPI content area's score, an operator's stations), not of the index
    or the total the sentence speaks of; so are the values by year in brackets after a label
    ("Quản trị điện tử (năm 2022: 2,8875; năm 2023: 3,417)"). A label that is a place ("(Hà Nội:
    95%") or a year ("(Năm 2018: Xếp thứ 38/63") is left to the other rules."""
    for i, f in enumerate(figs):
        by_year = None
        m = _LABELLED_ASIDE.search(text, 0, f.start)
        if m is None:
            m = by_year = _YEARS_ASIDE.search(text, 0, f.start)
        if m is None or any(m.start(1) <= x.start < m.end(1) for x in named):
            continue
        said = about(m.group(1), f)
        codes = {code for code, _ in said}
        if (by_year is not None and len(codes) == 1 and found[i]
                and any(c.indicator in codes for j in range(i) if figs[j].start > by_year.end(1)
                        for c in found[j])):
            # "tỷ lệ hồ sơ trực tuyến (năm 2022: 40%; năm 2023: 65%)": each year's value is of
            # the indicator the label names and the first value was read as
            code, alias = said[0]
            found[i] = [c if c.indicator == code else
                        replace(c, indicator=code, alias=alias, confidence=min(c.confidence, 0.8)
                                if c.indicator else 0.7) for c in found[i]]
            continue
        found[i] = [c if c.indicator in codes else
                    replace(c, indicator=None, alias=NO_INDEX, confidence=min(c.confidence, 0.3))
                    for c in found[i]]


def chart_series(figs: list[Figure], found: list[list[Candidate]], text: str,
                 named: list[Mention], namer: Callable[[str], str | None],
                 about: Callable[[str, Figure], list[tuple[str, str]]]) -> set[int]:
    """A chart copied as text: its labels, provinces side by side, then the series' name and
    as many values side by side ("Nhãn Quảng Ninh Hải Phòng Ninh Bình Tăng trưởng GRDP % 11.89
    11.81 10.65"): the k-th value is the k-th province's, of the indicator the series names.
    Returns the figures placed so (their table's labels placed them: `table_cells`)."""
    run = _side_by_side_names(text, named)
    if len(run) < 3:
        return set()
    last = run[-1].end
    values = [i for i, f in enumerate(figs) if f.start >= last]
    if len(values) < len(run):
        return set()
    values = values[:len(run)]
    if (not _SERIES_NAME.fullmatch(text, last, figs[values[0]].start)
            or any(text[figs[a].end:figs[b].start].strip(" %")
                   for a, b in itertools.pairwise(values))):
        return set()
    placed = set()
    series = text[last:figs[values[0]].start]
    percent = "%" in series or "phần trăm" in series.lower()
    for m, i in zip(run, values):
        fig = replace(figs[i], measure="percent") if percent else figs[i]
        said = about(series, fig)
        unit = namer(m.name)
        if not said or not found[i] or unit is None:
            continue
        code, alias = said[0]
        found[i] = [replace(c, indicator=code, alias=alias, unit=unit, measure=fig.measure,
                            confidence=0.7) for c in found[i]]
        placed.add(i)
    return placed


# the name of a chart's series, between its labels and its values: "Tăng trưởng GRDP %"
_SERIES_NAME = re.compile(r"\s+[^\W\d][^\d;:()]{2,60}?\s*%?\s*")


def _side_by_side_names(text: str, named: list[Mention]) -> list[Mention]:
    """The longest run of three or more provinces written one after another with nothing but
    spaces between ("Quảng Ninh Hải Phòng Ninh Bình"), or none."""
    best: list[Mention] = []
    run: list[Mention] = []
    for m in named:
        if run and not text[run[-1].end:m.start].strip():
            run.append(m)
        else:
            run = [m]
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= 3 else []


def totals_of_parts(figs: list[Figure], found: list[list[Candidate]], text: str,
                    fits: Callable[[str, Figure], bool]) -> None:
    """"Toàn tỉnh có 4.977 trạm (1.290 trạm 2G; 1.814 trạm 3G và 1.873 trạm 4G)": a count no
    indicator words reach, followed by two or more parts of one total (in brackets, after ":" or
    "gồm") whose values add up to it, is that total. The sum is the evidence: parts that do not
    add up leave the count alone."""
    for i, fig in enumerate(figs):
        if (fig.measure != "count" or not found[i] or any(c.matched for c in found[i])
                or i + 2 >= len(figs)
                or _PARTS_OPEN.match(text, fig.end, figs[i + 1].start) is None):
            continue
        total, acc, confs, seen = None, 0.0, [], set()
        for j in range(i + 1, len(figs)):
            have = [c for c in found[j] if c.matched]
            if (figs[j].measure != "count" or not have
                    or j > i + 1 and ")" in text[figs[j - 1].end:figs[j].start]):
                break  # (the parts' bracket closed: what follows is no part)
            code = have[0].indicator
            owner = _PART_OF.get(code or "")
            if owner is None or (total is not None and owner != total) or code in seen:
                break
            total = owner
            seen.add(code)
            acc += figs[j].value
            confs.append(have[0].confidence)
        # every part listed counts: "20 trạm (10 trạm 2G; 10 trạm 3G; 12 trạm 4G)" is no total of
        # them, though its first two add up to it
        if total is not None and len(seen) >= 2 and abs(acc - fig.value) < 0.5 and fits(total, fig):
            found[i] = [replace(c, indicator=total, alias="(tổng các phần)",
                                confidence=min(0.8, *confs)) for c in found[i]]


# "(So sánh với năm 2021, các thứ hạng này là 24, 27, 29)": the ranks of the last sentence's
# indicators, in their order, for another year
_THESE_RANKS = Caseless(r"(?<!\w)(?:các|những)\s+(?:thứ hạng|vị trí|xếp hạng|thứ tự)\s+"
                        r"(?:này|trên|đó)\s+(?:lần lượt\s+|tương ứng\s+)?(?:là|đạt|ở)\s*$")


def these_ranks(figs: list[Figure], found: list[list[Candidate]], text: str,
                previous: list[Candidate]) -> None:
    """Bare numbers after "các thứ hạng này là" are the ranks of the indicators ranked before
    them, in the same sentence ("..., Xã hội số xếp 29/63 trong khi năm 2020 thì các thứ tự
    này là 47, 39, 29") or else the sentence before (`previous`, its matched ranks in order),
    one each, when they are as many; each keeps its own year ("So sánh với năm 2021")."""
    cue = next((m for f in figs if (m := _THESE_RANKS.search(text, 0, f.start))), None)
    if cue is None:
        return
    here = [c for k, f in enumerate(figs) if f.end <= cue.start()
            for c in found[k] if c.matched and c.measure == "rank"]
    if len(here) >= 2:
        previous = here
    if len(previous) < 2 or len(figs) < len(previous) or cue.end() > figs[-len(previous)].start:
        return
    k0 = len(figs) - len(previous)
    tail = figs[k0:]
    if (figs[k0].start - cue.end() > 3
            or any(not float(f.value).is_integer() or f.value > 64 or f.value_high is not None
                   for f in tail)
            or any(c.matched for k in range(k0, len(figs)) for c in found[k])):
        return
    for k, prior in zip(range(k0, len(figs)), previous, strict=True):
        found[k] = [replace(c, indicator=prior.indicator, measure="rank", alias=prior.alias,
                            confidence=min(prior.confidence, 0.8)) for c in found[k]]
