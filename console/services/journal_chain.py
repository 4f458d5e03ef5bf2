"""Verifying the journal's chain and the recordings it vouches for, and publishing its head.

One service for `vigie verify` and the supervision window's journal page. A verification walks
every chained entry in position order, streamed (a million entries never sit in memory), in one
read snapshot; then compares the head row with where the walk ended, looks for rows put in by
plain SQL (no position), and checks each recording on disk against the fingerprint the chain
holds for its call. Only the first break is reported: after it, every later hash is suspect
anyway. The outcome is journaled (CHAIN_VERIFIED), so the last verification is itself in the
chain and the supervision page can show it.

Publishing the head (a line a day, in a file the supervisor keeps elsewhere: a printed register,
another server) is what catches a rewrite of the whole chain: a rewritten chain no longer holds a
published hash at its position (`verify(published=...)`).

From the console the operator must be a supervisor or an admin (`Authority.require`); the command
line passes no operator (it holds the database's credentials already).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from console.domain.alarm import Operator
from console.domain.journal import JournalAction
from console.domain.journal_chain import BreakKind, ChainBreak, PublishedHead, WalkResult, walk_chain
from console.services.authority import Authority
from console.services.recording_files import fingerprint
from console.storage import journal as journal_store
from console.storage.alarms import append_journal
from console.storage.engine import Database, unavailable_raised

Progress = Callable[[int, int], None]  # (entries checked, entries in the chain)


@dataclass(frozen=True, slots=True)
class Verification:
    entries: int
    head_position: int
    head_hash: str
    problem: ChainBreak | None
    recordings: int = 0

    @property
    def intact(self) -> bool:
        return self.problem is None

    def summary(self) -> str:
        if self.problem is None:
            recordings = f", {self.recordings} recordings" if self.recordings else ""
            return f"chain intact: {self.entries} entries{recordings}, head {self.head_hash}"
        return f"chain broken: {self.problem.message}"


@dataclass(frozen=True, slots=True)
class LastVerification:
    at: datetime
    by: str | None  # operator login; None for `vigie verify`
    outcome: str


class ChainBroken(Exception):
    """Refused to publish the head of a chain that does not verify."""


class JournalChain:
    def __init__(
        self,
        db: Database,
        authority: Authority | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._db = db
        self._clock = clock
        self._authority = authority if authority is not None else Authority(db, clock)

    def verify(
        self,
        operator: Operator | None = None,
        *,
        published: Sequence[PublishedHead] = (),
        progress: Progress | None = None,
    ) -> Verification:
        """Walk the chain and the recordings; journal the outcome. Raises AuditRefused (an
        operator's session) or DatabaseUnavailable; a break is a result, not an exception."""
        if operator is not None:
            self._authority.require(operator, "verify the journal chain")
        with unavailable_raised(), self._db.read() as session:
            journal_store.snapshot(session)
            head_position, head_hash = journal_store.chain_head(session)
            walked = walk_chain(
                journal_store.chained_rows(session),
                published,
                (lambda done: progress(done, head_position)) if progress is not None else None,
            )
            problem = walked.first_break or _head_problem(walked, head_position, head_hash)
            if problem is None:
                unchained = journal_store.unchained_row(session)
                if unchained is not None:
                    first_id, count = unchained
                    problem = ChainBreak(
                        BreakKind.INSERTED,
                        f"{count} journal rows outside the chain (no position), the first journal id "
                        f"{first_id}: inserted",
                        None,
                        first_id,
                    )
            recordings = journal_store.call_recordings(session)
            known_calls = journal_store.call_ids(session, walked.fingerprints)
        checked = 0
        if problem is None:
            problem, checked = _recording_problem(recordings, walked.fingerprints, known_calls)
        result = Verification(walked.entries, walked.head_position, walked.head_hash, problem, checked)
        self._journal(operator, JournalAction.CHAIN_VERIFIED, result.summary())
        return result

    def publish(
        self, verification: Verification, path: Path, operator: Operator | None = None
    ) -> PublishedHead:
        """Append the verified head to `path` (one line: day, position, hash) and journal it."""
        if operator is not None:
            self._authority.require(operator, "publish the journal chain's head")
        if not verification.intact:
            raise ChainBroken(f"not published: {verification.summary()}")
        head = PublishedHead(
            self._clock().date().isoformat(), verification.head_position, verification.head_hash
        )
        with Path(path).open("a", encoding="utf-8") as handle:
            handle.write(head.line())
        self._journal(
            operator,
            JournalAction.CHAIN_PUBLISHED,
            f"head at position {head.position} ({head.hash}) to {path}",
        )
        return head

    def last_verification(self) -> LastVerification | None:
        with unavailable_raised(), self._db.read() as session:
            found = journal_store.last_entry(session, JournalAction.CHAIN_VERIFIED.value)
        if found is None:
            return None
        at, outcome, login = found
        return LastVerification(at, login, outcome)

    def _journal(self, operator: Operator | None, action: JournalAction, detail: str) -> None:
        with unavailable_raised(), self._db.write() as session:
            append_journal(
                session,
                at=self._clock(),
                action=action,
                detail=detail,
                operator_id=operator.id if operator is not None else None,
            )


def _head_problem(walked: WalkResult, position: int, head_hash: str) -> ChainBreak | None:
    """The head row against where the walk ended: the last entries deleted, or some appended
    without moving the head (by plain SQL)."""
    end = walked.head_position
    if position > end:
        return ChainBreak(
            BreakKind.MISSING,
            f"entry at position {end + 1} missing (deleted): the journal ends at {end}, its head says {position}",
            end + 1,
        )
    if position < end:
        return ChainBreak(
            BreakKind.INSERTED,
            f"entry at position {position + 1}: inserted after the chain's head ({position})",
            position + 1,
        )
    if head_hash != walked.head_hash:
        return ChainBreak(
            BreakKind.EDITED, f"entry at position {end}: edited (the chain's head holds another hash)", end
        )
    return None


def _recording_problem(
    recordings: Sequence[tuple[int, str | None, str | None]], chained: dict[int, str], known: set[int]
) -> tuple[ChainBreak | None, int]:
    """The first recording whose file or call record no longer matches the chained fingerprint."""
    checked = 0
    for call_id, path, recorded in recordings:
        expected = chained.get(call_id)
        if expected is None:
            if recorded is not None:
                return _broken(
                    BreakKind.FINGERPRINT_EDITED, call_id, "its fingerprint is in no journal entry"
                ), checked
            continue  # still recording, or the file was missing when the call ended (journaled then)
        if recorded != expected:
            return _broken(
                BreakKind.FINGERPRINT_EDITED, call_id, "its record's fingerprint differs from the journal's"
            ), checked
        if path is None:
            return _broken(
                BreakKind.RECORDING_MISSING, call_id, "its record no longer names the file"
            ), checked
        try:
            _, digest = fingerprint(path)
        except OSError as exc:
            return _broken(BreakKind.RECORDING_MISSING, call_id, f"{path}: {exc.strerror or exc}"), checked
        if digest != expected:
            return _broken(
                BreakKind.RECORDING_ALTERED, call_id, f"{path} no longer matches its fingerprint"
            ), checked
        checked += 1
    gone = sorted(set(chained) - known)
    if gone:
        return _broken(
            BreakKind.RECORDING_MISSING, gone[0], "fingerprinted in the journal, its call record is gone"
        ), checked
    return None, checked


def _broken(kind: BreakKind, call_id: int, why: str) -> ChainBreak:
    return ChainBreak(kind, f"recording of call #{call_id}: {kind.value} ({why})")
