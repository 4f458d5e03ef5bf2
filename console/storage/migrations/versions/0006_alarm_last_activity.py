"""Alarms remember their holder's last activity (stall detection); alarms indexed by creation time (shift figures).

Existing alarms get their last activity from the journal: the latest entry an operator wrote on them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 10:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("alarm", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_activity_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_alarm_created_at"), ["created_at"], unique=False)
    op.execute(
        "UPDATE alarm SET last_activity_at = ("
        " SELECT max(journal.at) FROM journal"
        " WHERE journal.alarm_id = alarm.id AND journal.operator_id IS NOT NULL)"
    )


def downgrade() -> None:
    with op.batch_alter_table("alarm", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alarm_created_at"))
        batch_op.drop_column("last_activity_at")
