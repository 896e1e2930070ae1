"""The one error answer of the web, the list envelope, and the reader's language.

Every error on every path becomes `{"ok": false, "error": ..., "errors": [...], "status": 4xx,
"message": {"vi": ..., "en": ...}}` (the API) or an error page (the pages), with the status
that chiso's error class carries (chiso.errors).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from chiso.errors import ChisoError, vi_reason
from chiso.web.i18n import pick_lang

_HTTP = {
    400: ("Yêu cầu không hợp lệ", "Bad request"),
    401: ("Hãy đăng nhập", "Sign in first"),
    403: ("Không được phép", "Forbidden"),
    404: ("Không tìm thấy trang hoặc tài nguyên", "Page or resource not found"),
    405: ("Phương thức không được hỗ trợ", "Method not allowed"),
    406: ("Không có định dạng phù hợp", "Not acceptable"),
    413: ("Tệp hoặc biểu mẫu quá lớn", "The file or form is too large"),
    422: ("Tham số không hợp lệ", "Invalid parameters"),
    500: ("Lỗi máy chủ", "Server error"),
}


@dataclass(frozen=True)
class Answer:
    """What an error answers: a status, a message in both languages, the located problems."""

    status: int
    vi: str
    en: str
    errors: list[dict[str, Any]] = field(default_factory=list)

    def message(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


def error_body(answer: Answer, lang: str) -> dict[str, Any]:
    return {"ok": False, "error": answer.message(lang), "errors": answer.errors,
            "status": answer.status, "message": {"vi": answer.vi, "en": answer.en}}


def lang_of(request: Request) -> str:
    return pick_lang(request.query_params.get("lang"), request.cookies.get("lang"),
                     getattr(request.app.state, "default_lang", "vi"))


def answer(exc: Exception) -> Answer:
    """Every exception the web can meet, as an answer: chiso's errors by their class's status,
    the framework's own (validation, routing) in chiso's words, anything else a bare 500."""
    if isinstance(exc, ChisoError):
        return Answer(exc.status, exc.message_vi, exc.message_en,
                      jsonable_encoder([p.as_dict() for p in exc.problems]))
    if isinstance(exc, RequestValidationError):
        errs = []
        for e in exc.errors():
            loc = [str(p) for p in e.get("loc", ())]
            name = loc[-1] if loc else ""
            errs.append({"loc": loc, "field": name or None, "message_en": e.get("msg"),
                         "message_vi": f"tham số '{name}': {vi_reason(e, english_detail=False)}",
                         "type": e.get("type")})
        vi, en = _HTTP[422]
        fields = ", ".join(sorted({e["field"] or "?" for e in errs}))
        return Answer(422, f"{vi}: {fields}", f"{en}: {fields}", jsonable_encoder(errs))
    if isinstance(exc, StarletteHTTPException):
        vi, en = _HTTP.get(exc.status_code, _HTTP[400] if exc.status_code < 500 else _HTTP[500])
        return Answer(exc.status_code, vi, en)
    vi, en = _HTTP[500]
    return Answer(500, vi, en)


def error_response(request: Request, exc: Exception) -> JSONResponse:
    err = answer(exc)
    headers = {"Cache-Control": "no-store"}
    if err.status == 405:
        headers["Allow"] = "GET, HEAD"
    return JSONResponse(error_body(err, lang_of(request)), status_code=err.status,
                        headers=headers)


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
