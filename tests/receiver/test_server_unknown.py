"""Unknown accounts cannot bury the queue, and peers outside the allowed networks are refused (issue 15, item 2).

The attack: many connections sending frames from ever new unregistered accounts raised one alarm
(and one fault row) per account. Now, over real sockets on 127.0.0.x and a real database: each
peer may bring only so many frames of unregistered accounts (DUH past its bucket), what it brought
is stored and grouped into one alarm per source with its counts, and an allow-list of networks
closes connections and drops datagrams from anywhere else.
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

from sqlmodel import col, select

from console.storage.engine import Database
from console.storage.tables import AlarmRow, TransmissionFaultRow
from tests.factories import T0, SteppingClock, add_site
from tests.receiver.test_server_attack import next_answer, place, udp_client
from tests.receiver.test_server_stream import (
    ACCOUNT,
    Client,
    Station,
    assert_ack,
    cid_frame,
    faults,
    scenario,
    signals,
)

FLOODER = "127.0.0.2"
OTHER = "127.0.0.3"


async def connect_from(station: Station, local: str) -> Client:
    reader, writer = await asyncio.open_connection("127.0.0.1", station.tcp_port, local_addr=(local, 0))
    writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    client = Client(reader, writer)
    station.clients.append(client)
    return client


async def send_accounts(client: Client, first: int, count: int) -> list[str]:
    """Frames from `count` new accounts, one at a time; the answers' IDs."""
    answers = []
    for n in range(first, first + count):
        await client.send(cid_frame(n % 9999 + 1, f"E{n:05X}"))
        answers.append((await client.response()).id)
    return answers


def unknown_alarms(db: Database) -> list[tuple[Any, ...]]:
    with db.read() as session:
        query = select(
            AlarmRow.source, AlarmRow.signal_count, AlarmRow.source_accounts, AlarmRow.title, AlarmRow.account
        ).where(col(AlarmRow.site_id).is_(None))
        return [tuple(row) for row in session.execute(query.order_by(col(AlarmRow.source))).all()]


def test_a_burst_of_unknown_accounts_gives_one_alarm_per_source(db: Database) -> None:
    """8 connections from one address send 40 frames each, every one from a new account; another
    address sends 5; a registered panel behind the flooding address is still served."""
    add_site(db)
    clock = SteppingClock(T0)

    async def body(station: Station) -> tuple[list[str], list[str], Any, Any]:
        flood = [await connect_from(station, FLOODER) for _ in range(8)]
        answers = await asyncio.gather(*(send_accounts(c, 1000 + 40 * i, 40) for i, c in enumerate(flood)))
        other = await send_accounts(await connect_from(station, OTHER), 5000, 5)
        panel = await connect_from(station, FLOODER)
        await panel.send(cid_frame(77))
        return [a for batch in answers for a in batch], other, await panel.response(), station.receiver.stats

    # The address's refusal budget (256 by default) is raised: 270 DUHs are to be counted here.
    flooded, other, panel_answer, stats = scenario(
        db, body, clock=clock, unknown_burst=50, unknown_rate_per_s=0.001, refusals_per_peer_burst=1000
    )
    assert flooded.count("ACK") == 50  # the burst; no refill to speak of during the test
    assert flooded.count("DUH") == 270
    assert other == ["ACK"] * 5  # its own bucket
    assert_ack(panel_answer, 77, ACCOUNT)  # registered accounts are not rate-limited
    assert (stats.unknown_frames, stats.unknown_refused) == (55, 270)
    assert len(signals(db)) == 56  # what was ACKed is stored, nothing else

    place(db, clock)
    alarms = unknown_alarms(db)
    assert [alarm[:4] for alarm in alarms] == [  # one alarm per source, with its counts
        (FLOODER, 50, 50, f"50 unknown accounts from {FLOODER}: Burglary – zone 1"),
        (OTHER, 5, 5, f"5 unknown accounts from {OTHER}: Burglary – zone 1"),
    ]
    assert alarms[1][4] == "E01388"  # the first account heard from there
    kinds = [(f["kind"], f["peer"]) for f in faults(db)]
    assert kinds.count(("unknown_account", FLOODER)) == 50  # one per account heard, not per frame
    assert kinds.count(("unknown_account", OTHER)) == 5
    # The refusals are aggregated like any fault: 10 in full, then one "+260 more" row.
    assert kinds.count(("duh_unknown_over_rate", FLOODER)) == 11
    with db.read() as session:
        summary = session.execute(
            select(TransmissionFaultRow.detail).where(
                col(TransmissionFaultRow.kind) == "duh_unknown_over_rate",
                col(TransmissionFaultRow.detail).like("+%"),
            )
        ).scalar_one()
    assert summary.startswith("+260 more")


def test_an_unknown_account_heard_again_joins_its_sources_alarm_across_batches(db: Database) -> None:
    """Placement in several chunks: the account count grows with new accounts only."""
    clock = SteppingClock(T0)

    async def body(station: Station) -> list[str]:
        client = await connect_from(station, FLOODER)
        answers = []
        for seq, account in enumerate(["9B07", "9B07", "9B08"], start=11):
            await client.send(cid_frame(seq, account))
            answers.append((await client.response()).id)
            await asyncio.get_running_loop().run_in_executor(None, place, db, station.clock)
        return answers

    assert scenario(db, body, clock=clock) == ["ACK"] * 3
    (alarm,) = unknown_alarms(db)
    assert alarm == (FLOODER, 3, 2, f"2 unknown accounts from {FLOODER}: Burglary – zone 1", "9B07")
    assert [(f["kind"], f["account"]) for f in faults(db)] == [
        ("unknown_account", "9B07"),
        ("unknown_account", "9B08"),
    ]


def test_the_allow_list_refuses_peers_outside_it(db: Database) -> None:
    add_site(db)

    async def body(station: Station) -> tuple[list[bool], Any, Any, Any, int]:
        refused = []
        for _ in range(3):
            outsider = await connect_from(station, FLOODER)
            refused.append(await outsider.closed_by_server())
        async with udp_client(station.udp_port, local=FLOODER) as (transport, udp):
            transport.sendto(cid_frame(21))
            transport.sendto(cid_frame(22))
            async with udp_client(station.udp_port) as (allowed_transport, allowed_udp):
                allowed_transport.sendto(cid_frame(23))
                udp_answer = await next_answer(allowed_udp)
            udp_silent = udp.answers.empty()
        allowed = await station.connect()  # from 127.0.0.1
        await allowed.send(cid_frame(24))
        return refused, await allowed.response(), udp_answer, udp_silent, station.receiver.stats.refused_peers

    refused, tcp_answer, udp_answer, udp_silent, refused_peers = scenario(
        db, body, allowed_networks=("127.0.0.1/32", "10.0.0.0/8")
    )
    assert refused == [True] * 3
    assert udp_silent
    assert_ack(udp_answer, 23)
    assert_ack(tcp_answer, 24)
    assert refused_peers == 5
    assert [s[1] for s in signals(db)] == [23, 24]
    rows = [f for f in faults(db) if f["kind"] == "peer_not_allowed"]
    assert [row["peer"] for row in rows] == [FLOODER] * 2  # the first in full, then one count
    with db.read() as session:
        details = (
            session.execute(
                select(TransmissionFaultRow.detail).where(
                    col(TransmissionFaultRow.kind) == "peer_not_allowed"
                )
            )
            .scalars()
            .all()
        )
    assert details[0] == f"{FLOODER} is outside the allowed networks, refused"
    assert details[1].startswith("+4 more peer_not_allowed faults from 127.0.0.2")
