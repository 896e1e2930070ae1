"""Imputation of missing values, per indicator (columns of a units × indicators array)."""

from __future__ import annotations

import warnings

import numpy as np

from chiso.errors import ComputeError

METHODS = ("none", "mean", "median", "group_mean", "group_median", "previous")


def impute(values: np.ndarray, method: str, *, groups: np.ndarray | None = None,
           previous: np.ndarray | None = None) -> np.ndarray:
    """A copy of `values` with missing cells filled by `method`.

    mean / median: of the indicator over all units; group_mean / group_median: over the units of
    the same group (`groups`, one label per unit), falling back to nothing if the whole group is
    missing; previous: the same unit's value in the previous period (`previous`, same shape).
    """
    x = np.array(values, dtype=float)
    missing = np.isnan(x)
    if method == "none" or not missing.any():
        return x
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN columns stay NaN
        if method in ("mean", "median"):
            fill = (np.nanmean if method == "mean" else np.nanmedian)(x, axis=0)
            return np.where(missing, fill[None, :], x)
        if method in ("group_mean", "group_median"):
            if groups is None:
                raise ComputeError("Cách điền theo nhóm cần cột nhóm.",
                                   "Group imputation needs a group column.")
            f = np.nanmean if method == "group_mean" else np.nanmedian
            out = x.copy()
            g = np.asarray(groups)
            for label in np.unique(g):
                rows = g == label
                fill = f(x[rows], axis=0)
                out[rows] = np.where(missing[rows], fill[None, :], x[rows])
            return out
    if method == "previous":
        if previous is None:
            raise ComputeError("Cách điền 'năm trước' cần số liệu kỳ trước.",
                               "'previous' imputation needs the previous period's values.")
        return np.where(missing, previous, x)
    raise ComputeError(f"Cách điền số liệu thiếu không hợp lệ: '{method}'.",
                       f"Unknown imputation '{method}'; use one of {', '.join(METHODS)}.")
