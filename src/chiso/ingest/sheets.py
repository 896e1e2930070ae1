"""What every reader gives: a file as `Sheet`s of numbered rows, and refusals that name the file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chiso.errors import DataFileError, Problem
from chiso.numbers import format_vi

Row = tuple[int, list[Any]]


@dataclass
class Sheet:
    """One table of a file: its name (the file name for CSV) and a way to read its rows again.

    Rows are `(row_number, cells)` with spreadsheet row numbers (first row = 1); cells are text
    for CSV and text / float / bool / date (and `chiso.values.Percent`) for workbooks.
    """

    name: str
    rows: Callable[[], Iterator[Row]]
    total: int | None = None  # rows, when known cheaply (for progress bars)
    col_offset: int = 0  # readers that drop empty leading columns say how many


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def column_index(letters: str) -> int:
    """A → 0, Z → 25, AA → 26 (the inverse of `column_letter`)."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def refuse(path: Path | str, vi: str, en: str, **where: Any) -> DataFileError:
    """A file that cannot be read, said in both languages and located on the file."""
    name = path.name if isinstance(path, Path) else path
    return DataFileError(f"Không đọc được tệp {name}: {vi}", f"Cannot read {name}: {en}",
                         [Problem(vi, en, file=name, **where)])


def mib(n: float, en: bool = False) -> str:
    """A size for people: "95,3 MiB" (or "95.3 MiB" in English)."""
    size = round(n / (1024 * 1024), 1)
    return f"{size:,} MiB" if en else f"{format_vi(size)} MiB"
