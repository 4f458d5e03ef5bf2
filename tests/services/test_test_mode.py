"""An installer's visit and a suspended contract, as a shift lives them (issue 12, item 3).

The installer calls in, the operator puts the site's zones on test for an hour; the walk test trips
detectors (stored, shown, not queued) while a real fire on another site still reaches the queue;
the period ends by itself; the next burglary is an alarm again; the installer's report lists what
was heard and what was not. A supervisor suspends a contract; an operator may not.
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import col, select

from console.domain.alarm import Role
from console.domain.installer_report import report_lines
from console.domain.journal import JournalAction
from console.domain.site import DetectorType
from console.domain.test_mode import Suspension, SuspensionError
from console.services.alarm_desk import AlarmDesk
from console.services.authority import AuditRefused
from console.services.supervision import PeriodicTestWatch
from console.services.test_mode import SuspensionDesk
from console.storage import alarms as alarm_store
from console.storage.engine import Database
from console.storage.sites import add_zone, find_transmitter, site_by_code
from console.storage.tables import JournalRow, SignalRow
from tests.factories import T0, SteppingClock, add_operator_to, add_site, cid

PARIS = ZoneInfo("Europe/Paris")


def queued(db: Database) -> list[tuple[str, int]]:
    """(site code, signals) of each open alarm."""
    with db.read() as session:
        return sorted((a.site_code, a.signal_count) for a in alarm_store.open_alarms(session))


def station(db: Database) -> None:
    add_site(db, code="LYO-0001", account="4A21", name="Pharmacie")
    add_site(db, code="PAR-0002", account="5B32", name="Entrepôt")
    with db.write() as session:
        site = site_by_code(session, "LYO-0001")
        assert site is not None
        for number, name in ((1, "Porte"), (2, "Couloir"), (3, "Réserve"), (4, "Bureau")):
            add_zone(session, site, number, name, DetectorType.PIR)


def test_an_installers_visit(db: Database) -> None:
    station(db)
    clock = SteppingClock(T0)
    desk, tests = AlarmDesk(db, clock), SuspensionDesk(db, clock)
    operator = add_operator_to(db)

    period = tests.start(
        operator,
        "LYO-0001",
        Suspension.TEST,
        "installer visit, Alarmes Dupont",
        duration=timedelta(hours=1),
        zones=[1, 2, 3],
    )
    # The walk test: zones 1 and 2 tripped, several times; stored, not queued.
    for n, zone in enumerate([1, 2, 1, 2], start=1):
        desk.ingest([cid(130, zone=zone, account="4A21", at=clock.advance(60), seq=n)])
    assert queued(db) == []
    # A fire elsewhere, and zone 4 (not on test) at the same site, are alarms as always.
    desk.ingest([cid(110, zone=7, account="5B32", at=clock.advance(10), seq=20)])
    desk.ingest([cid(130, zone=4, account="4A21", at=clock.advance(10), seq=5)])
    assert queued(db) == [("LYO-0001", 1), ("PAR-0002", 1)]
    with db.read() as session:
        stored = session.execute(
            select(SignalRow.zone, SignalRow.alarm_id).where(col(SignalRow.account) == "4A21")
        )
        assert [(zone, alarm_id is None) for zone, alarm_id in stored] == [
            (1, True),
            (2, True),
            (1, True),
            (2, True),
            (4, False),
        ]

    # The period ends by itself: an hour after it started, zone 1 raises (joins the open alarm).
    clock.now = period.starts_at + timedelta(hours=1)
    desk.ingest([cid(130, zone=1, account="4A21", at=clock.now, seq=6)])
    assert queued(db) == [("LYO-0001", 2), ("PAR-0002", 1)]
    assert tests.active() == []

    report = tests.report(operator, period.id)
    assert [s.zone for s in report.signals] == [1, 2, 1, 2]
    assert report.zones_heard == (1, 2) and report.zones_not_heard == ((3, "Réserve"),)
    lines = report_lines(report, PARIS, "fr")
    assert lines[0] == "LYO-0001 — Pharmacie"
    assert "Zones non entendues (à revoir) :" in lines and "  3 Réserve" in lines
    assert lines[4] == "4 signaux reçus" and "Bureau" not in "\n".join(lines)  # zone 4 was not on test
    with db.read() as session:
        actions = session.execute(
            select(JournalRow.action).where(col(JournalRow.site_id).is_not(None))
        ).scalars()
        assert {JournalAction.SUSPENSION_STARTED.value, JournalAction.INSTALLER_REPORT.value} <= set(actions)


def test_a_site_on_test_is_not_supervised_and_can_be_ended_early(db: Database) -> None:
    station(db)
    clock = SteppingClock(T0)
    with db.write() as session:
        transmitter = find_transmitter(session, "4A21", "1")
        assert transmitter is not None
        transmitter.test_interval_s, transmitter.last_signal_at = 600, T0
    tests, watch = SuspensionDesk(db, clock), PeriodicTestWatch(db, clock)
    operator = add_operator_to(db)
    period = tests.start(operator, "LYO-0001", Suspension.TEST, "panel replaced", duration=timedelta(hours=2))
    clock.advance(3600)  # the panel is off for an hour: no missed test while on test
    assert watch.check() == []
    [active] = tests.active()
    assert (active.site_code, active.period.id) == ("LYO-0001", period.id)
    tests.end(operator, period.id)
    assert tests.active() == []
    assert len(watch.check()) == 1  # silent since T0: the missed test is raised once the test ends


def test_suspending_a_contract_is_a_supervisors_decision(db: Database) -> None:
    station(db)
    clock = SteppingClock(T0)
    desk, tests = AlarmDesk(db, clock), SuspensionDesk(db, clock)
    operator, chief = add_operator_to(db), add_operator_to(db, "chef", Role.SUPERVISOR)
    with pytest.raises(AuditRefused):
        tests.start(operator, "PAR-0002", Suspension.OUT_OF_SERVICE, "unpaid", duration=None)
    period = tests.start(chief, "PAR-0002", Suspension.OUT_OF_SERVICE, "contract suspended", duration=None)
    desk.ingest([cid(130, account="5B32", at=clock.advance(86_400 * 30), seq=1)])  # a month later
    assert queued(db) == []
    with pytest.raises(AuditRefused):
        tests.end(operator, period.id)
    tests.end(chief, period.id)
    desk.ingest([cid(130, account="5B32", at=clock.advance(60), seq=2)])
    assert queued(db) == [("PAR-0002", 1)]


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"reason": " ", "duration": timedelta(hours=1)}, "reason_required"),
        ({"reason": "visit", "duration": timedelta(hours=25)}, "too_long"),
        ({"reason": "visit", "duration": None}, "end_required"),
        ({"reason": "visit", "duration": timedelta(0)}, "ends_before_start"),
        ({"reason": "visit", "duration": timedelta(hours=1), "account": "FFFF"}, "unknown_account"),
    ],
)
def test_wrong_requests_are_refused_with_a_reason(db: Database, kwargs: dict[str, object], code: str) -> None:
    station(db)
    tests = SuspensionDesk(db, SteppingClock(T0))
    with pytest.raises(SuspensionError) as refused:
        tests.start(add_operator_to(db), "LYO-0001", Suspension.TEST, **kwargs)  # type: ignore[arg-type]
    assert refused.value.code == code
    assert tests.active() == []
