"""The station's settings as stored (console/domain/station_settings.py decides their values)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session
from sqlmodel import select

from console.storage.tables import StationSettingRow


def stored_settings(session: Session) -> dict[str, str]:
    return {row.key: row.value for row in session.execute(select(StationSettingRow)).scalars()}


def store_setting(session: Session, key: str, value: str, at: datetime) -> str | None:
    """Write a setting; returns the value it replaces (None when it had none)."""
    row = session.get(StationSettingRow, key)
    before = None if row is None else row.value
    if row is None:
        session.add(StationSettingRow(key=key, value=value, updated_at=at))
    else:
        row.value, row.updated_at = value, at
    session.flush()
    return before
