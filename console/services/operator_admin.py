"""Operator accounts and the station's settings, administered: admins only in a console; the
command line on the server, where the database URL is the credential, as `vigie report`.

Every change is journaled with who made it, and with the value before and after, except for
passwords, journaled as "changed" only.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from console.domain.alarm import Operator, Role
from console.domain.journal import JournalAction
from console.domain.station_settings import SETTINGS, checked, value_of
from console.storage.alarms import append_journal
from console.storage.engine import Database, unavailable_raised
from console.storage.operators import (
    OperatorAccount,
    account_row,
    add_operator,
    operator_accounts,
    set_password,
)
from console.storage.settings import store_setting, stored_settings
from console.storage.tables import OperatorRow


class AdminRefused(PermissionError):
    """An operator's or a supervisor's session asked for an admin's change; `code` for the view."""

    code = "admin_refused"


class UnknownOperator(LookupError):
    pass


class AccountRefused(ValueError):
    """A change the accounts' rules forbid (a login taken, an admin disabling themselves)."""


class OperatorAdmin:
    def __init__(self, db: Database, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._db = db
        self._clock = clock

    def _require(self, by: Operator | None, what: str) -> None:
        """Admins only (None: the command line); a refusal is journaled in a transaction of its own."""
        if by is None or by.role is Role.ADMIN:
            return
        with unavailable_raised(), self._db.write() as session:
            append_journal(
                session, at=self._clock(), action=JournalAction.AUDIT_REFUSED, detail=what, operator_id=by.id
            )
        raise AdminRefused(f"{by.login} ({by.role.value}) may not {what}: admins only")

    def _journal(self, session: Session, by: Operator | None, action: JournalAction, detail: str) -> None:
        who = f" (by {getpass.getuser()}, vigie operators)" if by is None else ""
        append_journal(
            session,
            at=self._clock(),
            action=action,
            detail=detail + who,
            operator_id=None if by is None else by.id,
        )

    def _row(self, session: Session, login: str) -> OperatorRow:
        row = account_row(session, login)
        if row is None:
            raise UnknownOperator(f"no operator {login!r}")
        return row

    def accounts(self, by: Operator | None) -> list[OperatorAccount]:
        self._require(by, "list the operator accounts")
        with unavailable_raised(), self._db.read() as session:
            return operator_accounts(session)

    def add(self, by: Operator | None, login: str, name: str, role: Role, password: str) -> Operator:
        """A new account, its password checked against the station's policy (WeakPassword)."""
        self._require(by, f"add the operator {login}")
        with unavailable_raised(), self._db.write() as session:
            if account_row(session, login) is not None:
                raise AccountRefused(f"the login {login!r} is taken")
            length = value_of(stored_settings(session), "password.min_length")
            operator = add_operator(session, login, name, password, role, min_length=length)
            self._journal(session, by, JournalAction.OPERATOR_CHANGED, f"{login}: added, role {role.value}")
            return operator

    def set_active(self, by: Operator | None, login: str, active: bool) -> None:
        self._require(by, f"{'enable' if active else 'disable'} the operator {login}")
        with unavailable_raised(), self._db.write() as session:
            row = self._row(session, login)
            if by is not None and row.id == by.id and not active:
                raise AccountRefused("an admin may not disable their own account")
            before, row.active = row.active, active
            words = {True: "active", False: "disabled"}
            self._journal(
                session, by, JournalAction.OPERATOR_CHANGED, f"{login}: {words[before]} -> {words[active]}"
            )

    def set_role(self, by: Operator | None, login: str, role: Role) -> None:
        self._require(by, f"change the role of {login}")
        with unavailable_raised(), self._db.write() as session:
            row = self._row(session, login)
            before, row.role = row.role, role.value
            self._journal(
                session, by, JournalAction.OPERATOR_CHANGED, f"{login}: role {before} -> {role.value}"
            )

    def reset_password(self, by: Operator | None, login: str, password: str) -> None:
        """A new password (policy checked: WeakPassword); journaled as changed, never its value."""
        self._require(by, f"reset the password of {login}")
        with unavailable_raised(), self._db.write() as session:
            row = self._row(session, login)
            set_password(session, row, password, value_of(stored_settings(session), "password.min_length"))
            self._journal(session, by, JournalAction.OPERATOR_CHANGED, f"{login}: password changed")

    def unlock(self, by: Operator | None, login: str) -> None:
        """Lift a lockout now: the refusals so far no longer count."""
        self._require(by, f"unlock the operator {login}")
        with unavailable_raised(), self._db.write() as session:
            row = self._row(session, login)
            row.unlocked_at = self._clock()
            self._journal(session, by, JournalAction.OPERATOR_UNLOCKED, f"{login}: unlocked")

    def settings(self) -> dict[str, int]:
        """Every setting's value in force (the default where none is stored)."""
        with unavailable_raised(), self._db.read() as session:
            stored = stored_settings(session)
        return {key: value_of(stored, key) for key in SETTINGS}

    def set_setting(self, by: Operator | None, key: str, text: str) -> int:
        """Store a setting (SettingError when unknown or out of range); returns the value stored."""
        value = checked(key, text)
        self._require(by, f"change the setting {key}")
        with unavailable_raised(), self._db.write() as session:
            before = store_setting(session, key, str(value), self._clock())
            was = before if before is not None else f"{SETTINGS[key].default} (default)"
            self._journal(session, by, JournalAction.SETTING_CHANGED, f"{key}: {was} -> {value}")
        return value
