"""Tables flattened into text: their headers give each value its indicator, kind and year.

Two shapes reports take when a table is copied from a web page or a PDF:

- **A row a line**: column headers on the lines above ("Chỉ số / Nhận thức số", "Chỉ số / Thể
  chế số", ...), then rows "1 TP. Đà Nẵng 1.0000 0.9000 ...": the k-th value of a row is of the
  k-th header that names an indicator, when the counts agree.
- **A cell a line**: a header of short lines ("Chỉ tiêu / Đề ra năm 2023 / Kết quả thực hiện /
  Đánh giá"), then for each row its label ("- Tỷ lệ hồ sơ trực tuyến ...", "+ Cấp tỉnh" under the
  label above it) and one line per cell ("30%", "75,3%", "Vượt"): a cell under "Đề ra năm 2023"
  is a target for 2023, under "Kết quả thực hiện" an actual figure.
- **Years across, a cell a line**: a header ending in years ("TT / Chỉ số / Thứ hạng qua các
  năm / 2021 / 2022 / 2023"), then for each row its number, its label and one line per year
  ("1 / PCI / 18 / 13 / 7"): each value is of its column's year, a rank when the header says so;
  or a row a line under a line of years ("Chỉ số | 2021 | 2022 | 2023" then "PCI | 18 | 13 | 7").
- **Rows a cell a line, a province first**: the same header lines, then for each row its rank
  or number on a line, its province on the next and one line per value ("1 / TP. Đà Nẵng /
  1.0000 / 0.9000 / ..."): the k-th value is of the k-th header that names an indicator, the
  province's; the number is the row's rank when the first header says it ranks ("Xếp hạng").
  A single column is read only under numbered rows that run on, across the lines grouping them
  by region ("I / Vùng Đồng bằng sông Hồng"); a header of aims for a year ("Mục tiêu tăng
  trưởng GRDP 2025 (%)") makes its values that year's aims, "(%)" percentages.
- **A table by year run into one line**: its headers, then rows each opening with its year
  ("Năm Điểm PAPI Xếp hạng cả nước Xếp hạng khu vực ... 2011 40,35 1 1 2012 40,62 1 1"): a
  value with decimals the index's score, a whole number its rank, the rank columns in the order
  the headers say them, a region's rank no index's value.
- **Years in a line over rows a line**: "Chỉ số | 2021 | 2022 | 2023" then "PCI | 18 | 13 | 7",
  each value of its column's year; "Chỉ tiêu | Đến năm 2025 | Đến năm 2030" (or years under a
  title of aims, "Mục tiêu cụ thể") gives each column the aim for its year, a title of results
  ("Kết quả thực hiện") results.
- **Provinces down the side**: a ranking table of provinces, a cell a line ("Địa phương / Điểm
  số PCI / Xếp hạng / Nhóm xếp hạng", then "Quảng Ninh / 73.40 / 1 / Rất tốt") or a row a line
  ("Tỉnh, Thành phố Điểm PCI Hạng Nhóm xếp hạng", then "Quảng Ninh 72.95 1 Rất tốt"): each value
  is its row's province's, of the index the headings name, a score or a rank as its column says,
  for the year the heading above says; a column of a sub-index the codebook does not hold
  ("Gia nhập thị trường") is no index's value.

`read` returns, by the document offset where a value starts, what its table says of it. Nothing
here decides whose the figures are: that stays with attribution.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from chiso.extract import kinds
from chiso.extract.figures import Figure, find_figures
from chiso.extract.flow import family_of
from chiso.extract.units import mentions


@dataclass(frozen=True)
class Cell:
    code: str
    alias: str
    kind: str | None  # None: the table does not say
    target_year: int | None
    year: int | None = None  # the year of an actual figure, when its column says it
    measure: str | None = None  # "rank" when the header says the values are ranks
    unit: str | None = None  # the province a row names, as written ("TP.HCM")


# what a value's header says it is: a code and alias, or nothing
Namer = Callable[[str, Figure], "tuple[str, str] | None"]

_VALUE_LINE = re.compile(
    r"^\s*(?:[~≥≤<>]|khoảng|trên|dưới)?\s*\d[\d.,]*\s*(?:%|điểm)?\s*$", re.IGNORECASE
)
_VERDICT = re.compile(
    r"^\s*(?:đạt|vượt|không đạt|chưa đạt|hoàn thành|chưa hoàn thành|x|-)\s*$", re.IGNORECASE
)
_TARGET_HEAD = re.compile(r"^(?:đề ra|kế hoạch|mục tiêu|chỉ tiêu|giao)(?!\s*/)", re.IGNORECASE)
_ACTUAL_HEAD = re.compile(
    r"^(?:kết quả|thực hiện|ước (?:thực hiện|đạt)|thực tế|đạt được)", re.IGNORECASE
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_HEAD_LINE_MAX = 40
_SIGNS_SOURCE = (r"^\s*\d[\d.,]*\s*%?\s*$|\d[.,]\d+ +\d+[.,]\d+ +\d+[.,]\d+|\d[.,]\d+ +\d+ +\w"
                 r"|\d[.,]\d+ +\d{1,2} *$"  # "Quảng Ninh 72.95 1": a score, a rank ending a row
                 r"|(?:19|20)\d\d[\s|]+(?:(?:[Đđ]ến|[Tt]ới)\s+)?(?:[Nn]ăm\s+)?(?:19|20)\d\d\s*\|?\s*$")
# both start with a space or a digit: the look-ahead gives up every other place at once
# (tests/extract/test_rewritten.py checks it against the pattern without it)
_SIGNS = re.compile(r"(?=[\s\d])(?:" + _SIGNS_SOURCE + ")", re.MULTILINE)


def read(text: str, name: Namer) -> dict[int, Cell]:
    """What the tables of `text` say of their values, by document offset of each value."""
    # a row's cells between pipes (a .docx table, a web page's) are read as cells between
    # spaces: one character for one, so offsets stay true; a pipe leaves a run of three spaces
    # (normalisation has squeezed every other run), where a header line splits into its cells
    piped = text.replace(" | ", "   ") if "|" in text else text
    if not _SIGNS.search(piped):  # no table in sight: nothing to do (most reports)
        return {}
    lines: list[tuple[int, str]] = []
    rows: list[tuple[int, str]] = []
    pos = 0
    for line, row in zip(text.split("\n"), piped.split("\n")):
        if line.strip():
            lines.append((pos, line))
            rows.append((pos, row))
        pos += len(line) + 1
    out: dict[int, Cell] = {}
    _cells_a_line(lines, name, out)
    _rows_a_line(rows, name, out)
    _years_across(lines, name, out)
    _years_in_a_line(lines, name, out)
    _provinces_down(rows, name, out)
    _rows_of_cells(lines, name, out)
    _year_rows_in_a_line(lines, name, out)
    _years_down(lines, name, out)
    return out


# a statistics office's table, years down the side: a title naming the indicator, its unit
# ("(ĐVT: %)"), the columns' headers ("TỔNG SỐ Phân theo thành thị, nông thôn"), then a row a
# line, each opening with its year ("2015 72,28 72,64 55,60", "Sơ bộ 2020 83,71 87,32 59,03")
_YEAR_DOWN = re.compile(r"^\s*(?:(?:sơ bộ|ước tính|ước|dự tính)\s+)?((?:19|20)\d\d)"
                        r"((?:\s+\d[\d.,]*){1,8})\s*$", re.IGNORECASE)
_TOTAL_COLUMN = re.compile(r"^\s*(?:tổng số|tổng cộng|toàn tỉnh|chung|tổng)(?!\w)", re.IGNORECASE)
_UNIT_LINE = re.compile(r"^\s*\(?\s*(?:đvt|đtv|đơn vị tính|đơn vị)\s*:?\s*([^()]*)\)?\s*$",
                        re.IGNORECASE)
_PERCENT_UNIT = re.compile(r"%|phần trăm", re.IGNORECASE)
_HEADS_ABOVE = 5


def _years_down(lines: list[tuple[int, str]], name: Namer, out: dict[int, Cell]) -> None:
    """A table of years down the side, a row a line (`_YEAR_DOWN`), two rows or more of as many
    values: the first value of each row is its year's, of the indicator the title above names,
    when the row holds that value alone or the first column's header says it is the total
    ("TỔNG SỐ"; the other columns are parts: towns, the countryside). A unit line "(ĐVT: %)"
    makes the values percentages."""
    k = 0
    while k < len(lines):
        run = k
        while run < len(lines) and _YEAR_DOWN.match(lines[run][1]):
            run += 1
        if run == k:
            k += 1
            continue
        rows = [(lines[j][0], _YEAR_DOWN.match(lines[j][1])) for j in range(k, run)]
        widths = {len(m.group(2).split()) for _, m in rows}
        heads = [line for _, line in lines[max(0, k - _HEADS_ABOVE):k]]
        units = [_UNIT_LINE.match(h) for h in heads]
        columns = [h for h, u in zip(heads, units) if u is None][-2:]
        if (len(rows) >= 2 and len(widths) == 1
                and (widths == {1} or any(_TOTAL_COLUMN.match(h) for h in columns))):
            percent = any(u is not None and _PERCENT_UNIT.search(u.group(1)) for u in units)
            titles = [h for h, u in zip(heads, units) if u is None and not _TOTAL_COLUMN.match(h)]
            for start, m in rows:
                fig = next(iter(find_figures(m.group(2).split()[0])), None)
                if fig is None:
                    continue
                if percent:
                    fig = replace(fig, measure="percent")
                found = next((f for t in reversed(titles) if (f := name(t, fig)) is not None),
                             None)
                at = start + m.start(2) + len(m.group(2)) - len(m.group(2).lstrip())
                if found is not None and at not in out:
                    out[at] = Cell(found[0], found[1], kinds.ACTUAL, None, int(m.group(1)),
                                   fig.measure)
        k = run


# a row of a table by year run into one line: the year, then its values ("2011 40,35 1 1")
_YEAR_ROW = re.compile(r"(?<![\d.,/])((?:19|20)\d\d)"
                       r"((?:\s+\d{1,3}(?:[.,]\d{1,4})?(?![\d.,/%])){2,4})(?=\s|$)")
_VALUE_IN_ROW = re.compile(r"\d{1,3}(?:[.,]\d{1,4})?")
_RANK_HEADS = re.compile(r"(?:xếp hạng|thứ hạng|hạng)(?!\w)", re.IGNORECASE)
_REGION_WORD = re.compile(r"(?<!\w)(?:khu vực|vùng|miền)(?!\w)", re.IGNORECASE)


def _year_rows_in_a_line(lines: list[tuple[int, str]], name: Namer, out: dict[int, Cell]) -> None:
    """A table of an index by year copied into one line: its headers, then rows each opening
    with its year ("Năm Điểm PAPI Xếp hạng cả nước Xếp hạng khu vực ... 2011 40,35 1 1 2012
    40,62 1 1 ..."). Three rows or more of as many values: a value with decimals is the index's
    score, a whole number its rank, the rank columns in the order the headers say them; a rank
    in a region is no index's value."""
    for k, (start, line) in enumerate(lines):
        rows = list(_YEAR_ROW.finditer(line))
        if len(rows) < 3:
            continue
        width = {len(_VALUE_IN_ROW.findall(r.group(2))) for r in rows}
        if len(width) != 1:
            continue
        # the rows must run on, one after another ("2011 40,35 1 1 2012 40,62 1 1")
        if any(line[a.end():b.start()].strip() for a, b in itertools.pairwise(rows)):
            continue
        head = line[:rows[0].start()]
        family = family_of(" ".join([lines[j][1] for j in range(max(0, k - 2), k)] + [head]), None)
        if family not in _INDEX_NAME:
            continue
        said = [m.end() for m in _RANK_HEADS.finditer(head)]
        # each rank header up to the next: "Xếp hạng cả nước (63 tỉnh thành)", then "Xếp hạng
        # khu vực Bắc Trung Bộ (6 tỉnh)", a region's
        ranks = [_REGION_WORD.search(head, a, b) is None
                 for a, b in zip(said, [*said[1:], len(head)])]
        first = [v for v in _VALUE_IN_ROW.findall(rows[0].group(2))]
        kinds_ = ["score" if re.search(r"[.,]", v) else "rank" for v in first]
        if kinds_.count("rank") != len(ranks) and kinds_.count("rank") > 1:
            continue  # the headers do not say which rank is which
        national = iter(ranks or [True])
        columns = [(kd, next(national, False) if kd == "rank" else True) for kd in kinds_]
        for r in rows:
            year = int(r.group(1))
            for (kd, ours), m in zip(columns, _VALUE_IN_ROW.finditer(line, r.start(2), r.end(2))):
                at = start + m.start()
                if not ours:
                    out[at] = NO_INDEX
                    continue
                fig = next(iter(find_figures(m.group(0))), None)
                if fig is None:
                    continue
                fig = replace(fig, measure=kd)
                found = name(("Xếp hạng " if kd == "rank" else "Điểm ") + _INDEX_NAME[family], fig)
                if found is not None:
                    out[at] = Cell(found[0], found[1], kinds.ACTUAL, None, year, kd)


def _cells_a_line(lines: list[tuple[int, str]], name: Namer, out: dict[int, Cell]) -> None:
    k = 0
    while k < len(lines):
        head = _header(lines, k)
        if head is None:
            k += 1
            continue
        columns, k = head
        parent = label = ""
        cells: list[tuple[int, str]] = []

        while k < len(lines):
            start, line = lines[k]
            stripped = line.strip()
            if len(stripped) > 300:
                break  # prose again: the table is over
            if _VALUE_LINE.match(stripped) or _VERDICT.match(stripped):
                cells.append((start, line))
            elif stripped.startswith("(") and not cells:
                pass  # "(trừ hồ sơ ...)": an aside on the label
            else:
                _place(cells, columns, label, name, out)
                cells = []
                if stripped.startswith("+"):
                    label = parent + " | " + stripped.lstrip("+ ")
                elif re.match(r"^[a-zđ]\)|^[IVX]+\.", stripped):
                    parent = label = ""  # "a) Chính quyền số": a section, no figure of its own
                else:
                    parent = label = stripped.lstrip("-–• ")
            k += 1
        _place(cells, columns, label, name, out)


def _place(cells: list[tuple[int, str]], columns: list[tuple[str | None, int | None]], label: str,
           name: Namer, out: dict[int, Cell]) -> None:
    """The cells of one row under their columns."""
    for j, (start, line) in enumerate(cells):
        if j >= len(columns) or not _VALUE_LINE.match(line):
            continue
        kind, year = columns[j]
        fig = next(iter(find_figures(line.strip())), None)
        found = name(label, fig) if fig is not None and label else None
        if found is not None:
            out[start + len(line) - len(line.lstrip())] = Cell(found[0], found[1], kind, year)


def _header(
    lines: list[tuple[int, str]], k: int
) -> tuple[list[tuple[str | None, int | None]], int] | None:
    """A cell-a-line header starting at line `k`: the kind and year of each value column (after
    the label column), and the line after it; None when there is none."""
    heads: list[str] = []
    j = k
    while j < len(lines) and len(lines[j][1].strip()) <= _HEAD_LINE_MAX and len(heads) < 6:
        line = lines[j][1].strip()
        if _VALUE_LINE.match(line):
            break
        heads.append(line)
        j += 1
    if len(heads) < 3:
        return None
    kinds_ = [
        kinds.TARGET if _TARGET_HEAD.match(h) else kinds.ACTUAL if _ACTUAL_HEAD.match(h) else None
        for h in heads
    ]
    if kinds.TARGET not in kinds_ or kinds.ACTUAL not in kinds_:
        return None
    # the value columns start at the first that says a kind; the line before is the label column
    first = min(kinds_.index(kinds.TARGET), kinds_.index(kinds.ACTUAL))
    if first == 0:
        return None
    cols, kinds_ = heads[first:], kinds_[first:]
    years = [int(m.group(1)) if (m := _YEAR.search(h)) else None for h in cols]
    return [(kd, y if kd == kinds.TARGET else None) for kd, y in zip(kinds_, years)], j


_ROW = re.compile(r"^\s*\d{1,2}\.?\s+\D")
_JOINS = re.compile(r"(?:chỉ số|tỷ lệ|tỉ lệ|điểm)\s*$", re.IGNORECASE)


def _rows_a_line(lines: list[tuple[int, str]], name: Namer, out: dict[int, Cell]) -> None:
    # each line's figures, found once: a row's line is read again as the table goes on, the
    # lines above it again for its headers
    figures_of = [find_figures(line) for _, line in lines]
    k = 0
    while k < len(lines):
        start, line = lines[k]
        figs = figures_of[k]
        cells = _side_by_side(line, figs)
        if len(cells) < 3 or not _ROW.match(line):
            k += 1
            continue
        labels = _labels_above(lines, k, figs[cells[0]], name, figures_of, near=True)
        if len(labels) != len(cells):
            # the header's cells are on several lines ("Chỉ số" + the next line); the line
            # right above alone is the header when it names as many as the row has cells, and
            # a title above it ("Kết quả DTI 2022") is none of them
            labels = _labels_above(lines, k, figs[cells[0]], name, figures_of)
        while k < len(lines):
            start, line = lines[k]
            figs = figures_of[k]
            cells = _side_by_side(line, figs)
            if len(cells) < 3:
                break
            if len(cells) == len(labels):
                for i, found in zip(cells, labels):
                    out[start + figs[i].start] = Cell(found[0], found[1], None, None)
            k += 1


def _side_by_side(line: str, figs: list[Figure]) -> list[int]:
    """The figures at the end of a line with nothing but spaces between them."""
    run: list[int] = []
    for i in range(len(figs) - 1, -1, -1):
        if run and line[figs[i].end:figs[run[0]].start].strip():
            break
        run.insert(0, i)
    return run


def _run_at_end(line: str, figs: list[Figure]) -> list[tuple[int, int | None]]:
    """The cells at the end of a line side by side, each (its start, the figure's index, or
    None for a cell of no number: "PCI N/A 67.18 64.87", "5.98 N/A N/A"), left to right."""
    def holes(lo: int, hi: int) -> list[re.Match[str]] | None:
        """The cells of no number in line[lo:hi] when nothing else is there."""
        if _NO_NUMBER_CELL.sub(" ", line[lo:hi]).strip():
            return None
        return list(_NO_NUMBER_CELL.finditer(line, lo, hi))

    if not figs:
        return []
    run = [(m.start(), None) for m in holes(figs[-1].end, len(line)) or []]
    for i in range(len(figs) - 1, -1, -1):
        run.insert(0, (figs[i].start, i))
        lo = figs[i - 1].end if i else 0
        between = holes(lo, figs[i].start)
        if i and between is not None:
            run[:0] = [(m.start(), None) for m in between]
            continue
        # the label, then the row's first cells of no number
        run[:0] = [(m.start(), None) for m in _NO_NUMBER_CELL.finditer(line, lo, figs[i].start)
                   if holes(m.start(), figs[i].start) is not None]
        break
    return run


def _labels_above(
    lines: list[tuple[int, str]], k: int, model: Figure, name: Namer,
    figures_of: list[list[Figure]], near: bool = False,
) -> list[tuple[str, str]]:
    """The indicators the header lines above row `k` name, in order ("Chỉ số" + the next line is
    one header); `near`: those of the line right above only. `figures_of`: the figures of each
    line."""
    block: list[str] = []
    j = k - 1
    while j >= 0 and len(block) < 30 and not figures_of[j] and not (near and j < k - 1):
        block[:0] = [cell.strip() for cell in lines[j][1].split("   ") if cell.strip()]
        j -= 1
    heads: list[str] = []
    for line in block:
        if heads and _JOINS.search(heads[-1]):
            heads[-1] += " " + line
        else:
            heads.append(line)
    found = [name(h, model) for h in heads]
    return [f for f in found if f is not None]


_YEAR_LINE = re.compile(r"^\s*(?:năm\s+)?((?:19|20)\d\d)\s*$", re.IGNORECASE)
_RANK_HEAD = re.compile(r"\b(?:thứ hạng|xếp hạng|hạng)\b", re.IGNORECASE)
_NUMBER_HEAD = re.compile(r"^(?:s?tt|số tt|số thứ tự)$", re.IGNORECASE)
_ROW_NUMBER = re.compile(r"^\s*(\d{1,2})\.?\s*$")


def _years_across(lines: list[tuple[int, str]], name: Namer, out: dict[int, Cell]) -> None:
    """Tables whose columns are years, a cell a line: a row's k-th value is of the k-th year.
    A row is read only when its count of values is the count of years (and, under a "TT"
    column, the next row's number after them): a blank cell the copy dropped leaves a row
    that cannot be placed, and it is left to the sentence reading."""
    k = 0
    while k < len(lines):
        years = _year_run(lines, k)
        if years is None:
            k += 1
            continue
        heads = [line.strip() for _, line in lines[max(0, k - 4):k]
                 if len(line.strip()) <= _HEAD_LINE_MAX and not _VALUE_LINE.match(line.strip())]
        if any(_TARGET_HEAD.match(h) for h in heads):
            k += len(years)
            continue  # planned years: what the table aims at is not read here
        measure = "rank" if any(_RANK_HEAD.search(h) for h in heads) else None
        numbered = any(_NUMBER_HEAD.match(h) for h in heads)
        k += len(years)
        rows: list[tuple[str, list[tuple[int, str]]]] = []
        label: str | None = None
        values: list[tuple[int, str]] = []
        while k < len(lines):
            start, line = lines[k]
            stripped = line.strip()
            if _VALUE_LINE.match(stripped) or stripped in {"-", "–"}:
                values.append((start, line))
            elif len(stripped) <= 80 and not stripped.endswith((".", ":", ";")):
                if label is not None:
                    rows.append((label, values))
                label, values = stripped, []
            else:
                break  # prose again: the table is over
            k += 1
        if label is not None:
            rows.append((label, values))
        while rows and not rows[-1][1]:
            rows.pop()  # the heading after the table: a label with no values
        for n, (label, values) in enumerate(rows, 1):
            cells = _row_cells(values, len(years), numbered, n, last=n == len(rows))
            for (start, line), year in zip(cells or [], years):
                fig = next(iter(find_figures(line.strip())), None)
                if fig is None:
                    continue
                if measure:
                    fig = replace(fig, measure=measure)
                found = name(label, fig)
                if found is not None:
                    out[start + len(line) - len(line.lstrip())] = Cell(
                        found[0], found[1], kinds.ACTUAL, None, year, measure)


def _year_run(lines: list[tuple[int, str]], k: int) -> list[int] | None:
    """The years of consecutive lines from `k` ("2021 / 2022 / 2023"), rising, at least two."""
    years: list[int] = []
    while k + len(years) < len(lines):
        m = _YEAR_LINE.match(lines[k + len(years)][1])
        if m is None or (years and int(m.group(1)) <= years[-1]):
            break
        years.append(int(m.group(1)))
    return years if len(years) >= 2 else None


def _row_cells(values: list[tuple[int, str]], width: int, numbered: bool, n: int,
               last: bool) -> list[tuple[int, str]] | None:
    """A row's cells, one per year, or None when they cannot be placed: under a "TT" column
    every row but the last ends with the next row's number."""
    if numbered and not last:
        if len(values) != width + 1:
            return None
        m = _ROW_NUMBER.match(values[-1][1])
        if m is None or int(m.group(1)) != n + 1:
            return None
        return values[:width]
    return values if len(values) == width else None


_YEARS_HEAD = re.compile(
    r"^\s*(?P<head>[^\d]{0,40}?)\s*\|?\s*"
    # ("Sơ bộ 2020", "Ước 2024": a statistics office's preliminary or estimated year)
    r"(?P<years>(?:(?:(?:đến|tới)\s+)?(?:năm\s+)?(?:(?:sơ bộ|ước(?: tính)?)\s+)?(?:19|20)\d\d"
    r"\s*(?:\||\s)\s*)+)$",
    re.IGNORECASE)
_DECIMALS = re.compile(r"\d[.,]\d{1,2}(?!\d)")  # "72.80", "45.00": written with decimals
# a cell that holds no number, in a row written side by side ("7.31 5.98 N/A N/A")
_NO_NUMBER_CELL = re.compile(r"(?<!\S)(?:N/A|n/a|NA|-|–|—|\.\.\.|…)(?!\S)")
# a statistics table's sub-heading, a line of no number ("Phân theo thành thị, nông thôn")
_SUBHEAD = re.compile(r"^\s*(?:phân theo|chia theo|trong đó)\b[^\d]{0,60}$", re.IGNORECASE)
# the unit a statistics table gives its values in, on a line above it: "(ĐVT: %)", "Đơn vị
# tính: phần trăm"
_PER_CENT_UNIT = re.compile(r"^\W*(?:ĐVT|Đơn vị tính|Đơn vị)\s*:\s*(?:%|phần trăm)\W*$",
                            re.IGNORECASE)
# years a header says are horizons ("Đến năm 2025 | Đến năm 2030"), or a title above the table
# that says its rows are aims ("Mục tiêu cụ thể", "Kế hoạch ...")
_BY_YEAR = re.compile(r"(?<!\w)(?:đến|tới)(?!\w)", re.IGNORECASE)
_AIMS_TITLE = re.compile(r"(?<!\w)(?:mục tiêu|kế hoạch|phấn đấu)(?!\w)", re.IGNORECASE)
# ... or that they are results ("Kết quả thực hiện các chỉ tiêu"): "Chỉ tiêu" then names them
_RESULTS_TITLE = re.compile(r"(?<!\w)(?:kết quả|thực hiện|đạt được)(?!\w)", re.IGNORECASE)


# a row's label that is the rank or the score of the index a table is about
_ROW_OF_RANK = re.compile(r"^(?:xếp hạng|thứ hạng|hạng|vị trí|rankings?|rank)$", re.IGNORECASE)
_ROW_OF_SCORE = re.compile(r"^(?:(?:PCI|PAPI|DTI|SIPAS|PAR INDEX)\s+)?(?:điểm(?: số)?|tổng điểm|"
                           r"scores?)(?:\s+(?:PCI|PAPI|DTI|SIPAS|PAR INDEX))?$", re.IGNORECASE)


def _years_in_a_line(lines: list[tuple[int, str]], name: Namer, out: dict[int, Cell]) -> None:
    """A line of years over rows a line: a row's values, side by side at its end, one per year
    (a row with another count is not placed)."""
    for k, (_, head) in enumerate(lines):
        m = _YEARS_HEAD.match(head + " ")
        if m is None:
            continue
        years = [int(y) for y in _YEAR.findall(m.group("years"))]
        if len(years) < 2 or years not in (sorted(set(years)), sorted(set(years), reverse=True)):
            continue  # years from the first or from the last ("Year | 2022 | 2021 | ... | 2006")
        above = [line.strip() for _, line in lines[max(0, k - 2):k]]
        family: str | None = ""  # the index over the table, read when a row needs it
        heads = [*re.split(r"\s*\|\s*", m.group("head")), *above]
        # "Chỉ tiêu | Đến năm 2025 | Đến năm 2030" (or under "Mục tiêu cụ thể"): each column
        # is the aim for its year; a "Chỉ tiêu" (an indicator, or a target) over years that
        # say neither is not told apart from results, and is left alone
        aims = _BY_YEAR.search(m.group("years")) is not None or any(
            _AIMS_TITLE.search(h) and not _RESULTS_TITLE.search(h) for h in above)
        results = not aims and any(_RESULTS_TITLE.search(h) for h in above)
        if not aims and not results and any(_TARGET_HEAD.match(h.strip()) for h in heads):
            continue
        measure = ("rank" if any(_RANK_HEAD.search(h) for h in heads)
                   else "percent" if any(_PER_CENT_UNIT.match(h) for h in above) else None)
        for start, line in lines[k + 1:k + 31]:
            figs = find_figures(line)
            # the row's cells side by side at its end, a cell of no number ("N/A") holding its
            # year's place
            slots = _run_at_end(line.replace("|", " "), figs)
            cells = [i for _, i in slots if i is not None]
            if not figs and _SUBHEAD.match(line):
                continue  # "Phân theo thành thị, nông thôn": a statistics table's sub-heading
            if not cells or cells[0] == 0 and figs[0].start == 0:
                break
            if len(slots) != len(years) and line.count("|") >= len(years) > len(figs):
                continue  # a piped row of the table's width with cells of no number ("N/A")
            label = line[:slots[0][0]].strip(" |\t-–")
            if len(slots) != len(years) or not label or len(label) > 80:
                break
            # a row of an index's rank or score, named by the index over the table ("Rankings In
            # The Provincial Competitiveness Index": "PCI Scores", "Ranking")
            row = _ROW_OF_RANK.match(label) and "rank" or _ROW_OF_SCORE.match(label) and "score"
            if row and family == "":
                family = _table_heading(lines, k)[0]
            if family not in _INDEX_NAME:
                row = None
            # a row of values with decimals ("PCI 72.80 64.74 ...") under a heading of ranks
            # is the index's score: a rank is a whole number
            said = row or ("score" if measure == "rank" and any(
                _DECIMALS.search(figs[i].text) for i in cells) else measure)
            for (_, i), year in zip(slots, years):
                if i is None:
                    continue
                fig = (replace(figs[i], measure=said) if said else figs[i])
                found = (name(("Xếp hạng " if row == "rank" else "Chỉ số ") + _INDEX_NAME[family],
                              fig) if row else name(label, fig))
                if found is not None:
                    out[start + figs[i].start] = (
                        Cell(found[0], found[1], kinds.TARGET, year, None, said) if aims
                        else Cell(found[0], found[1], kinds.ACTUAL, None, year, said))


# a value a table's header says is of no indicator the codebook holds (a sub-index's column)
NO_INDEX = Cell("", "", None, None)

# the first heading of a ranking table of provinces: the column of their names
_PLACE_HEAD = re.compile(r"^(?:địa phương|tỉnh(?:\s*[,/]\s*thành(?: phố)?)?|tên tỉnh|đơn vị)(?!\w)",
                         re.IGNORECASE)
_BAND_HEAD = re.compile(r"(?<!\w)(?:nhóm(?: xếp hạng)?|xếp loại|phân loại)(?:\s+[A-Z]{3,5})?(?!\w)",
                        re.IGNORECASE)
_RANK_WORD = re.compile(r"(?<!\w)(?:xếp hạng|thứ hạng|hạng|vị trí)(?!\w)", re.IGNORECASE)
_SCORE_WORD = re.compile(r"(?<!\w)(?:điểm|điểm số|tổng điểm)(?!\w)", re.IGNORECASE)
_BAND_CELL = re.compile(r"^\s*(?:rất tốt|tốt|khá|trung bình|tương đối thấp|thấp|xuất sắc|"
                        r"rất cao|cao)\s*$", re.IGNORECASE)
# how the tables name an index, to ask the header namer for its score or rank
_INDEX_NAME = {"pci": "PCI", "papi": "PAPI", "par_index": "PAR Index", "sipas": "SIPAS",
               "dti": "DTI"}


def _column(head: str, family_said: bool) -> str | None:
    """What a ranking table's column holds: "rank", "score", "band" (words), or None (a number
    of no index: a sub-index, a count)."""
    if _BAND_HEAD.search(head):
        return "band"
    if _RANK_WORD.search(head):
        return "rank"
    if _SCORE_WORD.search(head) or family_said:
        return "score"
    return None


def _province(line: str) -> str | None:
    """The province a line names and nothing else ("TP.HCM", "Đồng Tháp "), or None."""
    stripped = line.strip()
    if not stripped or len(stripped) > 30:
        return None
    found = mentions(stripped)
    lead = stripped[:found[0].start].strip(" .") if len(found) == 1 else ""
    if len(found) != 1 or stripped[found[0].end:].strip(" .") or (
            len(lead.split()) > 1 and lead.lower() != "thành phố"):
        return None
    return found[0].name


def _table_heading(lines: list[tuple[int, str]], k: int) -> tuple[str | None, int | None]:
    """The index and the year the lines above a table's header say ("Bảng xếp hạng PCI năm
    2019"): the nearest line naming one year, its index, else the index of the three lines."""
    above = [line for _, line in lines[max(0, k - 3):k]]
    family = family_of(" ".join(above + [lines[k][1]]), None)
    year = None
    for line in reversed(above):
        years = set(_YEAR.findall(line))
        if len(years) == 1:
            year = int(years.pop())
            break
    return family, year


def _provinces_down(lines: list[tuple[int, str]], name: Namer, out: dict[int, Cell]) -> None:
    """Ranking tables of provinces, a cell a line or a row a line."""
    for k, (_, head) in enumerate(lines):
        stripped = head.strip()
        m = _PLACE_HEAD.match(stripped)
        if m is None:
            continue
        family, year = _table_heading(lines, k)
        if family not in _INDEX_NAME:
            continue
        rest = stripped[m.end():].strip(" ,")
        if rest:
            _rows_of_provinces(lines, k, rest, family, year, name, out)
        else:
            _cells_of_provinces(lines, k, family, year, name, out)


def _place_cell(start: int, line: str, measure: str, family: str, unit: str,
                year: int | None, name: Namer, out: dict[int, Cell]) -> None:
    """A cell-a-line value of a province's row, placed at its document offset."""
    lead = len(line) - len(line.lstrip())
    fig = next(iter(find_figures(line.strip())), None)
    if fig is None or fig.value_high is not None:
        return
    found = name("Chỉ số " + _INDEX_NAME[family], replace(fig, measure=measure))
    if found is not None:
        out[start + lead + fig.start] = Cell(found[0], found[1], kinds.ACTUAL, None, year,
                                             measure, unit)


def _cells_of_provinces(lines: list[tuple[int, str]], k: int, family: str, year: int | None,
                        name: Namer, out: dict[int, Cell]) -> None:
    """"Địa phương / Điểm số PCI / Xếp hạng / Nhóm xếp hạng", then a province and its cells."""
    columns: list[str | None] = []
    j = k + 1
    while j < len(lines) and _province(lines[j][1]) is None and len(columns) < 16:
        head = lines[j][1].strip()
        if len(head) > _HEAD_LINE_MAX or _VALUE_LINE.match(head):
            return
        columns.append(_column(head, _INDEX_NAME[family].lower() in head.lower()))
        j += 1
    if not any(c in ("rank", "score") for c in columns):
        return
    while j < len(lines):
        unit = _province(lines[j][1])
        if unit is None:
            return
        cells = lines[j + 1:j + 1 + len(columns)]
        if len(cells) < len(columns) or any(_province(line) for _, line in cells):
            return  # a row short of a cell: the table cannot be read on
        for (start, line), col in zip(cells, columns):
            if col == "band":
                if not _BAND_CELL.match(line):
                    return
            elif not _VALUE_LINE.match(line.strip()):
                return
            elif col is None:  # a sub-index's column ("Gia nhập thị trường"): no index's value
                out[start + len(line) - len(line.lstrip())] = NO_INDEX
            else:
                _place_cell(start, line, col, family, unit, year, name, out)
        j += 1 + len(columns)


def _rows_of_provinces(lines: list[tuple[int, str]], k: int, head: str, family: str,
                       year: int | None, name: Namer, out: dict[int, Cell]) -> None:
    """"Tỉnh, Thành phố Điểm PCI Hạng Nhóm xếp hạng", then "Quảng Ninh 72.95 1 Rất tốt": the
    score and rank columns the header names are the last numbers of each row, in their order."""
    head = _BAND_HEAD.sub(" ", head)
    said = sorted([(m.start(), "rank") for m in _RANK_WORD.finditer(head)]
                  + [(m.start(), "score") for m in _SCORE_WORD.finditer(head)])
    seq = [kind for _, kind in said]
    if not seq or len(seq) > 3:
        return
    for start, line in lines[k + 1:k + 80]:
        found = mentions(line[:30])
        if not found or line[:found[0].start].strip(" .0123456789"):
            return
        rest = line[found[0].end:]
        rest = re.sub(r"(?:\s+(?:rất tốt|tốt|khá|trung bình|tương đối thấp|thấp))+\s*$", "", rest,
                      flags=re.IGNORECASE)
        figs = find_figures(rest)
        if len(figs) < len(seq) or rest[figs[-1].end:].strip():
            return
        offset = start + found[0].end
        for fig in figs[:-len(seq)]:
            out[fig.start + offset] = NO_INDEX  # a sub-index's column, or a count's
        for fig, kind in zip(figs[-len(seq):], seq):
            fig = replace(fig, start=fig.start + offset, end=fig.end + offset)
            found_name = name("Chỉ số " + _INDEX_NAME[family],
                              replace(fig, measure=kind))
            if found_name is not None:
                out[fig.start] = Cell(found_name[0], found_name[1], kinds.ACTUAL, None, year,
                                      kind, found[0].name)


def _rows_of_cells(lines: list[tuple[int, str]], name: Namer, out: dict[int, Cell]) -> None:
    """Rows a cell a line, each opening with its province (after its rank or number on a line
    of its own), under header lines naming the value columns: a row of n values takes the last
    n headers that name an indicator (those before name the rank, the province, the table). A
    row is read only when its count of values is the first row's: a cell the copy dropped
    leaves a row that cannot be placed."""
    k = 0
    while k < len(lines):
        numbered = k > 0 and _ROW_NUMBER.match(lines[k - 1][1]) is not None
        width = _row_width(lines, k, numbered) if _province(lines[k][1]) else 0
        if width < 3 and not (numbered and width and _rows_down(lines, k, width) >= 3):
            # fewer columns than three: a table only when numbered rows of provinces run on
            # ("1 / Thành phố Hà Nội / 8,0 / 2 / Vĩnh Phúc / 9,0 / ...")
            k += 1
            continue
        top = k - 1 if numbered else k
        model = next(iter(find_figures(lines[k + 1][1].strip())), None)
        block: list[str] = []
        j = top - 1
        while (j >= 0 and len(block) < 30 and not _VALUE_LINE.match(lines[j][1].strip())
               and _province(lines[j][1]) is None):
            block.insert(0, lines[j][1].strip())
            j -= 1
        heads: list[str] = []
        for line in block:
            if heads and _JOINS.search(heads[-1]):
                heads[-1] += " " + line
            else:
                heads.append(line)
        named = [(f, h) for f, h in ((name(h, _as_headed(model, h)), h) for h in heads)
                 if f is not None] if model else []
        if len(named) < width:
            k += 1
            continue
        labels = [f for f, _ in named[-width:]]
        # "Mục tiêu tăng trưởng GRDP 2025 (%)": a column of aims for its year; "Điểm PCI 2023":
        # results of its year
        said = [_column_kind(h) for _, h in named[-width:]]
        rank_name = None
        number = next(iter(find_figures(lines[top][1].strip())), None) if numbered else None
        if number is not None and any(_RANK_WORD.match(h) for h in heads[:2]):
            # "Xếp hạng" over the numbers: each is its row's rank in the table's index
            family = family_of(" ".join([line for _, line in lines[max(0, j - 2):j + 1]]
                                        + block), None)
            if family in _INDEX_NAME:
                rank_name = name("Xếp hạng " + _INDEX_NAME[family], replace(number, measure="rank"))
        row = top
        while row < len(lines):
            if numbered and _REGION_ROW.match(lines[row][1]) and row + 1 < len(lines) and (
                    _REGION_NAME.match(lines[row + 1][1])):
                row += 2  # "II / Vùng Trung du và Miền núi phía Bắc": a group of rows, no row
                continue
            at = row + 1 if numbered else row
            if at >= len(lines) or _province(lines[at][1]) is None or _row_width(
                    lines, at, numbered) != width:
                break
            unit = _province(lines[at][1]) or ""
            if rank_name is not None:
                _place_value(lines[row], rank_name, "rank", unit, out)
            for cell, found, (kind, year), (_, h) in zip(lines[at + 1:at + 1 + width], labels,
                                                         said, named[-width:]):
                _place_value(cell, found, "percent" if _PERCENT_HEAD.search(h) else None, unit,
                             out, kind, year)
            row = at + 1 + width
        k = max(row, k + 1)


def _row_width(lines: list[tuple[int, str]], at: int, numbered: bool) -> int:
    """How many values follow the province on line `at`, a line each (under a numbered
    column, the next row's number is not one of them)."""
    n = 0
    while at + 1 + n < len(lines) and _VALUE_LINE.match(lines[at + 1 + n][1].strip()):
        n += 1
    after = at + 1 + n
    if (numbered and n and after < len(lines) and _province(lines[after][1])
            and _ROW_NUMBER.match(lines[after - 1][1])):
        n -= 1
    return n


def _place_value(cell: tuple[int, str], found: tuple[str, str], measure: str | None, unit: str,
                 out: dict[int, Cell], kind: str = kinds.ACTUAL, year: int | None = None) -> None:
    """A value of a province's row: an actual figure (of `year`, if its column says one), or
    the aim for `year`."""
    start, line = cell
    aim = kind == kinds.TARGET
    out[start + len(line) - len(line.lstrip())] = Cell(
        found[0], found[1], kind, year if aim else None, None if aim else year, measure, unit)


# a row of a table grouping its provinces: "II" over "Vùng Trung du và Miền núi phía Bắc"
_REGION_ROW = re.compile(r"^\s*[IVX]{1,4}\.?\s*$")
_REGION_NAME = re.compile(r"^\s*(?:vùng|khu vực|miền)(?!\w)", re.IGNORECASE)


# a header that gives its values' unit as a percentage: "Mục tiêu tăng trưởng GRDP 2025 (%)"
_PERCENT_HEAD = re.compile(r"\(\s*(?:%|phần trăm)\s*\)|%\s*$|phần trăm\s*$", re.IGNORECASE)


def _as_headed(model: Figure, head: str) -> Figure:
    """A row's value as its column's header says it is: "8,0" under "(%)" is a percentage."""
    if model.measure == "count" and _PERCENT_HEAD.search(head):
        return replace(model, measure="percent")
    return model


def _column_kind(head: str) -> tuple[str, int | None]:
    """What a column's header says its values are: aims ("Mục tiêu ... 2025") or results,
    and of which year."""
    year = _YEAR.search(head)
    aim = re.search(r"(?<!\w)(?:mục tiêu|kế hoạch|chỉ tiêu)(?!\w)", head, re.IGNORECASE)
    return (kinds.TARGET if aim else kinds.ACTUAL), int(year.group(1)) if year else None


def _rows_down(lines: list[tuple[int, str]], k: int, width: int) -> int:
    """How many numbered rows of a province and `width` values run from line `k` (the first
    row's province), across the lines that group them by region."""
    n, row = 0, k - 1
    while row + 1 < len(lines):
        if _REGION_ROW.match(lines[row][1]) and _REGION_NAME.match(lines[row + 1][1]):
            row += 2
            continue
        if not (_ROW_NUMBER.match(lines[row][1]) and _province(lines[row + 1][1])
                and _row_width(lines, row + 1, True) == width):
            break
        n += 1
        row += 2 + width
    return n
