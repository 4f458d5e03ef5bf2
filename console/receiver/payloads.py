"""Payloads of DC-09 frames (Contact ID in ADM-CID, SIA DCS in SIA-DCS) turned into domain signals.

ADM-CID data is ``#ACCT|Q EEE GG ZZZ``: qualifier (1 new, 3 restore, 6 still present), event code,
partition (group), zone or user. The ``#ACCT|`` prefix and the two spaces are optional on reading
(panels differ); nothing else is tolerated, because a misread digit would mean a wrong alarm.

SIA-DCS data is SIA DC-03 data as transmitters write it (DC-03 section 5.2.1.2): a sequence of
blocks separated by ``|``, each starting with its function code. ``#ACCT`` is the account block
(optional, not compared with the header's), ``N`` an event block and ``A`` a text block: the text
of the events of the event block it follows (``#1101|NBA11|AGlass break``; several ``A`` blocks in
a row are joined with a space). Empty blocks are skipped (pysiaalarm writes ``|Nri1/CL501``). Any
other function code is refused, naming the block.

An event block holds fields separated by ``/``. A field holds modifiers (two lower-case letters
and a value: ``ri`` area, ``id`` user, ``ti`` time ``hh:mm`` or ``hh:mm:ss``, others skipped) and
events (two upper-case letters and an optional numeric address), as in ``Nri1/BA01``, ``NRP`` or
``Nri2BA05/BR05``. A description ``^text^`` may follow any modifier or event, with or without a
``/`` after it (``Nri2^Ground floor^BA5``, ``Nid7^Alice^/BA7``); an unterminated one ends at the next
``/``. A modifier (and its description) holds for the events after it in the same frame, so
``Nri2BA05/BR05`` gives two events of area 2, until the same modifier comes again. Each event gives
one signal: code through the catalogue, address as zone, ``ri`` as partition. What a signal has no
field for goes into its ``extended`` dict under lower-case names (extended data identifiers are
single upper-case letters, so they cannot collide): ``id`` the user, ``ti`` the time as sent,
``<modifier>_text`` a modifier's description (``ri_text`` the area's, ``id_text`` the user's),
``zone_text`` the event's own description and ``text`` the ``A`` block's. Descriptions are kept as
sent, less the blanks around them (panels pad fixed-width names).

The account of a signal is the frame header's (the one the key and the ACK use); an account
repeated in the data is not compared with it. The panel time of a signal is the frame timestamp.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from console.domain.signals import Protocol, Signal, contact_id_signal, sia_signal
from console.receiver.codec import Frame, MalformedFrame

__all__ = ["frame_signals"]

_ACCOUNT_PREFIX = re.compile(r"#[0-9A-Fa-f]{3,16}\|", re.ASCII)
_CONTACT_ID = re.compile(r"([0-9])([0-9]{3}) ?([0-9]{2}) ?([0-9]{3})", re.ASCII)
_MODIFIER = re.compile(r"([a-z]{2})([0-9:\-]*)", re.ASCII)
_EVENT = re.compile(r"([A-Z]{2})([0-9]*)", re.ASCII)
# "^...^", or an unterminated "^..." ending at the next "/"; never across blocks.
_DESCRIPTION = re.compile(r"\^([^^|]*)\^|\^([^^/|]*)")
_TIME = re.compile(r"[0-9]{2}:[0-9]{2}(?::[0-9]{2})?", re.ASCII)
_ACCOUNT_BLOCK = re.compile(r"#[0-9A-Fa-f]{3,16}", re.ASCII)


def frame_signals(frame: Frame, received_at: datetime, peer: str = "") -> list[Signal]:
    """The signals a frame carries: none for a link test, one for ADM-CID, one per event for SIA-DCS.

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
    if frame.is_link_test:  # NULL, XNM
        return []
    if frame.id == Protocol.ADM_CID:
        return [_contact_id(frame, received_at, common)]
    if frame.id == Protocol.SIA_DCS:
        return _sia(frame, received_at, common)
    raise MalformedFrame(f"no payload reader for ID {frame.id!r}", frame=frame)


def extended_fields(frame: Frame) -> dict[str, str]:
    """Extended fields by identifier letter, value raw; the first of a repeated identifier wins."""
    fields: dict[str, str] = {}
    for item in frame.extended:
        fields.setdefault(item[:1], item[1:])
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
            extended=extended_fields(frame),
            **common,
        )
    except ValueError as exc:  # qualifier other than 1, 3, 6
        raise MalformedFrame(f"Contact ID payload {frame.data!r}: {exc}", frame=frame) from None


@dataclass(slots=True)
class _Event:
    """One event read from an event block, before the text block that may follow it."""

    code: str
    zone: int | None
    area: int | None
    extended: dict[str, str]


def _sia(frame: Frame, received_at: datetime, common: dict[str, object]) -> list[Signal]:
    events: list[_Event] = []
    scope = _Scope()
    described: list[_Event] | None = None  # events of the last event block, for a text block
    for block in frame.data.split("|"):
        if not block:
            continue
        head = block[0]
        if head == "N":
            described = _event_block(frame, block, scope)
            events.extend(described)
        elif head == "A":
            if described is None:
                raise MalformedFrame(f"SIA text block {block!r} comes before any event", frame=frame)
            text = block[1:].strip()
            for event in described:  # a second text block in a row continues the first
                before = event.extended.get("text")
                event.extended["text"] = f"{before} {text}" if before and text else (before or text)
        elif head == "#":
            if not _ACCOUNT_BLOCK.fullmatch(block):
                raise MalformedFrame(f"SIA account block {block!r} is not # and 3-16 hex digits", frame=frame)
        else:
            raise MalformedFrame(
                f"SIA block {block!r} is not read here (N event, A text, #account): {frame.data!r}",
                frame=frame,
            )
    if not events:
        raise MalformedFrame(f"SIA payload carries no event: {frame.data!r}", frame=frame)
    frame_extended = extended_fields(frame)
    return [
        sia_signal(
            received_at=received_at,
            account=frame.account,
            code=event.code,
            zone=event.zone,
            partition=event.area,
            extended={**frame_extended, **{k: v for k, v in event.extended.items() if v}},
            **common,
        )
        for event in events
    ]


@dataclass(slots=True)
class _Scope:
    """Modifiers read so far in the frame: they hold for the events after them."""

    area: int | None = None
    kept: dict[str, str] = field(default_factory=dict)


def _description(block: str, position: int) -> tuple[str | None, int]:
    """The ``^text^`` at ``position`` (blanks around it removed) and where it ends; None if none."""
    match = _DESCRIPTION.match(block, position)
    if match is None:
        return None, position
    text = match.group(1) if match.group(1) is not None else match.group(2)
    return text.strip(), match.end()


def _event_block(frame: Frame, block: str, scope: _Scope) -> list[_Event]:
    """The events of one ``N`` block, updating the modifiers in scope."""
    events: list[_Event] = []
    position = 1
    while position < len(block):
        if block[position] == "/":  # field separator; empty fields are harmless
            position += 1
            continue
        modifier = _MODIFIER.match(block, position)
        if modifier is not None:
            name, value = modifier.groups()
            if name == "ri" and value.isdigit():
                scope.area = int(value)
            elif name in ("id", "ti") and (value.isdigit() if name == "id" else _TIME.fullmatch(value)):
                scope.kept[name] = value
            elif name in ("ri", "id", "ti"):
                raise MalformedFrame(
                    f"SIA modifier {name}{value!r} is malformed in block {block!r}", frame=frame
                )
            text, position = _description(block, modifier.end())
            scope.kept[f"{name}_text"] = text or ""  # a new value drops the previous one's description
            continue
        event = _EVENT.match(block, position)
        if event is None:
            raise MalformedFrame(
                f"SIA event block {block!r} cannot be read at {block[position:]!r}", frame=frame
            )
        code, address = event.groups()
        text, position = _description(block, event.end())
        extended = dict(scope.kept)
        if text:
            extended["zone_text"] = text
        events.append(_Event(code, int(address) if address else None, scope.area, extended))
    return events
