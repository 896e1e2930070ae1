"""The framework schema: an indicator tree with weights or points, goalposts, targets and aliases;
in a points rubric, each component's scoring rule and the evidence it asks for."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chiso.vocab import Level as UnitLevel

Level = Literal["index", "pillar", "group", "indicator"]
Direction = Literal["higher_better", "lower_better", "context"]
Qualifier = Literal["eq", "approx", "gt", "lt", "ge", "le"]
MergeMethod = Literal["sum", "ratio", "pop_weighted_mean", "mean", "min", "max", "none"]
Aggregation = Literal["weighted_mean", "points"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """A name or a note in Vietnamese and English."""

    vi: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Goalposts(_Strict):
    """Fixed bounds for normalisation, kept across years so scores stay comparable."""

    low: float
    high: float

    @model_validator(mode="after")
    def _ordered(self) -> Goalposts:
        if not self.low < self.high:
            raise ValueError(f"low ({self.low}) must be below high ({self.high})")
        return self


class Target(_Strict):
    """A target value, with the year it is due (none: a standing norm) and who set it."""

    value: float
    qualifier: Qualifier = "ge"
    year: int | None = Field(default=None, ge=2000, le=2100)
    label: Text | None = None
    basis: str | None = None


class Merge(_Strict):
    """How an indicator re-aggregates when units merge."""

    method: MergeMethod
    numerator: str | None = None
    denominator: str | None = None
    scale: float = 1.0

    @model_validator(mode="after")
    def _ratio_parts(self) -> Merge:
        if self.method == "ratio" and not (self.numerator and self.denominator):
            raise ValueError("a 'ratio' merge needs both 'numerator' and 'denominator'")
        if self.method != "ratio" and (self.numerator or self.denominator):
            raise ValueError("'numerator' and 'denominator' only go with method 'ratio'")
        return self


class Values(_Strict):
    """What values an indicator accepts, where its unit's defaults (chiso.values) do not fit:
    `min: -100` for a growth rate that can be negative, `max: 1` for an index on 0–1."""

    min: float | None = None
    max: float | None = None
    whole: bool | None = None  # whole numbers only (counts, ranks are already)
    units: list[str] = Field(default_factory=list)  # more words accepted after the number

    @model_validator(mode="after")
    def _ordered(self) -> Values:
        if self.min is not None and self.max is not None and not self.min < self.max:
            raise ValueError(f"min ({self.min}) must be below max ({self.max})")
        for bound in (self.min, self.max):
            if bound is not None and not abs(bound) < 1e300:
                raise ValueError("min and max must be finite")
        return self


class Aliases(_Strict):
    """Phrases people write for an indicator, used to find it in reports."""

    vi: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)


# Decimals a unit's figures are written with: real sources state shares to 2 decimals at most
# (91,07 % coverage), the ministry's index to 4; counts, money and ranks are whole.
UNIT_DECIMALS: dict[str, int] = {
    "percent": 2, "per_100": 1, "per_1000": 2, "score": 2, "index": 4, "mbps": 1, "km2": 1,
    "count": 0, "persons": 0, "vnd": 0, "rank": 0, "rank_change": 0, "tonnes": 0,
}
# ── points rubrics: how a component is scored from what the unit reports ─────────────────


class Answer(_Strict):
    """A partial answer of a yes/no component: the value entered for it and the points it earns
    ("a deputy chairman heads the steering committee": value 0.5, 5 points)."""

    value: float = Field(gt=0, lt=1)
    points: float = Field(ge=0)
    label: Text


class YesNo(_Strict):
    """1 (yes) earns the component's full points, 0 (no) none, a declared partial answer its own."""

    kind: Literal["yes_no"]
    partial: list[Answer] = Field(default_factory=list)


class Tier(_Strict):
    """Reaching `min` (value ≥ min) earns `points`; the highest tier reached counts."""

    min: float
    points: float = Field(ge=0)


class Tiers(_Strict):
    kind: Literal["tiers"]
    tiers: list[Tier] = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> Tiers:
        mins = [t.min for t in self.tiers]
        if len(set(mins)) != len(mins):
            raise ValueError("each tier needs its own 'min'")
        by_min = sorted(self.tiers, key=lambda t: t.min)
        if any(a.points > b.points for a, b in pairwise(by_min)):
            raise ValueError("a higher tier cannot earn fewer points than a lower one")
        return self


class Proportional(_Strict):
    """Points in proportion to the value against its target, capped at the full points:
    max_points × min(value / target, 1) (nothing below `floor`, if given)."""

    kind: Literal["proportional"]
    target: float = Field(gt=0)
    floor: float | None = Field(default=None, ge=0)


class Count(_Strict):
    """`per_item` points for each item counted, capped at the full points."""

    kind: Literal["count"]
    per_item: float = Field(gt=0)


class Appraiser(_Strict):
    """Points entered by an appraiser (0 to the full points), from the evidence."""

    kind: Literal["appraiser"]


Rule = Annotated[YesNo | Tiers | Proportional | Count | Appraiser, Field(discriminator="kind")]
RULE_KINDS = ("yes_no", "tiers", "proportional", "count", "appraiser")
# the unit a component's value is entered in, by rule, where the framework does not say
RULE_UNITS = {"yes_no": "answer", "tiers": "score", "proportional": "percent", "count": "count",
              "appraiser": "points"}


class Node(_Strict):
    """A node of the tree: the index, a pillar, a group or an indicator (a leaf)."""

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    level: Level
    name: Text
    description: Text | None = None
    weight: float | None = Field(default=None, ge=0)
    max_points: float | None = Field(default=None, ge=0)
    scored: bool = True
    unit: str | None = None
    decimals: int | None = Field(default=None, ge=0, le=6)  # else the unit's (see `precision`)
    direction: Direction = "higher_better"
    goalposts: Goalposts | None = None
    targets: list[Target] = Field(default_factory=list)
    merge: Merge | None = None
    values: Values | None = None
    aliases: Aliases = Field(default_factory=Aliases)
    source: str | None = None
    rule: Rule | None = None  # a rubric component's scoring rule
    evidence: Text | None = None  # what proves the value (a decision, a screenshot, a report)
    placeholder: bool = False  # the exact wording is not public: the name stands in for it
    core: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$")  # the common-core
    # item it measures (chiso.framework.compare): how issuers' frameworks line up
    children: list[Node] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _component_defaults(cls, data: Any) -> Any:
        """A rubric component needs no `unit` or `merge` of its own: its rule gives the unit,
        and rubric points do not re-aggregate when units merge."""
        if isinstance(data, dict) and isinstance(data.get("rule"), dict):
            kind = data["rule"].get("kind")
            data = {**data}
            data.setdefault("level", "indicator")
            data.setdefault("unit", RULE_UNITS.get(str(kind), "score"))
            data.setdefault("merge", {"method": "none"})
            top = data.get("max_points")
            scored = isinstance(top, int | float) and top > 0
            bounds = {"yes_no": {"min": 0, "max": 1}, "count": {"min": 0, "whole": True},
                      "appraiser": {"min": 0, "max": top} if scored else None}.get(str(kind))
            if bounds is not None:
                data.setdefault("values", bounds)
        return data

    @model_validator(mode="after")
    def _leaf_rules(self) -> Node:
        if self.level == "indicator":
            if self.children:
                raise ValueError("an indicator is a leaf: it cannot have 'children'")
            if not self.unit:
                raise ValueError("an indicator needs a 'unit'")
            if self.merge is None:
                raise ValueError("an indicator needs a 'merge' rule")
        elif self.values is not None:
            raise ValueError("only an indicator has 'values'")
        elif not self.children:
            raise ValueError(f"a node of level '{self.level}' needs 'children'")
        if self.rule is not None:
            self._check_rule()
        elif self.evidence is not None and self.level != "indicator":
            raise ValueError("only a component (an indicator) asks for 'evidence'")
        return self

    def _check_rule(self) -> None:
        rule = self.rule
        if self.level != "indicator":
            raise ValueError("only a component (an indicator) has a scoring 'rule'")
        if self.max_points is None:
            raise ValueError("a component with a scoring 'rule' needs 'max_points'")
        top = self.max_points
        earned = ([a.points for a in rule.partial] if isinstance(rule, YesNo)
                  else [t.points for t in rule.tiers] if isinstance(rule, Tiers) else [])
        if any(p > top + 1e-9 for p in earned):
            raise ValueError(f"a rule cannot earn more than the component's max_points ({top:g})")
        if isinstance(rule, YesNo):
            values = [a.value for a in rule.partial]
            if len(set(values)) != len(values):
                raise ValueError("each partial answer needs its own 'value'")
        if isinstance(rule, Proportional) and rule.floor is not None and rule.floor >= rule.target:
            raise ValueError("'floor' must be below 'target'")

    @property
    def name_vi(self) -> str:
        return self.name.vi

    @property
    def name_en(self) -> str:
        return self.name.en

    @property
    def aliases_vi(self) -> list[str]:
        return self.aliases.vi

    @property
    def aliases_en(self) -> list[str]:
        return self.aliases.en

    @property
    def precision(self) -> int:
        """How many decimals this node's figures are written with, everywhere (pages, downloads,
        the API): the node's own `decimals`, else its unit's (`UNIT_DECIMALS`), else 2."""
        if self.decimals is not None:
            return self.decimals
        return UNIT_DECIMALS.get(self.unit or "", 2)

    def rounded(self, value: float | None) -> float | None:
        """`value` at this node's precision, still a number (an integer's float for 0 decimals)."""
        if value is None:
            return None
        return float(round(float(value), self.precision)) + 0.0

    @property
    def is_indicator(self) -> bool:
        return self.level == "indicator"

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, depth first, in file order."""
        yield self
        for child in self.children:
            yield from child.walk()


class Framework(_Strict):
    """A versioned indicator framework, by its issuer and year."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9\-_.]*$")
    version: str
    name: Text
    description: Text | None = None
    legal_basis: list[str] = Field(default_factory=list)
    issuer: str | None = None  # who issued it: "ministry", or the unit id of a province
    year: int | None = Field(default=None, ge=2000, le=2100)  # the year it assesses
    unit_level: UnitLevel = "province"  # the units it assesses
    notes: list[Text] = Field(default_factory=list)  # what is known, inferred, not public
    sources: list[str] = Field(default_factory=list)  # where its structure was read
    aggregation: Aggregation = "weighted_mean"
    total_points: float | None = Field(default=None, gt=0)
    root: Node

    @model_validator(mode="after")
    def _consistent(self) -> Framework:
        codes = [n.code for n in self.root.walk()]
        dupes = sorted({c for c in codes if codes.count(c) > 1})
        if dupes:
            raise ValueError(f"node codes must be unique; repeated: {', '.join(dupes)}")
        if self.root.level != "index":
            raise ValueError("the root node must have level 'index'")
        known = set(codes)
        for node in self.root.walk():
            if node.merge and node.merge.method == "ratio":
                for part in (node.merge.numerator, node.merge.denominator):
                    if part not in known:
                        raise ValueError(f"{node.code}: merge refers to unknown indicator '{part}'")
        if self.aggregation == "points":
            self._check_points()
        elif any(n.rule is not None for n in self.root.walk()):
            raise ValueError("components with a scoring 'rule' need aggregation 'points'")
        return self

    @property
    def is_rubric(self) -> bool:
        """A points rubric: every scored component carries its scoring rule."""
        scored = self.scored_indicators()
        return bool(scored) and all(n.rule is not None for n in scored)

    def placeholders(self) -> list[Node]:
        """The components whose exact wording is not public."""
        return [n for n in self.indicators() if n.placeholder]

    def _check_points(self) -> None:
        if self.total_points is None:
            raise ValueError("a 'points' framework needs 'total_points'")
        for node in self.root.walk():
            if node is not self.root and node.max_points is None:
                raise ValueError(
                    f"{node.code}: every node of a 'points' framework needs 'max_points'")
            if node.children:
                inner = sum(c.max_points or 0 for c in node.children)
                own = self.total_points if node is self.root else node.max_points
                if abs(inner - (own or 0)) > 1e-9:
                    raise ValueError(
                        f"{node.code}: children's max_points add up to {inner:g}, not {own:g}"
                    )

    def nodes(self) -> list[Node]:
        return list(self.root.walk())

    def indicators(self) -> list[Node]:
        """Every indicator (leaf), in tree order."""
        return [n for n in self.root.walk() if n.is_indicator]

    def scored_indicators(self) -> list[Node]:
        """The indicators that enter the index (not context ones, not in an unscored branch)."""
        out: list[Node] = []

        def visit(node: Node, on: bool) -> None:
            on = on and node.scored
            if node.is_indicator and on and node.direction != "context":
                out.append(node)
            for child in node.children:
                visit(child, on)

        visit(self.root, True)
        return out

    def node(self, code: str) -> Node:
        for n in self.root.walk():
            if n.code == code:
                return n
        raise KeyError(code)

    def parent_of(self) -> dict[str, str | None]:
        """Each node's parent code (None for the root)."""
        parents: dict[str, str | None] = {self.root.code: None}
        for n in self.root.walk():
            for c in n.children:
                parents[c.code] = n.code
        return parents
