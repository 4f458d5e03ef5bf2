"""Station equipment status: heartbeats the receiver writes and every console reads."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session
from sqlmodel import col, select

from console.domain.station import ComponentStatus
from console.storage.tables import StationStatusRow


def publish_status(session: Session, component: str, state: str, detail: str, at: datetime) -> None:
    result = session.execute(
        update(StationStatusRow)
        .where(col(StationStatusRow.component) == component)
        .values(state=state, detail=detail, updated_at=at)
    )
    if result.rowcount == 0:  # type: ignore[attr-defined]
        session.add(StationStatusRow(component=component, state=state, detail=detail, updated_at=at))


def read_statuses(session: Session) -> list[ComponentStatus]:
    rows = session.execute(select(StationStatusRow).order_by(col(StationStatusRow.component))).scalars()
    return [ComponentStatus(r.component, r.state, r.detail, r.updated_at) for r in rows]
