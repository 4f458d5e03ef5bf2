"""`vigie hours` with only its required arguments, read back, journaled, and one-line errors."""

from __future__ import annotations

from sqlmodel import col, select

from console.domain.journal import JournalAction
from console.storage.engine import Database
from console.storage.tables import JournalRow
from tests.cli.test_cli import assert_one_line_error, vigie
from tests.factories import add_site


def test_hours_set_shown_and_journaled(db_url: str) -> None:
    db = Database.from_url(db_url)
    add_site(db, code="LYO-0001")
    week = "lun-ven 08:00-12:00 14:00-19:00; sam 09:00-12:00"
    result = vigie("hours", "set", "--db", db_url, "--site", "LYO-0001", "--week", week)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "LYO-0001: Mon-Fri 08:00-12:00 14:00-19:00; Sat 09:00-12:00"
    assert vigie("hours", "day", "--db", db_url, "--site", "LYO-0001", "--date", "2026-12-25").returncode == 0
    shown = vigie("hours", "show", "--db", db_url, "--site", "LYO-0001")
    assert shown.stdout.splitlines() == [
        "LYO-0001 (Europe/Paris): Mon-Fri 08:00-12:00 14:00-19:00; Sat 09:00-12:00",
        "  2026-12-25 closed",
    ]
    with db.read() as session:
        details = session.execute(
            select(JournalRow.detail).where(col(JournalRow.action) == JournalAction.HOURS_CHANGED.value)
        ).scalars()
        first, second = list(details)
    assert first.startswith("LYO-0001: week none -> Mon-Fri 08:00-12:00 14:00-19:00; Sat 09:00-12:00 (by ")
    assert second.startswith("LYO-0001: 2026-12-25 closed (by ")
    db.dispose()


def test_unreadable_hours_and_unknown_sites_get_one_line(db_url: str) -> None:
    db = Database.from_url(db_url)
    add_site(db, code="LYO-0001")
    db.dispose()
    base = ("hours", "set", "--db", db_url, "--site", "LYO-0001", "--week")
    assert_one_line_error(vigie(*base, "Mon 8h-12h"), "is not a time like 08:00")
    assert_one_line_error(vigie(*base, "Moonday 08:00-12:00"), "is not a day")
    assert_one_line_error(vigie("hours", "show", "--db", db_url, "--site", "NOPE"), "no site 'NOPE'")
    assert_one_line_error(
        vigie("hours", "day", "--db", db_url, "--site", "LYO-0001", "--date", "25/12/2026"), "not a date"
    )
