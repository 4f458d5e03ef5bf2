"""Grouping of a site's signals into its open alarm."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.alarm import AlarmState
from console.domain.grouping import Placement, join_signals, localized_title, place_signal, raises_alarm
from console.domain.priority import EventCategory, Priority
from tests.domain.test_alarm_lifecycle import new_alarm
from tests.factories import T0, cid, sia


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


def test_titles_render_in_each_consoles_language() -> None:
    from console.domain.grouping import MISSED_TEST, title_event

    signal = cid(132, zone=7)
    alarm = replace(
        new_alarm(), title="Interior burglary – zone 7", title_event=title_event(signal), title_zone=7
    )
    assert localized_title(alarm, "en") == "Burglary – interior – zone 7" or localized_title(
        alarm, "en"
    ).endswith("zone 7")
    french = localized_title(alarm, "fr")
    assert french.endswith("zone 7") and french != localized_title(alarm, "en")
    unknown = replace(alarm, site_id=None, account="FFFE")
    assert localized_title(unknown, "fr").startswith("Compte inconnu FFFE : ")
    assert localized_title(unknown, "en").startswith("Unknown account FFFE: ")
    missed = replace(new_alarm(), title_event=MISSED_TEST, account="4A21")
    assert localized_title(missed, "fr") == "Test cyclique manquant – compte 4A21"
    legacy = replace(new_alarm(), title="Old title")
    assert localized_title(legacy, "fr") == "Old title"  # rows from before 0003 keep their text


_JOINING = st.lists(
    st.tuples(
        st.sampled_from([130, 132, 134, 110, 120, 121, 602, 301, 570]),
        st.integers(min_value=0, max_value=40),
        st.sampled_from([1, 3, 6]),
        st.integers(min_value=-30, max_value=600),
    ),
    max_size=25,
)


@given(_JOINING)
def test_joining_a_batch_equals_joining_one_by_one(specs: list[tuple[int, int, int, int]]) -> None:
    signals = [cid(code, zone=zone, qualifier=q, at=T0 + timedelta(seconds=s)) for code, zone, q, s in specs]
    expected = new_alarm()
    raised = []
    for signal in signals:
        decision = place_signal(signal, expected)
        assert decision.placement is Placement.JOIN and decision.alarm is not None
        if decision.alarm.priority < expected.priority:
            raised.append((signal, expected.priority, decision.alarm.priority))
        expected = decision.alarm

    joined, escalations = join_signals(new_alarm(), signals)

    assert joined == expected
    assert [(e.signal, e.before.priority, e.after.priority) for e in escalations] == raised


def test_a_closed_alarm_cannot_be_joined_in_a_batch() -> None:
    with pytest.raises(ValueError, match="closed"):
        join_signals(replace(new_alarm(), state=AlarmState.CLOSED), [cid(130)])


def test_an_unknown_sources_alarm_names_its_account_then_counts_them() -> None:
    one = replace(
        new_alarm(),
        site_id=None,
        account="FFFE",
        source="203.0.113.7",
        source_accounts=1,
        title_event="CID:130",
    )
    assert localized_title(one, "en").startswith("Unknown account FFFE from 203.0.113.7: ")
    many = replace(one, source_accounts=517)
    assert localized_title(many, "en").startswith("517 unknown accounts from 203.0.113.7: ")
    assert localized_title(many, "fr").startswith("517 comptes inconnus depuis 203.0.113.7 : ")
