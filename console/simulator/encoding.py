"""Domain signals back into DC-09 payloads: what a panel would have sent for a given signal.

The inverse of :mod:`console.receiver.payloads`, so that a signal the simulator sends comes out
of the receiver as the same event code, qualifier, zone and partition:

- Contact ID (``ADM-CID``): ``#ACCT|QEEE GG ZZZ``; Q is 1, 3 or 6 from the qualifier, GG the
  partition (00 when the signal has none), ZZZ the zone or user (000 when none).
- SIA DCS (``SIA-DCS``): ``#ACCT|Nri<area>/<CODE><zone>``; the ``ri`` modifier only when the
  signal has a partition, the zone at least 2 digits and only when there is one. SIA carries
  "restore" in the code itself (``BR``, ``AR``), so the qualifier is not written.
- ``NULL`` link tests carry empty data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.domain.event_codes import CodeSystem
from console.domain.signals import Protocol, Qualifier, Signal
from console.receiver.codec import build_frame

__all__ = ["Payload", "link_test_payload", "payload_frame", "signal_payload"]

_CONTACT_ID_QUALIFIER = {Qualifier.NEW: "1", Qualifier.RESTORE: "3", Qualifier.STATUS: "6"}


@dataclass(frozen=True, slots=True)
class Payload:
    """What goes between the brackets of one frame, and under which ID and account."""

    id: Protocol
    account: str
    data: str


def signal_payload(signal: Signal) -> Payload:
    """The payload a panel sends for ``signal``: Contact ID or SIA DCS after the event's code system.

    ValueError when a field does not fit the format (a 4-digit zone in Contact ID, say): sending a
    truncated value would put the alarm on the wrong zone.
    """
    account = signal.account.upper()
    event = signal.event
    if event.system is CodeSystem.CONTACT_ID:
        partition = 0 if signal.partition is None else signal.partition
        zone = 0 if signal.zone is None else signal.zone
        if not 0 <= partition <= 99:
            raise ValueError(f"Contact ID partition must be within 0..99, not {partition}")
        if not 0 <= zone <= 999:
            raise ValueError(f"Contact ID zone or user must be within 0..999, not {zone}")
        qualifier = _CONTACT_ID_QUALIFIER[signal.qualifier]
        data = f"#{account}|{qualifier}{event.code} {partition:02d} {zone:03d}"
        return Payload(Protocol.ADM_CID, account, data)
    fields = [] if signal.partition is None else [f"ri{_non_negative('area', signal.partition)}"]
    address = "" if signal.zone is None else f"{_non_negative('zone', signal.zone):02d}"
    fields.append(f"{event.code}{address}")
    return Payload(Protocol.SIA_DCS, account, f"#{account}|N" + "/".join(fields))


def link_test_payload(account: str) -> Payload:
    """A ``NULL`` link test: empty data, only the header tells who is alive."""
    return Payload(Protocol.NULL, account.upper(), "")


def payload_frame(
    payload: Payload,
    sequence: int,
    *,
    timestamp: datetime,
    line: str | None = "1",
    receiver: str | None = "0",
    key: bytes | None = None,
) -> bytes:
    """The whole frame, LF to CR, encrypted when ``key`` is given; always time-stamped (UTC)."""
    return build_frame(
        payload.id.value,
        sequence,
        payload.account,
        payload.data,
        receiver=receiver,
        line=line,
        timestamp=timestamp,
        key=key,
    )


def _non_negative(name: str, value: int) -> int:
    if value < 0:
        raise ValueError(f"SIA {name} must not be negative, not {value}")
    return value
