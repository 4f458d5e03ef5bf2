"""Alarms of unregistered accounts group by source (peer address) instead of one per account.

A sender making up a new account for every frame raised one alarm per account; now one open alarm
per source counts them (console/domain/unknown_source.py). Open alarms of unknown accounts from
before keep a source of their own ("#" and their account: never a peer address), so the new unique
index holds and new signals open alarms per source beside them.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op


revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_OPEN_UNKNOWN = sa.text("state != 'closed' AND site_id IS NULL")


def upgrade() -> None:
    with op.batch_alter_table("alarm", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(length=64), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("source_accounts", sa.Integer(), nullable=False, server_default="0"))
    op.execute("UPDATE alarm SET source = '#' || account WHERE site_id IS NULL")
    op.drop_index("uq_alarm_open_unknown_account", table_name="alarm")
    op.create_index(
        "uq_alarm_open_unknown_source",
        "alarm",
        ["source"],
        unique=True,
        sqlite_where=_OPEN_UNKNOWN,
        postgresql_where=_OPEN_UNKNOWN,
    )


def downgrade() -> None:
    op.drop_index("uq_alarm_open_unknown_source", table_name="alarm")
    # Fails (rather than closing alarms behind the operators' backs) while one account has open
    # alarms from two sources: close them first.
    op.create_index(
        "uq_alarm_open_unknown_account",
        "alarm",
        ["account"],
        unique=True,
        sqlite_where=_OPEN_UNKNOWN,
        postgresql_where=_OPEN_UNKNOWN,
    )
    with op.batch_alter_table("alarm", schema=None) as batch_op:
        batch_op.drop_column("source_accounts")
        batch_op.drop_column("source")
