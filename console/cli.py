"""Command line: the console, the demo, and tools for scripts and station tooling.

Every failure a user can cause (wrong URL, missing database, bad argument) ends with one line on
stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from console import __version__
from console.storage.engine import DatabaseError, default_database_url

HEX_KEY = re.compile(r"^(?:[0-9A-Fa-f]{32}|[0-9A-Fa-f]{48}|[0-9A-Fa-f]{64})$")
ACCOUNT = re.compile(r"^[0-9A-Fa-f]{3,16}$")
LINE = re.compile(r"^[0-9A-Fa-f]{1,6}$")
# console.simulator.SCENARIO_NAMES, spelled out so that `vigie --help` does not import the simulator.
SIMULATION_SCENARIOS = (
    "mixed",
    "intrusion_walk",
    "fire",
    "panic",
    "duress",
    "technical",
    "periodic_test",
    "opening_closing",
    "null",
)


class CliError(Exception):
    """A problem worded for the person at the terminal."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"vigie: error: {message} (see `vigie --help`)\n")


def _iso_datetime(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date or date-time: {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _hex_key(text: str) -> str:
    if not HEX_KEY.match(text):
        raise argparse.ArgumentTypeError("the AES key must be 32, 48 or 64 hexadecimal digits")
    return text.upper()


def _account(text: str) -> str:
    if not ACCOUNT.match(text):
        raise argparse.ArgumentTypeError(f"account must be 3 to 16 hexadecimal digits, not {text!r}")
    return text.upper()


def _line(text: str) -> str:
    if text == "":  # the default: argparse runs it through here too (no line prefix)
        return ""
    if not LINE.match(text):
        raise argparse.ArgumentTypeError(f"line prefix must be 1 to 6 hexadecimal digits, not {text!r}")
    return text.upper()


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("must be greater than 0")
    return value


def _host_port(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise argparse.ArgumentTypeError(f"expected HOST:PORT with a port from 0 to 65535, not {text!r}")
    return host.strip("[]"), int(port)


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError("must be a finite number greater than 0")
    return value


def _receiver_limit(text: str) -> tuple[str, float | int]:
    """NAME=VALUE for one numeric field of ReceiverConfig (the README lists them with their defaults)."""
    from dataclasses import fields

    from console.receiver.server import ReceiverConfig

    numeric: dict[str, type[int] | type[float]] = {
        f.name: int if isinstance(f.default, int) else float
        for f in fields(ReceiverConfig)
        if type(f.default) in (int, float)
    }
    name, sep, value = text.partition("=")
    if not sep or name not in numeric:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE with NAME one of {', '.join(sorted(numeric))}")
    kind = "a whole number" if numeric[name] is int else "a number"
    try:
        number = numeric[name](value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{name}: not {kind}: {value!r}") from None
    if number < (1 if numeric[name] is int else 0) or number == float("inf"):
        raise argparse.ArgumentTypeError(f"{name}: out of range: {value!r}")
    return name, number


def _network(text: str) -> str:
    """A CIDR network for `vigie receive --allow` (host bits set are tolerated: 10.1.2.3/8)."""
    import ipaddress

    try:
        return str(ipaddress.ip_network(text.strip(), strict=False))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a network (CIDR, e.g. 192.0.2.0/24): {text!r}") from None


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def _font_scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.5 <= value <= 3.0:
        raise argparse.ArgumentTypeError("the font scale must be between 0.5 and 3")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="vigie", description="Vigie supervision console for alarm receiving centres.")
    parser.add_argument("--version", action="version", version=f"vigie {__version__}")
    parser.add_argument("--db", help="SQLAlchemy database URL (default: SQLite in the user's data folder)")
    parser.add_argument("--lang", choices=["fr", "en"], help="interface language (default: the system's)")
    parser.add_argument(
        "--operator",
        metavar="LOGIN",
        help="the login the sign-in dialog proposes (the demo signs it in without a password)",
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="with --operator: read the password from standard input instead of the dialog",
    )
    parser.add_argument("--sign-in", action="store_true", help=argparse.SUPPRESS)  # after a sign-out
    parser.add_argument("--theme", choices=["light", "dark"], help="light, or dark for night shifts")
    parser.add_argument("--font-scale", type=_font_scale, metavar="FACTOR", help="font size factor, 0.5 to 3")
    parser.add_argument(
        "--listen",
        type=_host_port,
        action="append",
        default=[],
        metavar="HOST:PORT",
        help="single-workstation mode: run the DC-09 receiver in the console on this address",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    demo = sub.add_parser("demo", help="run the console on a demo station with live traffic")
    demo.add_argument("--db", dest="sub_db", help="database URL (default: a fresh demo database)")
    demo.add_argument("--lang", dest="sub_lang", choices=["fr", "en"])
    demo.add_argument("--theme", dest="sub_theme", choices=["light", "dark"])
    demo.add_argument(
        "--screenshot", metavar="DIR", help="write DIR/queue.png, site.png and plan.png, then exit"
    )
    demo.add_argument("--keep", action="store_true", help=argparse.SUPPRESS)  # a sign-out keeps the demo

    db = sub.add_parser("db", help="database administration")
    db_sub = db.add_subparsers(dest="db_command", required=True, parser_class=_Parser)
    init = db_sub.add_parser(
        "init",
        help="create or upgrade the schema",
        description="Create or upgrade the schema. On PostgreSQL, --create-roles (as a superuser) also "
        "creates the station's roles: a migration role owning the schema, a console role and a "
        "receiver role that own nothing and may create nothing; passwords come from "
        "VIGIE_MIGRATE_PASSWORD, VIGIE_CONSOLE_PASSWORD, VIGIE_RECEIVER_PASSWORD or are generated and "
        "printed once. When the roles exist, migrations run as the migration role and the other "
        "roles' rights are given again after them.",
    )
    init.add_argument("--db", dest="sub_db", required=True)
    roles_mode = init.add_mutually_exclusive_group()
    roles_mode.add_argument(
        "--create-roles", action="store_true", help="PostgreSQL: create the roles and their rights"
    )
    roles_mode.add_argument(
        "--print-roles-sql",
        action="store_true",
        help="PostgreSQL: print the SQL creating the roles and rights instead (connects to nothing)",
    )
    init.add_argument("--migrate-role", default="vigie_migrate", metavar="NAME", help="(vigie_migrate)")
    init.add_argument("--console-role", default="vigie_console", metavar="NAME", help="(vigie_console)")
    init.add_argument("--receiver-role", default="vigie_receiver", metavar="NAME", help="(vigie_receiver)")
    backup = db_sub.add_parser(
        "backup", help="copy a SQLite database and its inbox file, consistent, while the station runs"
    )
    backup.add_argument("--db", dest="sub_db", required=True, metavar="URL")
    backup.add_argument(
        "--to", dest="backup_dir", required=True, metavar="DIR", help="an empty or new folder"
    )

    accounts = sub.add_parser("accounts", help="transmitter accounts")
    acc_sub = accounts.add_subparsers(dest="accounts_command", required=True, parser_class=_Parser)
    add = acc_sub.add_parser("add", help="add a transmitter account (creates the site if needed)")
    add.add_argument("--db", dest="sub_db", required=True)
    add.add_argument("--site", required=True, help="site code")
    add.add_argument("--account", required=True, type=_account)
    add.add_argument("--line", type=_line, default="")
    add.add_argument("--aes-key", type=_hex_key)
    add.add_argument("--test-interval", type=_positive_int, metavar="SECONDS")

    operators = sub.add_parser("operators", help="operator accounts")
    op_sub = operators.add_subparsers(dest="operators_command", required=True, parser_class=_Parser)
    op_add = op_sub.add_parser("add", help="add an operator (password read from stdin or prompted)")
    op_add.add_argument("--db", dest="sub_db", required=True)
    op_add.add_argument("--login", required=True)
    op_add.add_argument("--name", required=True)
    op_add.add_argument("--role", choices=["operator", "supervisor", "admin"], default="operator")

    receive = sub.add_parser("receive", help="run the SIA DC-09 receiver service (headless)")
    receive.add_argument("--db", dest="sub_db", required=True)
    receive.add_argument(
        "--listen",
        type=_host_port,
        action="append",
        required=True,
        metavar="HOST:PORT",
        help="TCP address to listen on (port 0 picks a free one); may be repeated",
    )
    receive.add_argument("--udp", type=_host_port, action="append", default=[], metavar="HOST:PORT")
    receive.add_argument(
        "--window-past",
        type=float,
        default=40.0,
        metavar="SECONDS",
        help="oldest accepted message timestamp (default 40 s before now)",
    )
    receive.add_argument(
        "--window-future",
        type=float,
        default=20.0,
        metavar="SECONDS",
        help="newest accepted message timestamp (default 20 s after now)",
    )
    receive.add_argument(
        "--limit",
        type=_receiver_limit,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set one of the receiver's limits (connections, deadlines, UDP rate; see the README)",
    )
    receive.add_argument(
        "--allow",
        type=_network,
        action="append",
        default=[],
        metavar="NETWORK",
        help="only peers in this network (CIDR, e.g. 203.0.113.0/24) are served; may be repeated "
        "(default: any peer)",
    )
    receive.add_argument(
        "--placement",
        choices=["process", "thread", "off"],
        default="process",
        help="where signals are grouped into alarms after their ACK: a child `vigie place` process "
        "(default), a thread of the receiver, or off (a separate `vigie place` does it)",
    )

    place = sub.add_parser(
        "place",
        help="group the signals stored by receivers into alarms (when receivers run with --no-placement)",
    )
    place.add_argument("--db", dest="sub_db", help="database URL (default: $VIGIE_DB)")
    place.add_argument(
        "--poll", type=float, default=0.2, metavar="SECONDS", help="pause when nothing waits (0.2 s)"
    )
    place.add_argument("--parent-pid", type=int, help=argparse.SUPPRESS)  # exit when this process is gone

    history = sub.add_parser("history", help="print received signals as JSON lines")
    history.add_argument("--db", dest="sub_db", required=True)
    history.add_argument("--site", help="only this site code")
    history.add_argument("--since", type=_iso_datetime, help="only signals received at or after (ISO 8601)")

    calls = sub.add_parser("calls", help="print call records (softphone) as JSON lines")
    calls.add_argument("--db", dest="sub_db", required=True, metavar="URL")
    calls.add_argument("--alarm", type=_positive_int, metavar="ID", help="only the calls of this alarm")
    calls.add_argument(
        "--since", type=_iso_datetime, help="only calls placed or received at or after (ISO 8601)"
    )

    selftest = sub.add_parser(
        "selftest",
        help="test the station: database, a recorded call to an echo service, the receiver",
        description="Checks the database, places a recorded call to an echo service, plays a tone and "
        "checks it came back (frequency and level), and, when given, that the receiver ACKs a DC-09 "
        "NULL link test. One PASS/FAIL line per check; exit status 1 when any check failed. The test "
        "call is kept in the call log like any other call.",
    )
    selftest.add_argument("--db", dest="sub_db", required=True, metavar="URL")
    selftest.add_argument("--echo-uri", required=True, metavar="URI", help="an echo service, sip:...")
    selftest.add_argument("--receiver", type=_host_port, metavar="HOST:PORT", help="the DC-09 receiver")
    selftest.add_argument(
        "--recordings", metavar="DIR", help="recordings folder (default: the data folder's)"
    )
    selftest.add_argument(
        "--sip-bind", default="0.0.0.0", metavar="HOST", help="local SIP address (default any)"
    )
    selftest.add_argument(
        "--timeout",
        type=_positive_float,
        default=10.0,
        metavar="SECONDS",
        help="wait for answers (default 10)",
    )

    simulate = sub.add_parser(
        "simulate",
        help="simulated alarm panels sending DC-09 traffic to a receiver",
        description="Simulated panels send realistic DC-09 traffic to a receiver, retrying like real "
        "transmitters, then print a one-line JSON summary. Exit status: 0 when every frame was "
        "acknowledged, 3 when some were not, 1 when the receiver cannot be reached.",
    )
    simulate.add_argument("--to", type=_host_port, required=True, metavar="HOST:PORT", help="the receiver")
    simulate.add_argument(
        "--accounts", type=_positive_int, default=10, metavar="N", help="panels (default 10)"
    )
    simulate.add_argument(
        "--rate",
        type=_positive_float,
        default=10.0,
        metavar="R",
        help="frames per second, all panels (default 10)",
    )
    simulate.add_argument(
        "--duration", type=_positive_float, default=10.0, metavar="S", help="seconds of sending (default 10)"
    )
    simulate.add_argument("--aes-key", type=_hex_key, metavar="HEX", help="encrypt every frame with this key")
    simulate.add_argument(
        "--scenario",
        default="mixed",
        choices=SIMULATION_SCENARIOS,
        help="traffic to send (default mixed; null sends link tests only)",
    )
    simulate.add_argument(
        "--first-account",
        type=_account,
        default="100001",
        metavar="HEX",
        help="first account (default 100001)",
    )
    simulate.add_argument("--protocol", choices=["ADM-CID", "SIA-DCS", "mixed"], default="mixed")
    simulate.add_argument("--udp", action="store_true", help="send over UDP instead of TCP")
    simulate.add_argument("--log", metavar="FILE", help="write one JSON line per acknowledged signal")
    simulate.add_argument("--seed", type=int, metavar="N", help="seed of the traffic, for a replayable run")
    simulate.add_argument(
        "--timeout",
        type=_positive_float,
        default=2.0,
        metavar="SECONDS",
        help="wait for an answer (default 2)",
    )
    simulate.add_argument(
        "--retries",
        type=_count,
        default=5,
        metavar="N",
        help="resends after a timeout or a lost connection (default 5)",
    )
    simulate.add_argument(
        "--allow-loss", action="store_true", help="exit 0 even when frames were not acknowledged"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    args.raw_argv = argv
    try:
        return _dispatch(args)
    except (CliError, DatabaseError) as exc:
        print(f"vigie: {exc}", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        from console.storage.engine import describe_db_error

        print(f"vigie: database error: {describe_db_error(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _db_url(args: argparse.Namespace) -> str:
    return getattr(args, "sub_db", None) or args.db or default_database_url()


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command
    if command is None:
        return _run_console(args, demo=False)
    if command == "demo":
        return _run_console(args, demo=True)
    if command == "db":
        if args.db_command == "backup":
            return _db_backup(_db_url(args), Path(args.backup_dir))
        return _db_init(_db_url(args), args)
    if command == "accounts":
        return _accounts_add(args)
    if command == "operators":
        return _operators_add(args)
    if command == "history":
        return _history(args)
    if command == "calls":
        return _calls(args)
    if command == "selftest":
        return _selftest(args)
    if command == "receive":
        return _receive(args)
    if command == "place":
        return _place(args)
    if command == "simulate":
        return _simulate(args)
    raise CliError(f"unknown command {command}")


def _open_existing(url: str):  # type: ignore[no-untyped-def]
    """A database that must already exist and be reachable, at the current schema."""
    from console.storage import migrate
    from console.storage.engine import Database, check_connection

    db = Database.from_url(url, must_exist=True)
    check_connection(db.engine)
    if migrate.current_revision(db.engine) is None:
        raise CliError(f"the database at {url} has no Vigie schema (run `vigie db init --db {url}`)")
    return db


def _db_init(url: str, args: argparse.Namespace) -> int:
    from console.cli_roles import db_init

    return db_init(url, args)


def _db_backup(url: str, target: Path) -> int:
    from console.storage.backup import NotAFileDatabase, backup_station

    try:
        copied = backup_station(url, target)
    except NotAFileDatabase as exc:
        raise CliError(str(exc)) from None
    for item in copied:
        print(f"copied {item.source} to {item.copy} ({item.summary})")
    if len(copied) == 1:
        print("no inbox file beside it: the receiver has not run on this database")
    return 0


def _accounts_add(args: argparse.Namespace) -> int:
    from console.domain.journal import JournalAction
    from console.storage.alarms import append_journal
    from console.storage.sites import add_transmitter, ensure_site, find_transmitter

    db = _open_existing(_db_url(args))
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


def _operators_add(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import IntegrityError

    from console.domain.alarm import Role
    from console.domain.secrets import password_problem
    from console.storage.operators import add_operator

    password = getpass.getpass("Password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    problem = password_problem(password)
    if problem is not None:
        raise CliError(problem)
    db = _open_existing(_db_url(args))
    try:
        with db.write() as session:
            add_operator(session, args.login, args.name, password, Role(args.role))
    except IntegrityError:
        raise CliError(f"operator {args.login!r} already exists") from None
    print(f"operator {args.login} added ({args.role})")
    return 0


def _selftest(args: argparse.Namespace) -> int:
    import socket

    from console.services.selftest import SelftestOptions, run_selftest
    from console.storage.engine import data_dir

    if not args.echo_uri.startswith(("sip:", "sips:")):
        raise CliError(f"--echo-uri must be a sip: URI, not {args.echo_uri!r}")
    options = SelftestOptions(
        db_url=_db_url(args),
        echo_uri=args.echo_uri,
        recordings_dir=Path(args.recordings) if args.recordings else data_dir() / "recordings",
        receiver=args.receiver,
        bind_host=args.sip_bind,
        workstation=f"{socket.gethostname()}-selftest",
        timeout_s=args.timeout,
    )
    checks = run_selftest(options, lambda check: print(check.line(), flush=True))
    return 0 if checks and all(check.passed for check in checks) else 1


def _history(args: argparse.Namespace) -> int:
    from console.storage.signals import history

    db = _open_existing(_db_url(args))
    with db.read() as session:
        for record in history(session, site_code=args.site, since=args.since):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    db.dispose()
    return 0


def _calls(args: argparse.Namespace) -> int:
    from console.storage.calls import call_as_dict, iter_calls

    db = _open_existing(_db_url(args))
    with db.read() as session:
        for record in iter_calls(session, alarm_id=args.alarm, since=args.since):
            sys.stdout.write(json.dumps(call_as_dict(record), ensure_ascii=False) + "\n")
    db.dispose()
    return 0


def _receive(args: argparse.Namespace) -> int:
    import asyncio
    import logging
    import signal

    from console.receiver.server import ReceiverConfig
    from console.services.receiver_service import ReceiverService
    from console.storage import migrate
    from console.storage.engine import Database, check_connection

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    db = Database.from_url(_db_url(args))
    check_connection(db.engine)
    migrate.upgrade(db.engine)
    config = ReceiverConfig(
        tcp=args.listen,
        udp=args.udp,
        window_past_s=args.window_past,
        window_future_s=args.window_future,
        allowed_networks=tuple(args.allow),
        **dict(args.limit),
    )

    # The event loop and the commit thread take turns on the interpreter lock; the default 5 ms
    # hand-over interval would add up to 5 ms to every ACK of a batch.
    sys.setswitchinterval(0.0005)

    async def serve() -> None:
        service = ReceiverService(db, config, placement=args.placement)
        try:
            endpoints = await service.start()
        except OSError as exc:
            raise CliError(f"cannot listen: {exc.strerror or exc}") from None
        for endpoint in endpoints:
            print(f"listening on {endpoint}", flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        await stop.wait()
        await service.stop()  # the batch in flight is committed and acknowledged first

    asyncio.run(serve())
    db.dispose()
    return 0


def _place(args: argparse.Namespace) -> int:
    import logging
    import os
    import signal
    import threading

    from console.services.alarm_desk import AlarmDesk
    from console.services.placement import SignalPlacement
    from console.storage import migrate
    from console.storage.engine import Database, DatabaseUnavailable, check_connection

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    url = getattr(args, "sub_db", None) or os.environ.get("VIGIE_DB")
    if not url:
        raise CliError("vigie place needs --db URL (or VIGIE_DB in the environment)")
    db = Database.from_url(url, must_exist=True)
    check_connection(db.engine)
    migrate.upgrade(db.engine)
    placement = SignalPlacement(AlarmDesk(db))
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    print("placing signals", flush=True)
    while not stop.is_set():
        if args.parent_pid is not None and os.getppid() != args.parent_pid:
            break  # the receiver that started this process is gone (even before we were ready)
        try:
            if placement.place_pending().placed < placement.chunk:
                stop.wait(args.poll)
        except DatabaseUnavailable as exc:
            print(f"vigie place: waiting for the database: {exc}", file=sys.stderr, flush=True)
            stop.wait(1.0)
    db.dispose()
    return 0


def _simulate(args: argparse.Namespace) -> int:
    import asyncio
    from pathlib import Path

    from console.simulator import SimulatorConfig, TargetUnreachable, run_simulation

    host, port = args.to
    config = SimulatorConfig(
        host=host,
        port=port,
        accounts=args.accounts,
        rate=args.rate,
        duration_s=args.duration,
        first_account=args.first_account,
        protocol=args.protocol,
        scenario=args.scenario,
        aes_key=bytes.fromhex(args.aes_key) if args.aes_key else None,
        udp=args.udp,
        timeout_s=args.timeout,
        retries=args.retries,
        log_path=Path(args.log) if args.log else None,
        seed=args.seed,
    )
    try:
        summary = asyncio.run(run_simulation(config))
    except TargetUnreachable as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:  # the log file cannot be written
        raise CliError(f"cannot write {args.log}: {exc.strerror or exc}") from None
    print(summary.to_json(), flush=True)
    if summary.all_acked or args.allow_loss:
        return 0
    print(
        f"vigie: {summary.sent - summary.acked} of {summary.sent} frames were not acknowledged",
        file=sys.stderr,
    )
    return 3


def _run_console(args: argparse.Namespace, *, demo: bool) -> int:
    if demo and (getattr(args, "sub_db", None) or args.db):  # before Qt, which prints as it loads
        _refuse_a_station_database(getattr(args, "sub_db", None) or args.db)

    from pathlib import Path

    from console.app import EXIT_SIGNED_OUT, ConsoleOptions, run_console
    from console.resources import resource
    from console.storage.engine import data_dir

    lang = getattr(args, "sub_lang", None) or args.lang
    if demo:
        url = getattr(args, "sub_db", None) or args.db
        if url is None:
            path = data_dir() / "demo.sqlite"
            for suffix in ("", "-wal", "-shm"):
                if not args.keep:
                    Path(f"{path}{suffix}").unlink(missing_ok=True)  # a fresh demo every time
            url = f"sqlite:///{path}"
        options = ConsoleOptions(
            db_url=url,
            lang=lang,
            operator_login=None if args.sign_in else args.operator or "demo",
            demo_folder=resource("demo"),
            screenshot_dir=Path(args.screenshot) if args.screenshot else None,
            receiver_listen=tuple(args.listen) or (("127.0.0.1", 0),),  # the demo's panels are local
            theme=getattr(args, "sub_theme", None) or args.theme,
            font_scale=args.font_scale,
        )
    else:
        if args.password_stdin and not args.operator:
            raise CliError("--password-stdin needs --operator LOGIN")
        options = ConsoleOptions(
            db_url=_db_url(args),
            lang=lang,
            operator_login=None if args.sign_in else args.operator,
            operator_password=sys.stdin.readline().rstrip("\r\n") if args.password_stdin else None,
            receiver_listen=tuple(args.listen),
            theme=args.theme,
            font_scale=args.font_scale,
        )
    code = run_console(options)
    if code == EXIT_SIGNED_OUT:  # a fresh console for the next operator, on the same station
        os.execv(sys.executable, [sys.executable, "-m", "console", *relaunch_argv(args.raw_argv, demo=demo)])
    return code


def _refuse_a_station_database(url: str) -> None:
    """Before any window opens: the demo never writes into a database holding a station's data."""
    from console.services.demo_data import check_demo_database
    from console.storage.engine import Database, check_connection

    db = Database.from_url(url)
    try:
        check_connection(db.engine)
        check_demo_database(db)
    finally:
        db.dispose()


def relaunch_argv(argv: Sequence[str], *, demo: bool) -> list[str]:
    """The command line again, for the sign-in dialog: without `--operator`, the demo kept."""
    kept: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--operator":
            skip = True
        elif not arg.startswith("--operator=") and arg not in ("--sign-in", "--keep"):
            kept.append(arg)
    return ["--sign-in", *kept, *(["--keep"] if demo else [])]


if __name__ == "__main__":
    raise SystemExit(main())
