"""Checks of method settings, each failing with one clear bilingual error."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import NoReturn

from chiso.errors import ComputeError


def refuse(vi: str, en: str) -> NoReturn:
    raise ComputeError(vi, en)


def choice(name: str, value: object, allowed: Iterable[str]) -> None:
    options = tuple(allowed)
    if value not in options:
        refuse(f"{name}: '{value}' không hợp lệ; chọn một trong {', '.join(options)}.",
               f"{name}: '{value}' is not valid; use one of {', '.join(options)}.")


def share(name: str, value: float) -> None:
    """A share between 0 and 1."""
    if not isinstance(value, int | float) or math.isnan(value) or not 0 <= value <= 1:
        refuse(f"{name} phải là một số từ 0 đến 1 (đang là {value!r}).",
               f"{name} must be a number between 0 and 1 (got {value!r}).")


def finite(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        refuse(f"{name} phải là một số hữu hạn (đang là {value!r}).",
               f"{name} must be a finite number (got {value!r}).")
    return float(value)
