"""The DC-09 receiver on real sockets (127.0.0.1) in front of a real database, on both backends.

Each test starts a :class:`Dc09Receiver` with the station's own intake (SignalIntake + AlarmDesk) on
the ``db`` fixture, talks to it as a panel would, reads the answers with ``parse_response`` and then
looks in the database. The receiver's clock is a stepping clock, so the timestamps it writes are
known exactly; timeouts only keep a broken receiver from hanging the run, nothing asserts speed.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar

import pytest
from sqlmodel import col, select

from console.receiver.batch import Outcome, Received
from console.receiver.codec import Response, build_frame, parse_response
from console.receiver.server import Dc09Receiver, ReceiverConfig
from console.services.alarm_desk import AlarmDesk
from console.services.placement import SignalPlacement
from console.services.signal_intake import SignalIntake
from console.storage.engine import Database
from console.storage.inbox import pending_rows
from console.storage.sealed import seal_aes_key
from console.storage.sites import add_transmitter, ensure_site, find_transmitter
from console.storage.tables import AlarmRow, SignalRow, TransmissionFaultRow
from tests.factories import T0, SteppingClock, add_site

T = TypeVar("T")
ACCOUNT = "4A21"  # what tests.factories.add_site registers, on line 1
ANSWER_TIMEOUT_S = 15.0  # only so that a broken receiver fails the test instead of hanging it
KEYS = {
    128: "000102030405060708090A0B0C0D0E0F",
    192: "000102030405060708090A0B0C0D0E0F1011121314151617",
    256: "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F",
}


# --------------------------------------------------------------------------------------------
# Harness: a receiver on 127.0.0.1, asyncio clients, database look-ups
# --------------------------------------------------------------------------------------------


class Client:
    """One TCP connection of a panel; answers are read LF..CR."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, port: int) -> Client:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        sock = writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return cls(reader, writer)

    async def send(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()

    async def answer(self, timeout: float = ANSWER_TIMEOUT_S) -> bytes:
        return await asyncio.wait_for(self.reader.readuntil(b"\r"), timeout)

    async def response(self, key: bytes | None = None, timeout: float = ANSWER_TIMEOUT_S) -> Response:
        return parse_response(await self.answer(timeout), key)

    async def nothing_for(self, seconds: float) -> bool:
        """True when no byte (and no close) arrived within `seconds`."""
        try:
            await asyncio.wait_for(self.reader.read(1), seconds)
        except TimeoutError:
            return True
        return False

    async def closed_by_server(self, timeout: float = ANSWER_TIMEOUT_S) -> bool:
        """True when the server closes (EOF or reset) before `timeout`; bytes received count as open."""
        try:
            data = await asyncio.wait_for(self.reader.read(4096), timeout)
        except (ConnectionResetError, BrokenPipeError):
            return True
        except TimeoutError:
            return False
        return data == b""

    async def close(self) -> None:
        self.writer.close()
        try:
            await self.writer.wait_closed()
        except (ConnectionError, OSError):
            pass


@dataclass
class Station:
    receiver: Dc09Receiver
    clock: SteppingClock
    tcp_port: int
    udp_port: int
    clients: list[Client] = field(default_factory=list)

    async def connect(self) -> Client:
        client = await Client.open(self.tcp_port)
        self.clients.append(client)
        return client


@asynccontextmanager
async def running(
    db: Database, clock: SteppingClock, intake: SignalIntake | None = None, **config: Any
) -> AsyncIterator[Station]:
    settings = ReceiverConfig(tcp=(("127.0.0.1", 0),), udp=(("127.0.0.1", 0),), **config)
    receiver = Dc09Receiver(settings, intake or SignalIntake(db, AlarmDesk(db, clock)), clock)
    endpoints = await receiver.start()
    tcp = next(e.port for e in endpoints if e.transport == "tcp")
    udp = next(e.port for e in endpoints if e.transport == "udp")
    station = Station(receiver, clock, tcp, udp)
    try:
        yield station
    finally:
        for client in station.clients:
            await client.close()
        await receiver.stop()  # drains the committer: faults noted so far are written


def scenario(
    db: Database,
    body: Callable[[Station], Awaitable[T]],
    *,
    clock: SteppingClock | None = None,
    intake: SignalIntake | None = None,
    **config: Any,
) -> T:
    """Run `body` against a fresh receiver; returns once the receiver has stopped (faults written)."""

    async def main() -> T:
        async with running(db, clock or SteppingClock(T0), intake, **config) as station:
            return await asyncio.wait_for(body(station), 60)

    return asyncio.run(main())


def cid_frame(
    seq: int,
    account: str = ACCOUNT,
    *,
    at: datetime = T0,
    code: int = 130,
    zone: int = 1,
    line: str | None = "1",
    key: bytes | None = None,
) -> bytes:
    data = f"#{account}|1{code:03d} 01 {zone:03d}"
    return build_frame("ADM-CID", seq, account, data, line=line, timestamp=at, key=key)


def assert_ack(answer: Response, seq: int, account: str = ACCOUNT) -> None:
    assert (answer.id, answer.sequence, answer.account) == ("ACK", seq, account), answer


def signals(db: Database, account: str | None = None) -> list[tuple[str, int | None, str, str | None]]:
    """(account, sequence, event code, dedupe key) of the stored signals, in storage order: those
    already filed in `signal`, then those still in the receiver's inbox."""
    found: list[tuple[str, int | None, str, str | None]] = []
    with db.read() as session:
        query = select(SignalRow.account, SignalRow.sequence, SignalRow.event_code, SignalRow.dedupe_key)
        if account is not None:
            query = query.where(col(SignalRow.account) == account)
        found += [tuple(row) for row in session.execute(query.order_by(col(SignalRow.id))).all()]
    pending = pending_rows(db, "account, sequence, event_code, dedupe_key")
    found += [row for row in pending if account is None or row[0] == account]
    return found


def faults(db: Database) -> list[dict[str, Any]]:
    with db.read() as session:
        rows = session.execute(select(TransmissionFaultRow).order_by(col(TransmissionFaultRow.id))).scalars()
        return [
            {"kind": r.kind, "account": r.account, "skew_s": r.skew_s, "raw": r.raw, "peer": r.peer}
            for r in rows
        ]


def register(db: Database, account: str, *, key_hex: str | None = None, code: str = "LYO-0100") -> None:
    with db.write() as session:
        site, _ = ensure_site(session, code, f"Site {code}")
        add_transmitter(session, site, account, line="1", aes_key=key_hex)


# --------------------------------------------------------------------------------------------
# Stream framing
# --------------------------------------------------------------------------------------------


def test_two_frames_in_one_write_get_two_acks_in_order(db: Database) -> None:
    add_site(db)

    async def body(station: Station) -> list[Response]:
        client = await station.connect()
        await client.send(cid_frame(11) + cid_frame(12, code=131))
        return [await client.response(), await client.response()]

    first, second = scenario(db, body)
    assert_ack(first, 11)
    assert_ack(second, 12)
    assert [(s[1], s[2]) for s in signals(db)] == [(11, "130"), (12, "131")]


@pytest.mark.parametrize("chunk", [1, 7], ids=lambda n: f"{n}-byte-writes")
def test_one_frame_over_several_writes_gets_one_ack(db: Database, chunk: int) -> None:
    add_site(db)
    frame = cid_frame(21)

    async def body(station: Station) -> tuple[bool, Response, bool]:
        client = await station.connect()
        for start in range(0, len(frame) - 1, chunk):
            await client.send(frame[start : min(start + chunk, len(frame) - 1)])
            await asyncio.sleep(0.002)  # give the server a read per write
        early = not await client.nothing_for(0.2)  # everything but the CR is there: no answer yet
        await client.send(frame[-1:])
        answer = await client.response()
        return early, answer, await client.nothing_for(0.2)

    answered_early, answer, nothing_more = scenario(db, body)
    assert not answered_early
    assert_ack(answer, 21)
    assert nothing_more
    assert [s[1] for s in signals(db)] == [21]


def test_garbage_before_and_between_frames_is_skipped_unanswered(db: Database) -> None:
    add_site(db)
    stream = b"GET / HTTP/1.1\r\x00\xff" + cid_frame(31) + b"\x00junk\x7f\r\r" + cid_frame(32) + b"tail"

    async def body(station: Station) -> tuple[Response, Response, bool]:
        client = await station.connect()
        await client.send(stream)
        return await client.response(), await client.response(), await client.nothing_for(0.2)

    first, second, quiet = scenario(db, body)
    assert_ack(first, 31)
    assert_ack(second, 32)
    assert quiet  # the garbage got no answer, not even a NAK
    assert [s[1] for s in signals(db)] == [31, 32]
    assert faults(db) == []


def test_frame_truncated_by_a_new_lf_is_dropped_and_the_next_frame_acked(db: Database) -> None:
    add_site(db)
    truncated = cid_frame(41)[:30]  # LF and the start of the frame, then the next frame's LF

    async def body(station: Station) -> tuple[Response, bool]:
        client = await station.connect()
        await client.send(truncated + cid_frame(42))
        return await client.response(), await client.nothing_for(0.2)

    answer, quiet = scenario(db, body)
    assert_ack(answer, 42)
    assert quiet
    assert [s[1] for s in signals(db)] == [42]


@pytest.mark.parametrize("same_write", [False, True], ids=["then-frame", "frame-in-same-write"])
def test_oversized_unterminated_frame_is_dropped_and_connection_keeps_working(
    db: Database, same_write: bool
) -> None:
    add_site(db)
    oversized = b"\n" + b"A" * 10_000  # far above max_frame_bytes, never terminated

    async def body(station: Station) -> tuple[Response, bool]:
        client = await station.connect()
        if same_write:
            await client.send(oversized + cid_frame(51))
        else:
            await client.send(oversized)
            await asyncio.sleep(0.05)
            await client.send(b"A" * 3000 + cid_frame(51))
        return await client.response(), await client.nothing_for(0.2)

    answer, quiet = scenario(db, body)
    assert_ack(answer, 51)  # the first answer on the connection: the oversized part got none
    assert quiet
    assert [s[1] for s in signals(db)] == [51]


# --------------------------------------------------------------------------------------------
# NAK, DUH and what is recorded for the technicians
# --------------------------------------------------------------------------------------------


def test_bad_crc_gets_a_nak_with_the_receiver_time_and_a_fault_row(db: Database) -> None:
    add_site(db)
    good = cid_frame(61)
    wrong_crc = b"%04X" % (int(good[1:5], 16) ^ 0x0101)
    damaged = good[:1] + wrong_crc + good[5:]
    clock = SteppingClock(T0 + timedelta(seconds=7))

    async def body(station: Station) -> Response:
        client = await station.connect()
        await client.send(damaged)
        return await client.response()

    nak = scenario(db, body, clock=clock)
    assert nak.id == "NAK" and not nak.encrypted
    assert nak.timestamp == T0 + timedelta(seconds=7)  # the receiver's clock, for the panel to resync
    assert (nak.sequence, nak.account) == (0, None)
    assert signals(db) == []
    [fault] = faults(db)
    assert fault["kind"].startswith("nak_") and "crc" in fault["kind"]
    assert fault["raw"] == damaged[1:-1].decode("latin-1")
    assert fault["peer"] == "127.0.0.1"


def test_stale_timestamp_gets_a_nak_and_the_skew_is_recorded(db: Database) -> None:
    add_site(db)

    async def body(station: Station) -> Response:
        client = await station.connect()
        await client.send(cid_frame(71, at=T0 - timedelta(seconds=60)))
        return await client.response()

    nak = scenario(db, body)
    assert nak.id == "NAK"
    assert nak.timestamp == T0
    assert signals(db) == []
    [fault] = faults(db)
    assert fault["kind"].startswith("nak_")
    assert fault["account"] == ACCOUNT
    assert fault["skew_s"] == pytest.approx(-60.0, abs=1.0)


def test_timestamp_window_edges_and_a_configured_window(db: Database) -> None:
    add_site(db)
    offsets = [-40, -41, 20, 21, -60]

    async def body(station: Station) -> list[str]:
        client = await station.connect()
        await client.send(
            b"".join(cid_frame(seq, at=T0 + timedelta(seconds=s)) for seq, s in enumerate(offsets, 1))
        )
        return [(await client.response()).id for _ in offsets]

    assert scenario(db, body) == ["ACK", "NAK", "ACK", "NAK", "NAK"]
    assert scenario(db, body, window_past_s=90.0) == ["ACK", "ACK", "ACK", "NAK", "ACK"]


def test_well_formed_frame_with_an_unreadable_payload_gets_duh(db: Database) -> None:
    add_site(db)

    async def body(station: Station) -> Response:
        client = await station.connect()
        await client.send(build_frame("ADM-CID", 75, ACCOUNT, "not contact id", line="1", timestamp=T0))
        return await client.response()

    duh = scenario(db, body)
    assert (duh.id, duh.sequence, duh.account) == ("DUH", 75, ACCOUNT)
    assert signals(db) == []
    assert [(f["kind"], f["account"]) for f in faults(db)] == [("duh_payload", ACCOUNT)]


def test_encrypted_frame_from_unknown_account_gets_duh(db: Database) -> None:
    add_site(db)  # 4A21 exists but has no key; 7F00 does not exist at all
    key = bytes.fromhex(KEYS[128])

    async def body(station: Station) -> list[Response]:
        client = await station.connect()
        await client.send(cid_frame(81, "7F00", key=key) + cid_frame(82, ACCOUNT, key=key))
        return [await client.response(), await client.response()]

    unknown, keyless = scenario(db, body)
    assert (unknown.id, unknown.sequence, unknown.account, unknown.encrypted) == ("DUH", 81, "7F00", False)
    assert (keyless.id, keyless.sequence, keyless.account) == ("DUH", 82, ACCOUNT)
    assert signals(db) == []
    assert [(f["kind"], f["account"]) for f in faults(db)] == [
        ("duh_unknown_account", "7F00"),
        ("duh_unknown_account", ACCOUNT),
    ]


def test_plain_frame_from_unknown_account_is_acked_stored_and_raised(db: Database) -> None:
    async def body(station: Station) -> Response:
        client = await station.connect()
        await client.send(cid_frame(91, "9B07"))
        return await client.response()

    assert_ack(scenario(db, body), 91, "9B07")
    assert [(s[0], s[1]) for s in signals(db)] == [("9B07", 91)]
    with db.read() as session:  # the ACK waited for the signal only; alarms are the second stage's
        assert session.execute(select(AlarmRow.id)).all() == []
    assert SignalPlacement(AlarmDesk(db, SteppingClock(T0))).place_pending().placed == 1
    with db.read() as session:
        alarms = session.execute(select(AlarmRow.title, AlarmRow.site_id, AlarmRow.account)).all()
    assert len(alarms) == 1
    title, site_id, account = alarms[0]
    assert site_id is None and account == "9B07"
    assert title.lower().startswith("unknown account")
    assert [(f["kind"], f["account"]) for f in faults(db)] == [("unknown_account", "9B07")]


# --------------------------------------------------------------------------------------------
# Retries and de-duplication
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("renewed_timestamp", [False, True], ids=["same-bytes", "new-timestamp"])
def test_a_retry_is_acked_again_and_stored_once(db: Database, renewed_timestamp: bool) -> None:
    add_site(db)
    first = cid_frame(101)
    retry = cid_frame(101, at=T0 + timedelta(seconds=5)) if renewed_timestamp else first

    async def body(station: Station) -> list[Response]:
        client = await station.connect()
        await client.send(first)
        answers = [await client.response()]
        station.clock.advance(10)
        other = await station.connect()  # panels often retry on a new connection
        await other.send(retry)
        answers.append(await other.response())
        return answers

    for answer in scenario(db, body):
        assert_ack(answer, 101)
    assert [s[1] for s in signals(db)] == [101]


def test_the_same_frame_on_two_connections_at_once_is_stored_once(db: Database) -> None:
    add_site(db)
    frame = cid_frame(111)

    async def body(station: Station) -> list[Response]:
        clients = [await station.connect() for _ in range(4)]
        for client in clients:
            client.writer.write(frame)  # all in one loop turn: they share a batch
        return [await client.response() for client in clients]

    for answer in scenario(db, body):
        assert_ack(answer, 111)
    assert [s[1] for s in signals(db)] == [111]


def test_same_sequence_with_different_content_is_stored_twice(db: Database) -> None:
    add_site(db)

    async def body(station: Station) -> list[Response]:
        client = await station.connect()
        await client.send(cid_frame(121, code=130, zone=1))
        answers = [await client.response()]
        await client.send(cid_frame(121, code=130, zone=2))
        answers.append(await client.response())
        return answers

    for answer in scenario(db, body):
        assert_ack(answer, 121)
    stored = signals(db)
    assert [s[1] for s in stored] == [121, 121]
    assert stored[0][3] != stored[1][3]  # different dedupe keys


# --------------------------------------------------------------------------------------------
# Encryption
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("bits", sorted(KEYS))
def test_encrypted_frame_gets_an_encrypted_ack_readable_with_the_key(db: Database, bits: int) -> None:
    account = "5C3D"
    register(db, account, key_hex=KEYS[bits])
    key = bytes.fromhex(KEYS[bits])
    clock = SteppingClock(T0)

    async def body(station: Station) -> Response:
        client = await station.connect()
        await client.send(cid_frame(131, account, key=key, code=120))
        station.clock.advance(3)
        return await client.response(key)

    ack = scenario(db, body, clock=clock)
    assert (ack.id, ack.encrypted, ack.sequence, ack.account, ack.line) == ("ACK", True, 131, account, "1")
    assert ack.timestamp == T0 + timedelta(seconds=3)  # the receiver's clock when it answered
    assert [(s[0], s[1], s[2]) for s in signals(db)] == [(account, 131, "120")]


def test_key_registered_after_start_is_used_for_the_retry(db: Database) -> None:
    account = "5C3E"
    key = bytes.fromhex(KEYS[128])
    frame = cid_frame(141, account, key=key)

    async def body(station: Station) -> tuple[Response, Response]:
        client = await station.connect()
        await client.send(frame)
        refused = await client.response()
        await asyncio.get_running_loop().run_in_executor(
            None, lambda: register(db, account, key_hex=KEYS[128])
        )
        # The DUH told the receiver its keys are stale; a panel retries until it gets an ACK.
        for _ in range(200):
            await client.send(frame)
            answer = await client.response(key)
            if answer.id == "ACK":
                return refused, answer
            await asyncio.sleep(0.05)
        raise AssertionError("the new key was never picked up")

    # The first DUH's reload came before the key was added; the next one may wait key_reload_min_s.
    refused, ack = scenario(db, body, key_reload_min_s=0.05)
    assert (refused.id, refused.account) == ("DUH", account)
    assert (ack.encrypted, ack.sequence) == (True, 141)
    assert [s[1] for s in signals(db, account)] == [141]


# --------------------------------------------------------------------------------------------
# UDP, link tests
# --------------------------------------------------------------------------------------------


class _UdpClient(asyncio.DatagramProtocol):
    def __init__(self) -> None:
        self.answers: asyncio.Queue[bytes] = asyncio.Queue()

    def datagram_received(self, data: bytes, addr: tuple[str | Any, int]) -> None:
        self.answers.put_nowait(data)


def test_udp_frame_gets_its_ack_datagram(db: Database) -> None:
    add_site(db)

    async def body(station: Station) -> list[Response]:
        loop = asyncio.get_running_loop()
        transport, client = await loop.create_datagram_endpoint(
            _UdpClient, remote_addr=("127.0.0.1", station.udp_port)
        )
        try:
            transport.sendto(cid_frame(151))
            first = await asyncio.wait_for(client.answers.get(), ANSWER_TIMEOUT_S)
            transport.sendto(cid_frame(152, at=T0 - timedelta(seconds=120)))
            second = await asyncio.wait_for(client.answers.get(), ANSWER_TIMEOUT_S)
        finally:
            transport.close()
        return [parse_response(first), parse_response(second)]

    ack, nak = scenario(db, body)
    assert_ack(ack, 151)
    assert nak.id == "NAK"
    assert [s[1] for s in signals(db)] == [151]


def test_null_link_test_is_acked_not_stored_and_counts_as_a_sign_of_life(db: Database) -> None:
    add_site(db)
    clock = SteppingClock(T0 + timedelta(seconds=30))

    async def body(station: Station) -> Response:
        client = await station.connect()
        await client.send(build_frame("NULL", 161, ACCOUNT, "", line="1", timestamp=station.clock.now))
        return await client.response()

    assert_ack(scenario(db, body, clock=clock), 161)
    assert signals(db) == []
    SignalPlacement(AlarmDesk(db, clock), clock=clock).place_pending()  # supervision learns of it
    with db.read() as session:
        transmitter = find_transmitter(session, ACCOUNT, "1")
        assert transmitter is not None
        assert transmitter.last_signal_at == T0 + timedelta(seconds=30)
    assert faults(db) == []


def test_xnm_link_test_keeps_its_extended_data_until_the_next_test(db: Database) -> None:
    """XNM (`"XNM"0008L0#2201[][G1]_timestamp`) is a link test whose extended data is stored with
    the transmitter; a later NULL, a test without any, clears it."""
    add_site(db)
    clock = SteppingClock(T0 + timedelta(seconds=30))
    desk = AlarmDesk(db, clock)
    placement = SignalPlacement(desk, clock=clock)

    def link_test(frame_id: str, seq: int, extended: tuple[str, ...]) -> tuple[Response, str | None]:
        async def body(station: Station) -> Response:
            client = await station.connect()
            await client.send(
                build_frame(frame_id, seq, ACCOUNT, "", line="1", extended=extended, timestamp=clock.now)
            )
            return await client.response()

        answer = scenario(db, body, clock=clock)
        placement.place_pending()  # on SQLite the placer applies the inbox's link tests
        with db.read() as session:
            transmitter = find_transmitter(session, ACCOUNT, "1")
            assert transmitter is not None and transmitter.last_signal_at == clock.now
            return answer, transmitter.last_test_extended

    answer, kept = link_test("XNM", 171, ("G1", "Vnet-4G"))
    assert_ack(answer, 171)
    assert kept is not None and json.loads(kept) == {"G": "1", "V": "net-4G"}
    clock.advance(60)
    answer, kept = link_test("NULL", 172, ())
    assert_ack(answer, 172)
    assert kept is None
    assert signals(db) == [] and faults(db) == []


# --------------------------------------------------------------------------------------------
# Connections: idle timeout, per-peer limit, fairness
# --------------------------------------------------------------------------------------------


def test_idle_connection_is_closed_by_the_receiver(db: Database) -> None:
    add_site(db)

    async def body(station: Station) -> tuple[bool, Response, bool]:
        silent = await station.connect()
        talker = await station.connect()
        await talker.send(cid_frame(171))
        ack = await talker.response()
        return await silent.closed_by_server(), ack, await talker.closed_by_server()

    silent_closed, ack, talker_closed = scenario(db, body, idle_timeout_s=0.3)
    assert silent_closed
    assert_ack(ack, 171)
    assert talker_closed  # quiet after its frame: closed as well


def test_idle_connections_beyond_the_per_address_cap_make_room_for_new_ones(db: Database) -> None:
    add_site(db)

    async def body(station: Station) -> tuple[Response, bool, Response, Response]:
        first, second = await station.connect(), await station.connect()
        await second.send(cid_frame(181))
        answered = await second.response()  # idle again once answered
        third = await station.connect()  # three idle from one address, two allowed: the oldest goes
        first_closed = await first.closed_by_server()
        await second.send(cid_frame(182))
        await third.send(cid_frame(183))
        return answered, first_closed, await second.response(), await third.response()

    answered, first_closed, second, third = scenario(db, body, max_idle_per_peer=2, idle_grace_s=0.0)
    assert_ack(answered, 181)
    assert first_closed
    assert_ack(second, 182)
    assert_ack(third, 183)


def test_a_flooding_connection_does_not_starve_another(db: Database) -> None:
    add_site(db)
    register(db, "F100", code="LYO-0200")
    flood_size = 2000
    flood = b"".join(cid_frame(seq, "F100", zone=seq % 1000) for seq in range(1, flood_size + 1))

    async def body(station: Station) -> tuple[Response, int]:
        flooder = await station.connect()
        flood_acks = 0

        async def count_flood_acks() -> None:
            nonlocal flood_acks
            while True:
                parse_response(await flooder.answer())
                flood_acks += 1

        counter = asyncio.get_running_loop().create_task(count_flood_acks())
        flooder.writer.write(flood)  # all of it pipelined, no waiting for answers
        while flood_acks < 5:  # the flood is being served
            await asyncio.sleep(0.01)
        single = await station.connect()
        await single.send(cid_frame(191))
        answer = await single.response()
        acks_meanwhile = flood_acks
        counter.cancel()
        await asyncio.gather(counter, return_exceptions=True)
        return answer, acks_meanwhile

    answer, flood_acks_then = scenario(db, body)
    assert_ack(answer, 191)
    assert flood_acks_then < flood_size  # answered while the flood was still in progress
    assert [s[1] for s in signals(db, ACCOUNT)] == [191]


# --------------------------------------------------------------------------------------------
# Bugs found here, fixed since: kept as regression tests
# --------------------------------------------------------------------------------------------


async def answers_or_store_failure(
    station: Station, exchanges: dict[str, tuple[Client, bytes]]
) -> tuple[dict[str, Response], bool]:
    """Send each frame, then collect answers until all came or the receiver reports a failed batch."""
    answers: dict[str, Response] = {}

    async def collect(name: str, client: Client) -> None:
        answers[name] = parse_response(await client.answer())

    for client, frame in exchanges.values():
        client.writer.write(frame)  # one loop turn: one batch
    tasks = [asyncio.get_running_loop().create_task(collect(n, c)) for n, (c, _) in exchanges.items()]
    while not all(t.done() for t in tasks) and station.receiver.stats.unanswered == 0:
        await asyncio.sleep(0.02)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return answers, station.receiver.store_healthy


def test_a_frame_the_database_cannot_hold_does_not_poison_its_batch(db: Database) -> None:
    add_site(db)
    poison = build_frame("SIA-DCS", 201, ACCOUNT, f"#{ACCOUNT}|Nri1/BA{'9' * 20}", line="1", timestamp=T0)

    async def body(station: Station) -> tuple[dict[str, Response], bool]:
        poisoned, innocent = await station.connect(), await station.connect()
        return await answers_or_store_failure(
            station, {"poisoned": (poisoned, poison), "innocent": (innocent, cid_frame(202))}
        )

    answers, healthy = scenario(db, body)
    assert "innocent" in answers, f"the innocent frame got no answer (store healthy: {healthy})"
    assert_ack(answers["innocent"], 202)
    assert "poisoned" in answers  # answered one way or another
    assert healthy


@pytest.mark.parametrize(
    "frame",
    [
        build_frame("SIA-DCS", 211, ACCOUNT, f"#{ACCOUNT}|NBA01^a\x00b^", line="1", timestamp=T0),
        build_frame(
            "ADM-CID", 212, ACCOUNT, f"#{ACCOUNT}|1130 01 001", extended=["X\x00"], line="1", timestamp=T0
        ),
    ],
    ids=["nul-in-sia-text", "nul-in-extended-data"],
)
def test_a_nul_byte_in_a_valid_frame_does_not_poison_its_batch(db: Database, frame: bytes) -> None:
    add_site(db)

    async def body(station: Station) -> tuple[dict[str, Response], bool]:
        panel, innocent = await station.connect(), await station.connect()
        return await answers_or_store_failure(
            station, {"panel": (panel, frame), "innocent": (innocent, cid_frame(213))}
        )

    answers, healthy = scenario(db, body)
    assert "innocent" in answers, f"the innocent frame got no answer (store healthy: {healthy})"
    assert_ack(answers["innocent"], 213)
    assert answers["panel"].id in ("ACK", "DUH")
    assert healthy


def test_a_refused_frame_with_a_nul_byte_still_leaves_fault_rows(db: Database) -> None:
    add_site(db)
    good = cid_frame(221)
    with_nul = good[:20] + b"\x00" + good[21:]  # CRC no longer matches: NAK
    bad_crc = good[:1] + b"%04X" % (int(good[1:5], 16) ^ 0x00FF) + good[5:]

    async def body(station: Station) -> list[Response]:
        client = await station.connect()
        await client.send(with_nul + bad_crc)
        return [await client.response(), await client.response()]

    assert [a.id for a in scenario(db, body)] == ["NAK", "NAK"]
    assert [f["kind"] for f in faults(db)] == ["nak_crc_error", "nak_crc_error"]


class GatedIntake(SignalIntake):
    """The station's intake, holding the first commit until the test releases it."""

    def __init__(self, db: Database, desk: AlarmDesk) -> None:
        super().__init__(db, desk)
        self.entered = threading.Event()
        self.release = threading.Event()

    def store(self, batch: Sequence[Received]) -> Sequence[Outcome]:
        self.entered.set()
        self.release.wait(ANSWER_TIMEOUT_S)
        return super().store(batch)


def _rekey(db: Database, account: str, key_hex: str) -> None:
    with db.write() as session:
        transmitter = find_transmitter(session, account, "1")
        assert transmitter is not None
        transmitter.aes_key = seal_aes_key(key_hex)


def test_the_ack_uses_the_key_the_frame_was_encrypted_with(db: Database) -> None:
    account = "5C40"
    register(db, account, key_hex=KEYS[128])
    old_key, new_key = bytes.fromhex(KEYS[128]), bytes.fromhex(KEYS[256])
    clock = SteppingClock(T0)
    intake = GatedIntake(db, AlarmDesk(db, clock))

    async def body(station: Station) -> bytes:
        loop = asyncio.get_running_loop()
        panel = await station.connect()
        await panel.send(cid_frame(231, account, key=old_key))
        assert await loop.run_in_executor(None, intake.entered.wait, ANSWER_TIMEOUT_S)
        await loop.run_in_executor(None, _rekey, db, account, KEYS[256])
        stranger = await station.connect()  # an unknown encrypted account makes the receiver reload keys
        await stranger.send(cid_frame(232, "7F01", key=old_key))
        assert (await stranger.response()).id == "DUH"
        for _ in range(int(ANSWER_TIMEOUT_S / 0.01)):
            if station.receiver._keyring.key(account, "1") == new_key:
                break
            await asyncio.sleep(0.01)
        assert station.receiver._keyring.key(account, "1") == new_key, "keys were not reloaded"
        intake.release.set()
        return await panel.answer()

    answer = scenario(db, body, clock=clock, intake=intake)
    ack = parse_response(answer, old_key)  # what the panel, still on the old key, can read
    assert (ack.id, ack.sequence, ack.account) == ("ACK", 231, account)
