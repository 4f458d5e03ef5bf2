"""The site window shows the alarm opened, in every panel, alarm after alarm.

The bug these tests pin down: after the first alarm with an alarm path, every other alarm opened
with the new site's header but the previous site's contacts, procedure, signals and journal (the
plan raised half way through the refresh). They open alarms of two sites in turn, several times,
and check each panel against the database after each step.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from console.domain.alarm import Alarm, AlarmState
from console.domain.alarm_record import done_step_ids
from console.domain.priority import EventCategory
from console.domain.site import DetectorType
from console.services.alarm_desk import AlarmDesk
from console.services.queue_feed import SiteDesk
from console.storage.engine import Database
from console.storage.sites import NewContact, add_contact, add_plan, add_procedure, add_zone, site_by_code
from console.views.workstation import Workstation
from tests.factories import add_site, cid
from tests.views.harness import running_workstation, settle
from tests.views.site_checks import assert_shows, fill_close_dialog, open_in_queue

SVG = b"""<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 400 300' width='400' height='300'>
<rect x='0' y='0' width='400' height='300' fill='white'/></svg>"""

SITES = {
    # code: (account, contact names, intrusion steps)
    "LYO-0001": ("4A21", ("Marie Dupuis", "Paul Martin"), ("Écouter le site", "Appeler la gérante")),
    "PAR-0002": ("5B32", ("Jean Morel",), ("Appeler le gardien", "Envoyer un agent", "Prévenir le client")),
}


def add_station(db: Database) -> None:
    """Two sites, each with a plan of two detectors, its own contacts and an intrusion procedure;
    the first one also has a panic procedure with a mandatory step."""
    for code, (account, contacts, steps) in SITES.items():
        add_site(db, code=code, account=account, name=f"Site {code}")
        with db.write() as session:
            site = site_by_code(session, code)
            assert site is not None
            plan = add_plan(session, site, 0, f"Plan {code}", "image/svg+xml", SVG)
            add_zone(session, site, 1, "Porte", DetectorType.DOOR_CONTACT, plan, 40, 150)
            add_zone(session, site, 2, "Couloir", DetectorType.PIR, plan, 200, 150)
            for rank, name in enumerate(contacts, start=1):
                add_contact(session, site, rank, NewContact(name, phones=(f"+33 6 00 00 00 0{rank}",)))
            add_procedure(
                session,
                site,
                EventCategory.INTRUSION,
                f"Intrusion {code}",
                [(s, i == 1) for i, s in enumerate(steps)],
            )
            if code == "LYO-0001":
                add_procedure(
                    session,
                    site,
                    EventCategory.PANIC,
                    f"Agression {code}",
                    [("Rappeler sans dire le mot", True), ("Police", True)],
                )


@pytest.fixture
def workstation(qtbot: Any, sqlite_db: Database, tmp_path: Path) -> Iterator[Workstation]:
    add_station(sqlite_db)
    yield from running_workstation(qtbot, sqlite_db, tmp_path)


def ingest_path(db: Database, account: str, at: datetime) -> int:
    """Two intrusion zones in sequence: an alarm path drawn on the plan."""
    result = AlarmDesk(db).ingest(
        [
            cid(130, zone=1, account=account, at=at - timedelta(seconds=15)),
            cid(130, zone=2, account=account, at=at),
        ]
    )
    return result.new_alarm_ids[0]


def test_alarms_of_two_sites_opened_in_turn_show_their_own_site(
    qtbot: Any, workstation: Workstation, sqlite_db: Database
) -> None:
    now = datetime.now(UTC)
    first = ingest_path(sqlite_db, "4A21", now)
    second = ingest_path(sqlite_db, "5B32", now + timedelta(seconds=1))
    qtbot.waitUntil(lambda: workstation.model.rowCount() == 2, timeout=5000)
    for alarm_id in (first, second, first, second, second, first):
        open_in_queue(qtbot, workstation, alarm_id)
        assert_shows(workstation, sqlite_db, alarm_id)
        assert len(workstation.site_window.plan.path_items) >= 3  # both trips numbered, the arrow between


def test_ticks_follow_each_alarm(qtbot: Any, workstation: Workstation, sqlite_db: Database) -> None:
    """A step ticked on one alarm is ticked there only, and still ticked when the alarm comes back."""
    now = datetime.now(UTC)
    first = ingest_path(sqlite_db, "4A21", now)
    second = ingest_path(sqlite_db, "5B32", now + timedelta(seconds=1))
    qtbot.waitUntil(lambda: workstation.model.rowCount() == 2, timeout=5000)
    site = workstation.site_window
    for alarm_id in (first, second):
        open_in_queue(qtbot, workstation, alarm_id)
        site.focus_procedure()
        qtbot.keyClick(site.checklist_view, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda aid=alarm_id: len(done_step_ids(SiteDesk(sqlite_db).alarm_journal(aid))) == 1)
        settle(qtbot, workstation)
        assert_shows(workstation, sqlite_db, alarm_id)
        assert len(site.checklist.done_steps()) == 1
    for alarm_id in (first, second):
        open_in_queue(qtbot, workstation, alarm_id)
        assert_shows(workstation, sqlite_db, alarm_id)


@pytest.mark.faults_expected
def test_a_failing_panel_says_so_and_the_others_show_the_new_alarm(
    qtbot: Any,
    workstation: Workstation,
    sqlite_db: Database,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: Any,
) -> None:
    now = datetime.now(UTC)
    first = ingest_path(sqlite_db, "4A21", now)
    second = ingest_path(sqlite_db, "5B32", now + timedelta(seconds=1))
    qtbot.waitUntil(lambda: workstation.model.rowCount() == 2, timeout=5000)
    site = workstation.site_window
    open_in_queue(qtbot, workstation, first)
    assert_shows(workstation, sqlite_db, first)

    real = site.dispatch_panel.set_alarm

    def broken_for_second(alarm: Alarm | None, *args: Any) -> None:
        if alarm is not None and alarm.id == second:
            raise RuntimeError("dispatch panel broken")
        real(alarm, *args)

    monkeypatch.setattr(site.dispatch_panel, "set_alarm", broken_for_second)
    with caplog.at_level(logging.ERROR, logger="console"):
        open_in_queue(qtbot, workstation, second)
    frame = site.panel_frames["dispatch"]
    assert frame.faulty and not frame.fault.isHidden()
    assert "PAR-0002" in frame.fault.text()
    assert site.dispatch_panel.alarm is None  # emptied: it shows nothing rather than the first site
    assert [c.name for c in site.contacts.records()] == ["Jean Morel"]
    assert [r.exc_info[1] for r in caplog.records if r.exc_info] != []
    assert all(not f.faulty for name, f in site.panel_frames.items() if name != "dispatch")

    open_in_queue(qtbot, workstation, first)  # the panel recovers with the next alarm
    assert_shows(workstation, sqlite_db, first)


def test_the_procedure_follows_a_held_alarm_that_changes_category(
    qtbot: Any, workstation: Workstation, sqlite_db: Database
) -> None:
    """An intrusion upgraded to a panic while held: the panic procedure replaces the checklist, the
    change is pointed out, and closing checks the procedure now shown (its mandatory steps)."""
    now = datetime.now(UTC)
    alarm_id = ingest_path(sqlite_db, "4A21", now)
    other = ingest_path(sqlite_db, "5B32", now + timedelta(seconds=1))
    qtbot.waitUntil(lambda: workstation.model.rowCount() == 2, timeout=5000)
    queue, site = workstation.queue_window, workstation.site_window
    open_in_queue(qtbot, workstation, alarm_id)
    AlarmDesk(sqlite_db).take(alarm_id, workstation.operator)
    qtbot.waitUntil(lambda: site.alarm is not None and site.alarm.state is AlarmState.TAKEN)
    site.focus_procedure()
    qtbot.keyClick(site.checklist_view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(site.checklist.done_steps()) == 1)
    assert not site.procedure_change.isVisibleTo(site)

    AlarmDesk(sqlite_db).ingest([cid(120, zone=5, account="4A21", at=now + timedelta(seconds=5))])  # panic
    qtbot.waitUntil(
        lambda: site.alarm is not None and site.alarm.category is EventCategory.PANIC, timeout=5000
    )
    settle(qtbot, workstation)
    assert_shows(workstation, sqlite_db, alarm_id)
    assert "Agression LYO-0001" in site.procedure_title.text()
    assert site.checklist.done_steps() == set()  # the intrusion's tick is not a panic step
    assert site.procedure_change.isVisibleTo(site)
    assert "Panic" in site.procedure_change.text() and "Intrusion" in site.procedure_change.text()

    # A close dialog opened while the screen still showed the intrusion: refused, naming both kinds.
    assert site.alarm is not None
    stale = replace(site.alarm, category=EventCategory.INTRUSION)
    dialog = queue.close_alarm(stale, site)
    fill_close_dialog(qtbot, dialog)
    assert dialog.isVisible()
    assert "Panic" in dialog.skip_reason_error.text() and "Intrusion" in dialog.skip_reason_error.text()
    dialog.reject()
    # Opened on what is shown now: the panic's mandatory steps are checked, not the intrusion's.
    dialog = queue.close_alarm(site.alarm, site)  # type: ignore[arg-type]
    fill_close_dialog(qtbot, dialog)
    assert dialog.isVisible()
    assert "1, 2" in dialog.skip_reason_error.text()
    dialog.reject()
    assert workstation.model.alarm(alarm_id).state is not AlarmState.CLOSED  # type: ignore[union-attr]

    open_in_queue(qtbot, workstation, other)  # another alarm: the notice goes with the old one
    assert_shows(workstation, sqlite_db, other)
    assert not site.procedure_change.isVisibleTo(site)
    open_in_queue(qtbot, workstation, alarm_id)
    assert_shows(workstation, sqlite_db, alarm_id)


def test_a_record_that_cannot_be_read_says_so_and_the_next_open_shows_it(
    qtbot: Any, workstation: Workstation, sqlite_db: Database, monkeypatch: Any
) -> None:
    """An outage while a new alarm's record is read: its name and why, never the previous site."""
    from console.domain.outage import DatabaseUnavailable

    now = datetime.now(UTC)
    first = ingest_path(sqlite_db, "4A21", now)
    second = ingest_path(sqlite_db, "5B32", now + timedelta(seconds=1))
    qtbot.waitUntil(lambda: workstation.model.rowCount() == 2, timeout=5000)
    site = workstation.site_window
    open_in_queue(qtbot, workstation, first)
    assert_shows(workstation, sqlite_db, first)

    def unreachable(self: SiteDesk, alarm: Alarm) -> Any:
        raise DatabaseUnavailable("database unreachable (test)")

    monkeypatch.setattr(SiteDesk, "alarm_record", unreachable)
    open_in_queue(qtbot, workstation, second)
    assert "could not be read" in site.header.text() and "PAR-0002" in site.header.text()
    assert site.contacts.rowCount() == 0 and site.signals.rowCount() == 0  # nothing of LYO-0001
    monkeypatch.undo()
    open_in_queue(qtbot, workstation, first)
    open_in_queue(qtbot, workstation, second)
    assert_shows(workstation, sqlite_db, second)
