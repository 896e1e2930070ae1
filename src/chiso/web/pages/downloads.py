"""Dữ liệu / Downloads: every table as CSV and XLSX, and all of it as a Frictionless package."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Request
from starlette.responses import HTMLResponse, Response

from chiso.errors import NotFound
from chiso.web.deps import LangDep, SessionDep
from chiso.web.pages.render import render
from chiso.web.tables import TABLES, datapackage, to_csv, to_xlsx

router = APIRouter()

TYPES = {"csv": "text/csv; charset=utf-8",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@router.get("/downloads", response_class=HTMLResponse)
def downloads(request: Request, session: SessionDep) -> HTMLResponse:
    counts = {name: len(t.rows(session, "vi")) for name, t in TABLES.items()}
    return render(request, "downloads.html", active="downloads", tables=TABLES, counts=counts)


@router.get("/downloads/datapackage.zip")
def package(session: SessionDep) -> Response:
    return Response(datapackage(session), media_type="application/zip",
                    headers={"Content-Disposition": 'attachment; filename="chiso-datapackage.zip"'})


@router.get("/downloads/{name}.{fmt}")
def table_file(
    session: SessionDep,
    lang: LangDep,
    name: Annotated[str, Path(max_length=40)],
    fmt: Literal["csv", "xlsx"],
) -> Response:
    table = TABLES.get(name)
    if table is None:
        raise NotFound(f"Không có bảng '{name}'", f"No table '{name}'")
    rows = table.rows(session, lang)
    body = to_csv(table, rows) if fmt == "csv" else to_xlsx(table, rows, lang)
    return Response(body, media_type=TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="chiso-{name}.{fmt}"'})
