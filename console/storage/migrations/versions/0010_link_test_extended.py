"""Transmitters keep the extended data of their last link test (DC-09 XNM `[][G1]` blocks).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 07:30:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op


revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("transmitter", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_test_extended", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("transmitter", schema=None) as batch_op:
        batch_op.drop_column("last_test_extended")
