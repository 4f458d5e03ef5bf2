"""Test-wide set-up: headless Qt, a private data folder, and databases (SQLite, and PostgreSQL when reachable).

Under VIGIE_STRICT=1 (CI), a test that needs PostgreSQL fails instead of skipping when the server
is unreachable.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("VIGIE_DATA_DIR", tempfile.mkdtemp(prefix="vigie-test-data-"))
os.environ.setdefault("VIGIE_MUTE", "1")
# The station key that seals the AES keys and the PBX password (console/storage/sealed.py).
os.environ.setdefault(
    "VIGIE_STATION_KEY", os.path.join(tempfile.mkdtemp(prefix="vigie-test-key-"), "station.key")
)

import asyncio
import gc
import logging

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from console.storage import migrate, sealed
from console.storage.engine import Database, create_engine_for

if not sealed.station_key_path().exists():
    sealed.create_station_key()

pytest_plugins = ["pytester"]

PG_URL = os.environ.get("VIGIE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
STRICT = os.environ.get("VIGIE_STRICT") == "1"


class _FaultRecords(logging.Handler):
    """Collects what the console logs as a fault (an exception it caught but could not handle)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        from console.views.faults import is_fault

        if is_fault(record):
            self.records.append(record)


@pytest.fixture(autouse=True)
def _qt_garbage_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a Qt test, collect its windows' reference cycles here, on the GUI thread.

    A widget whose models hold its bound methods is a cycle of Python wrappers; left to the
    collector, it may be freed during a later test by whichever thread allocates at that moment,
    a database worker included, and freeing Qt wrappers off the GUI thread crashes the process.
    (In the console the windows live as long as the session, and the queue's heap is frozen.)
    """
    yield
    if "qtbot" in request.fixturenames:
        gc.collect()


@pytest.fixture(autouse=True)
def _no_silent_fault(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail any test during which the console logged a fault or an asyncio task or callback died.

    pytest-qt already fails a test on an exception escaping a Qt slot (sys.excepthook); this adds
    what the console catches to keep going (a panel that could not be drawn, a listener that
    raised) and what asyncio would only print. A test that provokes faults on purpose says so
    with `@pytest.mark.faults_expected`.
    """
    handler = _FaultRecords()
    logger = logging.getLogger("console")
    logger.addHandler(handler)
    asyncio_faults: list[dict[str, Any]] = []
    original = asyncio.BaseEventLoop.default_exception_handler

    def record(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        asyncio_faults.append(context)
        original(loop, context)  # type: ignore[arg-type]

    monkeypatch.setattr(asyncio.BaseEventLoop, "default_exception_handler", record)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    if request.node.get_closest_marker("faults_expected"):
        return
    problems = [f"{r.name}: {r.getMessage()}: {r.exc_info[1]!r}" for r in handler.records if r.exc_info]
    problems += [f"asyncio: {c.get('message')}: {c.get('exception')!r}" for c in asyncio_faults]
    if problems:
        pytest.fail("faults during the test:\n" + "\n".join(problems), pytrace=False)


def skip_or_fail(reason: str) -> None:
    """Skip on a user's machine; fail under VIGIE_STRICT, where every tool must be present."""
    if STRICT:
        pytest.fail(f"VIGIE_STRICT=1 and {reason}")
    pytest.skip(reason)


class PostgresFactory:
    """Fresh databases cloned from a migrated template, one per test."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.admin = create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
        self.template = f"vigie_tpl_{uuid.uuid4().hex[:8]}"
        self.created: list[str] = []

    def reachable(self) -> str | None:
        try:
            with self.admin.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception as exc:
            return str(exc).splitlines()[0]
        return None

    def _url_for(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def prepare_template(self) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.template}"'))
        engine = create_engine_for(self._url_for(self.template))
        migrate.upgrade(engine)
        engine.dispose()

    def new_database(self, migrated: bool = True) -> str:
        name = f"vigie_t_{uuid.uuid4().hex[:12]}"
        template = f' TEMPLATE "{self.template}"' if migrated else ""
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{template}'))
        self.created.append(name)
        return self._url_for(name)

    def drop_all(self) -> None:
        with self.admin.connect() as conn:
            for name in [*self.created, self.template]:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresFactory | None]:
    factory = PostgresFactory(PG_URL)
    problem = factory.reachable()
    if problem is not None:
        factory.admin.dispose()
        yield None
        return
    factory.prepare_template()
    yield factory
    factory.drop_all()


def _sqlite_url(tmp_path: object) -> str:
    return f"sqlite:///{tmp_path}/vigie.sqlite"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_db_url(request: pytest.FixtureRequest, tmp_path: object, postgres: PostgresFactory | None) -> str:
    """URL of an empty database (no schema) on each backend."""
    if request.param == "sqlite":
        return _sqlite_url(tmp_path)
    if postgres is None:
        skip_or_fail(f"PostgreSQL is not reachable at {PG_URL}")
    assert postgres is not None
    return postgres.new_database(migrated=False)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: object, postgres: PostgresFactory | None) -> str:
    """URL of a database with the current schema, on each backend."""
    if request.param == "sqlite":
        url = _sqlite_url(tmp_path)
        engine = create_engine_for(url)
        migrate.upgrade(engine)
        engine.dispose()
        return url
    if postgres is None:
        skip_or_fail(f"PostgreSQL is not reachable at {PG_URL}")
    assert postgres is not None
    return postgres.new_database()


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database.from_url(db_url)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path: object) -> Iterator[Database]:
    """A migrated SQLite database, for tests about the console rather than the backend."""
    url = _sqlite_url(tmp_path)
    database = Database.from_url(url)
    migrate.upgrade(database.engine)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def phone_bridge(qapp: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The process's one SIP engine (pjsua2 allows one per process), started on 127.0.0.1, any port.

    Shared by every test that places or takes calls in this process; tests chain their own
    listeners with `add_listener` and remove them after. No headset: the headset tests run in a
    subprocess with their own PulseAudio server.
    """
    from console.telephony.bridge import PhoneBridge
    from console.telephony.settings import PhoneSettings

    settings = PhoneSettings(
        recordings_dir=tmp_path_factory.mktemp("recordings"), bind_host="127.0.0.1", sip_port=0
    )
    bridge = PhoneBridge(settings)
    bridge.start()
    yield bridge
    bridge.shutdown()
