"""Sites, transmitters or zones "on test" (an installer's visit) and sites "out of service" (a
contract suspended): their signals are stored and shown, but raise no queue alarm.

An installer walking round a site trips every detector on purpose; the operators must not handle
each as a burglary, and yet the station must keep what was received, to hand the installer a
report of the detectors heard (and, more usefully, of those not heard). A test period has an end
of its own, so a site is never left on test because someone forgot it; out of service lasts until
lifted. Periods are decided here; `services/test_mode.py` stores them and applies them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

MAX_TEST = timedelta(hours=24)  # an installer's visit; longer is a suspension, not a test


class Suspension(StrEnum):
    TEST = "test"
    OUT_OF_SERVICE = "out_of_service"


class SuspensionError(ValueError):
    """A period that cannot be set, with a code the views translate (`views/refusals.py` style)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class SuspensionPeriod:
    """One period. `account` None: every transmitter of the site; `zones` empty: every zone."""

    id: int
    site_id: int
    kind: Suspension
    starts_at: datetime
    ends_at: datetime | None  # None: until lifted (out of service only)
    reason: str
    account: str | None = None
    zones: frozenset[int] = frozenset()
    ended_at: datetime | None = None  # lifted before its end
    created_by: str = ""

    @property
    def end(self) -> datetime | None:
        """When the period stops applying: lifted, or its planned end, whichever comes first."""
        ends = [t for t in (self.ends_at, self.ended_at) if t is not None]
        return min(ends) if ends else None

    def active_at(self, at: datetime) -> bool:
        end = self.end
        return self.starts_at <= at and (end is None or at < end)

    @property
    def whole_site(self) -> bool:
        """Covers the site's every signal, supervision included (not only some zones or a line)."""
        return self.account is None and not self.zones

    def covers(self, site_id: int, account: str, zone: int | None, at: datetime) -> bool:
        """Whether a signal of this site, account and zone received at `at` falls in the period."""
        if site_id != self.site_id or not self.active_at(at):
            return False
        if self.account is not None and account.upper() != self.account.upper():
            return False
        return not self.zones or (zone is not None and zone in self.zones)


def suppressing(
    periods: Iterable[SuspensionPeriod], site_id: int, account: str, zone: int | None, at: datetime
) -> SuspensionPeriod | None:
    """The period that keeps this signal out of the queue, if any (out of service first)."""
    found = [p for p in periods if p.covers(site_id, account, zone, at)]
    found.sort(key=lambda p: (p.kind is not Suspension.OUT_OF_SERVICE, p.starts_at))
    return found[0] if found else None


def check_new_period(
    kind: Suspension, starts_at: datetime, ends_at: datetime | None, reason: str, zones: Sequence[int] = ()
) -> None:
    """Raise SuspensionError unless the period can be set as asked."""
    if not reason.strip():
        raise SuspensionError("reason_required", "a reason is required (the installer's visit, the contract)")
    if kind is Suspension.TEST and ends_at is None:
        raise SuspensionError("end_required", "a test period needs an end")
    if ends_at is not None and ends_at <= starts_at:
        raise SuspensionError("ends_before_start", "the period must end after it starts")
    if kind is Suspension.TEST and ends_at is not None and ends_at - starts_at > MAX_TEST:
        raise SuspensionError("too_long", f"a test lasts at most {MAX_TEST.total_seconds() / 3600:g} hours")
    if any(z < 0 for z in zones):
        raise SuspensionError("bad_zone", "zone numbers are 0 or more")


@dataclass(frozen=True, slots=True)
class HeardSignal:
    """One signal received during a test, as the installer's report lists it."""

    at: datetime
    account: str
    event: str  # the event's label in the report's language
    zone: int | None
    zone_name: str = ""


@dataclass(frozen=True, slots=True)
class InstallerReport:
    """What a test period received: the signals, and which of the site's zones were heard or not."""

    period: SuspensionPeriod
    site_code: str
    site_name: str
    signals: tuple[HeardSignal, ...]
    site_zones: tuple[tuple[int, str], ...]  # (number, name) of every zone the site has

    @property
    def zones_heard(self) -> tuple[int, ...]:
        return tuple(sorted({s.zone for s in self.signals if s.zone is not None}))

    @property
    def zones_not_heard(self) -> tuple[tuple[int, str], ...]:
        """The zones in the test's scope that sent nothing: detectors to look at again."""
        heard = set(self.zones_heard)
        scope = self.period.zones
        return tuple((n, name) for n, name in self.site_zones if n not in heard and (not scope or n in scope))
