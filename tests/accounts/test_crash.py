"""Crash test: the server is killed (SIGKILL) while forms are submitted, templates imported and
submissions accepted; after a restart nothing acknowledged is lost and nothing is half-written."""

from __future__ import annotations

import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
from sqlalchemy import func, select, text

from chiso.framework import load_framework
from chiso.store import db
from chiso.store.models import Observation, Source
from chiso.store.models_workflow import AuditRecord, Entry, Submission
from chiso.workflow import accounts
from support import as_cli

from .conftest import FW, PASSWORD, populate
from .webkit import filled_template

CODES = [n.code for n in load_framework(FW).indicators()]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(data: Path, url: str) -> tuple[subprocess.Popen, str]:
    port = _port()
    env = {**os.environ, "CHISO_DATA_DIR": str(data), "CHISO_DATABASE_URL": url}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory",
                             "chiso.web.app:app_from_env", "--port", str(port),
                             "--log-level", "error"], env=env)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if httpx.get(base + "/changelog", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise AssertionError("the server did not start")


def _session(base: str, name: str) -> dict[str, str]:
    """Sign in over plain http by carrying the Secure cookies by hand."""
    r = httpx.get(base + "/login")
    pre = r.cookies.get("chiso_login_csrf")
    tok = re.search(r'name="csrf_token" value="([^"]+)"', r.text).group(1)
    r = httpx.post(base + "/login",
                   data={"username": name, "password": PASSWORD, "csrf_token": tok},
                   headers={"cookie": f"chiso_login_csrf={pre}"})
    sid = r.cookies.get("chiso_session")
    page = httpx.get(base + "/account", headers={"cookie": f"chiso_session={sid}"})
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    return {"cookie": f"chiso_session={sid}", "x-csrf-token": csrf}


def _xlsx(period: int) -> bytes:
    values = {c: round(0.1 + (period + k) % 9 / 10, 1) for k, c in enumerate(CODES)}
    return filled_template(FW, "vn34-79", "Hồ Chí Minh", str(period), values)


def _round(data: Path, url: str, periods: range, secrets: dict[str, str],
           seed: int) -> dict[str, set]:
    proc, base = _start(data, url)
    acked: dict[str, set] = {"saved": set(), "imported": set(), "accepted": set()}
    stop = threading.Event()
    editor = {"authorization": f"Bearer {secrets['editor']}"}
    reviewer = {"authorization": f"Bearer {secrets['reviewer']}"}
    web = _session(base, "editor2")

    def submit() -> None:
        for p in periods:
            if stop.is_set():
                return
            body = {"version": 0, "submit": True,
                    "values": {c: f"0,{(p + i) % 9 + 1}" for i, c in enumerate(CODES)}}
            try:
                r = httpx.post(f"{base}/api/v1/entry/{FW}/{p}/vn34-01", json=body, headers=editor)
                if r.status_code == 200:
                    acked["saved"].add(str(p))
            except httpx.HTTPError:
                return

    def import_xlsx() -> None:
        for p in periods:
            if stop.is_set():
                return
            try:
                r = httpx.post(f"{base}/entry/{FW}/{p}/vn34-79/xlsx", headers=web,
                               data={"version": "0"},
                               files={"file": ("t.xlsx", _xlsx(p), "application/octet-stream")})
                if r.status_code == 200:
                    acked["imported"].add(str(p))
            except httpx.HTTPError:
                return

    def accept() -> None:
        while not stop.is_set():
            try:
                items = httpx.get(f"{base}/api/v1/review", headers=reviewer).json()["items"]
                for it in items:
                    r = httpx.post(f"{base}/api/v1/review/{it['id']}", headers=reviewer,
                                   json={"action": "accept", "version": it["version"]})
                    if r.status_code == 200:
                        acked["accepted"].add(it["id"])
            except (httpx.HTTPError, ValueError, KeyError):
                return

    workers = [threading.Thread(target=f) for f in (submit, import_xlsx, accept)]
    for w in workers:
        w.start()
    time.sleep(random.Random(seed).uniform(1.5, 3.0))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stop.set()
    for w in workers:
        w.join(timeout=30)
    return acked


def test_sigkill_during_submission_import_and_review(engine, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    url = engine.url.render_as_string(hide_password=False)
    populate(engine)
    with db.transaction(engine) as s:
        secrets = {n: accounts.create_token(as_cli(s), accounts.require_user(s, n), "crash",
                                            [scope])[1]
                   for n, scope in (("editor", "entry"), ("reviewer", "review"))}
    engine.dispose()
    rounds = [_round(data, url, range(2000 + 45 * i, 2045 + 45 * i), secrets, i)
              for i in range(2)]
    assert all(any(r[k] for r in rounds) for k in ("saved", "imported", "accepted"))

    proc, _ = _start(data, url)  # it comes back after the kills
    proc.terminate()
    proc.wait()

    with db.session_factory(engine)() as s:
        if engine.dialect.name == "sqlite":
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        subs = s.scalars(select(Submission)).all()
        by_key = {(x.unit_id, x.period): x for x in subs}
        for x in subs:
            n_entries = s.scalar(select(func.count()).select_from(Entry)
                                 .where(Entry.submission_id == x.id))
            assert n_entries > 0, f"submission {x.id} has no entries: half-written"
            n_audit = s.scalar(select(func.count()).select_from(AuditRecord).where(
                AuditRecord.target_type == "submission", AuditRecord.target_id == str(x.id),
                AuditRecord.action.in_(("entry.save", "entry.submit", "review.accept"))))
            assert n_audit == x.version, f"submission {x.id}: {n_audit} audit records, v{x.version}"
            n_obs = s.scalar(select(func.count()).select_from(Observation).join(Source).where(
                Source.uri == f"chiso:submission/{x.id}"))
            if x.status == "accepted":
                assert n_obs == n_entries
            else:
                assert n_obs == 0, f"submission {x.id} not accepted but has figures"
        for r in rounds:
            for p in r["saved"]:
                assert by_key[("vn34-01", p)].status in ("submitted", "accepted")
            for p in r["imported"]:
                assert ("vn34-79", p) in by_key
            for sid in r["accepted"]:
                assert s.get(Submission, sid).status == "accepted"
