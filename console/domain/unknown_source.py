"""Signals from unregistered accounts: one station alarm per source, not one per account.

A panel that is not registered yet (installation, a typo in the account) must still reach an
operator, but a sender making up a new account for every frame must not bury the queue under
thousands of alarms. So messages of unknown accounts are grouped by where they came from (the
peer address, "" when there is none): one open alarm per source, whatever the accounts, counting
its signals and the distinct accounts heard, and taking the priority of its most urgent event like
any alarm. Each source has one such alarm per period of the clock (an hour by default): a flood
going on all night raises a fresh alarm with that hour's counts rather than feeding one opened
hours ago, and an operator who closes it sees the next message open a new one. Periods are fixed
windows of UTC time, so every receiver placing signals agrees on them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

NO_SOURCE = ""  # signals handed to the desk directly, without a peer address
PERIOD_S = 3600.0  # the station's default period for grouping a source's unknown accounts


def period_of(at: datetime, period_s: float = PERIOD_S) -> int:
    """The number of the period `at` (an aware time) falls in: windows of `period_s` from the epoch."""
    if period_s <= 0:
        raise ValueError(f"the period must be positive, not {period_s}")
    return int(at.timestamp() // period_s)


def source_of(peer: str) -> str:
    """The grouping key of an unknown account's signal: its peer address, as received."""
    return peer or NO_SOURCE


def new_accounts(seen: Iterable[str], batch: Iterable[str]) -> list[str]:
    """The accounts of `batch` not among `seen`, in order of first appearance, each once."""
    known = set(seen)
    fresh: list[str] = []
    for account in batch:
        if account not in known:
            known.add(account)
            fresh.append(account)
    return fresh


def unknown_source_title(source: str, accounts: int, first_account: str, event: str, lang: str = "en") -> str:
    """The alarm's title: the account while it is the only one, then how many, the source, the event.

    `accounts` below 2 (0 for alarms of before the grouping by source) names `first_account`.
    """
    fr = lang == "fr"
    if accounts < 2:
        who = f"Compte inconnu {first_account}" if fr else f"Unknown account {first_account}"
    else:
        who = f"{accounts} comptes inconnus" if fr else f"{accounts} unknown accounts"
    if source:
        who += f" depuis {source}" if fr else f" from {source}"
    return f"{who} : {event}" if fr else f"{who}: {event}"
