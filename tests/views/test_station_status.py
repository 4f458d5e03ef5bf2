"""The status bar shows the receivers as station equipment: OK, in fault, silent or absent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.domain.alarm import Operator
from console.domain.station import ComponentStatus
from console.views.alarm_queue_model import AlarmQueueModel
from console.views.queue_window import RECEIVER_SILENCE_S, QueueWindow


def window(qtbot) -> QueueWindow:  # type: ignore[no-untyped-def]
    queue = QueueWindow(AlarmQueueModel(), desk=None, operator=Operator(1, "amelie", "Amélie"))  # type: ignore[arg-type]
    qtbot.addWidget(queue)
    return queue


def status(state: str, age_s: float, detail: str = "listening on tcp 0.0.0.0:9000") -> ComponentStatus:
    return ComponentStatus("receiver@station", state, detail, datetime.now(UTC) - timedelta(seconds=age_s))


def test_receiver_ok(qtbot) -> None:  # type: ignore[no-untyped-def]
    queue = window(qtbot)
    queue.set_station_status([status("ok", 2)])
    assert queue.receiver_label.text() == "Receiver: OK"


def test_receiver_silent_is_a_fault(qtbot) -> None:  # type: ignore[no-untyped-def]
    queue = window(qtbot)
    queue.set_station_status([status("ok", RECEIVER_SILENCE_S + 30)])
    assert "FAULT" in queue.receiver_label.text() and "silent" in queue.receiver_label.text()


def test_receiver_fault_shows_its_reason(qtbot) -> None:  # type: ignore[no-untyped-def]
    queue = window(qtbot)
    queue.set_station_status([status("fault", 1, "NOT ACKING, database: connection refused")])
    assert "NOT ACKING" in queue.receiver_label.text()


def test_no_receiver(qtbot) -> None:  # type: ignore[no-untyped-def]
    queue = window(qtbot)
    queue.set_station_status([])
    assert queue.receiver_label.text() == "Receiver: none"
