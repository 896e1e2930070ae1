"""Whose figure it is: the report's own province and, figure by figure, the province, the country or
something that is neither (a ministry, an operator, a district, a region).

The report's province comes from, in order of evidence: its title, its lede, a "tỉnh/thành phố X"
anywhere, the publisher's web address (a provincial portal or newspaper named for its province)
and the caller's hint. Inside a sentence a figure belongs to the province named nearest before it,
to the province named right after a rank ("thứ 2 là TP Huế"), or to its place in a list read
"respectively" ("Thanh Hóa, Điện Biên, Hà Tĩnh giữ vị trí thứ 5, 6, 7").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlparse

from chiso.extract.caseless import Caseless, Gated
from chiso.extract.forms import CLOSED_BRACKET
from chiso.extract.units import COUNTRY, Mention, mentions

# Publishers' host names carry the province with one of these around it: baotuyenquang.com.vn,
# thainguyentv.vn, chuyendoiso.backan.gov.vn, cchccantho.gov.vn, vccidanang.com.vn, the party
# committee's tinhuyquangtri.vn, the DDCI's ddcilaocai.vn, tuoitrekiengiang.vn, hatinhmoi.vn
_HOST_AFFIXES = frozenset({"", "bao", "tv", "cchc", "vcci", "nguoi", "stttt", "sotttt", "so", "dcs",
                           "portal", "congan", "hhdn", "cds", "baomoi", "tinhuy", "thanhuy", "ddci",
                           "tuoitre", "moi", "ngaynay", "nguoilambao"})
# the provinces' own papers whose names are not their province's: Báo Đồng Khởi, Báo Ấp Bắc
_PAPERS = {"baodongkhoi": "Bến Tre", "baoapbac": "Tiền Giang"}


def _ascii(name: str) -> str:
    s = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return re.sub(r"[^a-z]", "", "".join(c for c in s if not unicodedata.combining(c)).lower())


@lru_cache(maxsize=1)
def _host_keys() -> dict[str, str]:
    from chiso.units.registry import Registry

    out: dict[str, str] = {}
    for name in Registry.load().names("province"):
        if name.split()[0] in ("Tỉnh", "Thành"):
            continue
        out.setdefault(_ascii(name), name)
    return out


def source_unit(source: str | None) -> str | None:
    """The province a publisher's address names ("https://baotuyenquang.com.vn/..." -> Tuyên
    Quang), or None."""
    if not source:
        return None
    host = (urlparse(source).hostname or "").lower()
    keys = _host_keys()
    for label in host.split("."):
        if label in _PAPERS:
            return _PAPERS[label]
        for key, name in sorted(keys.items(), key=lambda kv: -len(kv[0])):
            if key and key in label and label.replace(key, "", 1) in _HOST_AFFIXES:
                return name
    return None


# ("Chương trình Phát triển Liên hiệp quốc tại Việt Nam" is an agency's name, no national report)
_COUNTRY_AS_PLACE = re.compile(r"(?<!\w)(?<!quốc )(?:tại|của|ở) Việt Nam(?!\w)")
_OWN_PROVINCE = Caseless(r"(?<!\w)(?:của|toàn|trên địa bàn) (?:tỉnh|thành phố)(?!\w)")
_NAMED_AS_PROVINCE = re.compile(r"(?:tỉnh|thành phố|TP\.?)\s*$", re.IGNORECASE)


_VENUE_BEFORE = re.compile(r"(?:tại|ở)\s*(?:TP\.?\s*|thành phố\s+)?$", re.IGNORECASE)
# a national or international organiser: a ministry, the UN's programme, VCCI, the government
_ORGANISER = (r"(?<!\w)(?:Bộ\s+[A-ZĐ]|UNDP|VCCI|USAID|CECODES|Liên (?:hợp|hiệp) quốc|Chính phủ|"
              r"Thủ tướng|Ban Chỉ đạo (?:quốc gia|Trung ương)|Cục\s+[A-ZĐ]|Hiệp hội)")
_MINISTRY_EVENT = re.compile(_ORGANISER + r".{0,120}?(?:tổ chức|khai mạc|công bố)|"
                             r"(?:tổ chức|diễn ra|khai mạc).{0,80}?" + _ORGANISER)


def _not_venue(line: str, found: list[Mention]) -> list[Mention]:
    """The mentions of a line but the venue of a ministry's event ("Ngày 21-10, tại Hà Nội, Bộ
    KH-CN tổ chức ..."): where a national meeting is held is not what the report is about."""
    if not found or not _MINISTRY_EVENT.search(line):
        return found
    return [m for m in found if not _VENUE_BEFORE.search(line[max(0, m.start - 16):m.start])]


# a province the lede names only to compare the report's own with: "cao hơn tỉnh Tiền Giang",
# "so với Bến Tre", "trong khi Tiền Giang chỉ đạt 70%"
_COMPARED_BEFORE = re.compile(r"(?<!\w)(?:cao hơn|thấp hơn|nhiều hơn|ít hơn|hơn|so với|xếp sau|"
                              r"chỉ sau|đứng sau|vượt|kém|trong khi|còn)\s+"
                              r"(?:(?:tỉnh|thành phố|TP\.?)\s*)?$", re.IGNORECASE)


def _not_compared(line: str, found: list[Mention]) -> list[Mention]:
    """The mentions of a line but those it names to compare with."""
    return [m for m in found if not _COMPARED_BEFORE.search(line, max(0, m.start - 30), m.start)]


def home_unit(text: str, source: str | None = None, hint: str | None = None) -> str | None:
    """The province a report is about, by the order of evidence above; None for a national one."""
    lines = [line for line in text.splitlines() if line.strip()]
    title = lines[0] if lines else ""
    found = _not_venue(title, mentions(title))
    if found:
        return found[0].name
    if _COUNTRY_AS_PLACE.search(title) and not _OWN_PROVINCE.search(title):
        return None  # "tốc độ ... của mạng Internet cố định tại Việt Nam": a national report
    lede = " ".join(lines[1:3])[:600]
    found = _not_compared(lede, _not_venue(lede, mentions(lede)))
    if found:
        return found[0].name
    named = mentions(text[:8000])
    for m in _not_compared(text, named):
        if (_NAMED_AS_PROVINCE.search(text[max(0, m.start - 12):m.start])
                or _DEFINED_AS_PROVINCE.match(text, m.end)):
            return m.name
    opening = _OPENING_SOURCE.match(text)
    written = source_unit("https://" + opening.group(1)) if opening else None
    return written or source_unit(source) or _sole_province(text, named) or hint


# "(Thanhhoa.dcs.vn): Trong năm 2023, ...", "(Baothanhhoa.vn) - ...": the publisher a page's
# opening names, which a republishing site's address does not
_OPENING_SOURCE = re.compile(r"\s*\(\s*((?:[\w-]+\.)+(?:vn|com|net|org))\s*\)\s*[:–-]",
                             re.IGNORECASE)


def _sole_province(text: str, named: list[Mention]) -> str | None:
    """The one province a report names, when it speaks of its own ("toàn tỉnh", "của tỉnh"):
    "Hiện Quảng Trị đã hợp nhất cổng dịch vụ công ..." in a page whose title was not kept."""
    names = {m.name for m in named if m.name != COUNTRY}
    if len(names) != 1 or not _OWN_PROVINCE.search(text[:8000]):
        return None
    return next(iter(names))


# "Cần Thơ (Chữ Nôm: 芹苴) là một trong sáu thành phố trực thuộc trung ương": a page about it
_DEFINED_AS_PROVINCE = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:hiện\s+)?là\s+(?:một\s+)?"
                                  r"(?:trong\s+\w+\s+)?(?:tỉnh|thành phố)(?!\w)", re.IGNORECASE)


# Who else a figure can be about. A ministry, an operator, a district or commune, a region.
_OTHER = Gated(
    r"(?<!\w)(?:Bộ\s+[A-ZĐ][\w&]*|Ngân hàng Nhà nước|khối bộ|cấp bộ|cấp sở|"
    r"các bộ,? (?:ngành|cơ quan ngang bộ)|"
    r"Viettel|VNPT|MobiFone|Mobifone|Vinaphone|VinaPhone|Vietnamobile|CMC(?: Telecom)?|"
    r"FPT(?: Telecom)?|NETNAM|SCTV|"
    r"(?:[Hh]uyện|[Qq]uận|[Tt]hị xã|xã|[Pp]hường|[Tt]hị trấn|xóm|thôn|bản)\s+[A-ZĐ][\w]*|"
    r"(?:vùng|khu vực)\s+(?:Đồng|Tây|Đông|Trung|Bắc|Nam|Duyên)[\w ]*?|"
    r"Đồng bằng sông \w+|ĐBSCL|Tây Nguyên|"
    r"UAE|Qatar|Singapore|Hồng Kông|Ireland)(?!\w)")


def names_other(sentence: str) -> bool:
    """Does a sentence name a subject that is no province (an operator, a ministry, a district)?"""
    return _OTHER.search(sentence) is not None


@dataclass(frozen=True)
class Subject:
    start: int
    end: int
    province: str | None  # None: not a province
    organisation: bool = False  # a province's name ending an organisation's ("Cục Thống kê X")


# a province's name that ends an organisation's name: "Đài Phát thanh Truyền hình Lâm Đồng",
# "Bảo hiểm Xã hội tỉnh Cà Mau", "Cục Thống kê Phú Yên" (the organisation, not the province)
_ORGANISATION = re.compile(
    r"(?:Đài Phát thanh(?: và)? Truyền hình|Đài Truyền hình|Đài PT-?TH|Báo|Bảo hiểm [Xx]ã hội|"
    r"Công an|Cục Thuế|"
    # "Viễn thông Lâm Đồng" is VNPT's branch; "Sở Bưu chính Viễn thông tỉnh X" the province's
    r"Cục Thống kê|Cục Hải quan|Kho bạc Nhà nước|Bưu điện|Điện lực|(?<!Bưu chính )(?<!Bưu chính, )"
    r"Viễn thông|Bệnh viện|"
    r"Trường (?:Đại học|Cao đẳng))\s+(?:tỉnh\s+|thành phố\s+|TP\.?\s*)?$")


def organisations(sentence: str, named: list[Mention]) -> tuple[list[Mention], list[Subject]]:
    """The sentence's mentions of places, and the organisations whose names a province's name
    ends (as subjects that are no province)."""
    places: list[Mention] = []
    organs: list[Subject] = []
    for m in named:
        organ = _ORGANISATION.search(sentence, max(0, m.start - 45), m.start)
        if organ is None:
            places.append(m)
        else:
            organs.append(Subject(organ.start(), m.end, None, organisation=True))
    return places, organs


def subjects(sentence: str, named: list[Mention],
             organs: list[Subject] | None = None) -> list[Subject]:
    """The provinces and other subjects a sentence names, left to right; `organs`: the
    organisations a province's name ends (`organisations`), which are not the province."""
    out = [Subject(m.start, m.end, m.name) for m in named] + list(organs or [])
    taken = [(m.start, m.end) for m in out]
    for m in _OTHER.finditer(sentence):
        if not any(s <= m.start() < e for s, e in taken):
            out.append(Subject(m.start(), m.end(), None))
    return sorted(out, key=lambda s: s.start)


# "Đứng thứ 2 bảng xếp hạng là Thái Nguyên", "xếp thứ 3 cả nước là tỉnh Hải Dương"
_AFTER_RANK = re.compile(r"^\s*(?:(?:trên\s+|trong\s+)?(?:bảng xếp hạng|cả nước|toàn quốc)\s+)?"
                         r"(?:là|thuộc về|thuộc|gọi tên)\s+(?:TP\.?\s*|tỉnh\s+|thành phố\s+)?$",
                         re.IGNORECASE)


# "Đơn vị đứng thứ 2 trong bảng xếp hạng ... là UBND tỉnh Quảng Trị": the rank's subject is said
# after it, however far in its clause
_UNNAMED_RANKED = re.compile(r"(?<!\w)(?:đơn vị|địa phương)\s+(?:đứng|xếp)\s+(?:ở\s+)?"
                             r"(?:vị trí\s+|hạng\s+)?thứ\s*$", re.IGNORECASE)
_SUBJECT_AFTER = re.compile(r"[^;.:()]{0,160}?\s(?:là|thuộc về)\s+(?:UBND\s+)?"
                            r"(?:TP\.?\s*|tỉnh\s+|thành phố\s+)?$", re.IGNORECASE)


# a sentence opening with a rank: "Ở vị trí thứ 4,", "Xếp thứ 11,", "Đứng ở vị trí thứ 3,"
_RANK_OPENING = re.compile(r"\W*(?:ở|với|xếp|đứng|giữ|vươn lên|tiếp theo)(?:\s+(?:ở|tại|vững|"
                           r"hạng|vị trí|thứ hạng|thứ|số))*\s*", re.IGNORECASE)
# the comma after such a rank, then the province: "thứ 4, Long An", "thứ 11/63, tỉnh Bình Dương"
_TO_SUBJECT = re.compile(r"\s*(?:/\s*\d+\s*)?,\s*(?:TP\.?\s*|tỉnh\s+|thành phố\s+)?",
                         re.IGNORECASE)


def named_after(sentence: str, end: int, named: list[Mention], start: int | None = None
                ) -> str | None:
    """"Ở vị trí thứ 2 là TP.Hồ Chí Minh": the province named right after a rank; or, after a
    rank of an unnamed unit ("Đơn vị đứng thứ 2 ... là UBND tỉnh Quảng Trị", `start` where the
    rank begins), the first province named in its clause, after "là"."""
    unnamed = start is not None and _UNNAMED_RANKED.search(sentence, max(0, start - 40), start)
    if start is not None and _RANK_OPENING.fullmatch(CLOSED_BRACKET.sub("", sentence[:start])):
        # "Ở vị trí thứ 4, Long An (66,7 điểm) vẫn giữ ...", "(Ảnh: KT) Xếp thứ 11, Bình Dương
        # đạt ...": a rank opening the sentence is of the province its comma leads to
        first = next((m for m in named if m.start >= end), None)
        if first is not None and _TO_SUBJECT.fullmatch(sentence, end, first.start):
            return first.name
    for m in named:
        if m.start >= end and (_AFTER_RANK.match(sentence[end:m.start]) or unnamed and (
                _SUBJECT_AFTER.fullmatch(sentence, end, m.start))):
            return m.name
        if unnamed and m.start >= end:
            break  # a province named between: the subject is no longer after "là"
    return None


_RESPECTIVELY = Caseless(r"(?:lần lượt|tương ứng|respectively)(?:\s+(?:là|đạt|ở|xếp|đứng))?")
_LIST_SEP = re.compile(r"\s*(?:,|;|\bvà\b)\s*")


def respective(sentence: str, figs: list, named: list[Mention]) -> dict[int, str]:
    """Figures read "respectively" against a list named before them, in order: figure index ->
    the item it goes with (a province's name or the words of an indicator).

    "Thanh Hóa, Điện Biên, Hà Tĩnh giữ vị trí thứ 5, 6, 7", "Ninh Bình và Thanh Hóa đã lần lượt
    đứng ở thứ hạng 6 và 12", "Thứ hạng về chính quyền số, kinh tế số, xã hội số ... lần lượt là
    22, 9, 13". Nothing when the counts differ."""
    out: dict[int, str] = {}
    starts = [f.start for f in figs]
    cue = _RESPECTIVELY.search(sentence)
    group = _province_group(sentence, named)
    if group and len(group) > 1:
        after = [i for i, s in enumerate(starts)
                 if s > group[-1].end and (cue is None or s > cue.start())]
        run = _same_kind_run(figs, after)
        if len(run) == len(group) or (cue is not None and len(run) > len(group)):
            out.update({i: m.name for i, m in zip(run, group)})
        if cue is not None:
            # "Tp.HCM và Hà Nội đứng thứ 6 và 7 xếp hạng với tỷ trọng tương ứng 18,66% và
            # 17,15%": the values before the cue go in turn with the names too
            ahead = _same_kind_run(figs, [i for i, s in enumerate(starts)
                                          if group[-1].end < s < cue.start()])
            if len(ahead) == len(group):
                out.update({i: m.name for i, m in zip(ahead, group)})
        before = [i for i, s in enumerate(starts) if s < group[0].start]
        if cue is not None and cue.start() > group[-1].end and len(before) == len(group):
            # "Với 0,5 điểm và 0,4 điểm, A và B lần lượt"
            out.update({i: m.name for i, m in zip(before, group)})
        if out:
            return out
    if cue is None:
        return out
    if all(any(m.end <= f.start and _OWN_BRACKET.fullmatch(sentence, m.end, f.start) for m in named)
           for f in figs if f.start >= cue.end()):
        return out  # "lần lượt là Lạng Sơn (69,01), Lào Cai (68,56)": each value beside its name
    head = sentence[:cue.start()]
    head = head[max(head.rfind(":"), head.rfind("("), 0):]
    items = [p for p in _LIST_SEP.split(head) if p.strip()]
    after = [i for i, s in enumerate(starts) if s >= cue.end()]
    if after and any(ch.isdigit() for p in items[-len(after):] for ch in p):
        # "Kinh tế số và Xã hội số đồng xếp hạng 58/63, đạt giá trị lần lượt là 0,1931 và
        # 0,2021": an item holding a figure is no item; what the values go with is named before
        # the first figure of the clause
        clause = max(head.rfind(";"), 0)
        offset = cue.start() - len(head)
        first = next((s - offset for s in starts if clause <= s - offset < len(head)), None)
        listed = [p for p in _LIST_SEP.split(head[clause:first].lstrip(";")) if p.strip()]
        if first is not None and len(listed) >= len(after):
            items = listed
    if len(items) > len(after) and _OWNER_CLAUSE.match(items[-1]):
        items = items[:-1]  # "..., xã hội số, thứ hạng của tỉnh so với cả nước lần lượt là"
    if 1 < len(after) <= len(items):
        for k, i in enumerate(after):
            out[i] = items[len(items) - len(after) + k]
    return out


# the clause naming whose values a list's are, after the list: "thứ hạng của tỉnh", "giá trị
# của Hải Dương"
_OWNER_CLAUSE = re.compile(r"\s*(?:thứ hạng|giá trị|điểm số|điểm|kết quả|vị trí|xếp hạng)\s+của\s",
                           re.IGNORECASE)
_OWN_BRACKET = re.compile(r"\s*\(\s*")  # "Lạng Sơn (69,01)": a name and its value in brackets


def _same_kind_run(figs: list, idx: list[int]) -> list[int]:
    """The figures at `idx` from the first while they keep its measure ("5, 6, 7")."""
    run: list[int] = []
    for i in idx:
        if run and figs[i].measure != figs[run[0]].measure:
            break
        run.append(i)
    return run


def _province_group(sentence: str, named: list[Mention]) -> list[Mention]:
    """The longest run of provinces joined by commas or "và" ("Thanh Hóa, Điện Biên, Hà Tĩnh")."""
    best: list[Mention] = []
    run: list[Mention] = []
    for m in named:
        if run and re.fullmatch(r"\s*(?:,|và|,\s*và)\s*(?:TP\.?\s*|tỉnh\s+)?",
                                sentence[run[-1].end:m.start]):
            run.append(m)
        else:
            run = [m]
        if len(run) > len(best):
            best = list(run)
    return best
