"""The one JSON error shape, the list envelope, and the errors every face of the web raises."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from chiso.errors import ChisoError
from chiso.web.i18n import pick_lang
from chiso.web.model import NotFound

_HTTP = {
    400: ("Yêu cầu không hợp lệ", "Bad request"),
    404: ("Không tìm thấy trang hoặc tài nguyên", "Page or resource not found"),
    405: ("Phương thức không được hỗ trợ", "Method not allowed"),
    406: ("Không có định dạng phù hợp", "Not acceptable"),
    422: ("Tham số không hợp lệ", "Invalid parameters"),
    500: ("Lỗi máy chủ", "Server error"),
}


class ApiError(Exception):
    """An error with a status and a message in both languages, for the API and the pages."""

    def __init__(self, status: int, vi: str, en: str, errors: list[dict[str, Any]] | None = None):
        super().__init__(en)
        self.status, self.vi, self.en, self.errors = status, vi, en, errors or []


def error_body(status: int, vi: str, en: str, lang: str,
               errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """{"ok": false, "error": ..., "errors": [...], "status": 4xx} plus the message in both languages."""
    return {
        "ok": False,
        "error": en if lang == "en" else vi,
        "errors": errors or [],
        "status": status,
        "message": {"vi": vi, "en": en},
    }


def lang_of(request: Request) -> str:
    return pick_lang(request.query_params.get("lang"), request.cookies.get("lang"),
                     getattr(request.app.state, "default_lang", "vi"))


def to_api_error(exc: Exception) -> ApiError:
    """Every exception the web can meet, as an ApiError (status, bilingual message, details)."""
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, NotFound):
        return ApiError(404, exc.vi, exc.en)
    if isinstance(exc, RequestValidationError):
        errs = []
        for e in exc.errors():
            loc = [str(p) for p in e.get("loc", ())]
            errs.append({"loc": loc, "field": loc[-1] if loc else None,
                         "message_en": e.get("msg"),
                         "message_vi": f"tham số '{loc[-1] if loc else ''}' không hợp lệ: {e.get('msg')}",
                         "type": e.get("type")})
        vi, en = _HTTP[422]
        fields = ", ".join(sorted({e["field"] or "?" for e in errs}))
        return ApiError(422, f"{vi}: {fields}", f"{en}: {fields}", jsonable_encoder(errs))
    if isinstance(exc, StarletteHTTPException):
        vi, en = _HTTP.get(exc.status_code, (str(exc.detail), str(exc.detail)))
        return ApiError(exc.status_code, vi, en)
    if isinstance(exc, ChisoError):
        errs = [p.as_dict() for p in exc.problems]
        return ApiError(400, exc.message_vi, exc.message_en, jsonable_encoder(errs))
    vi, en = _HTTP[500]
    return ApiError(500, vi, en, [{"type": type(exc).__name__}])


def error_response(request: Request, exc: Exception) -> JSONResponse:
    err = to_api_error(exc)
    headers = {"Cache-Control": "no-store"}
    if err.status == 405:
        headers["Allow"] = "GET, HEAD"
    return JSONResponse(error_body(err.status, err.vi, err.en, lang_of(request), err.errors),
                        status_code=err.status, headers=headers)


def page(data: list[Any], total: int, limit: int, offset: int, request: Request) -> dict[str, Any]:
    """The list envelope: items plus what is needed to fetch the next page."""
    nxt = None
    if offset + limit < total:
        nxt = str(request.url.include_query_params(offset=offset + limit, limit=limit))
    prev = None
    if offset > 0:
        prev = str(request.url.include_query_params(offset=max(0, offset - limit), limit=limit))
    return {"ok": True, "total": total, "limit": limit, "offset": offset, "next": nxt,
            "previous": prev, "data": data}
