"""The errors chiso raises: one base class, each error bilingual and located."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Problem:
    """One located problem: where it is and what is wrong, in Vietnamese and English."""

    message_vi: str
    message_en: str
    file: str | None = None
    row: int | None = None
    column: str | None = None
    field: str | None = None
    line: int | None = None
    value: Any = None

    def where(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file)
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        if self.field:
            parts.append(f"field {self.field}")
        return ", ".join(parts)

    def describe(self) -> str:
        loc = self.where()
        val = f" [value: {self.value!r}]" if self.value is not None else ""
        head = f"{loc}: " if loc else ""
        return f"{head}{self.message_vi} / {self.message_en}{val}"

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class ChisoError(Exception):
    """Base error: a bilingual message plus the located problems behind it."""

    message_vi: str
    message_en: str
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.message_en)

    def __str__(self) -> str:
        lines = [f"{self.message_vi} / {self.message_en}"]
        lines += [f"  - {p.describe()}" for p in self.problems]
        return "\n".join(lines)


class FrameworkError(ChisoError):
    """A framework file is invalid."""


class UnitError(ChisoError):
    """An administrative unit could not be found or is ambiguous."""


class DataFileError(ChisoError):
    """A data file (CSV, XLSX) could not be imported."""


class ExtractionError(ChisoError):
    """A report could not be read or extracted."""


class ComputeError(ChisoError):
    """An index could not be computed with the data and method given."""


class StoreError(ChisoError):
    """The database is missing, outdated or inconsistent."""


class AuthError(ChisoError):
    """Authentication or authorisation failed."""
