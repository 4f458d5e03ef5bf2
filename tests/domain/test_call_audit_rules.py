"""The audit's rules: a recording's integrity from its fingerprint, the filter's checks, the timeline."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from console.domain.call_audit import (
    CallFilter,
    Integrity,
    clock_text,
    integrity_of,
    timeline_of,
)
from console.domain.calls import CallDirection, CallEvent, CallEventKind, CallPurpose, CallRecord
from tests.factories import T0

DIGEST = "ab" * 32


def record(**values: object) -> CallRecord:
    base = CallRecord(1, CallDirection.OUTGOING, CallPurpose.CALLBACK, "sip:x@pbx", T0)
    return replace(base, **values)  # type: ignore[arg-type]


def test_integrity_verdicts() -> None:
    final = record(recording_path="/r/1.wav", recording_size=100, recording_sha256=DIGEST)
    assert integrity_of(final, (100, DIGEST)) is Integrity.VERIFIED
    assert integrity_of(final, (100, DIGEST.upper().lower())) is Integrity.VERIFIED
    assert integrity_of(final, (100, "cd" * 32)) is Integrity.ALTERED
    assert integrity_of(final, (101, DIGEST)) is Integrity.ALTERED
    assert integrity_of(final, None) is Integrity.MISSING
    assert integrity_of(record(), None) is Integrity.NO_RECORDING
    assert integrity_of(record(), (100, DIGEST)) is Integrity.NO_RECORDING
    open_call = record(recording_path="/r/1.wav")
    assert integrity_of(open_call, (100, DIGEST)) is Integrity.NOT_FINAL
    assert integrity_of(open_call, None) is Integrity.MISSING


def test_filter_problems_name_the_field() -> None:
    assert CallFilter().problems() == {}
    assert CallFilter(since=T0, until=T0 + timedelta(days=1), alarm_id=3).problems() == {}
    assert CallFilter(since=T0, until=T0).problems() == {"until": "before_since"}
    assert CallFilter(since=T0, until=T0 + timedelta(days=400)).problems() == {"until": "too_long"}
    assert CallFilter(since=T0.replace(tzinfo=None)).problems() == {"since": "naive"}
    assert CallFilter(alarm_id=0).problems() == {"alarm_id": "not_positive"}


def test_timeline_places_events_in_the_call_and_in_the_recording() -> None:
    events = tuple(
        CallEvent(T0 + timedelta(seconds=s), kind)
        for s, kind in [
            (0, CallEventKind.CREATED),
            (2, CallEventKind.RINGING),
            (5, CallEventKind.ANSWERED),
            (12, CallEventKind.HELD),
            (20, CallEventKind.ENDED),
        ]
    )
    call = record(answered_at=T0 + timedelta(seconds=5), events=events)
    timeline = timeline_of(call)
    assert [e.offset_s for e in timeline.entries] == [0, 2, 5, 12, 20]
    assert [e.recording_s for e in timeline.entries] == [None, None, 0, 7, 15]
    # The row highlighted as the recording plays: the last event heard.
    assert [timeline.at_position(s) for s in (0, 6.9, 7, 14, 30)] == [2, 2, 3, 3, 4]
    # Never answered: the recording (if any) is timed from the call's creation.
    assert timeline_of(record(events=events[:2])).at_position(0) == 0


def test_clock_text() -> None:
    assert [clock_text(s) for s in (0, 5.7, 65, 3725, -3)] == ["0:00", "0:05", "1:05", "1:02:05", "-0:03"]
