"""TCP connection accounting: an overall cap, a per-address cap on idle connections, and deadlines.

Why idle connections and not live ones per address: hundreds of panels may sit behind one mobile
operator's NAT address, and each must be served. What an attacker gains from one address is
connections that hold a slot and do nothing; those are the ones capped. A connection is idle while
it has no frame started, queued or being stored; a new one is idle until its first byte. Beyond
the cap, the oldest connections idle for at least the grace period are closed to make room (their
panels reconnect when they next have something to say); at the overall cap a newcomer takes the
slot of the oldest such connection anywhere, and is refused only when none is idle enough.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

LF, CR = 0x0A, 0x0D


def split_frames(buffer: bytearray, max_frame_bytes: int, limit: int | None = None) -> list[bytes]:
    """Take the complete frames (between LF and CR) out of `buffer`, leaving any partial frame in it.

    Bytes before an LF are garbage and dropped; an LF inside an unfinished frame restarts the frame
    there (the earlier part was truncated); an unfinished frame longer than the limit is dropped.
    At most `limit` frames are taken; the rest stay in the buffer (a read of 100 000 empty frames
    is then cut up only as far as the connection gets before it is closed for its garbage).
    """
    frames: list[bytes] = []
    while buffer and (limit is None or len(frames) < limit):
        start = buffer.find(LF)
        if start < 0:
            buffer.clear()
            break
        if start:
            del buffer[:start]
        end = buffer.find(CR, 1)
        restart = buffer.find(LF, 1)
        if restart != -1 and (end == -1 or restart < end):
            del buffer[:restart]
            continue
        if end == -1:
            if len(buffer) > max_frame_bytes:
                buffer.clear()
            break
        frames.append(bytes(buffer[1:end]))
        del buffer[: end + 1]
    return frames


class Closable(Protocol):
    def close(self) -> None: ...


C = TypeVar("C", bound=Closable)


class ConnectionBook(Generic[C]):
    """Who is connected from where, and who is idle since when (oldest first)."""

    def __init__(self, max_connections: int, max_idle_per_address: int, idle_grace_s: float) -> None:
        if max_connections < 1 or max_idle_per_address < 1:
            raise ValueError("connection caps must be at least 1")
        self.max_connections = max_connections
        self.max_idle_per_address = max_idle_per_address
        self.idle_grace_s = idle_grace_s
        self._address: dict[C, str] = {}
        self._idle: OrderedDict[C, float] = OrderedDict()  # every address, oldest idle first
        self._idle_at: dict[str, OrderedDict[C, float]] = {}
        self.per_address: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._address)

    def idle_count(self, address: str) -> int:
        return len(self._idle_at.get(address, ()))

    def admit(self, address: str, now: float) -> tuple[bool, list[C]]:
        """May a new connection from `address` be served, and which idle connections make room.

        The connections returned are already forgotten here; the caller closes them.
        """
        evict: list[C] = []
        here = self._idle_at.get(address)
        if here is not None:
            excess = len(here) + 1 - self.max_idle_per_address  # the newcomer is idle too
            for connection, since in list(here.items()):
                if excess <= 0 or now - since < self.idle_grace_s:
                    break
                evict.append(connection)
                excess -= 1
        for connection in evict:
            self.remove(connection)
        if len(self._address) >= self.max_connections:
            oldest = next(iter(self._idle.items()), None)
            if oldest is None or now - oldest[1] < self.idle_grace_s:
                return False, evict
            self.remove(oldest[0])
            evict.append(oldest[0])
        return True, evict

    def add(self, connection: C, address: str, now: float) -> None:
        self._address[connection] = address
        self.per_address[address] = self.per_address.get(address, 0) + 1
        self.idle(connection, now)

    def idle(self, connection: C, now: float) -> None:
        address = self._address.get(connection)
        if address is None or connection in self._idle:
            return
        self._idle[connection] = now
        self._idle_at.setdefault(address, OrderedDict())[connection] = now

    def busy(self, connection: C) -> None:
        if self._idle.pop(connection, None) is None:
            return
        address = self._address[connection]
        here = self._idle_at[address]
        del here[connection]
        if not here:
            del self._idle_at[address]

    def remove(self, connection: C) -> None:
        """Forget a connection (closed, or chosen to be); harmless when already forgotten."""
        if connection not in self._address:
            return
        self.busy(connection)
        address = self._address.pop(connection)
        left = self.per_address[address] - 1
        if left:
            self.per_address[address] = left
        else:
            del self.per_address[address]


class Deadline:
    """Calls `expired` once the loop's time passes `due`; one timer per connection, moved only when
    it fires or must fire earlier (a timeout per read would cost a timer for every frame).

    The time a timer is set for is kept here: under qasync (the console's loop on Qt) `call_at`
    returns a plain Handle, without `when()`.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop, expired: Callable[[], None]) -> None:
        self._loop = loop
        self._expired = expired
        self._due: float | None = None
        self._timer: asyncio.Handle | None = None
        self._timer_at = 0.0

    @property
    def armed(self) -> bool:
        return self._due is not None

    def set(self, due: float) -> None:
        self._due = due
        if self._timer is None or self._timer_at > due:
            if self._timer is not None:
                self._timer.cancel()
            self._schedule(due)

    def clear(self) -> None:
        self._due = None  # the timer, if any, finds nothing due and stops

    def cancel(self) -> None:
        self._due = None
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _schedule(self, at: float) -> None:
        self._timer_at = at
        self._timer = self._loop.call_at(at, self._check)

    def _check(self) -> None:
        self._timer = None
        due = self._due
        if due is None:
            return
        if self._loop.time() >= due:
            self._due = None
            self._expired()
        else:
            self._schedule(due)


def descriptor_limit() -> int | None:
    """The process's soft limit on open files, where the platform has one."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Unix
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return None if soft == resource.RLIM_INFINITY else int(soft)
