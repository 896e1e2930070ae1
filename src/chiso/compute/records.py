"""A method as plain data and back: the dict recorded with a run, the YAML of a method file.

A record without a `version` was written before version 2 and loads with the rules the engine
had then, so a stored run regenerates bit for bit: an indicator without spread at the middle of
the scale (edge_values "neutral"), rank normalisations averaging ties, zeros floored at 1e-6 in
geometric and harmonic means, missing children left out of generalised means, exact ties only
in the ranks, weights "pca" meaning squared loadings, "none" leaving values unoriented. Older
keys are read too: impute as a word with group_by, screen_units, treat_skip, log_fallback.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from chiso.compute.checks import refuse
from chiso.compute.impute import ImputeRule
from chiso.compute.method import VERSION, Method
from chiso.compute.screen import ScreenRule
from chiso.compute.treat import TreatRule

LEGACY = {"edge_values": "neutral", "zero_floor": 1e-6, "genmean_missing": "leave_out",
          "rank_tolerance": 0.0}
RANKED = ("rank", "percentile_rank")


def method_to_dict(m: Method) -> dict[str, Any]:
    d = asdict(m)
    for key in ("exclude",):
        d[key] = list(d[key])
    for key in ("aggregate", "p", "dat_thresh"):
        if isinstance(d[key], tuple):
            d[key] = list(d[key])
    if m.screen is not None:
        d["screen"]["force_in"] = list(m.screen.force_in)
        d["screen"]["force_out"] = list(m.screen.force_out)
    return d


def legacy_params(kind: str, params: dict[str, Any]) -> dict[str, Any]:
    """A normaliser's parameters as recorded before version 2: rank normalisations then
    averaged ties, and "none" left the values as they were (not multiplied by the direction)."""
    if kind in RANKED and "ties" not in params:
        return {**params, "ties": "average"}
    if kind == "none" and "orient" not in params:
        return {**params, "orient": False}
    return dict(params)


def _rule(cls: type[Any], where: str, value: Any) -> Any:
    if not isinstance(value, dict):
        refuse(f"{where} phải là một bảng thiết lập.", f"{where} must be a mapping of settings.")
    names = {f.name for f in fields(cls)}
    unknown = sorted(set(value) - names)
    if unknown:
        refuse(f"{where}: không có thiết lập {', '.join(unknown)} "
               f"(có: {', '.join(sorted(names))}).",
               f"{where}: no setting {', '.join(unknown)} (settings: {', '.join(sorted(names))}).")
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in value.items()})


def method_from_dict(raw: dict[str, Any]) -> Method:
    """A Method from its dict, refused whole with a clear error if anything is off."""
    d = dict(raw)
    legacy = "version" not in d
    if legacy:
        d = {**LEGACY, **d, "version": VERSION}
        if d.get("weights") == "pca":
            d["weights"] = "pca_squared"
        kind = d.get("normalise", "minmax")
        if "normalise_params" in d:
            d["normalise_params"] = legacy_params(kind, d["normalise_params"] or {})
        else:
            default = {"a": 0.0, "b": 100.0} if kind == "minmax" else {}
            d["normalise_params"] = legacy_params(kind, default)
        d["per_indicator"] = {
            code: {**spec, "params": legacy_params(spec.get("normalise", ""),
                                                   spec.get("params") or {})}
            for code, spec in (d.get("per_indicator") or {}).items()}
    imp = d.get("impute", "none")
    group = d.pop("group_by", None)
    if isinstance(imp, str):
        imp = {"f": imp}
    if imp is not None and group is not None:
        imp = {**imp, "group": group}
    d["impute"] = _rule(ImputeRule, "impute", imp or {})
    screen_units = d.pop("screen_units", None)
    if screen_units:
        d["screen"] = {"by": "missing", "dat_thresh": float(screen_units)}
    if d.get("screen") is not None:
        d["screen"] = _rule(ScreenRule, "screen", d["screen"])
    treat = d.get("treat")
    if treat is not None:
        treat = dict(treat)
        if "log_fallback" in treat:
            treat["f2"] = "log_CT" if treat.pop("log_fallback") else None
        d["treat"] = _rule(TreatRule, "treat", treat)
    per = dict(d.get("treat_per_indicator") or {})
    for code in d.pop("treat_skip", None) or ():
        per[code] = None
    d["treat_per_indicator"] = per
    for key in ("exclude",):
        if key in d:
            d[key] = tuple(d[key] or ())
    for key in ("aggregate", "p", "dat_thresh"):
        if isinstance(d.get(key), list):
            d[key] = tuple(d[key])
    names = {f.name for f in fields(Method)}
    unknown = sorted(set(d) - names)
    if unknown:
        refuse(f"Phương pháp không có thiết lập {', '.join(unknown)}.",
               f"A method has no setting {', '.join(unknown)}.")
    try:
        return Method(**d)
    except TypeError as exc:
        refuse(f"Thiết lập phương pháp không hợp lệ ({exc}).", f"Invalid method setting ({exc}).")
