"""The status bar shows the station's equipment: receivers (OK, in fault, silent or absent) and the
telephone (registered, direct IP, registering, in fault, off), with the call records still waiting
for the database; the composition root keeps the console running when the telephone cannot start."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QObject, Signal

from console.app import Telephone
from console.domain.alarm import Operator
from console.domain.calls import CallDirection, CallEnd, CallPurpose
from console.domain.station import ComponentStatus
from console.services.call_log import CallLog
from console.storage import migrate
from console.storage.engine import Database
from console.telephony.engine import PhoneError, RegistrationState
from console.telephony.settings import PhoneSettings
from console.views.phone.phone_config import PhoneConfig, TransferTarget
from console.views.queue.alarm_queue_model import AlarmQueueModel
from console.views.queue.queue_window import RECEIVER_SILENCE_S, QueueWindow
from console.views.queue.station_indicators import PHONE_STATES
from tests.factories import add_operator_to


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


# --- the telephone ----------------------------------------------------------------------------------

GREEN, GREY, RED = "#2e7d32", "#757575", "#c62828"


@pytest.mark.parametrize(
    ("state", "detail", "text", "colour"),
    [
        (RegistrationState.DIRECT, "direct IP calls, port 5062", "Telephone: direct IP (port 5062)", GREEN),
        (RegistrationState.REGISTERING, "sip:pbx.station.local", "Telephone: registering…", GREY),
        (RegistrationState.REGISTERED, "200 OK", "Telephone: registered to pbx.station.local", GREEN),
        (RegistrationState.FAILED, "403 Forbidden", "Telephone: FAULT — 403 Forbidden", RED),
        (RegistrationState.STOPPED, "", "Telephone: stopped", GREY),
    ],
)
def test_telephone_indicator_for_each_registration_state(
    qtbot, state: RegistrationState, detail: str, text: str, colour: str
) -> None:
    queue = window(qtbot)
    queue.station.set_phone_registration(str(state), detail)  # as the bridge's signal carries it
    queue.station.set_phone_endpoint(5062, "sip:pbx.station.local")
    assert queue.phone_label.text() == text
    assert colour in queue.phone_label.styleSheet()
    assert ("bold" in queue.phone_label.styleSheet()) == (colour == RED)
    if detail:
        assert detail in queue.phone_label.toolTip()


def test_the_indicator_knows_every_registration_state() -> None:
    """It compares strings (no pjsua2 in the views): a new engine state must be given words here."""
    assert {str(state) for state in RegistrationState} == set(PHONE_STATES)


def test_telephone_that_could_not_start(qtbot) -> None:  # type: ignore[no-untyped-def]
    queue = window(qtbot)
    message = "cannot listen for SIP on udp port 5060: Address already in use"
    queue.station.set_phone_failed(message)
    assert queue.phone_label.text() == f"Telephone: FAULT — {message}"
    assert RED in queue.phone_label.styleSheet() and "bold" in queue.phone_label.styleSheet()
    assert message in queue.phone_label.toolTip() and "Settings > Telephone" in queue.phone_label.toolTip()
    long = "cannot listen for SIP on udp port 5060: " + "Address already in use (PJ_STATUS_FROM_OS(98)) " * 3
    queue.station.set_phone_failed(long)
    assert queue.phone_label.text().endswith("…") and long in queue.phone_label.toolTip()


def test_telephone_off_and_nothing_before_it_is_known(qtbot) -> None:  # type: ignore[no-untyped-def]
    queue = window(qtbot)
    assert queue.phone_label.text() == ""
    queue.station.set_phone_off()
    assert queue.phone_label.text() == "Telephone: off" and GREY in queue.phone_label.styleSheet()


class FlakyKeeper:
    """A CallKeeper whose database comes back after `failures` retries."""

    def __init__(self, waiting: int, failures: int) -> None:
        self._waiting = waiting
        self._failures = failures
        self.flushes = 0
        self.last_error: str | None = "open call 1: database unreachable"

    @property
    def backlog(self) -> int:
        return self._waiting

    def flush(self) -> bool:
        self.flushes += 1
        if self.flushes > self._failures:
            self._waiting, self.last_error = 0, None
        return self._waiting == 0


def test_call_records_waiting_for_the_database_are_shown_and_retried(qtbot) -> None:  # type: ignore[no-untyped-def]
    queue = window(qtbot)
    queue.station.set_phone_registration("direct", "")
    queue.station.set_phone_endpoint(5060, None)
    keeper = FlakyKeeper(waiting=3, failures=1)
    queue.station.watch_call_records(keeper)
    assert queue.station._call_record_retry_timer.interval() == 2000
    assert "call records waiting for the database: 3" in queue.phone_label.text()
    assert "#e65100" in queue.phone_label.styleSheet()
    assert "database unreachable" in queue.phone_label.toolTip()
    queue.station._call_record_retry_timer.setInterval(10)
    qtbot.waitUntil(lambda: keeper.backlog == 0, timeout=2000)
    qtbot.waitUntil(lambda: queue.phone_label.text() == "Telephone: direct IP (port 5060)", timeout=2000)
    assert GREEN in queue.phone_label.styleSheet()
    flushes = keeper.flushes
    qtbot.wait(50)
    assert keeper.flushes == flushes  # nothing waits: no write attempted
    queue.station.stop_watching_call_records()
    assert not queue.station._call_record_retry_timer.isActive()


# --- the composition root's telephone (fake engine: pjsua2 allows one per process) -------------------


class FakeBridge(QObject):
    registration_changed = Signal(str, str)

    def __init__(
        self, settings: PhoneSettings, first_listeners: list[object], refuse: str | None = None
    ) -> None:
        super().__init__()
        self.settings = settings
        self.first_listeners = first_listeners
        self.refuse = refuse
        self.engine = SimpleNamespace(sip_port=0)
        self.shutdowns = 0

    def start(self, headset: object = None) -> None:
        if self.refuse:
            raise PhoneError(self.refuse)
        self.engine.sip_port = 5099
        self.registration_changed.emit("direct", "direct IP calls, port 5099")

    def shutdown(self) -> None:
        self.shutdowns += 1
        self.registration_changed.emit("stopped", "")


def telephone(qtbot, db: Database, tmp_path: Path, refuse: str | None = None):  # type: ignore[no-untyped-def]
    queue = window(qtbot)
    attached: list[tuple[object, ...]] = []
    bridges: list[FakeBridge] = []

    def make_bridge(settings: PhoneSettings, listeners: list[object]) -> FakeBridge:
        bridges.append(FakeBridge(settings, listeners, refuse))
        return bridges[-1]

    station = SimpleNamespace(queue_window=queue, attach_phone=lambda *args: attached.append(args))
    config = PhoneConfig(
        PhoneSettings(recordings_dir=tmp_path / "recordings"),
        gateway="gw.station.local",
        transfer_targets=(TransferTarget("Police 17", "17"),),
    )
    phone = Telephone(
        config,
        db,
        Operator(1, "amelie", "Amélie"),
        station,  # type: ignore[arg-type]
        bridge_factory=make_bridge,
        headset_factory=lambda _input, _output: None,
    )
    return phone, queue, bridges, attached


def test_console_runs_on_when_the_sip_port_is_taken(
    qtbot, sqlite_db: Database, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.delenv("VIGIE_PHONE", raising=False)
    reason = "cannot listen for SIP on udp port 5060: Address already in use"
    phone, queue, bridges, attached = telephone(qtbot, sqlite_db, tmp_path, refuse=reason)
    phone.start()
    assert queue.phone_label.text() == f"Telephone: FAULT — {reason}"
    assert bridges[0].shutdowns == 1  # what pjsua2 had set up is torn down at once...
    assert len(attached) == 1  # ...and the panel still gets the phone, which refuses calls with the reason
    phone.shutdown()
    assert bridges[0].shutdowns == 1  # once only
    assert queue.phone_label.text() == f"Telephone: FAULT — {reason}"  # "stopped" did not hide the fault


def test_phone_started_and_attached_to_the_workstation(
    qtbot, sqlite_db: Database, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.delenv("VIGIE_PHONE", raising=False)
    phone, queue, bridges, attached = telephone(qtbot, sqlite_db, tmp_path)
    phone.start()
    assert queue.phone_label.text() == "Telephone: direct IP (port 5099)"
    bridge = bridges[0]
    assert bridge.first_listeners == [phone.keeper]  # call records see every report before any view
    (got_bridge, call_log, keeper, dial, targets) = attached[0]
    assert got_bridge is bridge and call_log is phone.call_log and keeper is phone.keeper
    assert dial("17") == "sip:17@gw.station.local"
    assert targets == [("Police 17", "sip:17@gw.station.local")]
    phone.shutdown()
    assert bridge.shutdowns == 1


def test_phone_off_by_environment(qtbot, sqlite_db: Database, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("VIGIE_PHONE", "0")
    phone, queue, bridges, attached = telephone(qtbot, sqlite_db, tmp_path)
    phone.start()
    assert queue.phone_label.text() == "Telephone: off"
    assert bridges == [] and attached == []
    phone.shutdown()


def test_calls_left_open_by_a_crash_are_repaired_and_the_operator_told(
    qtbot, sqlite_db: Database, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.delenv("VIGIE_PHONE", raising=False)
    operator = add_operator_to(sqlite_db)
    left_open = CallLog(sqlite_db, workstation=socket.gethostname()).open_call(
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.DIAL,
        remote_uri="sip:17@gw.station.local",
        at=datetime.now(UTC) - timedelta(minutes=5),
        operator=operator,
    )
    phone, queue, _bridges, _attached = telephone(qtbot, sqlite_db, tmp_path)
    phone.start()
    assert queue.statusBar().currentMessage().startswith("1 calls cut off by the last stop")
    record = phone.call_log.get(left_open.id)
    assert record is not None and record.end_status is CallEnd.INTERRUPTED
    phone.shutdown()


# --- the real console in a subprocess: one pjsua2 engine per process ------------------------------------


def run_console(tmp_path: Path, name: str, sip_port: int) -> subprocess.CompletedProcess[str]:
    data = tmp_path / name
    data.mkdir()
    (data / "console.ini").write_text(
        f"[phone]\nbind_host=127.0.0.1\nsip_port={sip_port}\nrecordings_dir={data / 'recordings'}\n"
    )
    url = f"sqlite:///{data / 'vigie.sqlite'}"
    db = Database.from_url(url)
    migrate.upgrade(db.engine)
    add_operator_to(db)
    db.dispose()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "VIGIE_MUTE": "1",
        "VIGIE_DATA_DIR": str(data),
        "VIGIE_EXIT_AFTER_S": "2",
    }
    env.pop("VIGIE_PHONE", None)
    return subprocess.run(
        [sys.executable, "-m", "console", "--db", url, "--operator", "amelie", "--password-stdin"],
        input="secret-amelie\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.slow
def test_real_console_starts_its_phone_or_runs_without_when_the_port_is_taken(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:  # another console on this machine
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        refused = run_console(tmp_path, "second", port)
    assert refused.returncode == 0, refused.stderr[-3000:]
    assert f"telephone not started: cannot listen for SIP on udp port {port}" in refused.stderr

    started = run_console(tmp_path, "first", 0)
    assert started.returncode == 0, started.stderr[-3000:]  # pjsua2 torn down in order: no abort at exit
    assert "telephone listening on udp 127.0.0.1:" in started.stdout
    assert "Fatal" not in started.stderr and "Assertion" not in started.stderr
