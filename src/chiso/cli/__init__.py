"""The `chiso` command: parses arguments, calls the core, prints results."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from chiso.errors import ChisoError

if TYPE_CHECKING:
    from chiso.settings import Settings

if TYPE_CHECKING:
    from chiso.workflow import Work

app = typer.Typer(
    name="chiso",
    help="chiso: đo lường và so sánh chuyển đổi số của các tỉnh, xã Việt Nam.\n\n"
    "chiso: measure and compare the digital transformation of Vietnam's provinces and communes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
err = Console(stderr=True)

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        envvar="CHISO_DATA_DIR",
        help="Thư mục dữ liệu / data directory (default ./chiso-data).",
        show_default=False,
    ),
]


def settings_for(data_dir: Path | None) -> Settings:
    """Settings from the environment, with --data-dir taking precedence."""
    from chiso.settings import Settings  # pydantic-settings loads only for commands that need it

    return Settings(data_dir=data_dir) if data_dir else Settings()


@contextmanager
def working(data_dir: Path | None, as_user: str | None = None,
            name: str | None = None) -> Iterator[Work]:
    """One unit of work on the workspace's store, landing whole or not at all: as a named
    account (`--as USER`, which must be active), or as the person at the command line."""
    from chiso.store import db
    from chiso.workflow import Principal, Work
    from chiso.workflow.accounts import acting_as
    from chiso.workspace import Workspace

    with db.transaction(Workspace(settings_for(data_dir)).ready()) as s:
        who = acting_as(s, as_user) if as_user else Principal.local(name)
        yield Work.open(s, who, "cli")


def main() -> None:
    """Entry point: run the app; a ChisoError prints `ErrorType: message` and exits 1."""
    try:
        app()
    except ChisoError as exc:
        err.print(f"[bold red]{type(exc).__name__}[/]: {exc}", highlight=False, markup=True)
        sys.exit(1)


# The commands live in modules named for what they do; each adds its commands to `app`.
from chiso.cli import commands as _commands  # noqa: F401
from chiso.cli import data, extract, index, projects, publish, runs, units, users, web
from chiso.cli import report as _report

for _module in (data, extract, projects, publish, runs, units, users, web):
    _module.register(app)
app.add_typer(index.app, name="index",
              help="Tính chỉ số từ tệp (không cần CSDL) / compute an index from plain files")
app.add_typer(_report.app, name="report",
              help="Hồ sơ tỉnh, bảng xếp hạng (PDF, XLSX) / briefs, rankings (PDF, XLSX)")
