"""The supervision window (Ctrl+Shift+S in either operator window, for supervisors and admins).

A third window, often on the supervisor's own desk: one tab per tool. Each page is a widget that
owns its service calls; this window only holds them, remembers which tab was last used, and gives
the pages a way to send the supervisor to another page (a ranked fault row opening the history
search with its filters, a search result opening the call it lists).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from console.domain.alarm import Operator
from console.views.session_menu import add_help_menu
from console.views.supervision.record_window import AlarmRecordWindow


class SupervisionWindow(QMainWindow):
    page_shown = Signal(str)  # the page's name, each time a tab comes forward

    def __init__(
        self, operator: Operator, settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supervision_window")
        self.operator = operator
        self._settings = settings
        self.setWindowTitle(self.tr("Vigie — Supervision (%1)").replace("%1", operator.display_name))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("supervision_tabs")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.pages: dict[str, QWidget] = {}
        self._adding = False
        self.record_window: AlarmRecordWindow | None = None  # a past alarm's record, read-only
        self.tabs.currentChanged.connect(self._on_current_changed)
        self.actions_by_name = {"shortcuts": add_help_menu(self)}
        self.resize(1400, 900)

    def add_page(self, name: str, page: QWidget, title: str) -> None:
        """Add a tool as a tab; `name` is how the other pages and the tests ask for it."""
        page.setObjectName(f"supervision_page_{name}")
        self.pages[name] = page
        remembered = self._settings.value("supervision/page") if self._settings is not None else None
        self._adding = True  # the first tab added becomes current by itself: not the supervisor's choice
        try:
            self.tabs.addTab(page, title)
        finally:
            self._adding = False
        if remembered == name:
            self.tabs.setCurrentWidget(page)

    def show_page(self, name: str) -> QWidget:
        """Bring a page forward (KeyError for a page this window does not have)."""
        page = self.pages[name]
        self.tabs.setCurrentWidget(page)
        return page

    def open_alarm_record(self, alarm_id: int) -> None:
        """A result or a ranked row asks for an alarm: its whole record, read-only, in its window."""
        if self.record_window is None:
            return
        self.record_window.open_alarm(alarm_id)
        self.record_window.show()
        self.record_window.raise_()
        self.record_window.activateWindow()

    def current_page(self) -> str | None:
        current = self.tabs.currentWidget()
        return next((name for name, page in self.pages.items() if page is current), None)

    def _on_current_changed(self, _index: int) -> None:
        name = self.current_page()
        if name is None or self._adding:
            return
        if self._settings is not None:
            self._settings.setValue("supervision/page", name)
        self.page_shown.emit(name)
