"""Scorecard and ranking workbooks: one header row in the reader's language, names beside codes,
numbers as numbers with their formats, frozen headers and filters, and the run label and
sources on a sheet of their own.

A scorecard sheet is the long layout `chiso import` reads (unit, indicator, period, kind,
value; the other columns are skipped), so a workbook of real figures imports back as the same
figures. Simulated figures are written with the kind "mô phỏng" / "simulated", which the
import refuses: a simulated workbook can never pass as real data.

Excel draws the decimal and thousands marks of the reader's own settings; the formats give the
grouping, the decimals and the units (0,7521; 70,8 %; 911.000; 112.500.000.000 ₫ in a
Vietnamese Excel).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from chiso.framework.schema import Text
from chiso.report.labels import t
from chiso.report.model import Figure, Ranking, Run, Scorecard, Source

FORMATS = {"index": "0.0000", "percent": '0.0" %"', "count": "#,##0", "persons": "#,##0",
           "vnd": '#,##0" ₫"', "rank": "0"}
DEFAULT_FORMAT = "#,##0.##"
SIM_KIND = ("mô phỏng", "simulated")
HEADERS = {  # column -> (Vietnamese, English); the import knows every name marked *
    "unit": ("Mã đơn vị", "unit"),                       # *
    "unit_name": ("Tên đơn vị", "unit_name"),            # * (skipped)
    "indicator": ("Mã chỉ tiêu", "Indicator code"),      # *
    "indicator_name": ("Tên chỉ tiêu", "Indicator name"),
    "period": ("Kỳ", "Period"),                          # *
    "kind": ("Loại", "Kind"),                            # *
    "value": ("Giá trị", "Value"),                       # *
    "measure": ("Đơn vị tính", "Unit of measure"),
    "national": ("Trung bình cả nước", "National average"),
    "target": ("Mục tiêu", "Target"),
    "status": ("Dự báo", "Projected status"),
    "source": ("Nguồn", "Source"),                       # *
}
MEASURES = {"index": ("chỉ số (0–1)", "index (0–1)"), "percent": ("%", "%"),
            "count": ("số lượng", "count"), "vnd": ("đồng", "VND"), "persons": ("người", "persons"),
            "per_100": ("trên 100 dân", "per 100 inhabitants"),
            "per_1000": ("trên 1.000 dân", "per 1,000 inhabitants")}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _name(text: Text | None, lang: str) -> str:
    return "" if text is None else (text.en if lang == "en" else text.vi)


class _Book:
    """An xlsxwriter workbook with the formats every sheet shares."""

    def __init__(self, path: Path | IO[bytes]) -> None:
        import xlsxwriter

        self.book = xlsxwriter.Workbook(str(path) if isinstance(path, Path) else path,
                                        {"in_memory": True})
        self.header = self.book.add_format({"bold": True, "bg_color": "#e6f0fa",
                                            "text_wrap": True, "valign": "top"})
        self._formats: dict[str, Any] = {}

    def fmt(self, unit: str) -> Any:
        code = FORMATS.get(unit, DEFAULT_FORMAT)
        if code not in self._formats:
            self._formats[code] = self.book.add_format({"num_format": code})
        return self._formats[code]

    def table(self, name: str, headers: list[str], rows: list[list[tuple[Any, str | None]]],
              widths: Sequence[float]) -> None:
        """A sheet: one header row, frozen, filtered; cells as (value, unit of its format)."""
        sheet = self.book.add_worksheet(name[:31])
        sheet.write_row(0, 0, headers, self.header)
        for r, row in enumerate(rows, start=1):
            for c, (value, unit) in enumerate(row):
                if value is None:
                    continue
                if unit is not None and isinstance(value, (int, float)):
                    sheet.write_number(r, c, value, self.fmt(unit))
                else:
                    sheet.write(r, c, value)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), len(headers) - 1)
        for c, w in enumerate(widths):
            sheet.set_column(c, c, w)

    def about(self, lang: str, title: str, run: Run, period: str, as_of: str, link: str,
              generated: str, sources: Sequence[Source]) -> None:
        """The run label and the sources, on a sheet of their own."""
        rows: list[list[tuple[Any, str | None]]] = [
            [(title, None), ("", None)],
            [(t("run", lang), None), (t(run.label, lang), None)],
            [(_pick(("Khung chỉ số", "Framework"), lang), None),
             (f"{run.framework} {run.framework_version}: {_name(run.framework_name, lang)}", None)],
            [(t("method", lang), None), (_name(run.method, lang), None)],
            [(t("period", lang), None), (period, None)],
            [(t("data_as_of", lang), None), (as_of, None)],
            [(t("generated", lang), None), (generated, None)],
            [(t("link", lang), None), (link, None)],
        ]
        if run.simulated:
            rows.insert(1, [(t("watermark", lang), None), (t("sim_legend", lang), None)])
        rows += [[(t("sources", lang), None),
                  (", ".join(x for x in (s.title, s.where, s.published) if x), None)]
                 for s in sources]
        sheet = self.book.add_worksheet(_pick(("Nguồn và lần tính", "Sources and run"), lang))
        bold = self.header
        for r, ((k, _), (v, _)) in enumerate(rows):
            sheet.write(r, 0, k, bold)
            sheet.write(r, 1, v)
        sheet.set_column(0, 0, 26)
        sheet.set_column(1, 1, 100)

    def close(self) -> None:
        self.book.close()


def _kind(f: Figure, lang: str) -> str:
    return _pick(SIM_KIND, lang) if f.simulated else ("thực tế" if lang == "vi" else "actual")


def scorecard_xlsx(cards: Sequence[Scorecard], path: Path | IO[bytes],
                   lang: str = "vi") -> Path | IO[bytes]:
    """One sheet per province (its figures in the import's long layout), then the run and
    sources sheet."""
    if not cards:
        raise ValueError("cần ít nhất một hồ sơ tỉnh / at least one scorecard is needed")
    book = _Book(path)
    cols = list(HEADERS)
    for card in cards:
        rows = []
        for r in card.rows:
            f = r.value
            rows.append([
                (card.place.id, None), (card.place.name, None), (r.code, None),
                (_name(r.name, lang), None), (f.period or card.period, None),
                (_kind(f, lang), None), (f.value, f.unit),
                (_pick(MEASURES.get(f.unit, (f.unit, f.unit)), lang), None),
                (r.national, f.unit), (r.target, f.unit),
                (t(r.status, lang) if r.status else None, None),
                (f.source.title if f.source else None, None)])
        book.table(card.place.name, [_pick(HEADERS[c], lang) for c in cols], rows,
                   (11, 16, 22, 44, 8, 10, 12, 12, 14, 10, 14, 50))
    first = cards[0]
    sources = tuple(dict.fromkeys(s for c in cards for s in c.sources))
    book.about(lang, t("brief_title", lang), first.run, first.period, first.data_as_of,
               first.link, first.generated, sources)
    book.close()
    return path


def ranking_xlsx(ranking: Ranking, path: Path | IO[bytes],
                 lang: str = "vi") -> Path | IO[bytes]:
    """The national ranking: rank, province (code and name), score, rank interval, rank change
    and the main indices, then the run and sources sheet."""
    book = _Book(path)
    headers = [t("rank", lang), _pick(("Mã đơn vị", "unit"), lang),
               _pick(("Tên đơn vị", "unit_name"), lang), t("score", lang),
               _pick(("Hạng 5 %", "Rank 5 %"), lang), _pick(("Hạng 95 %", "Rank 95 %"), lang),
               t("change", lang)] + [_name(c.name, lang) for c in ranking.indices]
    rows = []
    for r in ranking.rows:
        low, high = r.interval or (None, None)
        rows.append([(r.rank, "rank"), (r.unit_id, None), (r.name, None),
                     (r.score.value, "index"), (low, "rank"), (high, "rank"),
                     (r.change, "rank")] + [(r.indices.get(c.code), "index")
                                            for c in ranking.indices])
    book.table(_pick(("Xếp hạng", "Ranking"), lang), headers, rows,
               (7, 11, 18, 9, 9, 9, 10, *[14] * len(ranking.indices)))
    book.about(lang, t("ranking_title", lang), ranking.run, ranking.period, ranking.data_as_of,
               ranking.link, ranking.generated, ranking.sources)
    book.close()
    return path
