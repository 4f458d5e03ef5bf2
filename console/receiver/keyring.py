"""The receiver's view of the registered transmitters: which key decrypts a frame, which must encrypt.

Keys belong to a transmitter, which DC-09 names by account *and* line (the L field): two panels
may share an account number on different lines, one keyed and one not. A frame is matched to its
transmitter by the station's one rule (`domain.transmitter_match`), so the receiver never decrypts
with, nor refuses a plain frame because of, another customer's key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from console.domain.transmitter_match import pick_transmitter

__all__ = ["Keyring", "Registration"]


@dataclass(frozen=True, slots=True)
class Registration:
    """One registered transmitter as the receiver needs it; `key` None when it sends in clear."""

    account: str
    line: str = ""
    key: bytes | None = None


def _line_of(registration: Registration) -> str:
    return registration.line


class Keyring:
    """Registered transmitters by account; built once per key reload, read for every frame."""

    def __init__(self, registrations: Iterable[Registration] | None = None) -> None:
        """`registrations` None: the sink cannot list them (no keys, every account treated as known)."""
        self.complete = registrations is not None
        self._by_account: dict[str, list[Registration]] = {}
        for registration in registrations or ():
            account = registration.account.upper()
            upper = Registration(account, registration.line.upper(), registration.key)
            self._by_account.setdefault(account, []).append(upper)

    def registration(self, account: str, line: str) -> Registration | None:
        """The transmitter a frame of (account, line) comes from, None when none matches."""
        candidates = self._by_account.get(account.upper())
        if not candidates:
            return None
        return pick_transmitter(candidates, line.upper(), _line_of)

    def key(self, account: str, line: str) -> bytes | None:
        """The AES key of the frame's transmitter (the codec's `KeyLookup`)."""
        registration = self.registration(account, line)
        return None if registration is None else registration.key

    def knows(self, account: str) -> bool:
        """Whether any transmitter has this account (True for every account when not complete)."""
        return not self.complete or account.upper() in self._by_account

    def __len__(self) -> int:
        return sum(len(found) for found in self._by_account.values())
