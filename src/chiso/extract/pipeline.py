"""Extraction end to end: a report's text in, candidate observations out.

Pure: `extract_text` takes text and settings and returns candidates; `extract_file` adds reading.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date
from pathlib import Path

from chiso.extract import attribution, confidence, flow, kinds, tables
from chiso.extract.candidates import FIELDS, Candidate
from chiso.extract.caseless import Caseless
from chiso.extract.figures import find_figures
from chiso.extract.indicators import Alias, Match, alias_index, words_of
from chiso.extract.read import normalised, read_document
from chiso.extract.reading import CLAUSE_BREAK, header_name, named_in, read_figure
from chiso.extract.sentences import split
from chiso.extract.units import COUNTRY, UnitNamer, mentions

_NEWLINE = re.compile(r"\n(?:[ \t]*\n)*")
# A year a report names, with the day and month before it ("12/05/2021"):
# (?<![\d/])(?<!(?<!\d)0[.,])(?:\d{1,2}/\d{1,2}/)?((?:19|20)\d\d)(?!\d) (no decimal's digits:
# "0.2026" is a score, not the year 2026; "12.05.2021" keeps its year), written to start with a
# digit (its first one; the look-behind after it tests the character before that), so that the
# search skips to the digits of a text rather than trying every place; the year is the match's
# last four characters (tests/extract/test_rewritten.py checks it against the pattern above)
_YEAR_IN_TEXT = re.compile(r"\d(?<![\d/]\d)(?<!(?<!\d)0[.,]\d)"
                           r"(?:\d?/\d{1,2}/(?:19|20)\d\d|(?<=1)9\d\d|(?<=2)0\d\d)(?!\d)")


# Years that are horizons, not the report's time: "đến năm 2025", "tầm nhìn 2030", "2021-2025".
# "thì đến năm 2022 ... tăng 4 bậc" after "Nếu như năm 2021 ...": a contrast of years, no horizon
# (a dash only after a year, "2021 - 2025": a dateline's "(BKTO) - Năm 2023" sets no horizon)
_HORIZON_BEFORE = re.compile(r"(?:(?<!thì )đến|tới|trước|tầm nhìn|định hướng|giai đoạn|"
                             r"(?<=\d)\s*[-–])\s*(?:năm\s*)?$", re.IGNORECASE)


def doc_year(text: str) -> int | None:
    """The year a report is from: the latest year written in its first part that is not a
    horizon ("đến năm 2030") and not in the future."""
    return _doc_year(_years_named(text))


def _years_named(text: str) -> list[tuple[int, bool]]:
    """Each year written in a report's first part, and whether it is said as a horizon."""
    head = text[:3000]
    return [(int(m.group(0)[-4:]), _HORIZON_BEFORE.search(head[max(0, m.start() - 25):m.start()])
             is not None) for m in _YEAR_IN_TEXT.finditer(head)]


# a plan's title naming its year: "KẾ HOẠCH\nCHUYỂN ĐỔI SỐ TỈNH KON TUM NĂM 2023"
_PLAN_OF_YEAR = re.compile(r"(?:(?:^|\n)\s*|ban hành\s+)(?:kế hoạch|chương trình)"
                           r"(?:\s+số\s+[\w/.-]+)?[^\d.|]{0,90}\snăm\s*((?:19|20)\d\d)(?!\d)",
                           re.IGNORECASE)


def _titled_years(text: str) -> frozenset[int]:
    """The years a plan's title in the report's opening names as the plan's own."""
    return frozenset(int(m.group(1)) for m in _PLAN_OF_YEAR.finditer(text[:800]))


# a page's address made of its title: ".../thanh-pho-can-tho-phan-dau-...-trong-nam-2025-2645.html"
_ADDRESSED_YEAR = re.compile(r"[-/](?:nam|den|toi|den-nam|toi-nam)-((?:19|20)\d\d)(?!\d)")


def _addressed_year(source: str | None) -> frozenset[int]:
    """The year the address of a report that names none in its text gives its aims ("...-trong-
    nam-2025-..."): the only evidence of it a caller has."""
    years = {int(y) for y in _ADDRESSED_YEAR.findall(source or "")}
    return frozenset(years) if len(years) == 1 else frozenset()


def _doc_year(found: list[tuple[int, bool]]) -> int | None:
    """The report's year from the years its first part names (`_years_named`)."""
    this_year = date.today().year
    years = [y for y, horizon in found if y <= this_year and not horizon]
    return max(years) if years else None


def _planned(found: list[tuple[int, bool]], year: int | None,
             titled: frozenset[int] = frozenset()) -> tuple[frozenset[int], int | None]:
    """The years a report sets targets for ("đến năm 2025", "tầm nhìn 2030", the year its title
    names a plan for, `titled`) and the latest other year it names (its date, as far as the text
    tells; `year` when the caller gives it), from the years its first part names
    (`_years_named`)."""
    planned = frozenset(y for y, horizon in found if horizon) | titled
    dated = [y for y, _ in found if y not in planned and y <= date.today().year]
    return planned, year or (max(dated) if dated else None)


# a report that sets aims: a plan, a resolution, a programme, a strategy
_PLAN_NOUN = Caseless(r"(?<!\w)(?:kế hoạch|nghị quyết|đề án|chương trình|quy hoạch|chiến lược)"
                      r"(?!\w)")
_AIM_WORD = Caseless(r"(?<!\w)(?:mục tiêu|chỉ tiêu|phấn đấu)(?!\w)")
# "Trong báo cáo gửi Bộ ... về kết quả triển khai chuyển đổi số năm 2022": a report of results,
# whatever plans its opening names
_RESULTS_REPORT = re.compile(r"(?<!\w)(?:báo cáo|tổng kết|sơ kết)(?!\w)[^.;]{0,80}?"
                             r"(?<!\w)kết quả(?!\w)", re.IGNORECASE)


def _within(spans: list[tuple[int, int]], position: int) -> bool:
    """Is `position` inside one of the sorted, disjoint `spans`?"""
    k = bisect_right(spans, (position, float("inf"))) - 1
    return k >= 0 and spans[k][0] < position < spans[k][1]


def _is_plan(text: str, horizon: int | None) -> bool:
    """Is a report a plan or resolution (what it says with no word of it done is an aim)? It
    aims at a year and names a plan and an aim in its opening, and its first sentence does not
    say it reports results."""
    opening = text[:800]
    first = opening.split(".", 1)[0]
    return (horizon is not None and _PLAN_NOUN.search(opening) is not None
            and _AIM_WORD.search(opening) is not None and _RESULTS_REPORT.search(first) is None)


# the 34 provinces named, or the DTI 2024 results, which the ministry published on 21/10/2025
# ("Tỉnh ủy (nay là Thành ủy)": a text written after a renaming or a merger)
_AFTER_MERGER = Caseless(r"34 tỉnh|sau sáp nhập|sau sắp xếp|sau hợp nhất|sau khi sáp nhập|"
                         r"DTI(?: cấp tỉnh)?(?: năm)? 2024|\(nay là")


def _as_of(text: str, year: int | None) -> date | None:
    """The day the report's names are read as of: mid-year, or the year's end for a 2024 or 2025
    report that speaks of the 34 provinces after the merger or of the DTI 2024 results (published
    after it: "thứ 2 là TP Huế" is the city-province Huế, not Thừa Thiên Huế)."""
    if year is None:
        return None
    if year in (2024, 2025) and _AFTER_MERGER.search(text):  # DTI 2024 was published after it
        return date(2025, 12, 31)
    return date(year, 6, 30)


def extract_text(
    text: str,
    doc: str = "<text>",
    unit_hint: str | None = None,
    year: int | None = None,
    framework: str = "chiso-core",
    index: tuple[Alias, ...] | None = None,
    source: str | None = None,
    calibrate: bool = True,
) -> list[Candidate]:
    """Every figure of a report as candidates (matched ones have an indicator). `source` is the
    address the report came from: a provincial portal or newspaper names its province.
    `calibrate=False` leaves each confidence at the step it reached (to fit the table)."""
    index = index if index is not None else alias_index(framework)
    text, written, offsets = normalised(text)
    named_years = _years_named(text)  # read once: the report's year and its planned years
    doc_year = year or _doc_year(named_years)
    namer = UnitNamer(_as_of(text, doc_year))
    home_raw = attribution.home_unit(text, source, unit_hint)
    home = namer.name(home_raw) if home_raw else COUNTRY  # a report naming no province is national
    out: list[Candidate] = []
    last: tuple[int, int, Match, str] | None = None  # (sentence, figure, match, measure)
    title = text.lstrip()[:300].split("\n")[0]
    titled = _titled_years(text) or (_addressed_year(source) if not named_years else frozenset())
    planned, dated = _planned(named_years, year, titled)
    # a plan whose title names its year ("ban hành Kế hoạch số 308/KH-UBND ... năm 2023") aims at
    # that year when no later one is aimed at but in the names of documents it cites
    horizon = flow.first_aim_year(text[:3000], dated) or (
        next(iter(titled)) if len(titled) == 1 else None)
    plan = _is_plan(text, horizon)
    state = flow.Flow(home, doc_year, planned, dated, title=title, plan=plan, horizon=horizon,
                      titled=next(iter(titled)) if len(titled) == 1 else None)
    state.only = flow.only_index(text)
    state.family = state.only or flow.sole_family(text)
    sentences = list(split(text))
    # a paragraph break is a line break between sentences, not one a wrapped line holds
    # ("- 80% dân số đảm bảo điều\ncó điện thoại thông minh.")
    inside = [(x.start, x.start + len(x.text)) for x in sentences]
    breaks = [p for p in (m.start() for m in _NEWLINE.finditer(text))
              if not _within(inside, p)]
    paras = [bisect_right(breaks, s.start) for s in sentences]
    codes = _codes(index)
    fits = functools.partial(confidence.possible, framework_id=framework)
    about = functools.partial(named_in, index=index, framework=framework)
    in_tables = tables.read(text, functools.partial(header_name, index=index, framework=framework))
    ranked_before: list[Candidate] = []  # the matched ranks of the last sentence with figures
    heading: tuple[int, str] | None = None  # (paragraph, text) of the last line standing alone
    ranks_listed = False  # the last sentence was a heading of ranks listed a line each, or one
    for n, sent in enumerate(sentences):
        para = paras[n]
        following = sentences[n + 1].text if n + 1 < len(sentences) and paras[n + 1] > para else ""
        named, organs = attribution.organisations(sent.text, mentions(sent.text))
        figs = find_figures(sent.text)
        family = flow.family_of(sent.text, state.family, state.only)
        figs = flow.dash_ranks(sent.text, figs, family)
        listed = ranks_listed and _RANK_LINE.fullmatch(sent.text) is not None and len(figs) == 1
        if listed and figs[0].measure == "count" and figs[0].value_high is None and (
                float(figs[0].value).is_integer() and 1 <= figs[0].value <= 64):
            # "Xếp hạng các chỉ số thành phần DTI 2022:" then a line "- Thể chế số - 41": a
            # list of ranks, a line each, under a heading that says it ranks
            figs[0] = replace(figs[0], measure="rank")
        ranks_listed = (family is not None and _RANKS_HEAD.search(sent.text) is not None
                        or listed)
        row_of = flow.ranking_row(sent.text, figs, named)
        if row_of is not None:
            figs[0] = replace(figs[0], measure="rank")
        if figs:
            just_before = last  # the last figure read before this sentence
            subject = state.subject(sent.text, para, named)
            s_home = (home if subject is None else COUNTRY if subject == COUNTRY
                      else None if subject == flow.OTHER else namer.name(subject))
            history: list[tuple[int, int, Match, str]] = []  # this sentence's matched figures
            masked = sent.text  # "Cần Thơ" is a name, not the cue "cần"
            for m in named:
                masked = masked[:m.start] + "_" * (m.end - m.start) + masked[m.end:]
            # "ở Thanh Hóa sẽ thanh toán": a name's syllables are no indicator's words either
            # (the figures' words are read from `masked`, here and in `read_figure`)
            edges = [0, *(x for f in figs for x in (f.start, f.end)), len(sent.text)]
            segs = [words_of(masked[edges[k]:edges[k + 1]]) for k in range(0, len(edges), 2)]
            per_sentence = (segs, kinds.cues(masked), named,
                            [m.end() for m in CLAUSE_BREAK.finditer(sent.text)],
                            attribution.respective(sent.text, figs, named),
                            kinds.year_marks(sent.text),
                            attribution.subjects(sent.text, named, organs),
                            doc_year,
                            framework, state, para, masked)
            found_all: list[list[Candidate]] = []
            for i, fig in enumerate(figs):
                found = read_figure(sent, n, figs, i, doc, s_home, namer, index, year, last,
                                    history, per_sentence)
                found_all.append(found)
                matched = [c for c in found if c.matched]
                if matched:
                    c = matched[-1]
                    last = (n, i, Match(c.indicator or "", 0.0, c.confidence, c.alias), fig.measure)
                    history.append(last)
            # "2 TP. Hồ Chí Minh ...": a ranking's line, the province after its rank
            if row_of is not None:
                found_all[0] = [replace(c, unit=namer.name(row_of)) for c in found_all[0]]
            flow.share_lists(figs, found_all, sent.text)
            flow.changes_after_ranks(figs, found_all, sent.text, codes)
            flow.named_items(figs, found_all, sent.text, named)
            flow.same_frames(figs, found_all, sent.text, named, state.frames)
            flow.respective_to_figures(figs, found_all, sent.text)
            flow.from_to(figs, found_all, sent.text)
            flow.compared_values(figs, found_all, sent.text)
            flow.year_series(figs, found_all, sent.text)
            flow.years_in_turn(figs, found_all, sent.text)
            flow.totals_of_parts(figs, found_all, sent.text, fits)
            flow.bracket_lists(figs, found_all, sent.text, named, about,
                               (just_before[2].code, just_before[2].alias, just_before[3])
                               if just_before is not None and just_before[0] == n - 1 else None)
            flow.labelled_asides(figs, found_all, sent.text, named, about)
            flow.colon_ranks(figs, found_all, sent.text, named)
            charted = flow.chart_series(figs, found_all, sent.text, named, namer.name, about)
            flow.these_ranks(figs, found_all, sent.text, ranked_before)
            ranked_before = [c for found in found_all for c in found
                             if c.matched and c.measure == "rank"]
            # the heading over this paragraph ("- Lĩnh vực Cải cách thể chế") says whose figures
            # a report on an index gives under it
            over = heading[1] + " " if heading is not None and heading[0] == para - 1 else ""
            found_all = [[flow.by_topic(c, figs[i], family, codes, fits,
                                        over + sent.text[:figs[i].start], state.only)
                          for c in found]
                         for i, found in enumerate(found_all)]
            headed = _from_tables(in_tables, sent.start, figs, found_all, namer, s_home)
            flow.table_cells(figs, found_all, sent.text, headed | charted)
            out.extend(c for found in found_all for c in found)
        if _is_heading(sent.text) and (n + 1 == len(sentences) or paras[n + 1] > para):
            heading = (para, sent.text)  # a line standing alone
        state.after(sent.text, para, following, named,
                    other=not named and attribution.names_other(sent.text))
    found = _dedupe(_restated_headings(_projects_years(text, _no_country_ranks(
        _country_sized(out)))))
    if calibrate:  # on the quote as read: the owner is named however the report was typed
        for c in found:
            if c.matched:
                c.step, c.confidence = c.confidence, confidence.rate(confidence.described(
                    c.kind, c.confidence, c.measure, c.alias, c.quote, c.unit, c.value, c.year,
                    c.target_year, namer.name))
    if written != text:
        found = [_as_written(c, text, written, offsets) for c in found]
    return found


def _as_written(c: Candidate, read: str, written: str, offsets: list[int] | None) -> Candidate:
    """A candidate's span and quote in the text as written, not as read (`read.normalised`):
    the quote a reviewer checks is the report's own words, no-break spaces, dashes and line
    breaks as they were."""
    at = offsets.__getitem__ if offsets is not None else (lambda k: k)
    start, end = at(c.span[0]), at(c.span[1])
    quote, begin = c.quote, c.quote_start
    if read.startswith(quote, begin):
        quote = written[at(begin):at(begin + len(quote))]
        begin = at(begin)
    return replace(c, span=(start, end), quote=quote, quote_start=begin)


_CODES: dict[int, tuple[tuple[Alias, ...], frozenset[str]]] = {}


def _codes(index: tuple[Alias, ...]) -> frozenset[str]:
    """The indicator codes of an index, computed once per index object."""
    hit = _CODES.get(id(index))
    if hit is None or hit[0] is not index:
        hit = _CODES[id(index)] = (index, frozenset(a.code for a in index))
    return hit[1]


def _from_tables(cells: dict[int, tables.Cell], offset: int, figs: list,
                 found: list[list[Candidate]], namer: UnitNamer,
                 home: str | None = None) -> set[int]:
    """Figures a table's headers place: their indicator, kind and year as the headers say, and
    the province its row names; a table by year whose headers name a region ("Xếp hạng khu vực
    Bắc Trung Bộ") is still the report's own province's."""
    placed = set()
    for i, fig in enumerate(figs):
        cell = cells.get(offset + fig.start)
        if cell is None or not found[i]:
            continue
        placed.add(i)
        if cell is tables.NO_INDEX:
            found[i] = [replace(c, indicator=None, alias="", confidence=0.0) for c in found[i]]
            continue
        kind = cell.kind or found[i][0].kind
        unit = namer.name(cell.unit) if cell.unit else None
        found[i] = [replace(c, indicator=cell.code, alias=cell.alias, confidence=0.8, kind=kind,
                            target_year=cell.target_year if kind == kinds.TARGET else None,
                            year=None if kind == kinds.TARGET else cell.year or c.year,
                            measure=cell.measure or c.measure,
                            unit=unit or c.unit or (home if cell.year is not None else None))
                    for c in found[i]]
    return placed


# "Dự án ... được thực hiện đến năm 2020", "triển khai trong giai đoạn 2021 - 2025": the year
# a project runs to
_RUNS_TO = re.compile(r"(?<!\w)(?:thực hiện|triển khai|hoàn thành|giai đoạn)\s+(?:trong\s+)?"
                      r"(?:giai đoạn\s+)?(?:(?:đến|tới|trước)\s+)?(?:năm\s+)?"
                      r"(?:(?:19|20)\d\d\s*[-–]\s*)?((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_PROJECT_WINDOW = 400


def _projects_years(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A project's budget said with no year is for the year the project runs to, said within a
    few sentences of it ("với tổng kinh phí gần 48 tỷ đồng ... Dự án ... được thực hiện đến năm
    2020"): the nearest such year, before or after."""
    out = cands
    for k, c in enumerate(cands):
        if c.indicator != "it_budget_vnd" or c.kind != kinds.TARGET or c.target_year is not None:
            continue
        at = c.span[0]
        lo, hi = max(0, at - _PROJECT_WINDOW), min(len(text), at + _PROJECT_WINDOW)
        near = [(abs(m.start() - at), int(m.group(1))) for m in _RUNS_TO.finditer(text, lo, hi)]
        if near:
            if out is cands:
                out = list(cands)
            out[k] = replace(c, target_year=min(near)[1])
    return out


# a heading that says the lines after it rank ("Xếp hạng các chỉ số thành phần DTI 2022:"), and
# such a line: a name, a dash or colon, a whole number ("- Thể chế số - 41", "Hạ tầng số: 12")
_RANKS_HEAD = re.compile(r"(?:xếp hạng|thứ hạng)[^.\n]{0,150}:\s*$", re.IGNORECASE)
_RANK_LINE = re.compile(r"\s*[-+•–*]?\s*[^\W\d][^\d:]{1,60}?\s*[-–:]?\s*(?:hạng\s*)?"
                        r"\d{1,2}\s*[.;]?\s*", re.IGNORECASE)


def _is_heading(quote: str) -> bool:
    """A line standing alone as a heading: short, without a sentence's closing mark."""
    line = quote.strip()
    # a bare value ("7") is a table's cell, not a heading
    return ("\n" not in line and any(ch.isalpha() for ch in line)
            and not line.endswith((".", "!", "?", ":", ";", "…")) and len(line.split()) <= 20)


def _restated_headings(cands: list[Candidate]) -> list[Candidate]:
    """A subheading's figure the text below states again ("100% dân số được phủ sóng mạng di
    động" over "mục tiêu cụ thể năm 2023 ... 100% dân số được phủ sóng bởi mạng di động") is the
    statement's: the heading, without its context, gives way to it."""
    drop: set[int] = set()
    for k, c in enumerate(cands):
        if not c.matched or not _is_heading(c.quote):
            continue
        for d in cands[k + 1:]:
            if d.quote_start - c.quote_start > 1500:
                break
            if (d.matched and d.quote_start > c.quote_start and d.unit == c.unit
                    and d.indicator == c.indicator and d.value == c.value
                    and (d.value_high == c.value_high or _loosely(c, d))
                    and not _is_heading(d.quote)):
                drop.add(k)
                break
    return [c for k, c in enumerate(cands) if k not in drop] if drop else cands


def _loosely(heading: Candidate, d: Candidate) -> bool:
    """Is a heading's bound the range stated below it, said loosely? "Quảng Trị đặt mục tiêu
    tăng trưởng kinh tế trên 9%/năm" over "phấn đấu tăng trưởng kinh tế 9-10%/năm cho giai đoạn
    2026-2030": the range's floor, as a bound."""
    return (heading.value_high is None and d.value_high is not None
            and heading.qualifier in ("gt", "ge", "approx") and heading.kind == d.kind)


# more than any province has, since 1945 or after the merger of 2025 (Hồ Chí Minh City about
# 14 million people; Lâm Đồng about 24,000 km²): the country's, whoever the report is about
_PROVINCE_MOST = {"population": 20e6, "area_km2": 40_000.0}


def _country_sized(cands: list[Candidate]) -> list[Candidate]:
    """"quy mô dân số đạt khoảng 105 triệu người" in a report on Huế: a figure no province can
    have is the country's."""
    return [replace(c, unit=COUNTRY,
                    kind=kinds.NATIONAL if c.kind == kinds.ACTUAL else c.kind)
            if c.indicator in _PROVINCE_MOST and c.unit not in (None, COUNTRY)
            and c.value > _PROVINCE_MOST[c.indicator] else c for c in cands]


def _no_country_ranks(cands: list[Candidate]) -> list[Candidate]:
    """The indices that rank are rankings of provinces (DTI, PAR Index, SIPAS, PAPI, PCI): the
    country has no rank among them and no average rank, so a rank or a change of rank the text
    gives no province for ("Về chỉ số thành phần, chính quyền số xếp thứ 12" in a page that names
    none) has no owner yet and needs a look, not the country's."""
    return [replace(c, unit=None, kind=kinds.ACTUAL, confidence=min(c.confidence, 0.3))
            if c.unit == COUNTRY and c.indicator and c.indicator.endswith(("_rank",
                                                                             "_rank_change"))
            else c for c in cands]


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """The same fact said twice is one candidate: the first, with the higher confidence and the
    year aimed at that one of them says ("Hải Phòng: 81 nhiệm vụ ... với kinh phí dự kiến 400 tỉ
    đồng" over "Năm 2024, ... với kinh phí dự kiến 400 tỉ đồng" is one aim, for 2024). A value
    said of two different years ("18 / 18" in a table's columns 2021 and 2022) is two facts."""
    seen: dict[tuple, list[int]] = {}
    out: list[Candidate] = []
    for c in cands:
        if not c.matched:
            out.append(c)
            continue
        key = (c.unit, c.indicator, c.kind, round(c.value, 9), c.value_high)
        same = [k for k in seen.get(key, ())
                if (out[k].year is None or c.year is None or out[k].year == c.year)
                and (out[k].target_year is None or c.target_year is None
                     or out[k].target_year == c.target_year)]
        if same:
            kept = out[same[0]]
            kept.confidence = max(kept.confidence, c.confidence)
            kept.target_year = kept.target_year or c.target_year
            continue
        seen.setdefault(key, []).append(len(out))
        out.append(c)
    return _rounded_again(out)


def _decimals(x: float) -> int:
    """How many decimals a value is written with (up to six)."""
    return next((d for d in range(7) if abs(round(x, d) - x) < 1e-9), 6)


def _rounded_again(cands: list[Candidate]) -> list[Candidate]:
    """A figure said again rounded ("46,0414 điểm", later "trên 46,04 điểm") is the same fact:
    the rounded one goes, the one written in full stays. Two values of different years, or of
    the same precision, are two facts."""
    by: dict[tuple, list[int]] = {}
    for k, c in enumerate(cands):
        if c.matched and c.value_high is None:
            by.setdefault((c.unit, c.indicator, c.kind, c.target_year), []).append(k)
    gone: set[int] = set()
    for ks in by.values():
        for a in ks:
            for b in ks:
                x, y = cands[a], cands[b]
                d = _decimals(x.value)
                if (a != b and b not in gone and d < _decimals(y.value)
                        and abs(round(y.value, d) - x.value) < 1e-9 and abs(x.value) >= 1
                        and (x.year is None or y.year is None or x.year == y.year)):
                    gone.add(a)
                    break
    return [c for k, c in enumerate(cands) if k not in gone]


def extract_file(path: Path | str, unit_hint: str | None = None, year: int | None = None,
                 framework: str = "chiso-core") -> list[Candidate]:
    """Read a report file and extract its figures."""
    document = read_document(path)
    return extract_text(document.text, document.name, unit_hint, year, framework)


__all__ = ["FIELDS", "Candidate", "doc_year", "extract_file", "extract_text"]
