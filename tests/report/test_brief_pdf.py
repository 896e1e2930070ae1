"""The province brief as a PDF: at most two A4 pages, the province's name with its diacritics,
score and rank as a Vietnamese reader writes them, the shipped fonts only, every simulated value
labelled, and each page within a tolerance of its golden image.

Goldens: tests/fixtures/golden/brief_<fixture>_<lang>-<page>.png, rendered by pdftoppm at
GOLDEN_DPI. A page matches when the mean absolute difference of its grey levels is at most
MEAN_TOLERANCE (of 255) and at most CHANGED_SHARE of its pixels differ by more than 64 levels:
anti-aliasing and a newer Pango move edges by a pixel, a moved or missing word does not pass.
Refresh them after an intended change of the layout with
    CHISO_REFRESH_GOLDENS=1 .venv/bin/python -m pytest tests/report/test_brief_pdf.py
and look at every page before committing them.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader
from report_fixture import BRIEFS
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from chiso.report.pdf import brief_pdf
from chiso.report.render import brief_html

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "golden"
GOLDEN_DPI = 60
MEAN_TOLERANCE = 1.5
CHANGED_SHARE = 0.004
CASES = [("thai_nguyen", "vi"), ("hue", "vi"), ("lang_son", "vi"), ("lang_son", "en")]


@pytest.fixture(scope="module")
def briefs():
    return {key: make() for key, make in BRIEFS.items()}


@pytest.fixture(scope="module")
def pdfs(briefs, tmp_path_factory) -> dict[tuple[str, str], Path]:
    out = {}
    folder = tmp_path_factory.mktemp("briefs")
    for key, lang in CASES:
        path = folder / f"brief_{key}_{lang}.pdf"
        path.write_bytes(brief_pdf(briefs[key], lang))
        out[(key, lang)] = path
    return out


def pdftotext(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                         text=True).stdout
    return " ".join(out.split())


@pytest.mark.parametrize(("key", "lang"), CASES)
def test_brief_fits_one_sheet_front_and_back(pdfs, key, lang) -> None:
    reader = PdfReader(pdfs[(key, lang)])
    assert 1 <= len(reader.pages) <= 2
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)  # A4


@pytest.mark.parametrize(("key", "lang"), CASES)
def test_brief_text_has_the_name_with_diacritics_score_and_rank(briefs, pdfs, key, lang) -> None:
    b = briefs[key]
    text = pdftotext(pdfs[(key, lang)])
    assert b.place.full_name in text
    score = f"{b.standing.score.value:.4f}"
    assert (score.replace(".", ",") if lang == "vi" else score) in text
    rank = f"{b.standing.rank}/{b.standing.of}"
    assert (f"Xếp hạng {rank}" if lang == "vi" else f"Rank {rank}") in text
    assert "Trang" in text if lang == "vi" else "Page" in text


def test_merged_province_says_what_it_was_formed_from(pdfs) -> None:
    text = pdftotext(pdfs[("thai_nguyen", "vi")])
    assert "Tỉnh mới từ 1/7/2025, hợp nhất từ Thái Nguyên, Bắc Kạn." in text
    assert "Thái Nguyên (cũ)" in text and "Bắc Kạn (cũ)" in text


def test_leader_units_are_written_with_their_sources(pdfs) -> None:
    text = pdftotext(pdfs[("thai_nguyen", "vi")])
    # 15.000 tỷ đồng × (1 − 0,2) % = 120 tỷ; × (2 − 0,2) % = 270 tỷ
    assert ("Cần chi thêm 120 tỷ đồng cho CNTT để đạt 1,0 % chi ngân sách "
            "(mục tiêu quốc gia)") in text
    assert "270 tỷ đồng" in text and "(mức dẫn đầu)" in text
    assert "Báo cáo tại buổi làm việc của Bộ TT&TT với tỉnh Thái Nguyên" in text


def test_simulated_brief_labels_every_value(briefs) -> None:
    b = briefs["lang_son"]
    for lang, tag in (("vi", "MP"), ("en", "SIM")):
        tree = HTMLParser(brief_html(b, lang))
        cells = [c for c in tree.css("td.n") if any(ch.isdigit() for ch in c.text())]
        assert cells
        # a target (≥ 1 %, 80 % by 2025) is a norm the ministry set, not a simulated figure
        unlabelled = [c.text() for c in cells if c.css_first("span.sim") is None
                      and "target" not in (c.attributes.get("class") or "")]
        assert unlabelled == []
        assert tree.css_first(".watermark") is not None and tag in tree.text()
        for box in tree.css(".standing .big"):
            assert box.css_first("span.sim") is not None


def test_a_real_brief_has_no_simulated_label(briefs) -> None:
    tree = HTMLParser(brief_html(briefs["thai_nguyen"], "vi"))
    assert tree.css("span.sim") == [] and tree.css_first(".watermark") is None


def test_brief_embeds_the_shipped_fonts_only(pdfs) -> None:
    out = subprocess.run(["pdffonts", str(pdfs[("lang_son", "vi")])], check=True,
                         capture_output=True, text=True).stdout.splitlines()[2:]
    names = {line.split()[0].split("+", 1)[-1] for line in out if line.strip()}
    assert names and names <= {"chiso-Sans", "chiso-Sans-Bold", "chiso-Sans-Italic",
                               "chiso-Math", "chiso-Shapes"}, names


def test_a_language_other_than_vi_or_en_is_refused(briefs) -> None:
    with pytest.raises(ValueError, match="vi or en"):
        brief_html(briefs["hue"], "fr")


def _pages(pdf: Path) -> list[Image.Image]:
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(GOLDEN_DPI), "-gray", "-png", str(pdf), str(prefix)],
                   check=True)
    return [Image.open(p) for p in sorted(pdf.parent.glob(f"{prefix.name}-*.png"))]


@pytest.mark.parametrize(("key", "lang"), CASES)
def test_brief_pages_match_their_golden_images(pdfs, key, lang) -> None:
    pages = _pages(pdfs[(key, lang)])
    for number, page in enumerate(pages, start=1):
        golden = GOLDEN / f"brief_{key}_{lang}-{number}.png"
        if os.environ.get("CHISO_REFRESH_GOLDENS"):
            GOLDEN.mkdir(parents=True, exist_ok=True)
            page.save(golden, optimize=True)
            continue
        assert golden.is_file(), f"no golden image {golden.name}; see this module's docstring"
        want = Image.open(golden).convert("L")
        assert want.size == page.size
        diff = ImageChops.difference(want, page.convert("L"))
        hist = diff.histogram()
        total = want.size[0] * want.size[1]
        mean = sum(level * n for level, n in enumerate(hist)) / total
        changed = sum(hist[65:]) / total
        assert mean <= MEAN_TOLERANCE and changed <= CHANGED_SHARE, (golden.name, mean, changed)
    assert len(list(GOLDEN.glob(f"brief_{key}_{lang}-*.png"))) == len(pages)
