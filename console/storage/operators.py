"""Operator accounts: logins, roles and password hashes."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session
from sqlmodel import col, select

from console.domain.alarm import Operator, Role
from console.domain.secrets import hash_secret, verify_secret
from console.storage.mapping import operator_from_row
from console.storage.tables import OperatorRow


def add_operator(session: Session, login: str, display_name: str, password: str, role: Role) -> Operator:
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


def authenticate(session: Session, login: str, password: str) -> Operator | None:
    """The operator when login and password match an active account, else None (never says which failed)."""
    row = session.execute(select(OperatorRow).where(col(OperatorRow.login) == login)).scalar_one_or_none()
    if row is None or not row.active or not verify_secret(password, row.password_hash):
        return None
    return operator_from_row(row)
