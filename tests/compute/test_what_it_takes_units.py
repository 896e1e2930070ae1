"""Gaps in the units a leader acts on, each checked against a hand computation from its cited
inputs, and refusing inputs that cannot be right."""

from __future__ import annotations

import pytest

from chiso.compute.what_it_takes_units import (
    Cited,
    Goal,
    budget_missing,
    enterprises_missing,
    households_without_fibre,
    people_without_coverage,
    smartphones_missing,
    stations_to_share,
)
from chiso.errors import ComputeError

CENSUS = "Tổng cục Thống kê, Kết quả Tổng điều tra dân số và nhà ở 2019"
POPULATION = Cited(1_288_463, "persons", CENSUS, period="2019", where="Bảng 1, dòng Bến Tre")


def test_smartphones_missing_is_population_times_gap_per_100() -> None:
    # Bến Tre 2020: 70,8 subscriptions per 100 inhabitants against the national 80,2
    per_100 = Cited(70.8, "per_100", "Sở TT&TT Bến Tre, báo cáo ngày 17/7/2020", period="2020")
    s = smartphones_missing(POPULATION, per_100, Goal(80.2, "national_average", "Bộ TT&TT"))
    # by hand: 1.288.463 × 9,4 / 100 = 121.115,522 → 121.116 smartphones
    assert s.amount == 121_116
    assert s.exact == pytest.approx(121_115.522)
    assert s.gap == pytest.approx(9.4)
    assert s.inputs == (POPULATION, per_100)
    assert s.goal.basis == "national_average" and not s.reached


def test_budget_missing_to_one_and_two_percent() -> None:
    budget = Cited(12_500e9, "vnd", "Sở Tài chính, quyết toán chi ngân sách địa phương 2020")
    share = Cited(0.1, "percent", "Sở TT&TT, báo cáo 2020")
    one = budget_missing(budget, share, Goal(1, "national_target", "Quyết định 749/QĐ-TTg"))
    two = budget_missing(budget, share, Goal(2, "leading"))
    # by hand: 12.500 tỷ × 0,9 % = 112,5 tỷ; × 1,9 % = 237,5 tỷ
    assert one.amount == 112_500_000_000 and one.unit == "vnd"
    assert two.amount == 237_500_000_000


def test_households_without_fibre_and_stations_to_share() -> None:
    households = Cited(402_150, "households", "Cục Thống kê tỉnh, Niên giám 2023")
    fibre = households_without_fibre(households, Cited(61.5, "percent", "Sở TT&TT"),
                                     Goal(80, "national_target", "Quyết định 749/QĐ-TTg", 2025))
    # by hand: 402.150 × 18,5 % = 74.397,75 → 74.398 households
    assert fibre.amount == 74_398
    stations = Cited(1_843, "stations", "Sở TT&TT, số trạm BTS 2020")
    shared = stations_to_share(stations, Cited(9, "percent", "Sở TT&TT"),
                               Goal(20, "national_target", "Bộ TT&TT", 2021))
    # by hand: 1.843 × 11 % = 202,73 → 203 sites
    assert shared.amount == 203


def test_coverage_and_enterprises_per_1000() -> None:
    cov = people_without_coverage(POPULATION, Cited(91.07, "percent", "Sở TT&TT"),
                                  Goal(100, "national_target"))
    # by hand: 1.288.463 × 8,93 % = 115.059,7459 → 115.060 people
    assert cov.amount == 115_060
    ent = enterprises_missing(Cited(1_300_000, "persons", "Niên giám"),
                              Cited(0.5, "per_1000", "Sở KH&ĐT"), Goal(1.0, "own_target"))
    # by hand: 1.300.000 / 1.000 × 0,5 = 650 enterprises
    assert ent.amount == 650


def test_a_gap_already_closed_needs_nothing() -> None:
    s = smartphones_missing(POPULATION, Cited(85.0, "per_100", "x"), Goal(80.2, "national_average"))
    assert s.amount == 0 and s.reached


def test_simulated_inputs_make_a_simulated_figure() -> None:
    s = smartphones_missing(POPULATION, Cited(70.0, "per_100", "mô phỏng", simulated=True),
                            Goal(80.0, "national_average"))
    assert s.simulated


@pytest.mark.parametrize("bad", [float("nan"), -1.0, float("inf")])
def test_impossible_inputs_are_refused_in_both_languages(bad: float) -> None:
    with pytest.raises(ComputeError) as exc:
        smartphones_missing(Cited(bad, "persons", "x"), Cited(70, "per_100", "x"),
                            Goal(80, "national_average"))
    assert "không âm" in exc.value.message_vi and "≥ 0" in exc.value.message_en


def test_a_share_above_100_percent_and_an_unknown_basis_are_refused() -> None:
    with pytest.raises(ComputeError):
        households_without_fibre(Cited(10, "households", "x"), Cited(120, "percent", "x"),
                                 Goal(80, "national_target"))
    with pytest.raises(ComputeError):
        Goal(80, "wish")
