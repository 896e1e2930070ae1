"""Rendering pages: the Jinja2 environment, the shared context, the language cookie, error pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.responses import HTMLResponse, Response

import chiso
from chiso.web import i18n
from chiso.web.responses import answer, lang_of

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

templates = Jinja2Templates(directory=str(TEMPLATES))
env = templates.env
env.globals.update(
    fmt_number=i18n.fmt_number, fmt_percent=i18n.fmt_percent, fmt_value=i18n.fmt_value,
    fmt_signed=i18n.fmt_signed, unit_label=i18n.unit_label, version=chiso.__version__,
    fmt_score=i18n.fmt_score, fmt_interval=i18n.fmt_interval, fmt_date=i18n.fmt_date,
    qualifier_sign=i18n.qualifier_sign, source_line=i18n.source_line,
    fmt_money=i18n.fmt_money,
    fmt_dong=i18n.fmt_dong,
)


def _tojson(obj: Any) -> Markup:
    """JSON safe inside a <script> element."""
    text = json.dumps(obj, ensure_ascii=False, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def _pick(pair: Any, lang: str) -> str:
    """A {"vi": ..., "en": ...} pair in the reader's language."""
    if isinstance(pair, dict):
        return str(pair.get(lang) or pair.get("vi") or "")
    return "" if pair is None else str(pair)


def _radar_axes(pillars: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Radar axes: 0–1 for index scores, else up to the best province's score."""
    top = max((p.get("best") or 0 for p in pillars), default=1.0)
    cap = 1.0 if top <= 1.0 else (100.0 if top <= 100 else top * 1.05)
    return [{"name": _pick(p["name"], lang), "max": cap} for p in pillars]


def _zip_rows(names: list[str], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Bars for the distribution chart: name, value, and the simulated flag."""
    return [{"name": n, "value": r["value"], "highlight": False} for n, r in zip(names, rows)
            if r["value"] is not None]


def _compare_series(chosen: list[dict[str, Any]],
                    pillars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"name": r["unit"]["name"], "values": [r["pillars"].get(p["code"]) for p in pillars]}
            for r in chosen]


def _vi_sort(rows: list[Any], attribute: str = "") -> list[Any]:
    """Sort in Vietnamese alphabetical order (Đà Nẵng after Cà Mau, not after Yên Bái)."""
    from chiso.store.db import vi_sort_key

    def get(row: Any) -> str:
        val = row
        for part in attribute.split(".") if attribute else []:
            val = val[part] if isinstance(val, dict) else getattr(val, part)
        return str(val)

    return sorted(rows, key=lambda r: vi_sort_key(get(r)))


env.filters["vi_sort"] = _vi_sort
env.filters["zip_rows"] = _zip_rows
env.filters["compare_series"] = _compare_series
env.filters["js"] = _tojson
env.filters["radar_axes"] = _radar_axes
env.filters["pick"] = _pick

NAV = [("overview", "/", "nav_overview"), ("scorecard", "/province", "nav_scorecard"),
       ("communes", "/communes", "nav_communes"),
       ("indicator", "/indicator", "nav_indicator"), ("compare", "/compare", "nav_compare"),
       ("projects", "/projects", "nav_projects"),
       ("method", "/methodology", "nav_method"), ("downloads", "/downloads", "nav_downloads"),
       ("changelog", "/changelog", "nav_changelog")]


def render(request: Request, template: str, *, active: str = "", status: int = 200,
           **context: Any) -> HTMLResponse:
    lang = lang_of(request)
    other = "en" if lang == "vi" else "vi"
    switch_url = str(request.url.include_query_params(lang=other).replace(scheme="", netloc=""))
    switch_url = switch_url.removeprefix("//")

    def t(key: str) -> str:
        return i18n.t(key, lang)

    def link(path: str, **params: Any) -> str:
        """A link that keeps an explicit ?lang= (the cookie keeps it otherwise)."""
        q = [(k, v) for k, v in params.items() if v not in (None, "")]
        if "lang" in request.query_params:
            q.append(("lang", lang))
        if not q:
            return path
        from urllib.parse import urlencode

        return f"{path}?{urlencode(q, doseq=True)}"

    response = templates.TemplateResponse(
        request,
        template,
        {"lang": lang, "t": t, "link": link, "nav": NAV, "active": active,
         "switch_url": switch_url, "other_lang": other, **context},
        status_code=status,
    )
    if request.query_params.get("lang") in i18n.LANGS:
        response.set_cookie("lang", lang, max_age=365 * 24 * 3600, samesite="lax")
    response.headers["Content-Language"] = lang
    return response


def error_page(request: Request, exc: Exception,
               action: tuple[str, str, str] | None = None) -> Response:
    """The error page; `action` is what to do next: (href, Vietnamese label, English label)."""
    err = answer(exc)
    lang = lang_of(request)
    try:
        resp = render(request, "error.html", status=err.status, error=err,
                      message=err.message(lang), action=action)
    except Exception:  # noqa: BLE001  (the error page itself failed: answer in plain text)
        resp = HTMLResponse(f"<h1>{err.status}</h1><p>{err.vi} / {err.en}</p>",
                            status_code=err.status)
    resp.headers["Cache-Control"] = "no-store"
    return resp
