"""An operator's workstation: the queue window and the site window, kept in step.

Owns the wiring between the two windows, the live feed, the desks and the telephone (incoming
calls are offered here: the ringtone, who calls, Answer / Decline); app.py builds one.
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QMessageBox

from console.domain.alarm import Alarm, Operator, TransitionError
from console.domain.alarm_record import AlarmRecord
from console.domain.calls import CallDirection, offer_incoming_call
from console.domain.grouping import localized_title
from console.domain.journal import JournalAction
from console.domain.outage import DatabaseUnavailable
from console.domain.service_level import ServiceTargets
from console.domain.site import ProcedureStep, SiteFile
from console.services.alarm_desk import AlarmDesk
from console.services.call_log import CallerMatch
from console.services.dispatch_desk import DispatchDesk
from console.services.plan_editing import PlanEditing
from console.services.queue_feed import QueueFeed, SiteDesk
from console.services.test_mode import SuspensionDesk
from console.views.admin.window import AdminWindow
from console.views.background import Background
from console.views.faults import FaultIndicator, FaultMonitor
from console.views.phone.incoming_call import IncomingCallOffer, Ringtone
from console.views.queue.alarm_queue_model import AlarmQueueModel
from console.views.queue.alert_sound import AlertSound
from console.views.queue.live_feed import LiveFeed
from console.views.queue.queue_window import QueueWindow
from console.views.queue.suspensions_bar import SuspensionsBar
from console.views.refusals import refusal_text
from console.views.session_guard import SessionGuard
from console.views.site.on_test_control import OnTestControl
from console.views.site.site_feed import SiteFeed
from console.views.site.site_window import SiteWindow
from console.views.supervision.window import SupervisionWindow
from console.views.window_placement import restore_window, save_window

log = logging.getLogger(__name__)

# How long a thread waiting for the interpreter lock lets the holder run before asking for it
# (Python's default is 5 ms). The GUI thread takes the lock at every call from Qt into Python
# (each painted cell, each slot) and gives it back at some calls into Qt (Python-made signals,
# createIndex): while the feed's workers, or the embedded receiver's writer, run Python, each of
# those waited up to the interval, and a repaint of the queue could take 100 ms instead of 20.
GUI_SWITCH_INTERVAL_S = 0.001

if TYPE_CHECKING:
    from console.services.call_keeper import CallKeeper
    from console.services.call_log import CallLog
    from console.telephony.bridge import PhoneBridge


def service_targets(settings: QSettings) -> ServiceTargets:
    """The station's take-within targets (seconds), `[service_level]` in console.ini; 30 s and 60 s by default."""
    defaults = ServiceTargets()
    try:
        first = float(settings.value("service_level/take_within_s", defaults.take_within_s))  # type: ignore[arg-type]
        second = float(settings.value("service_level/take_late_s", defaults.take_late_s))  # type: ignore[arg-type]
        return ServiceTargets(first, second)
    except (TypeError, ValueError):
        return defaults  # a hand-edited file with nonsense must not stop the console


class Workstation(QObject):
    signed_out = Signal()  # the sign-out is journaled: the console asks for the next operator
    quit_confirmed = Signal()  # the operator leaves: the console stops
    handed_over = Signal(str)  # the leaving operator's login: the next one's sign-in takes their alarms

    def __init__(
        self,
        desk: AlarmDesk,
        feed: QueueFeed,
        site_desk: SiteDesk,
        operator: Operator,
        settings: QSettings,
        lang: str = "en",
        poll_interval_ms: int = 50,  # one indexed query on change_log: cheap, and alarms show fast
        parent: QObject | None = None,
        plan_editing: PlanEditing | None = None,  # supervisors edit the floor plans from the site window
        dispatch_desk: DispatchDesk | None = None,  # guards and public services sent to the site
        suspension_desk: SuspensionDesk | None = None,  # sites on test (installers' visits)
    ) -> None:
        super().__init__(parent)
        self.operator = operator
        self._lang = lang
        self._desk = desk
        self._site_desk = site_desk
        self._settings = settings
        self.model = AlarmQueueModel(lang=lang, targets=service_targets(settings), parent=self)
        self.sound = AlertSound(self)
        self.queue_window = QueueWindow(
            self.model,
            desk,
            operator,
            lang=lang,
            sound=self.sound,
            settings=settings,
            shift_source=feed.shift_take_times,
        )
        self.site_window = SiteWindow(lang=lang, operator=operator, plan_editing=plan_editing)
        if dispatch_desk is not None:
            self.site_window.dispatch_panel.attach(dispatch_desk, operator)
        self.session_guard: SessionGuard | None = None
        self.on_test: OnTestControl | None = None
        self.suspensions_bar: SuspensionsBar | None = None
        if suspension_desk is not None:
            self.on_test = OnTestControl(self.site_window, suspension_desk, operator, lang)
            self.suspensions_bar = SuspensionsBar(suspension_desk, parent=self.queue_window)
            self.queue_window.statusBar().addPermanentWidget(self.suspensions_bar)
            self.on_test.changed.connect(self._on_suspensions_changed)
        self.live_feed = LiveFeed(feed, interval_ms=poll_interval_ms, parent=self)
        self.site_feed = SiteFeed(site_desk, self)
        self.site_feed.record_loaded.connect(self._on_record_loaded)
        self.site_feed.load_failed.connect(self._on_record_failed)
        self._writes = Background("workstation_writes", self)
        self._lookups = Background("caller_lookup", self)
        self._ringing: set[int] = set()  # incoming calls not ended (their caller may be looked up still)
        self.live_feed.snapshot_loaded.connect(self.model.reset_to)
        self.live_feed.snapshot_loaded.connect(self._on_snapshot_loaded)
        self.live_feed.alarms_changed.connect(self._on_alarms_changed)
        self.live_feed.database_status_changed.connect(self.queue_window.set_database_status)
        self.live_feed.station_status_loaded.connect(self.queue_window.set_station_status)
        self.queue_window.alarm_opened.connect(self.open_alarm)
        self.site_window.step_ticked.connect(self._on_step_ticked)
        self.site_window.zones_acknowledged.connect(self._on_zones_acknowledged)
        self.queue_window.site_window_wanted.connect(self._on_site_window_wanted)
        self.site_window.close_requested.connect(self._on_close_requested)
        self.site_window.queue_wanted.connect(self._on_queue_wanted)
        for window in (self.queue_window, self.site_window):
            window.sign_out_requested.connect(self.sign_out)
            window.quit_requested.connect(self.quit)
            window.supervision_requested.connect(self.show_supervision)
            window.administration_requested.connect(self.show_administration)
        self.supervision_window: SupervisionWindow | None = None
        self.admin_window: AdminWindow | None = None
        self.fault_indicators: list[FaultIndicator] = []
        self.ringtone = Ringtone(self)
        self.offers: dict[int, IncomingCallOffer] = {}  # call handle -> the offer shown
        self._offered: dict[int, CallerMatch] = {}
        self._bridge: PhoneBridge | None = None
        self._call_log: CallLog | None = None
        phone = self.site_window.softphone_panel
        phone.answer_requested.connect(self.answer_incoming)
        for name in ("answer", "hangup"):  # a call rings while the operator works the queue
            self.queue_window.addAction(phone.actions_by_name[name])

    def show_faults(self, monitor: FaultMonitor) -> None:
        """Both windows show the console's internal faults (red indicator, message, list on click)."""
        self.fault_indicators = [
            FaultIndicator(monitor, window.statusBar(), self._lang, window)
            for window in (self.queue_window, self.site_window)
        ]

    def attach_supervision(self, window: SupervisionWindow) -> None:
        """Give a supervisor or an admin their supervision window (Ctrl+Shift+S in either window)."""
        self.supervision_window = window
        for operator_window in (self.queue_window, self.site_window):
            operator_window.actions_by_name["supervision"].setEnabled(True)

    @Slot()
    def show_supervision(self) -> None:
        window = self.supervision_window
        if window is None:  # an operator's session: the action is disabled, and the services refuse anyway
            return
        if not window.isVisible():
            restore_window(window, self._settings, "supervision_window", 0)
        window.show()
        window.raise_()
        window.activateWindow()

    def attach_administration(self, window: AdminWindow) -> None:
        """Give an admin (or a supervisor the station allows) the administration window (Ctrl+Shift+A)."""
        self.admin_window = window
        for operator_window in (self.queue_window, self.site_window):
            operator_window.actions_by_name["administration"].setEnabled(True)

    @Slot()
    def show_administration(self) -> None:
        window = self.admin_window
        if window is None:  # not offered to this operator; the services refuse anyway
            return
        if not window.isVisible():
            restore_window(window, self._settings, "admin_window", 0)
            window.start()
        window.show()
        window.raise_()
        window.activateWindow()

    def show(self) -> None:
        sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)  # the whole process: see the constant
        restore_window(self.queue_window, self._settings, "queue_window", 0)
        site_layout_restored = restore_window(self.site_window, self._settings, "site_window", 1)
        self.queue_window.show()
        self.site_window.show()
        if not site_layout_restored:
            self.site_window.apply_default_layout()
        self.live_feed.start()

    def attach_phone(
        self,
        bridge: PhoneBridge,
        call_log: CallLog,
        keeper: CallKeeper,
        dial_uri: Callable[[str], str],
        transfer_targets: Sequence[tuple[str, str]] = (),
    ) -> None:
        """Give this workstation its telephone: the site window's panel places and takes calls, and
        incoming calls are offered here. `keeper` must already be chained on `bridge` (call records)."""
        self.detach_phone()
        self._bridge, self._call_log = bridge, call_log
        self.site_window.softphone_panel.attach(
            bridge, call_log, keeper, self.operator, dial_uri, transfer_targets
        )
        bridge.call_created.connect(self._on_call_created)
        bridge.call_ended.connect(self._on_call_ended)

    def detach_phone(self) -> None:
        bridge = self._bridge
        if bridge is None:
            return
        for signal, slot in (
            (bridge.call_created, self._on_call_created),
            (bridge.call_ended, self._on_call_ended),
        ):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self.site_window.softphone_panel.detach()
        for handle in list(self.offers):
            self._withdraw_offer(handle)
        self._bridge = None

    # --- the operator's session -------------------------------------------------------------

    def held_alarms(self) -> list[Alarm]:
        """Open alarms this operator holds: nobody else handles them while they are held."""
        return [a for a in self.model.alarms() if a.is_open and a.operator_id == self.operator.id]

    def _say_everywhere(self, message: str) -> None:
        for window in (self.queue_window, self.site_window):
            window.statusBar().showMessage(message, 10000)

    @Slot()
    def sign_out(self) -> bool:
        """Refused while the operator holds alarms (release or close them first), then journaled."""
        held = self.held_alarms()
        if held:
            sites = ", ".join(sorted({a.site_code or a.account for a in held}))
            self._say_everywhere(
                self.tr("Release or close the alarms you hold before signing out: %1").replace("%1", sites)
            )
            return False
        try:
            self._desk.record_session(self.operator, JournalAction.LOGOUT)
        except DatabaseUnavailable as exc:
            self.queue_window.set_database_status(False, str(exc))
            self._say_everywhere(self.tr("Sign-out not recorded (database unreachable): try again."))
            return False
        self.signed_out.emit()
        return True

    def show_taken_over(self, count: int, leaving: str) -> None:
        """Say, after a hand-over, that the alarms the leaving operator held are now this one's."""
        message = self.tr("%1 alarm(s) handed over by %2 are now yours.")
        self.queue_window.statusBar().showMessage(
            message.replace("%1", str(count)).replace("%2", leaving), 30000
        )

    def attach_session_guard(self, guard: SessionGuard) -> None:
        """Lock (Ctrl+L) and hand-over (Ctrl+Shift+H) in both windows' Console menus."""
        self.session_guard = guard
        guard.handover_wanted.connect(self.hand_over)

    @Slot()
    def hand_over(self) -> bool:
        """End the session for the next operator, who takes the alarms held once signed in here."""
        held = self.held_alarms()
        try:
            self._desk.record_session(
                self.operator, JournalAction.LOGOUT, f"hands over {len(held)} alarm(s) to the next operator"
            )
        except DatabaseUnavailable as exc:
            self.queue_window.set_database_status(False, str(exc))
            self._say_everywhere(self.tr("Hand-over not recorded (database unreachable): try again."))
            return False
        self.handed_over.emit(self.operator.login)
        return True

    @Slot()
    def quit(self) -> QMessageBox | None:
        """Quit at once, or after a confirmation when alarms are still held (they stay held)."""
        held = self.held_alarms()
        if not held:
            self._leave()
            return None
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Quit the console"),
            self.tr(
                "You still hold %1 alarm(s). They stay yours until you or a supervisor release them. Quit anyway?"
            ).replace("%1", str(len(held))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.queue_window,
        )
        box.setObjectName("quit_confirmation")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: (
                self._leave() if box.standardButton(button) == QMessageBox.StandardButton.Yes else None
            )
        )
        box.open()
        self.quit_box = box
        return box

    def _leave(self) -> None:
        try:
            self._desk.record_session(self.operator, JournalAction.LOGOUT, "quit")
        except DatabaseUnavailable:
            log.warning("sign-out of %s not journaled: database unreachable", self.operator.login)
        self.quit_confirmed.emit()

    def shutdown(self) -> None:
        self.detach_phone()
        save_window(self.queue_window, self._settings, "queue_window")
        save_window(self.site_window, self._settings, "site_window")
        if self.supervision_window is not None:
            if self.supervision_window.isVisible():
                save_window(self.supervision_window, self._settings, "supervision_window")
            self.supervision_window.close()
        if self.admin_window is not None:
            if self.admin_window.isVisible():
                save_window(self.admin_window, self._settings, "admin_window")
            self.admin_window.stop()
            self.admin_window.close()
        self._settings.sync()
        self.live_feed.stop()
        self.site_feed.stop()
        if self.on_test is not None and self.suspensions_bar is not None:
            self.on_test.stop()
            self.suspensions_bar.stop()
        if self.session_guard is not None:
            self.session_guard.stop()
        self._writes.stop()
        self._lookups.stop()
        self.queue_window.finish_writes()
        self.site_window.close()
        self.queue_window.close()

    @Slot(list)
    def _on_snapshot_loaded(self, _alarms: list[Alarm]) -> None:
        """Once the queue is loaded, move the long-lived objects out of the garbage collector's
        full scans: with thousands of alarms such a scan took 50-90 ms and froze the GUI."""
        gc.collect()
        gc.freeze()

    @Slot(object)
    def open_alarm(self, alarm: Alarm) -> None:
        """Show an alarm's site, signals and journal on the second screen: at once its name (and
        nothing of another site), its panels when the site feed has read its record."""
        shown = self.site_window.alarm
        if shown is None or shown.id != alarm.id:
            self.site_window.show_loading(alarm)
        self.site_feed.request(alarm)

    @Slot(object)
    def _on_record_loaded(self, record: AlarmRecord) -> None:
        shown = self.site_window.alarm
        if shown is None or shown.id != record.alarm.id:  # the operator went to another alarm meanwhile
            return
        latest = self.model.alarm(record.alarm.id)
        if latest is not None and latest.version > record.alarm.version:
            record = replace(record, alarm=latest)  # the queue already knows more of its state
        self.site_window.show_alarm(record)
        if self.on_test is not None:
            self.on_test.show_site(record.site_file)

    @Slot()
    def _on_suspensions_changed(self) -> None:
        """A test started or ended here: the site window's header and the queue's reminder say so."""
        if self.site_window.alarm is not None:
            self.site_feed.request(self.site_window.alarm)
        if self.suspensions_bar is not None:
            self.suspensions_bar.refresh()

    @Slot(object, object)
    def _on_record_failed(self, alarm: Alarm, error: Exception) -> None:
        """An outage shows in the banner (the next change or a reopen reads it again); a bug is a
        fault already logged: the window says it could not show the alarm."""
        if isinstance(error, DatabaseUnavailable):
            self.queue_window.set_database_status(False, str(error))
        label = f"{alarm.site_code} {alarm.site_name}".strip() or alarm.account
        message = self.tr("The record of %1 could not be read: open it again.").replace("%1", label)
        self.site_window.statusBar().showMessage(message, 10000)
        self.site_window.show_unreadable(alarm, message)

    @property
    def site_settled(self) -> bool:
        """The site window shows the record of the alarm it names, and nothing more is on its way."""
        return (
            not self.site_feed.busy
            and not self.queue_window.writing
            and not self.site_window.loading
            and self._writes.pending == 0
            and self._lookups.pending == 0
            and not self.site_window.dispatch_panel.busy
        )

    @Slot(list)
    def _on_alarms_changed(self, alarms: list[Alarm]) -> None:
        self.model.apply(alarms)
        shown = self.site_window.alarm
        if shown is not None:
            updated = next((a for a in alarms if a.id == shown.id), None)
            if updated is not None:
                self.open_alarm(updated)

    @Slot()
    def _on_site_window_wanted(self) -> None:
        """Return in the queue: the keyboard follows the alarm to the second screen, onto its plan."""
        self.site_window.show()
        self.site_window.raise_()
        self.site_window.activateWindow()
        self.site_window.focus_plan()

    @Slot()
    def _on_queue_wanted(self) -> None:
        """F2 in the site window: back to the queue, on the alarm shown if the queue has it."""
        self.queue_window.show()
        self.queue_window.raise_()
        self.queue_window.activateWindow()
        shown = self.site_window.alarm
        if shown is not None:
            self.queue_window.select_alarm(shown.id)
        self.queue_window.table_focus()

    @Slot(object)
    def _on_close_requested(self, alarm: Alarm) -> None:
        """C in the site window: the queue's close dialog, opened over the site window."""
        self.queue_window.close_alarm(self.model.alarm(alarm.id) or alarm, self.site_window)

    @Slot(int, object)
    def _on_step_ticked(self, alarm_id: int, step: ProcedureStep) -> None:
        desk, operator = self._desk, self.operator
        self._writes.run(
            lambda: desk.record_step_done(alarm_id, step, operator),
            lambda _none: self._reopen(alarm_id),
            lambda exc: self._write_refused(exc, self.queue_window),
        )

    def _reopen(self, alarm_id: int) -> None:
        """After a write on the alarm shown: its record again (the journal panel shows the new line)."""
        alarm = self.model.alarm(alarm_id) or self.site_window.alarm
        if alarm is not None and alarm.id == alarm_id:
            self.open_alarm(alarm)

    def _write_refused(self, error: Exception, window: QMainWindow) -> None:
        if isinstance(error, TransitionError):
            text = refusal_text(error)
        elif isinstance(error, DatabaseUnavailable):
            text = str(error)
        else:  # a bug: logged as a fault by the worker
            text = self.tr("Not recorded (the fault is logged): try again.")
        window.statusBar().showMessage(text, 8000)

    @Slot(int, object)
    def _on_zones_acknowledged(self, alarm_id: int, zones: list[int]) -> None:
        desk, operator = self._desk, self.operator
        self._writes.run(
            lambda: desk.record_zones_acknowledged(alarm_id, zones, operator),
            lambda _none: self._reopen(alarm_id),
            lambda exc: self._write_refused(exc, self.site_window),
        )

    # --- incoming calls ---------------------------------------------------------------------

    @Slot(int, str, str, object)
    def _on_call_created(self, handle: int, direction: str, remote_uri: str, at: datetime) -> None:
        """Who calls is looked up on the worker (the caller directory, the site's file); the offer
        rings once it is known, here when this operator holds the caller's site's alarm or nobody does."""
        call_log = self._call_log
        if direction != CallDirection.INCOMING or call_log is None:
            return
        self._ringing.add(handle)
        site_desk = self._site_desk

        def look_up() -> tuple[CallerMatch, SiteFile | None]:
            try:
                match = call_log.match_caller(remote_uri)
            except DatabaseUnavailable:  # the database is down: an unknown caller still rings everywhere
                return CallerMatch(), None
            try:
                site_file = site_desk.site_file(match.site_id) if match.site_id is not None else None
            except DatabaseUnavailable:
                site_file = None
            return match, site_file

        self._lookups.run(
            look_up,
            lambda found: self._offer(handle, remote_uri, *found),
            lambda _exc: self._offer(handle, remote_uri, CallerMatch(), None),  # a bug: logged; it rings
        )

    def _offer(self, handle: int, remote_uri: str, match: CallerMatch, site_file: SiteFile | None) -> None:
        if handle not in self._ringing:  # the caller gave up, or another console answered, meanwhile
            return
        if not offer_incoming_call(match.holder_id, self.operator.id):
            return
        caller, details, label = self._describe_caller(match, site_file, remote_uri)
        self._offered[handle] = match
        self.site_window.softphone_panel.show_incoming(handle, remote_uri, label, match.contact_id)
        offer = IncomingCallOffer(handle, caller, details, self.queue_window)
        offer.answer_clicked.connect(self.answer_incoming)
        offer.decline_clicked.connect(self.decline_incoming)
        self.offers[handle] = offer
        offer.show()
        self.ringtone.start()

    def _describe_caller(
        self, match: CallerMatch, site_file: SiteFile | None, remote_uri: str
    ) -> tuple[str, str, str]:
        """(headline, details, short label) of a caller: site and contact when known, else the URI."""
        if site_file is None:
            several = len(match.candidate_site_ids) > 1
            headline = self.tr("Unknown caller") if not several else self.tr("Caller known on several sites")
            return f"<h3>{escape(headline)}</h3>", remote_uri, remote_uri
        site = site_file.site
        contact = next((c for c in site_file.contacts if c.id == match.contact_id), None)
        if contact is not None:
            who = contact.name + (f" ({contact.role})" if contact.role else "")
        else:
            who = self.tr("Audio module of the site")
        needs = (
            f"\n⚠ {contact.accessibility_needs}"
            if contact is not None and contact.accessibility_needs
            else ""
        )
        alarm = self.model.alarm(match.alarm_id) if match.alarm_id is not None else None
        alarm_text = (
            "\n" + self.tr("Open alarm: %1").replace("%1", localized_title(alarm, self._lang))
            if alarm is not None
            else ""
        )
        headline = f"<h3>{escape(site.code)} {escape(site.name)}</h3><b>{escape(who)}</b>"
        return headline, f"{remote_uri}{needs}{alarm_text}", f"{who} — {site.code}"

    @Slot(int)
    def answer_incoming(self, handle: int) -> None:
        """Open the caller's site's alarm on the second screen, then take the call."""
        match = self._offered.get(handle, CallerMatch())
        self._withdraw_offer(handle)
        alarm = self.model.alarm(match.alarm_id) if match.alarm_id is not None else None
        if alarm is not None:
            self.open_alarm(alarm)
            self.site_window.show()
            self.site_window.raise_()
        audio_module = match.site_id is not None and match.contact_id is None
        self.site_window.softphone_panel.answer(handle, listen_in=audio_module, contact_id=match.contact_id)

    @Slot(int)
    def decline_incoming(self, handle: int) -> None:
        self._withdraw_offer(handle)
        self.site_window.softphone_panel.hangup(handle)

    @Slot(int, str, object, str)
    def _on_call_ended(self, handle: int, end: str, at: datetime, reason: str) -> None:
        """The caller gave up, or another console answered: the offer goes."""
        self._ringing.discard(handle)
        self._withdraw_offer(handle)
        self._offered.pop(handle, None)

    def _withdraw_offer(self, handle: int) -> None:
        offer = self.offers.pop(handle, None)
        if offer is not None:
            offer.close()
            offer.deleteLater()
        if not self.offers:
            self.ringtone.stop()
