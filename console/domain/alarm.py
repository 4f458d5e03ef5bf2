"""Alarm lifecycle: the states an alarm goes through and who may move it.

NEW → TAKEN → VERIFYING → DISPATCHED → CLOSED. An operator takes an alarm from the queue, removes
the doubt, dispatches when needed, and closes it with a disposition and a comment. Every move is
a `Transition` that the caller journals; an illegal move raises `TransitionError` with a reason an
operator can read.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from console.domain.priority import EventCategory, Priority, default_priority, queue_sort_key


class AlarmState(StrEnum):
    NEW = "new"
    TAKEN = "taken"
    VERIFYING = "verifying"
    DISPATCHED = "dispatched"
    CLOSED = "closed"


class Action(StrEnum):
    TAKE = "take"
    RELEASE = "release"  # give a taken alarm back to the queue (end of shift, wrong desk)
    VERIFY = "verify"  # start removing the doubt
    DISPATCH = "dispatch"
    CLOSE = "close"


class Role(StrEnum):
    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Disposition(StrEnum):
    """How an alarm ended; drives false-alarm statistics per site."""

    CONFIRMED_INTRUSION = "confirmed_intrusion"
    CONFIRMED_FIRE = "confirmed_fire"
    CONFIRMED_ASSAULT = "confirmed_assault"
    MEDICAL_ASSISTANCE = "medical_assistance"
    FALSE_ALARM_USER = "false_alarm_user"
    FALSE_ALARM_TECHNICAL = "false_alarm_technical"
    FALSE_ALARM_ENVIRONMENT = "false_alarm_environment"
    TECHNICAL_FAULT_REPORTED = "technical_fault_reported"
    TEST = "test"
    CUSTOMER_CANCELLED = "customer_cancelled"
    NO_ACTION_NEEDED = "no_action_needed"

    @property
    def label_fr(self) -> str:
        return _DISPOSITION_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _DISPOSITION_LABELS[self][1]

    def label(self, lang: str) -> str:
        return self.label_fr if lang == "fr" else self.label_en


_DISPOSITION_LABELS: dict[Disposition, tuple[str, str]] = {
    Disposition.CONFIRMED_INTRUSION: ("Intrusion avérée", "Confirmed intrusion"),
    Disposition.CONFIRMED_FIRE: ("Incendie avéré", "Confirmed fire"),
    Disposition.CONFIRMED_ASSAULT: ("Agression avérée", "Confirmed hold-up or assault"),
    Disposition.MEDICAL_ASSISTANCE: ("Assistance médicale", "Medical assistance"),
    Disposition.FALSE_ALARM_USER: ("Fausse alarme : erreur utilisateur", "False alarm: user error"),
    Disposition.FALSE_ALARM_TECHNICAL: ("Fausse alarme : défaut technique", "False alarm: technical"),
    Disposition.FALSE_ALARM_ENVIRONMENT: (
        "Fausse alarme : cause environnementale",
        "False alarm: environment (animal, weather)",
    ),
    Disposition.TECHNICAL_FAULT_REPORTED: ("Défaut technique transmis", "Technical fault passed on"),
    Disposition.TEST: ("Essai", "Test"),
    Disposition.CUSTOMER_CANCELLED: (
        "Annulée par le client (mot de passe)",
        "Customer cancelled with password",
    ),
    Disposition.NO_ACTION_NEEDED: ("Sans suite", "No action needed"),
}


class TransitionError(Exception):
    """An action the rules forbid. The message (English) is for logs and the command line; `code`
    and `params` let a console word it in its own language, naming the site rather than a row id."""

    def __init__(self, message: str, code: str = "", **params: str) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


class CategoryChanged(TransitionError):
    """Closing refused: the alarm changed category (so procedure) since the operator's screen showed it."""

    def __init__(self, alarm_id: int, shown: EventCategory, current: EventCategory) -> None:
        super().__init__(
            f"Alarm {alarm_id} became {current.value} (it was {shown.value}): check its procedure before closing.",
            "category_changed",
        )
        self.shown = shown
        self.current = current


@dataclass(frozen=True, slots=True)
class Operator:
    id: int
    login: str
    display_name: str
    role: Role = Role.OPERATOR


@dataclass(frozen=True, slots=True)
class Alarm:
    """An incident at one site: the signals grouped into it and where its handling stands.

    Immutable: every change produces a new value, so a view holding one never sees it half-updated.
    `version` increases on every stored change; a write carrying a stale version is refused, which
    is how two workstations cannot both take the same alarm.
    """

    id: int
    site_id: int | None
    site_code: str
    site_name: str
    account: str
    state: AlarmState
    priority: Priority
    category: EventCategory
    title: str
    created_at: datetime
    last_signal_at: datetime
    signal_count: int = 1
    taken_at: datetime | None = None
    verifying_at: datetime | None = None
    dispatched_at: datetime | None = None
    closed_at: datetime | None = None
    operator_id: int | None = None
    operator_login: str | None = None
    disposition: Disposition | None = None
    closing_comment: str | None = None
    version: int = 1
    # What the title says, in a form each console renders in its own language ("CID:130",
    # "SIA:BA", "VIGIE:missed_test"); `title` keeps the English text for logs and old rows.
    title_event: str | None = None
    title_zone: int | None = None
    path_confirmed_at: datetime | None = None  # two intrusion zones tripped in sequence (alarm_path)
    # Last operator action or journal entry on the alarm: a taken alarm idle too long is stalled.
    last_activity_at: datetime | None = None
    # Alarms of unregistered accounts (no site) group by source, the peer address the signals came
    # from (console.domain.unknown_source); `account` is then the first account heard.
    source: str = ""
    source_accounts: int = 0  # distinct accounts heard from the source in this alarm
    source_period: int = 0  # which period of the source it groups (unknown_source.period_of)

    @property
    def is_open(self) -> bool:
        return self.state is not AlarmState.CLOSED

    def sort_key(self) -> tuple[int, datetime, int]:
        return queue_sort_key(self.priority, self.created_at, self.id)


@dataclass(frozen=True, slots=True)
class Transition:
    """The result of an allowed action: the alarm after it, and what the journal must say."""

    action: Action
    before: AlarmState
    alarm: Alarm
    at: datetime
    operator: Operator
    detail: str = ""


_ALLOWED: dict[AlarmState, dict[Action, AlarmState]] = {
    AlarmState.NEW: {Action.TAKE: AlarmState.TAKEN},
    AlarmState.TAKEN: {
        Action.RELEASE: AlarmState.NEW,
        Action.VERIFY: AlarmState.VERIFYING,
        Action.DISPATCH: AlarmState.DISPATCHED,
        Action.CLOSE: AlarmState.CLOSED,
    },
    AlarmState.VERIFYING: {
        Action.RELEASE: AlarmState.NEW,
        Action.DISPATCH: AlarmState.DISPATCHED,
        Action.CLOSE: AlarmState.CLOSED,
    },
    AlarmState.DISPATCHED: {Action.CLOSE: AlarmState.CLOSED},
    AlarmState.CLOSED: {},
}


def allowed_actions(state: AlarmState) -> frozenset[Action]:
    return frozenset(_ALLOWED[state])


def apply_action(
    alarm: Alarm,
    action: Action,
    operator: Operator,
    at: datetime,
    *,
    disposition: Disposition | None = None,
    comment: str | None = None,
) -> Transition:
    """Check an operator's action against the rules and return the transition it makes.

    Only the operator holding an alarm (or a supervisor) may move it once taken; closing needs a
    disposition and a non-blank comment because the closing record is what an audit reads.
    """
    target = _ALLOWED[alarm.state].get(action)
    if action is Action.TAKE and alarm.is_open and alarm.operator_id not in (None, operator.id):
        # One operator per site at a time: say who has it rather than a bare "cannot take".
        raise TransitionError(
            f"Alarm {alarm.id} ({alarm.site_code}) is already taken by {alarm.operator_login}.",
            "taken_by",
            site=alarm.site_code or alarm.account,
            holder=alarm.operator_login or "?",
        )
    if target is None:
        raise TransitionError(
            f"Cannot {action.value} an alarm that is {alarm.state.value}.",
            "not_now",
            action=action.value,
            state=alarm.state.value,
        )
    holder = alarm.operator_id
    if (
        action is not Action.TAKE
        and holder is not None
        and holder != operator.id
        and operator.role is Role.OPERATOR
    ):
        raise TransitionError(
            f"Alarm {alarm.id} is handled by {alarm.operator_login}; only they or a supervisor may act on it.",
            "held_by_other",
            site=alarm.site_code or alarm.account,
            holder=alarm.operator_login or "?",
        )
    changes: dict[str, object] = {"state": target, "last_activity_at": at}
    detail = ""
    if action is Action.TAKE:
        changes.update(taken_at=at, operator_id=operator.id, operator_login=operator.login)
    elif action is Action.RELEASE:
        changes.update(operator_id=None, operator_login=None)
        if holder is not None and holder != operator.id:  # a supervisor takes it from someone
            reason = (comment or "").strip()
            if word_count(reason) < MIN_SKIP_REASON_WORDS:
                raise ReleaseReasonRequired(alarm.operator_login or "?")
            detail = f"released from {alarm.operator_login}: {reason}"
    elif action is Action.VERIFY:
        changes.update(verifying_at=at)
    elif action is Action.DISPATCH:
        changes.update(dispatched_at=at)
    elif action is Action.CLOSE:
        if disposition is None:
            raise TransitionError("Choose a disposition before closing the alarm.", "disposition")
        text = (comment or "").strip()
        if not text:
            raise TransitionError("A closing comment is required.", "comment")
        changes.update(closed_at=at, disposition=disposition, closing_comment=text)
        detail = f"{disposition.value}: {text}"
    after = replace(alarm, **changes)  # type: ignore[arg-type]
    return Transition(action=action, before=alarm.state, alarm=after, at=at, operator=operator, detail=detail)


def system_clear(alarm: Alarm, at: datetime, comment: str) -> Alarm:
    """Close an alarm the system itself raised and that resolved before anyone took it.

    Only a missed periodic test qualifies (the link came back): once an operator holds an alarm,
    only an operator closes it.
    """
    if alarm.state is not AlarmState.NEW or alarm.category is not EventCategory.SUPERVISION:
        raise TransitionError("Only an untaken supervision alarm clears by itself.")
    return replace(
        alarm,
        state=AlarmState.CLOSED,
        closed_at=at,
        disposition=Disposition.NO_ACTION_NEEDED,
        closing_comment=comment,
    )


class ReleaseReasonRequired(TransitionError):
    """Releasing an alarm that another operator holds: the journal must say why."""

    def __init__(self, holder: str) -> None:
        super().__init__(
            f"Give a reason to release an alarm that {holder} holds.", "release_reason", holder=holder
        )
        self.holder = holder


def missing_mandatory_steps(mandatory_step_ranks: dict[int, int], done_step_ids: set[int]) -> list[int]:
    """Ranks of the customer's mandatory steps (step id -> rank) not done for this alarm."""
    return sorted(rank for step_id, rank in mandatory_step_ranks.items() if step_id not in done_step_ids)


DEFAULT_MIN_COMMENT_WORDS = 3
"""A closing comment of fewer words ("ok", "vu") tells an audit nothing: `[closing] min_comment_words`."""

MIN_SKIP_REASON_WORDS = 2
"""A reason for leaving mandatory steps undone must say something: one letter or one word is refused."""


def word_count(text: str | None) -> int:
    """Words as an operator counts them: runs of characters with at least one letter or digit."""
    return sum(1 for word in (text or "").split() if any(ch.isalnum() for ch in word))


def needs_test_confirmation(alarm: Alarm, disposition: Disposition) -> bool:
    """Closing a life-safety alarm (fire, panic, duress, medical) as a test hides a real emergency
    if it was a mistake: the operator confirms it."""
    life_safety = Priority.LIFE_SAFETY in (alarm.priority, default_priority(alarm.category))
    return disposition is Disposition.TEST and life_safety


def check_procedure_before_close(missing_ranks: list[int], skip_reason: str | None) -> str:
    """Closing needs every mandatory step done, or a reason: returns what the journal records of it."""
    if not missing_ranks:
        return ""
    reason = (skip_reason or "").strip()
    listed = ", ".join(str(rank) for rank in missing_ranks)
    if word_count(reason) < MIN_SKIP_REASON_WORDS:
        raise TransitionError(
            f"Mandatory procedure steps not done: {listed}. Give a reason to close anyway.",
            "steps",
            steps=listed,
        )
    return f"steps {listed} not done: {reason}"
