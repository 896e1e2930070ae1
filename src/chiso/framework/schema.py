"""The framework schema: an indicator tree with weights or points, goalposts, targets and
aliases."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

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
    direction: Direction = "higher_better"
    goalposts: Goalposts | None = None
    targets: list[Target] = Field(default_factory=list)
    merge: Merge | None = None
    values: Values | None = None
    aliases: Aliases = Field(default_factory=Aliases)
    source: str | None = None
    children: list[Node] = Field(default_factory=list)

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
        return self

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
    def is_indicator(self) -> bool:
        return self.level == "indicator"

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, depth first, in file order."""
        yield self
        for child in self.children:
            yield from child.walk()


class Framework(_Strict):
    """A versioned indicator framework."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9\-_.]*$")
    version: str
    name: Text
    description: Text | None = None
    legal_basis: list[str] = Field(default_factory=list)
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
        return self

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
