"""What every subcommand shares: the error worded for the terminal, the parser, argument types.

Every failure a user can cause (wrong URL, missing database, bad argument) ends with one line on
stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import ipaddress
import re
from datetime import UTC, datetime
from typing import TypeAlias

from console.storage.engine import default_database_url

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


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"vigie: error: {message} (see `vigie --help`)\n")


def db_url(args: argparse.Namespace) -> str:
    """The subcommand's --db, else the console's own --db, else the user's default database."""
    return getattr(args, "sub_db", None) or getattr(args, "db", None) or default_database_url()


def station_db() -> Parser:
    """The parent parser of every subcommand that works on a station's database."""
    parent = Parser(add_help=False)
    parent.add_argument("--db", dest="sub_db", required=True, metavar="URL", help="SQLAlchemy database URL")
    return parent


def iso_datetime(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date or date-time: {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def hex_key(text: str) -> str:
    if not HEX_KEY.match(text):
        raise argparse.ArgumentTypeError("the AES key must be 32, 48 or 64 hexadecimal digits")
    return text.upper()


def account(text: str) -> str:
    if not ACCOUNT.match(text):
        raise argparse.ArgumentTypeError(f"account must be 3 to 16 hexadecimal digits, not {text!r}")
    return text.upper()


def line(text: str) -> str:
    if text == "":  # the default: argparse runs it through here too (no line prefix)
        return ""
    if not LINE.match(text):
        raise argparse.ArgumentTypeError(f"line prefix must be 1 to 6 hexadecimal digits, not {text!r}")
    return text.upper()


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("must be greater than 0")
    return value


def host_port(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise argparse.ArgumentTypeError(f"expected HOST:PORT with a port from 0 to 65535, not {text!r}")
    return host.strip("[]"), int(port)


def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError("must be a finite number greater than 0")
    return value


def receiver_limit(text: str) -> tuple[str, float | int]:
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


def count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def font_scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.5 <= value <= 3.0:
        raise argparse.ArgumentTypeError("the font scale must be between 0.5 and 3")
    return value


def network(text: str) -> str:
    """A CIDR network for `vigie receive --allow` (host bits set are tolerated: 10.1.2.3/8)."""
    try:
        return str(ipaddress.ip_network(text.strip(), strict=False))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a network (CIDR, e.g. 192.0.2.0/24): {text!r}") from None


Subcommands: TypeAlias = "argparse._SubParsersAction[Parser]"
