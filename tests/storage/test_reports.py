"""The report's figures from aggregate queries: exact on a small known station, on both backends."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from console.domain.report import ReportError, ReportScope, StationReport
from console.domain.service_level import ServiceTargets
from console.storage.engine import Database
from console.storage.reports import build_report, save_report, saved_reports
from tests.report_station import PARIS, PERIOD, build_station

BUILT = datetime(2026, 11, 10, 9, tzinfo=UTC)


def report(db: Database, scope: ReportScope | None = None) -> StationReport:
    with db.read() as session:
        return build_report(
            session,
            PERIOD,
            scope or ReportScope(),
            zone=PARIS,
            targets=ServiceTargets(),
            author="Chef",
            built_at=BUILT,
        )


def test_station_figures_are_exact(db: Database) -> None:
    build_station(db)
    r = report(db)
    assert r.total == 5
    assert [(d.day, dict(d.counts)) for d in r.per_day] == [
        (date(2026, 11, 2), {"intrusion": 2}),
        (date(2026, 11, 3), {"fire": 1, "intrusion": 1, "technical": 1}),
    ]
    assert {h: dict(c) for h, c in enumerate(r.per_hour) if c} == {
        0: {"fire": 1},
        8: {"intrusion": 2},
        10: {"intrusion": 1},
        11: {"technical": 1},
    }
    assert r.categories() == ["fire", "intrusion", "technical"]
    s = r.service
    assert (s.alarms, s.taken, s.within_first, s.within_second) == (5, 4, 2, 3)
    assert s.share_first == 0.5 and s.share_second == 0.75 and s.meets_targets is False
    assert s.take.counts == (0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0)
    assert s.handling.counts == (0, 1, 0, 1, 1, 1, 0, 0, 0)
    assert [(f.site_code, f.closed, f.false_alarms, f.rate) for f in r.false_alarms] == [
        ("LYO-0001", 2, 2, 1.0),
        ("PAR-0002", 1, 0, 0.0),
    ]
    dispatches = {d.kind: d for d in r.dispatches}
    guard = dispatches["guard"]
    assert (guard.requested, guard.with_delay, guard.on_time, guard.late, guard.not_arrived) == (
        3,
        3,
        1,
        1,
        1,
    )
    assert guard.on_time_share == pytest.approx(1 / 3)
    keyholder = dispatches["keyholder"]
    assert (keyholder.requested, keyholder.cancelled, keyholder.not_arrived) == (1, 1, 0)
    assert (dispatches["fire"].requested, dispatches["fire"].with_delay) == (1, 0)
    assert [(w.login, w.taken, w.closed, w.handled_s) for w in r.workload] == [
        ("amelie", 2, 2, 900.0),
        ("bruno", 2, 2, 1300.0),
    ]


def test_scopes_narrow_every_figure(db: Database) -> None:
    build_station(db)
    by_site = report(db, ReportScope.sites(["par-0002"]))
    assert by_site.total == 2 and [f.site_code for f in by_site.false_alarms] == ["PAR-0002"]
    assert by_site.service.taken == 2 and {d.kind for d in by_site.dispatches} == {"fire", "guard"}
    by_operator = report(db, ReportScope.operator("amelie"))
    assert by_operator.total == 2 and [w.login for w in by_operator.workload] == ["amelie"]
    group = report(db, ReportScope.sites(["LYO-0001", "PAR-0002"]))
    assert group.total == 5


def test_unknown_site_or_operator_is_refused_by_name(db: Database) -> None:
    build_station(db)
    with pytest.raises(ReportError, match="NOPE-1") as refused:
        report(db, ReportScope.sites(["LYO-0001", "NOPE-1"]))
    assert refused.value.code == "unknown_site"
    with pytest.raises(ReportError) as refused:
        report(db, ReportScope.operator("nobody"))
    assert refused.value.code == "unknown_operator"


def test_empty_period_gives_empty_days_and_no_shares(db: Database) -> None:
    r = report(db)
    assert r.total == 0 and len(r.per_day) == 2 and r.service.share_first is None
    assert r.false_alarms == () and r.workload == ()


def test_saved_report_keeps_its_figures_and_comment(db: Database) -> None:
    station = build_station(db)
    built = report(db)
    with db.write() as session:
        report_id = save_report(session, built, "Deux fausses alarmes à Lyon.", station.chef.id, BUILT)
    with db.read() as session:
        saved = saved_reports(session)
    assert [(s.id, s.comment, s.author_id) for s in saved] == [
        (report_id, "Deux fausses alarmes à Lyon.", station.chef.id)
    ]
    assert saved[0].report == built
