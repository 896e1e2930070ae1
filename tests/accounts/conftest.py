"""A small world: two provinces and one account per role, on a migrated database."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import Engine

from chiso.store import db
from chiso.store.models import Unit
from chiso.workflow import accounts
from support import as_cli, seed_frameworks

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
    seed_frameworks(engine)
    with db.transaction(engine) as s:
        s.add(Unit(id="VN", code="VN", name="Việt Nam", full_name="Việt Nam", type="country",
                   level="country"))
        s.flush()
        for uid, name in (("vn34-01", "Hà Nội"), ("vn34-79", "Hồ Chí Minh")):
            s.add(Unit(id=uid, code=uid[-2:], name=name, full_name=f"Thành phố {name}",
                       type="municipality", level="province", parent_id="VN"))
        s.flush()
        w = as_cli(s, "setup")
        for name, (role, units) in ROLES.items():
            accounts.add_user(w, name, PASSWORD, role, units=units, display_name=name.title())
    return World(engine)


@pytest.fixture
def world(engine: Engine) -> World:
    return populate(engine)


@pytest.fixture
def sqlite_world(sqlite_engine: Engine) -> World:
    return populate(sqlite_engine)


REPORT = ("Hà Nội đẩy mạnh chuyển đổi số\n"
          "Năm 2024, tỷ lệ dân số được phủ sóng 4G của Hà Nội đạt 99,5%, cao hơn mức trung bình "
          "toàn quốc (97%). Đến năm 2025, tỷ lệ hộ gia đình có cáp quang phải đạt 80%. "
          "Tỷ lệ người dân có tài khoản thanh toán điện tử đạt 45% <script>alert(1)</script>.")


def load_report(engine: Engine) -> dict[str, int]:
    """The report above read by chiso's extractor and loaded as drafts: id by indicator+kind."""
    from chiso.extract import extract_text
    from chiso.workflow import extracted

    cands = extract_text(REPORT, "ha-noi-2024.txt", year=2024)
    with db.transaction(engine) as s:
        w = as_cli(s)
        extracted.load_candidates(w, cands, doc_text=REPORT, doc_title="Báo cáo Hà Nội 2024",
                                  period="2024")
        return {f"{o.indicator}:{o.kind}": o.id for o in extracted.drafts(w)}
