"""`vigie db`: create or upgrade the schema (and the PostgreSQL roles), back a station up."""

from __future__ import annotations

import argparse
from pathlib import Path

from console.cli.common import CliError, Parser, Subcommands, db_url


def register(sub: Subcommands, station_db: Parser) -> None:
    db = sub.add_parser("db", help="database administration")
    db_sub = db.add_subparsers(dest="db_command", required=True, parser_class=Parser)
    init = db_sub.add_parser(
        "init",
        parents=[station_db],
        help="create or upgrade the schema",
        description="Create or upgrade the schema. On PostgreSQL, --create-roles (as a superuser) also "
        "creates the station's roles: a migration role owning the schema, a console role and a "
        "receiver role that own nothing and may create nothing; passwords come from "
        "VIGIE_MIGRATE_PASSWORD, VIGIE_CONSOLE_PASSWORD, VIGIE_RECEIVER_PASSWORD or are generated and "
        "printed once. When the roles exist, migrations run as the migration role and the other "
        "roles' rights are given again after them.",
    )
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
        "backup",
        parents=[station_db],
        help="copy a SQLite database and its inbox file, consistent, while the station runs",
    )
    backup.add_argument(
        "--to", dest="backup_dir", required=True, metavar="DIR", help="an empty or new folder"
    )

    init.set_defaults(handler=lambda args: db_init(db_url(args), args))
    backup.set_defaults(handler=lambda args: db_backup(db_url(args), Path(args.backup_dir)))


def db_init(url: str, args: argparse.Namespace) -> int:
    from console.cli.roles import db_init as run_db_init

    return run_db_init(url, args)


def db_backup(url: str, target: Path) -> int:
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
