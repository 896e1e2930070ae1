"""Workbooks are zip archives: every part is checked before anything is unpacked (how many, how
big each claims to be, how much it expands), then unpacked in chunks that stop at the limit."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from chiso.ingest.sheets import mib, refuse
from chiso.settings import ImportLimits

CHUNK = 1 << 16
RATIO_FLOOR = 1024 * 1024  # small parts (XML headers) may compress well without being bombs
_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
           RuntimeError)


def open_archive(path: Path, limits: ImportLimits) -> zipfile.ZipFile:
    """The archive, once its directory says nothing in it is over the limits."""
    try:
        zf = zipfile.ZipFile(path)
        infos = zf.infolist()
    except _DAMAGE as exc:
        raise refuse(path, f"bảng tính bị hỏng (không phải tệp zip hợp lệ: {exc}).",
                     f"the workbook is damaged (not a valid zip file: {exc}).") from None
    if len(infos) > limits.max_parts:
        zf.close()
        raise refuse(path, f"bảng tính có {len(infos)} phần, quá giới hạn {limits.max_parts}.",
                     f"the workbook has {len(infos)} parts, over the limit of {limits.max_parts}.")
    total = 0
    for info in infos:
        problem = _part_problem(info, limits)
        if problem:
            zf.close()
            raise refuse(path, *problem, field=info.filename[:200])
        total += info.file_size
    if total > limits.max_total_bytes:
        zf.close()
        raise refuse(path, f"bảng tính giải nén ra {mib(total)}, quá giới hạn"
                     f" {mib(limits.max_total_bytes)}.",
                     f"the workbook unpacks to {mib(total, True)}, over the limit of"
                     f" {mib(limits.max_total_bytes, True)}.")
    return zf


def _part_problem(info: zipfile.ZipInfo, limits: ImportLimits) -> tuple[str, str] | None:
    name = info.filename[:200]
    if info.flag_bits & 0x1:
        return ("bảng tính có mật khẩu; hãy lưu lại không mật khẩu.",
                "the workbook is password-protected; save it without a password.")
    if info.file_size > limits.max_part_bytes:
        size, limit = info.file_size, limits.max_part_bytes
        en = f"part '{name}' unpacks to {mib(size, True)}, over the limit of {mib(limit, True)}."
        return f"phần '{name}' giải nén ra {mib(size)}, quá giới hạn {mib(limit)}.", en
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > RATIO_FLOOR and ratio > limits.max_ratio:
        times, most = f"{ratio:.0f}", f"{limits.max_ratio:g}"
        return (f"phần '{name}' nén {times} lần (giới hạn {most}): tệp nén bất thường, đã từ chối.",
                f"part '{name}' is compressed {times} times (limit {most}): refused as hostile.")
    return None


def part_chunks(zf: zipfile.ZipFile, name: str, limits: ImportLimits,
                path: Path) -> Iterator[bytes]:
    """A part's bytes in chunks, refused as soon as it unpacks past what it declared."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise refuse(path, f"bảng tính bị hỏng: thiếu phần '{name[:200]}'.",
                     f"the workbook is damaged: it lacks its part '{name[:200]}'.") from None
    allowed = min(info.file_size, limits.max_part_bytes)
    seen = 0
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(CHUNK):
                seen += len(chunk)
                if seen > allowed:
                    raise _lies(path, name)
                yield chunk
    except _DAMAGE as exc:
        raise refuse(path, f"phần '{name[:200]}' của bảng tính bị hỏng ({exc}).",
                     f"part '{name[:200]}' of the workbook is damaged ({exc}).") from None


def part_bytes(zf: zipfile.ZipFile, name: str, limits: ImportLimits, path: Path) -> bytes:
    """A small part (workbook, relationships, styles) whole."""
    return b"".join(part_chunks(zf, name, limits, path))


def verify_parts(zf: zipfile.ZipFile, limits: ImportLimits, path: Path) -> None:
    """Unpack every part once, without keeping it: for readers that unpack on their own."""
    for info in zf.infolist():
        for _chunk in part_chunks(zf, info.filename, limits, path):
            pass


def _lies(path: Path, name: str) -> Exception:
    return refuse(path, f"phần '{name[:200]}' giải nén ra nhiều hơn kích thước nó khai báo.",
                  f"part '{name[:200]}' unpacks to more than the size it declares.")
