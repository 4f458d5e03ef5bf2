"""Reports are for supervisors: refusals journaled; a save and an export journaled with the report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import col

from console.domain.journal import JournalAction
from console.domain.report import ReportScope, StationReport
from console.services.authority import AuditRefused, Authority
from console.services.reports import Reports, station_report_seconds
from console.storage.engine import Database
from console.storage.tables import JournalRow, ReportRow
from tests.factories import SteppingClock
from tests.pdf_text import pdf_text
from tests.report_station import PARIS, PERIOD, build_station


def journal(db: Database) -> list[tuple[str, int | None, str]]:
    with db.read() as session:
        rows = session.scalars(select(JournalRow).order_by(col(JournalRow.id)))
        return [(r.action, r.operator_id, r.detail) for r in rows]


def reports(db: Database) -> Reports:
    clock = SteppingClock()
    return Reports(db, Authority(db, clock), zone=PARIS, clock=clock)


def never_drawn(report: StationReport, comment: str, path: Path) -> None:
    raise AssertionError("a refused export must not be drawn")


def test_an_operator_is_refused_every_report_act_and_each_refusal_is_journaled(db: Database) -> None:
    station = build_station(db)
    service = reports(db)
    built = service.build(station.chef, PERIOD, ReportScope())
    for act in (
        lambda: service.build(station.amelie, PERIOD, ReportScope()),
        lambda: service.save(station.amelie, built, "x"),
        lambda: service.export_pdf(station.amelie, built, "x", Path("/tmp/never.pdf"), never_drawn),
    ):
        with pytest.raises(AuditRefused):
            act()
    assert journal(db) == [
        (JournalAction.AUDIT_REFUSED, station.amelie.id, "build a report"),
        (JournalAction.AUDIT_REFUSED, station.amelie.id, "save a report"),
        (JournalAction.AUDIT_REFUSED, station.amelie.id, "export a report"),
    ]
    with db.read() as session:
        assert session.scalars(select(ReportRow)).all() == []


def test_a_supervisor_saves_then_exports_and_the_pdf_holds_comment_period_author_figures(
    db: Database, qapp: Any, tmp_path: Path
) -> None:
    from console.views.supervision.report_pdf import write_report_pdf

    station = build_station(db)
    service = reports(db)
    built = service.build(station.chef, PERIOD, ReportScope())
    assert built.author == "Chef" and built.total == 5
    report_id = service.save(station.chef, built, "Lyon : deux fausses alarmes en 15 minutes.")
    pdf = tmp_path / "novembre.pdf"
    service.export_pdf(
        station.chef, built, "Lyon : deux fausses alarmes en 15 minutes.", pdf, write_report_pdf
    )

    scope_period = "station 2026-11-01T23:00:00+00:00/2026-11-03T23:00:00+00:00"
    assert journal(db) == [
        (JournalAction.REPORT_SAVED, station.chef.id, f"report {report_id}: {scope_period}"),
        (JournalAction.REPORT_EXPORTED, station.chef.id, f"{scope_period} -> {pdf}"),
    ]
    assert [s.comment for s in service.saved(station.chef)] == ["Lyon : deux fausses alarmes en 15 minutes."]
    text = pdf_text(pdf)
    assert "Lyon : deux fausses alarmes en 15 minutes." in text
    assert "Period: 2026-11-02 – 2026-11-03 (Europe/Paris)" in text
    assert "Author: Chef" in text
    assert "Taken within 30 s 50.0 % (2/4)" in text
    assert "Taken within 60 s 75.0 % (3/4)" in text
    assert "False-alarm rate 66.7 % (2/3)" in text
    assert "LYO-0001 Pharmacie 2 2 100.0 %" in text


def test_an_unwritable_pdf_is_an_os_error_and_nothing_is_journaled(
    db: Database, qapp: Any, tmp_path: Path
) -> None:
    from console.views.supervision.report_pdf import write_report_pdf

    station = build_station(db)
    service = reports(db)
    built = service.build(station.chef, PERIOD, ReportScope())
    with pytest.raises(OSError, match="cannot write"):
        service.export_pdf(station.chef, built, "", tmp_path / "missing" / "r.pdf", write_report_pdf)
    assert journal(db) == []


def test_the_bench_probe_builds_the_station_report(db: Database) -> None:
    build_station(db)
    assert station_report_seconds(db, PERIOD.start, PERIOD.end) >= 0.0
    assert journal(db) == []


def test_saved_reports_are_listed_and_reopened_by_supervisors_only_each_opening_journaled(
    db: Database,
) -> None:
    from console.domain.report import ReportError

    station = build_station(db)
    service = reports(db)
    first = service.build(station.chef, PERIOD, ReportScope())
    first_id = service.save(station.chef, first, "Le premier.")
    second_id = service.save(
        station.chef, service.build(station.chef, PERIOD, ReportScope.sites(["PAR-0002"])), ""
    )
    entries = service.saved_list(station.chef)
    assert [(e.id, e.author, e.scope.key(), e.comment) for e in entries] == [
        (second_id, "Chef", "sites:PAR-0002", ""),
        (first_id, "Chef", "station", "Le premier."),
    ]
    assert entries[1].period == PERIOD
    entry, reopened = service.reopen(station.chef, first_id)
    assert entry == entries[1] and reopened == first  # as built, figures and all
    with pytest.raises(ReportError) as missing:
        service.reopen(station.chef, 999)
    assert missing.value.code == "unknown_report"
    for act in (lambda: service.saved_list(station.amelie), lambda: service.reopen(station.amelie, first_id)):
        with pytest.raises(AuditRefused):
            act()
    scope_period = "station 2026-11-01T23:00:00+00:00/2026-11-03T23:00:00+00:00"
    assert journal(db)[2:] == [
        (JournalAction.REPORT_OPENED, station.chef.id, f"report {first_id}: {scope_period}"),
        (JournalAction.AUDIT_REFUSED, station.amelie.id, "list saved reports"),
        (JournalAction.AUDIT_REFUSED, station.amelie.id, "reopen a saved report"),
    ]
