"""The ranking report: the national table with main indices, rank intervals and changes, a map
of every province, and the methodology, within two A4 pages."""

from __future__ import annotations

import subprocess

from pypdf import PdfReader
from report_fixture import ranking
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from chiso.report.charts import classes
from chiso.report.pdf import ranking_pdf
from chiso.report.render import ranking_html


def test_ranking_report_has_the_table_the_map_and_the_method(tmp_path) -> None:
    r = ranking()
    path = tmp_path / "ranking.pdf"
    path.write_bytes(ranking_pdf(r, "vi"))
    assert len(PdfReader(path).pages) <= 2
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], check=True,
                                   capture_output=True, text=True).stdout.split())
    assert "Bảng xếp hạng chuyển đổi số cấp tỉnh 2024" in text
    top = r.rows[0]
    assert f"{top.name} {top.score.value:.4f}".replace(".", ",") in text
    assert "Khoảng hạng 5–95 %" in text and "PHƯƠNG PHÁP TÍNH" in text  # h2 is upper case
    assert "Hoàng Sa" in text and "Trường Sa" in text


def test_map_colours_every_province_of_the_ranking() -> None:
    r = ranking()
    tree = HTMLParser(ranking_html(r, "en"))
    paths = tree.css("svg[aria-label=map] path")
    # 34 provinces and the two archipelagos drawn as their provinces' parts
    assert len(paths) == 36
    assert all(p.attributes["fill"] != "#eeeeee" for p in paths)
    assert len(tree.css("table.rank-table tr")) == 35


def test_quantile_classes_cover_every_value() -> None:
    values = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]
    breaks = classes(values)
    assert breaks == sorted(breaks) and breaks[-1] == 1.0
    assert all(any(v <= b for b in breaks) for v in values)
