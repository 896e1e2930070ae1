"""Administrative units: counts, lineage, the package trap, names as people write them,
re-expression by the framework's rules, and the `chiso units` command."""

from __future__ import annotations

import csv
import io
import statistics
import subprocess
import sys
import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.errors import UnitError
from chiso.framework import load_framework
from chiso.units.names import fold, key
from chiso.units.reexpress import reexpress, reexpress_indicator
from chiso.units.registry import Registry

OLD, NEW = date(2025, 6, 30), date(2025, 7, 1)
REG = Registry.load()
OLD_PROVINCES = REG.units(as_of=OLD, level="province")
NEW_PROVINCES = REG.units(as_of=NEW, level="province")


def test_counts_on_each_side_of_the_reform() -> None:
    assert len(OLD_PROVINCES) == 63
    assert len(NEW_PROVINCES) == 34
    communes = REG.units(as_of=NEW, level="commune")
    assert len(communes) == 3321
    assert REG.units(as_of=OLD, level="commune") == []
    new_ids = {u.id for u in NEW_PROVINCES}
    assert all(c.parent in new_ids for c in communes)
    assert len({c.code for c in communes}) == 3321
    assert {c.type for c in communes} == {"phường", "xã", "đặc khu"}


def test_every_old_province_has_one_successor_and_every_new_one_a_predecessor() -> None:
    for old in OLD_PROVINCES:
        assert len(REG.successors(old.id)) == 1, old.name
    made_of = {new.id: REG.predecessors(new.id) for new in NEW_PROVINCES}
    assert all(made_of.values())
    assert sum(len(v) for v in made_of.values()) == 63
    assert sum(len(v) > 1 for v in made_of.values()) == 23  # 11 kept, 23 formed by merging
    assert {e.effective for e in REG.lineage_events()} == {NEW}


def test_tien_giang_goes_to_dong_thap_not_tay_ninh() -> None:
    """vietnam-provinces files one Long An ward under Tiền Giang; the shipped data must not."""
    assert [u.name for u in REG.successors("vn63-82")] == ["Đồng Tháp"]
    assert sorted(u.name for u in REG.predecessors("vn34-80")) == ["Long An", "Tây Ninh"]
    assert sorted(u.name for u in REG.predecessors("vn34-82")) == ["Tiền Giang", "Đồng Tháp"]


@pytest.mark.parametrize(
    ("text", "as_of", "unit_id"),
    [
        ("TP. Hồ Chí Minh", None, "vn34-79"),
        ("Thành phố Hồ Chí Minh", OLD, "vn63-79"),
        ("TP.HCM", None, "vn34-79"),
        ("tphcm", NEW, "vn34-79"),
        ("Huế", date(2020, 12, 31), "vn63-46"),
        ("Thừa Thiên - Huế", None, "vn63-46"),
        ("Thừa Thiên Huế", date(2023, 1, 1), "vn63-46"),
        ("Huế", NEW, "vn34-46"),
        ("Khánh Hoà", None, "vn34-56"),
        ("Khánh Hòa", None, "vn34-56"),
        ("Thanh Hoá", date(2022, 5, 1), "vn63-38"),
        ("Hoà Bình", date(2022, 5, 1), "vn63-17"),
        ("Ha Noi", None, "vn34-01"),
        ("tỉnh Bắc Ninh", OLD, "vn63-27"),
        ("Bà Rịa–Vũng Tàu", OLD, "vn63-77"),
        ("BR-VT", OLD, "vn63-77"),
        ("DAK LAK", OLD, "vn63-66"),
        ("48", date(2022, 1, 1), "vn63-48"),
        ("vn34-48", None, "vn34-48"),
        ("Việt Nam", None, "VN"),
        ("cả nước", OLD, "VN"),
    ],
)
def test_names_as_people_write_them(text: str, as_of: date | None, unit_id: str) -> None:
    assert REG.resolve(text, as_of=as_of).id == unit_id


def test_a_province_that_ended_is_not_found_after_the_reform() -> None:
    with pytest.raises(UnitError) as err:
        REG.resolve("Tiền Giang", as_of=NEW)
    assert "Tiền Giang" in str(err.value) and "01/07/2025" in str(err.value)
    assert REG.resolve("Tiền Giang").id == "vn63-82"  # without a day: the most recent


def test_unknown_names_suggest_the_closest() -> None:
    with pytest.raises(UnitError) as err:
        REG.resolve("Hà Nộii")
    assert "Hà Nội" in err.value.message_vi and "Did you mean" in err.value.message_en


def test_communes_by_code_name_and_parent() -> None:
    assert REG.resolve("00004", level="commune").full_name == "Phường Ba Đình"
    with pytest.raises(UnitError, match="exactly one"):
        REG.resolve("Ba Đình", level="commune")
    assert REG.resolve("Phường Ba Đình", level="commune", parent="Hà Nội").id == "vn34c-00004"
    assert key("Phường Phương Liệt") == key("Phương Liệt")


def _variants() -> st.SearchStrategy[tuple[str, str, date]]:
    pairs = ([(u.name, u.id, OLD) for u in OLD_PROVINCES]
             + [(u.name, u.id, NEW) for u in NEW_PROVINCES])
    return st.sampled_from(pairs)


@settings(max_examples=300, deadline=None)
@given(pick=_variants(), strip=st.booleans(),
       case=st.sampled_from(["lower", "upper", "title", "keep"]),
       prefix=st.sampled_from(["", "tỉnh ", "Tỉnh ", "thành phố ", "TP. ", "tp "]),
       spaces=st.sampled_from([" ", "  ", "\u00a0"]), nfd=st.booleans())
def test_every_province_name_survives_case_diacritics_and_spacing(
    pick: tuple[str, str, date], strip: bool, case: str, prefix: str, spaces: str, nfd: bool
) -> None:
    name, unit_id, day = pick
    text = fold(name) if strip else name
    text = {"lower": text.lower(), "upper": text.upper(), "title": text.title(), "keep": text}[case]
    text = prefix + text.replace(" ", spaces)
    if nfd:
        text = unicodedata.normalize("NFD", text)
    assert REG.resolve(text, as_of=day).id == unit_id


# ── re-expression ─────────────────────────────────────────────────────────────────────────


class E:
    def __init__(self, a: str, b: str) -> None:
        self.from_id, self.to_id, self.effective, self.kind = a, b, NEW, "merge"


EVENTS = [E("a", "X"), E("b", "X"), E("c", "Y")]


def test_each_rule_on_a_small_example() -> None:
    v = {"a": 10.0, "b": 30.0, "c": 5.0}
    assert reexpress(v, EVENTS, "sum") == {"X": 40.0, "Y": 5.0}
    assert reexpress(v, EVENTS, "mean") == {"X": 20.0, "Y": 5.0}
    assert reexpress(v, EVENTS, "min") == {"X": 10.0, "Y": 5.0}
    assert reexpress(v, EVENTS, "max") == {"X": 30.0, "Y": 5.0}
    assert reexpress(v, EVENTS, "pop_weighted_mean", weights={"a": 3, "b": 1, "c": 2}) == {
        "X": 15.0, "Y": 5.0}
    assert reexpress({}, EVENTS, "ratio", numerator={"a": 1, "b": 3, "c": 1},
                     denominator={"a": 10, "b": 10, "c": 4}, scale=100) == {"X": 20.0, "Y": 25.0}
    assert reexpress(v, EVENTS, "none") == {}


def test_a_missing_predecessor_leaves_the_new_unit_missing() -> None:
    assert reexpress({"a": 1.0, "c": 2.0}, EVENTS, "sum") == {"Y": 2.0}
    with pytest.raises(UnitError, match="populations"):
        reexpress({"a": 1.0}, EVENTS, "pop_weighted_mean")
    with pytest.raises(UnitError):
        reexpress({"a": 1.0}, EVENTS, "average")


def test_framework_rules_on_the_real_lineage() -> None:
    fw = load_framework("chiso-core")
    events = REG.lineage_events()
    olds = [u.id for u in OLD_PROVINCES]
    pop = {u: 1_000_000 + 10_000 * i for i, u in enumerate(olds)}
    subs = {u: 0.9 * p for u, p in pop.items()}
    series = {"population": pop, "smartphone_subscribers": subs}
    node = fw.node("population")
    total = reexpress_indicator(node, series, events)
    assert len(total) == 34 and sum(total.values()) == pytest.approx(sum(pop.values()))
    per100 = next(n for n in fw.indicators()
                  if n.merge and n.merge.method == "ratio" and n.merge.denominator == "population"
                  and n.merge.numerator == "smartphone_subscribers")
    ratio = reexpress_indicator(per100, series, events)
    assert all(v == pytest.approx(90.0) for v in ratio.values())


def test_dti_mean_rule_for_a_merged_province() -> None:
    """The ministry's 2024 rule: the new Tuyên Quang gets the mean of Tuyên Quang and Hà Giang."""
    dti = {u.id: 0.3 + 0.005 * i for i, u in enumerate(OLD_PROVINCES)}
    new = reexpress(dti, REG.lineage_events(), "mean")
    parts = REG.predecessors("vn34-08")
    assert sorted(p.name for p in parts) == ["Hà Giang", "Tuyên Quang"]
    assert new["vn34-08"] == pytest.approx(statistics.mean(dti[p.id] for p in parts))


# ── the command ───────────────────────────────────────────────────────────────────────────


def _chiso(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "chiso.cli", *args], capture_output=True,
                          text=True, check=False)


@pytest.mark.parametrize(("day", "count"), [("2025-06-30", 63), ("2025-07-01", 34)])
def test_chiso_units_as_of(day: str, count: int) -> None:
    res = _chiso("units", "--as-of", day, "--level", "province", "--format", "csv")
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == count


def test_chiso_units_bad_date_is_a_clear_error() -> None:
    res = _chiso("units", "--as-of", "30/06/2025")
    assert res.returncode == 1
    assert "YYYY-MM-DD" in res.stderr
