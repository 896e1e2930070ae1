"""HTML to PDF with WeasyPrint, the shipped fonts and no script: briefs and ranking reports."""

from __future__ import annotations

import atexit
from functools import lru_cache
from typing import Any

from chiso.report.model import Brief, Ranking
from chiso.report.render import brief_html, ranking_html, templates_dir


@lru_cache(maxsize=1)
def _styles() -> tuple[Any, Any]:
    """The stylesheet and its font configuration, made once per process (fonts load once)."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    css = CSS(filename=str(templates_dir().joinpath("report.css")), font_config=fonts)
    return css, fonts


# WeasyPrint's font configuration cleans up in __del__, which fails once the interpreter has
# torn its modules down: let it go while they are still there
atexit.register(_styles.cache_clear)


def html_to_pdf(html: str) -> bytes:
    """A PDF of an HTML document written by `chiso.report.render` (relative links resolve
    against the templates folder)."""
    from weasyprint import HTML

    css, fonts = _styles()
    doc = HTML(string=html, base_url=str(templates_dir()) + "/")
    out = doc.write_pdf(stylesheets=[css], font_config=fonts)
    assert out is not None  # no target given: WeasyPrint returns the bytes
    return bytes(out)


def brief_pdf(brief: Brief, lang: str = "vi") -> bytes:
    """The province brief: one A4 sheet, front and back."""
    return html_to_pdf(brief_html(brief, lang))


def ranking_pdf(ranking: Ranking, lang: str = "vi") -> bytes:
    """The national ranking report."""
    return html_to_pdf(ranking_html(ranking, lang))
