"""Signing in where people really run chiso, with a real uvicorn server and a real HTTP client:

- over plain http on a network address (`chiso serve --host 0.0.0.0` on a LAN): the cookies
  are not Secure (so the browser sends them back and sign-in works), and the sign-in page
  warns that the connection is not encrypted;
- over https through a TLS proxy that says so (X-Forwarded-Proto), with `--proxy-headers`:
  Secure cookies, HSTS, and the sign-in limit counts the real client's address;
- proxy headers from anyone who is not a trusted proxy are not believed;
- a sign-in form sent back without its cookie gets the form again and what to do.
"""

from __future__ import annotations

import re
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from chiso.settings import Settings
from chiso.store import db
from chiso.store.models_workflow import LoginAttempt
from chiso.web.app import create_app

from .conftest import PASSWORD, populate

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def lan_address() -> str:
    """This machine's address on its network (not loopback)."""
    addr = "127.0.0.1"
    for target in ("10.255.255.255", "192.0.2.255", "8.8.8.8"):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            try:
                s.connect((target, 9))  # no packet is sent: this only picks the route
                addr = str(s.getsockname()[0])
            except OSError:
                continue
        if not addr.startswith("127."):
            break
    if addr.startswith("127."):
        pytest.skip("this machine has no network address other than loopback")
    return addr


def free_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


@contextmanager
def uvicorn_on(app: Any, host: str, port: int, **ssl: str) -> Iterator[None]:
    import uvicorn

    srv = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning",
                                        lifespan="off", proxy_headers=False, **ssl))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


def tls_proxy(backend: str) -> Any:
    """A TLS-terminating reverse proxy as nginx or Caddy would be: it forwards each request to
    the backend over http and says who asked and how (X-Forwarded-For/-Proto)."""
    from starlette.requests import Request
    from starlette.responses import Response

    async def app(scope: Any, receive: Any, send: Any) -> None:
        request = Request(scope, receive)
        headers = [(k, v) for k, v in request.headers.items() if k not in ("host",)]
        headers += [("x-forwarded-for", request.client.host if request.client else ""),
                    ("x-forwarded-proto", "https")]
        async with httpx.AsyncClient(base_url=backend) as c:
            r = await c.request(request.method, request.url.path, params=request.query_params,
                                content=await request.body(), headers=headers)
        resp = Response(r.content, status_code=r.status_code)
        for k, v in r.headers.multi_items():
            if k not in ("content-length", "content-encoding", "transfer-encoding",
                         "connection", "date", "server"):
                resp.headers.append(k, v)
        await resp(scope, receive, send)

    return app


def self_signed(folder: Path) -> tuple[Path, Path]:
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return key, cert


def set_cookies(r: httpx.Response) -> dict[str, str]:
    return {v.split("=", 1)[0]: v for v in r.headers.get_list("set-cookie")}


def sign_in(c: httpx.Client, username: str = "editor", password: str = PASSWORD) -> httpx.Response:
    page = c.get("/login")
    assert page.status_code == 200
    token = CSRF.search(page.text)
    assert token
    return c.post("/login", data={"username": username, "password": password,
                                  "csrf_token": token.group(1), "next": "/entry"})


def attempts(engine: Any) -> list[str]:
    with db.session_factory(engine)() as s:
        return [a.ip for a in s.scalars(select(LoginAttempt).order_by(LoginAttempt.id))]


def test_sign_in_over_plain_http_on_a_network_address(sqlite_engine, tmp_path) -> None:
    populate(sqlite_engine)
    host = lan_address()
    port = free_port(host)
    app = create_app(Settings(data_dir=tmp_path / "data"), sqlite_engine)
    with uvicorn_on(app, "0.0.0.0", port), httpx.Client(base_url=f"http://{host}:{port}",
                                                        follow_redirects=False) as c:
        page = c.get("/login")
        assert 'data-testid="plain-http"' in page.text
        assert "không mã hóa" in page.text and "unencrypted" in page.text
        assert "secure" not in set_cookies(page)["chiso_login_csrf"].lower()
        assert "strict-transport-security" not in page.headers
        r = sign_in(c)
        assert r.status_code == 303 and r.headers["location"] == "/entry", r.text[:400]
        session = set_cookies(r)["chiso_session"].lower()
        assert "secure" not in session and "httponly" in session and "samesite=lax" in session
        entry = c.get("/entry")
        assert entry.status_code == 200 and "vn34-01" in entry.text
        # a proxy header from a client that is not a trusted proxy is not believed
        r = c.get("/login", headers={"x-forwarded-proto": "https", "x-forwarded-for": "6.6.6.6"})
        assert "secure" not in set_cookies(r)["chiso_login_csrf"].lower()
        assert 'data-testid="plain-http"' in r.text
        bad = c.post("/login", data={"username": "viewer", "password": "wrong-password-1",
                                     "csrf_token": CSRF.search(r.text).group(1)},  # type: ignore[union-attr]
                     headers={"x-forwarded-for": "6.6.6.6"})
        assert bad.status_code == 401
    assert attempts(sqlite_engine)[-1] == host  # the real address, not the one claimed


def test_sign_in_over_https_behind_a_proxy_that_says_so(sqlite_engine, tmp_path) -> None:
    populate(sqlite_engine)
    app = create_app(Settings(data_dir=tmp_path / "data", proxy_headers=True,
                              trusted_proxies="127.0.0.1"), sqlite_engine)
    back, front = free_port("127.0.0.1"), free_port("127.0.0.1")
    key, cert = self_signed(tmp_path)
    with uvicorn_on(app, "127.0.0.1", back), \
            uvicorn_on(tls_proxy(f"http://127.0.0.1:{back}"), "127.0.0.1", front,
                       ssl_keyfile=str(key), ssl_certfile=str(cert)), \
            httpx.Client(base_url=f"https://localhost:{front}", verify=str(cert),
                         follow_redirects=False) as c:
        page = c.get("/login")
        assert "secure" in set_cookies(page)["chiso_login_csrf"].lower()
        assert page.headers["strict-transport-security"].startswith("max-age=")
        assert 'data-testid="plain-http"' not in page.text
        r = sign_in(c)
        assert r.status_code == 303, r.text[:400]
        session = set_cookies(r)["chiso_session"].lower()
        assert "secure" in session and "httponly" in session
        # the Secure cookie came back over https: signed in
        assert c.get("/entry").status_code == 200
        assert sign_in(c, "viewer", "wrong-password-1").status_code == 401
    # the proxy said who asked: the sign-in limit counts that address
    assert attempts(sqlite_engine)[-1] == "127.0.0.1"

    # the same backend, reached directly from the network with forged headers: not believed
    host = lan_address()
    port = free_port(host)
    with uvicorn_on(app, "0.0.0.0", port), httpx.Client(base_url=f"http://{host}:{port}") as c:
        r = c.get("/login", headers={"x-forwarded-proto": "https", "x-forwarded-for": "10.9.9.9"})
        assert "secure" not in set_cookies(r)["chiso_login_csrf"].lower()
        assert "strict-transport-security" not in r.headers


def test_a_sign_in_form_without_its_cookie_says_what_to_do(sqlite_engine, tmp_path) -> None:
    populate(sqlite_engine)
    app = create_app(Settings(data_dir=tmp_path / "data"), sqlite_engine)
    port = free_port("127.0.0.1")
    with uvicorn_on(app, "127.0.0.1", port), httpx.Client(base_url=f"http://127.0.0.1:{port}",
                                                          follow_redirects=False) as c:
        token = CSRF.search(c.get("/login").text).group(1)  # type: ignore[union-attr]
        c.cookies.clear()  # as a browser that refused the cookie
        r = c.post("/login", data={"username": "editor", "password": PASSWORD,
                                   "csrf_token": token})
        assert r.status_code == 403
        assert "cookie" in r.text and "Allow cookies for this site" in r.text
        assert 'name="username"' in r.text and 'value="editor"' in r.text  # the form, again
        # ... which works as it is: the answer carried a fresh token and cookie
        retry = c.post("/login", data={"username": "editor", "password": PASSWORD,
                                       "csrf_token": CSRF.search(r.text).group(1)})  # type: ignore[union-attr]
        assert retry.status_code == 303
        # an entry form sent after signing out: a page that says so and offers to sign in
        c.cookies.clear()
        r = c.post("/entry/dti-province-2024/2024/vn34-01", data={"version": "0"})
        assert r.status_code == 401 and 'data-testid="error-action"' in r.text
        assert "/login?next=/entry/dti-province-2024/2024/vn34-01" in r.text


def test_chiso_serve_refuses_a_bad_proxy_address_and_warns_on_plain_http() -> None:
    from typer.testing import CliRunner

    from chiso.cli import app as cli
    from chiso.cli.web import exposure_warning

    r = CliRunner().invoke(cli, ["serve", "--proxy-headers", "--trusted-proxies", "10.0.0.5,nope"])
    assert r.exit_code == 2 and "nope" in r.output and "Traceback" not in r.output
    assert exposure_warning("127.0.0.1", False) is None
    assert exposure_warning("0.0.0.0", True) is None  # behind a proxy that terminates TLS
    warning = exposure_warning("0.0.0.0", False)
    assert warning and "HTTPS" in warning and "không mã hóa" in warning


def test_a_stale_entry_form_says_what_to_do_in_both_languages(sqlite_engine, tmp_path) -> None:
    from .webkit import client
    from .webkit import sign_in as sign_in_form

    populate(sqlite_engine)
    web = client(sqlite_engine, tmp_path)
    sign_in_form(web, "editor")
    form = "/entry/dti-province-2024/2024/vn34-01"
    for path in (form, f"{form}/evidence"):
        r = web.post(path, data={"version": "0", "csrf_token": "an-old-token"})
        assert r.status_code == 403
        assert f'data-testid="error-action" href="{form}"' in r.text
        assert "Tải lại biểu mẫu" in r.text
        assert "nothing was saved" in r.text and "chưa lưu gì" in r.text
