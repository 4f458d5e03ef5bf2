"""History search over alarms, signals, calls and journal entries, one page at a time.

Pages follow a keyset (the sort key and the id of the last row shown), never an OFFSET: the
thousandth page of a year of signals costs what the first does. Each filter is written so that an
index of migration 0013 (site, account, operator + time) or of the schema serves it. Words are
found through full-text indexes: FTS5 tables kept by triggers on SQLite, GIN indexes over
`to_tsvector('simple', ...)` on PostgreSQL; both match each word as a word beginning.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, TextClause, and_, bindparam, func, literal, select, text, tuple_
from sqlalchemy.orm import Session, aliased
from sqlmodel import col

from console.domain.history import Cursor, HistoryKind, HistoryQuery, HistoryRow
from console.storage.tables import (
    AlarmRow,
    CallRow,
    JournalRow,
    OperatorRow,
    SignalRow,
    SiteRow,
    TransmitterRow,
)

PAGE_MAX = 5000
FTS_MANY = 5000  # matches beyond which a word is common (SQLite: see _words_clause)
FTS_LIST = 20000  # matches PostgreSQL is given as a list of ids (see _words_clause)


@dataclass(frozen=True, slots=True)
class _Spec:
    """How one kind is read: its columns as SQL, by the names of HistoryRow's fields."""

    entity: type[Any]
    id: Any  # columns (sqlmodel types them as Mapped[...], SQLAlchemy's functions as ColumnElement)
    at: Any
    site_id: Any
    operator_id: Any
    columns: dict[str, Any]


_Op = aliased(OperatorRow, name="op")


def _specs() -> dict[HistoryKind, _Spec]:
    site_code = col(SiteRow.code)
    login = col(_Op.login)
    return {
        HistoryKind.ALARMS: _Spec(
            AlarmRow,
            col(AlarmRow.id),
            col(AlarmRow.created_at),
            col(AlarmRow.site_id),
            col(AlarmRow.operator_id),
            {
                "site": site_code,
                "site_name": col(SiteRow.name),
                "account": col(AlarmRow.account),
                "code": col(AlarmRow.title_event),
                "category": col(AlarmRow.category),
                "zone": col(AlarmRow.title_zone),
                "operator": login,
                "state": col(AlarmRow.state),
                "disposition": col(AlarmRow.disposition),
                "text": col(AlarmRow.closing_comment),
                "alarm_id": col(AlarmRow.id),
            },
        ),
        HistoryKind.SIGNALS: _Spec(
            SignalRow,
            col(SignalRow.id),
            col(SignalRow.received_at),
            col(SignalRow.site_id),
            None,
            {
                "site": site_code,
                "site_name": col(SiteRow.name),
                "account": col(SignalRow.account),
                "code": col(SignalRow.event_system) + literal(":") + col(SignalRow.event_code),
                "category": col(SignalRow.category),
                "zone": col(SignalRow.zone),
                "text": col(SignalRow.raw),
                "alarm_id": col(SignalRow.alarm_id),
            },
        ),
        HistoryKind.CALLS: _Spec(
            CallRow,
            col(CallRow.id),
            col(CallRow.created_at),
            col(CallRow.site_id),
            col(CallRow.operator_id),
            {
                "site": site_code,
                "site_name": col(SiteRow.name),
                "code": col(CallRow.purpose),
                "category": col(CallRow.direction),
                "operator": login,
                "state": func.coalesce(col(CallRow.end_status), literal("open")),
                "disposition": col(CallRow.verdict),
                "text": col(CallRow.end_reason),
                "alarm_id": col(CallRow.alarm_id),
            },
        ),
        HistoryKind.JOURNAL: _Spec(
            JournalRow,
            col(JournalRow.id),
            col(JournalRow.at),
            col(JournalRow.site_id),
            col(JournalRow.operator_id),
            {
                "site": site_code,
                "site_name": col(SiteRow.name),
                "code": col(JournalRow.action),
                "operator": login,
                "text": col(JournalRow.detail),
                "alarm_id": col(JournalRow.alarm_id),
            },
        ),
    }


_SPECS = _specs()
_NUMERIC = frozenset({"zone", "alarm_id"})


def _sort_key(spec: _Spec, column: str) -> Any:
    """The sort column, NULLs folded to a value so that the keyset comparison holds for every row."""
    if column == "at":
        return spec.at
    if column == "id":
        return spec.id
    expression = spec.columns[column]
    return func.coalesce(expression, literal(-1 if column in _NUMERIC else ""))


def site_ids(session: Session, site: str) -> list[int]:
    """A site's code (any case) names that site; otherwise every site whose name contains the text."""
    exact = session.execute(
        select(col(SiteRow.id)).where(func.lower(col(SiteRow.code)) == site.lower())
    ).scalars()
    found = [i for i in exact if i is not None]
    if found:
        return found
    pattern = "%" + site.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    named = select(col(SiteRow.id)).where(func.lower(col(SiteRow.name)).like(pattern, escape="\\"))
    return [i for i in session.execute(named).scalars() if i is not None]


def _operator_id(session: Session, login: str) -> int | None:
    query = select(col(OperatorRow.id)).where(func.lower(col(OperatorRow.login)) == login.lower())
    return session.execute(query).scalars().first()


def _words_clause(
    session: Session, kind: HistoryKind, words: Sequence[str]
) -> ColumnElement[bool] | TextClause:
    if kind is HistoryKind.CALLS:  # a few hundred thousand short reasons: a scan is enough
        reason = func.lower(col(CallRow.end_reason))
        return and_(*[reason.like(f"%{w}%") for w in words])
    table, column = ("alarm", "closing_comment") if kind is HistoryKind.ALARMS else ("journal", "detail")
    if session.get_bind().dialect.name == "postgresql":
        # The GIN index's own expression (and the alarms' index's predicate), word for word. The
        # planner cannot tell how many rows a prefix query matches: ask the index for the ids, and
        # when they are few, hand them over as a list; a common word (more than FTS_LIST ids) is
        # left to the time index, scanned newest first, which meets a page of it soon.
        words_query = " & ".join(f"{w}:*" for w in words)
        matches = (
            f"{table}.{column} IS NOT NULL"
            f" AND to_tsvector('simple', {table}.{column}) @@ to_tsquery('simple', :fts_words)"
        )
        listed = f"SELECT id FROM {table} WHERE {matches} LIMIT :n"
        ids = list(session.execute(text(listed), {"fts_words": words_query, "n": FTS_LIST + 1}).scalars())
        if len(ids) <= FTS_LIST:
            return text(f"{table}.id = ANY(:fts_ids)").bindparams(fts_ids=ids)
        return text(matches).bindparams(fts_words=words_query)
    match = " ".join(f'"{w}"*' for w in words)
    # Few matches: read them by id and sort them. Many (a common word): walk the time index (or the
    # site's, ...) and keep the rows whose id is among the matches, stopping after a page; the "+"
    # keeps SQLite from driving the query by the id list. Both give the same rows in the same order.
    bounded = f"SELECT count(*) FROM (SELECT rowid FROM fts_{table} WHERE fts_{table} MATCH :q LIMIT :n)"
    many = session.execute(text(bounded), {"q": match, "n": FTS_MANY}).scalar_one() >= FTS_MANY
    return text(
        f"{'+' if many else ''}{table}.id IN (SELECT rowid FROM fts_{table} WHERE fts_{table} MATCH :fts_words)"
    ).bindparams(fts_words=match)


def _filtered(session: Session, query: HistoryQuery, spec: _Spec, base: Select[Any]) -> Select[Any] | None:
    """The query's filters as WHERE clauses; None when a name resolves to nothing (no rows)."""
    kind = query.kind
    if query.start is not None:
        base = base.where(spec.at >= query.start)
    if query.end is not None:
        base = base.where(spec.at < query.end)
    if query.site is not None:
        ids = site_ids(session, query.site)
        if not ids:
            return None
        base = base.where(spec.site_id == ids[0] if len(ids) == 1 else spec.site_id.in_(ids))
    if query.account is not None:
        if (
            kind is HistoryKind.SIGNALS
        ):  # through the account's sites: (site, time) is indexed, (account, time) is not
            owners = select(col(TransmitterRow.site_id)).where(col(TransmitterRow.account) == query.account)
            sites = list(session.execute(owners).scalars())
            if sites:
                base = base.where(spec.site_id.in_(sites))
        base = base.where(spec.columns["account"] == query.account)
    if query.operator is not None and spec.operator_id is not None:
        operator_id = _operator_id(session, query.operator)
        if operator_id is None:
            return None
        base = base.where(spec.operator_id == operator_id)
    event = query.event
    if event is not None and event.category is not None:
        base = base.where(spec.columns["category"] == event.category)
    elif event is not None and event.code is not None:
        if kind is HistoryKind.SIGNALS:
            base = base.where(col(SignalRow.event_code) == event.code)
            if event.system is not None:
                base = base.where(col(SignalRow.event_system) == event.system)
        elif kind is HistoryKind.ALARMS:
            title = col(AlarmRow.title_event)
            base = base.where(
                title == f"{event.system}:{event.code}" if event.system else title.like(f"%:{event.code}")
            )
        else:
            base = base.where(spec.columns["code"] == event.code)
    if query.zone is not None:
        base = base.where(spec.columns["zone"] == query.zone)
    if query.disposition is not None:
        base = base.where(spec.columns["disposition"] == query.disposition)
    if query.state is not None:
        if kind is HistoryKind.CALLS and query.state == "open":
            base = base.where(col(CallRow.ended_at).is_(None))
        elif kind is HistoryKind.CALLS:
            base = base.where(col(CallRow.end_status) == query.state)
        else:
            base = base.where(spec.columns["state"] == query.state)
    if query.words:
        base = base.where(_words_clause(session, kind, query.words))
    return base


def search_page(
    session: Session, query: HistoryQuery, after: Cursor | None = None, size: int = 200
) -> tuple[list[HistoryRow], Cursor | None]:
    """Up to `size` rows after the cursor, and the cursor of the next page (None at the end).

    Two steps: the page's ids first, from the filtered table alone (joined to sites or operators
    only to sort on them), then those rows with their site and operator. Thousands of rows may
    match a word; only the page's are joined.
    """
    size = max(1, min(size, PAGE_MAX))
    spec = _SPECS[query.kind]
    key = _sort_key(spec, query.sort)
    choose: Select[Any] = select(spec.id, key.label("sort_key")).select_from(spec.entity)
    if query.sort == "site":
        choose = choose.join(SiteRow, col(SiteRow.id) == spec.site_id, isouter=True)
    if query.sort == "operator":
        choose = choose.join(_Op, col(_Op.id) == spec.operator_id, isouter=True)
    filtered = _filtered(session, query, spec, choose)
    if filtered is None:
        return [], None
    if after is not None:
        mark = tuple_(bindparam("after_key", after.key, type_=key.type), bindparam("after_id", after.id))
        here = tuple_(key, spec.id)
        filtered = filtered.where(here < mark if query.descending else here > mark)
    order = [key.desc(), spec.id.desc()] if query.descending else [key.asc(), spec.id.asc()]
    chosen = session.execute(filtered.order_by(*order).limit(size + 1)).all()
    cursor = Cursor(chosen[size - 1].sort_key, chosen[size - 1][0]) if len(chosen) > size else None
    ids = [r[0] for r in chosen[:size]]
    if not ids:
        return [], None
    names = list(spec.columns)
    rows: Select[Any] = select(spec.id, spec.at, *[c.label(n) for n, c in spec.columns.items()])
    rows = rows.select_from(spec.entity).join(SiteRow, col(SiteRow.id) == spec.site_id, isouter=True)
    if spec.operator_id is not None:
        rows = rows.join(_Op, col(_Op.id) == spec.operator_id, isouter=True)
    found = {r[0]: r for r in session.execute(rows.where(spec.id.in_(ids))).all()}
    return [_row(query.kind, found[i], names) for i in ids], cursor


def search_all(session: Session, query: HistoryQuery, size: int = 1000) -> Iterator[HistoryRow]:
    """Every row, page after page (an export, the command line), never all in memory at once."""
    after: Cursor | None = None
    while True:
        rows, after = search_page(session, query, after, size)
        yield from rows
        if after is None:
            return


def _row(kind: HistoryKind, r: Any, names: list[str]) -> HistoryRow:
    values: dict[str, Any] = {n: getattr(r, n) for n in names}
    zone = values.get("zone")
    return HistoryRow(
        kind=kind, id=r[0], at=r[1], **{**values, "zone": int(zone) if zone is not None else None}
    )
