"""The report's summaries give the raw queries' report exactly, kept through a varied history.

The history goes through the console's own write paths (signals ingested into alarms, joined and
escalated; alarms taken, released, taken again by someone else, closed late, with takes on either
side of the 30 s and 60 s targets), plus rows written through the ORM as the tests' fixtures do
(a clock skew, a disposition changed afterwards). Periods: edges in the middle of hours, local
days across the end of summer time, a whole UTC month, a part of one hour.
"""

from __future__ import annotations

import heapq
import random
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from console.domain.alarm import Action, Disposition, Operator, Role, TransitionError
from console.domain.report import HANDLE_EDGES_S, TAKE_EDGES_S, ReportPeriod, ReportScope, StationReport
from console.domain.service_level import ServiceTargets
from console.services.alarm_desk import AlarmDesk
from console.storage import report_upkeep
from console.storage.engine import Database
from console.storage.report_summary import HANDLE_EDGES_MIN, TAKE_EDGES_TENTHS, rebuild
from console.storage.reports import _bucket, build_report
from console.storage.tables import REPORT_HOUR, REPORT_OPERATOR_DAY, REPORT_SITE_MONTH, AlarmRow
from tests.factories import SteppingClock, add_operator_to, add_site, cid

PARIS = ZoneInfo("Europe/Paris")
START = datetime(2026, 10, 24, 21, 7, 13, 250_000, tzinfo=UTC)  # summer time ends on the 25th
CODES = [130, 130, 130, 110, 120, 301, 137, 602]  # 602: a periodic test, no alarm
TAKES = [3.2, 29.9994, 30.0, 30.0006, 45.5, 59.95, 60.0, 61.0, 95.0, 400.0, 1000.0]
HANDLES = [30.0, 59.9996, 60.0, 119.0, 300.0, 1799.0, 4000.0, 9000.0, 3 * 86_400.0]
DISPOSITIONS = [d for d in Disposition]
BUILT = datetime(2026, 12, 1, tzinfo=UTC)


def test_bucket_edges_in_whole_units_are_the_histograms() -> None:
    """The summaries bucket by integer comparisons; the raw report by its float rule: the same."""
    for k in range(0, 10 * TAKE_EDGES_S[-1] + 20):
        expected = sum(1 for edge in TAKE_EDGES_TENTHS[1:] if k >= edge)
        assert _bucket(k, 0.1, TAKE_EDGES_S) == expected, k
    for m in range(0, HANDLE_EDGES_S[-1] // 60 + 5):
        expected = sum(1 for edge in HANDLE_EDGES_MIN[1:] if m >= edge)
        assert _bucket(m, 60.0, HANDLE_EDGES_S) == expected, m


def _history(db: Database) -> dict[str, int]:
    """About 120 signals over ten days on twelve sites and an unknown account; returns what happened."""
    rng = random.Random(20261024)
    clock = SteppingClock(START)
    desk = AlarmDesk(db, clock)
    sites = [add_site(db, f"LYO-{i:04d}", f"4A{i:02d}") for i in range(1, 13)]
    ops = [add_operator_to(db, name) for name in ("amelie", "bruno", "chloe")]
    chef = add_operator_to(db, "chef", Role.SUPERVISOR)
    events: list[tuple[datetime, int, str, Any]] = []
    at, order = START, 0
    for _ in range(120):
        at += timedelta(seconds=rng.uniform(30, 5 * 3600))
        account = rng.choice([f"4A{i:02d}" for i in range(1, 13)] + ["9Z99"])
        events.append((at, order := order + 1, "signal", (account, rng.choice(CODES))))
    heapq.heapify(events)
    done: dict[str, int] = {"alarms": 0, "taken": 0, "released": 0, "closed": 0, "refused": 0}
    while events:
        at, _, kind, what = heapq.heappop(events)
        clock.now = at
        if kind == "signal":
            account, code = what
            result = desk.ingest([cid(code, zone=rng.randint(1, 6), account=account, at=at)])
            for alarm_id in result.new_alarm_ids:
                done["alarms"] += 1
                if at < START + timedelta(days=8) or rng.random() < 0.5:  # the last ones wait
                    take = at + timedelta(seconds=rng.choice(TAKES))
                    heapq.heappush(events, (take, order := order + 1, "take", (alarm_id, rng.choice(ops))))
            continue
        alarm_id, operator = what
        try:
            if kind == "take":
                desk.act(alarm_id, Action.TAKE, operator)
                done["taken"] += 1
                later = at + timedelta(seconds=rng.choice(HANDLES))
                if rng.random() < 0.2:  # given back, then taken by someone else
                    heapq.heappush(events, (later, order := order + 1, "release", (alarm_id, operator)))
                elif at < START + timedelta(days=8) or rng.random() < 0.5:
                    heapq.heappush(events, (later, order := order + 1, "close", (alarm_id, operator)))
            elif kind == "release":
                desk.act(alarm_id, Action.RELEASE, operator)
                done["released"] += 1
                other = rng.choice([o for o in ops if o != operator])
                retake = at + timedelta(seconds=rng.choice(TAKES))
                heapq.heappush(events, (retake, order := order + 1, "take", (alarm_id, other)))
            else:
                closer: Operator = operator if rng.random() < 0.8 else chef
                disposition = rng.choice(DISPOSITIONS)
                desk.act(alarm_id, Action.CLOSE, closer, disposition=disposition, comment="vu")
                done["closed"] += 1
        except TransitionError:
            done["refused"] += 1
    _orm_rows(db, sites[0], ops[0])
    return done


def _orm_rows(db: Database, site: int, operator: Operator) -> None:
    """Rows as the tests' fixtures write them: one with a clock skew, one whose disposition and
    holder are changed afterwards through the ORM."""
    created = START + timedelta(days=3, minutes=31)
    with db.write() as session:
        session.add(
            AlarmRow(
                site_id=site,
                account="4A01",
                state="closed",
                priority=2,
                category="intrusion",
                created_at=created,
                last_signal_at=created,
                taken_at=created - timedelta(seconds=4),  # the desk's clock was behind
                closed_at=created - timedelta(seconds=2),
                operator_id=operator.id,
                disposition="false_alarm_user",
            )
        )
        later = AlarmRow(
            site_id=site,
            account="4A01",
            state="closed",
            priority=1,
            category="fire",
            created_at=created + timedelta(hours=5),
            last_signal_at=created + timedelta(hours=5),
            taken_at=created + timedelta(hours=5, seconds=12),
            closed_at=created + timedelta(hours=6),
            operator_id=operator.id,
            disposition="confirmed_fire",
        )
        session.add(later)
    with db.write() as session:
        row = session.get(AlarmRow, later.id)
        assert row is not None
        row.disposition = "false_alarm_environment"
        row.operator_id = None


def _report(db: Database, period: ReportPeriod, summaries: bool) -> dict[str, Any]:
    with db.read() as session:
        built: StationReport = build_report(
            session,
            period,
            ReportScope(),
            zone=PARIS,
            targets=ServiceTargets(),
            author="Chef",
            built_at=BUILT,
            summaries=summaries,
        )
    return built.to_json()


def _summaries(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every summary row that counts something, in key order."""
    found = {}
    with db.read() as session:
        for table in (REPORT_HOUR, REPORT_OPERATOR_DAY, REPORT_SITE_MONTH):
            keys = list(table.primary_key.columns)
            rows = session.execute(select(table).order_by(*keys)).all()
            found[table.name] = [tuple(r) for r in rows if any(r[len(keys) :])]
    return found


PERIODS = {
    "edges mid-hour": ReportPeriod(
        START + timedelta(hours=5, minutes=17), START + timedelta(days=8, minutes=44)
    ),
    "local days across the clock change": ReportPeriod.of_days(date(2026, 10, 24), date(2026, 11, 5), PARIS),
    "a whole UTC month": ReportPeriod(datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC)),
    "whole days, no whole month": ReportPeriod(
        datetime(2026, 10, 26, tzinfo=UTC), datetime(2026, 11, 2, 13, tzinfo=UTC)
    ),
    "inside one hour": ReportPeriod(START + timedelta(minutes=1), START + timedelta(minutes=50)),
}


def test_summaries_give_the_raw_report_through_a_varied_history(db: Database) -> None:
    done = _history(db)
    assert done["alarms"] >= 40 and done["taken"] >= 30 and done["closed"] >= 20 and done["released"] >= 3
    for name, period in PERIODS.items():
        raw = _report(db, period, summaries=False)
        assert _report(db, period, summaries=True) == raw, name
    everything = _report(db, PERIODS["local days across the clock change"], summaries=True)
    service = everything["service"]
    assert service["taken"] > service["within_second"] > service["within_first"] > 0  # both sides
    assert everything["workload"] and everything["false_alarms"]
    kept = _summaries(db)
    with db.write() as session:
        rebuild(session)
    assert _summaries(db) == kept  # kept step by step is what a rebuild from the alarms gives


def test_a_change_not_announced_before_is_refused(db: Database) -> None:
    """An UPDATE path that forgot before_change would make the summaries drift: it fails instead."""
    with pytest.raises(RuntimeError, match="before_change"), db.write() as session:
        report_upkeep.changed(session, [12345])
