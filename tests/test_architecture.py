"""The layers hold: imports point one way (docs/architecture.md) and no SQL runs outside store."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src" / "chiso"

# package -> the chiso packages it must never import
FORBIDDEN: dict[str, set[str]] = {
    "compute": {"store", "workflow", "web", "cli", "ingest", "extract", "report", "demo"},
    "framework": {"store", "workflow", "web", "cli", "compute", "report", "demo"},
    "units": {"store", "workflow", "web", "cli", "report", "demo"},
    "extract": {"store", "workflow", "web", "cli", "report", "demo"},
    "ingest": {"workflow", "web", "cli", "report", "demo"},
    "store": {"workflow", "web", "cli", "report", "demo", "ingest", "extract"},
    "workflow": {"web", "cli", "report", "demo"},
    "report": {"web", "cli", "demo"},
    "web": {"cli", "demo"},
    "vocab": {"store", "workflow", "web", "cli"},
    "errors": {"store", "workflow", "web", "cli"},
    "numbers": {"store", "workflow", "web", "cli"},
    "catalog": {"store", "workflow", "web", "cli"},
    "cluster": {"store", "workflow", "web", "cli", "ingest", "extract", "report", "demo"},
}
# what may be taken from SQLAlchemy outside store: type names for the session and the engine
TYPES_ONLY = {"Session", "Engine"}
# session methods that run SQL or change what it will write
SQL_METHODS = {"execute", "scalars", "scalar", "query", "add", "add_all", "delete", "get",
               "flush", "merge", "refresh"}


def modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "migrations" not in p.parts)


def package_of(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0].removesuffix(".py")


def chiso_imports(tree: ast.AST) -> set[str]:
    """The top-level chiso packages a module imports (anywhere in it, lazily too)."""
    out: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "chiso" and len(parts) > 1:
                out.add(parts[1])
    return out


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_imports_point_one_way(path: Path) -> None:
    pkg = package_of(path)
    used = chiso_imports(ast.parse(path.read_text("utf-8")))
    wrong = used & FORBIDDEN.get(pkg, set())
    assert not wrong, f"{path.relative_to(SRC)} ({pkg}) imports {sorted(wrong)}"


def _sql_outside_store(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.ImportFrom) and node.module
                and node.module.startswith("sqlalchemy")):
            extra = {a.name for a in node.names} - TYPES_ONLY
            if extra:
                found.append(f"line {node.lineno}: from {node.module} import {sorted(extra)}")
        elif isinstance(node, ast.Import):
            found += [f"line {node.lineno}: import {a.name}" for a in node.names
                      if a.name.startswith("sqlalchemy")]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in SQL_METHODS:
            target = node.func.value
            name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
            if name in ("session", "s", "db_session"):
                found.append(f"line {node.lineno}: {name}.{node.func.attr}(...)")
    return found


@pytest.mark.parametrize("path", [p for p in modules() if package_of(p) != "store"],
                         ids=lambda p: str(p.relative_to(SRC)))
def test_no_sql_outside_store(path: Path) -> None:
    found = _sql_outside_store(ast.parse(path.read_text("utf-8")))
    assert not found, f"{path.relative_to(SRC)} runs SQL outside chiso.store: {found}"


def test_the_rules_catch_what_they_are_for() -> None:
    """The checks themselves: a query and a layer breach in a made-up module are caught."""
    bad = ast.parse("from sqlalchemy import select\nfrom chiso.web import app\n"
                    "def f(session):\n    return session.execute(select(1))\n")
    assert len(_sql_outside_store(bad)) == 2
    assert chiso_imports(bad) == {"web"}
    ok = ast.parse("from sqlalchemy.orm import Session\n"
                   "def f(s: Session):\n    return {1}.add(2)\n")
    assert _sql_outside_store(ok) == []
