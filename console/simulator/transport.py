"""The panel's side of the wire: send one frame, wait for the answer that belongs to it.

A link carries one frame at a time, as a transmitter does. Answers that do not belong to the
frame in flight (a late ACK of an earlier try, bytes that do not parse) are skipped while the
deadline lasts; when it passes, or the connection breaks, :class:`LinkError` tells the caller to
reconnect and send the same frame again.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable

from console.receiver.codec import FrameError, Response, parse_response

__all__ = ["AnswerFilter", "LinkError", "TcpLink", "UdpLink", "answer_filter"]

AnswerFilter = Callable[[bytes], Response | None]
"""Raw answer (LF to CR) -> the parsed answer when it is the one awaited, else None."""

_READ_LIMIT = 64 * 1024


class LinkError(Exception):
    """No usable answer: timeout, refused or broken connection. The frame must be sent again."""


def answer_filter(sequence: int, account: str, key: bytes | None) -> AnswerFilter:
    """Accept the ACK (or RSP) of this sequence and account, any NAK, and a DUH that may be ours.

    A NAK carries no sequence (``0000``, ``A0``): on a link with one frame in flight it can only be
    about that frame. A DUH echoes the header when the receiver could read it, zeros otherwise.
    """

    def accept(raw: bytes) -> Response | None:
        start = raw.find(b"\n")
        if start < 0:
            return None
        try:
            response = parse_response(raw[start:], key)
        except FrameError:
            return None
        same_account = response.account is None or response.account == account
        if response.id in ("ACK", "RSP"):
            return response if response.sequence == sequence and response.account == account else None
        if response.id == "NAK":
            return response
        if response.id == "DUH" and response.sequence in (0, sequence) and same_account:
            return response
        return None

    return accept


class TcpLink:
    """One TCP connection, opened on first use and after every failure."""

    def __init__(self, host: str, port: int) -> None:
        self._host = host
        self._port = port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self.connected_once = False

    async def open(self, timeout: float) -> None:
        """Connect now (LinkError when refused or too slow); a no-op when already connected."""
        if self._writer is not None:
            return
        try:
            async with asyncio.timeout(timeout):
                self._reader, self._writer = await asyncio.open_connection(
                    self._host, self._port, limit=_READ_LIMIT
                )
        except TimeoutError:
            raise LinkError(f"no connection within {timeout:g} s") from None
        except OSError as exc:
            raise LinkError(_reason(exc)) from None
        self.connected_once = True

    async def exchange(self, frame: bytes, accept: AnswerFilter, timeout: float) -> Response:
        """Send ``frame`` and return the first answer ``accept`` takes, within ``timeout`` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        await self.open(timeout)
        assert self._reader is not None and self._writer is not None
        try:
            async with asyncio.timeout_at(deadline):
                self._writer.write(frame)
                await self._writer.drain()
                while True:
                    answer = accept(await self._reader.readuntil(b"\r"))
                    if answer is not None:
                        return answer
        except TimeoutError:
            self.close()
            raise LinkError(f"no answer within {timeout:g} s") from None
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError) as exc:
            self.close()
            raise LinkError(f"connection lost: {exc}") from None

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._reader = self._writer = None

    def shutdown(self) -> None:
        self.close()


class UdpLink(asyncio.DatagramProtocol):
    """One UDP socket bound to the target; one datagram per frame, answers queued as they come."""

    def __init__(self, host: str, port: int) -> None:
        self._host = host
        self._port = port
        self._transport: asyncio.DatagramTransport | None = None
        self._inbox: asyncio.Queue[bytes | Exception] = asyncio.Queue()

    # --- asyncio.DatagramProtocol ---------------------------------------------------------

    def datagram_received(self, data: bytes, addr: tuple[str | object, ...]) -> None:
        self._inbox.put_nowait(data)

    def error_received(self, exc: Exception) -> None:
        self._inbox.put_nowait(exc)  # e.g. ICMP port unreachable on a connected socket

    # --- link -------------------------------------------------------------------------------

    async def open(self, timeout: float) -> None:
        if self._transport is not None:
            return
        loop = asyncio.get_running_loop()
        try:
            transport, _ = await loop.create_datagram_endpoint(
                lambda: self, remote_addr=(self._host, self._port)
            )
        except OSError as exc:
            raise LinkError(_reason(exc)) from None
        self._transport = transport

    async def exchange(self, frame: bytes, accept: AnswerFilter, timeout: float) -> Response:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        await self.open(timeout)
        assert self._transport is not None
        while not self._inbox.empty():  # answers and errors of earlier tries: stale by now
            self._inbox.get_nowait()
        self._transport.sendto(frame)
        try:
            async with asyncio.timeout_at(deadline):
                while True:
                    item = await self._inbox.get()
                    if isinstance(item, OSError):
                        raise LinkError(_reason(item))
                    if isinstance(item, Exception):
                        raise LinkError(str(item))
                    for raw in _frames(item):
                        answer = accept(raw)
                        if answer is not None:
                            return answer
        except TimeoutError:
            raise LinkError(f"no answer within {timeout:g} s") from None

    def close(self) -> None:
        """Nothing to reconnect: the socket stays, so the panel keeps its source port like a real one."""

    def shutdown(self) -> None:
        if self._transport is not None:
            self._transport.close()
        self._transport = None


def _reason(exc: OSError) -> str:
    """ "Connection refused" rather than asyncio's "Connect call failed ('127.0.0.1', 1)"."""
    if exc.errno is not None and exc.errno > 0:
        return os.strerror(exc.errno)
    return exc.strerror or str(exc)  # name resolution errors have negative codes and their own text


def _frames(datagram: bytes) -> list[bytes]:
    """The LF...CR answers in one datagram (normally one)."""
    out = []
    position = 0
    while (start := datagram.find(b"\n", position)) >= 0:
        end = datagram.find(b"\r", start)
        if end < 0:
            break
        out.append(datagram[start : end + 1])
        position = end + 1
    return out
