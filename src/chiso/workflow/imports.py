"""Importing a file: check every row (chiso.ingest), then land every figure or none, with the
import batch and its audit record."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from chiso.ingest.load import (
    ImportOptions,
    ImportReport,
    Progress,
    check_file,
    indicators_for,
    registry_peers,
    registry_resolver,
)
from chiso.ingest.read import file_sha256
from chiso.ingest.validate import Figure, UnitResolver
from chiso.settings import ImportLimits
from chiso.store import observations, sources
from chiso.vocab import APPROVED, PUBLISHED
from chiso.workflow.work import Work

CHUNK = 5000


def import_file(w: Work, path: Path, options: ImportOptions = ImportOptions(), *,
                resolve_unit: UnitResolver | None = None,
                progress: Progress | None = None,
                limits: ImportLimits | None = None) -> ImportReport:
    """Import one file whole or not at all; the same file twice changes no observation.

    A dry run checks and counts what would change, then rolls back its savepoint. A file that
    is itself a publication (`options.publish`, e.g. the ministry's results) lands published.
    """
    w.principal.require("admin" if options.publish else "entry")
    figures, rows = check_file(
        path, options, indicators=indicators_for(w.catalog.frameworks(options.frameworks)),
        resolve_unit=resolve_unit or registry_resolver(w.catalog.units),
        known_units={u.id for u in w.catalog.units.all_units()}, progress=progress,
        limits=limits, peers=registry_peers(w.catalog.units),
    )
    digest = file_sha256(path)
    status = PUBLISHED if options.publish else APPROVED
    if options.dry_run:
        savepoint = w.session.begin_nested()
        try:
            counts = _write(w, figures, path.name, None, status)
        finally:
            savepoint.rollback()
        return ImportReport(path.name, digest, rows, len(figures), counts.added, counts.revised,
                            counts.unchanged, True)
    source = sources.add_source(w.session, kind="file", title=options.source or path.name,
                                uri=path.name, sha256=digest)
    counts = _write(w, figures, path.name, source.id, status)
    batch = sources.add_import_batch(w.session, source_id=source.id, file_name=path.name,
                                     sha256=digest, rows=rows, added=counts.added,
                                     revised=counts.revised, unchanged=counts.unchanged)
    w.record("import", "import_batch", batch.id,
             after={"file": path.name, "sha256": digest, "rows": rows, "status": status,
                    "added": counts.added, "revised": counts.revised,
                    "unchanged": counts.unchanged})
    return ImportReport(path.name, digest, rows, len(figures), counts.added, counts.revised,
                        counts.unchanged, False, batch.id)


def _write(w: Work, figures: list[Figure], file: str, source_id: int | None,
           status: str) -> observations.RecordCounts:
    total = observations.RecordCounts(0, 0, 0)
    for i in range(0, len(figures), CHUNK):
        records = [f.record(file) for f in figures[i : i + CHUNK]]
        total += observations.record_observations(w.session, records, source_id=source_id,
                                                  user=w.actor, status=status)
    return total


def record_batch(w: Work, source: dict[str, Any], records: Sequence[dict[str, Any]], *,
                 status: str = APPROVED) -> observations.RecordCounts:
    """Land records that come from one known source (a shipped table, a report read by hand),
    with the source and an audit record; the same records again change nothing."""
    w.principal.require("admin" if status == PUBLISHED else "entry")
    src = sources.add_source(w.session, **source)
    counts = observations.record_observations(w.session, records, source_id=src.id, user=w.actor,
                                              status=status)
    if counts.added or counts.revised:
        w.record("import.records", "source", src.id,
                 after={"title": src.title, "status": status, "added": counts.added,
                        "revised": counts.revised, "unchanged": counts.unchanged})
    return counts
