"""Read a report (text, HTML, DOCX, PDF) into plain text: the I/O edge of extraction."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from chiso.errors import ExtractionError, Problem

MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass(frozen=True)
class Document:
    """A report read as text: its name (the file name) and its text."""

    name: str
    text: str


def _fail(path: Path | str, vi: str, en: str) -> ExtractionError:
    return ExtractionError(
        f"Không đọc được báo cáo {path}", f"Cannot read the report {path}",
        [Problem(vi, en, file=str(path))],
    )


def decode(data: bytes, name: str = "<text>") -> str:
    """Bytes to text: UTF-8 (with or without BOM), else the charset charset-normalizer finds."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(
            name,
            "tệp là nhị phân, không phải văn bản; hãy dùng .txt, .html, .docx hoặc .pdf",
            "the file is binary, not text; use .txt, .html, .docx or .pdf",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise _fail(name, "không nhận ra bảng mã của tệp; hãy lưu lại dưới dạng UTF-8",
                    "cannot tell the file's encoding; save it as UTF-8")
    return str(best)


_BLOCK_EDGES = "div, p, br, li, ul, ol, h1, h2, h3, h4, h5, h6, tr, td, th, blockquote, section"
_INLINE_SPACE = re.compile(r"[ \t\r]+")
_CELL_MAX = 300  # a table whose cells hold more is a page's layout, not a table of figures


def _tables_as_rows(root, parser) -> None:  # type: ignore[no-untyped-def]
    """Each table of figures in `root` as paragraphs, a row each, its cells (headers too)
    between pipes, where it stands: "Quảng Ninh | 72.95 | 1 | Rất tốt". A table of long cells
    (a page laid out in a table) is left as it is; the innermost tables go first."""
    import html as markup

    for table in reversed(root.css("table")):
        if any(inner.mem_id != table.mem_id for inner in table.css("table")):
            continue  # a table holding a table (its own match is among them)
        rows = []
        for tr in table.css("tr"):
            cells = [" ".join(c.text(separator=" ", strip=True).split()) for c in tr.css("th, td")]
            if any(len(c) > _CELL_MAX for c in cells):
                break
            if any(cells):
                rows.append(" | ".join(cells))
        else:
            if rows:
                paragraphs = "".join(f"<p>{markup.escape(r)}</p>" for r in rows)
                table.replace_with(parser(f"<div>{paragraphs}</div>").css_first("div"))


def html_text(html: str) -> str:
    """The main text of an HTML page: paragraphs and headings, without scripts and menus."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(html)
    for tag in (
        "script",
        "style",
        "noscript",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "iframe",
    ):
        for node in tree.css(tag):
            node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return ""
    _tables_as_rows(root, HTMLParser)
    blocks = root.css("h1, h2, h3, h4, p, li, td, blockquote, figcaption")
    lines = [b.text(separator=" ", strip=True) for b in blocks]
    if sum(map(len, lines)) < 0.5 * len(root.text(separator=" ", strip=True)):
        # most of the text is in no paragraph (a portal writing its article in <div>s and
        # <br>s): the whole text, a line at each block's edge and each break, inline words kept
        # in their sentence ("đạt <b>70,8%</b>")
        for node in root.css(_BLOCK_EDGES):
            node.insert_before("\n")
            node.insert_after("\n")
        lines = [_INLINE_SPACE.sub(" ", line).strip(" \t")
                 for line in root.text(separator="").split("\n")]
    title = tree.css_first("title")
    if title is not None and not root.css("h1"):
        lines.insert(0, title.text(strip=True))
    return "\n".join(line for line in lines if line)


def docx_text(data: bytes) -> str:
    """A .docx's paragraphs and tables in the document's order (a table under its heading), a
    row a line with its cells between pipes, a merged cell once."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, doc).text)
        elif tag == "tbl":
            for row in Table(child, doc).rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) not in seen:  # a merged cell is one cell, said once
                        seen.add(id(cell._tc))
                        cells.append(" ".join(cell.text.split()))
                lines.append(" | ".join(cells))
    return "\n".join(lines)


def pdf_text(data: bytes) -> str:
    """A PDF's text, page after page, without its running heads and feet (`_furniture`)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    pages = [(page.extract_text() or "").split("\n") for page in reader.pages]
    drop = _furniture(pages)
    return "\n".join(line for page in pages for line in page
                     if _masked(line) not in drop or not line.strip())


_EDGE_LINES = 3  # a running head or foot is among the first or last lines of a page's text
_DIGITS_RUN = re.compile(r"\d+")


def _masked(line: str) -> str:
    return _DIGITS_RUN.sub("#", " ".join(line.split()))


def _furniture(pages: list[list[str]]) -> set[str]:
    """The running heads and feet of a PDF of two pages or more: a line at a page's edge (its
    first or last lines) that, its digits aside, is at the edge of at least half the pages
    ("Báo cáo số 12/BC-UBND", "Trang 3", a page number "3"). A figure said once is never one."""
    if len(pages) < 2:
        return set()
    seen: dict[str, int] = {}
    for lines in pages:
        edges = {_masked(x) for x in lines[:_EDGE_LINES] + lines[-_EDGE_LINES:] if x.strip()}
        for m in edges:
            seen[m] = seen.get(m, 0) + 1
    return {m for m, n in seen.items() if n >= max(2, len(pages) / 2) and len(m) <= 80}


def read_bytes(data: bytes, name: str) -> Document:
    """Read a report given as bytes; the suffix of `name` says its format."""
    if not data.strip():
        raise _fail(name, "tệp rỗng", "the file is empty")
    if len(data) > MAX_BYTES:
        raise _fail(name, f"tệp quá lớn ({len(data) // 1_000_000} MB, tối đa 50 MB); hãy tách nhỏ",
                    f"the file is too large ({len(data) // 1_000_000} MB, at most 50 MB); split it")
    suffix = Path(name).suffix.lower()
    try:
        if suffix == ".docx":
            text = docx_text(data)
        elif suffix == ".pdf":
            text = pdf_text(data)
        elif suffix in HTML_SUFFIXES or data.lstrip()[:15].lower().startswith(
            (b"<!doctype html", b"<html")
        ):
            text = html_text(decode(data, name))
        else:
            text = decode(data, name)
    except ExtractionError:
        raise
    except Exception as err:  # a broken DOCX/PDF: say which file and what the library said
        raise _fail(name, f"tệp {suffix or ''} hỏng hoặc không đúng định dạng ({err})",
                    f"the {suffix or ''} file is damaged or not in that format ({err})") from err
    text = base_text(text)  # kept as written; extraction reads it through `normalised`
    if not text.strip():
        raise _fail(name, "tệp không có chữ nào đọc được (PDF dạng ảnh cần OCR trước)",
                    "the file has no readable text (a scanned PDF needs OCR first)")
    return Document(name=Path(name).name, text=text)


# Letters that look like Vietnamese ones and are not: the Icelandic eth "Ð" (U+00D0) and "ð"
# (U+00F0) typed for "Đ" (U+0110) and "đ" (U+0111) ("Bình Ðịnh"). One letter for one, so offsets
# into the text stay true.
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})


# Spaces a web page or a word processor writes that are spaces to a reader: a tab (between the
# cells of a row pasted from a spreadsheet), no-break (&nbsp;), narrow no-break, thin, figure and
# the other typographic spaces; and marks that are nothing to a
# reader: zero-width space, byte-order mark, soft hyphen.
_SPACES_ONE_FOR_ONE = str.maketrans({c: " " for c in "\t\u00a0\u2000\u2001\u2002\u2003\u2004"
                                     "\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"})
_GONE = re.compile("[\u200b\ufeff\u00ad\u2060]")
_CRLF = re.compile("\r\n")
_ODD_SPACE = re.compile("[\t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff\u00ad\u2060]")
_RUN_OF_SPACES = re.compile(r" {2,}")
# the dashes of a range between numbers ("2021–2025", "2‒3%", "10 − 15"), read as the hyphen most
# texts type (one character for one)
_DASHES = "\u2010\u2011\u2012\u2013\u2212"
_DASH = re.compile(rf"(?<=\d)[{_DASHES}](?=\d)|(?<=\d )[{_DASHES}](?= \d)")
# "phần trăm" after a number is the per cent sign most reports type ("đạt 70,8 phần trăm",
# "tăng 2 điểm phần trăm"): read as "%", the sign's place kept at the words' first letter
_PER_CENT = re.compile(r"(?<=\d)[ ]?phần trăm(?!\w)|(?<=\d điểm) phần trăm(?!\w)", re.IGNORECASE)
# A report typing numbers the English way ("70.8%", "0.7163", "1,234,567") means thousands by
# "2,021", which Vietnamese reads as a decimal: where a text writes decimals with a dot
# (twice or more) and never the Vietnamese way ("70,8", "1.234.567"), a comma before three
# digits and no more groups thousands, and is read as the dot Vietnamese writes there
_DOT_DECIMAL = re.compile(r"(?<![\d.,])\d+\.(?:\d?[1-9]|(?!(?:19|20)\d\d(?!\d))\d{4,})(?![\d.,])"
                          r"|(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d.,])")
_COMMA_DECIMAL = re.compile(r"(?<![\d.,])\d+,(?:\d{1,2}|\d{4,})(?![\d.,])"
                            r"|(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.,])")
_COMMA_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3}),(?=\d{3}(?![\d.,]))")
_COMMA_THREE = re.compile(r",\d{3}(?![\d.,])")  # opening with a literal: a quick first look


def _english_numbers(text: str) -> bool:
    """Does `text` write its numbers the English way (decimal dot, grouping comma)?"""
    if (not _COMMA_THREE.search(text) or not _COMMA_THOUSANDS.search(text)
            or _COMMA_DECIMAL.search(text)):
        return False
    dots = _DOT_DECIMAL.finditer(text)
    return next(dots, None) is not None and next(dots, None) is not None


# blank lines between paragraphs (a web page's, a word processor's) are one paragraph break
_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")


# Lines wrapped inside a sentence (a PDF's, an e-mail's), read as one line; the break is read as
# the space it replaced (one character for one: offsets stay true):
# - a line of 40 characters or more that does not end as a sentence, a heading or a cell does,
#   whose next line goes on in lower case ("... tỷ lệ hộ gia đình có" / "cáp quang đạt 80%");
# - in a text wrapped at a width (most of its long lines end within a fifth of the longest), a
#   line reaching near the width that does not end so, whatever the next starts with ("... Ninh
#   Bình xếp thứ" / "12/63"), unless that opens an item of a list ("- ", "2. ", "a) ") or is a
#   table's row (`_row`).
_ITEM = re.compile(r"[ \t]*(?:[-+•–*]|\d{1,2}[.)]\s|[a-zđ][.)]\s|[IVX]+[.)]\s)")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
_TERMINAL = frozenset(".:;!?…)]”\"»")


def _row(line: str) -> bool:
    """Is `line` a table's row ("Quảng Ninh 7.98 7.39 6.31 73.02 1 Rất tốt"): three numbers or
    more, opening with no lower-case word and ending as no sentence ends? Whatever its header or
    the row above, it is a line of its own."""
    stripped = line.strip()
    return (len(_NUMBER.findall(stripped)) >= 3 and not stripped[:1].islower()
            and stripped[-1:] not in ".;")


def _wrap_width(lines: list[str]) -> int | None:
    """The width a text's lines were wrapped at, if they were."""
    long = sorted(len(x) for x in lines if len(x) >= 40)
    if len(long) < 6:
        return None
    width = long[int(len(long) * 0.9)]
    near = [n for n in long if n >= 0.8 * width]
    if len(near) < 0.6 * len(long) or width > 200:
        return None  # lines of every length: paragraphs a line, not a wrapped text
    return width


def _unwrapped(text: str) -> str:
    """`text` with the breaks of lines wrapped inside a sentence read as spaces."""
    lines = text.split("\n")
    width = _wrap_width(lines)
    out = [lines[0]]
    for line in lines[1:]:
        cur = out[-1]
        opening = line.lstrip(" \t")[:1]
        ends = cur.rstrip()[-1:] not in _TERMINAL
        if ends and ((len(cur) >= 40 and (opening.islower() or (
                # "... số hoá" / "57.877 hồ sơ": a number going on after a lower-case word, not
                # a title's (the first line) nor a list's or a table's
                opening.isdigit() and len(out) > 1 and cur.rstrip()[-1:].islower()
                and not _ITEM.match(line) and not _row(line))))
                     or (width is not None and len(cur) >= 0.8 * width and opening
                         and not _ITEM.match(line) and not _row(line))):
            out[-1] = cur + " " + line
        else:
            out.append(line)
    return "\n".join(out)


# The tone mark on "oa", "oe", "uy" ending a syllable is written on either vowel ("Hòa Bình",
# "Hoà Bình"; "số hóa", "số hoá"; "Ủy ban", "Uỷ ban"): both read as the second, the way chiso's
# words are written, letter for letter, so offsets stay true.
_TONE_ON_FIRST: dict[str, str] = {}
for _first, _then, _old, _new in (("o", "a", "òóỏõọ", "àáảãạ"), ("o", "e", "òóỏõọ", "èéẻẽẹ"),
                                  ("u", "y", "ùúủũụ", "ỳýỷỹỵ")):
    for _o, _n in zip(_old, _new):
        _TONE_ON_FIRST[_o + _then] = _first + _n
        _TONE_ON_FIRST[_o.upper() + _then] = _first.upper() + _n
        _TONE_ON_FIRST[_o.upper() + _then.upper()] = (_first + _n).upper()  # "THANH HÓA"
_TONE_ON_FIRST_RE = re.compile("(?:" + "|".join(_TONE_ON_FIRST) + r")(?!\w)")


def tones(text: str) -> str:
    """`text` with the tone of "oa", "oe", "uy" ending a syllable on the second vowel."""
    return _TONE_ON_FIRST_RE.sub(lambda m: _TONE_ON_FIRST[m.group(0)], text)


def base_text(text: str) -> str:
    """The text a report is kept and quoted as: NFC (tones typed as combining marks become
    letters) and the look-alike letters of `_LOOKALIKES` as the Vietnamese letters they stand
    for."""
    text = unicodedata.normalize("NFC", text)
    if "\u00d0" in text or "\u00f0" in text:  # rare: `translate` walks the whole text
        text = text.translate(_LOOKALIKES)
    return text


def normal_text(text: str) -> str:
    """The text extraction reads (`normalised`)."""
    return normalised(text)[0]


def normalised(text: str) -> tuple[str, str, list[int] | None]:
    """The text extraction reads, the text it is quoted from (`base_text`), and where each
    character of the first is in the second (None when one letter stands for one throughout).

    Read: line ends as one newline (a Windows file's CR LF), a line wrapped inside a sentence as
    one line (`_unwrapped`), every kind of space as one space (no-break, thin, a run
    of spaces), blank lines as one paragraph break, the dashes of a range as a hyphen, "phần
    trăm" after a number as "%", a comma grouping thousands in a text typing its numbers the
    English way as the dot Vietnamese types (`_english_numbers`), the tone of "oa", "oe", "uy"
    ending a syllable on the second vowel (`tones`). A figure reads the same
    however its spaces, lines and tones were typed; its quote and span are then given
    back in the text as written (`pipeline.extract_text`)."""
    base = text = base_text(text)
    offsets: list[int] | None = None
    if _ODD_SPACE.search(text):
        text = text.translate(_SPACES_ONE_FOR_ONE)
        if _GONE.search(text):
            text, offsets = _squeeze(text, offsets, _GONE, "")
    if "\r" in text:
        text, offsets = _squeeze(text, offsets, _CRLF, "\n")
        text = text.replace("\r", "\n")
    if "\n\n" in text or "\n " in text or "\n\t" in text:
        text, offsets = _squeeze(text, offsets, _BLANK_LINES, "\n")
    if "  " in text:
        text, offsets = _squeeze(text, offsets, _RUN_OF_SPACES, " ")
    for _ in range(4):  # until no line is left to join (a join can make a line long enough)
        if "\n" not in text:
            break
        joined = _unwrapped(text)
        if joined == text:
            break
        text = joined
        if "  " in text:  # "... hộ gia đình có" / "  cáp quang": the next line's indent
            text, offsets = _squeeze(text, offsets, _RUN_OF_SPACES, " ")
    if _DASH.search(text):
        text = _DASH.sub("-", text)
    if _english_numbers(text):
        text = _COMMA_THOUSANDS.sub(r"\1.", text)
    if ("trăm" in text or "TRĂM" in text or "Trăm" in text) and _PER_CENT.search(text):
        text, offsets = _squeeze(text, offsets, _PER_CENT, "%")
    if _TONE_ON_FIRST_RE.search(text):
        text = tones(text)
    return text, base, offsets


def _squeeze(text: str, offsets: list[int] | None, pattern: re.Pattern[str],
             by: str) -> tuple[str, list[int] | None]:
    """`text` with each match of `pattern` written `by` (no longer than the match), and the
    offsets of its characters in the text before any squeeze."""
    if offsets is None:
        offsets = list(range(len(text) + 1))
    parts: list[str] = []
    where: list[int] = []
    at = 0
    for m in pattern.finditer(text):
        parts.append(text[at:m.start()])
        where.extend(offsets[at:m.start()])
        parts.append(by)
        where.extend(offsets[m.start():m.start() + len(by)])
        at = m.end()
    parts.append(text[at:])
    where.extend(offsets[at:])
    return "".join(parts), where


def read_document(path: Path | str) -> Document:
    """Read a report file: .txt (any encoding), .html, .docx or .pdf."""
    path = Path(path)
    if not path.is_file():
        raise _fail(path, "không tìm thấy tệp", "no such file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _fail(path, f"tệp quá lớn ({size // 1_000_000} MB, tối đa 50 MB); hãy tách nhỏ",
                    f"the file is too large ({size // 1_000_000} MB, at most 50 MB); split it")
    return read_bytes(path.read_bytes(), path.name)
