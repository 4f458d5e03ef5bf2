"""Sites' opening hours and arming state, read and written for `domain.schedule`'s rules."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import delete
from sqlalchemy.orm import Session
from sqlmodel import col, select

from console.domain.schedule import Arming, Hours, Schedule, SiteArming, weekly_from_rows
from console.storage.tables import SiteArmingRow, SiteHoursExceptionRow, SiteHoursRow, SiteRow


@dataclass(frozen=True, slots=True)
class ArmingState:
    site_id: int
    state: Arming
    changed_at: datetime
    late_close_for: datetime | None


def set_weekly_hours(session: Session, site_id: int, spans: Iterable[tuple[int, time, time]]) -> None:
    """Replace a site's weekly hours by these (weekday, opens, closes) spans."""
    rows = list(spans)
    weekly_from_rows(rows)  # the domain's checks, before anything is written
    session.execute(delete(SiteHoursRow).where(col(SiteHoursRow.site_id) == site_id))
    session.add_all(SiteHoursRow(site_id=site_id, weekday=d, opens=o, closes=c) for d, o, c in rows)
    session.flush()


def set_exception(
    session: Session, site_id: int, day: date, spans: Sequence[tuple[time, time]] = (), label: str = ""
) -> None:
    """Give `day` other hours than the week's; no spans: closed all day (a holiday)."""
    session.execute(
        delete(SiteHoursExceptionRow).where(
            col(SiteHoursExceptionRow.site_id) == site_id, col(SiteHoursExceptionRow.day) == day
        )
    )
    if not spans:
        session.add(SiteHoursExceptionRow(site_id=site_id, day=day, label=label))
    for opens, closes in spans:
        session.add(SiteHoursExceptionRow(site_id=site_id, day=day, opens=opens, closes=closes, label=label))
    session.flush()


def schedules_of(session: Session, site_ids: Iterable[int]) -> dict[int, Schedule]:
    """The schedules of those sites that have hours or exceptions (the others have none)."""
    ids = sorted(set(site_ids))
    if not ids:
        return {}
    weekly: dict[int, list[tuple[int, time, time]]] = {}
    for row in session.execute(select(SiteHoursRow).where(col(SiteHoursRow.site_id).in_(ids))).scalars():
        weekly.setdefault(row.site_id, []).append((row.weekday, row.opens, row.closes))
    exceptions: dict[int, dict[date, list[Hours]]] = {}
    labels: dict[int, dict[date, str]] = {}
    query = select(SiteHoursExceptionRow).where(col(SiteHoursExceptionRow.site_id).in_(ids))
    for ex in session.execute(query).scalars():
        if ex.label:
            labels.setdefault(ex.site_id, {})[ex.day] = ex.label
        spans = exceptions.setdefault(ex.site_id, {}).setdefault(ex.day, [])
        if ex.opens is not None and ex.closes is not None:
            spans.append(Hours(ex.opens, ex.closes))
    scheduled = set(weekly) | set(exceptions)
    if not scheduled:
        return {}
    query_zones = select(SiteRow.id, SiteRow.timezone).where(col(SiteRow.id).in_(sorted(scheduled)))
    zones: dict[int, str] = {site_id: zone for site_id, zone in session.execute(query_zones).all() if site_id}
    return {
        site_id: Schedule(
            timezone=zones[site_id],
            weekly=weekly_from_rows(weekly.get(site_id, [])),
            exceptions={
                day: tuple(sorted(spans, key=lambda h: h.opens))
                for day, spans in exceptions.get(site_id, {}).items()
            },
            labels=labels.get(site_id, {}),
        )
        for site_id in scheduled
        if site_id in zones
    }


def arming_of(session: Session, site_id: int) -> SiteArming | None:
    row = session.get(SiteArmingRow, site_id)
    return None if row is None else SiteArming(Arming(row.state), row.changed_at)


def note_arming(session: Session, site_id: int, state: Arming, at: datetime) -> bool:
    """Record that the site was opened or closed at `at`, unless a later change is known already
    (a delayed retry must not undo it). Returns whether the state was written."""
    row = session.get(SiteArmingRow, site_id)
    if row is None:
        session.add(SiteArmingRow(site_id=site_id, state=state.value, changed_at=at))
    elif at > row.changed_at:
        row.state, row.changed_at = state.value, at
    else:
        return False
    session.flush()
    return True


def opened_sites(session: Session) -> list[ArmingState]:
    """Every site last seen opened: candidates for a missed closing."""
    rows = session.execute(
        select(SiteArmingRow).where(col(SiteArmingRow.state) == Arming.OPENED.value)
    ).scalars()
    return [ArmingState(r.site_id, Arming(r.state), r.changed_at, r.late_close_for) for r in rows]


def mark_late_close(session: Session, site_id: int, closing: datetime) -> None:
    """Remember the closing time already alarmed as missed: one alarm per missed closing."""
    row = session.get(SiteArmingRow, site_id)
    if row is not None:
        row.late_close_for = closing
        session.flush()
