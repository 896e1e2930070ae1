"""The import, export and template commands end to end, with exit codes (CliRunner)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from chiso.cli.data import register

from .files import LONG_HEADER, write_csv, write_xlsx

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def test_template_command_writes_a_workbook(tmp_path: Path) -> None:
    out = tmp_path / "mau.xlsx"
    result = runner.invoke(_app(), ["template", "dti-province-2024", "--out", str(out)])
    assert result.exit_code == 0, result.output
    from python_calamine import CalamineWorkbook

    names = CalamineWorkbook.from_path(str(out)).sheet_names
    assert {"Hướng dẫn", "Ngang", "Dọc"} <= set(names)


def test_help_texts_have_examples() -> None:
    for cmd in ("import", "export", "template"):
        result = runner.invoke(_app(), [cmd, "--help"])
        assert result.exit_code == 0 and "chiso " + cmd in result.output


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data directory set up by `Workspace.init`."""
    from chiso.settings import Settings
    from chiso.workspace import Workspace

    d = tmp_path / "data"
    Workspace(Settings(data_dir=d)).init()
    return d


def test_import_export_round_trip_and_exit_codes(data_dir: Path, tmp_path: Path) -> None:
    good = write_csv(tmp_path / "good.csv", [
        LONG_HEADER,
        ["Đà Nẵng", "fiber_households_share", "2024", "actual", "70,8"],
        ["TP.HCM", "smartphone_subscribers", "2024", "actual", "911.000"]])
    dd = ["--data-dir", str(data_dir)]
    first = runner.invoke(_app(), ["import", str(good), *dd])
    assert first.exit_code == 0, first.output
    assert "2 mới / added" in first.output
    again = runner.invoke(_app(), ["import", str(good), *dd])
    assert again.exit_code == 0 and "2 không đổi / unchanged" in again.output

    from chiso.framework import load_framework

    shares = [n.code for n in load_framework("chiso-core").indicators() if n.unit == "percent"]
    rows = [LONG_HEADER] + [["Đà Nẵng", shares[i // 100], str(1995 + i % 100), "", "1"]
                            for i in range(999)]
    rows[899][4] = "x"
    bad = write_xlsx(tmp_path / "bad.xlsx", {"Sheet1": rows})
    report = tmp_path / "loi.csv"
    failed = runner.invoke(_app(), ["import", str(bad), "--report", str(report), *dd])
    assert failed.exit_code == 1
    assert "row 900" in failed.output and "E (value)" in failed.output
    lines = report.read_text("utf-8-sig").splitlines()
    assert len(lines) == 2 and lines[1].startswith("bad.xlsx [Sheet1],900,E (value),value,x,")

    out = tmp_path / "out.csv"
    exported = runner.invoke(_app(), ["export", "--format", "csv", "--out", str(out), *dd])
    assert exported.exit_code == 0, exported.output
    back = runner.invoke(_app(), ["import", str(out), "--dry-run", *dd])
    assert back.exit_code == 0 and "0 mới / added" in back.output


def test_import_of_a_broken_file_exits_non_zero(data_dir: Path, tmp_path: Path) -> None:
    good = write_csv(tmp_path / "good.csv", [
        LONG_HEADER, ["Đà Nẵng", "fiber_households_share", "2024", "actual", "70,8"]])
    (tmp_path / "x.csv").write_bytes(b"\x00\x01\x02" * 100)
    report = tmp_path / "loi.csv"
    result = runner.invoke(_app(), ["import", str(good), str(tmp_path / "x.csv"),
                                    "--report", str(report), "--data-dir", str(data_dir)])
    assert result.exit_code == 1 and "binary" in result.output
    assert "1 mới / added" in result.output  # files land one by one, each whole or not at all
    assert "binary" in report.read_text("utf-8-sig")
