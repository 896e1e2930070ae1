"""The plain view models that briefs, ranking reports and workbooks are drawn from.

Filled by whoever has the figures (the store, a test fixture); read by the templates and the
workbook writer, which compute nothing. Every number shown is a `Figure` or comes from a run
whose label says what it is, so a simulated value is labelled wherever it appears.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chiso.compute.what_it_takes import RankAtTarget, WhatItTakes
from chiso.compute.what_it_takes_units import Shortfall
from chiso.framework.schema import Text

RUN_LABELS = ("official", "recomputed", "simulated")
LANGS = ("vi", "en")


@dataclass(frozen=True)
class Source:
    """Where a figure comes from: publisher and title, the file and cell or address, the date."""

    title: str
    where: str | None = None
    published: str | None = None  # ISO date


@dataclass(frozen=True)
class Figure:
    """One value with its unit (a framework unit: percent, count, vnd, index, ...), period and
    source; `simulated` marks a value that is not real."""

    value: float | None
    unit: str = "index"
    period: str | None = None
    source: Source | None = None
    simulated: bool = False
    qualifier: str = "eq"


@dataclass(frozen=True)
class Run:
    """The index run the numbers come from, and what it is."""

    label: str  # one of RUN_LABELS
    framework: str
    framework_version: str
    framework_name: Text
    method: Text  # one line: how scores are computed
    run_id: int | None = None
    computed: str | None = None  # ISO date
    total_points: float | None = None

    def __post_init__(self) -> None:
        if self.label not in RUN_LABELS:
            raise ValueError(f"run label must be one of {RUN_LABELS}, not {self.label!r}")

    @property
    def simulated(self) -> bool:
        return self.label == "simulated"


@dataclass(frozen=True)
class Place:
    """The province: its name as written, the units it was formed from and when."""

    id: str
    code: str
    name: str
    full_name: str
    region: Text | None = None
    merged_from: tuple[str, ...] = ()
    merged_on: str | None = None  # ISO date


@dataclass(frozen=True)
class Standing:
    """Score and rank, with the 5–95 % rank interval and the change since the last run."""

    score: Figure
    rank: int
    of: int
    interval: tuple[int, int] | None = None
    change: int | None = None  # positive: places moved up
    previous_period: str | None = None


@dataclass(frozen=True)
class Series:
    """A line of the trend chart: the province, its predecessors, or the national average."""

    label: Text
    kind: str  # unit | predecessor | national
    points: tuple[tuple[str, float], ...]
    simulated: bool = False


@dataclass(frozen=True)
class IndexRow:
    """A main index against the national average and the best province."""

    code: str
    name: Text
    score: Figure
    national: float | None
    best: float | None
    best_unit: str | None = None
    max_points: float | None = None


@dataclass(frozen=True)
class PeerPoint:
    """A strong or weak point: the value and the mean of the peers (same unit)."""

    code: str
    name: Text
    value: Figure
    peers: float


@dataclass(frozen=True)
class Peers:
    label: Text
    units: tuple[str, ...]


@dataclass(frozen=True)
class TargetRow:
    """A target with the gap to it and the projected status (compute.targets.STATUSES)."""

    code: str
    name: Text
    value: Figure
    target: float
    qualifier: str
    year: int | None
    basis: str  # national_target | own_target | national_average
    status: str
    label: Text | None = None
    source: str | None = None

    @property
    def gap(self) -> float | None:
        if self.value.value is None:
            return None
        return self.target - self.value.value


@dataclass(frozen=True)
class Brief:
    """A province brief: one A4 sheet, front and back."""

    place: Place
    period: str
    run: Run
    standing: Standing
    trend: tuple[Series, ...]
    main_indices: tuple[IndexRow, ...]
    strengths: tuple[PeerPoint, ...]
    weaknesses: tuple[PeerPoint, ...]
    peers: Peers
    targets: tuple[TargetRow, ...]
    moves: WhatItTakes | None
    rank_gains: tuple[RankAtTarget, ...]
    shortfalls: tuple[Shortfall, ...]
    data_as_of: str  # ISO date
    link: str
    generated: str  # ISO date
    gains_basis: str = "best"  # what rank_gains move each index to: best | national_target
    leaves: dict[str, tuple[Text, str]] = field(default_factory=dict)  # code -> (name, unit)

    @property
    def simulated(self) -> bool:
        return self.run.simulated or self.standing.score.simulated

    def index_name(self, code: str) -> Text:
        for row in self.main_indices:
            if row.code == code:
                return row.name
        return self.leaves[code][0] if code in self.leaves else Text(vi=code, en=code)

    def unit_of(self, code: str) -> str:
        """The unit a moved indicator is written in (a main index: index)."""
        return self.leaves[code][1] if code in self.leaves else "index"


@dataclass(frozen=True)
class RankingRow:
    unit_id: str
    code: str  # the province code the map's features carry
    name: str
    score: Figure
    rank: int
    interval: tuple[int, int] | None = None
    change: int | None = None
    indices: dict[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class IndexColumn:
    code: str
    name: Text
    max_points: float | None = None


@dataclass(frozen=True)
class Ranking:
    """The national ranking of one run: table, map, rank changes and intervals, methodology."""

    period: str
    run: Run
    indices: tuple[IndexColumn, ...]
    rows: tuple[RankingRow, ...]
    map_name: str  # vn-34 | vn-63
    methodology: tuple[Text, ...]
    sources: tuple[Source, ...]
    data_as_of: str
    link: str
    generated: str

    @property
    def simulated(self) -> bool:
        return self.run.simulated or any(r.score.simulated for r in self.rows)


@dataclass(frozen=True)
class ScoreRow:
    """One indicator on a scorecard."""

    code: str
    name: Text
    pillar: Text | None
    value: Figure
    national: float | None = None
    target: float | None = None
    status: str | None = None


@dataclass(frozen=True)
class Scorecard:
    """A province's figures for one period, for a workbook (one sheet per province)."""

    place: Place
    period: str
    run: Run
    standing: Standing | None
    rows: tuple[ScoreRow, ...]
    sources: tuple[Source, ...]
    data_as_of: str
    link: str
    generated: str
