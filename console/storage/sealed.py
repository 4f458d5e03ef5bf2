"""Secrets at rest: transmitters' AES keys and the PBX password, sealed with the station key.

The station key is 32 random bytes kept in a file outside the database (base64, one line, mode
0600), so a copy of the database or of console.ini alone shows no secret. Where it is:
`VIGIE_STATION_KEY` (the file's path) when set, else `station.key` in the data folder
(`console.paths.data_dir`). `vigie db init` creates it; every console and receiver of the
station needs a copy of the same file.

A sealed value is text: `v1:` then the base64 of nonce (12 bytes) | ciphertext | tag (16 bytes),
AES-256-GCM, with what the value is (`purpose`) as associated data, so a sealed value copied into
another column does not open there. Anything without the `v1:` prefix is a legacy clear value:
only migration 0021 (and the reading of an old console.ini, sealed again at once) accept it.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import secrets
import stat
from pathlib import Path

from Crypto.Cipher import AES

from console.domain.outage import StationKeyError
from console.paths import data_dir

log = logging.getLogger(__name__)

ENV_VARIABLE = "VIGIE_STATION_KEY"
KEY_FILE_NAME = "station.key"
VERSION = "v1:"
AES_KEY_PURPOSE = "transmitter.aes_key"
PBX_PASSWORD_PURPOSE = "phone.pbx_password"
SEALED_COLUMN_LENGTH = 200  # a 64-digit hex key sealed is 127 characters
_KEY_BYTES = 32
_NONCE_BYTES = 12
_TAG_BYTES = 16
_HOW_TO_GET_IT = (
    "copy it from the station's server (where `vigie db init` ran) or from its backup, "
    f"or point {ENV_VARIABLE} at it"
)


def station_key_path() -> Path:
    """The documented rule: `VIGIE_STATION_KEY`, else `station.key` in the data folder."""
    override = os.environ.get(ENV_VARIABLE)
    return Path(override).expanduser() if override else data_dir() / KEY_FILE_NAME


def load_station_key(path: Path | None = None) -> bytes:
    """The key's 32 bytes; a missing, unreadable or malformed file is a one-line StationKeyError."""
    path = path or station_key_path()
    try:
        text = path.read_text(encoding="ascii").strip()
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise StationKeyError(f"station key not found at {path}: {_HOW_TO_GET_IT}") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise StationKeyError(f"station key at {path} is unreadable ({reason}): {_HOW_TO_GET_IT}") from None
    try:
        key = base64.b64decode(text, validate=True)
    except binascii.Error:
        key = b""
    if len(key) != _KEY_BYTES:
        raise StationKeyError(f"station key at {path} is not a Vigie station key: {_HOW_TO_GET_IT}")
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning("station key %s is readable by others than its owner: chmod 600 it", path)
    return key


def create_station_key(path: Path | None = None) -> Path:
    """Write a new random key, readable by its owner only; never replaces an existing file."""
    path = path or station_key_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = base64.b64encode(secrets.token_bytes(_KEY_BYTES)).decode("ascii") + "\n"
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise StationKeyError(f"station key at {path} exists already: it is kept") from None
    except OSError as exc:
        raise StationKeyError(f"cannot create the station key at {path}: {exc.strerror or exc}") from None
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())
    return path


def ensure_station_key(path: Path | None = None) -> tuple[bytes, bool]:
    """The key, created first when there is no file (True then); an unreadable one is an error."""
    path = path or station_key_path()
    created = False
    if not path.exists():
        create_station_key(path)
        created = True
    return load_station_key(path), created


def is_sealed(value: str | None) -> bool:
    return value is not None and value.startswith(VERSION)


def seal(plain: str, purpose: str, key: bytes) -> str:
    nonce = secrets.token_bytes(_NONCE_BYTES)
    cipher = AES.new(key, AES.MODE_GCM, nonce=nonce, mac_len=_TAG_BYTES)
    cipher.update(purpose.encode("ascii"))
    ciphertext, tag = cipher.encrypt_and_digest(plain.encode("utf-8"))
    return VERSION + base64.b64encode(nonce + ciphertext + tag).decode("ascii")


def unseal(sealed: str, purpose: str, key: bytes) -> str:
    """The clear text of a `v1:` value; a clear, damaged or foreign value is a StationKeyError."""
    if not is_sealed(sealed):
        raise StationKeyError(f"a {purpose} is stored in clear: run `vigie db init` to seal it")
    try:
        blob = base64.b64decode(sealed[len(VERSION) :], validate=True)
        if len(blob) < _NONCE_BYTES + _TAG_BYTES:
            raise ValueError("too short")
        nonce, ciphertext, tag = blob[:_NONCE_BYTES], blob[_NONCE_BYTES:-_TAG_BYTES], blob[-_TAG_BYTES:]
        cipher = AES.new(key, AES.MODE_GCM, nonce=nonce, mac_len=_TAG_BYTES)
        cipher.update(purpose.encode("ascii"))
        return cipher.decrypt_and_verify(ciphertext, tag).decode("utf-8")
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise StationKeyError(
            f"a {purpose} does not open with the station key at {station_key_path()} "
            "(another station's key, or the value is damaged)"
        ) from None


def seal_aes_key(hex_key: str | None, key: bytes | None = None) -> str | None:
    """What `transmitter.aes_key` stores for a hex key (upper-cased first); None stays None."""
    if not hex_key:
        return None
    return seal(hex_key.upper(), AES_KEY_PURPOSE, key if key is not None else load_station_key())


def unseal_aes_key(stored: str, key: bytes) -> bytes:
    """The AES key's bytes from what `transmitter.aes_key` holds."""
    return bytes.fromhex(unseal(stored, AES_KEY_PURPOSE, key))
