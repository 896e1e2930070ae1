"""What a build does, step by step: recorded with every run so that it regenerates exactly."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from chiso.compute.treat import TreatRule
from chiso.framework import Framework


@dataclass(frozen=True)
class Method:
    """Every step's settings (globally, and per indicator where it says so).

    denominators: indicator -> denominator column to divide by; screen_units: drop units whose
    data availability is below this share; impute: none | mean | median | group_mean |
    group_median | previous (group_by names the group column); treat: the outlier rule, or None;
    normalise: minmax | zscore | goalposts | distance_to_target | distance_to_best | rank |
    percentile_rank | borda, with normalise_params (a, b / mean, sd / scale) and per-indicator
    overrides in per_indicator ({code: {"normalise": ..., "params": {...}}}); weights:
    framework | equal | user (user_weights) | pca; aggregate: arithmetic | geometric | harmonic |
    generalised (with p) | points.
    """

    denominators: dict[str, str] = field(default_factory=dict)
    screen_units: float = 0.0
    impute: str = "none"
    group_by: str | None = None
    treat: TreatRule | None = None
    treat_skip: tuple[str, ...] = ()
    normalise: str = "minmax"
    normalise_params: dict[str, float] = field(default_factory=lambda: {"a": 0.0, "b": 100.0})
    per_indicator: dict[str, dict[str, Any]] = field(default_factory=dict)
    weights: str = "framework"
    user_weights: dict[str, float] = field(default_factory=dict)
    aggregate: str = "arithmetic"
    p: float = 1.0

    @classmethod
    def for_framework(cls, fw: Framework) -> Method:
        """The default method of a framework.

        Points frameworks (the DTI): no normalisation (the leaves are the published 0–1 main
        indices), each leaf scores value × its points, no imputation. Others: goalposts where
        the indicator has them, else min-max to [0, 100]; indicator-mean imputation; weighted
        arithmetic mean with the framework's weights.
        """
        if fw.aggregation == "points":
            return cls(normalise="none", normalise_params={}, aggregate="points")
        per = {n.code: {"normalise": "goalposts",
                        "params": {"low": n.goalposts.low, "high": n.goalposts.high}}
               for n in fw.scored_indicators() if n.goalposts is not None}
        return cls(impute="mean", normalise="minmax", per_indicator=per)

    def with_(self, **changes: Any) -> Method:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["treat_skip"] = list(self.treat_skip)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Method:
        d = dict(d)
        if d.get("treat") is not None:
            d["treat"] = TreatRule(**d["treat"])
        d["treat_skip"] = tuple(d.get("treat_skip") or ())
        return cls(**d)
