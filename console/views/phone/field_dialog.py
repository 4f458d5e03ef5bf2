"""A tabbed settings dialog whose fields each carry their error message right under them.

Wrong values are shown where they were typed, and the dialog grows so that every message shows
whole: wrapped text clipped or drawn over the next field is a message nobody reads.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #c62828;"


class FieldDialog(QDialog):
    """The fields by key (`field_<key>`), each with its hidden `error_<key>` label and its tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._tab_of: dict[str, int] = {}

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
        error.setStyleSheet(ERROR_STYLE)
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

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self._errors.items():
            label.setText(errors.get(key, ""))
            label.setVisible(key in errors)
        self._make_room()

    def _show_first_error(self, errors: dict[str, str]) -> None:
        """Show the messages and go to the first wrong field, in the order the fields were built."""
        self.show_errors(errors)
        first = next((key for key in self.fields if key in errors), None)
        if first is not None:
            self.tabs.setCurrentIndex(self._tab_of[first])
            self.fields[first].setFocus()

    def _make_room(self) -> None:
        """Grow the dialog so that every message shows whole."""
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
