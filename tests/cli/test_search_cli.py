"""`vigie search`: the view's rows as JSON lines, every option optional, a bad filter one line and exit 1."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlmodel import col

from console.cli.main import main
from console.domain.history import HistoryQuery
from console.domain.journal import JournalAction
from console.services.authority import Authority
from console.services.history import HistorySearch
from console.storage.engine import Database
from console.storage.tables import JournalRow
from tests.cli.test_cli import assert_one_line_error, vigie
from tests.factories import T0
from tests.history_data import ALARMS, Station, build_station


@pytest.fixture
def station(db: Database) -> Station:
    return build_station(db)


def search(capsys: pytest.CaptureFixture[str], db_url: str, *options: str) -> list[dict[str, object]]:
    assert main(["search", "--db", db_url, *options]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_only_db_prints_every_alarm_as_the_view_would_and_journals_the_run(
    db: Database, db_url: str, station: Station
) -> None:
    result = vigie("search", "--db", db_url)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == station.alarm_ids
    page = HistorySearch(db, Authority(db)).page(station.supervisor, HistoryQuery(), size=ALARMS)
    assert lines == [row.as_dict() for row in page.rows]  # the same rows as the view's model
    with db.read() as session:
        details = session.scalars(
            select(JournalRow.detail).where(col(JournalRow.action) == JournalAction.SEARCH_EXPORTED.value)
        ).all()
    assert details == [f"alarms: {ALARMS} rows on the command line (kind='alarms')"]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--kind", "signals"], 2 * ALARMS),
        (["--kind", "calls"], 10),
        (["--kind", "journal"], ALARMS + ALARMS - 3),
        (["--from", (T0 - timedelta(hours=9)).isoformat()], 10),
        (["--to", (T0 - timedelta(hours=9)).isoformat()], 20),
        (["--site", "LYO-0002"], 10),
        (["--account", "5B01"], 10),
        (["--code", "CID:110"], 6),
        (["--zone", "1"], 10),
        (["--operator", "chef"], 14),
        (["--disposition", "false_alarm_user"], 8),
        (["--state", "closed"], ALARMS - 3),
        (["--text", "entrepôt"], 15),
        (["--sort", "site", "--order", "asc"], ALARMS),
    ],
)
def test_each_option(
    capsys: pytest.CaptureFixture[str], db_url: str, station: Station, options: list[str], expected: int
) -> None:
    assert len(search(capsys, db_url, *options)) == expected


def test_rows_are_sorted_as_asked(capsys: pytest.CaptureFixture[str], db_url: str, station: Station) -> None:
    lines = search(
        capsys, db_url, "--kind", "journal", "--sort", "operator", "--order", "asc", "--site", "Nord"
    )
    keys = [(line["operator"] or "", line["id"]) for line in lines]
    assert keys == sorted(keys) and {line["site"] for line in lines} == {"PAR-0003"}


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        (["--account", "XYZ"], "--account: account must be 3 to 16 hexadecimal digits"),
        (["--kind", "films"], "--kind: kind must be one of alarms, signals, calls, journal"),
        (["--from", "yesterday"], "--from: not an ISO date"),
        (["--kind", "calls", "--zone", "2"], "--zone: zone does not apply to calls"),
        (["--zone", "two", "--state", "sleeping"], "--zone: zone must be a number"),
    ],
)
def test_bad_filter_is_one_line_and_exit_1(
    db_url: str, station: Station, options: list[str], fragment: str
) -> None:
    result = vigie("search", "--db", db_url, *options)
    assert_one_line_error(result, fragment)
    assert result.returncode == 1 and result.stdout == ""
