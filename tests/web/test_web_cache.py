"""The response cache: concurrent misses render once; private and failed answers are never
shared."""

from __future__ import annotations

import asyncio
from typing import Any

from chiso.web.cache import CacheStore, ResponseCache


class Counting:
    """A small ASGI app that counts its renders and takes a while to answer."""

    def __init__(self, status: int = 200) -> None:
        self.renders = 0
        self.status = status

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        self.renders += 1
        number = self.renders
        await asyncio.sleep(0.05)
        body = f"{scope['path']} #{number}".encode()
        await send({"type": "http.response.start", "status": self.status,
                    "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": body})


async def _get(app: ResponseCache, path: str) -> tuple[int, bytes]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []}
    await app(scope, receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def _run(app: ResponseCache, paths: list[str]) -> list[tuple[int, bytes]]:
    async def main() -> list[tuple[int, bytes]]:
        return list(await asyncio.gather(*(_get(app, p) for p in paths)))

    return asyncio.run(main())


def _cache(inner: Counting, **kw: Any) -> ResponseCache:
    return ResponseCache(inner, CacheStore(lambda: "v1", ttl=60), **kw)


def test_fifty_concurrent_misses_on_one_page_render_it_once() -> None:
    inner = Counting()
    answers = _run(_cache(inner), ["/tinh/vn34-01"] * 50)
    assert inner.renders == 1
    assert {a for a in answers} == {(200, b"/tinh/vn34-01 #1")}


def test_different_pages_render_concurrently_each_once() -> None:
    inner = Counting()
    answers = _run(_cache(inner), ["/a", "/b", "/a", "/b"])
    assert inner.renders == 2
    assert sorted({a[1].split(b" ")[0] for a in answers}) == [b"/a", b"/b"]


def test_private_paths_are_rendered_for_each_request() -> None:
    inner = Counting()
    answers = _run(_cache(inner, private=lambda p: p.startswith("/entry")), ["/entry/x"] * 3)
    assert inner.renders == 3
    assert len({a[1] for a in answers}) == 3


def test_an_error_is_not_shared_with_waiting_requests() -> None:
    inner = Counting(status=500)
    answers = _run(_cache(inner), ["/broken"] * 3)
    # the first answer failed: each waiting request asks again for itself, none is replayed
    assert inner.renders == 3
    assert all(status == 500 for status, _ in answers)
