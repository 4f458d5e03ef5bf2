"""The softphone as the Qt side sees it: a QObject whose signals carry the engine's reports.

It owns the timer that drives pjsua2 (`_event_pump_timer`), so every pjsua2 callback runs on the
Qt thread; listeners that must see a call before any view does (the call records) are chained in
front of the signals. Requests (`place_call`, `hangup`, ...) go straight to the engine and raise
`PhoneError` with a message for the operator.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from console.domain.calls import CallDirection, CallEnd, CallEventKind
from console.telephony.engine import PhoneCall, PhoneListener, RegistrationState, Softphone
from console.telephony.settings import PhoneSettings

log = logging.getLogger(__name__)

_PUMP_MS = 10


class PhoneBridge(QObject):
    call_created = Signal(int, str, str, object)  # handle, direction, remote URI, at
    call_event = Signal(int, str, object, str)  # handle, CallEventKind, at, detail
    call_ended = Signal(int, str, object, str)  # handle, CallEnd, at, reason
    recording_started = Signal(int, str)
    recording_final = Signal(int, str)
    dtmf_received = Signal(int, str)
    registration_changed = Signal(str, str)  # RegistrationState, detail
    phone_error = Signal(int, str)  # handle (0: none), message for the operator

    def __init__(
        self,
        settings: PhoneSettings,
        first_listeners: list[PhoneListener] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._relay = _Relay(self, list(first_listeners or []))
        self.engine = Softphone(settings, self._relay)
        self._event_pump_timer = QTimer(self)
        self._event_pump_timer.setObjectName("sip_event_pump")
        self._event_pump_timer.setInterval(_PUMP_MS)
        self._event_pump_timer.timeout.connect(self._on_pump)
        self._headset: Any = None

    def add_listener(self, listener: PhoneListener) -> None:
        """Chain a listener that must see each report before the signals go out (call records)."""
        self._relay.first.append(listener)

    def remove_listener(self, listener: PhoneListener) -> None:
        if listener in self._relay.first:
            self._relay.first.remove(listener)

    # -- life cycle -----------------------------------------------------------------------------

    def start(self, headset: Any = None) -> None:
        """Start pjsua2 and the pump; `headset` is a started-later HeadsetBridge (or None)."""
        self.engine.start()
        if headset is not None:
            headset.start()
            self._headset = headset
            self.engine.attach_headset(headset.media)
        self._event_pump_timer.start()

    def shutdown(self) -> None:
        """The RECIPES order: stop the pump, hang up, drop the headset port, destroy the library."""
        self._event_pump_timer.stop()
        if self._headset is not None:
            self.engine.attach_headset(None)
            self._headset.stop()
            self._headset = None
        self.engine.shutdown()

    @property
    def running(self) -> bool:
        return self._event_pump_timer.isActive()

    def _on_pump(self) -> None:
        try:
            self.engine.handle_events()
        except Exception:
            log.exception("telephony event pump failed")

    # -- requests -------------------------------------------------------------------------------

    def place_call(self, uri: str, tag: object = None) -> int:
        return self.engine.place_call(uri, tag)

    def answer(self, handle: int) -> None:
        self.engine.answer(handle)

    def hangup(self, handle: int) -> None:
        self.engine.hangup(handle)

    def hold(self, handle: int) -> None:
        self.engine.hold(handle)

    def resume(self, handle: int) -> None:
        self.engine.resume(handle)

    def set_microphone_muted(self, handle: int, muted: bool, kind: CallEventKind | None = None) -> None:
        self.engine.set_microphone_muted(handle, muted, kind)

    def transfer(self, handle: int, target_uri: str) -> None:
        self.engine.transfer(handle, target_uri)

    def send_dtmf(self, handle: int, digits: str, method: str = "rfc2833") -> None:
        self.engine.send_dtmf(handle, digits, method)

    def calls(self) -> list[PhoneCall]:
        return self.engine.calls

    def find(self, handle: int) -> PhoneCall | None:
        return self.engine.find(handle)

    def far_end_level_dbfs(self, handle: int) -> float:
        call = self.engine.find(handle)
        return call.far_end_level_dbfs if call is not None else float("-inf")


class _Relay:
    """The engine's listener: the chained listeners first (call records), then the bridge's signals."""

    def __init__(self, bridge: PhoneBridge, first: list[PhoneListener]) -> None:
        self._bridge = bridge
        self.first = first

    def _each_first(self, report: Callable[[PhoneListener], None]) -> None:
        for listener in self.first:
            try:
                report(listener)
            except Exception:
                log.exception("phone listener %r failed", listener)

    def call_created(
        self, handle: int, direction: CallDirection, remote_uri: str, at: datetime, tag: object
    ) -> None:
        self._each_first(lambda listener: listener.call_created(handle, direction, remote_uri, at, tag))
        self._bridge.call_created.emit(handle, str(direction), remote_uri, at)

    def call_event(self, handle: int, kind: CallEventKind, at: datetime, detail: str) -> None:
        self._each_first(lambda listener: listener.call_event(handle, kind, at, detail))
        self._bridge.call_event.emit(handle, str(kind), at, detail)

    def call_ended(self, handle: int, end: CallEnd, at: datetime, reason: str) -> None:
        self._each_first(lambda listener: listener.call_ended(handle, end, at, reason))
        self._bridge.call_ended.emit(handle, str(end), at, reason)

    def recording_started(self, handle: int, path: Path) -> None:
        self._each_first(lambda listener: listener.recording_started(handle, path))
        self._bridge.recording_started.emit(handle, str(path))

    def recording_final(self, handle: int, path: Path) -> None:
        self._each_first(lambda listener: listener.recording_final(handle, path))
        self._bridge.recording_final.emit(handle, str(path))

    def dtmf_received(self, handle: int, digit: str) -> None:
        self._each_first(lambda listener: listener.dtmf_received(handle, digit))
        self._bridge.dtmf_received.emit(handle, digit)

    def registration_changed(self, state: RegistrationState, detail: str) -> None:
        self._each_first(lambda listener: listener.registration_changed(state, detail))
        self._bridge.registration_changed.emit(str(state), detail)

    def phone_error(self, handle: int | None, message: str) -> None:
        self._each_first(lambda listener: listener.phone_error(handle, message))
        self._bridge.phone_error.emit(handle or 0, message)
