"""The analysis' rules: lateness of a periodic test, fault groups, flapping, ranking, the summary's text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.domain.analysis import (
    FaultFacts,
    FaultGroup,
    ListKind,
    PeriodicTestFacts,
    SiteSummary,
    ZoneFacts,
    fault_group,
    flapping_rows,
    late_test_rows,
    lateness_s,
    render_text,
    summary_lines,
    transmission_rows,
)
from console.domain.report import ReportPeriod

NOW = datetime(2026, 11, 8, 12, 0, tzinfo=UTC)
H = timedelta(hours=1)
PERIOD = ReportPeriod(NOW - 7 * 24 * H, NOW)


def test_a_test_is_late_past_its_interval_and_never_heard_counts_from_the_account_creation() -> None:
    assert lateness_s(NOW - 30 * 60 * timedelta(seconds=1), 3600, NOW - 99 * H, NOW) == 0
    assert lateness_s(NOW - 3 * H, 3600, NOW - 99 * H, NOW) == 7200
    assert lateness_s(None, 3600, NOW - 2 * H, NOW) == 3600


def test_late_tests_rank_by_lateness_then_missed_and_on_time_accounts_without_misses_are_left_out() -> None:
    facts = [
        PeriodicTestFacts("5B32", "PAR", 86400, NOW - H, None, NOW - 99 * H, 1),
        PeriodicTestFacts("6C43", "NIC", 3600, None, None, NOW - 2 * H, 0),
        PeriodicTestFacts("7D54", "MAR", 3600, NOW - 10 * 60 * timedelta(seconds=1), None, NOW, 0),
        PeriodicTestFacts("4A21", "LYO", 3600, NOW - 5 * H, NOW - 4 * H, NOW - 99 * H, 2),
    ]
    rows = late_test_rows(facts, PERIOD, NOW, 10)
    assert [(r.subject, r.figures["late_s"], r.count) for r in rows] == [
        ("4A21", 14400, 2),
        ("6C43", 3600, 0),
        ("5B32", 0, 1),
    ]
    assert dict(rows[0].search) == {
        "kind": "signals",
        "account": "4A21",
        "from": PERIOD.start.isoformat(),
        "to": NOW.isoformat(),
    }
    assert len(late_test_rows(facts, PERIOD, NOW, 2)) == 2


def test_fault_kinds_fall_into_nak_duh_and_clock_skew() -> None:
    assert fault_group("nak_crc_error") is FaultGroup.NAK
    assert fault_group("nak_timestamp_rejected", 42.0) is FaultGroup.CLOCK_SKEW
    assert fault_group("nak_timestamp_rejected") is FaultGroup.CLOCK_SKEW
    assert fault_group("duh_unknown_account") is FaultGroup.DUH


def test_transmission_rows_sum_an_accounts_kinds_by_group() -> None:
    facts = [
        FaultFacts("4A21", "LYO", "nak_crc_error", 3, NOW - 5 * H, NOW - 4 * H, None),
        FaultFacts("4A21", "LYO", "nak_timestamp_rejected", 2, NOW - 6 * H, NOW - H, 120.0),
        FaultFacts("5B32", None, "duh_rejected", 1, NOW - H, NOW - H, None),
    ]
    rows = transmission_rows(facts, PERIOD, 10)
    assert [(r.subject, r.site, r.count, r.first_at, r.last_at) for r in rows] == [
        ("4A21", "LYO", 5, NOW - 6 * H, NOW - H),
        ("5B32", None, 1, NOW - H, NOW - H),
    ]
    assert dict(rows[0].figures) == {"nak": 3, "duh": 0, "clock_skew": 2, "max_skew_s": 120.0}


def test_a_zone_flaps_from_three_alarm_restore_pairs_the_most_churning_first() -> None:
    facts = [
        ZoneFacts("LYO", 5, 3, 2, NOW, NOW),
        ZoneFacts("PAR", 1, 3, 3, NOW, NOW),
        ZoneFacts("LYO", 3, 9, 4, NOW, NOW),
    ]
    rows = flapping_rows(facts, PERIOD, 10)
    assert [(r.subject, r.count) for r in rows] == [("LYO 3", 4), ("PAR 1", 3)]
    assert rows[0].search["zone"] == "3" and rows[0].search["site"] == "LYO"
    assert [r.subject for r in flapping_rows(facts, PERIOD, 10, min_pairs=2)] == ["LYO 3", "PAR 1", "LYO 5"]


def test_the_summary_reads_as_a_short_report_in_french_and_in_english() -> None:
    rows = late_test_rows(
        [PeriodicTestFacts("4A21", "LYO", 3600, NOW - 5 * H, NOW - 4 * H, NOW - 99 * H, 2)], PERIOD, NOW, 5
    )
    rows += transmission_rows(
        [FaultFacts("4A21", "LYO", "nak_timestamp_rejected", 2, NOW - 6 * H, NOW - H, 120.0)], PERIOD, 5
    )
    rows += flapping_rows([ZoneFacts("LYO", 3, 4, 4, NOW - 9 * H, NOW - 8 * H)], PERIOD, 5)
    summary = SiteSummary("LYO-0001", "Pharmacie", PERIOD, NOW, "Chef", summary_lines(rows))
    french = render_text(summary, "fr")
    assert french.splitlines()[0] == "Synthèse des défauts techniques — LYO-0001 Pharmacie"
    assert "Période : 2026-11-01 12:00 UTC → 2026-11-08 12:00 UTC" in french
    assert "• Test cyclique en retard ou manquant — 4A21" in french
    assert "  depuis 2026-11-08 08:00 UTC, dernier signal 2026-11-08 07:00 UTC" in french
    assert "tests manqués : 2, retard actuel 4 h 00 min" in french
    assert "2 horloge décalée, décalage maximal (s) 120.0" in french
    assert "4 cycles alarme/retour (4 alarmes, 4 retours)" in french
    english = render_text(summary, "en")
    assert "• Unstable zone (repeated alarm and restore) — LYO 3" in english
    assert "missed tests: 2, currently late by 4 h 00 min" in english
    empty = render_text(SiteSummary("NIC-0003", "Garage", PERIOD, NOW, "Chef", ()), "en")
    assert "No technical fault found in the period." in empty
    assert [line.what for line in summary.lines] == [
        ListKind.LATE_TESTS,
        ListKind.TRANSMISSION,
        ListKind.FLAPPING,
    ]
