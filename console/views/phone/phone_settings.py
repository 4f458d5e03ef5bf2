"""Settings > Telephone…: the `[phone]` part of console.ini, edited with its checks.

Wrong values are refused before they are written, each with a message next to its field: a console
that cannot start its telephone because of a typo would only say so at the next start. The engine
reads its settings once, so changes apply at the next start of the console, except the headset
devices, which the running headset bridge can switch at once (`set_devices`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.telephony.settings import PbxAccount, PhoneSettings, SipTransport
from console.views.phone.phone_config import (
    DialError,
    PhoneConfig,
    TransferTarget,
    dial_uri,
    is_ip_address,
    load_phone_settings,
    save_phone_settings,
)

AudioDevices = tuple[list[tuple[bytes, str]], list[tuple[bytes, str]]]

_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?$")
_HOST_PORT = re.compile(
    r"^(?P<host>[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::(?P<port>\d{1,5}))?$"
)
_SIP_USER = re.compile(r"^[A-Za-z0-9._~+\-]+$")
_ERROR_STYLE = "color: #c62828;"
_WARNING_STYLE = "color: #e65100;"


def _system_audio_devices() -> AudioDevices:
    """The headset module's device list, imported late: it loads pjsua2 and QtMultimedia."""
    from console.telephony.headset import audio_devices

    return audio_devices()


class PhoneSettingsDialog(QDialog):
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
        self.fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._tab_of: dict[str, int] = {}

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
        self.tabs = QTabWidget()
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

    def _tab(self, title: str) -> QFormLayout:
        page = QWidget()
        form = QFormLayout(page)
        self.tabs.addTab(page, title)
        return form

    def _row(
        self, form: QFormLayout, key: str, label: str, widget: QWidget, extra: QWidget | None = None
    ) -> None:
        """The field, then (hidden until needed) its error message right under it."""
        widget.setObjectName(f"field_{key}")
        self.fields[key] = widget
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setStyleSheet(_ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self._errors[key] = error
        self._tab_of[key] = self.tabs.count() - 1
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if extra is None:
            column.addWidget(widget)
        else:
            line = QHBoxLayout()
            line.addWidget(widget, 1)
            line.addWidget(extra)
            column.addLayout(line)
        column.addWidget(error)
        form.addRow(label, box)

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

    def _line(self, key: str) -> QLineEdit:
        widget = self.fields[key]
        assert isinstance(widget, QLineEdit)
        return widget

    def _combo(self, key: str) -> QComboBox:
        widget = self.fields[key]
        assert isinstance(widget, QComboBox)
        return widget

    def _text(self, key: str) -> str:
        return self._line(key).text().strip()

    def _load(self, config: PhoneConfig) -> None:
        phone, pbx = config.phone, config.phone.pbx
        self.enabled.setChecked(config.enabled)
        for key, value in (
            ("bind_host", phone.bind_host),
            ("sip_port", str(phone.sip_port)),
            ("public_host", phone.public_host or ""),
            ("display_name", phone.display_name),
            ("user", phone.user),
            ("pbx_registrar", pbx.registrar if pbx else ""),
            ("pbx_user", pbx.user if pbx else ""),
            ("pbx_password", pbx.password if pbx else ""),
            ("pbx_domain", pbx.domain if pbx else ""),
            ("gateway", config.gateway),
            ("recordings_dir", str(phone.recordings_dir)),
        ):
            self._line(key).setText(value)
        self._combo("transport").setCurrentIndex(self._combo("transport").findData(str(phone.transport)))
        pbx_transport = str(pbx.transport if pbx else SipTransport.UDP)
        self._combo("pbx_transport").setCurrentIndex(self._combo("pbx_transport").findData(pbx_transport))
        spin = self.fields["min_free_mb"]
        assert isinstance(spin, QSpinBox)
        spin.setValue(phone.min_free_bytes // (1024 * 1024))
        self._fill_devices(self._combo("input_device"), self._inputs, config.input_device)
        self._fill_devices(self._combo("output_device"), self._outputs, config.output_device)
        self.transfer_table.setRowCount(0)
        for target in config.transfer_targets:
            self.add_transfer_target(target.label, target.target)

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
        needs_public = (
            self._text("bind_host") in ("0.0.0.0", "::", "")
            and not self._text("public_host")
            and bool(self._text("pbx_registrar") or self._text("gateway"))
        )
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

    def validate(self) -> dict[str, str]:
        """Field -> message for every wrong field (empty when everything can be saved)."""
        errors: dict[str, str] = {}
        bind = self._text("bind_host")
        if not is_ip_address(bind):
            errors["bind_host"] = self.tr("Enter an IP address of this workstation, or 0.0.0.0 for all.")
        port = self._text("sip_port")
        if not port.isdigit() or not 0 <= int(port) <= 65535:
            errors["sip_port"] = self.tr("The port must be a number from 0 to 65535 (0: any free port).")
        public = self._text("public_host")
        if public and not (is_ip_address(public) or _HOST.match(public)):
            errors["public_host"] = self.tr("Enter a host name or an IP address, without sip: or a port.")
        name = self._text("display_name")
        if not name or any(ch in name for ch in '"<>'):
            errors["display_name"] = self.tr("Enter a name, without quotes or angle brackets.")
        if not _SIP_USER.match(self._text("user")):
            errors["user"] = self.tr("Enter a user name: letters, digits, dot, dash, underscore or plus.")
        self._check_pbx(errors)
        gateway = self._text("gateway")
        if gateway and not _valid_host_port(gateway):
            errors["gateway"] = self.tr("Enter a host name or address, optionally with :port, without sip:.")
        self._check_transfer_targets(errors)
        problem = self._folder_problem(self._text("recordings_dir"))
        if problem:
            errors["recordings_dir"] = problem
        return errors

    def _check_pbx(self, errors: dict[str, str]) -> None:
        registrar = self._text("pbx_registrar")
        user = self._text("pbx_user")
        if registrar:
            scheme, _, rest = registrar.partition(":")
            if scheme.lower() not in ("sip", "sips") or not _valid_host_port(rest.split(";", 1)[0]):
                errors["pbx_registrar"] = self.tr(
                    "The registrar must be a SIP URI such as sip:pbx.station.local."
                )
            if not user:
                errors["pbx_user"] = self.tr("Enter the user this workstation registers as.")
        elif user or self._line("pbx_password").text() or self._text("pbx_domain"):
            errors["pbx_registrar"] = self.tr("Enter the registrar, or clear the other PBX fields.")
        if user and not _SIP_USER.match(user):
            errors["pbx_user"] = self.tr("Enter a user name: letters, digits, dot, dash, underscore or plus.")
        domain = self._text("pbx_domain")
        if domain and not (is_ip_address(domain) or _HOST.match(domain)):
            errors["pbx_domain"] = self.tr("Enter a domain name, without sip:.")

    def _check_transfer_targets(self, errors: dict[str, str]) -> None:
        registrar = self._text("pbx_registrar") or None
        gateway = self._text("gateway")
        for row, (label, target) in enumerate(self._transfer_rows(), start=1):
            if not label or not target:
                errors["transfer"] = self.tr(
                    "Row %1: enter both a label and a number or SIP address."
                ).replace("%1", str(row))
                return
            try:
                dial_uri(target, registrar, gateway)
            except DialError:
                errors["transfer"] = (
                    self.tr(
                        "Row %1: “%2” cannot be called (a SIP address, or a number with a PBX or a gateway)."
                    )
                    .replace("%1", str(row))
                    .replace("%2", target)
                )
                return

    def _folder_problem(self, text: str) -> str | None:
        """A folder the console can write to, or create: recordings must never fail for lack of it."""
        if not text:
            return self.tr("Choose a folder for the recordings.")
        path = Path(text).expanduser()
        if not path.is_absolute():
            return self.tr("Enter a full path.")
        if path.exists():
            if not path.is_dir():
                return self.tr("This is a file, not a folder.")
            if not os.access(path, os.W_OK | os.X_OK):
                return self.tr("This folder is not writable.")
            return None
        parent = next((p for p in path.parents if p.exists()), None)
        if parent is None or not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
            return self.tr("This folder cannot be created (no writable parent folder).")
        return None

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self._errors.items():
            label.setText(errors.get(key, ""))
            label.setVisible(key in errors)
        self._make_room()

    def _make_room(self) -> None:
        """Grow the dialog so that every message shows whole: wrapped text clipped or drawn over
        the next field is a message nobody reads."""
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            page_layout = page.layout() if page is not None else None
            if page_layout is not None:
                page_layout.invalidate()
                page_layout.activate()
        own = self.layout()
        if own is not None:
            own.invalidate()
            own.activate()
        wanted = self.sizeHint().expandedTo(self.minimumSizeHint())
        if wanted.height() > self.height() or wanted.width() > self.width():
            self.resize(max(self.width(), wanted.width()), max(self.height(), wanted.height()))

    def error_text(self, key: str) -> str:
        """The message shown next to `key` ("" when the field is fine)."""
        label = self._errors[key]
        return label.text() if not label.isHidden() else ""

    # --- saving ----------------------------------------------------------------------------------

    def config(self) -> PhoneConfig:
        """The form as settings; only meaningful once `validate()` is empty."""
        registrar = self._text("pbx_registrar")
        pbx = (
            PbxAccount(
                registrar=registrar,
                user=self._text("pbx_user"),
                password=self._line("pbx_password").text(),
                domain=self._text("pbx_domain"),
                transport=SipTransport(self._combo("pbx_transport").currentData()),
            )
            if registrar
            else None
        )
        spin = self.fields["min_free_mb"]
        assert isinstance(spin, QSpinBox)
        phone = PhoneSettings(
            recordings_dir=Path(self._text("recordings_dir")).expanduser(),
            bind_host=self._text("bind_host"),
            sip_port=int(self._text("sip_port")),
            public_host=self._text("public_host") or None,
            transport=SipTransport(self._combo("transport").currentData()),
            display_name=self._text("display_name"),
            user=self._text("user"),
            pbx=pbx,
            max_calls=self.initial.phone.max_calls,
            min_free_bytes=spin.value() * 1024 * 1024,
        )
        return PhoneConfig(
            phone=phone,
            enabled=self.enabled.isChecked(),
            gateway=self._text("gateway"),
            input_device=self._device("input_device"),
            output_device=self._device("output_device"),
            transfer_targets=tuple(TransferTarget(label, target) for label, target in self._transfer_rows()),
        )

    def accept(self) -> None:
        """Save only a form without errors; otherwise show them and go to the first wrong field."""
        errors = self.validate()
        self.show_errors(errors)
        if errors:
            first = next(key for key in self.fields if key in errors)
            self.tabs.setCurrentIndex(self._tab_of[first])
            self.fields[first].setFocus()
            return
        config = self.config()
        save_phone_settings(self._settings, config)
        devices = (config.input_device, config.output_device)
        if self._headset is not None and devices != (self.initial.input_device, self.initial.output_device):
            self._headset.set_devices(*devices)
            self.devices_applied = True
        self.saved.emit(config)
        super().accept()


def _valid_host_port(text: str) -> bool:
    match = _HOST_PORT.match(text)
    if match is None:
        return False
    port = match.group("port")
    return port is None or 0 < int(port) <= 65535
