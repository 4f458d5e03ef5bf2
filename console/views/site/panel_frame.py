"""A panel of the site window with room to say it could not show the alarm.

A panel that fails is emptied and says so in red above its content: it can show nothing, never
the previous site's data, and the operator knows to look elsewhere (the fault is in the log).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

FAULT_STYLE = "background: #b71c1c; color: white; padding: 4px; font-weight: bold;"


class PanelFrame(QWidget):
    def __init__(self, name: str, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"panel_{name}")
        self.name = name
        self.content = content
        self.fault = QLabel()
        self.fault.setObjectName("panel_fault")
        self.fault.setWordWrap(True)
        self.fault.setStyleSheet(FAULT_STYLE)
        self.fault.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.fault)
        layout.addWidget(content, 1)
        self.setFocusProxy(content)

    @property
    def faulty(self) -> bool:
        return not self.fault.isHidden()

    def show_fault(self, text: str) -> None:
        self.fault.setText("⚠ " + text)
        self.fault.show()

    def clear_fault(self) -> None:
        self.fault.hide()
        self.fault.clear()
