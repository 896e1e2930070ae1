"""The ways reports write a figure beyond a plain number: changes of rank ("tăng 5 bậc"), fractions
("1.204/1.230 thôn", "12/63", "40,62/80 điểm"), rates per 100 inhabitants, index values ("0,7012")
and lists that go on in the measure they started with ("vị trí thứ 5, 6, 7").

Each function looks at one number in its sentence and says what it is; `figures` builds the
Figure. A rank is never read as a value and a value never as a rank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chiso.extract.caseless import Caseless, Gated
from chiso.numbers import read_digits

# a bracket closed inside a sentence, and what it holds: "(Ảnh: KT)", "(năm 2022 chỉ số này là
# 48,38 điểm, xếp vị trí 61/63)"
CLOSED_BRACKET = re.compile(r"\(([^()]*)\)")

PROVINCE_TOTALS = frozenset({63, 34, 64, 61})

_CHANGE_BEFORE = re.compile(
    r"(?<!\w)(tăng|giảm|tụt|lùi|nhảy vọt|vượt|thăng|vươn lên|lên|xuống|mất)\s*"
    r"(?:hạng\s*)?(?:thêm|lên|xuống|đến|tới|được|liền|gần|khoảng|hơn)?\s*$", re.IGNORECASE)
_CHANGE_AFTER = re.compile(r"^\s*(?:bậc|hạng|thứ hạng|vị trí)(?!\w)", re.IGNORECASE)
_DOWN = frozenset({"giảm", "tụt", "lùi", "xuống", "mất"})


def rank_change(sentence: str, start: int, end: int) -> tuple[float, int] | None:
    """"tăng 5 bậc" -> (+1, end of "bậc"); "giảm 7 bậc" -> (-1, ...); else None."""
    m = _CHANGE_AFTER.match(sentence[end:end + 15])
    if not m:
        return None
    verb = _CHANGE_BEFORE.search(sentence[max(0, start - 25):start])
    if not verb:
        return None
    return (-1.0 if verb.group(1).lower() in _DOWN else 1.0), end + m.end()


# a change of rank in words: "lên một bậc", "tăng hai bậc", "tụt mười hai hạng", "tăng hai mươi
# mốt bậc" (one to ninety-nine)
_UNITS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
          "chín": 9}
_LAST = {**_UNITS, "mốt": 1, "tư": 4, "lăm": 5}  # "hai mươi mốt", "ba mươi tư", "mười lăm"
_UNIT_WORD = "|".join(_UNITS)
_LAST_WORD = "|".join(_LAST)
WORD_CHANGE = re.compile(
    rf"(?<!\w)((?:(?:{_UNIT_WORD})\s+mươi|mười)(?:\s+(?:{_LAST_WORD}))?|{_UNIT_WORD})"
    r"(?=\s+(?:bậc|hạng)(?!\w))", re.IGNORECASE)


def number_word(words: str) -> int:
    """"một" -> 1, "mười lăm" -> 15, "hai mươi mốt" -> 21: a number from one to ninety-nine as
    WORD_CHANGE finds it."""
    parts = words.lower().split()
    if parts[0] == "mười":
        return 10 + (_LAST[parts[1]] if len(parts) > 1 else 0)
    if len(parts) > 1:  # "<unit> mươi [<last>]"
        return 10 * _UNITS[parts[0]] + (_LAST[parts[2]] if len(parts) > 2 else 0)
    return _UNITS[parts[0]]


_DENOMINATOR = re.compile(r"^\s*/\s*(\d+(?:[.,]\d+)*)")
_SCORE_AFTER = re.compile(r"^\s*điểm(?!\s*(?:cầu|phần trăm))(?!\w)", re.IGNORECASE)
_PROVINCE_NOUN = re.compile(r"^\s*(?:tỉnh|thành|địa phương)", re.IGNORECASE)
# the items a plan or an index is made of, counted: "5/8 chỉ số", "11/15 chỉ tiêu"
_ITEMS_NOUN = re.compile(r"^\s*(?:chỉ số|chỉ tiêu|tiêu chí|nhiệm vụ|mục tiêu|nội dung)(?!\w)",
                         re.IGNORECASE)
_PER_NOUN = re.compile(r"^\s*(?:dân|người|hộ|doanh nghiệp)(?!\w)", re.IGNORECASE)
# a share written next to a fraction: "(tương đương 98%)", ", đạt 99,66%", "(tỷ lệ ... 97,6%)"
_SHARE_NEAR = re.compile(r"^[^.;%]{0,60}?(?:tương đương|tương ứng|đạt|chiếm|tỷ lệ|tỉ lệ|bằng)"
                         r"[^.;%]{0,40}?"
                         r"\d+(?:[.,]\d+)?\s*%", re.IGNORECASE)


@dataclass(frozen=True)
class Fraction:
    """What "x/y" is: a rank out of the provinces, a score out of a scale, a share, a rate per y
    inhabitants or a count whose share is written beside it (then the share is the figure)."""

    kind: str  # rank | score | share | per | counted | none
    denominator: float
    end: int  # where the fraction (with "điểm" for a score) ends


def fraction(sentence: str, end: int, rank_cue: bool) -> Fraction | None:
    """The number ending at `end` is a numerator: say what the fraction is, or None."""
    m = _DENOMINATOR.match(sentence[end:end + 20])
    if not m:
        return None
    try:
        den = read_digits(m.group(1))
    except ValueError:
        return None
    stop = end + m.end()
    tail = sentence[stop:stop + 80]
    if _SCORE_AFTER.match(tail):
        return Fraction("score", den, stop + _SCORE_AFTER.match(tail).end())
    if _ITEMS_NOUN.match(tail):
        return Fraction("none", den, stop)  # "tăng ở 5/8 chỉ số", "đạt 11/15 chỉ tiêu": items
    if den in PROVINCE_TOTALS and not (not rank_cue and _SHARE_NEAR.match(tail)):
        if rank_cue or not _WORD_AFTER.match(tail):
            return Fraction("rank", den, stop)  # "xếp thứ 12/63", a bare "12/63"
        if _PROVINCE_NOUN.match(tail):
            return Fraction("none", den, stop)  # "53/63 tỉnh hoàn thành": a count of provinces
        return Fraction("share", den, stop)  # "30/34 chỉ tiêu"
    if den in (100, 1000) and _PER_NOUN.match(tail):
        return Fraction("per", den, stop)  # the noun after ("người trưởng thành") names it
    if den <= 0:
        return None
    if _SHARE_NEAR.match(tail):
        return Fraction("counted", den, stop)
    return Fraction("share", den, stop)


# "22,4 thuê bao/100 dân", "87 thuê bao/100 dân", "73,3 thuê bao/100 dân", "0,7/1.000 dân"
_PER_AFTER = re.compile(r"^\s*(?:[^\W\d]+\s*){0,7}?(?:/|trên)\s*(100|1\.000|1000)\s*"
                        r"(?:dân|người)(?!\w)",
                        re.IGNORECASE)


# "40 thuê bao/100 hộ gia đình": a rate per households, which no inhabitants' rate is and no
# count either
_PER_HOUSEHOLDS_AFTER = re.compile(r"^\s*(?:[^\W\d]+\s*){0,7}?(?:/|trên)\s*(?:100|1\.000|1000)\s*"
                                   r"hộ(?!\w)", re.IGNORECASE)
PER_HOUSEHOLDS = "per_households"


def per_base(after: str) -> str | None:
    """"per_100" or "per_1000" when the figure is a rate per inhabitants, `PER_HOUSEHOLDS` when
    it is one per households, else None."""
    if "100" not in after and "1.000" not in after:
        return None  # no base written: the pattern's slow search cannot match
    m = _PER_AFTER.match(after)
    if not m:
        return PER_HOUSEHOLDS if _PER_HOUSEHOLDS_AFTER.match(after) else None
    return "per_100" if m.group(1) == "100" else "per_1000"


# tried only where "100" or "1.000" is written (caseless.Gated)
_PER_BEFORE = Gated(r"(?:/|trên)\s*(100|1\.000|1000)\s*(?:dân|người)(?!\w)[^,;.]{0,25}$",
                    re.IGNORECASE)


def per_base_before(before: str) -> str | None:
    """"Số thuê bao băng rộng cố định/100 dân đạt 25 thuê bao": the rate is named before."""
    m = _PER_BEFORE.search(before)
    if not m:
        return None
    return "per_100" if m.group(1) == "100" else "per_1000"


_WORD_AFTER = re.compile(r"^\s*[^\W\d]")
_NOT_INDEX_AFTER = re.compile(r"^\s*(?:%|phần trăm|triệu|tỷ|nghìn)")
_DECIMALS = re.compile(r"[.,](\d+)$")


def index_value(token: str, value: float, after: str) -> bool:
    """An index value written bare: "0,7012", "0.8002" (0 < v <= 1, three or more decimals)."""
    if not 0 < value <= 1 or _NOT_INDEX_AFTER.match(after):
        return False
    m = _DECIMALS.search(token)
    return m is not None and len(m.group(1)) >= 3


_RANK_CUE = re.compile(r"(?<!\w)(?:xếp(?=\s*$)|xếp thứ|xếp hạng|xếp vị trí|xếp ở vị trí|"
                       r"thứ hạng|vị trí|vị thứ|đứng thứ|"
                       r"hạng(?! mục))(?!\w)", re.IGNORECASE)
_RESPECTIVE_RANKS = Caseless(r"(?:thứ hạng|xếp hạng|xếp thứ)[^.;]*(?:lần lượt|tương ứng)"
                             r"(?: là| đạt| ở)?\s*"
                             r"(?:[\d]+\s*(?:,|và)\s*)*$")
_LIST_GLUE = re.compile(r"^\s*(?:,|và|hoặc|lên|xuống|sang|rồi|\)|\()*\s*(?:thứ|vị trí|hạng)?\s*$|"
                        # "xếp hạng 34, tăng từ 54 (năm 2021)": the rank it rose from
                        r"^\s*,?\s*(?:\(\s*)?(?:tăng|giảm|tụt|vươn lên|lên|xuống)\s+"
                        r"(?:\d+\s+(?:bậc|hạng)\s+)?từ\s+(?:vị trí|thứ|hạng)?\s*(?:thứ\s*)?$",
                        re.IGNORECASE)


_FROM_TO = re.compile(r"^\s*\(\s*từ\s*(?:vị trí|thứ|hạng)?\s*$", re.IGNORECASE)


def continues_list(between: str, previous: str) -> bool:
    """Does a rank go on from the figure before: "5, 6, 7", "từ vị trí 16 lên 1", or the ranks
    behind a change of rank, "tăng 5 bậc (từ 6 lên 1)"?"""
    if previous == "rank_change":
        return _FROM_TO.match(between) is not None
    return previous == "rank" and _LIST_GLUE.match(between) is not None


def lists_ranks(before: str) -> bool:
    """"Thứ hạng về chính quyền số, kinh tế số, xã hội số ... lần lượt là 22, 9, 13"."""
    return _RESPECTIVE_RANKS.search(before[-200:]) is not None


def rank_cue_in(clause: str) -> bool:
    """Does the clause before a number name a rank ("xếp thứ", "vị trí", "thứ hạng", or "xếp"
    right before it: "xếp 12/63")?"""
    return _RANK_CUE.search(clause) is not None
