"""The PBX password in console.ini, sealed with the station key (console/storage/sealed.py).

For the views, which may not reach the storage layer: console.ini holds `v1:…`, never the
password. A password found in clear (a console.ini written before sealing) is still used, and
the caller writes it back sealed.
"""

from __future__ import annotations

from console.storage.sealed import PBX_PASSWORD_PURPOSE, is_sealed, load_station_key, seal, unseal


def seal_pbx_password(password: str) -> str:
    """What console.ini stores; an empty password stays empty. Raises StationKeyError."""
    return seal(password, PBX_PASSWORD_PURPOSE, load_station_key()) if password else ""


def open_pbx_password(stored: str) -> tuple[str, bool]:
    """(password, True when it was in clear); raises StationKeyError when it cannot be opened."""
    if not stored:
        return "", False
    if not is_sealed(stored):
        return stored, True
    return unseal(stored, PBX_PASSWORD_PURPOSE, load_station_key()), False
