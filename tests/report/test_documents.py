"""The documents read from the store, end to end: `chiso report brief | ranking | scorecard`
with Typer's CliRunner on the demo, the same files from the web's stable addresses, and the
leader's gaps checked against a hand computation from the cited figures.

Briefs of three provinces: Thái Nguyên (merged on 1/7/2025), Huế (not merged) and Lạng Sơn
(simulated data). Each is at most two A4 pages; its text has the name with its diacritics, the
score as a Vietnamese reader writes it and the rank; each page stays within a tolerance of its
golden image (tests/fixtures/golden/brief_store_*.png; refresh as test_brief_pdf.py says).
"""

from __future__ import annotations

import math
import os
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image, ImageChops
from pypdf import PdfReader
from store_fixture import BRIEFS, SOURCE, make_workspace
from typer.testing import CliRunner

from chiso.cli import app
from chiso.report import from_store
from chiso.report.pdf import brief_pdf
from chiso.store import db, runs
from chiso.web.app import create_app

runner = CliRunner()
GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "golden"
GOLDEN_DPI, MEAN_TOLERANCE, CHANGED_SHARE = 60, 1.5, 0.004
FIXED = "2026-12-02"


@pytest.fixture(scope="module")
def ws(tmp_path_factory):
    return make_workspace(tmp_path_factory.mktemp("report-store"))


def _cli(ws, *args: str):
    return runner.invoke(app, ["report", *args, "--data-dir", str(ws.settings.data_dir)])


def pdftotext(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                         text=True).stdout
    return " ".join(out.split())


@pytest.fixture(scope="module")
def briefs(ws, tmp_path_factory):
    """Each brief written by the command, with the model it was drawn from."""
    folder = tmp_path_factory.mktemp("briefs")
    out = {}
    for key, (unit, period, _what) in BRIEFS.items():
        path = folder / f"{key}.pdf"
        res = _cli(ws, "brief", unit, "--period", period, "--out", str(path))
        assert res.exit_code == 0, res.output
        with db.transaction(ws.engine) as s:
            run = runs.pick_run(s, period=period)
            model = from_store.brief_model(s, unit, run)
        out[key] = (path, model)
    return out


@pytest.mark.parametrize("key", list(BRIEFS))
def test_brief_from_the_store_fits_a_sheet_and_says_name_score_and_rank(briefs, key) -> None:
    path, b = briefs[key]
    assert 1 <= len(PdfReader(path).pages) <= 2
    text = pdftotext(path)
    assert b.place.full_name in text and any(ch in b.place.full_name for ch in "áàảãạơưđâêôíịốớ")
    value = b.standing.score.value
    shown = f"{value:.4f}" if abs(value) <= 1 else f"{value:.2f}"
    assert shown.replace(".", ",") in text
    assert f"Xếp hạng {b.standing.rank}/{b.standing.of}" in text


def test_the_three_briefs_are_merged_not_merged_and_simulated(briefs) -> None:
    tn, hue, ls = (pdftotext(briefs[k][0]) for k in ("thai_nguyen", "hue", "lang_son"))
    assert "Tỉnh mới từ 1/7/2025, hợp nhất từ" in tn and "Bắc Kạn" in tn
    assert "hợp nhất" not in hue and "Chính thức" in hue
    assert briefs["lang_son"][1].simulated and "MP" in ls.split() and "Dữ liệu mô phỏng" in ls
    assert not briefs["thai_nguyen"][1].simulated and "MP" not in tn.split()


def test_leader_units_match_a_hand_computation_and_say_their_target(briefs) -> None:
    path, b = briefs["thai_nguyen"]
    text = pdftotext(path)
    # 1.799.489 × (80,2 − 72,4) / 100 = 140.360,1 → 140.361 smartphones, against the average
    assert math.ceil(1_799_489 * (80.2 - 72.4) / 100 - 1e-6) == 140_361
    assert ("Còn thiếu 140.361 thuê bao điện thoại thông minh để đạt 80,2 thuê bao/100 dân "
            "(trung bình cả nước)") in text
    # budget 45 tỷ ÷ 0,3 % = 15.000 tỷ; × (1 − 0,3) % = 105 tỷ; × (2 − 0,3) % = 255 tỷ
    assert ("Cần chi thêm 105 tỷ đồng cho CNTT để đạt 1,0 % chi ngân sách "
            "(mục tiêu quốc gia)") in text
    assert "Cần chi thêm 255 tỷ đồng cho CNTT để đạt 2,0 % chi ngân sách (mức dẫn đầu)" in text
    # 3.120 stations × (20 − 9) % = 343,2 → 344
    assert "Cần dùng chung thêm 344 trạm BTS để đạt 20,0 % (mục tiêu quốc gia)" in text
    assert "Dân số 1.799.489" in text and SOURCE.split(" (")[0] in text
    kinds = {s.kind: s for s in b.shortfalls}
    assert kinds["smartphones"].amount == 140_361 and kinds["smartphones"].goal.basis == \
        "national_average"
    assert kinds["shared_stations"].amount == 344
    assert round(kinds["it_budget"].base.value) == 15_000_000_000_000


def test_a_real_brief_leaves_simulated_figures_out(briefs) -> None:
    _path, b = briefs["hue"]
    assert not any(t.value.simulated for t in b.targets)
    assert not any(s.simulated for s in b.shortfalls)


def test_what_it_takes_in_the_brief_reaches_its_goal(briefs) -> None:
    b = briefs["thai_nguyen"][1]
    w = b.moves
    assert w is not None and w.exact and w.combined is not None and w.combined.reaches
    assert w.combined.rank <= w.goal_rank < w.rank
    assert "Cần thêm" in pdftotext(briefs["thai_nguyen"][0])


def _pages(pdf: Path) -> list[Image.Image]:
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(GOLDEN_DPI), "-gray", "-png", str(pdf), str(prefix)],
                   check=True)
    return [Image.open(p) for p in sorted(pdf.parent.glob(f"{prefix.name}-*.png"))]


@pytest.mark.parametrize("key", list(BRIEFS))
def test_store_brief_pages_match_their_golden_images(ws, briefs, key, tmp_path) -> None:
    _path, b = briefs[key]
    # the dates of the day the test runs are pinned, so the pages are the same every day
    b = replace(b, data_as_of=FIXED, generated=FIXED, run=replace(b.run, computed=FIXED))
    pdf = tmp_path / f"brief_store_{key}.pdf"
    pdf.write_bytes(brief_pdf(b, "vi"))
    pages = _pages(pdf)
    for number, page in enumerate(pages, start=1):
        golden = GOLDEN / f"brief_store_{key}_vi-{number}.png"
        if os.environ.get("CHISO_REFRESH_GOLDENS"):
            page.save(golden, optimize=True)
            continue
        assert golden.is_file(), f"no golden image {golden.name}; see test_brief_pdf.py"
        want = Image.open(golden).convert("L")
        assert want.size == page.size
        hist = ImageChops.difference(want, page.convert("L")).histogram()
        total = want.size[0] * want.size[1]
        mean = sum(level * n for level, n in enumerate(hist)) / total
        changed = sum(hist[65:]) / total
        assert mean <= MEAN_TOLERANCE and changed <= CHANGED_SHARE, (golden.name, mean, changed)
    assert len(list(GOLDEN.glob(f"brief_store_{key}_vi-*.png"))) == len(pages)


def _check_sheet(ws_) -> list[str]:
    headers = [c.value for c in ws_[1]]
    assert headers and all(isinstance(h, str) and h for h in headers)
    assert ws_.freeze_panes == "A2" and ws_.auto_filter.ref.startswith("A1:")
    return headers


def test_scorecard_workbook_round_trips_through_chiso_import(ws, tmp_path) -> None:
    path = tmp_path / "tn.xlsx"
    res = _cli(ws, "scorecard", "vn34-19", "--period", "2024", "--out", str(path))
    assert res.exit_code == 0, res.output
    book = load_workbook(path)
    sheet = book[book.sheetnames[0]]
    headers = _check_sheet(sheet)
    col = headers.index("Giá trị") + 1
    values = [sheet.cell(r, col) for r in range(2, sheet.max_row + 1)]
    assert len(values) >= 8 and all(c.data_type == "n" for c in values)
    names = [sheet.cell(r, headers.index("Tên đơn vị") + 1).value for r in range(2, 4)]
    assert names == ["Thái Nguyên", "Thái Nguyên"]
    # the published figures, read back as a publication, are the same figures: nothing changes
    back = runner.invoke(app, ["import", str(path), "--dry-run", "--publish",
                               "--data-dir", str(ws.settings.data_dir)])
    assert back.exit_code == 0, back.output
    assert f"0 mới / added, 0 sửa / revised, {len(values)} không đổi / unchanged" in \
        " ".join(back.output.split())


def test_ranking_workbook_and_pdf(ws, tmp_path) -> None:
    xlsx, pdf = tmp_path / "r.xlsx", tmp_path / "r.pdf"
    for out in (xlsx, pdf):
        res = _cli(ws, "ranking", "dti-province-2024", "--period", "2024", "--out", str(out))
        assert res.exit_code == 0, res.output
    sheet = load_workbook(xlsx).worksheets[0]
    headers = _check_sheet(sheet)
    assert sheet.max_row == 35 and headers[0] == "Xếp hạng"
    assert all(sheet.cell(r, 4).data_type == "n" for r in range(2, 36))
    text = pdftotext(pdf)
    assert "Thành phố Hà Nội" in text or "Hà Nội" in text
    assert len(PdfReader(pdf).pages) >= 1


@pytest.mark.parametrize(("args", "code", "words"), [
    (["brief", "vn34-99", "--period", "2024", "--out", "x.pdf"], 1,
     ("Không có đơn vị hành chính", "No administrative unit")),
    (["brief", "vn34-19", "--period", "1999", "--out", "x.pdf"], 1,
     ("Không có kết quả", "No results")),
    (["brief", "vn34-19", "--period", "2024", "--out", "x.docx"], 2, (".pdf",)),
    (["brief", "vn34-19", "--period", "2024", "--lang", "fr", "--out", "x.pdf"], 2, ("vi",)),
    (["ranking", "dti-province-2024", "--period", "2024", "--out", "x.csv"], 2, (".xlsx",)),
])
def test_report_commands_refuse_in_both_languages(ws, tmp_path, args, code, words) -> None:
    args = [a if not a.startswith("x.") else str(tmp_path / a) for a in args]
    res = _cli(ws, *args)
    assert res.exit_code == code, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    text = " ".join(res.output.split())
    assert all(w in text for w in words), res.output
    assert "Traceback" not in res.output


def test_web_serves_the_documents_with_their_content_types(ws) -> None:
    from fastapi.testclient import TestClient

    with TestClient(create_app(ws.settings, cache=False)) as c:
        pdf = "application/pdf"
        xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        for url, kind in [("/province/vn34-19/brief.pdf?period=2024", pdf),
                          ("/province/vn34-20/brief.pdf?period=2025&lang=en", pdf),
                          ("/province/vn34-19/scorecard.xlsx?period=2024", xlsx),
                          ("/ranking.pdf?period=2024", pdf), ("/ranking.xlsx?period=2024", xlsx)]:
            r = c.get(url)
            assert r.status_code == 200 and r.headers["content-type"] == kind, url
            assert r.content[:4] == (b"%PDF" if kind == pdf else b"PK\x03\x04")
        r = c.get("/province/vn34-19/brief?period=2024")
        assert r.status_code == 200 and "Tỉnh Thái Nguyên" in r.text and "report.css" in r.text
        assert c.get("/report-assets/templates/report.css").headers["content-type"].startswith(
            "text/css")
        assert c.get("/province/vn34-99/brief.pdf").status_code == 404
        page = c.get("/province/vn34-19?run=3").text
        for link in ("/province/vn34-19/brief.pdf?run=3", "/province/vn34-19/scorecard.xlsx?run=3",
                     "data-testid=\"simulator\"", "/province/vn34-19/card?run=3"):
            assert link in page
        assert "/ranking.pdf?run=3" in c.get("/?run=3").text
        card = c.get("/province/vn34-46/card?period=2024")
        assert card.status_code == 200 and "Thành phố Huế" in card.text
