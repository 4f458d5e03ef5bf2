"""The demo's panels: demo traffic sent to the receiver as real DC-09 frames over TCP.

So the demo queue is fed exactly as a station's is: frame, receiver, commit, ACK, change feed.
A frame that gets no ACK is sent again with the same sequence number, as a panel does.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime

from console.domain.signals import Signal
from console.simulator.demo_traffic import DemoTraffic
from console.simulator.encoding import payload_frame, signal_payload
from console.simulator.transport import LinkError, TcpLink, answer_filter

log = logging.getLogger(__name__)


class DemoPanels:
    def __init__(
        self,
        traffic: DemoTraffic,
        host: str,
        port: int,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        scenario_every_s: float = 4.0,
        retries: int = 5,
    ) -> None:
        self._traffic = traffic
        self._link = TcpLink(host, port)
        self._clock = clock
        self._scenario_every_s = scenario_every_s
        self._retries = retries
        self._sequences: defaultdict[str, int] = defaultdict(int)
        self.acked = 0
        self.lost = 0

    async def run(
        self,
        opening_scenarios: tuple[str, ...] = (
            "intrusion_walk",
            "fire",
            "intrusion_walk",
            "technical",
            "panic",
            "intrusion_walk",
        ),
    ) -> None:
        """Send traffic until cancelled: a burst of scenarios at once, then one every few seconds."""
        loop = asyncio.get_running_loop()
        for name in opening_scenarios:
            self._traffic.start_scenario(self._clock(), name)
        next_scenario = loop.time() + self._scenario_every_s
        try:
            while True:
                for signal in self._traffic.due(self._clock()):
                    await self._send(signal)
                if loop.time() >= next_scenario:
                    self._traffic.start_scenario(self._clock())
                    next_scenario = loop.time() + self._scenario_every_s
                await asyncio.sleep(0.2)
        finally:
            self._link.shutdown()

    async def _send(self, signal: Signal) -> None:
        payload = signal_payload(signal)
        sequence = self._sequences[payload.account] % 9999 + 1
        self._sequences[payload.account] = sequence
        for attempt in range(self._retries):
            frame = payload_frame(payload, sequence, timestamp=self._clock(), line=signal.line or None)
            try:
                answer = await self._link.exchange(frame, answer_filter(sequence, payload.account, None), 2.0)
            except LinkError as exc:
                log.debug(
                    "demo frame %s/%04d not acknowledged (%s), retrying", payload.account, sequence, exc
                )
                await asyncio.sleep(0.5 * (attempt + 1))
                continue
            if answer.id == "ACK":
                self.acked += 1
                return
            log.warning("demo frame %s/%04d answered %s", payload.account, sequence, answer.id)
            return
        self.lost += 1
