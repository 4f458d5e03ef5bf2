"""Initial schema: sites, transmitters, zones, plans, contacts, procedures, signals, alarms, journal.

Revision ID: 0001
Revises:
Create Date: 2026-11-29 05:58:46.386361
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "operator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=128), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=256), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("login"),
    )
    op.create_table(
        "site",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("postcode", sa.String(length=16), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("risk_class", sa.Integer(), nullable=True),
        sa.Column("accessibility_needs", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "alarm",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("account", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_signal_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("signal_count", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("verifying_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("dispatched_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.Column("disposition", sa.String(length=40), nullable=True),
        sa.Column("closing_comment", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["closed_by"],
            ["operator.id"],
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"],
            ["operator.id"],
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["site.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("alarm", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alarm_site_id"), ["site_id"], unique=False)
        batch_op.create_index("ix_alarm_state_priority", ["state", "priority", "created_at"], unique=False)

    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=100), nullable=False),
        sa.Column("phones", sa.Text(), nullable=False),
        sa.Column("sip_uri", sa.String(length=200), nullable=True),
        sa.Column("availability", sa.String(length=200), nullable=False),
        sa.Column("accessibility_needs", sa.Text(), nullable=False),
        sa.Column("password_hash", sa.String(length=256), nullable=True),
        sa.Column("duress_hash", sa.String(length=256), nullable=True),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["site.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_site_id"), ["site_id"], unique=False)

    op.create_table(
        "floor_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("media_type", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["site.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("site_id", "level", name="uq_floor_plan_site_level"),
    )
    with op.batch_alter_table("floor_plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_floor_plan_site_id"), ["site_id"], unique=False)

    op.create_table(
        "procedure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["site.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("site_id", "category", name="uq_procedure_site_category"),
    )
    with op.batch_alter_table("procedure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_procedure_site_id"), ["site_id"], unique=False)

    op.create_table(
        "transmitter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(length=16), nullable=False),
        sa.Column("line", sa.String(length=8), nullable=False),
        sa.Column("receiver", sa.String(length=8), nullable=False),
        sa.Column("protocol", sa.String(length=16), nullable=False),
        sa.Column("aes_key", sa.String(length=64), nullable=True),
        sa.Column("test_interval_s", sa.Integer(), nullable=True),
        sa.Column("audio_module_uri", sa.String(length=200), nullable=True),
        sa.Column("last_signal_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["site.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account", "line", name="uq_transmitter_account_line"),
    )
    with op.batch_alter_table("transmitter", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_transmitter_site_id"), ["site_id"], unique=False)

    op.create_table(
        "journal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("alarm_id", sa.Integer(), nullable=True),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alarm_id"],
            ["alarm.id"],
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"],
            ["operator.id"],
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["site.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_journal_alarm_id"), ["alarm_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_journal_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_journal_site_id"), ["site_id"], unique=False)

    op.create_table(
        "procedure_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("mandatory", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["procedure_id"],
            ["procedure.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("procedure_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_procedure_step_procedure_id"), ["procedure_id"], unique=False)

    op.create_table(
        "signal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("transmitter_id", sa.Integer(), nullable=True),
        sa.Column("alarm_id", sa.Integer(), nullable=True),
        sa.Column("account", sa.String(length=16), nullable=False),
        sa.Column("line", sa.String(length=8), nullable=False),
        sa.Column("receiver", sa.String(length=8), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=True),
        sa.Column("protocol", sa.String(length=16), nullable=False),
        sa.Column("qualifier", sa.String(length=16), nullable=False),
        sa.Column("event_system", sa.String(length=8), nullable=False),
        sa.Column("event_code", sa.String(length=8), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("zone", sa.Integer(), nullable=True),
        sa.Column("partition", sa.Integer(), nullable=True),
        sa.Column("panel_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("peer", sa.String(length=64), nullable=False),
        sa.Column("extended", sa.Text(), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["alarm_id"],
            ["alarm.id"],
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["site.id"],
        ),
        sa.ForeignKeyConstraint(
            ["transmitter_id"],
            ["transmitter.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("signal", schema=None) as batch_op:
        batch_op.create_index("ix_signal_account_received", ["account", "received_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_signal_alarm_id"), ["alarm_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_signal_received_at"), ["received_at"], unique=False)
        batch_op.create_index("ix_signal_site_received", ["site_id", "received_at"], unique=False)

    op.create_table(
        "zone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("detector_type", sa.String(length=32), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("x", sa.Float(), nullable=True),
        sa.Column("y", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["floor_plan.id"],
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["site.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("site_id", "number", name="uq_zone_site_number"),
    )
    with op.batch_alter_table("zone", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_zone_site_id"), ["site_id"], unique=False)

    open_alarm = sa.text("state != 'closed'")
    open_unknown = sa.text("state != 'closed' AND site_id IS NULL")
    op.create_index(
        "uq_alarm_open_site",
        "alarm",
        ["site_id"],
        unique=True,
        sqlite_where=open_alarm,
        postgresql_where=open_alarm,
    )
    op.create_index(
        "uq_alarm_open_unknown_account",
        "alarm",
        ["account"],
        unique=True,
        sqlite_where=open_unknown,
        postgresql_where=open_unknown,
    )
    _make_journal_append_only()


# The journal (main courante) is evidence: the database itself refuses to change or remove a row.
_SQLITE_TRIGGERS = [
    """CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
       BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END""",
    """CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
       BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END""",
]
_POSTGRES_TRIGGERS = [
    """CREATE FUNCTION journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'journal is append-only'; END $$""",
    """CREATE TRIGGER journal_no_update BEFORE UPDATE OR DELETE ON journal
       FOR EACH ROW EXECUTE FUNCTION journal_append_only()""",
    """CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal
       FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only()""",
]


def _make_journal_append_only() -> None:
    dialect = op.get_bind().dialect.name
    for statement in (
        _SQLITE_TRIGGERS if dialect == "sqlite" else _POSTGRES_TRIGGERS if dialect == "postgresql" else []
    ):
        op.execute(statement)


def _drop_journal_triggers() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS journal_no_update")
        op.execute("DROP TRIGGER IF EXISTS journal_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS journal_no_update ON journal")
        op.execute("DROP TRIGGER IF EXISTS journal_no_truncate ON journal")
        op.execute("DROP FUNCTION IF EXISTS journal_append_only()")


def downgrade() -> None:
    _drop_journal_triggers()
    op.drop_index("uq_alarm_open_unknown_account", table_name="alarm")
    op.drop_index("uq_alarm_open_site", table_name="alarm")

    with op.batch_alter_table("zone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_zone_site_id"))

    op.drop_table("zone")
    with op.batch_alter_table("signal", schema=None) as batch_op:
        batch_op.drop_index("ix_signal_site_received")
        batch_op.drop_index(batch_op.f("ix_signal_received_at"))
        batch_op.drop_index(batch_op.f("ix_signal_alarm_id"))
        batch_op.drop_index("ix_signal_account_received")

    op.drop_table("signal")
    with op.batch_alter_table("procedure_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_procedure_step_procedure_id"))

    op.drop_table("procedure_step")
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journal_site_id"))
        batch_op.drop_index(batch_op.f("ix_journal_at"))
        batch_op.drop_index(batch_op.f("ix_journal_alarm_id"))

    op.drop_table("journal")
    with op.batch_alter_table("transmitter", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transmitter_site_id"))

    op.drop_table("transmitter")
    with op.batch_alter_table("procedure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_procedure_site_id"))

    op.drop_table("procedure")
    with op.batch_alter_table("floor_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_floor_plan_site_id"))

    op.drop_table("floor_plan")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_site_id"))

    op.drop_table("contact")
    with op.batch_alter_table("alarm", schema=None) as batch_op:
        batch_op.drop_index("ix_alarm_state_priority")
        batch_op.drop_index(batch_op.f("ix_alarm_site_id"))

    op.drop_table("alarm")
    op.drop_table("site")
    op.drop_table("operator")
    op.drop_table("change_log")
