"""Auditing calls: which calls a supervisor asked for, and whether a recording is still the one made.

Qt-free rules. The fingerprint (size and SHA-256) is taken once, when the recording is final; the
audit re-hashes the file and compares. A file that differs has been altered (or damaged) since:
a station hands such a file to the police only marked as altered, never as evidence it is not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from console.domain.calls import CallDirection, CallEnd, CallEvent, CallPurpose, CallRecord

PAGE_SIZE = 200
MAX_PERIOD = timedelta(days=366)  # one query never scans more than a year of calls


class Integrity(StrEnum):
    """The recording's state against its fingerprint, checked before it is played or exported."""

    VERIFIED = "verified"  # same size and SHA-256 as when the call ended
    ALTERED = "altered"  # the file differs from its fingerprint
    MISSING = "missing"  # the fingerprinted file is gone or unreadable
    NOT_FINAL = "not_final"  # recorded but never fingerprinted (call open, or the file was lost at the end)
    NO_RECORDING = "no_recording"  # the call was never recorded (not answered, recording refused)


# What the audit plays: an altered file is evidence of tampering, to export and examine, not to hear as the call.
PLAYABLE = frozenset({Integrity.VERIFIED, Integrity.NOT_FINAL})


def integrity_of(record: CallRecord, found: tuple[int, str] | None) -> Integrity:
    """The verdict from the stored fingerprint and what re-hashing the file gave (None: no file)."""
    if record.recording_path is None:
        return Integrity.NO_RECORDING
    if record.recording_sha256 is None or record.recording_size is None:
        return Integrity.MISSING if found is None else Integrity.NOT_FINAL
    if found is None:
        return Integrity.MISSING
    size, digest = found
    if size == record.recording_size and digest == record.recording_sha256.lower():
        return Integrity.VERIFIED
    return Integrity.ALTERED


@dataclass(frozen=True, slots=True)
class CallFilter:
    """What the supervisor asks for; every field left out matches every call."""

    since: datetime | None = None
    until: datetime | None = None
    operator_login: str | None = None
    site_code: str | None = None
    alarm_id: int | None = None
    direction: CallDirection | None = None
    end_status: CallEnd | None = None
    purpose: CallPurpose | None = None

    def problems(self) -> dict[str, str]:
        """Field name -> what is wrong with it (English; the view shows its own words per code)."""
        found: dict[str, str] = {}
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and value.tzinfo is None:
                found[name] = "naive"
        if "since" not in found and "until" not in found and self.since and self.until:
            if self.until <= self.since:
                found["until"] = "before_since"
            elif self.until - self.since > MAX_PERIOD:
                found["until"] = "too_long"
        if self.alarm_id is not None and self.alarm_id <= 0:
            found["alarm_id"] = "not_positive"
        return found


class BadFilter(ValueError):
    """A filter the storage must not run; `problems` names the fields."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(", ".join(f"{k}: {v}" for k, v in sorted(problems.items())))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class AuditedCall:
    """A call as the audit table lists it: the record and the names a person reads."""

    record: CallRecord
    operator_name: str | None = None
    site_code: str | None = None
    site_name: str | None = None

    @property
    def cursor(self) -> tuple[datetime, int]:
        """Where the next page starts (the list runs newest first)."""
        return (self.record.created_at, self.record.id)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event of a call, placed in time from the call's start and in the recording."""

    event: CallEvent
    offset_s: float  # from the call's creation
    recording_s: float | None  # from the recording's start; None before it began


@dataclass(frozen=True, slots=True)
class Timeline:
    entries: tuple[TimelineEntry, ...] = field(default_factory=tuple)

    def at_position(self, position_s: float) -> int | None:
        """Index of the last event heard by `position_s` of the recording (None before the first)."""
        current: int | None = None
        for index, entry in enumerate(self.entries):
            if entry.recording_s is not None and entry.recording_s <= position_s + 1e-6:
                current = index
        return current


def recording_start(record: CallRecord) -> datetime:
    """When the recording began: the media flows from the answer (an unanswered call records nothing)."""
    return record.answered_at or record.created_at


def timeline_of(record: CallRecord) -> Timeline:
    start = recording_start(record)
    entries = []
    for event in record.events:
        offset = (event.at - record.created_at).total_seconds()
        into = (event.at - start).total_seconds()
        entries.append(TimelineEntry(event, offset, into if into >= 0 else None))
    return Timeline(tuple(entries))


def clock_text(seconds: float) -> str:
    """m:ss (h:mm:ss past an hour), with a sign for an event before the reference."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds))
    if whole >= 3600:
        return f"{sign}{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
    return f"{sign}{whole // 60}:{whole % 60:02d}"
