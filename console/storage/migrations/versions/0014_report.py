"""Saved supervision reports: period, scope, author, the comment and the figures as built (JSON);
and a covering index of the columns the reports aggregate (a year's report reads it, not the rows).

Revision ID: 0014
Revises: 0011
Create Date: 2026-12-03 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_REPORT_COLUMNS = ("created_at", "category", "site_id", "operator_id", "disposition", "taken_at", "closed_at")


def upgrade() -> None:
    op.create_table(
        "report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("period_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("scope", sa.String(length=300), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["operator.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_report_created_at", "report", ["created_at"], unique=False)
    op.create_index("ix_alarm_report", "alarm", list(_REPORT_COLUMNS), unique=False)


def downgrade() -> None:
    op.drop_index("ix_alarm_report", table_name="alarm")
    op.drop_index("ix_report_created_at", table_name="report")
    op.drop_table("report")
