"""XLSX workbooks read as a stream, so memory stays bounded whatever a file claims.

The zip is checked part by part (`archive`); each visible sheet's declared dimension is read and
its rows and cells are counted on the raw XML before any is parsed; then rows are parsed with
expat and yielded one at a time. Damaged XML, a part that unpacks to more than it says, or a
sheet over a limit is a `DataFileError`, never a traceback.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Any
from xml.parsers import expat

from chiso.ingest.archive import open_archive, part_bytes, part_chunks
from chiso.ingest.sheets import Row, Sheet, column_index, refuse
from chiso.numbers import format_vi
from chiso.settings import ImportLimits
from chiso.values import Percent

_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s>/]")
_DIMENSION = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?dimension\s+ref="\$?([A-Z]{1,3})\$?(\d{1,7})'
                        rb'(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?"')
_DATE_FORMATS = {*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)}
_PERCENT_FORMATS = {9, 10}
_DATE_TOKENS = re.compile(r"[dmyhs]", re.IGNORECASE)
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_OFFICE_REL = "officeDocument/2006/relationships"


@dataclass(frozen=True)
class _Book:
    sheets: list[tuple[str, str, bool]]  # name, part, visible
    strings_part: str | None
    styles_part: str | None
    date1904: bool


def workbook_sheets(path: Path, limits: ImportLimits) -> list[Sheet]:
    """The visible sheets of an XLSX/XLSM file, each counted and within the limits."""
    with open_archive(path, limits) as zf:
        book = _book(zf, limits, path)
        styles = _styles(zf, book.styles_part, limits, path)
        strings = _shared_strings(zf, book.strings_part, limits, path)
        counted = [(name, part, _count(zf, part, name, limits, path))
                   for name, part, visible in book.sheets if visible]
    out: list[Sheet] = []
    for name, part, rows in counted:
        if rows == 0:
            continue

        def read(part: str = part, name: str = name) -> Iterator[Row]:
            with open_archive(path, limits) as zf:
                chunks = part_chunks(zf, part, limits, path)
                yield from _rows(chunks, strings, styles, book.date1904, limits, path, name)

        out.append(Sheet(name=name, rows=read, total=rows))
    if not out:
        raise refuse(path, "bảng tính không có dữ liệu.", "the workbook holds no data.")
    return out


# ── the workbook's own parts ────────────────────────────────────────────────────────────────


def _parse_whole(data: bytes, path: Path, part: str, start: Any, end: Any = None,
                 text: Any = None) -> None:
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise _damaged(path, part, exc) from None


def _book(zf: zipfile.ZipFile, limits: ImportLimits, path: Path) -> _Book:
    rels: dict[str, tuple[str, str]] = {}

    def rel(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "Relationship" and "Id" in attrs:
            rels[attrs["Id"]] = (attrs.get("Type", ""), attrs.get("Target", ""))

    if "xl/_rels/workbook.xml.rels" in zf.namelist():
        _parse_whole(part_bytes(zf, "xl/_rels/workbook.xml.rels", limits, path), path,
                     "xl/_rels/workbook.xml.rels", rel)
    sheets: list[tuple[str, str, bool]] = []
    flags = {"date1904": False}

    def wb(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "sheet":
            rid = next((v for k, v in attrs.items() if _local(k) == "id"), "")
            target = rels.get(rid, ("", ""))[1]
            state = attrs.get("state", "visible")
            sheets.append((attrs.get("name", "?"), _resolve(target), state == "visible"))
        elif local == "workbookPr":
            flags["date1904"] = attrs.get("date1904", "0").lower() in ("1", "true")

    _parse_whole(part_bytes(zf, "xl/workbook.xml", limits, path), path, "xl/workbook.xml", wb)
    by_type = {t.rsplit("/", 1)[-1]: _resolve(target) for t, target in rels.values()
               if _OFFICE_REL in t}
    names = set(zf.namelist())
    strings = by_type.get("sharedStrings", "xl/sharedStrings.xml")
    styles = by_type.get("styles", "xl/styles.xml")
    return _Book(sheets, strings if strings in names else None,
                 styles if styles in names else None, flags["date1904"])


def _resolve(target: str) -> str:
    """A relationship target as a part name ("worksheets/sheet1.xml" → "xl/worksheets/...")."""
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = []
    for piece in PurePosixPath("xl", target).parts:
        if piece == "..":
            if parts:
                parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _styles(zf: zipfile.ZipFile, part: str | None, limits: ImportLimits,
            path: Path) -> dict[str, str]:
    """The cell styles (a cell's `s`) that make a number a "date" or a "percent"."""
    if part is None:
        return {}
    custom: dict[int, str] = {}
    xfs: list[int] = []
    where = {"in_xfs": False}

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "numFmt":
            custom[_int(attrs.get("numFmtId"))] = attrs.get("formatCode", "")
        elif local == "cellXfs":
            where["in_xfs"] = True
        elif local == "xf" and where["in_xfs"]:
            xfs.append(_int(attrs.get("numFmtId")))

    def end(name: str) -> None:
        if _local(name) == "cellXfs":
            where["in_xfs"] = False

    _parse_whole(part_bytes(zf, part, limits, path), path, part, start, end)
    kinds = {str(i): _format_kind(fid, custom.get(fid)) for i, fid in enumerate(xfs)}
    return {i: k for i, k in kinds.items() if k is not None}


def _format_kind(fid: int, code: str | None) -> str | None:
    if code is None:
        return "date" if fid in _DATE_FORMATS else "percent" if fid in _PERCENT_FORMATS else None
    bare = _QUOTED.sub("", code)
    if "%" in bare:
        return "percent"
    if bare.lower() != "general" and _DATE_TOKENS.search(bare):
        return "date"
    return None


def _shared_strings(zf: zipfile.ZipFile, part: str | None, limits: ImportLimits,
                    path: Path) -> list[str]:
    if part is None:
        return []
    strings: list[str] = []
    pieces: list[str] = []
    st = {"text": False, "phonetic": 0, "size": 0}

    def start(name: str, _attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "si":
            pieces.clear()
            st["size"] = 0
        elif local == "t":
            st["text"] = not st["phonetic"]
        elif local == "rPh":
            st["phonetic"] += 1

    def end(name: str) -> None:
        local = _local(name)
        if local == "t":
            st["text"] = False
        elif local == "rPh":
            st["phonetic"] -= 1
        elif local == "si":
            strings.append("".join(pieces))
            if len(strings) > limits.max_cells:
                raise _over(path, "chuỗi dùng chung", "shared strings", limits.max_cells)

    def text(data: str) -> None:
        if st["text"]:
            pieces.append(data)
            st["size"] += len(data)
            if st["size"] > limits.max_cell_chars:
                raise _too_long(path, limits)

    _feed(part_chunks(zf, part, limits, path), path, part, start, end, text)
    return strings


# ── sheets ──────────────────────────────────────────────────────────────────────────────────


def _count(zf: zipfile.ZipFile, part: str, name: str, limits: ImportLimits, path: Path) -> int:
    """Rows of a sheet, from its declared dimension and a count of the raw XML (no parsing)."""
    rows = cells = 0
    tail = b""
    looking = True  # the dimension comes before the sheet's data
    for chunk in part_chunks(zf, part, limits, path):
        buf = tail + chunk
        if looking:
            data_at = buf.find(b"sheetData")
            m = _DIMENSION.search(buf, 0, len(buf) if data_at < 0 else data_at)
            if m:
                _check_dimension(m, name, limits, path)
            looking = m is None and data_at < 0
        cut = buf.rfind(b"<")
        cut = len(buf) if cut < 0 or len(buf) - cut > 4096 else cut
        head, tail = buf[:cut], buf[cut:]
        rows += len(_ROW.findall(head))
        cells += len(_CELL.findall(head))
        if rows > limits.max_rows:
            raise _over(path, "dòng", "rows", limits.max_rows, name)
        if cells > limits.max_cells:
            raise _over(path, "ô", "cells", limits.max_cells, name)
    rows += len(_ROW.findall(tail + b" "))
    if rows > limits.max_rows:
        raise _over(path, "dòng", "rows", limits.max_rows, name)
    return rows


def _check_dimension(m: re.Match[bytes], name: str, limits: ImportLimits, path: Path) -> None:
    c1, r1, c2, r2 = (g.decode() if g else None for g in m.groups())
    assert c1 and r1
    last_col, last_row = column_index(c2 or c1) + 1, int(r2 or r1)
    if last_row > limits.max_rows:
        raise _over(path, "dòng (theo kích thước khai báo)", "rows (by its declared dimension)",
                    limits.max_rows, name)
    if last_col > limits.max_columns:
        raise _over(path, "cột (theo kích thước khai báo)", "columns (by its declared dimension)",
                    limits.max_columns, name)


def _rows(chunks: Iterable[bytes], strings: list[str], styles: dict[str, str],
          date1904: bool, limits: ImportLimits, path: Path, sheet: str) -> Iterator[Row]:
    """Parse sheet XML into (row number, cells), one row in memory at a time.

    The handlers run once per element of a sheet that may hold millions: state lives in
    closure variables and column letters are looked up once, for speed."""
    out: list[Row] = []
    row: list[Any] = []
    max_rows, max_cols, max_chars = limits.max_rows, limits.max_columns, limits.max_cell_chars
    columns: dict[str, int] = {}
    number = 0  # the row's number
    col = -1
    kind: str | None = None
    style: str | None = None
    text: str | None = None  # the cell's value as written, while it is read
    reading = False  # inside <v>, or a <t> of an inline string outside phonetic runs
    inline = phonetic = False

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal number, col, kind, style, text, reading, inline, phonetic
        if ":" in name:
            name = name[name.index(":") + 1:]
        if name == "c":
            ref = attrs.get("r")
            if ref is None:
                col += 1
            else:
                letters = ref.rstrip("0123456789")
                found = columns.get(letters)
                if found is None:
                    if not (letters.isascii() and letters.isupper() and 0 < len(letters) <= 3):
                        raise _bad_cell(path, sheet, number, ref)
                    found = columns[letters] = column_index(letters)
                col = found
            if col >= max_cols:
                raise _over(path, "cột", "columns", max_cols, sheet, row=number)
            kind, style, text = attrs.get("t"), attrs.get("s"), None
        elif name == "v" or (name == "t" and inline and not phonetic):
            reading = True
        elif name == "row":
            r = attrs.get("r")
            number = int(r) if r is not None and r.isdigit() else number + 1
            if number > max_rows:
                raise _over(path, "dòng", "rows", max_rows, sheet)
            col = -1
            row.clear()
        elif name == "is":
            inline = True
        elif name == "rPh":
            phonetic = True

    def end(name: str) -> None:
        nonlocal reading, inline, phonetic
        if ":" in name:
            name = name[name.index(":") + 1:]
        if name == "v" or name == "t":
            reading = False
        elif name == "c":
            reading = False
            if text is None:
                return
            value = _cell(kind, style, text, strings, styles, date1904)
            if col >= len(row):
                row.extend([None] * (col + 1 - len(row)))
            row[col] = value
        elif name == "row":
            if row:
                out.append((number, list(row)))
        elif name == "is":
            inline = False
        elif name == "rPh":
            phonetic = False

    def characters(data: str) -> None:
        nonlocal text
        if reading:
            text = data if text is None else text + data
            if len(text) > max_chars:
                raise _too_long(path, limits, sheet, number)

    parser = _parser(start, end, characters)
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
            if out:
                yield from out
                out.clear()
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise _damaged(path, sheet, exc) from None
    yield from out


def _cell(kind: str | None, style: str | None, raw: str, strings: list[str],
          styles: dict[str, str], date1904: bool) -> Any:
    if kind is None or kind == "n":
        try:
            number = float(raw)
        except ValueError:
            return raw
        fmt = None if style is None else styles.get(style)
        if fmt == "percent":
            return Percent(number)
        if fmt == "date":
            return _serial_date(number, date1904)
        return number
    if kind == "s":
        index = int(raw) if raw.strip().isdigit() else -1
        return strings[index] if 0 <= index < len(strings) else raw
    if kind == "b":
        return raw.strip() in ("1", "true")
    if kind == "d":
        try:
            return datetime.fromisoformat(raw.rstrip("Z"))
        except ValueError:
            return raw
    return raw  # inlineStr, str (a formula's text), e (an error such as #DIV/0!)


def _serial_date(number: float, date1904: bool) -> date | datetime | float:
    epoch = datetime(1904, 1, 1) if date1904 else datetime(1899, 12, 30)
    if not -1 < number < 2_958_466:  # 31/12/9999
        return number
    moment = epoch + timedelta(days=number)
    return moment.date() if number.is_integer() else moment


# ── expat plumbing and refusals ─────────────────────────────────────────────────────────────


def _parser(start: Any, end: Any, text: Any) -> Any:
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.buffer_size = 1 << 16
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    return parser


def _feed(chunks: Iterable[bytes], path: Path, part: str, start: Any, end: Any,
          text: Any) -> None:
    parser = _parser(start, end, text)
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise _damaged(path, part, exc) from None


def _local(name: str) -> str:
    return name[name.find(":") + 1:]


def _int(text: str | None) -> int:
    return int(text) if text and text.isdigit() else -1


def _damaged(path: Path, part: str, exc: expat.ExpatError) -> Exception:
    return refuse(path, f"nội dung XML của '{part[:100]}' bị hỏng hoặc bị cắt cụt (dòng"
                  f" {exc.lineno}, cột {exc.offset}: {expat.ErrorString(exc.code)}).",
                  f"the XML of '{part[:100]}' is damaged or cut short (line {exc.lineno},"
                  f" column {exc.offset}: {expat.ErrorString(exc.code)}).")


def _bad_cell(path: Path, sheet: str, row: int, ref: str) -> Exception:
    return refuse(path, f"trang '{sheet}' có địa chỉ ô không hợp lệ '{ref[:20]}'.",
                  f"sheet '{sheet}' has an invalid cell address '{ref[:20]}'.", row=row)


def _over(path: Path, what_vi: str, what_en: str, limit: int, sheet: str | None = None,
          **where: Any) -> Exception:
    on_vi = f"trang '{sheet}' có" if sheet else "bảng tính có"
    on_en = f"sheet '{sheet}' has" if sheet else "the workbook has"
    return refuse(path, f"{on_vi} hơn {format_vi(limit)} {what_vi}, quá giới hạn;"
                        " hãy chia nhỏ tệp.",
                  f"{on_en} more than {limit:,} {what_en}, over the limit; split the file.",
                  **where)


def _too_long(path: Path, limits: ImportLimits, sheet: str | None = None,
              row: int | None = None) -> Exception:
    on = f" (trang '{sheet}')" if sheet else ""
    return refuse(path, f"một ô dài hơn {limits.max_cell_chars} ký tự{on}.",
                  f"a cell is longer than {limits.max_cell_chars} characters{on}.", row=row)
