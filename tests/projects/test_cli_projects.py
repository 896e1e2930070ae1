"""`chiso projects appraise | template | validate` end to end on plain files: the numbers the
appraisal computes, the three output formats, reproducible Monte Carlo, and a refused workbook
named cell by cell by the real command (exit 1, no traceback)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chiso.cli import app

runner = CliRunner()

FLOWS = """project,year,kind,category,amount,low,high
annuity,0,cost,capital,1000,,
annuity,1,benefit,cash_saving,300,,
annuity,2,benefit,cash_saving,300,,
annuity,3,benefit,cash_saving,300,,
annuity,4,benefit,cash_saving,300,,
annuity,5,benefit,cash_saving,300,,
two_rates,0,cost,capital,100,,
two_rates,1,benefit,revenue,230,,
two_rates,2,cost,operating,132,,
telehealth,0,cost,capital,2000000000,1500000000,3000000000
telehealth,1,benefit,social,7200000000,3600000000,7200000000
telehealth,1,cost,operating,300000000,,
"""


@pytest.fixture
def flows_csv(tmp_path: Path) -> Path:
    path = tmp_path / "dong-tien.csv"
    path.write_text(FLOWS, encoding="utf-8")
    return path


def appraise(*args: str) -> str:
    result = runner.invoke(app, ["projects", "appraise", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_appraise_writes_the_appraisal_of_each_project_as_json(flows_csv: Path) -> None:
    report = json.loads(appraise(str(flows_csv)))
    assert report["method"]["rate"] == 0.05 and report["method"]["year_0"] == "not discounted"
    annuity, two, tele = report["projects"]
    assert annuity["project"] == "annuity"
    assert annuity["npv"] == pytest.approx(298.843001189247)
    assert annuity["pv_costs"] == 1000 and annuity["bcr"] == pytest.approx(1.298843001189247)
    assert (annuity["payback_year"], annuity["meets_bar"]) == (4, False)
    assert annuity["irr"] == pytest.approx(0.1523823711663065)
    assert two["irr"] is None and two["irr_rates"] == pytest.approx([0.1, 0.2])
    assert tele["meets_bar"] is True and "p_bcr_ge_2" not in tele
    lines = tele["switching_values"]["lines"]
    assert [(x["kind"], x["category"]) for x in lines] == [
        ("cost", "capital"), ("cost", "operating"), ("benefit", "social")]


def test_runs_add_the_probability_and_interval_reproducibly(flows_csv: Path) -> None:
    args = [str(flows_csv), "--rate", "0.035", "--runs", "2000", "--seed", "3"]
    first, again = json.loads(appraise(*args)), json.loads(appraise(*args))
    assert first == again
    tele = first["projects"][2]
    assert 0 < tele["p_bcr_ge_2"] < 1 and tele["npv_q05"] < tele["npv_q95"]
    # the central benefit is also its highest value: the central NPV is an optimistic corner
    assert tele["npv_q95"] < tele["npv"]
    assert first["projects"][0]["p_bcr_ge_2"] == 0.0  # certain and below the bar
    assert (first["method"]["runs"], first["method"]["seed"]) == (2000, 3)
    other = json.loads(appraise(str(flows_csv), "--rate", "0.035", "--runs", "2000", "--seed", "4"))
    assert other["projects"][2]["npv_q05"] != tele["npv_q05"]


def test_csv_and_table_formats(flows_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "ket-qua.csv"
    result = runner.invoke(app, ["projects", "appraise", str(flows_csv), "--format", "csv",
                                 "--runs", "200", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert list(rows[0]) == ["project", "rate", "npv", "pv_benefits", "pv_costs", "bcr",
                             "payback_year", "irr", "meets_bar", "p_bcr_ge_2", "npv_q05",
                             "npv_q95", "flags"]
    assert rows[1]["irr"] == "" and rows[0]["flags"] == "below_bar"
    table = appraise(str(flows_csv), "--format", "table")
    # Vietnamese numbers: 1.299 đồng of benefits, B/C 1,30, IRR 15,2 %
    assert "1.299" in table and "1,30" in table and "15,2 %" in table and "chưa đạt" in table


def test_a_bad_option_is_refused_in_both_languages(flows_csv: Path) -> None:
    result = runner.invoke(app, ["projects", "appraise", str(flows_csv), "--format", "xml"])
    assert result.exit_code == 1 and "--format" in str(result.exception)
    result = runner.invoke(app, ["projects", "appraise", str(flows_csv), "--rate", "3.5"])
    assert result.exit_code == 1 and "0.035" in str(result.exception)


def test_template_then_validate(tmp_path: Path) -> None:
    out = tmp_path / "mau.xlsx"
    assert runner.invoke(app, ["projects", "template", "--out", str(out)]).exit_code == 0
    import openpyxl

    wb = openpyxl.load_workbook(out)
    wb["Dự án"].append(["ST-IOC", "Trung tâm điều hành", "Sóc Trăng", None, None, None, None,
                        "Đã phê duyệt", None, "Zavi"])
    wb["Dòng tiền"].append(["ST-IOC", 0, "Chi phí", "Đầu tư", "", "18 tỷ đồng"])
    assert [c.value for c in wb["Đơn giá"][1]] == [
        "Mã dự án", "Nền tảng", "Đơn vị tính", "Số lượng", "Đơn giá (đồng)", "Khoản mục chi phí",
        "Nguồn", "Ghi chú"]
    wb["Đơn giá"].append(["ST-IOC", "Zavi", "điểm cầu/năm", 40, "3 triệu"])
    wb.save(out)
    result = runner.invoke(app, ["projects", "validate", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 dự án / projects, 1 dòng tiền" in result.output
    assert "1 đơn giá / unit costs" in result.output
    wb["Đơn giá"]["D2"] = "bốn mươi"
    wb.save(out)
    result = runner.invoke(app, ["projects", "validate", str(out)])
    assert result.exit_code == 1 and "Đơn giá" in result.output and "D" in result.output


def test_validate_names_the_bad_cell_and_exits_1_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "dong-tien.csv"
    path.write_text(FLOWS.replace("annuity,3,benefit,cash_saving,300",
                                  "annuity,3,benefit,cash_saving,300 triệu/tháng"), "utf-8")
    report = tmp_path / "loi.csv"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "chiso.cli", "projects", "validate", str(path),
                           "--report", str(report)], capture_output=True, text=True, env=env,
                          check=False,
                          timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "DataFileError" in done.stderr and "row 5, column E (amount)" in done.stderr
    rows = list(csv.reader(report.open(encoding="utf-8-sig")))
    assert rows[1][:4] == ["dong-tien.csv", "5", "E (amount)", "amount"]
