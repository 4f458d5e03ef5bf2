"""The station's equipment in the queue window: the database banner and the receiver, telephone and
database indicators of the status bar.

The telephone indicator is fed by the phone bridge's `registration_changed` (the engine's
`RegistrationState` values, as strings: this module does not load pjsua2), by a start failure, and
by the call records still waiting for the database (the CallKeeper's backlog, retried here every
two seconds so a call record written while the database was down is not lost).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QLabel

from console.domain.station import ComponentStatus

RECEIVER_SILENCE_S = 20.0  # four missed heartbeats: the receiver (or its path to the database) is gone
CALL_RECORD_RETRY_MS = 2000
# console.telephony.engine.RegistrationState's values, each given its words below (a test checks both agree)
PHONE_STATES = ("direct", "registering", "registered", "failed", "stopped")
_LABEL_MAX = 100  # a long fault (a pjsua2 reason) is cut in the status bar; the tooltip has it all

OK_STYLE = "color: #2e7d32;"
IDLE_STYLE = "color: #757575;"
FAULT_STYLE = "color: #c62828; font-weight: bold;"
WAITING_STYLE = "color: #e65100; font-weight: bold;"


class CallRecordBacklog(Protocol):
    """What the indicator needs of the CallKeeper: its delayed writes and a way to retry them."""

    @property
    def backlog(self) -> int: ...

    last_error: str | None

    def flush(self) -> bool: ...


class StationIndicators(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.banner = QLabel()
        self.banner.setObjectName("database_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #b71c1c; color: white; padding: 6px; font-weight: bold;")
        self.banner.hide()
        self.receiver_label = QLabel()
        self.receiver_label.setObjectName("receiver_status")
        self.database_label = QLabel()
        self.phone_label = QLabel()
        self.phone_label.setObjectName("phone_status")
        self._phone_state: str | None = None  # a RegistrationState value, "off" or "start_failed"
        self._phone_detail = ""
        self._phone_port: int | None = None
        self._phone_registrar: str | None = None
        self._backlog = 0
        self._backlog_error: str | None = None
        self._keeper: CallRecordBacklog | None = None
        self._call_record_retry_timer = QTimer(self)
        self._call_record_retry_timer.setObjectName("call_record_retry")
        self._call_record_retry_timer.setInterval(CALL_RECORD_RETRY_MS)
        self._call_record_retry_timer.timeout.connect(self._retry_call_records)

    @Slot(bool, str)
    def set_database_status(self, reachable: bool, message: str) -> None:
        if reachable:
            self.banner.hide()
            self.database_label.setText(self.tr("Database: OK"))
            self.database_label.setStyleSheet("color: #2e7d32;")
        else:
            self.banner.setText(
                self.tr("Database unreachable — the queue may be out of date; retrying. (%1)").replace(
                    "%1", message
                )
            )
            self.banner.show()
            self.database_label.setText(self.tr("Database: DOWN"))
            self.database_label.setStyleSheet("color: #c62828; font-weight: bold;")

    @Slot(list)
    def set_station_status(self, statuses: list[ComponentStatus]) -> None:
        """Receivers as station equipment: OK, in fault, or silent (no heartbeat for a while)."""
        receivers = [s for s in statuses if s.component.startswith("receiver")]
        if not receivers:
            self.receiver_label.setText(self.tr("Receiver: none"))
            self.receiver_label.setStyleSheet("color: #757575;")
            self.receiver_label.setToolTip(self.tr("No receiver has reported to this database."))
            return
        now = datetime.now(UTC)
        problems = []
        for status in receivers:
            silent_s = (now - status.updated_at).total_seconds()
            if status.state == "stopped":
                problems.append(self.tr("%1 stopped").replace("%1", status.component))
            elif silent_s > RECEIVER_SILENCE_S:
                problems.append(
                    self.tr("%1 silent for %2 s")
                    .replace("%1", status.component)
                    .replace("%2", str(int(silent_s)))
                )
            elif status.state != "ok":
                problems.append(f"{status.component}: {status.detail}")
        self.receiver_label.setToolTip("\n".join(f"{s.component}: {s.state}, {s.detail}" for s in receivers))
        if problems:
            self.receiver_label.setText(self.tr("Receiver: FAULT — %1").replace("%1", "; ".join(problems)))
            self.receiver_label.setStyleSheet("color: #c62828; font-weight: bold;")
        else:
            self.receiver_label.setText(self.tr("Receiver: OK"))
            self.receiver_label.setStyleSheet("color: #2e7d32;")

    # --- telephone -------------------------------------------------------------------------------

    def set_phone_off(self) -> None:
        """Disabled in console.ini or by VIGIE_PHONE=0: say so, it is a choice, not a fault."""
        self._phone_state = "off"
        self._phone_detail = ""
        self._render_phone()

    def set_phone_endpoint(self, sip_port: int | None, registrar: str | None) -> None:
        """Where the phone listens (known only once started: port 0 picks one) and its PBX, if any."""
        self._phone_port = sip_port
        self._phone_registrar = registrar
        self._render_phone()

    @Slot(str, str)
    def set_phone_registration(self, state: str, detail: str) -> None:
        """The bridge's `registration_changed(state, detail)`."""
        self._phone_state = str(state)
        self._phone_detail = detail
        self._render_phone()

    def set_phone_failed(self, message: str) -> None:
        """The phone could not start (SIP port taken, no pjsua2...): the console runs without it."""
        self._phone_state = "start_failed"
        self._phone_detail = message
        self._render_phone()

    def set_call_backlog(self, waiting: int, last_error: str | None = None) -> None:
        self._backlog = waiting
        self._backlog_error = last_error
        self._render_phone()

    def watch_call_records(self, keeper: CallRecordBacklog) -> None:
        """Retry the call records the database refused, every two seconds, and show how many wait."""
        self._keeper = keeper
        self._call_record_retry_timer.start()
        self.set_call_backlog(keeper.backlog, keeper.last_error)

    def stop_watching_call_records(self) -> None:
        self._call_record_retry_timer.stop()
        self._keeper = None

    @Slot()
    def _retry_call_records(self) -> None:
        keeper = self._keeper
        if keeper is None:
            return
        if keeper.backlog:
            keeper.flush()
        if keeper.backlog != self._backlog or keeper.last_error != self._backlog_error:
            self.set_call_backlog(keeper.backlog, keeper.last_error)

    def repaired_calls_message(self, calls: int, recordings: int) -> str:
        """For the status bar at start: calls the last run left open were closed as interrupted."""
        return (
            self.tr(
                "%1 calls cut off by the last stop of the console were closed as interrupted; %2 recordings checked and repaired."
            )
            .replace("%1", str(calls))
            .replace("%2", str(recordings))
        )

    def _render_phone(self) -> None:
        state, detail = self._phone_state, self._phone_detail
        registrar = self._phone_registrar or ""
        host = registrar.split(":", 1)[1].split(";", 1)[0] if ":" in registrar else registrar
        tips: list[str] = []
        if state is None:
            text, style = "", ""
        elif state == "off":
            text, style = self.tr("Telephone: off"), IDLE_STYLE
            tips.append(
                self.tr("The telephone is disabled ([phone] enabled in console.ini, or VIGIE_PHONE=0).")
            )
        elif state == "start_failed":
            text, style = self.tr("Telephone: FAULT — %1").replace("%1", detail), FAULT_STYLE
            tips.append(self.tr("The telephone could not start: %1").replace("%1", detail))
            tips.append(self.tr("The console runs without it; check Settings > Telephone, then restart."))
        elif state == "direct":
            if self._phone_port is None:
                text = self.tr("Telephone: direct IP")
            else:
                text = self.tr("Telephone: direct IP (port %1)").replace("%1", str(self._phone_port))
            style = OK_STYLE
            tips.append(self.tr("No PBX: calls are placed and received directly over IP."))
        elif state == "registering":
            text, style = self.tr("Telephone: registering…"), IDLE_STYLE
            tips.append(self.tr("Registering to %1").replace("%1", registrar or detail))
        elif state == "registered":
            text, style = self.tr("Telephone: registered to %1").replace("%1", host or detail), OK_STYLE
        elif state == "failed":
            text, style = self.tr("Telephone: FAULT — %1").replace("%1", detail), FAULT_STYLE
            tips.append(
                self.tr("Registration to %1 failed: %2").replace("%1", registrar).replace("%2", detail)
            )
            tips.append(self.tr("Calls through the PBX are impossible until it succeeds; it is retried."))
        elif state == "stopped":
            text, style = self.tr("Telephone: stopped"), IDLE_STYLE
        else:
            text, style = self.tr("Telephone: %1").replace("%1", state), IDLE_STYLE
        if state not in (None, "off", "start_failed"):
            if detail and detail not in "\n".join(tips):
                tips.append(detail)
            if self._phone_port is not None:
                tips.append(self.tr("SIP port: %1").replace("%1", str(self._phone_port)))
        if self._backlog > 0 and text:
            text += " — " + self.tr("call records waiting for the database: %1").replace(
                "%1", str(self._backlog)
            )
            if style != FAULT_STYLE:
                style = WAITING_STYLE
            tips.append(
                self.tr("%1 call record writes are kept in order and retried every 2 s.").replace(
                    "%1", str(self._backlog)
                )
            )
            if self._backlog_error:
                tips.append(self._backlog_error)
        if len(text) > _LABEL_MAX:
            text = text[: _LABEL_MAX - 1] + "…"
        self.phone_label.setText(text)
        self.phone_label.setStyleSheet(style)
        self.phone_label.setToolTip("\n".join(tips))
