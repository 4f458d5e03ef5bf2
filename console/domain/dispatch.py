"""Dispatch: sending guards, keyholders, technicians or public services to an alarm's site.

A dispatch is requested, the responder arrives on site, then reports; it can be cancelled at any
time before the report (the customer gave the password, the police took over). Each step is
timed, and a guard company's time to arrive is checked against the delay agreed in the site's
contract. Public services have no contractual delay: the operator still sees how long it has been.

Values are immutable; every step returns a new `Dispatch` or raises `DispatchError`, whose
message is meant for the operator and whose `code` lets a view word it in its own language.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from console.domain.alarm import Action, Alarm, AlarmState, Operator, Role, allowed_actions

DEFAULT_GUARD_DELAY_MIN = 30  # when the site's contract names no delay; configurable per station
MAX_AGREED_DELAY_MIN = 24 * 60


class DispatchKind(StrEnum):
    GUARD = "guard"  # private guard / intervention company (agent d'intervention)
    KEYHOLDER = "keyholder"
    TECHNICIAN = "technician"
    POLICE = "police"  # police or gendarmerie (17)
    FIRE = "fire"  # fire brigade (18)
    AMBULANCE = "ambulance"  # SAMU (15)

    @property
    def is_public_service(self) -> bool:
        return self in _PUBLIC_SERVICES

    @property
    def needs_provider(self) -> bool:
        """Who was sent must be named, except for public services (the call itself is the record)."""
        return not self.is_public_service


_PUBLIC_SERVICES = frozenset({DispatchKind.POLICE, DispatchKind.FIRE, DispatchKind.AMBULANCE})


class DispatchStatus(StrEnum):
    REQUESTED = "requested"
    ON_SITE = "on_site"
    REPORTED = "reported"
    CANCELLED = "cancelled"


class Timeliness(StrEnum):
    """Arrival against the agreed delay."""

    NO_AGREED_DELAY = "no_agreed_delay"  # public services: elapsed time only
    WAITING = "waiting"  # not there yet, still within the delay
    OVERDUE = "overdue"  # not there yet, past the delay
    ON_TIME = "on_time"  # arrived within the delay
    LATE = "late"  # arrived after the delay
    CANCELLED = "cancelled"  # cancelled before arriving: nothing to judge


class DispatchError(Exception):
    """A step the rules refuse; `field` names the form field it is about, when there is one."""

    def __init__(self, message: str, code: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.field = field


@dataclass(frozen=True, slots=True)
class Dispatch:
    id: int
    alarm_id: int
    kind: DispatchKind
    requested_at: datetime
    provider: str = ""
    reference: str = ""  # the provider's mission or incident number
    agreed_delay_min: int | None = None  # copied from the contract when requested
    on_site_at: datetime | None = None
    report_at: datetime | None = None
    report: str = ""
    cancelled_at: datetime | None = None
    cancel_reason: str = ""
    version: int = 1

    @property
    def status(self) -> DispatchStatus:
        if self.cancelled_at is not None:
            return DispatchStatus.CANCELLED
        if self.report_at is not None:
            return DispatchStatus.REPORTED
        if self.on_site_at is not None:
            return DispatchStatus.ON_SITE
        return DispatchStatus.REQUESTED

    @property
    def is_open(self) -> bool:
        return self.status in (DispatchStatus.REQUESTED, DispatchStatus.ON_SITE)

    @property
    def last_step_at(self) -> datetime:
        return max(t for t in (self.requested_at, self.on_site_at, self.report_at, self.cancelled_at) if t)


# --- where the agreed delay comes from -----------------------------------------------------------


def agreed_delay_for(
    kind: DispatchKind,
    site_guard_delay_min: int | None,
    default_guard_delay_min: int = DEFAULT_GUARD_DELAY_MIN,
) -> int | None:
    """A guard company's delay is the site's contract (the station default when it names none);
    other responders have no contractual delay."""
    if kind is not DispatchKind.GUARD:
        return None
    minutes = site_guard_delay_min if site_guard_delay_min is not None else default_guard_delay_min
    check_agreed_delay(minutes)
    return minutes


def check_agreed_delay(minutes: int | None) -> None:
    if minutes is not None and not 0 < minutes <= MAX_AGREED_DELAY_MIN:
        raise DispatchError(
            f"An agreed delay must be between 1 and {MAX_AGREED_DELAY_MIN} minutes.", "delay_invalid", "delay"
        )


# --- the alarm side --------------------------------------------------------------------------------


def check_alarm_accepts_dispatch(alarm: Alarm, operator: Operator) -> bool:
    """Whether this operator may dispatch for this alarm; True when the alarm should move to DISPATCHED.

    An alarm is taken before anyone is sent (someone must own the follow-up); a second dispatch
    (the police after the guard) leaves an already dispatched alarm as it is.
    """
    if alarm.state is AlarmState.CLOSED:
        raise DispatchError(f"Alarm {alarm.id} is closed.", "alarm_closed")
    if alarm.state is AlarmState.NEW:
        raise DispatchError("Take the alarm before requesting a dispatch.", "alarm_not_taken")
    if alarm.operator_id not in (None, operator.id) and operator.role is Role.OPERATOR:
        raise DispatchError(
            f"Alarm {alarm.id} is handled by {alarm.operator_login}; only they or a supervisor may dispatch.",
            "not_holder",
        )
    return Action.DISPATCH in allowed_actions(alarm.state)


# --- the dispatch's own steps ---------------------------------------------------------------------


def new_dispatch(
    alarm_id: int,
    kind: DispatchKind,
    requested_at: datetime,
    now: datetime,
    *,
    provider: str = "",
    reference: str = "",
    agreed_delay_min: int | None = None,
) -> Dispatch:
    """A request as the operator makes it (id 0 until stored)."""
    _check_time(requested_at, None, now, "The request")
    name = provider.strip()
    if kind.needs_provider and not name:
        raise DispatchError("Name who is sent (company or person).", "provider_required", "provider")
    check_agreed_delay(agreed_delay_min)
    return Dispatch(
        id=0,
        alarm_id=alarm_id,
        kind=kind,
        requested_at=requested_at,
        provider=name,
        reference=reference.strip(),
        agreed_delay_min=agreed_delay_min,
    )


def mark_on_site(dispatch: Dispatch, at: datetime, now: datetime) -> Dispatch:
    _expect(dispatch, DispatchStatus.REQUESTED)
    _check_time(at, dispatch.requested_at, now, "The arrival")
    return replace(dispatch, on_site_at=at)


def record_report(dispatch: Dispatch, text: str, at: datetime, now: datetime) -> Dispatch:
    _expect(dispatch, DispatchStatus.ON_SITE)
    report = text.strip()
    if not report:
        raise DispatchError("Write what the responder reported.", "report_required", "report")
    _check_time(at, dispatch.on_site_at, now, "The report")
    return replace(dispatch, report_at=at, report=report)


def cancel_dispatch(dispatch: Dispatch, reason: str, at: datetime, now: datetime) -> Dispatch:
    if dispatch.status not in (DispatchStatus.REQUESTED, DispatchStatus.ON_SITE):
        _expect(dispatch, DispatchStatus.REQUESTED)  # raises the right message
    why = reason.strip()
    if not why:
        raise DispatchError("Give the reason for cancelling.", "reason_required", "reason")
    _check_time(at, dispatch.on_site_at or dispatch.requested_at, now, "The cancellation")
    return replace(dispatch, cancelled_at=at, cancel_reason=why)


def _expect(dispatch: Dispatch, wanted: DispatchStatus) -> None:
    status = dispatch.status
    if status is wanted:
        return
    if status is DispatchStatus.CANCELLED:
        raise DispatchError("This dispatch was cancelled.", "cancelled")
    if status is DispatchStatus.REPORTED:
        raise DispatchError("This dispatch is already reported.", "already_reported")
    if status is DispatchStatus.ON_SITE:
        raise DispatchError("The responder is already on site.", "already_on_site")
    raise DispatchError("Mark the responder on site before the report.", "not_on_site")


def _check_time(at: datetime, after: datetime | None, now: datetime, what: str) -> None:
    """Steps happen in order and never in the future: the log must read like what happened."""
    if at.tzinfo is None:
        raise ValueError("naive datetime given where a UTC-aware one is required")
    if at > now:
        raise DispatchError(f"{what} cannot be in the future.", "in_future", "time")
    if after is not None and at < after:
        raise DispatchError(f"{what} cannot be before the previous step.", "out_of_order", "time")


# --- the delay check --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DelayCheck:
    """How long the responder took (or has been awaited), against the agreed delay."""

    elapsed: timedelta
    agreed: timedelta | None
    timeliness: Timeliness

    @property
    def is_late(self) -> bool:
        return self.timeliness in (Timeliness.LATE, Timeliness.OVERDUE)

    @property
    def margin(self) -> timedelta | None:
        """Time left before the deadline (negative once past it); None without an agreed delay."""
        return None if self.agreed is None else self.agreed - self.elapsed


def check_delay(dispatch: Dispatch, now: datetime) -> DelayCheck:
    """Time to arrival: up to the arrival when there was one, to the cancellation, else to `now`."""
    end = dispatch.on_site_at or dispatch.cancelled_at or now
    elapsed = max(timedelta(0), end - dispatch.requested_at)
    agreed = timedelta(minutes=dispatch.agreed_delay_min) if dispatch.agreed_delay_min else None
    if dispatch.on_site_at is None and dispatch.cancelled_at is not None:
        timeliness = Timeliness.CANCELLED
    elif agreed is None:
        timeliness = Timeliness.NO_AGREED_DELAY
    elif dispatch.on_site_at is not None:
        timeliness = Timeliness.ON_TIME if elapsed <= agreed else Timeliness.LATE
    else:
        timeliness = Timeliness.WAITING if elapsed <= agreed else Timeliness.OVERDUE
    return DelayCheck(elapsed=elapsed, agreed=agreed, timeliness=timeliness)


def format_elapsed(elapsed: timedelta) -> str:
    """`12:05` under an hour, `1:02:05` beyond: operators read it against a delay in minutes."""
    seconds = int(elapsed.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def journal_detail(dispatch: Dispatch, step: DispatchStatus, now: datetime | None = None) -> str:
    """What the journal says of a step: who was sent, and the facts an audit checks."""
    who = f"#{dispatch.id} {dispatch.kind.value}" + (f" — {dispatch.provider}" if dispatch.provider else "")
    if step is DispatchStatus.REQUESTED:
        parts = [who]
        if dispatch.reference:
            parts.append(f"ref {dispatch.reference}")
        if dispatch.agreed_delay_min:
            parts.append(f"agreed delay {dispatch.agreed_delay_min} min")
        return ", ".join(parts)
    if step is DispatchStatus.ON_SITE:
        delay = check_delay(dispatch, now or dispatch.last_step_at)
        text = f"{who}, on site after {format_elapsed(delay.elapsed)}"
        if delay.timeliness is Timeliness.LATE:
            text += f", late (agreed {dispatch.agreed_delay_min} min)"
        return text
    if step is DispatchStatus.REPORTED:
        return f"{who}: {dispatch.report}"
    return f"{who}: {dispatch.cancel_reason}"


# Words by which a customer's procedure names who to send (French and English, as stations write them).
_RESPONDER_WORDS: tuple[tuple[DispatchKind, tuple[str, ...]], ...] = (
    (
        DispatchKind.GUARD,
        ("agent d'intervention", "agent de sécurité", "intervenant", "rondier", "guard", "patrol"),
    ),
    (DispatchKind.FIRE, ("pompiers", "sapeurs", "sdis", "fire brigade", "fire service", "firefighters")),
    (DispatchKind.POLICE, ("police", "gendarmerie", "forces de l'ordre", "commissariat")),
    (DispatchKind.AMBULANCE, ("samu", "ambulance", "secours médicaux", "paramedics")),
    (DispatchKind.TECHNICIAN, ("technicien", "installateur", "mainteneur", "technician", "installer")),
    (DispatchKind.KEYHOLDER, ("gardien", "keyholder", "détenteur des clés", "détenteur de clés")),
)

_CATEGORY_RESPONDER = {
    "fire": DispatchKind.FIRE,
    "medical": DispatchKind.AMBULANCE,
    "panic": DispatchKind.POLICE,
    "duress": DispatchKind.POLICE,
    "intrusion": DispatchKind.GUARD,
    "tamper": DispatchKind.TECHNICIAN,
    "technical": DispatchKind.TECHNICIAN,
    "supervision": DispatchKind.TECHNICIAN,
}


def responder_named(text: str) -> DispatchKind | None:
    """The responder a procedure step names first ("Envoyer l'agent d'intervention à la demande
    des forces de l'ordre": the guard), or None."""
    lowered = text.lower().replace("’", "'")
    found = [
        (lowered.find(word), kind)
        for kind, words in _RESPONDER_WORDS
        for word in words
        if lowered.find(word) >= 0
    ]
    return min(found, key=lambda hit: hit[0])[1] if found else None


def default_responder(category: str, steps: Sequence[tuple[int, str]], done: Collection[int]) -> DispatchKind:
    """Who the dispatch form proposes: the one the procedure names in its first step not yet done
    (else in any step), else the usual one for the category. Never simply the last one used."""
    for candidates in (
        [text for step_id, text in steps if step_id not in done],
        [text for _id, text in steps],
    ):
        for text in candidates:
            kind = responder_named(text)
            if kind is not None:
                return kind
    return _CATEGORY_RESPONDER.get(category, DispatchKind.GUARD)
