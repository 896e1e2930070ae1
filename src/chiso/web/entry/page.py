"""Rendering the entry pages, and reading the fields of their forms."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from chiso.errors import InvalidInput
from chiso.vocab import SUBMISSION_LABELS
from chiso.web.entry.deps import Auth
from chiso.web.pages.render import render
from chiso.web.responses import lang_of

MAX_INT = 2**31 - 1  # ids and versions are 32-bit integers in every database chiso supports


def tx(request: Request) -> Any:
    """vi/en text chooser for the templates: tx('Lưu', 'Save')."""
    lang = lang_of(request)
    return lambda vi, en: en if lang == "en" else vi


def page(request: Request, template: str, auth: Auth | None, status: int = 200,
         **ctx: Any) -> Response:
    return render(request, f"entry/{template}", status=status, tx=tx(request), auth=auth,
                  status_labels=SUBMISSION_LABELS, **ctx)


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def text(form: FormData, key: str, limit: int = 4000) -> str:
    v = form.get(key)
    return v[:limit] if isinstance(v, str) else ""


def int_field(form: FormData, key: str) -> int:
    raw = text(form, key, 12).strip()
    if not raw.isdigit() or int(raw) > MAX_INT:
        raise InvalidInput(f"Trường '{key}' phải là số nguyên từ 0 đến {MAX_INT}.",
                           f"Field '{key}' must be a whole number from 0 to {MAX_INT}.")
    return int(raw)
