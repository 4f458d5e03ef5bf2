"""A small station with known alarms, dispatches and dispositions, for the report's exact figures.

Period: Monday 2 and Tuesday 3 November 2026, Paris time (UTC+1). Five alarms inside, two just
outside; one alarm at 00:30 Paris on the 3rd is still the 2nd in UTC (the local day counts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from console.domain.alarm import Operator, Role
from console.domain.report import ReportPeriod
from console.storage.engine import Database
from console.storage.tables import AlarmRow, DispatchRow
from tests.factories import add_operator_to, add_site

PARIS = ZoneInfo("Europe/Paris")
PERIOD = ReportPeriod.of_days(date(2026, 11, 2), date(2026, 11, 3), PARIS)


def paris(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=PARIS).astimezone(UTC)


@dataclass(frozen=True)
class Station:
    amelie: Operator
    bruno: Operator
    chef: Operator
    lyon: int
    paris: int


def _alarm(
    db: Database,
    site: int,
    category: str,
    created: datetime,
    *,
    take_s: float | None = None,
    handle_s: float | None = None,
    operator: Operator | None = None,
    disposition: str | None = None,
) -> int:
    taken = created + timedelta(seconds=take_s) if take_s is not None else None
    closed = taken + timedelta(seconds=handle_s) if taken is not None and handle_s is not None else None
    row = AlarmRow(
        site_id=site,
        account="4A21",
        state="closed" if closed else ("taken" if taken else "new"),
        priority=1 if category == "fire" else 2,
        category=category,
        title=category,
        created_at=created,
        last_signal_at=created,
        taken_at=taken,
        closed_at=closed,
        operator_id=operator.id if operator else None,
        disposition=disposition,
    )
    with db.write() as session:
        session.add(row)
        session.flush()
        assert row.id is not None
        return row.id


def _dispatch(
    db: Database,
    alarm: int,
    kind: str,
    at: datetime,
    *,
    delay_min: int | None,
    arrived_min: float | None = None,
    cancelled: bool = False,
) -> None:
    with db.write() as session:
        session.add(
            DispatchRow(
                alarm_id=alarm,
                kind=kind,
                agreed_delay_min=delay_min,
                requested_at=at,
                on_site_at=at + timedelta(minutes=arrived_min) if arrived_min is not None else None,
                cancelled_at=at + timedelta(minutes=3) if cancelled else None,
            )
        )


def build_station(db: Database) -> Station:
    amelie = add_operator_to(db, "amelie", Role.OPERATOR)
    bruno = add_operator_to(db, "bruno", Role.OPERATOR)
    chef = add_operator_to(db, "chef", Role.SUPERVISOR)
    lyon = add_site(db, "LYO-0001", "4A21", "Pharmacie")
    par = add_site(db, "PAR-0002", "5B32", "Banque")
    a1 = _alarm(
        db,
        lyon,
        "intrusion",
        paris(2, 8, 30),
        take_s=20,
        handle_s=300,
        operator=amelie,
        disposition="false_alarm_user",
    )
    _alarm(
        db,
        lyon,
        "intrusion",
        paris(2, 8, 45),
        take_s=30,
        handle_s=600,
        operator=amelie,
        disposition="false_alarm_technical",
    )
    a3 = _alarm(
        db,
        par,
        "fire",
        paris(3, 0, 30),
        take_s=45,
        handle_s=1200,
        operator=bruno,
        disposition="confirmed_fire",
    )
    a4 = _alarm(
        db, par, "intrusion", paris(3, 10), take_s=90, handle_s=100, operator=bruno, disposition="test"
    )
    a5 = _alarm(db, lyon, "technical", paris(3, 11))
    _alarm(
        db,
        par,
        "intrusion",
        paris(4, 0),
        take_s=5,
        handle_s=5,
        operator=bruno,
        disposition="false_alarm_user",
    )
    _alarm(
        db,
        par,
        "intrusion",
        paris(1, 23, 59),
        take_s=5,
        handle_s=5,
        operator=bruno,
        disposition="false_alarm_user",
    )
    _dispatch(db, a1, "keyholder", paris(2, 8, 31), delay_min=30, cancelled=True)
    _dispatch(db, a3, "fire", paris(3, 0, 31), delay_min=None, arrived_min=9)
    _dispatch(db, a3, "guard", paris(3, 0, 32), delay_min=20, arrived_min=15)
    _dispatch(db, a4, "guard", paris(3, 10, 2), delay_min=10, arrived_min=12)
    _dispatch(db, a5, "guard", paris(3, 11, 1), delay_min=30)
    return Station(amelie, bruno, chef, lyon, par)
