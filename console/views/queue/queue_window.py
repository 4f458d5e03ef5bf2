"""The operator's first screen: the live queue of open alarms.

Keyboard first: T takes the selected alarm (or the most urgent new one), Return opens it in the
site window, V / D mark verification and dispatch, C closes with a disposition, R releases it;
Ctrl+F searches, Escape clears the filters, Ctrl+M mutes the tones for the shift. Above the table:
the supervisor's stall alert and the filter bar with the shift's live service level.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from console.domain.alarm import (
    Action,
    Alarm,
    AlarmState,
    CategoryChanged,
    Disposition,
    Operator,
    Role,
    TransitionError,
)
from console.domain.grouping import localized_title
from console.domain.outage import DatabaseUnavailable
from console.domain.service_level import life_safety_left_waiting, waiting_seconds
from console.domain.shift import TakeTimes
from console.domain.station import ComponentStatus
from console.services.alarm_desk import AlarmDesk
from console.views.background import Background
from console.views.category_words import category_label
from console.views.i18n import save_language
from console.views.queue.alarm_queue_model import ALARM_ROLE, AlarmQueueModel, format_age
from console.views.queue.alert_sound import AlertSound
from console.views.queue.close_dialog import Answer, CloseAlarmDialog
from console.views.queue.queue_filter import AlarmFilter, QueueFilterBar
from console.views.queue.queue_settings import read_queue_settings
from console.views.queue.queue_table import QueueTable
from console.views.queue.release_dialog import ask_release_reason
from console.views.queue.shift_panel import Fetch, ShiftPanel, ShiftWatch
from console.views.queue.stall_banner import StallBanner
from console.views.queue.station_indicators import RECEIVER_SILENCE_S as RECEIVER_SILENCE_S
from console.views.queue.station_indicators import StationIndicators
from console.views.refusals import refusal_text
from console.views.session_menu import add_help_menu, add_session_menu, window_action


class QueueWindow(QMainWindow):
    alarm_opened = Signal(object)  # Alarm: show it in the site window
    site_window_wanted = Signal()  # Return / double click / F2: the operator moves to the site window
    sign_out_requested = Signal()  # Console > Sign out: the workstation checks and journals it
    quit_requested = Signal()  # Console > Quit
    supervision_requested = (
        Signal()
    )  # Console > Supervision (Ctrl+Shift+S): the workstation opens it if allowed
    administration_requested = Signal()  # Console > Administration (Ctrl+Shift+A): likewise

    def __init__(
        self,
        model: AlarmQueueModel,
        desk: AlarmDesk,
        operator: Operator,
        lang: str = "en",
        sound: AlertSound | None = None,
        settings: QSettings | None = None,
        shift_source: Fetch | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("queue_window")
        self.setWindowTitle(self.tr("Vigie — Alarm queue — %1").replace("%1", operator.display_name))
        self.model = model
        self._desk = desk
        self._writes = Background("queue_writes", self)
        self._operator = operator
        self._lang = lang
        self._settings = settings
        self._sound = sound or AlertSound(self)
        config = read_queue_settings(settings)
        self._min_comment_words = config.min_comment_words
        self._supervises = operator.role in (Role.SUPERVISOR, Role.ADMIN)
        model.set_viewer(operator.id, self._supervises, config.stall_after_s)

        self.station = StationIndicators(self)
        self.banner = self.station.banner
        self.stall_banner = StallBanner()

        self.table = QueueTable(model)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.proxy = self.table.proxy
        self.filter_bar = QueueFilterBar(model, operator.id, lang)
        self.filter_bar.filter_changed.connect(self._on_filter_changed)
        self.filter_bar.choice_made.connect(self.table_focus)
        self.filter_bar.leave_down.connect(self.table_focus)
        self.shift_panel = ShiftPanel(model.targets, config.share_targets, lang=lang)
        self.filter_bar.add_trailing(self.shift_panel)
        self.shift_watch = ShiftWatch(
            shift_source or self._open_alarm_times, model.targets, config.shift_starts, model.now, parent=self
        )
        self.shift_watch.share_ready.connect(self.shift_panel.show_share)
        self.shift_watch.shift_started.connect(self._on_shift_started)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stall_banner)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table)
        self.setCentralWidget(central)

        self.status_label = QLabel()
        self.tones_label = QLabel()
        self.tones_label.setObjectName("tones_status")
        self.receiver_label = self.station.receiver_label
        self.phone_label = self.station.phone_label
        self.database_label = self.station.database_label
        for label in (
            self.status_label,
            self.tones_label,
            self.receiver_label,
            self.phone_label,
            self.database_label,
        ):
            self.statusBar().addPermanentWidget(label)
        self.take_confirmation: QMessageBox | None = None
        self._headset: object | None = None  # the running HeadsetBridge: device changes apply at once
        self._build_actions()
        model.alarm_arrived.connect(self._on_alarm_arrived)
        # A batch of changes emits a signal per row: count once, after the batch.
        self._counts_timer = QTimer(self)
        self._counts_timer.setObjectName("queue_counts_after_batch")
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(0)
        self._counts_timer.timeout.connect(self._update_counts)
        for changed in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            changed.connect(self._counts_timer.start)
        for rows in (model, self.proxy):
            for shown in (rows.modelReset, rows.rowsInserted, rows.rowsRemoved):
                shown.connect(self._select_first_if_none)
        self._clock_timer = QTimer(self)
        self._clock_timer.setObjectName("queue_waiting_clocks")
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self._on_clock_tick)
        self._clock_timer.start()
        model.destroyed.connect(self._on_model_destroyed)
        self._update_counts()
        self._on_tones_muted(False)
        self.set_database_status(True, "")
        self.table.setFocus()  # keyboard first: T, V, D... act on the queue, not on the search field

    # --- actions ----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        toolbar = self.addToolBar(self.tr("Alarm"))
        toolbar.setObjectName("alarm_toolbar")
        menu = self.menuBar().addMenu(self.tr("&Alarm"))
        specs: list[tuple[str, str, str, Callable[[], None]]] = [
            ("take", self.tr("Take"), "T", self.take_selected),
            ("open", self.tr("Open"), "Return", self.open_selected),
            ("verify", self.tr("Verify"), "V", lambda: self._act_on_selected(Action.VERIFY)),
            ("dispatch", self.tr("Dispatched"), "D", lambda: self._act_on_selected(Action.DISPATCH)),
            ("close", self.tr("Close…"), "C", self.close_selected),
            ("release", self.tr("Release"), "R", self.release_selected),
        ]
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, key, slot in specs:
            action = self._action(name, text, key, slot)
            toolbar.addAction(action)
            menu.addAction(action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(
            self._action("search", self.tr("Search…"), "Ctrl+F", self.filter_bar.focus_search)
        )
        view_menu.addAction(
            self._action("clear_filters", self.tr("Clear filters"), "Escape", self.clear_filters)
        )
        mute = self._action("mute", self.tr("Mute tones"), "Ctrl+M")
        mute.setCheckable(True)
        mute.toggled.connect(self._on_tones_muted)
        toolbar.addSeparator()
        toolbar.addAction(mute)
        view_menu.addAction(mute)
        self._build_language_menu(view_menu.addMenu(self.tr("&Language")))
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        phone_settings = QAction(self.tr("Telephone…"), self)
        phone_settings.setObjectName("action_phone_settings")
        phone_settings.setEnabled(self._settings is not None)  # nowhere to keep them otherwise
        phone_settings.triggered.connect(self.open_phone_settings)
        settings_menu.addAction(phone_settings)
        self.actions_by_name["phone_settings"] = phone_settings
        view_menu.addAction(
            self._action("site_window", self.tr("Go to the site window"), "F2", self.site_window_wanted.emit)
        )
        self.actions_by_name.update(
            add_session_menu(
                self,
                self.sign_out_requested.emit,
                self.quit_requested.emit,
                self.supervision_requested.emit,
                self.administration_requested.emit,
            )
        )
        self.actions_by_name["shortcuts"] = add_help_menu(self)

    def _build_language_menu(self, menu: QMenu) -> None:
        """Each language named in itself, so an operator lost in the other one still finds theirs."""
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("fr", "Français"), ("en", "English")):
            action = QAction(name, self)
            action.setObjectName(f"action_language_{code}")
            action.setCheckable(True)
            action.setChecked(code == self._lang)
            action.setData(code)
            action.setEnabled(self._settings is not None)  # nowhere to remember it otherwise
            group.addAction(action)
            menu.addAction(action)
            self.language_actions[code] = action
        group.triggered.connect(self._on_language_chosen)

    @Slot(QAction)
    def _on_language_chosen(self, action: QAction) -> None:
        """Saved for the next start: every window, model and journal label is built in one language."""
        lang = str(action.data())
        if self._settings is None:
            return
        save_language(self._settings, lang)
        if lang == self._lang:
            self._report(self.tr("The console is already in this language."))
        else:
            self._report(self.tr("The language will change at the next start of the console."))

    def set_headset(self, headset: object | None) -> None:
        """The running headset bridge, so that Settings > Telephone switches its devices at once."""
        self._headset = headset

    @Slot()
    def open_phone_settings(self) -> QDialog | None:
        """Settings > Telephone… (any role: it is this workstation's equipment, not the station's policy)."""
        if self._settings is None:
            return None
        from console.views.phone.phone_settings import PhoneSettingsDialog  # loads pjsua2: only when asked

        dialog = PhoneSettingsDialog(self._settings, headset=self._headset, parent=self)
        dialog.setModal(True)
        dialog.saved.connect(lambda _config: self._on_phone_settings_saved(dialog.devices_applied))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _on_phone_settings_saved(self, devices_applied: bool) -> None:
        if devices_applied:
            self._report(
                self.tr("Headset devices changed; the other telephone settings apply at the next start.")
            )
        else:
            self._report(self.tr("Telephone settings saved; they apply at the next start of the console."))

    def _action(self, name: str, text: str, key: str, slot: Callable[[], None] | None = None) -> QAction:
        action = window_action(self, name, text, key, slot)
        action.setToolTip(f"{text} ({QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)})")
        self.actions_by_name[name] = action
        return action

    def selected_alarm(self) -> Alarm | None:
        return self.table.selected_alarm()

    def select_alarm(self, alarm_id: int) -> bool:
        """Select the alarm's row; False when it is not in the queue or the filter hides it."""
        return self.table.select_alarm(alarm_id)

    @Slot()
    def take_selected(self) -> None:
        """Take the most urgent new alarm, or the row the operator deliberately chose.

        The console's own selection never decides: a fire arriving above the row selected at start
        is the one T takes. An alarm someone else holds is refused, naming them (one operator per
        site); taking one while a more urgent life-safety alarm waits past its target is asked first.
        """
        alarm = self.selected_alarm()
        if alarm is not None and alarm.operator_id not in (None, self._operator.id):
            self._report(
                self.tr("%1 is already handled by %2.")
                .replace("%1", alarm.site_code or alarm.account)
                .replace("%2", alarm.operator_login or "?")
            )
            return
        if alarm is None or alarm.state is not AlarmState.NEW or not self.table.deliberate:
            alarm = self.table.first_shown(lambda a: a.state is AlarmState.NEW)
        if alarm is None:
            self._report(self.tr("No new alarm to take."))
            return
        waiting = life_safety_left_waiting(alarm, self.model.alarms(), self.model.now(), self.model.targets)
        if waiting is None:
            self.take_alarm(alarm)
        else:
            self._confirm_take(alarm, waiting)

    def take_alarm(self, alarm: Alarm) -> None:
        """Take this alarm (the screenshot tool picks one; T goes through take_selected)."""
        desk, operator = self._desk, self._operator
        self._run(lambda: desk.take(alarm.id, operator), self._on_taken)

    def _on_taken(self, taken: Alarm) -> None:
        self.select_alarm(taken.id)
        self.alarm_opened.emit(taken)

    def _confirm_take(self, chosen: Alarm, waiting: Alarm) -> QMessageBox:
        """Ask before leaving a life-safety alarm waiting past its target; the default takes it."""
        box = QMessageBox(self)
        box.setObjectName("take_confirmation")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Life-safety alarm waiting"))
        box.setText(
            self.tr("%1 — %2 (%3) has waited %4, longer than its %5 s target.")
            .replace("%1", waiting.site_code or waiting.account)
            .replace("%2", waiting.site_name)
            .replace("%3", localized_title(waiting, self._lang))
            .replace("%4", format_age(waiting_seconds(waiting, self.model.now())))
            .replace("%5", f"{self.model.targets.take_within_s:g}")
        )
        box.setInformativeText(
            self.tr("Take it instead of %1 — %2?")
            .replace("%1", chosen.site_code or chosen.account)
            .replace("%2", localized_title(chosen, self._lang))
        )
        take_waiting = box.addButton(
            self.tr("&Take %1").replace("%1", waiting.site_code or waiting.account),
            QMessageBox.ButtonRole.AcceptRole,
        )
        take_chosen = box.addButton(
            self.tr("Take %1 &anyway").replace("%1", chosen.site_code or chosen.account),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(take_waiting)
        box.setEscapeButton(cancel)
        take_waiting.setObjectName("take_waiting")
        take_chosen.setObjectName("take_chosen")

        def answered(button: object) -> None:
            if button is take_waiting:
                self.take_alarm(waiting)
            elif button is take_chosen:
                self.take_alarm(chosen)
            else:
                self._report(self.tr("Nothing taken."))

        box.buttonClicked.connect(answered)
        box.finished.connect(box.deleteLater)
        self.take_confirmation = box  # the question open now (tests answer it)
        box.open()
        return box

    @Slot()
    def open_selected(self) -> None:
        """Show the alarm on the site window and go there (T only shows it: the queue keeps the keys)."""
        alarm = self.selected_alarm()
        if alarm is not None:
            self.alarm_opened.emit(alarm)
            self.site_window_wanted.emit()

    @Slot()
    def close_selected(self) -> None:
        alarm = self.selected_alarm()
        if alarm is None:
            self._report(self.tr("Select an alarm to close."))
            return
        self.close_alarm(alarm)

    def close_alarm(self, alarm: Alarm, parent: QWidget | None = None) -> CloseAlarmDialog:
        """Ask for the disposition and comment, then close; `parent` is the window the operator is in
        (the site window when C was pressed there), so the dialog opens where the keyboard is."""

        desk, operator = self._desk, self._operator

        def submit(disposition: Disposition, comment: str, skip_reason: str, answer: Answer) -> None:
            def closed(alarm_closed: Alarm) -> None:
                self.model.apply([alarm_closed])
                answer(None)

            def refused(exc: Exception) -> None:
                if isinstance(exc, CategoryChanged):
                    answer(
                        self.tr(
                            "The alarm became %2 (it was %1) while you were closing it: follow its procedure first."
                        )
                        .replace("%1", category_label(exc.shown))
                        .replace("%2", category_label(exc.current))
                    )
                elif isinstance(exc, TransitionError):
                    answer(refusal_text(exc))
                elif isinstance(exc, DatabaseUnavailable):
                    self.set_database_status(False, str(exc))
                    answer(str(exc))
                else:  # a bug, logged as a fault by the worker
                    answer(self.tr("Not recorded (the fault is logged): try again."))

            self._writes.run(
                lambda: desk.close(
                    alarm.id,
                    operator,
                    disposition,
                    comment,
                    skip_reason or None,
                    shown_category=alarm.category,
                ),
                closed,
                refused,
            )

        dialog = CloseAlarmDialog(
            alarm, self._lang, parent or self, submit=submit, min_comment_words=self._min_comment_words
        )
        dialog.setModal(True)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    @Slot()
    def clear_filters(self) -> None:
        self.filter_bar.clear()
        self.table_focus()

    @Slot()
    def table_focus(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def release_selected(self) -> None:
        """R: back to the queue; a supervisor releasing another operator's alarm gives a reason."""
        alarm = self.selected_alarm()
        desk, operator = self._desk, self._operator
        if alarm is not None and alarm.operator_id not in (None, self._operator.id) and self._supervises:
            self.release_reason = ask_release_reason(
                self,
                alarm,
                lambda reason: self._run(
                    lambda: desk.act(alarm.id, Action.RELEASE, operator, comment=reason)
                ),
            )
            return
        self._act_on_selected(Action.RELEASE)

    def _act_on_selected(self, action: Action) -> None:
        alarm = self.selected_alarm()
        if alarm is None:
            self._report(self.tr("Select an alarm first."))
            return
        desk, operator = self._desk, self._operator
        self._run(lambda: desk.act(alarm.id, action, operator))

    def _run(self, operation: Callable[[], Alarm], then: Callable[[Alarm], None] | None = None) -> None:
        """Run a desk operation on the window's worker (SQLite may hold its lock for seconds, and in
        single-workstation mode this thread also ACKs the receiver's frames); refusals then show in
        the status bar, outages in the banner. One at a time: a key pressed meanwhile is refused."""
        if self._writes.pending:
            self._report(self.tr("The previous action is still being recorded."))
            return

        def done(alarm: Alarm) -> None:
            self.model.apply([alarm])
            self.shift_watch.refresh()  # a take changes the shift's figures: show them now
            self.statusBar().showMessage(
                f"{alarm.site_code} — {localized_title(alarm, self._lang)}: {self.model.state_label(alarm.state)}",
                5000,
            )
            if then is not None:
                then(alarm)

        def failed(exc: Exception) -> None:
            if isinstance(exc, TransitionError):
                self._report(refusal_text(exc))
            elif isinstance(exc, DatabaseUnavailable):
                self.set_database_status(False, str(exc))
            else:  # a bug, logged as a fault by the worker
                self._report(self.tr("Not recorded (the fault is logged): try again."))

        self._writes.run(operation, done, failed)

    def finish_writes(self) -> None:
        """The console stops: the action under way is recorded, the window sends no more."""
        self._writes.stop()

    @property
    def writing(self) -> bool:
        """An action was sent to the database and is not answered yet."""
        return self._writes.pending > 0

    def _report(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    # --- status -----------------------------------------------------------------------------

    @Slot(bool, str)
    def set_database_status(self, reachable: bool, message: str) -> None:
        self.station.set_database_status(reachable, message)

    @Slot(list)
    def set_station_status(self, statuses: list[ComponentStatus]) -> None:
        self.station.set_station_status(statuses)

    @Slot(int)
    def _on_alarm_arrived(self, alarm_id: int) -> None:
        alarm = self.model.alarm(alarm_id)
        if alarm is not None:
            self._sound.ring(alarm.priority, self.model.now())

    @Slot()
    def _on_clock_tick(self) -> None:
        """Every second: clocks and stall markers, the waiting alarms' reminder tone, the stall alert."""
        self.model.tick()
        self._sound.remind(self.model.most_urgent_waiting(), self.model.now())
        if self._supervises:
            self.stall_banner.show_stalled(self.model.stalled())

    @Slot(object)
    def _on_filter_changed(self, alarm_filter: AlarmFilter) -> None:
        self.table.set_filter(alarm_filter)
        self._update_counts()
        self.table.select_first_if_none()

    @Slot(object)
    def _on_shift_started(self, _shift: object) -> None:
        """A muted console must not stay muted into the next shift."""
        if self.actions_by_name["mute"].isChecked():
            self.actions_by_name["mute"].setChecked(False)
            self._report(self.tr("New shift: alarm tones are on again."))

    @Slot(bool)
    def _on_tones_muted(self, muted: bool) -> None:
        self._sound.set_muted(muted)
        self.tones_label.setText(self.tr("Tones muted") if muted else "")
        self.tones_label.setStyleSheet("color: #c62828; font-weight: bold;" if muted else "")

    @Slot()
    def _update_counts(self) -> None:
        alarms = self.model.alarms()
        new = sum(a.state is AlarmState.NEW for a in alarms)
        self.status_label.setText(
            self.tr("%1 open, %2 waiting").replace("%1", str(len(alarms))).replace("%2", str(new))
        )
        shown = self.table.model().rowCount()
        self.filter_bar.show_count(shown, len(alarms), self.proxy.filter.active)

    @Slot()
    def _select_first_if_none(self) -> None:
        self.table.settle_selection()

    def _open_alarm_times(self, _since: datetime, _changed_since: datetime | None) -> dict[int, TakeTimes]:
        """Without a database feed (tests, previews), the shift figures come from the queue's alarms."""
        return {a.id: TakeTimes(a.created_at, a.taken_at, a.closed_at) for a in self.model.alarms()}

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        alarm = index.data(ALARM_ROLE)
        if isinstance(alarm, Alarm):
            self.alarm_opened.emit(alarm)
            self.site_window_wanted.emit()

    @Slot()
    def _on_model_destroyed(self) -> None:
        """The workstation went first (end of the session): nothing left to tick or count."""
        self._clock_timer.stop()
        self._counts_timer.stop()
        self.shift_watch.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shift_watch.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shift_watch.stop()  # no database read left running behind a closed window
        super().closeEvent(event)
