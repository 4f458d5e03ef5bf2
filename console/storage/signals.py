"""Received signals: stored with their raw frame, searched for history and the site window."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

from sqlalchemy.orm import Session
from sqlmodel import col, select

from console.domain.event_codes import CATALOGUE
from console.domain.signal_detail import signal_detail
from console.domain.site import SignalRecord
from console.storage import bulk
from console.storage.engine import Database
from console.storage.inbox import pending_rows
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
            "filed": True,
        }


_PENDING = "received_at, account, line, sequence, protocol, qualifier, event_code, event_system, zone, partition, extended, raw"


def pending_history(
    db: Database, *, site_code: str | None = None, since: datetime | None = None
) -> Iterator[dict[str, object]]:
    """Signals ACKed but not filed into alarms yet (still in the receiver's inbox, as after a
    receiver was killed), in the same shape as `history` with `"filed": false`: whatever the
    placement's state, the history lists every acknowledged signal."""
    rows = pending_rows(db, _PENDING)
    if not rows:
        return
    with db.read() as session:
        refs = bulk.transmitters_for(session, {(str(r[1]).upper(), str(r[2]).upper()) for r in rows})
        codes = bulk.site_names(session, {ref.site_id for ref in refs.values() if ref is not None})
    for (
        received,
        account,
        line,
        sequence,
        protocol,
        qualifier,
        code,
        system,
        zone,
        partition,
        ext,
        raw,
    ) in rows:
        at = received if isinstance(received, datetime) else datetime.fromisoformat(str(received))
        at = at if at.tzinfo else at.replace(tzinfo=UTC)
        if since is not None and at < since:
            continue
        ref = refs.get((str(account).upper(), str(line).upper()))
        site = codes[ref.site_id][0] if ref is not None and ref.site_id in codes else None
        if site_code is not None and site != site_code:
            continue
        extended = json.loads(ext) if ext else {}
        yield {
            "received_at": at.isoformat(),
            "site": site,
            "account": account,
            "line": line,
            "sequence": sequence,
            "protocol": protocol,
            "qualifier": qualifier,
            "event_code": code,
            "event_system": system,
            "category": CATALOGUE.lookup(system, code).category.value,
            "zone": zone,
            "partition": partition,
            "alarm_id": None,
            "extended": extended,
            "detail": signal_detail(extended),
            "raw": raw,
            "filed": False,
        }
