"""The supervision window's history search: the filter form, the lazy results table, the CSV export.

Each field has its message label beside it: a bad value is said there, in the supervisor's
language, and nothing is searched until every field is good. Fields that mean nothing for the
kind chosen (a zone for a call) are greyed out. Opening a result (double-click or Return) asks
for the whole alarm record: `alarm_record_wanted(alarm_id)`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.alarm import Operator
from console.domain.history import (
    APPLIES,
    FIELDS,
    Cursor,
    FilterProblem,
    HistoryKind,
    HistoryQuery,
    parse_history_query,
)
from console.domain.outage import DatabaseUnavailable
from console.services.authority import AuditRefused
from console.services.history import HistorySearch, ResultPage
from console.views.background import Background
from console.views.supervision.history_model import HistoryTableModel

log = logging.getLogger(__name__)
_TEXT_FIELDS = FIELDS[1:]  # every field but the kind is typed


class HistoryPage(QWidget):
    alarm_record_wanted = Signal(int)
    export_finished = Signal(int, str)  # rows written (-1: failed), message

    def __init__(
        self,
        search: HistorySearch,
        operator: Operator,
        lang: str = "en",
        parent: QWidget | None = None,
        page_size: int = 200,
    ) -> None:
        super().__init__(parent)
        self._page_size = page_size
        self._search = search
        self._operator = operator
        self._exporter = Background("history_export", self)
        self.model = HistoryTableModel(self._page, lang, self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("history_kind")
        for kind, title in (
            (HistoryKind.ALARMS, self.tr("Alarms")),
            (HistoryKind.SIGNALS, self.tr("Signals")),
            (HistoryKind.CALLS, self.tr("Calls")),
            (HistoryKind.JOURNAL, self.tr("Journal")),
        ):
            self.kind.addItem(title, kind.value)
        self.fields: dict[str, QLineEdit] = {}
        self.problems: dict[str, QLabel] = {}
        form = QGridLayout()
        labels = self._labels()
        placeholders = self._placeholders()
        form.addWidget(QLabel(labels["kind"], self), 0, 0)
        form.addWidget(self.kind, 0, 1)
        self.problems["kind"] = self._problem_label("kind")
        form.addWidget(self.problems["kind"], 0, 2)
        for n, name in enumerate(_TEXT_FIELDS):  # two by two: from and to, site and account, ...
            row, pair = divmod(n, 2)
            row += 1
            edit = QLineEdit(self)
            edit.setObjectName(f"history_{name}")
            edit.setPlaceholderText(placeholders[name])
            edit.returnPressed.connect(self.search)
            label = QLabel(labels[name], self)
            label.setBuddy(edit)
            self.fields[name] = edit
            self.problems[name] = self._problem_label(name)
            form.addWidget(label, row, pair * 3)
            form.addWidget(edit, row, pair * 3 + 1)
            form.addWidget(self.problems[name], row, pair * 3 + 2)
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.setObjectName("history_search")
        self.search_button.clicked.connect(self.search)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setObjectName("history_export")
        self.export_button.clicked.connect(self._on_export_clicked)
        self.status = QLabel(self)
        self.status.setObjectName("history_status")
        buttons = QHBoxLayout()
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.status, 1)
        self.table = QTableView(self)
        self.table.setObjectName("history_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setSortingEnabled(True)  # the model asks the database again (no search yet: nothing)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.activated.connect(self._on_activated)  # Return, and a double-click
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.model.page_loaded.connect(self._on_page_loaded)
        self.model.search_failed.connect(self._on_search_failed)
        self.model.modelReset.connect(self._on_model_reset)
        self._on_kind_changed()

    def title(self) -> str:
        return self.tr("History")

    # --- what the supervisor does -------------------------------------------------------------
    def set_filters(self, fields: dict[str, str]) -> None:
        """Fill the form from a search described as texts (another page's request), then search."""
        kind = self.kind.findData(fields.get("kind", "alarms"))
        self.kind.setCurrentIndex(max(kind, 0))
        for name, edit in self.fields.items():
            edit.setText(fields.get(name, ""))
        self.search()

    @Slot()
    def search(self) -> bool:
        """Check the form; search when every field is good (True), else show each message (False)."""
        query, problems = parse_history_query(self._form())
        self._show_problems(problems)
        if query is None:
            self.status.setText(self.tr("Correct the fields marked in red."))
            return False
        self.status.setText(self.tr("Searching…"))
        self.model.start(query)  # newest first; the header then shows that order
        return True

    def export_csv(self, path: Path) -> None:
        """Export every result of the current form's search to `path`, on a worker; `export_finished` tells."""
        query, problems = parse_history_query(self._form())
        self._show_problems(problems)
        if query is None:
            return
        if self.model.query is not None and self.model.query.kind is query.kind:
            query = query.sorted_by(self.model.query.sort, self.model.query.descending)  # as shown
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        search, operator = self._search, self._operator
        self._exporter.run(
            lambda: search.export_csv(operator, query, path),
            lambda count: self._on_export_done(count, None),
            lambda exc: self._on_export_done(None, exc),
            expected=(OSError,),
        )

    def stop(self) -> None:
        self.model.stop()
        self._exporter.stop()

    # --- plumbing -----------------------------------------------------------------------------
    def _page(self, query: HistoryQuery, after: Cursor | None) -> ResultPage:
        return self._search.page(self._operator, query, after, self._page_size)  # on the model's worker

    def _form(self) -> dict[str, str]:
        kind = HistoryKind(self.kind.currentData())
        form = {"kind": kind.value}
        for name, edit in self.fields.items():
            if edit.isEnabled() and edit.text().strip():
                form[name] = edit.text().strip()
        return form

    def _show_problems(self, problems: list[FilterProblem]) -> None:
        by_field = {p.field: p for p in problems}
        for name, label in self.problems.items():
            problem = by_field.get(name)
            label.setText(self._message(problem) if problem else "")
            label.setVisible(problem is not None)

    def _problem_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"history_problem_{name}")
        label.setStyleSheet("color: #c62828;")
        label.setWordWrap(True)
        label.setVisible(False)
        return label

    @Slot()
    def _on_kind_changed(self) -> None:
        applies = APPLIES[HistoryKind(self.kind.currentData())]
        for name, edit in self.fields.items():
            edit.setEnabled(name in ("from", "to") or name in applies)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None and row.alarm_id is not None:
            self.alarm_record_wanted.emit(row.alarm_id)

    @Slot(int)
    def _on_page_loaded(self, shown: int) -> None:
        if shown <= self._page_size:  # the first page of a search: columns fitted to what it shows
            for column in range(self.model.columnCount() - 1):  # the comment stretches over the rest
                self.table.resizeColumnToContents(column)
        if self.model.has_more:
            self.status.setText(self.tr("%1 results shown; more as you scroll.").replace("%1", str(shown)))
        else:
            self.status.setText(
                self.tr("One result.") if shown == 1 else self.tr("%1 results.").replace("%1", str(shown))
            )

    @Slot()
    def _on_model_reset(self) -> None:
        query = self.model.query
        if query is not None and query.sort in self.model.columns():
            order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
            header = self.table.horizontalHeader()
            header.blockSignals(True)  # showing the order must not ask for it again
            header.setSortIndicator(self.model.columns().index(query.sort), order)
            header.blockSignals(False)

    @Slot(str)
    def _on_search_failed(self, message: str) -> None:
        self.status.setText(self.tr("The search failed: %1").replace("%1", message))

    @Slot()
    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the results"), "history.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(Path(path))

    def _on_export_done(self, count: int | None, error: Exception | None) -> None:
        self.export_button.setEnabled(True)
        if error is None and count is not None:
            message = self.tr("%1 rows exported.").replace("%1", str(count))
            self.status.setText(message)
            self.export_finished.emit(count, message)
            return
        if isinstance(error, DatabaseUnavailable | AuditRefused | OSError):
            message = self.tr("The export failed: %1").replace("%1", str(error))
            self.status.setText(message)
            self.export_finished.emit(-1, message)
        # anything else is a bug, already logged as a fault by the worker

    def _labels(self) -> dict[str, str]:
        return {
            "kind": self.tr("Search in"),
            "from": self.tr("From"),
            "to": self.tr("To"),
            "site": self.tr("Site"),
            "account": self.tr("Account"),
            "code": self.tr("Event or category"),
            "zone": self.tr("Zone"),
            "operator": self.tr("Operator"),
            "disposition": self.tr("Disposition"),
            "state": self.tr("State"),
            "text": self.tr("Words"),
        }

    def _placeholders(self) -> dict[str, str]:
        return {
            "from": self.tr("2026-11-01 or 2026-11-01T08:00"),
            "to": self.tr("2026-11-30 (that day included)"),
            "site": self.tr("code, or part of the name"),
            "account": self.tr("hexadecimal, e.g. 4A21"),
            "code": self.tr("130, CID:130, BA, fire, take…"),
            "zone": self.tr("number"),
            "operator": self.tr("login"),
            "disposition": self.tr("false_alarm_user, confirmed_intrusion…"),
            "state": self.tr("closed, taken… (calls: completed, open…)"),
            "text": self.tr("words in comments and journal details"),
        }

    def _message(self, problem: FilterProblem) -> str:
        messages = {
            "bad_kind": self.tr("Choose alarms, signals, calls or journal."),
            "bad_date": self.tr("Not a date: write 2026-11-30 or 2026-11-30T08:00."),
            "bad_period": self.tr("The end must come after the start."),
            "not_for_kind": self.tr("Does not apply to this kind of record."),
            "bad_account": self.tr("3 to 16 hexadecimal digits."),
            "bad_code": self.tr("Not an event code (130, CID:130, BA), a category or an action."),
            "bad_zone": self.tr("A zone number, from 0 to 9999."),
            "bad_disposition": self.tr("Unknown disposition."),
            "bad_state": self.tr("Unknown state."),
            "no_words": self.tr("Type words with letters or digits."),
        }
        return messages.get(problem.code, problem.text)
