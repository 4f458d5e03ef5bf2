"""Simulated panels and the traffic they send: the demo scenarios played on made-up sites.

Each panel is a :class:`DemoSite` with eight zones a small shop or office has (entrance door,
movement detectors, a glass-break detector, smoke, a panic button, the keypad), so every
:class:`DemoTraffic` scenario finds the detectors it needs. Scenarios are played one after the
other in scenario order (an intrusion reaches the receiver as entrance, then corridor, then office)
but at the pace the caller asks for, not at the scenario's own seconds: the simulator sets the rate.
"""

from __future__ import annotations

import dataclasses
import random
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from console.domain.signals import Protocol, Signal
from console.domain.site import DetectorType
from console.simulator.demo_model import DemoSite, DemoZone
from console.simulator.demo_traffic import SCENARIOS, DemoTraffic
from console.simulator.encoding import Payload, link_test_payload, signal_payload

__all__ = [
    "LINK_TEST",
    "MIXED",
    "PANEL_ZONES",
    "PROTOCOLS",
    "SCENARIO_NAMES",
    "Message",
    "SimulatedPanel",
    "Traffic",
    "make_panels",
]

MIXED = "mixed"
LINK_TEST = "null"
SCENARIO_NAMES: tuple[str, ...] = (MIXED, *SCENARIOS, LINK_TEST)
PROTOCOLS: tuple[str, ...] = (Protocol.ADM_CID.value, Protocol.SIA_DCS.value, MIXED)
MAX_SEQUENCE = 9999

PANEL_ZONES: tuple[DemoZone, ...] = (
    DemoZone(1, "Porte d'entrée", DetectorType.DOOR_CONTACT, 0),
    DemoZone(2, "Hall d'accueil", DetectorType.PIR, 0),
    DemoZone(3, "Couloir", DetectorType.PIR, 0),
    DemoZone(4, "Vitrine", DetectorType.GLASS_BREAK, 0),
    DemoZone(5, "Bureau", DetectorType.DUAL_TECH, 0),
    DemoZone(6, "Détecteur de fumée réserve", DetectorType.SMOKE, 0),
    DemoZone(7, "Bouton panique caisse", DetectorType.PANIC_BUTTON, 0),
    DemoZone(8, "Clavier entrée", DetectorType.KEYPAD, 0),
)


@dataclass(eq=False)
class SimulatedPanel:
    """One transmitter: its site, its sequence counter and its idea of the time."""

    site: DemoSite
    sequence: int = 0
    clock_offset: timedelta = field(default_factory=timedelta)

    @property
    def account(self) -> str:
        return self.site.account

    def next_sequence(self) -> int:
        """0001 to 9999, then 0001 again (0000 is never sent: some receivers treat it as special)."""
        self.sequence = self.sequence % MAX_SEQUENCE + 1
        return self.sequence

    def now(self) -> datetime:
        """The panel's clock: UTC, corrected by what the receiver's NAKs said."""
        return datetime.now(UTC) + self.clock_offset


def make_panels(
    count: int, first_account: str, protocol: str = MIXED, line: str = "1"
) -> list[SimulatedPanel]:
    """``count`` panels, accounts counting up in hex from ``first_account`` (same width, at least 3).

    ``protocol`` is ADM-CID, SIA-DCS, or "mixed": every other panel speaks SIA DCS.
    """
    if count <= 0:
        raise ValueError("at least one panel is needed")
    if protocol not in PROTOCOLS:
        raise ValueError(f"protocol must be one of {', '.join(PROTOCOLS)}, not {protocol!r}")
    start = int(first_account, 16)
    width = len(first_account)
    panels = []
    for index in range(count):
        account = f"{start + index:0{width}X}"
        if len(account) > 16:
            raise ValueError(f"accounts from {first_account} overflow 16 hex digits after {index} panels")
        if protocol == MIXED:
            speaks = Protocol.ADM_CID.value if index % 2 == 0 else Protocol.SIA_DCS.value
        else:
            speaks = protocol
        site = DemoSite(code=f"SIM-{account}", account=account, line=line, protocol=speaks, zones=PANEL_ZONES)
        panels.append(SimulatedPanel(site))
    return panels


@dataclass(frozen=True, slots=True)
class Message:
    """One message a panel has to deliver; ``signal`` is None for a NULL link test."""

    panel: SimulatedPanel
    payload: Payload
    signal: Signal | None


class Traffic:
    """An endless supply of messages for ``panels`` following ``scenario`` (seeded, so replayable)."""

    def __init__(self, panels: list[SimulatedPanel], scenario: str = MIXED, seed: int | None = None) -> None:
        if scenario not in SCENARIO_NAMES:
            raise ValueError(f"scenario must be one of {', '.join(SCENARIO_NAMES)}, not {scenario!r}")
        if not panels:
            raise ValueError("the traffic needs at least one panel")
        self._panels = {panel.account: panel for panel in panels}
        self._order = list(panels)
        self._scenario = scenario
        self._rng = random.Random(seed)
        self._demo = DemoTraffic([panel.site for panel in panels], seed=self._rng.randrange(2**32))
        # Virtual time: scenarios keep their own spacing only to order their signals.
        self._clock = datetime(2000, 1, 1, tzinfo=UTC)
        self._ready: deque[Signal] = deque()
        self._next_link_test = 0

    def next(self) -> Message:
        if self._scenario == LINK_TEST:
            panel = self._order[self._next_link_test % len(self._order)]
            self._next_link_test += 1
            return Message(panel, link_test_payload(panel.account), None)
        while not self._ready:
            name = None if self._scenario == MIXED else self._scenario
            self._demo.start_scenario(self._clock, name)
            self._clock += timedelta(days=1)
            self._ready.extend(self._demo.due(self._clock))
        signal = self._ready.popleft()
        if signal.protocol is Protocol.SIA_DCS and signal.partition is None:
            signal = dataclasses.replace(signal, partition=1)  # panels report their area: "Nri1/BA02"
        return Message(self._panels[signal.account], signal_payload(signal), signal)
