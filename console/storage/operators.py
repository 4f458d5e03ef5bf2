"""Operator accounts: logins, roles and password hashes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session
from sqlmodel import col, select

from console.domain.alarm import Operator, Role
from console.domain.journal import JournalAction
from console.domain.secrets import MIN_PASSWORD_LENGTH, hash_secret, password_problem, verify_secret
from console.storage.mapping import operator_from_row
from console.storage.tables import JournalRow, OperatorRow

# The scrypt hash, at the cost of every operator's, of a random value nobody knows: a login that
# names no account is checked against it, so a refusal takes as long whether the login exists or
# not (0.7 ms against 45 ms otherwise: an attacker could list the station's logins by timing).
NOBODY_HASH = "scrypt$16384$8$+p3tlCHH8t3FVc3PL6rQGg==$88wSAUkuy355AhkC0OBkj1+kc2vPpr+iM9/O8PO14X0="


class WeakPassword(ValueError):
    """A new password the policy refuses; the message says why, for the person choosing it."""


@dataclass(frozen=True, slots=True)
class SignInAttempt:
    """What a sign-in attempt found: the operator when it succeeded, else why not (for the journal
    only: the person at the console is never told which of login and password was wrong)."""

    operator: Operator | None
    account_id: int | None  # the account the login names, even when refused
    refusal: str = ""  # "unknown login", "wrong password", "inactive account"; "" when signed in
    unlocked_at: datetime | None = None  # refusals before an admin's unlock do not count


def add_operator(
    session: Session,
    login: str,
    display_name: str,
    password: str,
    role: Role,
    *,
    min_length: int = MIN_PASSWORD_LENGTH,
) -> Operator:
    """A new account; `min_length` is lowered only for the demo's documented passwords."""
    problem = password_problem(password, min_length)
    if problem is not None:
        raise WeakPassword(problem)
    row = OperatorRow(
        login=login,
        display_name=display_name,
        role=role.value,
        password_hash=hash_secret(password),
        created_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    return operator_from_row(row)


def operator_by_login(session: Session, login: str) -> Operator | None:
    row = session.execute(select(OperatorRow).where(col(OperatorRow.login) == login)).scalar_one_or_none()
    return operator_from_row(row) if row is not None and row.active else None


def check_sign_in(session: Session, login: str, password: str) -> SignInAttempt:
    """Check a login and password; one password hash is verified whatever the login, so every
    refusal costs the same time."""
    row = session.execute(select(OperatorRow).where(col(OperatorRow.login) == login)).scalar_one_or_none()
    matches = verify_secret(password, row.password_hash if row is not None else NOBODY_HASH)
    if row is None:
        return SignInAttempt(None, None, "unknown login")
    if not matches:
        return SignInAttempt(None, row.id, "wrong password", row.unlocked_at)
    if not row.active:
        return SignInAttempt(None, row.id, "inactive account", row.unlocked_at)
    return SignInAttempt(operator_from_row(row), row.id, "", row.unlocked_at)


def authenticate(session: Session, login: str, password: str) -> Operator | None:
    """The operator when login and password match an active account, else None (never says which failed)."""
    return check_sign_in(session, login, password).operator


def refused_sign_ins_since(session: Session, account_id: int, since: datetime) -> list[datetime]:
    """When this account's sign-ins were refused since `since` (from the journal)."""
    return list(
        session.scalars(
            select(JournalRow.at)
            .where(col(JournalRow.operator_id) == account_id)
            .where(col(JournalRow.action) == JournalAction.LOGIN_FAILED)
            .where(col(JournalRow.at) >= since)
        )
    )


@dataclass(frozen=True, slots=True)
class OperatorAccount:
    """An account as the administration lists it (never its password hash)."""

    id: int
    login: str
    display_name: str
    role: Role
    active: bool


def operator_accounts(session: Session) -> list[OperatorAccount]:
    rows = session.execute(select(OperatorRow).order_by(col(OperatorRow.login))).scalars()
    return [OperatorAccount(r.id or 0, r.login, r.display_name, Role(r.role), r.active) for r in rows]


def account_row(session: Session, login: str) -> OperatorRow | None:
    """The account's row, active or not (for the administration only)."""
    return session.execute(select(OperatorRow).where(col(OperatorRow.login) == login)).scalar_one_or_none()


def set_password(session: Session, row: OperatorRow, password: str, min_length: int) -> None:
    problem = password_problem(password, min_length)
    if problem is not None:
        raise WeakPassword(problem)
    row.password_hash = hash_secret(password)
    session.flush()
