"""The words reports use: abbreviations and synonyms folded to one form before matching.

Text and aliases go through the same `normalise`, so an alias written "dịch vụ công trực tuyến"
matches "DVCTT", "DVC trực tuyến" and "dịch vụ công trực tuyến" alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
    "UBND": "ủy ban nhân dân",
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
    ("cáp quang internet", "cáp quang"),
    ("internet cáp quang", "cáp quang"),
    ("thuê bao di động", "thuê bao di động"),
    ("hộ dân", "hộ gia đình"),
    ("người dân", "dân số"),
    ("dân cư", "dân số"),
    ("doanh nghiệp công nghệ số", "doanh nghiệp công nghệ số"),
    ("trạm thu phát sóng", "trạm phát sóng"),
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
_SYN_TABLE = dict(SYNONYMS)
_SYN_RE = re.compile(
    r"(?<!\w)("
    + "|".join(re.escape(a) for a in sorted(_SYN_TABLE, key=len, reverse=True))
    + r")(?!\w)"
)
_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)


_LEVELS = re.compile(r"(?<!\w)mức\s*(\d(?:\s*(?:,|và|hoặc|-|–|/)\s*\d)*)(?!\d)")


# abbreviations (case as written) and synonyms (any case) in one pass
_ONE_PASS = re.compile(_ABBR_RE.pattern + "|(?i:" + _SYN_RE.pattern + ")")


def _replace(m: re.Match[str]) -> str:
    if m.group(1) is not None:
        return " " + ABBREVIATIONS[m.group(1)] + " "
    return _SYN_TABLE[m.group(2).lower()]


def _levels(m: re.Match[str]) -> str:
    return " ".join("mức" + d for d in re.findall(r"\d", m.group(1)))


def fold(text: str) -> str:
    """Expand abbreviations, lower-case and fold synonyms: the text matching works on.
    The text must be NFC (as `extract.read` and `extract_text` make it).

    Levels become one word each ("mức độ 3, 4" -> "mức3 mức4") so they tell indicators apart.
    """
    text = _ONE_PASS.sub(_replace, text).lower()
    if "cấp " in text:
        text = _ADMIN_LEVEL.sub(r"cấp\1", text)  # "cấp huyện" tells breakdowns apart: one word
    return _LEVELS.sub(_levels, text) if "mức" in text else text


@lru_cache(maxsize=8192)  # called for every word near a figure; words repeat
def is_discriminator(token: str) -> bool:
    """Tokens that tell sibling indicators apart: network generations, service levels and
    administrative levels ("4g", "mức3", "cấphuyện")."""
    return _MARK.fullmatch(token) is not None


_MARK = re.compile(r"\d+g|mức\d|cấp(?:tỉnh|huyện|xã)")
_ADMIN_LEVEL = re.compile(r"(?<!\w)cấp (tỉnh|huyện|xã)(?!\w)")


def tokens(text: str) -> list[str]:
    """The meaningful syllables of a text (any Unicode form), folded, in order."""
    return [
        t for t in _TOKEN_RE.findall(fold(unicodedata.normalize("NFC", text))) if t not in STOPWORDS
    ]
