"""A site's call list: contacts in the order the operator calls them, and what the operator must know of each.

The password and the duress word are typed, never shown: each field stays empty, says whether a word is
set, and a word typed replaces it. "Remove" takes a contact off the list (archived when calls refer to it).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from console.domain.site_fields import RULES, Kind, to_text
from console.domain.site_sheet import ContactSheet, SiteSheet
from console.services.admin_rights import Section
from console.views.admin.field_form import FieldForm, FieldSpec
from console.views.admin.host import AdminHost
from console.views.admin.records_table import RecordsTable

_FIELDS = tuple(rule.name for rule in RULES[Kind.CONTACT] if not rule.secret)


class ContactPage(QWidget):
    def __init__(self, host: AdminHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.sheet: SiteSheet | None = None
        self.table = RecordsTable(
            [
                self.tr("#"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Phones"),
                self.tr("Availability"),
                self.tr("Needs"),
                self.tr("Password"),
                self.tr("Duress word"),
            ]
        )
        self.table.setObjectName("admin_contacts")
        self.form = FieldForm(
            [
                FieldSpec("name", self.tr("Name")),
                FieldSpec("role", self.tr("Role"), hint=self.tr("keyholder, manager, caretaker…")),
                FieldSpec(
                    "phones",
                    self.tr("Phones"),
                    multiline=True,
                    hint=self.tr("one number a line, in calling order"),
                ),
                FieldSpec("sip_uri", self.tr("SIP address"), hint="sip:reception@192.0.2.130"),
                FieldSpec("availability", self.tr("Availability"), hint=self.tr("e.g. weekdays 8h-18h")),
                FieldSpec("accessibility_needs", self.tr("Accessibility needs"), multiline=True),
                FieldSpec("password", self.tr("Password"), secret=True),
                FieldSpec("duress_word", self.tr("Duress word"), secret=True),
            ]
        )
        self.new_button = QPushButton(self.tr("New contact"))
        self.new_button.setObjectName("admin_new_contact")
        self.save_button = QPushButton(self.tr("Save contact"))
        self.save_button.setObjectName("admin_save_contact")
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setObjectName("admin_contact_up")
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setObjectName("admin_contact_down")
        self.remove_button = QPushButton(self.tr("Remove from the call list"))
        self.remove_button.setObjectName("admin_remove_contact")
        order = QHBoxLayout()
        order.addWidget(self.up_button)
        order.addWidget(self.down_button)
        order.addStretch(1)
        order.addWidget(self.remove_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(order)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        self.table.record_chosen.connect(lambda _id: self._fill())
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))
        self.remove_button.clicked.connect(self._remove)
        self.show_sheet(None)

    def selected(self) -> ContactSheet | None:
        chosen = self.table.selected_id()
        return next((c for c in self.sheet.contacts if c.id == chosen), None) if self.sheet else None

    def show_sheet(self, sheet: SiteSheet | None) -> None:
        previous = self.table.selected_id()
        self.sheet = sheet
        rows = [(c.id, self._cells(c)) for c in sheet.contacts] if sheet is not None else []
        self.table.show_rows(rows, previous)
        self._fill()

    def _cells(self, contact: ContactSheet) -> list[str]:
        values = contact.values
        return [
            str(contact.rank),
            values["name"],
            values["role"],
            ", ".join(values["phones"]),
            values["availability"],
            values["accessibility_needs"],
            self.tr("on file") if contact.has_password else self.tr("none"),
            self.tr("on file") if contact.has_duress_word else self.tr("none"),
        ]

    def start_new(self) -> None:
        self.table.clearSelection()
        self._fill()
        self.form.editors["name"].setFocus()

    def _fill(self) -> None:
        contact = self.selected()
        values = contact.values if contact is not None else {}
        self.form.set_texts({name: to_text(Kind.CONTACT, name, values.get(name)) for name in _FIELDS})
        self.form.set_secret_state("password", contact is not None and contact.has_password)
        self.form.set_secret_state("duress_word", contact is not None and contact.has_duress_word)
        editable = (
            self.sheet is not None and self.sheet.archived_at is None and self._host.may(Section.CONTACTS)
        )
        self.form.set_editable(editable)
        for button in (self.new_button, self.save_button):
            button.setEnabled(editable)
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setEnabled(editable and contact is not None)

    def save(self) -> None:
        host, texts, sheet, contact = self._host, self.form.texts(), self.sheet, self.selected()
        if sheet is None:
            return
        if contact is None:
            host.submit(
                lambda: host.admin.add_contact(host.operator, sheet.id, texts),
                self.form,
                self.tr("Contact added at the end of the call list."),
                lambda new: self.table.select_id(new.contacts[-1].id) if new.contacts else None,
            )
        else:
            host.submit(
                lambda: host.admin.change_contact(host.operator, contact.id, texts),
                self.form,
                self.tr("Contact saved."),
            )

    def _move(self, offset: int) -> None:
        host, contact = self._host, self.selected()
        if contact is not None:
            host.submit(
                lambda: host.admin.move_contact(host.operator, contact.id, offset),
                None,
                self.tr("Call list reordered."),
                lambda _sheet: self.table.select_id(contact.id),
            )

    def _remove(self) -> None:
        host, contact = self._host, self.selected()
        if contact is not None:
            host.submit(
                lambda: host.admin.remove_contact(host.operator, contact.id),
                None,
                self.tr("Contact removed from the call list."),
            )
