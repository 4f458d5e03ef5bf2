"""Commands on a station's records: transmitter accounts, operators, signal and call history, the self-test."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from console.cli.common import (
    CliError,
    Parser,
    Subcommands,
    account,
    db_url,
    hex_key,
    host_port,
    iso_datetime,
    line,
    positive_float,
    positive_int,
)


def register(sub: Subcommands, station_db: Parser) -> None:
    accounts = sub.add_parser("accounts", help="transmitter accounts")
    acc_sub = accounts.add_subparsers(dest="accounts_command", required=True, parser_class=Parser)
    add = acc_sub.add_parser(
        "add", parents=[station_db], help="add a transmitter account (creates the site if needed)"
    )
    add.add_argument("--site", required=True, help="site code")
    add.add_argument("--account", required=True, type=account)
    add.add_argument("--line", type=line, default="")
    add.add_argument("--aes-key", type=hex_key)
    add.add_argument("--test-interval", type=positive_int, metavar="SECONDS")

    history = sub.add_parser("history", parents=[station_db], help="print received signals as JSON lines")
    history.add_argument("--site", help="only this site code")
    history.add_argument("--since", type=iso_datetime, help="only signals received at or after (ISO 8601)")

    calls = sub.add_parser("calls", parents=[station_db], help="print call records (softphone) as JSON lines")
    calls.add_argument("--alarm", type=positive_int, metavar="ID", help="only the calls of this alarm")
    calls.add_argument(
        "--since", type=iso_datetime, help="only calls placed or received at or after (ISO 8601)"
    )

    selftest = sub.add_parser(
        "selftest",
        parents=[station_db],
        help="test the station: database, a recorded call to an echo service, the receiver",
        description="Checks the database, places a recorded call to an echo service, plays a tone and "
        "checks it came back (frequency and level), and, when given, that the receiver ACKs a DC-09 "
        "NULL link test. One PASS/FAIL line per check; exit status 1 when any check failed. The test "
        "call is kept in the call log like any other call.",
    )
    selftest.add_argument("--echo-uri", required=True, metavar="URI", help="an echo service, sip:...")
    selftest.add_argument("--receiver", type=host_port, metavar="HOST:PORT", help="the DC-09 receiver")
    selftest.add_argument(
        "--recordings", metavar="DIR", help="recordings folder (default: the data folder's)"
    )
    selftest.add_argument(
        "--sip-bind", default="0.0.0.0", metavar="HOST", help="local SIP address (default any)"
    )
    selftest.add_argument(
        "--timeout",
        type=positive_float,
        default=10.0,
        metavar="SECONDS",
        help="wait for answers (default 10)",
    )

    add.set_defaults(handler=accounts_add)
    history.set_defaults(handler=show_history)
    calls.set_defaults(handler=show_calls)
    selftest.set_defaults(handler=selftest_run)


def open_existing(url: str):  # type: ignore[no-untyped-def]
    """A database that must already exist and be reachable, at the current schema."""
    from console.storage import migrate
    from console.storage.engine import Database, check_connection

    db = Database.from_url(url, must_exist=True)
    check_connection(db.engine)
    if migrate.current_revision(db.engine) is None:
        raise CliError(f"the database at {url} has no Vigie schema (run `vigie db init --db {url}`)")
    return db


def accounts_add(args: argparse.Namespace) -> int:
    from console.domain.journal import JournalAction
    from console.storage.alarms import append_journal
    from console.storage.sites import add_transmitter, ensure_site, find_transmitter

    db = open_existing(db_url(args))
    with db.write() as session:
        existing = find_transmitter(session, args.account, args.line)
        if existing is not None and existing.line == args.line:
            raise CliError(f"account {args.account} line {args.line or '-'} is already registered")
        site, created = ensure_site(session, args.site)
        transmitter = add_transmitter(
            session,
            site,
            args.account,
            line=args.line,
            aes_key=args.aes_key,
            test_interval_s=args.test_interval,
        )
        append_journal(
            session,
            at=datetime.now(UTC),
            action=JournalAction.ACCOUNT_ADDED,
            detail=f"account {transmitter.account} line {transmitter.line or '-'}"
            + (" (AES)" if transmitter.aes_key else ""),
            site_id=site.id,
        )
    print(f"account {args.account} added to {'new ' if created else ''}site {args.site}")
    db.dispose()
    return 0


def selftest_run(args: argparse.Namespace) -> int:
    import socket

    from console.services.selftest import SelftestOptions, run_selftest
    from console.storage.engine import data_dir

    if not args.echo_uri.startswith(("sip:", "sips:")):
        raise CliError(f"--echo-uri must be a sip: URI, not {args.echo_uri!r}")
    options = SelftestOptions(
        db_url=db_url(args),
        echo_uri=args.echo_uri,
        recordings_dir=Path(args.recordings) if args.recordings else data_dir() / "recordings",
        receiver=args.receiver,
        bind_host=args.sip_bind,
        workstation=f"{socket.gethostname()}-selftest",
        timeout_s=args.timeout,
    )
    checks = run_selftest(options, lambda check: print(check.line(), flush=True))
    return 0 if checks and all(check.passed for check in checks) else 1


def show_history(args: argparse.Namespace) -> int:
    from console.storage.signals import history, pending_history

    db = open_existing(db_url(args))
    with db.read() as session:
        for record in history(session, site_code=args.site, since=args.since):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    for record in pending_history(db, site_code=args.site, since=args.since):  # ACKed, not filed yet
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    db.dispose()
    return 0


def show_calls(args: argparse.Namespace) -> int:
    from console.storage.calls import call_as_dict, iter_calls

    db = open_existing(db_url(args))
    with db.read() as session:
        for record in iter_calls(session, alarm_id=args.alarm, since=args.since):
            sys.stdout.write(json.dumps(call_as_dict(record), ensure_ascii=False) + "\n")
    db.dispose()
    return 0
