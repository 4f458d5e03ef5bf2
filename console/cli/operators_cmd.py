"""`vigie operators` and `vigie settings`: operator accounts and the station's settings.

Run on the server (the database URL is the credential); every change is journaled with the system
user who made it, passwords as "changed" only. Passwords are read from standard input (or
prompted for at a terminal), never from the command line, where `ps` would show them.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from console.cli.common import CliError, Parser, Subcommands, db_url

if TYPE_CHECKING:  # the command line imports the station's modules only when a command runs
    from console.services.operator_admin import OperatorAdmin
    from console.storage.engine import Database

ROLES = ["operator", "supervisor", "admin"]


def register(sub: Subcommands, station_db: Parser) -> None:
    operators = sub.add_parser("operators", help="operator accounts")
    op_sub = operators.add_subparsers(dest="operators_command", required=True, parser_class=Parser)
    add = op_sub.add_parser(
        "add", parents=[station_db], help="add an operator (password read from stdin or prompted)"
    )
    add.add_argument("--login", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--role", choices=ROLES, default="operator", help="(default: operator)")
    add.set_defaults(handler=add_run)
    listing = op_sub.add_parser("list", parents=[station_db], help="every account: login, name, role, state")
    listing.set_defaults(handler=list_run)
    for name, text in (
        ("disable", "disable an account (it keeps its history)"),
        ("enable", "enable it again"),
    ):
        change = op_sub.add_parser(name, parents=[station_db], help=text)
        change.add_argument("--login", required=True)
        change.set_defaults(handler=active_run, active=name == "enable")
    role = op_sub.add_parser("set-role", parents=[station_db], help="change an account's role")
    role.add_argument("--login", required=True)
    role.add_argument("--role", choices=ROLES, required=True)
    role.set_defaults(handler=role_run)
    password = op_sub.add_parser(
        "reset-password", parents=[station_db], help="set a new password (read from stdin or prompted)"
    )
    password.add_argument("--login", required=True)
    password.set_defaults(handler=password_run)
    unlock = op_sub.add_parser("unlock", parents=[station_db], help="lift a lockout after refused sign-ins")
    unlock.add_argument("--login", required=True)
    unlock.set_defaults(handler=unlock_run)

    settings = sub.add_parser("settings", help="the station's settings (sign-in lockout, passwords)")
    set_sub = settings.add_subparsers(dest="settings_command", required=True, parser_class=Parser)
    show = set_sub.add_parser("show", parents=[station_db], help="every setting, its value and meaning")
    show.set_defaults(handler=settings_show_run)
    change = set_sub.add_parser("set", parents=[station_db], help="change one setting")
    change.add_argument("key", metavar="KEY", help="e.g. sign_in.max_failures (see `settings show`)")
    change.add_argument("value", metavar="VALUE")
    change.set_defaults(handler=settings_set_run)


def _admin(args: argparse.Namespace) -> tuple[Database, OperatorAdmin]:
    from console.cli.station_cmd import open_existing
    from console.services.operator_admin import OperatorAdmin

    db = open_existing(db_url(args))
    return db, OperatorAdmin(db)


def _password() -> str:
    return getpass.getpass("Password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")


def _run(args: argparse.Namespace, work: Callable[[OperatorAdmin], object]) -> None:
    """Run `work(admin)`, turning the refusals a person can act on into one line."""
    from console.domain.station_settings import SettingError
    from console.services.operator_admin import AccountRefused, UnknownOperator
    from console.storage.operators import WeakPassword

    db, admin = _admin(args)
    try:
        work(admin)
    except (WeakPassword, UnknownOperator, SettingError, AccountRefused) as exc:
        raise CliError(str(exc).strip('"')) from None
    finally:
        db.dispose()


def add_run(args: argparse.Namespace) -> int:
    from console.domain.alarm import Role

    password = _password()
    _run(args, lambda admin: admin.add(None, args.login, args.name, Role(args.role), password))
    print(f"operator {args.login} added ({args.role})")
    return 0


def list_run(args: argparse.Namespace) -> int:
    found: list[str] = []

    def listing(admin: OperatorAdmin) -> None:
        for account in admin.accounts(None):
            state = "active" if account.active else "disabled"
            found.append(f"{account.login}\t{account.display_name}\t{account.role.value}\t{state}")

    _run(args, listing)
    print("\n".join(found))
    return 0


def active_run(args: argparse.Namespace) -> int:
    _run(args, lambda admin: admin.set_active(None, args.login, args.active))
    print(f"operator {args.login} {'enabled' if args.active else 'disabled'}")
    return 0


def role_run(args: argparse.Namespace) -> int:
    from console.domain.alarm import Role

    _run(args, lambda admin: admin.set_role(None, args.login, Role(args.role)))
    print(f"operator {args.login} is now {args.role}")
    return 0


def password_run(args: argparse.Namespace) -> int:
    password = _password()
    _run(args, lambda admin: admin.reset_password(None, args.login, password))
    print(f"password of {args.login} changed")
    return 0


def unlock_run(args: argparse.Namespace) -> int:
    _run(args, lambda admin: admin.unlock(None, args.login))
    print(f"operator {args.login} unlocked")
    return 0


def settings_show_run(args: argparse.Namespace) -> int:
    from console.domain.station_settings import SETTINGS

    values: dict[str, int] = {}
    _run(args, lambda admin: values.update(admin.settings()))
    for key, setting in SETTINGS.items():
        print(
            f"{key} = {values[key]}\t({setting.meaning}; {setting.low}-{setting.high}, default {setting.default})"
        )
    return 0


def settings_set_run(args: argparse.Namespace) -> int:
    stored: list[int] = []
    _run(args, lambda admin: stored.append(admin.set_setting(None, args.key, args.value)))
    print(f"{args.key} = {stored[0]}")
    return 0
