"""The site window's "Site" menu for tests: put the shown site on test, end its test, read or save
the installer's report. Each call runs on the control's own worker; `changed` tells the
workstation to read the site again (its header then says "ON TEST until …")."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMainWindow, QPlainTextEdit, QVBoxLayout

from console.domain.alarm import Operator
from console.domain.installer_report import report_lines
from console.domain.site import SiteFile
from console.domain.test_mode import InstallerReport, Suspension, SuspensionError, SuspensionPeriod
from console.services.test_mode import SuspensionDesk
from console.views.background import Background
from console.views.site.on_test_dialog import OnTestDialog, OnTestRequest
from console.views.supervision.report_pdf import write_text_pdf


class OnTestControl(QObject):
    changed = Signal()  # a period started or ended: the site's record is to be read again
    report_shown = Signal(object)  # the report's dialog, once filled (tests wait for it)

    def __init__(
        self, window: QMainWindow, desk: SuspensionDesk, operator: Operator, lang: str = "en"
    ) -> None:
        super().__init__(window)
        self._window = window
        self._desk = desk
        self._operator = operator
        self._lang = lang
        self._calls = Background("on_test", self)
        self._site_file: SiteFile | None = None
        self.dialog: OnTestDialog | None = None
        self.report_dialog: QDialog | None = None
        menu = window.menuBar().addMenu(self.tr("&Tests"))
        self.start_action = self._action(
            "put_on_test", self.tr("Put the site on test…"), "Ctrl+Shift+T", self.ask_test
        )
        self.end_action = self._action("end_test", self.tr("End the site's test"), "", self.end_test)
        self.report_action = self._action(
            "installer_report", self.tr("Installer's report…"), "", self.show_report
        )
        for action in (self.start_action, self.end_action, self.report_action):
            menu.addAction(action)
        self.show_site(None)

    def _action(self, name: str, text: str, key: str, slot: object) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(f"action_{name}")
        if key:
            action.setShortcut(key)
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def stop(self) -> None:
        self._calls.stop()

    def show_site(self, site_file: SiteFile | None) -> None:
        """Follow the site shown: the actions apply to it, "end" only while it has a test."""
        self._site_file = site_file
        self.start_action.setEnabled(site_file is not None)
        has_test = self._current_test() is not None
        self.end_action.setEnabled(has_test)
        self.report_action.setEnabled(site_file is not None and bool(site_file.suspensions))

    def _current_test(self) -> SuspensionPeriod | None:
        if self._site_file is None:
            return None
        tests = [p for p in self._site_file.suspensions if p.kind is Suspension.TEST]
        return tests[-1] if tests else None

    # --- put on test ------------------------------------------------------------------------

    @Slot()
    def ask_test(self) -> OnTestDialog | None:
        if self._site_file is None:
            return None
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = OnTestDialog(self._site_file, self._window)
        self.dialog.requested.connect(self._on_requested)
        self.dialog.open()
        return self.dialog

    @Slot(object)
    def _on_requested(self, request: OnTestRequest) -> None:
        site_file, dialog = self._site_file, self.dialog
        if site_file is None or dialog is None:
            return
        code = site_file.site.code

        def start() -> SuspensionPeriod:
            return self._desk.start(
                self._operator,
                code,
                Suspension.TEST,
                request.reason,
                duration=request.duration,
                account=request.account,
                zones=request.zones,
            )

        def started(_period: SuspensionPeriod) -> None:
            dialog.accept()
            self.changed.emit()

        def refused(error: Exception) -> None:
            if isinstance(error, SuspensionError):
                dialog.refusal(error.code, str(error))
            else:
                dialog.show_error("reason", str(error))

        self._calls.run(start, started, refused, expected=(SuspensionError,))

    # --- end, report ------------------------------------------------------------------------

    @Slot()
    def end_test(self) -> None:
        test = self._current_test()
        if test is None:
            return
        self._calls.run(
            lambda: self._desk.end(self._operator, test.id),
            lambda _ended: self.changed.emit(),
            self._on_failed,
            expected=(SuspensionError,),
        )

    @Slot()
    def show_report(self) -> None:
        if self._site_file is None or not self._site_file.suspensions:
            return
        period = self._site_file.suspensions[-1]
        zone = ZoneInfo(self._site_file.site.timezone)
        self._calls.run(
            lambda: self._desk.report(self._operator, period.id, self._lang),
            lambda report: self._on_report(report, zone),
            self._on_failed,
            expected=(SuspensionError,),
        )

    def _on_report(self, report: InstallerReport, zone: ZoneInfo) -> None:
        lines = report_lines(report, zone, self._lang)
        dialog = QDialog(self._window)
        dialog.setObjectName("installer_report")
        dialog.setWindowTitle(self.tr("Installer's report — %1").replace("%1", report.site_code))
        text = QPlainTextEdit("\n".join(lines))
        text.setObjectName("installer_report_text")
        text.setReadOnly(True)
        text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.rejected.connect(dialog.reject)
        buttons.accepted.connect(lambda: self._save_pdf(dialog, lines, report.site_code))
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.resize(640, 480)
        if self.report_dialog is not None:
            self.report_dialog.deleteLater()
        self.report_dialog = dialog
        dialog.open()
        self.report_shown.emit(dialog)

    def _save_pdf(self, dialog: QDialog, lines: list[str], site_code: str) -> None:
        name, _ = QFileDialog.getSaveFileName(
            dialog, self.tr("Save the report"), f"{site_code}-test.pdf", "PDF (*.pdf)"
        )
        if name:
            self.save_pdf(Path(name), lines)

    def save_pdf(self, path: Path, lines: list[str]) -> None:
        title = self.tr("Installer's test report")
        try:
            write_text_pdf(title, "\n".join(lines), path)
        except OSError as exc:
            self._window.statusBar().showMessage(str(exc), 8000)

    def _on_failed(self, error: Exception) -> None:
        self._window.statusBar().showMessage(str(error), 8000)
