"""Hashing of operator passwords and contacts' password / duress words.

scrypt from the standard library: slow on purpose, salted, and no extra dependency. Contacts'
words are compared case- and accent-insensitively because they are spoken over the phone and
typed by the operator.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import unicodedata

_N, _R, _P, _DKLEN = 2**14, 8, 1, 32
# Contacts' words are hashed so nobody reads them off a screen or a dump; they are short spoken
# words, so a lighter cost keeps loading a few hundred contacts quick without weakening much.
_SPOKEN_N = 2**12

MIN_PASSWORD_LENGTH = 10
"""Operators' passwords: long enough that guessing them online (scrypt costs ~45 ms a try) is hopeless."""


def password_problem(password: str, min_length: int = MIN_PASSWORD_LENGTH) -> str | None:
    """Why this new operator password is refused, worded for the person choosing it; None when fine."""
    if len(password) < min_length:
        return f"the password must have at least {min_length} characters"
    if not password.strip():
        return "the password must not be only blanks"
    return None


def secret_cost(stored: str) -> tuple[int, int]:
    """(N, r) of a stored scrypt hash: the work one verification does."""
    scheme, n, r, _salt, _digest = stored.split("$")
    if scheme != "scrypt":
        raise ValueError(f"not a scrypt hash: {scheme}")
    return int(n), int(r)


def normalise_spoken_word(word: str) -> str:
    """Lowercase, strip accents and surrounding blanks: what the operator types may differ so."""
    decomposed = unicodedata.normalize("NFKD", word.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def hash_secret(secret: str, cost: int = _N) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(secret.encode(), salt=salt, n=cost, r=_R, p=_P, dklen=_DKLEN)
    return f"scrypt${cost}${_R}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def verify_secret(secret: str, stored: str | None) -> bool:
    if not stored:
        return False
    try:
        scheme, n, r, salt_b64, digest_b64 = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    salt = base64.b64decode(salt_b64)
    expected = base64.b64decode(digest_b64)
    digest = hashlib.scrypt(secret.encode(), salt=salt, n=int(n), r=int(r), p=_P, dklen=len(expected))
    return hmac.compare_digest(digest, expected)


def hash_spoken_word(word: str) -> str:
    return hash_secret(normalise_spoken_word(word), _SPOKEN_N)


def verify_spoken_word(word: str, stored: str | None) -> bool:
    return verify_secret(normalise_spoken_word(word), stored)
