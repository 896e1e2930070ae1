"""A small world: two provinces and one account per role, on a migrated database."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import Engine

from chiso.accounts import users
from chiso.store import db
from chiso.store.models import Unit

PASSWORD = "mật-khẩu-đủ-dài-1"
FW = "dti-province-2024"
ROLES = {
    "admin": ("ministry_admin", []),
    "reviewer": ("ministry_reviewer", []),
    "editor": ("province_editor", ["vn34-01"]),
    "editor2": ("province_editor", ["vn34-79"]),
    "viewer": ("viewer", []),
}


@dataclass
class World:
    engine: Engine


def populate(engine: Engine) -> World:
    with db.transaction(engine) as s:
        s.add(Unit(id="VN", code="VN", name="Việt Nam", full_name="Việt Nam", type="country",
                   level="country"))
        s.flush()
        for uid, name in (("vn34-01", "Hà Nội"), ("vn34-79", "Hồ Chí Minh")):
            s.add(Unit(id=uid, code=uid[-2:], name=name, full_name=f"Thành phố {name}",
                       type="municipality", level="province", parent_id="VN"))
        s.flush()
        for name, (role, units) in ROLES.items():
            users.add_user(s, name, PASSWORD, role, units=units, display_name=name.title())
    return World(engine)


@pytest.fixture
def world(engine: Engine) -> World:
    return populate(engine)


@pytest.fixture
def sqlite_world(sqlite_engine: Engine) -> World:
    return populate(sqlite_engine)
