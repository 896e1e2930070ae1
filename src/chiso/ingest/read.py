"""Reading data files: CSV (any common encoding and delimiter) and workbooks, row by row, within
the limits of `ImportLimits` (checked before reading and again as rows stream).

A file becomes `Sheet`s; a sheet yields `(row_number, cells)` with spreadsheet row numbers
(first row = 1) and cells as the reader gives them: text for CSV, text / float / bool / date
(and `Percent`) for workbooks. XLSX is streamed by `chiso.ingest.xlsx`; the older formats
(.xls, .xlsb, .ods) go through calamine once their size (and their zip parts) are checked.
Nothing here knows what the columns mean.
"""

from __future__ import annotations

import csv
import hashlib
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chiso.ingest.archive import open_archive, verify_parts
from chiso.ingest.sheets import Row, Sheet, column_letter, mib, refuse
from chiso.ingest.xlsx import workbook_sheets
from chiso.numbers import format_vi
from chiso.settings import ImportLimits

__all__ = ["Row", "Sheet", "column_letter", "file_sha256", "open_sheets"]

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
STREAMED = (".xlsx", ".xlsm")
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"
_SNIFF = 4 * 1024 * 1024  # bytes an unknown encoding is guessed from
_LINE = 1024 * 1024  # characters of one CSV line


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fail(path: Path, vi: str, en: str) -> Exception:
    return refuse(path, vi, en)


def open_sheets(path: Path, limits: ImportLimits | None = None) -> list[Sheet]:
    """The sheets of a CSV or workbook file, checked by content, not only by name."""
    limits = limits or ImportLimits()
    if not path.is_file():
        raise _fail(path, "không có tệp này.", "no such file.")
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise _fail(path, f"tệp nặng {mib(size)}, quá giới hạn {mib(limits.max_file_bytes)}.",
                    f"the file is {mib(size, True)}, over the limit of"
                    f" {mib(limits.max_file_bytes, True)}.")
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
        return _workbook_sheets(path, limits)
    if suffix in CSV_SUFFIXES:
        if is_book:
            raise _fail(
                path,
                f"tệp có đuôi {suffix} nhưng là bảng tính Excel. Hãy đổi đuôi thành .xlsx.",
                f"the name ends in {suffix} but the content is an Excel workbook."
                " Rename it to .xlsx.",
            )
        return [_csv_sheet(path, head, limits)]
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
    from charset_normalizer import from_bytes

    with path.open("rb") as fh:
        best = from_bytes(fh.read(_SNIFF)).best()
    if best is None:
        raise _fail(
            path,
            "không nhận ra bảng mã ký tự; hãy lưu tệp CSV dạng UTF-8.",
            "unknown character encoding; save the CSV file as UTF-8.",
        )
    return best.encoding


def _csv_sheet(path: Path, head: bytes, limits: ImportLimits) -> Sheet:
    encoding = _encoding(path, head)
    lines = head.decode(encoding, errors="ignore").splitlines()[:20]
    delimiter = max(",;\t|", key=lambda d: sum(line.count(d) for line in lines))
    if not any(delimiter in line for line in lines):
        delimiter = ","

    def rows() -> Iterator[Row]:
        cells = 0
        with path.open("r", encoding=encoding, newline="") as fh:
            reader = csv.reader(_lines(fh, path), delimiter=delimiter)
            try:
                for number, row in enumerate(reader, start=1):
                    cells += len(row)
                    _check_row(path, number, len(row), cells, limits)
                    yield number, row
            except csv.Error as exc:
                raise _fail(
                    path,
                    f"tệp CSV hỏng ở dòng {reader.line_num}: {exc}.",
                    f"malformed CSV at line {reader.line_num}: {exc}.",
                ) from None
            except UnicodeDecodeError as exc:
                raise _fail(path, f"tệp CSV lẫn bảng mã ở dòng {reader.line_num + 1}"
                            f" ({exc.reason}); hãy lưu tệp dạng UTF-8.",
                            f"mixed character encodings at line {reader.line_num + 1}"
                            f" ({exc.reason}); save the file as UTF-8.") from None

    return Sheet(name=path.name, rows=rows, total=_count_lines(path))


def _lines(fh: Any, path: Path) -> Iterator[str]:
    """The file's lines, refused past `_LINE` characters (a line is read whole into memory)."""
    while line := fh.readline(_LINE + 1):
        if len(line) > _LINE:
            raise _fail(path, f"một dòng dài hơn {format_vi(_LINE)} ký tự;"
                        " đây không phải bảng CSV.",
                        f"a line is longer than {_LINE:,} characters; this is not a CSV table.")
        yield line


def _check_row(path: Path, number: int, width: int, cells: int, limits: ImportLimits) -> None:
    if number > limits.max_rows:
        raise _fail(path, f"tệp có hơn {format_vi(limits.max_rows)} dòng, quá giới hạn; hãy chia"
                    " nhỏ tệp.",
                    f"the file has more than {limits.max_rows:,} rows, over the limit; split it.")
    if width > limits.max_columns:
        raise refuse(path, f"dòng {number} có {width} ô, quá giới hạn {limits.max_columns} cột.",
                     f"row {number} has {width} cells, over the limit of {limits.max_columns}"
                     " columns.", row=number)
    if cells > limits.max_cells:
        raise _fail(path, f"tệp có hơn {format_vi(limits.max_cells)} ô, quá giới hạn; hãy chia"
                    " nhỏ tệp.",
                    f"the file has more than {limits.max_cells:,} cells, over the limit; split it.")


def _count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 20), b""))


# ── workbooks ─────────────────────────────────────────────────────────────────────────────


def _workbook_sheets(path: Path, limits: ImportLimits) -> list[Sheet]:
    if path.suffix.lower() in STREAMED:
        return workbook_sheets(path, limits)
    if zipfile.is_zipfile(path):  # .ods, .xlsb: calamine unpacks them; check every part first
        with open_archive(path, limits) as zf:
            verify_parts(zf, limits, path)
    return _calamine_sheets(path, limits)


def _calamine_sheets(path: Path, limits: ImportLimits) -> list[Sheet]:
    from python_calamine import CalamineWorkbook

    damaged = ("bảng tính bị hỏng hoặc có mật khẩu",
               "the workbook is damaged or password-protected")
    try:
        book = CalamineWorkbook.from_path(str(path))
        loaded = [(meta.name, book.get_sheet_by_index(i))
                  for i, meta in enumerate(book.sheets_metadata) if "Visible" in str(meta.visible)]
    except Exception as exc:  # noqa: BLE001 - calamine raises its own error types for every kind of damage
        raise _fail(path, f"{damaged[0]} ({exc}).", f"{damaged[1]} ({exc}).") from None
    sheets: list[Sheet] = []
    for name, sheet in loaded:
        if sheet.start is None:
            continue  # empty
        height, width = sheet.start[0] + sheet.height, sheet.width
        if height > limits.max_rows or width > limits.max_columns:
            raise _fail(path, f"trang '{name}' có {height} dòng × {width} cột, quá giới hạn.",
                        f"sheet '{name}' has {height} rows × {width} columns, over the limit.")
        def rows(sheet: Any = sheet) -> Iterator[Row]:
            try:  # calamine yields rows from the first, columns from the first used one
                yield from enumerate(sheet.iter_rows(), start=1)
            except Exception as exc:  # noqa: BLE001 - as above
                raise _fail(path, f"{damaged[0]} ({exc}).", f"{damaged[1]} ({exc}).") from None

        sheets.append(Sheet(name=name, rows=rows, total=height, col_offset=sheet.start[1]))
    if not sheets:
        raise _fail(path, "bảng tính không có dữ liệu.", "the workbook holds no data.")
    return sheets
