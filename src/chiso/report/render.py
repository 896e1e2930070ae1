"""View models to HTML (Jinja): the province brief and the ranking report, in either language.

The same HTML is the print view of a web page and the input WeasyPrint lays out as a PDF.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2

from chiso.compute.what_it_takes import Plan, RankAtTarget, WhatItTakes
from chiso.compute.what_it_takes_units import Cited, Shortfall
from chiso.framework.schema import Text
from chiso.report import charts, fmt
from chiso.report.labels import INPUTS, SHORTFALLS, pick, t
from chiso.report.model import LANGS, Brief, Ranking, Series, Source

SIGNS = {"ge": "≥ ", "gt": "> ", "le": "≤ ", "lt": "< ", "approx": "~ "}


def templates_dir() -> Any:
    return resources.files("chiso.report").joinpath("templates")


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=jinja2.select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined)


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"ngôn ngữ phải là vi hoặc en / language must be vi or en, not {lang!r}")


def _helpers(lang: str) -> dict[str, Any]:
    def nm(text: Text | None) -> str:
        return "" if text is None else (text.en if lang == "en" else text.vi)

    def value(x: float | None, unit: str) -> str:
        return fmt.value(x, unit, lang)

    return {
        "lang": lang, "zip": zip, "nm": nm, "value": value,
        "t": lambda key, **kw: t(key, lang, **kw),
        "num": lambda x, d=0: fmt.num(x, lang, d),
        "pct": lambda x, decimals=1: fmt.pct(x, lang, decimals),
        "score": lambda x: fmt.score(x, lang),
        "signed": lambda x: fmt.signed(x, lang),
        "day": lambda d: fmt.day(d, lang),
        "sign": lambda q: SIGNS.get(q or "", ""),
        "basis_text": lambda basis: t("avg_basis" if basis == "national_average" else basis, lang),
    }


def goal_text(w: WhatItTakes, lang: str) -> str:
    if w.goal == "next":
        return t("goal_next", lang, rank=w.goal_rank)
    if w.goal == "top10":
        return t("goal_top10", lang)
    return t("goal_rank", lang, rank=w.goal_rank)


def uniform_share(w: WhatItTakes) -> float:
    """The share of every gap the uniform plan closes (the same for every moved index)."""
    if w.uniform is None or not w.uniform.moves:
        return 0.0
    m = w.uniform.moves[0]
    lo, hi = w.ranges[m.indicator]
    end = hi if m.after >= m.before else lo
    return abs(m.change) / abs(end - m.before) if end != m.before else 1.0


def single_for(w: WhatItTakes | None, code: str) -> Plan | None:
    """The single-index plan of one index, if it may move."""
    if w is None or code not in w.indicators:
        return None
    return w.singles[w.indicators.index(code)] if w.singles else None


def rank_gains_by_code(b: Brief) -> dict[str, RankAtTarget]:
    return {g.indicator: g for g in b.rank_gains}


def shortfall_text(s: Shortfall, lang: str) -> str:
    amount = fmt.vnd(s.amount, lang) if s.unit == "vnd" else fmt.num(s.amount, lang)
    goal = fmt.pct(s.goal.value, lang) if s.actual.unit == "percent" else \
        fmt.num(s.goal.value, lang, 1).removesuffix(",0").removesuffix(".0")
    basis = t("avg_basis" if s.goal.basis == "national_average" else s.goal.basis, lang)
    if s.goal.year:
        basis += " " + t("by_year", lang, year=s.goal.year)
    return pick(SHORTFALLS[s.kind], lang).format(amount=amount, goal=goal, basis=basis)


def cited_value(c: Cited, lang: str) -> str:
    """A cited input with the decimals it was given with (up to two): 91,07 %; 1.288.463."""
    x = float(c.value)
    decimals = next((d for d in (0, 1) if round(x, d) == x), 2)
    if c.unit == "percent":
        return fmt.pct(x, lang, decimals)
    if c.unit == "vnd":
        return fmt.vnd(x, lang)
    return fmt.num(x, lang, decimals)


def brief_sources(b: Brief) -> list[Source]:
    """Every source the brief cites, once, in order of first use."""
    seen: dict[tuple[str, str | None], Source] = {}

    def add(src: Source | None) -> None:
        if src is not None:
            seen.setdefault((src.title, src.where), src)

    add(b.standing.score.source)
    for r in b.main_indices:
        add(r.score.source)
    for tr in b.targets:
        add(tr.value.source)
    for s in b.shortfalls:
        for c in s.inputs:
            add(Source(c.source, c.where, c.published))
    return list(seen.values())


def _series_name(b: Brief, lang: str) -> Any:
    def name(s: Series) -> str:
        text = s.label.en if lang == "en" else s.label.vi
        return text + (f" ({t('sim_tag', lang)})" if s.simulated else "")
    return name


def brief_html(b: Brief, lang: str = "vi") -> str:
    """The brief as one HTML document (two A4 pages when printed)."""
    _check_lang(lang)
    h = _helpers(lang)
    return _env().get_template("brief.html").render(
        b=b, sources=brief_sources(b),
        trend_svg=charts.trend(b.trend, lang, _series_name(b, lang)),
        indices_svg=charts.indices(b.main_indices, lang, lambda r: h["nm"](r.name)),
        goal_text=lambda w: goal_text(w, lang), uniform_share=uniform_share,
        single_for=single_for, rank_gains_by_code=rank_gains_by_code,
        shortfall_text=lambda s: shortfall_text(s, lang),
        cited_value=lambda c: cited_value(c, lang),
        input_name=lambda c: pick(INPUTS.get(c.unit, (c.unit, c.unit)), lang),
        **h)


def ranking_html(r: Ranking, lang: str = "vi") -> str:
    """The national ranking report: table, map, rank changes and intervals, methodology."""
    _check_lang(lang)
    values = {row.code: row.score.value for row in r.rows if row.score.value is not None}
    return _env().get_template("ranking.html").render(
        r=r, map_svg=charts.choropleth(r.map_name, values, lang), **_helpers(lang))

