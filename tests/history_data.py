"""A small station with a known history, for the history search's tests (services, CLI, view).

Three sites, two operators, 30 alarms an hour apart (T0 back in time), each with two signals and
a journal line, every third with a call; all closed with a comment (COMMENTS[i % 2]) but the
open ones (one per site: i = 1, 3, 5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from console.domain.alarm import Operator, Role
from console.storage.engine import Database
from console.storage.tables import AlarmRow, CallRow, JournalRow, SignalRow
from tests.factories import T0, add_operator_to, add_site

ALARMS = 30
OPEN = (1, 3, 5)
COMMENTS = ("Chat dans l'entrepôt, détecteur masqué", "Client prévenu, fenêtre ouverte au premier")


@dataclass(frozen=True)
class Station:
    sites: dict[str, int]  # code -> id
    operator: Operator
    supervisor: Operator
    alarm_ids: list[int]  # newest first


def build_station(db: Database) -> Station:
    sites = {
        "LYO-0001": add_site(db, "LYO-0001", "4A21", "Pharmacie Centrale"),
        "LYO-0002": add_site(db, "LYO-0002", "4A22", "Boulangerie du Parc"),
        "PAR-0003": add_site(db, "PAR-0003", "5B01", "Pharmacie du Nord"),
    }
    accounts = {"LYO-0001": "4A21", "LYO-0002": "4A22", "PAR-0003": "5B01"}
    operator = add_operator_to(db, "amelie")
    supervisor = add_operator_to(db, "chef", Role.SUPERVISOR)
    codes = list(sites)
    ids: list[int] = []
    with db.write() as session:
        for i in range(ALARMS):
            code = codes[i % 3]
            at = T0 - timedelta(hours=i)
            fire = i % 5 == 0
            closed = i not in OPEN
            alarm = AlarmRow(
                site_id=sites[code],
                account=accounts[code],
                state="closed" if closed else "taken",
                priority=1 if fire else 3,
                category="fire" if fire else "intrusion",
                title="",
                title_event="CID:110" if fire else "CID:130",
                title_zone=i % 3 + 1,
                created_at=at,
                last_signal_at=at,
                signal_count=2,
                operator_id=operator.id if i % 4 < 2 else supervisor.id,
                closed_at=at + timedelta(minutes=5) if closed else None,
                disposition=("false_alarm_user" if i % 4 == 0 else "confirmed_intrusion") if closed else None,
                closing_comment=COMMENTS[i % 2] if closed else None,
            )
            session.add(alarm)
            session.flush()
            assert alarm.id is not None
            ids.append(alarm.id)
            for n in range(2):
                session.add(
                    SignalRow(
                        received_at=at + timedelta(seconds=n),
                        site_id=sites[code],
                        alarm_id=alarm.id,
                        account=accounts[code],
                        protocol="ADM-CID",
                        qualifier="1",
                        event_system="CID",
                        event_code="110" if fire else "130",
                        category=alarm.category,
                        priority=alarm.priority,
                        zone=i % 3 + 1 + n,
                        raw=f"frame {i}-{n}",
                    )
                )
            session.add(
                JournalRow(
                    at=at,
                    action="alarm_raised",
                    detail=f"alarm raised at {code}",
                    alarm_id=alarm.id,
                    site_id=sites[code],
                )
            )
            if closed:
                session.add(
                    JournalRow(
                        at=at + timedelta(minutes=5),
                        action="close",
                        detail="closed: " + (alarm.closing_comment or ""),
                        operator_id=alarm.operator_id,
                        alarm_id=alarm.id,
                        site_id=sites[code],
                    )
                )
            if i % 3 == 0:
                session.add(
                    CallRow(
                        alarm_id=alarm.id,
                        site_id=sites[code],
                        operator_id=alarm.operator_id,
                        workstation="desk-1",
                        direction="outgoing",
                        purpose="callback",
                        remote_uri="sip:keyholder@example.net",
                        created_at=at + timedelta(minutes=1),
                        ended_at=at + timedelta(minutes=2) if i % 2 == 0 else None,
                        end_status="completed" if i % 2 == 0 else None,
                        end_reason="keyholder answered, password correct" if i % 2 == 0 else "",
                    )
                )
    return Station(sites, operator, supervisor, ids)
