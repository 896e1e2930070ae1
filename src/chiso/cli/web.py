"""`chiso serve`: serve the web app (pages, JSON API, downloads) on one machine."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from chiso.settings import Settings



def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Serve the web app until interrupted. With workers > 1, each process builds its own app."""
    import os

    import uvicorn

    from chiso.web.app import create_app

    if workers > 1:
        os.environ["CHISO_DATA_DIR"] = str(settings.data_dir)
        if settings.database_url:
            os.environ["CHISO_DATABASE_URL"] = settings.database_url
        uvicorn.run("chiso.web.app:app_from_env", factory=True, host=host, port=port,
                    workers=workers, log_level="warning", access_log=False)
        return
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", access_log=False)


def serve_command(
    port: Annotated[int, typer.Option(help="Cổng / port")] = 8000,
    host: Annotated[str, typer.Option(help="Địa chỉ / host (127.0.0.1: this machine only)")] = "127.0.0.1",
    workers: Annotated[int, typer.Option(help="Số tiến trình / worker processes")] = 1,
    data_dir: Annotated[
        Path | None,
        typer.Option("--data-dir", envvar="CHISO_DATA_DIR",
                     help="Thư mục dữ liệu / data directory (default ./chiso-data).",
                     show_default=False),
    ] = None,
) -> None:
    """Chạy trang web và API / serve the web app and the JSON API.

    Example: chiso serve --port 8000 --data-dir ./chiso-data  → http://127.0.0.1:8000
    """
    from chiso.settings import Settings

    settings = Settings(data_dir=data_dir) if data_dir else Settings()
    typer.echo(f"chiso: http://{host}:{port}  (Ctrl+C để dừng / to stop)")
    serve(settings, host=host, port=port, workers=workers)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
