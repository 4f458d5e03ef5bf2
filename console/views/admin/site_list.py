"""The administration's list of sites: a search by code, name, city, address or account, archived ones on demand.

The search runs on the window's worker a moment after the last key (a station has thousands of sites);
choosing a line asks the window to open that site, "New site" to start an empty one.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.site_sheet import SiteSummary

SEARCH_DELAY_MS = 250


class SiteList(QWidget):
    search_wanted = Signal(str, bool)  # words, archived ones too
    site_chosen = Signal(int)
    new_site_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("admin_site_search")
        self.search.setPlaceholderText(self.tr("Search: code, name, city, address or account"))
        self.search.setClearButtonEnabled(True)
        self.archived = QCheckBox(self.tr("Show archived sites"))
        self.archived.setObjectName("admin_show_archived")
        self.list = QListWidget()
        self.list.setObjectName("admin_site_list")
        self.new_button = QPushButton(self.tr("New site"))
        self.new_button.setObjectName("admin_new_site")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.search, self.archived, self.list, self.new_button):
            layout.addWidget(widget)
        self._timer = QTimer(self)
        self._timer.setObjectName("admin_search_timer")
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._on_return)
        self.archived.toggled.connect(lambda _on: self.refresh())
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.new_button.clicked.connect(self.new_site_wanted.emit)
        self._choosing = True

    @property
    def waiting(self) -> bool:
        """A search is due (tests wait for it)."""
        return self._timer.isActive()

    def refresh(self) -> None:
        self._timer.stop()
        self.search_wanted.emit(self.search.text(), self.archived.isChecked())

    def show_sites(self, sites: Sequence[SiteSummary], current: int | None) -> None:
        """The sites found; the one open stays selected without being opened again."""
        self._choosing = False
        try:
            self.list.clear()
            for site in sites:
                text = f"{site.code} — {site.name}" + (f" ({site.city})" if site.city else "")
                if site.archived:
                    text += " — " + self.tr("archived")
                if site.open_alarms:
                    text += " ⚠ " + self.tr("%1 open alarm(s)").replace("%1", str(site.open_alarms))
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, site.id)
                self.list.addItem(item)
                if site.id == current:
                    self.list.setCurrentItem(item)
        finally:
            self._choosing = True

    def site_ids(self) -> list[int]:
        return [int(self.list.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.list.count())]

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None and self._choosing:
            self.site_chosen.emit(int(current.data(Qt.ItemDataRole.UserRole)))

    def _on_return(self) -> None:
        """Return in the search: search now, then the keyboard goes to the list."""
        self.refresh()
        self.list.setFocus()
