"""Uploads: evidence files checked by their first bytes, XLSX templates opened defensively."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from chiso.errors import DataFileError, Problem
from chiso.settings import ImportLimits

# what the first bytes of each accepted type look like
MAGIC = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".xlsx": (b"PK\x03\x04",),
    ".docx": (b"PK\x03\x04",),
}
CONTENT_TYPES = {".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg",
                 ".jpeg": "image/jpeg",
                 ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
ZIP_MAX_FILES = 500
ZIP_MAX_TOTAL = 100 * 1024 * 1024
ZIP_MAX_RATIO = 200


def _refuse(vi: str, en: str, name: str) -> DataFileError:
    return DataFileError(vi, en, [Problem(vi, en, file=name[:200])])


def clean_name(name: str) -> str:
    """A file name safe to show and store: no directories, no control characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(c for c in base if c.isprintable() and c not in '<>:"|?*')
    return base.strip()[:200] or "file"


def check_evidence(name: str, data: bytes) -> tuple[str, str]:
    """(clean name, content type), or a DataFileError for a type chiso does not keep."""
    fname = clean_name(name)
    ext = Path(fname).suffix.lower()
    if ext not in MAGIC:
        raise _refuse(f"Không nhận loại tệp '{ext or '?'}'. Chấp nhận: PDF, PNG, JPG, XLSX, DOCX.",
                      f"File type '{ext or '?'}' is not accepted. Use PDF, PNG, JPG, XLSX or DOCX.",
                      fname)
    if not data.startswith(MAGIC[ext]):
        raise _refuse("Nội dung tệp không khớp với đuôi tên tệp.",
                      "The file's content does not match its extension.", fname)
    if ext in (".xlsx", ".docx"):
        check_zip(fname, data)
    return fname, CONTENT_TYPES[ext]


def check_zip(name: str, data: bytes) -> None:
    """Refuse zip bombs and broken archives before anything decompresses them."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _refuse("Tệp bị hỏng hoặc không phải XLSX/DOCX.",
                      "The file is damaged or not an XLSX/DOCX file.", name) from None
    total = sum(i.file_size for i in infos)
    worst = max((i.file_size / max(i.compress_size, 1) for i in infos), default=0)
    if len(infos) > ZIP_MAX_FILES or total > ZIP_MAX_TOTAL or worst > ZIP_MAX_RATIO:
        raise _refuse("Tệp nén bất thường (quá nhiều phần hoặc giải nén quá lớn); đã từ chối.",
                      "The archive looks hostile (too many parts or expands too much); refused.",
                      name)



def read_ingest_template(fw: Any, period: str, unit: Any, name: str, data: bytes,
                         limits: ImportLimits | None = None,
                         peers: Any = None) -> dict[str, Any]:
    """A filled chiso import template (chiso.ingest) for one unit and period: code -> the
    figure read (value, upper bound, qualifier and note, as `chiso import` reads them).

    chiso.ingest checks the archive against `limits` (pass `settings.import_limits`) before it
    unpacks anything, then reads and validates it exactly as `chiso import` would, with units
    limited to the form's own unit.
    """
    import tempfile
    from datetime import date

    from chiso.errors import UnitError
    from chiso.ingest.headers import fold
    from chiso.ingest.load import ImportOptions, check_file, indicators_for

    if not data.startswith(b"PK\x03\x04"):
        raise _refuse("Tệp không phải XLSX.", "The file is not an XLSX workbook.", name)
    own = {fold(v) for v in (unit.id, unit.code, unit.name, unit.full_name) if v}

    def resolve(text: str, _as_of: date) -> str:
        if fold(text) in own:
            return str(unit.id)
        raise UnitError(f"Biểu mẫu này chỉ dành cho {unit.name}, không cho '{text[:80]}'.",
                        f"This form is for {unit.name} only, not '{text[:80]}'.")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / (Path(name).stem[:50] + ".xlsx")
        path.write_bytes(data)
        try:
            figures, _rows = check_file(path, ImportOptions(period=period, frameworks=[fw.id]),
                                        indicators=indicators_for([fw]), resolve_unit=resolve,
                                        known_units={str(unit.id)}, limits=limits, peers=peers)
        except DataFileError:
            raise
        except Exception:  # noqa: BLE001  (a workbook the reader cannot handle)
            raise _refuse("Không đọc được tệp XLSX.", "The XLSX file could not be read.",
                          name) from None
    return {f.indicator: f for f in figures
            if f.unit_id == unit.id and f.period == period and f.kind == "actual"}


def ingest_template_bytes(fw: Any, unit: Any) -> bytes:
    """chiso's import template for a framework, pre-filled with the form's unit."""
    import tempfile

    from chiso.ingest.template import write_template

    with tempfile.TemporaryDirectory() as tmp:
        path = write_template(fw, Path(tmp) / "template.xlsx", [(unit.id, unit.name)])
        return path.read_bytes()
