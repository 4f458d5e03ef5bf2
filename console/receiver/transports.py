"""The receiver's TCP connections and UDP endpoint: bytes in, frames to the receiver, answers out.

Both keep what a sender can cost bounded: on TCP a connection has one frame in flight, a deadline
to finish a frame it started and an idle timeout that only complete frames push back; on UDP a
datagram is one frame, garbage is not answered and each source address has a token bucket.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections import deque
from typing import TYPE_CHECKING

from console.receiver.batch import Outcome
from console.receiver.codec import MalformedFrame
from console.receiver.connections import Deadline, split_frames
from console.receiver.limits import TokenBucket

if TYPE_CHECKING:
    from console.receiver.server import Dc09Receiver, _Pending

log = logging.getLogger(__name__)


class TcpConnection(asyncio.Protocol):
    """One transmitter's TCP connection: frames answered in order, one in flight at a time.

    Callbacks rather than a task per connection: a frame costs a parse, a future and a write, and
    no coroutine switches. Frames that arrive while one is being stored wait in order; past a few
    of them, reading is paused, so a flooding peer waits on its own socket, not in our memory.
    Only complete frames keep a connection open: bytes that never make one (a byte every few
    seconds) meet the frame deadline, or the idle timeout when they are not even a frame's start.
    """

    _MAX_QUEUED = 64
    _MAX_BUFFERED = 65536  # bytes read but not yet cut into frames: past this, reading pauses

    def __init__(self, receiver: Dc09Receiver, peer: str) -> None:
        self._receiver = receiver
        self._transport: asyncio.Transport | None = None
        self._peer = peer  # already admitted by the receiver's gate (`Dc09Receiver.tcp_gate`)
        self._buffer = bytearray()
        self._queue: deque[bytes] = deque()
        self._in_flight = False
        self._paused = False
        self._idle: Deadline | None = None
        self._frame_due: Deadline | None = None
        self._is_idle = True
        self._counted = False
        self._refusals: TokenBucket | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport  # type: ignore[assignment]  # a stream transport, by construction
        receiver = self._receiver
        if receiver._stopping:
            transport.close()
            return
        loop = asyncio.get_running_loop()
        now = loop.time()
        admitted, make_room = receiver._book.admit(self._peer, now)
        for other in make_room:
            receiver.stats.idle_closed += 1
            other.close()
        if not admitted:
            receiver.stats.refused_connections += 1
            transport.close()
            return
        self._counted = True
        receiver._book.add(self, self._peer, now)
        receiver._tcp.add(self)
        receiver.stats.connections += 1
        self._idle = Deadline(loop, self._expired_idle)
        self._idle.set(now + receiver.config.idle_timeout_s)
        self._frame_due = Deadline(loop, self._expired_frame)
        config = receiver.config
        self._refusals = TokenBucket(config.refusals_per_s, config.refusals_burst, now)
        assert self._transport is not None
        self._transport.set_write_buffer_limits(high=config.write_buffer_bytes)

    def data_received(self, data: bytes) -> None:
        if self._idle is None:
            return  # refused in connection_made
        self._buffer += data
        self._take_frames()
        self._pump()

    def _take_frames(self) -> None:
        """Move complete frames from the buffer to the queue, as many as it has room for."""
        assert self._idle is not None and self._frame_due is not None
        config = self._receiver.config
        room = self._MAX_QUEUED - len(self._queue)
        if room <= 0:
            return
        frames = split_frames(self._buffer, config.max_frame_bytes, room)
        now = asyncio.get_running_loop().time()
        if frames:
            self._idle.set(now + config.idle_timeout_s)
            self._queue.extend(frames)
            self._frame_due.clear()  # what is left in the buffer started in this read
        if not self._buffer or len(frames) == room:  # nothing started, or we are the slow ones
            self._frame_due.clear()
        elif not self._frame_due.armed:
            self._frame_due.set(now + config.frame_deadline_s)

    def _pump(self) -> None:
        receiver, transport = self._receiver, self._transport
        assert transport is not None
        while not self._in_flight and not receiver._stopping and not transport.is_closing():
            if not self._queue:
                self._take_frames()
                if not self._queue:
                    break
            answer, pending = receiver.accept_frame(self._queue.popleft(), self._peer)
            if pending is None:
                if answer is not None and _is_refusal(answer) and not self._refusal_allowed():
                    return
                if answer is not None:
                    transport.write(answer)
                continue
            self._in_flight = True
            future = receiver._committer.submit_future(pending.received)
            future.add_done_callback(functools.partial(self._on_stored, pending))
        backlog = len(self._queue) >= self._MAX_QUEUED or len(self._buffer) >= self._MAX_BUFFERED
        if backlog and not self._paused:
            transport.pause_reading()
            self._paused = True
        elif not backlog and self._paused and not receiver._stopping:
            transport.resume_reading()
            self._paused = False
        idle = not (self._in_flight or self._queue or self._buffer)
        if idle != self._is_idle and self._counted:
            self._is_idle = idle
            if idle:
                receiver._book.idle(self, asyncio.get_running_loop().time())
            else:
                receiver._book.busy(self)

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

    def _refusal_allowed(self) -> bool:
        """A NAK or DUH costs a token of the connection and one of its address: a connection sending
        garbage faster than any faulty panel would is closed, instead of being answered and recorded
        frame after frame, and an address that keeps reconnecting to do so has its next ones closed
        at their first refusal until its budget refills."""
        assert self._refusals is not None and self._transport is not None
        receiver = self._receiver
        now = asyncio.get_running_loop().time()
        if self._refusals.take(now) and receiver._tcp_refusals.allow(self._peer, now):
            return True
        receiver.stats.garbage_closed += 1
        receiver.note_connection_fault(self._peer, "tcp_garbage_closed", "too many refused frames")
        self._queue.clear()
        self._buffer.clear()
        self._transport.abort()
        return False

    def pause_writing(self) -> None:
        """The peer leaves its answers unread: it is not a panel waiting for its ACK."""
        receiver = self._receiver
        receiver.stats.unread_closed += 1
        receiver.note_connection_fault(self._peer, "tcp_unread_closed", "answers left unread")
        if self._transport is not None:
            self._transport.abort()

    def _expired_idle(self) -> None:
        self.close()

    def _expired_frame(self) -> None:
        self._receiver.stats.deadline_closed += 1
        log.info(
            "closing %s: a frame started %.0f s ago is not finished",
            self._peer,
            self._receiver.config.frame_deadline_s,
        )
        self.close()

    def pause_for_stop(self) -> None:
        if self._transport is not None and not self._paused and not self._transport.is_closing():
            self._transport.pause_reading()
            self._paused = True

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        for deadline in (self._idle, self._frame_due):
            if deadline is not None:
                deadline.cancel()
        if not self._counted:
            return
        self._receiver._book.remove(self)
        self._receiver._tcp.discard(self)


class UdpProtocol(asyncio.DatagramProtocol):
    """DC-09 over UDP: one frame per datagram, answered to its source.

    The source address of a datagram is whatever its sender wrote, so answers must not make the
    receiver a reflector: garbage (several frames, bad CRC, length or syntax) gets no answer, and
    each source address is handled at a bounded rate. Panels retry unanswered datagrams.
    """

    def __init__(self, receiver: Dc09Receiver) -> None:
        self._receiver = receiver
        self._transport: asyncio.DatagramTransport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport  # type: ignore[assignment]  # a datagram transport, by construction

    def datagram_received(self, data: bytes, addr: tuple[str | object, ...]) -> None:
        receiver = self._receiver
        peer = str(addr[0])
        in_flight = receiver._udp_in_flight
        if receiver._stopping:
            return  # unanswered: the transmitter retries
        if not receiver.peer_allowed(peer):
            return
        if in_flight.get(peer, 0) >= receiver.config.max_udp_in_flight_per_peer or not (
            receiver._udp_buckets.allow(peer, asyncio.get_running_loop().time())
        ):
            receiver.stats.udp_dropped += 1
            return
        frames = split_frames(bytearray(data), receiver.config.max_frame_bytes)
        if len(frames) != 1:
            receiver.stats.udp_dropped += 1
            if frames:  # one fault for the datagram, not one per frame in it
                error = MalformedFrame(f"{len(frames)} frames in one datagram, none answered")
                receiver._fault(receiver._clock(), peer, error, data, kind="udp_several_frames")
            return
        answer, pending = receiver.accept_frame(frames[0], peer, answer_garbage=False)
        if pending is None:
            self._send(answer, addr)
            return
        in_flight[peer] = in_flight.get(peer, 0) + 1
        future = receiver._committer.submit_future(pending.received)
        future.add_done_callback(functools.partial(self._on_stored, pending, peer, addr))

    def _on_stored(
        self, pending: _Pending, peer: str, addr: tuple[str | object, ...], done: asyncio.Future[Outcome]
    ) -> None:
        in_flight = self._receiver._udp_in_flight
        left = in_flight.get(peer, 1) - 1
        if left > 0:
            in_flight[peer] = left
        else:
            in_flight.pop(peer, None)
        failure = None if done.cancelled() else done.exception()
        outcome = None if failure is not None or done.cancelled() else done.result()
        self._send(self._receiver.settle_frame(pending, outcome, failure), addr)

    def _send(self, answer: bytes | None, addr: tuple[str | object, ...]) -> None:
        if answer is not None and self._transport is not None and not self._transport.is_closing():
            self._transport.sendto(answer, addr)


def _is_refusal(answer: bytes) -> bool:
    """NAK or DUH (LF, 4 CRC, 4 length, then the quoted ID)."""
    return answer[9:14] in (b'"NAK"', b'"DUH"')
