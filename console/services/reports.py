"""Supervision reports: build the figures, save them with the supervisor's comment, export a PDF.

The PDF is drawn by Qt (charts included), which lives in the views: the service takes the drawing
as a callable (`PdfRenderer`), calls it, and journals the export only once the file is written, so
the journal never claims a report left the station when it did not. The command line
(`vigie report`) passes the same renderer.

`station_report_seconds(db, start, end)` is the entry for bench/history.py: the whole station's
report over a period, timed (the target is under 3 s for a year of a million alarms).
"""

from __future__ import annotations

import getpass
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from console.domain.alarm import Operator
from console.domain.journal import JournalAction
from console.domain.report import (
    DEFAULT_ZONE,
    ReportError,
    ReportPeriod,
    ReportScope,
    SavedReportEntry,
    StationReport,
)
from console.domain.service_level import ServiceTargets
from console.services.authority import Authority
from console.storage.alarms import append_journal
from console.storage.engine import Database, unavailable_raised
from console.storage.reports import (
    SavedReport,
    build_report,
    save_report,
    saved_report,
    saved_report_entries,
    saved_reports,
)

PdfRenderer = Callable[[StationReport, str, Path], None]
"""Writes (report, comment) as a PDF at the path; raises OSError when the file cannot be written."""


def _detail(report: StationReport) -> str:
    start, end = report.period.start.isoformat(), report.period.end.isoformat()
    return f"{report.scope.key()} {start}/{end}"


class Reports:
    """Reports for supervisors and admins only: every call asks the Authority first."""

    def __init__(
        self,
        db: Database,
        authority: Authority,
        *,
        zone: ZoneInfo | None = None,
        targets: ServiceTargets | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._db = db
        self._authority = authority
        self.zone = zone or ZoneInfo(DEFAULT_ZONE)
        self.targets = targets or ServiceTargets()
        self._clock = clock

    def build(self, operator: Operator, period: ReportPeriod, scope: ReportScope) -> StationReport:
        """The figures; ReportError for an unknown site or operator, DatabaseUnavailable on an outage."""
        self._authority.require(operator, "build a report")
        return self._build(period, scope, operator.display_name)

    def save(self, operator: Operator, report: StationReport, comment: str) -> int:
        """Keep the report as built, with its comment; returns its id (REPORT_SAVED journaled)."""
        self._authority.require(operator, "save a report")
        with unavailable_raised(), self._db.write() as session:
            report_id = save_report(session, report, comment, operator.id, self._clock())
            append_journal(
                session,
                at=self._clock(),
                action=JournalAction.REPORT_SAVED,
                detail=f"report {report_id}: {_detail(report)}",
                operator_id=operator.id,
            )
        return report_id

    def saved(self, operator: Operator, limit: int = 50) -> list[SavedReport]:
        self._authority.require(operator, "read saved reports")
        with unavailable_raised(), self._db.read() as session:
            return list(saved_reports(session, limit))

    def saved_list(self, operator: Operator, limit: int = 200) -> list[SavedReportEntry]:
        """The saved reports, newest first, without their figures (the list a supervisor picks from)."""
        self._authority.require(operator, "list saved reports")
        with unavailable_raised(), self._db.read() as session:
            return saved_report_entries(session, limit)

    def reopen(self, operator: Operator, report_id: int) -> tuple[SavedReportEntry, StationReport]:
        """A saved report as it was built and commented (REPORT_OPENED journaled: it is read again
        as the evidence it was); ReportError `unknown_report` when there is none of that id."""
        self._authority.require(operator, "reopen a saved report")
        with unavailable_raised(), self._db.read() as session:
            found = saved_report(session, report_id)
        if found is None:
            raise ReportError(f"no saved report {report_id}", "unknown_report", id=str(report_id))
        self._authority.record(
            operator, JournalAction.REPORT_OPENED, f"report {report_id}: {_detail(found[1])}"
        )
        return found

    def export_pdf(
        self,
        operator: Operator,
        report: StationReport,
        comment: str,
        path: Path,
        renderer: PdfRenderer,
        *,
        saved_id: int | None = None,
    ) -> None:
        """Write the PDF, then journal REPORT_EXPORTED with where it went (and which saved report it
        is, exported again); OSError if unwritable.

        When the journal cannot be written the PDF is removed again: no report leaves unjournaled."""
        self._authority.require(operator, "export a report")
        renderer(report, comment, path)
        which = f"report {saved_id}: " if saved_id is not None else ""
        try:
            self._authority.record(
                operator, JournalAction.REPORT_EXPORTED, f"{which}{_detail(report)} -> {path}"
            )
        except BaseException:
            path.unlink(missing_ok=True)
            raise

    def build_as_station(self, period: ReportPeriod, scope: ReportScope) -> StationReport:
        """For `vigie report` on the server: the database URL is the credential (as for
        `vigie history`), there is no signed-in operator; the author is the system user."""
        return self._build(period, scope, f"{getpass.getuser()} (vigie report)")

    def export_pdf_as_station(
        self, report: StationReport, comment: str, path: Path, renderer: PdfRenderer
    ) -> None:
        """The command line's export, journaled without an operator but with who ran it."""
        renderer(report, comment, path)
        try:
            with unavailable_raised(), self._db.write() as session:
                append_journal(
                    session,
                    at=self._clock(),
                    action=JournalAction.REPORT_EXPORTED,
                    detail=f"{_detail(report)} -> {path} by {report.author}",
                )
        except BaseException:
            path.unlink(missing_ok=True)
            raise

    def _build(self, period: ReportPeriod, scope: ReportScope, author: str) -> StationReport:
        with unavailable_raised(), self._db.read() as session:
            return build_report(
                session,
                period,
                scope,
                zone=self.zone,
                targets=self.targets,
                author=author,
                built_at=self._clock(),
            )


def station_report_seconds(db: Database, start: datetime, end: datetime) -> float:
    """Seconds to build the whole station's report over [start, end) (UTC-aware): the bench's probe.

    No role check and nothing journaled: it measures the queries, as `vigie report` would run them.
    """
    began = time.perf_counter()
    Reports(db, Authority(db)).build_as_station(ReportPeriod(start, end), ReportScope())
    return time.perf_counter() - began
