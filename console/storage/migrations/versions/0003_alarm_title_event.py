"""Alarms record the event behind their title, so each console renders it in its own language.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 07:46:17.437824
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("alarm", schema=None) as batch_op:
        batch_op.add_column(sa.Column("title_event", sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column("title_zone", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("alarm", schema=None) as batch_op:
        batch_op.drop_column("title_zone")
        batch_op.drop_column("title_event")
