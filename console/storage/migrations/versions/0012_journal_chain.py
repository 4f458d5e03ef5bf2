"""A tamper-evident journal: each entry gets a position and a hash chained to the previous one.

Adds `journal.position` (gap-free, the chain's own order) and `journal.hash`, and `journal_head`
(one row: the last position and hash, locked by every append; console/storage/journal.py).
Entries already there are chained in id order, the order they were written in; then the
fingerprints of recordings already final are journaled (at the migration's time), so the chain
covers them too. The hash is `console.domain.journal_chain.entry_hash`, imported rather than
copied: its encoding is frozen (a change would break every chain already written), so this
migration computes the same hashes whenever it runs.

The append-only triggers are lifted for the numbering only, by the owner, inside this
transaction: a failure leaves the journal as it was.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 12:00:00
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from alembic import op
from console.domain.journal_chain import GENESIS, entry_hash, fingerprint_detail

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_BATCH = 5000
_SQLITE_TRIGGERS = [
    """CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
       BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END""",
    """CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
       BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END""",
]

_journal = sa.table(
    "journal",
    sa.column("id", sa.Integer),
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("action", sa.String),
    sa.column("detail", sa.Text),
    sa.column("operator_id", sa.Integer),
    sa.column("alarm_id", sa.Integer),
    sa.column("site_id", sa.Integer),
    sa.column("position", sa.BigInteger),
    sa.column("hash", sa.String),
)


def _utc(value: datetime) -> datetime:
    """SQLite gives the stored naive UTC back; PostgreSQL an aware value."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _at_for(dialect: str, value: datetime) -> datetime:
    return value.replace(tzinfo=None) if dialect == "sqlite" else value


def _set_triggers(enabled: bool) -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(f"ALTER TABLE journal {'ENABLE' if enabled else 'DISABLE'} TRIGGER journal_no_update")
    elif dialect == "sqlite":
        if enabled:
            for statement in _SQLITE_TRIGGERS:
                op.execute(statement)
        else:
            op.execute("DROP TRIGGER IF EXISTS journal_no_update")
            op.execute("DROP TRIGGER IF EXISTS journal_no_delete")


def _chain_existing(bind: sa.Connection) -> tuple[int, str]:
    """Number and hash the rows there, in id order, a batch of updates at a time."""
    position, previous = 0, GENESIS
    last_id = 0
    while True:
        rows = bind.execute(
            sa.select(
                _journal.c.id,
                _journal.c.at,
                _journal.c.action,
                _journal.c.detail,
                _journal.c.operator_id,
                _journal.c.alarm_id,
                _journal.c.site_id,
            )
            .where(_journal.c.id > last_id)
            .order_by(_journal.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return position, previous
        updates = []
        for row in rows:
            position += 1
            previous = entry_hash(
                previous,
                position,
                _utc(row.at),
                row.action,
                row.detail,
                row.operator_id,
                row.alarm_id,
                row.site_id,
            )
            updates.append({"b_id": row.id, "b_position": position, "b_hash": previous})
        bind.execute(
            sa.update(_journal)
            .where(_journal.c.id == sa.bindparam("b_id"))
            .values(position=sa.bindparam("b_position"), hash=sa.bindparam("b_hash")),
            updates,
        )
        last_id = rows[-1].id


def _journal_fingerprints(bind: sa.Connection, position: int, previous: str) -> tuple[int, str]:
    """One chained entry per recording fingerprinted before the chain existed."""
    calls = bind.execute(
        sa.text(
            "SELECT id, alarm_id, site_id, recording_size, recording_sha256 FROM call "
            "WHERE recording_sha256 IS NOT NULL ORDER BY id"
        )
    ).all()
    now = datetime.now(UTC)
    dialect = bind.dialect.name
    for call in calls:
        position += 1
        detail = fingerprint_detail(call.id, call.recording_size or 0, call.recording_sha256)
        action = "recording_fingerprinted"
        previous = entry_hash(previous, position, now, action, detail, None, call.alarm_id, call.site_id)
        bind.execute(
            sa.insert(_journal).values(
                at=_at_for(dialect, now),
                action=action,
                detail=detail,
                alarm_id=call.alarm_id,
                site_id=call.site_id,
                position=position,
                hash=previous,
            )
        )
    return position, previous


def upgrade() -> None:
    op.create_table(
        "journal_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.add_column("journal", sa.Column("position", sa.BigInteger(), nullable=True))
    op.add_column("journal", sa.Column("hash", sa.String(length=64), nullable=True))
    op.create_index("ix_journal_position", "journal", ["position"], unique=True)
    bind = op.get_bind()
    _set_triggers(False)
    position, previous = _chain_existing(bind)
    _set_triggers(True)
    position, previous = _journal_fingerprints(bind, position, previous)
    bind.execute(
        sa.text("INSERT INTO journal_head (id, position, hash) VALUES (1, :position, :hash)"),
        {"position": position, "hash": previous},
    )


def downgrade() -> None:
    op.drop_index("ix_journal_position", table_name="journal")
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("journal", schema=None) as batch_op:  # rebuilds the table
            batch_op.drop_column("hash")
            batch_op.drop_column("position")
        _set_triggers(False)  # the rebuilt table has none; drop-if-exists then create
        _set_triggers(True)
    else:
        op.drop_column("journal", "hash")
        op.drop_column("journal", "position")
    op.drop_table("journal_head")
