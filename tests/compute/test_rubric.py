"""Points rubrics: every rule type scores a hand-computed case exactly, through the scorer and
through a whole build; points stay within [0, max] and proportional points never fall as the
value rises."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from chiso.compute import Dataset, Method, build
from chiso.compute.rubric import Rubric, accepted, points, shares
from chiso.errors import FrameworkError
from chiso.framework import parse_framework

RUBRIC = """
id: tiny-rubric
version: "1"
name: {vi: Bộ chấm điểm thử, en: Test rubric}
aggregation: points
total_points: 100
unit_level: commune
issuer: vn34-01
year: 2025
root:
  code: tong
  level: index
  name: {vi: Tổng, en: Total}
  children:
    - code: nhan_thuc
      level: pillar
      name: {vi: Nhận thức số, en: Digital awareness}
      max_points: 40
      children:
        - code: truong_ban
          name: {vi: Chủ tịch làm Trưởng Ban chỉ đạo, en: The chairman heads the steering committee}
          max_points: 10
          rule:
            kind: yes_no
            partial:
              - {value: 0.5, points: 5, label: {vi: Phó Chủ tịch làm Trưởng Ban,
                                                en: A deputy heads it}}
          evidence: {vi: Quyết định thành lập Ban chỉ đạo,
                     en: The decision setting up the committee}
        - code: ty_le_ho_so
          name: {vi: Tỷ lệ hồ sơ trực tuyến, en: Share of applications online}
          max_points: 20
          rule: {kind: proportional, target: 80}
          evidence: {vi: Số liệu Cổng dịch vụ công, en: Public-service portal figures}
        - code: tin_bai
          name: {vi: Số tin bài tuyên truyền, en: Awareness articles}
          max_points: 10
          rule: {kind: count, per_item: 2}
    - code: hoat_dong
      level: pillar
      name: {vi: Hoạt động, en: Activity}
      max_points: 60
      children:
        - code: muc_do
          name: {vi: Mức độ số hóa hồ sơ, en: Records digitised}
          unit: percent
          max_points: 30
          rule:
            kind: tiers
            tiers: [{min: 50, points: 10}, {min: 70, points: 20}, {min: 90, points: 30}]
        - code: tham_dinh
          name: {vi: Hội đồng thẩm định chấm, en: Scored by the appraisal council}
          max_points: 30
          rule: {kind: appraiser}
          placeholder: true
"""

# three communes; by hand:
#   A: yes 10, 60/80 of 20 = 15, 3 articles = 6, 75 % -> tier 70 = 20, appraiser 25  -> 76
#   B: deputy 5, 100/80 capped = 20, 9 articles = 18 capped 10, 45 % -> 0, appraiser 30 -> 65
#   C: no 0, 0 = 0, 0 = 0, 90 % -> 30, appraiser 0 -> 30
VALUES = np.array([
    [1.0, 60.0, 3.0, 75.0, 25.0],
    [0.5, 100.0, 9.0, 45.0, 30.0],
    [0.0, 0.0, 0.0, 90.0, 0.0],
])
POINTS = np.array([
    [10.0, 15.0, 6.0, 20.0, 25.0],
    [5.0, 20.0, 10.0, 0.0, 30.0],
    [0.0, 0.0, 0.0, 30.0, 0.0],
])


def _fw():
    return parse_framework(RUBRIC, "tiny-rubric.yaml")


def test_every_rule_type_scores_the_hand_computed_case_exactly():
    fw = _fw()
    rub = Rubric.of(fw.indicators())
    assert np.array_equal(points(rub, VALUES), POINTS)
    assert np.array_equal(shares(rub, VALUES), POINTS / rub.max_points)
    assert fw.is_rubric and [n.code for n in fw.placeholders()] == ["tham_dinh"]
    assert fw.node("truong_ban").evidence.en.startswith("The decision")
    assert fw.node("truong_ban").unit == "answer" and fw.node("muc_do").unit == "percent"


def test_a_build_sums_the_rubric_points():
    fw = _fw()
    method = Method.for_framework(fw)
    assert method.normalise == "rubric"
    data = Dataset(unit_ids=["A", "B", "C"], indicators=[n.code for n in fw.indicators()],
                   values=VALUES)
    res = build(fw, data, method)
    assert np.allclose(res.scores["tong"], [0.76, 0.65, 0.30], atol=1e-12)
    assert np.allclose(res.scores["nhan_thuc"], [31 / 40, 35 / 40, 0], atol=1e-12)
    assert list(res.ranks["tong"]) == [1, 2, 3]


def test_a_value_no_rule_accepts_is_missing_and_refused():
    rub = Rubric.of(_fw().indicators())
    bad = np.array([[0.7, 10.0, 1.0, 10.0, 31.0]])
    assert np.isnan(points(rub, bad)[0, 0])
    assert accepted(rub, bad).tolist() == [[False, True, True, True, False]]
    assert np.isnan(points(rub, np.full((1, 5), np.nan))).all()


@pytest.mark.parametrize("change, said", [
    ("points: 5, label", "points: 50, label"),
    ("{min: 90, points: 30}", "{min: 90, points: 5}"),
    ("rule: {kind: count, per_item: 2}", "rule: {kind: count, per_item: 0}"),
    ("rule: {kind: appraiser}", "rule: {kind: guess}"),
])
def test_a_bad_rule_is_refused_with_its_line(change, said):
    text = RUBRIC.replace(change, said)
    with pytest.raises(FrameworkError) as err:
        parse_framework(text, "bad.yaml")
    lines = [p.line for p in err.value.problems]
    assert all(line is not None for line in lines)
    rows = text.splitlines()
    wanted = next(i for i, ln in enumerate(rows, 1) if said.split(",")[0] in ln)
    # the component's own line, or the rule's line within it
    start = max(i for i, ln in enumerate(rows[:wanted], 1) if "- code:" in ln)
    assert any(start <= line <= wanted for line in lines), (lines, start, wanted)


_values = st.floats(min_value=-10, max_value=1e4, allow_nan=False)


@given(st.lists(st.tuples(st.sampled_from([0.0, 0.5, 1.0]), _values, _values, _values, _values),
                min_size=1, max_size=20))
def test_points_stay_within_zero_and_the_maximum(rows):
    rub = Rubric.of(_fw().indicators())
    p = points(rub, np.array(rows, dtype=float))
    assert np.all(p >= 0) and np.all(p <= rub.max_points)


@given(st.floats(min_value=0, max_value=1e6), st.floats(min_value=0, max_value=1e6),
       st.floats(min_value=0.01, max_value=1e4), st.one_of(st.none(), st.floats(0, 1e3)))
def test_proportional_points_never_fall_as_the_value_rises(a, b, target, floor):
    rule = f"{{kind: proportional, target: {target!r}" + (
        f", floor: {floor!r}}}" if floor is not None and floor < target else "}")
    fw = parse_framework(RUBRIC.replace("{kind: proportional, target: 80}", rule))
    rub = Rubric.of(fw.indicators())
    lo, hi = sorted((a, b))
    x = np.zeros((2, 5))
    x[:, 1] = [lo, hi]
    p = points(rub, x)[:, 1]
    assert p[0] <= p[1] <= 20
