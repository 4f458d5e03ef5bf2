"""Receiver: retry de-duplication, transmission faults, station status, periodic-test supervision.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 06:40:39.629331
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "station_status",
        sa.Column("component", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("component"),
    )
    op.create_table(
        "transmission_fault",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("peer", sa.String(length=64), nullable=False),
        sa.Column("account", sa.String(length=16), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("skew_s", sa.Float(), nullable=True),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("transmission_fault", schema=None) as batch_op:
        batch_op.create_index("ix_transmission_fault_account_at", ["account", "at"], unique=False)
        batch_op.create_index(batch_op.f("ix_transmission_fault_at"), ["at"], unique=False)

    with op.batch_alter_table("signal", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dedupe_key", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_signal_dedupe_key"), ["dedupe_key"], unique=False)

    with op.batch_alter_table("transmitter", schema=None) as batch_op:
        batch_op.add_column(sa.Column("test_overdue_since", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("transmitter", schema=None) as batch_op:
        batch_op.drop_column("test_overdue_since")

    with op.batch_alter_table("signal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signal_dedupe_key"))
        batch_op.drop_column("dedupe_key")

    with op.batch_alter_table("transmission_fault", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transmission_fault_at"))
        batch_op.drop_index("ix_transmission_fault_account_at")

    op.drop_table("transmission_fault")
    op.drop_table("station_status")
