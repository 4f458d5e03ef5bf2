"""Received signals: stored with their raw frame, searched for history and the site window."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

from sqlalchemy.orm import Session
from sqlmodel import col, select

from console.domain.signal_detail import signal_detail
from console.domain.site import SignalRecord
from console.storage.mapping import signal_record_from_row
from console.storage.tables import SignalRow, SiteRow


def signals_for_alarm(session: Session, alarm_id: int, lang: str = "en") -> list[SignalRecord]:
    query = (
        select(SignalRow, SiteRow.code)
        .join(SiteRow, col(SignalRow.site_id) == col(SiteRow.id), isouter=True)
        .where(col(SignalRow.alarm_id) == alarm_id)
        .order_by(col(SignalRow.received_at), col(SignalRow.id))
    )
    return [signal_record_from_row(row, code, lang) for row, code in session.execute(query).all()]


def history(
    session: Session, *, site_code: str | None = None, since: datetime | None = None, batch: int = 1000
) -> Iterator[dict[str, object]]:
    """Signals in reception order, streamed in batches so a year of history does not fill memory."""
    query = (
        select(SignalRow, SiteRow.code)
        .join(SiteRow, col(SignalRow.site_id) == col(SiteRow.id), isouter=True)
        .order_by(col(SignalRow.received_at), col(SignalRow.id))
        .execution_options(yield_per=batch)
    )
    if site_code is not None:
        query = query.where(col(SiteRow.code) == site_code)
    if since is not None:
        query = query.where(col(SignalRow.received_at) >= since)
    for row, code in session.execute(query):
        extended = json.loads(row.extended) if row.extended else {}
        yield {
            "received_at": row.received_at.isoformat(),
            "site": code,
            "account": row.account,
            "line": row.line,
            "sequence": row.sequence,
            "protocol": row.protocol,
            "qualifier": row.qualifier,
            "event_code": row.event_code,
            "event_system": row.event_system,
            "category": row.category,
            "zone": row.zone,
            "partition": row.partition,
            "alarm_id": row.alarm_id,
            # What the panel said beyond code and zone: SIA descriptions ("ri_text", "id_text",
            # "zone_text"), user "id", time "ti", text "text"; DC-09 extended data by letter.
            "extended": extended,
            "detail": signal_detail(extended),  # the same, in the words of the site window
            "raw": row.raw,
        }
