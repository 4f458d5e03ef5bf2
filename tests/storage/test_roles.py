"""PostgreSQL roles: the console cannot drop the journal's triggers or any table, the receiver only
appends evidence, the migration role owns and migrates the schema; `vigie db init` sets them up."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from console.domain.alarm import Disposition
from console.domain.journal import JournalAction
from console.services.alarm_desk import AlarmDesk
from console.services.sign_in import sign_in
from console.services.supervision import PeriodicTestWatch
from console.storage import migrate
from console.storage.engine import Database, DatabaseError
from console.storage.operators import operator_by_login
from console.storage.roles import CONSOLE_PRIVILEGES, RECEIVER_PRIVILEGES, RoleNames, schema_tables
from console.storage.sites import add_transmitter, ensure_site
from tests.cli.test_cli import assert_one_line_error, vigie
from tests.conftest import PG_URL, PostgresFactory, skip_or_fail
from tests.factories import T0, add_operator_to, add_site, cid
from tests.simulator.test_simulator import ReceiverProcess

pytestmark = pytest.mark.postgres


@dataclass
class Station:
    """A throwaway database and three throwaway roles (roles are cluster-wide: unique names)."""

    admin: Engine
    database: str
    names: RoleNames

    def url(self, role: str | None = None) -> str:
        url = make_url(PG_URL).set(database=self.database)
        if role is not None:
            url = url.set(username=role, password=None)
        return url.render_as_string(hide_password=False)

    def engine(self, role: str) -> Engine:
        return create_engine(self.url(role), isolation_level="AUTOCOMMIT")

    def init_args(self) -> list[str]:
        n = self.names
        return ["--migrate-role", n.migrator, "--console-role", n.console, "--receiver-role", n.receiver]


@contextmanager
def new_station(postgres: PostgresFactory | None) -> Iterator[Station]:
    if postgres is None:
        skip_or_fail(f"PostgreSQL is not reachable at {PG_URL}")
    assert postgres is not None
    tag = uuid.uuid4().hex[:8]
    names = RoleNames(f"vt{tag}_migrate", f"vt{tag}_console", f"vt{tag}_receiver")
    database = make_url(postgres.new_database(migrated=False)).database  # dropped with the session's
    assert database is not None
    admin = create_engine(make_url(PG_URL).set(database=database), isolation_level="AUTOCOMMIT")
    try:
        yield Station(admin, database, names)
    finally:  # the roles go now (they are the cluster's, not the database's): what they own first
        with admin.connect() as conn:
            query = text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:n)")
            present = conn.execute(query, {"n": list(names.all())}).scalars().all()
            if present:
                conn.execute(text(f"DROP OWNED BY {', '.join(present)}"))
            for name in present:
                conn.execute(text(f'DROP ROLE "{name}"'))
        admin.dispose()


@pytest.fixture
def station(postgres: PostgresFactory | None) -> Iterator[Station]:
    """A fresh database and roles, for tests that change the schema or set the roles up their way."""
    with new_station(postgres) as fresh:
        yield fresh


@pytest.fixture(scope="module")
def ready(postgres: PostgresFactory | None) -> Iterator[tuple[Station, str]]:
    """One database set up by `vigie db init --create-roles` (with what it printed), a site 4A21
    and an operator amelie: shared by the tests that only use the roles (a database costs seconds)."""
    with new_station(postgres) as shared:
        printed = create_roles(shared).stdout
        owner = Database.from_url(shared.url(shared.names.migrator))
        add_operator_to(owner, "amelie")
        add_site(owner, "LYO-0001", "4A21")
        owner.dispose()
        yield shared, printed


def refused(engine: Engine, statement: str) -> str:
    """The error PostgreSQL gives this role for this statement (the test fails if it succeeds)."""
    with engine.connect() as conn, pytest.raises(DBAPIError) as caught:
        conn.execute(text(statement))
    return str(caught.value.orig)


def create_roles(station: Station) -> subprocess.CompletedProcess[str]:
    result = vigie("db", "init", "--db", station.url(), "--create-roles", *station.init_args())
    assert result.returncode == 0, result.stderr
    return result


def test_every_table_has_its_rights_for_each_role() -> None:
    assert sorted(RECEIVER_PRIVILEGES) == sorted(CONSOLE_PRIVILEGES) == sorted(schema_tables())
    for privileges in (RECEIVER_PRIVILEGES, CONSOLE_PRIVILEGES):
        assert privileges["journal"] == ("SELECT", "INSERT")  # append-only, whatever the triggers
        assert privileges["signal"] == ("SELECT", "INSERT")


def test_create_roles_hands_the_schema_to_the_migration_role(ready: tuple[Station, str]) -> None:
    station, printed = ready
    for kind, name in (("migration", station.names.migrator), ("console", station.names.console)):
        assert f"{kind} role {name} created; its URL (shown once): postgresql://{name}:" in printed
    admin = create_engine(station.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        owners = set(
            conn.execute(
                text(
                    "SELECT pg_get_userbyid(relowner) FROM pg_class c JOIN pg_namespace n ON n.oid = relnamespace"
                    " WHERE nspname = 'public' AND relkind IN ('r', 'S')"
                )
            ).scalars()
        )
        function_owner = conn.execute(
            text("SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'journal_append_only'")
        ).scalar_one()
    admin.dispose()
    assert owners == {station.names.migrator} and function_owner == station.names.migrator
    again = create_roles(station)  # idempotent: roles kept (no new password), rights given again
    assert "created" not in again.stdout and "already at" in again.stdout


def test_the_console_role_cannot_touch_the_journal_s_protection(ready: tuple[Station, str]) -> None:
    station, _ = ready
    console = station.engine(station.names.console)
    try:
        assert "must be owner" in refused(console, "DROP TRIGGER journal_no_update ON journal")
        assert "must be owner" in refused(console, "ALTER TABLE journal DISABLE TRIGGER ALL")
        assert "must be owner" in refused(console, "DROP TABLE journal")
        assert "must be owner" in refused(console, "DROP TABLE alarm")
        assert "must be owner" in refused(console, "DROP FUNCTION journal_append_only() CASCADE")
        assert "permission denied" in refused(console, "CREATE TABLE spare (a int)")
        assert "permission denied" in refused(console, "CREATE TEMP TABLE spare (a int)")
        assert "permission denied" in refused(console, "CREATE SCHEMA spare")
        assert "permission denied" in refused(console, "UPDATE journal SET detail = ''")
        assert "permission denied" in refused(console, "DELETE FROM journal")
        assert "permission denied" in refused(console, "TRUNCATE journal")
        assert "permission denied" in refused(console, "UPDATE signal SET raw = ''")
        assert "permission denied" in refused(console, "INSERT INTO operator (login) VALUES ('x')")
    finally:
        console.dispose()


def test_the_console_role_does_an_operator_s_work(ready: tuple[Station, str]) -> None:
    station, _ = ready
    db = Database.from_url(station.url(station.names.console))
    try:
        with db.read() as session:
            operator = operator_by_login(session, "amelie")
        assert operator is not None
        migrate.upgrade(db.engine)  # at head: nothing to do, nothing refused
        assert sign_in(db, "amelie", "not-her-password") is None  # journaled as the console role
        assert sign_in(db, "amelie", "secret-amelie") is not None
        desk = AlarmDesk(db, clock=lambda: T0)
        desk.record_session(operator, JournalAction.LOGIN)
        alarm_id = desk.ingest([cid(130, zone=3)]).new_alarm_ids[0]
        desk.take(alarm_id, operator)
        desk.close(alarm_id, operator, Disposition.TEST, "essai")
        with db.read() as session:
            actions = session.execute(text("SELECT action FROM journal ORDER BY id")).scalars().all()
    finally:
        db.dispose()
    assert [a for a in actions if a.startswith("login")] == [JournalAction.LOGIN_FAILED, JournalAction.LOGIN]
    assert JournalAction.CLOSE in actions


def test_the_receiver_role_appends_signals_and_changes_no_evidence(ready: tuple[Station, str]) -> None:
    station, _ = ready
    db = Database.from_url(station.url(station.names.receiver))
    try:
        AlarmDesk(db, clock=lambda: T0).ingest([cid(130, zone=3)])  # stored, grouped, journaled
    finally:
        db.dispose()
    receiver = station.engine(station.names.receiver)
    try:
        with receiver.connect() as conn:
            conn.execute(
                text(
                    "INSERT INTO signal_inbox (received_at, account, line, receiver, protocol, qualifier,"
                    " event_system, event_code, peer, extended, raw) VALUES"
                    " (:at, '4A21', '1', '', 'ADM-CID', 'new', 'cid', '130', '', '', '')"
                ),
                {"at": datetime.now(UTC)},
            )
            assert conn.execute(text("SELECT count(*) FROM signal")).scalar_one() >= 1
        assert "permission denied" in refused(receiver, "UPDATE journal SET detail = ''")
        assert "permission denied" in refused(receiver, "DELETE FROM journal")
        assert "permission denied" in refused(receiver, "UPDATE signal SET raw = ''")
        assert "permission denied" in refused(receiver, "DELETE FROM signal")
        owner = station.engine(station.names.migrator)
        try:
            with owner.begin() as conn:  # a fresh fault and one a month old
                for age in ("0 seconds", "30 days"):
                    conn.execute(
                        text(
                            "INSERT INTO transmission_fault (at, peer, account, kind, detail, raw)"
                            f" VALUES (now() - interval '{age}', '203.0.113.9', '', 'nak_crc', :age, '')"
                        ),
                        {"age": age},
                    )
        finally:
            owner.dispose()
        with receiver.begin() as conn:  # the retention may go only as far as the evidence age
            conn.execute(text("DELETE FROM transmission_fault WHERE peer = '203.0.113.9'"))
        with receiver.connect() as conn:
            left = conn.execute(text("SELECT detail FROM transmission_fault WHERE peer = '203.0.113.9'"))
            assert left.scalars().all() == ["0 seconds"]  # the fresh one is evidence: still there
        assert "permission denied" in refused(receiver, "UPDATE transmitter SET aes_key = NULL")
        assert "permission denied" in refused(receiver, "SELECT password_hash FROM operator")
        assert "permission denied" in refused(receiver, "SELECT * FROM contact")
        assert "must be owner" in refused(receiver, "DROP TRIGGER journal_no_update ON journal")
    finally:
        receiver.dispose()


@pytest.mark.slow
def test_vigie_receive_runs_as_the_receiver_role(ready: tuple[Station, str], tmp_path: Path) -> None:
    station, _ = ready
    added = vigie(
        "accounts", "add", "--db", station.url(station.names.migrator), "--site", "S1", "--account", "100001",
        "--line", "1",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    receiver = ReceiverProcess(station.url(station.names.receiver), tmp_path / "receiver.err")
    try:
        sent = vigie(
            "simulate", "--to", f"127.0.0.1:{receiver.endpoints['tcp']}", "--accounts", "1", "--rate", "20",
            "--duration", "1", "--seed", "3",
        )  # fmt: skip
        assert sent.returncode == 0, sent.stderr
        assert receiver.terminate() == 0
    finally:
        receiver.close()
    errors = (tmp_path / "receiver.err").read_text()
    assert "permission denied" not in errors and "Traceback" not in errors, errors[-2000:]
    db = Database.from_url(station.url())
    with db.read() as session:
        signals = session.execute(text("SELECT count(*) FROM signal WHERE alarm_id IS NOT NULL")).scalar_one()
    db.dispose()
    assert signals >= 10  # ACKed, then filed into alarms by the placement child, as the receiver role


def test_the_migration_role_migrates_and_the_others_are_told_to_let_it(station: Station) -> None:
    assert vigie("db", "init", "--db", station.url()).returncode == 0  # a station set up before its roles
    create_roles(station)  # hands the superuser's tables over to the migration role
    migrator = Database.from_url(station.url(station.names.migrator))
    migrate.downgrade(migrator.engine, "0008")  # drops inbox_mark: the next upgrade creates it again
    migrator.dispose()
    console = Database.from_url(station.url(station.names.console))
    with pytest.raises(DatabaseError, match="run `vigie db init` with the migration role"):
        migrate.upgrade(console.engine)
    console.dispose()
    upgraded = vigie("db", "init", "--db", station.url(station.names.migrator), *station.init_args())
    assert upgraded.returncode == 0, upgraded.stderr
    assert "upgraded from 0008" in upgraded.stdout and "rights of" in upgraded.stdout
    receiver = station.engine(station.names.receiver)
    with receiver.connect() as conn:  # the new table's rights were given by the migration role
        conn.execute(text("INSERT INTO inbox_mark (epoch, last_id) VALUES ('e', 1)"))
    receiver.dispose()


def test_printed_sql_sets_up_the_same_roles(station: Station) -> None:
    assert vigie("db", "init", "--db", station.url()).returncode == 0  # tables owned by the superuser
    printed = vigie("db", "init", "--db", station.url(), "--print-roles-sql", *station.init_args())
    assert printed.returncode == 0, printed.stderr
    assert f"--   console {station.names.console}: " in printed.stdout
    admin = create_engine(station.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(printed.stdout)
    admin.dispose()
    console = station.engine(station.names.console)
    try:
        assert "must be owner" in refused(console, "DROP TRIGGER journal_no_update ON journal")
        with console.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM journal")).scalar_one() == 0
    finally:
        console.dispose()


def test_db_init_refuses_bad_role_settings(ready: tuple[Station, str], tmp_path: object) -> None:
    station, _ = ready
    sqlite = vigie("db", "init", "--db", f"sqlite:///{tmp_path}/x.sqlite", "--create-roles")
    assert_one_line_error(sqlite, "database roles are for PostgreSQL")
    superuser = vigie("db", "init", "--db", station.url(), "--create-roles", "--console-role", "postgres")
    assert_one_line_error(superuser, "refusing to use the superuser role postgres")
    same = vigie("db", "init", "--db", station.url(), "--create-roles", "--console-role", "vigie_receiver")
    assert_one_line_error(same, "three different roles")
    with pytest.raises(ValueError):
        RoleNames(console="Robert'); DROP TABLE journal;--")


def test_the_receiver_role_raises_and_clears_missed_test_alarms(ready: tuple[Station, str]) -> None:
    """Supervision reads alarms with their holder: it must not need the holder's password hash."""
    station, _ = ready
    owner = Database.from_url(station.url(station.names.migrator))
    with owner.write() as session:
        site, _created = ensure_site(session, "LYO-0009", "Entrepôt")
        add_transmitter(session, site, "5B31", line="1", test_interval_s=600)
        session.execute(
            text("UPDATE transmitter SET last_signal_at = :at WHERE account = '5B31'"), {"at": T0}
        )
    owner.dispose()
    later = T0 + timedelta(hours=1)
    db = Database.from_url(station.url(station.names.receiver))
    try:
        raised = PeriodicTestWatch(db, lambda: later).check()
        assert len(raised) == 1
        AlarmDesk(db, clock=lambda: later).ingest([cid(602, zone=0, account="5B31", at=later)])
        with db.read() as session:
            actions = (
                session.execute(
                    text("SELECT action FROM journal WHERE alarm_id = :a ORDER BY id"), {"a": raised[0]}
                )
                .scalars()
                .all()
            )
    finally:
        db.dispose()
    assert JournalAction.MISSED_TEST in actions and JournalAction.LINK_RESTORED in actions


def test_both_roles_move_the_chain_head_and_still_change_no_journal_row(ready: tuple[Station, str]) -> None:
    from console.services.journal_chain import JournalChain

    station, _ = ready
    for role in (station.names.receiver, station.names.console):
        db = Database.from_url(station.url(role))
        try:
            AlarmDesk(db, clock=lambda: T0).ingest([cid(130, zone=4)])  # the receiver's bulk path
            if role == station.names.console:  # verifying reads the calls: the console's right only
                result = JournalChain(db).verify()  # journals its outcome: the head moves again
                assert result.intact, result.summary()
        finally:
            db.dispose()
        engine = station.engine(role)
        try:
            assert "permission denied" in refused(engine, "UPDATE journal SET position = 0")
            assert "permission denied" in refused(engine, "DELETE FROM journal_head")
            assert "permission denied" in refused(engine, "INSERT INTO journal_head VALUES (2, 0, '')")
        finally:
            engine.dispose()
