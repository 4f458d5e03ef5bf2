"""`vigie demo --db URL` only fills an empty database or the demo's own: its operators have known
passwords and sign in without one, so a station's database is refused and left as it was."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlmodel import SQLModel

from console.domain.journal import JournalAction
from console.resources import resource
from console.services.demo_data import NotADemoDatabase, load_demo
from console.storage.engine import Database
from console.storage.operators import authenticate
from console.storage.tables import JournalRow
from tests.cli.test_cli import assert_one_line_error, console_env, vigie
from tests.factories import add_operator_to, add_site


def demo(url: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """The demo with only its required arguments, leaving on its own after a second."""
    return vigie("demo", "--db", url, env=console_env(tmp_path / "data"))


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order: what "left unchanged" is compared on."""
    db = Database.from_url(url)
    with db.read() as session:
        found = {
            table.name: sorted(tuple(map(repr, row)) for row in session.execute(table.select()))
            for table in SQLModel.metadata.sorted_tables
        }
        found["alembic_version"] = [tuple(session.execute(text("SELECT * FROM alembic_version")).one())]
    db.dispose()
    return found


@pytest.mark.slow
def test_a_station_database_is_refused_and_left_unchanged(db_url: str, tmp_path: Path) -> None:
    db = Database.from_url(db_url)
    add_site(db, "REAL-0001", "1234")
    db.dispose()
    before = snapshot(db_url)
    result = demo(db_url, tmp_path)
    assert_one_line_error(result, "holds a station's data and is not a demo database")
    assert snapshot(db_url) == before
    assert not before["operator"]  # the demo's operators were not added


def test_an_operator_alone_makes_a_database_a_station_s(sqlite_db: Database) -> None:
    add_operator_to(sqlite_db, "amelie")
    with pytest.raises(NotADemoDatabase):
        load_demo(sqlite_db, resource("demo"))
    with sqlite_db.read() as session:
        assert authenticate(session, "demo", "demo") is None


@pytest.mark.slow
def test_the_demo_fills_an_empty_database_marks_it_and_runs_on_it_again(
    empty_db_url: str, tmp_path: Path
) -> None:
    first = demo(empty_db_url, tmp_path)
    assert first.returncode == 0, first.stderr[-2000:]
    again = demo(empty_db_url, tmp_path)
    assert again.returncode == 0, again.stderr[-2000:]
    db = Database.from_url(empty_db_url)
    with db.read() as session:
        marks = session.execute(
            select(JournalRow.id).where(JournalRow.action == JournalAction.DEMO_LOADED)
        ).all()
        assert authenticate(session, "demo", "demo") is not None  # the documented passwords, demo only
        assert authenticate(session, "chef", "chef") is not None
    db.dispose()
    assert len(marks) == 1
