"""The province's figures a brief reads against targets, and the gaps said in the units a
leader acts on (smartphones, đồng of budget, base stations, people, enterprises), each from the
province's public figures with their sources and the target they are measured against."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from chiso.compute.targets import project_status
from chiso.compute.what_it_takes_units import (
    Cited,
    Goal,
    Shortfall,
    budget_missing,
    enterprises_missing,
    people_without_coverage,
    smartphones_missing,
    stations_to_share,
)
from chiso.framework import Framework
from chiso.framework.schema import Text
from chiso.report import fmt
from chiso.report.model import Figure, Source, TargetRow
from chiso.store import frameworks, observations, units
from chiso.store.catalog import parsed
from chiso.store.models import Source as SourceRecord
from chiso.store.models import Unit

# the framework that holds the figures a leader's gaps are counted from
CORE = "chiso-core"
MAX_TARGETS = 6


def source_of(src: SourceRecord | None) -> Source | None:
    """A stored source as a report cites it: publisher and title, address, date."""
    if src is None:
        return None
    title = src.title if not src.publisher or src.publisher in src.title \
        else f"{src.publisher}, {src.title}"
    return Source(title, src.uri, src.published_on.isoformat() if src.published_on else None)


@dataclass(frozen=True)
class _Fig:
    value: float
    period: str
    source: Source | None
    simulated: bool


def _latest(session: Session, unit_ids: list[str], codes: Sequence[str], kind: str = "actual",
            simulated: bool = False) -> dict[tuple[str, str], _Fig]:
    """The latest public figure of each (unit, indicator); simulated ones only if asked."""
    out: dict[tuple[str, str], _Fig] = {}
    for o, src in observations.figures(session, observations.Filter(
            unit_ids=unit_ids, indicators=list(codes), kinds=[kind], include_simulated=simulated)):
        if o.value is None:
            continue
        key = (o.unit_id, o.indicator)
        if key not in out or o.period >= out[key].period:
            out[key] = _Fig(float(o.value), o.period, source_of(src), bool(src and src.simulated))
    return out


def _cited(f: _Fig, unit: str) -> Cited:
    s = f.source
    return Cited(f.value, unit, s.title if s else "—", f.period, s.where if s else None,
                 s.published if s else None, f.simulated)


def core_framework(session: Session) -> Framework | None:
    rec = frameworks.framework(session, CORE)
    return parsed(rec.sha256, rec.yaml_text) if rec else None


def targets(session: Session, u: Unit, period: str, simulated: bool = False
            ) -> tuple[TargetRow, ...]:
    """Every target the province's figures are read against (its own, else the national one),
    with the gap and the projected status; the ones not yet achieved first. Simulated figures
    only in the brief of a simulated run (and labelled there)."""
    core = core_framework(session)
    if core is None:
        return ()
    nodes = {n.code: n for n in core.indicators()
             if n.direction in ("higher_better", "lower_better")}
    figs = observations.figures(session, observations.Filter(
        unit_ids=[u.id], indicators=list(nodes), kinds=["actual", "target"],
        include_simulated=simulated))
    actual: dict[str, list[tuple[Any, Any]]] = defaultdict(list)
    own: dict[str, Any] = {}
    for o, src in figs:
        if o.value is None:
            continue
        if o.kind == "actual":
            actual[o.indicator].append((o, src))
        elif (o.indicator not in own
              or (o.target_year or 0) > (own[o.indicator][0].target_year or 0)):
            own[o.indicator] = (o, src)
    rows = []
    for code, obs in actual.items():
        node = nodes[code]
        obs.sort(key=lambda x: x[0].period)
        last, src = obs[-1]
        if code in own:
            t_obs, t_src = own[code]
            target = {"value": t_obs.value, "qualifier": t_obs.qualifier, "year": t_obs.target_year}
            basis, cite = "own_target", (source_of(t_src).title if t_src else None)
        else:
            year = int(period) if period.isdigit() else 0
            dated = sorted((g for g in node.targets if g.year and g.year >= year),
                           key=lambda g: g.year)
            chosen = (dated or [g for g in node.targets if g.year is None] or list(node.targets)
                      or [None])[0]
            if chosen is None:
                continue
            target = {"value": chosen.value, "qualifier": chosen.qualifier, "year": chosen.year}
            basis, cite = "national_target", chosen.basis
        series = [(o.period, float(o.value)) for o, _ in obs]
        status = project_status(series, target, node.direction) or "unknown"
        rows.append(TargetRow(code, Text(vi=node.name.vi, en=node.name.en),
                              Figure(float(last.value), node.unit, last.period, source_of(src),
                                     bool(src and src.simulated), last.qualifier or "eq"),
                              float(target["value"]), target["qualifier"] or "ge", target["year"],
                              basis, status, source=cite))
    rows.sort(key=lambda r: (r.status == "achieved", r.code))
    return tuple(rows[:MAX_TARGETS])


LEADER_INPUTS = ("population", "smartphone_per_100", "it_budget_vnd", "it_budget_share",
                 "bts_stations_count", "infra_sharing_share", "coverage_4g_pop",
                 "digital_enterprises_per_1000")


def _provincial_mean(session: Session, code: str, period: str, simulated: bool
                     ) -> tuple[float, str] | None:
    """The national average of an indicator in a year and where it comes from: the stored
    national figure with its source, else the mean of the provinces' figures."""
    nat = units.country(session)
    if nat is not None:
        got = _latest(session, [nat.id], [code], "national_average", simulated).get((nat.id, code))
        if got is not None and got.period == period:
            return got.value, got.source.title if got.source else "—"
    means = observations.mean_values(session, observations.Filter(
        indicators=[code], periods=[period], kinds=["actual"], include_simulated=simulated))
    if (code, period) not in means:
        return None
    return (means[(code, period)][0],
            f"Trung bình các tỉnh có số liệu / mean of the provinces, {period}")


def shortfalls(session: Session, u: Unit, simulated: bool = False) -> tuple[Shortfall, ...]:
    """The gaps said in the units a leader acts on, each from cited figures of the province,
    measured against the national target where one is set, else the national average."""
    core = core_framework(session)
    f = _latest(session, [u.id], LEADER_INPUTS, simulated=simulated)
    get = lambda code: f.get((u.id, code))
    out: list[Shortfall] = []

    def national_target(code: str) -> list[Goal]:
        if core is None:
            return []
        try:
            node = core.node(code)
        except KeyError:
            return []
        goals = [Goal(float(g.value), "national_target" if i == 0 else "leading", g.basis, g.year)
                 for i, g in enumerate(node.targets)]
        return goals

    def average(code: str, fig: _Fig) -> list[Goal]:
        m = _provincial_mean(session, code, fig.period, simulated)
        if m is None:
            return []
        return [Goal(m[0], "national_average", m[1])]

    pop = get("population")
    if pop is not None:
        base = _cited(pop, "persons")
        for code, make, unit in (("smartphone_per_100", smartphones_missing, "per_100"),
                                 ("coverage_4g_pop", people_without_coverage, "percent"),
                                 ("digital_enterprises_per_1000", enterprises_missing, "per_1000")):
            fig = get(code)
            if fig is None:
                continue
            for goal in (national_target(code) or average(code, fig))[:1]:
                s = make(base, _cited(fig, unit), goal)
                if not s.reached:
                    out.append(s)
    spend, share = get("it_budget_vnd"), get("it_budget_share")
    if spend is not None and share is not None and share.value > 0:
        spend_src = spend.source.title if spend.source else "—"
        budget = Cited(spend.value / share.value * 100, "vnd",
                       f"chi CNTT {fmt.vnd(spend.value)} ({spend_src})"
                       f" ÷ {fmt.pct(share.value, 'vi', 2)} / IT spending ÷ its share",
                       spend.period,
                       simulated=spend.simulated or share.simulated)
        for goal in national_target("it_budget_share"):
            s = budget_missing(budget, _cited(share, "percent"), goal)
            if not s.reached:
                out.append(s)
    stations, sharing = get("bts_stations_count"), get("infra_sharing_share")
    if stations is not None and sharing is not None:
        for goal in national_target("infra_sharing_share")[:1]:
            s = stations_to_share(_cited(stations, "stations"), _cited(sharing, "percent"), goal)
            if not s.reached:
                out.append(s)
    return tuple(out)
