"""The supervisors' history search: pages for the view, a CSV export journaled with its filters."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from console.domain.alarm import Operator
from console.domain.history import COLUMNS, Cursor, HistoryQuery, HistoryRow
from console.domain.journal import JournalAction
from console.services.authority import Authority
from console.storage.engine import Database, unavailable_raised
from console.storage.history import search_page

SEARCH = "search the history"
EXPORT_PAGE = 2000


@dataclass(frozen=True, slots=True)
class ResultPage:
    rows: tuple[HistoryRow, ...]
    next_after: Cursor | None  # None: this was the last page


def csv_header(query: HistoryQuery) -> list[str]:
    """The export's columns: the view's, plus the site's name beside its code."""
    columns = list(COLUMNS[query.kind])
    at = columns.index("site") + 1
    return [*columns[:at], "site_name", *columns[at:]]


class HistorySearch:
    def __init__(self, db: Database, authority: Authority) -> None:
        self._db = db
        self._authority = authority

    def page(
        self, operator: Operator, query: HistoryQuery, after: Cursor | None = None, size: int = 200
    ) -> ResultPage:
        """One page of results; raises AuditRefused (journaled) or DatabaseUnavailable."""
        self._authority.require(operator, SEARCH)
        with unavailable_raised(), self._db.read() as session:
            rows, cursor = search_page(session, query, after, size)
        return ResultPage(tuple(rows), cursor)

    def export_csv(self, operator: Operator, query: HistoryQuery, path: Path) -> int:
        """Write every result to `path` (page by page, one read each) and journal the export; the row count."""
        self._authority.require(operator, "export a history search")
        header = csv_header(query)
        count = 0
        after: Cursor | None = None
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            while True:
                with unavailable_raised(), self._db.read() as session:
                    rows, after = search_page(session, query, after, EXPORT_PAGE)
                for row in rows:
                    values = row.as_dict()
                    writer.writerow(["" if values[c] is None else values[c] for c in header])
                count += len(rows)
                if after is None:
                    break
        self._authority.record(
            operator,
            JournalAction.SEARCH_EXPORTED,
            f"{query.kind.value}: {count} rows to {path.name} ({query.describe()})",
        )
        return count
