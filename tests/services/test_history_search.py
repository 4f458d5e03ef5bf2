"""The history search on both backends: every filter, keyset pages without gaps, sorting, words, roles."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlmodel import col

from console.domain.history import (
    HistoryKind,
    HistoryQuery,
    HistoryRow,
    InvalidHistoryQuery,
    parse_history_query,
)
from console.domain.journal import JournalAction
from console.services.authority import AuditRefused, Authority
from console.services.history import HistorySearch
from console.storage.engine import Database
from console.storage.tables import AlarmRow, JournalRow
from tests.factories import T0
from tests.history_data import ALARMS, OPEN, Station, build_station


@pytest.fixture
def station(db: Database) -> Station:
    return build_station(db)


def everything(
    search: HistorySearch, station: Station, query: HistoryQuery, size: int = 200
) -> list[HistoryRow]:
    rows: list[HistoryRow] = []
    page = search.page(station.supervisor, query, size=size)
    rows += page.rows
    while page.next_after is not None:
        page = search.page(station.supervisor, query, page.next_after, size)
        rows += page.rows
    return rows


def ids(db: Database, station: Station, **fields: str) -> list[int]:
    search = HistorySearch(db, Authority(db))
    return [r.id for r in everything(search, station, HistoryQuery.from_fields(fields))]


def test_each_filter_of_the_alarms(db: Database, station: Station) -> None:
    a = station.alarm_ids  # a[i] was raised i hours before T0
    assert ids(db, station) == a  # newest first
    assert ids(db, station, site="LYO-0002") == a[1::3]
    assert ids(db, station, site="lyo-0002") == a[1::3]  # a code in any case
    assert ids(db, station, site="pharmacie") == [x for i, x in enumerate(a) if i % 3 != 1]  # part of a name
    assert ids(db, station, site="nowhere") == []
    assert ids(db, station, account="5b01") == a[2::3]
    assert ids(db, station, code="fire") == a[::5]
    assert ids(db, station, code="110") == a[::5] == ids(db, station, code="CID:110")
    assert ids(db, station, zone="2") == a[1::3]
    assert ids(db, station, operator="chef") == [x for i, x in enumerate(a) if i % 4 >= 2]
    assert ids(db, station, operator="ghost") == []
    assert ids(db, station, disposition="false_alarm_user") == a[::4]
    assert ids(db, station, state="taken") == [a[1], a[3], a[5]]
    start, end = (T0 - timedelta(hours=5)).isoformat(), (T0 - timedelta(hours=2)).isoformat()
    assert ids(db, station, **{"from": start, "to": end}) == a[3:6]  # from included, to excluded
    assert ids(db, station, site="LYO-0001", state="closed", code="intrusion") == [
        x for i, x in enumerate(a) if i % 3 == 0 and i != 3 and i % 5
    ]


def test_words_are_found_in_comments_and_journal_details(db: Database, station: Station) -> None:
    a = station.alarm_ids
    assert ids(db, station, text="entrepôt") == a[::2]
    assert ids(db, station, text="FENÊTRE ouv") == [
        x for i, x in enumerate(a) if i % 2 and i not in OPEN
    ]  # any case, word beginnings, all words
    assert ids(db, station, text="fenêtre chat") == []
    journal = ids(db, station, kind="journal", text="chat masqué")
    assert len(journal) == len(a[::2])
    assert ids(db, station, kind="calls", text="password") != []
    with db.write() as session:  # a comment changed later is found by its new words only
        alarm = session.get(AlarmRow, a[1])
        assert alarm is not None
        alarm.closing_comment = "Gardien sur place"
    assert ids(db, station, text="gardien") == [a[1]]


def test_other_kinds_and_their_filters(db: Database, station: Station) -> None:
    signals = ids(db, station, kind="signals", site="LYO-0001")
    assert len(signals) == 2 * len(station.alarm_ids[::3])
    assert len(ids(db, station, kind="signals", account="4A22", zone="3")) == 10
    assert len(ids(db, station, kind="signals", code="CID:110")) == 12
    assert len(ids(db, station, kind="calls")) == 10
    assert len(ids(db, station, kind="calls", state="open")) == 5
    assert len(ids(db, station, kind="journal", code="close", operator="amelie")) == 14
    assert len(ids(db, station, kind="journal", site="Boulangerie")) == 10 + 9


def test_pages_have_no_gap_and_no_duplicate_in_either_order_and_any_sort(
    db: Database, station: Station
) -> None:
    search = HistorySearch(db, Authority(db))
    for kind in ("alarms", "signals", "journal"):
        whole = [
            r.id for r in everything(search, station, HistoryQuery.from_fields({"kind": kind}), size=5000)
        ]
        for sort in ("at", "site", "code", "operator", "zone", "state"):
            for order in ("asc", "desc"):
                query, problems = parse_history_query({"kind": kind, "sort": sort, "order": order})
                if query is None:  # this kind has no such column
                    assert problems[0].field == "sort"
                    continue
                paged = everything(search, station, query, size=7)
                assert sorted(r.id for r in paged) == sorted(whole), (kind, sort, order)
                keys = [(r.value(sort) if r.value(sort) is not None else "", r.id) for r in paged]
                assert keys == sorted(keys, reverse=order == "desc"), (kind, sort, order)


def test_bad_values_are_all_reported_field_by_field() -> None:
    with pytest.raises(InvalidHistoryQuery) as bad:
        HistoryQuery.from_fields(
            {
                "kind": "alarms",
                "from": "yesterday",
                "account": "XYZ!",
                "zone": "-1",
                "state": "asleep",
                "code": "9",
            }
        )
    assert [p.field for p in bad.value.problems] == ["from", "account", "code", "zone", "state"]
    _, problems = parse_history_query(
        {"kind": "calls", "zone": "3", "from": "2026-02-01", "to": "2026-01-01"}
    )
    assert {(p.field, p.code) for p in problems} == {("to", "bad_period"), ("zone", "not_for_kind")}
    _, problems = parse_history_query({"kind": "films", "text": "!!", "colour": "red"})
    assert {(p.field, p.code) for p in problems} == {
        ("colour", "unknown_field"),
        ("kind", "bad_kind"),
        ("text", "no_words"),
    }
    query = HistoryQuery.from_fields({"to": "2026-03-31"})  # a bare date as the end includes that day
    assert query.end is not None and query.end.isoformat() == "2026-04-01T00:00:00+00:00"
    assert HistoryQuery.from_fields({"kind": "journal", "code": "take"}).kind is HistoryKind.JOURNAL


def test_an_operator_is_refused_and_the_refusal_journaled(
    db: Database, station: Station, tmp_path: Path
) -> None:
    search = HistorySearch(db, Authority(db))
    with pytest.raises(AuditRefused):
        search.page(station.operator, HistoryQuery())
    with pytest.raises(AuditRefused):
        search.export_csv(station.operator, HistoryQuery(), tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()
    with db.read() as session:
        refusals = session.scalars(
            select(JournalRow.detail).where(col(JournalRow.action) == JournalAction.AUDIT_REFUSED.value)
        ).all()
    assert refusals == ["search the history", "export a history search"]


def test_export_writes_every_page_and_is_journaled(db: Database, station: Station, tmp_path: Path) -> None:
    search = HistorySearch(db, Authority(db))
    path = tmp_path / "alarms.csv"
    query = HistoryQuery.from_fields({"site": "pharmacie", "text": "entrepôt"})
    assert search.export_csv(station.supervisor, query, path) == 10
    with path.open(newline="", encoding="utf-8") as f:
        lines = list(csv.DictReader(f))
    assert [int(r["id"]) for r in lines] == [
        x for i, x in enumerate(station.alarm_ids) if i % 2 == 0 and i % 3 != 1
    ]
    assert lines[0]["site_name"] == "Pharmacie Centrale" and "entrepôt" in lines[0]["text"]
    with db.read() as session:
        entry = session.execute(
            select(JournalRow.operator_id, JournalRow.detail).where(
                col(JournalRow.action) == JournalAction.SEARCH_EXPORTED.value
            )
        ).one()
    assert entry.operator_id == station.supervisor.id
    assert "10 rows" in entry.detail and "site='pharmacie'" in entry.detail and "entrepôt" in entry.detail
    big = HistorySearch(db, Authority(db))
    assert (
        big.export_csv(station.supervisor, HistoryQuery(kind=HistoryKind.SIGNALS), tmp_path / "s.csv")
        == 2 * ALARMS
    )


def test_a_common_word_gives_the_same_rows_as_a_rare_one_would(
    db: Database, station: Station, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word of many matches walks the time index (SQLite) or is not listed (PostgreSQL): same rows."""
    from console.storage import history

    queries = [
        {"text": "entrepôt"},
        {"kind": "journal", "text": "closed"},
        {"text": "fenêtre", "site": "LYO-0002"},
    ]
    few = [ids(db, station, **q) for q in queries]
    monkeypatch.setattr(history, "FTS_MANY", 1)
    monkeypatch.setattr(history, "FTS_LIST", 0)
    assert [ids(db, station, **q) for q in queries] == few
    assert all(few)
