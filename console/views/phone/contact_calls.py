"""The site's call list as the softphone shows it: one call action per contact, in order, with the
result of the attempts made for the alarm and the contact's needs next to the button.

A deaf or hard-of-hearing keyholder must not be called blind: their needs sit beside the call
action, in the same yellow as the site window's banner.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from console.domain.calls import AttemptResult
from console.domain.site import Contact
from console.views.formatting import format_time

Attempt = tuple[datetime, AttemptResult]  # when it ended, how

NEEDS_STYLE = (
    "background: #fff176; color: #212121; border: 2px solid #f9a825; padding: 2px 4px; font-weight: bold;"
)
RESULT_STYLES = {
    "reached": "color: #2e7d32; font-weight: bold;",
    "no_answer": "color: #ef6c00; font-weight: bold;",
    "busy": "color: #ef6c00; font-weight: bold;",
    "failed": "color: #c62828; font-weight: bold;",
    "active": "color: #1565c0; font-weight: bold;",
}


def contact_number(contact: Contact) -> str | None:
    """What the call action dials: the first phone number, else the contact's SIP address."""
    return contact.phones[0] if contact.phones else contact.sip_uri


@dataclass
class ContactRow:
    contact: Contact
    box: QWidget  # the name and the needs
    name: QLabel
    needs: QLabel
    call_button: QPushButton
    result: QLabel


class ContactCallList(QWidget):
    call_requested = Signal(object)  # Contact

    def __init__(self, parent: QWidget | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.setObjectName("contact_calls")
        self._lang = lang
        self.result_words = {
            AttemptResult.REACHED: self.tr("reached"),
            AttemptResult.NO_ANSWER: self.tr("no answer"),
            AttemptResult.BUSY: self.tr("busy"),
            AttemptResult.FAILED: self.tr("failed"),
        }
        self.rows: dict[int, ContactRow] = {}
        self._contacts: tuple[Contact, ...] = ()
        self._calls_enabled = False
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(6)
        self._grid.setColumnStretch(0, 1)
        self.empty = QLabel(self.tr("No contact on file for this site."))
        self.empty.setStyleSheet("color: #757575;")
        self._grid.addWidget(self.empty, 0, 0, 1, 3)

    def set_contacts(self, contacts: Sequence[Contact]) -> None:
        """Rebuild only when the call list changed: the buttons keep their focus otherwise."""
        if tuple(contacts) == self._contacts:
            return
        self._contacts = tuple(contacts)
        for row in self.rows.values():
            for widget in (row.box, row.call_button, row.result):
                widget.hide()
                self._grid.removeWidget(widget)
                widget.deleteLater()
        self.rows.clear()
        for i, contact in enumerate(self._contacts):
            self.rows[contact.id] = self._add_row(i, contact)
        self.empty.setVisible(not self._contacts)
        self.set_calls_enabled(self._calls_enabled)

    def contacts(self) -> tuple[Contact, ...]:
        return self._contacts

    def set_calls_enabled(self, enabled: bool) -> None:
        self._calls_enabled = enabled
        for row in self.rows.values():
            row.call_button.setEnabled(enabled and contact_number(row.contact) is not None)

    def show_attempts(self, attempts: Mapping[int, Sequence[Attempt]], calling: Mapping[int, bool]) -> None:
        """Each contact's latest result for the alarm (all of them in the tooltip); "calling…" or
        "in call" (`calling[contact id]`: answered) while a call to them is in progress."""
        for contact_id, row in self.rows.items():
            history = "\n".join(
                f"{format_time(at, self._lang)} {self.result_words[r]}"
                for at, r in attempts.get(contact_id, ())
            )
            if contact_id in calling:
                text, kind = (self.tr("in call") if calling[contact_id] else self.tr("calling…")), "active"
            elif attempts.get(contact_id):
                result = attempts[contact_id][-1][1]
                text, kind = self.result_words[result], result.value
            else:
                text, kind = "", ""
            row.result.setText(text)
            row.result.setStyleSheet(RESULT_STYLES.get(kind, ""))
            row.result.setToolTip(history)

    def _add_row(self, index: int, contact: Contact) -> ContactRow:
        name_box = QWidget(self)  # parented first: a parentless widget made visible is a window
        role = f" <span style='color:#616161'>({escape(contact.role)})</span>" if contact.role else ""
        who = QLabel(f"<b>{contact.rank}.</b> {escape(contact.name)}{role}", name_box)
        who.setTextFormat(Qt.TextFormat.RichText)
        who.setWordWrap(True)
        if contact.availability:
            who.setToolTip(contact.availability)
        needs = QLabel(f"⚠\u00a0{contact.accessibility_needs}", name_box)  # the sign stays with the words
        needs.setObjectName(f"contact_needs_{contact.id}")
        needs.setStyleSheet(NEEDS_STYLE)
        needs.setWordWrap(True)
        needs.setVisible(bool(contact.accessibility_needs))
        box = QVBoxLayout(name_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(who)
        box.addWidget(needs)
        number = contact_number(contact)
        shown = number.removeprefix("sip:") if number else ""
        button = QPushButton(
            self.tr("Call %1").replace("%1", shown) if number else self.tr("No number"), self
        )
        button.setObjectName(f"call_contact_{contact.id}")
        button.setToolTip(number or "")
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda _checked=False, c=contact: self.call_requested.emit(c))
        result = QLabel(self)
        result.setObjectName(f"call_result_{contact.id}")
        result.setMinimumWidth(70)
        self._grid.addWidget(name_box, index + 1, 0)
        self._grid.addWidget(button, index + 1, 1, Qt.AlignmentFlag.AlignTop)
        self._grid.addWidget(result, index + 1, 2, Qt.AlignmentFlag.AlignTop)
        return ContactRow(contact, name_box, who, needs, button, result)
