"""`vigie verify` as a nightly job runs it: real processes, each option alone, exit 3 on a break."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from console.storage.engine import Database
from tests.cli.test_cli import assert_one_line_error, vigie
from tests.storage.test_journal_chain import note, rogue


def test_verify_with_only_the_database(db_url: str) -> None:
    db = Database.from_url(db_url)
    note(db, 3)
    db.dispose()
    result = vigie("verify", "--db", db_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("chain intact: 3 entries, head ")
    again = vigie("verify", "--db", db_url)  # the first run's outcome is journaled, in the chain
    assert again.returncode == 0 and again.stdout.startswith("chain intact: 4 entries")


def test_verify_reports_the_first_break_and_exits_3(db_url: str) -> None:
    db = Database.from_url(db_url)
    note(db, 4)
    with rogue(db) as conn:
        conn.execute(text("DELETE FROM journal WHERE position = 2"))
    db.dispose()
    result = vigie("verify", "--db", db_url)
    assert result.returncode == 3, result.stderr
    assert result.stdout.strip() == "chain broken: entry at position 2 missing (deleted) before journal id 3"


def test_publish_then_against(db_url: str, tmp_path: Path) -> None:
    heads = tmp_path / "heads.txt"
    db = Database.from_url(db_url)
    note(db, 2)
    db.dispose()
    published = vigie("verify", "--db", db_url, "--publish", str(heads))
    assert published.returncode == 0, published.stderr
    day, position, head = heads.read_text().split()
    assert position == "2" and f"head published to {heads}: {day} 2 {head}" in published.stdout
    checked = vigie("verify", "--db", db_url, "--against", str(heads))
    assert checked.returncode == 0, checked.stderr
    assert "1 published heads found in the chain" in checked.stdout


def test_bad_input_is_one_line(db_url: str, tmp_path: Path) -> None:
    assert_one_line_error(
        vigie("verify", "--db", db_url, "--against", str(tmp_path / "none.txt")), "cannot read"
    )
    bad = tmp_path / "bad.txt"
    bad.write_text("yesterday 12\n")
    assert_one_line_error(vigie("verify", "--db", db_url, "--against", str(bad)), "bad.txt:1")
    assert_one_line_error(vigie("verify", "--db", f"sqlite:///{tmp_path}/absent.sqlite"), "absent.sqlite")
