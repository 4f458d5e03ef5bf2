"""Putting sites, transmitters or zones on test, sites out of service, and the installer's report.

Operators put a site on test when its installer calls in (it is part of handling the site);
suspending a customer's contract (out of service) is a supervisor's or an admin's decision. Both
are journaled with who, what and why, and so is their end. The receiver's placement asks
`suppressed` which signals of a batch stay out of the queue.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from console.domain.alarm import Operator
from console.domain.event_codes import CATALOGUE
from console.domain.journal import JournalAction
from console.domain.signals import Signal
from console.domain.test_mode import (
    HeardSignal,
    InstallerReport,
    Suspension,
    SuspensionError,
    SuspensionPeriod,
    check_new_period,
    suppressing,
)
from console.services.authority import Authority
from console.storage import suspensions as store
from console.storage.alarms import append_journal
from console.storage.engine import Database, unavailable_raised
from console.storage.sites import load_site_file, site_by_code


def suppressed(session: Session, signals: Sequence[Signal], site_of: Sequence[int | None]) -> set[int]:
    """Indexes of the batch's signals that fall in a test or out-of-service period: filed, not queued."""
    sites = {site_id for site_id in site_of if site_id is not None}
    if not sites:
        return set()
    times = [s.received_at for s in signals]
    periods = store.periods_overlapping(session, sites, min(times), max(times))
    if not periods:
        return set()
    return {
        index
        for index, (signal, site_id) in enumerate(zip(signals, site_of, strict=True))
        if site_id is not None
        and suppressing(periods, site_id, signal.account, signal.zone, signal.received_at)
    }


def silenced(session: Session, at: datetime) -> Callable[[int, str | None], bool]:
    """Whether the supervision of a site (account None) or of one of its transmitters is silent at
    `at`: a period covers it whole, not only some zones (an installer powering the panel down must
    not raise a missed test; a site on test is not late to close)."""
    periods = [p for p in store.periods_overlapping(session, None, at, at) if p.active_at(at) and not p.zones]

    def covered(site_id: int, account: str | None) -> bool:
        return any(
            p.site_id == site_id
            and (p.account is None or (account is not None and p.account == account.upper()))
            for p in periods
        )

    return covered


@dataclass(frozen=True, slots=True)
class ActivePeriod:
    """A period in force, with its site's code and name, as the queue lists them."""

    period: SuspensionPeriod
    site_code: str
    site_name: str


class SuspensionDesk:
    """Test mode and suspensions, role-checked and journaled."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._db = db
        self._clock = clock
        self._authority = Authority(db, clock)

    def start(
        self,
        operator: Operator | None,
        site_code: str,
        kind: Suspension,
        reason: str,
        *,
        duration: timedelta | None,
        account: str | None = None,
        zones: Sequence[int] = (),
    ) -> SuspensionPeriod:
        """Put a site (or one of its accounts, or some zones) on test from now for `duration`, or out of
        service (duration None: until lifted). SuspensionError for a wrong request. `operator` None:
        the command line on the server, where the database URL is the credential (as `vigie report`)."""
        if kind is Suspension.OUT_OF_SERVICE and operator is not None:
            self._authority.require(operator, "put a site out of service")
        now = self._clock()
        ends = now + duration if duration is not None else None
        check_new_period(kind, now, ends, reason, zones)
        with unavailable_raised(), self._db.write() as session:
            site = site_by_code(session, site_code)
            if site is None or site.id is None:
                raise SuspensionError("unknown_site", f"no site {site_code!r}")
            site_file = load_site_file(session, site.id)
            if account is not None and site_file is not None and account.upper() not in site_file.accounts:
                raise SuspensionError("unknown_account", f"site {site_code} has no account {account}")
            period = store.add_period(
                session,
                site.id,
                kind,
                now,
                ends,
                reason,
                account=account,
                zones=zones,
                created_by=_id(operator),
                now=now,
            )
            append_journal(
                session,
                at=now,
                action=JournalAction.SUSPENSION_STARTED,
                detail=describe(period) + _by(operator),
                operator_id=_id(operator),
                site_id=site.id,
            )
        return period

    def end(self, operator: Operator | None, period_id: int) -> SuspensionPeriod:
        """Lift a period now (the installer is done early, the contract resumes)."""
        now = self._clock()
        with unavailable_raised(), self._db.write() as session:
            current = store.period(session, period_id)
            if current is None:
                raise SuspensionError("unknown_period", f"no test or suspension {period_id}")
            if current.kind is Suspension.OUT_OF_SERVICE and operator is not None:
                self._authority.require(operator, "put a site back in service")
            ended = store.end_period(session, period_id, now)
            assert ended is not None
            append_journal(
                session,
                at=now,
                action=JournalAction.SUSPENSION_ENDED,
                detail=describe(ended) + _by(operator),
                operator_id=_id(operator),
                site_id=ended.site_id,
            )
        return ended

    def active(self) -> list[ActivePeriod]:
        """Every period in force now, soonest end first (out of service, without an end, last)."""
        now = self._clock()
        with unavailable_raised(), self._db.read() as session:
            periods = [p for p in store.periods_overlapping(session, None, now, now) if p.active_at(now)]
            names = {}
            for period in periods:
                site_file = load_site_file(session, period.site_id)
                if site_file is not None:
                    names[period.site_id] = (site_file.site.code, site_file.site.name)
        far = datetime.max.replace(tzinfo=UTC)
        periods.sort(key=lambda p: (p.end or far, p.id))
        return [ActivePeriod(p, *names.get(p.site_id, ("", ""))) for p in periods]

    def report(self, operator: Operator | None, period_id: int, lang: str = "en") -> InstallerReport:
        """What the period received so far (or in all, once over), journaled as handed out."""
        now = self._clock()
        with unavailable_raised(), self._db.write() as session:
            found = store.period(session, period_id)
            if found is None:
                raise SuspensionError("unknown_period", f"no test or suspension {period_id}")
            site_file = load_site_file(session, found.site_id)
            assert site_file is not None
            names = {z.number: z.name for z in site_file.zones}
            heard = tuple(
                HeardSignal(
                    at=row.received_at,
                    account=row.account,
                    event=CATALOGUE.lookup(row.event_system, row.event_code).label(lang),
                    zone=row.zone,
                    zone_name=names.get(row.zone, "") if row.zone is not None else "",
                )
                for row in store.signals_of_period(session, found, now)
            )
            append_journal(
                session,
                at=now,
                action=JournalAction.INSTALLER_REPORT,
                detail=f"{describe(found)}: {len(heard)} signals" + _by(operator),
                operator_id=_id(operator),
                site_id=found.site_id,
            )
        return InstallerReport(
            period=found,
            site_code=site_file.site.code,
            site_name=site_file.site.name,
            signals=heard,
            site_zones=tuple((z.number, z.name) for z in site_file.zones),
        )


def _id(operator: Operator | None) -> int | None:
    return None if operator is None else operator.id


def _by(operator: Operator | None) -> str:
    """Who, when no operator is signed in: the system user running the command line."""
    return f" (by {getpass.getuser()}, vigie test-mode)" if operator is None else ""


def describe(period: SuspensionPeriod) -> str:
    """The journal's sentence for a period (English, like the journal's other system lines)."""
    what = "on test" if period.kind is Suspension.TEST else "out of service"
    scope = f"account {period.account}" if period.account else "site"
    if period.zones:
        scope += " zones " + ", ".join(str(z) for z in sorted(period.zones))
    until = f" until {period.end:%Y-%m-%d %H:%M} UTC" if period.end else " until lifted"
    return f"#{period.id} {scope} {what} from {period.starts_at:%Y-%m-%d %H:%M} UTC{until}: {period.reason}"
