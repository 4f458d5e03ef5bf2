"""Grouping of a site's signals into its open alarm."""

from __future__ import annotations

from dataclasses import replace

from console.domain.alarm import AlarmState
from console.domain.grouping import Placement, place_signal, raises_alarm
from console.domain.priority import EventCategory, Priority
from tests.domain.test_alarm_lifecycle import new_alarm
from tests.factories import cid, sia


def test_first_intrusion_opens_an_alarm() -> None:
    assert place_signal(cid(132), None).placement is Placement.NEW_ALARM


def test_restore_periodic_test_and_opening_do_not_open_alarms() -> None:
    for signal in (
        cid(132, qualifier=3),
        cid(602),
        cid(401),
        sia("BR"),
        sia("RP"),
        sia("OP"),
        cid(130, qualifier=6),
    ):
        assert not raises_alarm(signal)
        assert place_signal(signal, None).placement is Placement.RECORD_ONLY


def test_signals_join_the_open_alarm_and_count() -> None:
    decision = place_signal(cid(134, zone=4), new_alarm(signal_count=2))
    assert decision.placement is Placement.JOIN
    assert decision.alarm is not None and decision.alarm.signal_count == 3
    assert decision.alarm.priority is Priority.INTRUSION


def test_more_urgent_signal_escalates_the_alarm() -> None:
    decision = place_signal(cid(110, zone=9), new_alarm())
    assert decision.alarm is not None
    assert decision.alarm.priority is Priority.LIFE_SAFETY and decision.alarm.category is EventCategory.FIRE


def test_restore_joins_without_changing_priority() -> None:
    decision = place_signal(cid(110, qualifier=3), new_alarm())
    assert decision.placement is Placement.JOIN
    assert decision.alarm is not None and decision.alarm.priority is Priority.INTRUSION


def test_closed_alarm_is_not_joined() -> None:
    closed = replace(new_alarm(), state=AlarmState.CLOSED)
    assert place_signal(cid(130), closed).placement is Placement.NEW_ALARM


def test_title_names_the_zone_except_zone_zero() -> None:
    from console.domain.grouping import alarm_title

    assert alarm_title(cid(132, zone=7)).endswith("zone 7")
    assert "zone" not in alarm_title(cid(137, zone=0))  # the panel's own tamper
