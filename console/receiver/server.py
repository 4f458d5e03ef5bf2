"""SIA DC-09 receiver: asyncio TCP and UDP servers in front of the group committer.

Every TCP frame gets an answer: NAK for a frame that is not well formed (CRC, length, syntax,
timestamp outside the window), DUH for one that cannot be processed (cannot decrypt, unknown
encrypted account, a plain frame for an account that has a key, unsupported ID or payload), and
ACK only once its signals are committed. If the database cannot take them, nothing is answered:
the transmitter retries, nothing ACKed is lost. Over UDP, garbage is not answered (see transports).

A TCP stream may carry several frames per read, a frame over several reads and garbage between
frames: frames start at LF and end at CR, anything else is skipped. Each connection has one frame
in flight at a time, so a flooding peer gets its fair share of batches and no more; what one
address can hold (idle connections, UDP rate) is bounded in `connections` and `limits`.

Plain frames of accounts the station has not registered are stored (a panel being installed must
reach an operator; the placement stage groups them into one alarm per source), but each peer may
bring only so many of them per second: past its bucket they get a DUH, which counts against the
connection's refusal budget. An optional allow-list of networks refuses any other peer outright.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypeVar

from console.receiver.batch import BatchCommitter, Fault, Outcome, Received
from console.receiver.codec import (
    DuhError,
    Frame,
    FrameError,
    NakError,
    TimestampRejected,
    UnknownAccount,
    build_ack,
    build_duh,
    build_nak,
    parse_frame,
)
from console.receiver.connections import ConnectionBook, descriptor_limit, split_frames
from console.receiver.faults import FaultLedger
from console.receiver.keyring import Keyring, Registration
from console.receiver.limits import (
    NetworkAllowList,
    PeerBuckets,
    PeerCounter,
    ReloadGate,
    ReplayGuard,
)
from console.receiver.listeners import TcpListener
from console.receiver.payloads import extended_fields, frame_signals
from console.receiver.transports import TcpConnection, UdpProtocol

__all__ = ["Dc09Receiver", "Endpoint", "ReceiverConfig", "ReceiverStats", "SignalSink", "split_frames"]

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class ReceiverConfig:
    """Where to listen and the limits that keep one sender from costing the station too much."""

    tcp: Sequence[tuple[str, int]] = (("0.0.0.0", 0),)
    udp: Sequence[tuple[str, int]] = ()
    max_frame_bytes: int = 2048
    idle_timeout_s: float = 120.0  # closed after this long without a complete frame
    frame_deadline_s: float = 15.0  # a frame once started (first byte) must end (CR) within this
    max_connections: int = 4096  # TCP, all addresses (lowered to fit the open-file limit)
    max_idle_per_peer: int = 32  # idle TCP connections per address (live ones are not capped)
    idle_grace_s: float = 10.0  # an idle connection is closed to make room only past this
    max_udp_in_flight_per_peer: int = 32
    udp_rate_per_s: float = 50.0  # datagrams handled per second per source address ...
    udp_burst: int = 200  # ... after a burst of this many
    max_tracked_peers: int = 4096  # addresses remembered by the per-peer counters and buckets
    window_past_s: float = 40.0
    window_future_s: float = 20.0
    refusals_burst: int = 64  # NAK/DUH a TCP connection may earn at once ...
    refusals_per_s: float = 4.0  # ... and then per second; past that it is closed
    refusals_per_peer_burst: int = 256  # the same for all TCP connections of one address together,
    refusals_per_peer_per_s: float = 16.0  # so reconnecting does not renew the budget
    write_buffer_bytes: int = 65536  # answers a peer leaves unread; past that it is closed
    fault_period_s: float = 60.0  # faults are aggregated per peer and kind over this period:
    faults_kept_per_peer: int = 10  # the first ones in full, then a count
    faults_kept_per_period: int = 500  # full fault rows per period, all peers together
    key_refresh_s: float = 30.0
    key_reload_min_s: float = 5.0  # reloads asked for by unknown encrypted accounts, at most this often
    unknown_rate_per_s: float = 1.0  # frames of unregistered accounts stored per second per peer ...
    unknown_burst: int = 100  # ... after a burst of this many; the rest get a DUH
    allowed_networks: Sequence[str] = ()  # CIDR networks peers must be in; empty: any peer
    fault_retention_days: float = 30.0  # transmission faults older than this are deleted ...
    fault_max_rows: int = 1_000_000  # ... and beyond this many rows, the oldest
    fault_prune_every_s: float = 300.0  # how often the receiver service prunes them ...
    fault_prune_batch: int = 1000  # ... this many rows per transaction


@dataclass(frozen=True)
class Endpoint:
    transport: str  # "tcp" or "udp"
    host: str
    port: int

    def __str__(self) -> str:
        return f"{self.transport} {self.host}:{self.port}"


class SignalSink:
    """What the receiver needs from the rest of the station; the services provide it."""

    def store(self, batch: Sequence[Received]) -> Sequence[Outcome]:  # pragma: no cover - interface
        raise NotImplementedError

    def record_faults(self, faults: Sequence[Fault]) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def registrations(self) -> Sequence[Registration] | None:
        """Every registered transmitter (account, line, AES key or None), read at each key reload;
        None: not known here, and then no frame is decrypted and frames of unregistered accounts
        are not rate-limited."""
        return None


def dedupe_key(frame: Frame) -> str:
    """Identity of a message across a transmitter's retries (the timestamp may be renewed on retry)."""
    identity = "|".join(
        [
            frame.account,
            frame.line or "",
            frame.receiver or "",
            f"{frame.sequence:04d}",
            frame.id,
            frame.data,
            *frame.extended,
        ]
    )
    return hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()[:40]


@dataclass
class ReceiverStats:
    frames: int = 0
    acks: int = 0
    naks: int = 0
    duhs: int = 0
    unanswered: int = 0
    duplicates: int = 0
    replays: int = 0  # encrypted link tests seen before: ACKed, not counted as signs of life
    plain_refused: int = 0  # plain frames for accounts that have a key
    connections: int = 0
    refused_connections: int = 0  # over the overall cap, nothing idle to close
    idle_closed: int = 0  # idle connections closed to make room
    deadline_closed: int = 0  # a frame started and not finished in time
    udp_dropped: int = 0  # over the rate or in-flight limit, or garbage: no answer
    garbage_closed: int = 0  # TCP connections closed for sending refused frames too fast
    unread_closed: int = 0  # TCP connections closed for leaving their answers unread
    key_reloads: int = 0
    unknown_frames: int = 0  # plain frames of unregistered accounts taken in (stored, then grouped)
    unknown_refused: int = 0  # ... and refused (DUH) over their peer's rate
    refused_peers: int = 0  # connections closed and datagrams dropped: peer outside the allowed networks
    by_peer: PeerCounter = field(default_factory=PeerCounter)


class Dc09Receiver:
    def __init__(
        self,
        config: ReceiverConfig,
        sink: SignalSink,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        on_store_failure: Callable[[str | None], None] | None = None,
        on_stored: Callable[[int], None] | None = None,
    ) -> None:
        self.config = config
        self._sink = sink
        self._clock = clock
        self._on_store_failure = on_store_failure
        self._committer = BatchCommitter(sink.store, sink.record_faults, on_committed=on_stored)
        self._keyring = Keyring(())
        self._keys_loaded = False
        self._unknown_buckets = PeerBuckets(
            config.unknown_rate_per_s, config.unknown_burst, config.max_tracked_peers
        )
        self._allowed = NetworkAllowList(config.allowed_networks, config.max_tracked_peers)
        self._listener = TcpListener(self._tcp_connection, self.tcp_gate)
        self._udp: list[asyncio.DatagramTransport] = []
        self._tcp: set[TcpConnection] = set()
        self._book: ConnectionBook[TcpConnection] = ConnectionBook(
            _fit_descriptors(config.max_connections), config.max_idle_per_peer, config.idle_grace_s
        )
        self._udp_in_flight: dict[str, int] = {}  # only peers with frames in flight: it empties itself
        self._udp_buckets = PeerBuckets(config.udp_rate_per_s, config.udp_burst, config.max_tracked_peers)
        self._tcp_refusals = PeerBuckets(
            config.refusals_per_peer_per_s, config.refusals_per_peer_burst, config.max_tracked_peers
        )
        self._replays = ReplayGuard(config.window_past_s + config.window_future_s)
        self._reload_gate = ReloadGate(config.key_reload_min_s)
        self._ledger = FaultLedger(
            clock, config.fault_period_s, config.faults_kept_per_peer, config.faults_kept_per_period
        )
        self._key_task: asyncio.Task[None] | None = None
        self._fault_task: asyncio.Task[None] | None = None
        self._keys_stale = asyncio.Event()
        self.endpoints: list[Endpoint] = []
        self.stats = ReceiverStats(by_peer=PeerCounter(config.max_tracked_peers))
        self.store_healthy = True
        self._stopping = False

    # --- life cycle -------------------------------------------------------------------------

    async def start(self) -> list[Endpoint]:
        await self._refresh_keys()
        loop = asyncio.get_running_loop()
        for host, port in self.config.tcp:
            for address in await self._listener.listen(host, port):
                self.endpoints.append(Endpoint("tcp", address[0], address[1]))
        for host, port in self.config.udp:
            transport, _ = await loop.create_datagram_endpoint(
                lambda: UdpProtocol(self), local_addr=(host, port)
            )
            self._udp.append(transport)
            address = transport.get_extra_info("sockname")
            self.endpoints.append(Endpoint("udp", address[0], address[1]))
        self._key_task = loop.create_task(self._key_refresher())
        self._fault_task = loop.create_task(self._fault_summaries())
        return self.endpoints

    async def stop(self) -> None:
        """Stop listening and reading, let the batch in flight commit and its ACKs go out, then close.

        Frames read after this point are left unanswered: their transmitters retry, elsewhere or later.
        """
        self._stopping = True
        self._listener.close()
        for transport in self._udp:
            transport.close()
        for connection in list(self._tcp):
            connection.pause_for_stop()
        for summary in self._ledger.roll(time.monotonic(), force=True):
            self._committer.note_fault(summary)
        await self._committer.drain()
        await asyncio.sleep(0)  # let the last batch's answers be written
        for connection in list(self._tcp):
            connection.close()
        await asyncio.sleep(0)
        await self._listener.wait_closed()
        tasks = [task for task in (self._key_task, self._fault_task) if task is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._committer.close()

    def counters(self) -> dict[str, int]:
        """Every counter of `stats` (not the per-peer table) and of the fault ledger and queue: what
        the receiver answered and refused, for the log at stop and the attack benchmark."""
        counters = {name: value for name, value in vars(self.stats).items() if isinstance(value, int)}
        counters["faults_aggregated"] = self._ledger.suppressed_total
        counters["faults_dropped"] = self._committer.faults_dropped
        return counters

    async def run_in_writer(self, work: Callable[[], T]) -> T:
        """Run other writes (the placement stage) on the receiver's database thread, between batches."""
        return await self._committer.run_in_writer(work)

    # --- keys -------------------------------------------------------------------------------

    async def _refresh_keys(self) -> None:
        self.stats.key_reloads += 1
        try:
            registrations = await asyncio.get_running_loop().run_in_executor(None, self._sink.registrations)
        except Exception as exc:  # keep the old keys; the database may be down for a moment
            log.warning("could not load AES keys: %s", exc)
            return
        self._keyring = Keyring(registrations)
        self._keys_loaded = True

    async def _key_refresher(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            try:
                await asyncio.wait_for(self._keys_stale.wait(), self.config.key_refresh_s)
            except TimeoutError:
                pass
            else:  # asked for by a frame: not more often than the gate allows, whatever the flood
                await asyncio.sleep(self._reload_gate.delay(loop.time()))
                self._reload_gate.mark(loop.time())
            self._keys_stale.clear()
            await self._refresh_keys()

    async def _fault_summaries(self) -> None:
        """Turn each period's counts of suppressed faults into rows, even when the flood stopped."""
        while True:
            await asyncio.sleep(self._ledger.period_s)
            for summary in self._ledger.roll(time.monotonic()):
                self._committer.note_fault(summary)

    # --- frames -----------------------------------------------------------------------------

    def accept_frame(
        self, raw: bytes, peer: str, *, answer_garbage: bool = True
    ) -> tuple[bytes | None, _Pending | None]:
        """Parse a frame: an immediate answer (NAK, DUH), or what to store before answering.

        With `answer_garbage` False (UDP, where the source address may be forged), a frame that
        is not even well formed gets no answer; a timestamp rejection still gets its NAK.
        """
        self.stats.frames += 1
        self.stats.by_peer.add(peer)
        now = self._clock()
        try:
            frame = parse_frame(
                raw,
                self._keyring.key,
                now=now,
                window_past_s=self.config.window_past_s,
                window_future_s=self.config.window_future_s,
            )
        except NakError as exc:
            self._fault(now, peer, exc, raw)
            if not answer_garbage and not isinstance(exc, TimestampRejected):
                self.stats.udp_dropped += 1
                return None, None
            self.stats.naks += 1
            return build_nak(now=now), None
        except DuhError as exc:
            if isinstance(exc, UnknownAccount):
                self._keys_stale.set()  # an account added a moment ago: the next retry will find its key
            self._fault(now, peer, exc, raw)
            self.stats.duhs += 1
            return build_duh(exc.frame), None
        if not frame.encrypted:
            if not self._keys_loaded:  # which accounts must encrypt is not known yet: let it retry
                self._keys_stale.set()
                self.stats.unanswered += 1
                return None, None
            if (
                self._keyring.key(frame.account, frame.line or "") is not None
            ):  # a keyed panel never sends in clear
                refused = DuhError(f"plain {frame.id} frame for account {frame.account}, which has a key")
                self._fault(now, peer, refused, raw, kind="duh_plain_for_keyed", frame=frame)
                self.stats.duhs += 1
                self.stats.plain_refused += 1
                return build_duh(frame), None
            if not self._keyring.knows(frame.account):
                over = self._unknown_over_rate(frame, peer)
                if over is not None:
                    self._fault(now, peer, over, raw, kind="duh_unknown_over_rate", frame=frame)
                    self.stats.duhs += 1
                    return build_duh(frame), None
        key = self._keyring.key(frame.account, frame.line or "") if frame.encrypted else None  # it decrypted
        replay: tuple[str, str, int, datetime] | None = None
        if frame.encrypted and frame.is_link_test and frame.timestamp is not None:  # NULL, XNM
            replay = (frame.account, frame.line or "", frame.sequence, frame.timestamp)
            if self._replays.seen(replay, time.monotonic()):  # a copy: answered, not a sign of life
                self.stats.replays += 1
                self.stats.duplicates += 1
                self.stats.acks += 1
                return build_ack(frame, key, now=now), None
        try:
            signals = frame_signals(frame, now, peer)
        except FrameError as exc:  # a well-formed frame whose payload we cannot read
            self._fault(now, peer, exc, raw, kind="duh_payload")
            self.stats.duhs += 1
            return build_duh(frame), None
        received = Received(
            account=frame.account,
            line=frame.line or "",
            dedupe_key=dedupe_key(frame),
            signals=tuple(signals),
            received_at=now,
            peer=peer,
            is_link_test=frame.is_link_test,
            sequence=frame.sequence,
            extended=extended_fields(frame) if frame.is_link_test else {},
        )
        return None, _Pending(received, frame, key, raw, replay)

    def _unknown_over_rate(self, frame: Frame, peer: str) -> DuhError | None:
        """None when this peer may bring one more frame of an unregistered account, else why not."""
        self._keys_stale.set()  # registered a moment ago? (reloads are gated, whatever the flood)
        if self._unknown_buckets.allow(peer, time.monotonic()):
            self.stats.unknown_frames += 1
            return None
        self.stats.unknown_refused += 1
        return DuhError(
            f"frames of unregistered accounts from {peer} over {self.config.unknown_rate_per_s:g}/s "
            f"(after {self.config.unknown_burst}); account {frame.account} refused"
        )

    def peer_allowed(self, peer: str) -> bool:
        """Whether the allow-list lets this peer in; a refusal is counted and recorded (one row in
        full per peer and period, then a count)."""
        if self._allowed.allows(peer):
            return True
        self.stats.refused_peers += 1
        at, now = self._clock(), time.monotonic()
        if self._ledger.suppressed(peer, "peer_not_allowed", at, now, keep=1):
            return False
        fault = Fault(
            at=at,
            peer=peer,
            kind="peer_not_allowed",
            detail=f"{peer} is outside the allowed networks, refused",
        )
        for row in self._ledger.admit(fault, now, keep=1):
            self._committer.note_fault(row)
        return False

    def settle_frame(
        self, pending: _Pending, outcome: Outcome | None, failure: BaseException | None
    ) -> bytes | None:
        """The answer once the store is done: ACK, DUH for refused content, nothing if not stored."""
        if failure is not None or outcome is None:
            self.stats.unanswered += 1
            self._set_store_health(False, str(failure))
            return None
        self._set_store_health(True, None)
        frame = pending.frame
        if outcome is Outcome.REJECTED:
            self._fault(
                pending.received.received_at,
                pending.received.peer,
                FrameError("the database refused this frame's content", frame=frame),
                pending.raw,
                kind="duh_rejected",
            )
            self.stats.duhs += 1
            return build_duh(frame)
        if outcome is Outcome.DUPLICATE:
            self.stats.duplicates += 1
        if outcome is Outcome.LINK_TEST and pending.replay is not None:
            self._replays.remember(pending.replay, time.monotonic())
        self.stats.acks += 1
        return build_ack(frame, pending.key, now=self._clock())

    def _fault(
        self,
        now: datetime,
        peer: str,
        exc: FrameError,
        raw: bytes,
        kind: str | None = None,
        frame: Frame | None = None,
    ) -> None:
        kind = kind or _fault_kind(type(exc))
        monotonic = time.monotonic()
        if self._ledger.suppressed(peer, kind, now, monotonic):
            return  # counted: this pair's rows for the period are written already
        frame = frame or exc.frame
        fault = Fault(
            at=now,
            peer=peer,
            kind=kind,
            detail=str(exc),
            raw=raw[:1000].decode("latin-1"),
            account=frame.account if frame else None,
            skew_s=exc.skew_s if isinstance(exc, TimestampRejected) else None,
        )
        for row in self._ledger.admit(fault, monotonic):
            self._committer.note_fault(row)

    def note_connection_fault(self, peer: str, kind: str, detail: str) -> None:
        """A connection closed for its behaviour, recorded (aggregated) with the frame faults."""
        now = self._clock()
        if not self._ledger.suppressed(peer, kind, now, time.monotonic()):
            self._fault(now, peer, FrameError(detail), b"", kind=kind)

    def _set_store_health(self, healthy: bool, error: str | None) -> None:
        if healthy != self.store_healthy:
            self.store_healthy = healthy
            if self._on_store_failure is not None:
                self._on_store_failure(error)

    # --- TCP --------------------------------------------------------------------------------

    def tcp_gate(self, peer: str) -> bool:
        """Whether a TCP connection just accepted from `peer` is served; asked before it costs a
        transport. Refused: outside the allowed networks, or its address spent its refusal budget
        and reconnects for more (closed before anything is read until a second's worth of the
        budget is back, `refusals_per_peer_per_s` refusals, so that a flood of reconnections gets
        one connection in per second rather than one per refusal; its connections already open
        are not touched)."""
        if self._stopping or not self.peer_allowed(peer):
            return False
        now = asyncio.get_running_loop().time()
        if self._tcp_refusals.exhausted(peer, now, max(1.0, self.config.refusals_per_peer_per_s)):
            self.stats.garbage_closed += 1
            self.note_connection_fault(peer, "tcp_garbage_closed", "refusal budget of the address spent")
            return False
        return True

    def _tcp_connection(self, peer: str) -> TcpConnection:
        return TcpConnection(self, peer)


@dataclass(frozen=True, slots=True)
class _Pending:
    """A frame accepted and waiting for its signals' commit before it is answered."""

    received: Received
    frame: Frame
    key: bytes | None
    raw: bytes
    replay: tuple[str, str, int, datetime] | None = None  # an encrypted link test's identity


def _fit_descriptors(wanted: int) -> int:
    """The connection cap, lowered to what the open-file limit allows (with room for the database,
    the listening sockets and the logs): refusing a connection beats failing in accept()."""
    limit = descriptor_limit()
    if limit is None or wanted <= limit - 64:
        return wanted
    fitted = max(1, limit - 64)
    log.warning("max_connections %d exceeds the open-file limit %d: using %d", wanted, limit, fitted)
    return fitted


_FAULT_KINDS: dict[type[FrameError], str] = {}


def _fault_kind(error: type[FrameError]) -> str:
    """``nak_crc_error``, ``duh_unknown_account``...: from the class, worked out once per class."""
    kind = _FAULT_KINDS.get(error)
    if kind is None:
        prefix = "nak" if issubclass(error, NakError) else "duh"
        words = "".join("_" + c.lower() if c.isupper() else c for c in error.__name__).lstrip("_")
        kind = _FAULT_KINDS[error] = f"{prefix}_{words}"
    return kind
