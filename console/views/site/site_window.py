"""The second screen: everything about the site of the alarm being handled.

Site details and occupants' needs at the top, the floor plan with the tripped zones in the
middle, and around it (as docks the operator can rearrange) the procedure checklist, the ordered
contacts, the alarm's signals and its journal, the dispatches and the telephone.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from html import escape

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QListView,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.alarm import Alarm, Operator
from console.domain.alarm_path import is_trip
from console.domain.alarm_record import AlarmRecord
from console.domain.grouping import localized_title
from console.domain.journal import action_label
from console.domain.journal_text import localized_detail
from console.domain.outage import DatabaseUnavailable
from console.domain.signal_detail import signal_detail
from console.domain.site import Contact, JournalEntry, ProcedureStep, SignalRecord, SiteFile
from console.services.plan_editing import PlanEditing, may_edit_plans
from console.views.category_words import category_label
from console.views.formatting import format_time
from console.views.phone.phone_messages import settings_menu_path
from console.views.phone.softphone_panel import SoftphonePanel
from console.views.session_menu import add_help_menu, add_session_menu, window_action
from console.views.site.dispatch_panel import DispatchPanel
from console.views.site.floor_plan import FloorPlanWidget, PathStep
from console.views.site.panel_frame import PanelFrame
from console.views.site.plan_editor import PlanEditorDialog
from console.views.site.procedure_model import ProcedureChecklistModel
from console.views.site.record_model import ColumnSpec, RecordTableModel
from console.views.site.site_status import hours_line, suspension_line

log = logging.getLogger(__name__)

_ROW_ID = re.compile(r"^#\d+ ")  # a step's or a call record's id heading a journal line


class SiteWindow(QMainWindow):
    step_ticked = Signal(int, object)  # alarm id, ProcedureStep
    zones_acknowledged = Signal(int, object)  # alarm id, list of zone numbers (A on the plan)
    close_requested = Signal(object)  # Alarm the operator wants to close (C), without going back to the queue
    queue_wanted = Signal()  # F2: the keyboard goes back to the queue window
    sign_out_requested = Signal()
    quit_requested = Signal()
    supervision_requested = (
        Signal()
    )  # Console > Supervision (Ctrl+Shift+S): the workstation opens it if allowed
    administration_requested = Signal()  # Console > Administration (Ctrl+Shift+A): likewise

    def __init__(
        self,
        lang: str = "en",
        parent: QWidget | None = None,
        *,
        operator: Operator | None = None,
        plan_editing: PlanEditing | None = None,
    ) -> None:
        super().__init__(parent)
        self._operator = operator
        self._plan_editing = plan_editing
        self.plan_editor: PlanEditorDialog | None = None
        self.setObjectName("site_window")
        self.setWindowTitle(self.tr("Vigie — Site"))
        self._lang = lang
        self.alarm: Alarm | None = None
        self.site_file: SiteFile | None = None
        self.loading = False  # the record of `alarm` is on its way: panels show nothing meanwhile
        self.record: AlarmRecord | None = None  # what the panels show
        self._focus_wanted: int | None = None  # a panel asked for while loading
        self._shown_procedure: tuple[int, tuple[int, ...]] | None = None  # procedure id and its steps
        self.panel_frames: dict[str, PanelFrame] = {}
        self._panel_names = {
            "header": self.tr("site details"),
            "plan": self.tr("floor plan"),
            "contacts": self.tr("contacts"),
            "procedure": self.tr("procedure"),
            "signals": self.tr("signals"),
            "journal": self.tr("journal"),
            "dispatch": self.tr("dispatch"),
            "phone": self.tr("phone"),
        }

        self.header = QLabel()
        self.header.setObjectName("site_header")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.needs = QLabel()
        self.needs.setObjectName("accessibility_needs")
        self.needs.setWordWrap(True)
        self.needs.setStyleSheet(
            "background: #fff176; color: #212121; border: 2px solid #f9a825; padding: 6px; font-weight: bold;"
        )
        self.plan = FloorPlanWidget(lang=lang)
        header_box = QWidget()
        header_layout = QVBoxLayout(header_box)
        header_layout.setContentsMargins(0, 0, 0, 0)
        header_layout.addWidget(self.header)
        header_layout.addWidget(self.needs)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._frame("header", header_box))
        layout.addWidget(self._frame("plan", self.plan), 1)
        self.setCentralWidget(central)

        self._qualifiers = {
            "new": self.tr("alarm"),
            "restore": self.tr("restore"),
            "status": self.tr("still present"),
        }
        self.checklist = ProcedureChecklistModel(self)
        self.checklist.step_ticked.connect(self._on_step_ticked)
        self.procedure_title = QLabel()
        self.procedure_change = QLabel()  # the alarm changed category while shown: a new procedure
        self.procedure_change.setObjectName("procedure_change")
        self.procedure_change.setWordWrap(True)
        self.procedure_change.setStyleSheet(
            "background: #fff176; color: #212121; border: 2px solid #c62828; padding: 4px; font-weight: bold;"
        )
        self.procedure_change.hide()
        self.checklist_view = QListView()
        self.checklist_view.setObjectName("procedure_checklist")
        self.checklist_view.setModel(self.checklist)
        self.checklist_view.setWordWrap(True)
        procedure_box = QWidget()
        procedure_layout = QVBoxLayout(procedure_box)
        procedure_layout.setContentsMargins(2, 2, 2, 2)
        procedure_layout.addWidget(self.procedure_change)
        procedure_layout.addWidget(self.procedure_title)
        procedure_layout.addWidget(self.checklist_view)

        self.contacts = RecordTableModel[Contact](
            [
                ColumnSpec(self.tr("#"), lambda c: c.rank),
                ColumnSpec(self.tr("Name"), lambda c: c.name),
                ColumnSpec(self.tr("Role"), lambda c: c.role),
                ColumnSpec(self.tr("Phones"), lambda c: ", ".join(c.phones)),
                ColumnSpec(self.tr("Availability"), lambda c: c.availability),
                ColumnSpec(
                    self.tr("Needs"), lambda c: c.accessibility_needs, lambda c: bool(c.accessibility_needs)
                ),
            ],
            self,
        )
        self.signals = RecordTableModel[SignalRecord](
            [
                ColumnSpec(self.tr("Time"), lambda s: format_time(s.received_at, self._lang)),
                ColumnSpec(self.tr("Code"), lambda s: s.event_code),
                ColumnSpec(self.tr("Event"), lambda s: s.label),
                ColumnSpec(self.tr("Zone"), self._zone_text),
                ColumnSpec(self.tr("Q"), lambda s: self._qualifiers.get(s.qualifier, s.qualifier)),
                ColumnSpec(self.tr("Detail"), lambda s: signal_detail(s.extended, self._lang)),
            ],
            self,
        )
        self.journal = RecordTableModel[JournalEntry](
            [
                ColumnSpec(self.tr("Time"), lambda e: format_time(e.at, self._lang)),
                ColumnSpec(self.tr("Operator"), lambda e: e.operator_login or self.tr("system")),
                ColumnSpec(self.tr("Action"), lambda e: action_label(e.action, self._lang)),
                ColumnSpec(self.tr("Detail"), self._journal_detail),
            ],
            self,
        )
        procedure_dock = self._dock(
            "procedure", self.tr("Procedure"), procedure_box, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.contacts_view = self._dock_table(
            "contacts",
            self.tr("Contacts (call in this order)"),
            self.contacts,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.signals_view = self._dock_table(
            "signals", self.tr("Signals"), self.signals, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.journal_view = self._dock_table(
            "journal", self.tr("Journal"), self.journal, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self._procedure_dock = procedure_dock
        self.dispatch_panel = DispatchPanel(lang=lang)  # acts once the workstation attaches a DispatchDesk
        self._dispatch_dock = self._dock(
            "dispatch", self.tr("Dispatch"), self.dispatch_panel, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.splitDockWidget(procedure_dock, self._dispatch_dock, Qt.Orientation.Vertical)
        self.softphone_panel = SoftphonePanel(lang=lang)  # calls once the workstation attaches the phone
        self._phone_dock = self._dock(
            "phone", self.tr("Phone"), self.softphone_panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        acknowledge = QAction(self.tr("Acknowledge the tripped zones"), self)
        acknowledge.setObjectName("action_acknowledge_zones")
        acknowledge.setShortcut(QKeySequence("A"))
        acknowledge.triggered.connect(self._on_acknowledge_zones)
        self.addAction(acknowledge)
        replay = QAction(self.tr("Replay the alarm path"), self)
        replay.setObjectName("action_replay_path")
        replay.setShortcut(QKeySequence("P"))
        replay.triggered.connect(self.plan.replay)
        self.addAction(replay)
        self._build_focus_actions()
        self.contacts_view.activated.connect(self._on_contact_activated)
        self.actions_by_name.update(
            add_session_menu(
                self,
                self.sign_out_requested.emit,
                self.quit_requested.emit,
                self.supervision_requested.emit,
                self.administration_requested.emit,
            )
        )
        self.edit_plans_action = self._plan_editing_action()
        self.actions_by_name["shortcuts"] = add_help_menu(self)
        self.show_nothing()

    def apply_default_layout(self) -> None:
        """First-start proportions: a wide right column for procedure and contacts. Call once shown."""
        contacts_dock = self.findChild(QDockWidget, "dock_contacts")
        signals_dock = self.findChild(QDockWidget, "dock_signals")
        assert isinstance(contacts_dock, QDockWidget) and isinstance(signals_dock, QDockWidget)
        right = max(420, self.width() * 2 // 5)
        right_docks = [self._procedure_dock, self._dispatch_dock, contacts_dock]
        self.resizeDocks(right_docks, [right] * 3, Qt.Orientation.Horizontal)
        third = max(160, (self.height() - 260) // 3)
        self.resizeDocks(right_docks, [third] * 3, Qt.Orientation.Vertical)
        self.resizeDocks([signals_dock], [220], Qt.Orientation.Vertical)
        self.resizeDocks([self._phone_dock], [max(420, self.width() // 4)], Qt.Orientation.Horizontal)

    # --- content ----------------------------------------------------------------------------

    def show_nothing(self) -> None:
        self.alarm = None
        self.record = None
        self._focus_wanted = None
        self.loading = False
        self.site_file = None
        self._shown_procedure = None
        nothing = self.tr("No alarm selected")
        self.setWindowTitle(self.tr("Vigie — Site"))
        self.header.setText(f"<h2>{escape(nothing)}</h2>")
        self.needs.hide()
        self.procedure_change.hide()
        for name, clear in self._clearers().items():
            self._run_panel(name, "", clear)
        self.edit_plans_action.setEnabled(False)

    def show_loading(self, alarm: Alarm) -> None:
        """Another alarm was asked for and its record is on its way: its name in the header at once,
        and no panel left showing the previous site meanwhile."""
        self.show_nothing()
        self.alarm = alarm
        label = f"{alarm.site_code} {alarm.site_name}".strip() or alarm.account
        self.setWindowTitle(self.tr("Vigie — %1").replace("%1", label))
        loading = self.tr("loading…")
        self.header.setText(
            f"<h2>{escape(label)}</h2><p>{escape(localized_title(alarm, self._lang))} — {escape(loading)}</p>"
        )
        self.loading = True

    def show_unreadable(self, alarm: Alarm, message: str) -> None:
        """The record of the alarm asked for could not be read: say so where "loading…" was (the
        panels stay empty, never the previous site's); the next change or a reopen reads it again."""
        if self.alarm is None or self.alarm.id != alarm.id or not self.loading:
            return  # a record already shown stays: an outage on a refresh is the banner's to say
        self.loading = False
        label = f"{alarm.site_code} {alarm.site_name}".strip() or alarm.account
        self.header.setText(f"<h2>{escape(label)}</h2><p style='color:#c62828'>{escape(message)}</p>")

    def show_alarm(self, record: AlarmRecord) -> None:
        """Show this alarm in every panel. Each panel is refreshed on its own: one that fails is
        emptied and says so, the others still show this alarm (never the previous one's site)."""
        self.record = record
        alarm, site_file = record.alarm, record.site_file
        signals, journal, done_steps = list(record.signals), list(record.journal), record.done_steps
        previous, previous_alarm = self.site_file, self.alarm
        same_site = previous is not None and site_file is not None and previous.site.id == site_file.site.id
        same_alarm = previous_alarm is not None and previous_alarm.id == alarm.id and not self.loading
        self.alarm = alarm
        self.site_file = site_file
        self.loading = False
        failed_before = {name for name, frame in self.panel_frames.items() if frame.faulty}
        # Redrawn for another site, or when the site's file changed (a supervisor edited its plans
        # on another console): the plan keeps its zoom and level otherwise.
        redraw_plan = (
            not same_site
            or "plan" in failed_before
            or _changed(previous, site_file, lambda f: (f.plans, f.zones))
        )
        new_contacts = (
            not same_site
            or "contacts" in failed_before
            or _changed(previous, site_file, lambda f: f.contacts)
        )
        label = f"{alarm.site_code} {alarm.site_name}".strip() or alarm.account
        clearers = self._clearers()
        procedure = site_file.procedure_for(alarm.category) if site_file else None
        refreshes: list[tuple[str, Callable[[], None]]] = [
            ("header", lambda: self._show_header(alarm, site_file)),
            ("plan", lambda: self._show_plan(site_file, signals, redraw_plan)),
            ("contacts", lambda: self._show_contacts(site_file, new_contacts)),
            (
                "procedure",
                lambda: self._show_procedure(
                    alarm, site_file, done_steps, previous_alarm if same_alarm else None
                ),
            ),
            ("signals", lambda: self._show_records(self.signals, self.signals_view, signals)),
            ("journal", lambda: self._show_records(self.journal, self.journal_view, journal)),
            (
                "dispatch",
                lambda: self.dispatch_panel.set_alarm(
                    alarm, procedure, done_steps, record.dispatches, record.site_guard_delay_min
                ),
            ),
            ("phone", lambda: self.softphone_panel.set_alarm(alarm, site_file, signals, record.calls)),
        ]
        for name, refresh in refreshes:
            if not self._run_panel(name, label, refresh):
                self._run_panel(name, label, clearers[name], failed=True)
        self.edit_plans_action.setEnabled(site_file is not None)
        wanted, self._focus_wanted = self._focus_wanted, None
        if wanted is not None and self.isActiveWindow():
            self._focus(wanted)

    def _clearers(self) -> dict[str, Callable[[], None]]:
        """How each panel shows nothing: what a panel that failed is left with."""
        return {
            "header": self._clear_header,
            "plan": lambda: self.plan.set_site([], []),
            "contacts": lambda: self.contacts.set_records([]),
            "procedure": self._clear_procedure,
            "signals": lambda: self.signals.set_records([]),
            "journal": lambda: self.journal.set_records([]),
            "dispatch": lambda: self.dispatch_panel.set_alarm(None),
            "phone": lambda: self.softphone_panel.set_alarm(None, None, []),
        }

    def _run_panel(self, name: str, label: str, refresh: Callable[[], None], *, failed: bool = False) -> bool:
        """Refresh one panel; on an exception log it as a fault and say so on the panel."""
        frame = self.panel_frames[name]
        try:
            refresh()
        except Exception:
            log.exception("site window: the %s panel could not show the alarm of %s", name, label)
            frame.show_fault(
                self.tr("This panel could not be shown (%1). The other panels show %2; the fault is logged.")
                .replace("%1", self._panel_names.get(name, name))
                .replace("%2", label)
            )
            return False
        if not failed:
            frame.clear_fault()
        return True

    def _clear_header(self) -> None:
        alarm = self.alarm
        title = f"{alarm.site_code} {alarm.site_name}".strip() if alarm else self.tr("No alarm selected")
        self.header.setText(f"<h2>{escape(title)}</h2>")
        self.needs.hide()

    def _show_plan(self, site_file: SiteFile | None, signals: list[SignalRecord], redraw: bool) -> None:
        if redraw:
            self.plan.set_site(site_file.plans if site_file else [], site_file.zones if site_file else [])
        self.plan.set_tripped(s.zone for s in signals if s.zone is not None and s.qualifier == "new")
        self.plan.set_path(
            [
                PathStep(s.zone or 0, s.received_at)
                for s in signals
                if is_trip(s.category, s.qualifier, s.zone)
            ]
        )

    def _show_contacts(self, site_file: SiteFile | None, new: bool) -> None:
        if new:
            self.contacts.set_records(list(site_file.contacts) if site_file else [])
            self.contacts_view.resizeColumnsToContents()

    def _show_records(self, model: RecordTableModel, view: QTableView, records: list) -> None:
        model.set_records(records)
        view.resizeColumnsToContents()
        view.scrollToBottom()

    def _show_procedure(
        self, alarm: Alarm, site_file: SiteFile | None, done: set[int], before: Alarm | None
    ) -> None:
        """The procedure of the alarm's current category, its ticks from the journal. When a held
        alarm changes category (an intrusion becomes a panic) the checklist is replaced and the
        change is pointed out until another alarm is shown."""
        procedure = site_file.procedure_for(alarm.category) if site_file else None
        key = (procedure.id, tuple(s.id for s in procedure.steps)) if procedure else None
        if before is None or key != self._shown_procedure:
            self.checklist.set_procedure(procedure, done)
        else:
            self.checklist.update_done(done)  # ticks made on another console, or just journaled
        self._shown_procedure = key
        self.procedure_title.setText(
            f"<b>{escape(procedure.title)}</b>"
            if procedure
            else escape(self.tr("No procedure for this kind of alarm."))
        )
        if before is None:
            self.procedure_change.hide()
        elif before.category is not alarm.category:
            text = (
                self.tr("The alarm became %2 (it was %1): follow the procedure below.")
                .replace("%1", category_label(before.category))
                .replace("%2", category_label(alarm.category))
            )
            self.procedure_change.setText("⚠ " + text)
            self.procedure_change.show()
            self.statusBar().showMessage(text, 15000)
            self._procedure_dock.show()
            self._procedure_dock.raise_()

    def _clear_procedure(self) -> None:
        self._shown_procedure = None
        self.checklist.set_procedure(None)
        self.procedure_title.setText("")
        self.procedure_change.hide()

    def _show_header(self, alarm: Alarm, site_file: SiteFile | None) -> None:
        self.setWindowTitle(
            self.tr("Vigie — %1").replace("%1", f"{alarm.site_code} {alarm.site_name}".strip())
        )
        if site_file is None:
            account_word = self.tr("Account")
            self.header.setText(
                f"<h2>{escape(localized_title(alarm, self._lang))}</h2><p>{escape(account_word)} {escape(alarm.account)}</p>"
            )
            self.needs.hide()
            return
        site = site_file.site
        gps = (
            f"{site.latitude:.5f}, {site.longitude:.5f}"
            if site.latitude is not None and site.longitude is not None
            else ""
        )
        risk = self.tr("risk class %1").replace("%1", str(site.risk_class)) if site.risk_class else ""
        facts = " · ".join(
            escape(x) for x in (site.code, ", ".join(site_file.accounts), risk, gps, site.timezone) if x
        )
        notes = f"<p><i>{escape(site.notes)}</i></p>" if site.notes else ""
        now = datetime.now(UTC)
        hours = "".join(
            f"<p style='margin:2px'>{line}</p>"
            for line in (suspension_line(site_file, now), hours_line(site_file, now))
            if line
        )
        confirmed = self.tr("confirmed by alarm path")
        path = f" <span style='color:#c62828'>✔ {escape(confirmed)}</span>" if alarm.path_confirmed_at else ""
        self.header.setText(
            f"<h2 style='margin:0'>{escape(site.name)}</h2>"
            f"<p style='margin:2px'>{escape(site.address)}, {escape(site.postcode)} {escape(site.city)}</p>"
            f"<p style='margin:2px'>{facts}</p>{hours}"
            f"<p style='margin:2px'><b>{escape(localized_title(alarm, self._lang))}</b>{path}</p>{notes}"
        )
        contact_needs = [
            f"{c.name}: {c.accessibility_needs}" for c in site_file.contacts if c.accessibility_needs
        ]
        needs = [n for n in [site.accessibility_needs, *contact_needs] if n]
        if needs:
            self.needs.setText("⚠ " + self.tr("Accessibility needs") + " — " + " | ".join(needs))
            self.needs.show()
        else:
            self.needs.hide()

    def _journal_detail(self, entry: JournalEntry) -> str:
        """System-written lines in the console's language, without the row id they start with
        (`#305 Appeler le gérant`: the record keeps it, the operator reads the words)."""
        alarm = self.alarm
        if alarm is None:
            text = localized_detail(entry.detail, self._lang)
        else:
            text = localized_detail(entry.detail, self._lang, localized_title(alarm, self._lang), alarm.title)
        return _ROW_ID.sub("", text, count=1)

    def _zone_text(self, signal: SignalRecord) -> str:
        if signal.zone is None:
            return ""
        zone = self.site_file.zone(signal.zone) if self.site_file else None
        return f"{signal.zone} {zone.name}" if zone else str(signal.zone)

    # --- layout -----------------------------------------------------------------------------

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(self._frame(name, widget))
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _frame(self, name: str, widget: QWidget) -> PanelFrame:
        frame = PanelFrame(name, widget)
        self.panel_frames[name] = frame
        return frame

    def _dock_table(
        self, name: str, title: str, model: RecordTableModel, area: Qt.DockWidgetArea
    ) -> QTableView:
        view = QTableView()
        view.setObjectName(f"{name}_table")
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        view.setWordWrap(False)
        self._dock(name, title, view, area)
        return view

    @Slot(object)
    def _on_step_ticked(self, step: ProcedureStep) -> None:
        """Space ticks the step and moves on to the next one not done: one key per step."""
        if self.alarm is not None:
            self.step_ticked.emit(self.alarm.id, step)
        row = self.checklist.next_open_row(after=step)
        if row is not None:
            self.checklist_view.setCurrentIndex(self.checklist.index(row, 0))

    # --- keyboard ---------------------------------------------------------------------------

    def _build_focus_actions(self) -> None:
        """Keyboard only: Alt+1/2/3 jump to the plan, the procedure, the contacts; F6 / Shift+F6
        cycle through them; C closes the alarm from here, without going back to the queue."""
        self.focus_targets: list[QWidget] = [self.plan, self.checklist_view, self.contacts_view]
        specs: list[tuple[str, str, str, Callable[[], None]]] = [
            ("focus_plan", self.tr("Go to the floor plan"), "Alt+1", self.focus_plan),
            ("focus_procedure", self.tr("Go to the procedure"), "Alt+2", self.focus_procedure),
            ("focus_contacts", self.tr("Go to the contacts"), "Alt+3", self.focus_contacts),
            ("focus_next", self.tr("Next panel"), "F6", self.focus_next),
            ("focus_previous", self.tr("Previous panel"), "Shift+F6", self.focus_previous),
            ("close", self.tr("Close…"), "C", self.request_close),
            ("back_to_queue", self.tr("Back to the queue"), "F2", self.queue_wanted.emit),
        ]
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, key, slot in specs:
            self.actions_by_name[name] = window_action(self, name, text, key, slot)

    @Slot()
    def focus_plan(self) -> None:
        self._focus(0)

    @Slot()
    def focus_procedure(self) -> None:
        """Land on a step (the first not done), so Up/Down and Space work at once."""
        self._focus(1)

    @Slot()
    def focus_contacts(self) -> None:
        self._focus(2)

    @Slot()
    def focus_next(self) -> None:
        self._focus((self._focused_target() + 1) % len(self.focus_targets))

    @Slot()
    def focus_previous(self) -> None:
        current = self._focused_target()
        self._focus((current if current >= 0 else 0) - 1)

    def _focused_target(self) -> int:
        """Which of plan, procedure, contacts holds the focus; -1 for none of them."""
        for i, target in enumerate(self.focus_targets):
            focused = self.focusWidget()
            if focused is not None and (focused is target or target.isAncestorOf(focused)):
                return i
        return -1

    def _focus(self, index: int) -> None:
        if self.loading:  # the panel is empty until the record comes: land there once it is drawn
            self._focus_wanted = index
        target = self.focus_targets[index % len(self.focus_targets)]
        dock = target.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.show()
            dock.raise_()  # a tabbed dock comes to the front
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if target is self.checklist_view and not self.checklist_view.currentIndex().isValid():
            row = self.checklist.first_open_row()
            if row is not None:
                self.checklist_view.setCurrentIndex(self.checklist.index(row, 0))
        elif (
            isinstance(target, QTableView)
            and not target.currentIndex().isValid()
            and target.model().rowCount()
        ):
            target.selectRow(0)

    @Slot()
    def _on_acknowledge_zones(self) -> None:
        """A: the zones stop flashing, the status bar says so and the workstation journals it."""
        zones = self.plan.tripped_zones
        if self.alarm is None or not zones:
            self.statusBar().showMessage(self.tr("No tripped zone to acknowledge"), 5000)
            return
        if self.plan.acknowledged:
            self.statusBar().showMessage(self.tr("The tripped zones are already acknowledged"), 5000)
            return
        self.plan.acknowledge()
        listed = ", ".join(str(zone) for zone in zones)
        self.statusBar().showMessage(self.tr("Tripped zones acknowledged: %1").replace("%1", listed), 8000)
        self.zones_acknowledged.emit(self.alarm.id, zones)

    @Slot(QModelIndex)
    def _on_contact_activated(self, index: QModelIndex) -> None:
        """Return (or a double click) on a contact calls them, as the call list's button would."""
        records = self.contacts.records()
        if not index.isValid() or index.row() >= len(records):
            return
        if not self.softphone_panel.attached:
            self.statusBar().showMessage(
                self.tr("Telephone not configured (see %1).").replace("%1", settings_menu_path()), 8000
            )
            return
        self.softphone_panel.call_contact(records[index.row()])

    @Slot()
    def request_close(self) -> None:
        if self.alarm is None:
            self.statusBar().showMessage(self.tr("No alarm selected"), 5000)
            return
        self.close_requested.emit(self.alarm)

    # --- floor plans (supervisors) ----------------------------------------------------------

    def _plan_editing_action(self) -> QAction:
        """Only supervisors and admins get it: for an operator it is neither shown nor reachable."""
        action = QAction(self.tr("Edit floor plans…"), self)
        action.setObjectName("action_edit_plans")
        action.setShortcut(QKeySequence("Ctrl+E"))
        action.triggered.connect(self.edit_plans)
        allowed = self._plan_editing is not None and may_edit_plans(self._operator)
        action.setVisible(allowed)
        if allowed:
            self.addAction(action)
            self.menuBar().addMenu(self.tr("&Site")).addAction(action)
        return action

    @Slot()
    def edit_plans(self) -> PlanEditorDialog | None:
        """Open the plan editor on the shown site, fresh from the database."""
        if self._plan_editing is None or self.site_file is None or not may_edit_plans(self._operator):
            return None
        try:
            site_file = self._plan_editing.load(self.site_file.site.id)
        except DatabaseUnavailable as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return None
        if site_file is None:
            return None
        if self.plan_editor is not None:
            self.plan_editor.deleteLater()
        self.plan_editor = PlanEditorDialog(self._plan_editing, site_file, self._operator, self)
        self.plan_editor.plans_saved.connect(self._on_plans_saved)
        self.plan_editor.open()
        return self.plan_editor

    @Slot(object)
    def _on_plans_saved(self, site_file: SiteFile) -> None:
        """Redraw the new plans at once, the alarm's trips and path on them, without flashing again."""
        record = self.record
        if record is None or self.site_file is None or self.site_file.site.id != site_file.site.id:
            return
        acknowledged = self.plan.acknowledged
        self.site_file = None  # another site file: show_alarm redraws the plan
        self.show_alarm(replace(record, site_file=site_file))
        if acknowledged:
            self.plan.acknowledge()


def _changed(before: SiteFile | None, after: SiteFile | None, part: Callable[[SiteFile], object]) -> bool:
    """Did this part of the site's file change (another console edited it)?"""
    return before is not None and after is not None and part(before) != part(after)
