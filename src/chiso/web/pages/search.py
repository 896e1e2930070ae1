"""Tìm kiếm / search: provinces, communes and indicators by any part of their name, with or
without diacritics; a former province's name finds the province it became, with the merger
explained."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import HTMLResponse

from chiso.store.catalog import load_catalog
from chiso.units.names import fold
from chiso.units.search import find_units
from chiso.web.deps import SessionDep
from chiso.web.pages.render import render

router = APIRouter()
LIMIT = 20


def find_indicators(catalog: Any, query: str, limit: int = LIMIT) -> list[dict[str, Any]]:
    """Indicators whose name (either language), alias or code holds every word typed."""
    words = fold(query).split()
    if not words or len("".join(words)) < 2:
        return []
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for fw in catalog.frameworks():
        parents = fw.parent_of()
        by_code = {n.code: n for n in fw.nodes()}
        for n in fw.indicators():
            if n.code in seen:
                continue
            forms = [n.name.vi, n.name.en, n.code.replace("_", " "), *n.aliases.vi, *n.aliases.en]
            if any(all(w in fold(f) for w in words) for f in forms):
                seen.add(n.code)
                pillar = by_code.get(parents.get(n.code) or "")
                out.append({"node": n, "framework": fw, "pillar": pillar})
                if len(out) >= limit:
                    return out
    return out


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, session: SessionDep,
           q: Annotated[str, Query(max_length=100)] = "") -> HTMLResponse:
    catalog = load_catalog(session)
    query = q.strip()
    hits = find_units(catalog.units, query, LIMIT) if query else []
    inds = find_indicators(catalog, query) if query else []
    parents = {h.unit.parent for h in hits if h.unit.level == "commune" and h.unit.parent}
    names = {p: catalog.units.get(p).full_name for p in parents if catalog.units.find(p)}
    return render(request, "search.html", active="search", q=query, unit_names=names,
                  provinces=[h for h in hits if h.unit.level == "province"],
                  communes=[h for h in hits if h.unit.level == "commune"], indicators=inds)
