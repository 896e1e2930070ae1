"""What a build does, step by step: plain data, recorded with every run so that it regenerates
exactly (`to_dict` / `from_dict`, YAML or JSON). Records written before version 2 load with the
rules the engine had then (see `chiso.compute.records`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from chiso.compute.checks import choice, finite, refuse, share
from chiso.compute.impute import ImputeRule
from chiso.compute.normalise import TIES
from chiso.compute.screen import ScreenRule
from chiso.compute.treat import TreatRule
from chiso.framework import Framework

VERSION = 2
NORMALISERS: dict[str, tuple[str, ...]] = {  # each normaliser's parameters
    "none": ("orient",), "minmax": ("a", "b"), "zscore": ("mean", "sd"),
    "scaled": ("low", "high", "scale"), "goalposts": ("low", "high", "scale", "truncate"),
    "distance_to_target": ("target", "scale", "cap"),
    "distance_to_reference": ("unit", "scale", "cap"), "distance_to_best": ("scale",),
    "fraction_of_best": ("scale",), "rank": ("ties",), "percentile_rank": ("scale", "ties"),
    "borda": ("ties",), "rubric": (),
}
AGGREGATIONS = ("arithmetic", "geometric", "harmonic", "generalised", "copeland", "points")
WEIGHTS = ("framework", "equal", "user", "pca", "pca_squared")
EDGES = ("formula", "neutral")
PerLevel = str | tuple[str, ...]


def check_normaliser(where: str, kind: str, params: dict[str, Any]) -> None:
    """One normaliser and its parameters, refused whole if anything is off."""
    choice(f"{where}: normalise", kind, NORMALISERS)
    unknown = sorted(set(params) - set(NORMALISERS[kind]))
    if unknown:
        refuse(f"{where}: '{kind}' không có tham số {', '.join(unknown)} "
               f"(có: {', '.join(NORMALISERS[kind]) or 'không'}).",
               f"{where}: '{kind}' has no parameter {', '.join(unknown)} "
               f"(it takes: {', '.join(NORMALISERS[kind]) or 'none'}).")
    for name, value in params.items():
        if name == "ties":
            choice(f"{where}: ties", value, TIES)
        elif name in ("truncate", "cap", "orient"):
            if not isinstance(value, bool):
                refuse(f"{where}: {name} phải là true/false.",
                       f"{where}: {name} must be true/false.")
        elif name != "unit":
            finite(f"{where}: {name}", value)
    if kind == "zscore" and params.get("sd", 1.0) <= 0:
        refuse(f"{where}: độ lệch chuẩn đích (sd) phải > 0.",
               f"{where}: the target sd must be > 0.")
    if kind == "scaled" and params.get("high", 100.0) == params.get("low", 0.0):
        refuse(f"{where}: low và high phải khác nhau.", f"{where}: low and high must differ.")


@dataclass(frozen=True)
class Method:
    """Every step's settings, globally and per indicator.

    exclude: indicators left out (with aggregates left without any). denominators: indicator
    -> the column it is divided by (`denominate: multiply` multiplies), scaled by
    denominator_scale (x / (d / scale)). screen: ScreenRule or None. impute: ImputeRule.
    treat: TreatRule or None, with treat_per_indicator {code: {changed settings} or None (left
    untreated)}. normalise: one of NORMALISERS with normalise_params, per_indicator
    {code: {"normalise": ..., "params": {...}}}, directions {code: ±1} overriding the
    framework's, edge_values (see normalise.py). weights: framework | equal | user
    (user_weights, per node) | pca (COINr's get_PCA: signed loadings of the first component
    at pca_level, within groups with pca_by_groups) | pca_squared (chiso's earlier rule:
    squared loadings, positive). aggregate: one of AGGREGATIONS, or one per level (level 2
    first), with p (generalised mean) and dat_thresh (an aggregate is missing where the share
    of its children observed is below it) likewise. zero_floor: None refuses a geometric or
    harmonic mean of values ≤ 0 or 0, and a generalised mean with p ≤ 0 of values ≤ 0, as
    COINr; a number is chiso's rule: values below it count as it (a generalised mean with
    p = 0 is then the geometric mean, and negative values count as 0 when p > 0).
    genmean_missing: "propagate" (any missing child gives a missing mean, as COINr) or
    "leave_out". rank_tolerance: scores within this relative distance of their neighbour share
    a rank (aggregates equal in exact arithmetic are not split by rounding); rank_digits: rank
    the scores rounded to this many decimals (the ministry ranks its published 4-decimal DTI).
    """

    version: int = VERSION
    exclude: tuple[str, ...] = ()
    denominators: dict[str, str] = field(default_factory=dict)
    denominator_scale: dict[str, float] = field(default_factory=dict)
    denominate: str = "divide"
    screen: ScreenRule | None = None
    impute: ImputeRule = field(default_factory=ImputeRule)
    treat: TreatRule | None = None
    treat_per_indicator: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    normalise: str = "minmax"
    normalise_params: dict[str, Any] = field(default_factory=lambda: {"a": 0.0, "b": 100.0})
    per_indicator: dict[str, dict[str, Any]] = field(default_factory=dict)
    directions: dict[str, float] = field(default_factory=dict)
    edge_values: str = "formula"
    weights: str = "framework"
    user_weights: dict[str, float] = field(default_factory=dict)
    pca_level: int = 1
    pca_by_groups: bool = True
    aggregate: PerLevel = "arithmetic"
    p: float | tuple[float, ...] = 1.0
    dat_thresh: float | tuple[float, ...] | None = None
    zero_floor: float | None = None
    genmean_missing: str = "propagate"
    rank_tolerance: float = 1e-12
    rank_digits: int | None = None

    def __post_init__(self) -> None:
        choice("denominate", self.denominate, ("divide", "multiply"))
        check_normaliser("normalise", self.normalise, self.normalise_params)
        for code, spec in self.per_indicator.items():
            unknown = sorted(set(spec) - {"normalise", "params"})
            if unknown or "normalise" not in spec:
                refuse(f"per_indicator.{code}: cần 'normalise' (và 'params').",
                       f"per_indicator.{code}: needs 'normalise' (and 'params').")
            check_normaliser(f"per_indicator.{code}", spec["normalise"], spec.get("params", {}))
        for code, d in self.directions.items():
            if d not in (1, -1):
                refuse(f"directions.{code}: chiều phải là 1 hoặc -1.",
                       f"directions.{code}: a direction is 1 or -1.")
        choice("edge_values", self.edge_values, EDGES)
        choice("weights", self.weights, WEIGHTS)
        choice("genmean_missing", self.genmean_missing, ("propagate", "leave_out"))
        for a in (self.aggregate,) if isinstance(self.aggregate, str) else self.aggregate:
            choice("aggregate", a, AGGREGATIONS)
        thresh = self.dat_thresh
        for t in () if thresh is None else (thresh,) if isinstance(thresh, int | float) else thresh:
            share("dat_thresh", t)
        for code, override in self.treat_per_indicator.items():
            if override is not None:
                TreatRule(**{**asdict(self.treat or TreatRule()), **override})
        if self.rank_tolerance < 0:
            refuse("rank_tolerance phải ≥ 0.", "rank_tolerance must be ≥ 0.")

    @classmethod
    def for_framework(cls, fw: Framework) -> Method:
        """The default method of a framework.

        Points frameworks (the DTI): no normalisation (the leaves are the published 0–1 main
        indices), each leaf scores value × its points, no imputation, ranks of the scores to
        the ministry's four decimals. Others: goalposts where the indicator has them, else
        min-max to [0, 100] (an indicator with no spread sits at the middle); indicator-mean
        imputation; weighted arithmetic mean with the framework's weights.
        """
        if fw.aggregation == "points":
            # a rubric's components are scored by their rules; the DTI's leaves are 0–1 already
            kind = "rubric" if any(n.rule for n in fw.scored_indicators()) else "none"
            return cls(normalise=kind, normalise_params={}, aggregate="points", rank_digits=4)
        per = {n.code: {"normalise": "goalposts",
                        "params": {"low": n.goalposts.low, "high": n.goalposts.high}}
               for n in fw.scored_indicators() if n.goalposts is not None}
        return cls(impute=ImputeRule("mean"), normalise="minmax", per_indicator=per,
                   edge_values="neutral")

    def with_(self, **changes: Any) -> Method:
        return replace(self, **changes)

    def level_setting(self, name: str, level: int, levels: int) -> Any:
        """A per-level setting (aggregate, p, dat_thresh) for the aggregation into `level`
        (2 .. levels), refused if a list does not give one per level."""
        value = getattr(self, name)
        if not isinstance(value, tuple | list):
            return value
        if len(value) != levels - 1:
            refuse(f"{name}: cần 1 giá trị hoặc {levels - 1} (một cho mỗi cấp tổng hợp), "
                   f"đang có {len(value)}.",
                   f"{name}: give 1 value or {levels - 1} (one per aggregation level), "
                   f"not {len(value)}.")
        return value[level - 2]

    def to_dict(self) -> dict[str, Any]:
        from chiso.compute.records import method_to_dict

        return method_to_dict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Method:
        from chiso.compute.records import method_from_dict

        return method_from_dict(d)
