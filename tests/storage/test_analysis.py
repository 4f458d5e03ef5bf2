"""The analysis' aggregate queries, on SQLite and PostgreSQL, over a station with known figures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.storage import analysis as queries
from console.storage.engine import Database
from tests.analysis_station import build_station

NOW = datetime(2026, 11, 8, 12, 0, tzinfo=UTC)
H = timedelta(hours=1)


def test_periodic_tests_list_the_late_the_never_heard_and_the_missed(db: Database) -> None:
    station = build_station(db, NOW)
    with db.read() as session:
        facts = queries.periodic_tests(session, station.period, NOW, 10)
    assert [(f.account, f.site, f.overdue_since, f.last_signal_at, f.missed_in_period) for f in facts] == [
        ("4A21", "LYO-0001", NOW - 4 * H, NOW - 5 * H, 2),
        ("6C43", "NIC-0003", None, None, 0),
        ("5B32", "PAR-0002", None, NOW - H, 1),
    ]
    with db.read() as session:
        one = queries.periodic_tests(session, station.period, NOW, 10, station.sites["PAR-0002"])
        assert [f.account for f in one] == ["5B32"]
        assert len(queries.periodic_tests(session, station.period, NOW, 1)) == 1


def test_transmission_faults_per_account_and_kind_in_the_period(db: Database) -> None:
    station = build_station(db, NOW)
    with db.read() as session:
        facts = queries.transmission_faults(session, station.period)
    got = sorted((f.account, f.site, f.kind, f.count, f.first_at, f.last_at, f.max_skew_s) for f in facts)
    assert got == [
        ("4A21", "LYO-0001", "nak_crc_error", 3, NOW - 12 * H, NOW - 10 * H, None),
        ("4A21", "LYO-0001", "nak_timestamp_rejected", 2, NOW - 9 * H, NOW - 8 * H, 120.0),
        ("5B32", "PAR-0002", "duh_rejected", 1, NOW - 7 * H, NOW - 7 * H, None),
    ]
    with db.read() as session:
        lyon = queries.transmission_faults(session, station.period, station.sites["LYO-0001"])
    assert {f.kind for f in lyon} == {"nak_crc_error", "nak_timestamp_rejected"}


def test_zone_churn_keeps_zones_with_enough_pairs_in_the_period(db: Database) -> None:
    station = build_station(db, NOW)
    with db.read() as session:
        facts = queries.zone_churn(session, station.period, 3, 10)
        low = queries.zone_churn(session, station.period, 2, 10)
        one = queries.zone_churn(session, station.period, 2, 10, station.sites["PAR-0002"])
    assert [(f.site, f.zone, f.alarms, f.restores, f.first_at, f.last_at) for f in facts] == [
        ("LYO-0001", 3, 4, 4, NOW - 46 * H, NOW - 39 * H),
        ("PAR-0002", 1, 3, 3, NOW - 44 * H, NOW - 39 * H),
    ]
    assert [(f.site, f.zone, f.pairs) for f in low] == [
        ("LYO-0001", 3, 4),
        ("PAR-0002", 1, 3),
        ("LYO-0001", 5, 2),
    ]
    assert [(f.site, f.zone) for f in one] == [("PAR-0002", 1)]


def test_false_alarms_per_site_leave_tests_and_other_periods_out(db: Database) -> None:
    station = build_station(db, NOW)
    with db.read() as session:
        facts = queries.false_alarms(session, station.period, 10)
        first = queries.false_alarms(session, station.period, 1)
    assert [(f.site, f.false_alarms, f.alarms, f.first_at, f.last_at) for f in facts] == [
        ("LYO-0001", 3, 4, NOW - 60 * H, NOW - 14 * H),
        ("PAR-0002", 1, 2, NOW - 70 * H, NOW - 70 * H),
    ]
    assert [f.site for f in first] == ["LYO-0001"]


def test_station_faults_are_the_equipment_in_fault_failed_calls_and_recording_faults(db: Database) -> None:
    station = build_station(db, NOW)
    with db.read() as session:
        facts = queries.station_faults(session, station.period)
    assert [(f.component, f.count, f.first_at, f.last_at, dict(f.search)) for f in facts] == [
        ("receiver", 1, NOW - 3 * H, NOW - 3 * H, {"kind": "journal"}),
        ("telephone", 2, NOW - 5 * H, NOW - 4 * H, {"kind": "calls", "state": "failed"}),
        ("recording", 1, NOW - 2 * H, NOW - 2 * H, {"kind": "journal", "code": "call_recording_fault"}),
    ]
