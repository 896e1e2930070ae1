"""A COINr 1.1.14 build (its calls and their arguments, as in a case's call.json) as a chiso
method, so an analyst can rerun a COINr index in chiso and compare number for number.

It reads the arguments as COINr does, defaults and quirks included (see docs/methods.md), and
refuses what COINr refuses when it reads them; what COINr refuses later, on the data, chiso's
engine refuses. JSON stands for R values as in the cases' README ({"_data.frame": {...}},
{"_list": [...]}).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import numpy as np

from chiso.compute.checks import refuse
from chiso.compute.coinr import Meta
from chiso.compute.impute import ImputeRule
from chiso.compute.method import Method
from chiso.compute.pipeline import prepare
from chiso.compute.screen import ScreenRule
from chiso.compute.structure import Dataset
from chiso.compute.treat import TreatRule

_IMPUTE = {"i_mean": "mean", "i_median": "median", "i_mean_grp": "group_mean",
           "i_median_grp": "group_median", "none": "refuse"}
_SCREEN = {"byNA": "missing", "byzeros": "zeros", "byNAandzeros": "missing_or_zeros"}
_AGG = {"a_amean": "arithmetic", "a_gmean": "geometric", "a_hmean": "harmonic",
        "a_genmean": "generalised"}
_TREAT_DEFAULT: dict[str, Any] = {
    "f1": "winsorise",
    "f1_para": {"na.rm": True, "winmax": 5, "skew_thresh": 2, "kurt_thresh": 3.5,
                "force_win": False},
    "f2": "log_CT", "f2_para": {"na.rm": True},
    "f_pass": "check_SkewKurt",
    "f_pass_para": {"na.rm": True, "skew_thresh": 2, "kurt_thresh": 3.5},
}
_WINSORISE_ONLY = {"winmax", "skew_thresh", "kurt_thresh", "force_win"}


def _frame(value: Any) -> dict[str, list[Any]]:
    if not isinstance(value, dict) or "_data.frame" not in value:
        refuse("Cần một bảng dữ liệu (data frame).", "A data frame is needed here.")
    frame: dict[str, list[Any]] = value["_data.frame"]
    return frame


def _items(value: Any) -> list[Any]:
    if isinstance(value, dict) and "_list" in value:
        return list(value["_list"])
    return list(value) if isinstance(value, list) else [value]


def _modify(base: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    """R's utils::modifyList: nested lists merged, a NULL entry removed."""
    out = dict(base)
    for k, v in change.items():
        if v is None:
            out.pop(k, None)
        elif isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _modify(out[k], v)
        else:
            out[k] = v
    return out


def _treat_rule(spec: dict[str, Any], combine: bool) -> TreatRule:
    f1, p1 = spec.get("f1", "winsorise"), spec.get("f1_para") or {}
    f2, p2 = spec.get("f2"), spec.get("f2_para") or {}
    passing = spec.get("f_pass_para") or {}
    lam: float | None = None
    if f1 == "boxcox":
        if _WINSORISE_ONLY & set(p1) or "lambda" not in p1:
            f1 = "none"  # boxcox called with winsorise's arguments: COINr leaves it untreated
        else:
            lam = float(p1["lambda"])
    if f2 == "boxcox":
        lam = float(p2.get("lambda", 1.0))
    return TreatRule(
        winmax=None if p1.get("winmax", 5) is None else int(p1.get("winmax", 5)),
        skew_limit=float(passing.get("skew_thresh", 2)),
        kurt_limit=float(passing.get("kurt_thresh", 3.5)),
        win_skew_limit=float(p1.get("skew_thresh", 2)),
        win_kurt_limit=float(p1.get("kurt_thresh", 3.5)),
        force_win=bool(p1.get("force_win", False)), f1=f1 if f1 != "winsorise" else "winsorise",
        f2=f2, boxcox_lambda=lam, combine=combine)


def _indiv(spec: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    """COINr 1.1.14's modify_treat_specs: a changed function drops its default parameters."""
    base = dict(spec)
    for f in ("f1", "f2", "f_pass"):
        if f in change and change[f] != base.get(f):
            base.pop(f"{f}_para", None)
    return _modify(base, change)


def _treat(args: dict[str, Any], leaves: list[str]) -> dict[str, Any]:
    if args.get("disable"):
        return {"treat": None}
    g = args.get("global_specs")
    spec = dict(_TREAT_DEFAULT)
    if isinstance(g, str):
        if g != "none":
            refuse("Treat: global_specs phải là một danh sách hoặc 'none'.",
                   "Treat: global_specs must either be a list or else 'none'.")
    elif g is not None:
        spec = _modify(spec, g)  # (the string "none" leaves the defaults, as COINr does)
    combine = bool(args.get("combine_treat", False))
    rule = _treat_rule(spec, combine)
    per: dict[str, dict[str, Any] | None] = {}
    for code, change in (args.get("indiv_specs") or {}).items():
        if code not in leaves:
            continue
        if change == "none":
            per[code] = None
            continue
        # COINr 1.1.14 builds an indicator's own spec on its package defaults, not on
        # global_specs, and without na.rm = TRUE: the test of an indicator with a missing value
        # then has no answer (the reference cases show both)
        own = _treat_rule(_indiv(_TREAT_DEFAULT, change), combine).with_(skip_missing=False)
        per[code] = asdict(own)
    return {"treat": rule, "treat_per_indicator": per}


def _norm_spec(spec: dict[str, Any], code: str, direction: float, row: dict[str, str]
               ) -> tuple[str, dict[str, Any]]:
    """One COINr normalisation spec for one indicator, as a chiso (kind, params)."""
    f, para = spec.get("f_n", "n_minmax"), spec.get("f_n_para")
    imeta = para == "use_iMeta"
    p: dict[str, Any] = {} if imeta or para is None else dict(para)

    def col(name: str) -> float:
        if name not in row:
            refuse(f"Normalise: iMeta thiếu cột {name} cho {f}.",
                   f"Normalise: iMeta has no column {name}, which {f} needs.")
        return float(row[name])

    def flag(name: str) -> bool:
        if name not in row:
            refuse(f"Normalise: iMeta thiếu cột {name} cho {f}.",
                   f"Normalise: iMeta has no column {name}, which {f} needs.")
        return row[name].strip().upper() in ("TRUE", "T", "1")

    if f == "none":
        return "none", {}
    if f == "n_minmax":
        lu = [col("minmax_lower"), col("minmax_upper")] if imeta else p.get("l_u", [0, 100])
        if len(lu) != 2:
            refuse("Normalise: l_u của n_minmax cần đúng 2 số.",
                   "Normalise: n_minmax's l_u takes 2 numbers.")
        return "minmax", {"a": float(lu[0]), "b": float(lu[1])}
    if f == "n_zscore":
        msd = [col("zscore_mean"), col("zscore_sd")] if imeta else p.get("m_sd", [0, 1])
        return "zscore", {"mean": float(msd[0]), "sd": float(msd[1])}
    if f == "n_scaled":
        lu = [col("scaled_lower"), col("scaled_upper")] if imeta else p.get("npara", [0, 100])
        scale = col("scale_factor") if imeta else p.get("scale_factor", 100)
        low, high = float(lu[0]), float(lu[1])
        if not imeta and direction < 0:  # given on the scale after the direction
            low, high = -high, -low
        return "scaled", {"low": low, "high": high, "scale": float(scale)}
    if f == "n_goalposts":
        if imeta:
            low, high, scale = col("goalpost_lower"), col("goalpost_upper"), col("goalpost_scale")
            trunc = flag("goalpost_trunc2posts")
        else:
            if "gposts" not in p:
                refuse("Normalise: n_goalposts cần gposts.", "Normalise: n_goalposts needs gposts.")
            gp = [float(v) for v in p["gposts"]]
            # given by hand on the scale after the direction: back to the indicator's own units
            low, high = (gp[0], gp[1]) if direction > 0 else (-gp[1], -gp[0])
            scale, trunc = gp[2], bool(p.get("trunc2posts", True))
        return "goalposts", {"low": low, "high": high, "scale": scale, "truncate": trunc}
    if f == "n_dist2targ":
        if imeta:
            if "Target" not in row:
                refuse("Normalise: iMeta không có cột Target.",
                       "Normalise: iMeta has no Target column.")
            target, cap = col("Target"), ("dist2targ_cap_max" in row and flag("dist2targ_cap_max"))
        else:
            target, cap = float(p["targ"]) * direction, bool(p.get("cap_max", False))
        return "distance_to_target", {"target": target, "cap": cap, "scale": 1.0}
    if f == "n_dist2ref":
        return "distance_to_reference", {"unit": int(p["iref"]),
                                         "cap": bool(p.get("cap_max", False)), "scale": 1.0}
    if f in ("n_dist2max", "n_fracmax"):
        return ("distance_to_best" if f == "n_dist2max" else "fraction_of_best"), {"scale": 1.0}
    if f in ("n_rank", "n_prank", "n_borda"):
        kind = {"n_rank": "rank", "n_prank": "percentile_rank", "n_borda": "borda"}[f]
        out: dict[str, Any] = {"ties": p.get("ties.method", "min")}
        return kind, {**out, "scale": 1.0} if kind == "percentile_rank" else out
    refuse(f"Normalise: chiso không biết hàm '{f}'.", f"Normalise: chiso does not know '{f}'.")


def _normalise(args: dict[str, Any], meta: Meta, directions: dict[str, float]) -> dict[str, Any]:
    st = meta.structure
    d = {c: float(v) for c, v in zip(st.tree.leaves, st.direction, strict=True)}
    if args.get("directions") is not None:
        frame = _frame(args["directions"])
        directions = {c: float(v) for c, v in zip(frame["iCode"], frame["Direction"], strict=True)}
        d.update(directions)
    g = args.get("global_specs") or {"f_n": "n_minmax", "f_n_para": {"l_u": [0, 100]}}
    indiv = args.get("indiv_specs") or {}
    per: dict[str, dict[str, Any]] = {}
    for code in st.tree.leaves:  # per indicator: parameters can depend on its row and direction
        kind, params = _norm_spec(indiv.get(code, g), code, d[code], meta.rows[code])
        per[code] = {"normalise": kind, "params": params}
    return {"normalise": "none", "normalise_params": {}, "per_indicator": per,
            "directions": directions}


def _weights(w: Any, meta: Meta, pca: dict[str, tuple[int, bool]], hows: list[str]
             ) -> dict[str, Any]:
    tree = meta.structure.tree
    levels = max(tree.level)
    if w is None or w == "Original":
        return {"weights": "framework"}
    if w == "none":
        if "arithmetic" in hows:
            refuse("Aggregate: a_amean cần trọng số (w = 'none' không dùng được).",
                   "Aggregate: a_amean needs weights (w = 'none' does not work with it).")
        return {"weights": "equal"}
    if isinstance(w, str):
        if w not in pca:
            refuse(f"Aggregate: không có bộ trọng số tên '{w}'.",
                   f"Aggregate: no weight set named '{w}'.")
        level, by_groups = pca[w]
        return {"weights": "pca", "pca_level": level, "pca_by_groups": by_groups}
    sets = _items(w) if isinstance(w, dict) and "_list" in w else None
    if sets is None:
        frame = _frame(w)
        return {"weights": "user",
                "user_weights": {c: float(v) for c, v in zip(frame["iCode"], frame["Weight"],
                                                              strict=True)}}
    if len(sets) != levels - 1 or len(sets) == 1:  # COINr reads a list only as one set per level
        refuse("Aggregate: w phải là tên một bộ trọng số, một bảng, 'none' hoặc NULL "
               f"(hoặc {levels - 1} bộ, một cho mỗi cấp).",
               "Aggregate: w must be either a string indicating a name of a weight set, or a data "
               f"frame of weights, or 'none', or NULL (or {levels - 1} of them, one per level).")
    user: dict[str, float] = {}
    for level, entry in enumerate(sets, start=2):
        if entry == "Original" or entry is None:
            continue
        frame = _frame(entry)
        given = dict(zip(frame["iCode"], frame["Weight"], strict=True))
        for i, code in enumerate(tree.nodes):
            if tree.level[i] == level - 1 and code in given:
                user[code] = float(given[code])
    return {"weights": "user", "user_weights": user}


def _aggregate(args: dict[str, Any], meta: Meta, pca: dict[str, tuple[int, bool]]
               ) -> dict[str, Any]:
    f = args.get("f_ag") or "a_amean"
    fs = [f] if isinstance(f, str) else list(f)
    if "a_copeland" in fs:
        refuse("Aggregate: COINr 1.1.14 gọi f_ag(x = ...) nhưng a_copeland nhận X: không chạy được "
               "qua Aggregate (chiso: aggregate: copeland).",
               "Aggregate: COINr 1.1.14 calls f_ag(x = ...) but a_copeland takes X, so it cannot "
               "run through Aggregate (in chiso: aggregate: copeland).")
    hows = [_AGG[x] for x in fs]
    para = args.get("f_ag_para")
    paras = para if isinstance(para, list) else [para]
    ps = [float((q or {}).get("p", 1.0)) for q in paras]
    thresh = args.get("dat_thresh")
    out: dict[str, Any] = {
        "aggregate": hows[0] if len(hows) == 1 else tuple(hows),
        "p": ps[0] if len(ps) == 1 else tuple(ps),
        "dat_thresh": (None if thresh is None else float(thresh)
                       if not isinstance(thresh, list) else tuple(map(float, thresh))),
    }
    return {**out, **_weights(args.get("w"), meta, pca, hows)}


def method_from_call(steps: list[dict[str, Any]], meta: Meta, data: Dataset) -> Method:
    """The chiso method of a COINr build (the steps after which the coin holds "Aggregated")."""
    leaves = list(meta.structure.tree.leaves)
    d: dict[str, Any] = {"impute": ImputeRule("none"), "normalise": "none", "normalise_params": {}}
    pca: dict[str, tuple[int, bool]] = {}
    seen: list[str] = []
    for step in steps:
        fn, args = step["fn"], step.get("args") or {}
        if fn == "new_coin":
            d["exclude"] = tuple(_items(args.get("exclude") or []))
        elif fn == "Denominate":
            d.update(_denominate(args, meta))
        elif fn == "Screen":
            force = (_frame(args["Force"]) if args.get("Force") is not None
                     else {"uCode": [], "Include": []})
            pairs = list(zip(force["uCode"], force["Include"], strict=True))
            d["screen"] = ScreenRule(
                by=_SCREEN.get(args["unit_screen"], args["unit_screen"]),
                dat_thresh=float(args.get("dat_thresh", 2 / 3)),
                nonzero_thresh=float(args.get("nonzero_thresh", 0.05)),
                force_in=tuple(u for u, inc in pairs if inc),
                force_out=tuple(u for u, inc in pairs if not inc),
                before_impute="Impute" not in seen)
        elif fn == "Impute":
            d["impute"] = _impute(args)
        elif fn == "Treat":
            d.update(_treat(args, leaves))
        elif fn == "Normalise":
            d.update(_normalise(args, meta, {}))
            _resolve_reference(d, meta, data)
        elif fn == "get_PCA":
            pca[args.get("weights_to", "PCA")] = (int(args.get("Level", 1)),
                                                  bool(args.get("by_groups", True)))
        elif fn == "Aggregate" and args.get("write_to", "Aggregated") == "Aggregated":
            d.update(_aggregate(args, meta, pca))
        seen.append(fn)
    return Method(**d)


def _denominate(args: dict[str, Any], meta: Meta) -> dict[str, Any]:
    out: dict[str, Any] = {"denominate": "multiply" if args.get("f_denom") == "*" else "divide"}
    if args.get("denomby") is not None:
        frame = _frame(args["denomby"])
        out["denominators"] = dict(zip(frame["iCode"], frame["Denominator"], strict=True))
        if "ScaleFactor" in frame:
            out["denominator_scale"] = {c: float(s) for c, s in
                                        zip(frame["iCode"], frame["ScaleFactor"], strict=True)}
        return out
    if not meta.denominators:
        refuse("Denominate: iMeta không có cột Denominator; hãy cho denomby.",
               "Denominate: no Denominator column found in iMeta; give denomby.")
    return {**out, "denominators": dict(meta.denominators)}


def _impute(args: dict[str, Any]) -> ImputeRule:
    if args.get("disable"):
        return ImputeRule("none")
    by = args.get("impute_by", "column")
    if by == "df":
        refuse("Impute: các hàm i_* của COINr chỉ nhận vectơ, không nhận cả bảng "
               "(impute_by = 'df').",
               "Impute: COINr's i_* functions take vectors, not a data frame (impute_by = 'df').")
    f = _IMPUTE.get(args.get("f_i") or "i_mean")
    if f is None:
        refuse(f"Impute: chiso không biết hàm '{args.get('f_i')}'.",
               f"Impute: chiso does not know '{args.get('f_i')}'.")
    return ImputeRule(f, "unit" if by == "row" else "indicator", args.get("use_group"),
                      bool(args.get("normalise_first", True)), args.get("group_level"))


def _resolve_reference(d: dict[str, Any], meta: Meta, data: Dataset) -> None:
    """n_dist2ref's iref is a row of the data set being normalised (units sorted by uCode,
    after screening): chiso names the unit, found by running the steps before."""
    refs = [s for s in d["per_indicator"].values() if s["normalise"] == "distance_to_reference"]
    if not refs:
        return
    before = Method(**{k: v for k, v in d.items() if k not in (
        "normalise", "normalise_params", "per_indicator", "directions")})
    st = meta.structure.without(before.exclude)
    kept = prepare(st, data, before).kept
    units = sorted(np.asarray(data.unit_ids)[kept].tolist())
    for spec in refs:
        iref = spec["params"]["unit"]
        if not isinstance(iref, int):
            continue
        if not 1 <= iref <= len(units):
            refuse("Normalise: iref phải là một số nguyên trong 1:length(x).",
                   "Normalise: iref must be an integer in 1:length(x).")
        spec["params"] = {**spec["params"], "unit": units[iref - 1]}
