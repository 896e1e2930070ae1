"""A figure reads the same however its spaces and lines were typed (issue 15): web pages write
no-break spaces ("70,8&nbsp;%"), word processors runs of spaces, Windows files CR LF, and PDFs
wrap their lines at a width, inside sentences. Each variant of a generated report must give the
figures the plain text gives."""

from __future__ import annotations

import textwrap

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
