"""Conversions between table rows and domain values; the only place that knows both shapes."""

from __future__ import annotations

import json
from typing import Any

from console.domain.alarm import Alarm, AlarmState, Disposition, Operator, Role
from console.domain.event_codes import CATALOGUE
from console.domain.priority import EventCategory, Priority
from console.domain.site import (
    Contact,
    DetectorType,
    FloorPlan,
    JournalEntry,
    Procedure,
    ProcedureStep,
    SignalRecord,
    Site,
    Zone,
)
from console.storage.tables import (
    ContactRow,
    FloorPlanRow,
    JournalRow,
    OperatorRow,
    ProcedureRow,
    ProcedureStepRow,
    SignalRow,
    SiteRow,
    ZoneRow,
)


def _id(value: int | None) -> int:
    if value is None:
        raise ValueError("row has no id yet (not flushed)")
    return value


def alarm_from_columns(row: Any, site_code: str, site_name: str, operator_login: str | None) -> Alarm:
    """An alarm from anything with the alarm table's column names: an ORM row or a plain Core row."""
    return Alarm(
        id=_id(row.id),
        site_id=row.site_id,
        site_code=site_code,
        site_name=site_name,
        account=row.account,
        state=AlarmState(row.state),
        priority=Priority(row.priority),
        category=EventCategory(row.category),
        title=row.title,
        created_at=row.created_at,
        last_signal_at=row.last_signal_at,
        signal_count=row.signal_count,
        taken_at=row.taken_at,
        verifying_at=row.verifying_at,
        dispatched_at=row.dispatched_at,
        closed_at=row.closed_at,
        operator_id=row.operator_id,
        operator_login=operator_login,
        disposition=Disposition(row.disposition) if row.disposition else None,
        closing_comment=row.closing_comment,
        version=row.version,
        title_event=row.title_event,
        title_zone=row.title_zone,
        path_confirmed_at=row.path_confirmed_at,
        last_activity_at=row.last_activity_at,
        source=row.source,
        source_accounts=row.source_accounts,
        source_period=row.source_period,
    )


def operator_from_row(row: OperatorRow) -> Operator:
    return Operator(id=_id(row.id), login=row.login, display_name=row.display_name, role=Role(row.role))


def site_from_row(row: SiteRow) -> Site:
    return Site(
        id=_id(row.id),
        code=row.code,
        name=row.name,
        address=row.address,
        postcode=row.postcode,
        city=row.city,
        latitude=row.latitude,
        longitude=row.longitude,
        timezone=row.timezone,
        risk_class=row.risk_class,
        accessibility_needs=row.accessibility_needs,
        notes=row.notes,
    )


def zone_from_row(row: ZoneRow) -> Zone:
    return Zone(
        id=_id(row.id),
        number=row.number,
        name=row.name,
        detector_type=DetectorType(row.detector_type),
        plan_id=row.plan_id,
        x=row.x,
        y=row.y,
    )


def plan_from_row(row: FloorPlanRow) -> FloorPlan:
    return FloorPlan(
        id=_id(row.id), level=row.level, name=row.name, media_type=row.media_type, content=row.content
    )


def contact_from_row(row: ContactRow) -> Contact:
    return Contact(
        id=_id(row.id),
        rank=row.rank,
        name=row.name,
        role=row.role,
        phones=tuple(p for p in row.phones.split("\n") if p),
        sip_uri=row.sip_uri,
        availability=row.availability,
        accessibility_needs=row.accessibility_needs,
        has_password=bool(row.password_hash),
        has_duress_word=bool(row.duress_hash),
    )


def procedure_from_rows(row: ProcedureRow, steps: list[ProcedureStepRow]) -> Procedure:
    return Procedure(
        id=_id(row.id),
        category=EventCategory(row.category),
        title=row.title,
        steps=tuple(
            ProcedureStep(id=_id(s.id), rank=s.rank, text=s.text, mandatory=s.mandatory)
            for s in sorted(steps, key=lambda s: s.rank)
        ),
    )


def journal_from_row(row: JournalRow, operator_login: str | None) -> JournalEntry:
    return JournalEntry(
        id=_id(row.id),
        at=row.at,
        action=row.action,
        detail=row.detail,
        operator_login=operator_login,
        alarm_id=row.alarm_id,
        site_id=row.site_id,
    )


def signal_record_from_row(row: SignalRow, site_code: str | None, lang: str = "en") -> SignalRecord:
    event = CATALOGUE.lookup(row.event_system, row.event_code)
    return SignalRecord(
        id=_id(row.id),
        received_at=row.received_at,
        account=row.account,
        protocol=row.protocol,
        qualifier=row.qualifier,
        event_code=row.event_code,
        label=event.label(lang),
        category=EventCategory(row.category),
        zone=row.zone,
        partition=row.partition,
        sequence=row.sequence,
        alarm_id=row.alarm_id,
        site_code=site_code,
        raw=row.raw,
        extended=json.loads(row.extended) if row.extended else {},
    )
