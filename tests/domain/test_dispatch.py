"""Dispatch rules: the steps' order and times, who may dispatch, and arrival against the agreed delay."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.alarm import AlarmState
from console.domain.dispatch import (
    DEFAULT_GUARD_DELAY_MIN,
    Dispatch,
    DispatchError,
    DispatchKind,
    DispatchStatus,
    Timeliness,
    agreed_delay_for,
    cancel_dispatch,
    check_alarm_accepts_dispatch,
    check_delay,
    format_elapsed,
    journal_detail,
    mark_on_site,
    new_dispatch,
    record_report,
)
from tests.domain.test_alarm_lifecycle import AMELIE, BRUNO, CHEF, T0, new_alarm


def minutes(n: float) -> datetime:
    return T0 + timedelta(minutes=n)


def guard(delay: int | None = 30) -> Dispatch:
    return new_dispatch(7, DispatchKind.GUARD, T0, T0, provider="Securitas Lyon", agreed_delay_min=delay)


def raises_code(
    code: str, field: str | None = None
) -> AbstractContextManager[pytest.ExceptionInfo[DispatchError]]:
    """Expect a refusal with this code, about this form field."""
    return pytest.raises(DispatchError, check=lambda e: e.code == code and e.field == field)


# --- where the delay comes from --------------------------------------------------------------


def test_guard_delay_comes_from_the_site_contract_else_the_station_default() -> None:
    assert agreed_delay_for(DispatchKind.GUARD, 20) == 20
    assert agreed_delay_for(DispatchKind.GUARD, None) == DEFAULT_GUARD_DELAY_MIN == 30
    assert agreed_delay_for(DispatchKind.GUARD, None, default_guard_delay_min=45) == 45


@pytest.mark.parametrize("kind", [k for k in DispatchKind if k is not DispatchKind.GUARD])
def test_other_responders_have_no_contractual_delay(kind: DispatchKind) -> None:
    assert agreed_delay_for(kind, 20) is None


@pytest.mark.parametrize("bad", [0, -5, 24 * 60 + 1])
def test_an_absurd_contract_delay_is_refused(bad: int) -> None:
    with raises_code("delay_invalid", "delay"):
        agreed_delay_for(DispatchKind.GUARD, bad)


# --- the request -------------------------------------------------------------------------------


def test_request_keeps_what_the_operator_typed_trimmed() -> None:
    dispatch = new_dispatch(
        7,
        DispatchKind.GUARD,
        T0,
        minutes(1),
        provider="  Securitas ",
        reference=" M-12 ",
        agreed_delay_min=25,
    )
    assert (dispatch.provider, dispatch.reference, dispatch.agreed_delay_min) == ("Securitas", "M-12", 25)
    assert dispatch.status is DispatchStatus.REQUESTED and dispatch.is_open


@pytest.mark.parametrize("kind", [DispatchKind.GUARD, DispatchKind.KEYHOLDER, DispatchKind.TECHNICIAN])
def test_a_private_responder_must_be_named(kind: DispatchKind) -> None:
    with raises_code("provider_required", "provider"):
        new_dispatch(7, kind, T0, T0, provider="   ")


@pytest.mark.parametrize("kind", [DispatchKind.POLICE, DispatchKind.FIRE, DispatchKind.AMBULANCE])
def test_a_public_service_needs_no_name(kind: DispatchKind) -> None:
    assert kind.is_public_service
    assert new_dispatch(7, kind, T0, T0).provider == ""


def test_a_request_in_the_future_is_refused() -> None:
    with raises_code("in_future", "time"):
        new_dispatch(7, DispatchKind.POLICE, minutes(1), T0)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        new_dispatch(7, DispatchKind.POLICE, datetime(2026, 11, 29, 3, 0), T0)


# --- the steps ---------------------------------------------------------------------------------


def test_requested_then_on_site_then_report() -> None:
    dispatch = guard()
    arrived = mark_on_site(dispatch, minutes(20), minutes(20))
    assert arrived.status is DispatchStatus.ON_SITE and arrived.on_site_at == minutes(20) and arrived.is_open
    reported = record_report(arrived, "  Site checked, door forced  ", minutes(35), minutes(36))
    assert reported.status is DispatchStatus.REPORTED and not reported.is_open
    assert (reported.report, reported.report_at) == ("Site checked, door forced", minutes(35))
    assert dispatch.on_site_at is None  # values are immutable


def test_report_needs_the_arrival_first_and_some_text() -> None:
    with raises_code("not_on_site"):
        record_report(guard(), "all fine", minutes(5), minutes(5))
    arrived = mark_on_site(guard(), minutes(5), minutes(5))
    with raises_code("report_required", "report"):
        record_report(arrived, " \n ", minutes(6), minutes(6))


def test_steps_cannot_be_repeated_or_follow_a_report() -> None:
    arrived = mark_on_site(guard(), minutes(5), minutes(5))
    with raises_code("already_on_site"):
        mark_on_site(arrived, minutes(6), minutes(6))
    reported = record_report(arrived, "ok", minutes(7), minutes(7))
    with raises_code("already_reported"):
        mark_on_site(reported, minutes(8), minutes(8))
    with raises_code("already_reported"):
        record_report(reported, "again", minutes(8), minutes(8))
    with raises_code("already_reported"):
        cancel_dispatch(reported, "too late", minutes(8), minutes(8))


@pytest.mark.parametrize("arrive_first", [False, True])
def test_cancel_any_time_before_the_report(arrive_first: bool) -> None:
    dispatch = mark_on_site(guard(), minutes(5), minutes(5)) if arrive_first else guard()
    cancelled = cancel_dispatch(dispatch, " Customer gave the password ", minutes(9), minutes(9))
    assert cancelled.status is DispatchStatus.CANCELLED and not cancelled.is_open
    assert (cancelled.cancel_reason, cancelled.cancelled_at) == ("Customer gave the password", minutes(9))
    with raises_code("cancelled"):
        mark_on_site(cancelled, minutes(10), minutes(10))
    with raises_code("cancelled"):
        cancel_dispatch(cancelled, "twice", minutes(10), minutes(10))


def test_cancel_needs_a_reason() -> None:
    with raises_code("reason_required", "reason"):
        cancel_dispatch(guard(), "", minutes(1), minutes(1))


def test_steps_are_in_time_order_and_never_in_the_future() -> None:
    with raises_code("out_of_order", "time"):
        mark_on_site(guard(), minutes(-1), minutes(1))
    with raises_code("in_future", "time"):
        mark_on_site(guard(), minutes(3), minutes(2))
    arrived = mark_on_site(guard(), minutes(10), minutes(10))
    with raises_code("out_of_order", "time"):
        record_report(arrived, "ok", minutes(9), minutes(11))
    with raises_code("out_of_order", "time"):
        cancel_dispatch(arrived, "why", minutes(9), minutes(11))
    assert mark_on_site(guard(), T0, T0).on_site_at == T0  # the same instant is fine


@given(st.lists(st.integers(min_value=-600, max_value=3600), min_size=3, max_size=3))
def test_any_accepted_sequence_of_steps_is_monotonic(offsets: list[int]) -> None:
    now = T0 + timedelta(hours=2)
    dispatch = guard()
    times = [T0 + timedelta(seconds=s) for s in offsets]
    try:
        dispatch = mark_on_site(dispatch, times[0], now)
        dispatch = record_report(dispatch, "ok", times[1], now)
    except DispatchError:
        pass
    stamps = [t for t in (dispatch.requested_at, dispatch.on_site_at, dispatch.report_at) if t is not None]
    assert stamps == sorted(stamps) and all(t <= now for t in stamps)


# --- who may dispatch for an alarm ------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "moves"),
    [(AlarmState.TAKEN, True), (AlarmState.VERIFYING, True), (AlarmState.DISPATCHED, False)],
)
def test_a_held_alarm_accepts_dispatches(state: AlarmState, moves: bool) -> None:
    alarm = new_alarm(state=state, operator_id=AMELIE.id, operator_login=AMELIE.login)
    assert check_alarm_accepts_dispatch(alarm, AMELIE) is moves
    assert check_alarm_accepts_dispatch(alarm, CHEF) is moves  # a supervisor may step in


def test_a_new_or_closed_alarm_or_someone_elses_refuses() -> None:
    with raises_code("alarm_not_taken"):
        check_alarm_accepts_dispatch(new_alarm(), AMELIE)
    with raises_code("alarm_closed"):
        check_alarm_accepts_dispatch(new_alarm(state=AlarmState.CLOSED), AMELIE)
    held = new_alarm(state=AlarmState.TAKEN, operator_id=AMELIE.id, operator_login=AMELIE.login)
    with pytest.raises(DispatchError, match="amelie"):
        check_alarm_accepts_dispatch(held, BRUNO)


# --- the delay check ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now_min", "timeliness", "late"),
    [(0, Timeliness.WAITING, False), (30, Timeliness.WAITING, False), (30.02, Timeliness.OVERDUE, True)],
)
def test_awaited_guard_is_overdue_once_past_the_delay(
    now_min: float, timeliness: Timeliness, late: bool
) -> None:
    check = check_delay(guard(), minutes(now_min))
    assert (check.timeliness, check.is_late) == (timeliness, late)
    assert check.elapsed == timedelta(minutes=now_min)
    assert check.margin == timedelta(minutes=30) - timedelta(minutes=now_min)


@pytest.mark.parametrize(
    ("arrival", "timeliness"), [(29, Timeliness.ON_TIME), (30, Timeliness.ON_TIME), (31, Timeliness.LATE)]
)
def test_arrival_is_judged_at_the_arrival_not_later(arrival: int, timeliness: Timeliness) -> None:
    arrived = mark_on_site(guard(), minutes(arrival), minutes(arrival))
    check = check_delay(arrived, minutes(500))  # much later: the verdict and the time stay
    assert check.timeliness is timeliness and check.elapsed == timedelta(minutes=arrival)


def test_public_services_show_elapsed_time_only() -> None:
    police = new_dispatch(7, DispatchKind.POLICE, T0, T0)
    check = check_delay(police, minutes(90))
    assert check.timeliness is Timeliness.NO_AGREED_DELAY and not check.is_late
    assert check.elapsed == timedelta(minutes=90) and check.margin is None and check.agreed is None


def test_a_cancelled_request_stops_the_clock_without_a_verdict() -> None:
    cancelled = cancel_dispatch(guard(), "password given", minutes(12), minutes(12))
    check = check_delay(cancelled, minutes(100))
    assert check.timeliness is Timeliness.CANCELLED and not check.is_late
    assert check.elapsed == timedelta(minutes=12)


def test_a_clock_behind_the_request_never_shows_negative_time() -> None:
    assert check_delay(guard(), minutes(-1)).elapsed == timedelta(0)


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "00:00"), (65, "01:05"), (3599, "59:59"), (3725, "1:02:05")]
)
def test_elapsed_reads_as_a_clock(seconds: int, text: str) -> None:
    assert format_elapsed(timedelta(seconds=seconds)) == text


def test_journal_says_who_was_sent_and_whether_late() -> None:
    dispatch = new_dispatch(
        7, DispatchKind.GUARD, T0, T0, provider="Securitas", reference="M-12", agreed_delay_min=30
    )
    assert (
        journal_detail(dispatch, DispatchStatus.REQUESTED)
        == "#0 guard — Securitas, ref M-12, agreed delay 30 min"
    )
    late = mark_on_site(dispatch, minutes(41), minutes(41))
    assert (
        journal_detail(late, DispatchStatus.ON_SITE)
        == "#0 guard — Securitas, on site after 41:00, late (agreed 30 min)"
    )
    on_time = mark_on_site(dispatch, minutes(12), minutes(12))
    assert journal_detail(on_time, DispatchStatus.ON_SITE) == "#0 guard — Securitas, on site after 12:00"
    police = new_dispatch(7, DispatchKind.POLICE, T0, datetime(2026, 12, 1, tzinfo=UTC))
    assert journal_detail(police, DispatchStatus.REQUESTED) == "#0 police"


def test_the_responder_a_procedure_names() -> None:
    from console.domain.dispatch import default_responder, responder_named

    assert responder_named(
        "Envoyer l’agent d'intervention uniquement à la demande des forces de l'ordre"
    ) is (DispatchKind.GUARD)
    assert responder_named("Prévenir la gendarmerie puis l'agent d'intervention") is DispatchKind.POLICE
    assert responder_named("Appeler les pompiers (18)") is DispatchKind.FIRE
    assert responder_named("Call the SAMU (15) if nobody answers") is DispatchKind.AMBULANCE
    assert responder_named("Écouter le site") is None
    steps = [(1, "Appeler les pompiers"), (2, "Envoyer l'agent d'intervention pour ouvrir aux pompiers")]
    assert default_responder("fire", steps, set()) is DispatchKind.FIRE
    assert default_responder("fire", steps, {1}) is DispatchKind.GUARD  # the step to do now
    assert default_responder("fire", steps, {1, 2}) is DispatchKind.FIRE  # all done: the first named
    assert default_responder("medical", [(1, "Écouter le site")], set()) is DispatchKind.AMBULANCE
    assert default_responder("panic", [], set()) is DispatchKind.POLICE
    assert default_responder("intrusion", [], set()) is DispatchKind.GUARD
