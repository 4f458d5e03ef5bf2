"""The receiver stores signals in a small inbox first; a second stage files them into `signal`.

`signal` loses two indexes that cost a page write per filed signal and served no query (account
and time) or only the retry check (the digest, at random places); one on (account, sequence)
serves the retry check instead.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 09:45:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op


revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signal_inbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("account", sa.String(length=16), nullable=False),
        sa.Column("line", sa.String(length=8), nullable=False),
        sa.Column("receiver", sa.String(length=8), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=True),
        sa.Column("protocol", sa.String(length=16), nullable=False),
        sa.Column("qualifier", sa.String(length=16), nullable=False),
        sa.Column("event_system", sa.String(length=8), nullable=False),
        sa.Column("event_code", sa.String(length=8), nullable=False),
        sa.Column("zone", sa.Integer(), nullable=True),
        sa.Column("partition", sa.Integer(), nullable=True),
        sa.Column("panel_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("peer", sa.String(length=64), nullable=False),
        sa.Column("extended", sa.Text(), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.Column("dedupe_key", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("signal_inbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signal_inbox_dedupe_key"), ["dedupe_key"], unique=False)
    with op.batch_alter_table("signal", schema=None) as batch_op:
        batch_op.drop_index("ix_signal_dedupe_key")
        batch_op.drop_index("ix_signal_account_received")
        batch_op.create_index("ix_signal_account_sequence", ["account", "sequence"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("signal", schema=None) as batch_op:
        batch_op.drop_index("ix_signal_account_sequence")
        batch_op.create_index("ix_signal_account_received", ["account", "received_at"], unique=False)
        batch_op.create_index("ix_signal_dedupe_key", ["dedupe_key"], unique=False)
    with op.batch_alter_table("signal_inbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signal_inbox_dedupe_key"))
    op.drop_table("signal_inbox")
