"""Charts drawn on the server as inline SVG (no script in a PDF): the trend, the main indices
against the national average and the best province, and a choropleth map."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Any

from chiso.report import fmt
from chiso.report.model import IndexRow, Series

INK, GRID, MUTED = "#1d2b36", "#d5dbe1", "#6b7785"
UNIT, PRED, NATIONAL = "#0b5394", "#6fa8dc", "#8a8f96"
BEST = "#b45f06"
BLUES = ("#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
FONT = 'font-family="chiso Sans, chiso Math, chiso Shapes" '


def _svg(width: float, height: float, body: str, label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
            f'width="{width:g}mm" height="{height:g}mm" role="img" aria-label="{escape(label)}">'
            f"{body}</svg>")


def _text(x: float, y: float, s: str, size: float = 2.6, anchor: str = "start",
          fill: str = INK, weight: str = "normal") -> str:
    return (f'<text x="{x:.2f}" y="{y:.2f}" {FONT}font-size="{size}" text-anchor="{anchor}" '
            f'font-weight="{weight}" fill="{fill}">{escape(s)}</text>')


def _ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    step = (hi - lo) / n
    return [lo + i * step for i in range(n + 1)]


def trend(series: Sequence[Series], lang: str, names: Callable[[Series], str],
          width: float = 88, height: float = 58) -> str:
    """Lines over the years: the province bold, its predecessors dashed, the national average
    grey. `names` gives each line's legend text."""
    periods = sorted({p for s in series for p, _ in s.points})
    values = [v for s in series for _, v in s.points]
    if not periods or not values:
        return ""
    lo = math.floor(min(values) * 10) / 10
    hi = math.ceil(max(values) * 10) / 10
    if hi <= lo:
        hi = lo + 0.1
    left, right, top, bottom = 9.0, width - 3.0, 3.0, height - 13.0

    def xy(period: str, v: float) -> tuple[float, float]:
        i = periods.index(period)
        x = left + (right - left) * (i / max(len(periods) - 1, 1) if len(periods) > 1 else 0.5)
        return x, bottom - (v - lo) / (hi - lo) * (bottom - top)

    parts: list[str] = []
    for tick in _ticks(lo, hi):
        _, y = xy(periods[0], tick)
        parts.append(f'<line x1="{left}" x2="{right}" y1="{y:.2f}" y2="{y:.2f}" '
                     f'stroke="{GRID}" stroke-width="0.2"/>')
        parts.append(_text(left - 1, y + 0.9, fmt.num(tick, lang, 2), 2.3, "end", MUTED))
    for p in periods:
        x, _ = xy(p, lo)
        parts.append(_text(x, bottom + 3.5, p, 2.3, "middle", MUTED))
    style = {"unit": (UNIT, 0.9, ""), "predecessor": (PRED, 0.45, ' stroke-dasharray="1.2 0.8"'),
             "national": (NATIONAL, 0.6, ' stroke-dasharray="0.5 0.6"')}
    legend_y = height - 5.5
    legend_x = left
    for s in series:
        color, w, dash = style.get(s.kind, style["predecessor"])
        pts = [xy(p, v) for p, v in s.points]
        if len(pts) > 1:
            path = " ".join(f"{x:.2f},{y:.2f}" for x, y in pts)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" '
                         f'stroke-width="{w}"{dash}/>')
        for x, y in pts:
            parts.append(f'<circle cx="{x:.2f}" cy="{y:.2f}" r="{w * 0.9:.2f}" fill="{color}"/>')
        if s.kind == "unit" and pts:
            x, y = pts[-1]
            parts.append(_text(x - 1, y - 1.6, fmt.score(s.points[-1][1], lang), 2.4, "end",
                               UNIT, "bold"))
        label = names(s)
        parts.append(f'<line x1="{legend_x:.2f}" x2="{legend_x + 4:.2f}" y1="{legend_y - 0.8:.2f}" '
                     f'y2="{legend_y - 0.8:.2f}" stroke="{color}" stroke-width="{w}"{dash}/>')
        parts.append(_text(legend_x + 5, legend_y, label, 2.2, fill=INK))
        legend_x += 6 + 1.25 * len(label)
        if legend_x > width - 20:
            legend_x, legend_y = left, legend_y + 3.6
    return _svg(width, height, "".join(parts), "trend")


def indices(rows: Sequence[IndexRow], lang: str, names: Callable[[IndexRow], str],
            width: float = 88, row_height: float = 6.4) -> str:
    """A bar per main index, a tick at the national average and a diamond at the best; on 0–1,
    or on 0–100 when an index is above 1 (a framework scored out of 100)."""
    label_w, value_w = 34.0, 9.0
    seen = [v for r in rows for v in (r.score.value, r.national, r.best) if v is not None]
    top = 1.0 if max(seen, default=0.0) <= 1.0 else 100.0
    left, right = label_w, width - value_w
    height = row_height * len(rows) + 7
    parts: list[str] = []
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = left + tick * (right - left)
        parts.append(f'<line x1="{x:.2f}" x2="{x:.2f}" y1="0" y2="{height - 6:.2f}" '
                     f'stroke="{GRID}" stroke-width="0.2"/>')
        parts.append(_text(x, height - 3.4, fmt.num(tick * top, lang, 2 if top == 1 else 0), 2.1,
                           "middle", MUTED))
    for i, row in enumerate(rows):
        y = i * row_height + 0.8
        v = row.score.value
        parts.append(_text(label_w - 1.2, y + row_height * 0.55, names(row), 2.35, "end"))
        if v is not None:
            w = max(0.0, min(1.0, v / top)) * (right - left)
            parts.append(f'<rect x="{left}" y="{y + 0.6:.2f}" width="{w:.2f}" '
                         f'height="{row_height - 2:.2f}" fill="{UNIT}" rx="0.4"/>')
            parts.append(_text(right + 1, y + row_height * 0.55, fmt.score(v, lang), 2.3))
        if row.national is not None:
            x = left + min(row.national / top, 1.0) * (right - left)
            parts.append(f'<line x1="{x:.2f}" x2="{x:.2f}" y1="{y:.2f}"'
                         f' y2="{y + row_height - 0.6:.2f}" stroke="{INK}" stroke-width="0.5"/>')
        if row.best is not None:
            x = left + min(row.best / top, 1.0) * (right - left)
            cy = y + (row_height - 0.8) / 2 + 0.3
            parts.append(f'<path d="M{x:.2f},{cy - 1.3:.2f} l1.1,1.3 l-1.1,1.3 l-1.1,-1.3 z" '
                         f'fill="{BEST}"/>')
    return _svg(width, height, "".join(parts), "main indices")


@lru_cache(maxsize=4)
def _geojson(name: str) -> dict[str, Any]:
    path = resources.files("chiso.web").joinpath("static", "map", f"{name}.geojson")
    return dict(json.loads(path.read_text(encoding="utf-8")))


def _rings(geometry: Mapping[str, Any]) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return list(geometry["coordinates"])
    return [ring for poly in geometry["coordinates"] for ring in poly]


def classes(values: Sequence[float], n: int = len(BLUES)) -> list[float]:
    """Quantile breaks: the upper bound of each of `n` classes."""
    s = sorted(values)
    return [s[min(len(s) - 1, math.ceil(len(s) * (k + 1) / n) - 1)] for k in range(n)]


def choropleth(map_name: str, values: Mapping[str, float], lang: str, width: float = 80) -> str:
    """Provinces coloured by score (quantile classes), with a legend; `values` by the map's
    province code. A province with no value is hatched grey."""
    features = _geojson(map_name)["features"]
    pts = [p for f in features for ring in _rings(f["geometry"]) for p in ring]
    lon0, lon1 = min(p[0] for p in pts), max(p[0] for p in pts)
    lat0, lat1 = min(p[1] for p in pts), max(p[1] for p in pts)
    k = math.cos(math.radians((lat0 + lat1) / 2))
    scale = (width - 2) / ((lon1 - lon0) * k)
    height = (lat1 - lat0) * scale + 2

    def xy(p: Sequence[float]) -> str:
        return f"{1 + (p[0] - lon0) * k * scale:.2f},{1 + (lat1 - p[1]) * scale:.2f}"

    breaks = classes(list(values.values())) if values else []
    parts = []
    for f in features:
        code = str(f["properties"].get("code"))
        v = values.get(code)
        color = "#eeeeee" if v is None else BLUES[next(i for i, b in enumerate(breaks) if v <= b)]
        d = " ".join("M" + " L".join(xy(p) for p in ring) + " Z" for ring in _rings(f["geometry"]))
        parts.append(f'<path d="{d}" fill="{color}" stroke="#ffffff" stroke-width="0.15">'
                     f'<title>{escape(str(f["properties"].get("name")))}</title></path>')
    lo = min(values.values()) if values else 0.0
    y = height * 0.55
    for i, b in enumerate(breaks):
        a = lo if i == 0 else breaks[i - 1]
        parts.append(f'<rect x="{width * 0.62:.2f}" y="{y:.2f}" width="3.4" height="2.6" '
                     f'fill="{BLUES[i]}"/>')
        parts.append(_text(width * 0.62 + 4.4, y + 2.1,
                           f"{fmt.score(a, lang)}–{fmt.score(b, lang)}", 2.4))
        y += 3.4
    return _svg(width, height, "".join(parts), "map")
