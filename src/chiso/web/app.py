"""The web app factory: pages, the JSON API and static assets over one database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.responses import RedirectResponse, Response

import chiso
from chiso.errors import AuthError, ChisoError, FormExpired
from chiso.settings import Settings
from chiso.store import db, state
from chiso.web import api, entry, pages
from chiso.web.api.examples import add_examples
from chiso.web.cache import CacheStore, ResponseCache
from chiso.web.entry.deps import login_redirect
from chiso.web.pages.render import error_page
from chiso.web.responses import error_response
from chiso.web.security import Proxy, WebGuard, networks, secure_response

HERE = Path(__file__).parent
STATIC = HERE / "static"

DESCRIPTION = """
API dữ liệu mở của chiso: khung chỉ số, đơn vị hành chính, số liệu kèm nguồn gốc, kết quả chỉ số,
xếp hạng, khoảng bất định, mục tiêu và dự báo. / chiso's open-data API: frameworks, units,
figures with provenance, index results, ranks, uncertainty, targets and projected status.

Mọi lỗi có dạng / every error is `{"ok": false, "error": "...", "errors": [...], "status": 4xx}`
with `message.vi` and `message.en`; `?lang=en` gives `error` in English. Lists are paginated
(`limit`, `offset`, `next`); every response has an ETag (send `If-None-Match` for 304).
"""


def create_app(settings: Settings, engine: Engine | None = None, *, cache: bool = True,
               cache_ttl: float = 1.0) -> FastAPI:
    """A FastAPI app over the settings' database (or the engine given, e.g. in tests)."""
    if engine is None:
        from chiso.workspace import Workspace

        engine = Workspace(settings).ready()
    app = FastAPI(
        title="chiso API",
        version=chiso.__version__,
        description=DESCRIPTION,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # Swagger UI loads from a CDN; chiso must work without internet
        redoc_url=None,
    )
    app.state.settings = settings
    generated = app.openapi

    def documented() -> dict[str, Any]:
        """The OpenAPI document with an example for every endpoint (built once)."""
        if app.openapi_schema is None:
            app.openapi_schema = add_examples(generated())
        return app.openapi_schema

    app.openapi = documented  # type: ignore[method-assign]
    app.state.engine = engine
    app.state.sessions = db.session_factory(engine)
    app.state.default_lang = settings.language if settings.language in ("vi", "en") else "vi"

    for exc_type in (StarletteHTTPException, RequestValidationError, ChisoError, Exception):
        app.add_exception_handler(exc_type, _handle)

    app.include_router(api.router)
    app.include_router(pages.router)
    entry.install(app)  # sign-in, entry, review; its guard sits inside the response cache
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    store = CacheStore(lambda: state.data_version(engine), enabled=cache, ttl=cache_ttl)
    app.state.response_cache = store
    # inside Starlette's error handling (errors still become JSON or pages), outside routing;
    # the cache sits outside compression, so a hit replays the compressed body as it is
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.add_middleware(ResponseCache, store=store, private=entry.private)
    # outermost: the real client and scheme first, security headers on every answer, cached
    # or not (a server error's answer gets them in _handle, outside the middleware stack)
    app.add_middleware(WebGuard, proxy=proxy_of(settings))
    return app


def _form_page(path: str) -> str:
    """The page that shows the form a POST to `path` came from."""
    if path.startswith("/account"):
        return "/account"
    if path.startswith("/logout"):
        return "/"
    return path.removesuffix("/evidence").removesuffix("/xlsx")


def proxy_of(settings: Settings) -> Proxy:
    return Proxy(settings.proxy_headers, networks(settings.trusted_proxies))


async def _handle(request: Request, exc: Exception) -> Response:
    """The one handler: JSON for the API, a page elsewhere; a page that needs a signed-in
    account sends the browser to the sign-in page instead."""
    if request.url.path.startswith("/api/"):
        resp: Response = error_response(request, exc)
    elif isinstance(exc, AuthError) and request.method == "GET" and entry.private(request.url.path):
        resp = RedirectResponse(login_redirect(request.url.path), status_code=303)
    elif isinstance(exc, AuthError) and entry.private(request.url.path):
        # a form sent after the session ended (or without its cookie): say so, offer sign-in
        resp = error_page(request, exc, (login_redirect(_form_page(request.url.path)),
                                         "Đăng nhập lại", "Sign in again"))
    elif isinstance(exc, FormExpired):
        resp = error_page(request, exc, (_form_page(request.url.path), "Tải lại biểu mẫu",
                                         "Reload the form"))
    else:
        resp = error_page(request, exc)
    return secure_response(resp, request.url.scheme == "https")


def app_from_env() -> FastAPI:
    """The app with settings from the environment (for `uvicorn --factory` and workers)."""
    return create_app(Settings())
