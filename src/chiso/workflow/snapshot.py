"""A frozen snapshot of figures for an index run: units × indicators for one period, with its
hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy.orm import Session

from chiso.store import observations
from chiso.store.observations import View
from chiso.vocab import REVIEWED


@dataclass(frozen=True)
class Snapshot:
    """Values (NaN = missing) and the observation revisions they came from."""

    period: str
    unit_ids: tuple[str, ...]
    indicators: tuple[str, ...]
    values: np.ndarray  # float64, units × indicators
    observation_ids: np.ndarray  # int64, units × indicators, -1 = missing
    simulated: bool

    @property
    def hash(self) -> str:
        """A digest of exactly what went in: units, indicators, values and revisions."""
        h = hashlib.sha256()
        h.update(json.dumps([self.period, self.unit_ids, self.indicators]).encode())
        h.update(np.ascontiguousarray(self.values).tobytes())
        h.update(np.ascontiguousarray(self.observation_ids).tobytes())
        return h.hexdigest()

    def availability(self) -> float:
        return float(np.isfinite(self.values).mean()) if self.values.size else 0.0


def take_snapshot(session: Session, unit_ids: Sequence[str], indicators: Sequence[str],
                  period: str, *, view: View = "current", statuses: Sequence[str] = REVIEWED,
                  include_simulated: bool = False) -> Snapshot:
    """The actual values of the given units and indicators for a period, as the view shows them."""
    u_pos = {u: i for i, u in enumerate(unit_ids)}
    i_pos = {c: j for j, c in enumerate(indicators)}
    values = np.full((len(unit_ids), len(indicators)), np.nan)
    ids = np.full(values.shape, -1, dtype=np.int64)
    any_sim = False
    for oid, unit, ind, value, simulated in observations.actual_cells(
            session, unit_ids, indicators, period, view, statuses):
        if simulated and not include_simulated:
            continue
        any_sim = any_sim or simulated
        r, c = u_pos[unit], i_pos[ind]
        values[r, c] = np.nan if value is None else value
        ids[r, c] = oid
    return Snapshot(period, tuple(unit_ids), tuple(indicators), values, ids, any_sim)
