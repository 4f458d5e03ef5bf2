"""Technical analysis for supervisors: the ranked lists, a site's fault summary, its export.

As for reports, the PDF is drawn by Qt in the views: `export_summary` takes the drawing as a
callable, and journals FAULT_SUMMARY_EXPORTED only once the file is written (removed again when
the journal cannot be written), so no summary leaves the station unjournaled.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from console.domain.alarm import Operator
from console.domain.analysis import (
    FLAP_MIN_PAIRS,
    ListKind,
    RankedRow,
    SiteSummary,
    SummaryLine,
    false_alarm_rows,
    flapping_rows,
    late_test_rows,
    render_text,
    station_rows,
    summary_lines,
    transmission_rows,
    word,
)
from console.domain.journal import JournalAction
from console.domain.report import ReportPeriod
from console.services.authority import Authority
from console.storage import analysis as queries
from console.storage.engine import Database, unavailable_raised

PdfWriter = Callable[[str, str, Path], None]
"""Writes (title, text) as a PDF at the path; raises OSError when the file cannot be written."""

SUMMARY_LIMIT = 50


class UnknownSite(LookupError):
    code = "unknown_site"

    def __init__(self, site: str) -> None:
        super().__init__(f"no site with the code {site!r}")
        self.site = site


class TechnicalAnalysis:
    """Every call asks the Authority first (supervisors and admins only)."""

    def __init__(
        self,
        db: Database,
        authority: Authority,
        lang: str = "en",
        *,
        min_pairs: int = FLAP_MIN_PAIRS,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._db = db
        self._authority = authority
        self.lang = lang
        self.min_pairs = min_pairs
        self._clock = clock

    def ranked(
        self, operator: Operator, kind: ListKind, period: ReportPeriod, limit: int = 100
    ) -> list[RankedRow]:
        """One ranked list over the period, at most `limit` rows; DatabaseUnavailable on an outage."""
        self._authority.require(operator, f"read the technical analysis ({kind.value})")
        return self._ranked(kind, period, limit, None)

    def site_summary(self, operator: Operator, site: str, period: ReportPeriod) -> SiteSummary:
        """What is technically wrong with one site over the period; UnknownSite for a wrong code."""
        self._authority.require(operator, f"build the fault summary of {site}")
        with unavailable_raised(), self._db.read() as session:
            found = queries.site_id_of(session, site.strip())
        if found is None:
            raise UnknownSite(site)
        site_id, name = found
        lines: list[SummaryLine] = []
        for kind in (ListKind.LATE_TESTS, ListKind.TRANSMISSION, ListKind.FLAPPING, ListKind.FALSE_ALARMS):
            lines.extend(summary_lines(self._ranked(kind, period, SUMMARY_LIMIT, site_id)))
        return SiteSummary(site.strip(), name, period, self._clock(), operator.display_name, tuple(lines))

    def summary_text(self, summary: SiteSummary) -> str:
        return render_text(summary, self.lang)

    def export_summary(
        self, operator: Operator, summary: SiteSummary, path: Path, write_pdf: PdfWriter | None = None
    ) -> None:
        """Write the summary as text (no `write_pdf`) or as a PDF, then journal where it went."""
        self._authority.require(operator, f"export the fault summary of {summary.site}")
        text = self.summary_text(summary)
        if write_pdf is None:
            try:
                path.write_text(text, encoding="utf-8")
            except OSError as exc:
                raise OSError(f"cannot write {path}: {exc.strerror or exc}") from exc
        else:
            write_pdf(f"{word('title', self.lang)} — {summary.site}", text, path)
        period = f"{summary.period.start.isoformat()}/{summary.period.end.isoformat()}"
        try:
            with unavailable_raised(), self._db.read() as session:
                found = queries.site_id_of(session, summary.site)
            self._authority.record(
                operator,
                JournalAction.FAULT_SUMMARY_EXPORTED,
                f"{summary.site} {period} -> {path}",
                site_id=found[0] if found else None,
            )
        except BaseException:
            path.unlink(missing_ok=True)
            raise

    def _ranked(
        self, kind: ListKind, period: ReportPeriod, limit: int, site_id: int | None
    ) -> list[RankedRow]:
        with unavailable_raised(), self._db.read() as session:
            if kind is ListKind.LATE_TESTS:
                now = self._clock()
                return late_test_rows(
                    queries.periodic_tests(session, period, now, limit, site_id), period, now, limit
                )
            if kind is ListKind.TRANSMISSION:
                return transmission_rows(queries.transmission_faults(session, period, site_id), period, limit)
            if kind is ListKind.FLAPPING:
                facts = queries.zone_churn(session, period, self.min_pairs, limit, site_id)
                return flapping_rows(facts, period, limit, self.min_pairs)
            if kind is ListKind.FALSE_ALARMS:
                return false_alarm_rows(queries.false_alarms(session, period, limit, site_id), period, limit)
            return station_rows(queries.station_faults(session, period), period, limit)
