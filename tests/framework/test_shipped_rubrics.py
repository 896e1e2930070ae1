"""The shipped rubric frameworks: Hà Nội's published structure for communes and departments
(every component a stated placeholder), and 405/QĐ-BKHCN's provincial DTI scoring exactly as
the DTI 2024 framework does on the published main indices."""

from __future__ import annotations

import numpy as np

from chiso.compute import Dataset, Method, build
from chiso.framework import load_framework


def test_the_commune_framework_has_hanois_groups_and_counts() -> None:
    fw = load_framework("commune-hanoi-2025")
    counts = [len(g.children) for g in fw.root.children]
    assert counts == [5, 3, 5, 6, 4, 10, 6, 8] and sum(counts) == 47
    assert (fw.issuer, fw.year, fw.unit_level) == ("vn34-01", 2025, "commune")
    assert fw.is_rubric and len(fw.placeholders()) == 47
    assert all(c.evidence is not None for c in fw.indicators())
    assert any("placeholder" in n.en for n in fw.notes) and fw.sources
    kinds = {c.rule.kind for c in fw.indicators() if c.rule}
    assert kinds == {"yes_no", "tiers", "proportional", "count", "appraiser"}


def test_the_departments_framework_has_hanois_city_structure() -> None:
    fw = load_framework("department-hanoi-2025")
    assert [len(g.children) for g in fw.root.children] == [3, 4, 2, 3, 5, 11, 1, 3, 2]
    assert fw.unit_level == "department" and len(fw.placeholders()) == 34


def test_dti_405_scores_the_published_main_indices_as_dti_2024_does() -> None:
    f405, f2024 = load_framework("dti-province-405"), load_framework("dti-province-2024")
    assert len(f405.indicators()) == 8 and f405.unit_level == "province"
    assert any("47" in n.en for n in f405.notes) and any("INFERRED" in n.en for n in f405.notes)
    codes = [n.code for n in f405.scored_indicators()]
    assert codes == [n.code for n in f2024.scored_indicators()]
    x = np.random.default_rng(405).uniform(0, 1, (34, len(codes))).round(4)
    units = [f"u{i:02d}" for i in range(34)]
    a = build(f405, Dataset(units, codes, x), Method.for_framework(f405))
    b = build(f2024, Dataset(units, codes, x), Method.for_framework(f2024))
    assert np.array_equal(a.scores["pdti"], b.scores["pdti"])
    assert np.array_equal(a.ranks["pdti"], b.ranks["pdti"])
