"""The administration window (Ctrl+Shift+A in either operator window, for admins and the supervisors the
station allows): the sites on the left, the one open on the right in four pages (the site, its transmitters,
its call list, its procedures).

Every read and change runs on the window's one worker, in the order asked; a change answers with the site's
sheet as now stored, which every page shows. The rights are the service's: pages only grey out what it would
refuse anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from console.domain.alarm import Operator
from console.domain.site_fields import FieldErrors
from console.domain.site_sheet import SiteSheet, SiteSummary
from console.services.admin_rights import AdminError, Section
from console.services.site_admin import SiteAdmin
from console.views.admin.admin_messages import refusal_text
from console.views.admin.contact_page import ContactPage
from console.views.admin.field_form import FieldForm
from console.views.admin.procedure_page import ProcedurePage
from console.views.admin.site_list import SiteList
from console.views.admin.site_page import SitePage
from console.views.admin.transmitter_page import TransmitterPage
from console.views.background import Background
from console.views.session_menu import add_help_menu

FIND_KEY = "Ctrl+F"


class AdminWindow(QMainWindow):
    sheet_shown = Signal(object)  # SiteSheet | None: what the pages show now

    def __init__(self, admin: SiteAdmin, operator: Operator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin_window")
        self.admin = admin
        self.operator = operator
        self.setWindowTitle(self.tr("Vigie — Administration (%1)").replace("%1", operator.display_name))
        self.background = Background("admin", self)
        self.sheet: SiteSheet | None = None
        self.site_list = SiteList()
        self.heading = QLabel()
        self.heading.setObjectName("admin_heading")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("admin_tabs")
        self.site_page = SitePage(self)
        self.transmitter_page = TransmitterPage(self)
        self.contact_page = ContactPage(self)
        self.procedure_page = ProcedurePage(self)
        self.tabs.addTab(self.site_page, self.tr("&Site"))
        self.tabs.addTab(self.transmitter_page, self.tr("&Transmitters"))
        self.tabs.addTab(self.contact_page, self.tr("C&all list"))
        self.tabs.addTab(self.procedure_page, self.tr("&Procedures"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.tabs)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.site_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 1060])
        self.setCentralWidget(splitter)
        self.site_list.search_wanted.connect(self._search)
        self.site_list.site_chosen.connect(self.open_site)
        self.site_list.new_site_wanted.connect(self.new_site)
        self.site_list.new_button.setEnabled(self.may(Section.SITES))
        find = QAction(self.tr("Find a site"), self)
        find.setObjectName("action_admin_find")
        find.setShortcut(QKeySequence(FIND_KEY))
        find.triggered.connect(self.focus_search)
        self.addAction(find)
        self.actions_by_name = {"find": find, "shortcuts": add_help_menu(self)}
        self.statusBar().showMessage("")  # there from the start: the pages do not move when a message comes
        self.show_sheet(None)
        self.resize(1400, 900)

    # --- what the pages ask ---------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A read or a change is under way or due (tests wait for the window to settle)."""
        return self.background.pending > 0 or self.site_list.waiting

    def may(self, section: Section) -> bool:
        return self.admin.may(self.operator, section)

    def submit(
        self,
        work: Callable[[], SiteSheet],
        form: FieldForm | None,
        saved: str,
        done: Callable[[SiteSheet], None] | None = None,
    ) -> None:
        if form is not None:
            form.clear_errors()

        def answered(sheet: SiteSheet) -> None:
            self.statusBar().showMessage(saved, 8000)
            self.show_sheet(sheet)
            self.site_list.refresh()  # a new site, a name changed, an archive: the list follows
            if done is not None:
                done(sheet)

        def refused(error: Exception) -> None:
            if isinstance(error, FieldErrors) and form is not None:
                form.show_errors(error.errors)
                self.statusBar().showMessage(self.tr("Not saved: correct the fields marked."), 8000)
            else:
                self.statusBar().showMessage(refusal_text(error), 12000)

        self.background.run(work, answered, refused, expected=(FieldErrors, AdminError))

    # --- the sites ------------------------------------------------------------------------------

    def start(self) -> None:
        """The first list of sites (shown when the window opens)."""
        self.site_list.refresh()

    def focus_search(self) -> None:
        self.site_list.search.setFocus()
        self.site_list.search.selectAll()

    def _search(self, words: str, archived: bool) -> None:
        admin, operator = self.admin, self.operator
        self.background.run(
            lambda: admin.sites(operator, words, archived=archived),
            self._show_sites,
            lambda error: self.statusBar().showMessage(refusal_text(error), 12000),
            expected=(AdminError,),
        )

    def _show_sites(self, sites: Sequence[SiteSummary]) -> None:
        self.site_list.show_sites(sites, self.sheet.id if self.sheet is not None else None)

    def open_site(self, site_id: int) -> None:
        admin, operator = self.admin, self.operator
        self.background.run(
            lambda: admin.sheet(operator, site_id),
            self.show_sheet,
            lambda error: self.statusBar().showMessage(refusal_text(error), 12000),
            expected=(AdminError,),
        )

    def new_site(self) -> None:
        self.show_sheet(None)
        self.site_list.list.clearSelection()
        self.tabs.setCurrentWidget(self.site_page)
        self.site_page.start_new()

    def show_sheet(self, sheet: SiteSheet | None) -> None:
        self.sheet = sheet
        for page in (self.site_page, self.transmitter_page, self.contact_page, self.procedure_page):
            page.show_sheet(sheet)
        for index in range(1, self.tabs.count()):  # a site's records once the site exists
            self.tabs.setTabEnabled(index, sheet is not None)
        if sheet is None:
            heading = self.tr("New site")
        else:
            heading = f"{sheet.code} — {sheet.values.get('name', '')}"
            if sheet.archived_at is not None:
                heading += " (" + self.tr("archived") + ")"
        self.heading.setText(f"<h2>{escape(heading)}</h2>")
        self.sheet_shown.emit(sheet)

    def stop(self) -> None:
        """The console stops: the change under way is answered, nothing more is started."""
        self.background.stop()
