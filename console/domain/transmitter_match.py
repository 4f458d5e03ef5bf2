"""Which registered transmitter a message belongs to, from its account and DC-09 line (L field).

Two customers' panels may share an account number on different lines (the L field is the
account prefix of DC-09), so a message is matched on (account, line). Panels that omit L, and
transmitters registered without a line, still have to be found. One rule, used by the receiver
(which AES key decrypts a frame, whether a plain frame is refused) and by the placement (which
site an alarm belongs to), so that both always agree on who sent a message:

1. the transmitter of that account registered with exactly that line;
2. else the one of that account registered without a line ("any line");
3. else, when the account has a single transmitter whatever its line, that one;
4. else none: the message is of an unknown account.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def pick_transmitter(candidates: Sequence[T], line: str, line_of: Callable[[T], str]) -> T | None:
    """The candidate (all registered for the message's account) that the message comes from."""
    for candidate in candidates:
        if line_of(candidate) == line:
            return candidate
    for candidate in candidates:
        if line_of(candidate) == "":
            return candidate
    return candidates[0] if len(candidates) == 1 else None
