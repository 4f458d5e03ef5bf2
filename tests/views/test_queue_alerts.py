"""The queue's alerts: stalled alarms (row marker, supervisor banner), tones by priority with a
mute for the shift, the shift's live service level, and a take refused by naming the holder.
Time is driven by injected clocks; the clock timer's tick is fired by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from console.domain.alarm import Action, Alarm, AlarmState, Operator, Role, apply_action
from console.domain.alert_tones import Tone
from console.domain.priority import EventCategory, Priority
from console.domain.service_level import ServiceTargets
from console.domain.shift import ShareTargets, TakeTimes
from console.views.queue.alarm_queue_model import STALL_ROLE, AlarmQueueModel, Column
from console.views.queue.alert_sound import AlertSound, tone_wav
from console.views.queue.queue_settings import QueueSettings, read_queue_settings
from console.views.queue.queue_window import QueueWindow
from console.views.queue.shift_panel import ShiftPanel, ShiftWatch
from tests.domain.test_alarm_lifecycle import T0, new_alarm

AMELIE = Operator(1, "amelie", "Amélie")
BRUNO = Operator(2, "bruno", "Bruno")
CHEF = Operator(3, "chef", "Chef de salle", Role.SUPERVISOR)


class Clock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def taken_by(operator: Operator, **changes: object) -> Alarm:
    return apply_action(new_alarm(**changes), Action.TAKE, operator, T0).alarm


def queue_for(qtbot, operator: Operator, clock: Clock, desk: object = None) -> QueueWindow:  # type: ignore[no-untyped-def]
    window = QueueWindow(AlarmQueueModel(clock=clock), desk=desk, operator=operator, sound=AlertSound())  # type: ignore[arg-type]
    qtbot.addWidget(window)
    return window


def tick(window: QueueWindow) -> None:
    window._clock_timer.timeout.emit()


def state_cell(window: QueueWindow, alarm_id: int) -> str:
    row = window.model.row_of(alarm_id)
    assert row is not None
    return str(window.model.data(window.model.index(row, Column.STATE)))


def test_supervisor_sees_every_stalled_alarm_with_its_holder(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    window = queue_for(qtbot, CHEF, clock)
    window.model.apply([taken_by(AMELIE, id=1), new_alarm(id=2, site_code="LYO-0002", created_at=T0)])
    qtmodeltester.check(window.model)  # and keeps checking through the stall's row changes
    changed: list[int] = []
    window.model.dataChanged.connect(
        lambda tl, br, _r=None: changed.append(tl.row()) if tl.column() == 0 else None
    )
    clock.advance(180)
    tick(window)
    assert window.stall_banner.isHidden() and "⚠" not in state_cell(window, 1)
    clock.advance(20)
    tick(window)
    assert state_cell(window, 1) == "⚠ Taken — stalled"
    assert window.model.data(window.model.index(window.model.row_of(1), Column.STATE), STALL_ROLE) == 200  # type: ignore[arg-type]
    assert changed == [window.model.row_of(1)]  # the row that became stalled is repainted
    assert not window.stall_banner.isHidden()
    assert (
        window.stall_banner.text()
        == "Taken but not progressed: LYO-0001 Pharmacie (amelie, no activity for 03:20)"
    )
    # the holder does something: no longer stalled, the alert goes
    window.model.apply([replace(taken_by(AMELIE, id=1), last_activity_at=clock.now, version=3)])
    tick(window)
    assert window.stall_banner.isHidden() and "⚠" not in state_cell(window, 1)


def test_operator_sees_only_their_own_stalled_alarm(qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    mine, theirs = queue_for(qtbot, AMELIE, clock), queue_for(qtbot, BRUNO, clock)
    for window in (mine, theirs):
        window.model.apply([taken_by(AMELIE, id=1)])
    clock.advance(600)
    for window in (mine, theirs):
        tick(window)
        assert window.stall_banner.isHidden()  # the banner is the supervisor's
    assert state_cell(mine, 1).startswith("⚠") and not state_cell(theirs, 1).startswith("⚠")
    assert "No activity for 10:00" in str(mine.model.data(mine.model.index(0, 0), 3))  # ToolTipRole


def test_stall_threshold_comes_from_settings(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    assert read_queue_settings(settings) == QueueSettings()
    settings.setValue("service_level/stall_after_s", "60")
    settings.setValue("service_level/share_first_pct", "85")
    settings.setValue("shift/starts", ["07:00", "19:00"])
    config = read_queue_settings(settings)
    assert config.stall_after_s == 60 and config.share_targets == ShareTargets(85, 98.5)
    assert config.shift_starts == (time(7), time(19))
    settings.setValue("shift/starts", "noon")
    settings.setValue("service_level/stall_after_s", "-3")
    assert read_queue_settings(settings) == QueueSettings(share_targets=ShareTargets(85, 98.5))

    clock = Clock()
    window = QueueWindow(
        AlarmQueueModel(clock=clock),
        desk=None,  # type: ignore[arg-type]
        operator=CHEF,
        settings=read_settings(tmp_path),
    )
    qtbot.addWidget(window)
    window.model.apply([taken_by(AMELIE, id=1)])
    clock.advance(61)
    tick(window)
    assert not window.stall_banner.isHidden()


def read_settings(folder: Path) -> QSettings:
    settings = QSettings(str(folder / "other.ini"), QSettings.Format.IniFormat)
    settings.setValue("service_level/stall_after_s", 60)
    return settings


def test_tones_by_priority_repeat_while_waiting_and_stop(qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    window = queue_for(qtbot, AMELIE, clock)
    sound: AlertSound = window._sound
    fire = new_alarm(id=1, priority=Priority.LIFE_SAFETY, category=EventCategory.FIRE)
    window.model.apply([fire])
    window.model.apply([new_alarm(id=2, site_code="LYO-0002", priority=Priority.TECHNICAL)])
    assert list(sound.history) == [Tone.URGENT, Tone.LOW]  # each arrival sounds its own tone
    for _ in range(8):
        clock.advance(1)
        tick(window)
    assert list(sound.history)[2:] == [Tone.URGENT, Tone.URGENT]  # the fire waits: every 4 s
    window.model.apply([replace(fire, state=AlarmState.TAKEN, operator_id=1, version=2)])
    for _ in range(30):
        clock.advance(1)
        tick(window)
    assert list(sound.history)[4:] == [Tone.LOW]  # only the technical alarm waits now: every 30 s
    window.model.apply(
        [
            replace(
                new_alarm(id=2, site_code="LYO-0002", priority=Priority.TECHNICAL),
                state=AlarmState.TAKEN,
                version=2,
            )
        ]
    )
    played = sound.played
    for _ in range(60):
        clock.advance(1)
        tick(window)
    assert sound.played == played  # nothing waits: silence


def test_mute_for_the_shift_and_back_on_at_the_next(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(datetime(2026, 11, 29, 12, 0, tzinfo=UTC))
    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    # a shift every hour: an hour later is another shift whatever the machine's time zone
    settings.setValue("shift/starts", [f"{h:02d}:00" for h in range(24)])
    model = AlarmQueueModel(clock=clock)
    window = QueueWindow(model, desk=None, operator=AMELIE, sound=AlertSound(), settings=settings)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()  # starts the shift watch
    mute = window.actions_by_name["mute"]
    assert mute.shortcut().toString() == "Ctrl+M"
    mute.trigger()
    assert window._sound.muted and window.tones_label.text() == "Tones muted"
    window.model.apply([new_alarm(id=1, priority=Priority.LIFE_SAFETY)])
    assert window._sound.played == 0
    clock.advance(3600)  # the next shift has begun
    window.shift_watch.refresh()
    assert not mute.isChecked() and not window._sound.muted and window.tones_label.text() == ""
    assert window.statusBar().currentMessage() == "New shift: alarm tones are on again."


def test_generated_tones_are_distinct_wav_files() -> None:
    waves = {tone: tone_wav(tone) for tone in Tone}
    assert all(w.startswith(b"RIFF") and w[8:12] == b"WAVE" for w in waves.values())
    assert len(set(waves.values())) == 3


def test_shift_watch_computes_off_the_gui_thread_and_panel_colours_against_targets(qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(datetime(2026, 11, 29, 12, 0, tzinfo=UTC))
    start = datetime(2026, 11, 29, 11, 0, tzinfo=UTC)
    rows = [
        TakeTimes(start + timedelta(minutes=m), start + timedelta(minutes=m, seconds=w), None)
        for m, w in enumerate([5, 10, 20, 40, 50])
    ]
    asked: list[tuple[datetime, datetime | None]] = []

    def fetch(since: datetime, changed_since: datetime | None) -> dict[int, TakeTimes]:
        asked.append((since, changed_since))
        if changed_since is None:  # the whole shift at first, then only what changed
            return dict(enumerate(rows))
        return {5: TakeTimes(start + timedelta(minutes=50), None, None)}  # a new alarm, waiting for 10 min

    watch = ShiftWatch(fetch, ServiceTargets(30, 60), (time(0), time(11, 0)), clock, tz=UTC)
    panel = ShiftPanel(ServiceTargets(30, 60), ShareTargets(80, 98.5))
    qtbot.addWidget(panel)
    watch.share_ready.connect(panel.show_share)
    with qtbot.waitSignal(watch.share_ready, timeout=3000):
        watch.start()
    assert watch.latest is not None and watch.latest.first.ratio == 0.6 and watch.latest.second.ratio == 1.0
    assert panel.first.text() == "≤ 30 s: 60 %" and "#c62828" in panel.first.styleSheet()  # under 80 %
    assert panel.second.text() == "≤ 60 s: 100 %" and "#2e7d32" in panel.second.styleSheet()
    assert "3 of 5" in panel.toolTip()
    clock.advance(5)
    with qtbot.waitSignal(watch.share_ready, timeout=3000):
        watch.refresh()
    assert asked == [(start, None), (start, clock.now - timedelta(seconds=15))]  # 10 s of overlap
    assert watch.latest.first.counted == 6 and watch.latest.second.ratio == 5 / 6  # the untaken one misses
    clock.advance(300)
    with qtbot.waitSignal(watch.share_ready, timeout=3000):
        watch.refresh()
    watch.stop()
    assert asked[-1] == (start, None)  # the whole shift again now and then


def test_taking_an_alarm_someone_else_holds_is_refused_by_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    class Desk:
        def __init__(self) -> None:
            self.taken: list[int] = []

        def take(self, alarm_id: int, operator: Operator) -> Alarm:
            self.taken.append(alarm_id)
            raise AssertionError("the window must refuse before asking the desk")

    clock = Clock()
    desk = Desk()
    window = queue_for(qtbot, BRUNO, clock, desk)
    window.model.apply([taken_by(AMELIE, id=1)])
    window.select_alarm(1)
    window.take_selected()
    assert window.statusBar().currentMessage() == "LYO-0001 is already handled by amelie."
    assert desk.taken == []
    row = window.model.row_of(1)
    assert window.model.data(window.model.index(row, Column.OPERATOR)) == "amelie"  # type: ignore[arg-type]


def test_tones_are_loaded_only_for_an_audio_output(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Without an output device each play() would be a failed attempt on the GUI thread."""
    from PySide6.QtMultimedia import QMediaDevices

    monkeypatch.delenv("VIGIE_MUTE")
    sound = AlertSound()
    assert sound.audible == bool(QMediaDevices.audioOutputs())
    sound.ring(Priority.LIFE_SAFETY)
    assert sound.played == 1  # counted (and shown as history) whether heard or not
