"""Small builders for test data: a site with its transmitter, operators, Contact ID signals."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from console.domain.alarm import Alarm, Operator, Role
from console.domain.alarm_record import AlarmRecord
from console.domain.signals import Signal, contact_id_signal, sia_signal
from console.domain.site import JournalEntry, SignalRecord, SiteFile
from console.storage.engine import Database
from console.storage.operators import add_operator
from console.storage.sites import add_transmitter, ensure_site

T0 = datetime(2026, 11, 29, 22, 15, 0, tzinfo=UTC)


class SteppingClock:
    """A clock the test moves by hand, so timestamps in assertions are known exactly."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now


def add_site(db: Database, code: str = "LYO-0001", account: str = "4A21", name: str = "Pharmacie") -> int:
    with db.write() as session:
        site, _ = ensure_site(session, code, name)
        add_transmitter(session, site, account, line="1")
        assert site.id is not None
        return site.id


def add_operator_to(db: Database, login: str = "amelie", role: Role = Role.OPERATOR) -> Operator:
    with db.write() as session:
        return add_operator(session, login, login.title(), "secret-" + login, role)


def cid(
    code: int,
    zone: int | None = 1,
    *,
    account: str = "4A21",
    qualifier: int = 1,
    at: datetime = T0,
    seq: int | None = None,
) -> Signal:
    return contact_id_signal(
        received_at=at,
        account=account,
        qualifier=qualifier,
        code=code,
        partition=1,
        zone=zone,
        line="1",
        sequence=seq,
        raw=f'"ADM-CID"{seq or 1:04d}L1#{account}[#{account}|{qualifier}{code:03d} 01 {zone or 0:03d}]',
    )


def sia(code: str, zone: int | None = 1, *, account: str = "4A21", at: datetime = T0) -> Signal:
    return sia_signal(received_at=at, account=account, code=code, zone=zone, line="1")


def alarm_record(
    alarm: Alarm,
    site_file: SiteFile | None = None,
    signals: Sequence[SignalRecord] = (),
    journal: Sequence[JournalEntry] = (),
    **more: Any,
) -> AlarmRecord:
    """What the site feed would bring for `alarm`, given its parts (view tests without a database)."""
    return AlarmRecord(alarm, site_file, tuple(signals), tuple(journal), **more)
