"""A history search: what the supervisor asked for, checked field by field, and the rows it finds.

The filter form, the `vigie search` command and other pages (a fault ranking opening a search)
all describe a search as texts keyed by the command line's option names; one parser turns them
into a `HistoryQuery` or a list of `FilterProblem`, one per field, so the form can put each
message beside its field and the command print one line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from console.domain.alarm import AlarmState, Disposition
from console.domain.journal import JournalAction
from console.domain.priority import EventCategory


class HistoryKind(StrEnum):
    ALARMS = "alarms"
    SIGNALS = "signals"
    CALLS = "calls"
    JOURNAL = "journal"


# The keys of a search described as texts: the `vigie search` options without their dashes.
FIELDS = ("kind", "from", "to", "site", "account", "code", "zone", "operator", "disposition", "state", "text")
EXTRA_FIELDS = ("sort", "order")  # the view's header clicks; optional everywhere
# Which filters mean something for each kind (a zone has no meaning for a call).
APPLIES: Mapping[HistoryKind, frozenset[str]] = {
    HistoryKind.ALARMS: frozenset(
        {"site", "account", "code", "zone", "operator", "disposition", "state", "text"}
    ),
    HistoryKind.SIGNALS: frozenset({"site", "account", "code", "zone"}),
    HistoryKind.CALLS: frozenset({"site", "operator", "code", "state", "text"}),
    HistoryKind.JOURNAL: frozenset({"site", "operator", "code", "text"}),
}
# The columns each kind shows, in order; all but "text" can be sorted on.
COLUMNS: Mapping[HistoryKind, tuple[str, ...]] = {
    HistoryKind.ALARMS: (
        "at",
        "id",
        "site",
        "account",
        "code",
        "category",
        "zone",
        "operator",
        "state",
        "disposition",
        "text",
    ),
    HistoryKind.SIGNALS: ("at", "id", "site", "account", "code", "category", "zone", "alarm_id", "text"),
    HistoryKind.CALLS: ("at", "id", "site", "operator", "code", "state", "alarm_id", "text"),
    HistoryKind.JOURNAL: ("at", "id", "site", "operator", "code", "alarm_id", "text"),
}
UNSORTABLE = frozenset({"text"})

_ACCOUNT = re.compile(r"^[0-9A-Fa-f]{3,16}$")
_EVENT = re.compile(r"^(?:(CID|SIA):)?([0-9]{3}|[A-Z]{2})$")
_WORD = re.compile(r"[^\W_]+")  # what both full-text engines call a word
_CALL_STATES = frozenset(
    {
        "completed",
        "no_answer",
        "busy",
        "declined",
        "unreachable",
        "cancelled",
        "refused",
        "transferred",
        "interrupted",
        "failed",
        "open",
    }
)  # console.domain.calls.CallEnd, and "open" for a call not ended


@dataclass(frozen=True, slots=True)
class FilterProblem:
    """One field's problem: `code` for the view's translated message, `text` for the terminal."""

    field: str
    code: str
    text: str


class InvalidHistoryQuery(ValueError):
    def __init__(self, problems: list[FilterProblem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.text}" for p in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class EventFilter:
    """An event code ("130", "CID:130", "BA"), a category ("fire") or a journal action ("take")."""

    code: str | None = None
    system: str | None = None
    category: str | None = None


@dataclass(frozen=True, slots=True)
class HistoryQuery:
    kind: HistoryKind = HistoryKind.ALARMS
    start: datetime | None = None  # inclusive
    end: datetime | None = None  # exclusive
    site: str | None = None  # a site's code, or part of its name
    account: str | None = None
    event: EventFilter | None = None
    zone: int | None = None
    operator: str | None = None  # login
    disposition: str | None = None
    state: str | None = None
    words: tuple[str, ...] = ()  # all must appear (as word beginnings) in the comment or detail
    sort: str = "at"
    descending: bool = True
    fields: Mapping[str, str] = field(default_factory=dict, compare=False)  # as typed, for the journal

    @classmethod
    def from_fields(cls, fields: Mapping[str, str]) -> HistoryQuery:
        """The search these texts describe; raises InvalidHistoryQuery listing every bad field."""
        query, problems = parse_history_query(fields)
        if query is None:
            raise InvalidHistoryQuery(problems)
        return query

    def sorted_by(self, column: str, descending: bool) -> HistoryQuery:
        if column not in COLUMNS[self.kind] or column in UNSORTABLE:
            raise ValueError(f"cannot sort {self.kind} by {column!r}")
        return replace(self, sort=column, descending=descending)

    def describe(self) -> str:
        """The filters as given, for the journal line of an export."""
        shown = {k: v for k, v in self.fields.items() if v}
        return " ".join(f"{k}={v!r}" for k, v in shown.items()) or "kind='alarms'"


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One result, whatever its kind: the view's row, a CSV line, a JSON line."""

    kind: HistoryKind
    id: int
    at: datetime
    site: str | None = None  # code
    site_name: str | None = None
    account: str | None = None
    code: str | None = None  # event code, call purpose, journal action
    category: str | None = None
    zone: int | None = None
    operator: str | None = None  # login
    state: str | None = None
    disposition: str | None = None
    text: str | None = None  # closing comment, journal detail, call end reason, raw frame
    alarm_id: int | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "id": self.id,
            "at": self.at.isoformat(),
            "site": self.site,
            "site_name": self.site_name,
            "account": self.account,
            "code": self.code,
            "category": self.category,
            "zone": self.zone,
            "operator": self.operator,
            "state": self.state,
            "disposition": self.disposition,
            "text": self.text,
            "alarm_id": self.alarm_id,
        }

    def value(self, column: str) -> object:
        return self.as_dict()[column]


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the next page starts: the last row's sort key and id (keyset, never an offset)."""

    key: object
    id: int


def _moment(text: str, *, end: bool) -> datetime:
    """An ISO date or date-time, naive taken as UTC; a bare date as `to` includes that whole day."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        day = date.fromisoformat(text)
        start = datetime.combine(day, time(), tzinfo=UTC)
        return start + timedelta(days=1) if end else start
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _event(kind: HistoryKind, text: str) -> EventFilter | None:
    if text.lower() in {c.value for c in EventCategory} and kind is not HistoryKind.JOURNAL:
        return EventFilter(category=text.lower())
    if kind is HistoryKind.JOURNAL:
        return EventFilter(code=text.lower()) if text.lower() in {a.value for a in JournalAction} else None
    if kind is HistoryKind.CALLS:
        return (
            EventFilter(code=text.lower())
            if text.lower() in {"callback", "listen_in", "dial", "incoming", "selftest"}
            else None
        )
    match = _EVENT.match(text.upper())
    return EventFilter(code=match.group(2), system=match.group(1)) if match else None


def parse_history_query(fields: Mapping[str, str]) -> tuple[HistoryQuery | None, list[FilterProblem]]:
    """Check every field (not only the first bad one) and build the query when all are good."""
    problems: list[FilterProblem] = []
    raw = {k: (v or "").strip() for k, v in fields.items()}

    def bad(name: str, code: str, text: str) -> None:
        problems.append(FilterProblem(name, code, text))

    for name in raw:
        if name not in FIELDS and name not in EXTRA_FIELDS:
            bad(name, "unknown_field", f"unknown filter {name!r} (known: {', '.join(FIELDS)})")
    try:
        kind = HistoryKind(raw.get("kind") or "alarms")
    except ValueError:
        bad("kind", "bad_kind", f"kind must be one of {', '.join(k.value for k in HistoryKind)}")
        kind = HistoryKind.ALARMS
    moments: dict[str, datetime] = {}
    for name in ("from", "to"):
        if raw.get(name):
            try:
                moments[name] = _moment(raw[name], end=name == "to")
            except ValueError:
                bad(name, "bad_date", f"not an ISO date or date-time: {raw[name]!r}")
    if "from" in moments and "to" in moments and moments["to"] <= moments["from"]:
        bad("to", "bad_period", "the end of the period must come after its start")
    for name in ("site", "account", "code", "zone", "operator", "disposition", "state", "text"):
        if raw.get(name) and name not in APPLIES[kind]:
            bad(name, "not_for_kind", f"{name} does not apply to {kind.value}")
    applies = {name: raw.get(name, "") for name in APPLIES[kind] if raw.get(name)}
    account = applies.get("account")
    if account is not None and not _ACCOUNT.match(account):
        bad("account", "bad_account", f"account must be 3 to 16 hexadecimal digits, not {account!r}")
    event = None
    if "code" in applies:
        event = _event(kind, applies["code"])
        if event is None:
            bad("code", "bad_code", f"not an event code (130, CID:130, BA) or category: {applies['code']!r}")
    zone = None
    if "zone" in applies:
        if applies["zone"].isdigit() and int(applies["zone"]) <= 9999:
            zone = int(applies["zone"])
        else:
            bad("zone", "bad_zone", f"zone must be a number from 0 to 9999, not {applies['zone']!r}")
    disposition = applies.get("disposition", "").lower() or None
    if disposition is not None and disposition not in {d.value for d in Disposition}:
        bad("disposition", "bad_disposition", f"unknown disposition {disposition!r}")
    state = applies.get("state", "").lower() or None
    states = _CALL_STATES if kind is HistoryKind.CALLS else {s.value for s in AlarmState}
    if state is not None and state not in states:
        bad("state", "bad_state", f"state must be one of {', '.join(sorted(states))}")
    words = tuple(w.lower() for w in _WORD.findall(applies.get("text", "")))
    if applies.get("text") and not words:
        bad("text", "no_words", "the text to find must contain letters or digits")
    sort = raw.get("sort") or "at"
    if sort not in COLUMNS[kind] or sort in UNSORTABLE:
        bad("sort", "bad_sort", f"cannot sort {kind.value} by {sort!r}")
    order = (raw.get("order") or "desc").lower()
    if order not in ("asc", "desc"):
        bad("order", "bad_order", "order must be asc or desc")
    if problems:
        return None, problems
    return (
        HistoryQuery(
            kind=kind,
            start=moments.get("from"),
            end=moments.get("to"),
            site=applies.get("site"),
            account=account.upper() if account else None,
            event=event,
            zone=zone,
            operator=applies.get("operator"),
            disposition=disposition,
            state=state,
            words=words,
            sort=sort,
            descending=order == "desc",
            fields={k: v for k, v in raw.items() if v},
        ),
        [],
    )
