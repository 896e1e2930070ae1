"""Helpers for tests that act through the workflow: a unit of work as someone, frameworks in a
bare test database."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from chiso.store import db
from chiso.workflow import Principal, Work, accounts
from chiso.workflow.setup import load_frameworks


def as_cli(s: Session, name: str | None = None, origin: str | None = None) -> Work:
    """Work as the person at the command line (every scope)."""
    return Work.open(s, Principal.local(name), origin)


def as_user(s: Session, username: str, origin: str | None = None) -> Work:
    """Work as a stored account, with its role's scopes."""
    return Work.open(s, who(s, username), origin)


def who(s: Session, username: str) -> Principal:
    return accounts.principal_for(s, accounts.require_user(s, username))


def seed_frameworks(engine: Engine) -> None:
    """Store the shipped frameworks, so the catalog knows them."""
    with db.transaction(engine) as s:
        load_frameworks(s)


def work(s: Session, principal: Principal, origin: str | None = None) -> Work:
    return Work.open(s, principal, origin)


def anon(s: Session, origin: str | None = None) -> Work:
    """Work for nobody signed in (a sign-in attempt), from an address."""
    return Work.open(s, Principal.anonymous(), origin)
