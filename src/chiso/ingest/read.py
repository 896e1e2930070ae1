"""Reading data files: CSV (any common encoding and delimiter) and workbooks (calamine), row by row.

A file becomes `Sheet`s; a sheet yields `(row_number, cells)` with spreadsheet row numbers
(first row = 1) and cells as the reader gives them: text for CSV, text / float / int / bool /
date for workbooks. Nothing here knows what the columns mean.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chiso.errors import DataFileError, Problem

Row = tuple[int, list[Any]]

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"


@dataclass
class Sheet:
    """One table of a file: its name (the file name for CSV) and a way to read its rows again."""

    name: str
    rows: Callable[[], Iterator[Row]]
    total: int | None = None  # rows, when known cheaply (for progress bars)
    col_offset: int = 0  # workbook readers drop empty leading columns; letters must not


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fail(path: Path, vi: str, en: str) -> DataFileError:
    return DataFileError(
        f"Không đọc được tệp {path.name}: {vi}",
        f"Cannot read {path.name}: {en}",
        [Problem(vi, en, file=path.name)],
    )


def open_sheets(path: Path) -> list[Sheet]:
    """The sheets of a CSV or workbook file, checked by content, not only by name."""
    if not path.is_file():
        raise _fail(path, "không có tệp này.", "no such file.")
    suffix = path.suffix.lower()
    with path.open("rb") as fh:
        head = fh.read(8192)
    if not head.strip():
        raise _fail(path, "tệp trống.", "the file is empty.")
    is_book = head.startswith((_ZIP, _OLE))
    if suffix in WORKBOOK_SUFFIXES:
        if not is_book:
            raise _fail(
                path,
                f"tệp có đuôi {suffix} nhưng không phải bảng tính Excel/ODS. Hãy lưu lại bằng Excel"
                " hoặc đổi đuôi thành .csv nếu đó là tệp CSV.",
                f"the name ends in {suffix} but the content is not an Excel/ODS workbook. Save it"
                " again from Excel, or rename it to .csv if it is a CSV file.",
            )
        return _workbook_sheets(path)
    if suffix in CSV_SUFFIXES:
        if is_book:
            raise _fail(
                path,
                f"tệp có đuôi {suffix} nhưng là bảng tính Excel. Hãy đổi đuôi thành .xlsx.",
                f"the name ends in {suffix} but the content is an Excel workbook. Rename it to .xlsx.",
            )
        return [_csv_sheet(path, head)]
    raise _fail(
        path,
        f"chiso chỉ nhập tệp CSV ({', '.join(CSV_SUFFIXES)}) hoặc bảng tính"
        f" ({', '.join(WORKBOOK_SUFFIXES)}), không nhập tệp '{suffix or 'không đuôi'}'.",
        f"chiso imports CSV ({', '.join(CSV_SUFFIXES)}) or workbooks"
        f" ({', '.join(WORKBOOK_SUFFIXES)}), not '{suffix or 'no extension'}' files.",
    )


# ── CSV ─────────────────────────────────────────────────────────────────────────────────────


def _encoding(path: Path, head: bytes) -> str:
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(
            path,
            "tệp chứa dữ liệu nhị phân, không phải văn bản CSV.",
            "the file holds binary data, not CSV text.",
        )
    try:
        with path.open("r", encoding="utf-8-sig", newline="") as fh:
            for _ in iter(lambda: fh.read(1 << 20), ""):
                pass
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_path

    best = from_path(path).best()
    if best is None:
        raise _fail(
            path,
            "không nhận ra bảng mã ký tự; hãy lưu tệp CSV dạng UTF-8.",
            "unknown character encoding; save the CSV file as UTF-8.",
        )
    return best.encoding


def _csv_sheet(path: Path, head: bytes) -> Sheet:
    encoding = _encoding(path, head)
    lines = head.decode(encoding, errors="ignore").splitlines()[:20]
    delimiter = max(",;\t|", key=lambda d: sum(line.count(d) for line in lines))
    if not any(delimiter in line for line in lines):
        delimiter = ","

    def rows() -> Iterator[Row]:
        with path.open("r", encoding=encoding, newline="") as fh:
            reader = csv.reader(fh, delimiter=delimiter)
            try:
                yield from enumerate(reader, start=1)
            except csv.Error as exc:
                raise _fail(
                    path,
                    f"tệp CSV hỏng ở dòng {reader.line_num}: {exc}.",
                    f"malformed CSV at line {reader.line_num}: {exc}.",
                ) from exc

    return Sheet(name=path.name, rows=rows, total=_count_lines(path))


def _count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 20), b""))


# ── workbooks ─────────────────────────────────────────────────────────────────────────────


def _workbook_sheets(path: Path) -> list[Sheet]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for every kind of damage
        raise _fail(
            path,
            f"bảng tính bị hỏng hoặc có mật khẩu ({exc}).",
            f"the workbook is damaged or password-protected ({exc}).",
        ) from exc
    sheets: list[Sheet] = []
    for index, meta in enumerate(book.sheets_metadata):
        sheet = book.get_sheet_by_index(index)
        if sheet.start is None or "Visible" not in str(meta.visible):
            continue  # empty or hidden (a template's drop-down lists)
        name = meta.name

        def rows(sheet: Any = sheet) -> Iterator[Row]:
            yield from enumerate(sheet.iter_rows(), start=1)

        sheets.append(Sheet(name=name, rows=rows, total=sheet.height, col_offset=sheet.start[1]))
    if not sheets:
        raise _fail(path, "bảng tính không có dữ liệu.", "the workbook holds no data.")
    return sheets

