"""Unit names written with their province or their kind: the parts `split_parent` finds."""

from __future__ import annotations

import pytest

from chiso.units.names import split_parent, written_kind


@pytest.mark.parametrize(("text", "name", "parent"), [
    ("Tân An, Tây Ninh", "Tân An", "Tây Ninh"),
    ("Tân An (Tây Ninh)", "Tân An", "Tây Ninh"),
    ("  Phường Tân An ,  Tỉnh Tây Ninh ", "Phường Tân An", "Tỉnh Tây Ninh"),
    ("Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu", None),
    ("Hà Nội", "Hà Nội", None),
    ("a, b, c", "a, b, c", None),
])
def test_a_name_and_the_province_written_with_it(text: str, name: str, parent: str | None) -> None:
    assert split_parent(text) == (name, parent)


def test_the_kind_a_name_says_it_is() -> None:
    assert written_kind("Phường Tân An") == "phường"
    assert written_kind("xã  Tân An") == "xã"
    assert written_kind("Tân An") is None
    assert written_kind("Xãtân") is None
