"""Comparable across issuers: components declared against a common core say which comparisons
between two provinces' communes hold."""

from __future__ import annotations

from typer.testing import CliRunner

from chiso.cli import app
from chiso.framework import load_framework, parse_framework
from chiso.framework.compare import compare

OTHER = """
id: commune-other-2025
version: "1"
name: {vi: Bộ chỉ số xã tỉnh khác, en: Another province's commune index}
aggregation: points
total_points: 940
unit_level: commune
issuer: vn34-79
root:
  code: tong
  level: index
  name: {vi: Tổng, en: Total}
  children:
    - code: g1
      level: pillar
      name: {vi: Nhóm, en: Group}
      max_points: 940
      children:
        - code: truong_ban
          name: {vi: Chủ tịch làm Trưởng Ban, en: Chairman heads it}
          max_points: 20
          rule: {kind: yes_no, partial: [{value: 0.5, points: 10, label: {vi: Phó, en: Deputy}}]}
          core: steering_committee_head
        - code: cap_quang
          name: {vi: Hộ có cáp quang, en: Households on fibre}
          max_points: 20
          unit: percent
          rule: {kind: proportional, target: 80}
          core: fibre_households_share
        - code: tham_dinh
          name: {vi: Hội đồng chấm, en: Council}
          max_points: 900
          rule: {kind: appraiser}
"""


def test_the_common_core_says_which_comparisons_hold() -> None:
    hanoi = load_framework("commune-hanoi-2025")
    other = parse_framework(OTHER)
    res = compare(hanoi, other)
    by = {m.core: m for m in res.items}
    assert by["steering_committee_head"].holds == "points"   # same rule, same share
    assert by["fibre_households_share"].holds == "values"    # targets differ: values only
    assert by["eid_level2_share"].holds == "none" and by["eid_level2_share"].right == ()
    assert res.unmapped_right == ("tham_dinh",) and not res.totals_comparable
    same = compare(hanoi, hanoi)
    assert all(m.holds == "points" for m in same.items) and not same.totals_comparable  # unmapped


def test_the_command_prints_the_comparison() -> None:
    res = CliRunner().invoke(app, ["frameworks", "--compare", "commune-hanoi-2025",
                                   "--compare", "department-hanoi-2025"],
                                 env={"COLUMNS": "250"})
    assert res.exit_code == 0, res.output
    assert "steering_committee_head" in res.output and "không / no" in res.output
