"""The supervision window's journal page: the last verification of the chain, verifying now, and
publishing the chain's head to a file of the supervisor's choice.

A verification reads every journal entry (a million on a station's year) and hashes each
recording: it runs on a worker thread, its progress and outcome crossing to the GUI thread by
queued signals, so the supervisor's window never freezes. The role is checked by the service.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.alarm import Operator
from console.domain.outage import DatabaseUnavailable
from console.services.authority import AuditRefused
from console.services.journal_chain import ChainBroken, JournalChain, LastVerification, Verification
from console.views.background import Background
from console.views.formatting import format_date_time

log = logging.getLogger(__name__)


class JournalPage(QWidget):
    verification_finished = Signal(object)  # Verification, for whoever wants to know
    _progressed = Signal(int, int)  # from the worker: entries checked, entries in all

    def __init__(
        self, chain: JournalChain, operator: Operator, lang: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._chain = chain
        self._operator = operator
        self._lang = lang
        self._background = Background("journal_chain", self)
        self._busy = False
        self.last_label = QLabel(self)
        self.last_label.setObjectName("journal_last_verification")
        self.last_label.setWordWrap(True)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("journal_verification_result")
        self.result_label.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("journal_verification_progress")
        self.progress.hide()
        self.verify_button = QPushButton(self.tr("Verify now"), self)
        self.verify_button.setObjectName("journal_verify")
        self.publish_button = QPushButton(self.tr("Publish head…"), self)
        self.publish_button.setObjectName("journal_publish")
        explanation = QLabel(
            self.tr(
                "Every journal entry and every recording's fingerprint is chained to the one before: "
                "an entry edited, deleted or inserted breaks the chain. Publish the head once a day "
                "to a file kept off the station, to detect a rewrite of the whole chain."
            ),
            self,
        )
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Last verification:"), self.last_label)
        form.addRow(self.tr("Result:"), self.result_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.publish_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.verify_button.clicked.connect(self._on_verify_clicked)
        self.publish_button.clicked.connect(self._on_publish_clicked)
        self._progressed.connect(self._on_progressed)
        self.last_label.setText(self.tr("Loading…"))
        self._submit("last", self._chain.last_verification)

    def title(self) -> str:
        return self.tr("Journal chain")

    def shutdown(self) -> None:
        self._background.stop()

    def choose_publish_file(self) -> Path | None:
        """Where to append the head (a file dialog; tests replace this method)."""
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Publish the chain's head"),
            "",
            self.tr("Text files (*.txt);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # the line is appended, nothing overwritten
        )
        return Path(name) if name else None

    # -- slots ------------------------------------------------------------------------------------

    @Slot()
    def _on_verify_clicked(self) -> None:
        self._start("verify", lambda: self._chain.verify(self._operator, progress=self._progressed.emit))

    @Slot()
    def _on_publish_clicked(self) -> None:
        path = self.choose_publish_file()
        if path is None:
            return

        def work() -> tuple[Verification, Any]:
            verification = self._chain.verify(self._operator, progress=self._progressed.emit)
            try:
                return verification, self._chain.publish(verification, path, self._operator)
            except ChainBroken:
                return verification, None

        self._start("publish", work)

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))

    def _on_done(self, what: str, result: Any, error: BaseException | None) -> None:
        if what == "last":
            if error is not None:
                self.last_label.setText(self._error_text(error))
            else:
                self._show_last(result)
            return
        self._busy = False
        self.verify_button.setEnabled(True)
        self.publish_button.setEnabled(True)
        self.progress.hide()
        if error is not None:
            self.result_label.setText(self._error_text(error))
            return
        verification, published = result if what == "publish" else (result, None)
        text = self._verification_text(verification)
        if what == "publish":
            if published is not None:
                text += "\n" + self.tr("Head published: %1").replace("%1", published.line().strip())
            else:
                text += "\n" + self.tr("The head was not published: the chain is broken.")
        self.result_label.setText(text)
        self.verification_finished.emit(verification)
        self._submit("last", self._chain.last_verification)

    # -- helpers ----------------------------------------------------------------------------------

    def _start(self, what: str, work: Any) -> None:
        if self._busy:
            return
        self._busy = True
        self.verify_button.setEnabled(False)
        self.publish_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.progress.show()
        self.result_label.setText(self.tr("Verifying…"))
        self._submit(what, work)

    def _submit(self, what: str, work: Any) -> None:
        """Run on the page's worker; a bug is logged as a fault there, and shown here too."""
        self._background.run(
            work,
            lambda result: self._on_done(what, result, None),
            lambda exc: self._on_done(what, None, exc),
            expected=(OSError,),
        )

    def _show_last(self, last: LastVerification | None) -> None:
        if last is None:
            self.last_label.setText(self.tr("Never verified."))
            return
        who = last.by or self.tr("the command line (vigie verify)")
        self.last_label.setText(
            self.tr("%1 by %2: %3")
            .replace("%1", format_date_time(last.at, self._lang))
            .replace("%2", who)
            .replace("%3", last.outcome)
        )

    def _verification_text(self, verification: Verification) -> str:
        if verification.problem is None:
            return (
                self.tr("Chain intact: %1 entries, %2 recordings checked; head %3.")
                .replace("%1", str(verification.entries))
                .replace("%2", str(verification.recordings))
                .replace("%3", verification.head_hash)
            )
        return self.tr("Chain broken: %1").replace("%1", verification.problem.message)

    def _error_text(self, error: BaseException) -> str:
        if isinstance(error, AuditRefused):
            return self.tr("Only supervisors and admins may verify or publish the journal's chain.")
        if isinstance(error, DatabaseUnavailable):
            return self.tr("The database is unreachable: %1").replace("%1", str(error))
        if isinstance(error, OSError):
            return self.tr("Could not write the file: %1").replace("%1", error.strerror or str(error))
        return self.tr("The verification failed: %1").replace("%1", str(error))
