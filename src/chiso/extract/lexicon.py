"""The words reports use: abbreviations and synonyms folded to one form before matching.

Text and aliases go through the same `normalise`, so an alias written "dịch vụ công trực tuyến"
matches "DVCTT", "DVC trực tuyến" and "dịch vụ công trực tuyến" alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from chiso.extract.caseless import Caseless, look_first, lower

# Abbreviations (case-sensitive in the text: "DN" is an abbreviation, "dn" is not written).
ABBREVIATIONS: dict[str, str] = {
    "DVCTT": "dịch vụ công trực tuyến",
    "DVC": "dịch vụ công",
    "TTHC": "thủ tục hành chính",
    "CNTT": "công nghệ thông tin",
    "ICT": "công nghệ thông tin",
    "IT": "công nghệ thông tin",
    "ATTT": "an toàn thông tin",
    "ANTT": "an ninh mạng",
    "DN": "doanh nghiệp",
    "DNNVV": "doanh nghiệp nhỏ và vừa",
    "TMĐT": "thương mại điện tử",
    "GRDP": "tổng sản phẩm trên địa bàn",
    "GDP": "tổng sản phẩm",
    "BTS": "trạm phát sóng",
    "CQĐT": "chính quyền điện tử",
    "CPĐT": "chính phủ điện tử",
    "TTĐT": "thông tin điện tử",
    "HCC": "hành chính công",
    "PCI": "năng lực cạnh tranh cấp tỉnh",
    "PAR": "cải cách hành chính",
    "PAPI": "hiệu quả quản trị và hành chính công",
    "SIPAS": "hài lòng của người dân",
    "DTI": "chuyển đổi số cấp tỉnh",
    "CĐS": "chuyển đổi số",
    "KTS": "kinh tế số",
    "CQS": "chính quyền số",
    "XHS": "xã hội số",
    "HTS": "hạ tầng số",
    "CCHC": "cải cách hành chính",
    "ĐTTM": "đô thị thông minh",
    "SMP": "điện thoại thông minh",
    "CNSCĐ": "công nghệ số cộng đồng",
    "CKS": "chữ ký số",
    "TT&TT": "thông tin và truyền thông",
    "TTTT": "thông tin và truyền thông",
    "UBND": "uỷ ban nhân dân",
    "NSNN": "ngân sách",
}

# Synonyms (lower case, whole words): the left is rewritten to the right.
SYNONYMS: tuple[tuple[str, str], ...] = (
    ("smartphone", "điện thoại thông minh"),
    ("smart phone", "điện thoại thông minh"),
    ("tỉ lệ", "tỷ lệ"),
    ("tổng số", " "),
    ("toàn tỉnh", " "),
    ("số lượng", " "),
    ("tỉ trọng", "tỷ trọng"),
    ("mức độ", "mức"),
    ("cấp độ", "mức"),
    ("cả nước", "toàn quốc"),
    ("internet băng rộng", "băng rộng"),
    ("internet di động", "băng rộng di động"),  # "thuê bao internet di động": mobile broadband
    ("kỹ thuật số", "số"),  # "xã hội kỹ thuật số", "kinh tế kỹ thuật số"
    ("cáp quang internet", "cáp quang"),
    ("internet cáp quang", "cáp quang"),
    ("thuê bao di động", "thuê bao di động"),
    ("hộ dân", "hộ gia đình"),
    ("người dân", "dân số"),
    ("số dân", "dân số"),  # "86% số dân sử dụng Internet"
    ("dân cư", "dân số"),
    ("doanh nghiệp công nghệ số", "doanh nghiệp công nghệ số"),
    ("trạm thu phát sóng", "trạm phát sóng"),
    ("vùng phủ sóng", "phủ sóng"),  # "vùng phủ 5G đã tăng ... lên khoảng 90% dân số"
    ("vùng phủ", "phủ sóng"),
    ("trạm bts", "trạm phát sóng"),
    ("hạ tầng viễn thông", "hạ tầng"),
    ("chuyển đổi số", "chuyển đổi số"),
    ("thương mại điện tử", "thương mại điện tử"),
    ("thanh toán không dùng tiền mặt", "thanh toán điện tử"),
    ("ví điện tử", "tài khoản thanh toán điện tử"),
    ("ngân sách nhà nước", "ngân sách"),
)

# Words that carry no meaning for telling indicators apart.
STOPWORDS = frozenset([
    "của", "các", "những", "được", "là", "và", "cho", "tại", "ở", "đã", "đang", "sẽ", "với",
    "trong", "đạt", "hiện", "nay", "thì", "mà", "này", "đó", "chỉ", "mới", "còn", "có", "rằng",
    "theo", "về", "như", "từ", "đến", "tới", "lên", "vào", "khi", "cũng", "đều", "hơn", "trên",
    "khoảng", "gần", "tỷ", "lệ", "tổng", "lượng", "tỉnh", "địa", "bàn", "ra", "việc", "một",
    "mỗi", "hàng", "năm",
])

_ABBR_RE = re.compile(
    r"(?<![\w&])(" + "|".join(re.escape(k) for k in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\w&])"
)
# every abbreviation starts with two of these letters: a text holding no such pair holds none
# (one scan for a letter pair is cheaper than trying the abbreviations at every place)
_ABBR_HEAD = re.compile("[" + "".join(sorted({re.escape(k[0]) for k in ABBREVIATIONS})) + "]["
                        + "".join(sorted({re.escape(k[1]) for k in ABBREVIATIONS})) + "]")
_SYN_TABLE = dict(SYNONYMS)


def _by_first_letter(words: list[str]) -> str:
    """An alternation of `words` (longest first) grouped by first letter: the same match as the
    plain alternation, without trying every word at every place."""
    by_first: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(re.escape(c) + "(?:" + "|".join(rest) + ")" for c, rest in by_first.items())


# synonyms in any case, matched on the text in lower case
_SYN_RE = Caseless(r"(?<!\w)(" + _by_first_letter(list(_SYN_TABLE)) + r")(?!\w)")
_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)


# led by a look-ahead for their first letter (caseless.look_first): they open with a look-behind
_LEVELS = re.compile(look_first(r"(?<!\w)mức\s*(\d(?:\s*(?:,|và|hoặc|-|–|/)\s*\d)*)(?!\d)"))


def _expand(text: str, lowered: bool = False) -> str:
    """Abbreviations (case as written) and synonyms (any case) replaced, in one pass over the
    text: what `re.sub` of the alternation "abbreviation|synonym" gives, faster. The two are
    searched apart and at each step the match starting first is replaced, the abbreviation
    when both start at one place, as the alternation would (tests/extract/test_lexicon.py
    checks they agree). `lowered`: the result in lower case (the text's own lower case when
    nothing is replaced, not lowered again)."""
    low = lower(text)
    # a text its lower case leaves as it is has no capital, so no abbreviation
    a = None if low == text or not _ABBR_HEAD.search(text) else _ABBR_RE.search(text)
    s = _SYN_RE.search_lower(text, low)
    if a is None and s is None:
        return (text.lower() if low is None else low) if lowered else text
    parts: list[str] = []
    pos = 0
    while a is not None or s is not None:
        if s is None or (a is not None and a.start() <= s.start()):
            m, new = a, " " + ABBREVIATIONS[a.group(1)] + " "
        else:
            m, new = s, _synonym(s.group(1))
        parts += [text[pos:m.start()], new]
        pos = m.end()
        # a match starting inside the one replaced is given up, as `re.sub` gives it up
        if a is not None and a.start() < pos:
            a = _ABBR_RE.search(text, pos)
        if s is not None and s.start() < pos:
            s = _SYN_RE.search_lower(text, low, pos)
    parts.append(text[pos:])
    return "".join(parts).lower() if lowered else "".join(parts)


def _levels(m: re.Match[str]) -> str:
    return " ".join("mức" + d for d in re.findall(r"\d", m.group(1)))


def _synonym(said: str) -> str:
    """The folded form of a synonym as written. A text holding a character whose lower case is
    not what IGNORECASE compares ("İnternet": "i̇" is two characters) was matched by the
    IGNORECASE pattern, so its key is found as that pattern compares."""
    hit = _SYN_TABLE.get(said.lower())
    if hit is not None:
        return hit
    return next(v for k, v in _SYN_TABLE.items()
                if re.fullmatch(re.escape(k), said, re.IGNORECASE))


def fold(text: str) -> str:
    """Expand abbreviations, lower-case and fold synonyms: the text matching works on.
    The text must be NFC (as `extract.read` and `extract_text` make it).

    Levels become one word each ("mức độ 3, 4" -> "mức3 mức4") so they tell indicators apart.
    """
    text = _expand(text, lowered=True)
    if "tại " in text or "ở " in text:
        # "tại các sở, ngành đạt 92%; tại các huyện, thị xã, thành phố đạt 97%; tại các xã,
        # phường, thị trấn đạt 99%": where a share was measured, said by whom the level holds
        text = _LEVEL_BY_WHOM.sub(_level_by_whom, text)
    if "cấp " in text:
        # "cấp huyện" tells breakdowns apart: one word; "cấp cơ sở" is the commune's level
        text = _ADMIN_LEVEL.sub(r"cấp\1", _GRASSROOTS.sub("cấp xã", text))
    return _LEVELS.sub(_levels, text) if "mức" in text else text


@lru_cache(maxsize=8192)  # called for every word near a figure; words repeat
def is_discriminator(token: str) -> bool:
    """Tokens that tell sibling indicators apart: network generations, service levels and
    administrative levels ("4g", "mức3", "cấphuyện")."""
    return _MARK.fullmatch(token) is not None


_MARK = re.compile(r"\d+g|mức\d|cấp(?:tỉnh|huyện|xã)")
# the offices of a level, where a figure was measured (lower case, as `fold` has it)
_LEVEL_BY_WHOM = re.compile(
    r"(?<!\w)(tại|ở)\s+(?:các\s+)?(?:ubnd\s+)?(?:"
    r"(?P<tỉnh>sở,?\s+(?:ban,?\s+)?ngành(?:\s+(?:cấp\s+)?tỉnh)?)"
    r"|(?P<huyện>huyện,?\s+thị xã,?\s+thành phố)"
    r"|(?P<xã>xã,?\s+phường,?\s+(?:thị trấn|đặc khu)))(?!\w)")


def _level_by_whom(m: re.Match[str]) -> str:
    """"tại các sở, ngành" -> "tại cấp tỉnh": the level, as `_ADMIN_LEVEL` then makes it a word."""
    return f"{m.group(1)} cấp {m.lastgroup}"


_ADMIN_LEVEL = re.compile(look_first(r"(?<!\w)cấp (tỉnh|huyện|xã)(?!\w)"))
_GRASSROOTS = re.compile(look_first(r"(?<!\w)cấp cơ sở(?!\w)"))


def tokens(text: str) -> list[str]:
    """The meaningful syllables of a text (any Unicode form), folded, in order."""
    return [
        t for t in _TOKEN_RE.findall(fold(unicodedata.normalize("NFC", text))) if t not in STOPWORDS
    ]
