"""`chiso users add|list|disable|token`: manage accounts and API tokens from the command line."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console

from chiso.cli import DataDir, working

out = Console()

users_app = typer.Typer(
    help="Tài khoản và mã truy cập API / accounts and API tokens.\n\n"
    "Vai trò / roles: ministry_admin, ministry_reviewer, province_editor (gắn với đơn vị / bound "
    "to units), viewer.",
    no_args_is_help=True,
)



def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt("Mật khẩu / password", hide_input=True, confirmation_prompt=True)


@users_app.command("add")
def add(
    username: Annotated[str, typer.Argument(help="Tên đăng nhập / username, e.g. hanoi.nhaplieu")],
    role: Annotated[str, typer.Option(
        help="ministry_admin | ministry_reviewer | province_editor | viewer")],
    unit: Annotated[list[str], typer.Option(
        help="Đơn vị được nhập liệu / unit the editor may enter, repeatable: "
             "--unit vn34-01")] = [],  # noqa: B006
    name: Annotated[str | None, typer.Option(help="Họ tên hiển thị / display name")] = None,
    password_stdin: Annotated[bool, typer.Option(
        "--password-stdin",
        help="Đọc mật khẩu từ stdin / read the password from stdin")] = False,
    data_dir: DataDir = None,
) -> None:
    """Tạo tài khoản / create an account (the password is asked, never passed as an argument).

    Examples:
      chiso users add hanoi.nhaplieu --role province_editor --unit vn34-01 --name "Nguyễn Văn A"
      echo "$PW" | chiso users add bo.duyet --role ministry_reviewer --password-stdin
    """
    from chiso.workflow import accounts

    password = _read_password(password_stdin)
    with working(data_dir) as w:
        u = accounts.add_user(w, username, password, role, display_name=name, units=unit)
        out.print(f"Đã tạo / created: {u.username} ({u.role}) {' '.join(unit)}")


@users_app.command("list")
def list_(data_dir: DataDir = None) -> None:
    """Liệt kê tài khoản / list accounts.  Example: chiso users list"""
    from chiso.workflow import accounts

    with working(data_dir) as w:
        rows = accounts.list_users(w.session)
    # one account per line, tab-separated, so scripts can read it
    print("username\trole\tunits\tactive\tlocked_until\tname")
    for u, units in rows:
        print(f"{u.username}\t{u.role}\t{','.join(units)}\t{'yes' if u.active else 'no'}\t"
              f"{u.locked_until or ''}\t{u.display_name}")


@users_app.command("disable")
def disable(
    username: Annotated[str, typer.Argument(help="Tên đăng nhập / username")],
    data_dir: DataDir = None,
) -> None:
    """Khoá tài khoản; phiên và mã truy cập hết hiệu lực ngay / disable an account; its sessions
    and tokens stop working at once.  Example: chiso users disable hanoi.nhaplieu"""
    from chiso.workflow import accounts

    with working(data_dir) as w:
        accounts.disable_user(w, username)
    out.print(f"Đã khoá / disabled: {username}")


@users_app.command("token")
def token(
    username: Annotated[str, typer.Argument(help="Chủ của mã / token owner")],
    scope: Annotated[list[str], typer.Option(
        help="read | entry | review | publish | admin (repeatable)")] = ["read"],  # noqa: B006
    label: Annotated[str, typer.Option(help="Tên gợi nhớ / label")] = "script",
    days: Annotated[int, typer.Option(
        help="Hết hạn sau số ngày / expires after days (0 = never)")] = 90,
    revoke: Annotated[int | None, typer.Option(
        help="Thu hồi mã số này / revoke this token id")] = None,
    data_dir: DataDir = None,
) -> None:
    """Tạo hoặc thu hồi mã truy cập API / create or revoke an API token.

    The secret is printed once; chiso keeps only its hash. Send it as
    `Authorization: Bearer chiso_...`.

    Examples:
      chiso users token hanoi.nhaplieu --scope entry --label "nạp tự động"
      chiso users token hanoi.nhaplieu --revoke 3
    """
    from chiso.workflow import accounts

    with working(data_dir) as w:
        u = accounts.require_user(w.session, username)
        if revoke is not None:
            accounts.revoke(w, revoke)
            out.print(f"Đã thu hồi / revoked: {revoke}")
            return
        tok, secret = accounts.create_token(w, u, label, scope, days=days or None)
        out.print(f"Mã số / token id {tok.id}, phạm vi / scopes {', '.join(tok.scopes)}")
        out.print("Lưu lại ngay, mã sẽ không hiện lại / store it now, it is not shown again:")
        print(secret)


def register(app: typer.Typer) -> None:
    """Add `chiso users ...` to the main command."""
    app.add_typer(users_app, name="users")
