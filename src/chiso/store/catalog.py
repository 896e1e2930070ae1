"""The catalog read from the store: every framework version and every unit with its lineage."""

from __future__ import annotations

from functools import lru_cache
from weakref import WeakKeyDictionary

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from chiso.catalog import Catalog
from chiso.framework import Framework, parse_framework
from chiso.store import frameworks, units
from chiso.units.registry import Registry


@lru_cache(maxsize=64)
def parsed(sha256: str, yaml_text: str) -> Framework:
    """A stored framework version as a Framework (parsed once per content hash)."""
    return parse_framework(yaml_text, f"{sha256[:8]}.yaml")


def version(session: Session) -> str:
    """Changes whenever a framework version is loaded or units or lineage change."""
    n_units, n_events = units.state(session)
    return f"{frameworks.last_loaded(session)}-{n_units}-{n_events}"


# the catalog last built for each engine (dropped with the engine)
_built: WeakKeyDictionary[Engine, Catalog] = WeakKeyDictionary()


def load_catalog(session: Session) -> Catalog:
    """The catalog as the store holds it now (built again only when the store has changed)."""
    engine = session.get_bind().engine
    now = version(session)
    found = _built.get(engine)
    if found is not None and found.version == now:
        return found
    fws = [parsed(r.sha256, r.yaml_text) for r in frameworks.frameworks(session)]
    unit_rows, events = units.records(session)
    cat = Catalog.of(fws, Registry(unit_rows, events), now)
    _built[engine] = cat
    return cat
