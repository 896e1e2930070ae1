"""The one Vietnamese number parser and formatter: examples, properties and fuzz."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.numbers import Quantity, format_vi, parse_number

EXAMPLES = [
    ("911.000", 911000, None, "eq", ""),
    ("hơn 911.000", 911000, None, "gt", ""),
    ("70,8%", 70.8, None, "eq", "%"),
    ("0,3 – 0,35%", 0.3, 0.35, "eq", "%"),
    ("0,3% - 0,35%", 0.3, 0.35, "eq", "%"),
    ("~65%", 65, None, "approx", "%"),
    ("(~ 54%)", 54, None, "approx", "%"),
    ("1,1 triệu", 1_100_000, None, "eq", "triệu"),
    ("1,1 triệu người", 1_100_000, None, "eq", "triệu người"),
    ("18 tỷ đồng", 18e9, None, "eq", "tỷ đồng"),
    ("chưa đến 30 tỷ đồng/năm", 30e9, None, "lt", "tỷ đồng/năm"),
    ("khoảng 18 tỉ đồng", 18e9, None, "approx", "tỉ đồng"),
    ("gần 1.000", 1000, None, "approx", ""),
    ("trên 58.000 hồ sơ", 58000, None, "gt", "hồ sơ"),
    ("ít nhất 10%", 10, None, "ge", "%"),
    ("tối thiểu 20%", 20, None, "ge", "%"),
    ("tối đa 5", 5, None, "le", ""),
    ("20% trở lên", 20, None, "ge", "%"),
    ("3.300 km2", 3300, None, "eq", "km2"),
    ("1.234,5", 1234.5, None, "eq", ""),
    ("1,234,567", 1234567, None, "eq", ""),
    ("1.234.567", 1234567, None, "eq", ""),
    ("1,5 nghìn tỷ đồng", 1.5e12, None, "eq", "nghìn tỷ đồng"),
    ("từ 5 đến 7 triệu", 5e6, 7e6, "eq", "triệu"),
    ("-5,2", -5.2, None, "eq", ""),
    ("0,22%", 0.22, None, "eq", "%"),
    ("2/63", 2, None, "eq", "/63"),
    ("≥ 80%", 80, None, "ge", "%"),
    ("1\u00a0234\u00a0567", 1234567, None, "eq", ""),
    ("70.8", 70.8, None, "eq", ""),
]


@pytest.mark.parametrize(("text", "value", "high", "qualifier", "unit"), EXAMPLES)
def test_reads_numbers_as_vietnamese_write_them(text, value, high, qualifier, unit):
    q = parse_number(text)
    assert isinstance(q, Quantity)
    assert q.value == pytest.approx(value)
    assert q.value_high == (pytest.approx(high) if high is not None else None)
    assert q.qualifier == qualifier
    assert q.unit == unit


@pytest.mark.parametrize("text", ["", "   ", "abc", "%", "1.23.4", "1..2", "5 6", "7 - 3", "hơn"])
def test_rejects_what_is_not_a_number_with_a_bilingual_message(text):
    with pytest.raises(ValueError) as err:
        parse_number(text)
    assert "không phải là một số" in str(err.value)
    assert "is not a number" in str(err.value)


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [(911000, None, "911.000"), (70.8, None, "70,8"), (1234.5, None, "1.234,5"),
     (70.8, 2, "70,80"), (0.0000001, None, "0,0000001"), (-1300.25, None, "-1.300,25"),
     (0, None, "0"), (1e9, 0, "1.000.000.000")],
)
def test_formats_as_vietnamese_write(value, decimals, text):
    assert format_vi(value, decimals) == text


@pytest.mark.parametrize("bad", [math.nan, math.inf, "12", None])
def test_format_refuses_non_numbers(bad):
    with pytest.raises(ValueError):
        format_vi(bad)


@settings(max_examples=400, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_format_then_parse_round_trips(x):
    assert parse_number(format_vi(x)).value == x


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-10**15, max_value=10**15))
def test_integers_round_trip(n):
    assert parse_number(format_vi(n)).value == n


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=0, max_value=1e9, allow_nan=False), st.integers(0, 4))
def test_rounded_format_round_trips_to_the_rounded_value(x, d):
    assert parse_number(format_vi(x, d)).value == pytest.approx(round(x, d), rel=1e-12, abs=1e-9)


_ALPHABET = st.sampled_from(list("0123456789.,%-–~() /abcđêhơnkoảngtriệuỷ\u00a0")
                            + ["hơn ", "tỷ", "triệu"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_ALPHABET, max_size=14).map("".join))
def test_fuzz_only_ever_raises_value_error(text):
    try:
        q = parse_number(text)
    except ValueError:
        return
    assert math.isfinite(q.value)
    assert q.qualifier in ("eq", "approx", "gt", "lt", "ge", "le")
    if q.value_high is not None:
        assert q.value_high >= q.value


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=30))
def test_fuzz_arbitrary_text(text):
    try:
        parse_number(text)
    except ValueError:
        pass
