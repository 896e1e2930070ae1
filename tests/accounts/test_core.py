"""The core of accounts and entry: passwords, lockout, tokens, locking, review, publication."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text, update
from sqlalchemy.exc import DBAPIError

from chiso.errors import Conflict, Forbidden, InvalidInput
from chiso.framework import load_framework
from chiso.store import audit, db, submissions
from chiso.store.models import Observation
from chiso.store.models_workflow import AuditRecord, User, WebSession
from chiso.workflow import accounts, entry, publish, review, sessions
from chiso.workflow.entry import RawEntry
from chiso.workflow.passwords import PasswordError, hash_password, verify_password
from chiso.workflow.sessions import Limits
from support import anon, as_user

from .conftest import FW, PASSWORD


def test_passwords_are_argon2_and_policy_is_enforced() -> None:
    h = hash_password(PASSWORD)
    assert h.startswith("$argon2id$") and PASSWORD not in h
    assert verify_password(h, PASSWORD) and not verify_password(h, PASSWORD + "x")
    assert not verify_password(None, PASSWORD)
    with pytest.raises(PasswordError, match="10"):
        hash_password("short")
    assert not verify_password(h, "x" * 10_000)


def test_login_locks_after_five_failures_and_unlocks_later(world) -> None:
    with db.transaction(world.engine) as s:
        for _ in range(4):
            assert not sessions.login(anon(s, "10.0.0.1"), "editor", "wrong-password").ok
        r = sessions.login(anon(s, "10.0.0.1"), "editor", "wrong-password")
        assert r.locked and not r.ok
        # the right password no longer works while locked
        r = sessions.login(anon(s, "10.0.0.1"), "editor", PASSWORD)
        assert not r.ok and "locked" in r.message_en
    with db.transaction(world.engine) as s:
        assert s.scalar(select(AuditRecord).where(AuditRecord.action == "user.lockout"))
        s.execute(update(User).where(User.username == "editor").values(locked_until=None))
    with db.transaction(world.engine) as s:
        assert sessions.login(anon(s, "10.0.0.1"), "editor", PASSWORD).ok


def test_unknown_and_disabled_users_get_the_same_answer(world) -> None:
    with db.transaction(world.engine) as s:
        a = sessions.login(anon(s, None), "nobody", PASSWORD)
        accounts.disable_user(as_user(s, "admin"), "viewer")
        b = sessions.login(anon(s, None), "viewer", PASSWORD)
        c = sessions.login(anon(s, None), "admin", "wrong-password-1")
    assert not a.ok and not b.ok and a.message_en == b.message_en == c.message_en


def test_sessions_expire_when_idle(world) -> None:
    with db.transaction(world.engine) as s:
        r = sessions.login(anon(s, None), "editor", PASSWORD)
        assert sessions.current(s, r.secret) is not None
        assert sessions.current(s, "forged") is None
        ws = s.scalar(select(WebSession))
        ws.last_seen = ws.last_seen - timedelta(minutes=31)
    with db.transaction(world.engine) as s:
        assert sessions.current(s, r.secret) is None
        assert s.scalar(select(WebSession)) is None


def test_tokens_are_hashed_scoped_revocable(world) -> None:
    with db.transaction(world.engine) as s:
        u = accounts.require_user(s, "editor")
        tok, secret = accounts.create_token(as_user(s, "editor"), u, "script", ["entry"])
        assert tok.token_hash != secret and secret not in str(tok.scopes)
        with pytest.raises(InvalidInput):
            accounts.create_token(as_user(s, "editor"), u, "x", ["publish"])
        p = accounts.authenticate(s, secret)
        assert p and p.may("entry") and not p.may("read") and p.may_edit("vn34-01")
        assert not p.may_edit("vn34-79")
        assert accounts.authenticate(s, secret + "x") is None
        accounts.revoke(as_user(s, "editor"), tok.id)
        assert accounts.authenticate(s, secret) is None


def test_audit_log_is_append_only_in_the_database(world) -> None:
    with db.session_factory(world.engine)() as s:
        assert s.scalar(select(AuditRecord.id).limit(1))
    for stmt in ("UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError), db.transaction(world.engine) as s:
            s.execute(text(stmt))
    with db.transaction(world.engine) as s:
        assert "mallory" not in {r.actor for r in audit.entries(s)}


def _first_codes(n=3):
    fw = load_framework(FW)
    return [i.code for i in fw.indicators()][:n]


def test_draft_submit_review_accept_publish(world) -> None:
    a, b, c = _first_codes()
    with db.transaction(world.engine) as s:
        r = entry.save(as_user(s, "editor"), FW, "2024", "vn34-01",
                       {a: RawEntry("0,5"), b: RawEntry("0,7")}, 0)
        assert r.submission.version == 1 and not r.problems
        sid = r.submission.id
    with db.transaction(world.engine) as s:
        r = entry.save(as_user(s, "editor"), FW, "2024", "vn34-01", {c: RawEntry("0,9")}, 1,
                       submit=True)
        assert r.submitted and r.submission.version == 2
    with db.transaction(world.engine) as s:
        review.adjust(as_user(s, "reviewer"), sid, 2, {a: 0.55}, "sai số liệu")
    with db.transaction(world.engine) as s:
        counts = review.accept(as_user(s, "reviewer"), sid, 3)
        assert counts.added == 3
    with db.transaction(world.engine) as s:
        obs = {o.indicator: o for o in s.scalars(select(Observation))}
        assert obs[a].value == 0.55 and obs[a].provenance["original_value"] == 0.5
        assert obs[a].status == "approved" and obs[a].created_by == "reviewer"
        res = publish.publish(as_user(s, "reviewer"), FW, "2024")
        assert res.added == 3
        with pytest.raises(InvalidInput, match="Nothing has changed"):
            publish.publish(as_user(s, "reviewer"), FW, "2024")
        actions = [r.action for r in audit.entries(s)]
        assert {"entry.save", "entry.submit", "review.adjust", "review.accept",
                "publish"} <= set(actions)


def test_the_second_editor_gets_a_conflict_and_loses_nothing(world) -> None:
    (a,) = _first_codes(1)
    with db.transaction(world.engine) as s:
        entry.save(as_user(s, "editor"), FW, "2024", "vn34-01", {a: RawEntry("0,5")}, 0)
    with db.transaction(world.engine) as s:  # editor A saves version 1 -> 2
        entry.save(as_user(s, "editor"), FW, "2024", "vn34-01", {a: RawEntry("0,6")}, 1)
    # editor B still holds version 1
    with pytest.raises(Conflict, match="Someone else saved"), db.transaction(world.engine) as s:
        entry.save(as_user(s, "editor"), FW, "2024", "vn34-01", {a: RawEntry("0,7")}, 1)
    with db.transaction(world.engine) as s:
        sub = submissions.find(s, FW, "2024", "vn34-01")
        assert sub.version == 2 and submissions.entries_of(s, sub)[a].value == 0.6


def test_editors_cannot_touch_other_provinces(world) -> None:
    (a,) = _first_codes(1)
    with db.transaction(world.engine) as s:
        for name in ("editor2", "viewer", "reviewer"):
            with pytest.raises(Forbidden):
                entry.save(as_user(s, name), FW, "2024", "vn34-01", {a: RawEntry("1")}, 0)


def test_validation_as_import() -> None:
    fw = load_framework("chiso-core")
    pct = next(n for n in fw.indicators() if n.unit == "percent")
    cnt = next(n for n in fw.indicators() if n.unit == "count")
    assert entry.check_entry(pct, "101", None).problems
    assert not entry.check_entry(pct, "70,8", None).problems
    assert entry.check_entry(cnt, "2,5", None).problems
    assert entry.check_entry(cnt, "-1", None).problems
    assert entry.check_entry(pct, "abc", None).problems
    assert entry.check_entry(pct, "90", 20.0).warnings
    assert not entry.check_entry(pct, "50", 20.0).warnings


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_any_typed_text_is_either_a_value_or_a_located_problem(raw: str) -> None:
    fw = load_framework("chiso-core")
    pct = next(n for n in fw.indicators() if n.unit == "percent")
    c = entry.check_entry(pct, raw, 10.0)
    assert (c.value is None) or (0 <= c.value <= 100) or c.problems
    for p in c.problems:
        assert p.field == pct.code and p.message_vi and p.message_en


def test_one_address_guessing_many_accounts_is_stopped(world) -> None:
    policy = sessions.SessionPolicy(limits=Limits(ip_max_failures=3))
    with db.transaction(world.engine) as s:
        for name in ("admin", "reviewer", "viewer"):
            assert not sessions.login(anon(s, "203.0.113.9"), name, "wrong-password-9", policy).ok
        r = sessions.login(anon(s, "203.0.113.9"), "editor", PASSWORD, policy)
        assert not r.ok and r.locked and "address" in r.message_en
        assert sessions.login(anon(s, "198.51.100.1"), "editor", PASSWORD, policy).ok
