"""Schema creation and upgrades through alembic, shipped inside the package.

`vigie db init` and every start of the console or the receiver call `upgrade`: a fresh database
gets the whole schema, an older one the missing migrations, a current one nothing.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from console.storage.engine import DatabaseError, describe_db_error

MIGRATIONS = Path(__file__).with_name("migrations")
_INSUFFICIENT_PRIVILEGE = "42501"


FULL_TEXT_PREFIX = "fts_"  # migration 0013's full-text tables and indexes, which no table declares


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's filter: compare and autogenerate leave the full-text objects alone."""
    return not (name or "").startswith(FULL_TEXT_PREFIX)


def _config(connection: object) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head", *, as_role: str | None = None) -> None:
    """Bring the schema to `revision`; `as_role` (PostgreSQL) makes that role own what is created.

    A workstation's role may not change the schema: when it finds the schema behind, it says so
    in one line instead of failing on the first statement refused.
    """
    try:
        with engine.begin() as connection:
            if as_role is not None:
                connection.exec_driver_sql(f'SET LOCAL ROLE "{as_role}"')
            command.upgrade(_config(connection), revision)
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != _INSUFFICIENT_PRIVILEGE:
            raise
        raise DatabaseError(
            f"the schema needs an upgrade to {head_revision()} and this role may not do it "
            f"({describe_db_error(exc)}): run `vigie db init` with the migration role"
        ) from exc


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        command.downgrade(_config(connection), revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config(None)).get_current_head()
    assert head is not None
    return head


def autogenerate(engine: Engine, message: str) -> None:
    """Developer tool: write a new migration from the difference between tables and database."""
    with engine.begin() as connection:
        command.revision(_config(connection), message=message, autogenerate=True)
