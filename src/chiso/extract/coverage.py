"""Coverage shares read as what they count and which network: "100% xã ... được phủ băng rộng
cáp quang" is the share of communes on fibre, "4G được phủ sóng trên 98,5% thôn, bản" the share
of villages with mobile broadband.

A coverage share names two things: what is counted (communes, villages, households, the
population) and the network (fibre, fixed broadband, mobile broadband, any mobile signal, 5G).
Aliases name both at once, and reports combine them in more ways than aliases can list, so a
share whose words say both is coded by the pair (`CODES`), whatever alias matched it.

- What is counted is the noun right after the figure ("100% xã", "99,9% tại các thôn, làng",
  "100% đơn vị hành chính cấp thôn"), else the one after the last "tỷ lệ" or "số" before it in
  its stretch ("Tỷ lệ xã, phường ... có mạng Internet băng rộng ... đạt 100%").
- The network is the first one named in the figure's own stretch (the words since the previous
  figure, then the words after it up to its clause's end, then back to the last comma): "đã phủ
  cáp quang đến 100% xã" is fibre, "mạng di động 3G/4G/5G và Internet cố định đã phủ 100% số ấp"
  any mobile signal. "Phủ sóng" alone is a mobile signal, when no network is named.
"""

from __future__ import annotations

import re

from chiso.extract.caseless import Caseless

_COUNTED_WORDS = (
    ("communes", r"xã|phường|thị trấn"),
    # "bon, buôn" of the Central Highlands, "khóm" and "phum, sóc" of the Mekong delta
    ("villages", r"thôn|bản|ấp|khu phố|tổ dân phố|làng|xóm|bon|buôn|khóm|phum|sóc|plei"),
    ("households", r"hộ gia đình|hộ dân"),
    ("population", r"dân số|khu vực (?:có )?dân cư|khu dân cư"),
)
_COUNTED = "|".join(f"(?P<{name}>{words})" for name, words in _COUNTED_WORDS)
# "100% xã", "trên 98,5% thôn", "99,9% tại các thôn", "100% đơn vị hành chính cấp thôn",
# "100% trung tâm cấp xã", "100% tại trung tâm các xã", "100% số ấp, khu phố"
# "1.336/1.562 (85,5%) thôn, tổ dân phố": the share in brackets after a fraction counts what
# follows the bracket
_COUNTED_AFTER = Caseless(r"\s*\)?\s*(?:(?:tại|ở|của|trên|đến|tới)\s+)?(?:(?:các|số|tổng số)\s+)*"
                          r"(?:đơn vị hành chính\s+)?(?:trung tâm\s+(?:(?:các|tất cả)\s+)?)?"
                          r"(?:cấp\s+)?"
                          r"(?:" + _COUNTED + r")(?!\w)")
# "hạ tầng cáp quang đến hộ gia đình đạt 100%": what the network reaches, named before the figure
_REACHING_COUNTED = Caseless(r"(?<!\w)(?:đến|tới)\s+(?:các\s+|tất cả\s+)?(?:" + _COUNTED
                             + r")(?!\w)[^,;.\d]{0,20}$")
_RATE_OF = Caseless(r"(?<!\w)(?:tỷ lệ|tỉ lệ|số)(?!\w)")
_COUNTED_IN = Caseless(r"(?<!\w)(?:" + _COUNTED + r")(?!\w)")

# networks named outright, longest first so that "băng rộng cáp quang" is fibre and "băng rộng
# di động" is not "di động" alone; a list of generations ("3G, 4G", "4G/5G") is one name
_NETWORK = Caseless(
    r"(?<!\w)(?:(?P<fibre>(?:internet\s+)?(?:băng (?:thông )?rộng\s+)?cáp quang"
    # "cáp quang băng rộng cố định": fibre, then the class it belongs to
    r"(?:\s+băng (?:thông )?rộng(?:\s+cố định)?)?|ftth)"
    r"|(?P<mobile_broadband>băng (?:thông )?rộng di động|di động băng (?:thông )?rộng)"
    r"|(?P<fixed>băng (?:thông )?rộng cố định|(?:mạng\s+)?cố định băng (?:thông )?rộng"
    r"|internet cố định|internet băng (?:thông )?rộng)"
    r"|(?P<mobile>di động)(?!\s+[2-5]g(?!\w))"
    # "thông tin di động 2G", "di động 3G, 4G": the network of the generations written after it
    r"|(?P<generations>(?:(?:thông tin\s+)?di động\s+)?"
    r"(?:[2-5]g\s*(?:/|,|và|-)\s*)*[2-5]g))(?!\w)"
)
# names that say less: "Internet" alone is the fixed network, "phủ sóng" alone a mobile signal;
# read only when no network is named outright
# ("99,73% thôn bản đã có sóng": a signal, as "phủ sóng")
_LOOSE = Caseless(r"(?<!\w)(?:(?P<fixed>internet)|(?P<mobile>phủ sóng|có sóng))(?!\w)")
# where a figure's own piece of its clause starts: "cáp quang phủ đến 100% xã và 97,7% số thôn
# được phủ sóng 4G" (the "và" before a figure starts its piece)
_PIECE = re.compile(r",\s|\(|;\s*|\svà\s+(?=\d[\d.,]*\s*%)|\svà\s*$")
# a share of what lacks coverage: "Lõm sóng di động còn 182/3.711 thôn, bản"
_LACKS = Caseless(r"(?<!\w)(?:lõm|trắng sóng|vùng trắng|mất sóng|chưa|không có|còn thiếu)(?!\w)")
# words of reaching a place: a share no alias matched is read as coverage only with one of them
# ("100% đơn vị hành chính cấp thôn đã được phủ sóng di động")
_REACHING = (r"phủ|bao phủ|kết nối|sóng|triển khai|tiếp cận|truy nhập|truy cập|đường truyền|"
             r"hạ tầng|tới|đến")
REACH = Caseless(r"(?<!\w)(?:" + _REACHING + r"|có)(?!\w)")  # "hộ gia đình có Internet"
_REACHED = Caseless(r"(?<!\w)(?:" + _REACHING + r")(?!\w)")

# (network, what is counted) -> indicator
CODES = {
    ("fibre", "communes"): "fiber_communes_share",
    ("fibre", "villages"): "fiber_villages_share",
    ("fibre", "households"): "fiber_households_share",
    ("fixed", "communes"): "broadband_communes_share",
    ("fixed", "households"): "fixed_broadband_households_share",
    ("mobile_broadband", "communes"): "coverage_mobile_communes_share",
    ("mobile_broadband", "villages"): "mobile_broadband_villages_share",
    ("mobile_broadband", "population"): "coverage_mobile_pop",
    ("mobile", "communes"): "coverage_mobile_communes_share",
    ("mobile", "villages"): "coverage_mobile_villages_share",
    ("mobile", "population"): "coverage_mobile_pop",
    ("5g", "communes"): "coverage_5g_communes_share",
    ("5g", "population"): "coverage_5g_share",
}
# the codes this reading may replace: coverage shares of any network and count
FAMILY = frozenset(CODES.values()) | {"coverage_2g_pop", "coverage_3g_pop", "coverage_4g_pop"}


def counted(after: str, before: str) -> str | None:
    """What a coverage share counts: the words right after the figure, else the first counted
    noun after the last "tỷ lệ"/"số" in its clause before it (`before`)."""
    m = _COUNTED_AFTER.match(after) or _REACHING_COUNTED.search(before)
    if m is None:
        rates = list(_RATE_OF.finditer(before))
        if not rates:
            return None
        m = _COUNTED_IN.search(before, rates[-1].end())
        if m is None:
            return None
    return next(name for name, _ in _COUNTED_WORDS if m.group(name) is not None)


_BROADCAST = re.compile(r"(?<!\w)(?:truyền thanh|phát thanh|truyền hình)(?!\w)", re.IGNORECASE)


def broadcast(own: str) -> bool:
    """Is the coverage the figure's own piece names a broadcast's ("Tỷ lệ phủ sóng truyền
    thanh/thôn khoảng 65%"): radio or television, no network the codebook measures?"""
    return _BROADCAST.search(own) is not None


def of_other(own: str) -> bool:
    """Does the figure's own piece name a share of something else ("tỷ lệ người dân có hồ sơ
    sức khỏe điện tử đạt 90%"): a "tỷ lệ" with no counted noun, network or reach after it?"""
    rates = list(_RATE_OF.finditer(own))
    if not rates or rates[-1].group(0) == "số":
        return False
    rest = own[rates[-1].end():]
    return not any(rx.search(rest) for rx in (_COUNTED_IN, _NETWORK, _LOOSE, _REACHED))


def network(before: str, after: str) -> tuple[str, frozenset[str]] | None:
    """The network a share is of, with the generations named (for "4G" alone): the nearest
    named in the figure's own piece of its clause before it ("..., độ phủ sóng di động và băng
    rộng di động đạt 100%"), else the first named after it ("100% xã ... được phủ băng rộng cáp
    quang"), else the nearest before it in its clause. `before` runs from the clause's start."""
    found = _network_named(before, after)
    return None if found is None else found[0]


def _network_named(before: str, after: str
                   ) -> tuple[tuple[str, frozenset[str]], re.Match[str] | None, str] | None:
    """`network`, with the name's match (None for a loose name, "phủ sóng") and the text it is
    in."""
    for rx in (_NETWORK, _LOOSE):
        found = [m for m in rx.finditer(before) if not _OF_COUNT.search(before, 0, m.start())]
        spans = [(m.start(), m.end()) for m in found]
        cuts = [c.end() for c in _PIECE.finditer(before)
                if not any(lo <= c.start() < hi for lo, hi in spans)]
        piece = max(cuts, default=0)
        # "cáp quang phủ trên 80% hộ gia đình, 100% xã, phổ cập dịch vụ mạng di động": a member
        # of a list with no words of its own before it or up to the next comma shares the
        # network named before it ("..., 96,14% thôn bản đã được phủ sóng di động" has its own)
        bare = piece > 0 and not before[piece:].strip() and bool(found)
        comma = after.find(",")
        first_after = rx.search(after, 0, comma if bare and comma >= 0 else len(after))
        for m, text in ([(x, before) for x in found if x.start() >= piece][-1:]
                        + [(first_after, after)] + [(x, before) for x in found[-1:]]):
            if m is not None:
                return _glossed(m, text) or _kind(m), (m if rx is _NETWORK else None), text
    return None


# two networks named as a list: "cáp quang Internet, mạng 3G/4G", "internet cáp quang băng thông
# rộng và dịch vụ 3G, 4G", "mạng băng rộng cáp quang, mạng di động 3G, 4G"
_NETWORK_JOIN = re.compile(r"(?:\s+internet)?\s*(?:,|và|,\s*và)\s*(?:(?:mạng|dịch vụ|sóng)\s+)?",
                           re.IGNORECASE)


def _listed_with(m: re.Match[str] | None, text: str) -> list[tuple[str, frozenset[str]]]:
    """The other network of a list of two that `m` (a name in `text`) is one of."""
    if m is None:
        return []  # a loose name ("phủ sóng") lists none
    out = []
    before = [x for x in _NETWORK.finditer(text) if x.end() <= m.start()]
    start = m.start()
    if (before and m.lastgroup == "generations" and before[-1].lastgroup == "mobile"
            and not text[before[-1].end():start].strip()):
        start = before.pop().start()  # "mạng di động 3G/4G/5G": one name, its generations said
    if before and _NETWORK_JOIN.fullmatch(text, before[-1].end(), start):
        out.append(_kind(before[-1]))
    after = _NETWORK.search(text, m.end())
    if after is not None and _NETWORK_JOIN.fullmatch(text, m.end(), after.start()):
        out.append(_kind(after))
    return out


# the gloss may follow the rest of the network's name ("Internet băng rộng cố định (cáp quang)")
# a generation that qualifies a part of a count of stations ("hơn 12.000 trạm BTS, trong đó gần
# 300 trạm 5G, đảm bảo phủ sóng 100% khu vực dân cư"): the part's, not a share's after it ("hoàn
# thành 20.000 trạm 5G, phủ sóng ... 100% các xã" is the 5G network's)
_OF_COUNT = re.compile(r"(?:trong đó|gồm|bao gồm)[^,;\d]{0,20}?\d[\d.,]*\s+(?:trạm|điểm|vị trí|cột)"
                       r"(?:\s+[^\W\d]+){0,4}?\s*$", re.IGNORECASE)
_GLOSS = re.compile(r"[^\W\d]*(?:\s+[^\W\d]+){0,2}?\s*\(\s*([^()]{1,40}?)\s*\)")
# (a network, the narrower one a gloss in brackets may name)
_NARROWER = {("fixed", "fibre"), ("mobile", "generations"), ("mobile_broadband", "generations")}


def _glossed(m: re.Match[str], text: str) -> tuple[str, frozenset[str]] | None:
    """The narrower network a gloss in brackets right after `m` names: "mạng băng rộng cố định
    (cáp quang)" is fibre, "băng rộng di động (4G)" the 4G network."""
    gloss = _GLOSS.match(text, m.end())
    inner = None if gloss is None else _NETWORK.match(gloss.group(1))
    if (inner is None or inner.end() != len(gloss.group(1))
            or (m.lastgroup, inner.lastgroup) not in _NARROWER):
        return None
    return _kind(inner)


def _kind(m: re.Match[str]) -> tuple[str, frozenset[str]]:
    kind = m.lastgroup or ""
    if kind != "generations":
        return kind, frozenset()
    said = frozenset(re.findall(r"[2-5]", m.group(0)))
    if said == {"5"}:
        return "5g", said
    return ("mobile" if "2" in said else "mobile_broadband"), said


_ONE_GENERATION = {"2": "coverage_2g_pop", "3": "coverage_3g_pop", "4": "coverage_4g_pop",
                   "5": "coverage_5g_share"}


def _clause_before(sentence: str, start: int, clause_start: int) -> str:
    return sentence[max(clause_start, sentence.rfind(";", 0, start) + 1):start]


def lacking(sentence: str, start: int, clause_start: int, after: str) -> bool:
    """Is the share at `start` one of what lacks coverage ("còn 40/1.650 thôn, bản lõm sóng",
    "2,4% thôn chưa có sóng")? An aside in brackets ("(không còn vùng lõm sóng)") is not."""
    before = _clause_before(sentence, start, clause_start)
    own = before[max((c.end() for c in _PIECE.finditer(before)), default=0):]
    return bool(_LACKS.search(own) or _LACKS.search(after.split("(")[0]))


# the next member of a list of shares, each naming what it counts: "100% số xã, 98,5% số bản có
# hạ tầng băng rộng cáp quang"
_NEXT_MEMBER = Caseless(r"\s*(?:,|và|,\s*và)\s*(?:(?:hơn|trên|gần|khoảng|đạt)\s+)?\d[\d.,]*\s*%")


def _network_after_list(sentence: str, end: int
                        ) -> tuple[tuple[str, frozenset[str]], re.Match[str] | None, str] | None:
    """The network named after the last member of a list of shares that the share ending at `end`
    opens, each member counting its own ("100% số xã, 98,5% số bản có hạ tầng băng rộng cáp
    quang": the communes' share is on fibre too); None when no such list follows or it names
    no network."""
    pos, members = end, 0
    while True:
        own = _COUNTED_AFTER.match(sentence, pos)
        if own is None:
            return None
        nxt = _NEXT_MEMBER.match(sentence, own.end())
        if nxt is None or _COUNTED_AFTER.match(sentence, nxt.end()) is None:
            break
        pos, members = nxt.end(), members + 1
    if not members:
        return None
    rest = re.split(r"[;.]", sentence[own.end():], maxsplit=1)[0]
    found = _NETWORK.search(rest)
    return None if found is None else (_glossed(found, rest) or _kind(found), found, rest)


def code(sentence: str, start: int, end: int, clause_start: int, after: str) -> str | None:
    """The coverage indicator of the share written at sentence[start:end] (`after`: the words
    after it that still describe it), or None when its words do not say both what it counts and
    which network."""
    found = codes(sentence, start, end, clause_start, after)
    return found[0] if found else None


def codes(sentence: str, start: int, end: int, clause_start: int, after: str) -> list[str]:
    """`code`, and the code of a second network listed with its own ("cáp quang Internet, mạng
    3G/4G đến 100% xã": the communes on fibre and on mobile broadband, one figure)."""
    before = _clause_before(sentence, start, clause_start)
    what = counted(sentence[end:end + 60], before)
    if what is None:
        return []
    found = _network_named(before, after) or _network_after_list(sentence, end)
    if found is None:
        return []
    net, m, text = found
    out = []
    for kind, generations in [net, *_listed_with(m, text)]:
        if what == "population" and len(generations) == 1:
            c = _ONE_GENERATION.get(next(iter(generations)))
        else:
            c = CODES.get((kind, what))
        if c is not None and c not in out:
            out.append(c)
    return out
