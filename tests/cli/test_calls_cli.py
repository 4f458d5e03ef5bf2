"""`vigie calls`: every call record as one JSON line, filtered by alarm and time, one-line errors."""

from __future__ import annotations

import json
from datetime import timedelta

from console.domain.calls import CallDirection, CallEnd, CallEventKind, CallPurpose
from console.services.alarm_desk import AlarmDesk
from console.services.call_log import CallLog
from console.storage.engine import Database
from tests.cli.test_cli import assert_one_line_error, vigie
from tests.factories import T0, add_operator_to, add_site, cid

FIELDS = {
    "id",
    "alarm_id",
    "site_id",
    "operator_id",
    "operator_login",
    "contact_id",
    "workstation",
    "direction",
    "purpose",
    "remote_uri",
    "created_at",
    "ringing_at",
    "answered_at",
    "ended_at",
    "end_status",
    "end_reason",
    "duration_s",
    "recording_path",
    "recording_size",
    "recording_sha256",
    "verdict",
    "events",
}


def seconds(n: float) -> str:
    return (T0 + timedelta(seconds=n)).isoformat()


def test_calls_prints_one_json_object_per_call(db_url: str) -> None:
    db = Database.from_url(db_url)
    site_id = add_site(db)
    amelie = add_operator_to(db, "amelie")
    alarm_id = AlarmDesk(db).ingest([cid(130, at=T0)]).new_alarm_ids[0]
    log = CallLog(db, "desk-1", lambda: T0 + timedelta(hours=2))
    linked = log.open_call(
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.LISTEN_IN,
        remote_uri="sip:module-lyo1@pbx.example",
        at=T0 + timedelta(seconds=20),
        operator=amelie,
        site_id=site_id,
    )
    log.add_event(linked.id, CallEventKind.ANSWERED, T0 + timedelta(seconds=22), operator=amelie)
    log.add_event(linked.id, CallEventKind.LISTEN, T0 + timedelta(seconds=23), "microphone off")
    log.close_call(linked.id, CallEnd.COMPLETED, T0 + timedelta(seconds=82.5), "BYE", operator=amelie)
    later = log.open_call(
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.DIAL,
        remote_uri="tel:3630",
        at=T0 + timedelta(hours=1),
        operator=amelie,
    )
    db.dispose()

    result = vigie("calls", "--db", db_url)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == [linked.id, later.id]
    first = rows[0]
    assert set(first) == FIELDS
    assert (first["alarm_id"], first["site_id"], first["operator_login"]) == (alarm_id, site_id, "amelie")
    assert (first["direction"], first["purpose"], first["workstation"]) == ("outgoing", "listen_in", "desk-1")
    assert (first["created_at"], first["answered_at"], first["ended_at"]) == (
        seconds(20),
        seconds(22),
        seconds(82.5),
    )
    assert first["created_at"].endswith("+00:00") and first["ringing_at"] is None
    assert (first["end_status"], first["end_reason"], first["duration_s"]) == ("completed", "BYE", 60.5)
    assert first["events"] == [
        {"at": seconds(20), "kind": "created", "detail": ""},
        {"at": seconds(22), "kind": "answered", "detail": ""},
        {"at": seconds(23), "kind": "listen", "detail": "microphone off"},
        {"at": seconds(82.5), "kind": "ended", "detail": "BYE"},
    ]
    assert rows[1]["alarm_id"] is None and rows[1]["ended_at"] is None and rows[1]["duration_s"] is None

    by_alarm = vigie("calls", "--db", db_url, "--alarm", str(alarm_id))
    assert [json.loads(line)["id"] for line in by_alarm.stdout.splitlines()] == [linked.id]
    since = vigie("calls", "--db", db_url, "--since", "2026-11-29T23:00:00+01:00")  # 22:00 UTC: both
    assert since.returncode == 0 and len(since.stdout.splitlines()) == 2
    recent = vigie("calls", "--db", db_url, "--since", "2026-11-29T22:30:00")  # naive means UTC
    assert [json.loads(line)["id"] for line in recent.stdout.splitlines()] == [later.id]
    nothing = vigie("calls", "--db", db_url, "--alarm", "999")
    assert nothing.returncode == 0 and nothing.stdout == ""


def test_calls_bad_arguments_are_one_line_errors(db_url: str) -> None:
    bad_since = vigie("calls", "--db", db_url, "--since", "yesterday")
    assert bad_since.returncode == 2
    assert_one_line_error(bad_since, "not an ISO date")
    bad_alarm = vigie("calls", "--db", db_url, "--alarm", "twelve")
    assert bad_alarm.returncode == 2
    assert_one_line_error(bad_alarm, "not a whole number")
    assert_one_line_error(vigie("calls", "--since", "2026-11-29"), "--db")
