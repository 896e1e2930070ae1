"""Reading reports: text in any encoding, HTML main text, DOCX, PDF; clear errors otherwise."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.errors import ExtractionError
from chiso.extract import extract_text
from chiso.extract import read as rd

SENTENCE = "Tỷ lệ phủ sóng 4G của tỉnh Bắc Ninh đạt 99,5% trong năm 2023."


def _cp1258(text: str) -> bytes:
    """Windows-1258 writes tones as combining marks after the letter."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in d if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
            out += (base + tones).encode("cp1258")
    return out


def test_text_in_legacy_encodings(tmp_path: Path):
    for enc in ("utf-8", "utf-8-sig", "utf-16", "cp1258"):
        p = tmp_path / f"r-{enc}.txt"
        body = (SENTENCE + "\n") * 20
        p.write_bytes(_cp1258(body) if enc == "cp1258" else body.encode(enc))
        doc = rd.read_document(p)
        assert "99,5%" in doc.text and "Bắc Ninh" in doc.text, enc


def test_html_main_text_without_menus_and_scripts(tmp_path: Path):
    html = f"""<!doctype html><html><head><title>T</title><script>var x = "50%";</script></head>
    <body><nav>Trang chủ 10% giảm giá</nav><article><h1>Bắc Ninh</h1><p>{SENTENCE}</p></article>
    <footer>© 2024</footer></body></html>"""
    p = tmp_path / "r.html"
    p.write_text(html, encoding="utf-8")
    text = rd.read_document(p).text
    assert SENTENCE in text and "50%" not in text and "giảm giá" not in text


def test_a_web_page_with_no_break_spaces_reads_its_figures_and_quotes_them_as_written():
    # pages write "&nbsp;" between a number and its unit and around words: read as spaces, the
    # quote is still the page's text
    said = "Tỷ lệ phủ sóng 4G của tỉnh Bắc Ninh đạt 99,5 % trong năm 2023.".replace(" ", "&nbsp;")
    html = f"<!doctype html><html><body><article><p>{said}</p></article></body></html>"
    doc = rd.read_bytes(html.encode("utf-8"), "r.html")
    got = [c for c in extract_text(doc.text, doc.name) if c.matched]
    assert [(c.unit, c.value) for c in got] == [("Bắc Ninh", 99.5)]
    assert got[0].quote in doc.text and "\u00a0" in got[0].quote


def test_docx(tmp_path: Path):
    import docx

    d = docx.Document()
    d.add_paragraph("Bắc Ninh")
    d.add_paragraph(SENTENCE)
    p = tmp_path / "r.docx"
    d.save(p)
    rows = [c for c in extract_text(rd.read_document(p).text, "r.docx") if c.matched]
    assert [(c.unit, c.indicator, c.value) for c in rows] == [("Bắc Ninh", "coverage_4g_pop", 99.5)]


def test_pdf(tmp_path: Path):
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(200, 200)
    buf = io.BytesIO()
    w.write(buf)
    p = tmp_path / "blank.pdf"
    p.write_bytes(buf.getvalue())
    with pytest.raises(ExtractionError) as err:  # a PDF with no text layer: say OCR is needed
        rd.read_document(p)
    assert "OCR" in str(err.value)


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [("empty.txt", b"", "empty"), ("blank.txt", b"  \n\t ", "empty"),
     ("img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
     ("bad.docx", b"PK\x03\x04 not really a zip", "damaged"),
     ("bad.pdf", b"%PDF-1.4 garbage", "damaged")],
)
def test_unreadable_files_give_a_clear_extraction_error(tmp_path: Path, name: str, data: bytes,
                                                        words: str):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(ExtractionError) as err:
        rd.read_document(p)
    assert words in str(err.value) and name in str(err.value)


def test_missing_and_huge_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    with pytest.raises(ExtractionError, match="no such file"):
        rd.read_document(tmp_path / "nope.txt")
    p = tmp_path / "big.txt"
    p.write_text(SENTENCE * 100, encoding="utf-8")
    monkeypatch.setattr(rd, "MAX_BYTES", 1000)
    with pytest.raises(ExtractionError, match="too large"):
        rd.read_document(p)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789.,%/-–~() :;\nabcđơnhtỷệuáàạăâêôưĐBTHN") +
                                ["Bến Tre", "mức độ ", "tỷ lệ ", "DVCTT",
                                 " năm 2020", "hơn ", "4G"]),
                max_size=120).map("".join))
def test_extraction_never_crashes_on_odd_text(text: str):
    for c in extract_text(text, "fuzz.txt"):
        assert 0 <= c.span[0] <= c.span[1] <= len(text)
        assert c.qualifier in ("eq", "approx", "gt", "lt", "ge", "le")


_ETH = str.maketrans({"Đ": "\u00d0", "đ": "\u00f0"})


@pytest.mark.parametrize("sentence", [
    "Tỉnh Bình Định có tỷ lệ hồ sơ trực tuyến đạt 92,5% trong năm 2024.",
    "Đắk Lắk: tỷ lệ dân số trưởng thành có điện thoại thông minh đạt 85%.",
    "Tỷ lệ hộ gia đình có internet cáp quang của tỉnh Điện Biên đạt 70,2%.",
])
def test_the_eth_typed_for_d_with_stroke_reads_as_it(sentence):
    # pages type the Icelandic eth "Ð"/"ð" for "Đ"/"đ" ("Bình Ðịnh"): they look alike
    written = sentence.translate(_ETH)
    assert written != sentence
    want = [c.as_row() for c in extract_text(sentence, "a.txt") if c.matched]
    assert want and [c.as_row() for c in extract_text(written, "a.txt") if c.matched] == want
    assert rd.normal_text(written) == sentence


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="\t\r\n \u00a0\u2000\u2001\u2002"
                                      "\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                                      "\u200b\u202f\u205f\u3000\ufeff\u00ad\u2060"),
               max_size=40))
def test_normal_text_keeps_offsets_after_nfc(text):
    # one letter for one, but for the spaces and line ends it reads as one space or newline (a
    # tab is a space: "\t\t" reads as one, so the alphabet leaves it out as it does the others)
    nfc = unicodedata.normalize("NFC", text)
    assert len(rd.normal_text(text)) == len(nfc)
    assert "\u00d0" not in rd.normal_text(text) and "\u00f0" not in rd.normal_text(text)


_PIECES = ["Tỉnh Bến Tre", " đạt", " 98,5%", "\n", "\r\n", "  ", "\u00a0", " các xã", "; ", ". ",
           "- ", "\t", "\u200b", "1. ", "Quảng Ninh 7.98 7.39 6.31 73.02 1", "x" * 45]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_normal_text_is_read_the_same_twice(text):
    # a report's text as stored is read again when it is extracted: the reading must not move
    once = rd.normal_text(text)
    assert rd.normal_text(once) == once
    assert "\r" not in once and "  " not in once and "\u00a0" not in once


def test_a_docx_table_is_read_under_its_heading_a_row_a_line(tmp_path: Path):
    # a ranking table in a Word report: its heading paragraph above it names the index and the
    # year, the paragraph after it is prose; the table is read where it stands, its cells
    # between pipes as a row's cells, a merged title cell once
    import docx

    d = docx.Document()
    d.add_paragraph("Bảng xếp hạng PCI năm 2022")
    rows = [("Quảng Ninh", "72.95", "1", "Rất tốt"), ("Bắc Giang", "72.80", "2", "Tốt"),
            ("Hải Phòng", "70.76", "3", "Tốt")]
    t = d.add_table(rows=len(rows) + 2, cols=4)
    t.cell(0, 0).merge(t.cell(0, 3)).text = "Top 3 PCI 2022"
    for j, head in enumerate(["Tỉnh, Thành phố", "Điểm PCI", "Hạng", "Nhóm xếp hạng"]):
        t.cell(1, j).text = head
    for i, row in enumerate(rows, 2):
        for j, cell in enumerate(row):
            t.cell(i, j).text = cell
    d.add_paragraph("Các tỉnh còn lại được công bố trên trang pcivietnam.vn.")
    p = tmp_path / "pci.docx"
    d.save(p)
    text = rd.read_document(p).text
    assert "Top 3 PCI 2022 | Top 3" not in text
    assert text.index("Quảng Ninh") < text.index("Các tỉnh còn lại")
    got = {(c.unit, c.indicator, c.value) for c in extract_text(text, "pci.docx")
           if c.placed}
    want = {(u, "pci_score", float(s)) for u, s, _, _ in rows} | {
        (u, "pci_rank", int(r)) for u, _, r, _ in rows}
    assert got == want


def test_a_web_pages_table_is_read_a_row_a_line_with_its_headers():
    # a ranking table on a web page: its header cells (th) name the columns, its rows are read
    # a line each where the table stands, a cell's paragraph once; a page laid out in a table of
    # long cells is still read as its paragraphs
    rows = [("Quảng Ninh", "72.95", "1"), ("Bắc Giang", "72.80", "2"), ("Hải Phòng", "70.76", "3")]
    body = "".join(f"<tr><td><p>{u}</p></td><td>{s}</td><td>{r}</td></tr>" for u, s, r in rows)
    long = "Trong thời gian qua, các cơ quan đã tích cực triển khai nhiều giải pháp. " * 6
    html = ("<html><body><table><tr><td><article><h1>Bảng xếp hạng PCI năm 2022</h1>"
            f"<p>{long}</p><table><thead><tr><th>Tỉnh, Thành phố</th><th>Điểm PCI</th>"
            f"<th>Hạng</th></tr></thead><tbody>{body}</tbody></table>"
            "<p>Các tỉnh còn lại được công bố trên trang pcivietnam.vn.</p></article></td></tr>"
            "</table></body></html>")
    doc = rd.read_bytes(html.encode("utf-8"), "pci.html")
    assert "Tỉnh, Thành phố | Điểm PCI | Hạng\nQuảng Ninh | 72.95 | 1" in doc.text
    assert doc.text.count("Bắc Giang") == 1 and doc.text.count(long.strip()) == 1
    got = {(c.unit, c.indicator, c.value) for c in extract_text(doc.text, doc.name)
           if c.placed}
    assert got == {(u, "pci_score", float(s)) for u, s, _ in rows} | {
        (u, "pci_rank", int(r)) for u, _, r in rows}


def test_a_page_writing_its_article_in_divs_and_breaks_is_read_whole():
    # older portals write the article in <div>s and <br>s with a <p> here and there (a
    # caption): the text outside paragraphs is read too, a line at each block and break, an
    # inline <b> kept in its sentence
    html = ("<html><body><div class='content'><p>Ảnh: Sở KH&amp;CN</p>"
            "<div>Năm 2024, tỷ lệ hộ gia đình có kết nối internet cáp quang băng rộng của tỉnh "
            "Nghệ An đạt <b>81,5%</b>.<br>Tỷ lệ dân số trưởng thành có điện thoại thông minh "
            "đạt 86,2%.</div><div>Kinh tế số chiếm 12,1% GRDP của tỉnh.</div></div>"
            "</body></html>")
    doc = rd.read_bytes(html.encode("utf-8"), "p.html")
    assert "tỉnh Nghệ An đạt 81,5%.\nTỷ lệ dân số" in doc.text
    got = {(c.unit, c.value) for c in extract_text(doc.text, doc.name) if c.matched}
    assert got == {("Nghệ An", 81.5), ("Nghệ An", 86.2), ("Nghệ An", 12.1)}


def test_a_pdfs_running_heads_and_page_numbers_are_not_read(tmp_path: Path):
    # a report printed to PDF (WeasyPrint, as chiso prints its own): a running head with the
    # report's number and a page number on every page come out of the text layer between the
    # pages' lines; they are no figures, and the sentence they cut reads whole again
    import weasyprint

    filler = ("Trong thời gian qua, các cơ quan, đơn vị đã tích cực triển khai nhiều giải pháp "
              "đồng bộ nhằm thúc đẩy chuyển đổi số trên địa bàn tỉnh. ") * 8
    html = ("<html><head><style>@page { size: A5; margin: 2cm; "
            "@bottom-center { content: counter(page); } "
            "@top-right { content: 'Báo cáo số 12/BC-UBND'; } } "
            "body { font-family: DejaVu Sans; font-size: 10pt; }</style></head><body>"
            "<h1>Báo cáo kết quả chuyển đổi số năm 2024 của tỉnh Nghệ An</h1>"
            f"<p>{filler}</p><p>Tỷ lệ hộ gia đình có kết nối internet cáp quang băng rộng đạt "
            f"81,5%.</p><p>{filler}</p><p>Kinh tế số chiếm 12,1% GRDP của tỉnh.</p></body></html>")
    p = tmp_path / "r.pdf"
    p.write_bytes(weasyprint.HTML(string=html).write_pdf())
    doc = rd.read_document(p)
    assert "12/BC-UBND" not in doc.text
    got = [(c.unit, c.indicator, c.value) for c in extract_text(doc.text, doc.name)]
    assert got == [("Nghệ An", "fiber_households_share", 81.5),
                   ("Nghệ An", "digital_economy_grdp_share", 12.1)]
