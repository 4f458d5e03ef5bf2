"""The receiver under attack, at small scale on 127.0.0.1, in front of a real database (issue 15).

Each test reproduces one attack found by the security review and checks what the receiver does
about it: spoofed plain frames for keyed accounts, fake or replayed link tests that would hide a
cut line, UDP reflection and per-source floods, slow-loris connections, connection caps that would
lock out panels behind one carrier NAT, and unknown encrypted accounts forcing key reloads.
"""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from Crypto.Cipher import AES
from sqlmodel import col, select

from console.receiver.codec import Response, build_frame, crc16_arc, parse_response
from console.services.alarm_desk import AlarmDesk
from console.services.placement import SignalPlacement
from console.services.signal_intake import SignalIntake
from console.services.supervision import PeriodicTestWatch
from console.storage.engine import Database
from console.storage.sites import add_transmitter, ensure_site, find_transmitter
from console.storage.tables import AlarmRow, SignalRow, TransmissionFaultRow
from tests.factories import T0, SteppingClock, add_site
from tests.receiver.test_server_stream import (
    ANSWER_TIMEOUT_S,
    KEYS,
    Client,
    Station,
    _UdpClient,
    assert_ack,
    cid_frame,
    faults,
    register,
    scenario,
    signals,
)

KEYED = "5C3D"
KEY = bytes.fromhex(KEYS[128])
INTERVAL_S = 600
GRACE_S = 60


def supervised_keyed(db: Database, clock: SteppingClock) -> None:
    """A keyed transmitter that tests every 10 minutes and was last heard of now."""
    register(db, KEYED, key_hex=KEYS[128])
    with db.write() as session:
        transmitter = find_transmitter(session, KEYED, "1")
        assert transmitter is not None
        transmitter.test_interval_s = INTERVAL_S
        transmitter.last_signal_at = clock.now


def last_signal_at(db: Database, account: str = KEYED) -> datetime | None:
    with db.read() as session:
        transmitter = find_transmitter(session, account, "1")
        assert transmitter is not None
        return transmitter.last_signal_at


def place(db: Database, clock: SteppingClock) -> None:
    """The receiver's second stage: signals into alarms, link tests into supervision."""
    SignalPlacement(AlarmDesk(db, clock), clock=clock).place_pending()


def plain_null(seq: int, at: datetime, account: str = KEYED) -> bytes:
    return build_frame("NULL", seq, account, "", line="1", timestamp=at)


async def until(condition: Any, timeout: float = ANSWER_TIMEOUT_S) -> None:
    """Wait (bounded) for something the receiver does after answering, such as closing."""
    for _ in range(int(timeout / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition never met")


@asynccontextmanager
async def udp_client(port: int, local: str = "127.0.0.1") -> AsyncIterator[tuple[Any, _UdpClient]]:
    loop = asyncio.get_running_loop()
    transport, client = await loop.create_datagram_endpoint(
        _UdpClient, local_addr=(local, 0), remote_addr=("127.0.0.1", port)
    )
    try:
        yield transport, client
    finally:
        transport.close()


async def next_answer(client: _UdpClient, timeout: float = ANSWER_TIMEOUT_S) -> Response:
    return parse_response(await asyncio.wait_for(client.answers.get(), timeout), KEY)


# --------------------------------------------------------------------------------------------
# Item 1: no spoofing of keyed accounts
# --------------------------------------------------------------------------------------------


def test_a_plain_frame_for_a_keyed_account_gets_duh_and_is_not_stored(db: Database) -> None:
    clock = SteppingClock(T0)
    supervised_keyed(db, clock)
    alarm_frame = cid_frame(11, KEYED, code=130)  # a burglary, as a burglar would like it

    async def body(station: Station) -> list[Response]:
        client = await station.connect()
        answers = []
        for frame in (alarm_frame, plain_null(12, T0)):
            await client.send(frame)
            answers.append(await client.response())
        async with udp_client(station.udp_port) as (transport, udp):
            transport.sendto(plain_null(13, T0))
            answers.append(await next_answer(udp))
        return answers

    answers = scenario(db, body, clock=clock)
    assert [(a.id, a.sequence, a.account) for a in answers] == [
        ("DUH", 11, KEYED),
        ("DUH", 12, KEYED),
        ("DUH", 13, KEYED),
    ]
    place(db, clock)
    assert signals(db) == []
    assert [(f["kind"], f["account"]) for f in faults(db)] == [("duh_plain_for_keyed", KEYED)] * 3
    assert last_signal_at(db) == T0  # none of them was a sign of life


def test_keys_belong_to_the_transmitter_of_account_and_line(db: Database) -> None:
    """Two customers share account 5C3E on lines 1 (keyed) and 2 (in clear): each line is judged by
    its own transmitter, never by the other's key (before, line 2's plain panel got DUH and line 1's
    key decrypted frames claiming line 2)."""
    shared = "5C3E"
    with db.write() as session:
        keyed_site, _ = ensure_site(session, "LYO-0301", "Keyed customer")
        plain_site, _ = ensure_site(session, "LYO-0302", "Plain customer")
        add_transmitter(session, keyed_site, shared, line="1", aes_key=KEYS[128])
        add_transmitter(session, plain_site, shared, line="2")
        site_ids = {"1": keyed_site.id, "2": plain_site.id}
    clock = SteppingClock(T0)
    sent = [
        cid_frame(21, shared, line="2", zone=2),  # line 2 in clear: its panel is not keyed
        cid_frame(22, shared, line="1", zone=3),  # line 1 in clear: spoofed
        cid_frame(23, shared, line="1", zone=4, key=KEY),  # line 1 with its key
        cid_frame(24, shared, line="2", zone=5, key=KEY),  # line 1's key claiming line 2
    ]

    async def body(station: Station) -> list[tuple[str, int | None]]:
        client = await station.connect()
        answers: list[tuple[str, int | None]] = []
        for frame in sent:
            await client.send(frame)
            answer = parse_response(await client.answer(), KEY)
            answers.append((answer.id, answer.sequence))
        return answers

    assert scenario(db, body, clock=clock) == [("ACK", 21), ("DUH", 22), ("ACK", 23), ("DUH", 24)]
    place(db, clock)
    with db.read() as session:
        placed = session.execute(
            select(SignalRow.sequence, SignalRow.zone, AlarmRow.site_id)
            .join(AlarmRow, col(AlarmRow.id) == col(SignalRow.alarm_id))
            .order_by(col(SignalRow.sequence))
        ).all()
    assert [tuple(row) for row in placed] == [(21, 2, site_ids["2"]), (23, 4, site_ids["1"])]
    assert [f["kind"] for f in faults(db)] == ["duh_plain_for_keyed", "duh_unknown_account"]


def test_fake_plain_link_tests_do_not_suppress_the_missed_test_alarm(db: Database) -> None:
    """The line is cut and a box on the site's network sends plain NULL link tests every minute."""
    clock = SteppingClock(T0)
    supervised_keyed(db, clock)

    async def body(station: Station) -> list[str]:
        client = await station.connect()
        answers = []
        for seq in range(1, 13):
            station.clock.advance(60)
            await client.send(plain_null(seq, station.clock.now))
            answers.append((await client.response()).id)
        return answers

    assert scenario(db, body, clock=clock) == ["DUH"] * 12
    place(db, clock)
    assert clock.now > T0 + timedelta(seconds=INTERVAL_S + GRACE_S)
    raised = PeriodicTestWatch(db, clock).check()
    assert len(raised) == 1  # the missed-test alarm, as if nothing had arrived


def test_a_replayed_encrypted_link_test_or_signal_is_acked_but_no_sign_of_life(db: Database) -> None:
    """Copies of genuine encrypted frames, replayed inside the timestamp window, answer as retries
    but do not push back the supervision."""
    clock = SteppingClock(T0)
    supervised_keyed(db, clock)

    async def body(station: Station) -> list[tuple[str, datetime | None]]:
        loop = asyncio.get_running_loop()
        seen: list[tuple[str, datetime | None]] = []
        station.clock.advance(30)
        link_test = build_frame("NULL", 21, KEYED, "", line="1", timestamp=station.clock.now, key=KEY)
        for step in (0, 25):  # the genuine one, then its copy 25 s later (inside the 40 s window)
            station.clock.advance(step)
            client = await station.connect()
            await client.send(link_test)
            answer = await client.response(KEY)
            seen.append((answer.id, None))
        await loop.run_in_executor(None, place, db, station.clock)
        seen.append(("last", await loop.run_in_executor(None, last_signal_at, db)))
        station.clock.advance(5)
        alarm = cid_frame(22, KEYED, at=station.clock.now, key=KEY)
        for step in (0, 30):
            station.clock.advance(step)
            client = await station.connect()
            await client.send(alarm)
            seen.append(((await client.response(KEY)).id, None))
        await loop.run_in_executor(None, place, db, station.clock)
        seen.append(("last", await loop.run_in_executor(None, last_signal_at, db)))
        return seen

    seen = scenario(db, body, clock=clock)
    assert seen == [
        ("ACK", None),
        ("ACK", None),
        ("last", T0 + timedelta(seconds=30)),  # the genuine test, not its copy at +55 s
        ("ACK", None),
        ("ACK", None),
        ("last", T0 + timedelta(seconds=60)),  # the genuine signal, not its copy at +90 s
    ]
    assert [s[1] for s in signals(db, KEYED)] == [22]


def _encrypted_without_timestamp(seq: int, account: str, key: bytes) -> bytes:
    tail = f"|#{account}|1130 01 001]"
    plain = "x" * (16 - len(tail) % 16) + tail
    cipher = AES.new(key, AES.MODE_CBC, iv=bytes(16)).encrypt(plain.encode("latin-1")).hex().upper()
    span = f'"*ADM-CID"{seq:04d}L1#{account}[{cipher}'.encode("latin-1")
    return b"\n%04X0%03X%b\r" % (crc16_arc(span), len(span), span)


def test_an_encrypted_frame_without_timestamp_is_refused(db: Database) -> None:
    register(db, KEYED, key_hex=KEYS[128])

    async def body(station: Station) -> Response:
        client = await station.connect()
        await client.send(_encrypted_without_timestamp(31, KEYED, KEY))
        return await client.response()

    assert scenario(db, body).id == "NAK"
    assert signals(db) == []
    assert [f["kind"] for f in faults(db)] == ["nak_malformed_frame"]


# --------------------------------------------------------------------------------------------
# Item 4: no UDP reflection
# --------------------------------------------------------------------------------------------


def test_udp_garbage_gets_no_answer_while_good_frames_do(db: Database) -> None:
    add_site(db)
    good = cid_frame(41)
    bad_crc = b"\n0000" + good[5:]
    bad_length = good[:5] + b"0FFF" + good[9:]

    async def body(station: Station) -> list[Response]:
        async with udp_client(station.udp_port) as (transport, udp):
            for garbage in (b"\x00\xffGET / HTTP/1.1\r\n", b"\n\r", bad_crc, bad_length):
                transport.sendto(garbage)
            transport.sendto(good)
            answers = [await next_answer(udp)]
            transport.sendto(cid_frame(42, at=T0 - timedelta(seconds=120)))  # a clock to correct
            answers.append(await next_answer(udp))
            assert udp.answers.empty()
        return answers

    ack, nak = scenario(db, body)
    assert_ack(ack, 41)  # the first answer: nothing came back for the garbage sent before it
    assert nak.id == "NAK"
    assert [s[1] for s in signals(db)] == [41]


def test_a_datagram_of_many_frames_gets_no_answer_and_one_fault(db: Database) -> None:
    add_site(db)

    async def body(station: Station) -> Response:
        async with udp_client(station.udp_port) as (transport, udp):
            transport.sendto(b"\n\r" * 2000)  # 4 kB of empty frames
            transport.sendto(cid_frame(51) + cid_frame(52))  # even good ones: one frame per datagram
            transport.sendto(cid_frame(53))
            answer = await next_answer(udp)
            assert udp.answers.empty()
            return answer

    assert_ack(scenario(db, body), 53)
    assert [s[1] for s in signals(db)] == [53]
    assert [f["kind"] for f in faults(db)] == ["udp_several_frames"] * 2


def test_udp_answers_per_source_are_rate_limited(db: Database) -> None:
    add_site(db)
    sent = 10

    async def body(station: Station) -> tuple[int, int]:
        stats = station.receiver.stats
        async with udp_client(station.udp_port) as (transport, udp):
            for seq in range(61, 61 + sent):  # each would be answered (NAK: stale timestamp)
                transport.sendto(cid_frame(seq, at=T0 - timedelta(seconds=120)))
            await until(lambda: stats.naks + stats.udp_dropped == sent)
            answers = [await next_answer(udp) for _ in range(stats.naks)]
            assert {a.id for a in answers} == {"NAK"}
            return len(answers), stats.udp_dropped

    answered, dropped = scenario(db, body, udp_rate_per_s=0.001, udp_burst=3)
    assert (answered, dropped) == (3, sent - 3)
    assert len(faults(db)) == 3  # what was dropped unread costs no fault row either


def test_per_peer_counters_forget_old_peers(db: Database) -> None:
    add_site(db)
    sources = [f"127.0.0.{n}" for n in range(2, 42)]  # loopback answers any 127/8 address

    async def body(station: Station) -> tuple[int, int, dict[str, int]]:
        receiver = station.receiver
        for seq, source in enumerate(sources, start=71):
            async with udp_client(station.udp_port, local=source) as (transport, udp):
                transport.sendto(cid_frame(seq))
                assert_ack(await next_answer(udp), seq)
        await until(lambda: not receiver._udp_in_flight)
        return len(receiver.stats.by_peer), len(receiver._udp_buckets), dict(receiver._udp_in_flight)

    peers, buckets, in_flight = scenario(db, body, max_tracked_peers=8)
    assert peers == 8
    assert buckets == 8
    assert in_flight == {}
    assert len(signals(db)) == len(sources)


# --------------------------------------------------------------------------------------------
# Item 5: connections
# --------------------------------------------------------------------------------------------


async def drip(client: Client, data: bytes, every_s: float) -> int:
    """Send `data` a byte at a time; how many bytes went out before the receiver closed."""
    for sent in range(len(data)):
        try:
            await client.send(data[sent : sent + 1])
        except ConnectionError:
            return sent
        if not await client.nothing_for(every_s):  # closed (or answered)
            return sent + 1
    return len(data)


def test_a_slow_loris_is_dropped_at_its_frame_deadline(db: Database) -> None:
    add_site(db)
    frame = cid_frame(81)

    async def body(station: Station) -> tuple[int, Response, int]:
        loris = await station.connect()
        other = await station.connect()
        dripping = asyncio.create_task(drip(loris, frame, 0.05))
        await other.send(cid_frame(82))
        served = await other.response()
        return await dripping, served, station.receiver.stats.deadline_closed

    sent, served, closed = scenario(db, body, frame_deadline_s=0.3, idle_timeout_s=60)
    assert sent < len(frame)  # closed before it could finish (it would have taken 3 s)
    assert closed == 1
    assert_ack(served, 82)
    assert [s[1] for s in signals(db)] == [82]


def test_bytes_that_never_make_a_frame_do_not_keep_a_connection_open(db: Database) -> None:
    add_site(db)

    async def body(station: Station) -> int:
        return await drip(await station.connect(), b"x" * 200, 0.05)

    assert scenario(db, body, idle_timeout_s=0.3) < 200  # 10 s of bytes; the idle timeout is 0.3 s


def test_a_hundred_connections_from_one_address_are_all_served(db: Database) -> None:
    """Panels behind one carrier NAT address, all connected at once."""
    add_site(db)
    count = 100

    async def body(station: Station) -> tuple[list[Response], int]:
        clients = [await station.connect() for _ in range(count)]
        for seq, client in enumerate(clients, start=1001):
            await client.send(cid_frame(seq))
        answers = [await client.response() for client in clients]
        for client in clients:
            await client.close()
        book = station.receiver._book
        await until(lambda: len(book) == 0)
        return answers, len(book.per_address)

    answers, addresses_left = scenario(db, body)
    for seq, answer in enumerate(answers, start=1001):
        assert_ack(answer, seq)
    assert addresses_left == 0
    assert len(signals(db)) == count


def test_the_overall_cap_refuses_only_when_nothing_is_idle_enough(db: Database) -> None:
    add_site(db)

    async def body(station: Station) -> tuple[bool, list[Response], int]:
        held = [await station.connect() for _ in range(3)]
        fourth = await station.connect()
        refused = await fourth.closed_by_server()
        answers = []
        for seq, client in enumerate(held, start=91):
            await client.send(cid_frame(seq))
            answers.append(await client.response())
        return refused, answers, station.receiver.stats.refused_connections

    refused, answers, count = scenario(db, body, max_connections=3, idle_grace_s=60)
    assert refused
    assert count == 1
    for seq, answer in enumerate(answers, start=91):
        assert_ack(answer, seq)

    async def making_room(station: Station) -> tuple[bool, Response]:
        held = [await station.connect() for _ in range(3)]
        newcomer = await station.connect()
        await newcomer.send(cid_frame(95))
        answer = await newcomer.response()
        return await held[0].closed_by_server(), answer

    oldest_closed, answer = scenario(db, making_room, max_connections=3, idle_grace_s=0.0)
    assert oldest_closed  # the oldest idle connection made room for the newcomer
    assert_ack(answer, 95)


class CountingIntake(SignalIntake):
    """The station's intake, counting how often the receiver reloads every key."""

    loads = 0

    def registrations(self) -> Any:
        self.loads += 1
        return super().registrations()


def test_unknown_encrypted_accounts_do_not_reload_every_key_each_time(db: Database) -> None:
    clock = SteppingClock(T0)
    intake = CountingIntake(db, AlarmDesk(db, clock))
    flood = 30

    async def body(station: Station) -> list[str]:
        client = await station.connect()
        answers = []
        for n in range(flood):
            await client.send(cid_frame(100 + n, f"7F{n:02X}", key=KEY))  # never registered
            answers.append((await client.response()).id)
            await asyncio.sleep(0.01)  # time enough for a reload each, had each asked for one
        await until(lambda: intake.loads >= 2)
        return answers

    assert scenario(db, body, clock=clock, intake=intake, key_reload_min_s=60) == ["DUH"] * flood
    assert intake.loads == 2  # at start, and once on demand


# --------------------------------------------------------------------------------------------
# Item 3: garbage costs the sender, not the station
# --------------------------------------------------------------------------------------------


async def read_until_closed(reader: asyncio.StreamReader, timeout: float = ANSWER_TIMEOUT_S) -> bool:
    """Read (and throw away) what the receiver sent until it closes; False if it never does."""
    try:
        async with asyncio.timeout(timeout):
            while await reader.read(65536):
                pass
    except ConnectionError:
        return True
    except TimeoutError:
        return False
    return True


def test_a_garbage_flood_is_closed_its_faults_aggregated_and_others_served(db: Database) -> None:
    """A client sends 200 kB of empty frames and never reads its NAKs, twice, while a panel from
    another address sends a good frame."""
    add_site(db)

    async def body(station: Station) -> tuple[Response, list[bool], int]:
        closed = []
        for wave in range(2):
            reader, writer = await asyncio.open_connection(
                "127.0.0.1", station.tcp_port, local_addr=("127.0.0.2", 0)
            )
            writer.write(b"\n\r" * 100_000)
            if wave == 0:
                panel = await station.connect()
                await panel.send(cid_frame(401))
                ack = await panel.response()
            closed.append(await read_until_closed(reader))
            writer.close()
        return ack, closed, station.receiver.stats.garbage_closed

    # No refill during the test (the default is 4 refusals a second): the counts below are exact.
    ack, closed, garbage_closed = scenario(db, body, refusals_per_s=0.001)
    assert_ack(ack, 401)
    assert closed == [True, True]
    assert garbage_closed == 2
    rows = faults(db)
    kinds = [row["kind"] for row in rows]
    # Each wave was answered 64 NAKs (the burst), the 65th frame closed it: 130 faults, of which
    # the first 10 are kept in full and the rest counted in one summary row.
    assert kinds.count("nak_malformed_frame") == 11
    assert kinds.count("tcp_garbage_closed") == 2
    assert len(rows) == 13
    with db.read() as session:
        details = session.execute(
            select(TransmissionFaultRow.detail).where(col(TransmissionFaultRow.detail).like("+%"))
        ).scalars()
        assert [d.split()[0] for d in details] == ["+120"]
    assert {row["peer"] for row in rows} == {"127.0.0.2"}


def test_a_client_that_leaves_its_answers_unread_is_closed(db: Database) -> None:
    """Even when its frames are allowed (no refusal cap here), a peer that does not read what it
    is sent is closed once its answers pile up, instead of growing the receiver's memory."""
    add_site(db)

    async def body(station: Station) -> tuple[bool, int]:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a small window: answers back up
        sock.setblocking(False)
        await asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", station.tcp_port))
        reader, writer = await asyncio.open_connection(sock=sock)
        writer.write(b"\n\r" * 200_000)  # 400 kB of empty frames: 9 MB of NAKs, never read
        receiver = station.receiver
        await until(lambda: receiver.stats.unread_closed > 0)
        closed = await read_until_closed(reader)
        writer.close()
        return closed, receiver.stats.unread_closed

    closed, unread_closed = scenario(
        db, body, refusals_burst=1_000_000, refusals_per_peer_burst=1_000_000, write_buffer_bytes=4096
    )
    assert closed
    assert unread_closed == 1
    assert "tcp_unread_closed" in [row["kind"] for row in faults(db)]


def test_the_deadlines_work_on_the_consoles_qt_loop(sqlite_db: Database) -> None:
    """The console runs the receiver on qasync, whose timers are plain Handles (no `when()`): a
    frame is answered and a slow frame still meets its deadline there (in a process of its own)."""
    add_site(sqlite_db)
    url = sqlite_db.engine.url.render_as_string(hide_password=False)
    done = subprocess.run(
        [sys.executable, "-m", "tests.receiver.qt_loop_probe", url],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1].removeprefix("QT_LOOP_PROBE "))
    assert result["answer"] == ["ACK", 501]
    assert result["sent"] < result["frame"]
    assert result["deadline_closed"] == 1


def test_reconnecting_does_not_renew_an_addresss_refusal_budget(db: Database) -> None:
    """An address's connections share one budget of refusals: a sender closed for its garbage that
    reconnects is closed again at its first refusals, then at once, while another address is served."""
    add_site(db)

    async def nak_count(station: Station) -> tuple[int, bool]:
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", station.tcp_port, local_addr=("127.0.0.2", 0)
        )
        writer.write(b"\n\r" * 200)
        answers = b""
        closed = False
        try:
            async with asyncio.timeout(ANSWER_TIMEOUT_S):
                while chunk := await reader.read(65536):
                    answers += chunk
            closed = True
        except ConnectionError:
            closed = True
        writer.close()
        return answers.count(b'"NAK"'), closed

    async def body(station: Station) -> tuple[list[tuple[int, bool]], Response]:
        waves = [await nak_count(station) for _ in range(3)]
        panel = await station.connect()
        await panel.send(cid_frame(411))
        return waves, await panel.response()

    waves, ack = scenario(
        db, body, refusals_per_s=0.001, refusals_per_peer_burst=70, refusals_per_peer_per_s=0.001
    )
    # 64 for the first connection, what is left for the next; the third is closed before a read.
    assert waves == [(64, True), (6, True), (0, True)]
    assert_ack(ack, 411)
