"""ETags and a response cache keyed by the data version: pages are rebuilt only when data change.

Every successful GET gets an ETag (a digest of its body); a request whose If-None-Match
matches gets 304. Responses are kept in memory, keyed by path, query, language and whether the
client takes gzip (the cache sits outside compression: a hit is replayed compressed), and
dropped as a whole when the database's data version changes (checked at most every
`ttl` seconds), so a served page is never older than the data by more than `ttl`.

Concurrent misses on the same key are filled once: the first request renders the page, the
others wait for it and replay the result (fifty clients asking for a page that has just
expired cost one render, not fifty, and do not queue for database connections).
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import OrderedDict
from collections.abc import Callable
from http.cookies import SimpleCookie
from typing import Any

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Any]
Send = Callable[[Message], Any]

SKIP_PREFIXES = ("/static/",)


class CacheStore:
    """The cached responses and the data version they were made at."""

    def __init__(self, version: Callable[[], str], *, enabled: bool = True,
                 ttl: float = 1.0, max_entries: int = 1024, max_body: int = 8 << 20) -> None:
        self.version_fn = version
        self.enabled = enabled
        self.ttl = ttl
        self.max_entries = max_entries
        self.max_body = max_body
        self._version = ""
        self._checked = 0.0
        self._store: OrderedDict[tuple[str, ...], tuple[int, list[tuple[bytes, bytes]], bytes]] = (
            OrderedDict()
        )

    def version(self) -> str:
        now = time.monotonic()
        if now - self._checked >= self.ttl:
            current = self.version_fn()
            if current != self._version:
                self._store.clear()
                self._version = current
            self._checked = now
        return self._version

    def clear(self) -> None:
        self._store.clear()
        self._checked = 0.0

    def get(self, key: tuple[str, ...]) -> Any:
        hit = self._store.get(key)
        if hit is not None:
            self._store.move_to_end(key)
        return hit

    def put(self, key: tuple[str, ...], entry: Any) -> None:
        self._store[key] = entry
        if len(self._store) > self.max_entries:
            self._store.popitem(last=False)


class ResponseCache:
    """A pure ASGI middleware in front of the app (cheap on a hit: no routing, no database)."""

    def __init__(self, app: Any, store: CacheStore,
                 private: Callable[[str], bool] = lambda _path: False) -> None:
        self.app = app
        self.store = store
        self.private = private  # paths answered per user: never cached, never shared
        self._filling: dict[tuple[str, ...], asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or scope[
            "path"
        ].startswith(SKIP_PREFIXES):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        inm = headers.get(b"if-none-match")
        gzip = "gzip" if b"gzip" in headers.get(b"accept-encoding", b"") else ""
        key = (scope["path"], scope.get("query_string", b"").decode("latin-1"),
               _lang_cookie(headers.get(b"cookie")), gzip)
        if not self.store.enabled or self.private(scope["path"]):
            await self._fill(scope, receive, send, key, inm)
            return
        self.store.version()
        hit = self.store.get(key)
        if hit is None and (pending := self._filling.get(key)) is not None:
            await pending.wait()
            hit = self.store.get(key)
            if hit is None:  # the first answer was not cacheable (an error, no-store): our own
                await self._fill(scope, receive, send, key, inm)
                return
        if hit is not None:
            await _replay(hit, inm, scope["method"], send)
            return
        done = self._filling[key] = asyncio.Event()
        try:
            await self._fill(scope, receive, send, key, inm)
        finally:
            del self._filling[key]
            done.set()

    async def _fill(self, scope: Scope, receive: Receive, send: Send, key: tuple[str, ...],
                    inm: bytes | None) -> None:
        start: Message = {}
        chunks: list[bytes] = []
        passthrough = False

        async def capture(message: Message) -> None:
            nonlocal passthrough, start
            if passthrough:
                await send(message)
                return
            if message["type"] == "http.response.start":
                start = message
                if message["status"] != 200:
                    passthrough = True
                    await send(message)
                return
            if message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    body = b"".join(chunks)
                    hdrs = [(k, v) for k, v in start.get("headers", [])
                            if k.lower() not in (b"etag", b"content-length")]
                    etag = (b'W/"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode()
                            + b'"')
                    hdrs.append((b"etag", etag))
                    entry = (200, hdrs, body)
                    no_store = any(k.lower() == b"cache-control" and b"no-store" in v
                                   for k, v in hdrs)
                    if self.store.enabled and not no_store and len(body) <= self.store.max_body:
                        self.store.put(key, entry)
                    await _replay(entry, inm, scope["method"], send)
                return
            await send(message)

        await self.app(scope, receive, capture)


def _lang_cookie(raw: bytes | None) -> str:
    if not raw:
        return ""
    try:
        morsel = SimpleCookie(raw.decode("latin-1")).get("lang")
    except Exception:  # noqa: BLE001  (a malformed cookie header is simply ignored)
        return ""
    return morsel.value if morsel else ""


async def _replay(entry: tuple[int, list[tuple[bytes, bytes]], bytes], inm: bytes | None,
                  method: str, send: Send) -> None:
    status, hdrs, body = entry
    etag = next(v for k, v in hdrs if k == b"etag")
    if inm is not None and _matches(inm, etag):
        keep = [(k, v) for k, v in hdrs if k in (b"etag", b"cache-control", b"vary")]
        await send({"type": "http.response.start", "status": 304, "headers": keep})
        await send({"type": "http.response.body", "body": b""})
        return
    out = [*hdrs, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": out})
    await send({"type": "http.response.body", "body": b"" if method == "HEAD" else body})


def _matches(inm: bytes, etag: bytes) -> bool:
    if inm.strip() == b"*":
        return True
    bare = etag.removeprefix(b"W/")
    return any(t.strip().removeprefix(b"W/") == bare for t in inm.split(b","))
