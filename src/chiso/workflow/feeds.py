"""The machine feed: a system posts figures with their source and timestamp; they are checked
exactly as an imported file is (the same reader, the same rules, all or nothing with every bad
figure named), land approved but unpublished with their provenance, and a second post with the
same client key gives the first post's answer instead of landing again."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import tempfile
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from chiso.errors import Conflict, DataFileError, Forbidden, InvalidInput, Problem
from chiso.ingest.load import (
    ImportOptions,
    check_file,
    indicators_for,
    registry_peers,
    registry_resolver,
)
from chiso.settings import ImportLimits
from chiso.store import observations, sources
from chiso.vocab import APPROVED
from chiso.workflow.work import Work

FIELDS = ("unit", "indicator", "period", "kind", "value", "value_high", "qualifier",
          "target_year", "note")
MAX_FIGURES = 50_000
MAX_KEY = 200


@dataclass(frozen=True)
class FeedReport:
    """What a post did (or, replayed, what the first post with its key did)."""

    batch_id: int
    client_key: str
    figures: int
    added: int
    revised: int
    unchanged: int
    status: str
    replayed: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _bad(vi: str, en: str, field: str) -> InvalidInput:
    return InvalidInput(f"Dữ liệu gửi lên không hợp lệ: {vi}", f"Invalid feed post: {en}",
                        [Problem(vi, en, field=field)])


def _timestamp(text: Any, field: str) -> datetime:
    try:
        when = datetime.fromisoformat(str(text))
    except ValueError:
        raise _bad(f"'{field}' phải là thời điểm ISO 8601 (2026-07-01T08:00:00+07:00)",
                   f"'{field}' must be an ISO 8601 timestamp (2026-07-01T08:00:00+07:00)",
                   field) from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _shape(body: Any) -> tuple[str, dict[str, Any], datetime, list[dict[str, Any]]]:
    if not isinstance(body, dict):
        raise _bad("cần một đối tượng JSON", "send a JSON object", "(body)")
    key = body.get("client_key")
    if not isinstance(key, str) or not key.strip() or len(key) > MAX_KEY:
        raise _bad(f"cần 'client_key' (chuỗi, tối đa {MAX_KEY} ký tự) để gửi lại không bị trùng",
                   f"send 'client_key' (text, at most {MAX_KEY} characters) so a retry never "
                   "lands twice", "client_key")
    src = body.get("source")
    if not isinstance(src, dict) or not isinstance(src.get("title"), str) \
            or not src["title"].strip():
        raise _bad("cần 'source' với 'title' (hệ thống nào, số liệu gì) và 'uri' nếu có",
                   "send 'source' with a 'title' (which system, what figures) and a 'uri' "
                   "if it has one", "source")
    when = _timestamp(body.get("observed_at"), "observed_at")
    figures = body.get("figures")
    if not isinstance(figures, list) or not figures or len(figures) > MAX_FIGURES:
        raise _bad(f"cần 'figures': danh sách từ 1 đến {MAX_FIGURES:,} số liệu".replace(",", "."),
                   f"send 'figures': a list of 1 to {MAX_FIGURES:,} figures", "figures")
    for i, f in enumerate(figures):
        if not isinstance(f, dict):
            raise _bad(f"số liệu thứ {i + 1} không phải một đối tượng",
                       f"figure {i + 1} is not an object", f"figures.{i}")
    return key.strip(), src, when, figures


def _as_figures(exc: DataFileError) -> InvalidInput:
    """An import's refusal said of the post: row r of the checked table is figure r - 1."""
    problems = [replace(p, file=None, row=None, column=None,
                        field=f"figures.{p.row - 2}.{p.field or ''}".rstrip(".")
                        if p.row is not None else p.field) for p in exc.problems]
    where = sorted({p.row - 1 for p in exc.problems if p.row is not None})
    which = ", ".join(map(str, where[:10]))
    return InvalidInput(
        f"Không nhận lần gửi: {len(problems)} lỗi (số liệu thứ {which}). Không số liệu nào được "
        "ghi; sửa rồi gửi lại với cùng khóa.",
        f"Post refused: {len(problems)} error(s) (figure {which}). Nothing was written; fix it "
        "and post again with the same key.", problems)


def _own_units(w: Work, unit_ids: list[str]) -> None:
    """A province's system posts for the province and the units under it, no other."""
    if w.principal.role == "ministry_admin":
        return
    reg = w.catalog.units
    mine = set(w.principal.units)

    def owned(uid: str) -> bool:
        while uid:
            if uid in mine:
                return True
            u = reg.find(uid)
            uid = u.parent if u and u.parent else ""
        return False

    others = sorted({u for u in unit_ids if not owned(u)})
    if others:
        shown = ", ".join(others[:5])
        raise Forbidden(
            f"Tài khoản {w.principal.username} không được gửi số liệu cho: {shown}.",
            f"Account {w.principal.username} may not post figures for: {shown}.")


def post_feed(w: Work, body: Any, *, limits: ImportLimits | None = None) -> FeedReport:
    """Check and land one post whole or not at all; the same key again answers as before (the
    same key with other figures is refused: a system must not reuse a key)."""
    w.principal.require("feed")
    key, src, when, figures = _shape(body)
    digest = hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False,
                                       default=str).encode("utf-8")).hexdigest()
    account = w.principal.username
    earlier = sources.feed_batch(w.session, account, key)
    if earlier is not None:
        if earlier.sha256 != digest:
            raise Conflict(
                f"Khóa '{key[:80]}' đã được dùng cho một lần gửi khác. Mỗi lần gửi cần một khóa "
                "riêng; gửi lại đúng nội dung cũ thì dùng lại khóa cũ.",
                f"Key '{key[:80]}' was used for another post. Give each post its own key; "
                "resend the same content with the same key.")
        return FeedReport(earlier.id, key, earlier.rows, earlier.added, earlier.revised,
                          earlier.unchanged, APPROVED, True)
    name = "feed-" + re.sub(r"[^A-Za-z0-9_.-]+", "-", key)[:40] + ".csv"
    with tempfile.TemporaryDirectory(prefix="chiso-feed-") as tmp:
        path = Path(tmp) / name
        with path.open("w", encoding="utf-8", newline="") as fh:
            out = csv.writer(fh)
            out.writerow(FIELDS)
            for f in figures:
                out.writerow(["" if f.get(k) is None else f.get(k) for k in FIELDS])
        try:
            found, rows = check_file(
                path, ImportOptions(shape="long"),
                indicators=indicators_for(w.catalog.frameworks()),
                resolve_unit=registry_resolver(w.catalog.units),
                known_units={u.id for u in w.catalog.units.all_units()}, limits=limits,
                peers=registry_peers(w.catalog.units))
        except DataFileError as exc:
            raise _as_figures(exc) from None
    _own_units(w, [f.unit_id for f in found])
    source = sources.add_source(
        w.session, kind="feed", title=src["title"].strip()[:500],
        uri=str(src.get("uri") or f"chiso:feed/{account}")[:1000],
        publisher=str(src.get("system") or account)[:200], sha256=digest)
    records = []
    for fig in found:
        rec = fig.record(name)
        row = int(fig.cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") or 0) - 1  # the figure's place
        rec["provenance"] = {"feed": key, "account": account, "observed_at": when.isoformat(),
                             "figure": row, "system": src.get("system"), "uri": src.get("uri")}
        records.append(rec)
    counts = observations.record_observations(w.session, records, source_id=source.id,
                                              user=account, status=APPROVED)
    batch = sources.add_feed_batch(
        w.session, account=account, client_key=key, sha256=digest, source_id=source.id,
        observed_at=when, rows=rows, added=counts.added, revised=counts.revised,
        unchanged=counts.unchanged)
    w.record("feed", "feed_batch", batch.id,
             after={"client_key": key, "source": source.title, "observed_at": when.isoformat(),
                    "figures": len(records), "added": counts.added, "revised": counts.revised,
                    "unchanged": counts.unchanged, "status": APPROVED})
    return FeedReport(batch.id, key, len(records), counts.added, counts.revised,
                      counts.unchanged, APPROVED, False)
