"""The site window's dispatch panel: who was sent for the alarm, and whether they are on time.

Keyboard first, like the queue: I requests a responder, S marks the selected (or only awaited)
one on site, E records its report, X cancels it with a reason. The forms open inside the panel
and stay open until the desk accepts the step; a refusal is shown next to the field it is about.
The panel reads and writes through a `DispatchDesk` given by `attach()`; until then it only shows.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.alarm import Alarm, Operator
from console.domain.dispatch import (
    Dispatch,
    DispatchError,
    DispatchKind,
    DispatchStatus,
    default_responder,
    responder_named,
)
from console.domain.outage import DatabaseUnavailable
from console.domain.site import Procedure
from console.services.dispatch_desk import DispatchDesk
from console.views.background import Background
from console.views.site.dispatch_model import Column, DispatchTableModel

_ERROR_STYLE = "color: #c62828;"
_NAME_WIDTH = 150  # px; longer names are elided (the tooltip has them whole)


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(_ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class _ClockDelegate(QStyledItemDelegate):
    """A late clock keeps its colour on the selected row: that is the row the operator looks at."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.data(Qt.ItemDataRole.BackgroundRole) is not None:
            option.state &= ~QStyle.StateFlag.State_Selected


class DispatchPanel(QWidget):
    def __init__(
        self, parent: QWidget | None = None, clock: Callable[[], datetime] | None = None, lang: str = "en"
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dispatch_panel")
        self._desk: DispatchDesk | None = None
        self._background = Background("dispatch_panel", self)
        self._writing = False
        self._site_guard_delay: int | None = None  # the shown alarm's site contract; None: the default
        self._operator: Operator | None = None
        self.alarm: Alarm | None = None
        self.proposed_kind: DispatchKind | None = None  # who the request form proposes
        self._named_by_procedure = False
        self._text_step = DispatchStatus.REPORTED  # which step the text form records
        self._text_target: int | None = None
        self.messages = {
            "provider_required": self.tr("Name who is sent (company or person)."),
            "report_required": self.tr("Write what the responder reported."),
            "reason_required": self.tr("Give the reason for cancelling."),
            "alarm_not_taken": self.tr("Take the alarm before requesting a dispatch."),
            "alarm_closed": self.tr("The alarm is closed."),
            "not_on_site": self.tr("Mark the responder on site before the report."),
            "already_on_site": self.tr("The responder is already on site."),
            "already_reported": self.tr("This dispatch is already reported."),
            "cancelled": self.tr("This dispatch was cancelled."),
            "in_future": self.tr("A time in the future cannot be recorded."),
            "stale": self.tr("Changed at another workstation meanwhile; try again."),
        }

        self.model = DispatchTableModel(clock, self, lang=lang)
        self.table = QTableView()
        self.table.setObjectName("dispatch_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        rows = 3  # an open form must not squeeze the clocks out of sight
        self.table.setMinimumHeight(
            self.table.horizontalHeader().sizeHint().height()
            + rows * self.table.verticalHeader().defaultSectionSize()
            + self.table.horizontalScrollBar().sizeHint().height()
            + 2 * self.table.frameWidth()
        )
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._clock_delegate = _ClockDelegate(self.table)
        for column in (Column.ELAPSED, Column.STATUS):
            self.table.setItemDelegateForColumn(column, self._clock_delegate)
        self.error = _error_label()
        self.error.setObjectName("dispatch_error")

        self.actions_by_name: dict[str, QAction] = {}
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        specs: list[tuple[str, str, str, Callable[[], None]]] = [
            ("request", self.tr("Request…"), "I", self.open_request_form),
            ("on_site", self.tr("On site"), "S", self.mark_on_site),
            ("report", self.tr("Report…"), "E", self.open_report_form),
            ("cancel", self.tr("Cancel…"), "X", self.open_cancel_form),
        ]
        for name, text, key, slot in specs:
            action = QAction(text, self)
            action.setObjectName(f"action_dispatch_{name}")
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(f"{text} ({key})")
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_name[name] = action
            button = QPushButton(f"{text} ({key})")
            button.setObjectName(f"dispatch_{name}_button")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.forms = QStackedWidget()
        self.forms.addWidget(self._build_request_form())
        self.forms.addWidget(self._build_text_form())
        self.forms.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(self.forms)
        escape = QShortcut(QKeySequence("Escape"), self.forms)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_form)

        self._timer = QTimer(self)
        self._timer.setObjectName("dispatch_clocks_tick")
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._on_tick)
        self._timer.start()
        self._update_actions()

    # --- forms ------------------------------------------------------------------------------

    def _build_request_form(self) -> QWidget:
        page = QWidget()
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("dispatch_kind")
        for kind in DispatchKind:
            self.kind_box.addItem(self.model.kind_labels[kind], kind.value)
        self.kind_box.currentIndexChanged.connect(self._on_kind_changed)
        self.provider_edit = QLineEdit()
        self.provider_edit.setObjectName("dispatch_provider")
        self.provider_edit.setPlaceholderText(self.tr("Company or person sent"))
        self.provider_error = _error_label()
        self.reference_edit = QLineEdit()
        self.reference_edit.setObjectName("dispatch_reference")
        self.reference_edit.setPlaceholderText(self.tr("Their mission or incident number"))
        self.delay_label = QLabel()
        self.delay_label.setObjectName("dispatch_agreed_delay")
        self.request_error = _error_label()
        send = QPushButton(self.tr("Send (Return)"))
        send.clicked.connect(self.submit_request)
        back = QPushButton(self.tr("Back (Esc)"))
        back.clicked.connect(self.close_form)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_box)
        kind_row.addWidget(self.delay_label, 1)
        reference_row = QHBoxLayout()
        reference_row.addWidget(self.reference_edit, 1)
        reference_row.addWidget(send)
        reference_row.addWidget(back)
        form = QFormLayout(page)  # compact: the table above keeps its rows in view
        form.setContentsMargins(0, 4, 0, 0)
        kind_label = QLabel(self.tr("&Responder"))
        kind_label.setBuddy(self.kind_box)  # a layout in the field: the mnemonic needs its buddy
        form.addRow(kind_label, kind_row)
        form.addRow(self.tr("&Name"), self.provider_edit)
        form.addRow(self.provider_error)
        reference_label = QLabel(self.tr("Re&ference"))
        reference_label.setBuddy(self.reference_edit)  # Alt+F reaches the field inside the row's layout
        form.addRow(reference_label, reference_row)
        form.addRow(self.request_error)
        for keys in ("Return", "Enter"):
            shortcut = QShortcut(QKeySequence(keys), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit_request)
        return page

    def _build_text_form(self) -> QWidget:
        page = QWidget()
        self.text_title = QLabel()
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("dispatch_text")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMaximumHeight(90)
        self.text_error = _error_label()
        record = QPushButton(self.tr("Record (Ctrl+Return)"))
        record.clicked.connect(self.submit_text)
        back = QPushButton(self.tr("Back (Esc)"))
        back.clicked.connect(self.close_form)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.text_title)
        layout.addWidget(self.text_edit)
        layout.addWidget(self.text_error)
        layout.addLayout(self._row(record, back))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit_text)
        return page

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    # --- wiring -----------------------------------------------------------------------------

    @property
    def attached(self) -> bool:
        """A DispatchDesk is there to act on (not in a bare site window)."""
        return self._desk is not None

    def attach(
        self, desk: DispatchDesk, operator: Operator, clock: Callable[[], datetime] | None = None
    ) -> None:
        """Act through `desk` as `operator`; the clocks follow the desk's unless told otherwise."""
        self._desk = desk
        self._operator = operator
        self.model.set_clock(clock or desk.now)
        self.reload()

    def set_alarm(
        self,
        alarm: Alarm | None,
        procedure: Procedure | None = None,
        done_steps: Collection[int] = (),
        dispatches: Sequence[Dispatch] | None = None,
        site_guard_delay_min: int | None = None,
    ) -> None:
        """Show this alarm's dispatches (the site window calls it whenever the alarm changes, with the
        dispatches and the site's guard delay read with the rest of its record); the site's procedure
        for it says who the request form proposes to send. Without `dispatches`, they are read."""
        if alarm is None or self.alarm is None or alarm.id != self.alarm.id:
            self.close_form()
            self.model.set_dispatches([])
        self.alarm = alarm
        steps = [(step.id, step.text) for step in procedure.steps] if procedure is not None else []
        self.proposed_kind = default_responder(alarm.category.value, steps, done_steps) if alarm else None
        self._named_by_procedure = any(responder_named(text) is not None for _id, text in steps)
        if dispatches is None:
            self.reload()
        else:
            self._site_guard_delay = site_guard_delay_min
            self._show_dispatches(dispatches)

    def reload(self) -> None:
        """Read the alarm's dispatches and its site's guard delay on the panel's worker."""
        desk, alarm = self._desk, self.alarm
        if desk is None or alarm is None:
            self._show_dispatches([])
            return
        self._background.run(
            lambda: (alarm.id, desk.for_alarm(alarm.id), desk.site_guard_delay(alarm.site_id)),
            self._on_reloaded,
            lambda exc: self._show_error(self.error, str(exc)),
        )

    def _on_reloaded(self, result: tuple[int, list[Dispatch], int | None]) -> None:
        alarm_id, dispatches, site_delay = result
        if self.alarm is None or self.alarm.id != alarm_id:  # another alarm came meanwhile
            return
        self._site_guard_delay = site_delay
        self._show_dispatches(dispatches)
        self._on_kind_changed()

    def _show_dispatches(self, dispatches: Sequence[Dispatch]) -> None:
        self.model.set_dispatches(dispatches)
        self.table.resizeColumnsToContents()
        for column in (Column.KIND, Column.PROVIDER, Column.REFERENCE):  # elided: the clock must show
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), _NAME_WIDTH))
        self._update_actions()

    # --- actions ----------------------------------------------------------------------------

    def target(self) -> Dispatch | None:
        """The selected dispatch, else the only one still open."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return self.model.dispatch_at(rows[0].row())
        still_open = [d for d in self.model.dispatches() if d.is_open]
        return still_open[0] if len(still_open) == 1 else None

    @Slot()
    def open_request_form(self) -> None:
        if self._desk is None or self.alarm is None:
            return
        self.provider_edit.clear()
        self.reference_edit.clear()
        for label in (self.provider_error, self.request_error):
            label.hide()
        if self.proposed_kind is not None:  # who the procedure names, not the last one sent
            self.kind_box.setCurrentIndex(self.kind_box.findData(self.proposed_kind.value))
        self._on_kind_changed()
        self.forms.setCurrentIndex(0)
        self.forms.show()
        self._update_actions()
        # The procedure said who to send: straight to their name; a guess from the category is checked first.
        (self.provider_edit if self._named_by_procedure else self.kind_box).setFocus()

    @Slot()
    def submit_request(self) -> None:
        if self._desk is None or self._operator is None or self.alarm is None:
            return
        kind = DispatchKind(self.kind_box.currentData())
        desk, operator, alarm_id = self._desk, self._operator, self.alarm.id
        provider, reference = self.provider_edit.text(), self.reference_edit.text()
        self._run(
            lambda: desk.request(alarm_id, kind, operator, provider=provider, reference=reference),
            {"provider": self.provider_error},
            self.request_error,
        )

    @Slot()
    def mark_on_site(self) -> None:
        dispatch = self._target_or_say()
        if dispatch is None or self._desk is None or self._operator is None:
            return
        desk, operator = self._desk, self._operator
        self._run(lambda: desk.on_site(dispatch.id, operator), {}, self.error)

    @Slot()
    def open_report_form(self) -> None:
        self._open_text_form(
            DispatchStatus.REPORTED, self.tr("Report of %1 (what they found, what they did)")
        )

    @Slot()
    def open_cancel_form(self) -> None:
        self._open_text_form(DispatchStatus.CANCELLED, self.tr("Reason for cancelling %1"))

    def _open_text_form(self, step: DispatchStatus, title: str) -> None:
        dispatch = self._target_or_say()
        if dispatch is None:
            return
        self._text_step = step
        self._text_target = dispatch.id
        who = f"{self.model.kind_labels[dispatch.kind]} {dispatch.provider}".strip()
        self.text_title.setText(title.replace("%1", who))
        self.text_edit.clear()
        self.text_error.hide()
        self.forms.setCurrentIndex(1)
        self.forms.show()
        self._update_actions()
        self.text_edit.setFocus()

    @Slot()
    def submit_text(self) -> None:
        if self._desk is None or self._operator is None or self._text_target is None:
            return
        desk, operator, dispatch_id = self._desk, self._operator, self._text_target
        text = self.text_edit.toPlainText()
        reporting = self._text_step is DispatchStatus.REPORTED

        def operation() -> Dispatch:
            if reporting:
                return desk.report(dispatch_id, text, operator)
            return desk.cancel(dispatch_id, text, operator)

        self._run(operation, {"report": self.text_error, "reason": self.text_error}, self.text_error)

    @Slot()
    def close_form(self) -> None:
        had_focus = self.forms.isVisible() and self.forms.isAncestorOf(self.focusWidget())
        self.forms.hide()
        self._update_actions()
        if had_focus:
            self.table.setFocus()

    # --- internals --------------------------------------------------------------------------

    def _run(self, operation: Callable[[], Dispatch], fields: dict[str, QLabel], general: QLabel) -> None:
        """Run a desk step on the worker; a refusal goes next to its field (or under the form), an
        outage above; the panel takes no other step until this one is answered."""
        if self._writing:  # a second Return while the first request is on its way
            return
        for label in (*fields.values(), general, self.error):
            label.hide()
        self._writing = True
        self._update_actions()

        def failed(exc: Exception) -> None:
            self._writing = False
            self._update_actions()
            if isinstance(exc, DispatchError):
                self._show_error(fields.get(exc.field or "", general), self.messages.get(exc.code, str(exc)))
            elif isinstance(exc, DatabaseUnavailable):
                self._show_error(self.error, str(exc))
            else:  # a bug, logged as a fault by the worker
                self._show_error(general, self.tr("This step failed (the fault is logged): try again."))

        self._background.run(operation, self._finish, failed)

    @property
    def writing(self) -> bool:
        """A step was sent and is not answered yet."""
        return self._writing

    @property
    def busy(self) -> bool:
        """A step or a read is on the panel's worker."""
        return self._background.pending > 0

    def _finish(self, dispatch: Dispatch) -> None:
        self._writing = False
        self.close_form()
        rows = self.model.dispatches()
        if self.alarm is not None and dispatch.alarm_id == self.alarm.id:
            known = self.model.row_of(dispatch.id)
            if known is None:
                rows.append(dispatch)
            else:
                rows[known] = dispatch
            self._show_dispatches(rows)
        row = self.model.row_of(dispatch.id)
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.table.setFocus()

    def _target_or_say(self) -> Dispatch | None:
        dispatch = self.target()
        if dispatch is None:
            self._show_error(self.error, self.tr("Select a dispatch first."))
        return dispatch

    @staticmethod
    def _show_error(label: QLabel, message: str) -> None:
        label.setText(message)
        label.show()

    def _update_actions(self) -> None:
        """Steps that make sense for the target; none while a form is open (its letters are typing)."""
        idle = (
            self._desk is not None and self.alarm is not None and self.forms.isHidden() and not self._writing
        )
        dispatch = self.target() if idle else None
        status = dispatch.status if dispatch else None
        self.actions_by_name["request"].setEnabled(idle and self.alarm is not None and self.alarm.is_open)
        self.actions_by_name["on_site"].setEnabled(status is DispatchStatus.REQUESTED)
        self.actions_by_name["report"].setEnabled(status is DispatchStatus.ON_SITE)
        self.actions_by_name["cancel"].setEnabled(dispatch is not None and dispatch.is_open)

    @Slot()
    def _on_kind_changed(self) -> None:
        kind = DispatchKind(self.kind_box.currentData())
        minutes = None
        if self._desk is not None and self.alarm is not None:
            minutes = self._desk.agreed_delay_given(kind, self._site_guard_delay)
        if minutes:
            self.delay_label.setText(self.tr("Agreed delay: %1 min").replace("%1", str(minutes)))
        else:
            self.delay_label.setText(self.tr("No agreed delay: the elapsed time is shown"))
        self.provider_edit.setPlaceholderText(
            self.tr("Company or person sent") if kind.needs_provider else self.tr("Optional: unit or station")
        )

    @Slot()
    def _on_selection_changed(self) -> None:
        self.error.hide()
        self._update_actions()

    @Slot()
    def _on_tick(self) -> None:
        self.model.tick()
