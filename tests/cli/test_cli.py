"""The command line as scripts use it: real processes, real databases, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from console import __version__
from console.services.alarm_desk import AlarmDesk
from console.storage.engine import Database
from console.storage.sealed import load_station_key, unseal_aes_key
from tests.factories import T0, cid


def console_env(data_dir: Path) -> dict[str, str]:
    """The console offscreen, silent and without a telephone, leaving on its own after a second."""
    return {
        "QT_QPA_PLATFORM": "offscreen",
        "VIGIE_MUTE": "1",
        "VIGIE_PHONE": "0",
        "VIGIE_DATA_DIR": str(data_dir),
        "VIGIE_EXIT_AFTER_S": "1",
    }


def vigie(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "console", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        timeout=120,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0]


def test_version() -> None:
    result = vigie("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"vigie {__version__}"


def test_db_init_creates_then_reports_current(empty_db_url: str) -> None:
    first = vigie("db", "init", "--db", empty_db_url)
    assert first.returncode == 0, first.stderr
    assert "upgraded from empty" in first.stdout
    again = vigie("db", "init", "--db", empty_db_url)
    assert again.returncode == 0 and "already at" in again.stdout


def test_accounts_add_creates_site_and_refuses_duplicates(db_url: str) -> None:
    result = vigie(
        "accounts",
        "add",
        "--db",
        db_url,
        "--site",
        "BDX-0003",
        "--account",
        "7c10",
        "--line",
        "2",
        "--aes-key",
        "00112233445566778899AABBCCDDEEFF",
        "--test-interval",
        "3600",
    )
    assert result.returncode == 0, result.stderr
    assert "new site BDX-0003" in result.stdout
    db = Database.from_url(db_url)
    from console.storage.sites import find_transmitter, site_by_code

    with db.read() as session:
        transmitter = find_transmitter(session, "7C10", "2")
        assert transmitter is not None
        assert transmitter.aes_key is not None and transmitter.test_interval_s == 3600
        assert "00112233445566778899AABBCCDDEEFF" not in transmitter.aes_key  # sealed
        assert (
            unseal_aes_key(transmitter.aes_key, load_station_key()).hex()
            == "00112233445566778899aabbccddeeff"
        )
        site = site_by_code(session, "BDX-0003")
        assert site is not None and transmitter.site_id == site.id
    db.dispose()
    duplicate = vigie(
        "accounts", "add", "--db", db_url, "--site", "BDX-0003", "--account", "7C10", "--line", "2"
    )
    assert_one_line_error(duplicate, "already registered")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--aes-key", "1234"], "32, 48 or 64 hexadecimal digits"),
        (["--aes-key", "Z" * 32], "32, 48 or 64 hexadecimal digits"),
        (["--test-interval", "-5"], "greater than 0"),
        (["--test-interval", "soon"], "not a whole number"),
    ],
)
def test_accounts_add_rejects_bad_arguments(sqlite_db: Database, args: list[str], fragment: str) -> None:
    url = str(sqlite_db.engine.url)
    result = vigie("accounts", "add", "--db", url, "--site", "X", "--account", "1234", *args)
    assert result.returncode == 2
    assert_one_line_error(result, fragment)


def test_history_prints_one_json_object_per_signal(db_url: str) -> None:
    assert (
        vigie(
            "accounts", "add", "--db", db_url, "--site", "LYO-0001", "--account", "4A21", "--line", "1"
        ).returncode
        == 0
    )
    db = Database.from_url(db_url)
    alarm_id = (
        AlarmDesk(db).ingest([cid(132, zone=3, at=T0, seq=12), cid(602, zone=0, seq=13)]).new_alarm_ids[0]
    )
    db.dispose()
    result = vigie("history", "--db", db_url)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 2
    first = rows[0]
    assert first["site"] == "LYO-0001" and first["account"] == "4A21" and first["sequence"] == 12
    assert first["protocol"] == "ADM-CID" and first["qualifier"] == "new" and first["event_code"] == "132"
    assert first["zone"] == 3 and first["partition"] == 1 and first["alarm_id"] == alarm_id
    assert first["received_at"] == T0.isoformat() and first["raw"].startswith('"ADM-CID"0012')
    assert rows[1]["alarm_id"] == alarm_id  # a periodic test during an open alarm joins it
    filtered = vigie("history", "--db", db_url, "--site", "NOPE")
    assert filtered.returncode == 0 and filtered.stdout == ""


def test_missing_database_is_one_line_error(tmp_path: Path) -> None:
    result = vigie("history", "--db", f"sqlite:///{tmp_path}/absent.sqlite")
    assert_one_line_error(result, "no database at")


def test_unreachable_server_is_one_line_error() -> None:
    result = vigie("history", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert_one_line_error(result, "vigie:")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["history", "--db", "not a url"], "not a database URL"),
        (["history", "--db", "mysql+nosuchdriver://x/y"], "cannot use database URL"),
        (["history", "--db", "sqlite://", "--since", "yesterday"], "not an ISO date"),
        (["nonsense"], "invalid choice"),
        (
            ["receive", "--db", "sqlite://", "--listen", "127.0.0.1:0", "--allow", "10.0.0/8x"],
            "not a network",
        ),
    ],
)
def test_bad_arguments_are_one_line_errors(args: list[str], fragment: str) -> None:
    assert_one_line_error(vigie(*args), fragment)


def test_history_on_database_without_schema(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    result = vigie("history", "--db", f"sqlite:///{path}")
    assert_one_line_error(result, "no Vigie schema")


def test_receive_refuses_an_unknown_limit_in_one_line(db_url: str) -> None:
    result = vigie("receive", "--db", db_url, "--listen", "127.0.0.1:0", "--limit", "max_conections=10")
    assert_one_line_error(result, "max_connections")  # the names it knows are listed
    result = vigie("receive", "--db", db_url, "--listen", "127.0.0.1:0", "--limit", "max_connections=0")
    assert_one_line_error(result, "out of range")


def test_receive_applies_a_limit_given_on_the_command_line(db_url: str, tmp_path: Path) -> None:
    """`--limit frame_deadline_s=0.3`: a frame dripped a byte at a time is cut off by `vigie receive`."""
    import socket

    from tests.receiver.test_server_durability import ReceiverProcess

    receiver = ReceiverProcess(db_url, tmp_path / "receive.log", ["--limit", "frame_deadline_s=0.3"])
    try:
        with socket.create_connection(("127.0.0.1", receiver.tcp_port), timeout=15) as sock:
            sock.sendall(b"\n")  # a frame starts; its bytes then come one at a time, never its CR
            sock.settimeout(0.05)
            sent, closed = 1, False
            while sent < 200 and not closed:  # 10 s of bytes, had the deadline not applied
                try:
                    closed = sock.recv(64) == b""
                    continue
                except TimeoutError:
                    pass
                except ConnectionError:
                    closed = True
                    continue
                try:
                    sock.sendall(b"0")
                    sent += 1
                except ConnectionError:
                    closed = True
        assert closed and sent < 200
    finally:
        receiver.close()


def test_db_backup_copies_the_sqlite_files_and_refuses_to_overwrite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'vigie.sqlite'}"
    assert vigie("db", "init", "--db", url).returncode == 0
    db = Database.from_url(url)
    AlarmDesk(db).ingest([cid(130, at=T0)])
    db.dispose()
    first = vigie("db", "backup", "--db", url, "--to", str(tmp_path / "copy"))
    assert first.returncode == 0, first.stderr
    assert "1 signals filed, integrity ok" in first.stdout
    copy = Database.from_url(f"sqlite:///{tmp_path / 'copy' / 'vigie.sqlite'}", must_exist=True)
    with copy.read() as session:
        assert session.connection().exec_driver_sql("SELECT event_code FROM signal").scalars().all() == [
            "130"
        ]
    copy.dispose()
    again = vigie("db", "backup", "--db", url, "--to", str(tmp_path / "copy"))
    assert_one_line_error(again, "exists already")


def test_db_backup_of_a_postgresql_database_points_to_pg_dump(db_url: str, tmp_path: Path) -> None:
    result = vigie("db", "backup", "--db", db_url, "--to", str(tmp_path / "copy"))
    if db_url.startswith("sqlite"):
        assert result.returncode == 0, result.stderr  # the SQLite case, for contrast
        return
    assert_one_line_error(result, "pg_dump")
    assert not (tmp_path / "copy").exists()


def test_operators_add_refuses_a_short_password_and_takes_a_long_one(db_url: str) -> None:
    short = vigie("operators", "add", "--db", db_url, "--login", "amelie", "--name", "A", stdin="demo1234\n")
    assert_one_line_error(short, "the password must have at least 10 characters")
    added = vigie(
        "operators", "add", "--db", db_url, "--login", "amelie", "--name", "A", stdin="0123456789\n"
    )
    assert added.returncode == 0, added.stderr
    from console.storage.operators import authenticate

    db = Database.from_url(db_url)
    with db.read() as session:
        assert authenticate(session, "amelie", "demo1234") is None
        assert authenticate(session, "amelie", "0123456789") is not None
    db.dispose()


def test_accounts_add_with_only_its_required_options(db_url: str) -> None:
    """Every option the help calls optional can be left out (argparse ran the empty --line default
    through the line check, so this failed)."""
    result = vigie("accounts", "add", "--db", db_url, "--site", "BDX-0004", "--account", "7c11")
    assert result.returncode == 0, result.stderr
    assert "new site BDX-0004" in result.stdout


def test_no_optional_default_is_refused_by_its_own_check() -> None:
    """argparse runs a string default through the option's type: every such default must pass it,
    or the subcommand fails whenever the option is left out."""
    import argparse

    from console.cli import build_parser

    def parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
        found = [parser]
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    found += parsers(sub)
        return found

    checked = 0
    for parser in parsers(build_parser()):
        for action in parser._actions:
            if callable(action.type) and isinstance(action.default, str):
                action.type(action.default)  # raises ArgumentTypeError if the default is refused
                checked += 1
    assert checked >= 1


def test_the_console_s_own_receiver_takes_the_allow_list(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Single-workstation mode serves only the networks given, like `vigie receive --allow`."""
    from console.app import ConsoleExit, ConsoleOptions
    from console.cli.main import main

    seen: list[ConsoleOptions] = []

    def run_console(options: ConsoleOptions) -> ConsoleExit:
        seen.append(options)
        return ConsoleExit(0)

    monkeypatch.setattr("console.app.run_console", run_console)
    db = f"sqlite:///{tmp_path / 'station.sqlite'}"
    assert main(["--db", db, "--listen", "127.0.0.1:0", "--allow", "10.1.2.3/8", "--allow", "::1/128"]) == 0
    assert main(["--db", db, "--listen", "127.0.0.1:0"]) == 0  # optional: any peer
    assert [o.receiver_allow for o in seen] == [("10.0.0.0/8", "::1/128"), ()]
    assert all(o.receiver_listen == (("127.0.0.1", 0),) for o in seen)
