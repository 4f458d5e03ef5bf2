"""What the operator needs to know about a monitored site: details, zones, plans, contacts, procedures.

Plain values, read from storage and shown by the site window; nothing here knows how it is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from console.domain.priority import EventCategory
from console.domain.schedule import Schedule, SiteArming
from console.domain.test_mode import SuspensionPeriod


class DetectorType(StrEnum):
    PIR = "pir"
    DUAL_TECH = "dual_tech"
    DOOR_CONTACT = "door_contact"
    GLASS_BREAK = "glass_break"
    SHOCK = "shock"
    SMOKE = "smoke"
    HEAT = "heat"
    PANIC_BUTTON = "panic_button"
    KEYPAD = "keypad"
    WATER_LEAK = "water_leak"
    TECHNICAL = "technical"
    SIREN = "siren"
    BEAM = "beam"


@dataclass(frozen=True, slots=True)
class Site:
    id: int
    code: str
    name: str
    address: str = ""
    postcode: str = ""
    city: str = ""
    latitude: float | None = None
    longitude: float | None = None
    timezone: str = "Europe/Paris"
    risk_class: int | None = None
    accessibility_needs: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Zone:
    id: int
    number: int
    name: str
    detector_type: DetectorType
    plan_id: int | None = None
    x: float | None = None
    y: float | None = None


@dataclass(frozen=True, slots=True)
class FloorPlan:
    id: int
    level: int
    name: str
    media_type: str  # "image/svg+xml", "image/png", ...
    content: bytes


@dataclass(frozen=True, slots=True)
class Contact:
    id: int
    rank: int
    name: str
    role: str = ""
    phones: tuple[str, ...] = ()
    sip_uri: str | None = None
    availability: str = ""
    accessibility_needs: str = ""
    has_password: bool = False
    has_duress_word: bool = False


@dataclass(frozen=True, slots=True)
class ProcedureStep:
    id: int
    rank: int
    text: str
    mandatory: bool = True


@dataclass(frozen=True, slots=True)
class Procedure:
    id: int
    category: EventCategory
    title: str
    steps: tuple[ProcedureStep, ...] = ()


@dataclass(frozen=True, slots=True)
class SiteFile:
    """Everything the site window shows about a site, loaded in one go."""

    site: Site
    zones: tuple[Zone, ...] = ()
    plans: tuple[FloorPlan, ...] = ()
    contacts: tuple[Contact, ...] = ()
    procedures: tuple[Procedure, ...] = ()
    accounts: tuple[str, ...] = ()
    audio_modules: tuple[str, ...] = ()  # SIP URIs of the transmitters' audio modules (listen-in)
    schedule: Schedule | None = None  # opening hours, None when the site has none
    arming: SiteArming | None = None  # last opening or closing heard, None before the first
    suspensions: tuple[SuspensionPeriod, ...] = ()  # test or out-of-service periods not over when read

    def procedure_for(self, category: EventCategory) -> Procedure | None:
        for procedure in self.procedures:
            if procedure.category is category:
                return procedure
        return None

    def zone(self, number: int | None) -> Zone | None:
        return next((z for z in self.zones if z.number == number), None)


@dataclass(frozen=True, slots=True)
class JournalEntry:
    id: int
    at: datetime
    action: str
    detail: str = ""
    operator_login: str | None = None
    alarm_id: int | None = None
    site_id: int | None = None


@dataclass(frozen=True, slots=True)
class SignalRecord:
    """A stored signal as the console shows it (what was received, and where it went)."""

    id: int
    received_at: datetime
    account: str
    protocol: str
    qualifier: str
    event_code: str
    label: str
    category: EventCategory
    zone: int | None = None
    partition: int | None = None
    sequence: int | None = None
    alarm_id: int | None = None
    site_code: str | None = None
    raw: str = ""
    extended: dict[str, str] = field(default_factory=dict)
