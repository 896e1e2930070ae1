"""Request dependencies: a database session, the reader's language, pagination."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session

from chiso.web.responses import lang_of


def get_session(request: Request) -> Iterator[Session]:
    """A read session for one request (the web never writes)."""
    with request.app.state.sessions() as session:
        yield session


def get_lang(request: Request) -> str:
    return lang_of(request)


class Paging:
    def __init__(
        self,
        limit: Annotated[int, Query(ge=1, le=1000, description="Số dòng mỗi trang / rows per page")] = 100,
        offset: Annotated[int, Query(ge=0, le=10_000_000, description="Bỏ qua / rows to skip")] = 0,
    ) -> None:
        self.limit, self.offset = limit, offset


SessionDep = Annotated[Session, Depends(get_session)]
LangDep = Annotated[str, Depends(get_lang)]
PagingDep = Annotated[Paging, Depends()]
LangQuery = Annotated[str | None, Query(pattern="^(vi|en)$", description="vi (mặc định) | en")]
