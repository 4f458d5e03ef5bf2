"""The administration's reads and writes of sites, transmitters, contacts and procedures.

Values come in already checked (console/domain/site_fields.py); what is checked here needs the database:
a site code or an account and line another record has, and whether a record has history (then it is
archived, never deleted). `tell_consoles` adds the change-feed rows a site's edit needs: the site, and each
of its open alarms, so a console showing one reloads its site file (as the plan editor does).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_
from sqlalchemy.orm import Session
from sqlmodel import col, delete, select

from console.domain.priority import EventCategory
from console.domain.secrets import hash_spoken_word
from console.domain.site_fields import RULES, Kind, StepDraft
from console.domain.site_sheet import (
    ContactSheet,
    ProcedureSheet,
    SiteSheet,
    SiteSummary,
    TransmitterSheet,
)
from console.storage.changes import record_changes
from console.storage.tables import (
    AlarmRow,
    CallRow,
    ContactRow,
    ProcedureRow,
    ProcedureStepRow,
    SignalRow,
    SiteRow,
    TransmitterRow,
)

_SITE_FIELDS = tuple(rule.name for rule in RULES[Kind.SITE])
_TRANSMITTER_FIELDS = tuple(rule.name for rule in RULES[Kind.TRANSMITTER] if not rule.secret)
_CONTACT_FIELDS = tuple(rule.name for rule in RULES[Kind.CONTACT] if not rule.secret)
_OPEN = col(AlarmRow.state) != "closed"


# --- reads --------------------------------------------------------------------------------------


def search_sites(
    session: Session, words: str = "", *, archived: bool = False, limit: int = 500
) -> list[SiteSummary]:
    """Sites whose code, name, city, address or an account contains every word given, by code."""
    query = select(SiteRow).order_by(col(SiteRow.code)).limit(limit)
    if not archived:
        query = query.where(col(SiteRow.archived_at).is_(None))
    for word in words.split():
        word = word.lower()
        accounts = select(TransmitterRow.site_id).where(
            func.lower(TransmitterRow.account).contains(word, autoescape=True)
        )
        query = query.where(
            or_(
                *(
                    func.lower(column).contains(word, autoescape=True)
                    for column in (SiteRow.code, SiteRow.name, SiteRow.city, SiteRow.address)
                ),
                col(SiteRow.id).in_(accounts),
            )
        )
    rows = list(session.execute(query).scalars())
    counts = open_alarm_counts(session, [_id(row.id) for row in rows])
    return [
        SiteSummary(_id(r.id), r.code, r.name, r.city, r.archived_at is not None, counts.get(_id(r.id), 0))
        for r in rows
    ]


def open_alarm_counts(session: Session, site_ids: Sequence[int]) -> dict[int, int]:
    if not site_ids:
        return {}
    rows = session.execute(
        select(AlarmRow.site_id, func.count())
        .where(_OPEN, col(AlarmRow.site_id).in_(site_ids))
        .group_by(col(AlarmRow.site_id))
    ).all()
    return {site_id: count for site_id, count in rows if site_id is not None}


def site_values(row: SiteRow) -> dict[str, Any]:
    return {name: getattr(row, name) for name in _SITE_FIELDS}


def transmitter_values(row: TransmitterRow) -> dict[str, Any]:
    return {name: getattr(row, name) for name in _TRANSMITTER_FIELDS}


def contact_values(row: ContactRow) -> dict[str, Any]:
    values = {name: getattr(row, name) for name in _CONTACT_FIELDS}
    values["phones"] = tuple(p for p in row.phones.split("\n") if p)
    return values


def active_contacts(session: Session, site_id: int) -> list[ContactRow]:
    """The call list in order (archived contacts left out)."""
    return list(
        session.execute(
            select(ContactRow)
            .where(col(ContactRow.site_id) == site_id, col(ContactRow.archived_at).is_(None))
            .order_by(col(ContactRow.rank), col(ContactRow.id))
        ).scalars()
    )


def procedure_steps(session: Session, procedure_id: int) -> list[ProcedureStepRow]:
    return list(
        session.execute(
            select(ProcedureStepRow)
            .where(col(ProcedureStepRow.procedure_id) == procedure_id)
            .order_by(col(ProcedureStepRow.rank), col(ProcedureStepRow.id))
        ).scalars()
    )


def step_drafts(rows: Iterable[ProcedureStepRow]) -> tuple[StepDraft, ...]:
    return tuple(StepDraft(row.text, row.mandatory, row.id) for row in rows)


def procedure_row(session: Session, site_id: int, category: EventCategory) -> ProcedureRow | None:
    return session.execute(
        select(ProcedureRow).where(
            col(ProcedureRow.site_id) == site_id, col(ProcedureRow.category) == category.value
        )
    ).scalar_one_or_none()


def open_alarm_ids(session: Session, site_id: int) -> list[int]:
    return [
        alarm_id
        for alarm_id in session.execute(
            select(AlarmRow.id).where(col(AlarmRow.site_id) == site_id, _OPEN)
        ).scalars()
        if alarm_id is not None
    ]


def site_sheet(session: Session, site_id: int) -> SiteSheet | None:
    site = session.get(SiteRow, site_id)
    if site is None:
        return None
    transmitters = session.execute(
        select(TransmitterRow).where(col(TransmitterRow.site_id) == site_id).order_by(col(TransmitterRow.id))
    ).scalars()
    procedures = session.execute(
        select(ProcedureRow).where(col(ProcedureRow.site_id) == site_id).order_by(col(ProcedureRow.category))
    ).scalars()
    return SiteSheet(
        id=site_id,
        values=site_values(site),
        archived_at=site.archived_at,
        open_alarms=len(open_alarm_ids(session, site_id)),
        transmitters=tuple(
            TransmitterSheet(_id(t.id), transmitter_values(t), t.aes_key is not None) for t in transmitters
        ),
        contacts=tuple(
            ContactSheet(
                _id(c.id), c.rank, contact_values(c), c.password_hash is not None, c.duress_hash is not None
            )
            for c in active_contacts(session, site_id)
        ),
        procedures=tuple(
            ProcedureSheet(
                _id(p.id),
                EventCategory(p.category),
                p.title,
                step_drafts(procedure_steps(session, _id(p.id))),
            )
            for p in procedures
        ),
    )


def _id(value: int | None) -> int:
    assert value is not None, "row not flushed"
    return value


# --- what the database must check ---------------------------------------------------------------


def code_taken(session: Session, code: str, but: int | None = None) -> bool:
    query = select(SiteRow.id).where(func.lower(SiteRow.code) == code.lower())
    if but is not None:
        query = query.where(col(SiteRow.id) != but)
    return session.execute(query.limit(1)).first() is not None


def transmitter_taken(session: Session, account: str, line: str, but: int | None = None) -> bool:
    query = select(TransmitterRow.id).where(
        col(TransmitterRow.account) == account.upper(), col(TransmitterRow.line) == line.upper()
    )
    if but is not None:
        query = query.where(col(TransmitterRow.id) != but)
    return session.execute(query.limit(1)).first() is not None


def transmitter_has_history(session: Session, transmitter_id: int) -> bool:
    found = session.execute(
        select(SignalRow.id).where(col(SignalRow.transmitter_id) == transmitter_id).limit(1)
    ).first()
    return found is not None


def contact_has_history(session: Session, contact_id: int) -> bool:
    return (
        session.execute(select(CallRow.id).where(col(CallRow.contact_id) == contact_id).limit(1)).first()
        is not None
    )


# --- writes -------------------------------------------------------------------------------------


def set_fields(row: Any, values: Mapping[str, Any]) -> None:
    for name, value in values.items():
        setattr(row, name, value)


def insert_site(session: Session, values: Mapping[str, Any], at: datetime) -> SiteRow:
    row = SiteRow(created_at=at, **values)
    session.add(row)
    session.flush()
    return row


def insert_transmitter(
    session: Session, site_id: int, values: Mapping[str, Any], at: datetime
) -> TransmitterRow:
    row = TransmitterRow(site_id=site_id, created_at=at, **values)
    session.add(row)
    session.flush()
    return row


def contact_fields(values: Mapping[str, Any]) -> dict[str, Any]:
    """Checked contact values as the row stores them: phones one a line, words hashed (given ones only)."""
    stored = {name: value for name, value in values.items() if name not in ("password", "duress_word")}
    if "phones" in stored:
        stored["phones"] = "\n".join(stored["phones"])
    if values.get("password") is not None:
        stored["password_hash"] = hash_spoken_word(values["password"])
    if values.get("duress_word") is not None:
        stored["duress_hash"] = hash_spoken_word(values["duress_word"])
    return stored


def insert_contact(session: Session, site_id: int, rank: int, values: Mapping[str, Any]) -> ContactRow:
    row = ContactRow(site_id=site_id, rank=rank, **contact_fields(values))
    session.add(row)
    session.flush()
    return row


def renumber(contacts: Sequence[ContactRow]) -> None:
    """Ranks 1, 2, 3... in the order given: the call list has no gaps."""
    for rank, contact in enumerate(contacts, start=1):
        if contact.rank != rank:
            contact.rank = rank


def save_procedure(
    session: Session, site_id: int, category: EventCategory, title: str, steps: Sequence[StepDraft]
) -> tuple[ProcedureRow, tuple[StepDraft, ...]]:
    """Add or change a procedure; a step keeps its id while it stays (so an alarm's ticks stay on it).

    Returns the row and its steps as they were before."""
    row = procedure_row(session, site_id, category)
    if row is None:
        row = ProcedureRow(site_id=site_id, category=category.value, title=title)
        session.add(row)
        session.flush()
        before: tuple[StepDraft, ...] = ()
        stored: list[ProcedureStepRow] = []
    else:
        row.title = title
        stored = procedure_steps(session, _id(row.id))
        before = step_drafts(stored)
    by_id = {step.id: step for step in stored}
    kept = {draft.id for draft in steps if draft.id in by_id}
    for step in stored:
        if step.id not in kept:
            session.delete(step)
    for rank, draft in enumerate(steps, start=1):
        existing = by_id.get(draft.id) if draft.id is not None else None
        if existing is None:
            session.add(
                ProcedureStepRow(
                    procedure_id=_id(row.id), rank=rank, text=draft.text, mandatory=draft.mandatory
                )
            )
        else:
            existing.rank, existing.text, existing.mandatory = rank, draft.text, draft.mandatory
    session.flush()
    return row, before


def delete_procedure(session: Session, row: ProcedureRow) -> None:
    session.execute(delete(ProcedureStepRow).where(col(ProcedureStepRow.procedure_id) == row.id))
    session.delete(row)


def tell_consoles(session: Session, site_id: int, at: datetime) -> None:
    """The site changed: consoles showing it, or one of its open alarms, reload its file."""
    record_changes(session, "site", [site_id], at)
    record_changes(session, "alarm", open_alarm_ids(session, site_id), at)
