"""A site's procedures, one per kind of alarm: a title and ordered steps, each mandatory or not.

A step's text is edited in place (F2 or a double click), its box says whether it is mandatory (Space).
A step kept keeps its id when saved, so an operator handling an open alarm of the site keeps the steps
already ticked; the site window shows the new steps as soon as they are saved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.priority import EventCategory
from console.domain.site_fields import StepDraft
from console.domain.site_sheet import SiteSheet
from console.services.admin_rights import Section
from console.views.admin.field_form import FieldForm, FieldSpec
from console.views.admin.host import AdminHost
from console.views.category_words import category_label

_STEP_ID = Qt.ItemDataRole.UserRole


class ProcedurePage(QWidget):
    def __init__(self, host: AdminHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.sheet: SiteSheet | None = None
        self.category = QComboBox()
        self.category.setObjectName("admin_procedure_category")
        for category in EventCategory:
            self.category.addItem(category_label(category), category.value)
        self.form = FieldForm([FieldSpec("title", self.tr("Title"))])
        self.steps = QListWidget()
        self.steps.setObjectName("admin_procedure_steps")
        self.steps.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        steps_error = QLabel()
        self.form.attach_error("steps", steps_error, self.steps)
        self.new_step = QLineEdit()
        self.new_step.setObjectName("admin_new_step")
        self.new_step.setPlaceholderText(self.tr("A new step; Return adds it"))
        self.new_step_mandatory = QCheckBox(self.tr("Mandatory"))
        self.new_step_mandatory.setObjectName("admin_new_step_mandatory")
        self.new_step_mandatory.setChecked(True)
        self.add_step_button = QPushButton(self.tr("Add step"))
        self.add_step_button.setObjectName("admin_add_step")
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setObjectName("admin_step_up")
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setObjectName("admin_step_down")
        self.remove_step_button = QPushButton(self.tr("Remove step"))
        self.remove_step_button.setObjectName("admin_remove_step")
        self.save_button = QPushButton(self.tr("Save procedure"))
        self.save_button.setObjectName("admin_save_procedure")
        self.remove_button = QPushButton(self.tr("Remove procedure"))
        self.remove_button.setObjectName("admin_remove_procedure")
        self.state = QLabel()
        self.state.setObjectName("admin_procedure_state")
        top = QHBoxLayout()
        caption = QLabel(self.tr("For alarms of kind"))
        caption.setBuddy(self.category)
        top.addWidget(caption)
        top.addWidget(self.category, 1)
        top.addWidget(self.state, 2)
        adding = QHBoxLayout()
        adding.addWidget(self.new_step, 1)
        adding.addWidget(self.new_step_mandatory)
        adding.addWidget(self.add_step_button)
        order = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_step_button):
            order.addWidget(button)
        order.addStretch(1)
        order.addWidget(steps_error, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.form)
        layout.addWidget(QLabel(self.tr("Steps, in order (ticked: mandatory before closing)")))
        layout.addWidget(self.steps, 1)
        layout.addLayout(order)
        layout.addLayout(adding)
        layout.addLayout(buttons)
        self.category.currentIndexChanged.connect(lambda _index: self._fill())
        self.new_step.returnPressed.connect(self.add_step)
        self.add_step_button.clicked.connect(self.add_step)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))
        self.remove_step_button.clicked.connect(self._remove_step)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self._remove)
        self.show_sheet(None)

    def current_category(self) -> EventCategory:
        return EventCategory(self.category.currentData())

    def choose(self, category: EventCategory) -> None:
        self.category.setCurrentIndex(self.category.findData(category.value))

    def show_sheet(self, sheet: SiteSheet | None) -> None:
        self.sheet = sheet
        for index in range(self.category.count()):  # which kinds have a procedure, at a glance
            category = EventCategory(self.category.itemData(index))
            defined = sheet is not None and sheet.procedure(category) is not None
            self.category.setItemText(index, category_label(category) + (" ✓" if defined else ""))
        self._fill()

    def _fill(self) -> None:
        sheet = self.sheet
        procedure = sheet.procedure(self.current_category()) if sheet is not None else None
        self.form.set_texts({"title": procedure.title if procedure is not None else ""})
        self.steps.clear()
        for step in procedure.steps if procedure is not None else ():
            self._add_item(step)
        self.state.setText(self.tr("No procedure yet for this kind of alarm.") if procedure is None else "")
        editable = sheet is not None and sheet.archived_at is None and self._host.may(Section.PROCEDURES)
        self.form.set_editable(editable)
        for widget in (
            self.new_step,
            self.new_step_mandatory,
            self.add_step_button,
            self.up_button,
            self.down_button,
            self.remove_step_button,
            self.save_button,
        ):
            widget.setEnabled(editable)
        self.remove_button.setEnabled(editable and procedure is not None)

    def _add_item(self, step: StepDraft) -> QListWidgetItem:
        item = QListWidgetItem(step.text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if step.mandatory else Qt.CheckState.Unchecked)
        item.setData(_STEP_ID, step.id)
        self.steps.addItem(item)
        return item

    def drafts(self) -> list[StepDraft]:
        """The steps as shown, in order, each with the id of the stored step it is (None: new)."""
        drafts = []
        for row in range(self.steps.count()):
            item = self.steps.item(row)
            step_id = item.data(_STEP_ID)
            drafts.append(
                StepDraft(
                    item.text(), item.checkState() == Qt.CheckState.Checked, int(step_id) if step_id else None
                )
            )
        return drafts

    def add_step(self) -> None:
        text = self.new_step.text()
        if not text.strip():
            return
        item = self._add_item(StepDraft(text, self.new_step_mandatory.isChecked()))
        self.steps.setCurrentItem(item)
        self.new_step.clear()
        self.new_step_mandatory.setChecked(True)

    def _move(self, offset: int) -> None:
        row = self.steps.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.steps.count():
            return
        item = self.steps.takeItem(row)
        self.steps.insertItem(target, item)
        self.steps.setCurrentRow(target)

    def _remove_step(self) -> None:
        row = self.steps.currentRow()
        if row >= 0:
            self.steps.takeItem(row)

    def save(self) -> None:
        host, sheet, category = self._host, self.sheet, self.current_category()
        if sheet is None:
            return
        title, steps = self.form.text("title"), self.drafts()
        host.submit(
            lambda: host.admin.save_procedure(host.operator, sheet.id, category, title, steps),
            self.form,
            self.tr("Procedure saved."),
        )

    def _remove(self) -> None:
        host, sheet, category = self._host, self.sheet, self.current_category()
        if sheet is not None:
            host.submit(
                lambda: host.admin.remove_procedure(host.operator, sheet.id, category),
                None,
                self.tr("Procedure removed."),
            )
