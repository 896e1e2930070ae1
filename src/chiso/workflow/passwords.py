"""Password hashing with argon2id, and the rules a new password must meet."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from chiso.errors import InvalidInput

MIN_LENGTH = 10
MAX_LENGTH = 256  # hashing megabyte passwords is a denial of service

_hasher = PasswordHasher()
# verified when the user does not exist, so a wrong name costs as long as a wrong password
_DUMMY = _hasher.hash("chiso-no-such-user-password")


class PasswordError(InvalidInput):
    """A password does not meet the rules."""


def check_policy(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise PasswordError(
            f"Mật khẩu phải có ít nhất {MIN_LENGTH} ký tự.",
            f"The password must have at least {MIN_LENGTH} characters.",
        )
    if len(password) > MAX_LENGTH:
        raise PasswordError(
            f"Mật khẩu dài quá {MAX_LENGTH} ký tự.",
            f"The password is longer than {MAX_LENGTH} characters.",
        )


def hash_password(password: str) -> str:
    check_policy(password)
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when the password matches; always spends one argon2 verification."""
    if len(password) > MAX_LENGTH:
        return False
    try:
        return _hasher.verify(stored_hash or _DUMMY, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False
