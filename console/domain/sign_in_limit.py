"""Guessing passwords at a console: after a few refusals in a row an account waits before trying again.

An operator account opens the alarms of every site and the customers' passwords: a console left
signed out at night must not let anyone try passwords at leisure. After `MAX_FAILURES` refused
sign-ins within `WINDOW`, the account is refused, even with the right password, until `WINDOW`
has passed since the last refusal. The person at the console is told nothing more than for a wrong
password (no oracle); the journal says "locked" for the supervisor.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)


def is_locked(
    failures: Sequence[datetime], now: datetime, limit: int = MAX_FAILURES, window: timedelta = WINDOW
) -> bool:
    """Locked when at least `limit` refusals happened within the last `window`."""
    return sum(1 for at in failures if now - window <= at <= now) >= limit
