"""`chiso extract` and `chiso review`: read figures out of reports, then have a person check \
them."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from chiso.cli import DataDir, working
from chiso.errors import ExtractionError, Problem
from chiso.vocab import QUALIFIER_SIGNS


def _out() -> Console:
    return Console()  # made per call: the terminal width is read when printing


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


def extract(
    files: Annotated[list[Path], typer.Argument(
        help="Báo cáo (.txt, .html, .docx, .pdf) / reports.", show_default=False)],
    unit_hint: Annotated[str | None, typer.Option(
        "--unit-hint", help="Tỉnh của báo cáo / the report's province.")] = None,
    year: Annotated[int | None, typer.Option(
        "--year", help="Năm của số liệu / the figures' year.")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="jsonl | csv | table")] = Format.table,
    unmatched: Annotated[bool, typer.Option(
        "--unmatched", help="In cả số chưa khớp chỉ số / also print unmatched figures.")] = False,
    load: Annotated[bool, typer.Option(
        "--load", help="Lưu thành số liệu nháp để duyệt / store as drafts for review.")] = False,
    data_dir: DataDir = None,
) -> None:
    """Trích số liệu từ báo cáo tiếng Việt / extract figures from Vietnamese reports.

    Mỗi số tìm được kèm chỉ số, đơn vị, loại (thực tế, trung bình cả nước, mục tiêu, so sánh),
    câu trích dẫn và độ tin cậy. Each figure comes with its indicator, unit, kind, quote and
    confidence; figures with no confident indicator are "unmatched".

    Ví dụ / examples:

      chiso extract bao-cao.txt

      chiso extract bao-cao.docx --unit-hint "Bến Tre" --year 2020 --format jsonl

      chiso extract *.html --format csv > so-lieu.csv

      chiso extract bao-cao.pdf --year 2020 --load && chiso review
    """
    from chiso.extract.pipeline import FIELDS, extract_text
    from chiso.extract.read import read_document

    results = []
    for path in files:
        doc = read_document(path)
        cands = extract_text(doc.text, doc.name, unit_hint, year)
        results.append((doc, cands))
    rows = [c for _, cands in results for c in cands if c.matched or unmatched]
    if fmt is Format.jsonl:
        for c in rows:
            sys.stdout.write(json.dumps({**c.as_row(), "matched": c.matched,
                                         "needs_look": c.needs_look},
                                        ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        from chiso.ingest.safe import neutral

        w = csv.DictWriter(sys.stdout, fieldnames=[*FIELDS, "matched", "needs_look"])
        w.writeheader()
        for c in rows:
            row = {**c.as_row(), "span": f"{c.span[0]}-{c.span[1]}", "matched": c.matched,
                   "needs_look": c.needs_look}
            w.writerow({k: neutral(v) for k, v in row.items()})  # a quote must not run as a formula
    else:
        from chiso.numbers import format_vi

        t = Table("doc", "đơn vị/unit", "chỉ số/indicator", "loại/kind", "giá trị/value",
                  "năm/year", "tin cậy/conf.", "trích/quote")
        for c in rows:
            value = format_vi(c.value) + (f" – {format_vi(c.value_high)}"
                                          if c.value_high is not None else "")
            q = QUALIFIER_SIGNS[c.qualifier]
            t.add_row(c.doc, c.unit or "?", c.indicator or "[chưa khớp / unmatched]", c.kind,
                      q + value, str(c.target_year or c.year or ""),
                      _confidence(c.confidence, c.needs_look), _snippet(c))
        _out().print(t)
        n_match = sum(1 for _, cs in results for c in cs if c.matched)
        n_all = sum(len(cs) for _, cs in results)
        n_look = sum(1 for _, cs in results for c in cs if c.needs_look)
        _out().print(f"{n_match} số khớp chỉ số ({n_look} cần xem kỹ), {n_all - n_match} chưa "
                     f"khớp / {n_match} figures matched ({n_look} need a look), "
                     f"{n_all - n_match} unmatched")
    if load:
        _load(results, year, data_dir)


def _confidence(value: float, needs_look: bool) -> str:
    """The confidence as the tables show it, marked when the figure needs a look."""
    return f"{value:.2f}" + (" ⚠ cần xem kỹ / look" if needs_look else "")


def _snippet(c, width: int = 40) -> str:
    """The words around the figure in its quote."""
    lo = max(0, c.span[0] - c.quote_start - width)
    hi = c.span[1] - c.quote_start + width
    return ("…" if lo else "") + c.quote[lo:hi] + ("…" if hi < len(c.quote) else "")


def _load(results, year: int | None, data_dir: Path | None) -> None:
    from chiso.extract.pipeline import doc_year
    from chiso.workflow.extracted import load_candidates

    err = Console(stderr=True)
    for doc, cands in results:
        with working(data_dir) as w:
            res = load_candidates(w, cands, doc_text=doc.text, doc_title=doc.name,
                                  period=str(year or doc_year(doc.text) or "") or None)
        err.print(f"{doc.name}: đã lưu {res.loaded} số liệu nháp / stored {res.loaded} drafts")
        for why in res.skipped:
            err.print(f"  bỏ qua / skipped: {why}")
    err.print("Duyệt bằng / review with: chiso review")


def review(
    accept_all: Annotated[bool, typer.Option(
        "--accept-all", help="Duyệt tất cả / approve every draft.")] = False,
    accept: Annotated[list[int] | None, typer.Option(
        "--accept", help="Duyệt số liệu ID / approve draft ID.")] = None,
    reject: Annotated[list[int] | None, typer.Option(
        "--reject", help="Loại số liệu ID / reject draft ID.")] = None,
    set_: Annotated[list[str] | None, typer.Option(
        "--set", help="Sửa và duyệt: ID=GIÁ_TRỊ / correct and approve: ID=VALUE.")] = None,
    list_only: Annotated[bool, typer.Option(
        "--list", help="Chỉ liệt kê / only list the drafts.")] = False,
    user: Annotated[str | None, typer.Option("--user", help="Người duyệt / reviewer name.")] = None,
    data_dir: DataDir = None,
) -> None:
    """Duyệt số liệu trích từ báo cáo / review figures extracted from reports.

    Không có tuỳ chọn: hỏi từng số (a = duyệt, r = loại, s = sửa, Enter = để sau, q = thoát).
    Without options it asks about each draft (a = accept, r = reject, s = set a value,
    Enter = skip, q = quit). Only accepted figures become approved observations.

    Ví dụ / examples:

      chiso review

      chiso review --list

      chiso review --accept 12 --accept 13 --reject 14 --set "15=70,8"

      chiso review --accept-all --user lan
    """
    from chiso.workflow import extracted as rv

    scripted = accept_all or accept or reject or set_
    # who decided, in the revisions and the audit log: --user, else cli:<os user>
    with working(data_dir, name=user) as w:
        if list_only or not scripted:
            _show(rv.drafts(w))
        if list_only:
            return
        if scripted:
            for item in set_ or []:
                obs_id, _, value = item.partition("=")
                if not obs_id.strip().isdigit() or not value.strip():
                    raise ExtractionError("Tuỳ chọn --set sai dạng", "Bad --set option", [Problem(
                        "viết --set ID=GIÁ_TRỊ, ví dụ --set 15=70,8",
                        "write --set ID=VALUE, e.g. --set 15=70,8", value=item)])
                rv.decide(w, int(obs_id), "correct", value.strip())
            n_acc = rv.decide_many(w, accept or [], "accept")
            n_rej = rv.decide_many(w, reject or [], "reject")
            if accept_all:
                n_acc += rv.accept_all(w)
            _out().print(f"Đã duyệt {n_acc + len(set_ or [])}, đã loại {n_rej} / "
                      f"approved {n_acc + len(set_ or [])}, rejected {n_rej}")
            return
        _interactive(w, rv)


def _show(rows) -> None:
    from chiso.numbers import format_vi

    if not rows:
        _out().print("Không có số liệu nào chờ duyệt / nothing waiting for review")
        return
    t = Table("ID", "đơn vị/unit", "chỉ số/indicator", "loại/kind", "kỳ/period", "giá trị/value",
              "tin cậy/conf.", "trích/quote")
    for o in rows:
        p = o.provenance or {}
        t.add_row(str(o.id), o.unit_id, o.indicator,
                  o.kind + (f" {o.target_year}" if o.target_year else ""), o.period,
                  format_vi(o.value) if o.value is not None else "",
                  _confidence(p.get("confidence", 0), bool(p.get("needs_look"))),
                  str(p.get("quote", ""))[:70])
    _out().print(t)


def _interactive(w, rv) -> None:
    from chiso.numbers import format_vi

    n = {"a": 0, "r": 0, "s": 0}
    for o in rv.drafts(w):
        p = o.provenance or {}
        _out().print(f"\n[bold]#{o.id}[/] {o.unit_id} · {o.indicator} · {o.kind} · {o.period}: "
                  f"[bold]{format_vi(o.value) if o.value is not None else ''}[/]\n"
                  f"  “{p.get('quote', '')}”")
        answer = typer.prompt("a = duyệt/accept, r = loại/reject, s = sửa/set, "
                              "Enter = để sau/skip, q = thoát/quit",
                              default="", show_default=False).strip().lower()
        if answer == "q":
            break
        if answer == "a":
            rv.decide(w, o.id, "accept")
        elif answer == "r":
            rv.decide(w, o.id, "reject")
        elif answer == "s":
            rv.decide(w, o.id, "correct", typer.prompt("Giá trị đúng / correct value"))
        else:
            continue
        n[answer] += 1
    _out().print(f"Đã duyệt {n['a'] + n['s']} (sửa {n['s']}), đã loại {n['r']} / "
              f"approved {n['a'] + n['s']} ({n['s']} corrected), rejected {n['r']}")


def register(app: typer.Typer) -> None:
    """Add `extract` and `review` to the chiso command."""
    app.command("extract")(extract)
    app.command("review")(review)
