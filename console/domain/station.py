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
