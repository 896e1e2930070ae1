"""Read a report (text, HTML, DOCX, PDF) into plain text: the I/O edge of extraction."""

from __future__ import annotations

import io
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
    blocks = root.css("h1, h2, h3, h4, p, li, td, blockquote, figcaption")
    if blocks:
        lines = [b.text(separator=" ", strip=True) for b in blocks]
    else:
        lines = [root.text(separator="\n", strip=True)]
    title = tree.css_first("title")
    if title is not None and not root.css("h1"):
        lines.insert(0, title.text(strip=True))
    return "\n".join(line for line in lines if line)


def docx_text(data: bytes) -> str:
    import docx

    doc = docx.Document(io.BytesIO(data))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


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
    text = normal_text(text)
    if not text.strip():
        raise _fail(name, "tệp không có chữ nào đọc được (PDF dạng ảnh cần OCR trước)",
                    "the file has no readable text (a scanned PDF needs OCR first)")
    return Document(name=Path(name).name, text=text)


# Letters that look like Vietnamese ones and are not: the Icelandic eth "Ð" (U+00D0) and "ð"
# (U+00F0) typed for "Đ" (U+0110) and "đ" (U+0111) ("Bình Ðịnh"). One letter for one, so offsets
# into the text stay true.
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})


def normal_text(text: str) -> str:
    """The text extraction reads: NFC (tones typed as combining marks become letters) and the
    look-alike letters of `_LOOKALIKES` as the Vietnamese letters they stand for."""
    text = unicodedata.normalize("NFC", text)
    if "\u00d0" in text or "\u00f0" in text:  # rare: `translate` walks the whole text
        text = text.translate(_LOOKALIKES)
    return text


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
