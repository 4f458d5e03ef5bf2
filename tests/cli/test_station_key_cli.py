"""The station key from the command line: created by `db init`, needed by `accounts add --aes-key`
and by a console whose receiver holds sealed keys; missing, it is one line, never a traceback."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

from console.storage import migrate, sealed
from console.storage.engine import Database
from tests.cli.test_cli import assert_one_line_error, console_env, vigie
from tests.factories import add_operator_to

KEY = "00112233445566778899AABBCCDDEEFF"


def test_db_init_creates_the_station_key_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'vigie.sqlite'}"
    key_file = tmp_path / "keys" / "station.key"
    env = {sealed.ENV_VARIABLE: str(key_file)}
    first = vigie("db", "init", "--db", url, env=env)
    assert first.returncode == 0, first.stderr
    assert f"station key created at {key_file}" in first.stdout
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    content = key_file.read_bytes()
    again = vigie("db", "init", "--db", url, env=env)
    assert again.returncode == 0 and f"station key found at {key_file}" in again.stdout
    assert key_file.read_bytes() == content  # never replaced


def test_accounts_add_seals_the_key_and_says_so_when_the_station_key_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "vigie.sqlite"
    url = f"sqlite:///{path}"
    db = Database.from_url(url)
    migrate.upgrade(db.engine)
    db.dispose()
    added = vigie(
        "accounts", "add", "--db", url, "--site", "S1", "--account", "7C10", "--aes-key", KEY.lower()
    )
    assert added.returncode == 0, added.stderr
    dump = "\n".join(sqlite3.connect(path).iterdump())
    assert KEY not in dump and KEY.lower() not in dump and "v1:" in dump

    missing = tmp_path / "elsewhere" / "station.key"
    refused = vigie(
        "accounts",
        "add",
        "--db",
        url,
        "--site",
        "S1",
        "--account",
        "7C11",
        "--aes-key",
        KEY,
        env={sealed.ENV_VARIABLE: str(missing)},
    )
    assert_one_line_error(refused, f"station key not found at {missing}: copy it from")


def test_a_console_without_the_station_key_starts_and_says_why_its_receiver_does_not(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'vigie.sqlite'}"
    db = Database.from_url(url)
    migrate.upgrade(db.engine)
    add_operator_to(db)
    from console.storage.sites import add_transmitter, ensure_site

    with db.write() as session:
        add_transmitter(session, ensure_site(session, "S1")[0], "7C10", line="1", aes_key=KEY)
    db.dispose()
    missing = tmp_path / "elsewhere" / "station.key"
    result = vigie(
        "--db",
        url,
        "--operator",
        "amelie",
        "--password-stdin",
        "--listen",
        "127.0.0.1:0",
        stdin="secret-amelie\n",
        env={**console_env(tmp_path / "data"), sealed.ENV_VARIABLE: str(missing)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert f"receiver not started: station key not found at {missing}" in result.stderr
