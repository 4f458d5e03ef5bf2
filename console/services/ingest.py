"""Signals into alarms, a whole batch at a time: the receiver's hot path.

Reads what the batch needs in three queries (transmitters, open alarms, site names), applies the
grouping rules in memory, then writes each kind of row with one executemany. The result is the
same as handling the signals one by one, in order: a later signal of the batch joins the alarm an
earlier one opened.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy.orm import Session

from console.domain.alarm import Alarm, AlarmState
from console.domain.alarm_path import DEFAULT_WINDOW_S, Trip, confirm_path, is_trip
from console.domain.grouping import (
    Placement,
    alarm_title,
    join_signals,
    localized_title,
    place_signal,
    title_event,
)
from console.domain.journal import JournalAction
from console.domain.priority import Priority
from console.domain.schedule import UNEXPECTED_OPENING
from console.domain.signals import Signal
from console.domain.unknown_source import PERIOD_S, new_accounts, period_of, source_of, unknown_source_title
from console.services.schedules import note_openings
from console.services.supervision import clear_overdue
from console.services.test_mode import suppressed
from console.storage import alarms as alarm_store
from console.storage import bulk, intake
from console.storage import journal as journal_store
from console.storage.journal import JournalDraft
from console.storage.tables import TransmitterRow


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What a batch of signals did: alarms created or updated, signals stored, accounts not registered
    (and which of them were heard for the first time in their source's alarm, as (source, account))."""

    stored: int
    new_alarm_ids: tuple[int, ...] = ()
    updated_alarm_ids: tuple[int, ...] = ()
    unknown_accounts: frozenset[str] = frozenset()
    first_heard: tuple[tuple[str, str], ...] = ()


@dataclass
class _Batch:
    journal: list[JournalDraft] = field(default_factory=list)
    signals: list[tuple[Signal, int | None, int | None, int | None]] = field(default_factory=list)
    alarms: dict[int, Alarm] = field(default_factory=dict)  # current state of every alarm touched
    joined: set[int] = field(default_factory=set)  # alarms whose row must be rewritten
    recategorised: set[int] = field(default_factory=set)  # joined alarms whose category changed
    new_ids: list[int] = field(default_factory=list)
    updated_ids: list[int] = field(default_factory=list)
    last_signal: dict[int, datetime] = field(default_factory=dict)
    trips: dict[int, list[Trip]] = field(default_factory=dict)  # this batch's trips per unconfirmed alarm


def ingest_batch(
    session: Session,
    signals: Sequence[Signal],
    now: Callable[[], datetime],
    path_window_s: float = DEFAULT_WINDOW_S,
    unknown_period_s: float = PERIOD_S,
) -> IngestResult:
    """File `signals` (in arrival order) into alarms. Unknown accounts group by source and by
    periods of `unknown_period_s` (`domain.unknown_source`)."""
    batch = _Batch()
    keys = {(s.account.upper(), s.line.upper()) for s in signals}
    transmitters = bulk.transmitters_for(session, keys)
    _clear_overdue_links(session, signals, transmitters, batch)
    site_ids = {t.site_id for t in transmitters.values() if t is not None}
    unknown = frozenset(account for (account, _), t in transmitters.items() if t is None)
    sources = {
        source_of(s.peer) for s in signals if transmitters[(s.account.upper(), s.line.upper())] is None
    }
    open_alarms: dict[_Key, Alarm] = {}
    for alarm in bulk.open_alarms_for(session, site_ids, sources):
        open_alarms[(alarm.site_id, alarm.source, alarm.source_period)] = alarm
    preexisting = {alarm.id for alarm in open_alarms.values() if alarm.site_id is None}
    names: dict[int, tuple[str, str]] | None = None

    # Each site's signals in arrival order; sites are independent of each other. Signals of a site,
    # account or zone on test or out of service are filed without joining or raising an alarm.
    per_key: dict[_Key, list[int]] = {}
    sites: list[tuple[int | None, int | None]] = []  # (site id, transmitter id) per signal
    for signal in signals:
        transmitter = transmitters[(signal.account.upper(), signal.line.upper())]
        sites.append((transmitter.site_id, transmitter.id) if transmitter else (None, None))
    on_test = suppressed(session, signals, [site_id for site_id, _ in sites])
    for index, signal in enumerate(signals):
        site_id, _ = sites[index]
        transmitter = transmitters[(signal.account.upper(), signal.line.upper())]
        if index not in on_test:
            per_key.setdefault(_alarm_key(site_id, signal, unknown_period_s), []).append(index)
        if transmitter is not None:
            previous = batch.last_signal.get(transmitter.id)
            if previous is None or signal.received_at > previous:
                batch.last_signal[transmitter.id] = signal.received_at

    unexpected = note_openings(session, signals, [site_id for site_id, _ in sites])
    unexpected = {index: detail for index, detail in unexpected.items() if index not in on_test}
    alarm_of: list[int | None] = [None] * len(signals)
    for key, indexes in per_key.items():
        current = open_alarms.get(key)
        position = 0
        # Until the site has an open alarm, each signal either opens one or is only recorded.
        while current is None and position < len(indexes):
            signal = signals[indexes[position]]
            forced = indexes[position] in unexpected  # an opening outside the hours is an alarm
            if forced or place_signal(signal, None).placement is Placement.NEW_ALARM:
                if names is None:
                    names = bulk.site_names(session, site_ids)
                current = _raise(session, signal, key, names, batch, UNEXPECTED_OPENING if forced else None)
                alarm_of[indexes[position]] = current.id
            position += 1
        if current is None or position == len(indexes):
            continue
        joined, escalations = join_signals(current, [signals[i] for i in indexes[position:]])
        for escalation in escalations:
            before, after = escalation.before, escalation.after
            batch.journal.append(
                _journal(
                    escalation.signal.received_at,
                    JournalAction.PRIORITY_RAISED,
                    after,
                    f"{before.priority.name} -> {after.priority.name}: {after.title}",
                )
            )
        batch.alarms[joined.id] = joined
        batch.joined.add(joined.id)
        if joined.category is not current.category:
            batch.recategorised.add(joined.id)
        if joined.id not in batch.new_ids:
            batch.updated_ids.append(joined.id)
        for i in indexes[position:]:
            alarm_of[i] = joined.id

    for index, signal in enumerate(signals):
        alarm_id = alarm_of[index]
        site_id, transmitter_id = sites[index]
        batch.signals.append((signal, site_id, transmitter_id, alarm_id))
        if alarm_id is not None and is_trip(signal.category, signal.qualifier.value, signal.zone):
            batch.trips.setdefault(alarm_id, []).append(Trip(signal.zone or 0, signal.received_at))

    _journal_unexpected_openings(signals, unexpected, alarm_of, batch)
    first_heard = _count_unknown_accounts(session, signals, sites, alarm_of, preexisting, batch)
    _confirm_paths(session, batch, path_window_s)
    bulk.update_joined_alarms(session, [batch.alarms[i] for i in sorted(batch.joined)], batch.recategorised)
    intake.file_signals(session, batch.signals)
    journal_store.append_many(session, batch.journal)
    bulk.touch_transmitters(session, batch.last_signal)
    touched = sorted(set(batch.new_ids) | set(batch.updated_ids))
    at = now()
    bulk.insert_rows(session, "change_log", [{"at": at, "entity": "alarm", "entity_id": i} for i in touched])
    if touched and session.get_bind().dialect.name == "postgresql":
        from console.storage.changes import notify_listeners

        notify_listeners(session)
    return IngestResult(
        stored=len(signals),
        new_alarm_ids=tuple(dict.fromkeys(batch.new_ids)),
        updated_alarm_ids=tuple(dict.fromkeys(batch.updated_ids)),
        unknown_accounts=unknown,
        first_heard=tuple(first_heard),
    )


def _count_unknown_accounts(
    session: Session,
    signals: Sequence[Signal],
    sites: list[tuple[int | None, int | None]],
    alarm_of: list[int | None],
    preexisting: set[int],
    batch: _Batch,
) -> list[tuple[str, str]]:
    """Alarms of unknown sources count the distinct accounts heard and say so in their title.

    Returns the (source, account) pairs heard for the first time in their alarm.
    """
    heard: dict[int, list[str]] = {}
    alone: list[tuple[str, str]] = []  # an unknown account's restore or status, in no alarm
    for index, alarm_id in enumerate(alarm_of):
        if sites[index][0] is not None:
            continue
        account = signals[index].account.upper()
        if alarm_id is None:
            alone.append((source_of(signals[index].peer), account))
        else:
            heard.setdefault(alarm_id, []).append(account)
    first: list[tuple[str, str]] = list(dict.fromkeys(alone))
    if not heard:
        return first
    wanted = {account for accounts in heard.values() for account in accounts}
    filed = bulk.accounts_filed_in(session, [i for i in heard if i in preexisting], wanted)
    for alarm_id, accounts in heard.items():
        alarm = batch.alarms[alarm_id]
        if alarm_id in preexisting:
            fresh = new_accounts(filed.get(alarm_id, ()), accounts)
            added = len(fresh)
        else:  # raised by this batch, its first account counted already
            fresh = new_accounts((), accounts)
            added = len(fresh) - 1
        counted = replace(alarm, source_accounts=alarm.source_accounts + added)
        counted = replace(counted, title=localized_title(counted, "en"))
        if counted != alarm:
            batch.alarms[alarm_id] = counted
            batch.joined.add(alarm_id)
        first += [(alarm.source, account) for account in fresh]
    return list(dict.fromkeys(first))


def _journal_unexpected_openings(
    signals: Sequence[Signal], unexpected: dict[int, str], alarm_of: list[int | None], batch: _Batch
) -> None:
    """Each opening outside the hours journaled on its alarm, which is at least of intrusion priority
    (an opening joining a technical alarm raises it: the code may be a stolen one)."""
    for index, detail in sorted(unexpected.items()):
        alarm_id = alarm_of[index]
        if alarm_id is None:
            continue
        alarm = batch.alarms[alarm_id]
        if alarm.priority > Priority.INTRUSION:
            raised = replace(alarm, priority=Priority.INTRUSION)
            batch.alarms[alarm_id] = raised
            batch.joined.add(alarm_id)
            at = signals[index].received_at
            batch.journal.append(
                _journal(
                    at, JournalAction.PRIORITY_RAISED, raised, f"{alarm.priority.name} -> INTRUSION: {detail}"
                )
            )
            alarm = raised
        batch.journal.append(
            _journal(signals[index].received_at, JournalAction.UNEXPECTED_OPENING, alarm, detail)
        )


def _confirm_paths(session: Session, batch: _Batch, window_s: float) -> None:
    """Alarms whose trips (earlier ones stored, and this batch's) now make a path: mark and journal."""
    candidates = [i for i in batch.trips if batch.alarms[i].path_confirmed_at is None]
    if not candidates:
        return
    earlier = bulk.trips_of(session, candidates)
    for alarm_id in candidates:
        confirmation = confirm_path([*earlier.get(alarm_id, []), *batch.trips[alarm_id]], window_s)
        if confirmation is None:
            continue
        alarm = replace(batch.alarms[alarm_id], path_confirmed_at=confirmation.second.at)
        batch.alarms[alarm_id] = alarm
        batch.joined.add(alarm_id)
        if alarm_id not in batch.new_ids and alarm_id not in batch.updated_ids:
            batch.updated_ids.append(alarm_id)
        batch.journal.append(
            _journal(confirmation.second.at, JournalAction.PATH_CONFIRMED, alarm, confirmation.describe())
        )


_Key = tuple[int | None, str, int]  # (site, source, period) of an open alarm


def _alarm_key(site_id: int | None, signal: Signal, period_s: float) -> _Key:
    """A site has one open alarm; signals of unknown accounts group by source and period instead."""
    if site_id is not None:
        return (site_id, "", 0)
    return (None, source_of(signal.peer), period_of(signal.received_at, period_s))


def _clear_overdue_links(
    session: Session,
    signals: Sequence[Signal],
    transmitters: dict[tuple[str, str], bulk.TransmitterRef | None],
    batch: _Batch,
) -> None:
    """Signals from a transmitter whose periodic test was missed: the link is back (rare, so ORM)."""
    for (account, line), ref in transmitters.items():
        if ref is None or not ref.overdue:
            continue
        first = min(s.received_at for s in signals if (s.account.upper(), s.line.upper()) == (account, line))
        row = session.get(TransmitterRow, ref.id)
        if row is not None and row.test_overdue_since is not None:
            cleared = clear_overdue(session, row, first)
            if cleared is not None:
                batch.updated_ids.append(cleared)
    session.flush()


def _raise(
    session: Session,
    signal: Signal,
    key: _Key,
    names: dict[int, tuple[str, str]],
    batch: _Batch,
    forced_event: str | None = None,
) -> Alarm:
    """A new alarm for `signal`; `forced_event` (a title event of Vigie's own) when a rule, not the
    event itself, makes it an alarm."""
    site_id, source, period = key
    account = signal.account.upper()
    code, name = names.get(site_id, ("", "")) if site_id is not None else ("", "")
    title = alarm_title(signal)
    if site_id is None:
        title = unknown_source_title(source, 1, account, title)
    draft = Alarm(
        id=0,
        site_id=site_id,
        site_code=code,
        site_name=name,
        account=account,
        state=AlarmState.NEW,
        priority=signal.priority if forced_event is None else min(signal.priority, Priority.INTRUSION),
        category=signal.category,
        title=title,
        created_at=signal.received_at,
        last_signal_at=signal.received_at,
        title_event=title_event(signal) if forced_event is None else forced_event,
        title_zone=signal.zone,
        source=source,
        source_accounts=1 if site_id is None else 0,
        source_period=period,
    )
    if forced_event is not None:
        draft = replace(draft, title=localized_title(draft, "en"))
    alarm = alarm_store.insert_alarm(session, draft)
    batch.alarms[alarm.id] = alarm
    batch.new_ids.append(alarm.id)
    batch.journal.append(_journal(signal.received_at, JournalAction.ALARM_RAISED, alarm, title))
    return alarm


def _journal(at: datetime, action: JournalAction, alarm: Alarm, detail: str) -> JournalDraft:
    return JournalDraft(at=at, action=action.value, detail=detail, alarm_id=alarm.id, site_id=alarm.site_id)
