"""The calls in progress and what the operator does to them: answer, hang up, hold, mute, transfer.

Keyboard first, like the dispatch panel: F9 answers, F12 hangs up, F10 holds or resumes, F11 mutes,
F8 switches a listen-in between listening and talking (its button sits in the listen-in box). The
actions act on the selected call, else the one in conversation; the softphone panel connects them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.calls import MAX_SIMULTANEOUS_CALLS
from console.views.phone.call_list_model import ActiveCallsModel, CallLine

KEYS = {"answer": "F9", "hold": "F10", "mute": "F11", "hangup": "F12", "listen_talk": "F8"}


class ActiveCallsBox(QGroupBox):
    def __init__(self, model: ActiveCallsModel, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Calls in progress"), parent)
        self.model = model
        self.actions_by_name: dict[str, QAction] = {}
        self.buttons_by_name: dict[str, QPushButton] = {}
        texts = {
            "answer": self.tr("Answer"),
            "hold": self.tr("Hold"),
            "mute": self.tr("Mute"),
            "hangup": self.tr("Hang up"),
            "listen_talk": self.tr("Talk"),
        }
        for name, key in KEYS.items():
            action = QAction(texts[name], self)
            action.setObjectName(f"action_phone_{name}")
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(f"{texts[name]} ({key})")
            self.addAction(action)
            self.actions_by_name[name] = action
            button = QPushButton(f"{texts[name]} ({key})", self)
            button.setObjectName(f"phone_{name}_button")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            self.buttons_by_name[name] = button
        self.buttons_by_name["hangup"].setStyleSheet(
            "QPushButton:enabled { color: #c62828; font-weight: bold; }"
        )
        self.table = QTableView()
        self.table.setObjectName("active_calls")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setFixedHeight(  # room for every call the engine allows
            self.table.horizontalHeader().sizeHint().height()
            + MAX_SIMULTANEOUS_CALLS * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
        )
        self.transfer_box = QComboBox()
        self.transfer_box.setObjectName("transfer_target")
        self.transfer_box.setEditable(True)
        self.transfer_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.transfer_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.transfer_box.setMinimumContentsLength(12)
        transfer_edit = self.transfer_box.lineEdit()
        if transfer_edit is not None:
            transfer_edit.setPlaceholderText(self.tr("Transfer to (choose or type)"))
        self.transfer_button = QPushButton(self.tr("Transfer"))
        self.transfer_button.setObjectName("phone_transfer_button")
        buttons = QGridLayout()  # two by two: the French labels are long, the dock narrow
        for i, name in enumerate(("answer", "hangup", "hold", "mute")):
            buttons.addWidget(self.buttons_by_name[name], i // 2, i % 2)
        transfer = QHBoxLayout()
        transfer.addWidget(self.transfer_box, 1)
        transfer.addWidget(self.transfer_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addLayout(transfer)

    def set_transfer_targets(self, targets: Sequence[tuple[str, str]]) -> None:
        self.transfer_box.clear()
        for label, uri in targets:
            self.transfer_box.addItem(label, uri)
        self.transfer_box.setCurrentIndex(-1)

    def transfer_choice(self) -> tuple[str, str | None]:
        """What the transfer field says, and the target's URI when it is one from the list."""
        text = self.transfer_box.currentText().strip()
        index = self.transfer_box.currentIndex()
        listed = index >= 0 and self.transfer_box.itemText(index) == text
        return text, str(self.transfer_box.itemData(index)) if listed else None

    def target_call(self) -> CallLine | None:
        """The selected call, else the one in conversation, else the latest."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return self.model.line_at(rows[0].row())
        lines = self.model.lines()
        talking = [line for line in lines if line.answered and not line.held]
        candidates = talking or lines
        return candidates[-1] if candidates else None

    def select(self, handle: int) -> None:
        row = self.model.row_of(handle)
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    def update_actions(self, attached: bool, listen_line: CallLine | None) -> None:
        """Each action enabled for the call it would act on, its button saying what it would do."""
        line = self.target_call() if attached else None
        answered = line is not None and line.answered
        ringing = attached and any(other.waiting_answer for other in self.model.lines())
        actions = self.actions_by_name
        actions["answer"].setEnabled(ringing)
        actions["hold"].setEnabled(answered)
        actions["mute"].setEnabled(answered and line is not None and not line.held)
        actions["hangup"].setEnabled(line is not None)
        actions["listen_talk"].setEnabled(attached and listen_line is not None and listen_line.answered)
        held = line is not None and line.held
        muted = line is not None and line.muted
        listening = listen_line is None or listen_line.muted
        words = {
            "hold": self.tr("Resume") if held else self.tr("Hold"),
            "mute": self.tr("Unmute") if muted else self.tr("Mute"),
            "listen_talk": self.tr("Talk") if listening else self.tr("Listen"),
        }
        for name, text in words.items():
            self.buttons_by_name[name].setText(f"{text} ({KEYS[name]})")
        self.transfer_box.setEnabled(answered)
        self.transfer_button.setEnabled(answered)
