"""Checking a file to import: read it and check every row; writes nothing (the workflow lands
the figures: chiso.workflow.imports)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from chiso.errors import DataFileError, Problem, UnitError
from chiso.framework import Framework
from chiso.ingest.headers import Indicators, fold
from chiso.ingest.layout import detect, missing_fields
from chiso.ingest.read import open_sheets
from chiso.ingest.validate import Checker, Figure, Peers, UnitResolver, normalise_period
from chiso.settings import ImportLimits
from chiso.units.names import key, split_parent, written_kind
from chiso.units.registry import Registry, UnitRecord
from chiso.vocab import REFORM_DATE as REFORM  # communes are named after it; provinces before

SHAPES = ("auto", "long", "wide")
CHUNK = 5000
# progress(rows done, rows in total if known)
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class ImportOptions:
    """What the person asked for: layout, a period for the whole file, frameworks, source name."""

    shape: str = "auto"
    period: str | None = None
    frameworks: Sequence[str] = ()  # framework ids whose indicators are accepted; () = all
    source: str | None = None  # the source title; default: the file name
    dry_run: bool = False
    publish: bool = False  # the file is itself a publication: its figures are public at once


@dataclass(frozen=True)
class ImportReport:
    file: str
    sha256: str
    rows: int
    figures: int
    added: int
    revised: int
    unchanged: int
    dry_run: bool
    batch_id: int | None = None


def registry_resolver(registry: Registry) -> UnitResolver:
    """Resolve units with a registry (the catalog's): provinces first, then post-reform communes.

    A name several units share ("Tân An": ten communes) is refused with every candidate and
    the two ways to choose: the unit's code, or its province after a comma ("Tân An, Tây Ninh").
    """
    reg = registry

    def resolve(text: str, as_of: date) -> str:
        if fold(text) in ("vn", "viet nam", "vietnam", "ca nuoc"):
            return "VN"
        try:  # an exact id (as chiso export writes) stands, whatever the period
            return str(reg.get(text).id)
        except (KeyError, UnitError):
            pass
        try:
            return reg.resolve(text, as_of=as_of, level="province").id
        except UnitError as province_error:
            if as_of < REFORM:
                raise
            try:
                return reg.resolve(text, as_of=as_of, level="commune").id
            except UnitError:
                pass
            return _commune_by_parts(reg, text, as_of, province_error)

    return resolve


def _commune_by_parts(reg: Registry, text: str, as_of: date, otherwise: UnitError) -> str:
    """A commune named with its province or its kind, or the candidates a name stands for."""
    name, parent = split_parent(text)
    found = _named(reg, name, as_of)
    if parent is not None:
        try:
            parent_id = reg.resolve(parent, as_of=as_of, level="province").id
        except UnitError:
            raise otherwise from None
        found = [u for u in found if u.parent == parent_id]
    kind = written_kind(name)
    if kind is not None and len(found) > 1:
        found = [u for u in found if written_kind(u.full_name) == kind] or found
    if len(found) == 1:
        return found[0].id
    if len(found) > 1:
        raise _ambiguous(reg, text, as_of, found)
    raise otherwise


def _named(reg: Registry, name: str, as_of: date) -> list[UnitRecord]:
    k = key(name)
    return [u for u in reg.units(as_of=as_of, level="commune")
            if k in {key(u.name), key(u.full_name), *(key(a) for a in u.aliases)}]


def _ambiguous(reg: Registry, text: str, as_of: date, found: list[UnitRecord]) -> UnitError:
    def province(u: UnitRecord) -> str:
        try:
            return reg.get(u.parent).name if u.parent else "?"
        except UnitError:
            return u.parent or "?"

    listed = "; ".join(f"{u.full_name}, {province(u)} ({u.id})" for u in found[:12])
    more = f"; … ({len(found) - 12})" if len(found) > 12 else ""
    example = found[0]
    return UnitError(
        f"Tên '{text}' chỉ {len(found)} đơn vị hành chính vào ngày {as_of:%d/%m/%Y}: "
        f"{listed}{more}."
        f" Hãy ghi mã đơn vị (ví dụ {example.id}) hoặc thêm tên tỉnh sau dấu phẩy (ví dụ"
        f" '{example.name}, {province(example)}').",
        f"'{text}' names {len(found)} administrative units on {as_of.isoformat()}: {listed}{more}."
        f" Write the unit's code (e.g. {example.id}) or add its province after a comma (e.g."
        f" '{example.name}, {province(example)}').")


def registry_peers(registry: Registry) -> Peers:
    """How many units of a unit's level the registry holds on a day: the bound of a rank."""
    reg = registry
    counts: dict[tuple[str, date], int] = {}

    def peers(unit_id: str, as_of: date) -> int | None:
        try:
            level = reg.get(unit_id).level
        except UnitError:
            return None
        if level == "country":
            return None
        if (level, as_of) not in counts:
            counts[(level, as_of)] = len(reg.units(as_of=as_of, level=level))
        return counts[(level, as_of)] or None

    return peers


def indicators_for(frameworks: Iterable[Framework]) -> Indicators:
    """The indicators an import accepts: those of the frameworks given."""
    return Indicators.of(frameworks)


def check_file(
    path: Path,
    options: ImportOptions,
    *,
    indicators: Indicators,
    resolve_unit: UnitResolver,
    known_units: set[str],
    progress: Progress | None = None,
    limits: ImportLimits | None = None,
    peers: Peers | None = None,
) -> tuple[list[Figure], int]:
    """Every figure of a file, or DataFileError naming every bad cell (the first
    `limits.max_problems`, and how many more). Writes nothing. The work a file may cause is
    bounded by `limits` (the settings' `import_limits`)."""
    limits = limits or ImportLimits()
    if options.shape not in SHAPES:
        vi = f"định dạng '{options.shape}' không hợp lệ; hãy dùng: {', '.join(SHAPES)}."
        en = f"unknown format '{options.shape}'; use one of: {', '.join(SHAPES)}."
        raise DataFileError(f"Không nhập tệp {path.name}: {vi}", f"{path.name}: {en}",
                            [Problem(vi, en, field="--format", value=options.shape)])
    period = None
    if options.period:
        period = normalise_period(options.period)
        if period is None:
            vi = f"kỳ '{options.period}' không hợp lệ; hãy ghi năm (2024) hoặc quý (2024-Q1)."
            en = f"'{options.period}' is not a period; give a year (2024) or quarter (2024-Q1)."
            raise DataFileError(f"Không nhập tệp {path.name}: {vi}", f"{path.name}: {en}",
                                [Problem(vi, en, field="--period", value=options.period)])
    sheets = open_sheets(path, limits)
    checker = Checker(path.name, indicators, resolve_unit, known_units, period,
                      peers=peers, limits=limits)
    figures: list[Figure] = []
    structural: list[Problem] = []
    total = sum(s.total or 0 for s in sheets) or None
    done = 0
    used = 0
    for sheet in sheets:
        layout, rows = detect(sheet, indicators, options.shape)
        if layout is None:
            continue
        where = path.name if sheet.name == path.name else f"{path.name} [{sheet.name}]"
        missing = missing_fields(layout, period is not None)
        if layout.shape == "wide" and not layout.indicators:
            missing.append("indicator")
        if missing == ["indicator"] and len(sheets) > 1 and not layout.unknown:
            continue  # e.g. an instructions sheet that mentions "đơn vị"
        if missing:
            structural.append(_missing(where, layout.header_row, missing, layout.shape))
        for col in layout.unknown if layout.shape == "wide" else ():
            hint = indicators.suggest(col.header)
            structural.append(Problem(
                "cột này không phải chỉ tiêu nào của khung chỉ số"
                + (f"; có phải: {', '.join(hint)}?" if hint else "."),
                "this column is not an indicator of the framework"
                + (f"; did you mean: {', '.join(hint)}?" if hint else "."),
                file=where, row=layout.header_row, column=col.label(), value=col.header))
        if missing:
            continue
        used += 1
        read = checker.long_row if layout.shape == "long" else None
        for number, cells in rows:
            if read is not None:
                fig = read(sheet.name, layout, number, cells)
                if fig is not None:
                    figures.append(fig)
            else:
                figures.extend(checker.wide_row(sheet.name, layout, number, cells))
            done += 1
            if progress is not None and done % 1000 == 0:
                progress(done, total)
    if progress is not None:
        progress(done, total)
    if used == 0 and not structural:
        structural.append(Problem(
            "không tìm thấy bảng số liệu: cần một dòng tiêu đề có cột 'đơn vị' (unit) trong 20"
            " dòng đầu. Hãy dùng mẫu: chiso template chiso-core",
            "no data table found: a header row with a 'unit' column is needed within the first"
            " 20 rows. Use the template: chiso template chiso-core",
            file=path.name))
    count = len(structural) + checker.count
    if count:
        problems = (structural + checker.problems)[:limits.max_problems]
        if count > len(problems):
            rest = count - len(problems)
            problems.append(Problem(f"… và {rest} lỗi nữa, không liệt kê; hãy sửa các lỗi trên rồi"
                                    " nhập lại.",
                                    f"… and {rest} more problem(s), not listed; fix those above"
                                    " and import again.", file=path.name))
        raise DataFileError(
            f"Không nhập tệp {path.name}: {count} lỗi; cơ sở dữ liệu không thay đổi.",
            f"{path.name} was not imported: {count} problem(s); the database is unchanged.",
            problems,
        )
    if not figures:
        raise DataFileError(
            f"Tệp {path.name} không có số liệu nào để nhập.",
            f"{path.name} holds no figures to import.",
            [Problem("bảng trống.", "the table is empty.", file=path.name)],
        )
    return figures, checker.rows_read


def _missing(where: str, row: int, fields: list[str], shape: str) -> Problem:
    names = ", ".join(fields)
    return Problem(
        f"bảng dạng {'dọc' if shape == 'long' else 'ngang'} thiếu cột: {names}.",
        f"the {shape} table lacks column(s): {names}.",
        file=where, row=row, field=names)
