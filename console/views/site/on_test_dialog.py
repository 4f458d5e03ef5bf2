"""The form an operator fills when an installer calls in: how long, which zones, why.

The request is checked by the desk (domain/test_mode.py); a refusal comes back as a code, shown
beside the field it is about, and the form stays open with what was typed.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.domain.site import SiteFile


class OnTestRequest:
    """What the form asks for, in the desk's terms."""

    __slots__ = ("account", "duration", "reason", "zones")

    def __init__(self, duration: timedelta, reason: str, account: str | None, zones: list[int]) -> None:
        self.duration, self.reason, self.account, self.zones = duration, reason, account, zones


def parse_zones(text: str) -> list[int] | None:
    """ "1, 2,5" -> [1, 2, 5]; "" -> [] (every zone); None when it is not a list of numbers."""
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    if not all(p.isdigit() for p in parts):
        return None
    return sorted({int(p) for p in parts})


class OnTestDialog(QDialog):
    """Non-modal for the rest of the console; `requested` carries a OnTestRequest."""

    requested = Signal(object)

    def __init__(self, site_file: SiteFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("test_mode_dialog")
        site = site_file.site
        self.setWindowTitle(self.tr("Put %1 on test").replace("%1", f"{site.code} {site.name}"))
        self.minutes = QSpinBox()
        self.minutes.setObjectName("test_minutes")
        self.minutes.setRange(5, 24 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        self.account = QComboBox()
        self.account.setObjectName("test_account")
        self.account.addItem(self.tr("Every transmitter"), None)
        for account in site_file.accounts:
            self.account.addItem(account, account)
        self.zones = QLineEdit()
        self.zones.setObjectName("test_zones")
        self.zones.setPlaceholderText(self.tr("every zone, or e.g. 1, 2, 5"))
        self.reason = QLineEdit()
        self.reason.setObjectName("test_reason")
        self.reason.setPlaceholderText(self.tr("installer's visit, company, technician"))
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label, field in (
            ("minutes", self.tr("&Duration"), self.minutes),
            ("account", self.tr("&Transmitter"), self.account),
            ("zones", self.tr("&Zones"), self.zones),
            ("reason", self.tr("&Reason"), self.reason),
        ):
            error = QLabel()
            error.setObjectName(f"error_{key}")
            error.setStyleSheet("color: #c62828")
            error.setWordWrap(True)
            error.hide()
            self.errors[key] = error
            form.addRow(label, field)
            form.addRow("", error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    @Slot()
    def _on_ok(self) -> None:
        self.clear_errors()
        zones = parse_zones(self.zones.text())
        if zones is None:
            self.show_error("zones", self.tr("Zone numbers separated by commas, or nothing for every zone."))
            return
        if not self.reason.text().strip():
            self.show_error("reason", self.tr("Say why: the installer's visit, the company, the technician."))
            return
        self.set_waiting(True)
        self.requested.emit(
            OnTestRequest(
                timedelta(minutes=self.minutes.value()),
                self.reason.text().strip(),
                self.account.currentData(),
                zones,
            )
        )

    def set_waiting(self, waiting: bool) -> None:
        """While the desk answers, the form cannot be sent twice."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not waiting)

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear()
            error.hide()

    def show_error(self, field: str, text: str) -> None:
        """A refusal beside its field (the reason's when no field is named)."""
        label = self.errors.get(field, self.errors["reason"])
        label.setText(text)
        label.show()
        self.set_waiting(False)

    def refusal(self, code: str, message: str) -> None:
        """The desk's refusal, translated by its code and placed beside the field it is about."""
        texts = {
            "reason_required": (
                "reason",
                self.tr("Say why: the installer's visit, the company, the technician."),
            ),
            "too_long": ("minutes", self.tr("A test lasts at most 24 hours; a longer stop is a suspension.")),
            "ends_before_start": ("minutes", self.tr("The test must last a few minutes at least.")),
            "unknown_account": ("account", self.tr("This transmitter is no longer the site's.")),
            "bad_zone": ("zones", self.tr("Zone numbers are 0 or more.")),
        }
        field, text = texts.get(code, ("reason", message))
        self.show_error(field, text)
