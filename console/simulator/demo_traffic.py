"""Believable alarm traffic for the demo: intruders walking across zones, fires, panics, faults.

Scenarios are scheduled as timed signals and handed out when due, so an intrusion arrives as a
path (entrance, corridor, office) a few seconds apart, the way a real one does.
"""

from __future__ import annotations

import heapq
import itertools
import random
from collections.abc import Sequence
from datetime import datetime, timedelta

from console.domain.signals import Signal, contact_id_signal, sia_signal
from console.domain.site import DetectorType
from console.simulator.demo_model import DemoSite, DemoZone

INTRUSION_DETECTORS = frozenset(
    {
        DetectorType.PIR,
        DetectorType.DUAL_TECH,
        DetectorType.DOOR_CONTACT,
        DetectorType.GLASS_BREAK,
        DetectorType.SHOCK,
        DetectorType.BEAM,
    }
)

# (Contact ID code, SIA code) per kind of event used by the scenarios.
_CODES = {
    "intrusion": (130, "BA"),
    "entry": (134, "BA"),
    "fire": (111, "FA"),  # smoke detector; a heat detector reports 114 (see _fire)
    "heat": (114, "FA"),  # SIA has no heat-detector fire code of its own: FA
    "panic": (120, "PA"),
    "duress": (121, "HA"),
    "tamper": (137, "TA"),
    "ac_loss": (301, "AT"),
    "low_battery": (302, "YT"),
    "periodic_test": (602, "RP"),
    "opening": (401, "OP"),
    "closing": (401, "CL"),
    "water": (154, "WA"),
}

SCENARIOS: dict[str, float] = {  # name -> relative weight
    "intrusion_walk": 5,
    "fire": 1,
    "panic": 1,
    "duress": 0.3,
    "technical": 2,
    "periodic_test": 3,
    "opening_closing": 3,
}


class DemoTraffic:
    def __init__(self, sites: Sequence[DemoSite], seed: int | None = 1) -> None:
        if not sites:
            raise ValueError("the demo needs at least one site")
        self._sites = list(sites)
        self._rng = random.Random(seed)
        self._queue: list[tuple[datetime, int, Signal]] = []
        self._order = itertools.count()
        self._sequence = itertools.count(1)

    def start_scenario(self, now: datetime, name: str | None = None, site: DemoSite | None = None) -> None:
        """Schedule one scenario starting now at a random (or given) site."""
        name = name or self._rng.choices(list(SCENARIOS), weights=list(SCENARIOS.values()))[0]
        site = site or self._rng.choice(self._sites)
        getattr(self, f"_{name}")(site, now)

    def due(self, now: datetime) -> list[Signal]:
        """Signals whose time has come, in time order, stamped with their scheduled time."""
        out: list[Signal] = []
        while self._queue and self._queue[0][0] <= now:
            out.append(heapq.heappop(self._queue)[2])
        return out

    @property
    def pending(self) -> int:
        return len(self._queue)

    # --- scenarios ------------------------------------------------------------------------

    def _intrusion_walk(self, site: DemoSite, now: datetime) -> None:
        zones = sorted(
            (z for z in site.zones if z.detector_type in INTRUSION_DETECTORS), key=lambda z: z.number
        )
        if not zones:
            return self._technical(site, now)
        # A path of at least two zones when the site has them: one trip alone is not a walk.
        start = self._rng.randrange(max(1, len(zones) - 1))
        path = zones[start : start + self._rng.randint(2, 4)]
        at = now
        for index, zone in enumerate(path):
            self._schedule(
                site,
                "entry" if index == 0 and zone.detector_type is DetectorType.DOOR_CONTACT else "intrusion",
                at,
                zone,
            )
            at += timedelta(seconds=self._rng.uniform(2.0, 6.0))
        return None

    def _fire(self, site: DemoSite, now: datetime) -> None:
        zone = self._pick(site, {DetectorType.SMOKE, DetectorType.HEAT})
        heat = zone is not None and zone.detector_type is DetectorType.HEAT
        self._schedule(site, "heat" if heat else "fire", now, zone)

    def _panic(self, site: DemoSite, now: datetime) -> None:
        self._schedule(site, "panic", now, self._pick(site, {DetectorType.PANIC_BUTTON}))

    def _duress(self, site: DemoSite, now: datetime) -> None:
        self._schedule(site, "duress", now, self._pick(site, {DetectorType.KEYPAD}))

    def _technical(self, site: DemoSite, now: datetime) -> None:
        kind = self._rng.choice(["ac_loss", "low_battery", "tamper", "water"])
        detectors = {DetectorType.WATER_LEAK} if kind == "water" else set()
        self._schedule(site, kind, now, self._pick(site, detectors) if detectors else None)
        if kind == "ac_loss":  # mains back a little later: a restore joins the alarm
            self._schedule(site, kind, now + timedelta(seconds=self._rng.uniform(20, 60)), None, restore=True)

    def _periodic_test(self, site: DemoSite, now: datetime) -> None:
        self._schedule(site, "periodic_test", now, None)

    def _opening_closing(self, site: DemoSite, now: datetime) -> None:
        opening = self._rng.random() < 0.5
        self._schedule(
            site,
            "opening" if opening else "closing",
            now,
            None,
            user=self._rng.randint(1, 8),
            restore=not opening,
        )

    # --- helpers --------------------------------------------------------------------------

    def _pick(self, site: DemoSite, kinds: set[DetectorType]) -> DemoZone | None:
        matching = [z for z in site.zones if z.detector_type in kinds]
        return self._rng.choice(matching) if matching else None

    def _schedule(
        self,
        site: DemoSite,
        kind: str,
        at: datetime,
        zone: DemoZone | None,
        *,
        restore: bool = False,
        user: int | None = None,
    ) -> None:
        cid_code, sia_code = _CODES[kind]
        zone_number = zone.number if zone else (user or 0)
        sequence = next(self._sequence) % 10000 or 1
        if site.protocol == "SIA-DCS":
            code = sia_code
            if restore and sia_code.endswith(("A", "T")):
                code = sia_code[0] + "R"
            signal = sia_signal(
                received_at=at,
                account=site.account,
                code=code,
                zone=zone_number or None,
                line=site.line,
                sequence=sequence,
                raw=f'"SIA-DCS"{sequence:04d}L{site.line}#{site.account}[#{site.account}|N{code}{zone_number}]',
            )
        else:
            qualifier = 3 if restore else 1
            signal = contact_id_signal(
                received_at=at,
                account=site.account,
                qualifier=qualifier,
                code=cid_code,
                partition=1,
                zone=zone_number,
                line=site.line,
                sequence=sequence,
                raw=f'"ADM-CID"{sequence:04d}L{site.line}#{site.account}'
                f"[#{site.account}|{qualifier}{cid_code:03d} 01 {zone_number:03d}]",
            )
        heapq.heappush(self._queue, (at, next(self._order), signal))
