"""The documents a leader takes away, at stable addresses: a province's brief (PDF) and
scorecard workbook (XLSX), the national ranking (PDF, XLSX), each `?period=&run=&lang=`; the
print view of a brief (the HTML the PDF is laid out from) and a province's card to embed."""

from __future__ import annotations

from importlib import resources
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import HTMLResponse, Response

from chiso.errors import NotFound
from chiso.report import documents, from_store
from chiso.report.render import brief_html
from chiso.store import units
from chiso.web.api.common import MAX_INT
from chiso.web.deps import SessionDep
from chiso.web.pages.render import render
from chiso.web.responses import lang_of

router = APIRouter()

Period = Annotated[str | None, Query(max_length=10)]
RunQ = Annotated[int | None, Query(ge=1, le=MAX_INT)]
LangQ = Annotated[str | None, Query(max_length=2)]
Unit = Annotated[str, Path(max_length=40)]


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _send(doc: documents.Document, inline: bool = True) -> Response:
    how = "inline" if inline and doc.media_type == documents.PDF else "attachment"
    return Response(doc.content, media_type=doc.media_type, headers={
        "Content-Disposition": f"{how}; filename=\"{doc.filename}\"; "
                               f"filename*=UTF-8''{quote(doc.filename)}",
        "X-Chiso-Run": str(doc.run.id)})


@router.get("/province/{unit_id}/brief.pdf")
def brief_pdf(request: Request, session: SessionDep, unit_id: Unit, period: Period = None,
              run: RunQ = None, lang: LangQ = None,
              goal: Annotated[str | None, Query(max_length=8)] = None) -> Response:
    return _send(documents.brief(session, unit_id, period, run, lang or lang_of(request),
                                 _base(request), goal=goal))


@router.get("/province/{unit_id}/brief", response_class=HTMLResponse)
def brief_print(request: Request, session: SessionDep, unit_id: Unit, period: Period = None,
                run: RunQ = None, lang: LangQ = None) -> HTMLResponse:
    """The print view: the brief's own HTML, with its print stylesheet (A4, two pages)."""
    chosen = documents.run_for_unit(session, unit_id, period, run)
    model = from_store.brief_model(session, unit_id, chosen, _base(request))
    html = brief_html(model, documents.check_lang(lang or lang_of(request)))
    link = '<link rel="stylesheet" href="/report-assets/templates/report.css">'
    return HTMLResponse(html.replace("</head>", link + "</head>", 1))


@router.get("/province/{unit_id}/scorecard.xlsx")
def scorecard_xlsx(request: Request, session: SessionDep, unit_id: Unit, period: Period = None,
                   run: RunQ = None, lang: LangQ = None) -> Response:
    return _send(documents.scorecard(session, unit_id, period, run, lang or lang_of(request),
                                     _base(request)))


@router.get("/ranking.pdf")
@router.get("/ranking.xlsx")
def ranking(request: Request, session: SessionDep, period: Period = None, run: RunQ = None,
            lang: LangQ = None,
            framework: Annotated[str | None, Query(max_length=80)] = None) -> Response:
    """The national ranking report (PDF) or workbook (XLSX), by the address's ending."""
    fmt = request.url.path.rsplit(".", 1)[-1]
    return _send(documents.ranking(session, framework, period, run, fmt,
                                   lang or lang_of(request), _base(request)))


@router.get("/province/{unit_id}/card", response_class=HTMLResponse)
def card(request: Request, session: SessionDep, unit_id: Unit, period: Period = None,
         run: RunQ = None) -> HTMLResponse:
    """A province's card (name, score, rank, run label, link back) for an <iframe> elsewhere."""
    chosen = documents.run_for_unit(session, unit_id, period, run)
    t = from_store.table(session, chosen)
    u = units.unit(session, unit_id)
    assert u is not None  # run_for_unit found it
    return render(request, "card.html", standing=from_store.standing(t, unit_id),
                  place=from_store.place_of(session, u), run_id=chosen.id,
                  run=from_store.run_model(session, chosen, t.fw), sim=bool(chosen.simulated),
                  base=_base(request))


ASSETS = resources.files("chiso.report")
FONTS = {p.name for p in ASSETS.joinpath("fonts").iterdir() if p.name.endswith(".ttf")}


@router.get("/report-assets/templates/report.css")
def report_css() -> Response:
    """The printed reports' stylesheet, for the print view in a browser."""
    return Response(ASSETS.joinpath("templates", "report.css").read_bytes(), media_type="text/css",
                    headers={"Cache-Control": "public, max-age=3600"})


@router.get("/report-assets/fonts/{name}")
def report_font(name: Annotated[str, Path(max_length=60)]) -> Response:
    """The fonts the reports ship (Noto, OFL)."""
    if name not in FONTS:
        raise NotFound(f"Không có phông chữ '{name}'", f"No font '{name}'")
    return Response(ASSETS.joinpath("fonts", name).read_bytes(), media_type="font/ttf",
                    headers={"Cache-Control": "public, max-age=86400"})
