"""Hostile workbooks built part by part: decompression bombs, lying zips, cut-short XML.

A multi-GB sheet is written in seconds: a block of rows is deflated once from a reset state
(Z_FULL_FLUSH), and the same compressed bytes are repeated, which is a valid deflate stream
of the block repeated. The zip is written by hand so a part can declare any size.
"""

from __future__ import annotations

import random
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" '
    b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    b"</Types>")
ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="xl/workbook.xml"/>'
    b"</Relationships>")
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Dọc" sheetId="1" r:id="rId1"/></sheets></workbook>').encode()
WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    b'Target="worksheets/sheet1.xml"/>'
    b"</Relationships>")
SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
HEADER_ROW = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>unit</t></is></c>'
              b'<c r="B1" t="inlineStr"><is><t>indicator</t></is></c>'
              b'<c r="C1" t="inlineStr"><is><t>period</t></is></c>'
              b'<c r="D1" t="inlineStr"><is><t>value</t></is></c></row>')
SHEET_TAIL = b"</sheetData></worksheet>"


@dataclass
class Part:
    """One zip entry: its raw deflate data, CRC and sizes (declared may differ from true)."""

    name: str
    data: bytes
    crc: int
    size: int


def deflated(name: str, content: bytes) -> Part:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Part(name, c.compress(content) + c.flush(), zlib.crc32(content), len(content))


def repeated(name: str, head: bytes, block: bytes, times: int, tail: bytes) -> Part:
    """head + block × times + tail, deflated without deflating every copy."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    assert c.compress(block) + c.flush(zlib.Z_FULL_FLUSH) == again  # a reset state repeats
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    data = first + again * times + c.compress(tail) + c.flush()
    return Part(name, data, crc, len(head) + len(block) * times + len(tail))


def write_zip(path: Path, parts: list[Part], declared: dict[str, int] | None = None) -> Path:
    """A zip of the parts; `declared` overrides the uncompressed size a part claims."""
    declared = declared or {}
    central = b""
    offset = 0
    with path.open("wb") as fh:
        for p in parts:
            name = p.name.encode("utf-8")
            size = declared.get(p.name, p.size)
            local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, p.crc,
                                len(p.data), size, len(name), 0)
            fh.write(local + name)
            fh.write(p.data)
            central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x21,
                                   p.crc, len(p.data), size, len(name), 0, 0, 0, 0, 0,
                                   offset) + name
            offset += len(local) + len(name) + len(p.data)
        fh.write(central)
        fh.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts),
                             len(central), offset, 0))
    return path


def skeleton() -> list[Part]:
    return [deflated("[Content_Types].xml", CONTENT_TYPES), deflated("_rels/.rels", ROOT_RELS),
            deflated("xl/workbook.xml", WORKBOOK),
            deflated("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)]


def huge_sheet(path: Path, gigabytes: float = 3.9) -> Path:
    """A few MB that unpack to a multi-GB sheet of identical one-cell rows (ratio ~1000)."""
    block = b"<row><c><v>1</v></c></row>" * 40_000  # ~1 MB
    times = int(gigabytes * 1e9 / len(block))
    sheet = repeated("xl/worksheets/sheet1.xml", SHEET_HEAD + b"<sheetData>" + HEADER_ROW, block,
                     times, SHEET_TAIL)
    return write_zip(path, [*skeleton(), sheet])


def lying_sheet(path: Path, gigabytes: float = 3.9) -> Path:
    """The same sheet, but its zip entry claims 4 KB."""
    block = b"<row><c><v>1</v></c></row>" * 40_000
    times = int(gigabytes * 1e9 / len(block))
    sheet = repeated("xl/worksheets/sheet1.xml", SHEET_HEAD + b"<sheetData>" + HEADER_ROW, block,
                     times, SHEET_TAIL)
    return write_zip(path, [*skeleton(), sheet], {"xl/worksheets/sheet1.xml": 4096})


def many_rows(path: Path, rows: int = 3_400_000, dimension: bool = False) -> Path:
    """~95 MB of XML, ~10 MB zipped (ratio ~9): a header, then one random number per row."""
    rng = random.Random(19)
    dim = f'<dimension ref="A1:D{rows + 1}"/>'.encode() if dimension else b""

    def body() -> Iterator[bytes]:
        yield SHEET_HEAD + dim + b"<sheetData>" + HEADER_ROW
        for start in range(0, rows, 100_000):
            yield b"".join(b"<row><c><v>%d</v></c></row>" % rng.randrange(10**6)
                           for _ in range(min(100_000, rows - start)))
        yield SHEET_TAIL

    content = b"".join(body())
    return write_zip(path, [*skeleton(), deflated("xl/worksheets/sheet1.xml", content)])


def cut_short(path: Path) -> Path:
    """A sheet whose XML stops in the middle of a row (the zip itself is sound)."""
    content = SHEET_HEAD + b"<sheetData>" + HEADER_ROW + b'<row r="2"><c r="A2"><v>1'
    return write_zip(path, [*skeleton(), deflated("xl/worksheets/sheet1.xml", content)])


def sparse_corners(path: Path) -> Path:
    """Two cells, A1 and XFD1048576: a reader that allocates the rectangle needs 17 G cells."""
    content = (SHEET_HEAD + b"<sheetData>" + HEADER_ROW +
               b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' + SHEET_TAIL)
    return write_zip(path, [*skeleton(), deflated("xl/worksheets/sheet1.xml", content)])
