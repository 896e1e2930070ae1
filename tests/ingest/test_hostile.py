"""Files that are not what they claim: each gives a clear, bilingual DataFileError, not a crash."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from chiso.catalog import shipped_catalog
from chiso.errors import DataFileError
from chiso.ingest.headers import Indicators
from chiso.ingest.load import ImportOptions, check_file, indicators_for

from .files import LONG_HEADER, write_csv, write_xlsx

SHIPPED = shipped_catalog()


def _never(text: str, as_of: object) -> str:
    raise AssertionError("no unit should be resolved for a broken file")


def _check(path: Path, **opts: object) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        check_file(path, ImportOptions(**opts), indicators=indicators_for(SHIPPED.frameworks()),
                   resolve_unit=_never, known_units=set())
    err = info.value
    assert err.message_vi and err.message_en and err.problems
    return err


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    assert "empty" in str(_check(tmp_path / "empty.csv"))


def test_whitespace_only(tmp_path: Path) -> None:
    (tmp_path / "blank.csv").write_text("\n\n  \n")
    assert "empty" in str(_check(tmp_path / "blank.csv"))


def test_binary_named_csv(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_bytes(bytes(range(256)) * 20)
    assert "binary" in str(_check(tmp_path / "x.csv"))


def test_text_named_xlsx(tmp_path: Path) -> None:
    write_csv(tmp_path / "x.xlsx", [LONG_HEADER])
    assert "rename it to .csv" in str(_check(tmp_path / "x.xlsx"))


def test_workbook_named_csv(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "x.xlsx", {"S": [LONG_HEADER]})
    (tmp_path / "x.xlsx").rename(tmp_path / "y.csv")
    assert "Rename it to .xlsx" in str(_check(tmp_path / "y.csv"))


def test_damaged_workbook(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "d.xlsx", "w") as z:
        z.writestr("hello.txt", "not a workbook")
    assert "damaged" in str(_check(tmp_path / "d.xlsx"))


def test_wrong_extension(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4 whatever")
    assert "not '.pdf' files" in str(_check(tmp_path / "report.pdf"))


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in str(_check(tmp_path / "nope.csv"))


def test_missing_columns_long(tmp_path: Path) -> None:
    write_csv(tmp_path / "m.csv", [["unit", "indicator", "value"], ["Đà Nẵng", "x", "1"]])
    err = _check(tmp_path / "m.csv")
    assert err.problems[0].field == "period" and err.problems[0].row == 1


def test_no_header_at_all(tmp_path: Path) -> None:
    write_csv(tmp_path / "n.csv", [["a", "b"], ["1", "2"]])
    assert "no data table found" in str(_check(tmp_path / "n.csv"))


def test_header_only(tmp_path: Path) -> None:
    write_csv(tmp_path / "h.csv", [LONG_HEADER])
    assert "holds no figures" in str(_check(tmp_path / "h.csv"))


def test_unknown_wide_column_is_named(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "w.xlsx", {"S": [["unit", "period", "fiber_household_share"],
                                          ["Đà Nẵng", 2024, 5]]})
    err = _check(tmp_path / "w.xlsx")
    p = next(p for p in err.problems if p.column)
    assert p.column == "C (fiber_household_share)" and "fiber_households_share" in p.message_en


def test_bad_options(tmp_path: Path) -> None:
    write_csv(tmp_path / "a.csv", [LONG_HEADER])
    assert "unknown format" in str(_check(tmp_path / "a.csv", shape="diagonal"))
    assert "not a period" in str(_check(tmp_path / "a.csv", period="last year"))


def test_indicator_lookup_by_any_name() -> None:
    ind = indicators_for(SHIPPED.frameworks(["chiso-core"]))
    assert isinstance(ind, Indicators)
    node = ind.find("fiber_households_share")
    assert node is not None
    assert ind.find(node.name.vi.upper()) is node
    assert ind.find(f"{node.name.en} (%)") is node
    assert ind.find("") is None
