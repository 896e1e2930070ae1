"""A ranking table copied a cell a line with the province first (issue 15): "1 / TP. Đà Nẵng /
1.0000 / 0.9000 / ...", under header lines naming the columns. Each value is its row's
province's, of the column its header names; the row's number is its rank when the first header
says it ranks."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract import extract_text

PROVINCES = ["Quảng Ninh", "Hải Phòng", "Bắc Ninh", "TP. Đà Nẵng", "TP. Cần Thơ", "Lào Cai",
             "Nghệ An", "Đồng Tháp", "Bình Dương", "Thừa Thiên - Huế"]
UNIT = {"TP. Đà Nẵng": "Đà Nẵng", "TP. Cần Thơ": "Cần Thơ", "Thừa Thiên - Huế": "Thừa Thiên Huế"}
PILLARS = [("Chính quyền số", "dti_digital_government_score"),
           ("Kinh tế số", "dti_digital_economy_score"),
           ("Xã hội số", "dti_digital_society_score")]


def _table(provinces: list[str], values: list[list[float]], numbered: bool) -> str:
    head = ["Bảng xếp hạng Chỉ số chuyển đổi số cấp tỉnh năm 2023",
            "Xếp hạng" if numbered else "Tỉnh, thành phố", "Tỉnh, thành phố"][:2 if numbered else 1]
    for label, _ in PILLARS:
        head += ["Chỉ số", label]
    head.append("Chỉ số DTI")
    rows: list[str] = []
    for i, (p, vs) in enumerate(zip(provinces, values), 1):
        rows += ([str(i)] if numbered else []) + [p] + [f"{v:.4f}" for v in vs]
    return "\n".join(head + rows + ["Nguồn: Bộ Khoa học và Công nghệ."])


def _sure(text: str) -> set[tuple]:
    return {(c.unit, c.indicator, c.value) for c in extract_text(text, "t.txt")
            if c.placed}


SCORES = st.floats(0.2, 0.99, allow_nan=False).map(lambda x: round(x, 4))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(PROVINCES), min_size=2, max_size=6, unique=True),
       st.data(), st.booleans())
def test_each_value_is_its_rows_province_of_its_column(provinces, data, numbered):
    values = [data.draw(st.lists(SCORES, min_size=4, max_size=4)) for _ in provinces]
    got = _sure(_table(provinces, values, numbered))
    codes = [code for _, code in PILLARS] + ["dti_score"]
    for i, (p, vs) in enumerate(zip(provinces, values), 1):
        unit = UNIT.get(p, p)
        for code, v in zip(codes, vs):
            assert (unit, code, v) in got
        if numbered:
            assert (unit, "dti_rank", i) in got
    assert all(c[0] != "Việt Nam" for c in got)


def test_a_row_short_of_a_cell_is_not_placed():
    # a blank cell the copy dropped: the row cannot be placed column by column
    text = _table(["Quảng Ninh", "Hải Phòng", "Bắc Ninh"],
                  [[0.81, 0.72, 0.63, 0.74], [0.8, 0.7, 0.6, 0.7], [0.79, 0.69, 0.59, 0.69]], True)
    short = text.replace("0.7000\n", "", 1)
    got = _sure(short)
    assert ("Quảng Ninh", "dti_digital_government_score", 0.81) in got
    assert not any(u == "Hải Phòng" and code == "dti_digital_economy_score" for u, code, _ in got)


def test_the_development_ranking_table_reads_the_same_a_cell_a_line():
    # the corpus's DTI 2022 table (a row a line) copied a cell a line scores as it does
    sys.path.insert(0, str(Path(__file__).parent))
    import corpus

    doc = next(d for d in corpus.MANIFEST if d["doc"] == "dti-bang-xep-hang-2022.txt")
    row = re.compile(r"^(\d{1,2}) (\D+?) ((?:\d[\d.]*\s*)+)$")

    def cells(text: str) -> str:
        out: list[str] = []
        for line in text.split("\n"):
            m = row.match(line)
            out += [m.group(1), m.group(2), *m.group(3).split()] if m else [line]
        return "\n".join(out)

    text = corpus.text_of(doc)
    assert cells(text).count("\n") > text.count("\n") + 15
    as_rows = {(c.unit, c.indicator, c.value) for c in extract_text(text, doc["doc"])
               if c.placed}
    as_cells = {(c.unit, c.indicator, c.value) for c in extract_text(cells(text), doc["doc"])
                if c.placed}
    assert as_cells == as_rows


SUB_INDICES = ["Gia nhập thị trường", "Tiếp cận đất đai", "Tính minh bạch", "Chi phí thời gian",
               "Chi phí không chính thức", "Cạnh tranh bình đẳng", "Tính năng động",
               "Chính sách hỗ trợ doanh nghiệp", "Đào tạo lao động", "Thiết chế pháp lý"]


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from(PROVINCES[:8]), min_size=2, max_size=5, unique=True),
       st.integers(0, len(SUB_INDICES)), st.data())
def test_a_pci_table_a_cell_a_line_reads_its_score_and_rank_not_its_sub_indices(
        provinces, subs, data):
    # every cell a line, the header too: "Tỉnh / Gia nhập thị trường / ... / Điểm số PCI /
    # Bảng xếp hạng / Xếp loại PCI", then "Quảng Ninh / 7.98 / ... / 73.02 / 1 / Rất tốt"
    lines = ["Bảng chỉ số PCI năm 2021", "Tỉnh", *SUB_INDICES[:subs], "Điểm số PCI",
             "Bảng xếp hạng", "Xếp loại PCI"]
    want = set()
    for rank, p in enumerate(provinces, 1):
        parts = data.draw(st.lists(st.integers(500, 899), min_size=subs, max_size=subs))
        score = round(74 - rank * 0.61, 2)
        lines += [p, *[f"{v / 100:.2f}" for v in parts], f"{score:.2f}", str(rank),
                  "Rất tốt" if rank == 1 else "Tốt"]
        want |= {(UNIT.get(p, p), "pci_score", score), (UNIT.get(p, p), "pci_rank", rank)}
    got = _sure("\n".join(lines))
    assert got == want
