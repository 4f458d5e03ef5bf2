"""The journal's hash chain: what each entry's hash covers, and the walk that finds the first break.

Every journal entry has a position (1, 2, 3, ... with no gap: its own sequence, not the row id,
which PostgreSQL may skip on a rollback) and a hash: SHA-256 over the previous entry's hash and a
canonical encoding of the entry's fields, position included. Editing a row changes its hash;
deleting one leaves a gap, or, renumbered, breaks the hash of the next; inserting one breaks the
hash of the one after it, unless every later hash is recomputed too: that rewrite is what the
published heads (a line a day in a file kept elsewhere) give away.

The encoding is frozen: changing it would break every chain already written (a new one would need
a version of its own). Plain Python, no database: the storage streams rows in, the migration that
chains older rows uses the same function.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from console.domain.journal import JournalAction

GENESIS = "0" * 64
"""The 'previous hash' of the first entry."""

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # built once: verify's hot loop
_FINGERPRINT = re.compile(r"call #(\d+) .*sha256 ([0-9a-f]{64})")


def entry_hash(
    previous: str,
    position: int,
    at: datetime,
    action: str,
    detail: str,
    operator_id: int | None,
    alarm_id: int | None,
    site_id: int | None,
) -> str:
    """The entry's hash. JSON of a fixed list is unambiguous whatever the detail holds (quotes,
    newlines, separators), and `at` is written in UTC with microseconds, as both backends keep it."""
    if at.tzinfo is not UTC:
        if at.tzinfo is None:
            raise ValueError("a journal time must be timezone-aware")
        at = at.astimezone(UTC)
    fields = _ENCODER.encode(
        [position, at.isoformat(timespec="microseconds"), action, detail, operator_id, alarm_id, site_id]
    )
    return hashlib.sha256(f"{previous}\n{fields}".encode()).hexdigest()


def fingerprint_detail(call_id: int, size: int, sha256: str) -> str:
    """The wording of a recording's fingerprint entry; `recorded_fingerprint` reads it back."""
    return f"recording of call #{call_id} final: {size} bytes, sha256 {sha256}"


def recorded_fingerprint(detail: str) -> tuple[int, str] | None:
    """(call id, sha256) of a fingerprint entry's detail."""
    found = _FINGERPRINT.search(detail)
    return (int(found.group(1)), found.group(2)) if found else None


@dataclass(frozen=True, slots=True)
class ChainRow:
    """One journal row as stored: what the hash covers, and the position and hash it was given."""

    journal_id: int
    position: int | None
    hash: str | None
    at: datetime
    action: str
    detail: str
    operator_id: int | None
    alarm_id: int | None
    site_id: int | None

    def hash_at(self, previous: str, position: int) -> str:
        return entry_hash(
            previous,
            position,
            self.at,
            self.action,
            self.detail,
            self.operator_id,
            self.alarm_id,
            self.site_id,
        )


class BreakKind(StrEnum):
    EDITED = "edited"
    MISSING = "missing"
    INSERTED = "inserted"
    REWRITTEN = "rewritten"  # a published head is no longer in the chain
    RECORDING_ALTERED = "recording altered"
    RECORDING_MISSING = "recording missing"
    FINGERPRINT_EDITED = "fingerprint edited"


@dataclass(frozen=True, slots=True)
class ChainBreak:
    kind: BreakKind
    message: str
    position: int | None = None
    journal_id: int | None = None


@dataclass(frozen=True, slots=True)
class PublishedHead:
    """One line of a file of published heads: the day, the position and the hash then."""

    day: str
    position: int
    hash: str

    def line(self) -> str:
        return f"{self.day} {self.position} {self.hash}\n"


def parse_published(text: str, source: str = "") -> list[PublishedHead]:
    """Lines `DAY POSITION HASH`; blank lines and # comments skipped; ValueError names a bad line."""
    heads = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 3 or not parts[1].isdigit() or not re.fullmatch(r"[0-9a-f]{64}", parts[2]):
            raise ValueError(f"{source}:{number}: expected 'DAY POSITION SHA256', not {line[:80]!r}")
        heads.append(PublishedHead(parts[0], int(parts[1]), parts[2]))
    return heads


@dataclass
class WalkResult:
    """What the walk saw: entries checked, the last position and hash, the first break if any, and
    the recording fingerprints the chain holds (call id -> sha256, the last one of each call)."""

    entries: int = 0
    head_position: int = 0
    head_hash: str = GENESIS
    first_break: ChainBreak | None = None
    fingerprints: dict[int, str] = field(default_factory=dict)


def _where(position: int, journal_id: int) -> str:
    return f"entry at position {position} (journal id {journal_id})"


def walk_chain(
    rows: Iterable[ChainRow],
    published: Iterable[PublishedHead] = (),
    progress: Callable[[int], None] | None = None,
) -> WalkResult:
    """Check `rows` (in position order, positioned rows only) and stop at the first break.

    One row of look-ahead and one of look-behind tell an inserted row from an edited one: if the
    next row's hash holds when this row is skipped, this row was put in (and the rest renumbered);
    if this row's hash holds over the hash before the previous one, the previous row was put in.
    """
    result = WalkResult()
    wanted: Mapping[int, PublishedHead] = {head.position: head for head in published}
    previous, before_previous, expected = GENESIS, GENESIS, 1
    iterator = iter(rows)
    row = next(iterator, None)
    while row is not None:
        following = next(iterator, None)
        position = row.position or 0
        if position > expected:
            missing = f"{expected}" if position == expected + 1 else f"{expected} to {position - 1}"
            result.first_break = ChainBreak(
                BreakKind.MISSING,
                f"entry at position {missing} missing (deleted) before journal id {row.journal_id}",
                expected,
                row.journal_id,
            )
            return result
        if position < expected:
            result.first_break = ChainBreak(
                BreakKind.INSERTED,
                f"{_where(position, row.journal_id)}: inserted (its position is taken)",
                position,
                row.journal_id,
            )
            return result
        if row.hash_at(previous, position) != row.hash:
            result.first_break = _classify(row, following, previous, before_previous)
            return result
        head = wanted.get(position)
        if head is not None and head.hash != row.hash:
            result.first_break = ChainBreak(
                BreakKind.REWRITTEN,
                f"the head published on {head.day} (position {position}) is not in the chain: "
                "the journal was rewritten up to there",
                position,
                row.journal_id,
            )
            return result
        if row.action == JournalAction.RECORDING_FINGERPRINTED:
            recorded = recorded_fingerprint(row.detail)
            if recorded is not None:
                result.fingerprints[recorded[0]] = recorded[1]
        before_previous, previous = previous, row.hash
        result.entries, result.head_position, result.head_hash = position, position, row.hash
        expected += 1
        if progress is not None and position % 10_000 == 0:
            progress(position)
        row = following
    beyond = [head for head in wanted.values() if head.position > result.head_position]
    if beyond:
        head = min(beyond, key=lambda h: h.position)
        result.first_break = ChainBreak(
            BreakKind.MISSING,
            f"the head published on {head.day} is at position {head.position}, but the journal "
            f"ends at {result.head_position}: entries missing (deleted)",
            head.position,
        )
    return result


def _classify(row: ChainRow, following: ChainRow | None, previous: str, before_previous: str) -> ChainBreak:
    position = row.position or 0
    if following is not None and following.hash_at(previous, position) == following.hash:
        return ChainBreak(
            BreakKind.INSERTED,
            f"{_where(position, row.journal_id)}: inserted (the chain holds without it)",
            position,
            row.journal_id,
        )
    if position > 1 and row.hash_at(before_previous, position - 1) == row.hash:
        return ChainBreak(
            BreakKind.INSERTED,
            f"entry at position {position - 1}: inserted (the chain holds without it, "
            f"from journal id {row.journal_id} on)",
            position - 1,
        )
    return ChainBreak(
        BreakKind.EDITED,
        f"{_where(position, row.journal_id)}: edited (its fields no longer match its hash)",
        position,
        row.journal_id,
    )
