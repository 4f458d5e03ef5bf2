"""The dial pad: a number or SIP address to call, and digit keys that become DTMF during a call.

An audio module is driven by DTMF (talk, listen, siren off...): the same keys that compose a number
send digits once a call is answered, in the method the module understands.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

DIGITS = "123456789*0#"


class DialPad(QGroupBox):
    call_requested = Signal(str)  # what was typed: a number or a SIP URI
    digit_pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Dial pad"), parent)
        self.setObjectName("dial_pad")
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("dial_number")
        self.number_edit.setPlaceholderText(self.tr("Number or SIP address"))
        self.number_edit.setClearButtonEnabled(True)
        self.number_edit.returnPressed.connect(self._on_call)
        self.call_button = QPushButton(self.tr("Call"))
        self.call_button.setObjectName("dial_call")
        self.call_button.clicked.connect(self._on_call)
        self.method_box = QComboBox()
        self.method_box.setObjectName("dtmf_method")
        self.method_box.addItem(self.tr("DTMF: RFC 2833"), "rfc2833")
        self.method_box.addItem(self.tr("DTMF: SIP INFO"), "info")
        self.method_box.setToolTip(self.tr("How digits are sent during a call (as the audio module expects)"))
        self.digit_buttons: dict[str, QPushButton] = {}
        keys = QGridLayout()
        keys.setSpacing(2)
        for i, digit in enumerate(DIGITS):
            button = QPushButton(digit)
            button.setObjectName(
                f"dial_digit_{'star' if digit == '*' else 'pound' if digit == '#' else digit}"
            )
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the number field keeps the keyboard
            button.setFixedWidth(44)
            button.clicked.connect(lambda _checked=False, d=digit: self.digit_pressed.emit(d))
            keys.addWidget(button, i // 3, i % 3)
            self.digit_buttons[digit] = button
        number_row = QHBoxLayout()
        number_row.addWidget(self.number_edit, 1)
        number_row.addWidget(self.call_button)
        lower = QHBoxLayout()
        lower.addLayout(keys)
        lower.addWidget(self.method_box, 0, Qt.AlignmentFlag.AlignTop)
        lower.addStretch(1)
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(number_row, 0, 0)
        layout.addLayout(lower, 1, 0)

    @property
    def method(self) -> str:
        """ "rfc2833" or "info", as `PhoneBridge.send_dtmf` takes it."""
        return str(self.method_box.currentData())

    def set_calls_enabled(self, enabled: bool) -> None:
        for widget in (self.number_edit, self.call_button, self.method_box, *self.digit_buttons.values()):
            widget.setEnabled(enabled)

    @Slot()
    def _on_call(self) -> None:
        text = self.number_edit.text().strip()
        if text:
            self.call_requested.emit(text)
