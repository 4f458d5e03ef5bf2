"""Benchmark: the history search on a large station, and the data generator for the other audits.

The issue: "Generate a large station (5 000 sites, one year: 10 M signals, 1 M alarms, 200 k calls,
5 M journal entries; on SQLite and on the PostgreSQL at 127.0.0.1:5432) and print: one site over 30
days, p95 of 20 searches (target under 100 ms); a text search in comments (under 500 ms); the
year's station report (under 3 s); console cold start to a usable queue (under 2 s); `vigie verify`
throughput."

    .venv/bin/python bench/history.py                                  # SQLite in a temp dir, scale 0.1
    .venv/bin/python bench/history.py --db sqlite:////tmp/big.sqlite --scale 1 --keep
    .venv/bin/python bench/history.py --db postgresql+psycopg://postgres@127.0.0.1:5432/vigie_bench
    .venv/bin/python bench/history.py --db URL --reuse                 # measure again, no generation

`--scale 1.0` is the whole station (5 000 sites and every count above); 0.1 is a tenth of the
sites and of every count, so each site keeps the full station's density (about 2 000 signals,
200 alarms, 1 000 journal lines a year) and the per-site figures mean the same. Generation writes
in time order, one transaction per simulated day, with every index of the schema in place (the
figures are those of a station that grew this way): SQLite through `executemany` on the driver's
connection, PostgreSQL through `COPY` (psycopg 3). A PostgreSQL database that does not exist is
created; one that holds station data is refused unless `--reuse`.

Searches go through `HistorySearch.page` (the view's call: 200 rows, the first page) as a
supervisor. Site searches: 20 random sites, a random 30-day window each, for alarms, signals and
journal. Text searches: 20 per word class in the alarms' comments and the journal's details, the
classes being words the generator puts in about 10 %, 1 % and 0.1 % of the comments.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from console.domain.alarm import Disposition, Operator, Role
from console.domain.history import HistoryQuery
from console.domain.journal_chain import entry_hash
from console.services.authority import Authority
from console.services.history import HistorySearch
from console.services.journal_chain import JournalChain
from console.services.reports import station_report_seconds
from console.storage import migrate, report_summary
from console.storage.demo_mark import holds_station_data
from console.storage.engine import Database

FULL = {"sites": 5000, "signals": 10_000_000, "alarms": 1_000_000, "calls": 200_000, "journal": 5_000_000}
YEAR_START = datetime(2025, 12, 1, tzinfo=UTC)
OPEN_HOURS = 2  # the year's last hours: alarms still open, for the cold start's queue
DAYS = 365
EVENTS = [  # (category, system, code, priority, weight): the priorities of console.domain.priority
    ("intrusion", "CID", "130", 2, 40),
    ("intrusion", "CID", "134", 2, 10),
    ("fire", "CID", "110", 1, 4),
    ("panic", "CID", "120", 1, 3),
    ("technical", "CID", "301", 3, 15),
    ("technical", "CID", "302", 3, 12),
    ("tamper", "CID", "137", 2, 6),
    ("supervision", "CID", "350", 3, 10),
]
QUIET = [("test", "CID", "602", 4), ("open_close", "CID", "401", 4)]  # signals that raise no alarm
COMMON = [
    "client",
    "prévenu",
    "gardien",
    "sur",
    "place",
    "fenêtre",
    "ouverte",
    "porte",
    "mal",
    "fermée",
    "détecteur",
    "volumétrique",
    "zone",
    "rappel",
    "contact",
    "mot",
    "de",
    "passe",
    "correct",
    "levée",
    "de",
    "doute",
    "négative",
    "vidéo",
    "rien",
    "à",
    "signaler",
    "agent",
    "envoyé",
    "ronde",
    "effectuée",
    "personnel",
    "présent",
    "retour",
    "normal",
    "batterie",
    "faible",
    "secteur",
    "rétabli",
    "test",
    "manuel",
]
PROBES = {"entrepôt": 0.10, "sirène": 0.01, "chevreuil": 0.001}  # word: share of comments holding it
ACTIONS = ("take", "verify", "note")


def _utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


class Writer:
    """Bulk rows into one table per call, the fastest way each backend offers."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.pg = db.dialect == "postgresql"
        self.raw: Any = db.engine.raw_connection()
        self.cur = self.raw.cursor()
        # The load is not what is measured: no flush to disk per simulated day.
        if self.pg:
            self.cur.execute("SET synchronous_commit = off")
        else:
            self.cur.execute("PRAGMA cache_size = -1000000")  # 1 GB of page cache
            self.cur.execute("PRAGMA synchronous = OFF")
            self.cur.execute(
                "BEGIN"
            )  # the engine's connections are in autocommit mode: one transaction a day

    def rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        names = ", ".join(columns)
        if self.pg:
            with self.cur.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" * len(columns))
            self.cur.executemany(
                f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                [[_utc_text(v) if isinstance(v, datetime) else v for v in row] for row in rows],
            )

    def commit(self) -> None:
        if self.pg:
            self.raw.commit()
        else:
            self.cur.execute("COMMIT")
            self.cur.execute("BEGIN")

    def close(self) -> None:
        if not self.pg:
            self.cur.execute("COMMIT")
        self.raw.close()


def _comment(rng: random.Random) -> str:
    words = rng.choices(COMMON, k=rng.randint(5, 10))
    for word, share in PROBES.items():
        if rng.random() < share:
            words.insert(rng.randrange(len(words) + 1), word)
    return " ".join(words).capitalize()


def generate(db: Database, scale: float, seed: int, log: Callable[[str], None]) -> dict[str, int]:
    rng = random.Random(seed)
    counts = {k: max(1, round(v * scale)) for k, v in FULL.items()}
    w = Writer(db)
    now = datetime.now(UTC)
    sites = counts["sites"]
    w.rows(
        "site",
        [
            "id",
            "code",
            "name",
            "address",
            "postcode",
            "city",
            "timezone",
            "accessibility_needs",
            "notes",
            "created_at",
        ],
        [
            (
                i,
                f"S{i:05d}",
                f"Site {i} {rng.choice(['Pharmacie', 'Banque', 'Entrepôt', 'Mairie'])}",
                "",
                "",
                "",
                "Europe/Paris",
                "",
                "",
                now,
            )
            for i in range(1, sites + 1)
        ],
    )
    w.rows(
        "transmitter",
        ["id", "site_id", "account", "line", "receiver", "protocol", "created_at"],
        [(i, i, f"{0xA0000 + i:X}", "1", "", "", now) for i in range(1, sites + 1)],
    )
    w.rows(
        "operator",
        ["id", "login", "display_name", "role", "password_hash", "active", "created_at"],
        [
            (
                i,
                f"op{i:02d}",
                f"Operator {i}",
                "supervisor" if i <= 5 else "operator",
                "!bench: no sign-in",
                True,
                now,
            )
            for i in range(1, 61)
        ],
    )
    w.commit()
    if w.pg:  # ids given explicitly: move the sequences past them
        for table in ("site", "transmitter", "operator"):
            w.cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM \"{table}\"))"
            )
        w.commit()
    per_day = {k: counts[k] / DAYS for k in ("alarms", "signals", "calls", "journal")}
    dispositions = [d.value for d in Disposition]
    events = [e[:4] for e in EVENTS]
    weights = [e[4] for e in EVENTS]
    alarm_id = signal_id = journal_id = call_id = 0
    open_sites: set[int] = set()
    # The journal is chained (console/storage/journal.py): each row written here gets its position
    # and hash as the console would give them, so `vigie verify` walks a real chain afterwards.
    w.cur.execute("SELECT position, hash FROM journal_head WHERE id = 1")
    head = w.cur.fetchone()
    assert head is not None, "journal_head is made by migration 0012"
    chain_position, chain_hash = int(head[0]), str(head[1])
    started = time.perf_counter()
    for day in range(DAYS):
        base = YEAR_START + timedelta(days=day)
        n_alarms = int(per_day["alarms"] * (day + 1)) - int(per_day["alarms"] * day)
        alarm_times = sorted(rng.random() * 86400 for _ in range(n_alarms))
        alarms: list[tuple[Any, ...]] = []
        signals: list[tuple[Any, ...]] = []
        journal: list[tuple[Any, ...]] = []
        calls: list[tuple[Any, ...]] = []
        for offset in alarm_times:
            alarm_id += 1
            at = base + timedelta(seconds=offset)
            site = rng.randint(1, sites)
            category, system, code, priority = rng.choices(events, weights)[0]
            operator = rng.randint(1, 60)
            closed = at + timedelta(seconds=rng.randint(60, 1800))
            comment = _comment(rng)
            zone = rng.randint(1, 24)
            # The year's last two hours are still being handled: those alarms are open (one per
            # site at most, as the schema wants), so the console's cold start has a queue to load.
            still_open = day == DAYS - 1 and offset > 86400 - OPEN_HOURS * 3600 and site not in open_sites
            if still_open:
                open_sites.add(site)
            alarms.append(
                (
                    alarm_id,
                    site,
                    f"{0xA0000 + site:X}",
                    "new" if still_open else "closed",
                    priority,
                    category,
                    "",
                    at,
                    at,
                    3,
                    None if still_open else at + timedelta(seconds=20),
                    None if still_open else closed,
                    None if still_open else operator,
                    None if still_open else operator,
                    None if still_open else rng.choice(dispositions),
                    None if still_open else comment,
                    1,
                    f"{system}:{code}",
                    zone,
                    "",
                    0,
                )
            )
            for n in range(3):
                signals.append(
                    (
                        at + timedelta(seconds=n * 7),
                        site,
                        site,
                        alarm_id,
                        f"{0xA0000 + site:X}",
                        "1",
                        "",
                        "ADM-CID",
                        "1",
                        system,
                        code,
                        category,
                        priority,
                        zone + n,
                        1,
                        "",
                        "",
                        f'"ADM-CID"0001L1#{0xA0000 + site:X}[|1{code} 01 {zone + n:03d}]',
                    )
                )
            journal.append((at, None, alarm_id, site, "alarm_raised", f"{category} at S{site:05d}"))
            if still_open:
                continue
            for step in range(3):
                journal.append(
                    (
                        at + timedelta(seconds=20 + step * 60),
                        operator,
                        alarm_id,
                        site,
                        ACTIONS[step],
                        _comment(rng) if step == 2 else "",
                    )
                )
            journal.append((closed, operator, alarm_id, site, "close", "closed: " + comment))
            if rng.random() < per_day["calls"] / max(per_day["alarms"], 1):
                call_id += 1
                calls.append(
                    (
                        alarm_id,
                        site,
                        operator,
                        "desk-1",
                        "outgoing",
                        "callback",
                        "sip:contact@example.net",
                        at + timedelta(seconds=40),
                        at + timedelta(seconds=90),
                        "completed",
                        rng.choice(["keyholder answered", "no answer", "password correct"]),
                    )
                )
        quiet = int(per_day["signals"] * (day + 1)) - int(per_day["signals"] * day) - 3 * n_alarms
        for offset in sorted(rng.random() * 86400 for _ in range(max(quiet, 0))):
            site = rng.randint(1, sites)
            category, system, code, priority = rng.choice(QUIET)
            signals.append(
                (
                    base + timedelta(seconds=offset),
                    site,
                    site,
                    None,
                    f"{0xA0000 + site:X}",
                    "1",
                    "",
                    "ADM-CID",
                    "1",
                    system,
                    code,
                    category,
                    priority,
                    0,
                    1,
                    "",
                    "",
                    f'"ADM-CID"0001L1#{0xA0000 + site:X}[|1{code} 01 000]',
                )
            )
        signals.sort(key=lambda r: r[0])
        journal.sort(key=lambda r: r[0])
        chained: list[tuple[Any, ...]] = []
        for at, operator_id, alarm_ref, site_ref, action, detail in journal:
            chain_position += 1
            chain_hash = entry_hash(
                chain_hash, chain_position, at, action, detail, operator_id, alarm_ref, site_ref
            )
            chained.append((at, operator_id, alarm_ref, site_ref, action, detail, chain_position, chain_hash))
        w.rows(
            "alarm",
            [
                "id",
                "site_id",
                "account",
                "state",
                "priority",
                "category",
                "title",
                "created_at",
                "last_signal_at",
                "signal_count",
                "taken_at",
                "closed_at",
                "operator_id",
                "closed_by",
                "disposition",
                "closing_comment",
                "version",
                "title_event",
                "title_zone",
                "source",
                "source_accounts",
            ],
            alarms,
        )
        w.rows(
            "signal",
            [
                "received_at",
                "site_id",
                "transmitter_id",
                "alarm_id",
                "account",
                "line",
                "receiver",
                "protocol",
                "qualifier",
                "event_system",
                "event_code",
                "category",
                "priority",
                "zone",
                "partition",
                "peer",
                "extended",
                "raw",
            ],
            signals,
        )
        w.rows(
            "journal",
            ["at", "operator_id", "alarm_id", "site_id", "action", "detail", "position", "hash"],
            chained,
        )
        w.cur.execute(
            "UPDATE journal_head SET position = %s, hash = %s WHERE id = 1"
            if w.pg
            else "UPDATE journal_head SET position = ?, hash = ? WHERE id = 1",
            (chain_position, chain_hash),
        )
        w.rows(
            "call",
            [
                "alarm_id",
                "site_id",
                "operator_id",
                "workstation",
                "direction",
                "purpose",
                "remote_uri",
                "created_at",
                "ended_at",
                "end_status",
                "end_reason",
            ],
            calls,
        )
        w.commit()
        signal_id += len(signals)
        journal_id += len(journal)
        if day % 30 == 29:
            rate = (alarm_id + signal_id + journal_id + call_id) / (time.perf_counter() - started)
            log(
                f"  day {day + 1}/{DAYS}: {alarm_id} alarms, {signal_id} signals, {journal_id} journal, "
                f"{call_id} calls ({rate:,.0f} rows/s)"
            )
    if w.pg:
        w.cur.execute("SELECT setval(pg_get_serial_sequence('alarm', 'id'), (SELECT max(id) FROM alarm))")
        w.commit()
        w.raw.autocommit = True
        w.cur.execute("ANALYZE")  # what autovacuum would have done on a station that grew for a year
    w.close()
    # The rows went in by plain SQL, past the console's upkeep of the report's summaries: rebuilt
    # once here, as migration 0016 does on an existing station.
    began = time.perf_counter()
    with db.write() as session:
        report_summary.rebuild(session)
    log(f"  report summaries rebuilt in {time.perf_counter() - began:.1f} s")
    return {"alarms": alarm_id, "signals": signal_id, "journal": journal_id, "calls": call_id, "sites": sites}


def _timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def measure(db: Database, sites: int, seed: int, searches: int) -> None:
    rng = random.Random(seed + 1)
    search = HistorySearch(db, Authority(db))
    chief = Operator(1, "op01", "Operator 1", Role.SUPERVISOR)
    for kind in ("alarms", "signals", "journal"):
        times, found = [], []
        for _ in range(searches):
            start = YEAR_START + timedelta(days=rng.randint(0, DAYS - 30))
            query = HistoryQuery.from_fields(
                {
                    "kind": kind,
                    "site": f"S{rng.randint(1, sites):05d}",
                    "from": start.isoformat(),
                    "to": (start + timedelta(days=30)).isoformat(),
                }
            )
            started = time.perf_counter()
            page = search.page(chief, query)
            times.append((time.perf_counter() - started) * 1000)
            found.append(len(page.rows))
        print(
            f"one site over 30 days, {kind:8}: p95 {_p95(times):7.1f} ms  max {max(times):7.1f}  "
            f"median {statistics.median(times):6.1f}  (rows per page: median {statistics.median(found):.0f}) "
            f"target < 100 ms"
        )
    for kind in ("alarms", "journal"):
        for word, share in PROBES.items():
            times = []
            for _ in range(searches):
                extra = rng.choice(COMMON) if rng.random() < 0.5 else ""
                query = HistoryQuery.from_fields({"kind": kind, "text": f"{word} {extra}".strip()})
                times.append(_timed(partial(search.page, chief, query)))
            print(
                f"text in {kind:8} '{word}' (~{share:.1%} of comments, sometimes + a common word): "
                f"p95 {_p95(times):7.1f} ms  max {max(times):7.1f}  target < 500 ms"
            )
    print(f"year's station report: {station_report_hook(db)}")
    print(f"console cold start to a usable queue: {cold_start_hook(db)}")
    print(f"vigie verify throughput: {verify_hook(db)}")


# ---- HOOKS for the other helpers' figures: replace each body, keep the signature. ----------------
def station_report_hook(db: Database) -> str:
    """The year's station report on `db`, as `vigie report` builds it (target < 3 s)."""
    seconds = station_report_seconds(db, YEAR_START, YEAR_START + timedelta(days=DAYS))
    return f"{seconds:.2f} s  target < 3 s"


def cold_start_hook(db: Database) -> str:
    """A workstation on `db` (QApplication offscreen, the real queue window and feed) timed from
    its creation to the open alarms in its queue (target < 2 s). Python and Qt are already loaded:
    the process start itself (about a second here) is not counted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from console.services.alarm_desk import AlarmDesk
    from console.services.queue_feed import QueueFeed, SiteDesk
    from console.views.workstation import Workstation

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "console.ini"), QSettings.Format.IniFormat)
    began = time.perf_counter()
    chief = Operator(1, "op01", "Operator 1", Role.SUPERVISOR)
    station = Workstation(AlarmDesk(db), QueueFeed(db), SiteDesk(db), chief, settings)
    loop = QEventLoop()
    station.live_feed.snapshot_loaded.connect(lambda _alarms: loop.quit())
    QTimer.singleShot(60_000, loop.quit)
    station.show()
    loop.exec()
    seconds = time.perf_counter() - began
    rows = station.model.rowCount()
    station.shutdown()
    del app
    return f"{seconds:.2f} s to {rows} open alarms in the queue  target < 2 s"


def verify_hook(db: Database) -> str:
    """`vigie verify`'s walk of the whole chain and the recordings (entries per second)."""
    began = time.perf_counter()
    result = JournalChain(db).verify()
    seconds = time.perf_counter() - began
    outcome = "intact" if result.intact else f"BROKEN: {result.summary()}"
    return f"{result.entries / seconds:,.0f} entries/s ({result.entries:,} entries in {seconds:.1f} s, {outcome})"


def _prepare(url: str | None, reuse: bool) -> tuple[Database, str]:
    if url is None:
        url = f"sqlite:///{tempfile.mkdtemp(prefix='vigie-history-')}/station.sqlite"
    if url.startswith("postgresql"):
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        target = make_url(url)
        admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            if (
                conn.execute(
                    text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": target.database}
                ).first()
                is None
            ):
                conn.execute(text(f'CREATE DATABASE "{target.database}"'))
        admin.dispose()
    db = Database.from_url(url)
    migrate.upgrade(db.engine)
    with db.engine.connect() as conn:
        holds = holds_station_data(conn)
    if holds and not reuse:
        raise SystemExit(
            f"{url} already holds station data: give --reuse to measure it, or an empty database"
        )
    if reuse and not holds:
        raise SystemExit(f"{url} holds no station to measure (drop --reuse to generate one)")
    return db, url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", metavar="URL", help="default: a new SQLite file in a temp dir")
    parser.add_argument("--scale", type=float, default=0.1, help="1.0: the full station (default 0.1)")
    parser.add_argument("--searches", type=int, default=20)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--reuse", action="store_true", help="measure an already generated station")
    args = parser.parse_args()
    db, url = _prepare(args.db, args.reuse)
    shown = "the station found there" if args.reuse else f"scale {args.scale}"
    print(f"database {url}, backend {db.dialect}, {shown}")
    if not args.reuse:
        started = time.perf_counter()
        counts = generate(db, args.scale, args.seed, lambda line: print(line, flush=True))
        print(f"generated {counts} in {time.perf_counter() - started:.0f} s")
    from sqlalchemy import text

    with db.read() as session:
        sites = int(session.execute(text("SELECT count(*) FROM site")).scalar_one())
        tables = {"signals": "signal", "alarms": "alarm", "calls": "call", "journal": "journal"}
        counts = {
            k: session.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one() for k, t in tables.items()
        }
    print(
        f"{sites} sites (scale {sites / FULL['sites']:g}), "
        + ", ".join(f"{v} {k}" for k, v in counts.items())
    )
    measure(db, sites, args.seed, args.searches)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
