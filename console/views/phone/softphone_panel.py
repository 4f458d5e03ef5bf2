"""The site window's telephone: call the site's contacts in order, listen in, check a password.

It follows the alarm shown: the call list is the site's, each call placed is tagged with the alarm
(`CallContext`), so `CallKeeper` records and journals it; this panel only displays, and shows each
contact's latest attempt result for the alarm. Calls in progress are the console's, whatever the
alarm shown: up to four, each held, muted, transferred or hung up from here. Keyboard: F9 answers,
F10 holds or resumes, F11 mutes, F12 hangs up, F8 switches a listen-in between listening and
talking. Without `attach()` the panel says the telephone is not configured and acts on nothing.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.domain.alarm import Alarm, Operator
from console.domain.calls import (
    AttemptResult,
    CallDirection,
    CallEnd,
    CallEventKind,
    CallPurpose,
    CallRecord,
    DoubtVerdict,
    PasswordCheck,
    attempt_result,
    callback_attempts,
)
from console.domain.site import Contact, SignalRecord, SiteFile
from console.services.call_keeper import CallContext
from console.telephony.errors import PhoneError
from console.views.phone.active_calls import ActiveCallsBox
from console.views.phone.call_list_model import ActiveCallsModel, CallLine
from console.views.phone.contact_calls import ContactCallList, contact_number
from console.views.phone.dial_pad import DialPad
from console.views.phone.listen_in import ListenInBox
from console.views.phone.password_check import PasswordCheckBox
from console.views.phone.phone_messages import phone_message, settings_menu_path

if TYPE_CHECKING:
    from console.services.call_keeper import CallKeeper
    from console.services.call_log import CallLog
    from console.telephony.bridge import PhoneBridge

LISTEN_IN_TO_FOLLOW = "606"  # Contact ID: the intrusion panel's audio module will call the station
_ERROR_STYLE = "background: #ffebee; color: #c62828; font-weight: bold; padding: 4px;"
_INFO_STYLE = "background: #eceff1; color: #37474f; padding: 4px;"
_ENDS_WORTH_SAYING = {CallEnd.NO_ANSWER, CallEnd.BUSY, CallEnd.DECLINED, CallEnd.UNREACHABLE, CallEnd.FAILED}


class SoftphonePanel(QWidget):
    answer_requested = Signal(int)  # a ringing incoming call: the workstation opens its alarm, then answers

    def __init__(
        self, parent: QWidget | None = None, lang: str = "en", clock: Callable[[], datetime] | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("softphone_panel")
        self._lang = lang
        self._bridge: PhoneBridge | None = None
        self._call_log: CallLog | None = None
        self._keeper: CallKeeper | None = None
        self._operator: Operator | None = None
        self._dial_uri: Callable[[str], str] | None = None
        self.alarm: Alarm | None = None
        self.site_file: SiteFile | None = None
        self.audio_module: str | None = None
        self.listen_expected = False
        self.listen_handle: int | None = None  # the listen-in call (kept after it ends, for the verdict)
        self._placing: CallLine | None = None
        self._results: dict[int, list[tuple[datetime, AttemptResult]]] = {}
        self.end_words = {
            CallEnd.NO_ANSWER: self.tr("no answer"),
            CallEnd.BUSY: self.tr("busy"),
            CallEnd.DECLINED: self.tr("declined"),
            CallEnd.UNREACHABLE: self.tr("unreachable"),
            CallEnd.FAILED: self.tr("failed"),
        }

        self.message = QLabel()
        self.message.setObjectName("phone_message")
        self.message.setWordWrap(True)
        self.contact_calls = ContactCallList()
        self.contact_calls.call_requested.connect(self.call_contact)
        self.calls_model = ActiveCallsModel(clock, self)
        self.dial_pad = DialPad()
        self.dial_pad.call_requested.connect(self.dial)
        self.dial_pad.digit_pressed.connect(self.send_digit)
        self.password_box = PasswordCheckBox()
        self.calls_box = ActiveCallsBox(self.calls_model)
        self.calls_table = self.calls_box.table
        self.calls_table.selectionModel().selectionChanged.connect(self._after_change)
        self.calls_box.transfer_button.clicked.connect(self.transfer_call)
        self.actions_by_name = self.calls_box.actions_by_name
        self.buttons_by_name = self.calls_box.buttons_by_name
        slots: dict[str, Callable[[], None]] = {
            "answer": self.answer_ringing,
            "hold": self.toggle_hold,
            "mute": self.toggle_mute,
            "hangup": self.hangup_call,
            "listen_talk": self.toggle_listen_talk,
        }
        for name, slot in slots.items():
            self.actions_by_name[name].triggered.connect(slot)

        contacts_box = QGroupBox(self.tr("Call list"))
        QVBoxLayout(contacts_box).addWidget(self.contact_calls)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.message)
        layout.addWidget(contacts_box)
        layout.addWidget(self.calls_box)
        layout.addWidget(self._build_listen_box())
        layout.addWidget(self.dial_pad)
        layout.addWidget(self.password_box)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._call_clock_timer = QTimer(self)
        self._call_clock_timer.setObjectName("call_durations_tick")
        self._call_clock_timer.setInterval(1000)
        self._call_clock_timer.timeout.connect(self.calls_model.tick)
        self._after_change()

    # --- building ---------------------------------------------------------------------------

    def _build_listen_box(self) -> ListenInBox:
        self.listen_box = ListenInBox(self.buttons_by_name["listen_talk"])
        self.listen_box.listen_requested.connect(self.listen_in)
        self.listen_box.verdict_chosen.connect(lambda v: self.record_verdict(DoubtVerdict(v)))
        return self.listen_box

    # --- wiring -----------------------------------------------------------------------------

    def attach(
        self,
        bridge: PhoneBridge,
        call_log: CallLog,
        keeper: CallKeeper,
        operator: Operator,
        dial_uri: Callable[[str], str],
        transfer_targets: Sequence[tuple[str, str]] = (),
    ) -> None:
        """Place and take calls through `bridge` as `operator`; `dial_uri` turns a phone number
        (digits, maybe a leading +) into the URI to call; `transfer_targets` are (label, uri)."""
        self.detach()
        self._bridge, self._call_log, self._keeper = bridge, call_log, keeper
        self._operator, self._dial_uri = operator, dial_uri
        self.calls_box.set_transfer_targets(transfer_targets)
        bridge.call_created.connect(self._on_call_created)
        bridge.call_event.connect(self._on_call_event)
        bridge.call_ended.connect(self._on_call_ended)
        bridge.phone_error.connect(self._on_phone_error)
        self.password_box.set_checker(self._check_password)
        self._say(self.tr("Telephone ready."), error=False)
        self._after_change()

    def detach(self) -> None:
        """Stop following the bridge (the console shuts down, or another bridge comes)."""
        bridge = self._bridge
        if bridge is not None:
            for signal, slot in (
                (bridge.call_created, self._on_call_created),
                (bridge.call_event, self._on_call_event),
                (bridge.call_ended, self._on_call_ended),
                (bridge.phone_error, self._on_phone_error),
            ):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(slot)
        self._bridge = None
        self.password_box.set_checker(None)
        self._after_change()

    @property
    def attached(self) -> bool:
        return self._bridge is not None

    def set_alarm(
        self,
        alarm: Alarm | None,
        site_file: SiteFile | None,
        signals: Sequence[SignalRecord],
        calls: Sequence[CallRecord] = (),
    ) -> None:
        """Follow the alarm shown in the site window (called on every refresh of it, with the
        alarm's calls by every console, read with the rest of its record)."""
        other_alarm = alarm is None or self.alarm is None or alarm.id != self.alarm.id
        self.alarm, self.site_file = alarm, site_file
        contacts = site_file.contacts if site_file else ()
        if contacts != self.contact_calls.contacts():
            self.contact_calls.set_contacts(contacts)
            self.password_box.set_contacts(contacts)
        self.audio_module = site_file.audio_modules[0] if site_file and site_file.audio_modules else None
        self.listen_expected = any(s.event_code == LISTEN_IN_TO_FOLLOW for s in signals)
        if other_alarm:
            self._results = {}
            self.listen_box.show_verdict(None)
            if self.listen_handle is not None and self.calls_model.line(self.listen_handle) is None:
                self.listen_handle = None
        if alarm is not None:
            self._results = callback_attempts(calls)
        self._after_change()

    # --- the operator's requests ------------------------------------------------------------

    @Slot(object)
    def call_contact(self, contact: Contact) -> int | None:
        number = contact_number(contact)
        uri = self._to_uri(number or "")
        if uri is None:
            return None
        return self._place(uri, contact.name, CallPurpose.CALLBACK, contact.id)

    @Slot(str)
    def dial(self, text: str) -> int | None:
        uri = self._to_uri(text)
        if uri is None:
            return None
        handle = self._place(uri, text.strip(), CallPurpose.DIAL)
        if handle is not None:
            self.dial_pad.number_edit.clear()
        return handle

    @Slot()
    def listen_in(self) -> int | None:
        """Call the site's audio module, microphone off from the start: listen first, talk if needed."""
        if self._bridge is None:
            self._say(self.tr("Telephone not configured (see %1).").replace("%1", settings_menu_path()))
            return None
        if self.audio_module is None:
            self._say(self.tr("No audio module on file for this site: listening in is not possible."))
            return None
        handle = self._place(
            self.audio_module, self.tr("Audio module"), CallPurpose.LISTEN_IN, listen_in=True
        )
        if handle is not None:
            self._start_listening(handle)
        return handle

    @Slot()
    def answer_ringing(self) -> None:
        line = self._ringing_line()
        if line is not None:
            self.answer_requested.emit(line.handle)

    def show_incoming(self, handle: int, remote_uri: str, label: str, contact_id: int | None = None) -> None:
        """An incoming call the workstation offers here: shown ringing, answerable with F9."""
        line = CallLine(handle, CallDirection.INCOMING, remote_uri, label, CallPurpose.INCOMING, _now())
        line.contact_id = contact_id
        self.calls_model.add(line)
        self._after_change()

    def answer(self, handle: int, *, listen_in: bool = False, contact_id: int | None = None) -> bool:
        """Take the call; an audio module calling in is taken in listen mode (microphone off)."""
        if self._bridge is None:
            return False
        line = self.calls_model.line(handle)
        if listen_in:
            self._start_listening(handle)
        if not self._request(lambda b: b.answer(handle)):
            return False
        if contact_id is not None:
            self.password_box.select_contact(contact_id)
        if line is not None:
            self.calls_box.select(handle)
        return True

    def hangup(self, handle: int) -> bool:
        return self._request(lambda b: b.hangup(handle))

    @Slot()
    def hangup_call(self) -> None:
        line = self.target_call()
        if line is not None:
            self.hangup(line.handle)

    @Slot()
    def toggle_hold(self) -> None:
        line = self.target_call()
        if line is None or not line.answered:
            return
        self._request(lambda b: b.resume(line.handle) if line.held else b.hold(line.handle))

    @Slot()
    def toggle_mute(self) -> None:
        line = self.target_call()
        if line is None:
            return
        if line.listen_in:
            self._set_listening(line.handle, not line.muted)
        else:
            self._request(lambda b: b.set_microphone_muted(line.handle, not line.muted))

    @Slot()
    def toggle_listen_talk(self) -> None:
        line = self.calls_model.line(self.listen_handle) if self.listen_handle is not None else None
        if line is not None:
            self._set_listening(line.handle, not line.muted)

    @Slot()
    def transfer_call(self) -> None:
        line = self.target_call()
        if line is None or not line.answered:
            return
        text, listed = self.calls_box.transfer_choice()
        uri = listed or self._to_uri(text)
        if not uri:
            self._say(self.tr("Choose or type where to transfer the call."))
            return
        if self._request(lambda b: b.transfer(line.handle, uri)):
            self._say(
                self.tr("Transferring %1 to %2…").replace("%1", line.label).replace("%2", text), error=False
            )

    @Slot(str)
    def send_digit(self, digit: str) -> None:
        """During an answered call the key is a DTMF digit; otherwise it composes the number."""
        line = self.target_call()
        if line is not None and line.answered and not line.held:
            self._request(lambda b: b.send_dtmf(line.handle, digit, self.dial_pad.method))
        else:
            self.dial_pad.number_edit.insert(digit)

    def record_verdict(self, verdict: DoubtVerdict) -> bool:
        """The listen-in's conclusion, stored on its call record (also once the call is over)."""
        record_id = (
            self._keeper.record_id(self.listen_handle) if self._keeper and self.listen_handle else None
        )
        if record_id is None or self._call_log is None or self._operator is None:
            return False
        try:
            self._call_log.record_verdict(record_id, verdict, self._operator)
        except Exception as exc:  # database down: said, the operator can press again
            self._say(self.tr("Verdict not recorded: %1").replace("%1", str(exc).splitlines()[0]))
            return False
        self.listen_box.show_verdict(verdict)
        return True

    # --- what to act on ---------------------------------------------------------------------

    def target_call(self) -> CallLine | None:
        """The call the buttons act on: the selected one, else the one in conversation."""
        return self.calls_box.target_call()

    def _call_with(self, contact_id: int) -> CallLine | None:
        """The answered call the password is checked on: the contact's, else an unidentified caller's."""
        answered = [line for line in self.calls_model.lines() if line.answered]
        return next((line for line in answered if line.contact_id == contact_id), None) or next(
            (line for line in answered if line.contact_id is None and not line.listen_in), None
        )

    def _ringing_line(self) -> CallLine | None:
        return next((line for line in self.calls_model.lines() if line.waiting_answer), None)

    # --- the bridge's reports ---------------------------------------------------------------

    @Slot(int, str, str, object)
    def _on_call_created(self, handle: int, direction: str, remote_uri: str, at: datetime) -> None:
        if direction != CallDirection.OUTGOING:
            return  # incoming: offered (or not) by the workstation, through show_incoming
        line = self._placing or CallLine(
            handle, CallDirection.OUTGOING, remote_uri, remote_uri, CallPurpose.DIAL, at
        )
        self._placing = None
        line.handle, line.remote_uri, line.created_at = handle, remote_uri, at
        self.calls_model.add(line)
        self.calls_box.select(handle)
        self._after_change()

    @Slot(int, str, object, str)
    def _on_call_event(self, handle: int, kind: str, at: datetime, detail: str) -> None:
        line = self.calls_model.line(handle)
        if line is None:
            return
        if kind == CallEventKind.ANSWERED:
            line.answered_at = at
            if self.message.text() == self._calling_text(line):
                self._say("")  # the table says it now
        call = self._bridge.find(handle) if self._bridge else None
        if call is not None:
            line.ringing, line.held, line.muted = call.ringing, call.held, call.microphone_muted
        self.calls_model.changed(handle)
        self._after_change()

    @Slot(int, str, object, str)
    def _on_call_ended(self, handle: int, end: str, at: datetime, reason: str) -> None:
        line = self.calls_model.remove(handle)
        if line is None:
            return
        how = CallEnd(end)
        current = self.alarm is not None and line.alarm_id == self.alarm.id
        if line.purpose is CallPurpose.CALLBACK and line.contact_id is not None and current:
            self._results.setdefault(line.contact_id, []).append((at, attempt_result(how)))
        if how in _ENDS_WORTH_SAYING:
            words = self.end_words[how] + (f" ({phone_message(reason)})" if reason else "")
            self._say(f"{line.label}: {words}", error=False)
        self._after_change()

    @Slot(int, str)
    def _on_phone_error(self, handle: int, message: str) -> None:
        self._say(phone_message(message))

    # --- internals --------------------------------------------------------------------------

    def _place(
        self,
        uri: str,
        label: str,
        purpose: CallPurpose,
        contact_id: int | None = None,
        listen_in: bool = False,
    ) -> int | None:
        if self._bridge is None:
            return None
        alarm_id = self.alarm.id if self.alarm else None
        site_id = self.site_file.site.id if self.site_file else self.alarm.site_id if self.alarm else None
        self._placing = CallLine(
            0, CallDirection.OUTGOING, uri, label, purpose, _now(), contact_id, alarm_id, listen_in=listen_in
        )
        context = CallContext(purpose, site_id, contact_id, alarm_id)
        try:
            handle = self._bridge.place_call(uri, context)
        except PhoneError as exc:
            self._say(phone_message(str(exc)))
            return None
        finally:
            self._placing = None
            self._after_change()
        line = self.calls_model.line(handle)
        if line is not None:  # not already over (then its end was said)
            self._say(self._calling_text(line), error=False)
        return handle

    def _calling_text(self, line: CallLine) -> str:
        return self.tr("Calling %1…").replace("%1", line.label)

    def _start_listening(self, handle: int) -> None:
        self.listen_handle = handle
        self.listen_box.show_verdict(None)
        line = self.calls_model.line(handle)
        if line is not None:
            line.listen_in = True
        self._set_listening(handle, True)

    def _set_listening(self, handle: int, listening: bool) -> None:
        kind = CallEventKind.LISTEN if listening else CallEventKind.TALK
        self._request(lambda b: b.set_microphone_muted(handle, listening, kind))

    def _request(self, request: Callable[[PhoneBridge], object]) -> bool:
        """Run a request on the bridge; a refusal is shown in the message line, never raised."""
        if self._bridge is None:
            return False
        try:
            request(self._bridge)
        except PhoneError as exc:
            self._say(phone_message(str(exc)))
            return False
        finally:
            self._after_change()
        return True

    def _to_uri(self, text: str) -> str | None:
        """A SIP URI as typed or stored; anything else (a phone number) through the station's
        `dial_uri`, whose refusal (PhoneError, ValueError) is said in the message line."""
        text = text.strip()
        if not text:
            return None
        if re.match(r"^(sips?|tel):", text, re.IGNORECASE):
            return text
        if "@" in text:
            return f"sip:{text}"
        if self._dial_uri is None:
            return None
        try:
            return self._dial_uri(text)
        except (PhoneError, ValueError) as exc:
            self._say(phone_message(str(exc)))
            return None

    def _check_password(self, contact_id: int, typed: str) -> PasswordCheck:
        if self._call_log is None or self._operator is None or self.site_file is None:
            raise LookupError(self.tr("no site shown"))
        line = self._call_with(contact_id)
        call_id = self._keeper.record_id(line.handle) if self._keeper and line else None
        return self._call_log.check_password(
            site_id=self.site_file.site.id,
            contact_id=contact_id,
            typed=typed,
            operator=self._operator,
            alarm_id=self.alarm.id if self.alarm else None,
            call_id=call_id,
        )

    def _show_results(self) -> None:
        calling = {
            line.contact_id: line.answered
            for line in self.calls_model.lines()
            if line.purpose is CallPurpose.CALLBACK and line.contact_id is not None
        }
        self.contact_calls.show_attempts(self._results, calling)

    def _say(self, text: str, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(_ERROR_STYLE if error else _INFO_STYLE)
        self.message.setVisible(bool(text))

    @Slot()
    def _after_change(self) -> None:
        """Buttons, timers and results after anything happened."""
        attached = self._bridge is not None
        if not attached:
            self._say(self.tr("Telephone not configured"), error=False)
        listen_line = self.calls_model.line(self.listen_handle) if self.listen_handle is not None else None
        self.calls_box.update_actions(attached, listen_line)
        self.contact_calls.set_calls_enabled(attached)
        self.dial_pad.set_calls_enabled(attached)
        box = self.listen_box
        box.setVisible(self.audio_module is not None or self.listen_expected or listen_line is not None)
        box.listen_button.setEnabled(attached and self.audio_module is not None and listen_line is None)
        box.listen_button.setToolTip(self.audio_module or "")
        box.hint.setVisible(self.listen_expected and self.audio_module is None)
        has_record = self._keeper is not None and self.listen_handle is not None
        for button in box.verdict_buttons.values():
            button.setEnabled(attached and has_record)
        self._show_results()
        self._run_timers(listen_line)

    def _run_timers(self, listen_line: CallLine | None) -> None:
        if self.calls_model.rowCount() and not self._call_clock_timer.isActive():
            self._call_clock_timer.start()
        elif not self.calls_model.rowCount():
            self._call_clock_timer.stop()
        bridge = self._bridge
        if bridge is not None and listen_line is not None and listen_line.answered:
            handle = listen_line.handle
            self.listen_box.follow_level(lambda: bridge.far_end_level_dbfs(handle))
        else:
            self.listen_box.follow_level(None)


def _now() -> datetime:
    return datetime.now(UTC)
