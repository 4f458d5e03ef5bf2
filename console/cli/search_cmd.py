"""`vigie search`: the supervisors' history search on the command line, one JSON object per line.

It is the station's own tooling, like `vigie history`: run by the station's staff on the server,
it signs in no operator. What guards it is the database URL itself (on PostgreSQL the role and
password it carries, on SQLite the file's permissions), and what it prints leaves the station: so
each run is journaled (`search_exported`, no operator, "command line", the filters and the row
count), as an export from the console is.
"""

from __future__ import annotations

import argparse
import json
import sys

from console.cli.common import CliError, Parser, Subcommands, db_url

_OPTIONS = {
    "kind": "alarms (default), signals, calls or journal",
    "from": "from this date or date-time (ISO 8601, UTC unless it says otherwise), included",
    "to": "until this date-time, excluded (a bare date includes that whole day)",
    "site": "a site's code, or part of its name",
    "account": "a transmitter account (hexadecimal)",
    "code": "an event code (130, CID:130, BA) or category (fire); a journal action; a call's purpose",
    "zone": "a zone number",
    "operator": "an operator's login",
    "disposition": "how the alarm was closed (false_alarm_user, ...)",
    "state": "an alarm's state (new, taken, ..., closed), or a call's end (completed, open, ...)",
    "text": "words in closing comments, journal details or call end reasons (all of them, as word beginnings)",
    "sort": "the column to sort on (default at)",
    "order": "desc (default) or asc",
}


def register(sub: Subcommands, station_db: Parser) -> None:
    search = sub.add_parser(
        "search",
        parents=[station_db],
        help="search the history (alarms, signals, calls, journal) and print JSON lines",
        description="The supervision window's history search: the same filters, the same rows, one JSON "
        "object per line. A bad filter is one line on stderr and exit status 1. Each run is journaled.",
    )
    for name, text in _OPTIONS.items():
        search.add_argument(f"--{name}", dest=f"filter_{name}", metavar=name.upper(), help=text)
    search.set_defaults(handler=run_search)


def run_search(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from console.cli.station_cmd import open_existing
    from console.domain.history import parse_history_query
    from console.domain.journal import JournalAction
    from console.storage.alarms import append_journal
    from console.storage.history import search_all

    fields = {name: value for name in _OPTIONS if (value := getattr(args, f"filter_{name}")) is not None}
    query, problems = parse_history_query(fields)
    if query is None:
        raise CliError("; ".join(f"--{p.field}: {p.text}" for p in problems))
    db = open_existing(db_url(args))
    count = 0
    with db.read() as session:
        for row in search_all(session, query):
            sys.stdout.write(json.dumps(row.as_dict(), ensure_ascii=False) + "\n")
            count += 1
    sys.stdout.flush()
    with db.write() as session:
        append_journal(
            session,
            at=datetime.now(UTC),
            action=JournalAction.SEARCH_EXPORTED,
            detail=f"{query.kind.value}: {count} rows on the command line ({query.describe()})",
        )
    db.dispose()
    return 0
