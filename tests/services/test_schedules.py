"""Opening hours in a shift: the pharmacy opens, closes, is opened at night, is left open; each
step checked in what the queue holds and what the journal says (issue 12, item 2)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import col, select

from console.domain.alarm import AlarmState, Disposition
from console.domain.grouping import localized_title
from console.domain.journal import JournalAction
from console.domain.priority import Priority
from console.services.alarm_desk import AlarmDesk
from console.services.schedules import ScheduleWatch
from console.storage import alarms as alarm_store
from console.storage.engine import Database
from console.storage.schedules import set_exception, set_weekly_hours
from console.storage.tables import AlarmRow, JournalRow
from tests.factories import SteppingClock, add_operator_to, add_site, cid

PARIS = ZoneInfo("Europe/Paris")


def paris(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=PARIS)


def open_alarms(db: Database) -> list[tuple[str, str, int]]:
    """(English title, state, priority) of the open alarms, oldest first."""
    with db.read() as session:
        alarms = alarm_store.open_alarms(session)
    return [
        (localized_title(a, "en"), a.state.value, int(a.priority)) for a in sorted(alarms, key=lambda a: a.id)
    ]


def journal(db: Database, *actions: JournalAction) -> list[tuple[str, str]]:
    with db.read() as session:
        rows = session.execute(
            select(JournalRow.action, JournalRow.detail)
            .where(col(JournalRow.action).in_([a.value for a in actions]))
            .order_by(col(JournalRow.id))
        ).all()
    return [(action, detail) for action, detail in rows]


def shop(db: Database) -> int:
    site_id = add_site(db)
    with db.write() as session:
        set_weekly_hours(session, site_id, [(day, time(8), time(19)) for day in range(6)])  # Mon-Sat
        set_exception(session, site_id, date(2026, 12, 8), label="Closed for stocktaking")
    return site_id


def test_a_week_of_openings_and_closings(db: Database) -> None:
    shop(db)
    clock = SteppingClock(paris(1, 7, 50))
    desk, watch = AlarmDesk(db, clock), ScheduleWatch(db, clock)

    # Tuesday: opened at 07:50, closed at 19:05; nothing for the operators.
    desk.ingest([cid(401, qualifier=1, at=paris(1, 7, 50), seq=1)])
    clock.now = paris(1, 12)
    assert watch.check() == [] and open_alarms(db) == []
    desk.ingest([cid(401, qualifier=3, at=paris(1, 19, 5), seq=2)])
    clock.now = paris(1, 23)
    assert watch.check() == [] and open_alarms(db) == []

    # Tuesday night, 02:10: an opening. An alarm of intrusion priority, journaled with the site time.
    desk.ingest([cid(401, qualifier=1, at=paris(2, 2, 10), seq=3)])
    assert open_alarms(db) == [("Opening outside the hours", "new", int(Priority.INTRUSION))]
    assert journal(db, JournalAction.UNEXPECTED_OPENING) == [
        ("unexpected_opening", "opened at Wed 2026-12-02 02:10 (Europe/Paris), outside the site's hours")
    ]
    # The site is closed again at 02:30; the operator closes the alarm after calling the manager.
    desk.ingest([cid(401, qualifier=3, at=paris(2, 2, 30), seq=4)])
    operator = add_operator_to(db)
    with db.write() as session:
        alarm = alarm_store.open_alarms(session)[0]
    desk.take(alarm.id, operator)
    desk.close(
        alarm.id,
        operator,
        Disposition.FALSE_ALARM_USER,
        "staff came back for keys, manager called back",
        skip_reason="test",
    )
    assert open_alarms(db) == []

    # Wednesday: opened at 08:00, still open at 19:15: late to close, once.
    desk.ingest([cid(401, qualifier=1, at=paris(2, 8, 0), seq=5)])
    clock.now = paris(2, 19, 14)
    assert watch.check() == []
    clock.now = paris(2, 19, 15)
    raised = watch.check()
    assert len(raised) == 1 and open_alarms(db) == [("Late to close", "new", int(Priority.TECHNICAL))]
    clock.now = paris(2, 20, 0)
    assert watch.check() == []  # one alarm per missed closing
    assert [detail for _, detail in journal(db, JournalAction.LATE_TO_CLOSE)] == [
        "opened Wed 2026-12-02 08:00 (Europe/Paris), not closed by Wed 2026-12-02 19:00 (Europe/Paris)"
    ]
    # The closing at last joins the open alarm as information; no further late alarm.
    desk.ingest([cid(401, qualifier=3, at=paris(2, 20, 5), seq=6)])
    clock.now = paris(3, 23, 0)
    assert watch.check() == []
    with db.read() as session:
        count = session.execute(
            select(AlarmRow.signal_count).where(col(AlarmRow.id) == raised[0])
        ).scalar_one()
    assert count == 1


def test_an_opening_on_a_day_closed_by_exception_joins_the_sites_open_alarm(db: Database) -> None:
    """Stocktaking day: closed. An opening at 10:00 while a technical alarm is open raises it."""
    shop(db)
    clock = SteppingClock(paris(8, 9, 0))
    desk = AlarmDesk(db, clock)
    desk.ingest([cid(301, at=paris(8, 9, 0), seq=1)])  # AC loss: technical
    assert [p for _, _, p in open_alarms(db)] == [int(Priority.TECHNICAL)]
    desk.ingest([cid(401, qualifier=1, at=paris(8, 10, 0), seq=2)])
    assert [(state, p) for _, state, p in open_alarms(db)] == [
        (AlarmState.NEW.value, int(Priority.INTRUSION))
    ]
    assert [a for a, _ in journal(db, JournalAction.UNEXPECTED_OPENING, JournalAction.PRIORITY_RAISED)] == [
        "priority_raised",
        "unexpected_opening",
    ]
    # The next Monday, 10:00, is within the hours: no alarm.
    desk.ingest([cid(401, qualifier=1, at=paris(14, 10, 0) + timedelta(seconds=1), seq=3)])
    assert len(journal(db, JournalAction.UNEXPECTED_OPENING)) == 1


def test_a_site_without_hours_is_never_judged(db: Database) -> None:
    add_site(db)
    clock = SteppingClock(paris(6, 3, 0))
    desk, watch = AlarmDesk(db, clock), ScheduleWatch(db, clock)
    desk.ingest([cid(401, qualifier=1, at=paris(6, 3, 0), seq=1)])
    clock.now = paris(9, 3, 0)
    assert watch.check() == [] and open_alarms(db) == []
