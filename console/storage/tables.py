"""The database schema as sqlmodel tables.

Written for several workstations sharing one PostgreSQL from the start: alarms carry a `version`
for optimistic locking (two operators cannot both take the same alarm), and every change a
console must learn of is also written to `change_log`, in the same transaction, so other
consoles can follow it by polling (or LISTEN/NOTIFY on PostgreSQL). The journal is append-only;
the migration adds triggers that refuse UPDATE and DELETE on it.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import BigInteger, Column, Index, LargeBinary, String, Table, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from console.domain.report import HANDLE_EDGES_S, TAKE_EDGES_S
from console.storage.types import UTCDateTime

_OPEN = text("state != 'closed'")
_OPEN_UNKNOWN = text("state != 'closed' AND site_id IS NULL")
_REPORT_COLUMNS = ("created_at", "category", "site_id", "operator_id", "disposition", "taken_at", "closed_at")


def _utc(nullable: bool = False, index: bool = False) -> Column[datetime]:
    return Column(UTCDateTime(), nullable=nullable, index=index)


class OperatorRow(SQLModel, table=True):
    __tablename__ = "operator"

    id: int | None = Field(default=None, primary_key=True)
    login: str = Field(max_length=64, unique=True)
    display_name: str = Field(max_length=128)
    role: str = Field(default="operator", max_length=16)
    password_hash: str = Field(max_length=256)
    active: bool = True
    created_at: datetime = Field(sa_column=_utc())
    # An admin lifted the lockout then: refusals before it no longer count (domain/sign_in_limit.py).
    unlocked_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))


class SiteRow(SQLModel, table=True):
    __tablename__ = "site"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True)
    name: str = Field(max_length=200)
    address: str = Field(default="", max_length=300)
    postcode: str = Field(default="", max_length=16)
    city: str = Field(default="", max_length=100)
    latitude: float | None = None
    longitude: float | None = None
    timezone: str = Field(default="Europe/Paris", max_length=64)
    risk_class: int | None = None
    accessibility_needs: str = Field(default="", sa_type=Text)
    notes: str = Field(default="", sa_type=Text)
    created_at: datetime = Field(sa_column=_utc())
    guard_delay_min: int | None = None  # contract: guard on site within; None = the station default
    # A customer gone: kept for its history (alarms, journal), out of the administration's list (0018).
    archived_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))


class SiteHoursRow(SQLModel, table=True):
    """One span of a site's weekly opening hours (domain/schedule.py); several per day allowed."""

    __tablename__ = "site_hours"

    id: int | None = Field(default=None, primary_key=True)
    site_id: int = Field(foreign_key="site.id", index=True)
    weekday: int  # 0 = Monday
    opens: time
    closes: time  # at or before `opens`: the next day


class SiteHoursExceptionRow(SQLModel, table=True):
    """A day with other hours than the week's: a span, or none at all (opens NULL: closed all day)."""

    __tablename__ = "site_hours_exception"

    id: int | None = Field(default=None, primary_key=True)
    site_id: int = Field(foreign_key="site.id", index=True)
    day: date
    opens: time | None = None
    closes: time | None = None
    label: str = Field(default="", max_length=100)  # "Christmas", "stocktaking"


class SiteArmingRow(SQLModel, table=True):
    """Whether a site was last opened or closed, and the last closing already alarmed as missed."""

    __tablename__ = "site_arming"

    site_id: int = Field(foreign_key="site.id", primary_key=True)
    state: str = Field(max_length=8)  # domain.schedule.Arming
    changed_at: datetime = Field(sa_column=_utc())
    late_close_for: datetime | None = Field(default=None, sa_column=_utc(nullable=True))


class SuspensionRow(SQLModel, table=True):
    """A site, a transmitter or zones on test, or a site out of service (domain/test_mode.py)."""

    __tablename__ = "suspension"
    __table_args__ = (Index("ix_suspension_site_start", "site_id", "starts_at"),)

    id: int | None = Field(default=None, primary_key=True)
    site_id: int = Field(foreign_key="site.id")
    kind: str = Field(max_length=16)
    starts_at: datetime = Field(sa_column=_utc())
    ends_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    ended_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    account: str | None = Field(default=None, max_length=16)
    zones: str = Field(default="", max_length=400)  # "1,4,7"; "" for every zone
    reason: str = Field(sa_type=Text)
    created_by: int | None = Field(default=None, foreign_key="operator.id")
    created_at: datetime = Field(sa_column=_utc())


class TransmitterRow(SQLModel, table=True):
    """A transmitter account: how a site's panel identifies itself to the receiver."""

    __tablename__ = "transmitter"
    __table_args__ = (UniqueConstraint("account", "line", name="uq_transmitter_account_line"),)

    id: int | None = Field(default=None, primary_key=True)
    site_id: int = Field(foreign_key="site.id", index=True)
    account: str = Field(max_length=16)
    line: str = Field(default="", max_length=8)  # DC-09 L field, "" when the panel omits it
    receiver: str = Field(default="", max_length=8)  # DC-09 R field
    protocol: str = Field(default="", max_length=16)  # expected ID, "" when any
    aes_key: str | None = Field(default=None, max_length=200)  # sealed (storage/sealed.py), never clear
    test_interval_s: int | None = None
    audio_module_uri: str | None = Field(default=None, max_length=200)
    last_signal_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    # Set when a missed periodic test raised an alarm, cleared by the next signal: one alarm per outage.
    test_overdue_since: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    created_at: datetime = Field(sa_column=_utc())
    # JSON object of the DC-09 extended data of the last link test (XNM `[][G1]`: {"G": "1"});
    # None when that test carried none (NULL, or an XNM without extended data).
    last_test_extended: str | None = Field(default=None, sa_type=Text)


class FloorPlanRow(SQLModel, table=True):
    __tablename__ = "floor_plan"
    __table_args__ = (UniqueConstraint("site_id", "level", name="uq_floor_plan_site_level"),)

    id: int | None = Field(default=None, primary_key=True)
    site_id: int = Field(foreign_key="site.id", index=True)
    level: int = 0
    name: str = Field(default="", max_length=100)
    media_type: str = Field(default="image/svg+xml", max_length=64)
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class ZoneRow(SQLModel, table=True):
    __tablename__ = "zone"
    __table_args__ = (UniqueConstraint("site_id", "number", name="uq_zone_site_number"),)

    id: int | None = Field(default=None, primary_key=True)
    site_id: int = Field(foreign_key="site.id", index=True)
    number: int
    name: str = Field(default="", max_length=200)
    detector_type: str = Field(default="pir", max_length=32)
    plan_id: int | None = Field(default=None, foreign_key="floor_plan.id")
    x: float | None = None
    y: float | None = None


class ContactRow(SQLModel, table=True):
    """One entry of a site's ordered call list; password and duress word stored hashed only."""

    __tablename__ = "contact"

    id: int | None = Field(default=None, primary_key=True)
    site_id: int = Field(foreign_key="site.id", index=True)
    rank: int
    name: str = Field(max_length=200)
    role: str = Field(default="", max_length=100)
    phones: str = Field(default="", sa_type=Text)  # newline-separated, in calling order
    sip_uri: str | None = Field(default=None, max_length=200)
    availability: str = Field(default="", max_length=200)
    accessibility_needs: str = Field(default="", sa_type=Text)
    password_hash: str | None = Field(default=None, max_length=256)
    duress_hash: str | None = Field(default=None, max_length=256)
    # Off the call list, kept because calls refer to it (0018).
    archived_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))


class ProcedureRow(SQLModel, table=True):
    __tablename__ = "procedure"
    __table_args__ = (UniqueConstraint("site_id", "category", name="uq_procedure_site_category"),)

    id: int | None = Field(default=None, primary_key=True)
    site_id: int = Field(foreign_key="site.id", index=True)
    category: str = Field(max_length=32)
    title: str = Field(default="", max_length=200)


class ProcedureStepRow(SQLModel, table=True):
    __tablename__ = "procedure_step"

    id: int | None = Field(default=None, primary_key=True)
    procedure_id: int = Field(foreign_key="procedure.id", index=True)
    rank: int
    text: str = Field(sa_type=Text)
    mandatory: bool = True


class AlarmRow(SQLModel, table=True):
    __tablename__ = "alarm"
    __table_args__ = (
        Index("ix_alarm_state_priority", "state", "priority", "created_at"),
        # At most one open alarm per site (per source and period when the account is unknown): two receivers
        # or two desks racing to open one get a constraint error instead of a duplicate incident.
        Index("uq_alarm_open_site", "site_id", unique=True, sqlite_where=_OPEN, postgresql_where=_OPEN),
        Index(
            "uq_alarm_open_unknown_source",
            "source",
            "source_period",
            unique=True,
            sqlite_where=_OPEN_UNKNOWN,
            postgresql_where=_OPEN_UNKNOWN,
        ),
        # The history search (console/storage/history.py): each filter with the time order.
        Index("ix_alarm_site_created", "site_id", "created_at"),
        Index("ix_alarm_account_created", "account", "created_at"),
        Index("ix_alarm_operator_created", "operator_id", "created_at"),
        Index("ix_alarm_category_created", "category", "created_at"),
        Index("ix_alarm_disposition_created", "disposition", "created_at"),
        # Every column the supervision reports aggregate, in period order: a year's report reads
        # this narrow index instead of the wide rows (console/storage/reports.py).
        Index("ix_alarm_report", *_REPORT_COLUMNS),
    )

    id: int | None = Field(default=None, primary_key=True)
    site_id: int | None = Field(default=None, foreign_key="site.id", index=True)
    account: str = Field(default="", max_length=16)
    state: str = Field(default="new", max_length=16)
    priority: int
    category: str = Field(max_length=32)
    title: str = Field(default="", max_length=300)
    created_at: datetime = Field(sa_column=_utc(index=True))  # index: the shift's alarms
    last_signal_at: datetime = Field(sa_column=_utc())
    signal_count: int = 1
    taken_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    verifying_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    dispatched_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    closed_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    operator_id: int | None = Field(default=None, foreign_key="operator.id")
    closed_by: int | None = Field(default=None, foreign_key="operator.id")
    disposition: str | None = Field(default=None, max_length=40)
    closing_comment: str | None = Field(default=None, sa_type=Text)
    version: int = 1
    title_event: str | None = Field(default=None, max_length=24)  # "CID:130": rendered per language
    title_zone: int | None = None
    path_confirmed_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    # Last journal entry by an operator on the alarm (stall detection); written by append_journal.
    last_activity_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    # Alarms of unregistered accounts: the peer address they came from, and how many accounts.
    source: str = Field(default="", max_length=64, sa_column_kwargs={"server_default": ""})
    source_accounts: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    source_period: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # unknown_source


class DispatchRow(SQLModel, table=True):
    """A guard, keyholder, technician or public service sent for an alarm, and its timed steps."""

    __tablename__ = "dispatch"

    id: int | None = Field(default=None, primary_key=True)
    alarm_id: int = Field(foreign_key="alarm.id", index=True)
    kind: str = Field(max_length=16)
    provider: str = Field(default="", max_length=200)
    reference: str = Field(default="", max_length=64)
    agreed_delay_min: int | None = None  # copied from the site's contract when requested
    requested_at: datetime = Field(sa_column=_utc())
    requested_by: int | None = Field(default=None, foreign_key="operator.id")
    on_site_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    report_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    report: str = Field(default="", sa_type=Text)
    cancelled_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    cancel_reason: str = Field(default="", sa_type=Text)
    version: int = 1


class SignalRow(SQLModel, table=True):
    """Every received message, with its raw frame as it arrived."""

    __tablename__ = "signal"
    __table_args__ = (
        # A transmitter's messages by sequence: finds a late retry of a filed message (the digest
        # alone would need an index written at random places, one page per signal filed).
        Index("ix_signal_account_sequence", "account", "sequence"),
        Index("ix_signal_site_received", "site_id", "received_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    received_at: datetime = Field(sa_column=_utc(index=True))
    site_id: int | None = Field(default=None, foreign_key="site.id")
    transmitter_id: int | None = Field(default=None, foreign_key="transmitter.id")
    alarm_id: int | None = Field(default=None, foreign_key="alarm.id", index=True)
    account: str = Field(max_length=16)
    line: str = Field(default="", max_length=8)
    receiver: str = Field(default="", max_length=8)
    sequence: int | None = None
    protocol: str = Field(max_length=16)
    qualifier: str = Field(max_length=16)
    event_system: str = Field(max_length=8)
    event_code: str = Field(max_length=8)
    category: str = Field(max_length=32)
    priority: int
    zone: int | None = None
    partition: int | None = None
    panel_time: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    peer: str = Field(default="", max_length=64)
    extended: str = Field(default="", sa_type=Text)  # JSON object of DC-09 extended data
    raw: str = Field(default="", sa_type=Text)
    # Digest of (account, line, receiver, sequence, content) of the frame: a transmitter's retry
    # carries the same one, so it is ACKed again but stored once.
    dedupe_key: str | None = Field(default=None, max_length=64)


class SignalInboxRow(SQLModel, table=True):
    """Signals the receiver has stored and ACKed, waiting to be grouped into alarms and filed.

    The receiver's first stage appends here: a small table with one index, so the commit an ACK
    waits for writes a handful of pages instead of one per index of the big `signal` table. The
    placement stage moves the rows into `signal`, grouped into alarms, in larger batches.
    """

    __tablename__ = "signal_inbox"

    id: int | None = Field(default=None, primary_key=True)
    received_at: datetime = Field(sa_column=_utc())
    account: str = Field(max_length=16)
    line: str = Field(default="", max_length=8)
    receiver: str = Field(default="", max_length=8)
    sequence: int | None = None
    protocol: str = Field(max_length=16)
    qualifier: str = Field(max_length=16)
    event_system: str = Field(max_length=8)
    event_code: str = Field(max_length=8)
    zone: int | None = None
    partition: int | None = None
    panel_time: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    peer: str = Field(default="", max_length=64)
    extended: str = Field(default="", sa_type=Text)
    raw: str = Field(default="", sa_type=Text)
    dedupe_key: str | None = Field(default=None, max_length=64, index=True)


class InboxMarkRow(SQLModel, table=True):
    """How far a SQLite inbox file is filed (see console/storage/inbox.py): one row per inbox file."""

    __tablename__ = "inbox_mark"

    epoch: str = Field(primary_key=True, max_length=36)
    last_id: int = Field(sa_type=BigInteger)


class JournalRow(SQLModel, table=True):
    """The station's running log (main courante): append-only, one row per action."""

    __tablename__ = "journal"
    __table_args__ = (
        # The history search: a site's or an operator's entries over a period.
        Index("ix_journal_site_at", "site_id", "at"),
        Index("ix_journal_operator_at", "operator_id", "at"),
        Index("ix_journal_position", "position", unique=True),  # the chain's order (storage/journal.py)
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_column=_utc(index=True))
    operator_id: int | None = Field(default=None, foreign_key="operator.id")
    alarm_id: int | None = Field(default=None, foreign_key="alarm.id", index=True)
    site_id: int | None = Field(default=None, foreign_key="site.id", index=True)
    action: str = Field(max_length=40)
    detail: str = Field(default="", sa_type=Text)
    # The hash chain (console/domain/journal_chain.py), written by console/storage/journal.py only.
    # Nullable: a row put in by plain SQL has neither, and `vigie verify` reports it as inserted.
    position: int | None = Field(default=None, sa_type=BigInteger)
    hash: str | None = Field(default=None, max_length=64)


class JournalHeadRow(SQLModel, table=True):
    """The chain's last position and hash, one row: locking it serialises the appends of every
    workstation, so positions follow commit order (console/storage/journal.py)."""

    __tablename__ = "journal_head"

    id: int = Field(default=1, primary_key=True)
    position: int = Field(sa_type=BigInteger)
    hash: str = Field(max_length=64)


class ChangeRow(SQLModel, table=True):
    """Feed of changes for the other consoles: entity and id, written with the change itself."""

    __tablename__ = "change_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_column=_utc())
    entity: str = Field(max_length=32)
    entity_id: int


class TransmissionFaultRow(SQLModel, table=True):
    """A frame the receiver refused or could not place (NAK, DUH, unknown account), for the technicians."""

    __tablename__ = "transmission_fault"
    __table_args__ = (Index("ix_transmission_fault_account_at", "account", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_column=_utc(index=True))
    peer: str = Field(default="", max_length=64)
    account: str | None = Field(default=None, max_length=16)
    kind: str = Field(max_length=32)
    detail: str = Field(default="", sa_type=Text)
    skew_s: float | None = None  # panel clock minus receiver clock, for timestamp rejections
    raw: str = Field(default="", sa_type=Text)


class StationSettingRow(SQLModel, table=True):
    """One of the station's settings (domain/station_settings.py), shared by every program."""

    __tablename__ = "station_setting"

    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=200)
    updated_at: datetime = Field(sa_column=_utc())


class StationStatusRow(SQLModel, table=True):
    """Heartbeat of the station's own equipment (receiver, ...), read by every console's status bar."""

    __tablename__ = "station_status"

    component: str = Field(primary_key=True, max_length=64)
    state: str = Field(max_length=16)  # "ok", "fault", "stopped"
    detail: str = Field(default="", sa_type=Text)
    updated_at: datetime = Field(sa_column=_utc())


_CALL_OPEN = text("ended_at IS NULL")


class CallRow(SQLModel, table=True):
    """One call placed or taken by a workstation, and its recording's fingerprint once final.

    `workstation` names the host that held the call: after a crash, each console repairs its own
    open calls and recordings at its next start, never another desk's live ones.
    """

    __tablename__ = "call"
    __table_args__ = (
        # Open calls of a workstation (the crash repair at start-up); small, as calls end quickly.
        Index(
            "ix_call_open_workstation", "workstation", sqlite_where=_CALL_OPEN, postgresql_where=_CALL_OPEN
        ),
        Index("ix_call_site_created", "site_id", "created_at"),  # the history search
        Index("ix_call_operator_created", "operator_id", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    alarm_id: int | None = Field(default=None, foreign_key="alarm.id", index=True)
    site_id: int | None = Field(default=None, foreign_key="site.id", index=True)
    operator_id: int | None = Field(default=None, foreign_key="operator.id")
    contact_id: int | None = Field(default=None, foreign_key="contact.id")
    workstation: str = Field(default="", max_length=100)
    direction: str = Field(max_length=16)
    purpose: str = Field(max_length=16)
    remote_uri: str = Field(default="", max_length=300)
    created_at: datetime = Field(sa_column=_utc(index=True))
    ringing_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    answered_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    ended_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    end_status: str | None = Field(default=None, max_length=16)
    end_reason: str = Field(default="", sa_type=Text)
    recording_path: str | None = Field(default=None, sa_type=Text)
    recording_size: int | None = Field(default=None, sa_type=BigInteger)  # a long recording passes 2 GiB
    recording_sha256: str | None = Field(default=None, max_length=64)
    verdict: str | None = Field(default=None, max_length=16)  # audio doubt removal: positive / negative


class CallEventRow(SQLModel, table=True):
    """A timed step of a call (ringing, answered, held, ...), in the order it happened."""

    __tablename__ = "call_event"

    id: int | None = Field(default=None, primary_key=True)
    call_id: int = Field(foreign_key="call.id", index=True)
    at: datetime = Field(sa_column=_utc())
    kind: str = Field(max_length=20)
    detail: str = Field(default="", sa_type=Text)


class ReportRow(SQLModel, table=True):
    """A supervisor's saved report: the figures as they were built (JSON) and the comment beside them.

    The figures are kept rather than rebuilt: alarms closed or reclassified later must not change
    what a report said on the day it was written and signed.
    """

    __tablename__ = "report"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(sa_column=_utc(index=True))
    author_id: int = Field(foreign_key="operator.id")
    period_start: datetime = Field(sa_column=_utc())
    period_end: datetime = Field(sa_column=_utc())
    scope: str = Field(max_length=300)  # ReportScope.key(): station, sites:A,B, operator:login
    comment: str = Field(default="", sa_type=Text)
    figures: str = Field(sa_type=Text)  # StationReport.to_json()


# --- the report's summaries (console/storage/report_summary.py, migration 0016) -----------------
# Counts of the alarms created in a UTC hour, day or month, kept in the transaction that creates or
# changes an alarm, so a year's station report sums some thousands of rows instead of a million
# alarms. The histogram columns are the buckets of TAKE_EDGES_S and HANDLE_EDGES_S: changing those
# edges needs a migration that rebuilds the summaries (report_summary.rebuild).


def _counts(*names: str) -> list[Column[int]]:
    return [Column(name, BigInteger, nullable=False, server_default="0") for name in names]


TAKE_BUCKETS = tuple(f"take_{i}" for i in range(len(TAKE_EDGES_S)))
HANDLE_BUCKETS = tuple(f"handle_{i}" for i in range(len(HANDLE_EDGES_S)))
HOUR_COUNTS = ("alarms", "taken", "take_le_30", "take_le_60", *TAKE_BUCKETS, "handled", *HANDLE_BUCKETS)
OPERATOR_COUNTS = ("held", "taken", "closed", "handled_ms")
SITE_COUNTS = ("closed", "false_alarms")

# Per UTC hour (hours since the epoch) and category: the charts and the service level.
REPORT_HOUR = Table(
    "report_hour",
    SQLModel.metadata,
    Column("hour", BigInteger, primary_key=True, autoincrement=False),
    Column("category", String(32), primary_key=True),
    *_counts(*HOUR_COUNTS),
)
# Per UTC day (days since the epoch) and operator holding the alarm: the workload.
REPORT_OPERATOR_DAY = Table(
    "report_operator_day",
    SQLModel.metadata,
    Column("day", BigInteger, primary_key=True, autoincrement=False),
    Column("operator_id", BigInteger, primary_key=True, autoincrement=False),
    *_counts(*OPERATOR_COUNTS),
)
# Per UTC month (year * 12 + month - 1) and site: the false-alarm rates.
REPORT_SITE_MONTH = Table(
    "report_site_month",
    SQLModel.metadata,
    Column("month", BigInteger, primary_key=True, autoincrement=False),
    Column("site_id", BigInteger, primary_key=True, autoincrement=False),
    *_counts(*SITE_COUNTS),
)
