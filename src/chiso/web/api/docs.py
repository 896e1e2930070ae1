"""The API's documentation at /api/v1/docs: Swagger UI served by chiso itself (from the
swagger-ui-bundle-v2 package, no CDN: no request leaves the app), started by a script file of
chiso's (no inline script, so the Content Security Policy holds)."""

from __future__ import annotations

from html import escape
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from swagger_ui_bundle import swagger_ui_path

import chiso
from chiso.errors import NotFound
from chiso.web.responses import lang_of

router = APIRouter(include_in_schema=False)

ASSETS = {"swagger-ui-bundle.js": "text/javascript; charset=utf-8",
          "swagger-ui.css": "text/css; charset=utf-8",
          "favicon-32x32.png": "image/png"}
TITLE = {"vi": "Tài liệu API của chiso", "en": "chiso API documentation"}
INTRO = {
    "vi": ("Mọi điểm truy cập, tham số và ví dụ; bấm “Try it out” rồi “Execute” để gọi thử trên "
           "dữ liệu của máy chủ này. Dữ liệu mở không cần đăng nhập; nhập liệu và duyệt cần mã "
           "truy cập (Authorize: Bearer …)."),
    "en": ("Every endpoint, parameter and example; press “Try it out”, then “Execute” to call it "
           "on this server's data. The open data needs no sign-in; entry and review need a "
           "token (Authorize: Bearer …)."),
}


@router.get("/docs")
def api_docs(request: Request) -> Response:
    lang = lang_of(request)
    other = "en" if lang == "vi" else "vi"
    v = chiso.__version__
    html = f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{TITLE[lang]}</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/api/v1/docs/swagger-ui.css?v={v}">
<link rel="stylesheet" href="/static/css/api-docs.css?v={v}">
</head>
<body>
<header class="api-docs-top">
  <a href="/">← chiso</a>
  <h1>{TITLE[lang]}</h1>
  <p>{escape(INTRO[lang])}</p>
  <p lang="{other}" class="muted">{escape(INTRO[other])}</p>
  <p><a href="/api/v1/openapi.json">openapi.json</a> ·
     <a href="/api/v1/docs?lang={other}" hreflang="{other}">{
       "English" if lang == "vi" else "Tiếng Việt"}</a></p>
</header>
<main id="swagger-ui" data-spec="/api/v1/openapi.json" data-testid="api-docs"></main>
<script src="/api/v1/docs/swagger-ui-bundle.js?v={v}"></script>
<script src="/static/js/api-docs.js?v={v}"></script>
</body>
</html>"""
    return HTMLResponse(html, headers={"Content-Language": lang})


@router.get("/docs/{asset}")
def api_docs_asset(asset: Annotated[str, Path(max_length=40)],
                   v: Annotated[str | None, Query(max_length=20)] = None) -> Response:
    """One file of Swagger UI (`v` is the chiso version, to renew caches)."""
    if asset not in ASSETS:
        raise NotFound(f"Không có tệp '{asset}'", f"No file '{asset}'")
    return FileResponse(swagger_ui_path / asset, media_type=ASSETS[asset],
                        headers={"Cache-Control": "public, max-age=86400"})
