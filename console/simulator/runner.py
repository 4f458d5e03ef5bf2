"""The simulation: panels sending at a set rate, retrying like transmitters, and the tally.

Behaviour per frame, as a DC-09 transmitter does it:

- ACK (or RSP) with the same sequence and account: delivered. An encrypted ACK is decrypted with
  the key; one that does not decrypt is no answer at all.
- NAK with a timestamp: the receiver did not like the frame's time (or its bytes). The panel takes
  the receiver's clock when it is off by 2 s or more and sends again after a short delay, up to
  ``nak_retries`` times; after that, or for a NAK without timestamp, the frame is refused.
- DUH: the receiver cannot process the frame; sending it again would not help.
- No answer within ``timeout_s``, refused or broken connection: reconnect and send the same frame,
  same sequence, fresh timestamp, up to ``retries`` times with a short growing pause.

Each link (TCP connection or UDP socket) carries one frame at a time; panels share at most
``max_connections`` links, each panel always the same one so its frames stay in order. The rate is
the whole simulation's, spread evenly over ``duration_s``; when it is over, what the panels still
hold is delivered until ``drain_s`` runs out, and what is left then counts as unanswered.
"""

from __future__ import annotations

import asyncio
import json
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

from console.receiver.codec import AES_KEY_SIZES, Response
from console.simulator.encoding import payload_frame
from console.simulator.panels import MIXED, Message, SimulatedPanel, Traffic, make_panels
from console.simulator.transport import LinkError, TcpLink, UdpLink, answer_filter

__all__ = ["SimulatorConfig", "Summary", "TargetUnreachable", "run_simulation"]

_CLOCK_STEP = timedelta(seconds=2)  # NAK timestamps have 1 s resolution: smaller offsets are noise


class TargetUnreachable(Exception):
    """Nothing could connect (TCP) or nothing ever answered (UDP): no point sending anything."""


@dataclass(frozen=True)
class SimulatorConfig:
    host: str
    port: int
    accounts: int = 10
    rate: float = 10.0  # frames per second, all panels together
    duration_s: float = 10.0
    first_account: str = "100001"
    protocol: str = MIXED  # ADM-CID, SIA-DCS or mixed
    scenario: str = MIXED
    aes_key: bytes | None = None
    udp: bool = False
    timeout_s: float = 2.0
    retries: int = 5
    nak_retries: int = 3
    nak_delay_s: float = 0.2
    max_connections: int = 50
    line: str | None = "1"
    # pysiaalarm echoes a missing R field as "None" in its ACK; panels commonly send R0.
    receiver: str | None = "0"
    log_path: Path | None = None
    seed: int | None = None
    drain_s: float | None = None  # default: long enough for one frame's every retry

    def __post_init__(self) -> None:
        if self.accounts <= 0 or self.rate <= 0 or self.duration_s <= 0:
            raise ValueError("accounts, rate and duration must be greater than 0")
        if self.aes_key is not None and len(self.aes_key) not in AES_KEY_SIZES:
            raise ValueError("the AES key must be 16, 24 or 32 bytes")
        if self.retries < 0 or self.nak_retries < 0 or self.timeout_s <= 0 or self.max_connections <= 0:
            raise ValueError("retries must not be negative; timeout and connections must be positive")

    @property
    def frame_count(self) -> int:
        """Frames sent at 0, 1/rate, 2/rate ... while that is before the end of the duration."""
        return max(1, math.ceil(self.rate * self.duration_s - 1e-9))

    @property
    def drain_limit_s(self) -> float:
        if self.drain_s is not None:
            return self.drain_s
        pauses = sum(_backoff(n) for n in range(1, self.retries + 1))
        naks = self.nak_retries * (self.timeout_s + self.nak_delay_s)
        return self.timeout_s * (self.retries + 1) + pauses + naks + 5.0


@dataclass
class Summary:
    """What happened to every frame: ``sent`` = acked + nak + duh + unanswered."""

    sent: int = 0
    acked: int = 0
    nak: int = 0
    duh: int = 0
    unanswered: int = 0
    retries: int = 0
    elapsed_s: float = 0.0
    latencies_ms: list[float] = field(default_factory=list, repr=False)

    @property
    def all_acked(self) -> bool:
        return self.acked == self.sent

    def percentile(self, fraction: float) -> float | None:
        """Nearest-rank percentile of the ACK round trips (last try of each frame), in ms."""
        if not self.latencies_ms:
            return None
        ordered = sorted(self.latencies_ms)
        return round(ordered[max(0, math.ceil(fraction * len(ordered)) - 1)], 2)

    def as_dict(self) -> dict[str, object]:
        return {
            "sent": self.sent,
            "acked": self.acked,
            "nak": self.nak,
            "duh": self.duh,
            "unanswered": self.unanswered,
            "retries": self.retries,
            "p50_ms": self.percentile(0.50),
            "p99_ms": self.percentile(0.99),
            "rate": round(self.acked / self.elapsed_s, 1) if self.elapsed_s > 0 else 0.0,
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict())


Link = TcpLink | UdpLink


class _Simulation:
    def __init__(self, config: SimulatorConfig) -> None:
        self.config = config
        self.summary = Summary()
        self.panels = make_panels(config.accounts, config.first_account, config.protocol, config.line or "")
        self.traffic = Traffic(self.panels, config.scenario, config.seed)
        count = min(len(self.panels), config.max_connections)
        self.links: list[Link] = [
            UdpLink(config.host, config.port) if config.udp else TcpLink(config.host, config.port)
            for _ in range(count)
        ]
        self.queues: list[asyncio.Queue[Message | None]] = [asyncio.Queue() for _ in range(count)]
        self.link_of: dict[str, int] = {
            panel.account: index % count for index, panel in enumerate(self.panels)
        }
        self.resolved = 0
        self.answered_once = False
        self.last_error = ""
        self.unreachable = asyncio.Event()
        self.log: IO[str] | None = None

    async def run(self) -> Summary:
        config = self.config
        loop = asyncio.get_running_loop()
        if config.log_path is not None:  # a log that cannot be written fails before anything is sent
            self.log = config.log_path.open("w", encoding="utf-8")
        tasks: list[asyncio.Task[object]] = []
        try:
            opened = await asyncio.gather(
                *(link.open(config.timeout_s) for link in self.links), return_exceptions=True
            )
            if not config.udp and not self._reached():
                error = next((str(result) for result in opened if isinstance(result, BaseException)), "")
                raise TargetUnreachable(f"cannot reach {self._target()}: {error}")
            started = loop.time()
            workers = [
                loop.create_task(self._worker(link, queue))
                for link, queue in zip(self.links, self.queues, strict=True)
            ]
            main = loop.create_task(self._generate_then_drain(workers))
            give_up = loop.create_task(self.unreachable.wait())
            tasks = [*workers, main, give_up]
            await asyncio.wait([main, give_up], return_when=asyncio.FIRST_COMPLETED)
            if self.unreachable.is_set():
                raise TargetUnreachable(f"no answer from {self._target()}: {self.last_error}")
            for worker in workers:  # a worker that crashed would otherwise pass for a slow receiver
                if worker.done() and not worker.cancelled() and (crash := worker.exception()) is not None:
                    raise crash
        finally:
            for pending in tasks:
                pending.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            for link in self.links:
                link.shutdown()
            if self.log is not None:
                self.log.close()
        self.summary.sent = config.frame_count
        self.summary.unanswered += config.frame_count - self.resolved  # still queued or in flight
        self.summary.elapsed_s = loop.time() - started
        return self.summary

    def _reached(self) -> bool:
        """A TCP connection was once accepted, or something once answered (all UDP can tell)."""
        return self.answered_once or any(
            isinstance(link, TcpLink) and link.connected_once for link in self.links
        )

    def _target(self) -> str:
        return f"{self.config.host}:{self.config.port} over {'UDP' if self.config.udp else 'TCP'}"

    # --- sending --------------------------------------------------------------------------

    async def _generate_then_drain(self, workers: list[asyncio.Task[None]]) -> None:
        """Hand messages to the panels at the configured rate, then let the links finish."""
        loop = asyncio.get_running_loop()
        rate, total = self.config.rate, self.config.frame_count
        start = loop.time()
        made = 0
        while made < total:
            due = min(total, math.floor((loop.time() - start) * rate) + 1)
            for _ in range(made, due):
                message = self.traffic.next()
                self.queues[self.link_of[message.panel.account]].put_nowait(message)
            made = due
            if made < total:
                await asyncio.sleep(max(0.0, start + made / rate - loop.time()))
        for queue in self.queues:
            queue.put_nowait(None)
        await asyncio.wait(workers, timeout=self.config.drain_limit_s)

    async def _worker(self, link: Link, queue: asyncio.Queue[Message | None]) -> None:
        while (message := await queue.get()) is not None:
            await self._deliver(link, message, message.panel.next_sequence())

    async def _deliver(self, link: Link, message: Message, sequence: int) -> None:
        config, panel = self.config, message.panel
        loop = asyncio.get_running_loop()
        accept = answer_filter(sequence, panel.account, config.aes_key)
        failures = naks = 0
        first = True
        while True:
            if not first:
                self.summary.retries += 1
            first = False
            frame = payload_frame(
                message.payload,
                sequence,
                timestamp=panel.now(),
                line=config.line,
                receiver=config.receiver,
                key=config.aes_key,
            )
            sent_at = loop.time()
            try:
                answer = await link.exchange(frame, accept, config.timeout_s)
            except LinkError as exc:
                self.last_error = str(exc)
                failures += 1
                if failures > config.retries:
                    self._resolve("unanswered")
                    if not self._reached():
                        self.unreachable.set()
                    return
                await asyncio.sleep(_backoff(failures))
                continue
            self.answered_once = True
            if answer.id in ("ACK", "RSP"):
                self.summary.latencies_ms.append((loop.time() - sent_at) * 1000)
                self._resolve("acked")
                self._write_log(message, sequence)
                return
            if answer.id == "NAK" and answer.timestamp is not None and naks < config.nak_retries:
                naks += 1
                _follow_clock(panel, answer)
                await asyncio.sleep(config.nak_delay_s)
                continue
            self._resolve("nak" if answer.id == "NAK" else "duh")
            return

    def _resolve(self, outcome: str) -> None:
        setattr(self.summary, outcome, getattr(self.summary, outcome) + 1)
        self.resolved += 1

    def _write_log(self, message: Message, sequence: int) -> None:
        """One line per ACKed frame carrying a signal (a NULL link test leaves no signal to find)."""
        signal = message.signal
        if self.log is None or signal is None:
            return
        entry = {
            "account": message.panel.account,
            "sequence": sequence,
            "code": signal.event.code,
            "zone": signal.zone,
            "qualifier": signal.qualifier.value,
            "acked_at": datetime.now(UTC).isoformat(),
        }
        self.log.write(json.dumps(entry) + "\n")
        self.log.flush()  # a killed simulator leaves every ACKed line behind


def _backoff(failure: int) -> float:
    """Pause before the n-th resend after a failure: 0.1, 0.2, 0.4 ... at most 1 s."""
    return min(0.1 * 2.0 ** (failure - 1), 1.0)


def _follow_clock(panel: SimulatedPanel, nak: Response) -> None:
    assert nak.timestamp is not None
    offset = nak.timestamp - datetime.now(UTC)
    if abs(offset) >= _CLOCK_STEP:
        panel.clock_offset = offset


async def run_simulation(config: SimulatorConfig) -> Summary:
    """Run the whole simulation; TargetUnreachable when the target cannot be reached at all."""
    return await _Simulation(config).run()
