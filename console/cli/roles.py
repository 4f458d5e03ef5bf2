"""`vigie db init`: the schema, and on PostgreSQL the station's roles (console/storage/roles.py).

Kept out of cli.py, which stays the parser and the dispatch.
"""

from __future__ import annotations

import argparse
import os

from sqlalchemy import Connection, make_url
from sqlalchemy.engine import URL

from console.cli.common import CliError
from console.storage import migrate, roles, sealed
from console.storage.engine import Database, check_connection, create_engine_for
from console.storage.roles import RoleNames

_PASSWORD_VARIABLES = {"migrator": "VIGIE_MIGRATE_PASSWORD", "console": "VIGIE_CONSOLE_PASSWORD"}
_PASSWORD_VARIABLES["receiver"] = "VIGIE_RECEIVER_PASSWORD"


def db_init(url: str, args: argparse.Namespace) -> int:
    try:
        names = RoleNames(args.migrate_role, args.console_role, args.receiver_role)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if args.print_roles_sql:
        return _print_roles_sql(_postgres_url(url), names)
    db = Database.from_url(url)
    check_connection(db.engine)
    _station_key()
    try:
        if args.create_roles:
            _postgres_url(url)
            created = _create_roles(db, names)
        else:
            created = {}
            _upgrade(db, names)
        for kind, name, password in _passwords_shown(names, created):
            login = db.engine.url.set(username=name, password=password)
            print(f"{kind} role {name} created; its URL (shown once): {_render(login)}")
    finally:
        db.dispose()
    return 0


def _station_key() -> None:
    """Create the station key that seals the secrets (console/storage/sealed.py) unless it exists;
    one that exists but cannot be read stops here, before the schema is touched."""
    path = sealed.station_key_path()
    _key, created = sealed.ensure_station_key(path)
    if created:
        print(
            f"station key created at {path} (readable by this user only): back it up with the database; "
            "every console and receiver of the station needs a copy"
        )
    else:
        print(f"station key found at {path}")


def _upgrade(db: Database, names: RoleNames) -> None:
    """Upgrade; when the station's roles exist, as the migration role, then re-grant their rights."""
    before = migrate.current_revision(db.engine)
    with_roles = False
    if db.dialect == "postgresql":
        with db.engine.connect() as connection:
            with_roles = set(roles.existing_roles(connection, names.all())) == set(names.all())
            superuser = roles.is_superuser(connection)
    migrate.upgrade(db.engine, as_role=names.migrator if with_roles and superuser else None)
    after = migrate.current_revision(db.engine)
    state = "already at" if before == after else f"upgraded from {before or 'empty'} to"
    print(f"database {state} schema {after}")
    if with_roles:
        with db.engine.begin() as connection:
            _grant(connection, names)
        print(f"rights of {names.console} and {names.receiver} given on every table")


def _create_roles(db: Database, names: RoleNames) -> dict[str, str]:
    """Create the missing roles, hand the schema to the migration role, migrate as it, grant.
    Returns the passwords generated, by role name."""
    database = db.engine.url.database or ""
    with db.engine.begin() as connection:
        if not roles.is_superuser(connection):
            raise CliError("--create-roles needs a superuser's URL (it creates roles and hands tables over)")
        existing = roles.existing_roles(connection, names.all())
        if any(existing.values()):
            superusers = ", ".join(name for name, is_super in existing.items() if is_super)
            raise CliError(f"refusing to use the superuser role {superusers} as a station role")
        passwords = {name: _password(names, name) for name in names.all() if name not in existing}
        roles.apply(connection, roles.roles_sql(database, names, passwords))
        roles.apply(connection, roles.ownership_sql(names, roles.present_tables(connection)))
    _upgrade(db, names)
    return {name: pw for name, pw in passwords.items() if not os.environ.get(_variable(names, name))}


def _grant(connection: Connection, names: RoleNames) -> None:
    roles.apply(connection, roles.grants_sql(names, roles.present_tables(connection)))


def _print_roles_sql(url: URL, names: RoleNames) -> int:
    passwords = {name: _password(names, name) for name in names.all()}
    print("-- Vigie: the station's roles. Run as a superuser, on the station's database, after")
    print("-- `vigie db init --db URL`; the migration role then runs every later `vigie db init`.")
    print("-- Roles that exist already are kept with their passwords. Passwords (shown once):")
    for kind, name, password in _passwords_shown(names, passwords):
        print(f"--   {kind} {name}: {password}")
    statements = [
        *roles.roles_sql(url.database or "", names, passwords),
        *roles.ownership_sql(names, roles.schema_tables()),
        *roles.grants_sql(names, roles.schema_tables()),
    ]
    for statement in statements:
        print(f"{statement};")
    return 0


def _passwords_shown(names: RoleNames, passwords: dict[str, str]) -> list[tuple[str, str, str]]:
    kinds = (("migration", names.migrator), ("console", names.console), ("receiver", names.receiver))
    return [(kind, name, passwords[name]) for kind, name in kinds if name in passwords]


def _variable(names: RoleNames, name: str) -> str:
    kind = {names.migrator: "migrator", names.console: "console", names.receiver: "receiver"}[name]
    return _PASSWORD_VARIABLES[kind]


def _password(names: RoleNames, name: str) -> str:
    return os.environ.get(_variable(names, name)) or roles.new_password()


def _postgres_url(url: str) -> URL:
    engine = create_engine_for(url)  # validates and normalises the URL; connects to nothing
    parsed = make_url(str(engine.url.render_as_string(hide_password=False)))
    engine.dispose()
    if parsed.get_backend_name() != "postgresql":
        raise CliError("database roles are for PostgreSQL (a SQLite file is protected by its file rights)")
    if not parsed.database:
        raise CliError(f"the URL names no database: {url}")
    return parsed


def _render(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)
