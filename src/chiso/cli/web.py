"""`chiso serve`: serve the web app (pages, JSON API, downloads) on one machine."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from chiso.settings import Settings


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Serve the web app until interrupted. With workers > 1, each process builds its own app.

    uvicorn's own proxy-header handling is off: chiso's guard (chiso.web.security) reads
    X-Forwarded-* itself, only from the trusted proxy addresses in the settings."""
    import os

    import uvicorn

    from chiso.web.app import create_app

    if workers > 1:
        os.environ["CHISO_DATA_DIR"] = str(settings.data_dir)
        if settings.database_url:
            os.environ["CHISO_DATABASE_URL"] = settings.database_url
        os.environ["CHISO_PROXY_HEADERS"] = "true" if settings.proxy_headers else "false"
        os.environ["CHISO_TRUSTED_PROXIES"] = settings.trusted_proxies
        uvicorn.run("chiso.web.app:app_from_env", factory=True, host=host, port=port,
                    workers=workers, log_level="warning", access_log=False, proxy_headers=False,
                    server_header=False)
        return
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", access_log=False,
                proxy_headers=False, server_header=False)


def exposure_warning(host: str, proxy_headers: bool) -> str | None:
    """What to say when the server is reachable from the network over plain http."""
    from chiso.web.security import is_loopback

    if proxy_headers or is_loopback(host) or host == "localhost":
        return None
    return (f"chiso: CẢNH BÁO: phục vụ http không mã hóa trên {host}: cookie không có Secure, mật "
            "khẩu đi qua mạng ở dạng rõ; hãy đặt sau HTTPS (docs/deploy.md) / WARNING: plain "
            f"http on {host}: cookies are not Secure and passwords cross the network "
            "unencrypted; put chiso behind HTTPS (docs/deploy.md) and use --proxy-headers")


def serve_command(
    port: Annotated[int, typer.Option(help="Cổng / port")] = 8000,
    host: Annotated[str, typer.Option(
        help="Địa chỉ / host (127.0.0.1: this machine only)")] = "127.0.0.1",
    workers: Annotated[int, typer.Option(help="Số tiến trình / worker processes")] = 1,
    proxy_headers: Annotated[bool, typer.Option(
        "--proxy-headers", envvar="CHISO_PROXY_HEADERS",
        help="Sau proxy TLS: tin X-Forwarded-Proto/-For từ --trusted-proxies / behind a TLS "
             "proxy: believe X-Forwarded-Proto/-For from the trusted proxies")] = False,
    trusted_proxies: Annotated[str | None, typer.Option(
        "--trusted-proxies", envvar="CHISO_TRUSTED_PROXIES",
        help="Địa chỉ proxy tin cậy / trusted proxy addresses or networks, comma-separated "
             "(default 127.0.0.1,::1)", show_default=False)] = None,
    data_dir: Annotated[
        Path | None,
        typer.Option("--data-dir", envvar="CHISO_DATA_DIR",
                     help="Thư mục dữ liệu / data directory (default ./chiso-data).",
                     show_default=False),
    ] = None,
) -> None:
    """Chạy trang web và API / serve the web app and the JSON API.

    Example: chiso serve --port 8000 --data-dir ./chiso-data  → http://127.0.0.1:8000

    Behind nginx or Caddy with TLS (docs/deploy.md): chiso serve --proxy-headers
    """
    from pydantic import ValidationError

    from chiso.settings import Settings

    over: dict[str, object] = {"proxy_headers": proxy_headers}
    if data_dir:
        over["data_dir"] = data_dir
    if trusted_proxies is not None:
        over["trusted_proxies"] = trusted_proxies
    try:
        settings = Settings(**over)  # type: ignore[arg-type]
    except ValidationError as exc:
        reason = "; ".join(str(e.get("msg", "")).removeprefix("Value error, ")
                           for e in exc.errors())
        typer.echo(f"chiso: --trusted-proxies không hợp lệ / is not valid: {reason}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"chiso: http://{host}:{port}  (Ctrl+C để dừng / to stop)")
    warning = exposure_warning(host, settings.proxy_headers)
    if warning:
        typer.echo(warning, err=True)
    serve(settings, host=host, port=port, workers=workers)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
