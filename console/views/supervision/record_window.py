"""A past alarm's whole record, read-only, opened from the history search.

What the supervisor audits when a customer or the police ask what happened: the site and the alarm
(who took it, when, how it ended), the plan with the alarm's path and its replay, the signals, the
journal, the calls with their recordings' fingerprints, and the dispatches. Nothing here can be
changed; a call's recording is played in the call audit (`call_audit_wanted`).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QAbstractItemModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain.alarm import Operator
from console.domain.alarm_path import is_trip
from console.domain.alarm_record import AlarmRecord
from console.domain.calls import CallRecord
from console.domain.grouping import localized_title
from console.domain.journal import action_label
from console.domain.journal_text import localized_detail
from console.domain.site import JournalEntry, SignalRecord
from console.services.alarm_records import AlarmRecords
from console.views.background import Background
from console.views.formatting import format_date_time, format_time
from console.views.site.dispatch_model import DispatchTableModel
from console.views.site.floor_plan import FloorPlanWidget, PathStep
from console.views.site.record_model import ColumnSpec, RecordTableModel


class AlarmRecordWindow(QMainWindow):
    call_audit_wanted = Signal(int, object)  # a call's id and its alarm's: play it in the call audit
    record_shown = Signal(int)  # the alarm id, once its record is drawn

    def __init__(
        self, records: AlarmRecords, operator: Operator, lang: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("alarm_record_window")
        self._records = records
        self._operator = operator
        self._lang = lang
        self._background = Background("alarm_record", self)
        self.record: AlarmRecord | None = None
        self.setWindowTitle(self.tr("Alarm record (read-only)"))
        self.header = QLabel()
        self.header.setObjectName("record_header")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setObjectName("record_message")
        self.message.setStyleSheet("color: #c62828;")
        self.message.hide()
        self.plan = FloorPlanWidget(lang=lang)
        self.replay_button = QPushButton(self.tr("&Replay the alarm path"))
        self.replay_button.clicked.connect(self.plan.replay)
        qualifiers = {
            "new": self.tr("alarm"),
            "restore": self.tr("restore"),
            "status": self.tr("still present"),
        }
        self.signals = RecordTableModel[SignalRecord](
            [
                ColumnSpec(self.tr("Time"), lambda s: format_time(s.received_at, lang)),
                ColumnSpec(self.tr("Code"), lambda s: s.event_code),
                ColumnSpec(self.tr("Event"), lambda s: s.label),
                ColumnSpec(self.tr("Zone"), lambda s: "" if s.zone is None else str(s.zone)),
                ColumnSpec(self.tr("Q"), lambda s: qualifiers.get(s.qualifier, s.qualifier)),
            ],
            self,
        )
        self.journal = RecordTableModel[JournalEntry](
            [
                ColumnSpec(self.tr("Time"), lambda e: format_date_time(e.at, lang)),
                ColumnSpec(self.tr("Operator"), lambda e: e.operator_login or self.tr("system")),
                ColumnSpec(self.tr("Action"), lambda e: action_label(e.action, lang)),
                ColumnSpec(self.tr("Detail"), lambda e: localized_detail(e.detail, lang)),
            ],
            self,
        )
        self.calls = RecordTableModel[CallRecord](
            [
                ColumnSpec(self.tr("Time"), lambda c: format_date_time(c.created_at, lang)),
                ColumnSpec(self.tr("Direction"), lambda c: c.direction.value),
                ColumnSpec(self.tr("Purpose"), lambda c: c.purpose.value),
                ColumnSpec(self.tr("Who"), lambda c: c.remote_uri),
                ColumnSpec(self.tr("Operator"), lambda c: c.operator_login or ""),
                ColumnSpec(self.tr("End"), lambda c: c.end_status.value if c.end_status else ""),
                ColumnSpec(self.tr("Recording"), self._recording_text),
            ],
            self,
        )
        self.dispatches = DispatchTableModel(parent=self, lang=lang)
        self.tabs = QTabWidget()
        self.signals_view = self._table(self.signals)
        self.journal_view = self._table(self.journal)
        self.calls_view = self._table(self.calls)
        self.calls_view.activated.connect(self._on_call_activated)
        self.dispatch_view = self._table(self.dispatches)
        for view, title in (
            (self.signals_view, self.tr("Signals")),
            (self.journal_view, self.tr("Journal")),
            (self.calls_view, self.tr("Calls")),
            (self.dispatch_view, self.tr("Dispatches")),
        ):
            self.tabs.addTab(view, title)
        self.play_button = QPushButton(self.tr("&Listen in the call audit"))
        self.play_button.setEnabled(False)
        self.play_button.clicked.connect(self._on_play_clicked)
        self.calls_view.selectionModel().currentRowChanged.connect(self._on_call_selected)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.plan, 1)
        row = QHBoxLayout()
        row.addWidget(self.replay_button)
        row.addStretch(1)
        row.addWidget(self.play_button)
        left_layout.addLayout(row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setSizes([700, 700])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.header)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.resize(1400, 850)

    @property
    def busy(self) -> bool:
        return self._background.pending > 0

    def open_alarm(self, alarm_id: int) -> None:
        """Read the alarm's record on the window's worker, then show it."""
        self.message.hide()
        loading = self.tr("Loading the record…")
        self.header.setText(f"<h2>{escape(loading)}</h2>")
        records, operator = self._records, self._operator
        self._background.run(
            lambda: records.record(operator, alarm_id),
            lambda record: self._on_loaded(alarm_id, record),
            self._on_failed,
        )

    def _on_loaded(self, alarm_id: int, record: AlarmRecord | None) -> None:
        if record is None:
            self._say(self.tr("No alarm %1 in the records.").replace("%1", str(alarm_id)))
            return
        self.show_record(record)

    def _on_failed(self, error: Exception) -> None:
        if isinstance(error, PermissionError):
            self._say(self.tr("Only supervisors and admins may open past alarms' records."))
        else:
            self._say(str(error))

    def _say(self, text: str) -> None:
        self.header.setText("")
        self.message.setText(text)
        self.message.show()

    def show_record(self, record: AlarmRecord) -> None:
        self.record = record
        alarm, site_file = record.alarm, record.site_file
        label = f"{alarm.site_code} {alarm.site_name}".strip() or alarm.account
        self.setWindowTitle(self.tr("Alarm record (read-only) — %1").replace("%1", label))
        facts = [
            self.tr("raised %1").replace("%1", format_date_time(alarm.created_at, self._lang)),
            self.tr("taken %1").replace("%1", format_date_time(alarm.taken_at, self._lang))
            if alarm.taken_at
            else "",
            self.tr("closed %1").replace("%1", format_date_time(alarm.closed_at, self._lang))
            if alarm.closed_at
            else "",
            self.tr("by %1").replace("%1", alarm.operator_login) if alarm.operator_login else "",
        ]
        ending = (
            f"{alarm.disposition.label(self._lang)}: {alarm.closing_comment or ''}"
            if alarm.disposition
            else ""
        )
        self.header.setText(
            f"<h2 style='margin:0'>{escape(label)} — {escape(localized_title(alarm, self._lang))}</h2>"
            f"<p style='margin:2px'>{escape(' · '.join(f for f in facts if f))}</p>"
            + (f"<p style='margin:2px'><i>{escape(ending)}</i></p>" if ending else "")
        )
        self.plan.set_site(site_file.plans if site_file else [], site_file.zones if site_file else [])
        self.plan.set_tripped(s.zone for s in record.signals if s.zone is not None and s.qualifier == "new")
        self.plan.acknowledge()  # a record does not flash: it is history
        self.plan.set_path(
            [
                PathStep(s.zone or 0, s.received_at)
                for s in record.signals
                if is_trip(s.category, s.qualifier, s.zone)
            ]
        )
        self.signals.set_records(list(record.signals))
        self.journal.set_records(list(record.journal))
        self.calls.set_records(list(record.calls))
        ended = alarm.closed_at
        self.dispatches.set_clock(lambda: ended or alarm.last_signal_at)
        self.dispatches.set_dispatches(list(record.dispatches))
        for view in (self.signals_view, self.journal_view, self.calls_view, self.dispatch_view):
            view.resizeColumnsToContents()
        self.play_button.setEnabled(False)
        self.record_shown.emit(alarm.id)

    def _recording_text(self, call: CallRecord) -> str:
        if not call.recording_path:
            return self.tr("none")
        fingerprint = (call.recording_sha256 or "")[:12]
        return self.tr("SHA-256 %1…").replace("%1", fingerprint) if fingerprint else self.tr("not final")

    def _table(self, model: QAbstractItemModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def selected_call(self) -> CallRecord | None:
        index = self.calls_view.currentIndex()
        records = self.calls.records()
        return records[index.row()] if index.isValid() and index.row() < len(records) else None

    @Slot()
    def _on_call_selected(self) -> None:
        call = self.selected_call()
        self.play_button.setEnabled(call is not None and bool(call.recording_path))

    @Slot()
    def _on_call_activated(self) -> None:
        self._on_play_clicked()

    @Slot()
    def _on_play_clicked(self) -> None:
        call = self.selected_call()
        if call is not None and call.recording_path:
            self.call_audit_wanted.emit(call.id, call.alarm_id)
