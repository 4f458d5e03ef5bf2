"""Hostile peers for `bench/receiver.py --targets vigie-attack`: a garbage flood and an unknown-account flood.

Run as a process of its own beside the 50 good connections (``python bench/attackers.py --port P
--seconds S``), from other loopback addresses than the good panels' 127.0.0.1, so the receiver's
per-address limits apply to the attackers only:

- garbage, from 127.0.0.2: connections writing empty frames (``\\n\\r``) and random bytes and
  never reading their NAKs; when the receiver closes one, another opens.
- unknown accounts, from 127.0.0.3: 32 connections sending ADM-CID frames, each from a new
  unregistered account, one in flight per connection (read the answer, send the next); a closed
  connection is reopened.

Shaped, by default, to a stated hostile rate (``--garbage-bytes-per-s``, ``--unknown-frames-per-s``,
``--connects-per-s``, 0 for "as fast as this machine allows"): in production the attackers are on
other machines, here they share the receiver's cores, and a flood paced only by how fast this
process runs would measure the bench's CPU as much as the receiver's defences. Each limit is a
pacer shared by the flood's connections, allowing a burst of 0.1 s.

At the end it prints one JSON line: the shape, bytes and frames sent, connection attempts, answers
read by kind, connections the receiver closed, CPU seconds used.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout's `console`, not an installed one

from console.receiver.codec import build_frame

HOST = "127.0.0.1"
GARBAGE_PEER = "127.0.0.2"
UNKNOWN_PEER = "127.0.0.3"
UNKNOWN_CONNECTIONS = 32
GARBAGE_CONNECTIONS = 4
CHUNK = 16384  # bytes per garbage write: small enough for the pacer to spread a second evenly
# Defaults: one hostile host per flood, on a line far faster than any panel's, reconnecting at
# once every time it is closed (a real one would also wait a round trip per connection).
GARBAGE_BYTES_PER_S = 4_000_000  # 32 Mbit/s of garbage
UNKNOWN_FRAMES_PER_S = 2000  # frames of new unregistered accounts, all connections together
CONNECTS_PER_S = 200  # connection attempts per flood (per attacking address)
BURST_S = 0.1


@dataclass(frozen=True)
class Shape:
    """The attack's limits; 0 means unlimited (as fast as this process and the receiver go)."""

    garbage_bytes_per_s: float = GARBAGE_BYTES_PER_S
    unknown_frames_per_s: float = UNKNOWN_FRAMES_PER_S
    connects_per_s: float = CONNECTS_PER_S
    garbage_connections: int = GARBAGE_CONNECTIONS
    unknown_connections: int = UNKNOWN_CONNECTIONS


class Pacer:
    """A rate shared by the tasks of one flood: `take(n)` waits until n units fit in the rate.

    Virtual time: each taker books the next slot; a burst of `BURST_S` worth may go at once.
    Rate 0: no limit.
    """

    def __init__(self, rate_per_s: float) -> None:
        self.rate = rate_per_s
        self._next = 0.0

    async def take(self, amount: float = 1.0) -> None:
        if self.rate <= 0:
            return
        now = time.monotonic()
        start = max(self._next, now - BURST_S)
        self._next = start + amount / self.rate
        if start > now:
            await asyncio.sleep(start - now)


async def _open(port: int, local: str) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    return await asyncio.open_connection(HOST, port, local_addr=(local, 0))


def _close(writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(Exception):
        writer.close()


async def garbage(
    port: int, until: float, counts: Counter[str], rng: random.Random, volume: Pacer, connects: Pacer
) -> None:
    """Write garbage without reading, reconnecting whenever the receiver closes the connection."""
    empty = b"\n\r" * (CHUNK // 2)
    while time.monotonic() < until:
        await connects.take()
        counts["garbage_connect_attempts"] += 1
        try:
            _, writer = await _open(port, GARBAGE_PEER)
        except OSError:
            counts["garbage_connect_failed"] += 1
            await asyncio.sleep(0.01)
            continue
        counts["garbage_connections"] += 1
        try:
            while time.monotonic() < until:
                chunk = empty if rng.random() < 0.5 else rng.randbytes(CHUNK)
                await volume.take(len(chunk))
                writer.write(chunk)
                await asyncio.wait_for(writer.drain(), max(0.01, until - time.monotonic()))
                counts["garbage_bytes"] += len(chunk)
        except (ConnectionError, TimeoutError, OSError):
            counts["garbage_closed_by_receiver"] += 1
        finally:
            _close(writer)


async def unknown_accounts(
    port: int, until: float, counts: Counter[str], first: int, frames: Pacer, connects: Pacer
) -> None:
    """Frames from ever new unregistered accounts, one in flight, as fast as answers come back."""
    account = first
    while time.monotonic() < until:
        await connects.take()
        counts["unknown_connect_attempts"] += 1
        try:
            reader, writer = await _open(port, UNKNOWN_PEER)
        except OSError:
            counts["unknown_connect_failed"] += 1
            await asyncio.sleep(0.01)
            continue
        counts["unknown_connections"] += 1
        try:
            while time.monotonic() < until:
                account += 1
                number = f"{account:06X}"
                frame = build_frame(
                    "ADM-CID",
                    account % 9999 + 1,
                    number,
                    f"#{number}|1130 01 001",
                    receiver="0",
                    line="1",
                    timestamp=datetime.now(UTC),
                )
                await frames.take()
                writer.write(frame)
                counts["unknown_frames"] += 1
                answer = await asyncio.wait_for(reader.readuntil(b"\r"), max(0.01, until - time.monotonic()))
                kind = answer[10:13].decode("latin-1")
                counts[f"unknown_{kind.lower()}" if kind in ("ACK", "NAK", "DUH") else "unknown_other"] += 1
        except (ConnectionError, asyncio.IncompleteReadError, OSError):
            counts["unknown_closed_by_receiver"] += 1
        except TimeoutError:
            pass
        finally:
            _close(writer)


async def attack(port: int, seconds: float, shape: Shape) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    until = time.monotonic() + seconds
    rng = random.Random(15)
    volume, unknown_frames = Pacer(shape.garbage_bytes_per_s), Pacer(shape.unknown_frames_per_s)
    garbage_connects, unknown_connects = Pacer(shape.connects_per_s), Pacer(shape.connects_per_s)
    tasks = [
        asyncio.create_task(garbage(port, until, counts, rng, volume, garbage_connects))
        for _ in range(shape.garbage_connections)
    ]
    tasks += [
        asyncio.create_task(
            unknown_accounts(port, until, counts, 0x100000 * (n + 1), unknown_frames, unknown_connects)
        )
        for n in range(shape.unknown_connections)
    ]
    started = time.process_time()
    await asyncio.gather(*tasks)
    result: dict[str, Any] = dict(counts)
    result["cpu_s"] = time.process_time() - started
    result["seconds"] = seconds
    result["shape"] = asdict(shape)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--garbage-bytes-per-s", type=float, default=GARBAGE_BYTES_PER_S, help="0: unlimited")
    parser.add_argument(
        "--unknown-frames-per-s", type=float, default=UNKNOWN_FRAMES_PER_S, help="0: unlimited"
    )
    parser.add_argument(
        "--connects-per-s", type=float, default=CONNECTS_PER_S, help="per flood (address); 0: unlimited"
    )
    args = parser.parse_args()
    if os.name != "posix":
        print("attackers: loopback addresses 127.0.0.2 and .3 need Linux", file=sys.stderr)
        return 2
    shape = Shape(args.garbage_bytes_per_s, args.unknown_frames_per_s, args.connects_per_s)
    print(json.dumps(asyncio.run(attack(args.port, args.seconds, shape))), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
