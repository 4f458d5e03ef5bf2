"""Payloads of DC-09 frames (Contact ID in ADM-CID, SIA DCS in SIA-DCS) turned into domain signals.

ADM-CID data is ``#ACCT|Q EEE GG ZZZ``: qualifier (1 new, 3 restore, 6 still present), event code,
partition (group), zone or user. The ``#ACCT|`` prefix and the two spaces are optional on reading
(panels differ); nothing else is tolerated, because a misread digit would mean a wrong alarm.

SIA-DCS data is ``#ACCT|N`` followed by fields separated by ``/``. A field holds modifiers (two
lower-case letters and a value: ``ri`` area, ``id`` user, ``ti`` hh:mm, others skipped) and events
(two upper-case letters, optional numeric address, optional ``^text^``), as in ``Nri1/BA01``,
``NRP`` or ``Nri2BA05/BR05``. A modifier holds for the events after it in the same frame, so
``Nri2BA05/BR05`` gives two events of area 2. Each event gives one signal: code through the
catalogue, address as zone, ``ri`` as partition. ``id`` and ``ti`` have no field on a signal, so
they go into its ``extended`` dict under those lower-case names (extended data identifiers are
single upper-case letters, so they cannot collide); ``^text^`` after an address is skipped.

The account of a signal is the frame header's (the one the key and the ACK use); an account
repeated in the data is not compared with it. The panel time of a signal is the frame timestamp.
"""

from __future__ import annotations

import re
from datetime import datetime

from console.domain.signals import Protocol, Signal, contact_id_signal, sia_signal
from console.receiver.codec import Frame, MalformedFrame

__all__ = ["frame_signals"]

_ACCOUNT_PREFIX = re.compile(r"#[0-9A-Fa-f]{3,16}\|", re.ASCII)
_CONTACT_ID = re.compile(r"([0-9])([0-9]{3}) ?([0-9]{2}) ?([0-9]{3})", re.ASCII)
_MODIFIER = re.compile(r"([a-z]{2})([0-9:\-]*)", re.ASCII)
# Text after an address: "^...^"; an unterminated one ends at the next "/".
_EVENT = re.compile(r"([A-Z]{2})([0-9]*)(?:\^[^^]*\^|\^[^^/]*)?", re.ASCII)
_TIME = re.compile(r"[0-9]{2}:[0-9]{2}", re.ASCII)


def frame_signals(frame: Frame, received_at: datetime, peer: str = "") -> list[Signal]:
    """The signals a frame carries: none for NULL, one for ADM-CID, one per event for SIA-DCS.

    Raises :class:`MalformedFrame` (with ``frame`` attached) when the payload cannot be read.
    """
    common: dict[str, object] = {
        "sequence": frame.sequence,
        "line": frame.line or "",
        "receiver": frame.receiver or "",
        "panel_time": frame.timestamp,
        "raw": frame.raw,
        "peer": peer,
    }
    if frame.id == Protocol.NULL:
        return []
    if frame.id == Protocol.ADM_CID:
        return [_contact_id(frame, received_at, common)]
    if frame.id == Protocol.SIA_DCS:
        return _sia(frame, received_at, common)
    raise MalformedFrame(f"no payload reader for ID {frame.id!r}", frame=frame)


def _extended(frame: Frame) -> dict[str, str]:
    """Extended fields by identifier letter, value raw; the first of a repeated identifier wins."""
    fields: dict[str, str] = {}
    for field in frame.extended:
        fields.setdefault(field[:1], field[1:])
    return fields


def _strip_account(data: str) -> str:
    prefix = _ACCOUNT_PREFIX.match(data)
    return data[prefix.end() :] if prefix else data


def _contact_id(frame: Frame, received_at: datetime, common: dict[str, object]) -> Signal:
    match = _CONTACT_ID.fullmatch(_strip_account(frame.data))
    if match is None:
        raise MalformedFrame(f"Contact ID payload is not 'Q EEE GG ZZZ': {frame.data!r}", frame=frame)
    qualifier, code, partition, zone = match.groups()
    try:
        return contact_id_signal(
            received_at=received_at,
            account=frame.account,
            qualifier=qualifier,
            code=code,
            partition=int(partition),
            zone=int(zone),
            extended=_extended(frame),
            **common,
        )
    except ValueError as exc:  # qualifier other than 1, 3, 6
        raise MalformedFrame(f"Contact ID payload {frame.data!r}: {exc}", frame=frame) from None


def _sia(frame: Frame, received_at: datetime, common: dict[str, object]) -> list[Signal]:
    body = _strip_account(frame.data)
    if not body.startswith("N"):
        raise MalformedFrame(f"SIA payload does not start with 'N' (new event): {frame.data!r}", frame=frame)
    area: int | None = None
    kept: dict[str, str] = {}
    signals: list[Signal] = []
    position = 1
    while position < len(body):
        if body[position] == "/":  # field separator; empty fields are harmless
            position += 1
            continue
        modifier = _MODIFIER.match(body, position)
        if modifier is not None:
            name, value = modifier.groups()
            if name == "ri" and value.isdigit():
                area = int(value)
            elif name == "id" and value.isdigit():
                kept["id"] = value
            elif name == "ti" and _TIME.fullmatch(value):
                kept["ti"] = value
            elif name in ("ri", "id", "ti"):
                raise MalformedFrame(f"SIA modifier {name}{value!r} is malformed", frame=frame)
            position = modifier.end()
            continue
        event = _EVENT.match(body, position)
        if event is None:
            raise MalformedFrame(f"SIA payload cannot be read at {body[position:]!r}", frame=frame)
        code, address = event.groups()
        extended = _extended(frame)
        extended.update(kept)
        signals.append(
            sia_signal(
                received_at=received_at,
                account=frame.account,
                code=code,
                zone=int(address) if address else None,
                partition=area,
                extended=extended,
                **common,
            )
        )
        position = event.end()
    if not signals:
        raise MalformedFrame(f"SIA payload carries no event: {frame.data!r}", frame=frame)
    return signals
