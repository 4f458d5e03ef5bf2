"""The telephone's settings in console.ini, read leniently and written back by the settings dialog.

```ini
[phone]
enabled = true              ; false (or VIGIE_PHONE=0 in the environment): no softphone at all
bind_host = 0.0.0.0         ; address the SIP and RTP sockets listen on
sip_port = 5060             ; 0: any free port
transport = udp             ; udp, tcp or tls: the transport of sip_port
public_host =               ; address advertised to the far end (default: bind_host, 127.0.0.1 for 0.0.0.0)
display_name = Vigie
user = console              ; user part of this workstation's URI for direct IP calls
gateway =                   ; host[:port] bare numbers are sent to when there is no PBX
pbx_registrar =             ; sip:pbx.station.local — empty: no registration, direct IP calls only
pbx_user =
pbx_password =              ; sealed with the station key (v1:…); a clear one is sealed at the next start
pbx_domain =                ; default: the registrar's host
pbx_transport = udp
recordings_dir =            ; default: <data folder>/recordings
min_free_mb = 50            ; below this much free space, calls are not recorded and the operator is told
input_device =              ; headset microphone, QAudioDevice id in hex; empty: the system default
output_device =             ; headset earpiece, same

[phone_transfer]            ; blind-transfer targets, in menu order (QSettings array)
size = 2
1\\label = Guard company
1\\target = sip:guards@pbx.station.local
2\\label = Police 17
2\\target = 17              ; a bare number goes through the dial plan
```

A hand-edited file with nonsense falls back to the defaults rather than stopping the console; the
dialog (phone_settings.py) refuses nonsense before it is written.
"""

from __future__ import annotations

import logging
import re
import socket
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSettings

from console.domain.outage import StationKeyError
from console.domain.phone_settings import PhoneForm
from console.paths import data_dir
from console.services.sealing import open_pbx_password, seal_pbx_password
from console.telephony.errors import PhoneError
from console.telephony.settings import PbxAccount, PhoneSettings, SipTransport, registrar_host

log = logging.getLogger(__name__)

GROUP = "phone"
TRANSFER_ARRAY = "phone_transfer"
DEFAULT_MIN_FREE_MB = 50

_SEPARATORS = re.compile(r"[\s.\-()/]")
_DIALABLE = re.compile(r"^\+?[0-9*#]+$")
_IPV4_HOST = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?$")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


class DialError(PhoneError, ValueError):
    """What the operator typed cannot be turned into a SIP address (a PhoneError, like a refused call)."""


@dataclass(frozen=True, slots=True)
class TransferTarget:
    """A blind-transfer destination offered to the operator: a SIP URI or a number for the dial plan."""

    label: str
    target: str


@dataclass(frozen=True, slots=True)
class PhoneConfig:
    """Everything `[phone]` says: the engine's settings plus what the console itself needs."""

    phone: PhoneSettings
    enabled: bool = True
    gateway: str = ""  # host[:port] for bare numbers without a PBX
    input_device: bytes | None = None  # QAudioDevice.id(); None: the system default
    output_device: bytes | None = None
    transfer_targets: tuple[TransferTarget, ...] = field(default_factory=tuple)
    # Whose calls a start-up repairs: each console's own (two consoles on one host need two names).
    workstation: str = field(default_factory=socket.gethostname)
    # Why the PBX password could not be opened or sealed (no station key): shown at the start.
    secret_problem: str = field(default="", compare=False)

    def dial_uri(self, number: str) -> str:
        """The SIP URI to call for what the operator typed (see `dial_uri`)."""
        return dial_uri(number, self.phone.pbx.registrar if self.phone.pbx else None, self.gateway)

    def resolved_transfer_targets(self) -> list[tuple[str, str]]:
        """(label, SIP URI) for each target; one the dial plan cannot place is left out, and logged."""
        resolved = []
        for target in self.transfer_targets:
            try:
                resolved.append((target.label, self.dial_uri(target.target)))
            except DialError as exc:
                log.warning("transfer target %r left out: %s", target.label, exc)
        return resolved


def dial_uri(number: str, registrar: str | None = None, gateway: str = "") -> str:
    """Turn what the operator typed into a SIP URI.

    A SIP URI is kept; `user@host` gets its `sip:`; an IPv4 address (with a port) is called
    directly. A phone number loses its separators (spaces, dots, dashes, brackets) and goes to the
    PBX's registrar host when there is a PBX, else to the configured gateway. Raises `DialError`
    with a message for the operator when none of that applies.
    """
    text = number.strip()
    if not text:
        raise DialError("nothing to dial")
    if text.lower().startswith(("sip:", "sips:")):
        return text
    if "@" in text:
        return f"sip:{text}"
    if _IPV4_HOST.match(text):
        return f"sip:{text}"
    digits = _SEPARATORS.sub("", text)
    if not _DIALABLE.match(digits):
        raise DialError(f"not a phone number or a SIP address: {text}")
    host = registrar_host(registrar) if registrar else gateway.strip()
    if not host:
        raise DialError(
            f"cannot dial {digits}: no PBX and no gateway are configured (Settings > Telephone); "
            "enter a SIP address such as sip:user@host"
        )
    return f"sip:{digits}@{host}"


def default_recordings_dir() -> Path:
    """Recordings live next to the database unless console.ini says otherwise."""
    return data_dir() / "recordings"


def default_phone_config() -> PhoneConfig:
    return PhoneConfig(PhoneSettings(recordings_dir=default_recordings_dir()))


def phone_form(config: PhoneConfig) -> PhoneForm:
    """The settings as the dialog's form shows them."""
    phone, pbx = config.phone, config.phone.pbx
    return PhoneForm(
        enabled=config.enabled,
        bind_host=phone.bind_host,
        sip_port=str(phone.sip_port),
        public_host=phone.public_host or "",
        display_name=phone.display_name,
        user=phone.user,
        pbx_registrar=pbx.registrar if pbx else "",
        pbx_user=pbx.user if pbx else "",
        pbx_password=pbx.password if pbx else "",
        pbx_domain=pbx.domain if pbx else "",
        gateway=config.gateway,
        transfer=tuple((target.label, target.target) for target in config.transfer_targets),
        recordings_dir=str(phone.recordings_dir),
        transport=str(phone.transport),
        pbx_transport=str(pbx.transport if pbx else SipTransport.UDP),
        min_free_mb=phone.min_free_bytes // (1024 * 1024),
        input_device=config.input_device,
        output_device=config.output_device,
    )


def form_config(form: PhoneForm, max_calls: int) -> PhoneConfig:
    """The settings a checked form says (`check_phone_form` empty); max_calls is not in the form."""
    pbx = (
        PbxAccount(
            registrar=form.pbx_registrar,
            user=form.pbx_user,
            password=form.pbx_password,
            domain=form.pbx_domain,
            transport=SipTransport(form.pbx_transport),
        )
        if form.pbx_registrar
        else None
    )
    phone = PhoneSettings(
        recordings_dir=Path(form.recordings_dir).expanduser(),
        bind_host=form.bind_host,
        sip_port=int(form.sip_port),
        public_host=form.public_host or None,
        transport=SipTransport(form.transport),
        display_name=form.display_name,
        user=form.user,
        pbx=pbx,
        max_calls=max_calls,
        min_free_bytes=form.min_free_mb * 1024 * 1024,
    )
    return PhoneConfig(
        phone=phone,
        enabled=form.enabled,
        gateway=form.gateway,
        input_device=form.input_device,
        output_device=form.output_device,
        transfer_targets=tuple(TransferTarget(label, target) for label, target in form.transfer),
    )


def load_phone_settings(settings: QSettings) -> PhoneConfig:
    """`[phone]` and `[phone_transfer]` from console.ini; a missing or unreadable value takes its default."""
    defaults = PhoneSettings(recordings_dir=default_recordings_dir())
    registrar = _text(settings, "pbx_registrar")
    pbx_user = _text(settings, "pbx_user")
    pbx: PbxAccount | None = None
    password, secret_problem = _pbx_password(settings)
    if registrar and pbx_user:
        pbx = PbxAccount(
            registrar=registrar if registrar.lower().startswith("sip") else f"sip:{registrar}",
            user=pbx_user,
            password=password,
            domain=_text(settings, "pbx_domain"),
            transport=_transport(settings, "pbx_transport", SipTransport.UDP),
        )
    elif registrar or pbx_user:
        log.warning("[phone] pbx_registrar and pbx_user go together: no PBX registration")
    recordings = _text(settings, "recordings_dir")
    phone = PhoneSettings(
        recordings_dir=Path(recordings).expanduser() if recordings else defaults.recordings_dir,
        bind_host=_text(settings, "bind_host") or defaults.bind_host,
        sip_port=_int(settings, "sip_port", defaults.sip_port, 0, 65535),
        public_host=_text(settings, "public_host") or None,
        transport=_transport(settings, "transport", defaults.transport),
        display_name=_text(settings, "display_name", default=defaults.display_name),
        user=_text(settings, "user") or defaults.user,
        pbx=pbx,
        min_free_bytes=_int(settings, "min_free_mb", DEFAULT_MIN_FREE_MB, 0, 10_000_000) * 1024 * 1024,
    )
    return PhoneConfig(
        phone=phone,
        enabled=_bool(settings, "enabled", True),
        gateway=_text(settings, "gateway"),
        input_device=_device(settings, "input_device"),
        output_device=_device(settings, "output_device"),
        transfer_targets=_transfer_targets(settings),
        workstation=_text(settings, "workstation") or socket.gethostname(),
        secret_problem=secret_problem,
    )


def _pbx_password(settings: QSettings) -> tuple[str, str]:
    """(password, problem): opened with the station key; one still in clear is sealed in place.
    Without the station key the PBX gets no password (a clear one is used, and left as it is)."""
    stored = _text(settings, "pbx_password", strip=False)
    try:
        password, was_clear = open_pbx_password(stored)
    except StationKeyError as exc:
        log.error("[phone] PBX password not opened: %s", exc)
        return "", f"PBX password not opened: {exc}"
    if was_clear:
        try:
            settings.setValue(f"{GROUP}/pbx_password", seal_pbx_password(password))
            settings.sync()
        except StationKeyError as exc:
            log.warning("[phone] PBX password left in clear in console.ini: %s", exc)
            return password, f"PBX password left in clear in console.ini: {exc}"
    return password, ""


def save_phone_settings(settings: QSettings, config: PhoneConfig) -> None:
    """Write the whole of `[phone]` and `[phone_transfer]`, then sync (read at the next start).
    The PBX password is sealed first: without the station key (StationKeyError) nothing is written."""
    phone = config.phone
    pbx = phone.pbx
    sealed_password = seal_pbx_password(pbx.password) if pbx else ""
    values: dict[str, object] = {
        "enabled": config.enabled,
        "bind_host": phone.bind_host,
        "sip_port": phone.sip_port,
        "transport": str(phone.transport),
        "public_host": phone.public_host or "",
        "display_name": phone.display_name,
        "user": phone.user,
        "gateway": config.gateway,
        "workstation": config.workstation,
        "pbx_registrar": pbx.registrar if pbx else "",
        "pbx_user": pbx.user if pbx else "",
        "pbx_password": sealed_password,
        "pbx_domain": pbx.domain if pbx else "",
        "pbx_transport": str(pbx.transport if pbx else SipTransport.UDP),
        "recordings_dir": str(phone.recordings_dir),
        "min_free_mb": phone.min_free_bytes // (1024 * 1024),
        "input_device": config.input_device.hex() if config.input_device else "",
        "output_device": config.output_device.hex() if config.output_device else "",
    }
    settings.beginGroup(GROUP)
    for key, value in values.items():
        settings.setValue(key, value)
    settings.endGroup()
    settings.remove(TRANSFER_ARRAY)
    settings.beginWriteArray(TRANSFER_ARRAY, len(config.transfer_targets))
    for index, target in enumerate(config.transfer_targets):
        settings.setArrayIndex(index)
        settings.setValue("label", target.label)
        settings.setValue("target", target.target)
    settings.endArray()
    settings.sync()


# --- lenient readers ------------------------------------------------------------------------------


def _raw(settings: QSettings, key: str) -> object:
    return settings.value(f"{GROUP}/{key}")


def _text(settings: QSettings, key: str, default: str = "", strip: bool = True) -> str:
    """A string value; an unquoted hand-edited value with commas comes back from QSettings as a list."""
    value = _raw(settings, key)
    if value is None:
        return default
    text = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return text.strip() if strip else text


def _int(settings: QSettings, key: str, default: int, low: int, high: int) -> int:
    raw = _raw(settings, key)
    try:
        value = int(str(default if raw is None else raw).strip())
    except ValueError:
        log.warning("[phone] %s is not a whole number: default %s", key, default)
        return default
    if not low <= value <= high:
        log.warning("[phone] %s=%s is out of range (%s to %s): default %s", key, value, low, high, default)
        return default
    return value


def _bool(settings: QSettings, key: str, default: bool) -> bool:
    value = _raw(settings, key)
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if value is not None else ""
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return default


def _transport(settings: QSettings, key: str, default: SipTransport) -> SipTransport:
    text = _text(settings, key).lower()
    try:
        return SipTransport(text) if text else default
    except ValueError:
        log.warning("[phone] %s=%s is not udp, tcp or tls: %s", key, text, default)
        return default


def _device(settings: QSettings, key: str) -> bytes | None:
    """A QAudioDevice id stored in hex; empty or unreadable: the system default."""
    text = _text(settings, key)
    if not text:
        return None
    try:
        return bytes.fromhex(text)
    except ValueError:
        log.warning("[phone] %s is not hexadecimal: the system default is used", key)
        return None


def _transfer_targets(settings: QSettings) -> tuple[TransferTarget, ...]:
    targets = []
    size = settings.beginReadArray(TRANSFER_ARRAY)
    for index in range(size):
        settings.setArrayIndex(index)
        label = str(settings.value("label", "") or "").strip()
        target = str(settings.value("target", "") or "").strip()
        if label and target:
            targets.append(TransferTarget(label, target))
    settings.endArray()
    return tuple(targets)
