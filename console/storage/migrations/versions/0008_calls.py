"""Call records of the embedded softphone, with their timed events and recording fingerprints.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 10:30:00
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op


revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_CALL_OPEN = sa.text("ended_at IS NULL")


def upgrade() -> None:
    op.create_table(
        "call",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alarm_id", sa.Integer(), nullable=True),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("workstation", sa.String(length=100), nullable=False),
        sa.Column("direction", sa.String(length=16), nullable=False),
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column("remote_uri", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ringing_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("end_status", sa.String(length=16), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=False),
        sa.Column("recording_path", sa.Text(), nullable=True),
        sa.Column("recording_size", sa.BigInteger(), nullable=True),
        sa.Column("recording_sha256", sa.String(length=64), nullable=True),
        sa.Column("verdict", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(["alarm_id"], ["alarm.id"]),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"]),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.id"]),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("call", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_alarm_id"), ["alarm_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_call_site_id"), ["site_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_call_created_at"), ["created_at"], unique=False)
        batch_op.create_index(
            "ix_call_open_workstation",
            ["workstation"],
            unique=False,
            sqlite_where=_CALL_OPEN,
            postgresql_where=_CALL_OPEN,
        )

    op.create_table(
        "call_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["call_id"], ["call.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("call_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_event_call_id"), ["call_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("call_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_event_call_id"))
    op.drop_table("call_event")

    with op.batch_alter_table("call", schema=None) as batch_op:
        batch_op.drop_index("ix_call_open_workstation")
        batch_op.drop_index(batch_op.f("ix_call_created_at"))
        batch_op.drop_index(batch_op.f("ix_call_site_id"))
        batch_op.drop_index(batch_op.f("ix_call_alarm_id"))
    op.drop_table("call")
