"""The password / duress check: the operator types what the caller says, the console answers.

The stored words never reach this widget: it hands the typed text to a checker (the call log,
which compares hashes and journals the outcome) and shows only the verdict. A duress word is the
one answer that must be impossible to miss, and must not be visible to the caller's side: the
instruction is to carry on as if all is well and follow the duress procedure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from console.domain.calls import PasswordCheck
from console.domain.site import Contact

# (contact id, typed words) -> the verdict; raises with a message for the operator.
Checker = Callable[[int, str], PasswordCheck]

_STYLES: dict[PasswordCheck, str] = {
    PasswordCheck.MATCH: "background: #2e7d32; color: white; padding: 6px; font-weight: bold;",
    PasswordCheck.DURESS: (
        "background: #c62828; color: white; padding: 8px; font-weight: bold; font-size: 15px;"
        " border: 3px solid #7f0000;"
    ),
    PasswordCheck.WRONG: "background: #ef6c00; color: white; padding: 6px; font-weight: bold;",
    PasswordCheck.NO_WORD: "background: #eceff1; color: #37474f; padding: 6px;",
}
_ERROR_STYLE = "color: #c62828;"


class PasswordCheckBox(QGroupBox):
    checked = Signal(int, str)  # contact id, PasswordCheck: for the panel (and tests) to follow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Password check"), parent)
        self.setObjectName("password_check")
        self._checker: Checker | None = None
        self.outcome: PasswordCheck | None = None
        self.texts = {
            PasswordCheck.MATCH: self.tr("✔ Password correct"),
            PasswordCheck.DURESS: self.tr(
                "⚠ DURESS WORD — act as if all is well, do not let the caller notice."
                " Follow the duress procedure."
            ),
            PasswordCheck.WRONG: self.tr("✘ Wrong password: ask again, then follow the procedure"),
            PasswordCheck.NO_WORD: self.tr("No password on file for this contact"),
        }
        self.contact_box = QComboBox()
        self.contact_box.setObjectName("password_contact")
        self.contact_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.contact_box.setMinimumContentsLength(14)
        self.typed_edit = QLineEdit()
        self.typed_edit.setObjectName("password_typed")
        self.typed_edit.setPlaceholderText(self.tr("What the caller says"))
        self.typed_edit.setClearButtonEnabled(True)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("password_check_button")
        self.check_button.setAutoDefault(False)  # Return elsewhere in the window never checks
        self.check_button.clicked.connect(self.check)
        self.result = QLabel()
        self.result.setObjectName("password_result")
        self.result.setWordWrap(True)
        self.result.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        contact_label = QLabel(self.tr("C&ontact"))
        contact_label.setBuddy(self.contact_box)
        grid.addWidget(contact_label, 0, 0)
        grid.addWidget(self.contact_box, 0, 1, 1, 2)
        words_label = QLabel(self.tr("&Words"))
        words_label.setBuddy(self.typed_edit)
        grid.addWidget(words_label, 1, 0)
        grid.addWidget(self.typed_edit, 1, 1)
        grid.addWidget(self.check_button, 1, 2)
        grid.addWidget(self.result, 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self.typed_edit.returnPressed.connect(self.check)
        self._update_enabled()

    def set_checker(self, checker: Checker | None) -> None:
        """Who compares the words (None: not configured, the check is disabled)."""
        self._checker = checker
        self._update_enabled()

    def set_contacts(self, contacts: Sequence[Contact]) -> None:
        """The site's contacts, in call-list order; the result of another site's check goes."""
        current = self.contact_box.currentData()
        self.contact_box.clear()
        for contact in contacts:
            words = contact.has_password or contact.has_duress_word
            suffix = "" if words else " " + self.tr("(no password on file)")
            self.contact_box.addItem(f"{contact.rank}. {contact.name}{suffix}", contact.id)
        if current is not None:
            self.select_contact(int(current))
        if self.contact_box.currentData() != current:
            self.clear_result()
        self._update_enabled()

    def select_contact(self, contact_id: int | None) -> None:
        """Preselect the contact on the line (an incoming call matched to them)."""
        row = self.contact_box.findData(contact_id) if contact_id is not None else -1
        if row >= 0:
            self.contact_box.setCurrentIndex(row)

    def clear_result(self) -> None:
        self.outcome = None
        self.result.hide()
        self.typed_edit.clear()

    @Slot()
    def check(self) -> None:
        contact_id = self.contact_box.currentData()
        typed = self.typed_edit.text()
        if self._checker is None or contact_id is None:
            return
        if not typed.strip():
            if self.outcome is None:  # a stray Return never hides a verdict (a duress word above all)
                self._show(self.tr("Type the words the caller says."), _ERROR_STYLE)
            return
        try:
            outcome = self._checker(int(contact_id), typed)
        except Exception as exc:  # database down, contact removed: said, never a crash
            self._show(self.tr("Check impossible: %1").replace("%1", str(exc).splitlines()[0]), _ERROR_STYLE)
            return
        self.typed_edit.clear()  # the words stay nowhere on screen
        self.outcome = outcome
        self._show(self.texts[outcome], _STYLES[outcome])
        self.checked.emit(int(contact_id), str(outcome))

    def _show(self, text: str, style: str) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(style)
        self.result.show()

    def _update_enabled(self) -> None:
        usable = self._checker is not None and self.contact_box.count() > 0
        for widget in (self.contact_box, self.typed_edit, self.check_button):
            widget.setEnabled(usable)
