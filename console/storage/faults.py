"""`transmission_fault` rows: written here only (`record_faults`), and their retention.

Retention: the technicians' diagnostics must not fill the disk.

Rows go by age, then the oldest beyond a maximum count, a bounded number per call: each call is
one short transaction, so a large backlog is worked off in many small deletes rather than one that
would hold the database's write lock (on SQLite, the file's only one) for seconds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from console.storage.intake import storable_text
from console.storage.tables import TransmissionFaultRow

_FAULT = TransmissionFaultRow.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class FaultDraft:
    """A fault to record; its texts may come off the wire, so `record_faults` makes them storable."""

    at: datetime
    kind: str
    detail: str
    peer: str = ""
    account: str | None = None
    skew_s: float | None = None
    raw: str = ""


def record_faults(session: Session, faults: Iterable[FaultDraft]) -> None:
    """All the faults in one executemany (a flood of bad frames is written a batch at a time)."""
    rows = [
        {
            "at": f.at,
            "peer": storable_text(f.peer),
            "account": f.account,
            "kind": f.kind,
            "detail": storable_text(f.detail),
            "skew_s": f.skew_s,
            "raw": storable_text(f.raw),
        }
        for f in faults
    ]
    if rows:
        session.execute(insert(_FAULT), rows)


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
