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
from chiso.ingest.validate import Checker, Figure, UnitResolver, normalise_period
from chiso.units.registry import Registry
from chiso.vocab import REFORM_DATE

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
    """Resolve units with a registry (the catalog's): provinces first, then post-reform communes."""

    def resolve(text: str, as_of: date) -> str:
        if fold(text) in ("vn", "viet nam", "vietnam", "ca nuoc"):
            return "VN"
        try:  # an exact id (as chiso export writes) stands, whatever the period
            exact = registry.get(text)
        except (KeyError, UnitError):
            exact = None
        if exact is not None:
            return str(exact.id)
        try:
            return registry.resolve(text, as_of=as_of, level="province").id
        except UnitError:
            if as_of < REFORM_DATE:
                raise
            try:
                return registry.resolve(text, as_of=as_of, level="commune").id
            except UnitError:
                pass
            raise

    return resolve


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
) -> tuple[list[Figure], int]:
    """Every figure of a file, or DataFileError naming every bad cell. Writes nothing."""
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
    sheets = open_sheets(path)
    checker = Checker(path.name, indicators, resolve_unit, known_units, period)
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
    problems = structural + checker.problems
    if problems:
        raise DataFileError(
            f"Không nhập tệp {path.name}: {len(problems)} lỗi; cơ sở dữ liệu không thay đổi.",
            f"{path.name} was not imported: {len(problems)} problem(s); the database is unchanged.",
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
