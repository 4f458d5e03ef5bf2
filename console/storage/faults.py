"""Retention of `transmission_fault`: the technicians' diagnostics must not fill the disk.

Rows go by age, then the oldest beyond a maximum count, a bounded number per call: each call is
one short transaction, so a large backlog is worked off in many small deletes rather than one that
would hold the database's write lock (on SQLite, the file's only one) for seconds.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from console.storage.tables import TransmissionFaultRow

_FAULT = TransmissionFaultRow.__table__  # type: ignore[attr-defined]


def delete_faults_before(session: Session, cutoff: datetime, limit: int) -> int:
    """Delete at most `limit` faults recorded before `cutoff`; how many went."""
    doomed = select(_FAULT.c.id).where(_FAULT.c.at < cutoff).limit(limit).scalar_subquery()
    return int(session.execute(delete(_FAULT).where(_FAULT.c.id.in_(doomed))).rowcount)  # type: ignore[attr-defined]


def delete_faults_beyond(session: Session, max_rows: int, limit: int) -> int:
    """Delete at most `limit` of the oldest faults beyond the `max_rows` newest; how many went."""
    newest_gone = session.execute(
        select(_FAULT.c.id).order_by(_FAULT.c.id.desc()).offset(max_rows).limit(1)
    ).scalar_one_or_none()
    if newest_gone is None:
        return 0
    doomed = (
        select(_FAULT.c.id)
        .where(_FAULT.c.id <= newest_gone)
        .order_by(_FAULT.c.id)
        .limit(limit)
        .scalar_subquery()
    )
    return int(session.execute(delete(_FAULT).where(_FAULT.c.id.in_(doomed))).rowcount)  # type: ignore[attr-defined]
