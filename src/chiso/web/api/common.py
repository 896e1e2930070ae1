"""Shared pieces of the API modules: the JSON response and the documented error responses."""

from __future__ import annotations

import json
from typing import Any

from fastapi import Response

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
