"""Hostile peers for `bench/receiver.py --targets vigie-attack`: a garbage flood and an unknown-account flood.

Run as a process of its own beside the 50 good connections (``python bench/attackers.py --port P
--seconds S``), from other loopback addresses than the good panels' 127.0.0.1, so the receiver's
per-address limits apply to the attackers only:

- garbage, from 127.0.0.2: connections writing empty frames (``\\n\\r``) and random bytes as fast as
  the socket takes them and never reading their NAKs; when the receiver closes one, another opens.
- unknown accounts, from 127.0.0.3: 32 connections sending ADM-CID frames, each from a new
  unregistered account, one in flight per connection (read the answer, send the next); a closed
  connection is reopened.

At the end it prints one JSON line: bytes and frames sent, answers read by kind, connections the
receiver closed, CPU seconds used.
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
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout's `console`, not an installed one

from console.receiver.codec import build_frame

HOST = "127.0.0.1"
GARBAGE_PEER = "127.0.0.2"
UNKNOWN_PEER = "127.0.0.3"
UNKNOWN_CONNECTIONS = 32
GARBAGE_CONNECTIONS = 4
CHUNK = 65536


async def _open(port: int, local: str) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    return await asyncio.open_connection(HOST, port, local_addr=(local, 0))


def _close(writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(Exception):
        writer.close()


async def garbage(port: int, until: float, counts: Counter[str], rng: random.Random) -> None:
    """Write garbage without reading, reconnecting whenever the receiver closes the connection."""
    empty = b"\n\r" * (CHUNK // 2)
    while time.monotonic() < until:
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
                writer.write(chunk)
                await asyncio.wait_for(writer.drain(), max(0.01, until - time.monotonic()))
                counts["garbage_bytes"] += len(chunk)
        except (ConnectionError, TimeoutError, OSError):
            counts["garbage_closed_by_receiver"] += 1
        finally:
            _close(writer)


async def unknown_accounts(port: int, until: float, counts: Counter[str], first: int) -> None:
    """Frames from ever new unregistered accounts, one in flight, as fast as answers come back."""
    account = first
    while time.monotonic() < until:
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


async def attack(port: int, seconds: float) -> dict[str, float]:
    counts: Counter[str] = Counter()
    until = time.monotonic() + seconds
    rng = random.Random(15)
    tasks = [asyncio.create_task(garbage(port, until, counts, rng)) for _ in range(GARBAGE_CONNECTIONS)]
    tasks += [
        asyncio.create_task(unknown_accounts(port, until, counts, 0x100000 * (n + 1)))
        for n in range(UNKNOWN_CONNECTIONS)
    ]
    started = time.process_time()
    await asyncio.gather(*tasks)
    result: dict[str, float] = dict(counts)
    result["cpu_s"] = time.process_time() - started
    result["seconds"] = seconds
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    args = parser.parse_args()
    if os.name != "posix":
        print("attackers: loopback addresses 127.0.0.2 and .3 need Linux", file=sys.stderr)
        return 2
    print(json.dumps(asyncio.run(attack(args.port, args.seconds))), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
