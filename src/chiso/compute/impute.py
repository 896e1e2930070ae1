"""Imputation of missing values (COINr's Impute): by indicator over the units (mean, median, the
mean or median of the unit's group, the unit's previous-period value), or by unit across its
indicators (mean or median, on min-max normalised values unless told otherwise)."""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from chiso.compute.arrays import AnyArray, FloatArray
from chiso.compute.checks import choice, refuse

METHODS = ("none", "refuse", "mean", "median", "group_mean", "group_median", "previous")
BY = ("indicator", "unit")


@dataclass(frozen=True)
class ImputeRule:
    """f: none (leave missing) | refuse (stop if anything is missing) | mean | median |
    group_mean | group_median (over the units with the same label in the `group` column; a
    unit without a label is left alone) | previous (the unit's previous-period value).
    by: "indicator" (over the units, COINr's impute_by = "column") or "unit" (across the
    unit's own indicators, COINr's "row": each indicator min-max normalised to [0, 1] after
    its direction first unless `normalise_first` is false, then mapped back; within the groups
    of indicators at `group_level` when given)."""

    f: str = "none"
    by: str = "indicator"
    group: str | None = None
    normalise_first: bool = True
    group_level: int | None = None

    def __post_init__(self) -> None:
        choice("impute.f", self.f, METHODS)
        choice("impute.by", self.by, BY)
        if self.f.startswith("group_") and not self.group:
            refuse("Cách điền theo nhóm cần cột nhóm (impute.group).",
                   "Group imputation needs a group column (impute.group).")
        if self.by == "unit" and self.f not in ("none", "refuse", "mean", "median"):
            refuse(f"Điền theo đơn vị chỉ dùng mean hoặc median, không dùng '{self.f}'.",
                   f"Imputation by unit takes mean or median, not '{self.f}'.")


_REDUCE: dict[str, Callable[..., FloatArray]] = {
    "mean": np.nanmean, "median": np.nanmedian,
    "group_mean": np.nanmean, "group_median": np.nanmedian,
}


def impute(values: FloatArray, rule: ImputeRule, *, groups: AnyArray | None = None,
           previous: FloatArray | None = None, direction: FloatArray | None = None,
           indicator_groups: AnyArray | None = None) -> FloatArray:
    """A copy of `values` (units × indicators) with missing cells filled by the rule.

    `groups`: one label per unit (group imputation); `previous`: the previous period, same
    shape; `direction` and `indicator_groups` (one label per indicator): imputation by unit.
    """
    x = np.array(values, dtype=float)
    missing = np.isnan(x)
    if rule.f == "none" or not missing.any():
        return x
    if rule.f == "refuse":
        refuse(f"Còn {int(missing.sum())} ô thiếu số liệu mà phương pháp không cho điền "
               "(impute: refuse).",
               f"{int(missing.sum())} cells are missing and the method imputes nothing "
               "(impute: refuse).")
    if rule.f == "previous":
        if previous is None:
            refuse("Cách điền 'năm trước' cần số liệu kỳ trước.",
                   "'previous' imputation needs the previous period's values.")
        return np.where(missing, previous, x)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-missing groups stay missing
        if rule.by == "unit":
            return _by_unit(x, rule, direction, indicator_groups)
        f = _REDUCE[rule.f]
        if not rule.f.startswith("group_"):
            return np.where(missing, f(x, axis=0)[None, :], x)
        if groups is None:
            refuse("Cách điền theo nhóm cần cột nhóm.", "Group imputation needs a group column.")
        return _by_group(x, f, np.asarray(groups, dtype=object))


def _labelled(v: object) -> bool:
    """A group label, not a missing one (None, NaN or empty)."""
    return v is not None and v != "" and not (isinstance(v, float) and math.isnan(v))


def _by_group(x: FloatArray, f: Callable[..., FloatArray], g: AnyArray) -> FloatArray:
    out = x.copy()
    labelled = np.array([_labelled(v) for v in g], dtype=bool)
    for label in dict.fromkeys(g[labelled]):
        rows = labelled & (g == label)
        out[rows] = np.where(np.isnan(x[rows]), f(x[rows], axis=0)[None, :], x[rows])
    return out


def _by_unit(x: FloatArray, rule: ImputeRule, direction: FloatArray | None,
             indicator_groups: AnyArray | None) -> FloatArray:
    d = np.ones(x.shape[1]) if direction is None or not rule.normalise_first else np.asarray(
        direction, dtype=float)
    y = x * d
    if rule.normalise_first:
        lo, hi = np.nanmin(y, axis=0), np.nanmax(y, axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            y = (y - lo) / (hi - lo)
    labels = np.zeros(x.shape[1]) if indicator_groups is None else np.asarray(indicator_groups)
    f = _REDUCE[rule.f]
    filled = y.copy()
    for label in dict.fromkeys(labels.tolist()):
        cols = labels == label
        block = y[:, cols]
        filled[:, cols] = np.where(np.isnan(block), f(block, axis=1)[:, None], block)
    if rule.normalise_first:
        filled = filled * (hi - lo) + lo
    return np.where(np.isnan(x), filled * d, x)
