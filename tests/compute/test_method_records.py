"""A method is plain data: it goes to a dict, YAML or JSON and back unchanged, old records load
with the rules they had, and anything off is refused whole with a bilingual error."""

from __future__ import annotations

import json

import numpy as np
import pytest
import yaml

from chiso.compute import Method, UncertaintySpec
from chiso.compute.impute import ImputeRule
from chiso.compute.rank import rank_desc
from chiso.compute.screen import ScreenRule
from chiso.compute.treat import TreatRule
from chiso.errors import ComputeError

RICH = Method(
    exclude=("I03",), denominators={"I01": "Pop"}, denominator_scale={"I01": 1000.0},
    screen=ScreenRule("missing_or_zeros", 0.7, 0.5, force_in=("U01",), before_impute=True),
    impute=ImputeRule("mean", "unit", normalise_first=False, group_level=2),
    treat=TreatRule(winmax=3, f2="log_CT_plus", combine=True),
    treat_per_indicator={"I02": None, "I04": {"winmax": 8}},
    normalise="goalposts", normalise_params={"scale": 100.0, "truncate": False},
    per_indicator={"I05": {"normalise": "rank", "params": {"ties": "first"}}},
    directions={"I06": -1.0}, weights="pca", pca_level=2, pca_by_groups=False,
    aggregate=("geometric", "generalised"), p=(1.0, 2.0), dat_thresh=(0.5, 0.6),
    rank_digits=4,
)


@pytest.mark.parametrize("dump, load", [(json.dumps, json.loads), (yaml.safe_dump, yaml.safe_load)])
def test_a_method_goes_to_text_and_back_unchanged(dump, load) -> None:
    assert Method.from_dict(load(dump(RICH.to_dict()))) == RICH


def test_a_record_without_version_loads_with_the_rules_of_its_time() -> None:
    old = {"denominators": {}, "screen_units": 0.9, "impute": "group_mean",
           "group_by": "EurAsia_group", "treat": {"winmax": 5, "skew_limit": 2.0,
                                                  "kurt_limit": 3.5, "log_fallback": False},
           "treat_skip": ["I01"], "normalise": "rank", "normalise_params": {},
           "per_indicator": {}, "weights": "pca", "user_weights": {}, "aggregate": "geometric",
           "p": 1.0}
    m = Method.from_dict(old)
    assert m.screen == ScreenRule("missing", 0.9)
    assert m.impute == ImputeRule("group_mean", group="EurAsia_group")
    assert m.treat is not None and m.treat.f2 is None and m.treat_per_indicator == {"I01": None}
    assert m.normalise_params == {"ties": "average"}  # chiso averaged ties then
    assert m.weights == "pca_squared" and m.zero_floor == 1e-6 and m.edge_values == "neutral"
    assert m.rank_tolerance == 0.0
    assert Method.from_dict(m.to_dict()) == m  # and it is recorded in today's form


def test_an_uncertainty_record_without_chunks_draws_from_one_generator() -> None:
    old = {"n": 100, "seed": 3, "weight_noise": 0.25, "normalisations": [["rank", {}]],
           "winmax": [], "aggregations": []}
    spec = UncertaintySpec.from_dict(old)
    assert spec.chunk is None and spec.normalisations == (("rank", {"ties": "average"}),)
    assert UncertaintySpec.from_dict(UncertaintySpec().to_dict()) == UncertaintySpec()


@pytest.mark.parametrize("change, words", [
    ({"normalise": "minimax"}, "minimax"),
    ({"normalise_params": {"a": 0, "c": 1}}, "no parameter c"),
    ({"normalise": "zscore", "normalise_params": {"sd": 0}}, "sd must be > 0"),
    ({"aggregate": "median"}, "median"),
    ({"dat_thresh": 1.5}, "between 0 and 1"),
    ({"screen": {"dat_thresh": 1.2}}, "between 0 and 1"),
    ({"impute": {"f": "group_mean"}}, "group column"),
    ({"treat": {"f1": "boxcox"}}, "lambda"),
    ({"weigths": "equal"}, "weigths"),
])
def test_a_bad_setting_is_refused_whole_in_both_languages(change, words) -> None:
    with pytest.raises(ComputeError) as exc:
        Method.from_dict({**Method().to_dict(), **change})
    assert words in exc.value.message_en and exc.value.message_vi


def test_aggregates_equal_in_exact_arithmetic_share_a_rank() -> None:
    """0.1 + 0.2 and 0.3 differ in the last bit; the default tolerance keeps them tied, exact
    ranks (records before version 2) split them."""
    scores = np.array([0.1 + 0.2, 0.3, 0.2, 0.3 + 1e-9])
    assert scores[0] != scores[1]
    np.testing.assert_array_equal(rank_desc(scores, Method().rank_tolerance), [2, 2, 4, 1])
    np.testing.assert_array_equal(rank_desc(scores), [2, 3, 4, 1])


def test_ministry_ties_rank_the_published_four_decimals() -> None:
    """Thanh Hóa and Yên Bái both published 0,6350: rank 15 each, then 17."""
    scores = np.array([0.63504, 0.63496, 0.6351, 0.6340])
    np.testing.assert_array_equal(rank_desc(scores, digits=4), [2, 2, 1, 4])
    np.testing.assert_array_equal(rank_desc(scores), [2, 3, 1, 4])
