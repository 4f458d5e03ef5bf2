"""Bounded per-peer bookkeeping for the receiver: rate limits, counters and replay memory that forget.

Anything keyed by a peer address must stay bounded, because over UDP the address is whatever the
sender writes in its packets: one spoofing host can claim millions of them. Every structure here
has a hard size cap (the least recently used entry goes first) and nothing here does I/O.
"""

from __future__ import annotations

import ipaddress
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedLru(Generic[K, V]):
    """A mapping capped at `max_entries`; reading or writing an entry makes it the most recent."""

    def __init__(self, max_entries: int) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self.max_entries = max_entries
        self._items: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def setdefault(self, key: K, make: Callable[[], V]) -> V:
        value = self._items.get(key)
        if value is None:
            value = self._items[key] = make()
            if len(self._items) > self.max_entries:
                self._items.popitem(last=False)
        else:
            self._items.move_to_end(key)
        return value

    def pop(self, key: K) -> V | None:
        return self._items.pop(key, None)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)

    def items(self) -> Iterator[tuple[K, V]]:
        return iter(list(self._items.items()))


class PeerCounter:
    """Frames per peer, for the statistics, keeping the `max_peers` most recently heard peers."""

    def __init__(self, max_peers: int = 1024) -> None:
        self._counts: BoundedLru[str, list[int]] = BoundedLru(max_peers)

    def add(self, peer: str, count: int = 1) -> None:
        self._counts.setdefault(peer, lambda: [0])[0] += count

    def __getitem__(self, peer: str) -> int:
        entry = self._counts.get(peer)
        return entry[0] if entry is not None else 0

    def __len__(self) -> int:
        return len(self._counts)

    def most_common(self, n: int = 10) -> list[tuple[str, int]]:
        return sorted(((peer, c[0]) for peer, c in self._counts.items()), key=lambda item: -item[1])[:n]


class TokenBucket:
    """`burst` tokens, refilled at `rate_per_s`: a sender may burst, then gets `rate_per_s`.

    `dry` records that a `take` failed, for `PeerBuckets.exhausted`; the caller clears it.
    """

    __slots__ = ("_at", "_burst", "_rate", "_tokens", "dry")

    def __init__(self, rate_per_s: float, burst: float, now: float) -> None:
        self._rate = rate_per_s
        self._burst = burst
        self._tokens = burst
        self._at = now
        self.dry = False

    def available(self, now: float, tokens: float = 1.0) -> bool:
        """Whether `tokens` could be taken now (nothing is taken)."""
        self._tokens = min(self._burst, self._tokens + (now - self._at) * self._rate)
        self._at = now
        return self._tokens >= tokens

    def take(self, now: float) -> bool:
        self._tokens = min(self._burst, self._tokens + (now - self._at) * self._rate)
        self._at = now
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return True
        self.dry = True
        return False


class PeerBuckets:
    """One token bucket per peer address, for at most `max_peers` addresses at a time.

    A forgotten peer comes back with a full bucket, so the cap must exceed the number of addresses
    that talk within one refill period; beyond it a spoofer only buys the `burst` of the addresses
    it pushes out, never more than `burst` answers per address it claims.
    """

    def __init__(self, rate_per_s: float, burst: float, max_peers: int = 4096) -> None:
        self._rate = rate_per_s
        self._burst = burst
        self._buckets: BoundedLru[str, TokenBucket] = BoundedLru(max_peers)

    def allow(self, peer: str, now: float) -> bool:
        bucket = self._buckets.setdefault(peer, lambda: TokenBucket(self._rate, self._burst, now))
        return bucket.take(now)

    def exhausted(self, peer: str, now: float, resume_at: float = 1.0) -> bool:
        """Whether this peer has spent its bucket (an unknown peer has not): no token left, or it
        ran dry and has not refilled to `resume_at` tokens since.

        With `resume_at` above 1, a peer that keeps coming back for more once its bucket is dry is
        let in again with several tokens at a time rather than each time a single one refills: a
        connection flood then costs one admitted connection per `resume_at` tokens, not one (or
        more, racing for it) per token.
        """
        bucket = self._buckets.get(peer)
        if bucket is None:
            return False
        if bucket.dry:
            if not bucket.available(now, min(resume_at, self._burst)):
                return True
            bucket.dry = False
        return not bucket.available(now)

    def __len__(self) -> int:
        return len(self._buckets)


class ReplayGuard:
    """Remembers the encrypted link tests already counted, so a copy replayed inside the timestamp
    window is answered but not taken for a sign of life.

    Only encrypted frames are remembered: only a key holder can make one, so only the station's
    own panels can fill this memory, and their timestamps make every genuine test distinct.
    Entries older than `keep_s` (the timestamp window: anything older is refused anyway) expire.
    """

    def __init__(self, keep_s: float, max_entries: int = 65536) -> None:
        self._keep_s = keep_s
        self._seen: BoundedLru[tuple[str, str, int, datetime], float] = BoundedLru(max_entries)

    def seen(self, key: tuple[str, str, int, datetime], now: float) -> bool:
        at = self._seen.get(key)
        if at is None:
            return False
        if now - at > self._keep_s:
            self._seen.pop(key)
            return False
        return True

    def remember(self, key: tuple[str, str, int, datetime], now: float) -> None:
        self._seen.setdefault(key, lambda: now)

    def __len__(self) -> int:
        return len(self._seen)


class ReloadGate:
    """At most one on-demand reload per `min_interval_s`: a flood of frames from unknown encrypted
    accounts must not turn into a flood of full key reloads from the database. The first request
    after a quiet spell is served at once (a key added a moment ago is found by the next retry)."""

    def __init__(self, min_interval_s: float) -> None:
        self._min_interval_s = min_interval_s
        self._last: float | None = None

    def delay(self, now: float) -> float:
        """Seconds to wait before the next on-demand reload (0: now)."""
        if self._last is None:
            return 0.0
        return max(0.0, self._last + self._min_interval_s - now)

    def mark(self, now: float) -> None:
        self._last = now


class NetworkAllowList:
    """The networks the station's panels send from; any other peer is refused before it costs anything.

    Empty: every address is allowed (the default). IPv4 peers seen through an IPv6 socket
    (``::ffff:a.b.c.d``) are matched as IPv4. Answers are cached per address, boundedly.
    """

    def __init__(self, networks: Iterable[str], max_cached: int = 4096) -> None:
        self.networks = tuple(ipaddress.ip_network(n.strip(), strict=False) for n in networks)
        self._cache: BoundedLru[str, bool] = BoundedLru(max_cached)

    def allows(self, peer: str) -> bool:
        if not self.networks:
            return True
        cached = self._cache.get(peer)
        if cached is not None:
            return cached
        return self._cache.setdefault(peer, lambda: self._match(peer))

    def _match(self, peer: str) -> bool:
        try:
            address = ipaddress.ip_address(peer.split("%", 1)[0])
        except ValueError:
            return False
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        return any(address in network for network in self.networks)
