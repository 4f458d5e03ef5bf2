"""A site as the administration window edits it: every stored field, secrets only as "set" or "not set".

Read by the administration service and shown by its window; a sheet never holds a key, a hash or a word.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from console.domain.priority import EventCategory
from console.domain.site_fields import StepDraft


@dataclass(frozen=True, slots=True)
class SiteSummary:
    """One line of the administration's list of sites."""

    id: int
    code: str
    name: str
    city: str = ""
    archived: bool = False
    open_alarms: int = 0


@dataclass(frozen=True, slots=True)
class TransmitterSheet:
    id: int
    values: Mapping[str, Any]  # the transmitter fields of site_fields, without the key
    has_key: bool = False


@dataclass(frozen=True, slots=True)
class ContactSheet:
    id: int
    rank: int
    values: Mapping[str, Any]  # the contact fields of site_fields, without the secrets
    has_password: bool = False
    has_duress_word: bool = False


@dataclass(frozen=True, slots=True)
class ProcedureSheet:
    id: int
    category: EventCategory
    title: str
    steps: tuple[StepDraft, ...] = ()  # each with its stored id


@dataclass(frozen=True, slots=True)
class SiteSheet:
    id: int
    values: Mapping[str, Any]  # the site fields of site_fields
    archived_at: datetime | None = None
    open_alarms: int = 0
    transmitters: tuple[TransmitterSheet, ...] = ()
    contacts: tuple[ContactSheet, ...] = ()  # the call list, in order (archived contacts left out)
    procedures: tuple[ProcedureSheet, ...] = field(default=())

    @property
    def code(self) -> str:
        return str(self.values.get("code", ""))

    def procedure(self, category: EventCategory) -> ProcedureSheet | None:
        return next((p for p in self.procedures if p.category is category), None)
