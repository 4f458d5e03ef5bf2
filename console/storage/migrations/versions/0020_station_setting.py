"""The station's settings shared by every console and receiver: sign-in lockout, password length
(console/domain/station_settings.py); and when an admin last unlocked each operator account.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03 17:30:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "station_setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    with op.batch_alter_table("operator", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unlocked_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("operator", schema=None) as batch_op:
        batch_op.drop_column("unlocked_at")
    op.drop_table("station_setting")
