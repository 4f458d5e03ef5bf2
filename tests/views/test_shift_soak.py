"""A whole shift at one workstation: about 100 alarms of all kinds from 30 sites, over real sockets.

The DC-09 receiver listens on 127.0.0.1 in this process, on the workstation's SQLite database (as
the single-workstation console runs it); the test sends ADM-CID frames as panels would and reads each
ACK. The operator works by keyboard only (T, Return, Alt+2 and Space, C, switching back to earlier
alarms), some held intrusions turn into panics, and after every step each panel of the site window is
checked against the database for the alarm shown. Seeded: a failure replays the same shift.
"""

from __future__ import annotations

import asyncio
import os
import random
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from sqlalchemy import select

from console.domain.alarm import AlarmState
from console.domain.alarm_record import done_step_ids
from console.domain.journal import JournalAction
from console.domain.priority import EventCategory
from console.domain.site import DetectorType
from console.receiver.codec import build_frame, parse_response
from console.receiver.server import ReceiverConfig
from console.services.queue_feed import SiteDesk
from console.services.receiver_service import ReceiverService
from console.storage.engine import Database
from console.storage.sites import (
    NewContact,
    add_contact,
    add_plan,
    add_procedure,
    add_transmitter,
    add_zone,
    ensure_site,
)
from console.storage.tables import AlarmRow
from console.views.queue.close_dialog import CloseAlarmDialog
from console.views.workstation import Workstation
from tests.views.harness import running_workstation
from tests.views.site_checks import fill_close_dialog, open_in_queue, shows

SEED = int(os.environ.get("VIGIE_SOAK_SEED", "20261202"))  # another seed: another shift
SITE_COUNT = 30
ALARM_COUNT = 100
SVG = b"""<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 400 300' width='400' height='300'>
<rect x='0' y='0' width='400' height='300' fill='white'/></svg>"""
NAMES = ("Marie Dupuis", "Paul Martin", "Jean Morel", "Lea Garnier", "Hugo Faure", "Ines Roux")
# kind: (Contact ID event code, zones sent in order)
KINDS = {
    "intrusion": (130, (1, 2)),  # two zones: a path on the plan
    "fire": (110, (3,)),
    "panic": (120, (5,)),
    "technical": (301, (0,)),
}


@dataclass
class Station:
    account: str
    code: str
    has_panic: bool
    sequence: int = 0


def add_sites(db: Database, rng: random.Random) -> list[Station]:
    """Thirty sites: contacts, plans and procedures vary; some have no plan, some no procedure."""
    stations = []
    for n in range(SITE_COUNT):
        code, account = f"S{n:02d}-{1000 + n}", f"{0x6A00 + n:X}"
        with db.write() as session:
            site, _ = ensure_site(session, code, f"Site {code}")
            add_transmitter(session, site, account, line="1")
            plan = add_plan(session, site, 0, f"Plan {code}", "image/svg+xml", SVG) if n % 5 != 4 else None
            add_zone(session, site, 1, "Porte", DetectorType.DOOR_CONTACT, plan, 40, 150)
            add_zone(session, site, 2, "Couloir", DetectorType.PIR, plan, 200, 150)
            for rank, name in enumerate(rng.sample(NAMES, rng.randint(0, 3)), start=1):
                add_contact(session, site, rank, NewContact(name, phones=(f"+33 6 00 00 {n:02d} 0{rank}",)))
            if n % 7 != 6:
                steps = [(f"Etape {i} de {code}", i == 1) for i in range(rng.randint(1, 4))]
                add_procedure(session, site, EventCategory.INTRUSION, f"Intrusion {code}", steps)
            if n % 3 == 0:
                add_procedure(session, site, EventCategory.FIRE, f"Incendie {code}", [("Pompiers", True)])
            has_panic = n % 2 == 0
            if has_panic:
                add_procedure(
                    session,
                    site,
                    EventCategory.PANIC,
                    f"Agression {code}",
                    [("Rappeler sans dire le mot", True), ("Police", False)],
                )
        stations.append(Station(account, code, has_panic))
    return stations


class Receiver:
    """The DC-09 receiver on its own asyncio loop in a background thread, on the test's database."""

    def __init__(self, db: Database) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="receiver", daemon=True)
        self.thread.start()
        self.service = ReceiverService(db, ReceiverConfig(tcp=(("127.0.0.1", 0),)))
        [endpoint] = asyncio.run_coroutine_threadsafe(self.service.start(), self.loop).result(10)
        self.port = endpoint.port

    def send(self, station: Station, code: int, zones: tuple[int, ...]) -> None:
        """One connection per event, as a panel dials in; every frame must be ACKed."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as sock:
            for zone in zones:
                station.sequence = station.sequence % 9999 + 1
                data = f"#{station.account}|1{code:03d} 01 {zone:03d}"
                at = datetime.now(UTC) - timedelta(seconds=1)
                sock.sendall(
                    build_frame("ADM-CID", station.sequence, station.account, data, line="1", timestamp=at)
                )
                answer = b""
                while not answer.endswith(b"\r"):
                    chunk = sock.recv(1024)
                    assert chunk, "the receiver hung up before its ACK"
                    answer += chunk
                assert parse_response(answer).id == "ACK"

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self.service.stop(), self.loop).result(30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


@pytest.fixture
def shift(
    qtbot: Any, sqlite_db: Database, tmp_path: Path
) -> Iterator[tuple[Workstation, Receiver, list[Station]]]:
    stations = add_sites(sqlite_db, random.Random(SEED))
    receiver = Receiver(sqlite_db)
    try:
        for station in running_workstation(qtbot, sqlite_db, tmp_path, dispatch=True):
            yield station, receiver, stations
    finally:
        receiver.stop()


def open_alarm_of(station: Workstation, site_code: str) -> int | None:
    for alarm in station.model.alarms():
        if alarm.state is not AlarmState.CLOSED and alarm.site_code == site_code:
            return alarm.id
    return None


def missing_mandatory(db: Database, alarm_id: int, station: Workstation) -> bool:
    site = station.site_window
    assert site.alarm is not None and site.alarm.site_id is not None
    expected = SiteDesk(db).site_file(site.alarm.site_id)
    assert expected is not None
    procedure = expected.procedure_for(site.alarm.category)
    if procedure is None:
        return False
    done = done_step_ids(SiteDesk(db).alarm_journal(alarm_id))
    return any(s.mandatory and s.id not in done for s in procedure.steps)


@pytest.mark.slow
def test_a_shift_of_a_hundred_alarms_from_thirty_sites(
    qtbot: Any, shift: tuple[Workstation, Receiver, list[Station]], sqlite_db: Database
) -> None:
    station, receiver, stations = shift
    rng = random.Random(SEED)
    queue, site = station.queue_window, station.site_window
    sent: list[int] = []  # every alarm raised, in order
    held: list[int] = []  # taken, not yet closed
    upgrades = 0
    counts = {"switch": 0, "tick": 0, "skip": 0, "dispatch": 0}
    dispatched: set[int] = set()
    dispatch_rng = random.Random(SEED + 1)  # its own draws: the rest of the shift stays as it was

    def raise_alarm() -> None:
        free = [s for s in stations if open_alarm_of(station, s.code) is None]
        assert free
        target = rng.choice(free)
        code, zones = KINDS[rng.choice(list(KINDS))]
        receiver.send(target, code, zones)
        qtbot.waitUntil(lambda: open_alarm_of(station, target.code) is not None, timeout=15000)
        alarm_id = open_alarm_of(station, target.code)
        assert alarm_id is not None and alarm_id not in sent, target.code
        sent.append(alarm_id)

    def in_queue() -> None:
        if not queue.isActiveWindow():
            with qtbot.waitActive(queue):
                queue.activateWindow()
        queue.table.setFocus()

    def in_site() -> None:
        if not site.isActiveWindow():
            with qtbot.waitActive(site):
                site.activateWindow()

    def shown() -> int:
        assert site.alarm is not None
        return site.alarm.id

    def tick_some() -> None:
        in_site()
        qtbot.keyClick(site, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
        for _ in range(rng.randint(0, 2)):
            if site.checklist.rowCount() == 0:
                break
            before = len(done_step_ids(SiteDesk(sqlite_db).alarm_journal(shown())))
            row = rng.randrange(site.checklist.rowCount())
            site.checklist_view.setCurrentIndex(site.checklist.index(row, 0))
            if site.checklist.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked:
                continue
            qtbot.keyClick(site.checklist_view, Qt.Key.Key_Space)
            counts["tick"] += 1
            qtbot.waitUntil(
                lambda b=before: len(done_step_ids(SiteDesk(sqlite_db).alarm_journal(shown()))) > b,
                timeout=5000,
            )
            shows(qtbot, station, sqlite_db, shown())

    def dispatch_shown() -> None:
        """I, the responder's name, Return: as an operator sends a guard (or whom the procedure names)."""
        alarm_id = shown()
        in_site()
        panel = site.dispatch_panel
        before = panel.model.rowCount()
        qtbot.keyClick(site, Qt.Key.Key_I)
        assert panel.forms.isVisible()
        assert panel.kind_box.currentData() == panel.proposed_kind.value  # type: ignore[union-attr]
        panel.provider_edit.setFocus()
        qtbot.keyClicks(panel.provider_edit, "Securitas equipe 3")
        qtbot.keyClick(panel.provider_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: panel.model.rowCount() == before + 1, timeout=5000)
        assert not panel.forms.isVisible()
        dispatched.add(alarm_id)
        counts["dispatch"] += 1
        journal = SiteDesk(sqlite_db).alarm_journal
        qtbot.waitUntil(  # the request's journal line reaches the panel with the next feed poll
            lambda: [e.id for e in site.journal.records()] == [e.id for e in journal(alarm_id)], timeout=5000
        )
        shows(qtbot, station, sqlite_db, alarm_id)

    def close_shown() -> None:
        alarm_id = shown()
        in_site()
        qtbot.keyClick(site, Qt.Key.Key_C)
        dialogs = [d for d in site.findChildren(CloseAlarmDialog) if d.isVisible()]
        assert len(dialogs) == 1
        dialog = dialogs[0]
        qtbot.waitUntil(dialog.isActiveWindow)
        if missing_mandatory(sqlite_db, alarm_id, station):
            counts["skip"] += 1
            qtbot.keyClicks(dialog.skip_reason_edit, "Client injoignable, site verifie par agent")
        fill_close_dialog(qtbot, dialog)
        qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=5000)
        qtbot.waitUntil(
            lambda: (
                station.model.alarm(alarm_id) is None
                or station.model.alarm(alarm_id).state is AlarmState.CLOSED  # type: ignore[union-attr]
            ),
            timeout=5000,
        )
        held.remove(alarm_id)
        if site.alarm is not None and site.alarm.id != alarm_id:
            shows(qtbot, station, sqlite_db, site.alarm.id)

    while (
        len(sent) < ALARM_COUNT
        or held
        or any(a.state is not AlarmState.CLOSED for a in station.model.alarms())
    ):
        for _ in range(rng.choice((0, 1, 1, 2))):
            if len(sent) < ALARM_COUNT:
                raise_alarm()
        new = {a.id for a in station.model.alarms() if a.state is AlarmState.NEW}
        if new and (len(held) < 3 or rng.random() < 0.3):
            in_queue()
            qtbot.keyClick(queue.table, Qt.Key.Key_T)
            qtbot.waitUntil(
                lambda new=new: any(
                    (a := station.model.alarm(i)) is not None and a.state is not AlarmState.NEW for i in new
                ),
                timeout=5000,
            )
            [taken] = [i for i in new if station.model.alarm(i).state is not AlarmState.NEW]  # type: ignore[union-attr]
            held.append(taken)
            open_in_queue(qtbot, station, taken)
            shows(qtbot, station, sqlite_db, taken)
            tick_some()
        elif held:
            if rng.random() < 0.4 or site.alarm is None or site.alarm.id not in held:  # an earlier alarm
                earlier = rng.choice(held)
                counts["switch"] += site.alarm is None or earlier != site.alarm.id
                open_in_queue(qtbot, station, earlier)
                shows(qtbot, station, sqlite_db, earlier)
                tick_some()
        elif not new and len(sent) >= ALARM_COUNT:
            break
        if site.alarm is not None and site.alarm.id in held:
            alarm = site.alarm
            target = next(s for s in stations if s.code == alarm.site_code)
            if alarm.category is EventCategory.INTRUSION and target.has_panic and rng.random() < 0.6:
                receiver.send(target, 120, (5,))  # a panic on the site whose intrusion is held
                qtbot.waitUntil(
                    lambda: site.alarm is not None and site.alarm.category is EventCategory.PANIC,
                    timeout=15000,
                )
                upgrades += 1
                assert site.procedure_change.isVisibleTo(site)
                assert f"Agression {target.code}" in site.procedure_title.text()
                shows(qtbot, station, sqlite_db, alarm.id)
                tick_some()
            if site.alarm.id not in dispatched and dispatch_rng.random() < 0.3:
                dispatch_shown()
            if held and (len(held) >= 3 or rng.random() < 0.6):
                close_shown()

    assert len(sent) == ALARM_COUNT and len(set(sent)) == ALARM_COUNT
    assert upgrades >= 3 and min(counts.values()) >= 5, (upgrades, counts)  # the shift did it all
    desk = SiteDesk(sqlite_db)
    for alarm_id in sent:
        journal = desk.alarm_journal(alarm_id)
        assert [e.action for e in journal].count(JournalAction.CLOSE) == 1, alarm_id
    with sqlite_db.read() as session:
        states: dict[int, str] = dict(session.execute(select(AlarmRow.id, AlarmRow.state)).all())  # type: ignore[arg-type]
    assert set(states) == set(sent)
    assert {AlarmState(s) for s in states.values()} == {AlarmState.CLOSED}
