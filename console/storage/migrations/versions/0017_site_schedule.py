"""Sites' opening hours (weekly spans and exception days) and their arming state, for the alarms
"opening outside the hours" and "late to close" (console/domain/schedule.py).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03 16:30:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "site_hours",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("opens", sa.Time(), nullable=False),
        sa.Column("closes", sa.Time(), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_site_hours_site_id", "site_hours", ["site_id"])
    op.create_table(
        "site_hours_exception",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("opens", sa.Time(), nullable=True),
        sa.Column("closes", sa.Time(), nullable=True),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_site_hours_exception_site_id", "site_hours_exception", ["site_id"])
    op.create_table(
        "site_arming",
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("late_close_for", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"]),
        sa.PrimaryKeyConstraint("site_id"),
    )


def downgrade() -> None:
    op.drop_table("site_arming")
    op.drop_index("ix_site_hours_exception_site_id", table_name="site_hours_exception")
    op.drop_table("site_hours_exception")
    op.drop_index("ix_site_hours_site_id", table_name="site_hours")
    op.drop_table("site_hours")
