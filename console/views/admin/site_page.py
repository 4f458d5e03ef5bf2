"""The site's own fields (every column of the site table), added, changed, archived or restored."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from console.domain.site_fields import RULES, Kind, to_text
from console.domain.site_sheet import SiteSheet
from console.services.admin_rights import Section
from console.views.admin.field_form import FieldForm, FieldSpec
from console.views.admin.host import AdminHost


class SitePage(QWidget):
    def __init__(self, host: AdminHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.sheet: SiteSheet | None = None
        self.form = FieldForm(
            [
                FieldSpec("code", self.tr("Code")),
                FieldSpec("name", self.tr("Name")),
                FieldSpec("address", self.tr("Address")),
                FieldSpec("postcode", self.tr("Postcode")),
                FieldSpec("city", self.tr("City")),
                FieldSpec("latitude", self.tr("Latitude"), hint="45.7640"),
                FieldSpec("longitude", self.tr("Longitude"), hint="4.8357"),
                FieldSpec("timezone", self.tr("Time zone"), hint="Europe/Paris"),
                FieldSpec("risk_class", self.tr("Risk class"), hint=self.tr("0 to 99, empty if none")),
                FieldSpec(
                    "guard_delay_min",
                    self.tr("Guard on site within (min)"),
                    hint=self.tr("empty: the station's default"),
                ),
                FieldSpec("accessibility_needs", self.tr("Accessibility needs"), multiline=True),
                FieldSpec("notes", self.tr("Notes for the operators"), multiline=True),
            ]
        )
        self.state = QLabel()
        self.state.setObjectName("admin_site_state")
        self.state.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save site"))
        self.save_button.setObjectName("admin_save_site")
        self.archive_button = QPushButton(self.tr("Archive site"))
        self.archive_button.setObjectName("admin_archive_site")
        self.restore_button = QPushButton(self.tr("Restore site"))
        self.restore_button.setObjectName("admin_restore_site")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.restore_button)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.state)
        inner_layout.addWidget(self.form)
        inner_layout.addLayout(buttons)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.save_button.clicked.connect(self.save)
        self.archive_button.clicked.connect(self._archive)
        self.restore_button.clicked.connect(self._restore)
        self.show_sheet(None)

    def start_new(self) -> None:
        """An empty form: Save adds the site."""
        self.show_sheet(None)
        self.form.editors["code"].setFocus()

    def show_sheet(self, sheet: SiteSheet | None) -> None:
        self.sheet = sheet
        if sheet is None:
            self.form.set_texts({"timezone": "Europe/Paris"})
            self.state.setText(self.tr("New site: fill in at least its code and name, then Save."))
        else:
            self.form.set_texts(
                {r.name: to_text(Kind.SITE, r.name, sheet.values.get(r.name)) for r in RULES[Kind.SITE]}
            )
            self.state.setText(self._state_text(sheet))
        allowed = self._host.may(Section.SITES)
        archived = sheet is not None and sheet.archived_at is not None
        self.form.set_editable(allowed and not archived)
        self.save_button.setEnabled(allowed and not archived)
        self.archive_button.setVisible(sheet is not None and not archived)
        self.archive_button.setEnabled(allowed)
        self.restore_button.setVisible(archived)
        self.restore_button.setEnabled(allowed)

    def _state_text(self, sheet: SiteSheet) -> str:
        if sheet.archived_at is not None:
            return self.tr("Archived: kept for its history. Restore it to change it.")
        if sheet.open_alarms:
            return self.tr(
                "%1 open alarm(s): changes are shown at once to the operator handling them."
            ).replace("%1", str(sheet.open_alarms))
        return ""

    def save(self) -> None:
        host, texts, sheet = self._host, self.form.texts(), self.sheet
        if sheet is None:
            host.submit(lambda: host.admin.add_site(host.operator, texts), self.form, self.tr("Site added."))
        else:
            host.submit(
                lambda: host.admin.change_site(host.operator, sheet.id, texts),
                self.form,
                self.tr("Site saved."),
            )

    def _archive(self) -> None:
        host, sheet = self._host, self.sheet
        if sheet is not None:
            host.submit(
                lambda: host.admin.archive_site(host.operator, sheet.id), None, self.tr("Site archived.")
            )

    def _restore(self) -> None:
        host, sheet = self._host, self.sheet
        if sheet is not None:
            host.submit(
                lambda: host.admin.restore_site(host.operator, sheet.id), None, self.tr("Site restored.")
            )
