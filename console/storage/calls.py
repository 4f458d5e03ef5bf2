"""Call records persistence: the calls, their timed events, their journal entries, the caller directory.

Writes run inside the caller's transaction. Every change is noted in the change feed under "call"
so other consoles refresh their call lists; each event of a call that belongs to an alarm (or at
least a site) is also written to the journal at the event's own time, with the operator, so the
alarm's main courante shows the call step by step and a call counts as activity on the alarm.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session
from sqlmodel import col, select

from console.domain.calls import (
    CallDirection,
    CallEnd,
    CallEvent,
    CallEventKind,
    CallPurpose,
    CallRecord,
    DoubtVerdict,
    caller_key,
)
from console.domain.journal import JournalAction
from console.domain.journal_chain import fingerprint_detail
from console.storage.alarms import append_journal
from console.storage.changes import record_changes
from console.storage.tables import CallEventRow, CallRow, ContactRow, OperatorRow, TransmitterRow

ENTITY = "call"

EVENT_ACTIONS: dict[CallEventKind, JournalAction] = {
    CallEventKind.RINGING: JournalAction.CALL_RINGING,
    CallEventKind.ANSWERED: JournalAction.CALL_ANSWERED,
    CallEventKind.HELD: JournalAction.CALL_HELD,
    CallEventKind.RESUMED: JournalAction.CALL_RESUMED,
    CallEventKind.MUTED: JournalAction.CALL_MUTED,
    CallEventKind.UNMUTED: JournalAction.CALL_UNMUTED,
    CallEventKind.LISTEN: JournalAction.CALL_LISTEN,
    CallEventKind.TALK: JournalAction.CALL_TALK,
    CallEventKind.DTMF: JournalAction.CALL_DTMF,
    CallEventKind.TRANSFERRED: JournalAction.CALL_TRANSFERRED,
    CallEventKind.RECORDING_FAULT: JournalAction.CALL_RECORDING_FAULT,
    CallEventKind.ENDED: JournalAction.CALL_ENDED,
}

# (site_id, contact_id or None for a transmitter's audio module)
CallerEntry = tuple[int, int | None]


class UnknownCall(LookupError):
    """No call record with that id."""


# --- journal wording ---------------------------------------------------------------------------


def words(value: str) -> str:
    """An enum value as the journal writes it: "no_answer" -> "no answer"."""
    return value.replace("_", " ")


def format_talk_time(seconds: float) -> str:
    """mm:ss, or h:mm:ss past an hour: how the journal shows a talk time."""
    whole = round(seconds)
    return (
        f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
        if whole >= 3600
        else f"{whole // 60:02d}:{whole % 60:02d}"
    )


def event_detail(record: CallRecord, kind: CallEventKind, detail: str = "") -> str:
    """The journal line of a call event: `#12 sip:0612@pbx — busy (486 Busy Here)`."""
    head = f"#{record.id} {record.remote_uri}"
    if kind is CallEventKind.CREATED:
        return f"{head} — {words(record.purpose)}" + (f", {detail}" if detail else "")
    if kind is CallEventKind.ENDED:
        text = f"{head} — {words(record.end_status) if record.end_status else 'ended'}"
        if detail:
            text += f" ({detail})"
        if record.duration_s is not None:
            text += f", talk time {format_talk_time(record.duration_s)}"
        return text
    return f"{head} — {detail}" if detail else head


# --- writes ------------------------------------------------------------------------------------


def insert_call(session: Session, record: CallRecord) -> CallRecord:
    """Store a new call (its `id` and events are ignored) with its CREATED event; the stored record."""
    row = CallRow(
        alarm_id=record.alarm_id,
        site_id=record.site_id,
        operator_id=record.operator_id,
        contact_id=record.contact_id,
        workstation=record.workstation,
        direction=record.direction.value,
        purpose=record.purpose.value,
        remote_uri=record.remote_uri,
        created_at=record.created_at,
        end_reason="",
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    stored = require_call(session, row.id)
    action = (
        JournalAction.CALL_RECEIVED
        if record.direction is CallDirection.INCOMING
        else JournalAction.CALL_PLACED
    )
    _add_event_row(
        session, stored, CallEvent(record.created_at, CallEventKind.CREATED), record.operator_id, action
    )
    return require_call(session, row.id)


def add_event(session: Session, call_id: int, event: CallEvent, operator_id: int | None) -> None:
    """Record a step of the call; the first RINGING / ANSWERED also times the call itself.

    An event reported without an operator is the call operator's (the ringing of her callback);
    an operator reporting one on a call nobody held yet (an incoming call answered) becomes the
    call's operator.
    """
    record = require_call(session, call_id)
    values: dict[str, object] = {}
    if record.is_open:
        if event.kind is CallEventKind.RINGING and record.ringing_at is None:
            values["ringing_at"] = event.at
        if event.kind is CallEventKind.ANSWERED and record.answered_at is None:
            values["answered_at"] = event.at
    if operator_id is not None and record.operator_id is None:
        values["operator_id"] = operator_id
    if values:
        session.execute(update(CallRow).where(col(CallRow.id) == call_id).values(**values))
    actor = operator_id if operator_id is not None else record.operator_id
    _add_event_row(session, record, event, actor, EVENT_ACTIONS[event.kind])


def close_call(
    session: Session, call_id: int, end: CallEnd, at: datetime, reason: str, operator_id: int | None
) -> CallRecord | None:
    """End the call with its ENDED event; None (and nothing written) when it was already closed.

    The update is conditional on the call being open, so two reports of the same end (or a
    repair racing a late end) write it once.
    """
    result = session.execute(
        update(CallRow)
        .where(col(CallRow.id) == call_id, col(CallRow.ended_at).is_(None))
        .values(ended_at=at, end_status=end.value, end_reason=reason)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        require_call(session, call_id)
        return None
    closed = require_call(session, call_id)
    actor = operator_id if operator_id is not None else closed.operator_id
    _add_event_row(
        session, closed, CallEvent(at, CallEventKind.ENDED, reason), actor, JournalAction.CALL_ENDED
    )
    return require_call(session, call_id)


def set_recording(session: Session, call_id: int, path: str, at: datetime) -> None:
    _update(session, call_id, at, recording_path=path)


def set_fingerprint(session: Session, call_id: int, size: int, sha256: str, at: datetime) -> None:
    """The final recording's size and SHA-256, also journaled (always, even for a call on no alarm
    or site): the journal's chain then covers the fingerprint, and `vigie verify` checks the file
    against the chained value, so editing the audio and the call row together still shows."""
    _update(session, call_id, at, recording_size=size, recording_sha256=sha256)
    alarm_id, site_id = session.execute(
        select(CallRow.alarm_id, CallRow.site_id).where(col(CallRow.id) == call_id)
    ).one()
    append_journal(
        session,
        at=at,
        action=JournalAction.RECORDING_FINGERPRINTED,
        detail=fingerprint_detail(call_id, size, sha256),
        alarm_id=alarm_id,
        site_id=site_id,
    )


def set_verdict(session: Session, call_id: int, verdict: DoubtVerdict, at: datetime) -> None:
    _update(session, call_id, at, verdict=verdict.value)


def append_end_reason(session: Session, call_id: int, note: str, at: datetime) -> None:
    """Add a remark to the call's end reason (a missing recording), keeping what was there."""
    current = require_call(session, call_id).end_reason
    _update(session, call_id, at, end_reason=f"{current}; {note}" if current else note)


def journal_call(
    session: Session,
    record: CallRecord,
    action: JournalAction,
    detail: str,
    *,
    at: datetime,
    operator_id: int | None,
) -> None:
    """A journal entry about the call, on its alarm (or its site when it has no alarm)."""
    journal_entry(
        session,
        action,
        detail,
        at=at,
        operator_id=operator_id,
        alarm_id=record.alarm_id,
        site_id=record.site_id,
    )


def journal_entry(
    session: Session,
    action: JournalAction,
    detail: str,
    *,
    at: datetime,
    operator_id: int | None,
    alarm_id: int | None,
    site_id: int | None,
) -> None:
    """Journal on the alarm or the site (an entry on the alarm makes the consoles showing it reload).

    Nothing is written for a call linked to neither (a number typed on the dial pad): its own
    record is its trace.
    """
    if alarm_id is None and site_id is None:
        return
    append_journal(
        session,
        at=at,
        action=action,
        detail=detail,
        operator_id=operator_id,
        alarm_id=alarm_id,
        site_id=site_id,
    )


def _add_event_row(
    session: Session, record: CallRecord, event: CallEvent, operator_id: int | None, action: JournalAction
) -> None:
    session.add(CallEventRow(call_id=record.id, at=event.at, kind=event.kind.value, detail=event.detail))
    record_changes(session, ENTITY, [record.id], event.at)
    journal_call(
        session,
        record,
        action,
        event_detail(record, event.kind, event.detail),
        at=event.at,
        operator_id=operator_id,
    )


def _update(session: Session, call_id: int, at: datetime, **values: object) -> None:
    result = session.execute(update(CallRow).where(col(CallRow.id) == call_id).values(**values))
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise UnknownCall(f"call {call_id} does not exist")
    record_changes(session, ENTITY, [call_id], at)


# --- reads -------------------------------------------------------------------------------------


def _record(row: CallRow, login: str | None, events: Sequence[CallEventRow]) -> CallRecord:
    if row.id is None:
        raise ValueError("row has no id yet (not flushed)")
    return CallRecord(
        id=row.id,
        direction=CallDirection(row.direction),
        purpose=CallPurpose(row.purpose),
        remote_uri=row.remote_uri,
        created_at=row.created_at,
        alarm_id=row.alarm_id,
        site_id=row.site_id,
        operator_id=row.operator_id,
        operator_login=login,
        contact_id=row.contact_id,
        workstation=row.workstation,
        ringing_at=row.ringing_at,
        answered_at=row.answered_at,
        ended_at=row.ended_at,
        end_status=CallEnd(row.end_status) if row.end_status else None,
        end_reason=row.end_reason,
        recording_path=row.recording_path,
        recording_size=row.recording_size,
        recording_sha256=row.recording_sha256,
        verdict=DoubtVerdict(row.verdict) if row.verdict else None,
        events=tuple(CallEvent(e.at, CallEventKind(e.kind), e.detail) for e in events),
    )


def _load(session: Session, call_ids: Sequence[int]) -> list[CallRecord]:
    """Records of these calls with their events, in the order of `call_ids`."""
    if not call_ids:
        return []
    rows = session.execute(
        select(CallRow, OperatorRow.login)
        .join(OperatorRow, col(CallRow.operator_id) == col(OperatorRow.id), isouter=True)
        .where(col(CallRow.id).in_(call_ids))
        .execution_options(populate_existing=True)
    ).all()
    events: dict[int, list[CallEventRow]] = {}
    for event in session.execute(
        select(CallEventRow)
        .where(col(CallEventRow.call_id).in_(call_ids))
        .order_by(col(CallEventRow.at), col(CallEventRow.id))
    ).scalars():
        events.setdefault(event.call_id, []).append(event)
    by_id = {row.id: _record(row, login, events.get(row.id or 0, [])) for row, login in rows}
    return [by_id[i] for i in call_ids if i in by_id]


def get_call(session: Session, call_id: int) -> CallRecord | None:
    found = _load(session, [call_id])
    return found[0] if found else None


def require_call(session: Session, call_id: int) -> CallRecord:
    record = get_call(session, call_id)
    if record is None:
        raise UnknownCall(f"call {call_id} does not exist")
    return record


def iter_calls(
    session: Session, *, alarm_id: int | None = None, since: datetime | None = None, batch: int = 500
) -> Iterator[CallRecord]:
    """Calls in the order they were created, loaded a batch at a time (a year of calls fits no screen)."""
    query = select(CallRow.id).order_by(col(CallRow.created_at), col(CallRow.id))
    if alarm_id is not None:
        query = query.where(col(CallRow.alarm_id) == alarm_id)
    if since is not None:
        query = query.where(col(CallRow.created_at) >= since)
    ids = [i for i in session.execute(query).scalars() if i is not None]
    for start in range(0, len(ids), batch):
        yield from _load(session, ids[start : start + batch])


def list_calls(
    session: Session, *, alarm_id: int | None = None, since: datetime | None = None
) -> list[CallRecord]:
    return list(iter_calls(session, alarm_id=alarm_id, since=since))


def open_calls(session: Session, workstation: str) -> list[CallRecord]:
    """This workstation's calls that never ended: after a crash, what the next start must repair."""
    ids = session.execute(
        select(CallRow.id)
        .where(col(CallRow.workstation) == workstation, col(CallRow.ended_at).is_(None))
        .order_by(col(CallRow.created_at), col(CallRow.id))
    ).scalars()
    return _load(session, [i for i in ids if i is not None])


def call_as_dict(record: CallRecord) -> dict[str, object]:
    """Every field of a record as JSON-ready values (ISO 8601 UTC datetimes), for scripts and audits."""

    def iso(value: datetime | None) -> str | None:
        return value.isoformat() if value is not None else None

    return {
        "id": record.id,
        "alarm_id": record.alarm_id,
        "site_id": record.site_id,
        "operator_id": record.operator_id,
        "operator_login": record.operator_login,
        "contact_id": record.contact_id,
        "workstation": record.workstation,
        "direction": record.direction.value,
        "purpose": record.purpose.value,
        "remote_uri": record.remote_uri,
        "created_at": iso(record.created_at),
        "ringing_at": iso(record.ringing_at),
        "answered_at": iso(record.answered_at),
        "ended_at": iso(record.ended_at),
        "end_status": record.end_status.value if record.end_status else None,
        "end_reason": record.end_reason,
        "duration_s": record.duration_s,
        "recording_path": record.recording_path,
        "recording_size": record.recording_size,
        "recording_sha256": record.recording_sha256,
        "verdict": record.verdict.value if record.verdict else None,
        "events": [{"at": iso(e.at), "kind": e.kind.value, "detail": e.detail} for e in record.events],
    }


# --- who is calling ----------------------------------------------------------------------------


def caller_directory(session: Session) -> dict[str, tuple[CallerEntry, ...]]:
    """`caller_key` of every audio module URI, contact SIP URI and contact phone -> where it belongs.

    A number may belong to several sites (a keyholder of three shops): all entries are kept, in
    the order audio modules, then contacts by site and rank, for the caller to choose among.
    """
    directory: dict[str, list[CallerEntry]] = {}

    def add(raw: str | None, entry: CallerEntry) -> None:
        key = caller_key(raw) if raw and raw.strip() else ""
        if key and entry not in directory.setdefault(key, []):
            directory[key].append(entry)

    modules = session.execute(
        select(TransmitterRow.site_id, TransmitterRow.audio_module_uri)
        .where(col(TransmitterRow.audio_module_uri).is_not(None))
        .order_by(col(TransmitterRow.site_id), col(TransmitterRow.id))
    ).all()
    for site_id, uri in modules:
        add(uri, (site_id, None))
    contacts = session.execute(
        select(ContactRow.id, ContactRow.site_id, ContactRow.sip_uri, ContactRow.phones)
        .where(col(ContactRow.archived_at).is_(None))  # off the call list: no longer a site's contact
        .order_by(col(ContactRow.site_id), col(ContactRow.rank), col(ContactRow.id))
    ).all()
    for contact_id, site_id, sip_uri, phones in contacts:
        for raw in [sip_uri, *phones.split("\n")]:
            add(raw, (site_id, contact_id))
    return {key: tuple(entries) for key, entries in directory.items()}


def contact_secrets(session: Session, contact_id: int) -> tuple[int, str, str | None, str | None] | None:
    """(site_id, name, password hash, duress hash) of a contact; the hashes never leave the services."""
    found = session.execute(
        select(ContactRow.site_id, ContactRow.name, ContactRow.password_hash, ContactRow.duress_hash).where(
            col(ContactRow.id) == contact_id
        )
    ).first()
    return (found[0], found[1], found[2], found[3]) if found else None


def contact_names(session: Session, contact_ids: Iterable[int]) -> dict[int, str]:
    ids = sorted(set(contact_ids))
    if not ids:
        return {}
    rows = session.execute(select(ContactRow.id, ContactRow.name).where(col(ContactRow.id).in_(ids))).all()
    return {contact_id: name for contact_id, name in rows if contact_id is not None}
