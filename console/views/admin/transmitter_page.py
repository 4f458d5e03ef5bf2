"""A site's transmitters: account, line, receiver, protocol, periodic test, audio module, and the AES key.

The key is typed once, in its own dialog, and never shown again: the page only says whether one is set,
with a button to replace it (or to remove it, for a panel that sends in clear).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.site_fields import RULES, Kind, to_text
from console.domain.site_sheet import SiteSheet, TransmitterSheet
from console.services.admin_rights import Section
from console.views.admin.field_form import FieldForm, FieldSpec
from console.views.admin.host import AdminHost
from console.views.admin.records_table import RecordsTable

_FIELDS = tuple(rule.name for rule in RULES[Kind.TRANSMITTER] if not rule.secret)


class AesKeyDialog(QDialog):
    """The one place a key is typed: hidden as it is typed, checked by the service, then gone."""

    def __init__(self, host: AdminHost, transmitter: TransmitterSheet, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("aes_key_dialog")
        self._host = host
        self._transmitter = transmitter
        account = f"{transmitter.values['account']} / {transmitter.values['line'] or '-'}"
        self.setWindowTitle(self.tr("AES key of transmitter %1").replace("%1", account))
        self.form = FieldForm(
            [
                FieldSpec(
                    "aes_key", self.tr("New AES key"), secret=True, hint=self.tr("32, 48 or 64 hex digits")
                )
            ]
        )
        note = QLabel(self.tr("The key is stored for the receiver and never shown again, here or anywhere."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())

    def _save(self) -> None:
        host, key, transmitter_id = self._host, self.form.text("aes_key"), self._transmitter.id
        editor = self.form.editors["aes_key"]
        if isinstance(editor, QLineEdit):
            editor.clear()  # not kept in the widget while it is saved (a refused key is typed again)
        host.submit(
            lambda: host.admin.set_aes_key(host.operator, transmitter_id, key),
            self.form,
            self.tr("AES key replaced."),
            lambda _sheet: self.accept(),
        )


class TransmitterPage(QWidget):
    def __init__(self, host: AdminHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.sheet: SiteSheet | None = None
        self.table = RecordsTable(
            [
                self.tr("Account"),
                self.tr("Line"),
                self.tr("Receiver"),
                self.tr("Protocol"),
                self.tr("Test every (s)"),
                self.tr("Audio module"),
                self.tr("AES key"),
            ]
        )
        self.table.setObjectName("admin_transmitters")
        self.form = FieldForm(
            [
                FieldSpec("account", self.tr("Account"), hint=self.tr("3 to 16 hex digits")),
                FieldSpec("line", self.tr("Line (DC-09 L)"), hint=self.tr("empty: any line")),
                FieldSpec("receiver", self.tr("Receiver (DC-09 R)")),
                FieldSpec(
                    "protocol",
                    self.tr("Protocol"),
                    choices=[("", self.tr("Any")), ("SIA-DCS", "SIA-DCS"), ("ADM-CID", "ADM-CID")],
                ),
                FieldSpec(
                    "test_interval_s", self.tr("Periodic test every (s)"), hint=self.tr("empty: no test")
                ),
                FieldSpec("audio_module_uri", self.tr("Audio module (SIP)"), hint="sip:audio@192.0.2.10"),
            ]
        )
        self.key_state = QLabel()
        self.key_state.setObjectName("admin_key_state")
        self.replace_key_button = QPushButton(self.tr("Replace AES key…"))
        self.replace_key_button.setObjectName("admin_replace_key")
        self.remove_key_button = QPushButton(self.tr("Remove AES key"))
        self.remove_key_button.setObjectName("admin_remove_key")
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_state, 1)
        key_row.addWidget(self.replace_key_button)
        key_row.addWidget(self.remove_key_button)
        self.new_button = QPushButton(self.tr("New transmitter"))
        self.new_button.setObjectName("admin_new_transmitter")
        self.save_button = QPushButton(self.tr("Save transmitter"))
        self.save_button.setObjectName("admin_save_transmitter")
        self.remove_button = QPushButton(self.tr("Remove transmitter"))
        self.remove_button.setObjectName("admin_remove_transmitter")
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.form)
        layout.addLayout(key_row)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.key_dialog: AesKeyDialog | None = None
        self.table.record_chosen.connect(lambda _id: self._fill())
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self._remove)
        self.replace_key_button.clicked.connect(self.open_key_dialog)
        self.remove_key_button.clicked.connect(self._remove_key)
        self.show_sheet(None)

    def selected(self) -> TransmitterSheet | None:
        chosen = self.table.selected_id()
        return next((t for t in self.sheet.transmitters if t.id == chosen), None) if self.sheet else None

    def show_sheet(self, sheet: SiteSheet | None) -> None:
        previous = self.table.selected_id()
        self.sheet = sheet
        rows = [(t.id, self._cells(t)) for t in sheet.transmitters] if sheet is not None else []
        self.table.show_rows(rows, previous)
        self._fill()

    def _cells(self, transmitter: TransmitterSheet) -> list[str]:
        values = transmitter.values
        cells = [to_text(Kind.TRANSMITTER, name, values.get(name)) for name in _FIELDS]
        cells[3] = cells[3] or self.tr("Any")
        return [*cells, self._key_word(transmitter.has_key)]

    def _key_word(self, is_set: bool) -> str:
        return self.tr("set") if is_set else self.tr("not set")

    def start_new(self) -> None:
        self.table.clearSelection()
        self._fill()
        self.form.editors["account"].setFocus()

    def _fill(self) -> None:
        transmitter = self.selected()
        values = transmitter.values if transmitter is not None else {}
        self.form.set_texts({name: to_text(Kind.TRANSMITTER, name, values.get(name)) for name in _FIELDS})
        editable = (
            self.sheet is not None and self.sheet.archived_at is None and self._host.may(Section.TRANSMITTERS)
        )
        self.form.set_editable(editable)
        self.save_button.setEnabled(editable)
        self.new_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and transmitter is not None)
        self.replace_key_button.setEnabled(editable and transmitter is not None)
        self.remove_key_button.setEnabled(editable and transmitter is not None and transmitter.has_key)
        if transmitter is None:
            self.key_state.setText(self.tr("AES key: save the transmitter first, then set its key."))
        else:
            self.key_state.setText(self.tr("AES key: %1").replace("%1", self._key_word(transmitter.has_key)))

    def save(self) -> None:
        host, texts, sheet, transmitter = self._host, self.form.texts(), self.sheet, self.selected()
        if sheet is None:
            return
        if transmitter is None:
            host.submit(
                lambda: host.admin.add_transmitter(host.operator, sheet.id, texts),
                self.form,
                self.tr("Transmitter added."),
                lambda new: self._select_added(new),
            )
        else:
            host.submit(
                lambda: host.admin.change_transmitter(host.operator, transmitter.id, texts),
                self.form,
                self.tr("Transmitter saved."),
            )

    def _select_added(self, sheet: SiteSheet) -> None:
        if sheet.transmitters:
            self.table.select_id(max(t.id for t in sheet.transmitters))

    def open_key_dialog(self) -> AesKeyDialog | None:
        transmitter = self.selected()
        if transmitter is None:
            return None
        self.key_dialog = AesKeyDialog(self._host, transmitter, self)
        self.key_dialog.open()
        return self.key_dialog

    def _remove_key(self) -> None:
        host, transmitter = self._host, self.selected()
        if transmitter is not None:
            host.submit(
                lambda: host.admin.set_aes_key(host.operator, transmitter.id, None),
                None,
                self.tr("AES key removed."),
            )

    def _remove(self) -> None:
        host, transmitter = self._host, self.selected()
        if transmitter is not None:
            host.submit(
                lambda: host.admin.remove_transmitter(host.operator, transmitter.id),
                None,
                self.tr("Transmitter removed."),
            )
