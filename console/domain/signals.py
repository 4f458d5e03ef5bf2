"""A signal: one message received from a transmitter, already decoded to domain terms.

The receiver produces these; grouping turns them into alarms. The raw frame is kept verbatim
because a technician or an auditor may need exactly what the panel sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from console.domain.event_codes import CATALOGUE, CodeSystem, EventCode
from console.domain.priority import EventCategory, Priority


class Qualifier(StrEnum):
    """Contact ID qualifier (1, 3, 6) in words; SIA restore codes map to RESTORE."""

    NEW = "new"  # new event / opening
    RESTORE = "restore"  # restore / closing
    STATUS = "status"  # previously reported condition still present

    @classmethod
    def from_contact_id(cls, digit: str | int) -> Qualifier:
        mapping = {"1": cls.NEW, "3": cls.RESTORE, "6": cls.STATUS}
        try:
            return mapping[str(digit)]
        except KeyError:
            raise ValueError(f"Contact ID qualifier must be 1, 3 or 6, not {digit!r}") from None


class Protocol(StrEnum):
    """DC-09 message identifiers a receiver understands (without the encryption star)."""

    SIA_DCS = "SIA-DCS"
    ADM_CID = "ADM-CID"
    NULL = "NULL"


@dataclass(frozen=True, slots=True)
class Signal:
    """One decoded message. Identity of the transmitter is (account, line, receiver)."""

    received_at: datetime
    account: str
    protocol: Protocol
    event: EventCode
    qualifier: Qualifier = Qualifier.NEW
    sequence: int | None = None
    line: str = ""
    receiver: str = ""
    zone: int | None = None
    partition: int | None = None
    panel_time: datetime | None = None
    raw: str = ""
    peer: str = ""
    extended: dict[str, str] = field(default_factory=dict)
    dedupe_key: str | None = None  # same for a transmitter's retries of one message

    @property
    def category(self) -> EventCategory:
        return self.event.category

    @property
    def priority(self) -> Priority:
        return self.event.priority

    @property
    def is_restore(self) -> bool:
        return self.qualifier is Qualifier.RESTORE or self.event.is_restore

    @property
    def code_system(self) -> CodeSystem:
        return self.event.system


def contact_id_signal(
    *,
    received_at: datetime,
    account: str,
    qualifier: str | int,
    code: str | int,
    partition: int | None,
    zone: int | None,
    **extra: object,
) -> Signal:
    """Build a signal from Contact ID fields (`Q EEE GG ZZZ`)."""
    return Signal(
        received_at=received_at,
        account=account,
        protocol=Protocol.ADM_CID,
        event=CATALOGUE.contact_id(code),
        qualifier=Qualifier.from_contact_id(qualifier),
        partition=partition,
        zone=zone,
        **extra,  # type: ignore[arg-type]
    )


def sia_signal(
    *, received_at: datetime, account: str, code: str, zone: int | None, **extra: object
) -> Signal:
    """Build a signal from a SIA DCS event code; restore codes carry the RESTORE qualifier."""
    event = CATALOGUE.sia(code)
    qualifier = Qualifier.RESTORE if event.is_restore else Qualifier.NEW
    return Signal(
        received_at=received_at,
        account=account,
        protocol=Protocol.SIA_DCS,
        event=event,
        qualifier=qualifier,
        zone=zone,
        **extra,  # type: ignore[arg-type]
    )
