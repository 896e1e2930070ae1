"""The documents chiso hands out, as bytes: a province's brief (PDF), its scorecard workbook
(XLSX), the national ranking (PDF or XLSX). One entry point for `chiso report` and the web, so
that the file a leader downloads is the file the command writes.

The run is the one a reader is shown: the one asked for, else the official run of the year
(`store.runs.pick_run`), else, for a province that run does not score, the best labelled run of
the year that does.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from chiso.errors import InvalidInput, NotFound
from chiso.report import from_store
from chiso.report.model import LANGS
from chiso.store import runs, units
from chiso.store.models import IndexRun

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {"pdf": PDF, "xlsx": XLSX}


@dataclass(frozen=True)
class Document:
    content: bytes
    media_type: str
    filename: str
    run: IndexRun


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise InvalidInput(f"Ngôn ngữ '{lang}' không hợp lệ: dùng vi hoặc en.",
                           f"Unknown language '{lang}': use vi or en.")
    return lang


def check_format(fmt: str, allowed: tuple[str, ...]) -> str:
    if fmt not in allowed:
        raise InvalidInput(
            f"Định dạng '{fmt}' không hợp lệ: dùng {' hoặc '.join(allowed)} (đuôi tệp .pdf/.xlsx).",
            f"Unknown format '{fmt}': use {' or '.join(allowed)} (a .pdf or .xlsx file name).")
    return fmt


def run_for_unit(session: Session, unit_id: str, period: str | None,
                 run_id: int | None = None, framework: str | None = None) -> IndexRun:
    """The run a province's documents are drawn from."""
    if run_id is not None:
        return _must(runs.pick_run(session, run_id=run_id))
    if units.unit(session, unit_id) is None:
        raise NotFound(f"Không có đơn vị hành chính '{unit_id}'; xem mã bằng `chiso units`.",
                       f"No administrative unit '{unit_id}'; see the ids with `chiso units`.")
    chosen = runs.pick_run(session, framework, period)
    if chosen is not None and unit_id in runs.run_units(session, chosen.id):
        return chosen
    scoring = [r for r in runs.runs_with_unit(session, unit_id) if r.status != "preview"
               and (period is None or r.period == period)
               and (framework is None or r.framework_code == framework)]
    if not scoring:
        raise NotFound(
            f"Không có lần tính nào xếp hạng '{unit_id}' năm {period or '(bất kỳ)'}; xem các lần "
            "tính bằng `chiso index list`.",
            f"No index run ranks '{unit_id}' in {period or '(any year)'}; see the runs with "
            "`chiso index list`.")
    return min(scoring, key=runs.preference)


def _must(run: IndexRun | None) -> IndexRun:
    if run is None:
        raise NotFound("Chưa có lần tính chỉ số nào; hãy chạy `chiso index run` hoặc `chiso demo`.",
                       "No index run yet; run `chiso index run` or `chiso demo` first.")
    return run


def brief(session: Session, unit_id: str, period: str | None = None, run_id: int | None = None,
          lang: str = "vi", base_url: str = "", today: date | None = None,
          goal: str | None = None) -> Document:
    from chiso.report.pdf import brief_pdf

    check_lang(lang)
    run = run_for_unit(session, unit_id, period, run_id)
    model = from_store.brief_model(session, unit_id, run, base_url, today, goal)
    return Document(brief_pdf(model, lang), PDF, f"chiso-{unit_id}-{run.period}-{lang}.pdf", run)


def scorecard(session: Session, unit_id: str, period: str | None = None,
              run_id: int | None = None, lang: str = "vi", base_url: str = "",
              today: date | None = None) -> Document:
    from chiso.report.xlsx import scorecard_xlsx

    check_lang(lang)
    run = run_for_unit(session, unit_id, period, run_id)
    model = from_store.scorecard_model(session, unit_id, run, base_url, today)
    buf = io.BytesIO()
    scorecard_xlsx([model], buf, lang)
    return Document(buf.getvalue(), XLSX, f"chiso-{unit_id}-{run.period}.xlsx", run)


def ranking(session: Session, framework: str | None = None, period: str | None = None,
            run_id: int | None = None, fmt: str = "pdf", lang: str = "vi", base_url: str = "",
            today: date | None = None) -> Document:
    from chiso.report.pdf import ranking_pdf
    from chiso.report.xlsx import ranking_xlsx

    check_lang(lang)
    check_format(fmt, ("pdf", "xlsx"))
    run = _must(runs.pick_run(session, framework, period, run_id))
    model = from_store.ranking_model(session, run, base_url, today)
    name = f"chiso-ranking-{run.framework_code}-{run.period}"
    if fmt == "pdf":
        return Document(ranking_pdf(model, lang), PDF, f"{name}-{lang}.pdf", run)
    buf = io.BytesIO()
    ranking_xlsx(model, buf, lang)
    return Document(buf.getvalue(), XLSX, f"{name}.xlsx", run)
