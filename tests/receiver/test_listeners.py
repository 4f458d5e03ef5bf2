"""A refused TCP connection costs the receiver no transport (issue 15, benchmark under attack).

Before the gate at accept, a flood of reconnections from an address whose refusal budget was spent
cost a socket object, a task, a transport and its selector registration per connection, only to be
aborted in `connection_made`. These tests check that such connections are closed before any of
that exists, that what the receiver records about them is unchanged (one fault row in full, then
counts), and that the fault ledger's cheap path counts exactly what `admit` alone would.
"""

from __future__ import annotations

import asyncio
import socket
from datetime import timedelta

import pytest

from console.receiver.batch import Fault
from console.receiver.faults import FaultLedger
from console.receiver.limits import PeerBuckets
from console.receiver.listeners import TcpListener
from console.receiver.transports import TcpConnection
from console.storage.engine import Database
from tests.factories import T0, SteppingClock, add_site
from tests.receiver.test_server_stream import (
    ANSWER_TIMEOUT_S,
    Station,
    assert_ack,
    cid_frame,
    faults,
    scenario,
)


class _Echo(asyncio.Protocol):
    def __init__(self, peer: str, made: list[str]) -> None:
        self.peer = peer
        self.made = made

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.made.append(self.peer)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.transport.write(data)  # type: ignore[attr-defined]


async def _closed_without_answer(port: int, local: str) -> bool:
    reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(local, 0))
    writer.write(b"hello")
    try:
        data = await asyncio.wait_for(reader.read(100), ANSWER_TIMEOUT_S)
    except ConnectionError:
        data = b""
    writer.close()
    return data == b""


def test_a_connection_the_gate_refuses_never_gets_a_protocol() -> None:
    made: list[str] = []
    asked: list[str] = []

    def gate(peer: str) -> bool:
        asked.append(peer)
        return peer != "127.0.0.2"

    async def main() -> tuple[list[bool], bytes]:
        listener = TcpListener(lambda peer: _Echo(peer, made), gate)
        [(host, port)] = await listener.listen("127.0.0.1", 0)
        try:
            refused = [await _closed_without_answer(port, "127.0.0.2") for _ in range(20)]
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(b"ping")
            echoed = await asyncio.wait_for(reader.readexactly(4), ANSWER_TIMEOUT_S)
            writer.close()
        finally:
            listener.close()
            await listener.wait_closed()
        return refused, echoed

    refused, echoed = asyncio.run(main())
    assert refused == [True] * 20
    assert echoed == b"ping"
    assert made == ["127.0.0.1"]  # the refused ones never reached a protocol
    assert asked == ["127.0.0.2"] * 20 + ["127.0.0.1"]


def test_the_listener_binds_every_address_of_a_name_and_closes() -> None:
    async def main() -> tuple[list[tuple[str, int]], bool]:
        listener = TcpListener(lambda peer: asyncio.Protocol(), lambda peer: True)
        bound = await listener.listen("localhost", 0)
        listener.close()
        await listener.wait_closed()
        return bound, all(sock.fileno() == -1 for sock in listener.sockets)

    bound, closed = asyncio.run(main())
    expected = {info[4][0] for info in socket.getaddrinfo("localhost", 0, type=socket.SOCK_STREAM)}
    assert {host for host, _ in bound} == expected
    assert closed


def test_an_address_that_spent_its_budget_is_refused_at_accept_and_recorded_as_counts(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fifty reconnections after the address's budget is spent: none gets a transport and protocol
    (before the gate each did, to be aborted in `connection_made`), all are counted as closed, the
    faults stay ten rows and a count, and a panel from another address is served meanwhile."""
    add_site(db)
    made: list[object] = []
    connection_made = TcpConnection.connection_made

    def counting(self: TcpConnection, transport: asyncio.BaseTransport) -> None:
        made.append(self)
        connection_made(self, transport)

    monkeypatch.setattr(TcpConnection, "connection_made", counting)

    async def body(station: Station) -> tuple[int, list[bool], int, object]:
        receiver = station.receiver
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", station.tcp_port, local_addr=("127.0.0.2", 0)
        )
        writer.write(b"\n\r" * 200)  # 8 NAKs and closed: the address's whole budget
        try:
            while await asyncio.wait_for(reader.read(65536), ANSWER_TIMEOUT_S):
                pass
        except ConnectionError:
            pass
        writer.close()
        served = len(made)
        refused = [await _closed_without_answer(station.tcp_port, "127.0.0.2") for _ in range(50)]
        panel = await station.connect()
        await panel.send(cid_frame(421))
        return (
            len(made) - served,
            refused,
            receiver.stats.garbage_closed,
            await panel.response(),
        )

    more_served, refused, garbage_closed, ack = scenario(
        db,
        body,
        refusals_burst=8,
        refusals_per_s=0.001,
        refusals_per_peer_burst=8,
        refusals_per_peer_per_s=0.001,
    )
    assert more_served == 1  # the panel's connection only: no transport for the refused ones
    assert refused == [True] * 50
    assert garbage_closed == 51  # the garbage connection, then the 50 refused at accept
    assert_ack(ack, 421)  # type: ignore[arg-type]
    closed_rows = [row for row in faults(db) if row["kind"] == "tcp_garbage_closed"]
    assert len(closed_rows) == 11  # 10 in full, then one "+41 more" summary at stop


def test_the_ledgers_cheap_path_counts_what_admit_alone_would() -> None:
    """The same stream of faults through `suppressed`-then-`admit` and through `admit` alone gives
    the same rows, the same summaries and the same total, across a period's end."""
    clock = SteppingClock(T0)
    cheap, plain = FaultLedger(clock, 60.0, 3, 7), FaultLedger(clock, 60.0, 3, 7)
    rows: dict[str, list[Fault]] = {"cheap": [], "plain": []}
    for step in range(400):
        now = step * 0.5  # 200 s: three periods and a part
        clock.now = T0 + timedelta(seconds=now)
        peer, kind = f"10.0.0.{step % 4}", "nak_crc_error" if step % 3 else "tcp_garbage_closed"
        fault = Fault(at=clock.now, peer=peer, kind=kind, detail=f"fault {step}")
        if not cheap.suppressed(peer, kind, clock.now, now):
            rows["cheap"] += cheap.admit(fault, now)
        rows["plain"] += plain.admit(fault, now)
    rows["cheap"] += cheap.roll(200.0, force=True)
    rows["plain"] += plain.roll(200.0, force=True)
    assert [(r.peer, r.kind, r.detail) for r in rows["cheap"]] == [
        (r.peer, r.kind, r.detail) for r in rows["plain"]
    ]
    assert cheap.suppressed_total == plain.suppressed_total > 0


def test_an_address_that_ran_dry_gets_in_again_with_a_seconds_worth_not_each_refill() -> None:
    """Refill 16 a second: once dry, the address stays refused at accept until 16 are back (before,
    every 1/16 s a single refusal's worth let a connection of the flood in, and several raced for
    it); an address that never ran dry is refused only with no token left, as before."""
    buckets = PeerBuckets(rate_per_s=16.0, burst=256.0)
    now = 0.0
    while buckets.allow("10.0.0.9", now):  # the burst, spent by garbage
        pass
    assert buckets.exhausted("10.0.0.9", 0.1, resume_at=16.0)  # 1.6 refills: before, let in
    assert buckets.exhausted("10.0.0.9", 0.98, resume_at=16.0)  # 15.7
    assert not buckets.exhausted("10.0.0.9", 1.01, resume_at=16.0)  # 16.2: in again
    assert not buckets.exhausted("10.0.0.9", 1.02, resume_at=16.0)  # and not dry any more
    # Never dry: refused only without a token, whatever resume_at says.
    for _ in range(255):
        assert buckets.allow("10.0.0.8", 0.0)
    assert not buckets.exhausted("10.0.0.8", 0.0, resume_at=16.0)
    assert buckets.allow("10.0.0.8", 0.0)
    assert buckets.exhausted("10.0.0.8", 0.0, resume_at=16.0)
