"""The call audit service on both backends: filters and pages, timeline, integrity, journaled acts."""

from __future__ import annotations

import json
import math
import struct
import wave
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlmodel import col

from console.domain.alarm import Operator, Role
from console.domain.call_audit import BadFilter, CallFilter, Integrity
from console.domain.calls import CallDirection, CallEnd, CallEventKind, CallPurpose
from console.domain.journal import JournalAction
from console.services.alarm_desk import AlarmDesk
from console.services.authority import AuditRefused, Authority
from console.services.call_audit import CallAudit
from console.services.call_log import CallLog
from console.storage.calls import UnknownCall
from console.storage.engine import Database
from console.storage.sites import NewContact, add_contact, ensure_site
from console.storage.tables import JournalRow
from tests.factories import T0, SteppingClock, add_operator_to, add_site, cid


def write_wav(path: Path, seconds: float = 1.0, hz: int = 440) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(16000)
        frames = int(16000 * seconds)
        wav.writeframes(
            b"".join(
                struct.pack("<h", int(8000 * math.sin(2 * math.pi * hz * i / 16000))) for i in range(frames)
            )
        )
    return path


def journal(db: Database, *actions: str) -> list[tuple[str, int | None, str]]:
    with db.read() as session:
        rows = session.scalars(
            select(JournalRow).where(col(JournalRow.action).in_(actions)).order_by(col(JournalRow.id))
        )
        return [(r.action, r.operator_id, r.detail) for r in rows]


class Station:
    """Two sites, two operators, a supervisor, and calls made through the real call log."""

    def __init__(self, db: Database, folder: Path) -> None:
        self.db = db
        self.folder = folder
        self.site_a = add_site(db, "LYO-0001", "4A21", "Pharmacie")
        self.site_b = add_site(db, "PAR-0002", "5B31", "Bijouterie")
        with db.write() as session:
            site, _ = ensure_site(session, "LYO-0001")
            contact = add_contact(session, site, 1, NewContact("Gardien", sip_uri="sip:g@pbx"))
            session.flush()
            self.contact = contact.id
        self.amelie = add_operator_to(db, "amelie")
        self.bruno = add_operator_to(db, "bruno")
        self.chef = add_operator_to(db, "chef", Role.SUPERVISOR)
        self.alarm = AlarmDesk(db).ingest([cid(130, at=T0)]).new_alarm_ids[0]
        self.log = CallLog(db, "desk-1", lambda: T0 + timedelta(hours=1))

    def call(
        self,
        at_s: float,
        operator: Operator,
        site_id: int | None,
        *,
        direction: CallDirection = CallDirection.OUTGOING,
        purpose: CallPurpose = CallPurpose.CALLBACK,
        end: CallEnd = CallEnd.COMPLETED,
        recorded: bool = True,
    ) -> int:
        at = T0 + timedelta(seconds=at_s)
        record = self.log.open_call(
            direction=direction,
            purpose=purpose,
            remote_uri=f"sip:{int(at_s)}@pbx",
            at=at,
            operator=operator,
            site_id=site_id,
            contact_id=self.contact if site_id == self.site_a else None,
        )
        self.log.add_event(record.id, CallEventKind.RINGING, at + timedelta(seconds=1))
        if end is CallEnd.COMPLETED:
            self.log.add_event(
                record.id, CallEventKind.ANSWERED, at + timedelta(seconds=3), operator=operator
            )
            self.log.add_event(record.id, CallEventKind.HELD, at + timedelta(seconds=4), "on hold")
        if recorded:
            self.log.set_recording(record.id, write_wav(self.folder / f"rec-{record.id}.wav"))
        self.log.close_call(record.id, end, at + timedelta(seconds=5))
        if recorded:
            self.log.finalise_recording(record.id)
        return record.id


@pytest.fixture
def station(db: Database, tmp_path: Path) -> Station:
    return Station(db, tmp_path / "recordings")


def test_filters_and_pages(station: Station) -> None:
    s = station
    ids = [
        s.call(10, s.amelie, s.site_a),
        s.call(20, s.bruno, s.site_b, direction=CallDirection.INCOMING, purpose=CallPurpose.INCOMING),
        s.call(30, s.amelie, s.site_b, end=CallEnd.NO_ANSWER, recorded=False),
        s.call(40, s.bruno, None, purpose=CallPurpose.DIAL, end=CallEnd.BUSY, recorded=False),
        s.call(50, s.amelie, s.site_a, purpose=CallPurpose.LISTEN_IN),
    ]
    audit = CallAudit(s.db, Authority(s.db))

    def found(**values: object) -> list[int]:
        return [c.record.id for c in audit.calls(s.chef, CallFilter(**values))]  # type: ignore[arg-type]

    assert found() == ids[::-1]  # newest first
    assert found(operator_login="amelie") == [ids[4], ids[2], ids[0]]
    assert found(site_code="par-0002") == [ids[2], ids[1]]  # codes compare whatever the case
    assert found(alarm_id=s.alarm) == [ids[4], ids[0]]  # the calls made on the site with the open alarm
    assert found(direction=CallDirection.INCOMING) == [ids[1]]
    assert found(end_status=CallEnd.BUSY) == [ids[3]]
    assert found(purpose=CallPurpose.LISTEN_IN) == [ids[4]]
    assert found(since=T0 + timedelta(seconds=20), until=T0 + timedelta(seconds=40)) == [ids[2], ids[1]]
    assert found(operator_login="nobody") == []

    first = audit.calls(s.chef, CallFilter(), size=2)
    assert [c.record.id for c in first] == [ids[4], ids[3]]
    assert (first[0].operator_name, first[0].site_code, first[0].site_name) == (
        "Amelie",
        "LYO-0001",
        "Pharmacie",
    )
    assert first[1].site_code is None and first[1].operator_name == "Bruno"
    second = audit.calls(s.chef, CallFilter(), after=first[-1].cursor, size=2)
    third = audit.calls(s.chef, CallFilter(), after=second[-1].cursor, size=2)
    assert [c.record.id for c in second + third] == [ids[2], ids[1], ids[0]]
    assert audit.calls(s.chef, CallFilter(), after=third[-1].cursor) == []

    with pytest.raises(BadFilter) as bad:
        audit.calls(s.chef, CallFilter(since=T0, until=T0 - timedelta(seconds=1)))
    assert bad.value.problems == {"until": "before_since"}


def test_timeline_and_integrity_verified_altered_missing(station: Station) -> None:
    s = station
    good, flipped, gone = (s.call(at, s.amelie, s.site_a) for at in (10, 20, 30))
    unrecorded = s.call(40, s.amelie, s.site_a, end=CallEnd.NO_ANSWER, recorded=False)
    audit = CallAudit(s.db, Authority(s.db))

    timeline = audit.timeline(s.chef, good)
    kinds = [e.event.kind for e in timeline.entries]
    assert kinds == [
        CallEventKind.CREATED,
        CallEventKind.RINGING,
        CallEventKind.ANSWERED,
        CallEventKind.HELD,
        CallEventKind.ENDED,
    ]
    assert [e.offset_s for e in timeline.entries] == [0, 1, 3, 4, 5]

    path = s.folder / f"rec-{flipped}.wav"
    data = bytearray(path.read_bytes())
    data[1000] ^= 0x01  # one bit of the audio changed: same size, other hash
    path.write_bytes(bytes(data))
    (s.folder / f"rec-{gone}.wav").unlink()

    assert audit.check(s.chef, good).integrity is Integrity.VERIFIED
    altered = audit.check(s.chef, flipped)
    assert altered.integrity is Integrity.ALTERED
    assert altered.expected is not None and altered.found is not None
    assert altered.expected[0] == altered.found[0] and altered.expected[1] != altered.found[1]
    assert audit.check(s.chef, gone).integrity is Integrity.MISSING
    assert audit.check(s.chef, unrecorded).integrity is Integrity.NO_RECORDING
    with pytest.raises(UnknownCall):
        audit.check(s.chef, 9999)


def test_operator_refused_everywhere_and_journaled(station: Station, tmp_path: Path) -> None:
    s = station
    call_id = s.call(10, s.amelie, s.site_a)
    audit = CallAudit(s.db, Authority(s.db))
    attempts: list[Callable[[], object]] = [
        lambda: audit.calls(s.amelie, CallFilter()),
        lambda: audit.timeline(s.amelie, call_id),
        lambda: audit.check(s.amelie, call_id),
        lambda: audit.played(s.amelie, call_id, Integrity.VERIFIED),
        lambda: audit.export(s.amelie, call_id, tmp_path / "out"),
    ]
    for attempt in attempts:
        with pytest.raises(AuditRefused):
            attempt()
    refusals = journal(s.db, JournalAction.AUDIT_REFUSED)
    assert [operator for _a, operator, _d in refusals] == [s.amelie.id] * 5
    assert [d for _a, _o, d in refusals] == [
        "list calls",
        f"read call #{call_id}",
        f"read call #{call_id}",
        f"play the recording of call #{call_id}",
        f"export call #{call_id}",
    ]
    assert not (tmp_path / "out").exists()
    assert journal(s.db, JournalAction.RECORDING_PLAYED, JournalAction.RECORDING_EXPORTED) == []


def test_played_and_exported_are_journaled_and_the_export_reads_back(
    station: Station, tmp_path: Path
) -> None:
    s = station
    call_id = s.call(10, s.amelie, s.site_a)
    clock = SteppingClock(T0 + timedelta(days=2))
    audit = CallAudit(s.db, Authority(s.db, clock), clock=clock)
    audit.played(s.chef, call_id, Integrity.VERIFIED)
    export = audit.export(s.chef, call_id, tmp_path / "police")

    assert export.integrity is Integrity.VERIFIED and export.wav is not None
    assert export.wav.name == f"call-{call_id}.wav"
    assert export.wav.read_bytes() == (s.folder / f"rec-{call_id}.wav").read_bytes()
    document = json.loads(export.record.read_text(encoding="utf-8"))
    assert document["integrity"] == "verified"
    assert document["exported_by"]["login"] == "chef"
    assert document["exported_at"] == clock.now.isoformat()
    assert document["fingerprint_at_end_of_call"] == document["fingerprint_found"]
    assert document["fingerprint_of_exported_file"] == document["fingerprint_found"]
    assert document["call"]["id"] == call_id and document["call"]["operator_login"] == "amelie"
    assert [e["kind"] for e in document["call"]["events"]][:3] == ["created", "ringing", "answered"]
    assert document["alarm"]["id"] == s.alarm
    assert document["site"]["code"] == "LYO-0001"
    assert document["operator"] == {"id": s.amelie.id, "login": "amelie", "name": "Amelie"}
    assert document["contact"] == {"id": s.contact, "name": "Gardien", "role": ""}

    with s.db.read() as session:
        rows = session.scalars(
            select(JournalRow)
            .where(
                col(JournalRow.action).in_([JournalAction.RECORDING_PLAYED, JournalAction.RECORDING_EXPORTED])
            )
            .order_by(col(JournalRow.id))
        ).all()
        seen = [(r.action, r.operator_id, r.at, r.alarm_id) for r in rows]
    assert seen == [
        (JournalAction.RECORDING_PLAYED, s.chef.id, clock.now, s.alarm),
        (JournalAction.RECORDING_EXPORTED, s.chef.id, clock.now, s.alarm),
    ]


def test_an_altered_recording_is_exported_marked_altered(station: Station, tmp_path: Path) -> None:
    s = station
    call_id = s.call(10, s.amelie, s.site_a)
    gone_id = s.call(20, s.amelie, s.site_a)
    path = s.folder / f"rec-{call_id}.wav"
    path.write_bytes(path.read_bytes() + b"\0\0")
    (s.folder / f"rec-{gone_id}.wav").unlink()
    audit = CallAudit(s.db, Authority(s.db))

    export = audit.export(s.chef, call_id, tmp_path / "police")
    assert export.integrity is Integrity.ALTERED
    assert export.wav is not None and export.wav.name == f"call-{call_id}-ALTERED.wav"
    assert export.wav.read_bytes() == path.read_bytes()
    document = json.loads(export.record.read_text(encoding="utf-8"))
    assert document["integrity"] == "altered"
    assert document["fingerprint_found"]["size"] == document["fingerprint_at_end_of_call"]["size"] + 2

    missing = audit.export(s.chef, gone_id, tmp_path / "police")
    assert missing.wav is None and missing.integrity is Integrity.MISSING
    assert json.loads(missing.record.read_text(encoding="utf-8"))["recording_file"] is None
    details = [d for _a, _o, d in journal(s.db, JournalAction.RECORDING_EXPORTED)]
    assert "(altered)" in details[0] and "(missing)" in details[1]
