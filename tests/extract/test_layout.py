"""A figure reads the same however its spaces and lines were typed (issue 15): web pages write
no-break spaces ("70,8&nbsp;%"), word processors runs of spaces, Windows files CR LF, and PDFs
wrap their lines at a width, inside sentences. Each variant of a generated report must give the
figures the plain text gives."""

from __future__ import annotations

import re
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract import extract_text

PROVINCES = ["Nghệ An", "Đắk Lắk", "Quảng Ninh", "Cà Mau", "Lào Cai", "Thái Nguyên", "Bến Tre"]
FIGURES = [
    "tỷ lệ hộ gia đình có kết nối internet cáp quang băng rộng đạt {v}%",
    "tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến đạt {v}%",
    "tỷ lệ dân số trưởng thành có điện thoại thông minh đạt {v}%",
    "kinh tế số chiếm {v}% GRDP của tỉnh",
    "tỷ lệ thôn, bản được phủ sóng mạng di động 4G đạt {v}%",
]
FILLER = ("Trong thời gian qua, các cơ quan, đơn vị đã tích cực triển khai nhiều giải pháp đồng bộ "
          "nhằm thúc đẩy chuyển đổi số trên địa bàn, nâng cao chất lượng phục vụ người dân và "
          "doanh nghiệp.")


def _report(province: str, values: list[float]) -> str:
    paras = [f"Báo cáo kết quả chuyển đổi số năm 2024 của tỉnh {province}."]
    for k, v in enumerate(values):
        said = FIGURES[k % len(FIGURES)].format(v=f"{v:.1f}".replace(".", ","))
        paras.append(f"{FILLER} Đến hết năm 2024, {said}.")
    return "\n".join(paras)


def _read(text: str) -> set[tuple]:
    return {(c.unit, c.indicator, c.kind, c.value, c.year, c.target_year)
            for c in extract_text(text, "t.txt") if c.matched and not c.needs_look}


VALUES = st.lists(st.floats(10, 99, allow_nan=False).map(lambda x: round(x, 1)),
                  min_size=4, max_size=5)


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), VALUES)
def test_no_break_spaces_runs_of_spaces_and_crlf_read_as_plain_text(province, values):
    plain = _report(province, values)
    want = _read(plain)
    assert len(want) >= 4
    assert _read(plain.replace(" ", "\u00a0")) == want
    assert _read(plain.replace("%", "\u202f%").replace(" đạt ", "  đạt  ")) == want
    assert _read(plain.replace("\n", "\r\n")) == want


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), VALUES, st.integers(60, 110))
def test_a_report_wrapped_at_a_width_reads_as_its_paragraphs(province, values, width):
    plain = _report(province, values)
    wrapped = "\n".join("\n".join(textwrap.wrap(p, width)) for p in plain.split("\n"))
    assert wrapped.count("\n") > plain.count("\n") + 4
    assert _read(wrapped) == _read(plain)


def test_a_table_a_row_a_line_is_not_read_as_wrapped_lines():
    rows = ["Tỉnh Gia nhập thị trường Tiếp cận đất đai Tính minh bạch Điểm số PCI Xếp hạng",
            "Bảng chỉ số PCI năm 2021"]
    table = "\n".join([rows[1], rows[0]] + [
        f"{name} 7.{k}8 7.{k}9 6.{k}1 {73 - k}.02 {k + 1} Tốt" for k, name in enumerate(
            ["Quảng Ninh", "Hải Phòng", "Đồng Tháp", "Đà Nẵng", "Vĩnh Phúc", "Bình Dương",
             "Bắc Ninh", "Hà Nội"])])
    from chiso.extract.read import normal_text

    assert normal_text(table) == table


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), VALUES, st.sampled_from([2025, 2026, 2030]))
def test_blank_lines_between_paragraphs_read_as_one_break(province, values, year):
    # a plan's list of aims under its heading, as a web page spaces it out
    aims = [FIGURES[k % len(FIGURES)].format(v=f"{v:.1f}".replace(".", ",")).replace(" đạt ", " ")
            for k, v in enumerate(values)]
    plain = (f"Kế hoạch chuyển đổi số của tỉnh {province}.\nMục tiêu cụ thể đến năm {year}:\n"
             + "\n".join(f"- {a[:1].upper()}{a[1:]};" for a in aims))
    want = _read(plain)
    assert {(kind, ty) for _u, _i, kind, _v, _y, ty in want} == {("target", year)}
    assert _read(plain.replace("\n", "\n\n")) == want
    assert _read(plain.replace("\n", "\n \n\t\n")) == want


def test_the_development_reports_read_the_same_spaced_out_or_typed_otherwise():
    # real reports (the corpus's development part): blank lines between paragraphs (a plan
    # flattened from a PDF read differently before), no-break spaces, CR LF, en dashes in ranges
    from corpus import part, text_of

    def read(d: dict, text: str) -> set[tuple]:
        return {(c.unit, c.indicator, c.kind, c.value, c.target_year)
                for c in extract_text(text, d["doc"], unit_hint=d.get("unit_hint"),
                                      source=d["url"]) if c.matched and not c.needs_look}

    changed = []
    for d in part("dev"):
        text = text_of(d)
        want = read(d, text)
        for variant in (text.replace("\n", "\n\n"), text.replace(" ", "\u00a0"),
                        text.replace("\n", "\r\n"),
                        re.sub(r"(?<=\d)-(?=\d)|(?<=\d )-(?= \d)", "\u2013", text),
                        re.sub(r"\s?%", " phần trăm", text)):
            if read(d, variant) != want:
                changed.append(d["doc"])
    assert not changed


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(10, 40), st.integers(45, 60),
       st.sampled_from(["\u2013", "\u2012", "\u2212", "\u2010"]), st.booleans())
def test_a_range_reads_the_same_whatever_dash_it_is_typed_with(province, low, high, dash,
                                                               spaced):
    sep = f" {dash} " if spaced else dash
    text = (f"Nghị quyết của tỉnh {province}: phấn đấu đến năm 2030, kinh tế số chiếm "
            f"{low}{sep}{high}% GRDP; giai đoạn 2026{sep}2030 tăng trưởng bình quân 8%/năm.")
    assert _read(text) == _read(text.replace(dash, "-"))
    got = [c for c in extract_text(text, "t.txt") if c.indicator == "digital_economy_grdp_share"]
    assert [(c.value, c.value_high, c.target_year) for c in got] == [(low, high, 2030)]


@pytest.mark.parametrize("title, unit", [
    ("TỈNH THANH HÓA ĐẨY MẠNH CHUYỂN ĐỔI SỐ", "Thanh Hóa"),
    ("KHÁNH HÒA: KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2024", "Khánh Hòa"),
    ("HÒA BÌNH PHỦ SÓNG 4G ĐẾN CÁC THÔN", "Hoà Bình"),
])
def test_a_province_named_in_a_title_in_capitals_is_the_reports(title, unit):
    # official titles are written in capitals; the tone on "oa" is written on either vowel
    text = f"{title}\nTỷ lệ hộ gia đình có kết nối internet cáp quang băng rộng đạt 71,5%."
    got = [c for c in extract_text(text, "t.txt") if c.matched]
    assert [(c.unit, c.value) for c in got] == [(unit, 71.5)]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(PROVINCES), VALUES, st.sampled_from(["\u00a0", "  ", "\r\n", "\n\n"]),
       st.integers(60, 110))
def test_quotes_and_spans_are_the_report_as_written(province, values, odd, width):
    # the text is read with its spaces and lines made plain, but a reviewer checks the report's
    # own words: each quote is cut from the text as written and each span points into it
    plain = _report(province, values).replace(" 2024", f"{odd}2024").replace("%", "\u2009%")
    written = "\n".join("\n".join(textwrap.wrap(p, width)) for p in plain.split("\n"))
    got = [c for c in extract_text(written, "t.txt") if c.matched]
    assert len(got) >= 4
    for c in got:
        assert written[c.quote_start:c.quote_start + len(c.quote)] == c.quote
        assert c.quote_start <= c.span[0] <= c.span[1] <= c.quote_start + len(c.quote)
        assert f"{c.value:.1f}".replace(".", ",") in written[c.span[0]:c.span[1]]


_FIRST_VOWEL = {"oá": "óa", "oà": "òa", "oả": "ỏa", "uỷ": "ủy", "uý": "úy", "oạ": "ọa"}


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["Thanh Hoá", "Khánh Hoà", "Hoà Bình"]), st.integers(50, 99),
       st.integers(20, 99), st.booleans())
def test_the_tone_on_either_vowel_reads_the_same(province, digitised, invoices, first):
    # "số hóa" and "số hoá", "Hòa Bình" and "Hoà Bình": both spellings are in use
    text = (f"Tỉnh {province}: tỷ lệ số hoá hồ sơ, kết quả giải quyết thủ tục hành chính đạt "
            f"{digitised}%; {invoices}% doanh nghiệp sử dụng hoá đơn điện tử.")
    other = re.sub("(?:" + "|".join(_FIRST_VOWEL) + r")(?!\w)",
                   lambda m: _FIRST_VOWEL[m.group(0)], text) if first else text
    assert _read(other) == _read(text)
    assert {i for _u, i, *_ in _read(text)} == {"dossier_digitisation_share",
                                                  "e_invoice_enterprises_share"}


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(10_000, 90_000), st.integers(90, 99))
def test_a_line_wrapped_before_a_number_goes_on(province, dossiers, share):
    # a PDF's line ending in a lower-case word and the next opening with the number
    count = f"{dossiers:,}".replace(",", ".")
    text = (f"Báo cáo của tỉnh {province} năm 2024.\nTrên Hệ thống thông tin giải quyết TTHC của "
            f"tỉnh, cấp tỉnh thực hiện số hoá\n{count} hồ sơ đầu vào, tỷ lệ số hoá hồ sơ đạt "
            f"{share}%.")
    from chiso.extract.read import normal_text

    assert "số hoá " + count in normal_text(text)


def test_a_title_then_a_paragraph_opening_with_a_number_stay_two_lines():
    text = ("Ấn tượng với quyết tâm chuyển đổi số ở Bình Dương năm nay\n100% hồ sơ công việc tại "
            "cấp tỉnh được xử lý trên môi trường mạng.")
    from chiso.extract.read import normal_text

    assert normal_text(text) == text


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), VALUES, st.sampled_from([" phần trăm", "phần trăm",
                                                            " Phần trăm"]))
def test_per_cent_written_in_words_reads_as_the_sign(province, values, words):
    # "đạt 70,8 phần trăm": news and speeches write the sign out; the quote keeps the words
    plain = _report(province, values)
    written = plain.replace("%", words)
    assert _read(written) == _read(plain)
    for c in extract_text(written, "t.txt"):
        if c.matched:
            assert written[c.span[0]:c.span[1]].endswith(words.strip())


def test_percentage_points_in_words_are_no_share():
    # "tăng 2,5 điểm phần trăm" is a change of a share, not a share of 2.5 %
    text = ("Tỉnh Nghệ An: tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến "
            "đạt 64,2 phần trăm, tăng 2,5 điểm phần trăm so với năm 2023.")
    got = [(c.indicator, c.value) for c in extract_text(text, "t.txt") if c.matched]
    assert ("online_dossiers_share", 64.2) in got
    assert all(v != 2.5 for _, v in got)


def _english(text: str) -> str:
    """`text` with its numbers typed the English way: "70.8%", "1,204"."""
    return re.sub(r"\d[\d.,]*\d", lambda m: m.group(0).translate(str.maketrans(".,", ",.")), text)


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), VALUES, st.integers(1_001, 999_999))
def test_numbers_typed_the_english_way_read_as_vietnamese(province, values, subscribers):
    # a page typing "70.8%" and "1,204 trạm" means the figures a Vietnamese page types
    # "70,8%" and "1.204 trạm"
    plain = (_report(province, values)
             + f"\nToàn tỉnh có {subscribers:,} thuê bao Internet.".replace(",", "."))
    english = _english(plain)
    assert _read(english) == _read(plain)
    assert any(c.value == subscribers for c in extract_text(english, "t.txt") if c.matched)


@pytest.mark.parametrize("written, value", [
    ("Tỉnh Lai Châu có 2,021 thiết bị trạm BTS.", 2021),
    ("Tỉnh Điện Biên có 1,090 vị trí trạm thu phát sóng BTS.", 1090),
    ("Đồng Tháp giải ngân 139,261 tỷ đồng cho chuyển đổi số.", 139_261_000_000),
    ("Chỉ số DTI của tỉnh Nghệ An năm 2023 đạt 0,485.", 0.485),
    ("Tỷ lệ hộ gia đình có cáp quang của tỉnh Cà Mau đạt 81,125%.", 81.125),
])
def test_a_comma_before_three_digits_groups_thousands_only_in_a_count(written, value):
    # Vietnamese writes a decimal comma, but no count is a fraction: "2,021 thiết bị" is
    # 2,021 devices typed the English way, while money, an index and a share keep the decimal
    got = [c.value for c in extract_text(written, "t.txt") if c.matched]
    assert got == [value]


def test_a_vietnamese_report_with_a_table_in_dot_decimals_keeps_its_comma_decimals():
    # the corpus's PCI and DTI tables write "70.76" inside Vietnamese prose: "68,5%" says the
    # text is Vietnamese, so "1,5 lần" stays one and a half
    text = ("Tỉnh Đồng Tháp: chỉ số PCI năm 2021 đạt 70.53 điểm, xếp thứ 3. Tỷ lệ hồ sơ trực "
            "tuyến đạt 68,5%, gấp 1,5 lần năm trước.\nĐồng Tháp 7.73 7.26 6.94 70.53 3 Tốt")
    from chiso.extract.read import normal_text

    assert normal_text(text) == text


_TABLE_ROW = re.compile(r"^(?:\d{1,2}\.? )?[^\d\n]{0,80}?(?: [-+]?\d[\d.,]*%?){3,}"
                        r"(?: (?:Rất tốt|Tốt|Khá|Trung bình|Đạt|Vượt|Không đạt))?$")
_CELL_GAP = re.compile(r" (?=[-+]?\d[\d.,]*%?(?: |$))|(?<=\d) (?=\D)")


def test_the_development_tables_read_the_same_with_cells_between_tabs_or_pipes():
    # a row pasted from a spreadsheet has tabs between its cells, a .docx's or a web page's
    # table pipes ("Quảng Ninh | 72.95 | 1 | Rất tốt"): the corpus's tables, a row a line,
    # typed so must give the figures they give with spaces
    from corpus import part, text_of

    def read(d: dict, text: str) -> set[tuple]:
        return {(c.unit, c.indicator, c.kind, c.value, c.target_year)
                for c in extract_text(text, d["doc"], unit_hint=d.get("unit_hint"),
                                      source=d["url"]) if c.matched and not c.needs_look}

    changed, tables = [], 0
    for d in part("dev"):
        text = text_of(d)
        lines = text.split("\n")
        if not any(_TABLE_ROW.match(line) for line in lines):
            continue
        tables += 1
        want = read(d, text)
        for sep in ("\t", " | "):
            typed = "\n".join(_CELL_GAP.sub(sep, line) if _TABLE_ROW.match(line) else line
                              for line in lines)
            if read(d, typed) != want:
                changed.append((d["doc"], repr(sep)))
    assert tables >= 4 and not changed
