"""Call records through the real database on each backend: alarm links, journal, recordings, callers."""

from __future__ import annotations

import hashlib
import struct
import wave
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.domain.alarm import Operator
from console.domain.calls import (
    CallDirection,
    CallEnd,
    CallEventKind,
    CallPurpose,
    DoubtVerdict,
    PasswordCheck,
)
from console.domain.journal import JournalAction
from console.domain.site import JournalEntry
from console.services.alarm_desk import AlarmDesk
from console.services.call_log import CallerMatch, CallLog
from console.storage import alarms as alarm_store
from console.storage.calls import UnknownCall
from console.storage.changes import ChangeCursor, last_change_id
from console.storage.engine import Database
from console.storage.sites import NewContact, add_contact, add_transmitter, ensure_site
from console.storage.tables import ContactRow, JournalRow
from tests.factories import T0, SteppingClock, add_operator_to, cid

MODULE_URI = "sip:module-lyo1@pbx.example"


@dataclass(frozen=True)
class Site:
    id: int
    dupuis: int  # contact rank 1, with password and duress word
    martin: int  # contact rank 2, no words


def add_site_with_contacts(
    db: Database, code: str = "LYO-0001", account: str = "4A21", *, shared_phone: str = "04 78 00 00 00"
) -> Site:
    with db.write() as session:
        site, _ = ensure_site(session, code, "Pharmacie")
        add_transmitter(
            session, site, account, line="1", audio_module_uri=f"sip:module-{code.lower()}@pbx.example"
        )
        dupuis = add_contact(
            session,
            site,
            1,
            NewContact(
                "M. Dupuis",
                phones=("06 12 34 56 78", shared_phone),
                sip_uri=f"sip:dupuis-{code.lower()}@pbx.example",
                password="Soleil",
                duress_word="Orage",
            ),
        )
        martin = add_contact(session, site, 2, NewContact("Mme Martin", phones=(f"07 00 00 00 0{code[-1]}",)))
        session.flush()
        assert site.id is not None and dupuis.id is not None and martin.id is not None
        return Site(site.id, dupuis.id, martin.id)


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock()


@pytest.fixture
def site(db: Database) -> Site:
    return add_site_with_contacts(db)


@pytest.fixture
def amelie(db: Database) -> Operator:
    return add_operator_to(db, "amelie")


@pytest.fixture
def log(db: Database, clock: SteppingClock) -> CallLog:
    return CallLog(db, "desk-1", clock)


@pytest.fixture
def alarm_id(db: Database, clock: SteppingClock, site: Site, amelie: Operator) -> int:
    """An intrusion alarm of the site, taken by amelie."""
    desk = AlarmDesk(db, clock)
    found = desk.ingest([cid(130, zone=2, at=clock.now)]).new_alarm_ids[0]
    clock.advance(5)
    desk.take(found, amelie)
    clock.advance(5)
    return found


def journal(db: Database, alarm_id: int) -> list[JournalEntry]:
    with db.read() as session:
        return alarm_store.journal_for_alarm(session, alarm_id)


def call_entries(db: Database, alarm_id: int) -> list[JournalEntry]:
    return [
        e for e in journal(db, alarm_id) if e.action.startswith("call_") or e.action in ("password_checked",)
    ]


def all_journal_details(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.execute(select(JournalRow.detail)).scalars())


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_a_callback_joins_the_open_alarm_and_each_event_is_journaled_at_its_time(
    db: Database, log: CallLog, site: Site, amelie: Operator, alarm_id: int
) -> None:
    with db.read() as session:
        cursor = ChangeCursor(last_id=last_change_id(session))
    call = log.open_call(
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.CALLBACK,
        remote_uri="sip:0612345678@pbx",
        at=at(20),
        operator=amelie,
        site_id=site.id,
        contact_id=site.dupuis,
    )
    assert call.alarm_id == alarm_id and call.workstation == "desk-1" and call.operator_login == "amelie"
    log.add_event(call.id, CallEventKind.RINGING, at(21))
    log.add_event(call.id, CallEventKind.ANSWERED, at(29), operator=amelie)
    log.add_event(call.id, CallEventKind.HELD, at(40), "asked to wait", operator=amelie)
    log.add_event(call.id, CallEventKind.RESUMED, at(55), operator=amelie)
    log.add_event(call.id, CallEventKind.RINGING, at(56))  # a second ringing does not move ringing_at
    closed = log.close_call(call.id, CallEnd.COMPLETED, at(119), "BYE from the contact", operator=amelie)

    assert (closed.ringing_at, closed.answered_at, closed.ended_at) == (at(21), at(29), at(119))
    assert closed.end_status is CallEnd.COMPLETED and closed.duration_s == 90.0
    assert [(e.kind, e.at) for e in closed.events] == [
        (CallEventKind.CREATED, at(20)),
        (CallEventKind.RINGING, at(21)),
        (CallEventKind.ANSWERED, at(29)),
        (CallEventKind.HELD, at(40)),
        (CallEventKind.RESUMED, at(55)),
        (CallEventKind.RINGING, at(56)),
        (CallEventKind.ENDED, at(119)),
    ]
    entries = call_entries(db, alarm_id)
    assert [(e.action, e.at) for e in entries] == [
        (JournalAction.CALL_PLACED, at(20)),
        (JournalAction.CALL_RINGING, at(21)),
        (JournalAction.CALL_ANSWERED, at(29)),
        (JournalAction.CALL_HELD, at(40)),
        (JournalAction.CALL_RESUMED, at(55)),
        (JournalAction.CALL_RINGING, at(56)),
        (JournalAction.CALL_ENDED, at(119)),
        (JournalAction.CALL_ATTEMPT, at(119)),
    ]
    assert entries[0].detail == f"#{call.id} sip:0612345678@pbx — callback"
    assert entries[3].detail == f"#{call.id} sip:0612345678@pbx — asked to wait"
    assert (
        entries[6].detail
        == f"#{call.id} sip:0612345678@pbx — completed (BYE from the contact), talk time 01:30"
    )
    assert entries[7].detail == f"#{call.id} M. Dupuis, sip:0612345678@pbx — reached"
    assert all(e.operator_login == "amelie" for e in entries)
    with db.read() as session:
        alarm = alarm_store.get_alarm(session, alarm_id)
        changed = cursor.poll(session)
    assert alarm is not None and alarm.last_activity_at == at(119)  # a call is activity on the alarm
    assert changed == {"call": {call.id}, "alarm": {alarm_id}}

    again = log.close_call(call.id, CallEnd.FAILED, at(130), "late report")
    assert again == closed and len(call_entries(db, alarm_id)) == len(entries)


@pytest.mark.parametrize(
    ("end", "reason", "attempt"),
    [
        (CallEnd.BUSY, "486 Busy Here", "busy"),
        (CallEnd.NO_ANSWER, "408 Request Timeout", "no answer"),
        (CallEnd.UNREACHABLE, "503 Service Unavailable", "failed"),
    ],
)
def test_an_unanswered_callback_logs_the_attempt_result(
    db: Database,
    log: CallLog,
    site: Site,
    amelie: Operator,
    alarm_id: int,
    end: CallEnd,
    reason: str,
    attempt: str,
) -> None:
    call = log.open_call(
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.CALLBACK,
        remote_uri="sip:0700000001@pbx",
        at=at(20),
        operator=amelie,
        site_id=site.id,
        contact_id=site.martin,
    )
    closed = log.close_call(call.id, end, at(50), reason, operator=amelie)
    assert closed.duration_s is None and closed.answered_at is None and closed.end_reason == reason
    ended, tried = call_entries(db, alarm_id)[-2:]
    assert ended.detail == f"#{call.id} sip:0700000001@pbx — {end.value.replace('_', ' ')} ({reason})"
    assert (tried.action, tried.detail) == (
        JournalAction.CALL_ATTEMPT,
        f"#{call.id} Mme Martin, sip:0700000001@pbx — {attempt}",
    )


def test_a_dialled_number_outside_any_alarm_is_recorded_without_journal(
    db: Database, log: CallLog, amelie: Operator
) -> None:
    before = len(all_journal_details(db))
    call = log.open_call(
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.DIAL,
        remote_uri="tel:3630",
        at=at(0),
        operator=amelie,
    )
    log.add_event(call.id, CallEventKind.DTMF, at(3), "sent 1", operator=amelie)
    closed = log.close_call(call.id, CallEnd.CANCELLED, at(9), operator=amelie)
    assert closed.alarm_id is None and closed.site_id is None and len(closed.events) == 3
    assert len(all_journal_details(db)) == before
    with pytest.raises(UnknownCall):
        log.add_event(9999, CallEventKind.RINGING, at(1))
    with pytest.raises(ValueError, match="close_call"):
        log.add_event(call.id, CallEventKind.ENDED, at(10))


def test_an_explicit_alarm_gives_the_call_its_site(
    db: Database, log: CallLog, site: Site, amelie: Operator, alarm_id: int
) -> None:
    call = log.open_call(
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.DIAL,
        remote_uri="tel:17",
        at=at(20),
        operator=amelie,
        alarm_id=alarm_id,
    )
    assert (call.site_id, call.alarm_id) == (site.id, alarm_id)


def test_finalise_hashes_the_file_once_and_notes_a_missing_one(
    db: Database,
    clock: SteppingClock,
    log: CallLog,
    site: Site,
    amelie: Operator,
    alarm_id: int,
    tmp_path: Path,
) -> None:
    path = tmp_path / "call-1.wav"
    content = b"RIFF" + bytes(range(256)) * 300
    path.write_bytes(content)
    call = log.open_call(
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.LISTEN_IN,
        remote_uri=MODULE_URI,
        at=at(20),
        operator=amelie,
        site_id=site.id,
    )
    log.set_recording(call.id, path)
    log.close_call(call.id, CallEnd.COMPLETED, at(80), operator=amelie)
    final = log.finalise_recording(call.id)
    assert final.recording_path == str(path)
    assert (final.recording_size, final.recording_sha256) == (
        len(content),
        hashlib.sha256(content).hexdigest(),
    )
    path.write_bytes(b"edited afterwards")
    assert log.finalise_recording(call.id) == final  # the hash taken when final stands

    lost = log.open_call(
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.LISTEN_IN,
        remote_uri=MODULE_URI,
        at=at(90),
        operator=amelie,
        site_id=site.id,
    )
    log.set_recording(lost.id, tmp_path / "gone.wav")
    log.close_call(lost.id, CallEnd.COMPLETED, at(95), "BYE", operator=amelie)
    clock.now = at(96)
    noted = log.finalise_recording(lost.id)
    assert noted.recording_sha256 is None and noted.end_reason.startswith("BYE; recording missing: ")
    fault = call_entries(db, alarm_id)[-1]
    assert (fault.action, fault.at) == (JournalAction.CALL_RECORDING_FAULT, at(96))
    assert fault.detail.startswith(f"#{lost.id} recording missing: ") and "gone.wav" in fault.detail


def write_damaged_wav(path: Path, seconds: float) -> bytes:
    """A recording whose writer was killed: sizes never written, half a frame at the end."""
    audio = bytes(i % 256 for i in range(int(seconds * 8000) * 2))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(audio)
    with path.open("r+b") as handle:
        handle.seek(4)
        handle.write(struct.pack("<I", 0))
        handle.seek(40)
        handle.write(struct.pack("<I", 0))
        handle.seek(0, 2)
        handle.write(b"\x55")
    return audio


def test_repair_closes_this_workstations_interrupted_calls(
    db: Database,
    clock: SteppingClock,
    log: CallLog,
    site: Site,
    amelie: Operator,
    alarm_id: int,
    tmp_path: Path,
) -> None:
    path = tmp_path / "call-7.wav"
    audio = write_damaged_wav(path, seconds=12.5)
    call = log.open_call(
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.LISTEN_IN,
        remote_uri=MODULE_URI,
        at=at(20),
        operator=amelie,
        site_id=site.id,
    )
    log.add_event(call.id, CallEventKind.ANSWERED, at(22), operator=amelie)
    log.set_recording(call.id, str(path))
    other_desk = CallLog(db, "desk-2", clock).open_call(
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.DIAL,
        remote_uri="tel:3630",
        at=at(21),
        operator=amelie,
    )
    restart = at(3600)

    repaired = log.repair_interrupted(restart)

    assert [r.id for r in repaired] == [call.id]
    record = repaired[0]
    assert record.end_status is CallEnd.INTERRUPTED
    assert record.ended_at == at(22 + 12.5)  # the answer plus the audio kept, not the restart time
    assert record.end_reason == "console stopped during the call; recording repaired, 12.5 s kept"
    assert (record.recording_size, record.recording_sha256) == (
        path.stat().st_size,
        hashlib.sha256(path.read_bytes()).hexdigest(),
    )
    with wave.open(str(path), "rb") as wav:
        assert wav.getnframes() == 100000 and wav.readframes(100000) == audio
    entries = call_entries(db, alarm_id)
    assert [(e.action, e.at) for e in entries[-2:]] == [
        (JournalAction.CALL_ENDED, at(34.5)),
        (JournalAction.CALL_REPAIRED, restart),
    ]
    assert entries[-1].operator_login is None  # the console did it, not amelie
    assert log.repair_interrupted(restart) == []
    assert CallLog(db, "desk-2", clock).get(other_desk.id) == other_desk


def test_repair_without_a_recording_file_closes_at_the_last_event(
    db: Database, log: CallLog, site: Site, amelie: Operator, alarm_id: int, tmp_path: Path
) -> None:
    call = log.open_call(
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.CALLBACK,
        remote_uri="sip:0612345678@pbx",
        at=at(20),
        operator=amelie,
        site_id=site.id,
        contact_id=site.dupuis,
    )
    log.add_event(call.id, CallEventKind.RINGING, at(23))
    log.set_recording(call.id, tmp_path / "never-written.wav")
    (record,) = log.repair_interrupted(at(900))
    assert record.ended_at == at(23) and record.recording_sha256 is None
    assert record.end_reason.startswith("console stopped during the call; recording missing")
    assert call_entries(db, alarm_id)[-1].action == JournalAction.CALL_REPAIRED


def test_callers_are_matched_by_module_uri_contact_uri_and_any_phone_form(
    db: Database, log: CallLog, site: Site, amelie: Operator, alarm_id: int
) -> None:
    holder = CallerMatch(site.id, None, alarm_id, amelie.id, (site.id,))
    assert log.match_caller('"Module" <sip:MODULE-LYO-0001@pbx.example;transport=tcp>') == holder
    by_uri = log.match_caller("sip:dupuis-lyo-0001@PBX.example")
    assert (by_uri.site_id, by_uri.contact_id, by_uri.alarm_id) == (site.id, site.dupuis, alarm_id)
    by_phone = log.match_caller("sip:+33612345678@trunk.example")
    assert (by_phone.site_id, by_phone.contact_id) == (site.id, site.dupuis)
    assert log.match_caller("tel:07.00.00.00.01").contact_id == site.martin
    assert log.match_caller("sip:0999999999@trunk") == CallerMatch()


def test_a_number_of_several_sites_picks_the_one_with_an_open_alarm(
    db: Database, log: CallLog, site: Site, amelie: Operator
) -> None:
    other = add_site_with_contacts(db, "LYO-0002", "4A22")
    shared = "sip:0478000000@trunk"
    assert log.match_caller(shared) == CallerMatch(candidate_site_ids=(site.id, other.id))
    alarm_id = AlarmDesk(db).ingest([cid(130, account="4A22", at=at(0))]).new_alarm_ids[0]
    assert log.match_caller(shared) == CallerMatch(
        other.id, other.dupuis, alarm_id, None, (site.id, other.id)
    )


def test_an_incoming_call_is_matched_and_linked_to_the_alarm(
    db: Database, log: CallLog, site: Site, amelie: Operator, alarm_id: int
) -> None:
    call = log.open_call(
        direction=CallDirection.INCOMING,
        purpose=CallPurpose.INCOMING,
        remote_uri='"Dupuis" <sip:0612345678@trunk>',
        at=at(30),
        operator=None,
    )
    assert (call.site_id, call.contact_id, call.alarm_id, call.operator_id) == (
        site.id,
        site.dupuis,
        alarm_id,
        None,
    )
    answered = log.add_event(call.id, CallEventKind.ANSWERED, at(34), operator=amelie)
    assert answered.operator_login == "amelie" and answered.answered_at == at(34)
    entries = call_entries(db, alarm_id)
    assert [(e.action, e.operator_login) for e in entries] == [
        (JournalAction.CALL_RECEIVED, None),
        (JournalAction.CALL_ANSWERED, "amelie"),
    ]
    unknown = log.open_call(
        direction=CallDirection.INCOMING,
        purpose=CallPurpose.INCOMING,
        remote_uri="sip:anonymous@anonymous.invalid",
        at=at(40),
        operator=None,
    )
    assert (unknown.site_id, unknown.alarm_id) == (None, None)


def test_password_check_journals_the_outcome_and_never_the_word(
    db: Database, log: CallLog, site: Site, amelie: Operator, alarm_id: int
) -> None:
    typed = {"SOLEIL": PasswordCheck.MATCH, "orâge": PasswordCheck.DURESS, "Pluie": PasswordCheck.WRONG}
    for word, expected in typed.items():
        assert (
            log.check_password(site_id=site.id, contact_id=site.dupuis, typed=word, operator=amelie)
            is expected
        )
    assert (
        log.check_password(site_id=site.id, contact_id=site.martin, typed="soleil", operator=amelie)
        is PasswordCheck.NO_WORD
    )
    checks = [e for e in journal(db, alarm_id) if e.action == JournalAction.PASSWORD_CHECKED]
    assert [e.detail for e in checks] == [
        "M. Dupuis — password correct",
        "M. Dupuis — DURESS word given",
        "M. Dupuis — wrong password",
        "Mme Martin — no password on file",
    ]
    assert all(e.operator_login == "amelie" for e in checks)
    details = " ".join(all_journal_details(db)).lower()
    assert not any(word in details for word in ("soleil", "orage", "orâge", "pluie"))
    with db.read() as session:
        stored = session.execute(
            select(ContactRow.password_hash).where(ContactRow.id == site.dupuis)
        ).scalar_one()
    assert stored is not None and stored not in details
    with pytest.raises(LookupError):
        log.check_password(site_id=site.id + 1, contact_id=site.dupuis, typed="soleil", operator=amelie)


def test_password_check_during_a_call_names_the_call(
    db: Database, clock: SteppingClock, log: CallLog, site: Site, amelie: Operator, alarm_id: int
) -> None:
    call = log.open_call(
        direction=CallDirection.INCOMING,
        purpose=CallPurpose.INCOMING,
        remote_uri="sip:0612345678@trunk",
        at=clock.now,
        operator=amelie,
    )
    clock.advance(20)
    log.check_password(
        site_id=site.id, contact_id=site.dupuis, typed="orage", operator=amelie, call_id=call.id
    )
    assert journal(db, alarm_id)[-1].detail == f"call #{call.id}, M. Dupuis — DURESS word given"


def test_doubt_verdict_is_kept_and_journaled(
    db: Database, clock: SteppingClock, log: CallLog, site: Site, amelie: Operator, alarm_id: int
) -> None:
    call = log.open_call(
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.LISTEN_IN,
        remote_uri=MODULE_URI,
        at=clock.now,
        operator=amelie,
        site_id=site.id,
    )
    log.add_event(call.id, CallEventKind.LISTEN, clock.advance(2), operator=amelie)
    decided = log.record_verdict(call.id, DoubtVerdict.POSITIVE, amelie)
    assert decided.verdict is DoubtVerdict.POSITIVE
    last = journal(db, alarm_id)[-1]
    assert (last.action, last.at, last.operator_login) == (JournalAction.DOUBT_VERDICT, clock.now, "amelie")
    assert last.detail == f"#{call.id} {MODULE_URI} — doubt positive (intrusion heard)"


def test_calls_filtered_by_alarm_and_time(
    db: Database, log: CallLog, site: Site, amelie: Operator, alarm_id: int
) -> None:
    def place(seconds: float, **link: int) -> int:
        return log.open_call(
            direction=CallDirection.OUTGOING,
            purpose=CallPurpose.DIAL,
            remote_uri="tel:3630",
            at=at(seconds),
            operator=amelie,
            **link,
        ).id

    first = place(20, site_id=site.id)
    loose = place(30)
    late = place(3000, alarm_id=alarm_id)
    assert [c.id for c in log.calls()] == [first, loose, late]
    assert [c.id for c in log.calls(alarm_id=alarm_id)] == [first, late]
    assert [c.id for c in log.calls(since=at(30))] == [loose, late]
    assert [c.id for c in log.calls(alarm_id=alarm_id, since=at(30))] == [late]
    with db.read() as session:
        assert session.execute(select(func.count()).select_from(JournalRow)).scalar_one() > 0
