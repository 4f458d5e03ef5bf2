"""The one way journal rows are written: chained (console/domain/journal_chain.py), at commit.

Every journal entry, one (`append`) or a batch (`append_many`, the receiver's placement), is
queued on the session and written by a `before_commit` hook: the hook locks the chain's head row
(`SELECT ... FOR UPDATE` on PostgreSQL; SQLite write transactions are serialised already by
`BEGIN IMMEDIATE`), numbers and hashes the queued entries after it, inserts them in one statement
and moves the head. Why at commit rather than at each append:

- the head lock is held only from the journal insert to the commit, not for the whole
  transaction: several consoles and receivers on one PostgreSQL queue behind each other for
  milliseconds, and positions follow commit order (whoever locks the head next reads the head the
  last commit left);
- it is the last lock a transaction takes, so it cannot close a deadlock with alarm rows (a
  transaction holding the head never waits for another row lock);
- rows are written already numbered and hashed: the append-only triggers stay as strict as they
  were (no "fill in the hash later" UPDATE to allow).

The price: an entry is in the table only once its transaction commits; a read of the journal in
the same transaction does not see it (nothing in the console does that). Savepoints are not used
by the console; entries queued inside a rolled-back savepoint would still be written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import event, func, insert, select, text, update
from sqlalchemy.orm import Session, SessionTransaction

from console.domain.journal_chain import GENESIS, ChainRow, entry_hash
from console.storage.tables import CallRow, JournalHeadRow, JournalRow, OperatorRow
from console.storage.types import as_utc

_JOURNAL = JournalRow.__table__  # type: ignore[attr-defined]
_HEAD = JournalHeadRow.__table__  # type: ignore[attr-defined]
_CALL = CallRow.__table__  # type: ignore[attr-defined]
_OPERATOR = OperatorRow.__table__  # type: ignore[attr-defined]
_PENDING = "vigie_journal_pending"
_STREAM_ROWS = 5000


@dataclass(frozen=True, slots=True)
class JournalDraft:
    """A journal entry to write: what the chain covers, before it has a position and a hash."""

    at: datetime
    action: str
    detail: str = ""
    operator_id: int | None = None
    alarm_id: int | None = None
    site_id: int | None = None


class ChainHeadMissing(RuntimeError):
    """The journal_head row is gone (it is made by migration 0012 and never deleted)."""


def append(session: Session, draft: JournalDraft) -> None:
    """Queue one entry; written, chained, when the session commits."""
    session.info.setdefault(_PENDING, []).append(draft)


def append_many(session: Session, drafts: Iterable[JournalDraft]) -> None:
    session.info.setdefault(_PENDING, []).extend(drafts)


@event.listens_for(Session, "before_commit")
def _write_pending(session: Session) -> None:
    drafts: list[JournalDraft] | None = session.info.pop(_PENDING, None)
    if drafts:
        session.flush()  # rows the entries refer to (alarms, operators) go first
        write_chained(session, drafts)


@event.listens_for(Session, "after_transaction_end")
def _forget_pending(session: Session, transaction: SessionTransaction) -> None:
    """A rolled-back transaction's entries go with it (after a commit the queue is empty already)."""
    if transaction.parent is None:
        session.info.pop(_PENDING, None)


def write_chained(session: Session, drafts: Sequence[JournalDraft]) -> None:
    """Lock the head, number and hash `drafts` after it, insert them, move the head."""
    head = session.execute(
        select(_HEAD.c.position, _HEAD.c.hash).where(_HEAD.c.id == 1).with_for_update()
    ).one_or_none()
    if head is None:
        raise ChainHeadMissing("the journal's chain head row is missing: run `vigie db init`")
    position, previous = int(head.position), str(head.hash)
    rows: list[dict[str, Any]] = []
    for draft in drafts:
        position += 1
        at = as_utc(draft.at)
        previous = entry_hash(
            previous,
            position,
            at,
            str(draft.action),
            draft.detail,
            draft.operator_id,
            draft.alarm_id,
            draft.site_id,
        )
        rows.append(
            {
                "at": at,
                "action": str(draft.action),
                "detail": draft.detail,
                "operator_id": draft.operator_id,
                "alarm_id": draft.alarm_id,
                "site_id": draft.site_id,
                "position": position,
                "hash": previous,
            }
        )
    session.execute(insert(_JOURNAL), rows)
    session.execute(update(_HEAD).where(_HEAD.c.id == 1).values(position=position, hash=previous))


# --- reading the chain -------------------------------------------------------------------------


def chain_head(session: Session) -> tuple[int, str]:
    """(position, hash) the head row holds; (0, GENESIS) for a journal never written."""
    head = session.execute(select(_HEAD.c.position, _HEAD.c.hash).where(_HEAD.c.id == 1)).one_or_none()
    return (int(head.position), str(head.hash)) if head is not None else (0, GENESIS)


def chained_rows(session: Session) -> Iterator[ChainRow]:
    """Every positioned row in position order, streamed (server-side cursor on PostgreSQL)."""
    query = (
        select(
            _JOURNAL.c.id,
            _JOURNAL.c.position,
            _JOURNAL.c.hash,
            _JOURNAL.c.at,
            _JOURNAL.c.action,
            _JOURNAL.c.detail,
            _JOURNAL.c.operator_id,
            _JOURNAL.c.alarm_id,
            _JOURNAL.c.site_id,
        )
        .where(_JOURNAL.c.position.is_not(None))
        .order_by(_JOURNAL.c.position)
        .execution_options(stream_results=True, yield_per=_STREAM_ROWS)
    )
    for row in session.execute(query):
        yield ChainRow(*row)


def unchained_row(session: Session) -> tuple[int, int] | None:
    """(first journal id, count) of the rows without a position or a hash: put in by plain SQL."""
    found = session.execute(
        select(func.min(_JOURNAL.c.id), func.count()).where(
            (_JOURNAL.c.position.is_(None)) | (_JOURNAL.c.hash.is_(None))
        )
    ).one()
    return (int(found[0]), int(found[1])) if found[1] else None


def last_entry(session: Session, action: str) -> tuple[datetime, str, str | None] | None:
    """(when, detail, operator login) of the newest entry with this action."""
    found = session.execute(
        select(_JOURNAL.c.at, _JOURNAL.c.detail, _OPERATOR.c.login)
        .select_from(_JOURNAL.outerjoin(_OPERATOR, _JOURNAL.c.operator_id == _OPERATOR.c.id))
        .where(_JOURNAL.c.action == action)
        .order_by(_JOURNAL.c.id.desc())
        .limit(1)
    ).first()
    return (found[0], str(found[1]), found[2]) if found is not None else None


def snapshot(session: Session) -> None:
    """Make the session's reads one snapshot (first statement of its transaction): on PostgreSQL,
    read committed would let the head and the walk see different commits and report a false break.
    SQLite's read transactions (WAL) are one snapshot already."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))


def call_recordings(session: Session) -> list[tuple[int, str | None, str | None]]:
    """(call id, recording path, sha256) of every call with a recording or a fingerprint."""
    rows = session.execute(
        select(_CALL.c.id, _CALL.c.recording_path, _CALL.c.recording_sha256)
        .where(_CALL.c.recording_path.is_not(None) | _CALL.c.recording_sha256.is_not(None))
        .order_by(_CALL.c.id)
    ).all()
    return [(int(r[0]), r[1], r[2]) for r in rows]


def call_ids(session: Session, wanted: Iterable[int]) -> set[int]:
    ids = sorted(set(wanted))
    if not ids:
        return set()
    return {int(i) for i in session.execute(select(_CALL.c.id).where(_CALL.c.id.in_(ids))).scalars()}
