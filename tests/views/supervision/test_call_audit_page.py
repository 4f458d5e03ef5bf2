"""The call audit page: a recording made by a real call against SIPp checked, played, sought, sped up,
paused; an altered one refused; calls chosen in a row each with their own timeline; paging, export,
the filter's messages and the operator's refusal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaDevices

from console.domain.alarm import Operator, Role
from console.domain.calls import CallDirection, CallEnd, CallEventKind, CallPurpose
from console.domain.journal import JournalAction
from console.services.authority import Authority
from console.services.call_audit import CallAudit
from console.services.call_keeper import CallContext, CallKeeper
from console.services.call_log import CallLog
from console.storage.engine import Database
from console.views.supervision.call_audit_page import CallAuditPage
from tests.factories import add_operator_to, add_site
from tests.services.test_call_audit import journal, write_wav
from tests.sipp import pump_until, start_sipp

TONE_HZ = 700


def record_real_call(phone_bridge: Any, db: Database, operator: Operator, site_id: int, folder: Path) -> int:
    """A callback to SIPp echoing a tone for about 3 s, recorded and fingerprinted by the console."""
    keeper = CallKeeper(CallLog(db, "desk-1"), operator)
    phone_bridge.add_listener(keeper)
    try:
        peer = start_sipp(folder, ["-sn", "uas"], extra=["-rtp_echo"])
        handle = phone_bridge.place_call(peer.uri, CallContext(CallPurpose.CALLBACK, site_id=site_id))
        assert pump_until(phone_bridge, lambda: phone_bridge.engine.call(handle).audio is not None)
        phone_bridge.engine.play_tone(handle, TONE_HZ)
        pump_until(phone_bridge, lambda: False, timeout=3.0)
        phone_bridge.hangup(handle)
        record_id = keeper.record_id(handle)
        assert record_id is not None
        assert pump_until(
            phone_bridge,
            lambda: getattr(keeper.call_log.get(record_id), "recording_sha256", None) is not None,
            15,
        )
        assert peer.wait() == 0, peer.output()
        pump_until(phone_bridge, lambda: not phone_bridge.engine.recordings_settling, timeout=5)
        return record_id
    finally:
        phone_bridge.remove_listener(keeper)


def made_up_call(db: Database, operator: Operator, site_id: int, path: Path, minutes_ago: int) -> int:
    """A call written through the call log with a WAV of our own (for the altered and sequence cases)."""
    log = CallLog(db, "desk-2")
    at = datetime.now(UTC) - timedelta(minutes=minutes_ago)
    record = log.open_call(
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.LISTEN_IN,
        remote_uri=f"sip:module-{minutes_ago}@pbx",
        at=at,
        operator=operator,
        site_id=site_id,
    )
    log.add_event(record.id, CallEventKind.RINGING, at + timedelta(seconds=1))
    log.add_event(record.id, CallEventKind.ANSWERED, at + timedelta(seconds=2), operator=operator)
    for second in range(minutes_ago):  # a different number of events per call, to tell them apart
        log.add_event(record.id, CallEventKind.DTMF, at + timedelta(seconds=3 + second), f"sent {second}")
    log.set_recording(record.id, write_wav(path, seconds=2))
    log.close_call(record.id, CallEnd.COMPLETED, at + timedelta(seconds=4 + minutes_ago))
    log.finalise_recording(record.id)
    return record.id


class Desk:
    def __init__(
        self, db: Database, page: CallAuditPage, chef: Operator, real: int, altered: int, other: int
    ):
        self.db, self.page, self.chef = db, page, chef
        self.real, self.altered, self.other = real, altered, other


@pytest.fixture
def desk(qtbot: Any, phone_bridge: Any, sqlite_db: Database, tmp_path: Path) -> Iterator[Desk]:
    db = sqlite_db
    site_id = add_site(db)
    amelie = add_operator_to(db, "amelie")
    chef = add_operator_to(db, "chef", Role.SUPERVISOR)
    altered = made_up_call(db, amelie, site_id, tmp_path / "made" / "a.wav", 3)
    other = made_up_call(db, amelie, site_id, tmp_path / "made" / "b.wav", 2)
    real = record_real_call(phone_bridge, db, amelie, site_id, tmp_path / "sipp")
    wav = tmp_path / "made" / "a.wav"
    data = bytearray(wav.read_bytes())
    data[-10] ^= 0xFF
    wav.write_bytes(bytes(data))
    page = CallAuditPage(CallAudit(db, Authority(db)), chef, page_size=2)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    qtbot.waitExposed(page)
    yield Desk(db, page, chef, real, altered, other)
    page.stop()


def search(qtbot: Any, page: CallAuditPage) -> None:
    page.search()
    qtbot.waitUntil(lambda: page.calls_model.rowCount() > 0)


def choose(qtbot: Any, page: CallAuditPage, call_id: int) -> str:
    with qtbot.waitSignal(page.integrity_shown, timeout=10000) as shown:
        assert page.select_call(call_id)
    return str(shown.args[0])


def test_a_real_call_is_verified_played_sought_sped_up_and_paused(qtbot: Any, desk: Desk) -> None:
    page = desk.page
    search(qtbot, page)
    assert [page.calls_model.call_at(i).record.id for i in range(2)] == [desk.real, desk.other]  # type: ignore[union-attr]
    assert choose(qtbot, page, desk.real) == "verified"
    assert "verified" in page.badge.text()
    player = page.player
    assert player.play_button.isEnabled() and player.position_bar.isEnabled()
    if not QMediaDevices.audioOutputs():
        assert "No audio output" in player.output_note.text()
    assert journal(desk.db, JournalAction.RECORDING_PLAYED) == []

    qtbot.mouseClick(player.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: player.playing, timeout=10000)
    played = journal(desk.db, JournalAction.RECORDING_PLAYED)
    assert [(a, o) for a, o, _d in played] == [(JournalAction.RECORDING_PLAYED, desk.chef.id)]
    assert f"#{desk.real}" in played[0][2] and "(verified)" in played[0][2]
    assert player.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: player.player.position() > 300, timeout=10000)
    assert player.player.duration() > 2000  # about 3 s of tone
    assert player.position_bar.maximum() == player.player.duration()
    answered = [e.event.kind for e in page.timeline_model.timeline.entries].index(CallEventKind.ANSWERED)
    qtbot.waitUntil(lambda: page.timeline_model.current_row is not None)
    assert (page.timeline_model.current_row or 0) >= answered
    assert (
        page.timeline_model.index(answered, 0)
        .data()
        .startswith("▶" if page.timeline_model.current_row == answered else "+")
    )

    player.set_speed(2.0)
    assert player.player.playbackRate() == 2.0 and player.speed.currentText() == "2×"
    player.seek(0)
    qtbot.waitUntil(lambda: player.player.position() < 1000, timeout=5000)
    player.position_bar.setValue(1500)  # the supervisor drags the bar
    qtbot.waitUntil(lambda: player.player.position() >= 1500, timeout=5000)
    assert player.elapsed.text().startswith("0:0")

    page.activateWindow()
    qtbot.waitActive(page)
    page.calls_table.setFocus()
    qtbot.keyClick(page.calls_table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not player.playing, timeout=5000)
    paused_at = player.player.position()
    qtbot.keyClick(page.calls_table, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: player.player.position() == max(0, paused_at - 5000), timeout=5000)
    assert player.play_button.text() == "Play"
    qtbot.keyClick(page.calls_table, Qt.Key.Key_Space)  # resume: the same hearing, not journaled again
    qtbot.waitUntil(lambda: player.playing, timeout=5000)
    assert len(journal(desk.db, JournalAction.RECORDING_PLAYED)) == 1
    page.filters.operator.setFocus()
    qtbot.keyClick(page.filters.operator, Qt.Key.Key_Space)  # typing in a filter: a space, not a pause
    assert page.filters.operator.text() == " " and player.playing


def test_an_altered_recording_shows_altered_and_cannot_be_played(qtbot: Any, desk: Desk) -> None:
    page = desk.page
    search(qtbot, page)
    page.calls_model.fetchMore()  # the third call, on the next page
    qtbot.waitUntil(lambda: page.calls_model.rowCount() == 3)
    assert not page.calls_model.canFetchMore()
    assert "3 calls found" in page.status.text()
    assert choose(qtbot, page, desk.altered) == "altered"
    assert "ALTERED" in page.badge.text()
    assert not page.player.play_button.isEnabled()
    page.player.toggle()
    assert not page.player.playing
    assert journal(desk.db, JournalAction.RECORDING_PLAYED) == []
    assert page.export_button.isEnabled()  # an altered file is exported, marked as such


def test_calls_chosen_in_a_row_each_show_their_own_timeline(qtbot: Any, desk: Desk) -> None:
    page = desk.page
    search(qtbot, page)
    page.calls_model.fetchMore()
    qtbot.waitUntil(lambda: page.calls_model.rowCount() == 3)
    expected = {desk.altered: 3, desk.other: 2}  # DTMF events per made-up call
    for call_id in (desk.other, desk.altered, desk.real, desk.other, desk.altered):
        verdict = choose(qtbot, page, call_id)
        selected = page.selected_call
        assert selected is not None and selected.record.id == call_id
        kinds = [e.event.kind for e in page.timeline_model.timeline.entries]
        assert kinds[0] is CallEventKind.CREATED and kinds[-1] is CallEventKind.ENDED
        if call_id in expected:
            assert kinds.count(CallEventKind.DTMF) == expected[call_id]
        else:
            assert CallEventKind.DTMF not in kinds
        assert verdict == ("altered" if call_id == desk.altered else "verified")
        assert page.timeline_model.index(0, 0).data() == "+0:00"
    # Quick clicks: only the last choice's answer is shown.
    for call_id in (desk.real, desk.other, desk.altered):
        page.select_call(call_id)
    qtbot.waitUntil(lambda: "ALTERED" in page.badge.text(), timeout=10000)
    kinds = [e.event.kind for e in page.timeline_model.timeline.entries]
    assert kinds.count(CallEventKind.DTMF) == 3


def test_export_writes_the_wav_and_its_record(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    page = desk.page
    search(qtbot, page)
    choose(qtbot, page, desk.real)
    with qtbot.waitSignal(page.exported, timeout=10000) as done:
        page.export_to(tmp_path / "for-police")
    export = done.args[0]
    assert export.wav.name == f"call-{desk.real}.wav"
    assert "Exported to" in page.status.text()
    assert len(journal(desk.db, JournalAction.RECORDING_EXPORTED)) == 1


def test_models_pass_the_model_tester(qtbot: Any, qtmodeltester: Any, desk: Desk) -> None:
    page = desk.page
    search(qtbot, page)
    choose(qtbot, page, desk.other)
    page.timeline_model.follow_position(1.5)
    qtmodeltester.check(page.calls_model)
    qtmodeltester.check(page.timeline_model)


def test_wrong_filters_get_a_message_beside_the_field(qtbot: Any, sqlite_db: Database) -> None:
    chef = add_operator_to(sqlite_db, "chef", Role.SUPERVISOR)
    page = CallAuditPage(CallAudit(sqlite_db, Authority(sqlite_db)), chef)
    qtbot.addWidget(page)
    form = page.filters
    form.since.setText("yesterday")
    form.alarm.setText("-4")
    page.search()
    assert "YYYY-MM-DD" in form.messages["since"].text()
    assert "above 0" in form.messages["alarm_id"].text()
    assert form.messages["until"].text() == ""
    assert "Correct the fields" in page.status.text()
    form.since.setText("2026-11-30 12:00")
    form.until.setText("2026-11-29")
    form.alarm.setText("")
    page.search()
    assert form.messages["since"].text() == "" and "after its start" in form.messages["until"].text()
    form.until.setText("2026-11-30")  # the whole of the 30th
    page.search()
    assert all(message.text() == "" for message in form.messages.values())
    qtbot.waitUntil(lambda: "0 calls found" in page.status.text())
    page.stop()


def test_an_operator_is_refused_and_the_refusal_journaled(qtbot: Any, sqlite_db: Database) -> None:
    amelie = add_operator_to(sqlite_db, "amelie")
    page = CallAuditPage(CallAudit(sqlite_db, Authority(sqlite_db)), amelie)
    qtbot.addWidget(page)
    page.search()
    qtbot.waitUntil(lambda: "Refused" in page.status.text())
    assert page.calls_model.rowCount() == 0
    assert [(a, o) for a, o, _d in journal(sqlite_db, JournalAction.AUDIT_REFUSED)] == [
        (JournalAction.AUDIT_REFUSED, amelie.id)
    ]
    page.stop()


def test_a_missing_recording_is_said_and_not_played(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    page = desk.page
    (tmp_path / "made" / "b.wav").unlink()
    search(qtbot, page)
    assert choose(qtbot, page, desk.other) == "missing"
    assert "missing" in page.badge.text()
    assert not page.player.play_button.isEnabled() and not page.player.position_bar.isEnabled()
    assert choose(qtbot, page, desk.real) == "verified"  # the next call is not held back by the last
    assert page.player.play_button.isEnabled()


def test_an_unreachable_database_is_said_not_raised(qtbot: Any) -> None:
    db = Database.from_url("postgresql+psycopg://nobody@127.0.0.1:1/none")
    chef = Operator(1, "chef", "Chef", Role.SUPERVISOR)
    page = CallAuditPage(CallAudit(db, Authority(db)), chef)
    qtbot.addWidget(page)
    page.search()
    qtbot.waitUntil(lambda: "cannot be reached" in page.status.text(), timeout=10000)
    assert page.calls_model.rowCount() == 0
    page.stop()
    db.dispose()
