"""Bounded work: every limit of `ImportLimits` refuses a file with a clear, located answer."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from chiso.catalog import shipped_catalog
from chiso.errors import DataFileError, Problem
from chiso.ingest.load import ImportOptions, check_file, indicators_for
from chiso.ingest.problems import write_problems
from chiso.settings import ImportLimits, Settings

from . import bombs
from .files import LONG_HEADER, write_csv, write_xlsx

SHARE = "fiber_households_share"


def refused(path: Path, limits: ImportLimits | None = None) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        check_file(path, ImportOptions(), indicators=indicators_for(shipped_catalog().frameworks()),
                   resolve_unit=lambda text, as_of: "vn63-48", known_units={"vn63-48"},
                   limits=limits)
    err = info.value
    assert err.message_vi.startswith(("Không đọc được tệp", "Không nhập tệp"))
    assert err.problems and err.problems[0].message_en
    return err


def rows(n: int) -> list[list[object]]:
    return [LONG_HEADER] + [["Đà Nẵng", SHARE, str(1990 + i % 100), "", "5"] for i in range(n)]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_rows_past_the_limit_are_refused_before_they_are_checked(tmp_path: Path, fmt: str) -> None:
    path = (write_csv(tmp_path / "r.csv", rows(30)) if fmt == "csv"
            else write_xlsx(tmp_path / "r.xlsx", {"S": rows(30)}))
    err = refused(path, ImportLimits(max_rows=20))
    assert "more than 20 rows" in err.message_en and "hơn 20 dòng" in err.message_vi


def test_cells_past_the_limit_are_refused(tmp_path: Path) -> None:
    err = refused(write_xlsx(tmp_path / "c.xlsx", {"S": rows(30)}), ImportLimits(max_cells=100))
    assert "more than 100 cells" in err.message_en


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_row_wider_than_the_limit_is_refused(tmp_path: Path, fmt: str) -> None:
    wide = [["unit", "period", *[f"c{i}" for i in range(30)]]]
    path = (write_csv(tmp_path / "w.csv", wide) if fmt == "csv"
            else write_xlsx(tmp_path / "w.xlsx", {"S": wide}))
    err = refused(path, ImportLimits(max_columns=10))
    assert "column" in err.message_en


def test_a_declared_dimension_past_the_limit_is_refused_at_once(tmp_path: Path) -> None:
    path = bombs.many_rows(tmp_path / "d.xlsx", rows=50, dimension=True)
    assert "declared dimension" in refused(path, ImportLimits(max_rows=20)).message_en


def test_a_cell_longer_than_excel_allows_is_refused(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", {"S": [LONG_HEADER, ["Đà Nẵng", SHARE, "2024", "",
                                                                 "5", "", "", "", "", "x" * 500]]})
    assert "longer than 100 characters" in refused(path, ImportLimits(max_cell_chars=100)
                                                   ).message_en


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "big.csv", rows(200))
    assert "over the limit" in refused(path, ImportLimits(max_file_bytes=1000)).message_en


@pytest.mark.parametrize(("limits", "said"), [
    (ImportLimits(max_part_bytes=2000), "unpacks to"),
    (ImportLimits(max_total_bytes=3000), "the workbook unpacks to"),
    (ImportLimits(max_parts=3), "parts, over the limit"),
])
def test_a_workbook_part_over_its_limits_is_refused_unpacked(tmp_path: Path,
                                                             limits: ImportLimits,
                                                             said: str) -> None:
    path = write_xlsx(tmp_path / "p.xlsx", {"S": rows(200)})
    assert said in refused(path, limits).message_en


def test_a_part_that_expands_too_much_is_refused(tmp_path: Path) -> None:
    path = bombs.huge_sheet(tmp_path / "h.xlsx", gigabytes=0.005)
    err = refused(path, ImportLimits(max_ratio=50))
    assert "compressed" in err.message_en and err.problems[0].field == "xl/worksheets/sheet1.xml"


def test_a_zip_that_lies_about_its_size_is_a_damaged_file(tmp_path: Path) -> None:
    err = refused(bombs.lying_sheet(tmp_path / "l.xlsx", gigabytes=0.01))
    assert "damaged" in err.message_en and "bị hỏng" in err.message_vi


def test_sheet_xml_cut_short_is_a_damaged_file_not_a_traceback(tmp_path: Path) -> None:
    err = refused(bombs.cut_short(tmp_path / "c.xlsx"))
    assert "cut short" in err.message_en and "bị cắt cụt" in err.message_vi


def test_a_password_protected_part_is_refused(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "e.xlsx", {"S": rows(2)})
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        offsets = [i.header_offset for i in zf.infolist()]
    for off in offsets:  # set the "encrypted" flag in every local header
        raw[off + 6] |= 1
    central = raw.rfind(b"PK\x05\x06")
    pos = raw.find(b"PK\x01\x02")
    while 0 <= pos < central:
        raw[pos + 8] |= 1
        pos = raw.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(raw))
    assert "password" in refused(path).message_en


def test_problems_past_the_limit_are_counted_not_listed(tmp_path: Path) -> None:
    bad = [LONG_HEADER] + [["Đà Nẵng", SHARE, str(1990 + i % 100), "", "abc"]
                           for i in range(1500)]
    err = refused(write_csv(tmp_path / "b.csv", bad), ImportLimits(max_problems=1000))
    assert "1500 problem(s)" in err.message_en and "1500 lỗi" in err.message_vi
    assert len(err.problems) == 1001
    assert "500 more problem(s)" in err.problems[-1].message_en


def test_a_bad_cell_is_quoted_short(tmp_path: Path) -> None:
    err = refused(write_csv(tmp_path / "q.csv", [LONG_HEADER, ["Đà Nẵng", SHARE, "2024", "",
                                                             "7" + "x" * 5000]]))
    assert len(str(err.problems[0].value)) < 300


def test_the_report_file_is_capped_in_rows_and_bytes(tmp_path: Path) -> None:
    many = [Problem("lỗi", "problem", file="f.csv", row=i, value="v" * 1000) for i in range(5000)]
    out = write_problems(many, tmp_path / "r.csv", ImportLimits(max_problems=100))
    text = out.read_text(encoding="utf-8-sig")
    assert len(text.splitlines()) == 102 and "4900 more" in text
    out = write_problems(many, tmp_path / "s.csv", ImportLimits(max_report_bytes=20_000))
    assert out.stat().st_size < 25_000


def test_limits_are_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHISO_IMPORT_LIMITS__MAX_ROWS", "1234")
    assert Settings().import_limits.max_rows == 1234
    assert Settings().import_limits.max_problems == ImportLimits().max_problems


def test_the_older_formats_reader_keeps_addresses_and_refuses_damage(tmp_path: Path) -> None:
    """.xls, .xlsb and .ods go through calamine: the same addresses, the same clear refusal."""
    from chiso.ingest.read import _calamine_sheets

    path = write_xlsx(tmp_path / "o.xlsx", {"S": [[], [], [None, None, "unit"],
                                                  [None, None, "Đà Nẵng", 5]]})
    (sheet,) = _calamine_sheets(path, ImportLimits())
    numbered = [(n, [c for c in cells if c != ""]) for n, cells in sheet.rows()]
    assert numbered[-1] == (4, ["Đà Nẵng", 5.0]) and sheet.col_offset == 2
    with pytest.raises(DataFileError) as info:
        for _ in _calamine_sheets(bombs.cut_short(tmp_path / "c.xlsx"), ImportLimits())[0].rows():
            pass
    assert "damaged" in info.value.message_en
    with pytest.raises(DataFileError):
        _calamine_sheets(path, ImportLimits(max_rows=2))
