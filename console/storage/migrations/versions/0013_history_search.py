"""History search: composite indexes (filter + time) and full-text indexes on comments and journal details.

SQLite: FTS5 tables over `alarm.closing_comment` and `journal.detail`, external content (the text
is stored once, in its own table) and kept by triggers. The journal's trigger only inserts into
its index (the journal itself stays append-only: no UPDATE or DELETE trigger is needed or
allowed). PostgreSQL: GIN indexes over `to_tsvector('simple', ...)`, which the search's WHERE
clause repeats word for word so the planner uses them. Every object here is named `fts_...` and
left out of the comparison with the tables (console.storage.migrate.include_name).

A later migration that rebuilds `alarm` or `journal` in SQLite batch mode drops their triggers:
it must create them again (`sqlite_fts_triggers()` below).

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-03 12:00:00
"""

from __future__ import annotations

from alembic import op


revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_INDEXES = {
    "alarm": [
        ("ix_alarm_site_created", ["site_id", "created_at"]),
        ("ix_alarm_account_created", ["account", "created_at"]),
        ("ix_alarm_operator_created", ["operator_id", "created_at"]),
        ("ix_alarm_category_created", ["category", "created_at"]),
        ("ix_alarm_disposition_created", ["disposition", "created_at"]),
    ],
    "journal": [("ix_journal_site_at", ["site_id", "at"]), ("ix_journal_operator_at", ["operator_id", "at"])],
    "call": [("ix_call_site_created", ["site_id", "created_at"]), ("ix_call_operator_created", ["operator_id", "created_at"])],
}


def sqlite_fts_triggers() -> list[str]:
    return [
        """CREATE TRIGGER fts_alarm_insert AFTER INSERT ON alarm WHEN new.closing_comment IS NOT NULL
           BEGIN INSERT INTO fts_alarm (rowid, closing_comment) VALUES (new.id, new.closing_comment); END""",
        """CREATE TRIGGER fts_alarm_update AFTER UPDATE OF closing_comment ON alarm BEGIN
             INSERT INTO fts_alarm (fts_alarm, rowid, closing_comment)
               SELECT 'delete', old.id, old.closing_comment WHERE old.closing_comment IS NOT NULL;
             INSERT INTO fts_alarm (rowid, closing_comment)
               SELECT new.id, new.closing_comment WHERE new.closing_comment IS NOT NULL;
           END""",
        """CREATE TRIGGER fts_alarm_delete AFTER DELETE ON alarm WHEN old.closing_comment IS NOT NULL
           BEGIN INSERT INTO fts_alarm (fts_alarm, rowid, closing_comment)
                 VALUES ('delete', old.id, old.closing_comment); END""",
        """CREATE TRIGGER fts_journal_insert AFTER INSERT ON journal
           BEGIN INSERT INTO fts_journal (rowid, detail) VALUES (new.id, new.detail); END""",
    ]


def upgrade() -> None:
    for table, indexes in _INDEXES.items():
        for name, columns in indexes:
            op.create_index(name, table, columns, unique=False)
    if op.get_bind().dialect.name == "sqlite":
        tokenizer = "tokenize = 'unicode61 remove_diacritics 2'"
        op.execute(
            "CREATE VIRTUAL TABLE fts_alarm USING fts5"
            f"(closing_comment, content = 'alarm', content_rowid = 'id', {tokenizer})"
        )
        op.execute(
            f"CREATE VIRTUAL TABLE fts_journal USING fts5(detail, content = 'journal', content_rowid = 'id', {tokenizer})"
        )
        for statement in sqlite_fts_triggers():
            op.execute(statement)
        op.execute("INSERT INTO fts_alarm (rowid, closing_comment) "
                   "SELECT id, closing_comment FROM alarm WHERE closing_comment IS NOT NULL")
        op.execute("INSERT INTO fts_journal (fts_journal) VALUES ('rebuild')")
    else:
        op.execute(
            "CREATE INDEX fts_alarm_comment ON alarm USING gin (to_tsvector('simple', closing_comment)) "
            "WHERE closing_comment IS NOT NULL"
        )
        op.execute("CREATE INDEX fts_journal_detail ON journal USING gin (to_tsvector('simple', detail))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("fts_alarm_insert", "fts_alarm_update", "fts_alarm_delete", "fts_journal_insert"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS fts_alarm")
        op.execute("DROP TABLE IF EXISTS fts_journal")
    else:
        op.execute("DROP INDEX IF EXISTS fts_alarm_comment")
        op.execute("DROP INDEX IF EXISTS fts_journal_detail")
    for table, indexes in _INDEXES.items():
        for name, _columns in indexes:
            op.drop_index(name, table_name=table)
