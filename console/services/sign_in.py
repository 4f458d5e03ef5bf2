"""Operator sign-in: check the password, and journal every refusal for the supervisor's audit.

A refused attempt is journaled with the login typed and why it was refused (unknown login, wrong
password, inactive account), never with the password typed. The person at the console is only
told that the login or the password is wrong.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from console.domain.alarm import Operator
from console.domain.journal import JournalAction
from console.domain.sign_in_limit import is_locked
from console.domain.station_settings import value_of
from console.storage.alarms import append_journal
from console.storage.engine import Database, DatabaseUnavailable, unavailable_raised
from console.storage.operators import check_sign_in, refused_sign_ins_since
from console.storage.settings import stored_settings

log = logging.getLogger(__name__)

_LOGIN_SHOWN = 64  # the longest login an account can have; a longer text is cut in the journal


def sign_in(
    db: Database,
    login: str,
    password: str,
    *,
    workstation: str = "",
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Operator | None:
    """The operator when login and password match an active account that is not locked (too many
    refusals lately: domain/sign_in_limit.py); else None, journaled."""
    now = clock()
    with db.read() as session:
        settings = stored_settings(session)
        limit = value_of(settings, "sign_in.max_failures")
        window = timedelta(minutes=value_of(settings, "sign_in.lock_minutes"))
        attempt = check_sign_in(session, login, password)
        since = now - window
        if attempt.unlocked_at is not None and attempt.unlocked_at > since:
            since = attempt.unlocked_at  # an admin lifted the lockout: earlier refusals are forgiven
        refusals = (
            refused_sign_ins_since(session, attempt.account_id, since)
            if attempt.account_id is not None
            else []
        )
    refusal = attempt.refusal
    if is_locked(refusals, now, limit, window):
        refusal = f"locked after {len(refusals)} refused sign-ins in {int(window.total_seconds() // 60)} min"
    elif attempt.operator is not None:
        return attempt.operator
    shown = login if len(login) <= _LOGIN_SHOWN else login[:_LOGIN_SHOWN] + "…"
    detail = f"login {shown!r}: {refusal}" + (f" at {workstation}" if workstation else "")
    try:
        with unavailable_raised(), db.write() as session:
            append_journal(
                session,
                at=now,
                action=JournalAction.LOGIN_FAILED,
                detail=detail,
                operator_id=attempt.account_id,
            )
    except DatabaseUnavailable:
        log.warning("refused sign-in not journaled (database unreachable): %s", detail)
    return None
