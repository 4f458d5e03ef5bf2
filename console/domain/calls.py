"""Calls as the station records them: who was called for which alarm, what happened when, how it ended.

Qt- and pjsua2-free: the telephony engine reports SIP facts (status codes, states), these rules turn
them into the words a supervisor audits (no answer, busy, reached, ...). The password check and the
matching of a caller to a site live here too, because they are rules, not plumbing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from console.domain.secrets import verify_spoken_word

MAX_SIMULTANEOUS_CALLS = 4  # the pjsua2 wheel's limit per process


class CallDirection(StrEnum):
    OUTGOING = "outgoing"
    INCOMING = "incoming"


class CallPurpose(StrEnum):
    """Why the call was placed or taken: the audit groups calls by it."""

    CALLBACK = "callback"  # a contact of the site, from its call list
    LISTEN_IN = "listen_in"  # the site's audio module, doubt removal
    DIAL = "dial"  # a number typed on the dial pad
    INCOMING = "incoming"
    SELFTEST = "selftest"


class CallEventKind(StrEnum):
    CREATED = "created"
    RINGING = "ringing"
    ANSWERED = "answered"
    HELD = "held"
    RESUMED = "resumed"
    MUTED = "muted"
    UNMUTED = "unmuted"
    LISTEN = "listen"  # audio doubt removal: microphone off
    TALK = "talk"  # audio doubt removal: talk-down
    DTMF = "dtmf"
    TRANSFERRED = "transferred"
    RECORDING_FAULT = "recording_fault"
    ENDED = "ended"


class CallEnd(StrEnum):
    """How a call ended, in the station's words."""

    COMPLETED = "completed"  # answered, then hung up by either side
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    DECLINED = "declined"
    UNREACHABLE = "unreachable"  # no route, timeout, transport error
    CANCELLED = "cancelled"  # the operator gave up before an answer
    REFUSED = "refused"  # not placed: limit of simultaneous calls reached, bad address
    TRANSFERRED = "transferred"
    INTERRUPTED = "interrupted"  # the console stopped during the call; repaired at the next start
    FAILED = "failed"


class AttemptResult(StrEnum):
    """The result of one attempt on a contact of the call list, as the procedure logs it."""

    REACHED = "reached"
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    FAILED = "failed"


class PasswordCheck(StrEnum):
    MATCH = "match"
    DURESS = "duress"
    WRONG = "wrong"
    NO_WORD = "no_word"  # the contact has no password on file


class DoubtVerdict(StrEnum):
    POSITIVE = "positive"  # intrusion heard: the alarm is real
    NEGATIVE = "negative"  # nothing abnormal heard


_BUSY = {486, 600}
_DECLINED = {403, 603}
_NO_ANSWER = {408, 480, 487}
_UNREACHABLE = {404, 410, 484, 502, 503, 504}


def end_of_call(
    status_code: int, answered: bool, hung_up_locally: bool, transferred: bool = False
) -> CallEnd:
    """The end status from the last SIP status and what the station did.

    An answered call is completed whatever the BYE said; an unanswered one is named from its final
    status (487 after a local CANCEL is the operator's decision, not the far end's).
    """
    if transferred:
        return CallEnd.TRANSFERRED
    if answered:
        return CallEnd.COMPLETED
    if hung_up_locally and status_code in (0, 487, 200):
        return CallEnd.CANCELLED
    if status_code in _BUSY:
        return CallEnd.BUSY
    if status_code in _DECLINED:
        return CallEnd.DECLINED
    if status_code in _NO_ANSWER:
        return CallEnd.NO_ANSWER
    if status_code in _UNREACHABLE or status_code == 0:
        return CallEnd.UNREACHABLE
    return CallEnd.FAILED


def attempt_result(end: CallEnd) -> AttemptResult:
    if end in (CallEnd.COMPLETED, CallEnd.TRANSFERRED):
        return AttemptResult.REACHED
    if end is CallEnd.BUSY:
        return AttemptResult.BUSY
    if end in (CallEnd.NO_ANSWER, CallEnd.DECLINED, CallEnd.CANCELLED):
        return AttemptResult.NO_ANSWER
    return AttemptResult.FAILED


def check_spoken_password(typed: str, password_hash: str | None, duress_hash: str | None) -> PasswordCheck:
    """Compare what the caller said with the contact's words; duress wins if both were to match.

    Both hashes are always computed, so the time taken does not tell an eavesdropper which matched.
    """
    if not password_hash and not duress_hash:
        return PasswordCheck.NO_WORD
    is_duress = verify_spoken_word(typed, duress_hash) if duress_hash else False
    is_password = verify_spoken_word(typed, password_hash) if password_hash else False
    if is_duress:
        return PasswordCheck.DURESS
    if is_password:
        return PasswordCheck.MATCH
    return PasswordCheck.WRONG


_SIP_USER = re.compile(r"^(?:sips?:|tel:)?(?P<user>[^@;>]*)(?:@(?P<host>[^;>]*))?")


def caller_key(uri_or_number: str) -> str:
    """A comparable key for a caller: the digits of a phone number (French national form), else user@host.

    `"Alarme" <sip:+33612345678@pbx>`, `tel:06 12 34 56 78` and `0612345678` give the same key, so
    an incoming call is matched to a site whatever form the PBX presents.
    """
    text = uri_or_number.strip()
    if "<" in text and ">" in text:
        text = text[text.index("<") + 1 : text.index(">")]
    match = _SIP_USER.match(text)
    user = (match.group("user") if match else text).strip()
    host = (match.group("host") or "") if match else ""
    digits = re.sub(r"[\s.\-()]", "", user)
    if re.fullmatch(r"\+?\d{4,}", digits):
        if digits.startswith("+33"):
            digits = "0" + digits[3:]
        elif digits.startswith("0033"):
            digits = "0" + digits[4:]
        return digits
    return f"{user.lower()}@{host.lower()}" if host else user.lower()


def offer_incoming_call(holder_operator_id: int | None, my_operator_id: int) -> bool:
    """Ring here? The operator holding the caller's site's alarm gets the call; when nobody holds
    one (or the caller is unknown), every console rings and the first to answer takes it."""
    return holder_operator_id is None or holder_operator_id == my_operator_id


@dataclass(frozen=True, slots=True)
class CallEvent:
    at: datetime
    kind: CallEventKind
    detail: str = ""


@dataclass(frozen=True, slots=True)
class CallRecord:
    """One call as the supervisor audits it, with its recording's fingerprint once final."""

    id: int
    direction: CallDirection
    purpose: CallPurpose
    remote_uri: str
    created_at: datetime
    alarm_id: int | None = None
    site_id: int | None = None
    operator_id: int | None = None
    operator_login: str | None = None
    contact_id: int | None = None
    workstation: str = ""
    ringing_at: datetime | None = None
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    end_status: CallEnd | None = None
    end_reason: str = ""
    recording_path: str | None = None
    recording_size: int | None = None
    recording_sha256: str | None = None
    verdict: DoubtVerdict | None = None
    events: tuple[CallEvent, ...] = ()

    @property
    def duration_s(self) -> float | None:
        """Talk time: answered to ended; None when never answered or not ended."""
        if self.answered_at is None or self.ended_at is None:
            return None
        return max(0.0, (self.ended_at - self.answered_at).total_seconds())

    @property
    def is_open(self) -> bool:
        return self.ended_at is None


def callback_attempts(records: Sequence[CallRecord]) -> dict[int, list[tuple[datetime, AttemptResult]]]:
    """Each contact's call-back attempts for the alarm, oldest first, from the call records."""
    results: dict[int, list[tuple[datetime, AttemptResult]]] = {}
    for record in records:
        if record.purpose is CallPurpose.CALLBACK and record.contact_id and record.end_status:
            at = record.ended_at or record.created_at
            results.setdefault(record.contact_id, []).append((at, attempt_result(record.end_status)))
    return {k: sorted(v, key=lambda r: r[0]) for k, v in results.items()}
