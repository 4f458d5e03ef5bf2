"""TCP listening sockets whose new connections pass a gate before they cost a transport.

Under a connection flood (an address reconnecting as fast as it is closed) most of what a refused
connection cost was asyncio's own accept path: a Python socket object, a task, a transport with
its selector registration, the protocol's callbacks, then the same undone. Here the listening
socket is read by one callback that takes each connection as a bare descriptor, asks the gate
about its peer's address, and closes a refused one at once (the peer sees a reset, as with
`transport.abort()`); only admitted ones become a socket object handed to asyncio
(`connect_accepted_socket`, public API, which works on the console's qasync loop too).
"""

from __future__ import annotations

import asyncio
import errno
import logging
import os
import socket
from collections.abc import Callable

log = logging.getLogger(__name__)

ACCEPT_RETRY_S = 1.0  # out of descriptors or memory: stop accepting for this long (as asyncio does)
BACKLOG = 100  # asyncio's default


class TcpListener:
    """Accept on some addresses; `gate(peer)` says whether a connection from `peer` is served, and
    `factory(peer)` makes its protocol (the address as accept() gave it: no getpeername later)."""

    def __init__(
        self,
        factory: Callable[[str], asyncio.Protocol],
        gate: Callable[[str], bool],
        backlog: int = BACKLOG,
    ) -> None:
        self._factory = factory
        self._gate = gate
        self._backlog = backlog
        self._sockets: list[socket.socket] = []
        self._handovers: set[asyncio.Task[None]] = set()
        self._closed = False

    @property
    def sockets(self) -> list[socket.socket]:
        return list(self._sockets)

    async def listen(self, host: str | None, port: int) -> list[tuple[str, int]]:
        """Bind every address `host` resolves to (all interfaces for None or ""), as
        `loop.create_server` does, and start accepting; the addresses bound."""
        loop = asyncio.get_running_loop()
        infos = await loop.getaddrinfo(
            host or None, port, family=socket.AF_UNSPEC, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
        bound: list[socket.socket] = []
        try:
            for family, kind, proto, _, address in dict.fromkeys(infos):
                sock = socket.socket(family, kind, proto)
                bound.append(sock)
                if os.name == "posix":
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                if family == socket.AF_INET6 and hasattr(socket, "IPPROTO_IPV6"):
                    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                try:
                    sock.bind(address)
                except OSError as exc:
                    raise OSError(
                        exc.errno, f"error while attempting to bind on address {address!r}: {exc.strerror}"
                    ) from None
                sock.listen(self._backlog)
                sock.setblocking(False)
        except BaseException:
            for sock in bound:
                sock.close()
            raise
        for sock in bound:
            self._sockets.append(sock)
            self._start(loop, sock)
        return [sock.getsockname()[:2] for sock in bound]

    def _start(self, loop: asyncio.AbstractEventLoop, sock: socket.socket) -> None:
        if not self._closed and sock.fileno() != -1:
            loop.add_reader(sock.fileno(), self._accept, loop, sock, sock.family, sock.type, sock.proto)

    def _accept(
        self, loop: asyncio.AbstractEventLoop, sock: socket.socket, family: int, kind: int, proto: int
    ) -> None:
        """Take what the accept queue holds (at most a backlog's worth per turn, like asyncio)."""
        for _ in range(self._backlog):
            try:
                # The bare descriptor: socket.accept() would build a socket object (and convert its
                # family and type to enums) for every connection, refused ones included.
                fd, address = sock._accept()  # type: ignore[attr-defined]
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return
            except OSError as exc:
                if exc.errno not in (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM):
                    raise  # the loop logs it and carries on
                log.warning("accept: %s; not accepting for %.0f s", exc, ACCEPT_RETRY_S)
                loop.remove_reader(sock.fileno())
                loop.call_later(ACCEPT_RETRY_S, self._start, loop, sock)
                return
            peer = str(address[0])
            try:
                admitted = self._gate(peer)
            except Exception:
                os.close(fd)
                raise
            if not admitted:
                os.close(fd)
                continue
            conn = socket.socket(family, kind, proto, fileno=fd)
            conn.setblocking(False)
            task = loop.create_task(self._hand_over(loop, conn, peer))
            self._handovers.add(task)
            task.add_done_callback(self._handovers.discard)

    async def _hand_over(self, loop: asyncio.AbstractEventLoop, conn: socket.socket, peer: str) -> None:
        try:
            await loop.connect_accepted_socket(lambda: self._factory(peer), conn)
        except Exception as exc:  # the peer left already, or the loop is closing
            log.debug("accepted connection not served: %s", exc)
            conn.close()

    def close(self) -> None:
        """Stop accepting and close the listening sockets; connections already served stay."""
        self._closed = True
        loop = asyncio.get_running_loop()
        for sock in self._sockets:
            if sock.fileno() != -1:
                loop.remove_reader(sock.fileno())
            sock.close()

    async def wait_closed(self) -> None:
        """Let connections accepted just before `close` reach their protocol (or fail)."""
        if self._handovers:
            await asyncio.gather(*self._handovers, return_exceptions=True)
