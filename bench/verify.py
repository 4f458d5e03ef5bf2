"""Benchmark: `vigie verify` throughput (journal entries checked per second), and chained appends.

What it does
------------
1. Makes a fresh database: a SQLite file in a temporary folder by default, or with ``--pg URL``
   (a PostgreSQL server URL, e.g. ``postgresql+psycopg://postgres@127.0.0.1:5432/test``) a new
   database ``vigie_bench_XXXX`` on that server, dropped at the end. Migrates it.
2. Fills it with ``-n`` journal entries (1 000 000 by default) through the one path the console
   uses (``console.storage.journal``: head row locked, entries numbered and hashed, inserted), in
   transactions of ``--batch`` entries (10 000), and prints the fill rate.
3. Times ``JournalChain.verify()`` (what ``vigie verify --db URL`` runs: the whole chain streamed in
   position order, every hash recomputed, the head and the rows outside the chain checked, the
   outcome journaled) and prints entries per second. It must report the chain intact.
4. With ``--writers K`` (K > 0), also runs K threads appending one entry per transaction (a
   console's pattern) for ``--seconds`` and prints the commits per second: what serialising the
   appends on the head row costs with several workstations writing at once. On SQLite the writers
   queue on the file's write lock anyway.

Usage: ``PYTHONPATH=. .venv/bin/python bench/verify.py [-n 1000000] [--pg URL] [--writers 8]``.
Wall-clock figures depend on whatever else the machine is doing (run it on a quiet machine); the
verify line also gives this process's CPU time, steadier on a busy one (the database server's work
on PostgreSQL is not in it).
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from console.domain.journal import JournalAction
from console.services.journal_chain import JournalChain
from console.storage import journal as journal_store
from console.storage import migrate
from console.storage.alarms import append_journal
from console.storage.engine import Database
from console.storage.journal import JournalDraft

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def fill(db: Database, count: int, batch: int) -> float:
    """Entries per second written through the chain, `batch` per transaction."""
    start = time.perf_counter()
    done = 0
    while done < count:
        size = min(batch, count - done)
        with db.write(durable=False) as session:
            journal_store.append_many(
                session,
                (
                    JournalDraft(
                        at=T0 + timedelta(seconds=done + i),
                        action=JournalAction.ALARM_RAISED.value,
                        detail=f"Intrusion zone {(done + i) % 64} — site BENCH-{(done + i) % 500:04d}",
                    )
                    for i in range(size)
                ),
            )
        done += size
    return count / (time.perf_counter() - start)


def concurrent_appends(db: Database, writers: int, seconds: float) -> float:
    """Commits per second of `writers` threads each appending one entry per transaction."""
    stop = time.perf_counter() + seconds
    counts = [0] * writers
    errors: list[BaseException] = []

    def work(index: int) -> None:
        try:
            while time.perf_counter() < stop:
                with db.write() as session:
                    append_journal(
                        session, at=datetime.now(UTC), action=JournalAction.NOTE, detail=f"w{index}"
                    )
                counts[index] += 1
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(writers)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return sum(counts) / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1_000_000, help="journal entries to fill (1000000)")
    parser.add_argument("--pg", metavar="URL", help="a PostgreSQL server URL: bench a new database there")
    parser.add_argument("--batch", type=int, default=10_000, help="entries per fill transaction (10000)")
    parser.add_argument("--writers", type=int, default=0, help="also time K concurrent single-entry writers")
    parser.add_argument("--seconds", type=float, default=5.0, help="how long the writers run (5)")
    args = parser.parse_args()

    admin = None
    name = ""
    if args.pg:
        name = f"vigie_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(args.pg, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(args.pg).set(database=name).render_as_string(hide_password=False)
    else:
        url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='vigie-bench-verify-')) / 'bench.sqlite'}"
    try:
        db = Database.from_url(url)
        migrate.upgrade(db.engine)
        print(f"database: {db.dialect} ({'new database ' + name if name else url})")
        rate = fill(db, args.n, args.batch)
        print(f"fill: {args.n} chained entries at {rate:,.0f} entries/s ({args.batch} per transaction)")
        start, cpu = time.perf_counter(), time.process_time()
        result = JournalChain(db).verify()
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(result.summary())
        print(
            f"verify: {result.entries} entries in {elapsed:.2f} s = {result.entries / elapsed:,.0f} entries/s"
            f" (this process's CPU: {cpu:.2f} s, {result.entries / cpu:,.0f} entries per CPU second)"
        )
        if args.writers > 0:
            commits = concurrent_appends(db, args.writers, args.seconds)
            print(f"appends: {args.writers} writers, one entry per transaction: {commits:,.0f} commits/s")
            again = JournalChain(db).verify()
            print(f"after the writers: {again.summary()}")
        db.dispose()
        return 0 if result.intact else 1
    finally:
        if admin is not None:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
