"""The project value register's writes: a project created or revised (in the browser or from a
workbook, all or nothing), realised benefits entered, review (accept, send back) and
publication, IT spending and the platform catalogue; each with its audit record and the rules
of figures: a province's editors for their own units, the ministry's reviewers for review and
publication."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chiso.compute.value_report import stored_appraisals
from chiso.errors import Conflict, DataFileError, InvalidInput, NotFound, Problem
from chiso.ingest.load import indicators_for, registry_resolver
from chiso.ingest.projects import ProjectBook, read_projects, read_tables
from chiso.ingest.projects_cells import amount_or_problem
from chiso.ingest.read import file_sha256
from chiso.settings import ImportLimits
from chiso.store import projects as store
from chiso.store import sources
from chiso.store.models import utcnow
from chiso.store.models_projects import Project
from chiso.vocab import PUBLISHED
from chiso.workflow.work import MAX_COMMENT, Work, reason_to_return

EDITABLE = ("draft", "rejected", PUBLISHED)  # a published project is revised, then reviewed


@dataclass
class SaveReport:
    """What a save or an import did: projects added and revised, and their review state."""

    file: str
    added: list[str] = field(default_factory=list)
    revised: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    review_status: str = "draft"
    source_id: int | None = None

    @property
    def codes(self) -> list[str]:
        return self.added + self.revised + self.unchanged


def _conflict() -> Conflict:
    return Conflict("Dự án vừa được người khác lưu trước bạn. Hãy tải lại trang, xem bản mới nhất"
                    " rồi lưu lại.", "Someone else saved this project before you. Reload the"
                    " page, look at the latest version, then save again.")


def _landing(w: Work, submit: bool, publish: bool) -> str:
    """Where a saved project lands: published (a publication), accepted (saved by a reviewer,
    as an imported file of figures is approved), submitted or a draft."""
    if publish:
        w.principal.require("publish")
        return PUBLISHED
    if w.principal.may("review"):
        return "accepted"
    return "submitted" if submit else "draft"


def _check_editable(w: Work, p: Project) -> None:
    w.principal.require_edit(p.unit_id)
    if p.review_status not in EDITABLE and not w.principal.may("review"):
        raise InvalidInput(
            f"Dự án {p.code} đang chờ duyệt, không sửa được. Nếu cần sửa, hãy đề nghị người duyệt"
            " trả lại.", f"Project {p.code} is waiting for review and cannot be changed. Ask the"
            " reviewer to send it back if it needs a correction.")


# project, kind, category, item; a unit cost is (project, "unit_cost", platform, unit)
Line = tuple[str, str, str, str]


def _lines(book: ProjectBook, code: str, simulated: bool | set[Line]
           ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    def sim(key: Line) -> bool:
        return simulated if isinstance(simulated, bool) else key in simulated

    flows = [{"year": f.row.year, "kind": f.row.kind, "category": f.row.category,
              "item": f.row.item, "amount": f.row.amount, "low": f.row.low, "high": f.row.high,
              "simulated": sim((code, f.row.kind, f.row.category, f.row.item)),
              "source": f.source, "note": f.note}
             for f in book.flows if f.row.project == code]
    benefits = [{"item": b.item, "owner": b.owner, "baseline": b.baseline, "target": b.target,
                 "measure": b.measure, "source": b.source}
                for b in book.benefits if b.project == code]
    unit_costs = [{"platform": u.platform, "unit": u.unit, "quantity": u.quantity,
                   "unit_price": u.unit_price, "item": u.item,
                   "simulated": sim((code, "unit_cost", u.platform, u.unit)),
                   "source": u.source, "note": u.note}
                  for u in book.unit_costs if u.project == code]
    return flows, benefits, unit_costs


def save_book(w: Work, book: ProjectBook, *, expected: dict[str, int] | None = None,
              submit: bool = False, publish: bool = False, simulated: bool | set[Line] = False,
              names_en: dict[str, str] | None = None, provenance: dict[str, Any] | None = None,
              source_id: int | None = None) -> SaveReport:
    """Create or revise every project of a checked book, or none: every unit is checked
    against the principal's rights before anything is written. `expected` gives the version
    each existing project was loaded at (a form in the browser); another save in between is
    a Conflict. `simulated` labels every line (True) or the lines named; a project with a
    simulated line is labelled simulated."""
    w.principal.require("entry")
    status = _landing(w, submit, publish)
    existing = store.by_codes(w.session, [p.code for p in book.projects])
    for p in book.projects:
        w.principal.require_edit(p.unit_id)
        if p.code in existing:
            _check_editable(w, existing[p.code])
            w.principal.require_edit(existing[p.code].unit_id)
        elif expected and expected.get(p.code, 0) != 0:
            raise _conflict()
    report = SaveReport(book.file, review_status=status, source_id=source_id)
    who = w.actor
    published: list[Project] = []
    for p in book.projects:
        fields = {"name": p.name, "unit_id": p.unit_id, "agency": p.agency, "sector": p.sector,
                  "project_group": p.group, "funding": p.funding, "status": p.status,
                  "approval": p.approval, "platforms": list(p.platforms),
                  "indicators": list(p.indicators), "rate": p.rate, "start_year": p.start_year,
                  "note": p.note, "simulated": simulated if isinstance(simulated, bool) else any(
                      line[0] == p.code for line in simulated)}
        if names_en and p.code in names_en:
            fields["name_en"] = names_en[p.code]
        if provenance and p.code in provenance:
            fields["provenance"] = provenance[p.code]
        flows, benefits, unit_costs = _lines(book, p.code, simulated)
        row = existing.get(p.code)
        before = store.as_data(row) if row is not None else None
        if row is not None and before is not None and row.review_status == status and all(
                before.get(k) == v for k, v in fields.items()) and (
                before["flows"], before["benefits"], before["unit_costs"]) == (
                flows, benefits, unit_costs):
            report.unchanged.append(p.code)  # the same project again changes nothing
            continue
        if row is None:
            row = store.add(w.session, Project(code=p.code, created_by=who, updated_by=who,
                                               review_status=status, version=1,
                                               source_id=source_id, **fields))
        else:
            want = expected.get(p.code) if expected else None
            if not store.bump(w.session, row, row.version if want is None else want, who):
                raise _conflict()
            for k, v in fields.items():
                setattr(row, k, v)
            row.review_status, row.review_comment = status, None
            if source_id is not None:
                row.source_id = source_id
        store.replace_lines(w.session, row, flows, benefits, unit_costs)
        after = store.as_data(row)
        if status == PUBLISHED:
            published.append(row)
        (report.added if before is None else report.revised).append(p.code)
        w.record("project.create" if before is None else "project.update", "project", row.id,
                 before=before, after={**after, "review_status": row.review_status})
    _publish(w, published)
    return report


def import_projects(w: Work, path: Path, *, limits: ImportLimits | None = None,
                    publish: bool = False) -> SaveReport:
    """Import a project workbook whole or not at all: every cell is checked first (the same
    checks and bilingual cell-level errors as figure imports, within `limits`), then every
    project is written or none, with the source file and an audit record."""
    w.principal.require("admin" if publish else "entry")
    book = read_projects(path, resolve_unit=registry_resolver(w.catalog.units),
                         indicators=indicators_for(w.catalog.frameworks()), limits=limits)
    if not book.projects:
        vi = ("tệp chỉ có dòng tiền; để nhập vào sổ dự án cần trang 'Dự án' (mã, tên, đơn vị):"
              " chiso projects template")
        en = ("the file holds cash flows only; the register needs a 'Dự án' (projects) sheet"
              " with code, name and unit: chiso projects template")
        raise DataFileError(f"Không nhập tệp {path.name}: {vi}", f"{path.name}: {en}",
                            [Problem(vi, en, file=path.name)])
    digest = file_sha256(path)
    src = sources.add_source(w.session, kind="file", title=path.name, uri=path.name,
                             sha256=digest)
    report = save_book(w, book, publish=publish, source_id=src.id)
    w.record("projects.import", "source", src.id,
             after={"file": path.name, "sha256": digest, "added": report.added,
                    "revised": report.revised, "unchanged": len(report.unchanged),
                    "review_status": report.review_status})
    return report


def save_form(w: Work, tables: dict[str, list[list[object]]], expected_version: int, *,
              submit: bool = False, name: str = "form") -> SaveReport:
    """A project typed in the browser or sent to the JSON API (one project row, its cash-flow,
    benefit and unit-cost rows): checked by the rules of a workbook, then saved as `save_book`
    saves (`name` is what its problems are located in)."""
    book = read_tables(name, tables, resolve_unit=registry_resolver(w.catalog.units),
                       indicators=indicators_for(w.catalog.frameworks()))
    return save_book(w, book, expected={p.code: expected_version for p in book.projects},
                     submit=submit)


def project(w: Work, code: str) -> Project:
    row = store.find(w.session, code)
    if row is None:
        raise NotFound(f"Không có dự án '{code[:80]}'.", f"No project '{code[:80]}'.")
    return row


def visible(w: Work, code: str) -> Project:
    """A project as entered, for the ministry and the province it belongs to."""
    row = project(w, code)
    w.principal.require_see(row.unit_id)
    return row


# ── benefits realised ─────────────────────────────────────────────────────────────────────


def enter_realised(w: Work, code: str, year: int, amount: str, note: str = "") -> float | None:
    """The benefit a project actually brought in a year (its year 0 first), typed as people
    write amounts ("1,2 tỷ"); a blank amount removes the year's entry."""
    row = project(w, code)
    w.principal.require_edit(row.unit_id)
    if not 0 <= year <= 100:
        raise InvalidInput("Năm thứ phải từ 0 đến 100.", "The year must be from 0 to 100.")
    value: float | None = None
    if amount.strip():
        got = amount_or_problem(amount.strip()[:100])
        if isinstance(got, tuple):
            raise InvalidInput(*got, [Problem(*got, field="amount", value=amount[:100])])
        value = got
    before = {r.year: r.amount for r in row.realised}
    store.set_realised(w.session, row, year, value, note.strip()[:MAX_COMMENT] or None, w.actor)
    store.touch(row, w.actor)
    w.record("project.realised", "project", row.id, before={"year": year,
             "amount": before.get(year)}, after={"year": year, "amount": value})
    return value


# ── review and publication ────────────────────────────────────────────────────────────────


def queue(w: Work, status: str = "submitted") -> list[Project]:
    w.principal.require("review")
    return store.queue(w.session, status)


def submit(w: Work, code: str, expected_version: int) -> Project:
    """Send a draft (or a project sent back) for review."""
    row = project(w, code)
    _check_editable(w, row)
    if row.review_status == "submitted":
        return row
    if not store.bump(w.session, row, expected_version, w.actor):
        raise _conflict()
    before = row.review_status
    row.review_status = "submitted"
    w.record("project.submit", "project", row.id, before={"review_status": before},
             after={"review_status": "submitted", "version": row.version})
    return row


def _reviewed(w: Work, code: str, expected_version: int) -> Project:
    w.principal.require("review")
    row = project(w, code)
    if row.review_status != "submitted":
        raise InvalidInput(f"Dự án đang ở trạng thái '{row.review_status}', không phải chờ duyệt.",
                           f"The project is '{row.review_status}', not submitted.")
    if not store.bump(w.session, row, expected_version, w.actor):
        raise Conflict("Dự án vừa được thay đổi; hãy tải lại trang rồi duyệt lại.",
                       "The project changed meanwhile; reload the page and review again.")
    return row


def accept(w: Work, code: str, expected_version: int, comment: str = "") -> Project:
    row = _reviewed(w, code, expected_version)
    row.review_status = "accepted"
    row.review_comment = comment.strip()[:MAX_COMMENT] or None
    w.record("project.accept", "project", row.id, before={"review_status": "submitted"},
             after={"review_status": "accepted", "comment": row.review_comment})
    return row


def reject(w: Work, code: str, expected_version: int, comment: str) -> Project:
    """Send a project back to its province with a reason (required)."""
    text = reason_to_return(comment)
    row = _reviewed(w, code, expected_version)
    row.review_status, row.review_comment = "rejected", text
    w.record("project.reject", "project", row.id, before={"review_status": "submitted"},
             after={"review_status": "rejected", "comment": text})
    return row


def _publish(w: Work, rows: Sequence[Project]) -> None:
    """Each project's public copy becomes the project as it is now, with its appraisal made
    once, here, in one batch, and read back by every page, download and API answer."""
    for row in rows:
        before = row.public
        row.review_status = PUBLISHED
        row.published_at, row.published_by = utcnow(), w.actor
        store.touch(row, w.actor)
        row.public = store.as_data(row)
        w.record("project.publish", "project", row.id,
                 before={"published": before is not None}, after={"version": row.version,
                                                                 "simulated": row.simulated})
    kept = stored_appraisals([r.public for r in rows if r.public is not None])
    for row in rows:
        row.public_appraisal = kept.get(row.code)


def publish(w: Work, codes: Sequence[str] = ()) -> list[str]:
    """Publish accepted projects (those named, else every accepted one): the public then sees
    each as it is now, realised benefits included. Simulated values keep their label."""
    w.principal.require("publish")
    rows = [project(w, c) for c in codes] if codes else store.queue(w.session, "accepted")
    for row in rows:
        if row.review_status != "accepted":
            raise InvalidInput(f"Dự án {row.code} chưa được duyệt; chỉ công bố dự án đã duyệt.",
                               f"Project {row.code} has not been accepted; only accepted"
                               " projects are published.")
    _publish(w, rows)
    return [r.code for r in rows]


# ── IT spending and the platform catalogue (the ministry's) ───────────────────────────────


def put_spending(w: Work, *, unit_id: str, year: int, measure: str, value: float,
                 value_high: float | None = None, qualifier: str = "eq", simulated: bool = False,
                 provenance: dict[str, Any] | None = None) -> bool:
    """A unit's IT spending figure for a year, as a source states it; True if it changed."""
    w.principal.require("admin")
    w.catalog.unit(unit_id)
    row, changed = store.put_spending(
        w.session, unit_id=unit_id, year=year, measure=measure, value=value,
        value_high=value_high, qualifier=qualifier, simulated=simulated, provenance=provenance)
    if changed:
        w.record("it_spending.put", "it_spending", row.id,
                 after={"unit": unit_id, "year": year, "measure": measure, "value": value})
    return changed


def put_platform(w: Work, **fields: Any) -> bool:
    """A catalogue entry (by name); True if it changed."""
    w.principal.require("admin")
    row, changed = store.put_platform(w.session, **fields)
    if changed:
        w.record("platform.put", "platform", row.id, after={"name": row.name})
    return changed
