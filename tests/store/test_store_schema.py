"""The schema: migrations up and down, pragmas, Vietnamese order, revisions, frameworks."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, inspect, select, text

from chiso.errors import StoreError
from chiso.framework import load_framework
from chiso.framework.load import SHIPPED
from chiso.store import db, frameworks
from chiso.store.models import Base, FrameworkNode, FrameworkRecord, Unit

TABLES = {
    "sources", "frameworks", "framework_nodes", "units", "lineage_events", "observations",
    "index_runs", "index_results", "import_batches",
}


def test_migrations_go_up_and_down_and_up_again(engine: Engine) -> None:
    assert TABLES <= set(inspect(engine).get_table_names())
    assert db.current_revision(engine) == db.head_revision(engine)
    db.downgrade(engine, "base")
    assert not TABLES & set(inspect(engine).get_table_names())
    db.upgrade(engine)
    assert TABLES <= set(inspect(engine).get_table_names())


def test_migrated_schema_matches_the_models(engine: Engine) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_engine: Engine) -> None:
    with sqlite_engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_an_unmigrated_database_is_refused_with_advice(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    with pytest.raises(StoreError, match="chiso init"):
        db.require_schema(engine)


NAMES = ["Vĩnh Long", "An Giang", "Đắk Lắk", "Điện Biên", "Bắc Ninh", "Cà Mau", "Cao Bằng",
         "Hà Nội", "Hải Phòng", "Hà Tĩnh", "Ô Môn", "Ơ Rê", "Ân Thi", "Ăng Ko", "Yên Bái"]
EXPECTED = ["An Giang", "Ăng Ko", "Ân Thi", "Bắc Ninh", "Cà Mau", "Cao Bằng", "Đắk Lắk",
            "Điện Biên", "Hà Nội", "Hà Tĩnh", "Hải Phòng", "Ô Môn", "Ơ Rê", "Vĩnh Long", "Yên Bái"]


def test_units_sort_in_vietnamese_order(engine: Engine) -> None:
    with db.transaction(engine) as s:
        for i, name in enumerate(NAMES):
            s.add(Unit(id=f"u{i}", code=str(i), name=name, full_name=name, type="x",
                       level="province"))
    with db.session_factory(engine)() as s:
        got = s.scalars(select(Unit.name).order_by(db.vi_order(Unit.name, engine))).all()
    # ICU and chiso's key agree on letters; 'Đ' after 'D', 'Ô'/'Ơ' after 'O', 'Ă'/'Â' after 'A'
    assert [n for n in got if n[0] in "ĐĐ"] and got.index("Điện Biên") > got.index("Cao Bằng")
    assert got.index("Ô Môn") < got.index("Ơ Rê") < got.index("Vĩnh Long")
    assert got.index("An Giang") < got.index("Ăng Ko") < got.index("Ân Thi") < got.index("Bắc Ninh")
    assert list(got) == EXPECTED


@given(st.lists(st.text(alphabet="aăâbcdđeêoôơuưyáàảãạấầẩẫậ ", max_size=6), max_size=8))
def test_vi_sort_key_is_a_total_order(words: list[str]) -> None:
    ordered = sorted(words, key=db.vi_sort_key)
    assert sorted(ordered, key=db.vi_sort_key) == ordered
    keys = [db.vi_sort_key(w) for w in ordered]
    assert keys == sorted(keys)


def test_framework_version_is_stored_once_and_protected(engine: Engine) -> None:
    fw = load_framework("dti-province-2022")
    yaml_text = (SHIPPED / "dti-province-2022.yaml").read_text("utf-8")
    with db.transaction(engine) as s:
        frameworks.sync_framework(s, fw, yaml_text)
        frameworks.sync_framework(s, fw, yaml_text)
    with db.session_factory(engine)() as s:
        assert s.scalar(select(FrameworkRecord.version)) == "2022.1"
        nodes = s.scalars(select(FrameworkNode).order_by(FrameworkNode.position)).all()
        assert [n.code for n in nodes][:2] == ["pdti", "nhan_thuc_so"]
        assert {n.code for n in nodes if not n.scored} == {"do_thi_thong_minh"}
    with pytest.raises(StoreError, match="version"), db.transaction(engine) as s:
        frameworks.sync_framework(s, fw, yaml_text + "\n# edited\n")
