"""Attacks tried against sign-in, entry, review and uploads, and what must hold.

What an attacker was tried with (here, in test_web_matrix.py, test_core.py, test_crash.py and
test_api_schemathesis.py), and what held:
- every role (anonymous, viewer, other province, reviewer, admin) against every write endpoint
  and every private read: only the allowed roles get through; others get 401/403/404 or a
  redirect to sign in; another province's unpublished form is refused.
- forms without, with a wrong, or with a truncated CSRF token; sign-in without the double-submit
  cookie; API writes with a session cookie but no X-CSRF-Token: all 403.
- idle sessions (30 min) and disabled accounts: out at once; forged cookies and tokens: 401.
- password guessing: the account locks after 5 failures (429, even with the right password);
  one address guessing many accounts is stopped; unknown, disabled and wrong-password sign-ins
  get the same answer after the same argon2 cost.
- open redirects after sign-in (//evil, https://evil, /\\evil, javascript:): go to /entry.
- <script> and onerror= in display names, notes, values and reviewer comments: escaped.
- SQL in audit filters, CSV export and queue filters: bound parameters, nothing happens;
  =HYPERLINK formulas in the audit CSV are neutralised; the audit log refuses UPDATE/DELETE
  in the database itself (trigger), on SQLite and PostgreSQL.
- uploads: a 60 MB-expanding XLSX/DOCX zip bomb, a junk zip, a non-zip .xlsx, an .exe, a PNG
  named .pdf: refused (422); a ../../ file name is stored by digest and shown cleaned; a
  declared 1 GB body: 413 before reading; 1 GB streamed without a length: cut off after 20 MB.
- javascript: evidence links refused; extra JSON fields (status, unit_id, created_by) ignored;
  an accepted form cannot be changed by the province.
- two editors on one form: the second gets 409 with their own figures still on the page.
- the response cache never hands one user's private page to another.
"""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from chiso.framework import load_framework
from chiso.store import db
from chiso.store.models_workflow import AuditRecord, Evidence, User, WebSession
from chiso.workflow import accounts
from support import as_user

from .conftest import FW, PASSWORD, populate
from .webkit import client, csrf_of, sign_in

A = load_framework(FW).indicators()[0].code
FORM = f"/entry/{FW}/2024/vn34-01"
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def web(sqlite_engine, tmp_path: Path):
    populate(sqlite_engine)
    return client(sqlite_engine, tmp_path)


def test_session_cookie_is_secure_httponly_samesite(web) -> None:
    r = web.get("/login")
    r = web.post("/login", data={"username": "editor", "password": PASSWORD,
                                 "csrf_token": csrf_of(r.text)})
    cookie = next(v for k, v in r.headers.multi_items()
                  if k == "set-cookie" and v.startswith("chiso_session="))
    low = cookie.lower()
    assert "secure" in low and "httponly" in low and "samesite=lax" in low
    assert r.headers["location"] == "/entry"
    page = web.get("/entry")
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]


def test_csrf_is_required_on_every_form(web) -> None:
    token = sign_in(web, "editor")
    for bad in ({}, {"csrf_token": "wrong"}, {"csrf_token": token[:-1]}):
        r = web.post(FORM, data={"version": "0", f"v__{A}": "0,5", **bad})
        assert r.status_code == 403, bad
    assert web.post(FORM,
                    data={"version": "0", f"v__{A}": "0,5", "csrf_token": token}).status_code == 200
    # sign-in itself: without the double-submit cookie the form is refused
    web.cookies.clear()
    r = web.post("/login", data={"username": "editor", "password": PASSWORD, "csrf_token": "x"})
    assert r.status_code == 403


def test_sessions_expire_and_disabled_accounts_are_out_at_once(web, sqlite_engine) -> None:
    sign_in(web, "editor")
    assert web.get("/entry").status_code == 200
    with db.transaction(sqlite_engine) as s:
        for ws in s.scalars(select(WebSession)):
            ws.last_seen = ws.last_seen - timedelta(hours=1)
    r = web.get("/entry")
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    sign_in(web, "editor")
    with db.transaction(sqlite_engine) as s:
        accounts.disable_user(as_user(s, "admin"), "editor")
    assert web.get("/entry").status_code == 303


def test_brute_force_locks_the_account(web) -> None:
    tok = csrf_of(web.get("/login").text)
    codes = [web.post("/login", data={"username": "editor", "password": f"guess-{i:06d}",
                                      "csrf_token": tok}).status_code for i in range(6)]
    assert codes[:4] == [401] * 4 and codes[4] == 429 and codes[5] == 429
    r = web.post("/login", data={"username": "editor", "password": PASSWORD, "csrf_token": tok})
    assert r.status_code == 429 and "chiso_session" not in r.headers.get("set-cookie", "")


def test_open_redirect_after_sign_in_is_refused(web) -> None:
    for nxt in ("//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:x"):
        r = web.get("/login")
        r = web.post("/login", data={"username": "viewer", "password": PASSWORD,
                                     "csrf_token": csrf_of(r.text), "next": nxt})
        assert r.headers["location"] == "/entry", nxt


def test_script_in_names_comments_and_notes_is_shown_escaped(web, sqlite_engine) -> None:
    with db.transaction(sqlite_engine) as s:
        s.execute(update(User).where(User.username == "editor").values(display_name=XSS))
    token = sign_in(web, "editor")
    r = web.post(FORM, data={"version": "0", f"v__{A}": XSS[:90], f"note__{A}": XSS,
                             "csrf_token": token, "action": "save"})
    assert r.status_code == 422  # not a number: kept as typed, shown escaped
    r = web.post(FORM, data={"version": "1", f"v__{A}": "0,5", f"note__{A}": XSS,
                             "csrf_token": token, "action": "submit"})
    assert r.status_code == 200, r.text[-800:]
    assert "<script>alert" not in r.text and "&lt;script&gt;" in r.text
    rev = client(sqlite_engine, web.app.state.settings.data_dir.parent)
    rtok = sign_in(rev, "reviewer")
    sid = int(rev.get("/review").text.split('href="/review/')[1].split('"')[0])
    assert "<script>alert" not in rev.get(f"/review/{sid}").text
    r = rev.post(f"/review/{sid}", data={"action": "reject", "version": "2", "comment": XSS,
                                         "csrf_token": rtok})
    assert r.status_code == 303
    page = web.get(FORM).text
    assert "<script>" not in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_injection_in_filters_does_nothing(web, sqlite_engine) -> None:
    sign_in(web, "admin")
    with db.session_factory(sqlite_engine)() as s:
        before = s.scalar(select(func.count()).select_from(AuditRecord))
    for attack in ("' OR 1=1 --", "admin'; DROP TABLE audit_log; --", "%' UNION SELECT 1 --"):
        r = web.get("/admin/audit", params={"actor": attack, "action": attack})
        assert r.status_code == 200 and "<td>login</td>" not in r.text
        r = web.get("/admin/audit.csv", params={"actor": attack})
        assert r.status_code == 200 and r.text.count("\n") == 1  # header only
    r = web.get("/review", params={"status": "submitted' OR '1'='1"})
    assert r.status_code == 200
    with db.session_factory(sqlite_engine)() as s:
        assert s.scalar(select(func.count()).select_from(AuditRecord)) >= before


def test_audit_csv_cells_cannot_run_as_formulas(web, sqlite_engine) -> None:
    with db.transaction(sqlite_engine) as s:
        from chiso.store import audit

        audit.add(s, actor="=HYPERLINK(\"http://evil\")", action="x", target_type="y")
    sign_in(web, "admin")
    body = web.get("/admin/audit.csv").text
    assert "'=HYPERLINK" in body and ",=HYPERLINK" not in body


def _bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    return buf.getvalue()


def test_hostile_uploads_are_refused_without_harm(web, sqlite_engine, tmp_path) -> None:
    token = sign_in(web, "editor")
    web.post(FORM, data={"version": "0", f"v__{A}": "0,5", "csrf_token": token})

    def up(kind: str, name: str, data: bytes, **extra: str):
        return web.post(f"{FORM}/{kind}", data={"csrf_token": token, "version": "1", **extra},
                        files={"file": (name, data, "application/octet-stream")})

    bomb = _bomb()
    assert len(bomb) < 1024 * 1024
    assert up("xlsx", "bomb.xlsx", bomb).status_code == 422
    assert up("evidence", "bomb.docx", bomb).status_code == 422
    assert up("xlsx", "junk.xlsx", b"PK\x03\x04" + b"\x00" * 500).status_code == 422
    assert up("xlsx", "notzip.xlsx", b"hello").status_code == 422
    assert up("evidence", "virus.exe", b"MZ\x90\x00").status_code == 422
    assert up("evidence", "fake.pdf", b"\x89PNG\r\n\x1a\n....").status_code == 422
    assert up("evidence", "../../../etc/passwd.pdf", b"%PDF-1.4 ok").status_code == 303
    with db.session_factory(sqlite_engine)() as s:
        ev = s.scalar(select(Evidence))
        assert ev.file_name == "passwd.pdf"
    stored = list((tmp_path / "data" / "evidence").iterdir())
    assert [p.name for p in stored] == [ev.sha256]
    got = web.get(f"/entry/evidence/{ev.id}")
    assert (got.content == b"%PDF-1.4 ok"
            and got.headers["content-disposition"].startswith("attachment"))
    for name, code in (("editor2", 404), ("reviewer", 200)):
        other = client(sqlite_engine, tmp_path)  # the same data directory
        sign_in(other, name)
        assert other.get(f"/entry/evidence/{ev.id}").status_code == code
    # a declared 1 GB body is refused before any of it is read
    r = web.post(f"{FORM}/evidence", content=b"x" * 10,
                 headers={"content-length": str(1024**3),
                          "content-type": "multipart/form-data; boundary=x"})
    assert r.status_code == 413


def test_a_streamed_body_over_the_limit_is_cut_off(web) -> None:
    """1 GB sent in chunks without a length: the app stops reading after the 20 MB limit."""
    import asyncio

    token = sign_in(web, "editor")
    cookie = "; ".join(f"{k}={v}" for k, v in web.cookies.items())
    sent = 0
    chunks = 1024
    messages = []

    async def receive():
        nonlocal sent, chunks
        if sent == 0:
            sent += 1
            return {"type": "http.request", "more_body": True,
                    "body": (b'--b\r\nContent-Disposition: form-data; name="file"; '
                             b'filename="a.pdf"\r\n\r\n')}
        chunks -= 1
        sent += 1024 * 1024
        return {"type": "http.request", "body": b"\0" * (1024 * 1024), "more_body": chunks > 0}

    async def send(message):
        messages.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "https", "path": f"{FORM}/evidence", "raw_path": f"{FORM}/evidence".encode(),
             "query_string": b"", "root_path": "", "client": ("127.0.0.1", 1),
             "server": ("testserver", 443),
             "headers": [(b"host", b"testserver"),
                         (b"content-type", b"multipart/form-data; boundary=b"),
                         (b"x-csrf-token", token.encode()), (b"cookie", cookie.encode())]}
    asyncio.run(web.app(scope, receive, send))
    start = next(m for m in messages if m["type"] == "http.response.start")
    assert start["status"] == 413
    assert sent < 25 * 1024 * 1024


def test_evidence_links_must_be_http(web) -> None:
    token = sign_in(web, "editor")
    r = web.post(FORM, data={"version": "0", f"v__{A}": "0,5", f"url__{A}": "javascript:alert(1)",
                             "csrf_token": token})
    assert r.status_code == 422


def test_the_second_editor_sees_a_conflict_and_keeps_their_figures(web, sqlite_engine,
                                                                   tmp_path) -> None:
    other = client(sqlite_engine, tmp_path / "b")
    t1, t2 = sign_in(web, "editor"), sign_in(other, "editor")
    assert web.post(FORM,
                    data={"version": "0", f"v__{A}": "0,5", "csrf_token": t1}).status_code == 200
    r = other.post(FORM, data={"version": "0", f"v__{A}": "0,77", f"note__{A}": "của B",
                               "csrf_token": t2})
    assert r.status_code == 409
    assert 'value="0,77"' in r.text and "của B" in r.text and "người khác" in r.text


def test_the_public_sees_the_changelog_but_no_unpublished_form(web, sqlite_engine,
                                                               tmp_path) -> None:
    token = sign_in(web, "editor")
    web.post(FORM, data={"version": "0", f"v__{A}": "0,5", "csrf_token": token, "action": "submit"})
    anon = client(sqlite_engine, tmp_path / "anon")
    assert anon.get(FORM).status_code == 303
    assert anon.get(f"/api/v1/entry/{FW}/2024/vn34-01").status_code == 401
    rev = client(sqlite_engine, tmp_path / "rev")
    rt = sign_in(rev, "reviewer")
    sid = int(rev.get("/review").text.split('href="/review/')[1].split('"')[0])
    assert rev.post(f"/review/{sid}", data={"action": "accept", "version": "1",
                                            "csrf_token": rt}).status_code == 303
    assert anon.get("/changelog").text.count('data-testid="publication"') == 0
    # accepted is not published: the public API and pages do not show the figure yet
    figs = f"/api/v1/observations?unit=vn34-01&indicator={A}&period=2024"
    assert anon.get(figs).json()["data"] == []
    assert rev.post("/publish", data={"framework": FW, "period": "2024",
                                      "csrf_token": rt}).status_code == 303
    # (a server's response cache may serve data up to a second old: ask a fresh one)
    got = client(sqlite_engine, tmp_path / "anon2").get(figs).json()["data"]
    assert [(f["value"], f["status"]) for f in got] == [(0.5, "published")]
    page = anon.get("/changelog")
    assert page.status_code == 200 and page.text.count('data-testid="publication"') == 1
    pub = anon.get(f"/api/v1/published/{FW}/2024").json()
    assert pub["publication"] == 1 and pub["figures"] == [
        {"unit": "vn34-01", "indicator": A, "kind": "actual", "target_year": None, "value": 0.5}]
    assert anon.get(f"/api/v1/published/{FW}/2023").status_code == 404


def test_the_response_cache_never_serves_one_user_another_users_page(web, sqlite_engine,
                                                                     tmp_path) -> None:
    sign_in(web, "editor")
    first = web.get("/entry")
    from fastapi.testclient import TestClient

    other = TestClient(web.app, base_url="https://testserver", follow_redirects=False)  # same cache
    sign_in(other, "editor2")
    second = other.get("/entry")
    assert "vn34-01" in first.text and "vn34-79" not in first.text
    assert "vn34-79" in second.text and "vn34-01" not in second.text
