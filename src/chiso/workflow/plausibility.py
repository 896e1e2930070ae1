"""Warnings for a figure that reads as a number but looks wrong: a jump from last period, far
above the indicator's own targets or outside its goalposts, far outside the other provinces'
values. Every message names the indicator (never its code) and says what to check."""

from __future__ import annotations

from collections.abc import Iterable

from chiso.compute.plausible import MIN_PEERS, far_outside, spread
from chiso.errors import Problem
from chiso.framework import Node
from chiso.numbers import format_vi
from chiso.store import observations
from chiso.workflow.work import Work

JUMP = 3.0
TARGET_TIMES = 20.0  # a share 35 times its leading target (70,8 % vs 2 %) is a misplaced comma
LOG_UNITS = ("vnd", "count", "persons", "tonnes")  # unbounded: compared on a log scale
UNIT_WORDS = {"percent": (" %", "%"), "vnd": (" đồng", " VND"), "per_1000": (" ‰", "‰")}


def show(node: Node, x: float, lang: str = "vi") -> str:
    """A value as a message shows it: at the indicator's precision, with its unit."""
    r = node.rounded(x) or 0.0
    digits = node.precision
    if lang == "vi":
        text = format_vi(int(r) if digits == 0 else r)
    else:
        text = f"{r:,.{digits}f}".rstrip("0").rstrip(".") if digits else f"{r:,.0f}"
    word = UNIT_WORDS.get(node.unit or "", ("", ""))[0 if lang == "vi" else 1]
    return text + word


def jump_warning(node: Node, value: float | None, last: float | None) -> Problem | None:
    """A warning when a figure moves more than 3× from the last period."""
    if value is None or last is None or value <= 0 or last <= 0:
        return None
    if max(value / last, last / value) <= JUMP:
        return None
    return Problem(
        f"{node.name.vi}: thay đổi hơn {JUMP:g} lần so với kỳ trước ({show(node, last)} →"
        f" {show(node, value)}); hãy kiểm tra đơn vị tính và dấu thập phân.",
        f"{node.name.en}: changed more than {JUMP:g}× from last period"
        f" ({show(node, last, 'en')} → {show(node, value, 'en')}); check the unit and the"
        " decimal mark.", field=node.code, value=value)


def own_range_warning(node: Node, value: float) -> Problem | None:
    """Outside the indicator's goalposts, or far above its highest target."""
    gp = node.goalposts
    if gp is not None and not min(gp.low, gp.high) <= value <= max(gp.low, gp.high):
        lo, hi = min(gp.low, gp.high), max(gp.low, gp.high)
        return Problem(
            f"{node.name.vi}: {show(node, value)} nằm ngoài khoảng {show(node, lo)} –"
            f" {show(node, hi)} của chỉ tiêu; hãy kiểm tra.",
            f"{node.name.en}: {show(node, value, 'en')} is outside the indicator's range"
            f" {show(node, lo, 'en')} – {show(node, hi, 'en')}; please check.",
            field=node.code, value=value)
    goals = [t.value for t in node.targets if t.qualifier in ("ge", "gt", "eq") and t.value > 0]
    if goals and value > TARGET_TIMES * max(goals):
        top = max(goals)
        return Problem(
            f"{node.name.vi}: {show(node, value)} gấp hơn {format_vi(int(value // top))} lần mục"
            f" tiêu cao nhất ({show(node, top)}); hãy kiểm tra đơn vị tính và dấu thập phân.",
            f"{node.name.en}: {show(node, value, 'en')} is over {int(value // top):,} times the"
            f" highest target ({show(node, top, 'en')}); check the unit and the decimal mark.",
            field=node.code, value=value)
    return None


class Plausibility:
    """The checks of one unit's figures for a period, with last period's and the peers' values
    read once."""

    def __init__(self, w: Work, nodes: Iterable[Node], unit_id: str, period: str) -> None:
        self.nodes = {n.code: n for n in nodes}
        codes = list(self.nodes)
        unit = w.catalog.unit(unit_id)
        scheme = unit_id.split("-")[0]
        peers = [u.id for u in w.catalog.units.units(level=unit.level)
                 if u.id != unit_id and u.id.split("-")[0] == scheme]
        self.period = period
        self.peers = observations.peer_values(w.session, peers, period, codes)
        self.peer_period = {c: period for c in codes}
        before = str(int(period) - 1) if period.isdigit() else period
        thin = [c for c in codes if len(self.peers.get(c, [])) < MIN_PEERS]
        if thin and before != period:
            earlier = observations.peer_values(w.session, peers, before, thin)
            for c in thin:
                if len(earlier.get(c, [])) > len(self.peers.get(c, [])):
                    self.peers[c], self.peer_period[c] = earlier[c], before

    def peer_warning(self, node: Node, value: float) -> Problem | None:
        found = self.peers.get(node.code, [])
        values = [v for v, _sim in found]
        if not far_outside(value, values, log=node.unit in LOG_UNITS):
            return None
        s = spread(values)
        sim = any(sim for _v, sim in found)
        per = self.peer_period[node.code]
        sim_vi = " (gồm số liệu mô phỏng)" if sim else ""
        sim_en = " (including simulated figures)" if sim else ""
        return Problem(
            f"{node.name.vi}: {show(node, value)} nằm xa ngoài phân bố của {s.count} tỉnh khác"
            f" kỳ {per}{sim_vi}: trung vị {show(node, s.median)}, từ {show(node, s.low)} đến"
            f" {show(node, s.high)}; hãy kiểm tra đơn vị tính và dấu thập phân.",
            f"{node.name.en}: {show(node, value, 'en')} is far outside the {s.count} other"
            f" provinces' values for {per}{sim_en}: median {show(node, s.median, 'en')}, from"
            f" {show(node, s.low, 'en')} to {show(node, s.high, 'en')}; check the unit and the"
            " decimal mark.", field=node.code, value=value)

    def warnings(self, node: Node, value: float | None, last: float | None) -> list[Problem]:
        if value is None:
            return []
        found = [jump_warning(node, value, last), own_range_warning(node, value),
                 self.peer_warning(node, value)]
        return [p for p in found if p is not None]
