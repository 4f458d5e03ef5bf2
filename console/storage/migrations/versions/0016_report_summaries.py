"""The report's summaries: alarms counted per UTC hour and category, per day and operator, per month
and site (console/storage/report_summary.py), filled from the alarms already stored.

The backfill is report_summary.rebuild, the same aggregate queries the console keeps the summaries
with: one pass over the alarms per summary (about a minute for a million alarms on SQLite). The
covering index of 0014 stays: the report still reads alarms at its period's partial hours, days and
months, and for a site's or an operator's scope.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op
from console.storage.report_summary import rebuild
from console.storage.tables import HOUR_COUNTS, OPERATOR_COUNTS, SITE_COUNTS

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def _counts(*names: str) -> list[sa.Column[int]]:
    return [sa.Column(name, sa.BigInteger(), server_default="0", nullable=False) for name in names]


def upgrade() -> None:
    op.create_table(
        "report_hour",
        sa.Column("hour", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        *_counts(*HOUR_COUNTS),
        sa.PrimaryKeyConstraint("hour", "category"),
    )
    op.create_table(
        "report_operator_day",
        sa.Column("day", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("operator_id", sa.BigInteger(), autoincrement=False, nullable=False),
        *_counts(*OPERATOR_COUNTS),
        sa.PrimaryKeyConstraint("day", "operator_id"),
    )
    op.create_table(
        "report_site_month",
        sa.Column("month", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("site_id", sa.BigInteger(), autoincrement=False, nullable=False),
        *_counts(*SITE_COUNTS),
        sa.PrimaryKeyConstraint("month", "site_id"),
    )
    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_table("report_site_month")
    op.drop_table("report_operator_day")
    op.drop_table("report_hour")
