"""Loading framework YAML files, with errors that name the line and the field."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from chiso.errors import FrameworkError, Problem, vi_reason
from chiso.framework.schema import Framework

SHIPPED = Path(__file__).parent / "frameworks"
# libyaml's loader where installed: the pure-Python one takes most of a small command's start-up
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Loc = tuple[str | int, ...]


def shipped_ids() -> list[str]:
    """The ids of the frameworks chiso ships."""
    return sorted(p.stem for p in SHIPPED.glob("*.yaml"))


def load_framework(ref: str | Path) -> Framework:
    """A shipped framework by id, or a framework file by path."""
    path = Path(ref)
    if not path.suffix:
        path = SHIPPED / f"{ref}.yaml"
        if not path.exists():
            raise FrameworkError(
                f"Không có khung chỉ số '{ref}'. Các khung có sẵn: {', '.join(shipped_ids())}",
                f"No framework '{ref}'. Shipped frameworks: {', '.join(shipped_ids())}",
            )
    return _load_path(path.resolve(), path.stat().st_mtime_ns if path.exists() else 0)


@lru_cache(maxsize=32)
def _load_path(path: Path, _mtime: int) -> Framework:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FrameworkError(
            f"Không đọc được tệp khung chỉ số {path}: {exc}",
            f"Cannot read framework file {path}: {exc}",
        ) from exc
    return parse_framework(text, str(path))


def parse_framework(text: str, filename: str = "<framework>") -> Framework:
    """Parse and validate framework YAML; every problem names its line and field."""
    try:
        data = yaml.load(text, Loader=_LOADER)  # a safe loader (C or Python)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise FrameworkError(
            "Tệp khung chỉ số không phải YAML hợp lệ",
            "The framework file is not valid YAML",
            [Problem(
                f"lỗi cú pháp: {getattr(exc, 'problem', exc)}",
                f"syntax error: {getattr(exc, 'problem', exc)}",
                file=filename,
                line=mark.line + 1 if mark else None,
            )],
        ) from exc
    if not isinstance(data, dict):
        raise FrameworkError(
            "Tệp khung chỉ số phải là một ánh xạ YAML (khóa: giá trị)",
            "A framework file must be a YAML mapping (key: value)",
            [Problem("nội dung trống hoặc sai dạng", "empty or not a mapping", file=filename)],
        )
    try:
        return Framework.model_validate(data)
    except ValidationError as exc:
        lines = _line_index(yaml.compose(text, Loader=_LOADER))  # lines only when reporting
        problems = [_problem(err, lines, filename) for err in exc.errors()]
        raise FrameworkError(
            f"Khung chỉ số {filename} có {len(problems)} lỗi",
            f"Framework {filename} has {len(problems)} error(s)",
            problems,
        ) from None


def _problem(err: Any, lines: dict[Loc, int], filename: str) -> Problem:
    loc: Loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function")))
    line = None
    for cut in range(len(loc), -1, -1):
        if loc[:cut] in lines:
            line = lines[loc[:cut]]
            break
    field = ".".join(str(p) for p in loc) or "(top)"
    msg = err["msg"].removeprefix("Value error, ")
    return Problem(
        f"trường '{field}': {vi_reason(err)}",
        f"field '{field}': {msg}",
        file=filename,
        line=line,
        field=field,
        value=err.get("input") if not isinstance(err.get("input"), (dict, list)) else None,
    )


def _line_index(node: yaml.Node | None, loc: Loc = ()) -> dict[Loc, int]:
    """Map each key path of the YAML document to its 1-based line."""
    out: dict[Loc, int] = {}
    if node is None:
        return out
    out[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = (*loc, str(key.value))
            out.update(_line_index(value, sub))
            out[sub] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out.update(_line_index(item, (*loc, i)))
    return out
