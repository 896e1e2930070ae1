"""Screening of units by data availability and by zeros, with units forced in or out (COINr's
Screen). Works on a units × indicators array; the units screened out become missing rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from chiso.compute.arrays import FloatArray
from chiso.compute.checks import choice, refuse, share

BY = ("missing", "zeros", "missing_or_zeros")


@dataclass(frozen=True)
class ScreenRule:
    """Keep the units whose share of observed indicators is at least `dat_thresh` (by
    "missing"), whose share of observed values that are not zero is at least `nonzero_thresh`
    (by "zeros"), or both ("missing_or_zeros"); then force units in or out by their id.
    `before_impute`: screen the data as denominated, before imputation (else after it)."""

    by: str = "missing"
    dat_thresh: float = 2 / 3
    nonzero_thresh: float = 0.05
    force_in: tuple[str, ...] = ()
    force_out: tuple[str, ...] = ()
    before_impute: bool = False

    def __post_init__(self) -> None:
        choice("screen.by", self.by, BY)
        share("screen.dat_thresh", self.dat_thresh)
        share("screen.nonzero_thresh", self.nonzero_thresh)


@dataclass(frozen=True)
class ScreenDetail:
    """COINr's screening table: one entry per unit."""

    n_missing: np.ndarray
    n_zero: np.ndarray
    dat_avail: np.ndarray
    non_zero: np.ndarray
    low_data: np.ndarray
    low_nonzero: np.ndarray
    included: np.ndarray


def screen(x: FloatArray, rule: ScreenRule | None, unit_ids: Sequence[str]
           ) -> tuple[np.ndarray, ScreenDetail | None]:
    """A boolean mask of the units kept, and the table behind it."""
    if rule is None:
        return np.ones(x.shape[0], dtype=bool), None
    unknown = sorted((set(rule.force_in) | set(rule.force_out)) - set(unit_ids))
    if unknown:
        refuse(f"Đơn vị buộc giữ/loại không có trong số liệu: {', '.join(unknown)}.",
               f"Units forced in or out are not in the data: {', '.join(unknown)}.")
    n = x.shape[1]
    n_missing = np.isnan(x).sum(axis=1)
    n_zero = (x == 0).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        dat_avail = 1 - n_missing / n
        non_zero = 1 - n_zero / (n - n_missing)
    low_data = dat_avail < rule.dat_thresh
    low_nonzero = non_zero < rule.nonzero_thresh
    if rule.by == "missing":
        included = ~low_data
    elif rule.by == "zeros":
        included = ~low_nonzero
    else:
        included = ~(low_data | low_nonzero)
    ids = np.asarray(unit_ids)
    included = np.where(np.isin(ids, rule.force_in), True, included)
    included = np.where(np.isin(ids, rule.force_out), False, included)
    return included, ScreenDetail(n_missing, n_zero, dat_avail, non_zero, low_data, low_nonzero,
                                  included)
