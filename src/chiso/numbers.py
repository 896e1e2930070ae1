"""Vietnamese numbers: the project's one parser (`parse_number`) and formatter (`format_vi`).

Vietnamese writes "911.000" (dot groups thousands), "70,8" (comma is the decimal mark),
"1,1 triệu" (scale words), "0,3 – 0,35%" (ranges) and "hơn 600.000" / "~65%" / "tối thiểu 20%"
(qualifiers). `parse_number` reads one such expression; `scan` finds every number in a text and
reads it with the same rules, so extraction and import agree on what a number is.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

QUALIFIERS = ("eq", "approx", "gt", "lt", "ge", "le")

# Words written before a number, longest first so "không quá" wins over "quá".
_PREFIX_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("chưa đến", "lt"), ("chưa tới", "lt"), ("chưa đầy", "lt"), ("không đến", "lt"),
    ("không tới", "lt"), ("thấp hơn", "lt"), ("ít hơn", "lt"), ("dưới", "lt"),
    ("nhỏ hơn", "lt"), ("less than", "lt"), ("under", "lt"), ("below", "lt"),
    ("không quá", "le"), ("tối đa", "le"), ("nhiều nhất", "le"), ("không vượt quá", "le"),
    ("at most", "le"), ("up to", "le"),
    ("ít nhất là", "ge"), ("ít nhất", "ge"), ("tối thiểu là", "ge"), ("tối thiểu", "ge"),
    ("không dưới", "ge"), ("không thấp hơn", "ge"), ("không ít hơn", "ge"), ("at least", "ge"),
    ("nhiều hơn", "gt"), ("cao hơn", "gt"), ("lớn hơn", "gt"), ("vượt quá", "gt"), ("vượt", "gt"),
    ("hơn", "gt"), ("trên", "gt"), ("more than", "gt"), ("over", "gt"), ("above", "gt"),
    ("xấp xỉ", "approx"), ("khoảng", "approx"), ("chừng", "approx"), ("gần", "approx"),
    ("ước tính", "approx"), ("ước đạt", "approx"), ("ước", "approx"), ("tầm", "approx"),
    ("around", "approx"), ("about", "approx"), ("approximately", "approx"), ("nearly", "approx"),
    ("almost", "approx"), ("roughly", "approx"),
    ("≥", "ge"), (">=", "ge"), ("≤", "le"), ("<=", "le"), (">", "gt"), ("<", "lt"),
    ("~", "approx"), ("≈", "approx"), ("±", "approx"),
)
_SUFFIX_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("trở lên", "ge"), ("trở xuống", "le"), ("or more", "ge"), ("or less", "le"),
)
_RANGE_START = ("từ", "from")

# Scale words after a number, longest first.
SCALES: tuple[tuple[str, float], ...] = (
    ("nghìn tỷ", 1e12), ("ngàn tỷ", 1e12), ("nghìn tỉ", 1e12), ("ngàn tỉ", 1e12),
    ("tỷ", 1e9), ("tỉ", 1e9), ("triệu", 1e6), ("vạn", 1e4), ("nghìn", 1e3), ("ngàn", 1e3),
    ("trillion", 1e12), ("billion", 1e9), ("million", 1e6), ("thousand", 1e3),
)

# One written number: digits grouped by "." "," or a no-break/thin space; no letters around.
_DIGITS = r"\d+(?:[.,\u00a0\u202f\u2009]\d+)*"
# a unit may be written against the number ("231km", "200ha"), a letter otherwise may not ("4G")
_ATTACHED_UNIT = r"(?=(?:km2|km²|km|ha|kg|mbps|gb|mw|kwh|tấn|m2|m²)(?!\w))"
# a number starts with its sign or a digit: the look-ahead gives up every other place at once
# (tests/extract/test_rewritten.py checks it against the pattern without it)
NUMBER_RE = re.compile(r"(?=[-−\d])(?<![\w.,])[-−]?" + _DIGITS + r"(?:(?![\w])|" + _ATTACHED_UNIT
                       + ")", re.IGNORECASE)
_NUMBER_ONLY = re.compile(r"[-−+]?" + _DIGITS)
_RANGE_SEP = re.compile(r"\s*(?:[-–—~]|đến|tới|to)\s*", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


@dataclass(frozen=True)
class Quantity:
    """A number as written: value (scale applied), an optional upper bound, a qualifier, a unit."""

    value: float
    value_high: float | None = None
    qualifier: str = "eq"
    unit: str = ""
    scale: float = 1.0
    text: str = ""

    @property
    def is_percent(self) -> bool:
        return self.unit.startswith("%") or self.unit.startswith("phần trăm")


def _not_a_number(text: str, why_vi: str = "", why_en: str = "") -> ValueError:
    extra_vi = f" ({why_vi})" if why_vi else ""
    extra_en = f" ({why_en})" if why_en else ""
    return ValueError(
        f"'{text}' không phải là một số{extra_vi}; hãy viết số kiểu Việt Nam như 911.000, 70,8% "
        f"hoặc 1,1 triệu / '{text}' is not a number{extra_en}; write it as Vietnamese do, e.g. "
        "911.000, 70,8% or 1,1 triệu"
    )


def read_digits(token: str) -> float:
    """Read one digit group ("911.000", "70,8", "1.234,5", "1,234,567", "-3") as a float.

    Rules: with both marks, the last one is the decimal mark; a dot alone groups thousands when
    every group after it has three digits ("911.000", "1.300"), else it is a decimal point
    ("70.8"); a comma alone is the decimal mark ("70,8"), unless it appears more than once
    ("1,234,567"). Spaces (no-break, thin) only group thousands.
    """
    if token.isdecimal():  # plain digits: the float of their Decimal is the float of them
        return float(token)
    return float(_decimal(token))


def _decimal(token: str) -> Decimal:
    """`read_digits`, exactly: the digits as a Decimal, so a scale word multiplies exactly."""
    if token.isdecimal():  # plain digits, the common case: nothing to check or regroup
        return Decimal(token)
    raw = token
    token = token.replace("−", "-").lstrip("+")
    negative = token.startswith("-")
    token = token.lstrip("-")
    if not token or not re.fullmatch(_DIGITS, token):
        raise _not_a_number(raw)
    for space in ("\u00a0", "\u202f", "\u2009"):
        if space in token:
            groups = token.split(space)
            if (not re.fullmatch(r"\d{1,3}", groups[0])
                    or any(not re.fullmatch(r"\d{3}", g) for g in groups[1:-1])
                    or not re.fullmatch(r"\d{3}(?:[.,]\d+)?", groups[-1])):
                raise _not_a_number(raw, "nhóm chữ số không đều", "uneven digit groups")
            token = token.replace(space, "")
    has_dot, has_comma = "." in token, "," in token
    if has_dot and has_comma:
        decimal = "." if token.rfind(".") > token.rfind(",") else ","
        group = "," if decimal == "." else "."
        head, _, tail = token.rpartition(decimal)
        if group in tail or decimal in head:
            raise _not_a_number(raw, "dấu phân cách lẫn lộn", "mixed separators")
        _check_groups(head.split(group), raw)
        number = head.replace(group, "") + "." + tail
    elif has_dot:
        parts = token.split(".")
        if len(parts) > 2 or (len(parts[1]) == 3 and 1 <= len(parts[0]) <= 3 and parts[0] != "0"):
            _check_groups(parts, raw)
            number = "".join(parts)
        else:
            number = token
    elif has_comma:
        parts = token.split(",")
        if len(parts) > 2:
            _check_groups(parts, raw)
            number = "".join(parts)
        else:
            number = parts[0] + "." + parts[1]
    else:
        number = token
    out = Decimal(number)
    return -out if negative else out


def _check_groups(parts: list[str], raw: str) -> None:
    if not (1 <= len(parts[0]) <= 3) or any(len(p) != 3 for p in parts[1:]):
        raise _not_a_number(raw, "nhóm hàng nghìn phải có 3 chữ số", "thousands need 3 digits")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", text).strip()


def _alternation(words: list[str]) -> str:
    # a word ends at a non-letter; a symbol (~, >=) needs no boundary
    return "|".join(
        re.escape(w) + (r"(?!\w)" if w[-1].isalpha() else "")
        for w in sorted(words, key=len, reverse=True)
    )


_PREFIX_TABLE = dict(_PREFIX_QUALIFIERS)
_PREFIX_RE = re.compile(r"(" + _alternation(list(_PREFIX_TABLE)) + r")\s*", re.IGNORECASE)
_PREFIX_END_RE = re.compile(
    r"(?:^|(?<=[^\w]))(" + _alternation(list(_PREFIX_TABLE)) + r")\s*\(?\s*$", re.IGNORECASE
)
# what `prefix_qualifier` searches the last 30 characters before a number with (IGNORECASE), for
# a caller that can rule it out more cheaply first (chiso.extract.figures)
QUALIFIER_BEFORE = _PREFIX_END_RE.pattern
_RANGE_WORD_RE = re.compile(r"(" + _alternation(list(_RANGE_START)) + r")\s*", re.IGNORECASE)


def _take_prefix(text: str, table: tuple[tuple[str, str], ...]) -> tuple[str | None, str]:
    if text[:1].isdigit():
        # no qualifier or range word starts with a digit (tests/extract/test_rewritten.py): a
        # text that does, as most do, has none
        return None, text
    pattern = _PREFIX_RE if table is _PREFIX_QUALIFIERS else _RANGE_WORD_RE
    m = pattern.match(text)
    if not m:
        return None, text
    word = m.group(1).lower()
    return (_PREFIX_TABLE.get(word, "range") if pattern is _PREFIX_RE else "range"), text[m.end():]


def _take_scale(text: str) -> tuple[float, str]:
    low = text.lower()
    for word, factor in SCALES:
        if low.startswith(word) and not low[len(word):len(word) + 1].isalpha():
            return factor, text
    return 1.0, text


def parse_number(text: str) -> Quantity:
    """Read one Vietnamese-written quantity, as it appears in running text.

    >>> parse_number("hơn 911.000").value, parse_number("hơn 911.000").qualifier
    (911000.0, 'gt')
    >>> q = parse_number("0,3 – 0,35%"); (q.value, q.value_high, q.unit)
    (0.3, 0.35, '%')
    >>> parse_number("1,1 triệu người").value
    1100000.0

    Whatever follows the number is returned as its `unit`, for the caller to judge; a cell is
    read with `parse_cell`, which keeps every character accountable. Raises ValueError
    (bilingual) when the text is not a number.
    """
    return _parse(text, strict=False)


def parse_cell(text: str) -> Quantity:
    """Read a whole cell or form field as one quantity, or refuse it: nothing is dropped.

    Unlike `parse_number`, brackets around the number ("(5)" is minus five to an accountant),
    trailing punctuation ("70,8."), digits other than 0-9, a second qualifier that says
    something else ("khoảng dưới 5"), "từ 5" without its "đến ..." and a suffix qualifier that
    does not end the text are refused. What follows the number (scale word and unit) is
    returned in `unit` as written; `chiso.values.read_value` checks it against the indicator.
    """
    return _parse(text, strict=True)


def _parse(text: str, strict: bool) -> Quantity:
    if not isinstance(text, str):
        raise _not_a_number(str(text))
    original = text
    s = _normalise(text)
    if strict:
        if any(ch.isdigit() and not ch.isascii() for ch in s):
            raise _not_a_number(original, "chỉ dùng chữ số 0–9", "use the digits 0-9 only")
        if s[:1] in "([" and s[-1:] in ")]":
            raise _not_a_number(original, "số trong ngoặc (số âm kiểu kế toán?); hãy viết dấu trừ",
                                "a number in brackets (an accountant's negative?); write a minus")
    else:
        while len(s) >= 2 and s[0] in "([" and s[-1] in ")]":
            s = s[1:-1].strip()
    if not s:
        raise _not_a_number(original, "ô trống", "empty")
    plain = _PLAIN_PERCENT.fullmatch(s)
    if plain:  # "70,8%", "100 %", most shares: what the reading below gives, in fewer steps
        return Quantity(value=_scaled(_decimal(plain.group(1)), 1.0, original), unit="%",
                        text=original)
    qualifier, s = _take_prefix(s, _PREFIX_QUALIFIERS)
    if qualifier is not None:
        # "khoảng ~ 65%", "hơn ~65%": the first word decides
        second, s = _take_prefix(s, _PREFIX_QUALIFIERS)
        if strict and second not in (None, "approx", qualifier):
            raise _not_a_number(original, "hai dấu so sánh khác nhau", "two different qualifiers")
    range_word, s2 = _take_prefix(s, ())
    if range_word:
        s = s2
    m = _NUMBER_ONLY.match(s)
    if not m:
        raise _not_a_number(original)
    value = _decimal(m.group(0))
    rest = s[m.end():]
    value_high: Decimal | None = None
    # a unit between the two ends of a range: "0,3% – 0,35%"
    mid_unit = ""
    um = _PERCENT_AFTER.match(rest)
    if um:
        mid_unit = "%"
    sep = _RANGE_SEP.match(rest[um.end():] if um else rest)
    if sep:
        after = (rest[um.end():] if um else rest)[sep.end():]
        m2 = _NUMBER_ONLY.match(after)
        if m2 and not after[: m2.end()].startswith(("-", "−", "+")):
            value_high = _decimal(m2.group(0))
            rest = after[m2.end():]
            mid_unit = ""
    if strict and range_word and value_high is None:
        raise _not_a_number(original, "'từ' cần 'đến ...'", "'from' needs 'to ...'")
    rest = rest.strip() if strict else rest.strip().rstrip(".,;:").strip()
    if mid_unit and not rest.startswith("%"):
        rest = "%" + (" " + rest if rest else "")
    # "2/63": a rank out of a total stays in the unit ("/63")
    suffix, tail = _take_suffix(rest, at_end=strict)
    if suffix is not None:
        rest = tail
        if qualifier is None:
            qualifier = suffix
        elif strict and suffix != qualifier:
            raise _not_a_number(original, "hai dấu so sánh khác nhau", "two different qualifiers")
    scale, _ = _take_scale(rest)
    if _DIGITS_AFTER.match(rest):
        raise _not_a_number(original, "thừa chữ số sau số", "digits after the number")
    low = _scaled(value, scale, original)
    high = None if value_high is None else _scaled(value_high, scale, original)
    if high is not None and high < low:
        raise _not_a_number(original, "khoảng ngược chiều", "range runs backwards")
    return Quantity(
        value=low,
        value_high=high,
        qualifier=qualifier or "eq",
        unit=rest.strip(),
        scale=scale,
        text=original,
    )


_PERCENT_AFTER = re.compile(r"\s*(%)")
# a number and a percent sign, nothing else (tests/extract/test_rewritten.py checks the quantity
# against the full reading)
_PLAIN_PERCENT = re.compile(r"([-−+]?" + _DIGITS + r") ?%")
_DIGITS_AFTER = re.compile(r"[.,]*\d")


def _scaled(number: Decimal, scale: float, original: str) -> float:
    """The number times its scale word, rounded once (1,1 triệu is 1100000.0 exactly)."""
    out = float(number * Decimal(scale))
    if not math.isfinite(out):
        raise _not_a_number(original, "số quá lớn", "number too large")
    return out


def _take_suffix(rest: str, at_end: bool = False) -> tuple[str | None, str]:
    low = rest.lower()
    for word, qual in _SUFFIX_QUALIFIERS:
        idx = low.rfind(word) if at_end else low.find(word)
        if at_end and idx >= 0 and idx + len(word) != len(low):
            continue
        if idx >= 0 and (idx + len(word) == len(low) or not low[idx + len(word)].isalpha()):
            return qual, (rest[:idx] + rest[idx + len(word):]).strip()
    return None, rest


def scan(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, digits) for every written number in `text`, left to right.

    Only the digit group is located here; callers widen the span to the words around it
    (qualifier, scale, unit) and read the whole with `parse_number`.
    """
    for m in NUMBER_RE.finditer(text):
        token = m.group(0)
        start = m.start()
        # a trailing separator ("100.") is punctuation, not part of the number
        yield start, m.end(), token


def scale_at(text: str) -> tuple[float, int]:
    """The scale word starting `text` (after spaces) and the characters it uses: (1e6, 6) for
    " triệu người"; (1.0, 0) when none."""
    stripped = text.lstrip()
    low = stripped.lower()
    for word, factor in SCALES:
        if low.startswith(word) and not low[len(word):len(word) + 1].isalpha():
            return factor, len(text) - len(stripped) + len(word)
    return 1.0, 0


def prefix_qualifier(before: str) -> str | None:
    """The qualifier written just before a number ("... là hơn " -> "gt"), or None."""
    m = _PREFIX_END_RE.search(before[-30:])
    return _PREFIX_TABLE[m.group(1).lower()] if m else None


def suffix_qualifier(after: str) -> str | None:
    """The qualifier written just after a number ("20% trở lên" -> "ge"), or None."""
    low = after.lstrip().lower()
    for word, qual in _SUFFIX_QUALIFIERS:
        if low.startswith(word):
            return qual
    return None


def format_vi(value: float, decimals: int | None = None) -> str:
    """Write a number as Vietnamese do: 911000 -> "911.000", 70.8 -> "70,8", 1234.5 -> "1.234,5".

    With `decimals`, round to that many places ("70,80"); without, use the shortest digits that
    read back to the same float, so `parse_number(format_vi(x)).value == x`.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"'{value}' không phải là một số / '{value}' is not a number")  # noqa: TRY004 - one error type for callers
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(
            f"'{value}' không viết được thành số / '{value}' cannot be written as a number"
        )
    if decimals is not None:
        if decimals < 0:
            raise ValueError("số chữ số thập phân phải ≥ 0 / decimals must be ≥ 0")
        digits = f"{abs(value):.{decimals}f}"
    elif isinstance(value, int):
        digits = str(abs(value))
    else:
        digits = format(Decimal(repr(abs(value))), "f")
        if "." in digits:
            digits = digits.rstrip("0").rstrip(".")
    negative = value < 0 and any(c not in "0." for c in digits)
    whole, _, frac = digits.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups) + ("," + frac if frac else "")
    return ("-" if negative else "") + out
