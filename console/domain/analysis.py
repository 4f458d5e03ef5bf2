"""Technical analysis: what the station's data says about its transmitters, zones, sites and itself.

Each ranked list is a list of `RankedRow`, built here from the figures the storage aggregates, with
the rules (what is late, what flaps, which fault kinds go together) kept out of SQL so they can be
read and tested. Every row carries the history search that shows its evidence, as the texts
`HistoryQuery.from_fields` reads. A site's technical-fault summary is data too (`SiteSummary`), with
a plain-text rendering in French or English an installer can read without the console.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from console.domain.report import ReportPeriod

FLAP_MIN_PAIRS = 3
"""A zone flaps when it goes to alarm and back at least this many times in the period."""


class ListKind(StrEnum):
    LATE_TESTS = "late_tests"
    TRANSMISSION = "transmission"
    FLAPPING = "flapping"
    FALSE_ALARMS = "false_alarms"
    STATION = "station"


class FaultGroup(StrEnum):
    NAK = "nak"
    DUH = "duh"
    CLOCK_SKEW = "clock_skew"


@dataclass(frozen=True, slots=True)
class RankedRow:
    """One line of a ranked list: who, how many, when first and last, and its history search."""

    kind: ListKind
    subject: str  # account, "site zone", site code or station component
    site: str | None
    count: int
    first_at: datetime | None
    last_at: datetime | None
    figures: Mapping[str, int | float] = field(default_factory=dict)  # per group, lateness, ...
    search: Mapping[str, str] = field(default_factory=dict)


def period_fields(period: ReportPeriod) -> dict[str, str]:
    return {"from": period.start.isoformat(), "to": period.end.isoformat()}


def most_first(rows: list[RankedRow], limit: int) -> list[RankedRow]:
    """The `limit` rows with the most occurrences, ties by subject (the same order every time)."""
    return sorted(rows, key=lambda r: (-r.count, r.subject))[:limit]


# --- late or missing periodic tests ----------------------------------------------------------
def lateness_s(last_signal_at: datetime | None, interval_s: int, since: datetime, now: datetime) -> float:
    """Seconds past the expected test (0 when on time); never heard from counts from `since`."""
    expected = (last_signal_at or since) + timedelta(seconds=interval_s)
    return max(0.0, (now - expected).total_seconds())


@dataclass(frozen=True, slots=True)
class PeriodicTestFacts:
    account: str
    site: str
    interval_s: int
    last_signal_at: datetime | None
    overdue_since: datetime | None
    created_at: datetime
    missed_in_period: int  # MISSED_TEST journal entries of the site in the period


def late_test_rows(
    facts: Iterable[PeriodicTestFacts], period: ReportPeriod, now: datetime, limit: int
) -> list[RankedRow]:
    """Accounts late now or that missed tests in the period, latest first, then most missed."""
    rows = []
    for fact in facts:
        late = lateness_s(fact.last_signal_at, fact.interval_s, fact.created_at, now)
        if late <= 0 and fact.missed_in_period == 0:
            continue
        rows.append(
            RankedRow(
                ListKind.LATE_TESTS,
                fact.account,
                fact.site,
                fact.missed_in_period,
                fact.overdue_since,
                fact.last_signal_at,
                {"late_s": round(late), "interval_s": fact.interval_s},
                {"kind": "signals", "account": fact.account, **period_fields(period)},
            )
        )
    rows.sort(key=lambda r: (-float(r.figures["late_s"]), -r.count, r.subject))
    return rows[:limit]


# --- transmission faults -------------------------------------------------------------------------
def fault_group(kind: str, skew_s: float | None = None) -> FaultGroup:
    """NAK (the frame was bad), DUH (understood, not accepted), clock skew (timestamp refused)."""
    if skew_s is not None or "timestamp" in kind:
        return FaultGroup.CLOCK_SKEW
    return FaultGroup.NAK if kind.startswith("nak") else FaultGroup.DUH


@dataclass(frozen=True, slots=True)
class FaultFacts:
    account: str
    site: str | None
    kind: str
    count: int
    first_at: datetime
    last_at: datetime
    max_skew_s: float | None


def transmission_rows(facts: Iterable[FaultFacts], period: ReportPeriod, limit: int) -> list[RankedRow]:
    """One row per account, its fault kinds summed by group; most faults first."""
    by_account: dict[str, list[FaultFacts]] = {}
    for fact in facts:
        by_account.setdefault(fact.account, []).append(fact)
    rows = []
    for account, group in by_account.items():
        figures: dict[str, int | float] = {g.value: 0 for g in FaultGroup}
        for fact in group:
            name = fault_group(fact.kind, fact.max_skew_s).value
            figures[name] = int(figures[name]) + fact.count
        skews = [abs(f.max_skew_s) for f in group if f.max_skew_s is not None]
        if skews:
            figures["max_skew_s"] = round(max(skews), 1)
        rows.append(
            RankedRow(
                ListKind.TRANSMISSION,
                account,
                next((f.site for f in group if f.site), None),
                sum(f.count for f in group),
                min(f.first_at for f in group),
                max(f.last_at for f in group),
                figures,
                {"kind": "signals", "account": account, **period_fields(period)},
            )
        )
    return most_first(rows, limit)


# --- flapping zones ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ZoneFacts:
    site: str
    zone: int
    alarms: int
    restores: int
    first_at: datetime
    last_at: datetime

    @property
    def pairs(self) -> int:
        return min(self.alarms, self.restores)


def flapping_rows(
    facts: Iterable[ZoneFacts], period: ReportPeriod, limit: int, min_pairs: int = FLAP_MIN_PAIRS
) -> list[RankedRow]:
    """Zones with at least `min_pairs` alarm/restore pairs, the most churning first."""
    rows = [
        RankedRow(
            ListKind.FLAPPING,
            f"{f.site} {f.zone}",
            f.site,
            f.pairs,
            f.first_at,
            f.last_at,
            {"alarms": f.alarms, "restores": f.restores, "zone": f.zone},
            {"kind": "signals", "site": f.site, "zone": str(f.zone), **period_fields(period)},
        )
        for f in facts
        if f.pairs >= min_pairs
    ]
    return most_first(rows, limit)


# --- false alarms per site -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class FalseAlarmFacts:
    site: str
    false_alarms: int
    alarms: int
    first_at: datetime
    last_at: datetime


def false_alarm_rows(facts: Iterable[FalseAlarmFacts], period: ReportPeriod, limit: int) -> list[RankedRow]:
    rows = [
        RankedRow(
            ListKind.FALSE_ALARMS,
            f.site,
            f.site,
            f.false_alarms,
            f.first_at,
            f.last_at,
            {"alarms": f.alarms, "percent": round(100 * f.false_alarms / f.alarms) if f.alarms else 0},
            {"kind": "alarms", "site": f.site, **period_fields(period)},
        )
        for f in facts
        if f.false_alarms > 0
    ]
    return most_first(rows, limit)


# --- the station's own faults --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StationFacts:
    """`component`: a station_status component, "telephone" (failed calls), "recording"."""

    component: str
    count: int
    first_at: datetime
    last_at: datetime
    search: Mapping[str, str]


def station_rows(facts: Iterable[StationFacts], period: ReportPeriod, limit: int) -> list[RankedRow]:
    rows = [
        RankedRow(
            ListKind.STATION,
            f.component,
            None,
            f.count,
            f.first_at,
            f.last_at,
            {},
            {**f.search, **period_fields(period)},
        )
        for f in facts
        if f.count > 0
    ]
    return most_first(rows, limit)


# --- one site's technical-fault summary -----------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SummaryLine:
    """What (`what` is a ListKind value), about which account or zone, since when, the evidence."""

    what: str
    subject: str
    since: datetime | None
    last: datetime | None
    count: int
    figures: Mapping[str, int | float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SiteSummary:
    site: str
    site_name: str
    period: ReportPeriod
    built_at: datetime
    author: str
    lines: tuple[SummaryLine, ...]


def summary_lines(rows: Iterable[RankedRow]) -> tuple[SummaryLine, ...]:
    return tuple(
        SummaryLine(r.kind.value, r.subject, r.first_at, r.last_at, r.count, r.figures) for r in rows
    )


_WORDS: Mapping[str, tuple[str, str]] = {
    "title": ("Synthèse des défauts techniques", "Technical fault summary"),
    "site": ("Site", "Site"),
    "period": ("Période", "Period"),
    "built": ("Établie le %1 par %2", "Built on %1 by %2"),
    "none": ("Aucun défaut technique relevé sur la période.", "No technical fault found in the period."),
    "late_tests": ("Test cyclique en retard ou manquant", "Periodic test late or missing"),
    "transmission": ("Défauts de transmission", "Transmission faults"),
    "flapping": ("Zone instable (alarmes et retours répétés)", "Unstable zone (repeated alarm and restore)"),
    "false_alarms": ("Fausses alarmes", "False alarms"),
    "since": ("depuis", "since"),
    "last": ("dernier", "last"),
    "last_signal": ("dernier signal", "last signal"),
    "occurrences": ("occurrences", "occurrences"),
    "late": ("retard actuel", "currently late by"),
    "missed": ("tests manqués", "missed tests"),
    "nak": ("trames refusées (NAK)", "frames refused (NAK)"),
    "duh": ("trames non acceptées (DUH)", "frames not accepted (DUH)"),
    "clock_skew": ("horloge décalée", "clock skew"),
    "max_skew_s": ("décalage maximal (s)", "largest skew (s)"),
    "pairs": ("cycles alarme/retour", "alarm/restore cycles"),
    "alarms": ("alarmes", "alarms"),
    "restores": ("retours", "restores"),
    "of": ("sur", "of"),
    "evidence": ("Preuves : historique Vigie du site sur la période.", "Evidence: the site's Vigie history."),
}


def word(key: str, lang: str) -> str:
    french, english = _WORDS[key]
    return french if lang == "fr" else english


def _moment(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC") if at else "—"


def _colon(lang: str) -> str:
    return " :" if lang == "fr" else ":"


def _duration(seconds: float) -> str:
    hours, rest = divmod(int(seconds), 3600)
    return f"{hours} h {rest // 60:02d} min" if hours else f"{rest // 60} min"


def evidence_text(line: SummaryLine, lang: str) -> str:
    f = line.figures
    if line.what == ListKind.LATE_TESTS:
        parts = [f"{word('missed', lang)}{_colon(lang)} {line.count}"]
        if f.get("late_s"):
            parts.append(f"{word('late', lang)} {_duration(float(f['late_s']))}")
        return ", ".join(parts)
    if line.what == ListKind.TRANSMISSION:
        parts = [f"{f[g.value]} {word(g.value, lang)}" for g in FaultGroup if f.get(g.value)]
        if "max_skew_s" in f:
            parts.append(f"{word('max_skew_s', lang)} {f['max_skew_s']}")
        return ", ".join(parts)
    if line.what == ListKind.FLAPPING:
        return (
            f"{line.count} {word('pairs', lang)} ({f['alarms']} {word('alarms', lang)},"
            f" {f['restores']} {word('restores', lang)})"
        )
    if line.what == ListKind.FALSE_ALARMS:
        return f"{line.count} {word('of', lang)} {f['alarms']} {word('alarms', lang)} ({f['percent']} %)"
    return f"{line.count} {word('occurrences', lang)}"


def render_text(summary: SiteSummary, lang: str) -> str:
    """The summary as a short plain text, for an e-mail or the PDF."""
    out = [
        f"{word('title', lang)} — {summary.site} {summary.site_name}",
        f"{word('period', lang)}{_colon(lang)} {_moment(summary.period.start)} → {_moment(summary.period.end)}",
        word("built", lang).replace("%1", _moment(summary.built_at)).replace("%2", summary.author),
        "",
    ]
    if not summary.lines:
        out.append(word("none", lang))
    for line in summary.lines:
        last = "last_signal" if line.what == ListKind.LATE_TESTS else "last"
        out.append(f"• {word(line.what, lang)} — {line.subject}")
        out.append(f"  {word('since', lang)} {_moment(line.since)}, {word(last, lang)} {_moment(line.last)}")
        out.append(f"  {evidence_text(line, lang)}")
    out += ["", word("evidence", lang)]
    return "\n".join(out) + "\n"
