"""The call log: what the softphone glue calls to make every call traceable.

Each use case is one transaction holding the call, its event, its journal entries and the
change-feed rows, like the dispatch desk. Slow file work (hashing a recording, repairing a WAV,
the scrypt of a password check) is done outside the transaction so a SQLite write lock is never
held for it. A console that died mid-call leaves its calls open; `repair_interrupted` at the next
start repairs their recordings, closes them as interrupted and journals it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from console.domain.alarm import Operator
from console.domain.calls import (
    CallDirection,
    CallEnd,
    CallEvent,
    CallEventKind,
    CallPurpose,
    CallRecord,
    DoubtVerdict,
    PasswordCheck,
    attempt_result,
    caller_key,
    check_spoken_password,
)
from console.domain.journal import JournalAction
from console.services.alarm_desk import Clock, utc_now
from console.services.recording_files import WavRepair, fingerprint, repair_wav
from console.storage import calls as call_store
from console.storage.alarms import open_alarm_for
from console.storage.dispatch import alarm_site
from console.storage.engine import Database, unavailable_raised

T = TypeVar("T")

_PASSWORD_WORDS = {
    PasswordCheck.MATCH: "password correct",
    PasswordCheck.DURESS: "DURESS word given",
    PasswordCheck.WRONG: "wrong password",
    PasswordCheck.NO_WORD: "no password on file",
}
_VERDICT_WORDS = {
    DoubtVerdict.POSITIVE: "doubt positive (intrusion heard)",
    DoubtVerdict.NEGATIVE: "doubt negative (nothing abnormal heard)",
}


@dataclass(frozen=True, slots=True)
class CallerMatch:
    """Who an incoming caller is: the site, the contact (None for an audio module), the site's open
    alarm and who holds it. A number known on several sites with no way to choose gives no site and
    the candidates, for the operator to pick."""

    site_id: int | None = None
    contact_id: int | None = None
    alarm_id: int | None = None
    holder_id: int | None = None
    candidate_site_ids: tuple[int, ...] = ()


class CallLog:
    """Call records of one workstation; raises `UnknownCall` for an id that does not exist."""

    def __init__(self, db: Database, workstation: str, clock: Clock = utc_now) -> None:
        self._db = db
        self.workstation = workstation
        self._clock = clock

    # --- the call's life -------------------------------------------------------------------

    def open_call(
        self,
        *,
        direction: CallDirection,
        purpose: CallPurpose,
        remote_uri: str,
        at: datetime,
        operator: Operator | None,
        site_id: int | None = None,
        contact_id: int | None = None,
        alarm_id: int | None = None,
    ) -> CallRecord:
        """Record a new call, linked to the alarm open on its site at this moment (if none given).

        An incoming call without a site is matched through the directory of known callers.
        """

        def work(session: Session) -> CallRecord:
            nonlocal site_id, contact_id, alarm_id
            if direction is CallDirection.INCOMING and site_id is None and alarm_id is None:
                match = _match(session, remote_uri)
                site_id, contact_id, alarm_id = match.site_id, contact_id or match.contact_id, match.alarm_id
            if alarm_id is not None and site_id is None:
                site_id = alarm_site(session, alarm_id)
            if alarm_id is None and site_id is not None:
                alarm = open_alarm_for(session, site_id, "")
                alarm_id = alarm.id if alarm else None
            record = CallRecord(
                id=0,
                direction=direction,
                purpose=purpose,
                remote_uri=remote_uri[:300],
                created_at=at,
                alarm_id=alarm_id,
                site_id=site_id,
                operator_id=operator.id if operator else None,
                contact_id=contact_id,
                workstation=self.workstation,
            )
            return call_store.insert_call(session, record)

        return self._write(work)

    def add_event(
        self,
        call_id: int,
        kind: CallEventKind,
        at: datetime,
        detail: str = "",
        operator: Operator | None = None,
    ) -> CallRecord:
        """A step of the call (ringing, answered, held, DTMF, ...); CREATED and ENDED have their own calls."""
        if kind in (CallEventKind.CREATED, CallEventKind.ENDED):
            raise ValueError(f"{kind} is recorded by open_call / close_call, not add_event")

        def work(session: Session) -> CallRecord:
            call_store.add_event(session, call_id, CallEvent(at, kind, detail), _id(operator))
            return call_store.require_call(session, call_id)

        return self._write(work)

    def close_call(
        self, call_id: int, end: CallEnd, at: datetime, reason: str = "", operator: Operator | None = None
    ) -> CallRecord:
        """End the call; a call-list callback also logs the attempt's result. A second end is ignored."""

        def work(session: Session) -> CallRecord:
            closed = call_store.close_call(session, call_id, end, at, reason, _id(operator))
            if closed is None:
                return call_store.require_call(session, call_id)
            if closed.purpose is CallPurpose.CALLBACK and closed.contact_id is not None:
                _journal_attempt(session, closed, end, at, _id(operator))
            return closed

        return self._write(work)

    # --- recordings --------------------------------------------------------------------------

    def set_recording(self, call_id: int, path: str | Path) -> None:
        """Where the call is being recorded; fingerprinted once final by `finalise_recording`."""
        self._write(lambda session: call_store.set_recording(session, call_id, str(path), self._clock()))

    def finalise_recording(self, call_id: int) -> CallRecord:
        """Size and SHA-256 of the closed recording file, taken once: a later hash would hide an edit.

        A missing file is noted on the call and journaled as a recording fault, never raised.
        """
        record = self._read(lambda session: call_store.require_call(session, call_id))
        if record.recording_path is None or record.recording_sha256 is not None:
            return record
        try:
            size, digest = fingerprint(record.recording_path)
        except OSError as exc:
            problem = exc.strerror or str(exc)
            return self._write(lambda session: _note_missing(session, record, problem, self._clock()))

        def work(session: Session) -> CallRecord:
            call_store.set_fingerprint(session, call_id, size, digest, self._clock())
            return call_store.require_call(session, call_id)

        return self._write(work)

    def repair_interrupted(self, at: datetime) -> list[CallRecord]:
        """Close this workstation's calls left open by a console that died, repairing their recordings.

        The end time is the best the records tell (the last event, or the answer plus the audio
        kept), never later than `at`; the repair itself is journaled at `at`.
        """
        repaired: list[CallRecord] = []
        for record in self._read(lambda session: call_store.open_calls(session, self.workstation)):
            outcome, size_digest = _repair_file(record.recording_path)
            notes = ["console stopped during the call"]
            if record.recording_path is not None:
                notes.append(_recording_note(outcome))
            repair = _Repair(record, _estimated_end(record, outcome, at), at, "; ".join(notes), size_digest)
            repaired.append(self._write(repair.write))
        return repaired

    # --- who is calling, who is speaking ------------------------------------------------------

    def match_caller(self, uri: str) -> CallerMatch:
        return self._read(lambda session: _match(session, uri))

    def check_password(
        self,
        *,
        site_id: int,
        contact_id: int,
        typed: str,
        operator: Operator,
        alarm_id: int | None = None,
        call_id: int | None = None,
    ) -> PasswordCheck:
        """Compare what the caller said with the contact's words; journal the outcome, never a word."""
        secrets = self._read(lambda session: call_store.contact_secrets(session, contact_id))
        if secrets is None or secrets[0] != site_id:
            raise LookupError(f"contact {contact_id} is not a contact of site {site_id}")
        _site, name, password_hash, duress_hash = secrets
        outcome = check_spoken_password(typed, password_hash, duress_hash)

        def work(session: Session) -> PasswordCheck:
            at = self._clock()
            linked = alarm_id
            if linked is None and call_id is not None:
                linked = call_store.require_call(session, call_id).alarm_id
            if linked is None:
                alarm = open_alarm_for(session, site_id, "")
                linked = alarm.id if alarm else None
            call = f"call #{call_id}, " if call_id is not None else ""
            call_store.journal_entry(
                session,
                JournalAction.PASSWORD_CHECKED,
                f"{call}{name} — {_PASSWORD_WORDS[outcome]}",
                at=at,
                operator_id=operator.id,
                alarm_id=linked,
                site_id=site_id,
            )
            return outcome

        return self._write(work)

    def record_verdict(self, call_id: int, verdict: DoubtVerdict, operator: Operator) -> CallRecord:
        """The audio doubt removal's conclusion, kept on the call and journaled on its alarm."""

        def work(session: Session) -> CallRecord:
            at = self._clock()
            call_store.set_verdict(session, call_id, verdict, at)
            record = call_store.require_call(session, call_id)
            detail = f"#{record.id} {record.remote_uri} — {_VERDICT_WORDS[verdict]}"
            call_store.journal_call(
                session, record, JournalAction.DOUBT_VERDICT, detail, at=at, operator_id=operator.id
            )
            return record

        return self._write(work)

    # --- reads -------------------------------------------------------------------------------

    def get(self, call_id: int) -> CallRecord | None:
        return self._read(lambda session: call_store.get_call(session, call_id))

    def calls(self, alarm_id: int | None = None, since: datetime | None = None) -> list[CallRecord]:
        return self._read(lambda session: call_store.list_calls(session, alarm_id=alarm_id, since=since))

    # --- internals ---------------------------------------------------------------------------

    def _write(self, work: Callable[[Session], T]) -> T:
        with unavailable_raised(), self._db.write() as session:
            return work(session)

    def _read(self, work: Callable[[Session], T]) -> T:
        with unavailable_raised(), self._db.read() as session:
            return work(session)


def _id(operator: Operator | None) -> int | None:
    return operator.id if operator else None


def _match(session: Session, uri: str) -> CallerMatch:
    """The caller's site and contact; among several sites, the only one with an open alarm wins."""
    entries = call_store.caller_directory(session).get(caller_key(uri), ())
    sites = list(dict.fromkeys(site_id for site_id, _contact in entries))
    if not sites:
        return CallerMatch()
    alarms = {site_id: open_alarm_for(session, site_id, "") for site_id in sites}
    if len(sites) > 1:
        alarmed = [site_id for site_id in sites if alarms[site_id] is not None]
        if len(alarmed) != 1:
            return CallerMatch(candidate_site_ids=tuple(sites))
        sites = alarmed
    site_id = sites[0]
    contacts = [contact for entry_site, contact in entries if entry_site == site_id and contact is not None]
    alarm = alarms[site_id]
    return CallerMatch(
        site_id=site_id,
        contact_id=contacts[0] if contacts else None,
        alarm_id=alarm.id if alarm else None,
        holder_id=alarm.operator_id if alarm else None,
        candidate_site_ids=tuple(dict.fromkeys(s for s, _c in entries)),
    )


def _journal_attempt(
    session: Session, record: CallRecord, end: CallEnd, at: datetime, operator_id: int | None
) -> None:
    assert record.contact_id is not None
    name = call_store.contact_names(session, [record.contact_id]).get(record.contact_id, "contact")
    detail = f"#{record.id} {name}, {record.remote_uri} — {call_store.words(attempt_result(end))}"
    call_store.journal_call(
        session, record, JournalAction.CALL_ATTEMPT, detail, at=at, operator_id=operator_id
    )


def _note_missing(session: Session, record: CallRecord, problem: str, at: datetime) -> CallRecord:
    note = f"recording missing: {record.recording_path} ({problem})"
    call_store.append_end_reason(session, record.id, note, at)
    call_store.journal_call(
        session, record, JournalAction.CALL_RECORDING_FAULT, f"#{record.id} {note}", at=at, operator_id=None
    )
    return call_store.require_call(session, record.id)


def _repair_file(path: str | None) -> tuple[WavRepair | OSError | None, tuple[int, str] | None]:
    """The WAV repaired then fingerprinted; the OSError when the file is gone or unreadable."""
    if path is None:
        return None, None
    try:
        outcome = repair_wav(path)
        return outcome, fingerprint(path)
    except OSError as exc:
        return exc, None


def _recording_note(outcome: WavRepair | OSError | None) -> str:
    if isinstance(outcome, OSError):
        return f"recording missing ({outcome.strerror or outcome})"
    if outcome is None or not outcome.playable:
        return f"recording unplayable ({outcome.detail if outcome else 'no file'})"
    state = "repaired" if outcome.repaired else "intact"
    return f"recording {state}, {outcome.duration_s:.1f} s kept"


def _estimated_end(record: CallRecord, outcome: WavRepair | OSError | None, at: datetime) -> datetime:
    """The last moment the records vouch for: the last event, or the answer plus the audio on disk."""
    latest = max([record.created_at, *(e.at for e in record.events)])
    if isinstance(outcome, WavRepair) and outcome.playable and record.answered_at is not None:
        latest = max(latest, record.answered_at + timedelta(seconds=outcome.duration_s))
    return max(record.created_at, min(latest, at))


@dataclass(frozen=True, slots=True)
class _Repair:
    """Closing one interrupted call: its end stays the call operator's, the repair is the console's."""

    record: CallRecord
    end_at: datetime
    at: datetime
    reason: str
    size_digest: tuple[int, str] | None

    def write(self, session: Session) -> CallRecord:
        call_id = self.record.id
        closed = call_store.close_call(session, call_id, CallEnd.INTERRUPTED, self.end_at, self.reason, None)
        if closed is None:  # another start of this workstation repaired it meanwhile
            return call_store.require_call(session, call_id)
        if self.size_digest is not None:
            call_store.set_fingerprint(session, call_id, *self.size_digest, self.at)
        detail = f"#{call_id} {closed.remote_uri} — {self.reason}"
        call_store.journal_call(
            session, closed, JournalAction.CALL_REPAIRED, detail, at=self.at, operator_id=None
        )
        return call_store.require_call(session, call_id)
