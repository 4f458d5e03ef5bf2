"""The console itself (no subcommand) and `vigie demo`: options, sign-in, the relaunch after a sign-out."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from console.cli.common import CliError, Subcommands, db_url, font_scale, host_port, network


def add_console_options(parser: argparse.ArgumentParser) -> None:
    """The root options: they configure the console that runs when no subcommand is given."""
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
    parser.add_argument("--handover-from", metavar="LOGIN", help=argparse.SUPPRESS)  # after a hand-over
    parser.add_argument("--theme", choices=["light", "dark"], help="light, or dark for night shifts")
    parser.add_argument("--font-scale", type=font_scale, metavar="FACTOR", help="font size factor, 0.5 to 3")
    parser.add_argument(
        "--listen",
        type=host_port,
        action="append",
        default=[],
        metavar="HOST:PORT",
        help="single-workstation mode: run the DC-09 receiver in the console on this address",
    )
    parser.add_argument(
        "--allow",
        type=network,
        action="append",
        default=[],
        metavar="NETWORK",
        help="with --listen: only peers in this network (CIDR) are served; may be repeated (default: any peer)",
    )


def register(sub: Subcommands) -> None:
    demo = sub.add_parser("demo", help="run the console on a demo station with live traffic")
    demo.add_argument(
        "--db", dest="sub_db", metavar="URL", help="database URL (default: a fresh demo database)"
    )
    demo.add_argument("--lang", dest="sub_lang", choices=["fr", "en"])
    demo.add_argument("--theme", dest="sub_theme", choices=["light", "dark"])
    demo.add_argument(
        "--screenshot", metavar="DIR", help="write DIR/queue.png, site.png and plan.png, then exit"
    )
    demo.add_argument("--keep", action="store_true", help=argparse.SUPPRESS)  # a sign-out keeps the demo

    demo.set_defaults(handler=lambda args: run_console(args, demo=True))


def run_console(args: argparse.Namespace, *, demo: bool) -> int:
    if demo and (getattr(args, "sub_db", None) or args.db):  # before Qt, which prints as it loads
        _refuse_a_station_database(getattr(args, "sub_db", None) or args.db)

    from console.app import EXIT_SIGNED_OUT, ConsoleOptions
    from console.app import run_console as run_the_console
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
            receiver_allow=tuple(args.allow),
            theme=getattr(args, "sub_theme", None) or args.theme,
            font_scale=args.font_scale,
            handover_from=args.handover_from,
        )
    else:
        if args.password_stdin and not args.operator:
            raise CliError("--password-stdin needs --operator LOGIN")
        options = ConsoleOptions(
            db_url=db_url(args),
            lang=lang,
            operator_login=None if args.sign_in else args.operator,
            operator_password=sys.stdin.readline().rstrip("\r\n") if args.password_stdin else None,
            receiver_listen=tuple(args.listen),
            receiver_allow=tuple(args.allow),
            theme=args.theme,
            font_scale=args.font_scale,
            handover_from=args.handover_from,
        )
    ended = run_the_console(options)
    if ended.code == EXIT_SIGNED_OUT:  # a fresh console for the next operator, on the same station
        again = relaunch_argv(args.raw_argv, demo=demo, handover_from=ended.handover_from)
        os.execv(sys.executable, [sys.executable, "-m", "console", *again])
    return ended.code


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


def relaunch_argv(argv: Sequence[str], *, demo: bool, handover_from: str | None = None) -> list[str]:
    """The command line again, for the sign-in dialog: without `--operator`, the demo kept; after a
    hand-over, who is leaving (the next operator's sign-in takes their alarms)."""
    kept: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--operator", "--handover-from"):
            skip = True
        elif not arg.startswith(("--operator=", "--handover-from=")) and arg not in ("--sign-in", "--keep"):
            kept.append(arg)
    handover = ["--handover-from", handover_from] if handover_from else []
    return ["--sign-in", *handover, *kept, *(["--keep"] if demo else [])]
