"""Settings > Telephone…: the `[phone]` part of console.ini, edited with its checks.

Wrong values are refused before they are written, each with a message next to its field: a console
that cannot start its telephone because of a typo would only say so at the next start. The engine
reads its settings once, so changes apply at the next start of the console, except the headset
devices, which the running headset bridge can switch at once (`set_devices`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.outage import StationKeyError
from console.domain.phone_settings import (
    FieldProblem,
    PhoneForm,
    PhoneProblem,
    check_phone_form,
    needs_public_address,
)
from console.telephony.settings import SipTransport
from console.views.phone.field_dialog import FieldDialog
from console.views.phone.phone_config import (
    PhoneConfig,
    dial_uri,
    form_config,
    load_phone_settings,
    phone_form,
    save_phone_settings,
)

AudioDevices = tuple[list[tuple[bytes, str]], list[tuple[bytes, str]]]

# The form's plain text fields, as PhoneForm names them.
_FORM_TEXTS = (
    "bind_host",
    "sip_port",
    "public_host",
    "display_name",
    "user",
    "pbx_registrar",
    "pbx_user",
    "pbx_domain",
    "gateway",
    "recordings_dir",
)
_WARNING_STYLE = "color: #e65100;"


def _system_audio_devices() -> AudioDevices:
    """The headset module's device list, imported late: it loads pjsua2 and QtMultimedia."""
    from console.telephony.headset import audio_devices

    return audio_devices()


class PhoneSettingsDialog(FieldDialog):
    saved = Signal(object)  # PhoneConfig, once written to console.ini

    def __init__(
        self,
        settings: QSettings,
        headset: Any = None,  # the running HeadsetBridge (or None): devices then apply at once
        devices: Callable[[], AudioDevices] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("phone_settings_dialog")
        self.setWindowTitle(self.tr("Telephone settings"))
        self._settings = settings
        self._headset = headset if callable(getattr(headset, "set_devices", None)) else None
        self.initial = load_phone_settings(settings)
        self.devices_applied = False

        note = QLabel(
            self.tr(
                "Changes take effect at the next start of the console, except the headset devices, "
                "which change at once."
            )
            if self._headset is not None
            else self.tr("Changes take effect at the next start of the console.")
        )
        note.setObjectName("phone_settings_note")
        note.setWordWrap(True)
        self.note = note
        if self.initial.secret_problem:  # the station key is missing: say why the password is empty
            note.setText(self.initial.secret_problem)
        self._build_station_tab()
        self._build_pbx_tab()
        self._build_calls_tab()
        self._build_recordings_tab(devices or _system_audio_devices)

        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tabs)
        layout.addWidget(self.button_box)
        self._load(self.initial)
        for key in ("bind_host", "public_host", "pbx_registrar", "gateway"):
            self._line(key).textChanged.connect(self._refresh_hints)
        self._refresh_hints()

    # --- building ------------------------------------------------------------------------------

    def _transport_combo(self) -> QComboBox:
        combo = QComboBox()
        for transport in SipTransport:
            combo.addItem(str(transport).upper(), str(transport))
        return combo

    def _build_station_tab(self) -> None:
        form = self._tab(self.tr("Workstation"))
        self.enabled = QCheckBox(self.tr("Telephone enabled on this workstation"))
        self.enabled.setObjectName("field_enabled")
        form.addRow(self.enabled)
        self._row(form, "bind_host", self.tr("Listen on address"), QLineEdit())
        port = QLineEdit()
        port.setPlaceholderText(self.tr("5060; 0 for any free port"))
        self._row(form, "sip_port", self.tr("SIP port"), port)
        self._row(form, "transport", self.tr("Transport"), self._transport_combo())
        public = QLineEdit()
        public.setPlaceholderText(self.tr("address the PBX and callers reach this workstation at"))
        self._row(form, "public_host", self.tr("Public address"), public)
        self.public_hint = QLabel()
        self.public_hint.setObjectName("hint_public_host")
        self.public_hint.setStyleSheet(_WARNING_STYLE)
        self.public_hint.setWordWrap(True)
        self.public_hint.hide()
        form.addRow("", self.public_hint)
        self._row(form, "display_name", self.tr("Display name"), QLineEdit())
        self._row(form, "user", self.tr("User (direct IP calls)"), QLineEdit())

    def _build_pbx_tab(self) -> None:
        form = self._tab(self.tr("PBX"))
        hint = QLabel(self.tr("Optional: leave the registrar empty to place direct IP calls only."))
        hint.setWordWrap(True)
        form.addRow(hint)
        registrar = QLineEdit()
        registrar.setPlaceholderText("sip:pbx.station.local")
        self._row(form, "pbx_registrar", self.tr("Registrar"), registrar)
        self._row(form, "pbx_user", self.tr("User"), QLineEdit())
        password = QLineEdit()
        password.setEchoMode(QLineEdit.EchoMode.Password)
        self._row(form, "pbx_password", self.tr("Password"), password)
        domain = QLineEdit()
        domain.setPlaceholderText(self.tr("default: the registrar's host"))
        self._row(form, "pbx_domain", self.tr("Domain"), domain)
        self._row(form, "pbx_transport", self.tr("Transport"), self._transport_combo())

    def _build_calls_tab(self) -> None:
        form = self._tab(self.tr("Calls"))
        gateway = QLineEdit()
        gateway.setPlaceholderText(self.tr("host[:port] numbers are sent to when there is no PBX"))
        self._row(form, "gateway", self.tr("Gateway"), gateway)
        self.transfer_table = QTableWidget(0, 2)
        self.transfer_table.setHorizontalHeaderLabels([self.tr("Label"), self.tr("Number or SIP address")])
        self.transfer_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.transfer_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add = QPushButton(self.tr("Add"))
        add.setObjectName("add_transfer_target")
        add.clicked.connect(lambda: self.add_transfer_target("", ""))
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName("remove_transfer_target")
        remove.clicked.connect(self._remove_transfer_target)
        buttons = QWidget()
        column = QVBoxLayout(buttons)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(add)
        column.addWidget(remove)
        column.addStretch(1)
        self._row(form, "transfer", self.tr("Transfer targets"), self.transfer_table, buttons)

    def _build_recordings_tab(self, devices: Callable[[], AudioDevices]) -> None:
        form = self._tab(self.tr("Recordings and headset"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_recordings)
        self._row(form, "recordings_dir", self.tr("Recordings folder"), QLineEdit(), browse)
        free = QSpinBox()
        free.setRange(0, 1_000_000)
        free.setSuffix(" MB")
        self._row(form, "min_free_mb", self.tr("Minimum free space"), free)
        try:
            inputs, outputs = devices()
        except Exception:  # no audio back end: only the system default is offered
            inputs, outputs = [], []
        self._inputs, self._outputs = inputs, outputs
        self._row(form, "input_device", self.tr("Headset microphone"), QComboBox())
        self._row(form, "output_device", self.tr("Headset earpiece"), QComboBox())

    def _fill_devices(self, combo: QComboBox, devices: list[tuple[bytes, str]], chosen: bytes | None) -> None:
        """The system default first; a chosen device that is unplugged stays listed, so saving keeps it."""
        combo.clear()
        combo.addItem(self.tr("System default"), "")
        for device_id, description in devices:
            combo.addItem(description, device_id.hex())
        if chosen is not None:
            index = combo.findData(chosen.hex())
            if index < 0:
                name = chosen.decode("utf-8", errors="replace")
                combo.addItem(self.tr("%1 (not connected)").replace("%1", name), chosen.hex())
                index = combo.count() - 1
            combo.setCurrentIndex(index)

    # --- values ----------------------------------------------------------------------------------

    def _load(self, config: PhoneConfig) -> None:
        form = phone_form(config)
        self.enabled.setChecked(form.enabled)
        for key in _FORM_TEXTS:
            self._line(key).setText(getattr(form, key))
        self._line("pbx_password").setText(form.pbx_password)
        for key in ("transport", "pbx_transport"):
            self._combo(key).setCurrentIndex(self._combo(key).findData(getattr(form, key)))
        self._spin("min_free_mb").setValue(form.min_free_mb)
        self._fill_devices(self._combo("input_device"), self._inputs, form.input_device)
        self._fill_devices(self._combo("output_device"), self._outputs, form.output_device)
        self.transfer_table.setRowCount(0)
        for label, target in form.transfer:
            self.add_transfer_target(label, target)

    def _spin(self, key: str) -> QSpinBox:
        widget = self.fields[key]
        assert isinstance(widget, QSpinBox)
        return widget

    def add_transfer_target(self, label: str, target: str) -> None:
        row = self.transfer_table.rowCount()
        self.transfer_table.insertRow(row)
        first = QTableWidgetItem(label)
        self.transfer_table.setItem(row, 0, first)
        self.transfer_table.setItem(row, 1, QTableWidgetItem(target))
        if not label:  # a new row: type its label straight away
            self.transfer_table.setCurrentCell(row, 0)
            self.transfer_table.editItem(first)

    @Slot()
    def _remove_transfer_target(self) -> None:
        row = self.transfer_table.currentRow()
        if row >= 0:
            self.transfer_table.removeRow(row)

    def _transfer_rows(self) -> list[tuple[str, str]]:
        rows = []
        for row in range(self.transfer_table.rowCount()):
            label, target = (self.transfer_table.item(row, column) for column in (0, 1))
            texts = (label.text().strip() if label else "", target.text().strip() if target else "")
            if any(texts):
                rows.append(texts)
        return rows

    def _device(self, key: str) -> bytes | None:
        data = self._combo(key).currentData()
        return bytes.fromhex(data) if data else None

    @Slot()
    def _browse_recordings(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Recordings folder"), self._text("recordings_dir") or str(Path.home())
        )
        if folder:
            self._line("recordings_dir").setText(folder)

    @Slot()
    def _refresh_hints(self) -> None:
        """Listening on every address without a public one: the far end is told 127.0.0.1."""
        needs_public = needs_public_address(self.form())
        self.public_hint.setText(
            self.tr(
                "Without a public address this workstation announces itself as 127.0.0.1: "
                "the PBX and callers cannot reach it."
            )
            if needs_public
            else ""
        )
        self.public_hint.setVisible(needs_public)

    # --- checks ----------------------------------------------------------------------------------

    def form(self) -> PhoneForm:
        """What the fields hold, as the rules read it."""
        return PhoneForm(
            enabled=self.enabled.isChecked(),
            pbx_password=self._line("pbx_password").text(),
            transfer=tuple(self._transfer_rows()),
            transport=self._combo("transport").currentData(),
            pbx_transport=self._combo("pbx_transport").currentData(),
            min_free_mb=self._spin("min_free_mb").value(),
            input_device=self._device("input_device"),
            output_device=self._device("output_device"),
            **{key: self._text(key) for key in _FORM_TEXTS},
        )

    def validate(self) -> dict[str, str]:
        """Field -> message for every wrong field (empty when everything can be saved)."""
        return {
            key: self.problem_text(problem)
            for key, problem in check_phone_form(self.form(), dial_uri).items()
        }

    def problem_text(self, problem: FieldProblem) -> str:
        """The message shown next to a field for what the rules found wrong in it."""
        code = PhoneProblem
        texts = {
            code.BAD_BIND_HOST: self.tr("Enter an IP address of this workstation, or 0.0.0.0 for all."),
            code.BAD_PORT: self.tr("The port must be a number from 0 to 65535 (0: any free port)."),
            code.BAD_HOST: self.tr("Enter a host name or an IP address, without sip: or a port."),
            code.BAD_DISPLAY_NAME: self.tr("Enter a name, without quotes or angle brackets."),
            code.BAD_USER: self.tr("Enter a user name: letters, digits, dot, dash, underscore or plus."),
            code.BAD_REGISTRAR: self.tr("The registrar must be a SIP URI such as sip:pbx.station.local."),
            code.NO_PBX_USER: self.tr("Enter the user this workstation registers as."),
            code.NO_REGISTRAR: self.tr("Enter the registrar, or clear the other PBX fields."),
            code.BAD_DOMAIN: self.tr("Enter a domain name, without sip:."),
            code.BAD_GATEWAY: self.tr("Enter a host name or address, optionally with :port, without sip:."),
            code.INCOMPLETE_TARGET: self.tr("Row %1: enter both a label and a number or SIP address."),
            code.UNDIALLABLE_TARGET: self.tr(
                "Row %1: “%2” cannot be called (a SIP address, or a number with a PBX or a gateway)."
            ),
            code.NO_FOLDER: self.tr("Choose a folder for the recordings."),
            code.NOT_ABSOLUTE: self.tr("Enter a full path."),
            code.NOT_A_FOLDER: self.tr("This is a file, not a folder."),
            code.NOT_WRITABLE: self.tr("This folder is not writable."),
            code.CANNOT_CREATE: self.tr("This folder cannot be created (no writable parent folder)."),
        }
        return texts[problem.code].replace("%1", str(problem.row)).replace("%2", problem.target)

    # --- saving ----------------------------------------------------------------------------------

    def config(self) -> PhoneConfig:
        """The form as settings; only meaningful once `validate()` is empty."""
        return form_config(self.form(), max_calls=self.initial.phone.max_calls)

    def accept(self) -> None:
        """Save only a form without errors; otherwise show them and go to the first wrong field."""
        errors = self.validate()
        self._show_first_error(errors)
        if errors:
            return
        config = self.config()
        try:
            save_phone_settings(self._settings, config)
        except StationKeyError as exc:  # the PBX password cannot be sealed: nothing written
            self.note.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
            return
        devices = (config.input_device, config.output_device)
        if self._headset is not None and devices != (self.initial.input_device, self.initial.output_device):
            self._headset.set_devices(*devices)
            self.devices_applied = True
        self.saved.emit(config)
        super().accept()
