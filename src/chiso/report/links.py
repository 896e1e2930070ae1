"""The stable addresses of what chiso serves, for the "link back" on every printed page and for
share links: the same paths the web app answers (web/pages)."""

from __future__ import annotations

from urllib.parse import urlencode


def _q(**params: object) -> str:
    q = [(k, str(v)) for k, v in params.items() if v not in (None, "")]
    return f"?{urlencode(q)}" if q else ""


def province(base_url: str, unit_id: str, run_id: int | None = None, lang: str | None = None,
             compare: str | None = None) -> str:
    """A province's scorecard page."""
    return f"{base_url.rstrip('/')}/province/{unit_id}{_q(run=run_id, lang=lang, compare=compare)}"


def ranking(base_url: str, run_id: int | None = None, period: str | None = None,
            lang: str | None = None) -> str:
    """The overview page of a run's ranking."""
    return f"{base_url.rstrip('/')}/{_q(year=period, run=run_id, lang=lang)}"


def download(base_url: str, path: str, period: str | None = None, run_id: int | None = None,
             lang: str | None = None) -> str:
    """A document: /province/{unit}/brief.pdf, /ranking.xlsx, ..."""
    return f"{base_url.rstrip('/')}{path}{_q(period=period, run=run_id, lang=lang)}"
