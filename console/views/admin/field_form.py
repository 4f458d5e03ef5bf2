"""A form of a record's fields, each with its caption, its editor and, beside it, the message of its refusal.

Fields hold text: the service turns it into values by the shared rules (console/domain/site_fields.py) and
names each field it refuses; `show_errors` puts each message beside its field, in the operator's language,
and nothing is saved until every field is right. Secrets (a password, a duress word) are typed, never shown:
their field is empty, its placeholder says whether one is set, and an empty field keeps the stored one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from console.domain.site_fields import FieldError
from console.views.admin.admin_messages import field_error_text

ERROR_STYLE = "color: #c62828; font-weight: bold;"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    caption: str
    multiline: bool = False
    secret: bool = False
    choices: Sequence[tuple[str, str]] = ()  # (stored text, what the list shows): a drop-down list
    hint: str = ""  # placeholder text


Editor = QLineEdit | QPlainTextEdit | QComboBox


class FieldForm(QWidget):
    def __init__(self, specs: Sequence[FieldSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = {spec.name: spec for spec in specs}
        self.editors: dict[str, Editor] = {}
        self.errors: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        self._focus: dict[str, QWidget] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        for row, spec in enumerate(specs):
            editor = self._editor(spec)
            editor.setObjectName(f"field_{spec.name}")
            caption = QLabel(spec.caption)
            caption.setBuddy(editor)
            error = QLabel()
            error.setObjectName(f"error_{spec.name}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            align = Qt.AlignmentFlag.AlignTop if spec.multiline else Qt.AlignmentFlag.AlignVCenter
            grid.addWidget(caption, row, 0, align)
            grid.addWidget(editor, row, 1)
            grid.addWidget(error, row, 2, align)
            self.editors[spec.name], self.errors[spec.name], self.captions[spec.name] = editor, error, caption

    @staticmethod
    def _editor(spec: FieldSpec) -> Editor:
        if spec.choices:
            box = QComboBox()
            for stored, shown in spec.choices:
                box.addItem(shown, stored)
            return box
        if spec.multiline:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)  # Tab goes on to the next field, as in every other one
            text.setPlaceholderText(spec.hint)
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 4 + 12)
            return text
        line = QLineEdit()
        line.setPlaceholderText(spec.hint)
        if spec.secret:
            line.setEchoMode(QLineEdit.EchoMode.Password)
        return line

    def texts(self) -> dict[str, str]:
        return {name: self.text(name) for name in self.editors}

    def text(self, name: str) -> str:
        editor = self.editors[name]
        if isinstance(editor, QComboBox):
            return str(editor.currentData())
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        return editor.text()

    def set_texts(self, texts: Mapping[str, str]) -> None:
        """Fill the fields (secrets always empty) and clear the messages."""
        for name, editor in self.editors.items():
            value = "" if self.specs[name].secret else texts.get(name, "")
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value)
            else:
                editor.setText(value)
        self.clear_errors()

    def set_secret_state(self, name: str, is_set: bool) -> None:
        """The placeholder of a secret's empty field: whether one is stored, never what it is."""
        editor = self.editors[name]
        assert isinstance(editor, QLineEdit) and self.specs[name].secret
        editor.setText("")
        editor.setPlaceholderText(
            self.tr("on file — type a new one to replace it") if is_set else self.tr("none")
        )

    def show_errors(self, errors: Mapping[str, FieldError]) -> None:
        """Each refusal beside its field; the first field refused gets the keyboard."""
        self.clear_errors()
        first: QWidget | None = None
        for name, error in errors.items():
            label = self.errors.get(name)
            if label is None:
                continue
            label.setText(field_error_text(error))
            if first is None:
                first = self._focus.get(name) or self.editors.get(name)
        if first is not None:
            first.setFocus()

    def attach_error(self, name: str, label: QLabel, focus: QWidget) -> None:
        """A field the page edits with its own widgets (a procedure's steps): its message goes to `label`."""
        label.setObjectName(f"error_{name}")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        self.errors[name] = label
        self._focus[name] = focus

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.setText("")

    def error_text(self, name: str) -> str:
        return self.errors[name].text()

    def set_editable(self, editable: bool) -> None:
        for editor in self.editors.values():
            if isinstance(editor, QComboBox):
                editor.setEnabled(editable)
            else:
                editor.setReadOnly(editable is False)
