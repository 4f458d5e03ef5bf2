"""Transmission faults, aggregated: garbage must cost the sender, not the station's disk.

A technician needs to see that a peer sends bad CRCs, and a few of its frames as they came; not
two million rows. Per period, each (peer, kind) keeps its first faults in full and counts the
rest, within an overall budget of full rows; when the period ends, every count becomes one
summary row ("+N more ..."). Rows per period are therefore bounded by the budget plus one
summary per (peer, kind) tracked plus one for whatever went past the table of tracked pairs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from console.receiver.batch import Fault


@dataclass
class _Tally:
    kept: int = 0
    suppressed: int = 0
    first_at: datetime | None = None


class FaultLedger:
    def __init__(
        self,
        clock: Callable[[], datetime],
        period_s: float = 60.0,
        kept_per_peer: int = 10,
        kept_per_period: int = 500,
        max_pairs: int = 1024,
    ) -> None:
        self._clock = clock
        self.period_s = period_s
        self._kept_per_peer = kept_per_peer
        self._kept_per_period = kept_per_period
        self._max_pairs = max_pairs
        self._tallies: dict[tuple[str, str], _Tally] = {}
        self._kept = 0
        self._overflow = 0  # faults of pairs the table had no room for
        self._started: float | None = None
        self.suppressed_total = 0

    def suppressed(self, peer: str, kind: str, at: datetime, now: float, keep: int | None = None) -> bool:
        """Count one more fault of (peer, kind) when it would only be counted anyway; True if so.

        The flood's path: once a pair has its rows in full for the period, a fault costs a lookup
        and an addition, not a Fault built (message, raw text) to be thrown away by `admit`. False:
        call `admit` (a new pair, room left, or the period is over and must roll first).
        """
        if self._started is None or now - self._started >= self.period_s:
            return False
        tally = self._tallies.get((peer, kind))
        if tally is None:
            return False
        limit = self._kept_per_peer if keep is None else keep
        if tally.kept < limit and self._kept < self._kept_per_period:
            return False
        tally.suppressed += 1
        if tally.first_at is None:
            tally.first_at = at
        self.suppressed_total += 1
        return True

    def admit(self, fault: Fault, now: float, keep: int | None = None) -> list[Fault]:
        """What to record for this fault: itself, nothing, and any summaries of a period just ended.

        `keep`: how many of this (peer, kind) to keep in full per period, if not the ledger's default.
        """
        out = self.roll(now)
        key = (fault.peer, fault.kind)
        tally = self._tallies.get(key)
        if tally is None:
            if len(self._tallies) >= self._max_pairs:
                self._overflow += 1
                self.suppressed_total += 1
                return out
            tally = self._tallies[key] = _Tally()
        limit = self._kept_per_peer if keep is None else keep
        if tally.kept < limit and self._kept < self._kept_per_period:
            tally.kept += 1
            self._kept += 1
            out.append(fault)
        else:
            tally.suppressed += 1
            tally.first_at = tally.first_at or fault.at
            self.suppressed_total += 1
        return out

    def roll(self, now: float, force: bool = False) -> list[Fault]:
        """Summaries of the period when it is over (or `force`: when stopping), and a new period."""
        if self._started is None:
            self._started = now
            return []
        if not force and now - self._started < self.period_s:
            return []
        at = self._clock()
        summaries = [
            Fault(
                at=at,
                peer=peer,
                kind=kind,
                detail=f"+{tally.suppressed} more {kind} faults from {peer} since "
                f"{tally.first_at:%H:%M:%S} UTC, not recorded one by one",
            )
            for (peer, kind), tally in self._tallies.items()
            if tally.suppressed and tally.first_at is not None
        ]
        if self._overflow:
            summaries.append(
                Fault(
                    at=at,
                    peer="*",
                    kind="faults_suppressed",
                    detail=f"+{self._overflow} faults from more than {self._max_pairs} peer and kind "
                    f"pairs in {self.period_s:.0f} s, not recorded",
                )
            )
        self._tallies.clear()
        self._kept = 0
        self._overflow = 0
        self._started = now
        return summaries
