"""`chiso report brief | ranking | scorecard`: the documents a leader takes into the meeting,
from the store (the official run by default), as the web serves them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from chiso.cli import DataDir, err, settings_for

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from chiso.report.documents import Document

app = typer.Typer(no_args_is_help=True, help="Hồ sơ tỉnh, bảng xếp hạng (PDF, XLSX) / briefs and "
                  "ranking reports (PDF, XLSX)")
out = Console()

Period = Annotated[str, typer.Option("--period", help="Năm đánh giá / year assessed, e.g. 2024")]
RunId = Annotated[int | None, typer.Option(
    "--run", min=1,
    help="Mã lần tính (mặc định: chính thức) / run id (default: the official run)")]
Lang = Annotated[str, typer.Option("--lang", help="Ngôn ngữ / language: vi | en")]
BaseUrl = Annotated[str, typer.Option(
    "--base-url", envvar="CHISO_BASE_URL",
    help="Địa chỉ trang web cho đường dẫn trên tài liệu / the web address the documents link "
         "back to")]


def _write(data_dir: Path | None, out_file: Path, make: Callable[[Session], Document]) -> None:
    """Open the store read-only in effect, make the document, write it; a chiso error prints in
    both languages and exits 1."""
    from chiso.errors import ChisoError
    from chiso.store import db
    from chiso.workspace import Workspace

    try:
        with db.transaction(Workspace(settings_for(data_dir)).ready()) as s:
            doc = make(s)
        out_file.parent.mkdir(parents=True, exist_ok=True)
        out_file.write_bytes(doc.content)
    except ChisoError as exc:
        err.print(f"[bold red]{type(exc).__name__}[/]: {exc}", highlight=False)
        raise typer.Exit(1) from None
    except OSError as exc:
        err.print(f"[bold red]Lỗi ghi tệp / cannot write[/] {out_file}: {exc.strerror}",
                  highlight=False)
        raise typer.Exit(1) from None
    run = doc.run
    out.print(f"{out_file} · {len(doc.content):,} bytes · lần tính / run {run.id} "
              f"({run.framework_code} {run.period}"
              + (", mô phỏng / simulated" if run.simulated else "") + ")", highlight=False)


def _suffix(path: Path, allowed: tuple[str, ...]) -> str:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in allowed:
        raise typer.BadParameter(
            f"tệp phải có đuôi {' hoặc '.join('.' + a for a in allowed)} / the file must end in "
            f"{' or '.join('.' + a for a in allowed)}", param_hint="--out")
    return fmt


def _lang(lang: str) -> str:
    if lang not in ("vi", "en"):
        raise typer.BadParameter("dùng vi hoặc en / use vi or en", param_hint="--lang")
    return lang


def brief_command(
    unit: Annotated[str, typer.Argument(help="Mã tỉnh / province id, e.g. vn34-19")],
    period: Period,
    out_file: Annotated[Path, typer.Option("--out", help="Tệp PDF / the PDF file to write")],
    run: RunId = None,
    lang: Lang = "vi",
    goal: Annotated[str | None, typer.Option(
        help="Mục tiêu xếp hạng / rank goal: next | top10 | a rank")] = None,
    base_url: BaseUrl = "http://127.0.0.1:8000",
    data_dir: DataDir = None,
) -> None:
    """Hồ sơ tỉnh (PDF, một tờ A4 hai mặt) / a province's brief (PDF, one A4 sheet).

    Examples:
      chiso report brief vn34-19 --period 2024 --out thai-nguyen.pdf
      chiso report brief vn34-20 --period 2025 --lang en --out lang-son-en.pdf
    """
    _suffix(out_file, ("pdf",))
    _lang(lang)
    from chiso.report import documents

    _write(data_dir, out_file, lambda s: documents.brief(s, unit, period, run, lang, base_url,
                                                         goal=goal))


def ranking_command(
    framework: Annotated[str, typer.Argument(
        help="Khung chỉ số / framework, e.g. dti-province-2024")],
    period: Period,
    out_file: Annotated[Path, typer.Option(
        "--out", help="Tệp .pdf hoặc .xlsx / a .pdf or .xlsx file")],
    run: RunId = None,
    lang: Lang = "vi",
    base_url: BaseUrl = "http://127.0.0.1:8000",
    data_dir: DataDir = None,
) -> None:
    """Bảng xếp hạng toàn quốc (PDF hoặc XLSX) / the national ranking (PDF or XLSX).

    Examples:
      chiso report ranking dti-province-2024 --period 2024 --out xep-hang-2024.pdf
      chiso report ranking dti-province-2024 --period 2024 --out xep-hang-2024.xlsx
    """
    fmt = _suffix(out_file, ("pdf", "xlsx"))
    _lang(lang)
    from chiso.report import documents

    _write(data_dir, out_file, lambda s: documents.ranking(s, framework, period, run, fmt, lang,
                                                           base_url))


def scorecard_command(
    unit: Annotated[str, typer.Argument(help="Mã tỉnh / province id, e.g. vn34-19")],
    period: Period,
    out_file: Annotated[Path, typer.Option("--out", help="Tệp XLSX / the XLSX file to write")],
    run: RunId = None,
    lang: Lang = "vi",
    base_url: BaseUrl = "http://127.0.0.1:8000",
    data_dir: DataDir = None,
) -> None:
    """Hồ sơ số liệu của tỉnh (XLSX, nhập lại được) / a province's scorecard workbook (XLSX,
    which `chiso import` reads back).

    Example: chiso report scorecard vn34-19 --period 2024 --out thai-nguyen-2024.xlsx
    """
    _suffix(out_file, ("xlsx",))
    _lang(lang)
    from chiso.report import documents

    _write(data_dir, out_file, lambda s: documents.scorecard(s, unit, period, run, lang, base_url))


app.command("brief")(brief_command)
app.command("ranking")(ranking_command)
app.command("scorecard")(scorecard_command)
