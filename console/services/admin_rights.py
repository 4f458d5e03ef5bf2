"""Who may administer what: admins everything, supervisors the sections the station allows them.

A station decides how far its supervisors go (console.ini `[admin] supervisors`, read by the app): by
default they keep the call lists and procedures up to date, which customers ask for at any hour, while
sites and transmitters (accounts, AES keys) stay with the admins. Operators administer nothing: the window
is not offered to them, and the services refuse (and journal) whatever an operator's session asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from console.domain.alarm import Operator, Role


class Section(StrEnum):
    SITES = "sites"
    TRANSMITTERS = "transmitters"
    CONTACTS = "contacts"
    PROCEDURES = "procedures"


SUPERVISORS_BY_DEFAULT = frozenset({Section.CONTACTS, Section.PROCEDURES})


@dataclass(frozen=True, slots=True)
class AdminRights:
    supervisors: frozenset[Section] = SUPERVISORS_BY_DEFAULT

    @classmethod
    def parse(cls, text: str) -> AdminRights:
        """ "contacts, procedures" (any of sites, transmitters, contacts, procedures; "none" for none)."""
        words = {w.strip().lower() for w in text.replace(";", ",").split(",") if w.strip()} - {"none"}
        unknown = words - {s.value for s in Section}
        if unknown:
            raise ValueError(
                f"unknown administration section(s) {', '.join(sorted(unknown))}: "
                f"use {', '.join(s.value for s in Section)} or none"
            )
        return cls(frozenset(Section(w) for w in words))

    def allows(self, operator: Operator, section: Section) -> bool:
        return operator.role is Role.ADMIN or (
            operator.role is Role.SUPERVISOR and section in self.supervisors
        )

    def may_open(self, operator: Operator) -> bool:
        """The window is offered (and its lists read) to whoever may change at least one section."""
        return any(self.allows(operator, section) for section in Section)


class AdminError(Exception):
    """A change refused for a reason that is not one field's value; `code` is worded by the window."""

    def __init__(self, code: str, message: str, **params: str) -> None:
        super().__init__(message)
        self.code = code
        self.params = params
