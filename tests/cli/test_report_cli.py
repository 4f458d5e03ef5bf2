"""`vigie report` headless: a PDF from the required arguments alone, one-line errors otherwise."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest
from sqlalchemy import select

from console.domain.journal import JournalAction
from console.storage.engine import Database
from console.storage.tables import JournalRow
from tests.cli.test_cli import assert_one_line_error, vigie
from tests.pdf_text import pdf_text
from tests.report_station import build_station

NO_DISPLAY = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}


def test_only_the_required_arguments_write_the_station_report(db_url: str, tmp_path: Path) -> None:
    db = Database.from_url(db_url)
    build_station(db)
    pdf = tmp_path / "report.pdf"
    result = vigie(
        "report",
        "--db",
        db_url,
        "--from",
        "2026-11-02",
        "--to",
        "2026-11-03",
        "--pdf",
        str(pdf),
        env=NO_DISPLAY,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{pdf}: 5 alarms, 4 taken, 2 within 30 s"
    text = pdf_text(pdf)
    assert "Period: 2026-11-02 – 2026-11-03 (Europe/Paris)" in text and "Scope: Whole station" in text
    assert f"Author: {getpass.getuser()} (vigie report)" in text and "Alarms 5" in text
    with db.read() as session:
        rows = [(r.action, r.operator_id, r.detail) for r in session.scalars(select(JournalRow))]
    assert [(action, operator) for action, operator, _ in rows] == [(JournalAction.REPORT_EXPORTED, None)]
    assert str(pdf) in rows[0][2] and getpass.getuser() in rows[0][2]
    db.dispose()


def test_sites_and_comment(sqlite_db: Database, tmp_path: Path) -> None:
    build_station(sqlite_db)
    url = str(sqlite_db.engine.url)
    pdf = tmp_path / "paris.pdf"
    result = vigie(
        "report",
        "--db",
        url,
        "--from",
        "2026-11-02",
        "--to",
        "2026-11-03",
        "--site",
        "par-0002",
        "--pdf",
        str(pdf),
        "--comment",
        "Banque : un feu confirmé, garde en retard.",
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(pdf)
    assert (
        "Banque : un feu confirmé, garde en retard." in text
        and "Sites: PAR-0002" in text
        and "Alarms 2" in text
    )


@pytest.mark.parametrize(
    ("start", "end", "extra", "fragment"),
    [
        ("2026-11-31", "2026-12-01", [], "not an ISO date"),
        ("2026-11-10", "2026-11-02", [], "ends before it starts"),
        ("2026-11-02", "2026-11-03", ["--site", "NOPE-9"], "unknown site: NOPE-9"),
        ("2026-11-02", "2026-11-03", ["--zone", "Mars/Olympus"], "unknown time zone"),
    ],
)
def test_bad_input_is_one_line_and_a_failure(
    sqlite_db: Database, tmp_path: Path, start: str, end: str, extra: list[str], fragment: str
) -> None:
    build_station(sqlite_db)
    pdf = tmp_path / "r.pdf"
    result = vigie(
        "report", "--db", str(sqlite_db.engine.url), "--from", start, "--to", end, "--pdf", str(pdf), *extra
    )
    assert_one_line_error(result, fragment)
    assert not pdf.exists()


def test_an_unwritable_pdf_path_is_one_line(sqlite_db: Database, tmp_path: Path) -> None:
    result = vigie(
        "report",
        "--db",
        str(sqlite_db.engine.url),
        "--from",
        "2026-11-02",
        "--to",
        "2026-11-03",
        "--pdf",
        str(tmp_path / "no" / "such" / "r.pdf"),
    )
    assert_one_line_error(result, "cannot write the PDF")


def test_a_french_pdf_writes_decimal_commas(sqlite_db: Database, tmp_path: Path) -> None:
    build_station(sqlite_db)
    pdf = tmp_path / "rapport.pdf"
    result = vigie(
        "report",
        "--db",
        str(sqlite_db.engine.url),
        "--from",
        "2026-11-02",
        "--to",
        "2026-11-03",
        "--pdf",
        str(pdf),
        "--lang",
        "fr",
        env=NO_DISPLAY,
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(pdf)
    assert "50,0 % (2/4)" in text and "66,7 % (2/3)" in text and "50.0 %" not in text
