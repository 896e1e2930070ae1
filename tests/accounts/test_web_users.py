"""A ministry administrator manages accounts in the browser's forms: add, change role and units,
give a token, disable and enable; each through workflow.accounts, each in the audit log."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from chiso.store import audit, db
from chiso.workflow import accounts

from .conftest import populate
from .webkit import client, sign_in


def test_an_admin_manages_an_account_end_to_end(sqlite_engine: Engine, tmp_path: Path) -> None:
    populate(sqlite_engine)
    c = client(sqlite_engine, tmp_path)
    csrf = sign_in(c, "admin")
    page = c.get("/admin/users")
    assert page.status_code == 200 and 'data-testid="user-editor"' in page.text
    assert "Thành phố Hà Nội" in page.text  # units by name
    r = c.post("/admin/users", data={"csrf_token": csrf, "username": "lan.nguyen",
                                     "display_name": "Nguyễn Thị Lan",
                                     "password": "mật-khẩu-đủ-dài-9", "role": "province_editor",
                                     "units": ["vn34-01", "vn34-79"]})
    assert r.status_code == 303
    r = c.post("/admin/users/lan.nguyen/tokens", data={"csrf_token": csrf, "name": "script",
                                                       "scope": ["read", "entry"]})
    assert r.status_code == 200 and "chiso_" in r.text
    r = c.post("/admin/users/lan.nguyen/role", data={"csrf_token": csrf, "role": "viewer"})
    assert r.status_code == 303
    refused = c.post("/admin/users/lan.nguyen/role", data={"csrf_token": csrf,
                                                           "role": "province_editor"})
    assert refused.status_code == 422 and "ít nhất một đơn vị" in refused.text
    assert c.post("/admin/users/lan.nguyen/disable", data={"csrf_token": csrf}).status_code == 303
    assert c.post("/admin/users/admin/disable", data={"csrf_token": csrf}).status_code == 422
    with db.transaction(sqlite_engine) as s:
        user = accounts.require_user(s, "lan.nguyen")
        assert (user.role, user.active) == ("viewer", False)
        toks = accounts.tokens_of(s, user.id)
        assert toks and all(t.revoked_at is not None for t in toks)  # entry is beyond a viewer
        actions = [(a.action, a.actor) for a in audit.entries(s, target_type="user", limit=50)]
        token_actions = [a.action for a in audit.entries(s, target_type="token", limit=50)]
    for action in ("user.add", "user.role", "user.disable"):
        assert (action, "admin") in actions, actions
    assert "token.create" in token_actions
    assert c.post("/admin/users/lan.nguyen/enable", data={"csrf_token": csrf}).status_code == 303
