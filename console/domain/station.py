"""The station's own equipment as the consoles see it (receivers' heartbeats)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ComponentStatus:
    component: str  # "receiver@host"
    state: str  # "ok", "fault", "stopped"
    detail: str
    updated_at: datetime


STRANDED_AFTER_S = 10.0  # a placement files within a second or so; ten seconds of backlog is a fault
INBOX_COMPONENT = "receiver inbox"


def stranded_inbox(count: int, oldest: datetime | None, now: datetime) -> ComponentStatus | None:
    """ACKed signals still not filed into alarms after a while (a receiver killed before its
    placement, a placement process down) as a fault of the station's equipment; None when fine."""
    if count == 0 or oldest is None or (now - oldest).total_seconds() < STRANDED_AFTER_S:
        return None
    detail = f"{count} acknowledged signal(s) not filed into alarms since {oldest:%H:%M:%S} UTC: no placement running?"
    return ComponentStatus(INBOX_COMPONENT, "fault", detail, now)
