"""The technical analysis is for supervisors: refusals journaled, exports journaled, files read back."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import col

from console.domain.analysis import ListKind
from console.domain.journal import JournalAction
from console.services.analysis import TechnicalAnalysis, UnknownSite
from console.services.authority import AuditRefused, Authority
from console.storage.engine import Database
from console.storage.tables import JournalRow
from tests.analysis_station import build_station
from tests.pdf_text import pdf_text

NOW = datetime(2026, 11, 8, 12, 0, tzinfo=UTC)


def journal(db: Database, since: int = 0) -> list[tuple[str, int | None, int | None, str]]:
    with db.read() as session:
        rows = session.scalars(
            select(JournalRow).where(col(JournalRow.id) > since).order_by(col(JournalRow.id))
        )
        return [(r.action, r.operator_id, r.site_id, r.detail) for r in rows]


def last_id(db: Database) -> int:
    with db.read() as session:
        return max(int(i or 0) for i in session.scalars(select(col(JournalRow.id))))


def service(db: Database, lang: str = "en") -> TechnicalAnalysis:
    return TechnicalAnalysis(db, Authority(db, lambda: NOW), lang, clock=lambda: NOW)


def never_drawn(title: str, text: str, path: Path) -> None:
    raise AssertionError("a refused export must not be drawn")


def test_an_operator_is_refused_every_act_and_each_refusal_is_journaled(db: Database, tmp_path: Path) -> None:
    station = build_station(db, NOW)
    analysis = service(db)
    summary = analysis.site_summary(station.chef, "LYO-0001", station.period)
    mark = last_id(db)
    for act in (
        lambda: analysis.ranked(station.amelie, ListKind.FLAPPING, station.period),
        lambda: analysis.site_summary(station.amelie, "LYO-0001", station.period),
        lambda: analysis.export_summary(station.amelie, summary, tmp_path / "x.pdf", never_drawn),
    ):
        with pytest.raises(AuditRefused):
            act()
    assert journal(db, mark) == [
        (JournalAction.AUDIT_REFUSED, station.amelie.id, None, "read the technical analysis (flapping)"),
        (JournalAction.AUDIT_REFUSED, station.amelie.id, None, "build the fault summary of LYO-0001"),
        (JournalAction.AUDIT_REFUSED, station.amelie.id, None, "export the fault summary of LYO-0001"),
    ]
    assert not (tmp_path / "x.pdf").exists()


def test_every_list_ranks_the_station_and_carries_its_history_search(db: Database) -> None:
    station = build_station(db, NOW)
    analysis = service(db)
    ranked = {kind: analysis.ranked(station.chef, kind, station.period) for kind in ListKind}
    assert [(r.subject, r.count) for r in ranked[ListKind.LATE_TESTS]] == [
        ("4A21", 2),
        ("6C43", 0),
        ("5B32", 1),
    ]
    assert [(r.subject, r.count) for r in ranked[ListKind.TRANSMISSION]] == [("4A21", 5), ("5B32", 1)]
    assert [(r.subject, r.count) for r in ranked[ListKind.FLAPPING]] == [("LYO-0001 3", 4), ("PAR-0002 1", 3)]
    assert [(r.subject, r.count) for r in ranked[ListKind.FALSE_ALARMS]] == [("LYO-0001", 3), ("PAR-0002", 1)]
    assert [(r.subject, r.count) for r in ranked[ListKind.STATION]] == [
        ("telephone", 2),
        ("receiver", 1),
        ("recording", 1),
    ]
    assert dict(ranked[ListKind.FLAPPING][0].search) == {
        "kind": "signals",
        "site": "LYO-0001",
        "zone": "3",
        "from": station.period.start.isoformat(),
        "to": NOW.isoformat(),
    }
    assert [
        r.subject for r in analysis.ranked(station.chef, ListKind.FALSE_ALARMS, station.period, limit=1)
    ] == ["LYO-0001"]
    assert journal(db, last_id(db)) == []  # reading is not journaled: nothing leaves the station


def test_a_site_summary_then_its_text_and_pdf_exports_each_journaled(
    db: Database, qapp: Any, tmp_path: Path
) -> None:
    from console.views.supervision.report_pdf import write_text_pdf

    station = build_station(db, NOW)
    analysis = service(db, "fr")
    with pytest.raises(UnknownSite):
        analysis.site_summary(station.chef, "XXX-9999", station.period)
    summary = analysis.site_summary(station.chef, "LYO-0001", station.period)
    assert [(line.what, line.subject, line.count) for line in summary.lines] == [
        ("late_tests", "4A21", 2),
        ("transmission", "4A21", 5),
        ("flapping", "LYO-0001 3", 4),
        ("false_alarms", "LYO-0001", 3),
    ]
    mark = last_id(db)
    text_path, pdf_path = tmp_path / "lyon.txt", tmp_path / "lyon.pdf"
    analysis.export_summary(station.chef, summary, text_path)
    analysis.export_summary(station.chef, summary, pdf_path, write_text_pdf)
    period = f"{station.period.start.isoformat()}/{NOW.isoformat()}"
    lyo = station.sites["LYO-0001"]
    assert journal(db, mark) == [
        (JournalAction.FAULT_SUMMARY_EXPORTED, station.chef.id, lyo, f"LYO-0001 {period} -> {text_path}"),
        (JournalAction.FAULT_SUMMARY_EXPORTED, station.chef.id, lyo, f"LYO-0001 {period} -> {pdf_path}"),
    ]
    text = text_path.read_text(encoding="utf-8")
    assert text.startswith("Synthèse des défauts techniques — LYO-0001 Pharmacie\n")
    assert "3 trames refusées (NAK), 2 horloge décalée, décalage maximal (s) 120.0" in text
    assert "3 sur 4 alarmes (75 %)" in text
    read_back = pdf_text(pdf_path)
    for expected in (
        "LYO-0001 Pharmacie",
        "Test cyclique en retard ou manquant — 4A21",
        "4 cycles alarme/retour",
        "3 sur 4 alarmes",
    ):
        assert expected in read_back
    other = analysis.site_summary(station.chef, "NIC-0003", station.period)
    assert [(line.what, line.subject) for line in other.lines] == [("late_tests", "6C43")]


def test_an_unwritable_text_export_is_not_journaled(db: Database, tmp_path: Path) -> None:
    station = build_station(db, NOW)
    analysis = service(db)
    summary = analysis.site_summary(station.chef, "PAR-0002", station.period)
    mark = last_id(db)
    with pytest.raises(OSError, match="cannot write"):
        analysis.export_summary(station.chef, summary, tmp_path / "missing" / "par.txt")
    assert journal(db, mark) == []
