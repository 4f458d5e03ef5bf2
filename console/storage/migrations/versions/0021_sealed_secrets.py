"""Transmitters' AES keys sealed with the station key (console/storage/sealed.py), never in clear.

Widens `transmitter.aes_key` to hold a sealed value, then seals every key still in clear, so a
dump of the database shows none. When there is a clear key to seal and no station key file yet,
the file is created (and the log says where): the station's other consoles and receivers need a
copy of it. A station key that exists but cannot be read stops the migration with its one-line
error, and nothing is changed. The downgrade opens the keys again (it needs the station key too).

SQLite: its declared column types are not enforced and a table rebuild would trip over the
signals referencing transmitters, so the declared type is rewritten in the schema text, the
procedure SQLite documents for changes that leave the stored rows as they are (same TEXT
affinity). The sealing code is imported, not copied: format v1 stays readable by that module.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op
from console.storage import sealed

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

_NARROW, _WIDE = 64, sealed.SEALED_COLUMN_LENGTH


def upgrade() -> None:
    _set_length(_NARROW, _WIDE)
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, aes_key FROM transmitter WHERE aes_key IS NOT NULL")).all()
    clear = [(row_id, value) for row_id, value in rows if not sealed.is_sealed(value)]
    if not clear:
        return
    path = sealed.station_key_path()
    key, created = sealed.ensure_station_key(path)
    if created:
        sealed.log.warning(
            "station key created at %s to seal the AES keys stored in clear: back it up with the "
            "database; every console and receiver of the station needs a copy",
            path,
        )
    bind.execute(
        sa.text("UPDATE transmitter SET aes_key = :sealed WHERE id = :id"),
        [{"id": row_id, "sealed": sealed.seal_aes_key(value, key)} for row_id, value in clear],
    )
    sealed.log.warning("%d transmitter AES key(s) sealed with the station key", len(clear))


def downgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, aes_key FROM transmitter WHERE aes_key IS NOT NULL")).all()
    opened = [(row_id, value) for row_id, value in rows if sealed.is_sealed(value)]
    if opened:
        key = sealed.load_station_key()
        bind.execute(
            sa.text("UPDATE transmitter SET aes_key = :clear WHERE id = :id"),
            [{"id": row_id, "clear": sealed.unseal_aes_key(value, key).hex().upper()} for row_id, value in opened],
        )
    _set_length(_WIDE, _NARROW)


def _set_length(before: int, after: int) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        op.alter_column(
            "transmitter",
            "aes_key",
            existing_type=sa.String(length=before),
            type_=sa.String(length=after),
            existing_nullable=True,
        )
        return
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema=ON")
    try:
        bind.execute(
            sa.text(
                "UPDATE sqlite_master SET sql = replace(sql, :before, :after) "
                "WHERE type = 'table' AND name = 'transmitter'"
            ),
            {"before": f"aes_key VARCHAR({before})", "after": f"aes_key VARCHAR({after})"},
        )
        bind.exec_driver_sql(f"PRAGMA schema_version={int(version) + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema=OFF")
