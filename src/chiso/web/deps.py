"""Request dependencies: a database session, the reader's language, pagination."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session

from chiso.errors import InvalidInput, Problem
from chiso.web.api.common import MAX_INT
from chiso.web.responses import lang_of


def get_session(request: Request) -> Iterator[Session]:
    """A read session for one request (the web never writes)."""
    with request.app.state.sessions() as session:
        yield session


def get_lang(request: Request) -> str:
    return lang_of(request)


LangQuery = Annotated[str | None, Query(pattern="^(vi|en)$", description="vi (mặc định) | en")]


class Paging:
    def __init__(
        self,
        limit: Annotated[int, Query(ge=1, le=1000,
                                    description="Số dòng mỗi trang / rows per page")] = 100,
        offset: Annotated[int, Query(ge=0, le=10_000_000, description="Bỏ qua / rows to skip")] = 0,
    ) -> None:
        self.limit, self.offset = limit, offset


class RunChoice:
    """The run a page is asked to show: ?framework=&year=&run= (store.runs.pick_run decides)."""

    def __init__(
        self,
        framework: Annotated[str | None, Query(max_length=80)] = None,
        year: Annotated[str | None, Query(max_length=10)] = None,
        run: Annotated[int | None, Query(ge=1, le=MAX_INT)] = None,
    ) -> None:
        self.framework, self.year, self.run = framework, year, run


RunQuery = Annotated[RunChoice, Depends()]

_declared: dict[int, frozenset[str]] = {}


def strict_query(request: Request, lang: LangQuery = None) -> None:
    """Every API route: a query parameter the route does not declare is refused with 422,
    never silently ignored (`?lang=` is declared here, on every route)."""
    route = request.scope.get("route")
    if route is None or not hasattr(route, "dependant"):
        return
    names = _declared.get(id(route))
    if names is None:
        # the route's own parameters and this dependency's (which FastAPI may keep apart)
        names = _declared[id(route)] = frozenset([*_query_names(route.dependant), "lang"])
    unknown = sorted({k for k in request.query_params if k not in names})
    if unknown:
        listed = ", ".join(unknown)[:200]
        raise InvalidInput(
            f"Tham số không được hỗ trợ: {listed}. Các tham số của đường dẫn này: "
            f"{', '.join(sorted(names)) or '(không có)'}.",
            f"Unsupported parameter: {listed}. This endpoint's parameters: "
            f"{', '.join(sorted(names)) or '(none)'}.",
            [Problem(f"tham số '{k}' không được hỗ trợ", f"parameter '{k}' is not supported",
                     field=k[:80]) for k in unknown[:20]])


def _query_names(dependant: Any) -> Iterator[str]:
    """The query parameters a route declares, through all its dependencies."""
    for q in dependant.query_params:
        yield q.alias
    for sub in dependant.dependencies:
        yield from _query_names(sub)


StrictQuery = Depends(strict_query)

SessionDep = Annotated[Session, Depends(get_session)]
LangDep = Annotated[str, Depends(get_lang)]
PagingDep = Annotated[Paging, Depends()]

