"""Shared pieces of the API modules: the JSON response and the documented error responses."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from fastapi import Response
from sqlalchemy.orm import Session

from chiso.errors import NotFound
from chiso.store.catalog import load_catalog

ERROR_SCHEMA = {
    "type": "object",
    "required": ["ok", "error", "errors", "status"],
    "properties": {
        "ok": {"type": "boolean", "const": False},
        "error": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
        "status": {"type": "integer"},
        "message": {"type": "object", "properties": {"vi": {"type": "string"},
                                                     "en": {"type": "string"}}},
    },
}
_ERR = {"content": {"application/json": {"schema": ERROR_SCHEMA}}}
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "Không tìm thấy / not found", **_ERR},
    422: {"description": "Tham số không hợp lệ / invalid parameters", **_ERR},
}

MAX_INT = 2**31 - 1


class JSON(Response):
    """UTF-8 JSON with Vietnamese letters kept as they are."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"),
                          default=str).encode("utf-8")


def ok(data: Any, **extra: Any) -> JSON:
    return JSON({"ok": True, **extra, "data": data})


def known(session: Session, units: Iterable[str] = (), indicators: Iterable[str] = (),
          nodes: Iterable[str] = (), framework: tuple[str, str | None] | None = None) -> None:
    """Every unit, indicator, framework and node a request names exists, else a 404 that names
    the first one missing (a filter on something unknown is a mistake, not an empty answer)."""
    cat = load_catalog(session)
    for u in units:
        cat.unit(u)
    for code in indicators:
        if cat.indicator(code) is None:
            raise NotFound(f"Không có chỉ tiêu '{code[:80]}'. Xem danh sách ở /api/v1/frameworks.",
                           f"No indicator '{code[:80]}'. See the list at /api/v1/frameworks.")
    if framework is not None:
        code, version = framework
        if code not in cat.codes():
            raise NotFound(f"Không có khung chỉ số '{code[:80]}'. "
                           f"Các khung: {', '.join(cat.codes())}.",
                           f"No framework '{code[:80]}'. Frameworks: {', '.join(cat.codes())}.")
        tree = {n.code for n in cat.framework(code, version).nodes()} if nodes else set()
        for node in nodes:
            if node not in tree:
                raise NotFound(f"Khung {code} không có nút '{node[:80]}'.",
                               f"Framework {code} has no node '{node[:80]}'.")
