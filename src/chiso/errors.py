"""The errors chiso raises: one tree, each error bilingual, located, and with its HTTP status.

    ChisoError (400)
    ├── InvalidInput (422)   a value, a field, a file or a parameter is wrong
    │   ├── FrameworkError   a framework file or definition
    │   ├── UnitError        an administrative unit that is unknown or ambiguous
    │   ├── DataFileError    a CSV/XLSX file or an upload
    │   ├── ExtractionError  a report that cannot be read or a draft decision
    │   └── ComputeError     an index the data and method cannot give
    ├── AuthError (401)      not signed in, or a token that is not valid
    ├── Forbidden (403)      signed in, but not allowed
    │   └── FormExpired      a form sent back without its session or security token
    ├── NotFound (404)       what the request names does not exist
    ├── Conflict (409)       someone changed it first
    ├── TooLarge (413)       a body or a file over the limit
    ├── TooMany (429)        too many attempts
    ├── StoreError (503)     the database is missing, outdated or inconsistent
    └── ClusterError (503)   the Dask cluster asked for is not installed or cannot be reached

The CLI prints `ErrorType: message` and exits 1; the web answers every error, on every path,
with one JSON shape (chiso.web.responses) or an error page, using the class's status.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar


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

    status: ClassVar[int] = 400

    def __post_init__(self) -> None:
        super().__init__(self.message_en)

    def __str__(self) -> str:
        lines = [f"{self.message_vi} / {self.message_en}"]
        lines += [f"  - {p.describe()}" for p in self.problems]
        return "\n".join(lines)

    def message(self, lang: str) -> str:
        return self.message_en if lang == "en" else self.message_vi


class InvalidInput(ChisoError):
    """A value, a field, a file or a parameter is wrong; the problems say where and why."""

    status = 422


class FrameworkError(InvalidInput):
    """A framework file is invalid, or a framework is asked for that does not exist."""


class UnitError(InvalidInput):
    """An administrative unit could not be found or is ambiguous."""


class DataFileError(InvalidInput):
    """A data file (CSV, XLSX) or an upload could not be read or imported."""


class ExtractionError(InvalidInput):
    """A report could not be read or extracted, or a draft could not be decided."""


class ComputeError(InvalidInput):
    """An index could not be computed with the data and method given."""


class AuthError(ChisoError):
    """Not signed in, or the token is invalid, revoked or expired."""

    status = 401


class Forbidden(ChisoError):
    """The signed-in account may not do this."""

    status = 403


class FormExpired(Forbidden):
    """A form came back without its session or security (CSRF) token, or with an old one: the
    page was open too long, or the browser kept no cookie. The answer says what to do."""

    status = 403


class NotFound(ChisoError):
    """Something a request names does not exist."""

    status = 404


class Conflict(ChisoError):
    """Someone else changed it first (optimistic locking, or a decision already taken)."""

    status = 409


class TooLarge(ChisoError):
    """A request body or a file is over the limit."""

    status = 413


class TooMany(ChisoError):
    """Too many attempts (sign-in limits)."""

    status = 429


class StoreError(ChisoError):
    """The database is missing, outdated or inconsistent."""

    status = 503


class ClusterError(ChisoError):
    """A Dask cluster was asked for and Dask is not installed, or the cluster cannot be
    reached (chiso.cluster)."""

    status = 503


# what pydantic's error types say, in Vietnamese (its English message is kept beside it)
_PYDANTIC_VI = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "trường không được phép (sai tên?)",
    "literal_error": "giá trị không thuộc danh sách cho phép",
    "enum": "giá trị không thuộc danh sách cho phép",
    "string_pattern_mismatch": "sai định dạng",
    "string_type": "phải là chuỗi ký tự",
    "string_too_short": "không được để trống",
    "string_too_long": "quá dài",
    "too_long": "quá nhiều giá trị",
    "float_parsing": "phải là số",
    "float_type": "phải là số",
    "int_parsing": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "bool_parsing": "phải là true hoặc false",
    "greater_than_equal": "giá trị quá nhỏ",
    "greater_than": "giá trị quá nhỏ",
    "less_than_equal": "giá trị quá lớn",
    "less_than": "giá trị quá lớn",
    "date_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_from_datetime_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_type": "phải là ngày dạng YYYY-MM-DD",
    "json_invalid": "không phải JSON hợp lệ",
    "dict_type": "phải là một đối tượng JSON",
    "model_attributes_type": "phải là một đối tượng JSON",
    "list_type": "phải là một danh sách",
    "too_short": "quá ít giá trị",
    "int_parsing_size": "số nguyên quá lớn",
    "bool_type": "phải là true hoặc false",
    "finite_number": "phải là một số hữu hạn",
    "datetime_parsing": "phải là ngày giờ dạng YYYY-MM-DDTHH:MM",
    "datetime_type": "phải là ngày giờ dạng YYYY-MM-DDTHH:MM",
    "string_unicode": "phải là chuỗi ký tự hợp lệ",
    "url_parsing": "phải là một địa chỉ URL",
    "url_type": "phải là một địa chỉ URL",
    "url_scheme": "địa chỉ URL phải bắt đầu bằng http:// hoặc https://",
    "uuid_parsing": "sai định dạng",
}


def vi_reason(err: dict[str, Any], *, english_detail: bool = True) -> str:
    """A pydantic error's reason in Vietnamese, with its limit where it has one. For a rule of
    chiso's own its English words say which, unless `english_detail` is False (where the
    English message is given beside it, as on the web)."""
    kind = str(err.get("type", ""))
    if kind not in _PYDANTIC_VI:
        msg = str(err.get("msg", "")).removeprefix("Value error, ")
        return f"giá trị không hợp lệ ({msg})" if msg and english_detail else "giá trị không hợp lệ"
    reason = _PYDANTIC_VI[kind]
    ctx = err.get("ctx") or {}
    for key, word in (("ge", "tối thiểu"), ("gt", "phải lớn hơn"), ("le", "tối đa"),
                      ("lt", "phải nhỏ hơn"), ("max_length", "tối đa"),
                      ("expected", "một trong")):
        if key in ctx:
            unit = " ký tự" if key == "max_length" and "string" in kind else ""
            reason += f" ({word} {ctx[key]}{unit})"
            break
    return reason
