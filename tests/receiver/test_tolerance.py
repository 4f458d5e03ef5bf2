"""Tolerance table: payload shapes seen from real panels and libraries, and what Vigie stores for each.

Each row is one message as a transmitter writes it (issue 16's refused shapes, pysiaalarm's test
and simulator shapes, Vigie's own simulator's) with the stored signals it must give: code,
qualifier, zone, partition and the ``extended`` dict (descriptions, time, text, DC-09 extended
data). Link tests give no signal; they must be ACKed and count as a sign of life.

The codec test reads each row from the wire; the interoperability test sends every row over TCP
and UDP, plain and AES-128, to the receiver on 127.0.0.1 in front of the station's intake, files
the inbox, and looks at the stored rows (SQLite and PostgreSQL).
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from datetime import datetime

import pytest
from Crypto.Cipher import AES
from sqlmodel import col, select

from console.receiver.codec import (
    Response,
    build_frame,
    crc16_arc,
    format_timestamp,
    parse_frame,
    parse_response,
)
from console.receiver.payloads import frame_signals
from console.services.alarm_desk import AlarmDesk
from console.services.placement import SignalPlacement
from console.storage.engine import Database
from console.storage.sites import add_transmitter, ensure_site, find_transmitter
from console.storage.tables import SignalRow, TransmissionFaultRow
from tests.factories import T0, SteppingClock
from tests.receiver.test_server_stream import ANSWER_TIMEOUT_S, Station, running

KEY_HEX = "000102030405060708090A0B0C0D0E0F"
KEY = bytes.fromhex(KEY_HEX)
ACCOUNT = "4A21"

Stored = tuple[str, str, int | None, int | None, dict[str, str]]  # code, qualifier, zone, partition, extended


@dataclass(frozen=True)
class Shape:
    name: str
    source: str
    frame_id: str
    data: str
    stored: list[Stored]  # empty for a link test
    extended: tuple[str, ...] = ()
    account: str = ACCOUNT
    unbarred: bool = False  # encrypted plain text "pad]timestamp", without "|" (link tests only)
    plain_too: bool = True  # False: the shape only exists encrypted
    notes: str = field(default="", compare=False)


SHAPES: list[Shape] = [
    # Issue 16: refused before, from two independent DC-09 implementations.
    Shape("area description", "issue 16", "SIA-DCS", "#4A21|Nri2^Ground floor^BA5",
          [("BA", "new", 5, 2, {"ri_text": "Ground floor"})]),
    Shape("user description", "issue 16", "SIA-DCS", "#4A21|Nid7^Alice^BA7",
          [("BA", "new", 7, None, {"id": "7", "id_text": "Alice"})]),
    Shape("description then bar", "issue 16", "SIA-DCS", "#4A21|Nri2^Ground floor^/BA5",
          [("BA", "new", 5, 2, {"ri_text": "Ground floor"})]),
    Shape("time with seconds", "issue 16", "SIA-DCS", "#4A21|Nti13:45:24BA9",
          [("BA", "new", 9, None, {"ti": "13:45:24"})]),
    Shape("text block", "issue 16", "SIA-DCS", "#1101|NBA11|AGlass break",
          [("BA", "new", 11, None, {"text": "Glass break"})]),
    Shape("all together", "issue 16", "SIA-DCS",
          "#4A21|Nti13:45:24/ri2^Ground floor^id7^Alice^BA5^Hall PIR^|AGlass break",
          [("BA", "new", 5, 2, {"ti": "13:45:24", "ri_text": "Ground floor", "id": "7", "id_text": "Alice",
                                "zone_text": "Hall PIR", "text": "Glass break"})]),
    Shape("encrypted NULL without bar", "issue 16", "NULL", "", [], account="4A22", unbarred=True,
          plain_too=False),
    Shape("XNM with extended data", "issue 16 (DC-09 current revision)", "XNM", "", [], extended=("G1",),
          account="4A23"),
    # pysiaalarm 3.2.2's test cases and test line generator.
    Shape("zone description, padded", "pysiaalarm #11", "SIA-DCS", "#123456|Nri1CL0^VX FRONTE ^",
          [("CL", "new", 0, 1, {"zone_text": "VX FRONTE"})]),
    Shape("restore with description", "pysiaalarm #42", "SIA-DCS", "#123456|Nri0KR1^TAST. 001 ^",
          [("KR", "restore", 1, 0, {"zone_text": "TAST. 001"})]),
    Shape("empty account block, M extended", "pysiaalarm xdata_M", "SIA-DCS", "|Nri1/CL501",
          [("CL", "new", 501, 1, {"M": "0026B9E4268B"})], extended=("M0026B9E4268B",)),
    Shape("no account block", "pysiaalarm wa", "SIA-DCS", "Nri1/WA000", [("WA", "new", 0, 1, {})]),
    Shape("generated line", "pysiaalarm create_line", "SIA-DCS", "|Nri1/BA000", [("BA", "new", 0, 1, {})]),
    Shape("trailing letters", "pysiaalarm op", "SIA-DCS", "#006969|Nri04/OP001NM",
          [("OP", "new", 1, 4, {}), ("NM", "new", None, 4, {})],
          notes="pysiaalarm reads NM as message text; Vigie as a second, unlisted event (never dropped)"),
    Shape("no modifier", "pysiaalarm dc04", "SIA-DCS", "#12345A|NFA129", [("FA", "new", 129, None, {})]),
    Shape("Contact ID", "pysiaalarm adm_cid", "ADM-CID", "#12345A|1110 00 129", [("110", "new", 129, 0, {})]),
    Shape("NULL", "pysiaalarm create_line", "NULL", "", [], account="4A24"),
    # Vigie's own panel simulator (console/simulator/encoding.py).
    Shape("simulator SIA with area", "simulator", "SIA-DCS", "#4A21|Nri1/BA01", [("BA", "new", 1, 1, {})]),
    Shape("simulator SIA bare", "simulator", "SIA-DCS", "#4A21|NRP", [("RP", "new", None, None, {})]),
    Shape("simulator Contact ID", "simulator", "ADM-CID", "#4A21|3130 01 015", [("130", "restore", 15, 1, {})]),
]  # fmt: skip

LINK_TEST_ACCOUNTS = sorted({shape.account for shape in SHAPES if not shape.stored})


def _wire(span: str) -> bytes:
    body = span.encode("latin-1")
    return b"\n%04X0%03X%b\r" % (crc16_arc(body), len(body), body)


def frame_of(shape: Shape, sequence: int, at: datetime, key: bytes | None) -> bytes:
    """The shape as its transmitter sends it; the unbarred link test is written by hand."""
    if shape.unbarred:
        assert key is not None and not shape.data
        tail = "]" + "".join(f"[{x}]" for x in shape.extended) + format_timestamp(at)
        plain = ("Z" * (16 - len(tail) % 16) + tail).encode("latin-1")
        cipher = AES.new(key, AES.MODE_CBC, iv=bytes(16)).encrypt(plain).hex().upper()
        return _wire(f'"*{shape.frame_id}"{sequence:04d}L1#{shape.account}[{cipher}')
    return build_frame(
        shape.frame_id, sequence, shape.account, shape.data,
        line="1", extended=shape.extended, timestamp=at, key=key,
    )  # fmt: skip


def stored_of(signals: list[tuple[str, str, int | None, int | None, str]]) -> list[Stored]:
    return [(code, q, zone, part, json.loads(ext) if ext else {}) for code, q, zone, part, ext in signals]


def cases(encrypted: bool) -> list[Shape]:
    return [shape for shape in SHAPES if shape.plain_too or encrypted]


# --------------------------------------------------------------------------------------------
# The codec reads every row
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shape", "key"),
    [
        pytest.param(shape, key, id=f"{shape.name}-{'aes128' if key else 'plain'}")
        for key in (None, KEY)
        for shape in cases(key is not None)
    ],
)
def test_codec_reads_every_shape(shape: Shape, key: bytes | None) -> None:
    frame = parse_frame(frame_of(shape, 7, T0, key), lambda account, line: key, now=T0)
    assert (frame.id, frame.account, frame.encrypted, frame.extended) == (
        shape.frame_id, shape.account, key is not None, shape.extended
    )  # fmt: skip
    signals = frame_signals(frame, T0)
    got = [(s.event.code, s.qualifier.value, s.zone, s.partition, s.extended) for s in signals]
    assert got == shape.stored
    assert frame.is_link_test is (not shape.stored)


# --------------------------------------------------------------------------------------------
# Interoperability: every row over real sockets, stored once with the right fields
# --------------------------------------------------------------------------------------------


class _Udp(asyncio.DatagramProtocol):
    def __init__(self) -> None:
        self.answers: asyncio.Queue[bytes] = asyncio.Queue()

    def datagram_received(self, data: bytes, addr: tuple[str | object, ...]) -> None:
        self.answers.put_nowait(data)


def _register(db: Database, key_hex: str | None) -> None:
    with db.write() as session:
        site, _ = ensure_site(session, "LYO-0001", "Pharmacie")
        for account in [ACCOUNT, *LINK_TEST_ACCOUNTS]:
            add_transmitter(session, site, account, line="1", aes_key=key_hex)


@pytest.mark.parametrize("transport", ["tcp", "udp"])
@pytest.mark.parametrize("key", [None, KEY], ids=["plain", "aes128"])
def test_every_shape_over_the_wire_is_acked_and_stored(
    db: Database, transport: str, key: bytes | None
) -> None:
    _register(db, KEY_HEX if key else None)
    clock = SteppingClock(T0)
    shapes = cases(key is not None)

    async def body(station: Station) -> list[Response]:
        answers: list[Response] = []
        if transport == "tcp":
            client = await station.connect()
            for sequence, shape in enumerate(shapes, start=1):
                await client.send(frame_of(shape, sequence, clock.now, key))
                answers.append(await client.response(key))
            return answers
        loop = asyncio.get_running_loop()
        udp, protocol = await loop.create_datagram_endpoint(_Udp, remote_addr=("127.0.0.1", station.udp_port))
        try:
            for sequence, shape in enumerate(shapes, start=1):
                udp.sendto(frame_of(shape, sequence, clock.now, key))
                answer = await asyncio.wait_for(protocol.answers.get(), ANSWER_TIMEOUT_S)
                answers.append(parse_response(answer, key))
        finally:
            udp.close()
        return answers

    async def main() -> list[Response]:
        async with running(db, clock) as station:
            return await asyncio.wait_for(body(station), 60)

    answers = asyncio.run(main())
    for sequence, (shape, answer) in enumerate(zip(shapes, answers, strict=True), start=1):
        assert (answer.id, answer.sequence, answer.account, answer.encrypted) == (
            "ACK", sequence, shape.account, key is not None
        ), shape.name  # fmt: skip
    SignalPlacement(AlarmDesk(db, clock), clock=clock).place_pending()  # files signals, applies link tests
    with db.read() as session:
        for sequence, shape in enumerate(shapes, start=1):
            rows = session.execute(
                select(
                    SignalRow.event_code, SignalRow.qualifier, SignalRow.zone, SignalRow.partition,
                    SignalRow.extended,
                )
                .where(col(SignalRow.sequence) == sequence)
                .order_by(col(SignalRow.id))
            ).all()  # fmt: skip
            assert stored_of([tuple(row) for row in rows]) == shape.stored, shape.name
            if shape.stored:
                row = (
                    session.execute(select(SignalRow).where(col(SignalRow.sequence) == sequence))
                    .scalars()
                    .first()
                )
                assert row is not None
                assert (row.account, row.line, row.protocol, row.panel_time) == (
                    shape.account, "1", shape.frame_id, T0
                ), shape.name  # fmt: skip
        for account in LINK_TEST_ACCOUNTS:
            tests = [shape for shape in shapes if shape.account == account]
            if tests:
                transmitter = find_transmitter(session, account, "1")
                assert transmitter is not None and transmitter.last_signal_at == T0, account
                kept = {field[:1]: field[1:] for field in tests[-1].extended}  # XNM [G1]: {"G": "1"}
                stored = transmitter.last_test_extended
                assert (json.loads(stored) if stored else {}) == kept, account
        assert session.execute(select(TransmissionFaultRow)).scalars().all() == []


@pytest.mark.parametrize(
    ("data", "part"),
    [("#4A21|NBA01|Xfoo", "'Xfoo'"), ("#4A21|Nri1/BA01!", "'!'"), ("#4A21|Nti13:4BA01", "ti'13:4'")],
)
def test_the_fault_log_names_the_unreadable_part(db: Database, data: str, part: str) -> None:
    _register(db, None)
    clock = SteppingClock(T0)

    async def main() -> Response:
        async with running(db, clock) as station:
            client = await station.connect()
            await client.send(build_frame("SIA-DCS", 31, ACCOUNT, data, line="1", timestamp=clock.now))
            return await client.response()

    answer = asyncio.run(main())
    assert (answer.id, answer.sequence, answer.account) == ("DUH", 31, ACCOUNT)
    with db.read() as session:
        (fault,) = session.execute(select(TransmissionFaultRow)).scalars().all()
        assert (fault.kind, fault.account) == ("duh_payload", ACCOUNT)
        assert part in fault.detail and data in fault.raw
