"""The operator's first screen: the live queue of open alarms.

Keyboard first: T takes the selected alarm (or the most urgent new one), Return opens it in the
site window, V / D mark verification and dispatch, C closes with a disposition, R releases it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.alarm import Action, Alarm, AlarmState, Disposition, Operator, TransitionError
from console.domain.grouping import localized_title
from console.domain.station import ComponentStatus
from console.services.alarm_desk import AlarmDesk
from console.storage.engine import DatabaseUnavailable
from console.views.alarm_queue_model import AlarmQueueModel, Column
from console.views.alert_sound import AlertSound
from console.views.close_dialog import CloseAlarmDialog


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark `text` for translation in `context`; it is translated where it is shown."""
    return text


RECEIVER_SILENCE_S = 20.0  # four missed heartbeats: the receiver (or its path to the database) is gone

SHORTCUTS: list[tuple[str, str]] = [
    ("T", QT_TRANSLATE_NOOP("QueueWindow", "Take the selected alarm, or the most urgent new one")),
    ("Return", QT_TRANSLATE_NOOP("QueueWindow", "Open the selected alarm in the site window")),
    ("V", QT_TRANSLATE_NOOP("QueueWindow", "Start verification (doubt removal)")),
    ("D", QT_TRANSLATE_NOOP("QueueWindow", "Mark as dispatched")),
    ("C", QT_TRANSLATE_NOOP("QueueWindow", "Close with a disposition and a comment")),
    ("R", QT_TRANSLATE_NOOP("QueueWindow", "Release the alarm back to the queue")),
    ("A", QT_TRANSLATE_NOOP("QueueWindow", "Site window: acknowledge the flashing tripped zones")),
    ("P", QT_TRANSLATE_NOOP("QueueWindow", "Site window: replay the alarm path on the plan")),
    ("F1", QT_TRANSLATE_NOOP("QueueWindow", "Show the keyboard shortcuts")),
]


class QueueWindow(QMainWindow):
    alarm_opened = Signal(object)  # Alarm: show it in the site window

    def __init__(
        self,
        model: AlarmQueueModel,
        desk: AlarmDesk,
        operator: Operator,
        lang: str = "en",
        sound: AlertSound | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("queue_window")
        self.setWindowTitle(self.tr("Vigie — Alarm queue — %1").replace("%1", operator.display_name))
        self.model = model
        self._desk = desk
        self._operator = operator
        self._lang = lang
        self._sound = sound or AlertSound(self)

        self.banner = QLabel()
        self.banner.setObjectName("database_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #b71c1c; color: white; padding: 6px; font-weight: bold;")
        self.banner.hide()

        self.table = QTableView()
        self.table.setObjectName("alarm_table")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (Column.PRIORITY, 150),
            (Column.AGE, 70),
            (Column.SITE, 90),
            (Column.NAME, 240),
        ):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._on_double_clicked)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.table)
        self.setCentralWidget(central)

        self.status_label = QLabel()
        self.receiver_label = QLabel()
        self.receiver_label.setObjectName("receiver_status")
        self.database_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().addPermanentWidget(self.receiver_label)
        self.statusBar().addPermanentWidget(self.database_label)
        self._build_actions()
        model.alarm_arrived.connect(self._on_alarm_arrived)
        # A batch of changes emits a signal per row: count once, after the batch.
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(0)
        self._counts_timer.timeout.connect(self._update_counts)
        for changed in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            changed.connect(self._counts_timer.start)
        model.modelReset.connect(self._select_first_if_none)
        model.rowsInserted.connect(self._select_first_if_none)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(model.tick)
        self._clock_timer.start()
        self._update_counts()
        self.set_database_status(True, "")

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
            ("release", self.tr("Release"), "R", lambda: self._act_on_selected(Action.RELEASE)),
        ]
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, key, slot in specs:
            action = QAction(text, self)
            action.setObjectName(f"action_{name}")
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(f"{text} ({key})")
            action.triggered.connect(slot)
            toolbar.addAction(action)
            menu.addAction(action)
            self.actions_by_name[name] = action
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        shortcuts = QAction(self.tr("Keyboard shortcuts"), self)
        shortcuts.setShortcut(QKeySequence("F1"))
        shortcuts.triggered.connect(self.show_shortcuts)
        help_menu.addAction(shortcuts)

    def selected_alarm(self) -> Alarm | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.alarm_at(rows[0].row()) if rows else None

    def select_alarm(self, alarm_id: int) -> None:
        row = self.model.row_of(alarm_id)
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    @Slot()
    def take_selected(self) -> None:
        alarm = self.selected_alarm()
        if alarm is None or alarm.state is not AlarmState.NEW:
            alarm = next((a for a in self.model.alarms() if a.state is AlarmState.NEW), None)
        if alarm is None:
            self._report(self.tr("No new alarm to take."))
            return
        taken = self._run(lambda: self._desk.take(alarm.id, self._operator))
        if taken is not None:
            self.select_alarm(taken.id)
            self.alarm_opened.emit(taken)

    @Slot()
    def open_selected(self) -> None:
        alarm = self.selected_alarm()
        if alarm is not None:
            self.alarm_opened.emit(alarm)

    @Slot()
    def close_selected(self) -> None:
        alarm = self.selected_alarm()
        if alarm is None:
            self._report(self.tr("Select an alarm to close."))
            return

        def submit(disposition: Disposition, comment: str, skip_reason: str) -> str | None:
            try:
                closed = self._desk.close(alarm.id, self._operator, disposition, comment, skip_reason or None)
            except TransitionError as exc:
                return str(exc)
            except DatabaseUnavailable as exc:
                self.set_database_status(False, str(exc))
                return str(exc)
            self.model.apply([closed])
            return None

        dialog = CloseAlarmDialog(alarm, self._lang, self, submit=submit)
        dialog.setModal(True)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _act_on_selected(self, action: Action) -> None:
        alarm = self.selected_alarm()
        if alarm is None:
            self._report(self.tr("Select an alarm first."))
            return
        self._run(lambda: self._desk.act(alarm.id, action, self._operator))

    def _run(self, operation: Callable[[], Alarm]) -> Alarm | None:
        """Run a desk operation; show refusals in the status bar and outages in the banner."""
        try:
            alarm = operation()
        except TransitionError as exc:
            self._report(str(exc))
            return None
        except DatabaseUnavailable as exc:
            self.set_database_status(False, str(exc))
            return None
        self.model.apply([alarm])
        self.statusBar().showMessage(
            f"{alarm.site_code} — {localized_title(alarm, self._lang)}: {self.model.state_label(alarm.state)}",
            5000,
        )
        return alarm

    def _report(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    @Slot()
    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td><b>{key}</b></td><td>{QCoreApplication.translate('QueueWindow', text)}</td></tr>"
            for key, text in SHORTCUTS
        )
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), f"<table cellpadding='4'>{rows}</table>")

    # --- status -----------------------------------------------------------------------------

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

    @Slot(int)
    def _on_alarm_arrived(self, _alarm_id: int) -> None:
        self._sound.ring()

    @Slot()
    def _update_counts(self) -> None:
        alarms = self.model.alarms()
        new = sum(a.state is AlarmState.NEW for a in alarms)
        self.status_label.setText(
            self.tr("%1 open, %2 waiting").replace("%1", str(len(alarms))).replace("%2", str(new))
        )

    @Slot()
    def _select_first_if_none(self) -> None:
        if not self.table.selectionModel().hasSelection() and self.model.rowCount() > 0:
            self.select_alarm(self.model.alarm_at(0).id)  # type: ignore[union-attr]

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        alarm = self.model.alarm_at(index.row())
        if alarm is not None:
            self.alarm_opened.emit(alarm)
