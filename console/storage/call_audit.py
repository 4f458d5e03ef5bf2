"""Reads for the call audit: filtered pages of calls with the names a person reads, and one call's context.

Pages are keyset pages, newest first, on (created_at, id): the next page starts after the last
row seen, so a page costs the same at the thousandth call as at the first and a call written
meanwhile never shifts a page. The same query runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, func, or_
from sqlalchemy.orm import Session
from sqlmodel import col, select

from console.domain.call_audit import PAGE_SIZE, AuditedCall, BadFilter, CallFilter
from console.storage.calls import _load, require_call
from console.storage.tables import AlarmRow, CallRow, ContactRow, OperatorRow, SiteRow


def audit_page(
    session: Session,
    filters: CallFilter,
    after: tuple[datetime, int] | None = None,
    size: int = PAGE_SIZE,
) -> list[AuditedCall]:
    """Up to `size` calls matching `filters`, newest first, after the cursor `after`."""
    problems = filters.problems()
    if problems:
        raise BadFilter(problems)
    query = (
        select(CallRow.id)
        .join(OperatorRow, col(CallRow.operator_id) == col(OperatorRow.id), isouter=True)
        .join(SiteRow, col(CallRow.site_id) == col(SiteRow.id), isouter=True)
    )
    if filters.since is not None:
        query = query.where(col(CallRow.created_at) >= filters.since)
    if filters.until is not None:
        query = query.where(col(CallRow.created_at) < filters.until)
    if filters.operator_login:
        query = query.where(col(OperatorRow.login) == filters.operator_login.strip())
    if filters.site_code:
        query = query.where(func.upper(col(SiteRow.code)) == filters.site_code.strip().upper())
    if filters.alarm_id is not None:
        query = query.where(col(CallRow.alarm_id) == filters.alarm_id)
    if filters.direction is not None:
        query = query.where(col(CallRow.direction) == filters.direction.value)
    if filters.end_status is not None:
        query = query.where(col(CallRow.end_status) == filters.end_status.value)
    if filters.purpose is not None:
        query = query.where(col(CallRow.purpose) == filters.purpose.value)
    if after is not None:
        at, call_id = after
        query = query.where(
            or_(col(CallRow.created_at) < at, and_(col(CallRow.created_at) == at, col(CallRow.id) < call_id))
        )
    query = query.order_by(col(CallRow.created_at).desc(), col(CallRow.id).desc()).limit(max(1, size))
    ids = [i for i in session.execute(query).scalars() if i is not None]
    return _named(session, ids)


def _named(session: Session, ids: Sequence[int]) -> list[AuditedCall]:
    records = _load(session, ids)
    operator_ids = {r.operator_id for r in records if r.operator_id is not None}
    site_ids = {r.site_id for r in records if r.site_id is not None}
    operators: dict[int | None, str] = dict(
        session.execute(
            select(OperatorRow.id, OperatorRow.display_name).where(col(OperatorRow.id).in_(operator_ids))
        ).all()
    )
    sites = {
        site_id: (code, name)
        for site_id, code, name in session.execute(
            select(SiteRow.id, SiteRow.code, SiteRow.name).where(col(SiteRow.id).in_(site_ids))
        ).all()
    }
    return [
        AuditedCall(
            record,
            operator_name=operators.get(record.operator_id) if record.operator_id else None,
            site_code=sites[record.site_id][0] if record.site_id in sites else None,
            site_name=sites[record.site_id][1] if record.site_id in sites else None,
        )
        for record in records
    ]


def audited_call(session: Session, call_id: int) -> AuditedCall:
    """One call with its names; raises UnknownCall."""
    require_call(session, call_id)
    return _named(session, [call_id])[0]


def call_context(session: Session, call_id: int) -> dict[str, object]:
    """The call's alarm, site, operator and contact as JSON-ready values (what an export carries)."""
    record = require_call(session, call_id)
    context: dict[str, object] = {"alarm": None, "site": None, "operator": None, "contact": None}
    if record.alarm_id is not None and (alarm := session.get(AlarmRow, record.alarm_id)) is not None:
        context["alarm"] = {
            "id": alarm.id,
            "category": alarm.category,
            "priority": alarm.priority,
            "state": alarm.state,
            "title": alarm.title,
            "created_at": alarm.created_at.isoformat(),
            "closed_at": alarm.closed_at.isoformat() if alarm.closed_at else None,
            "disposition": alarm.disposition,
        }
    if record.site_id is not None and (site := session.get(SiteRow, record.site_id)) is not None:
        context["site"] = {
            "id": site.id,
            "code": site.code,
            "name": site.name,
            "address": site.address,
            "postcode": site.postcode,
            "city": site.city,
        }
    if record.operator_id is not None and (person := session.get(OperatorRow, record.operator_id)):
        context["operator"] = {"id": person.id, "login": person.login, "name": person.display_name}
    if record.contact_id is not None and (contact := session.get(ContactRow, record.contact_id)):
        # The contact's name and role only: phone numbers and spoken words stay in the station.
        context["contact"] = {"id": contact.id, "name": contact.name, "role": contact.role}
    return context
