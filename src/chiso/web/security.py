"""The one guard in front of every response: who is really asking, and the security headers.

- Behind a TLS proxy (`chiso serve --proxy-headers`), `X-Forwarded-Proto` and `X-Forwarded-For`
  are believed only when the connection comes from one of the trusted proxy addresses
  (`CHISO_TRUSTED_PROXIES`, default this machine); from anyone else they are dropped, so a
  client can neither pretend to be on HTTPS nor sidestep the per-address sign-in limit.
- Every answer (pages, API, downloads, static files, 404s, errors) carries a Content Security
  Policy without inline scripts, frame-ancestors 'none' with X-Frame-Options DENY, nosniff and
  a Referrer-Policy; HSTS when the request came over HTTPS.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
       "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
HSTS = (b"strict-transport-security", b"max-age=31536000")
FORWARDED = (b"x-forwarded-for", b"x-forwarded-proto", b"x-forwarded-host", b"forwarded")
LOOPBACK = ("127.0.0.1", "::1")


def networks(spec: str | Iterable[str]) -> tuple[Network, ...]:
    """'127.0.0.1, 10.0.0.0/8' (or a list of them) as networks; a bad entry is a ValueError
    that names it."""
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    out = []
    for item in (i.strip() for i in items):
        if not item:
            continue
        try:
            out.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ValueError(f"not an IP address or network: {item!r}") from None
    return tuple(out)


def within(host: str | None, nets: tuple[Network, ...]) -> bool:
    if not host:
        return False
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        return False
    return any(addr in n for n in nets)


def is_loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host in ("localhost", "testclient")


@dataclass(frozen=True)
class Proxy:
    """Whether to read proxy headers, and from which addresses."""

    enabled: bool = False
    trusted: tuple[Network, ...] = tuple(networks(LOOPBACK))

    def client(self, peer: str | None, forwarded_for: str) -> str | None:
        """The real client: the right-most address in X-Forwarded-For that is not a trusted
        proxy (a client can prepend anything; only what our proxies appended counts)."""
        hops = [h.strip() for h in forwarded_for.split(",") if h.strip()]
        for hop in reversed(hops):
            if not within(hop, self.trusted):
                return hop
        return hops[0] if hops else peer


def secure(headers: list[tuple[bytes, bytes]], https: bool) -> list[tuple[bytes, bytes]]:
    """The headers of an answer with chiso's security headers set (replacing any given)."""
    ours = HEADERS + [HSTS] if https else HEADERS
    names = {k for k, _ in ours}
    return [(k, v) for k, v in headers if k.lower() not in names] + ours


def secure_response(response: Response, https: bool) -> Response:
    """The same headers on a response built outside the middleware (the server-error answer)."""
    for k, v in HEADERS + ([HSTS] if https else []):
        response.headers[k.decode()] = v.decode()
    return response


class WebGuard:
    """Outermost middleware: resolves the client and scheme, then secures every answer."""

    def __init__(self, app: ASGIApp, proxy: Proxy) -> None:
        self.app, self.proxy = app, proxy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        self._resolve(scope)
        https = scope.get("scheme") in ("https", "wss")

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": secure(list(message.get("headers", [])), https)}
            await send(message)

        await self.app(scope, receive, secured)

    def _resolve(self, scope: Scope) -> None:
        """Believe the proxy headers from a trusted proxy; drop them from anyone else (in
        place, so the error handlers outside see the same scope)."""
        raw = list(scope.get("headers") or [])
        given = {k.lower(): v.decode("latin-1") for k, v in raw if k.lower() in FORWARDED}
        if not given:
            return
        scope["headers"] = [(k, v) for k, v in raw if k.lower() not in FORWARDED]
        peer = scope["client"][0] if scope.get("client") else None
        if not (self.proxy.enabled and within(peer, self.proxy.trusted)):
            return
        proto = given.get(b"x-forwarded-proto", "").split(",")[-1].strip().lower()
        if proto in ("http", "https"):
            scope["scheme"] = proto if scope["type"] == "http" else {"http": "ws",
                                                                      "https": "wss"}[proto]
        if b"x-forwarded-for" in given:
            port = scope["client"][1] if scope.get("client") else 0
            scope["client"] = (self.proxy.client(peer, given[b"x-forwarded-for"]), port)
