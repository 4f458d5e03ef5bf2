"""Sites and contacts are archived rather than deleted once they have history (issue 12, the
administration window): a nullable `archived_at` on each. An archived contact leaves the call list
and the caller directory; an archived site leaves the administration's list of sites.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("site", "contact"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    for table in ("contact", "site"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("archived_at")
