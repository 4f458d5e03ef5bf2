"""The softphone panel against real SIP peers (SIPp) through the process's one pjsua2 engine:
the call list called in order with each attempt's result, a listen-in with its verdict, the
password / duress check, transfer, and an incoming call offered naming the site and answered."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from console.domain.alarm import Alarm, Operator
from console.domain.calls import (
    CallDirection,
    CallEnd,
    CallEventKind,
    CallPurpose,
    DoubtVerdict,
    PasswordCheck,
)
from console.services.alarm_desk import AlarmDesk
from console.services.call_keeper import CallKeeper
from console.services.call_log import CallLog
from console.services.queue_feed import SiteDesk
from console.storage.engine import Database
from console.storage.sites import NewContact, add_contact, add_transmitter, site_by_code
from console.telephony.errors import PhoneError
from console.views.phone.call_list_model import ActiveCallsModel, CallLine
from console.views.phone.softphone_panel import SoftphonePanel
from console.views.site.site_window import SiteWindow
from console.views.workstation import Workstation
from tests.factories import add_operator_to, add_site, cid
from tests.sipp import SCENARIOS, Sipp, pump_until, start_sipp
from tests.views.harness import running_workstation

DOCS = Path(__file__).resolve().parents[2] / "docs"


@dataclass
class Station:
    """A site on a real database, its call records written by a CallKeeper chained on the engine."""

    db: Database
    operator: Operator
    call_log: CallLog
    keeper: CallKeeper
    numbers: dict[str, str] = field(default_factory=dict)  # digits -> the SIPp peer standing for them
    peers: list[Sipp] = field(default_factory=list)
    rank: int = 0

    def __post_init__(self) -> None:
        self.site_id = add_site(self.db)
        self.site_desk = SiteDesk(self.db)

    def peer(self, tmp_path: Path, name: str, scenario: list[str], **kwargs: Any) -> Sipp:
        peer = start_sipp(tmp_path / name, scenario, **kwargs)
        self.peers.append(peer)
        return peer

    def add_contact(self, name: str, **fields: Any) -> int:
        self.rank += 1
        with self.db.write() as session:
            site = site_by_code(session, "LYO-0001")
            assert site is not None
            row = add_contact(session, site, self.rank, NewContact(name, **fields))
            session.flush()
            assert row.id is not None
            return row.id

    def add_audio_module(self, uri: str) -> None:
        with self.db.write() as session:
            site = site_by_code(session, "LYO-0001")
            assert site is not None
            add_transmitter(session, site, "A0D1", audio_module_uri=uri)

    def new_alarm(self, code: int = 130, operator: Operator | None = None) -> Alarm:
        desk = AlarmDesk(self.db)
        at = datetime.now(UTC) - timedelta(seconds=30)
        alarm_id = desk.ingest([cid(code, zone=2, at=at)]).new_alarm_ids[0]
        return desk.take(alarm_id, operator or self.operator)

    def add_signal(self, code: int) -> None:
        AlarmDesk(self.db).ingest([cid(code, zone=None, at=datetime.now(UTC))])

    def show(self, window: SiteWindow, alarm: Alarm) -> None:
        """As the site feed brings it: the site, signals, journal and calls read from the database."""
        window.show_alarm(self.site_desk.alarm_record(alarm))

    def dial_uri(self, number: str) -> str:
        return self.numbers.get(re.sub(r"\D", "", number), f"sip:{number}@127.0.0.1:9")


def hang_up_everything(bridge: Any) -> None:
    """A failed test must not leave calls to the next one."""
    for call in bridge.calls():
        try:
            bridge.hangup(call.handle)
        except PhoneError:
            pass
    pump_until(bridge, lambda: not bridge.calls(), timeout=5)
    # and their recordings' fingerprints go to this test's call records, not to the next test's
    pump_until(bridge, lambda: not bridge.engine.recordings_settling, timeout=5)


def chained_station(db: Database, bridge: Any, operator: Operator) -> Iterator[Station]:
    call_log = CallLog(db, "test-console")
    station = Station(db, operator, call_log, CallKeeper(call_log, operator))
    bridge.add_listener(station.keeper)
    yield station
    hang_up_everything(bridge)
    bridge.remove_listener(station.keeper)
    for peer in station.peers:
        peer.stop()


@pytest.fixture
def station(sqlite_db: Database, phone_bridge: Any) -> Iterator[Station]:
    yield from chained_station(sqlite_db, phone_bridge, add_operator_to(sqlite_db))


@pytest.fixture
def window(qtbot, station: Station, phone_bridge: Any) -> Iterator[SiteWindow]:  # type: ignore[no-untyped-def]
    site = SiteWindow(operator=station.operator)
    qtbot.addWidget(site)
    site.resize(1500, 1000)
    site.softphone_panel.attach(
        phone_bridge,
        station.call_log,
        station.keeper,
        station.operator,
        station.dial_uri,
        [("Guard company", "sip:guards@127.0.0.1:9"), ("Police 17", "sip:17@127.0.0.1:9")],
    )
    site.show()
    site.apply_default_layout()
    with qtbot.waitActive(site):
        site.activateWindow()
    yield site
    site.softphone_panel.detach()


def call_of(bridge: Any, handle: int) -> Any:
    return next((c for c in bridge.calls() if c.handle == handle), None)


def state(panel: SoftphonePanel, handle: int) -> str:
    line = panel.calls_model.line(handle)
    return panel.calls_model.state_text(line) if line is not None else ""


def result(panel: SoftphonePanel, contact_id: int) -> str:
    return panel.contact_calls.rows[contact_id].result.text()


def press(qtbot: Any, panel: SoftphonePanel, key: Qt.Key) -> None:
    """A phone key, typed while the keyboard is on the calls table."""
    panel.calls_table.setFocus()
    qtbot.keyClick(panel.calls_table, key)


# --- the model -----------------------------------------------------------------------------------


def test_active_calls_model_contract_and_states(qtmodeltester: Any) -> None:
    now = datetime(2026, 11, 29, 22, 15, tzinfo=UTC)
    model = ActiveCallsModel(lambda: now)
    qtmodeltester.check(model)  # keeps checking every later change
    outgoing = CallLine(1, CallDirection.OUTGOING, "sip:0612@pbx", "Marie", CallPurpose.CALLBACK, now)
    incoming = CallLine(2, CallDirection.INCOMING, "sip:module@site", "Module", CallPurpose.INCOMING, now)
    model.add(outgoing)
    model.add(incoming)
    assert [model.state_text(line) for line in model.lines()] == ["Calling…", "Incoming call"]
    outgoing.answered_at = now - timedelta(seconds=75)
    outgoing.muted = True
    model.changed(1)
    assert model.state_text(outgoing) == "In call 01:15, muted"
    incoming.answered_at, incoming.listen_in, incoming.muted = now, True, True
    assert model.state_text(incoming) == "Listening 00:00"
    outgoing.held = True
    assert model.state_text(outgoing) == "On hold 01:15"
    model.tick()
    assert model.remove(1) is outgoing and model.rowCount() == 1 and model.row_of(2) == 0


# --- without a telephone -------------------------------------------------------------------------


def test_without_a_telephone_the_panel_says_so_and_acts_on_nothing(qtbot, sqlite_db: Database) -> None:  # type: ignore[no-untyped-def]
    station = Station(sqlite_db, add_operator_to(sqlite_db), CallLog(sqlite_db, "x"), None)  # type: ignore[arg-type]
    marie = station.add_contact("Marie Dupuis", phones=("06 12 34 56 78",), accessibility_needs="Sourde: SMS")
    window = SiteWindow()
    qtbot.addWidget(window)
    alarm = station.new_alarm()
    station.add_signal(606)  # "listen-in to follow" from the panel, grouped into the alarm
    station.show(window, alarm)
    panel = window.softphone_panel
    assert panel.message.text() == "Telephone not configured"
    assert not any(action.isEnabled() for action in panel.actions_by_name.values())
    row = panel.contact_calls.rows[marie]
    assert not row.call_button.isEnabled() and row.call_button.text() == "Call 06 12 34 56 78"
    assert not row.needs.isHidden() and row.needs.text() == "⚠\u00a0Sourde: SMS"
    assert not panel.dial_pad.call_button.isEnabled() and not panel.password_box.check_button.isEnabled()
    # A CID 606 without a known module: the listen-in waits for the module's call.
    assert not panel.listen_box.isHidden() and not panel.listen_box.hint.isHidden()
    assert not panel.listen_box.listen_button.isEnabled()


# --- calling the call list -----------------------------------------------------------------------


def test_contacts_called_in_order_show_reached_then_busy(  # type: ignore[no-untyped-def]
    qtbot, window: SiteWindow, station: Station, phone_bridge: Any, tmp_path: Path
) -> None:
    answering = station.peer(tmp_path, "marie", ["-sn", "uas"])
    busy = station.peer(tmp_path, "paul", ["-sf", str(SCENARIOS / "panel_busy.xml")])
    station.numbers["0478000000"] = busy.uri  # Paul has a phone number: dialled through dial_uri
    marie = station.add_contact(
        "Marie Dupuis", role="Gérante", sip_uri=answering.uri, accessibility_needs="Malentendante"
    )
    paul = station.add_contact("Paul Martin", role="Adjoint", phones=("04 78 00 00 00",))
    alarm = station.new_alarm()
    station.show(window, alarm)
    panel = window.softphone_panel
    assert list(panel.contact_calls.rows) == [marie, paul]  # the call list's order
    assert panel.contact_calls.rows[marie].needs.text() == "⚠\u00a0Malentendante"

    panel.contact_calls.rows[marie].call_button.click()
    handle = panel.calls_model.lines()[0].handle
    assert pump_until(phone_bridge, lambda: state(panel, handle).startswith("In call"))
    assert result(panel, marie) == "in call"
    panel.dial_pad.digit_buttons["5"].click()  # answered: a DTMF digit, not a digit of a number
    assert panel.dial_pad.number_edit.text() == ""
    press(qtbot, panel, Qt.Key.Key_F11)
    assert call_of(phone_bridge, handle).microphone_muted and state(panel, handle).endswith("muted")
    press(qtbot, panel, Qt.Key.Key_F12)
    assert pump_until(phone_bridge, lambda: result(panel, marie) == "reached")
    assert panel.calls_model.rowCount() == 0

    panel.contact_calls.rows[paul].call_button.click()
    assert pump_until(phone_bridge, lambda: result(panel, paul) == "busy")
    assert panel.message.text() == "Paul Martin: busy (486 Busy Here)"

    records = {r.contact_id: r for r in station.call_log.calls(alarm_id=alarm.id)}
    assert records[marie].purpose is CallPurpose.CALLBACK and records[marie].end_status is CallEnd.COMPLETED
    assert records[paul].end_status is CallEnd.BUSY and records[paul].remote_uri == busy.uri
    kinds = [e.kind for e in records[marie].events]
    assert CallEventKind.DTMF in kinds and CallEventKind.MUTED in kinds

    window.show_nothing()
    station.show(window, alarm)  # shown again: the results come back from the call records
    assert (result(panel, marie), result(panel, paul)) == ("reached", "busy")

    dialled = station.peer(tmp_path, "dialled", ["-sn", "uas"])
    qtbot.keyClicks(panel.dial_pad.number_edit, dialled.uri.removeprefix("sip:"))  # user@host: sip: added
    qtbot.keyClick(panel.dial_pad.number_edit, Qt.Key.Key_Return)
    (line,) = panel.calls_model.lines()
    assert (line.remote_uri, line.purpose) == (dialled.uri, CallPurpose.DIAL)
    assert pump_until(phone_bridge, lambda: state(panel, line.handle).startswith("In call"))
    # The panel renders; VIGIE_DOCS=1 refreshes the README's screenshot (a test run never writes docs/).
    shot = DOCS / "softphone.png" if os.environ.get("VIGIE_DOCS") == "1" else tmp_path / "softphone.png"
    assert panel.grab().save(str(shot))
    press(qtbot, panel, Qt.Key.Key_F12)
    assert pump_until(phone_bridge, lambda: panel.calls_model.rowCount() == 0)


def test_a_refused_call_is_said_in_the_message_line(window: SiteWindow, station: Station) -> None:
    panel = window.softphone_panel
    station.show(window, station.new_alarm())
    assert panel.dial("sip:") is None
    assert panel.message.text().startswith("Cannot call sip: (")
    assert panel.calls_model.rowCount() == 0


def test_blind_transfer_to_a_target_from_the_list(
    window: SiteWindow, station: Station, phone_bridge: Any, tmp_path: Path
) -> None:
    peer = station.peer(tmp_path, "transfer", ["-sf", str(SCENARIOS / "panel_transfer.xml")])
    guard = station.add_contact("Gardien", sip_uri=peer.uri)
    alarm = station.new_alarm()
    station.show(window, alarm)
    panel = window.softphone_panel
    assert not panel.calls_box.transfer_button.isEnabled()
    handle = panel.call_contact(panel.contact_calls.contacts()[0])
    assert handle is not None
    assert pump_until(phone_bridge, lambda: state(panel, handle).startswith("In call"))
    panel.calls_box.transfer_box.setCurrentIndex(1)  # Police 17
    panel.calls_box.transfer_button.click()
    assert pump_until(phone_bridge, lambda: result(panel, guard) == "reached")
    assert peer.wait(5) == 0, peer.output()
    (record,) = station.call_log.calls(alarm_id=alarm.id)
    assert record.end_status is CallEnd.TRANSFERRED and record.end_reason == "to sip:17@127.0.0.1:9"


# --- audio doubt removal -------------------------------------------------------------------------


def test_listen_in_starts_listening_meters_the_site_and_keeps_the_verdict(  # type: ignore[no-untyped-def]
    qtbot, window: SiteWindow, station: Station, phone_bridge: Any, tmp_path: Path
) -> None:
    module = station.peer(tmp_path, "module", ["-sf", str(SCENARIOS / "panel_audio_module.xml")])
    station.add_audio_module(module.uri)
    alarm = station.new_alarm()
    station.show(window, alarm)
    panel = window.softphone_panel
    box = panel.listen_box
    assert not box.isHidden() and box.hint.isHidden() and box.listen_button.isEnabled()

    box.listen_button.click()
    handle = panel.listen_handle
    assert handle is not None
    assert pump_until(phone_bridge, lambda: state(panel, handle).startswith("Listening"))
    assert call_of(phone_bridge, handle).microphone_muted  # the site does not hear the station
    assert pump_until(phone_bridge, lambda: box.level_bar.value() > -60)  # the module's sound
    assert box.level_bar.text().startswith("Site audio:") and "dBFS" in box.level_bar.text()

    press(qtbot, panel, Qt.Key.Key_F8)  # talk down
    assert not call_of(phone_bridge, handle).microphone_muted and state(panel, handle).startswith("Talking")
    press(qtbot, panel, Qt.Key.Key_F8)  # back to listening
    assert call_of(phone_bridge, handle).microphone_muted
    press(qtbot, panel, Qt.Key.Key_F12)
    assert pump_until(phone_bridge, lambda: panel.calls_model.rowCount() == 0)
    assert box.level_bar.value() == -60

    box.verdict_buttons[DoubtVerdict.POSITIVE].click()  # concluded once the call is over
    assert box.verdict_label.text() == "Verdict recorded: Doubt positive (intrusion heard)"
    (record,) = station.call_log.calls(alarm_id=alarm.id)
    assert record.purpose is CallPurpose.LISTEN_IN and record.verdict is DoubtVerdict.POSITIVE
    kinds = [e.kind for e in record.events]
    assert kinds.index(CallEventKind.LISTEN) < kinds.index(CallEventKind.TALK)
    assert kinds.count(CallEventKind.LISTEN) == 2


# --- password and duress -------------------------------------------------------------------------


def test_password_check_answers_match_duress_wrong_never_showing_words(  # type: ignore[no-untyped-def]
    qtbot, window: SiteWindow, station: Station
) -> None:
    marie = station.add_contact(
        "Marie Dupuis", phones=("0612345678",), password="Tournesol", duress_word="Marguerite"
    )
    paul = station.add_contact("Paul Martin", phones=("0478000000",))
    station.show(window, station.new_alarm())
    box = window.softphone_panel.password_box
    assert box.contact_box.itemText(1) == "2. Paul Martin (no password on file)"
    outcomes = []
    box.checked.connect(lambda _contact, outcome: outcomes.append(outcome))

    def say(words: str) -> str:
        box.typed_edit.setFocus()
        qtbot.keyClicks(box.typed_edit, words)
        qtbot.keyClick(box.typed_edit, Qt.Key.Key_Return)
        assert box.typed_edit.text() == ""  # the words stay nowhere on screen
        return box.result.text()

    box.select_contact(marie)
    assert say("tournesol ") == "✔ Password correct"
    duress = say("marguerite")
    assert duress.startswith("⚠ DURESS WORD — act as if all is well") and "duress procedure" in duress
    assert "#c62828" in box.result.styleSheet()
    assert say("rose").startswith("✘ Wrong password")
    box.select_contact(paul)
    assert say("tournesol") == "No password on file for this contact"
    assert outcomes == [PasswordCheck.MATCH, PasswordCheck.DURESS, PasswordCheck.WRONG, PasswordCheck.NO_WORD]
    shown = " ".join(label.text() for label in window.findChildren(QLabel))
    assert "ournesol" not in shown and "arguerite" not in shown


# --- incoming calls ------------------------------------------------------------------------------


@pytest.fixture
def workstation(qtbot, sqlite_db: Database, tmp_path: Path, phone_bridge: Any) -> Iterator[Workstation]:  # type: ignore[no-untyped-def]
    for ws in running_workstation(qtbot, sqlite_db, tmp_path):
        for station in chained_station(sqlite_db, phone_bridge, ws.operator):
            ws.attach_phone(phone_bridge, station.call_log, station.keeper, station.dial_uri, [])
            ws.station = station  # type: ignore[attr-defined]
            yield ws


def call_in(station: Station, bridge: Any, tmp_path: Path, contact: str) -> Sipp:
    """A SIPp UAC calling the console as a contact of the site (SIPp's From is sip:sipp@127.0.0.1)."""
    station.add_contact(contact, sip_uri="sip:sipp@127.0.0.1", accessibility_needs="Parle mal")
    return station.peer(
        tmp_path, contact, ["-sn", "uac"], remote=f"127.0.0.1:{bridge.engine.sip_port}", extra=["-d", "3000"]
    )


def test_an_incoming_call_from_a_contact_is_offered_naming_the_site_and_answered(
    workstation: Workstation, phone_bridge: Any, tmp_path: Path
) -> None:
    station: Station = workstation.station  # type: ignore[attr-defined]
    alarm = station.new_alarm()
    assert pump_until(phone_bridge, lambda: workstation.model.alarm(alarm.id) is not None)
    caller = call_in(station, phone_bridge, tmp_path, "Marie Dupuis")
    assert pump_until(phone_bridge, lambda: bool(workstation.offers))
    (offer,) = workstation.offers.values()
    assert (
        "LYO-0001 Pharmacie" in offer.text()
        and "Marie Dupuis" in offer.text()
        and "Parle mal" in offer.text()
    )
    assert workstation.ringtone.ringing and workstation.ringtone.rings == 1
    panel = workstation.site_window.softphone_panel
    assert panel.actions_by_name["answer"].isEnabled()
    assert state(panel, offer.handle) == "Incoming call"

    offer.answer_button.click()
    assert workstation.site_window.alarm is not None and workstation.site_window.alarm.id == alarm.id
    assert not workstation.offers and not workstation.ringtone.ringing
    assert pump_until(phone_bridge, lambda: state(panel, offer.handle).startswith("In call"))
    assert pump_until(phone_bridge, lambda: workstation.site_settled)  # the site's record is drawn
    assert panel.password_box.contact_box.currentText() == "1. Marie Dupuis (no password on file)"
    assert pump_until(phone_bridge, lambda: panel.calls_model.rowCount() == 0)  # the caller hangs up
    assert caller.wait(5) == 0, caller.output()
    (record,) = station.call_log.calls(alarm_id=alarm.id)
    assert record.direction is CallDirection.INCOMING and record.end_status is CallEnd.COMPLETED


def test_an_incoming_call_for_another_operators_alarm_does_not_ring_here(
    workstation: Workstation, phone_bridge: Any, tmp_path: Path
) -> None:
    station: Station = workstation.station  # type: ignore[attr-defined]
    station.new_alarm(operator=add_operator_to(station.db, "bruno"))
    call_in(station, phone_bridge, tmp_path, "Paul Martin")
    assert pump_until(phone_bridge, lambda: any(c.ringing for c in phone_bridge.calls()))
    assert not workstation.offers and workstation.ringtone.rings == 0
    assert workstation.site_window.softphone_panel.calls_model.rowCount() == 0


def test_a_stray_return_never_hides_the_duress_verdict(qtbot, window: SiteWindow, station: Station) -> None:  # type: ignore[no-untyped-def]
    marie = station.add_contact(
        "Marie Dupuis", phones=("0612345678",), password="Tournesol", duress_word="Marguerite"
    )
    station.show(window, station.new_alarm())
    box = window.softphone_panel.password_box
    outcomes = []
    box.checked.connect(lambda _contact, outcome: outcomes.append(outcome))
    box.select_contact(marie)
    box.typed_edit.setFocus()
    qtbot.keyClicks(box.typed_edit, "marguerite")
    qtbot.keyClick(box.typed_edit, Qt.Key.Key_Return)
    duress = box.result.text()
    assert duress.startswith("⚠ DURESS WORD")
    for _ in range(3):  # the operator presses Return again, by habit, while the caller talks
        qtbot.keyClick(box.typed_edit, Qt.Key.Key_Return)
    qtbot.keyClick(window.contacts_view, Qt.Key.Key_Space)
    assert box.result.text() == duress and box.result.isVisible()
    assert outcomes == [PasswordCheck.DURESS]  # checked once: no other verdict journaled
    checks = [e for e in station.site_desk.alarm_journal(window.alarm.id) if "password" in e.action]  # type: ignore[union-attr]
    assert len(checks) == 1


def test_return_on_a_contact_calls_them(
    qtbot, window: SiteWindow, station: Station, phone_bridge: Any
) -> None:
    station.add_contact("Marie Dupuis", phones=("0612345678",))
    paul = station.add_contact("Paul Martin", phones=("0478000000",))
    station.show(window, station.new_alarm())
    dialled: list[str] = []
    phone_bridge.call_created.connect(lambda _h, direction, uri, _at: dialled.append(uri))
    window.focus_contacts()  # Alt+3 lands on the first contact
    assert window.contacts_view.currentIndex().row() == 0
    qtbot.keyClick(window.contacts_view, Qt.Key.Key_Down)
    qtbot.keyClick(window.contacts_view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialled), timeout=5000)
    assert dialled == [station.dial_uri("0478000000")]
    qtbot.waitUntil(lambda: bool(station.call_log.calls(window.alarm.id)), timeout=5000)  # type: ignore[union-attr]
    (record,) = station.call_log.calls(window.alarm.id)  # type: ignore[union-attr]
    assert record.contact_id == paul  # the call record names who was called, for the audit
