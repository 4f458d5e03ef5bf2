"""PostgreSQL roles for a station: migrations, consoles and receivers each log in as their own.

The journal is made append-only by triggers (migration 0001), but the owner of a table may drop
its triggers: so the tables belong to a migration role that only `vigie db init` uses, and the
workstations log in as roles that own nothing and may create nothing (no DDL):

- the migration role owns the schema (tables, sequences, the journal's trigger function);
- the receiver role reads what it needs, appends signals, faults, alarms and journal entries
  (moving the journal chain's head row, which it may update but not delete),
  updates alarms, its status, a transmitter's supervision columns, and empties the inbox it files;
  it can change no signal, journal entry or fault, and cannot read password hashes;
- the console role is the receiver's (single-workstation mode runs one) plus the operators' work:
  alarms, dispatches, calls, plans and site files; the journal, signals and change feed are
  insert-only for it too, and operators' accounts read-only (`vigie operators add` runs as the
  migration role).

Creating roles needs a superuser (or CREATEROLE); the grants on tables can be given again by the
migration role, as their owner, after each upgrade (`vigie db init` does).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlmodel import SQLModel

import console.storage.tables  # noqa: F401  (registers the tables on SQLModel.metadata)

_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
JOURNAL_FUNCTION = "journal_append_only()"


@dataclass(frozen=True, slots=True)
class RoleNames:
    migrator: str = "vigie_migrate"
    console: str = "vigie_console"
    receiver: str = "vigie_receiver"

    def __post_init__(self) -> None:
        for name in self.all():
            if not _NAME.match(name):
                raise ValueError(f"role name {name!r}: lowercase letters, digits and _ only, 63 at most")
        if len(set(self.all())) != 3:
            raise ValueError("the migration, console and receiver roles must be three different roles")

    def all(self) -> tuple[str, str, str]:
        return (self.migrator, self.console, self.receiver)


# Privileges on each table, beyond the schema's owner (the migration role). A table missing from
# a mapping gets nothing from it; tests check that every table of the schema is listed in both.
_OPERATOR_PUBLIC = "id, login, display_name, role, active, created_at"  # not password_hash
RECEIVER_PRIVILEGES: Mapping[str, tuple[str, ...]] = {
    "alembic_version": ("SELECT",),
    "operator": (f"SELECT ({_OPERATOR_PUBLIC})",),  # who holds an alarm a signal joins
    "site": ("SELECT",),
    "transmitter": ("SELECT", "UPDATE (last_signal_at, test_overdue_since, last_test_extended)"),
    "floor_plan": (),
    "zone": ("SELECT",),
    "contact": (),
    "procedure": ("SELECT",),
    "procedure_step": ("SELECT",),
    "alarm": ("SELECT", "INSERT", "UPDATE"),
    "dispatch": (),
    "signal": ("SELECT", "INSERT"),
    "signal_inbox": ("SELECT", "INSERT", "DELETE"),
    "inbox_mark": ("SELECT", "INSERT", "UPDATE"),
    "journal": ("SELECT", "INSERT"),
    "journal_head": ("SELECT", "UPDATE"),  # the chain's head moves with every append (0012)
    "change_log": ("SELECT", "INSERT"),
    "transmission_fault": ("SELECT", "INSERT", "DELETE"),  # DELETE: the retention, nothing else
    "station_status": ("SELECT", "INSERT", "UPDATE"),
    "call": (),
    "call_event": (),
    "report": (),
    "site_hours": ("SELECT",),  # an opening outside the hours is decided as signals are filed
    "site_hours_exception": ("SELECT",),
    "site_arming": ("SELECT", "INSERT", "UPDATE"),  # openings and closings; the late-to-close mark
    "suspension": ("SELECT",),  # signals of a site on test raise no alarm
    "station_setting": (),
    # The report's summaries move with the alarms the receiver creates and reclassifies (0016).
    "report_hour": ("SELECT", "INSERT", "UPDATE"),
    "report_operator_day": ("SELECT", "INSERT", "UPDATE"),
    "report_site_month": ("SELECT", "INSERT", "UPDATE"),
}
_WORK = ("SELECT", "INSERT", "UPDATE", "DELETE")
CONSOLE_PRIVILEGES: Mapping[str, tuple[str, ...]] = {
    "alembic_version": ("SELECT",),
    "operator": ("SELECT",),  # the sign-in checks the password hash
    "site": _WORK,
    "transmitter": _WORK,
    "floor_plan": _WORK,
    "zone": _WORK,
    "contact": _WORK,
    "procedure": _WORK,
    "procedure_step": _WORK,
    "alarm": _WORK,
    "dispatch": _WORK,
    "signal": ("SELECT", "INSERT"),
    "signal_inbox": ("SELECT", "INSERT", "DELETE"),
    "inbox_mark": ("SELECT", "INSERT", "UPDATE"),
    "journal": ("SELECT", "INSERT"),
    "journal_head": ("SELECT", "UPDATE"),
    "change_log": ("SELECT", "INSERT"),
    "transmission_fault": ("SELECT", "INSERT", "DELETE"),  # a console may run the receiver
    "station_status": _WORK,
    "call": _WORK,
    "call_event": ("SELECT", "INSERT"),
    "report": ("SELECT", "INSERT"),  # a saved report is not edited: saving again adds one
    "site_hours": _WORK,
    "site_hours_exception": _WORK,
    "site_arming": ("SELECT", "INSERT", "UPDATE"),  # a console may run the receiver
    "suspension": ("SELECT", "INSERT", "UPDATE"),  # a test is ended, never deleted
    "station_setting": ("SELECT",),  # changed by an admin on the server (`vigie settings`)
    "report_hour": ("SELECT", "INSERT", "UPDATE"),
    "report_operator_day": ("SELECT", "INSERT", "UPDATE"),
    "report_site_month": ("SELECT", "INSERT", "UPDATE"),
}


def schema_tables() -> list[str]:
    """The tables of the current schema (as the migrations make it), alembic's own included."""
    return ["alembic_version", *(table.name for table in SQLModel.metadata.sorted_tables)]


def new_password() -> str:
    return secrets.token_urlsafe(24)


def _ident(name: str) -> str:
    return f'"{name}"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def roles_sql(database: str, names: RoleNames, passwords: Mapping[str, str]) -> list[str]:
    """Create the roles missing (with these passwords), and the database and schema rights:
    nobody but the migration role may create anything in the station's database. Needs a superuser."""
    statements = []
    for name in names.all():
        password = passwords.get(name)
        create = f"CREATE ROLE {_ident(name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT"
        if password is not None:
            create += f" PASSWORD {_literal(password)}"
        statements.append(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
            f"{_literal(name)}) THEN {create}; END IF; END $$"
        )
    db = _ident(database)
    statements += [
        f"REVOKE CREATE, TEMPORARY ON DATABASE {db} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {db} TO {', '.join(map(_ident, names.all()))}",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE, CREATE ON SCHEMA public TO {_ident(names.migrator)}",
        f"GRANT USAGE ON SCHEMA public TO {_ident(names.console)}, {_ident(names.receiver)}",
        f"GRANT {_ident(names.receiver)} TO {_ident(names.console)}",  # a console may run a receiver
    ]
    return statements


def ownership_sql(names: RoleNames, tables: Iterable[str]) -> list[str]:
    """Hand the schema to the migration role (tables created before the roles). Needs a superuser.
    A table's sequences follow it."""
    owner = _ident(names.migrator)
    return [f"ALTER TABLE IF EXISTS {_ident(t)} OWNER TO {owner}" for t in tables] + [
        "DO $$ BEGIN IF EXISTS (SELECT FROM pg_proc WHERE proname = 'journal_append_only') THEN "
        f"ALTER FUNCTION {JOURNAL_FUNCTION} OWNER TO {owner}; END IF; END $$"
    ]


FAULT_EVIDENCE_AGE = "1 day"
"""A transmission fault younger than this is evidence: the receivers' retention may delete only
older ones (row-level security), so a compromised workstation cannot wipe a fresh attack's trace."""


def fault_retention_sql() -> list[str]:
    """Row-level security on transmission_fault: everybody with the right reads and adds rows, the
    retention deletes only rows older than FAULT_EVIDENCE_AGE. The owner (migrations) is not bound."""
    table = _ident("transmission_fault")
    statements = [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"]
    for name, rule in (
        ("fault_read", "FOR SELECT USING (true)"),
        ("fault_add", "FOR INSERT WITH CHECK (true)"),
        ("fault_retention", f"FOR DELETE USING (at < now() - interval {_literal(FAULT_EVIDENCE_AGE)})"),
    ):
        statements += [f"DROP POLICY IF EXISTS {name} ON {table}", f"CREATE POLICY {name} ON {table} {rule}"]
    return statements


def grants_sql(names: RoleNames, tables: Iterable[str]) -> list[str]:
    """The console's and receiver's rights on each table, from nothing: the owner may run it again
    after every upgrade."""
    workstations = f"{_ident(names.console)}, {_ident(names.receiver)}"
    statements = []
    for table in tables:
        statements.append(f"REVOKE ALL ON {_ident(table)} FROM PUBLIC, {workstations}")
        for role, privileges in ((names.receiver, RECEIVER_PRIVILEGES), (names.console, CONSOLE_PRIVILEGES)):
            granted = privileges.get(table, ())
            if granted:
                statements.append(f"GRANT {', '.join(granted)} ON {_ident(table)} TO {_ident(role)}")
    if "transmission_fault" in tables:
        statements += fault_retention_sql()
    statements += [
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, {workstations}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {workstations}",
    ]
    return statements


def existing_roles(connection: Connection, names: Iterable[str]) -> dict[str, bool]:
    """Which of these roles exist, each with whether it is a superuser (refused as a workstation's)."""
    rows = connection.execute(
        text("SELECT rolname, rolsuper FROM pg_roles WHERE rolname = ANY(:names)"), {"names": list(names)}
    )
    return {row[0]: bool(row[1]) for row in rows}


def is_superuser(connection: Connection) -> bool:
    return bool(
        connection.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar()
    )


def present_tables(connection: Connection) -> list[str]:
    """The station's tables that exist in the database's public schema."""
    rows = connection.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
    found = {row[0] for row in rows}
    return [table for table in schema_tables() if table in found]


def apply(connection: Connection, statements: Iterable[str]) -> None:
    for statement in statements:
        connection.exec_driver_sql(statement)
