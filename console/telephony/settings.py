"""The softphone's settings: where it listens, which PBX it registers to, where recordings go.

Plain values (no pjsua2, no Qt), read from console.ini by the composition root and from the
command line by `vigie selftest`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class SipTransport(StrEnum):
    UDP = "udp"
    TCP = "tcp"
    TLS = "tls"


@dataclass(frozen=True, slots=True)
class PbxAccount:
    """Registration to the station's PBX; without one the softphone places direct IP calls."""

    registrar: str  # "sip:pbx.station.local" (host[:port])
    user: str
    password: str = ""
    domain: str = ""  # defaults to the registrar's host
    transport: SipTransport = SipTransport.UDP

    def id_uri(self) -> str:
        return f"sip:{self.user}@{self.domain or registrar_host(self.registrar)}"


def registrar_host(registrar: str) -> str:
    host = registrar.split(":", 1)[1] if registrar.startswith("sip") else registrar
    return host.split(";", 1)[0]


@dataclass(frozen=True, slots=True)
class PhoneSettings:
    recordings_dir: Path
    bind_host: str = "0.0.0.0"
    sip_port: int = 5060  # 0: any free port (tests, self-test)
    public_host: str | None = None  # address advertised in SDP and Contact; default: bind_host
    transport: SipTransport = SipTransport.UDP
    display_name: str = "Vigie"
    user: str = "console"  # the user part of the station's own URI for direct IP calls
    pbx: PbxAccount | None = None
    max_calls: int = 4
    # Recording stops being promised below this much free space: the operator is told.
    min_free_bytes: int = 50 * 1024 * 1024

    @property
    def advertised_host(self) -> str | None:
        """The address put in Contact and SDP; None lets pjsua pick the host's default interface."""
        if self.public_host:
            return self.public_host
        return None if self.bind_host in ("0.0.0.0", "") else self.bind_host
