"""A province's rubric workbook (one row per component) becomes a framework that scores like the
YAML one, or is refused whole with its bad row named, in both languages."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from chiso.cli import app
from chiso.compute.rubric import Rubric, points
from chiso.errors import FrameworkError
from chiso.ingest.framework_book import read_framework_book

from .files import write_xlsx

HEADER = ["Nhóm", "Mã", "Tên", "Điểm tối đa", "Quy tắc", "Minh chứng", "Tên (tiếng Anh)"]
ROWS = [
    ["Nhận thức số", "truong_ban", "Chủ tịch làm Trưởng Ban chỉ đạo", 10,
     "có/không; 0,5 = 5 (Phó Chủ tịch làm Trưởng Ban)", "Quyết định thành lập", "Chairman heads"],
    ["Nhận thức số", "ty_le_ho_so", "Tỷ lệ hồ sơ trực tuyến", 20, "tỷ lệ; 80",
     "Số liệu Cổng dịch vụ công", None],
    ["Nhận thức số", "tin_bai", "Số tin bài", 10, "đếm; 2", None, None],
    ["Hoạt động", "muc_do", "Mức độ số hóa", "30", "bậc; 50 = 10; 70 = 20; 90 = 30", None, None],
    ["Hoạt động", "tham_dinh", "Hội đồng chấm", 30, "thẩm định", "Biên bản", None],
]
META = [["id", "commune-test-2025"], ["version", "1"], ["tên", "Bộ chỉ số xã thử"],
        ["issuer", "vn34-79"], ["năm", 2025], ["cấp", "xã"]]


def _book(tmp_path: Path, rows: list[list[object]], name: str = "bo-chi-so.xlsx") -> Path:
    return write_xlsx(tmp_path / name, {"Chỉ số thành phần": [HEADER, *rows], "Khung": META})


def test_a_workbook_framework_scores_like_the_hand_computed_case(tmp_path: Path) -> None:
    fw = read_framework_book(_book(tmp_path, ROWS)).framework
    assert (fw.id, fw.issuer, fw.year, fw.unit_level) == ("commune-test-2025", "vn34-79", 2025,
                                                          "commune")
    assert fw.total_points == 100 and [g.max_points for g in fw.root.children] == [40, 60]
    assert fw.node("truong_ban").name.en == "Chairman heads"
    rub = Rubric.of(fw.indicators())
    got = points(rub, np.array([[0.5, 60.0, 3.0, 75.0, 25.0]]))
    assert got.tolist() == [[5.0, 15.0, 6.0, 20.0, 25.0]]


@pytest.mark.parametrize("row, cell, said_vi, said_en", [
    (3, 4, "quy tắc 'đoán' không rõ", "rule 'đoán' is not known"),
    (4, 3, "điểm tối đa 'mười' không phải một số", "maximum points 'mười' is not a number"),
    (2, 1, "mã 'Tỷ lệ'", "code 'Tỷ lệ'"),
    (5, 4, "bậc '90 : 30'", "tier '90 : 30'"),
])
def test_a_bad_row_is_refused_whole_with_the_row_named(tmp_path: Path, row: int, cell: int,
                                                       said_vi: str, said_en: str) -> None:
    rows = [list(r) for r in ROWS]
    bad = {(3, 4): "đoán", (4, 3): "mười", (2, 1): "Tỷ lệ", (5, 4): "bậc; 50 = 10; 90 : 30"}
    rows[row - 2][cell] = bad[(row, cell)]
    with pytest.raises(FrameworkError) as err:
        read_framework_book(_book(tmp_path, rows))
    exc = err.value
    assert [p.row for p in exc.problems] == [row]
    assert said_vi in exc.problems[0].message_vi and said_en in exc.problems[0].message_en
    assert f"dòng {row}" in exc.message_vi and f"row {row}" in exc.message_en
    assert "không dòng nào được nhập" in exc.message_vi


def test_a_rule_earning_more_than_its_row_allows_names_the_row(tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS]
    rows[3][4] = "bậc; 50 = 10; 90 = 40"   # 40 points of a 30-point component, row 5
    with pytest.raises(FrameworkError) as err:
        read_framework_book(_book(tmp_path, rows))
    assert [p.row for p in err.value.problems] == [5]
    assert "max_points" in err.value.problems[0].message_en


def test_the_import_command_stores_it_or_nothing(tmp_path: Path) -> None:
    from chiso.settings import Settings
    from chiso.store import db
    from chiso.store import frameworks as stored
    from chiso.workspace import Workspace

    data = tmp_path / "data"
    Workspace(Settings(data_dir=data)).init()
    runner = CliRunner()
    bad = [list(r) for r in ROWS]
    bad[2][3] = -5
    res = runner.invoke(app, ["frameworks", "--import", str(_book(tmp_path, bad, "bad.xlsx")),
                              "--data-dir", str(data)])
    assert res.exit_code != 0 and "bad.xlsx" in str(res.exception or res.output)
    res = runner.invoke(app, ["frameworks", "--import", str(_book(tmp_path, ROWS)),
                              "--data-dir", str(data)])
    assert res.exit_code == 0, res.output
    assert "commune-test-2025" in res.output and "100" in res.output
    with db.transaction(Workspace(Settings(data_dir=data)).ready()) as s:
        rec = stored.framework(s, "commune-test-2025")
        assert rec is not None and len([n for n in rec.nodes if n.level == "indicator"]) == 5
