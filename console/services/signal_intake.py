"""The receiver's side of the database: store batches of frames, record faults, hand out AES keys.

A batch is one transaction, and only what an ACK promises: the signals, durable. Retries of a
message already stored (same account, line, sequence and content within the de-duplication
window) are recognised and answered without being stored twice, nor counted as signs of life. The signals go to the inbox;
grouping them into alarms (and raising a plain message from an unknown account as an "unknown
account" alarm) is the placement stage's work (`console.services.placement`), off the ACK path.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta

from sqlalchemy.orm import Session
from sqlmodel import select

from console.receiver.batch import Fault, Outcome, Received, StoreUnavailable
from console.receiver.keyring import Registration
from console.receiver.server import SignalSink
from console.services.alarm_desk import AlarmDesk
from console.storage import inbox as inbox_store
from console.storage import intake as intake_store
from console.storage.engine import Database, DatabaseUnavailable, unavailable_raised
from console.storage.faults import FaultDraft, record_faults
from console.storage.inbox import inbox_of
from console.storage.sealed import load_station_key, unseal_aes_key
from console.storage.tables import TransmitterRow


class SignalIntake(SignalSink):
    def __init__(self, db: Database, desk: AlarmDesk, dedupe_window_s: float = 600.0) -> None:
        self._db = db
        self._desk = desk
        self._dedupe_window = timedelta(seconds=dedupe_window_s)
        self._inbox = inbox_of(db)
        self._opened_keys: dict[str, bytes] = {}  # sealed value -> AES key, as of the last reload

    def store(self, batch: Sequence[Received]) -> Sequence[Outcome]:
        try:
            if self._inbox is not self._db:
                with unavailable_raised():
                    return self._store_in_inbox_file(batch)
            return self._desk.in_transaction(lambda session: self._store(session, batch))
        except DatabaseUnavailable as exc:  # down, as opposed to refusing this batch's content
            raise StoreUnavailable(str(exc)) from exc

    def _store_in_inbox_file(self, batch: Sequence[Received]) -> list[Outcome]:
        """SQLite: the batch goes to the inbox file only, so an ACK never waits for the placer.

        Link tests are queued for the placer to apply to supervision (retries are not: the
        original counted already, and a replayed copy must not keep a cut line looking alive). The signal table is searched for retries while the inbox file's write lock is
        held: the placer deletes filed rows from the inbox only after filing them, so a message is
        always found in one place or the other.
        """
        since = min(item.received_at for item in batch) - self._dedupe_window
        messages = [(item.account, item.sequence, item.dedupe_key) for item in batch if not item.is_link_test]
        with self._inbox.write() as inbox:
            seen = intake_store.inbox_dedupe_keys(inbox, messages)
            if messages:  # a batch of link tests only has nothing to look up in the main database
                with self._db.read() as main:
                    seen |= intake_store.filed_dedupe_keys(main, messages, since)
            outcomes: list[Outcome] = []
            rows: list[tuple[object, ...]] = []
            tests: list[tuple[str, str, object, Mapping[str, str]]] = []
            for item in batch:
                if item.is_link_test:
                    at = intake_store.storable_time(inbox, item.received_at)
                    tests.append((item.account.upper(), item.line, at, item.extended))
                    outcomes.append(Outcome.LINK_TEST)
                elif item.dedupe_key in seen:
                    outcomes.append(Outcome.DUPLICATE)  # a retry or a replay: no new sign of life
                else:
                    seen.add(item.dedupe_key)
                    rows.extend(intake_store.inbox_row(signal, item.dedupe_key) for signal in item.signals)
                    outcomes.append(Outcome.STORED)
            intake_store.append_signals(inbox, rows)
            inbox_store.append_link_tests(inbox, tests)
        return outcomes

    def _store(self, session: Session, batch: Sequence[Received]) -> list[Outcome]:
        since = min(item.received_at for item in batch) - self._dedupe_window
        seen = intake_store.stored_dedupe_keys(
            session,
            ((item.account, item.sequence, item.dedupe_key) for item in batch if not item.is_link_test),
            since,
        )
        outcomes: list[Outcome] = []
        rows: list[tuple[object, ...]] = []
        for item in batch:
            if item.is_link_test:
                self._desk.note_link_test(session, item.account, item.line, item.received_at, item.extended)
                outcomes.append(Outcome.LINK_TEST)
            elif item.dedupe_key in seen:
                # Stored already. Not a sign of life: the original was one, and a copy replayed by
                # someone who cut the line would otherwise keep the supervision satisfied.
                outcomes.append(Outcome.DUPLICATE)
            else:
                seen.add(item.dedupe_key)
                rows.extend(intake_store.inbox_row(signal, item.dedupe_key) for signal in item.signals)
                outcomes.append(Outcome.STORED)
        intake_store.append_signals(session, rows)
        return outcomes

    def record_faults(self, faults: Sequence[Fault]) -> None:
        drafts = [FaultDraft(f.at, f.kind, f.detail, f.peer, f.account, f.skew_s, f.raw) for f in faults]
        with self._db.write() as session:
            record_faults(session, drafts)

    def registrations(self) -> list[Registration]:
        """Every transmitter with its key: the receiver decrypts, and refuses plain frames, per
        (account, line), and rate-limits frames of any other account per peer.

        Keys are unsealed here, once per reload (never per frame), and a key unsealed at an
        earlier reload is taken from memory: a reload of a large station opens only what changed.
        The station key file is read only when there is something new to open."""
        with self._db.read() as session:
            rows = session.execute(
                select(TransmitterRow.account, TransmitterRow.line, TransmitterRow.aes_key)
            ).all()
        opened: dict[str, bytes] = {}
        station_key: bytes | None = None
        for _account, _line, stored in rows:
            if stored is None or stored in opened:
                continue
            known = self._opened_keys.get(stored)
            if known is None:
                station_key = station_key or load_station_key()
                known = unseal_aes_key(stored, station_key)
            opened[stored] = known
        self._opened_keys = opened
        return [Registration(account, line, opened[key] if key else None) for account, line, key in rows]
