"""SIA DC-09 receiver: asyncio TCP and UDP servers in front of the group committer.

Every frame gets an answer: NAK for a frame that is not well formed (CRC, length, syntax,
timestamp outside the window), DUH for one that cannot be processed (cannot decrypt, unknown
encrypted account, unsupported ID or payload), and ACK only once its signals are committed. If the
database cannot take them, nothing is answered: the transmitter retries, nothing ACKed is lost.

A TCP stream may carry several frames per read, a frame over several reads and garbage between
frames: frames start at LF and end at CR, anything else is skipped. Each connection has one frame
in flight at a time and each peer a bounded number of connections, so a flooding peer gets its
fair share of batches and no more.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
from collections import Counter, deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypeVar

from console.receiver.batch import BatchCommitter, Fault, Outcome, Received, StoreFailed
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
from console.receiver.payloads import frame_signals

log = logging.getLogger(__name__)

LF, CR = 0x0A, 0x0D
T = TypeVar("T")


@dataclass(frozen=True)
class ReceiverConfig:
    tcp: Sequence[tuple[str, int]] = (("0.0.0.0", 0),)
    udp: Sequence[tuple[str, int]] = ()
    max_frame_bytes: int = 2048
    idle_timeout_s: float = 120.0
    max_connections_per_peer: int = 64
    max_udp_in_flight_per_peer: int = 32
    window_past_s: float = 40.0
    window_future_s: float = 20.0
    key_refresh_s: float = 30.0


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

    def aes_keys(self) -> Mapping[str, bytes]:  # pragma: no cover - interface
        raise NotImplementedError


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


def split_frames(buffer: bytearray, max_frame_bytes: int) -> list[bytes]:
    """Take the complete frames (between LF and CR) out of `buffer`, leaving any partial frame in it.

    Bytes before an LF are garbage and dropped; an LF inside an unfinished frame restarts the frame
    there (the earlier part was truncated); an unfinished frame longer than the limit is dropped.
    """
    frames: list[bytes] = []
    while buffer:
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


@dataclass
class ReceiverStats:
    frames: int = 0
    acks: int = 0
    naks: int = 0
    duhs: int = 0
    unanswered: int = 0
    duplicates: int = 0
    connections: int = 0
    by_peer: Counter[str] = field(default_factory=Counter)


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
        self._keys: dict[str, bytes] = {}
        self._servers: list[asyncio.Server] = []
        self._udp: list[asyncio.DatagramTransport] = []
        self._tcp: set[_TcpConnection] = set()
        self._per_peer: Counter[str] = Counter()
        self._udp_in_flight: Counter[str] = Counter()
        self._key_task: asyncio.Task[None] | None = None
        self._keys_stale = asyncio.Event()
        self.endpoints: list[Endpoint] = []
        self.stats = ReceiverStats()
        self.store_healthy = True
        self._stopping = False

    # --- life cycle -------------------------------------------------------------------------

    async def start(self) -> list[Endpoint]:
        await self._refresh_keys()
        loop = asyncio.get_running_loop()
        for host, port in self.config.tcp:
            server = await loop.create_server(self._tcp_connection, host, port)
            self._servers.append(server)
            for sock in server.sockets:
                address = sock.getsockname()
                self.endpoints.append(Endpoint("tcp", address[0], address[1]))
        for host, port in self.config.udp:
            transport, _ = await loop.create_datagram_endpoint(
                lambda: _UdpProtocol(self), local_addr=(host, port)
            )
            self._udp.append(transport)
            address = transport.get_extra_info("sockname")
            self.endpoints.append(Endpoint("udp", address[0], address[1]))
        self._key_task = loop.create_task(self._key_refresher())
        return self.endpoints

    async def stop(self) -> None:
        """Stop listening and reading, let the batch in flight commit and its ACKs go out, then close.

        Frames read after this point are left unanswered: their transmitters retry, elsewhere or later.
        """
        self._stopping = True
        for server in self._servers:
            server.close()
        for transport in self._udp:
            transport.close()
        for connection in list(self._tcp):
            connection.pause_for_stop()
        await self._committer.drain()
        await asyncio.sleep(0)  # let the last batch's answers be written
        for connection in list(self._tcp):
            connection.close()
        await asyncio.sleep(0)
        for server in self._servers:
            await server.wait_closed()
        if self._key_task is not None:
            self._key_task.cancel()
            await asyncio.gather(self._key_task, return_exceptions=True)
        self._committer.close()

    async def run_in_writer(self, work: Callable[[], T]) -> T:
        """Run other writes (the placement stage) on the receiver's database thread, between batches."""
        return await self._committer.run_in_writer(work)

    # --- keys -------------------------------------------------------------------------------

    async def _refresh_keys(self) -> None:
        try:
            keys = await asyncio.get_running_loop().run_in_executor(None, self._sink.aes_keys)
        except Exception as exc:  # keep the old keys; the database may be down for a moment
            log.warning("could not load AES keys: %s", exc)
            return
        self._keys = {account.upper(): key for account, key in keys.items()}

    async def _key_refresher(self) -> None:
        while True:
            try:
                await asyncio.wait_for(self._keys_stale.wait(), self.config.key_refresh_s)
            except TimeoutError:
                pass
            self._keys_stale.clear()
            await self._refresh_keys()

    # --- frames -----------------------------------------------------------------------------

    async def handle_frame(self, raw: bytes, peer: str) -> bytes | None:
        """Answer one frame (without LF/CR); None means no answer (the store failed)."""
        answer, pending = self.accept_frame(raw, peer)
        if pending is None:
            return answer
        try:
            outcome = await self._committer.submit(pending.received)
        except StoreFailed as exc:
            return self.settle_frame(pending, None, exc)
        return self.settle_frame(pending, outcome, None)

    def accept_frame(self, raw: bytes, peer: str) -> tuple[bytes | None, _Pending | None]:
        """Parse a frame: an immediate answer (NAK, DUH), or what to store before answering."""
        self.stats.frames += 1
        self.stats.by_peer[peer] += 1
        now = self._clock()
        try:
            frame = parse_frame(
                raw,
                self._keys.get,
                now=now,
                window_past_s=self.config.window_past_s,
                window_future_s=self.config.window_future_s,
            )
        except NakError as exc:
            self._fault(now, peer, exc, raw)
            self.stats.naks += 1
            return build_nak(now=now), None
        except DuhError as exc:
            if isinstance(exc, UnknownAccount):
                self._keys_stale.set()  # an account added a moment ago: the next retry will find its key
            self._fault(now, peer, exc, raw)
            self.stats.duhs += 1
            return build_duh(exc.frame), None
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
        )
        key = self._keys.get(frame.account) if frame.encrypted else None  # the key that decrypted it
        return None, _Pending(received, frame, key, raw)

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
        self.stats.acks += 1
        return build_ack(frame, pending.key, now=self._clock())

    def _fault(self, now: datetime, peer: str, exc: FrameError, raw: bytes, kind: str | None = None) -> None:
        frame = exc.frame
        self._committer.note_fault(
            Fault(
                at=now,
                peer=peer,
                kind=kind or _fault_kind(exc),
                detail=str(exc),
                raw=raw.decode("latin-1")[:1000],
                account=frame.account if frame else None,
                skew_s=exc.skew_s if isinstance(exc, TimestampRejected) else None,
            )
        )

    def _set_store_health(self, healthy: bool, error: str | None) -> None:
        if healthy != self.store_healthy:
            self.store_healthy = healthy
            if self._on_store_failure is not None:
                self._on_store_failure(error)

    # --- TCP --------------------------------------------------------------------------------

    def _tcp_connection(self) -> _TcpConnection:
        return _TcpConnection(self)


@dataclass(frozen=True, slots=True)
class _Pending:
    """A frame accepted and waiting for its signals' commit before it is answered."""

    received: Received
    frame: Frame
    key: bytes | None
    raw: bytes


class _TcpConnection(asyncio.Protocol):
    """One transmitter's TCP connection: frames answered in order, one in flight at a time.

    Callbacks rather than a task per connection: a frame costs a parse, a future and a write, and
    no coroutine switches. Frames that arrive while one is being stored wait in order; past a few
    of them, reading is paused, so a flooding peer waits on its own socket, not in our memory.
    """

    _MAX_QUEUED = 64

    def __init__(self, receiver: Dc09Receiver) -> None:
        self._receiver = receiver
        self._transport: asyncio.Transport | None = None
        self._peer = "?"
        self._buffer = bytearray()
        self._queue: deque[bytes] = deque()
        self._in_flight = False
        self._paused = False
        self._idle: _IdleWatch | None = None
        self._counted = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport  # type: ignore[assignment]  # a stream transport, by construction
        receiver = self._receiver
        self._peer = str((transport.get_extra_info("peername") or ("?",))[0])
        if receiver._stopping or receiver._per_peer[self._peer] >= receiver.config.max_connections_per_peer:
            transport.close()
            return
        self._counted = True
        receiver._per_peer[self._peer] += 1
        receiver._tcp.add(self)
        receiver.stats.connections += 1
        self._idle = _IdleWatch(transport, receiver.config.idle_timeout_s)

    def data_received(self, data: bytes) -> None:
        if self._idle is None:
            return  # refused in connection_made
        self._idle.touch()
        self._buffer += data
        self._queue.extend(split_frames(self._buffer, self._receiver.config.max_frame_bytes))
        self._pump()

    def _pump(self) -> None:
        receiver, transport = self._receiver, self._transport
        assert transport is not None
        while self._queue and not self._in_flight and not receiver._stopping and not transport.is_closing():
            answer, pending = receiver.accept_frame(self._queue.popleft(), self._peer)
            if pending is None:
                if answer is not None:
                    transport.write(answer)
                continue
            self._in_flight = True
            future = receiver._committer.submit_future(pending.received)
            future.add_done_callback(functools.partial(self._on_stored, pending))
        backlog = len(self._queue) >= self._MAX_QUEUED
        if backlog and not self._paused:
            transport.pause_reading()
            self._paused = True
        elif not backlog and self._paused and not receiver._stopping:
            transport.resume_reading()
            self._paused = False

    def _on_stored(self, pending: _Pending, done: asyncio.Future[Outcome]) -> None:
        self._in_flight = False
        failure = None if done.cancelled() else done.exception()
        outcome = None if failure is not None or done.cancelled() else done.result()
        answer = self._receiver.settle_frame(pending, outcome, failure)
        transport = self._transport
        if transport is None or transport.is_closing():
            return
        if answer is not None:
            transport.write(answer)
        self._pump()

    def pause_for_stop(self) -> None:
        if self._transport is not None and not self._paused and not self._transport.is_closing():
            self._transport.pause_reading()
            self._paused = True

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._idle is not None:
            self._idle.cancel()
        if not self._counted:
            return
        receiver = self._receiver
        receiver._per_peer[self._peer] -= 1
        if receiver._per_peer[self._peer] <= 0:
            del receiver._per_peer[self._peer]
        receiver._tcp.discard(self)


class _IdleWatch:
    """Closes a connection silent for `timeout_s`: one timer per connection, moved only when it
    fires (a timeout per read would cost a task and a timer for every frame)."""

    def __init__(self, transport: asyncio.BaseTransport, timeout_s: float) -> None:
        self._transport = transport
        self._timeout_s = timeout_s
        self._loop = asyncio.get_running_loop()
        self._last = self._loop.time()
        self._timer = self._loop.call_at(self._last + timeout_s, self._check)

    def touch(self) -> None:
        self._last = self._loop.time()

    def _check(self) -> None:
        due = self._last + self._timeout_s
        if self._loop.time() >= due:
            self._transport.close()
        else:
            self._timer = self._loop.call_at(due, self._check)

    def cancel(self) -> None:
        self._timer.cancel()


class _UdpProtocol(asyncio.DatagramProtocol):
    def __init__(self, receiver: Dc09Receiver) -> None:
        self._receiver = receiver
        self._transport: asyncio.DatagramTransport | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport  # type: ignore[assignment]  # a datagram transport, by construction

    def datagram_received(self, data: bytes, addr: tuple[str | object, ...]) -> None:
        peer = str(addr[0])
        in_flight = self._receiver._udp_in_flight
        if self._receiver._stopping or in_flight[peer] >= self._receiver.config.max_udp_in_flight_per_peer:
            return  # unanswered: the transmitter retries once its earlier frames are through
        frames = split_frames(bytearray(data), self._receiver.config.max_frame_bytes)
        for raw in frames:
            in_flight[peer] += 1
            task = asyncio.get_running_loop().create_task(self._answer(raw, peer, addr))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _answer(self, raw: bytes, peer: str, addr: tuple[str | object, ...]) -> None:
        try:
            answer = await self._receiver.handle_frame(raw, peer)
            if answer is not None and self._transport is not None and not self._transport.is_closing():
                self._transport.sendto(answer, addr)
        finally:
            self._receiver._udp_in_flight[peer] -= 1


def _fault_kind(exc: FrameError) -> str:
    name = type(exc).__name__
    prefix = "nak" if isinstance(exc, NakError) else "duh"
    return f"{prefix}_{''.join('_' + c.lower() if c.isupper() else c for c in name).lstrip('_')}"
