"""Alarms of unregistered accounts: one per source *and period* (an hour by default), not one per
source for as long as it stays open, so that a flood going on all night raises a fresh alarm with
its own counts every period instead of feeding an alarm left open hours ago
(console/domain/unknown_source.py). Open alarms from before keep period 0: the next message from
their source opens the current period's alarm beside them.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_OPEN_UNKNOWN = sa.text("state != 'closed' AND site_id IS NULL")


def upgrade() -> None:
    with op.batch_alter_table("alarm", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_period", sa.Integer(), nullable=False, server_default="0"))
    op.drop_index("uq_alarm_open_unknown_source", table_name="alarm")
    op.create_index(
        "uq_alarm_open_unknown_source",
        "alarm",
        ["source", "source_period"],
        unique=True,
        sqlite_where=_OPEN_UNKNOWN,
        postgresql_where=_OPEN_UNKNOWN,
    )


def downgrade() -> None:
    # Fails (rather than closing alarms behind the operators' backs) while a source has open
    # alarms of two periods: close them first.
    op.drop_index("uq_alarm_open_unknown_source", table_name="alarm")
    op.create_index(
        "uq_alarm_open_unknown_source",
        "alarm",
        ["source"],
        unique=True,
        sqlite_where=_OPEN_UNKNOWN,
        postgresql_where=_OPEN_UNKNOWN,
    )
    with op.batch_alter_table("alarm", schema=None) as batch_op:
        batch_op.drop_column("source_period")
