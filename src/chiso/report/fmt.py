"""Numbers, money and dates as each reader writes them in a printed report: 70,8 %; 911.000;
112,5 tỷ đồng; 2/12/2026 in Vietnamese, 70.8%; 911,000; VND 112.5 billion; 2 Dec 2026 in English.
Vietnamese digits come from the project's one formatter, `chiso.numbers.format_vi`."""

from __future__ import annotations

import math
from datetime import date

from chiso.numbers import format_vi

DASH = "–"
MINUS = "−"


def _finite(value: float | None) -> bool:
    return value is not None and math.isfinite(float(value))


def num(value: float | None, lang: str = "vi", decimals: int = 0) -> str:
    """A number with `decimals` places: 911000 → "911.000", 0.66963 → "0,6696" (4)."""
    if value is None or not _finite(value):
        return DASH
    x = round(float(value), decimals)
    if x == 0:
        x = 0.0  # no "-0"
    text = format_vi(x, decimals) if lang == "vi" else f"{abs(x):,.{decimals}f}"
    if lang == "vi":
        return text.replace("-", MINUS)
    return (MINUS if x < 0 else "") + text


def pct(value: float | None, lang: str = "vi", decimals: int = 1) -> str:
    """A percentage given on 0–100: "70,8 %" / "70.8%"."""
    if value is None or not _finite(value):
        return DASH
    return num(value, lang, decimals) + (" %" if lang == "vi" else "%")


def score(value: float | None, lang: str = "vi") -> str:
    """An index score: four decimals on a 0–1 scale (the DTI), two above."""
    if value is None or not _finite(value):
        return DASH
    return num(value, lang, 4 if abs(float(value)) <= 1.0 else 2)


def signed(value: float | None, lang: str = "vi", decimals: int = 0) -> str:
    """A change with its sign: "+3", "−2", "0"."""
    if value is None or not _finite(value):
        return DASH
    if round(float(value), decimals) == 0:
        return num(0, lang, decimals)
    text = num(abs(float(value)), lang, decimals)
    return ("+" if value > 0 else MINUS) + text


def vnd(amount: float | None, lang: str = "vi") -> str:
    """Money in đồng, in the words leaders use: 112,5 tỷ đồng; 950 triệu đồng."""
    if amount is None or not _finite(amount):
        return DASH
    x = float(amount)
    for factor, vi, en in ((1e12, "nghìn tỷ đồng", "trillion"), (1e9, "tỷ đồng", "billion"),
                           (1e6, "triệu đồng", "million")):
        if abs(x) >= factor:
            short = num(x / factor, lang, 1).removesuffix(",0").removesuffix(".0")
            return f"{short} {vi}" if lang == "vi" else f"VND {short} {en}"
    return f"{num(x, lang)} đồng" if lang == "vi" else f"VND {num(x, lang)}"


def day(iso: str | date | None, lang: str = "vi") -> str:
    """2026-12-02 → "2/12/2026" / "2 Dec 2026"."""
    if not iso:
        return DASH
    d = iso if isinstance(iso, date) else date.fromisoformat(str(iso)[:10])
    if lang == "en":
        return f"{d.day} {d.strftime('%b')} {d.year}"
    return f"{d.day}/{d.month}/{d.year}"


def value(x: float | None, unit: str, lang: str = "vi") -> str:
    """A figure in its framework unit."""
    if unit == "percent":  # 0,35 % keeps its second decimal; 70,8 % needs one
        small = x is not None and _finite(x) and abs(float(x)) < 1 and round(float(x), 1) != x
        return pct(x, lang, 2 if small else 1)
    if unit == "index":
        return score(x, lang)
    if unit == "vnd":
        return vnd(x, lang)
    if unit in ("count", "persons", "households", "stations", "smartphones", "enterprises",
                "rank"):
        return num(x, lang)
    return num(x, lang, 1 if x is not None and _finite(x) and abs(float(x)) < 1000 else 0)
