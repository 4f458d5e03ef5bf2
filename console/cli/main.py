"""`vigie`: the root parser, each subcommand registered by its own module, and the one error exit."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sqlalchemy.exc import SQLAlchemyError

from console import __version__
from console.cli import (
    call_export_cmd,
    console_cmd,
    db_cmd,
    hours_cmd,
    operators_cmd,
    receiver_cmd,
    report_cmd,
    search_cmd,
    sites_cmd,
    station_cmd,
    test_mode_cmd,
    verify_cmd,
)
from console.cli.common import CliError, Parser, station_db
from console.storage.engine import DatabaseError


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="vigie", description="Vigie supervision console for alarm receiving centres.")
    parser.add_argument("--version", action="version", version=f"vigie {__version__}")
    console_cmd.add_console_options(parser)
    parser.set_defaults(handler=lambda args: console_cmd.run_console(args, demo=False))
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    parent = station_db()
    console_cmd.register(sub)
    db_cmd.register(sub, parent)
    station_cmd.register(sub, parent)
    sites_cmd.register(sub, parent)
    receiver_cmd.register(sub, parent)
    search_cmd.register(sub, parent)
    report_cmd.register(sub, parent)
    call_export_cmd.register(sub, parent)
    verify_cmd.register(sub, parent)
    test_mode_cmd.register(sub, parent)
    hours_cmd.register(sub, parent)
    operators_cmd.register(sub, parent)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    args.raw_argv = argv
    try:
        return int(args.handler(args))
    except (CliError, DatabaseError) as exc:
        print(f"vigie: {exc}", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        from console.storage.engine import describe_db_error

        print(f"vigie: database error: {describe_db_error(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
