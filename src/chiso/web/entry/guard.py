"""The ASGI guard in front of sign-in, entry, review and admin pages.

Bodies are limited while they stream (a 1 GB upload is refused after the limit, never read
whole), and every answer is no-store (the security headers are chiso.web.security's, on every
answer of the app).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chiso.errors import TooLarge

PREFIXES = ("/login", "/logout", "/entry", "/review", "/publish", "/admin", "/account",
            "/changelog", "/runs", "/api/v1/entry", "/api/v1/review", "/api/v1/published",
            "/api/v1/feed")
UPLOAD_MAX = 20 * 1024 * 1024  # evidence and XLSX templates
FORM_MAX = 1024 * 1024  # everything else
HEADERS = [(b"cache-control", b"no-store")]


def too_large(limit: int) -> TooLarge:
    """A request body over the limit (raised while streaming, before it is all read)."""
    mb = limit // (1024 * 1024)
    return TooLarge(f"Tệp hoặc biểu mẫu quá lớn (tối đa {mb} MB).",
                    f"The file or form is too large (at most {mb} MB).")


def limit_for(path: str) -> int:
    return UPLOAD_MAX if path.endswith(("/evidence", "/xlsx", "/api/v1/feed")) else FORM_MAX


def mine(path: str) -> bool:
    return path.startswith(PREFIXES)


class EntryGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not mine(scope["path"]):
            await self.app(scope, receive, send)
            return
        limit = limit_for(scope["path"])
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > limit
            except ValueError:
                too_big = True
            if too_big:
                await _refuse(send, scope["path"], limit)
                return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > limit:
                    raise too_large(limit)
            return msg

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                keep = [(k, v) for k, v in message.get("headers", [])
                        if k.lower() not in {h for h, _ in HEADERS}]
                message = {**message, "headers": keep + HEADERS}
            await send(message)

        await self.app(scope, limited, secured)


async def _refuse(send: Send, path: str, limit: int) -> None:
    """413 before reading the body: JSON in the API's error shape, plain text elsewhere."""
    err = too_large(limit)
    vi, en = err.message_vi, err.message_en
    if path.startswith("/api/"):
        import json

        body = json.dumps({"ok": False, "error": vi, "errors": [], "status": 413,
                           "message": {"vi": vi, "en": en}}, ensure_ascii=False).encode("utf-8")
        ctype = b"application/json"
    else:
        body, ctype = f"{vi} / {en}".encode(), b"text/plain; charset=utf-8"
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode()),
                            *HEADERS, (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
