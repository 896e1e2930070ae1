"""A unit name several units share answers with the candidates and how to choose (issue 19, 7)."""

from __future__ import annotations

from datetime import date

import pytest

from chiso.errors import UnitError
from chiso.ingest.load import registry_peers, registry_resolver
from chiso.units.registry import Registry

AFTER = date(2025, 12, 31)


def test_a_shared_commune_name_lists_every_candidate_and_how_to_choose() -> None:
    with pytest.raises(UnitError) as info:
        registry_resolver(Registry.load())("Tân An", AFTER)
    err = info.value
    assert "unknown" not in err.message_en.lower()
    for unit_id in ("vn34c-02320", "vn34c-27712", "vn34c-31147"):
        assert unit_id in err.message_en and unit_id in err.message_vi
    assert "Tây Ninh" in err.message_en  # each candidate with its province
    assert "code" in err.message_en and "province after a comma" in err.message_en
    assert "mã đơn vị" in err.message_vi and "tên tỉnh" in err.message_vi


@pytest.mark.parametrize(("text", "unit_id"), [
    ("vn34c-27712", "vn34c-27712"),
    ("Tân An, Tây Ninh", "vn34c-27712"),
    ("Phường Tân An (Cần Thơ)", "vn34c-31147"),
    ("Tân An, Tuyên Quang", "vn34c-02320"),
])
def test_a_code_or_a_province_chooses_one(text: str, unit_id: str) -> None:
    assert registry_resolver(Registry.load())(text, AFTER) == unit_id


def test_the_kind_narrows_the_candidates() -> None:
    with pytest.raises(UnitError) as info:
        registry_resolver(Registry.load())("Phường Tân An", AFTER)
    assert "vn34c-02320" not in info.value.message_en  # a xã, not a phường
    assert "vn34c-27712" in info.value.message_en


def test_a_province_that_does_not_exist_is_still_unknown() -> None:
    with pytest.raises(UnitError) as info:
        registry_resolver(Registry.load())("Không Có", AFTER)
    assert "Unknown administrative unit" in info.value.message_en


def test_a_rank_is_bounded_by_the_units_of_its_level_that_day() -> None:
    peers = registry_peers(Registry.load())
    assert peers("vn63-48", date(2024, 12, 31)) == 63
    assert peers("vn34-48", AFTER) == 34
    assert peers("VN", AFTER) is None
    assert peers("no-such-unit", AFTER) is None
