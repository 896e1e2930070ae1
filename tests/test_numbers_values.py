"""One way to read a typed value (chiso.values): read whole within the indicator's rule, or refused.

The reproductions of issue 19 (items 1 and 7) are here, then properties: any text is read
exactly or refused, never partly read.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.errors import FrameworkError
from chiso.framework import load_framework, parse_framework
from chiso.numbers import format_vi, parse_cell, parse_number
from chiso.values import Percent, Reading, ValueRefused, read_value, rule_for

FW = load_framework("chiso-core")
SHARE = rule_for(FW.node("fiber_households_share"))  # percent
COUNT = rule_for(FW.node("mobile_subscribers"))  # count
MONEY = rule_for(FW.node("it_budget_vnd"))  # vnd
GROWTH = rule_for(FW.node("grdp_growth"))  # percent, may be negative
RANK = rule_for(FW.node("pci_rank"), ranked=63)
SPEED = rule_for(FW.node("mobile_broadband_speed_mbps"))
RULES = [SHARE, COUNT, MONEY, GROWTH, RANK, SPEED]


def refused(text: object, rule=COUNT) -> ValueRefused:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueRefused) as info:
        read_value(text, rule)
    err = info.value
    assert err.message_vi and err.message_en and err.message_vi != err.message_en
    return err


# ── issue 19, item 1: text after a number was silently dropped ──────────────────────────────


@pytest.mark.parametrize(("text", "rule", "left"), [
    ("1O", COUNT, "O"), ("1O0", COUNT, "O0"), ("3/4", COUNT, "/4"), ("12abc", COUNT, "abc"),
    ("12 tr", COUNT, "tr"), ("95 km", COUNT, "km"), ("0x10", COUNT, "x10"),
    ("1_000", COUNT, "_000"), ("10%20", SHARE, "%20"), ("5 USD", MONEY, "USD"),
    ("95%", COUNT, "%"), ("70,8.", SHARE, "."),
])
def test_text_after_a_number_is_refused_and_named(text: str, rule, left: str) -> None:  # type: ignore[no-untyped-def]
    err = refused(text, rule)
    assert f"'{left}'" in err.message_vi and f"'{left}'" in err.message_en
    assert err.value == text


@pytest.mark.parametrize(("text", "rule", "expected"), [
    ("70,8", SHARE, Reading(70.8)),
    ("911.000", COUNT, Reading(911000.0)),
    ("~65 %", SHARE, Reading(65.0, None, "approx", "%")),
    ("hơn 600.000", COUNT, Reading(600000.0, None, "gt", "")),
    ("0,3 – 0,35%", SHARE, Reading(0.3, 0.35, "eq", "%")),
    ("1,1 triệu", COUNT, Reading(1_100_000.0)),
    ("18 tỷ đồng", MONEY, Reading(18e9, unit="đồng")),
    ("khoảng 18 tỉ", MONEY, Reading(18e9, qualifier="approx")),
    ("20% trở lên", SHARE, Reading(20.0, None, "ge", "%")),
    ("2/63", RANK, Reading(2.0, unit="/63")),
    ("45,6 Mbps", SPEED, Reading(45.6, unit="Mbps")),
    ("1.5e6", COUNT, Reading(1.5e6)),
])
def test_reads_vietnamese_values_keeping_the_qualifier(text: str, rule, expected: Reading) -> None:  # type: ignore[no-untyped-def]
    assert read_value(text, rule) == expected


@pytest.mark.parametrize("text", ["(5)", "khoảng dưới 5", "từ 5", "١٢", "１２",
                                  "hơn 20% trở xuống"])
def test_a_cell_is_read_strictly_where_running_text_is_not(text: str) -> None:
    with pytest.raises(ValueError):
        parse_cell(text)


def test_running_text_keeps_its_lenient_reading() -> None:
    assert parse_number("(~ 54%)").value == 54
    assert parse_number("trên 58.000 hồ sơ").unit == "hồ sơ"


def test_a_scale_word_multiplies_exactly() -> None:
    assert parse_cell("1,1 triệu").value == 1_100_000.0
    assert parse_cell("0,07 triệu").value == 70_000.0
    assert parse_cell("2,675 tỷ").value == 2_675_000_000.0


# ── issue 19, item 7: value rules from the indicator ────────────────────────────────────────


def test_growth_may_be_negative_but_a_share_may_not() -> None:
    assert read_value("-2,5", GROWTH).value == -2.5
    refused("-2,5", SHARE)
    refused("-101", GROWTH)


@pytest.mark.parametrize("text", ["-3", "2,5", "0", "64", "70/80", "5/70"])
def test_a_rank_is_whole_from_one_to_the_units_ranked(text: str) -> None:
    refused(text, RANK)


def test_a_rank_without_its_count_is_still_whole_and_positive() -> None:
    loose = rule_for(FW.node("pci_rank"))
    assert read_value("64", loose).value == 64
    refused("0", loose)
    refused("1,5", loose)


@pytest.mark.parametrize(("text", "rule"), [("-5", MONEY), ("1e308", MONEY), ("-1e308", GROWTH),
                                            (1e308, COUNT), (math.inf, SHARE), (math.nan, SHARE)])
def test_money_is_not_negative_and_no_value_is_astronomical(text: object, rule) -> None:  # type: ignore[no-untyped-def]
    refused(text, rule)


def test_a_rounding_hair_over_100_percent_is_100_and_more_is_refused_plainly() -> None:
    assert read_value("100,0000001", SHARE).value == 100.0
    assert read_value(100.0000001, SHARE).value == 100.0
    err = refused("100,001", SHARE)
    assert "100,001" in err.message_vi and "100.001" in err.message_en
    assert "not 100" not in err.message_en and "không phải 100" not in err.message_vi


def test_a_count_is_whole() -> None:
    assert "whole" in refused("2,5", COUNT).message_en
    assert read_value("2,5 nghìn", COUNT).value == 2500


def test_a_spreadsheet_percentage_is_read_as_the_percentage_it_shows() -> None:
    assert read_value(Percent(0.708), SHARE) == Reading(70.8, unit="%")
    assert "formatted as a percentage" in refused(Percent(0.708), COUNT).message_en


def test_dates_and_booleans_are_not_numbers() -> None:
    from datetime import date

    refused(True, COUNT)
    refused(date(2024, 1, 1), COUNT)


def test_an_indicator_can_declare_its_own_rule() -> None:
    node = FW.node("dti_score")
    assert rule_for(node).high == 1.0
    refused("1,2", rule_for(node))
    with pytest.raises(FrameworkError):
        parse_framework(_framework_with("values: {min: 5, max: 1}"), "bad.yaml")
    with pytest.raises(FrameworkError):
        parse_framework(_framework_with("values: {max: 1e308}"), "bad.yaml")


def _framework_with(values: str) -> str:
    return f"""
id: tiny
version: "1"
name: {{vi: Nhỏ, en: Tiny}}
root:
  code: tiny
  level: index
  name: {{vi: Nhỏ, en: Tiny}}
  children:
    - code: x
      level: indicator
      name: {{vi: X, en: X}}
      unit: percent
      merge: {{method: mean}}
      {values}
"""


# ── properties: read exactly or refused, never partly read ─────────────────────────────────

SIGNS = {"eq": "", "approx": "~", "gt": ">", "lt": "<", "ge": "≥", "le": "≤"}
GOOD = ["0", "1", "2", "5", "7", "9", "00", "000", ".", ",", "-", "–", "~", "%", " ", "\u00a0",
        "hơn ", "khoảng ", "dưới ", "từ ", " đến ", " trở lên", " triệu", " tỷ", " nghìn",
        " đồng", " Mbps", "/63", "e", "+"]
JUNK = ["O", "x", "_", "abc", "#", "kg", "?", "(", ")", "tr "]
TEXT = st.lists(st.sampled_from(GOOD + JUNK), max_size=12).map(lambda parts: "".join(parts))


def written(r: Reading) -> str:
    """A reading written back as a person would type it."""
    text = SIGNS[r.qualifier] + format_vi(r.value)
    if r.value_high is not None:
        text += " – " + format_vi(r.value_high)
    return text + (f" {r.unit}" if r.unit else "")


@settings(max_examples=3000, deadline=None)
@given(TEXT, st.sampled_from(RULES))
def test_any_text_is_read_exactly_or_refused(text: str, rule) -> None:  # type: ignore[no-untyped-def]
    try:
        r = read_value(text, rule)
    except ValueRefused as exc:
        assert exc.message_vi and exc.message_en
        return
    assert read_value(written(r), rule) == r
    assert rule.low <= r.value <= rule.high
    assert r.value_high is None or r.value <= r.value_high <= rule.high


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(GOOD), max_size=6), st.sampled_from(JUNK),
       st.lists(st.sampled_from(GOOD), max_size=6), st.sampled_from(RULES))
def test_text_with_anything_not_understood_is_refused(before: list[str], junk: str,
                                                       after: list[str], rule) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueRefused):
        read_value("".join(before) + junk + "".join(after), rule)


@settings(max_examples=1000, deadline=None)
@given(st.decimals(min_value=0, max_value=100, places=3), st.sampled_from(list(SIGNS)),
       st.booleans())
def test_what_a_person_writes_is_what_is_read(x, qualifier: str, percent: bool) -> None:  # type: ignore[no-untyped-def]
    value = float(x)
    text = SIGNS[qualifier] + format_vi(value) + (" %" if percent else "")
    assert read_value(text, SHARE) == Reading(value, None, qualifier, "%" if percent else "")
