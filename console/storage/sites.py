"""Sites and what hangs off them: transmitters, zones, plans, contacts, procedures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session
from sqlmodel import col, select

from console.domain.priority import EventCategory
from console.domain.secrets import hash_spoken_word
from console.domain.site import DetectorType, SiteFile
from console.domain.transmitter_match import pick_transmitter
from console.storage.mapping import (
    contact_from_row,
    plan_from_row,
    procedure_from_rows,
    site_from_row,
    zone_from_row,
)
from console.storage.schedules import arming_of, schedules_of
from console.storage.sealed import seal_aes_key
from console.storage.suspensions import periods_overlapping
from console.storage.tables import (
    ContactRow,
    FloorPlanRow,
    ProcedureRow,
    ProcedureStepRow,
    SiteRow,
    TransmitterRow,
    ZoneRow,
)


def site_by_code(session: Session, code: str) -> SiteRow | None:
    return session.execute(select(SiteRow).where(col(SiteRow.code) == code)).scalar_one_or_none()


def ensure_site(session: Session, code: str, name: str | None = None) -> tuple[SiteRow, bool]:
    """The site with that code, created (named after its code) when absent; True when created."""
    row = site_by_code(session, code)
    if row is not None:
        return row, False
    row = SiteRow(code=code, name=name or code, created_at=datetime.now(UTC))
    session.add(row)
    session.flush()
    return row, True


def find_transmitter(session: Session, account: str, line: str = "") -> TransmitterRow | None:
    """The transmitter a message of (account, line) comes from (`domain.transmitter_match`)."""
    rows = (
        session.execute(select(TransmitterRow).where(col(TransmitterRow.account) == account.upper()))
        .scalars()
        .all()
    )
    return pick_transmitter(rows, line, lambda row: row.line)


def add_transmitter(
    session: Session,
    site: SiteRow,
    account: str,
    *,
    line: str = "",
    receiver: str = "",
    protocol: str = "",
    aes_key: str | None = None,
    test_interval_s: int | None = None,
    audio_module_uri: str | None = None,
) -> TransmitterRow:
    assert site.id is not None
    row = TransmitterRow(
        site_id=site.id,
        account=account.upper(),
        line=line.upper(),
        receiver=receiver.upper(),
        protocol=protocol,
        aes_key=seal_aes_key(aes_key),  # sealed with the station key, never stored in clear
        test_interval_s=test_interval_s,
        audio_module_uri=audio_module_uri,
        created_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    return row


def load_site_file(session: Session, site_id: int) -> SiteFile | None:
    """Everything the site window shows of a site, as it is now."""
    now = datetime.now(UTC)
    site = session.get(SiteRow, site_id)
    if site is None:
        return None
    zones = session.execute(
        select(ZoneRow).where(col(ZoneRow.site_id) == site_id).order_by(col(ZoneRow.number))
    ).scalars()
    plans = session.execute(
        select(FloorPlanRow).where(col(FloorPlanRow.site_id) == site_id).order_by(col(FloorPlanRow.level))
    ).scalars()
    contacts = session.execute(  # the call list: archived contacts are off it
        select(ContactRow)
        .where(col(ContactRow.site_id) == site_id, col(ContactRow.archived_at).is_(None))
        .order_by(col(ContactRow.rank))
    ).scalars()
    procedures = (
        session.execute(select(ProcedureRow).where(col(ProcedureRow.site_id) == site_id)).scalars().all()
    )
    steps: dict[int, list[ProcedureStepRow]] = {}
    if procedures:
        for step in session.execute(
            select(ProcedureStepRow).where(col(ProcedureStepRow.procedure_id).in_([p.id for p in procedures]))
        ).scalars():
            steps.setdefault(step.procedure_id, []).append(step)
    transmitters = session.execute(
        select(TransmitterRow.account, TransmitterRow.audio_module_uri)
        .where(col(TransmitterRow.site_id) == site_id)
        .order_by(col(TransmitterRow.id))
    ).all()
    return SiteFile(
        site=site_from_row(site),
        zones=tuple(zone_from_row(z) for z in zones),
        plans=tuple(plan_from_row(p) for p in plans),
        contacts=tuple(contact_from_row(c) for c in contacts),
        procedures=tuple(procedure_from_rows(p, steps.get(p.id or 0, [])) for p in procedures),
        accounts=tuple(account for account, _module in transmitters),
        audio_modules=tuple(dict.fromkeys(module for _account, module in transmitters if module)),
        schedule=schedules_of(session, [site_id]).get(site_id),
        arming=arming_of(session, site_id),
        suspensions=tuple(periods_overlapping(session, [site_id], now, datetime.max.replace(tzinfo=UTC))),
    )


@dataclass(frozen=True, slots=True)
class NewContact:
    name: str
    role: str = ""
    phones: tuple[str, ...] = ()
    sip_uri: str | None = None
    availability: str = ""
    accessibility_needs: str = ""
    password: str | None = None
    duress_word: str | None = None


def add_contact(session: Session, site: SiteRow, rank: int, contact: NewContact) -> ContactRow:
    assert site.id is not None
    row = ContactRow(
        site_id=site.id,
        rank=rank,
        name=contact.name,
        role=contact.role,
        phones="\n".join(contact.phones),
        sip_uri=contact.sip_uri,
        availability=contact.availability,
        accessibility_needs=contact.accessibility_needs,
        password_hash=hash_spoken_word(contact.password) if contact.password else None,
        duress_hash=hash_spoken_word(contact.duress_word) if contact.duress_word else None,
    )
    session.add(row)
    return row


def add_plan(
    session: Session, site: SiteRow, level: int, name: str, media_type: str, content: bytes
) -> FloorPlanRow:
    assert site.id is not None
    row = FloorPlanRow(site_id=site.id, level=level, name=name, media_type=media_type, content=content)
    session.add(row)
    session.flush()
    return row


def add_zone(
    session: Session,
    site: SiteRow,
    number: int,
    name: str,
    detector_type: DetectorType,
    plan: FloorPlanRow | None = None,
    x: float | None = None,
    y: float | None = None,
) -> ZoneRow:
    assert site.id is not None
    row = ZoneRow(
        site_id=site.id,
        number=number,
        name=name,
        detector_type=detector_type.value,
        plan_id=plan.id if plan else None,
        x=x,
        y=y,
    )
    session.add(row)
    return row


def add_procedure(
    session: Session, site: SiteRow, category: EventCategory, title: str, steps: Sequence[tuple[str, bool]]
) -> ProcedureRow:
    assert site.id is not None
    row = ProcedureRow(site_id=site.id, category=category.value, title=title)
    session.add(row)
    session.flush()
    assert row.id is not None
    for rank, (text, mandatory) in enumerate(steps, start=1):
        session.add(ProcedureStepRow(procedure_id=row.id, rank=rank, text=text, mandatory=mandatory))
    return row


def mandatory_steps(session: Session, site_id: int, category: EventCategory) -> dict[int, int]:
    """Mandatory steps (id -> rank) of the site's procedure for this kind of alarm; empty when none."""
    rows = session.execute(
        select(ProcedureStepRow.id, ProcedureStepRow.rank)
        .join(ProcedureRow, col(ProcedureRow.id) == col(ProcedureStepRow.procedure_id))
        .where(
            col(ProcedureRow.site_id) == site_id,
            col(ProcedureRow.category) == category.value,
            col(ProcedureStepRow.mandatory).is_(True),
        )
    ).all()
    return {step_id: rank for step_id, rank in rows if step_id is not None}
