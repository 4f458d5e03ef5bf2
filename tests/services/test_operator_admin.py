"""Operator accounts administered: an admin's day (issue 12, item 5). A new operator added under
the station's password policy, locked out by a colleague guessing, unlocked by the admin; a role
changed; an account disabled; the lockout made stricter; each step journaled, passwords never."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import col, select

from console.domain.alarm import Role
from console.domain.journal import JournalAction
from console.domain.station_settings import SettingError
from console.services.operator_admin import AccountRefused, AdminRefused, OperatorAdmin, UnknownOperator
from console.services.sign_in import sign_in
from console.storage.engine import Database
from console.storage.operators import WeakPassword
from console.storage.tables import JournalRow
from tests.factories import T0, SteppingClock, add_operator_to


def journal(db: Database, *actions: JournalAction) -> list[str]:
    with db.read() as session:
        return list(
            session.execute(
                select(JournalRow.detail)
                .where(col(JournalRow.action).in_([a.value for a in actions]))
                .order_by(col(JournalRow.id))
            ).scalars()
        )


def test_an_admins_day(db: Database) -> None:
    clock = SteppingClock(T0)
    admin_account = add_operator_to(db, "root", Role.ADMIN)
    admin = OperatorAdmin(db, clock)

    with pytest.raises(WeakPassword):
        admin.add(admin_account, "cedric", "Cédric", Role.OPERATOR, "short")
    admin.add(admin_account, "cedric", "Cédric", Role.OPERATOR, "long enough pass")
    with pytest.raises(AccountRefused):
        admin.add(admin_account, "cedric", "Cédric bis", Role.OPERATOR, "long enough pass")

    # A colleague guesses: locked after five refusals, even with the right password.
    for _ in range(5):
        assert sign_in(db, "cedric", "wrong guess 1234", clock=clock) is None
        clock.advance(10)
    assert sign_in(db, "cedric", "long enough pass", clock=clock) is None
    admin.unlock(admin_account, "cedric")
    clock.advance(1)
    assert sign_in(db, "cedric", "long enough pass", clock=clock) is not None

    # The station makes it stricter: three refusals now lock for an hour.
    admin.set_setting(admin_account, "sign_in.max_failures", "3")
    admin.set_setting(admin_account, "sign_in.lock_minutes", "60")
    with pytest.raises(SettingError, match="between 3 and 20"):
        admin.set_setting(admin_account, "sign_in.max_failures", "1")
    for _ in range(3):
        assert sign_in(db, "cedric", "wrong guess 1234", clock=clock) is None
    clock.advance(30 * 60)
    assert sign_in(db, "cedric", "long enough pass", clock=clock) is None  # still locked after 30 min
    clock.advance(31 * 60)
    assert sign_in(db, "cedric", "long enough pass", clock=clock) is not None

    admin.set_role(admin_account, "cedric", Role.SUPERVISOR)
    admin.reset_password(admin_account, "cedric", "another long one")
    assert sign_in(db, "cedric", "another long one", clock=clock) is not None
    admin.set_active(admin_account, "cedric", False)
    assert sign_in(db, "cedric", "another long one", clock=clock) is None
    with pytest.raises(AccountRefused):
        admin.set_active(admin_account, "root", False)
    with pytest.raises(UnknownOperator):
        admin.unlock(admin_account, "nobody")
    assert [(a.login, a.role, a.active) for a in admin.accounts(admin_account)] == [
        ("cedric", Role.SUPERVISOR, False),
        ("root", Role.ADMIN, True),
    ]
    assert journal(
        db, JournalAction.OPERATOR_CHANGED, JournalAction.OPERATOR_UNLOCKED, JournalAction.SETTING_CHANGED
    ) == [
        "cedric: added, role operator",
        "cedric: unlocked",
        "sign_in.max_failures: 5 (default) -> 3",
        "sign_in.lock_minutes: 15 (default) -> 60",
        "cedric: role operator -> supervisor",
        "cedric: password changed",
        "cedric: active -> disabled",
    ]
    assert not any("another long one" in d or "long enough pass" in d for d in journal(db, *JournalAction))


def test_only_admins_administer_and_refusals_are_journaled(db: Database) -> None:
    chief = add_operator_to(db, "chef", Role.SUPERVISOR)
    add_operator_to(db, "amelie")
    admin = OperatorAdmin(db, SteppingClock(T0 + timedelta(days=1)))
    with pytest.raises(AdminRefused):
        admin.reset_password(chief, "amelie", "a new long password")
    with pytest.raises(AdminRefused):
        admin.set_setting(chief, "password.min_length", "12")
    assert journal(db, JournalAction.AUDIT_REFUSED) == [
        "reset the password of amelie",
        "change the setting password.min_length",
    ]
