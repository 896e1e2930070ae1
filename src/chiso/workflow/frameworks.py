"""Adding a framework to the store: a province's own rubric, read from its workbook or YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from chiso.framework import Framework, parse_framework
from chiso.ingest.framework_book import read_framework_book
from chiso.settings import ImportLimits
from chiso.store import frameworks
from chiso.workflow.work import Work


def import_framework(w: Work, path: Path, *, limits: ImportLimits | None = None,
                     **meta: Any) -> Framework:
    """Store a framework from an XLSX workbook (one row per component) or a YAML file, whole
    or not at all; the same version twice is stored once, the same version with other
    content is refused."""
    w.principal.require("admin")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        book = read_framework_book(path, limits, **meta)
        fw, text = book.framework, book.yaml_text
    else:
        text = path.read_text(encoding="utf-8")
        fw = parse_framework(text, path.name)
    rec = frameworks.sync_framework(w.session, fw, text)
    w.record("framework.import", "framework", f"{fw.id}@{fw.version}",
             after={"file": path.name, "components": len(fw.indicators()),
                    "issuer": fw.issuer, "year": fw.year, "unit_level": fw.unit_level,
                    "record": rec.id})
    return fw
