"""The chain service on each backend: recordings checked against the chained fingerprint, roles,
the last verification, and published heads catching a rewrite of the whole chain."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from console.domain.alarm import Role
from console.domain.calls import CallDirection, CallPurpose
from console.domain.journal import JournalAction
from console.domain.journal_chain import GENESIS, BreakKind, entry_hash, parse_published
from console.services.authority import AuditRefused
from console.services.call_log import CallLog
from console.services.journal_chain import ChainBroken, JournalChain
from console.storage import journal as journal_store
from console.storage.alarms import append_journal
from console.storage.engine import Database
from tests.factories import T0, SteppingClock, add_operator_to, add_site
from tests.storage.test_journal_chain import note, rogue


def recorded_call(
    db: Database, folder: Path, audio: bytes = b"RIFF....WAVE" + bytes(400)
) -> tuple[int, Path]:
    site_id = add_site(db)
    calls = CallLog(db, "desk-1", clock=lambda: T0)
    record = calls.open_call(
        direction=CallDirection.OUTGOING,
        purpose=CallPurpose.CALLBACK,
        remote_uri="sip:site@example.org",
        at=T0,
        operator=None,
        site_id=site_id,
    )
    path = folder / f"call-{record.id}.wav"
    path.write_bytes(audio)
    calls.set_recording(record.id, path)
    calls.finalise_recording(record.id)
    return record.id, path


def test_a_final_fingerprint_is_journaled_and_the_file_checked(db: Database, tmp_path: Path) -> None:
    call_id, path = recorded_call(db, tmp_path)
    with db.read() as session:
        fingerprints = [
            r for r in journal_store.chained_rows(session) if r.action == "recording_fingerprinted"
        ]
    assert len(fingerprints) == 1 and f"call #{call_id}" in fingerprints[0].detail
    chain = JournalChain(db)
    first = chain.verify()
    assert first.intact and first.recordings == 1, first.summary()
    with path.open("r+b") as handle:  # one byte of the audio changed
        handle.seek(100)
        handle.write(b"\x01")
    altered = chain.verify().problem
    assert altered is not None and altered.kind is BreakKind.RECORDING_ALTERED
    assert f"recording of call #{call_id}: recording altered" in altered.message
    path.unlink()
    missing = chain.verify().problem
    assert missing is not None and missing.kind is BreakKind.RECORDING_MISSING


def test_a_fingerprint_edited_in_the_call_record_is_found(db: Database, tmp_path: Path) -> None:
    call_id, path = recorded_call(db, tmp_path)
    path.write_bytes(b"other audio")  # file and record changed together: the chain still knows
    with db.write() as session:
        session.execute(
            text("UPDATE call SET recording_sha256 = :h WHERE id = :i"),
            {"h": hashlib.sha256(b"other audio").hexdigest(), "i": call_id},
        )
    problem = JournalChain(db).verify().problem
    assert problem is not None and problem.kind is BreakKind.FINGERPRINT_EDITED


def test_the_outcome_is_journaled_and_shown_as_the_last_verification(db: Database) -> None:
    supervisor = add_operator_to(db, "chef", Role.SUPERVISOR)
    clock = SteppingClock()
    chain = JournalChain(db, clock=clock)
    assert chain.last_verification() is None
    note(db, 2)
    result = chain.verify(supervisor)
    last = chain.last_verification()
    assert last is not None and last.by == "chef" and last.outcome == result.summary()
    assert last.outcome.startswith("chain intact: 2 entries")
    again = chain.verify()  # the first verification's own entry is in the chain now
    assert again.entries == 3 and chain.last_verification() is not None


def test_an_operator_may_not_verify_nor_publish_and_the_refusal_is_journaled(
    db: Database, tmp_path: Path
) -> None:
    operator = add_operator_to(db, "amelie", Role.OPERATOR)
    chain = JournalChain(db)
    with pytest.raises(AuditRefused):
        chain.verify(operator)
    result = chain.verify()
    with pytest.raises(AuditRefused):
        chain.publish(result, tmp_path / "heads.txt", operator)
    assert not (tmp_path / "heads.txt").exists()
    with db.read() as session:
        actions = [r.action for r in journal_store.chained_rows(session)]
    assert actions == [JournalAction.AUDIT_REFUSED, JournalAction.CHAIN_VERIFIED, JournalAction.AUDIT_REFUSED]


def test_published_heads_catch_a_rewrite_of_the_whole_chain(db: Database, tmp_path: Path) -> None:
    heads = tmp_path / "heads.txt"
    clock = SteppingClock()
    chain = JournalChain(db, clock=clock)
    note(db, 4)
    published = chain.publish(chain.verify(), heads)
    assert heads.read_text() == published.line() and published.position == 4
    with db.write() as session:
        append_journal(session, at=T0 + timedelta(hours=1), action=JournalAction.NOTE, detail="later")
    # the rogue edits entry 2 and recomputes every hash after it, head included
    with rogue(db) as conn:
        conn.execute(text("UPDATE journal SET detail = 'nothing to see' WHERE position = 2"))
        rows = conn.execute(
            text(
                "SELECT id, at, action, detail, operator_id, alarm_id, site_id FROM journal ORDER BY position"
            )
        ).all()
        previous = GENESIS
        for position, row in enumerate(rows, start=1):
            at = datetime.fromisoformat(row.at) if isinstance(row.at, str) else row.at  # SQLite: text
            at = at if at.tzinfo else at.replace(tzinfo=UTC)
            previous = entry_hash(
                previous, position, at, row.action, row.detail, row.operator_id, row.alarm_id, row.site_id
            )
            conn.execute(text("UPDATE journal SET hash = :h WHERE id = :i"), {"h": previous, "i": row.id})
        conn.execute(text("UPDATE journal_head SET hash = :h"), {"h": previous})
    assert chain.verify().intact  # without the published heads the rewrite holds together
    against = chain.verify(published=parse_published(heads.read_text()))
    assert against.problem is not None and against.problem.kind is BreakKind.REWRITTEN
    assert f"published on {published.day} (position 4)" in against.problem.message
    with pytest.raises(ChainBroken):
        chain.publish(against, heads)
    assert heads.read_text() == published.line()  # nothing added for a broken chain


def test_a_published_head_beyond_the_journal_means_entries_deleted(db: Database, tmp_path: Path) -> None:
    chain = JournalChain(db)
    note(db, 3)
    head = chain.publish(chain.verify(), tmp_path / "heads.txt")
    with rogue(db) as conn:
        conn.execute(text("DELETE FROM journal WHERE position >= 2"))
        conn.execute(
            text("UPDATE journal_head SET position = 1, hash = (SELECT hash FROM journal WHERE position = 1)")
        )
    problem = chain.verify(published=[head]).problem
    assert problem is not None and problem.kind is BreakKind.MISSING and problem.position == head.position


def test_published_files_are_read_strictly() -> None:
    good = "# heads\n2026-12-01 4 " + "a" * 64 + "\n\n"
    assert [h.position for h in parse_published(good)] == [4]
    with pytest.raises(ValueError, match=r"heads\.txt:2"):
        parse_published("2026-12-01 4 " + "a" * 64 + "\n2026-12-02 five nope\n", "heads.txt")
