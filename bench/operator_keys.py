"""Benchmark: how many keys an operator presses to handle a standard intrusion and a fire alarm.

A real ``Workstation`` (queue and site windows, offscreen, SQLite in a temp dir, a DispatchDesk)
is driven by keyboard only, the keys sent to whatever widget holds the focus, as a person types.
Every key press counts (with its modifiers: Alt+3 is one key); typed text (names, comments,
passwords) does not. After each step the script checks what the operator would see and stops
with an error if the console did not do it, so the count is of a handling that worked.

Intrusion: take (T), open (Return, the site window on its plan), look at the plan (A: the tripped
zones acknowledged), go to the contacts (Alt+3) and call the first keyholder (Return), check their
password (Alt+W, the words, Return), tick the mandatory steps (Alt+2, then Space per step: the tick
moves on to the next), dispatch a guard (I: the form proposes the responder the procedure names
and puts the keyboard on their name; the name, Return), close (C, a disposition chosen by its
first letter, Tab, the comment, Ctrl+Return).

Fire: the same without the password and with the fire brigade (whom the fire procedure names).

No telephone is attached (no SIP peer here): the call key is pressed and the panel answers that
the telephone is not configured; the password check runs on the real call log check.
Last line: ``intrusion: N keys, fire: M keys``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("VIGIE_MUTE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from console.domain.alarm import Role
from console.domain.priority import EventCategory
from console.domain.signals import Signal, contact_id_signal
from console.domain.site import DetectorType
from console.services.alarm_desk import AlarmDesk
from console.services.call_log import CallLog
from console.services.dispatch_desk import DispatchDesk
from console.services.queue_feed import QueueFeed, SiteDesk
from console.storage import migrate
from console.storage.engine import Database
from console.storage.operators import add_operator
from console.storage.sites import (
    NewContact,
    add_contact,
    add_plan,
    add_procedure,
    add_transmitter,
    add_zone,
    ensure_site,
)
from console.views.queue.close_dialog import CloseAlarmDialog
from console.views.workstation import Workstation

SVG = b"""<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 400 300' width='400' height='300'>
<rect x='0' y='0' width='400' height='300' fill='white'/></svg>"""
MOD = Qt.KeyboardModifier


class Keyboard:
    """Keys to the focused widget, counted; text typed, not counted."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.count = 0

    def focus(self) -> QWidget:
        widget = self.app.focusWidget()
        if widget is None:
            raise SystemExit("no widget holds the keyboard")
        return widget

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = MOD.NoModifier) -> None:
        self.count += 1
        if os.environ.get("BENCH_VERBOSE"):
            print(
                f"  key {self.count}: {key.name} {modifiers} -> {self.focus().objectName() or type(self.focus()).__name__}"
            )
        QTest.keyClick(self.focus(), key, modifiers)
        settle(self.app)

    def type(self, text: str) -> None:
        QTest.keyClicks(self.focus(), text)
        settle(self.app)


def settle(app: QApplication, until: Callable[[], bool] | None = None, timeout_s: float = 5.0) -> None:
    """Let the console work (feed polls, window activation) until `until` holds."""
    deadline = datetime.now(UTC) + timedelta(seconds=timeout_s)
    while True:
        app.processEvents()
        QTest.qWait(20)
        if until is None or until() or datetime.now(UTC) > deadline:
            if until is not None and not until():
                raise SystemExit("the console did not get there in time")
            return


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise SystemExit(f"step failed: {what}")


def build_station(db: Database) -> None:
    with db.write() as session:
        add_operator(session, "amelie", "Amélie", "secret-amelie", Role.OPERATOR)
        for code, account, category, procedure, steps in (
            (
                "LYO-0001",
                "4A21",
                EventCategory.INTRUSION,
                "Intrusion",
                [
                    ("Écouter le site", False),
                    ("Appeler le gérant", True),
                    ("Envoyer l'agent d'intervention", True),
                ],
            ),
            (
                "LYO-0002",
                "4A22",
                EventCategory.FIRE,
                "Incendie",
                [("Appeler les pompiers (18)", True), ("Prévenir le gardien", True)],
            ),
        ):
            site, _created = ensure_site(session, code, f"Pharmacie {code[-1]}")
            add_transmitter(session, site, account)
            plan = add_plan(session, site, 0, "Rez-de-chaussée", "image/svg+xml", SVG)
            add_zone(session, site, 1, "Porte", DetectorType.DOOR_CONTACT, plan, 40, 150)
            add_zone(session, site, 2, "Officine", DetectorType.PIR, plan, 200, 150)
            add_contact(
                session,
                site,
                1,
                NewContact(
                    "Marie Dupuis", phones=("0612345678",), password="Tournesol", duress_word="Marguerite"
                ),
            )
            add_procedure(session, site, category, procedure, steps)


def signal(account: str, code: int, zone: int, at: datetime) -> Signal:
    """What the receiver hands the desk for a Contact ID event (the panel's frame, as stored)."""
    return contact_id_signal(
        received_at=at,
        account=account,
        qualifier=1,
        code=code,
        partition=1,
        zone=zone,
        line="1",
        raw=f'"ADM-CID"0001L1#{account}[#{account}|1{code:03d} 01 {zone:03d}]',
    )


def handle(kb: Keyboard, station: Workstation, call_log: CallLog, *, fire: bool) -> int:
    app, queue, site = kb.app, station.queue_window, station.site_window
    start = kb.count
    settle(app, lambda: station.model.rowCount() >= 1)
    queue.activateWindow()
    queue.table.setFocus()
    settle(app, queue.isActiveWindow)
    kb.press(Qt.Key.Key_T)
    expect(len(station.held_alarms()) == 1, "T took the alarm")
    kb.press(Qt.Key.Key_Return)
    settle(app, lambda: site.alarm is not None and site.isActiveWindow())
    expect(kb.focus() is site.plan.view, "Return put the keyboard on the plan")
    kb.press(Qt.Key.Key_A)
    expect(site.plan.acknowledged, "A acknowledged the tripped zones")
    kb.press(Qt.Key.Key_3, MOD.AltModifier)
    expect(kb.focus() is site.contacts_view, "Alt+3 went to the contacts")
    kb.press(Qt.Key.Key_Return)
    expect(
        site.statusBar().currentMessage() == "Telephone not configured (see Settings > Telephone…).",
        "Return on the contact called it",
    )
    if not fire:
        box = site.softphone_panel.password_box
        alarm, site_file = site.alarm, site.site_file
        assert alarm is not None and site_file is not None
        box.set_checker(
            lambda contact_id, typed: call_log.check_password(
                site_id=site_file.site.id,
                contact_id=contact_id,
                typed=typed,
                operator=station.operator,
                alarm_id=alarm.id,
            )
        )
        kb.press(Qt.Key.Key_W, MOD.AltModifier)
        expect(kb.focus() is box.typed_edit, "Alt+W went to the password words")
        kb.type("tournesol")
        kb.press(Qt.Key.Key_Return)
        expect(box.result.text() == "✔ Password correct", "the password was checked")
    kb.press(Qt.Key.Key_2, MOD.AltModifier)
    expect(kb.focus() is site.checklist_view, "Alt+2 went to the procedure")
    mandatory = {s.id for s in site.checklist.steps() if s.mandatory}
    for _ in range(2 * len(site.checklist.steps())):
        if not mandatory - site.checklist.done_steps():
            break
        step = site.checklist.steps()[site.checklist_view.currentIndex().row()]
        kb.press(
            Qt.Key.Key_Space
            if step.mandatory and step.id not in site.checklist.done_steps()
            else Qt.Key.Key_Down
        )
    expect(not mandatory - site.checklist.done_steps(), "Space ticked every mandatory step")
    settle(app, lambda: len([e for e in site.journal.records() if e.action == "step_done"]) >= len(mandatory))
    kb.press(Qt.Key.Key_I)
    panel = site.dispatch_panel
    expect(panel.forms.isVisible(), "I opened the dispatch form")
    wanted = "fire" if fire else "guard"
    expect(panel.kind_box.currentData() == wanted, f"the form proposed the {wanted}")
    expect(kb.focus() is panel.provider_edit, "the keyboard is on the responder's name")
    kb.type("SDIS 69" if fire else "Securitas")
    kb.press(Qt.Key.Key_Return)
    settle(app, lambda: panel.model.rowCount() == 1)
    kb.press(Qt.Key.Key_C)
    dialog = site.findChild(CloseAlarmDialog)
    expect(dialog is not None, "C opened the close dialog")
    assert dialog is not None
    settle(app, dialog.isActiveWindow)
    kb.press(Qt.Key.Key_C)  # the disposition by its first letter: "Confirmed…"
    expect(dialog.disposition is not None, "a disposition was chosen")
    kb.press(Qt.Key.Key_Tab)
    kb.type("Gerant joint, agent envoye sur place" if not fire else "Pompiers sur place, gardien joint")
    kb.press(Qt.Key.Key_Return, MOD.ControlModifier)
    settle(app, lambda: not station.held_alarms())
    return kb.count - start


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        db = Database.from_url(f"sqlite:///{Path(folder) / 'vigie.sqlite'}")
        migrate.upgrade(db.engine)
        build_station(db)
        with db.read() as session:
            from console.storage.operators import operator_by_login

            operator = operator_by_login(session, "amelie")
        assert operator is not None
        settings = QSettings(str(Path(folder) / "console.ini"), QSettings.Format.IniFormat)
        desk = AlarmDesk(db)
        station = Workstation(
            desk,
            QueueFeed(db),
            SiteDesk(db),
            operator,
            settings,
            poll_interval_ms=50,
            dispatch_desk=DispatchDesk(db),
        )
        station.show()
        call_log = CallLog(db, "bench")
        now = datetime.now(UTC)
        desk.ingest([signal("4A21", 130, 1, now - timedelta(seconds=20)), signal("4A21", 130, 2, now)])
        intrusion = handle(Keyboard(app), station, call_log, fire=False)
        print(f"intrusion handled: {intrusion} keys (take, plan, call, password, 2 steps, guard, close)")
        desk.ingest([signal("4A22", 110, 1, datetime.now(UTC))])
        fire = handle(Keyboard(app), station, call_log, fire=True)
        print(f"fire handled: {fire} keys (take, plan, call, 2 steps, fire brigade, close)")
        station.shutdown()
        db.dispose()
    print(f"intrusion: {intrusion} keys, fire: {fire} keys")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
