"""A small station with known technical figures over the 7 days before `now`, for the analysis tests.

Three sites: LYO-0001 (account 4A21), PAR-0002 (5B32), NIC-0003 (6C43). Each list has rows just
outside the period or below its threshold, which must not count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update

from console.domain.alarm import Operator, Role
from console.domain.report import ReportPeriod
from console.storage.engine import Database
from console.storage.tables import (
    AlarmRow,
    CallRow,
    JournalRow,
    SignalRow,
    StationStatusRow,
    TransmissionFaultRow,
    TransmitterRow,
)
from tests.factories import add_operator_to, add_site


@dataclass(frozen=True)
class Station:
    amelie: Operator
    chef: Operator
    now: datetime
    period: ReportPeriod
    sites: dict[str, int]


def _signal(
    site: int, account: str, at: datetime, zone: int, qualifier: str, category: str = "intrusion"
) -> SignalRow:
    code = "130" if category == "intrusion" else "602"
    return SignalRow(
        received_at=at,
        site_id=site,
        account=account,
        protocol="SIA-DCS",
        qualifier=qualifier,
        event_system="CID",
        event_code=code,
        category=category,
        priority=2,
        zone=zone,
    )


def _alarm(site: int, account: str, at: datetime, disposition: str) -> AlarmRow:
    return AlarmRow(
        site_id=site,
        account=account,
        state="closed",
        priority=2,
        category="intrusion",
        created_at=at,
        last_signal_at=at,
        closed_at=at + timedelta(minutes=5),
        disposition=disposition,
    )


def build_station(db: Database, now: datetime) -> Station:
    amelie = add_operator_to(db, "amelie", Role.OPERATOR)
    chef = add_operator_to(db, "chef", Role.SUPERVISOR)
    sites = {
        "LYO-0001": add_site(db, "LYO-0001", "4A21", "Pharmacie"),
        "PAR-0002": add_site(db, "PAR-0002", "5B32", "Banque"),
        "NIC-0003": add_site(db, "NIC-0003", "6C43", "Garage"),
    }
    lyo, par, nic = sites.values()
    h = timedelta(hours=1)
    before = now - timedelta(days=8)  # outside the period
    with db.write() as session:
        # Periodic tests: 4A21 late by 4 h, 6C43 never heard from for 1 h past its interval, 5B32 on time.
        tests = {
            "4A21": (3600, now - 5 * h, now - 4 * h, now - 30 * 24 * h),
            "5B32": (86400, now - h, None, now - 30 * 24 * h),
            "6C43": (3600, None, None, now - 2 * h),
        }
        for account, (interval, last, overdue, created) in tests.items():
            session.execute(
                update(TransmitterRow)
                .where(TransmitterRow.account == account)  # type: ignore[arg-type]
                .values(
                    test_interval_s=interval,
                    last_signal_at=last,
                    test_overdue_since=overdue,
                    created_at=created,
                )
            )
        for site, at in ((lyo, now - 30 * h), (lyo, now - 20 * h), (lyo, before), (par, now - 50 * h)):
            session.add(JournalRow(at=at, site_id=site, action="missed_test", detail="test"))
        # Transmission faults: 4A21 3 NAK + 2 timestamps refused (skews 42.5 and -120 s), 5B32 1 DUH.
        faults: list[tuple[str | None, str, float | None, datetime]] = [
            ("4A21", "nak_crc_error", None, now - d * h) for d in (10, 11, 12)
        ]
        faults += [
            ("4A21", "nak_timestamp_rejected", 42.5, now - 9 * h),
            ("4A21", "nak_timestamp_rejected", -120.0, now - 8 * h),
        ]
        faults += [("5B32", "duh_rejected", None, now - 7 * h), ("5B32", "duh_rejected", None, before)]
        faults += [(None, "peer_not_allowed", None, now - 6 * h)]
        for who, kind, skew, at in faults:
            session.add(TransmissionFaultRow(at=at, account=who, kind=kind, skew_s=skew, peer="10.0.0.9"))
        # Zones: LYO 3 churns 4 times, LYO 5 only twice (below 3), PAR 1 three times (+2 before the period).
        churn = [(lyo, "4A21", 3, 4), (lyo, "4A21", 5, 2), (par, "5B32", 1, 3)]
        for site, account, zone, pairs in churn:
            for n in range(pairs):
                session.add(_signal(site, account, now - (40 + 2 * n) * h, zone, "new"))
                session.add(_signal(site, account, now - (39 + 2 * n) * h, zone, "restore"))
        session.add(_signal(lyo, "4A21", now - 45 * h, 5, "new"))  # a third alarm, still two pairs
        for n in range(2):
            session.add(_signal(par, "5B32", before - n * h, 1, "new"))
            session.add(_signal(par, "5B32", before - n * h + timedelta(minutes=1), 1, "restore"))
        session.add(_signal(lyo, "4A21", now - 3 * h, 3, "new", category="test"))  # a test: no churn
        # False alarms: LYO 3 of 4 (a test is not an alarm), PAR 1 of 2 (+3 before the period), NIC none.
        dispositions = [
            (lyo, "4A21", "false_alarm_user", now - 60 * h),
            (lyo, "4A21", "false_alarm_technical", now - 50 * h),
            (lyo, "4A21", "false_alarm_environment", now - 14 * h),
            (lyo, "4A21", "confirmed_intrusion", now - 13 * h),
            (lyo, "4A21", "test", now - 12 * h),
            (par, "5B32", "false_alarm_user", now - 70 * h),
            (par, "5B32", "confirmed_intrusion", now - 69 * h),
            (nic, "6C43", "confirmed_intrusion", now - 68 * h),
        ]
        dispositions += [(par, "5B32", "false_alarm_user", before - n * h) for n in range(3)]
        for site, account, disposition, at in dispositions:
            session.add(_alarm(site, account, at, disposition))
        # The station: the receiver in fault, the SIP trunk fine, 2 failed calls, 1 recording fault.
        session.add(
            StationStatusRow(component="receiver", state="fault", detail="port 9999", updated_at=now - 3 * h)
        )
        session.add(StationStatusRow(component="sip", state="ok", updated_at=now - h))
        for status, at in (("failed", now - 5 * h), ("failed", now - 4 * h), ("completed", now - 3 * h)):
            session.add(
                CallRow(
                    direction="outgoing", purpose="callback", created_at=at, ended_at=at, end_status=status
                )
            )
        session.add(JournalRow(at=now - 2 * h, action="call_recording_fault", detail="disk full"))
    return Station(amelie, chef, now, ReportPeriod(now - timedelta(days=7), now), sites)
