"""Setting up a store: the schema, then the frameworks and administrative units chiso ships."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from chiso.framework import load_framework, shipped_ids
from chiso.framework.load import SHIPPED
from chiso.store import audit, db, frameworks, units


def load_frameworks(session: Session) -> int:
    """Store the shipped frameworks (each version once); returns how many versions are new."""
    before = frameworks.last_loaded(session)
    for fid in shipped_ids():
        frameworks.sync_framework(session, load_framework(fid),
                                  (SHIPPED / f"{fid}.yaml").read_text("utf-8"))
    return sum(1 for r in frameworks.frameworks(session) if r.id > before)


def load_units(session: Session) -> int:
    """Store the shipped units and lineage (new ones added, aliases refreshed)."""
    from chiso.units.registry import Registry

    registry = Registry.load()
    return units.sync_units(session, registry.all_units(), registry.lineage_events())


def initialise(engine: Engine, actor: str = "chiso init") -> dict[str, int]:
    """Migrate the schema to head and load the shipped frameworks and units (idempotent)."""
    db.upgrade(engine)
    with db.transaction(engine) as session:
        new_frameworks = load_frameworks(session)
        added = load_units(session)
        if new_frameworks or added:
            audit.add(session, actor=actor, action="setup", target_type="store",
                      after={"frameworks_added": new_frameworks, "units_added": added})
    return {"frameworks": len(shipped_ids()), "units_added": added}
