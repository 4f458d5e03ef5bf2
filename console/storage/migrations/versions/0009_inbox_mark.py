"""How far each SQLite inbox file is filed into the database (the receiver's inbox moved to a file of its own).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 12:55:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op


revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbox_mark",
        sa.Column("epoch", sa.String(length=36), nullable=False),
        sa.Column("last_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("epoch"),
    )


def downgrade() -> None:
    op.drop_table("inbox_mark")
