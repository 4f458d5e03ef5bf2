"""The SIP engine: pjsua2 driven from one thread, calls, their media and their recordings.

The only module (with its media helpers) that imports pjsua2. It is configured to run no threads
of its own: whoever owns it calls `handle_events()` often (the Qt bridge, from a timer), so every
pjsua2 callback runs on that thread. Facts go out through a `PhoneListener` in the station's words
(`CallEventKind`, `CallEnd`); what a call is *for* (its alarm, its contact) is not known here.

Traps this module avoids (see RECIPES.md): one Endpoint per process; media state fires again on
every re-INVITE with a new conference slot, so media are reconnected each time; a recorder's WAV
header is only written a media tick after the recorder is released, so a recording is announced
final ~150 ms later; teardown in a fixed order, or the process aborts.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import shutil
import time
import wave
import weakref
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

import pjsua2 as pj

from console.domain.calls import CallDirection, CallEnd, CallEventKind, end_of_call
from console.telephony.call_media import PhoneCall, RecordingFault
from console.telephony.errors import PhoneError
from console.telephony.settings import PhoneSettings, SipTransport

log = logging.getLogger(__name__)

__all__ = ["PhoneCall", "PhoneError", "PhoneListener", "RegistrationState", "Softphone"]

_RECORDING_SETTLE_S = 0.15  # the WAV header is written one media tick after release
_DISK_CHECK_S = 5.0


class RegistrationState(StrEnum):
    DIRECT = "direct"  # no PBX: direct IP calls only
    REGISTERING = "registering"
    REGISTERED = "registered"
    FAILED = "failed"
    STOPPED = "stopped"


class PhoneListener(Protocol):
    """What the engine reports; called on the thread that calls `handle_events()`."""

    def call_created(
        self, handle: int, direction: CallDirection, remote_uri: str, at: datetime, tag: object
    ) -> None: ...
    def call_event(self, handle: int, kind: CallEventKind, at: datetime, detail: str) -> None: ...
    def call_ended(self, handle: int, end: CallEnd, at: datetime, reason: str) -> None: ...
    def recording_started(self, handle: int, path: Path) -> None: ...
    def recording_final(self, handle: int, path: Path) -> None: ...
    def dtmf_received(self, handle: int, digit: str) -> None: ...
    def registration_changed(self, state: RegistrationState, detail: str) -> None: ...
    def phone_error(self, handle: int | None, message: str) -> None: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


class _SipCall(pj.Call):  # type: ignore[misc]
    """pjsua2's call, forwarding its callbacks to the engine (never letting an exception out)."""

    def __init__(self, engine: Softphone, account: pj.Account, call_id: int = pj.PJSUA_INVALID_ID) -> None:
        super().__init__(account, call_id)
        self.engine = engine
        self.handle = 0

    def onCallState(self, prm: pj.OnCallStateParam) -> None:
        self.engine._guarded(self.engine._on_call_state, self)

    def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:
        self.engine._guarded(self.engine._on_media_state, self)

    def onDtmfDigit(self, prm: pj.OnDtmfDigitParam) -> None:
        self.engine._guarded(self.engine._on_dtmf, self, str(prm.digit))

    def onCallTransferStatus(self, prm: pj.OnCallTransferStatusParam) -> None:
        prm.cont = prm.statusCode < 200  # no more notifications once the transfer is settled
        self.engine._guarded(self.engine._on_transfer_status, self, int(prm.statusCode), str(prm.reason))


class _StationAccount(pj.Account):  # type: ignore[misc]
    def __init__(self, engine: Softphone) -> None:
        super().__init__()
        self.engine = engine

    def onIncomingCall(self, prm: pj.OnIncomingCallParam) -> None:
        self.engine._guarded(self.engine._on_incoming_call, self, int(prm.callId))

    def onRegState(self, prm: pj.OnRegStateParam) -> None:
        self.engine._guarded(self.engine._on_reg_state, int(prm.code), str(prm.reason), int(prm.expiration))


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    """pjlib prints a few lines on fd 1 before any log setting applies: keep stdout clean for JSON."""
    saved = os.dup(1)
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


class Softphone:
    """One per process. `start()`, then `handle_events()` every 10-20 ms, then `shutdown()`."""

    _started_in_process = False

    def __init__(self, settings: PhoneSettings, listener: PhoneListener) -> None:
        self.settings = settings
        self._listener = listener
        self._ep: Any = None
        self._account: _StationAccount | None = None
        self._transports: dict[SipTransport, int] = {}
        self._calls: dict[int, PhoneCall] = {}
        self._next_handle = 1
        self._dead: list[PhoneCall] = []
        self._pending_final: list[tuple[float, int, Path]] = []
        self._headset: Any = None
        self._next_disk_check = 0.0
        self._capture_wanted: set[int] = set()
        self._stopping = False  # calls cut by the console's own stop end "interrupted"
        self._scrap_later: list[Path] = []  # far-end captures, deleted once read or at shutdown
        # Every pjsua2 Call made, weakly: one still referenced at shutdown (a traceback, a test)
        # would be destroyed after libDestroy and abort the process, so it is disowned first.
        self._sip_calls: weakref.WeakSet[_SipCall] = weakref.WeakSet()
        self.registration = RegistrationState.STOPPED
        self.sip_port = 0
        self._contact_host = ""

    # -- life cycle ---------------------------------------------------------------------------

    def start(self) -> None:
        if Softphone._started_in_process:
            raise PhoneError("the SIP engine can be started only once per process")
        Softphone._started_in_process = True
        self.settings.recordings_dir.mkdir(parents=True, exist_ok=True)
        ep = pj.Endpoint()
        with _quiet_stdout():
            ep.libCreate()
            cfg = pj.EpConfig()
            cfg.uaConfig.threadCnt = 0
            cfg.uaConfig.mainThreadOnly = True
            cfg.uaConfig.maxCalls = self.settings.max_calls
            cfg.uaConfig.userAgent = "Vigie"
            cfg.logConfig.level = 0
            cfg.logConfig.consoleLevel = 0
            cfg.logConfig.msgLogging = 0
            cfg.medConfig.noVad = True  # a continuous stream: silence is recorded as silence
            ep.libInit(cfg)
        self._ep = ep
        ep.audDevManager().setNullDev()
        self._create_transports()
        ep.libStart()
        self._create_account()

    def _create_transports(self) -> None:
        wanted = {SipTransport.UDP, SipTransport.TCP, self.settings.transport}
        if self.settings.pbx is not None:
            wanted.add(self.settings.pbx.transport)
        kinds = {
            SipTransport.UDP: pj.PJSIP_TRANSPORT_UDP,
            SipTransport.TCP: pj.PJSIP_TRANSPORT_TCP,
            SipTransport.TLS: pj.PJSIP_TRANSPORT_TLS,
        }
        for kind in (SipTransport.UDP, SipTransport.TCP, SipTransport.TLS):
            if kind not in wanted:
                continue
            tcfg = pj.TransportConfig()
            tcfg.port = self.settings.sip_port if kind is self.settings.transport else 0
            tcfg.boundAddress = "" if self.settings.bind_host == "0.0.0.0" else self.settings.bind_host
            tcfg.publicAddress = self.settings.advertised_host or ""
            try:
                self._transports[kind] = self._ep.transportCreate(kinds[kind], tcfg)
            except pj.Error as exc:
                if kind is self.settings.transport:
                    raise PhoneError(
                        f"cannot listen for SIP on {kind} port {tcfg.port}: {exc.reason}"
                    ) from exc
                log.warning("no %s transport: %s", kind, exc.reason)
        main = self._transports[self.settings.transport]
        host, _, port = str(self._ep.transportGetInfo(main).localName).rpartition(":")
        self.sip_port = int(port)
        self._contact_host = self.settings.advertised_host or host

    def _create_account(self) -> None:
        acfg = pj.AccountConfig()
        pbx = self.settings.pbx
        media = acfg.mediaConfig.transportConfig
        media.boundAddress = "" if self.settings.bind_host == "0.0.0.0" else self.settings.bind_host
        media.publicAddress = self.settings.advertised_host or ""
        if pbx is None:
            acfg.idUri = f'"{self.settings.display_name}" <sip:{self.settings.user}@{self._contact_host}:{self.sip_port}>'
        else:
            suffix = "" if pbx.transport is SipTransport.UDP else f";transport={pbx.transport}"
            acfg.idUri = f'"{self.settings.display_name}" <{pbx.id_uri()}>'
            acfg.regConfig.registrarUri = pbx.registrar + suffix
            acfg.regConfig.retryIntervalSec = 30
            acfg.sipConfig.authCreds.append(pj.AuthCredInfo("digest", "*", pbx.user, 0, pbx.password))
            if pbx.transport in self._transports:
                acfg.sipConfig.transportId = self._transports[pbx.transport]
        account = _StationAccount(self)
        account.create(acfg)
        self._account = account
        if pbx is None:
            self._set_registration(RegistrationState.DIRECT, f"direct IP calls, port {self.sip_port}")
        else:
            self._set_registration(RegistrationState.REGISTERING, pbx.registrar)

    def attach_headset(self, headset_media: Any) -> None:
        """The operator's headset port (see headset.py); None to detach. Live calls are reconnected."""
        for call in self._calls.values():
            call.disconnect()
        self._headset = headset_media
        for call in self._calls.values():
            call.connect(self._headset)

    @property
    def recordings_settling(self) -> int:
        """Recordings released but not yet final (their WAV header comes one media tick later)."""
        return len(self._pending_final)

    def handle_events(self) -> None:
        if self._ep is None:
            return
        self._ep.libHandleEvents(0)
        now = time.monotonic()
        if self._dead:
            for call in self._dead:  # drop the pjsua2 Call objects outside their own callbacks
                call.sip = None
            self._dead.clear()
        if self._pending_final:
            due = [item for item in self._pending_final if item[0] <= now]
            self._pending_final = [item for item in self._pending_final if item[0] > now]
            for _, handle, path in due:
                self._recording_final(handle, path)
        if now >= self._next_disk_check:
            self._next_disk_check = now + _DISK_CHECK_S
            self._check_disk()

    def shutdown(self) -> None:
        """Hang up, finish the recordings, destroy pjsua2 in the order that does not abort."""
        if self._ep is None:
            return
        self._stopping = True
        for call in list(self._calls.values()):
            with contextlib.suppress(PhoneError):
                self.hangup(call.handle)
        deadline = time.monotonic() + 1.0
        while self._calls and time.monotonic() < deadline:
            self.handle_events()
            time.sleep(0.01)
        for call in list(self._calls.values()):  # still not disconnected: let go anyway
            self._release_media(call)
        deadline = time.monotonic() + _RECORDING_SETTLE_S + 0.05
        while time.monotonic() < deadline:
            self._ep.libHandleEvents(0)
            time.sleep(0.01)
        for _, handle, path in self._pending_final:
            self._recording_final(handle, path)
        self._pending_final.clear()
        for scrap in self._scrap_later:
            scrap.unlink(missing_ok=True)
        self._scrap_later.clear()
        for call in [*self._calls.values(), *self._dead]:
            call.sip = None
        self._calls.clear()
        self._dead.clear()
        self._headset = None
        gc.collect()
        for sip in list(self._sip_calls):
            sip.thisown = False  # still referenced elsewhere: leak it rather than abort at exit
        if self._account is not None:
            self._account.shutdown()
            self._account = None
        self._ep.libDestroy(pj.PJSUA_DESTROY_NO_RX_MSG)
        self._ep = None
        self._set_registration(RegistrationState.STOPPED, "")

    # -- requests from the operator -------------------------------------------------------------

    @property
    def calls(self) -> list[PhoneCall]:
        return list(self._calls.values())

    def find(self, handle: int) -> PhoneCall | None:
        """The call if it is still in progress."""
        return self._calls.get(handle)

    def call(self, handle: int) -> PhoneCall:
        found = self._calls.get(handle)
        if found is None:
            raise PhoneError(f"call {handle} is over")
        return found

    def place_call(self, uri: str, tag: object = None) -> int:
        """Dial `uri`; returns the call's handle. A refusal is reported (created, then ended) and raised.

        `tag` is handed back with `call_created` (which fires before this returns): what the call
        is for, as the caller knows it.
        """
        handle = self._new_handle()
        now = utc_now()
        self._tell(lambda listener: listener.call_created(handle, CallDirection.OUTGOING, uri, now, tag))
        if len(self._calls) >= self.settings.max_calls:
            message = f"{self.settings.max_calls} calls are already in progress: hang up or transfer one before placing another"
            self._refuse(handle, message)
            raise PhoneError(message)
        if self._account is None:
            self._refuse(handle, "the telephone is not started")
            raise PhoneError("the telephone is not started")
        sip = _SipCall(self, self._account)
        sip.handle = handle
        self._sip_calls.add(sip)
        call = PhoneCall(handle, CallDirection.OUTGOING, uri, now, sip=sip)
        self._calls[handle] = call
        try:
            sip.makeCall(uri, pj.CallOpParam(True))
        except pj.Error as exc:
            self._calls.pop(handle, None)
            message = f"cannot call {uri}: {exc.reason}"
            self._refuse(handle, message)
            raise PhoneError(message) from exc
        self._tell(lambda listener: listener.call_event(handle, CallEventKind.CREATED, now, uri))
        return handle

    def answer(self, handle: int) -> None:
        call = self.call(handle)
        prm = pj.CallOpParam()
        prm.statusCode = 200
        self._sip_request(call, lambda: call.sip.answer(prm), "answer")

    def hangup(self, handle: int) -> None:
        call = self.call(handle)
        call.hung_up_locally = True
        prm = pj.CallOpParam()
        prm.statusCode = 603 if call.direction is CallDirection.INCOMING and not call.answered else 0
        self._sip_request(call, lambda: call.sip.hangup(prm), "hang up")

    def hold(self, handle: int) -> None:
        call = self.call(handle)
        if call.held:
            return
        self._sip_request(call, lambda: call.sip.setHold(pj.CallOpParam(True)), "hold")
        call.held = True
        call.reconnect(self._headset)
        self._tell(lambda listener: listener.call_event(handle, CallEventKind.HELD, utc_now(), ""))

    def resume(self, handle: int) -> None:
        call = self.call(handle)
        if not call.held:
            return
        prm = pj.CallOpParam(True)
        prm.opt.flag = pj.PJSUA_CALL_UNHOLD
        self._sip_request(call, lambda: call.sip.reinvite(prm), "resume")
        call.held = False
        call.reconnect(self._headset)
        self._tell(lambda listener: listener.call_event(handle, CallEventKind.RESUMED, utc_now(), ""))

    def set_microphone_muted(self, handle: int, muted: bool, kind: CallEventKind | None = None) -> None:
        """Mute (or listen-only) the operator's microphone on this call; the far end is still heard."""
        call = self.call(handle)
        if call.microphone_muted == muted:
            return
        call.microphone_muted = muted
        call.reconnect(self._headset)
        event = kind or (CallEventKind.MUTED if muted else CallEventKind.UNMUTED)
        self._tell(lambda listener: listener.call_event(handle, event, utc_now(), ""))

    def transfer(self, handle: int, target_uri: str) -> None:
        """Blind transfer (REFER); the call ends once the far end accepts it."""
        call = self.call(handle)
        call.transfer_target = target_uri
        self._sip_request(call, lambda: call.sip.xfer(target_uri, pj.CallOpParam(True)), "transfer")

    def send_dtmf(self, handle: int, digits: str, method: str = "rfc2833") -> None:
        """DTMF to an audio module: RFC 2833 events in the RTP stream, or SIP INFO requests."""
        call = self.call(handle)
        if not digits or any(ch not in "0123456789*#ABCD" for ch in digits.upper()):
            raise PhoneError(f"not DTMF digits: {digits!r}")
        prm = pj.CallSendDtmfParam()
        prm.digits = digits.upper()
        prm.method = pj.PJSUA_DTMF_METHOD_SIP_INFO if method == "info" else pj.PJSUA_DTMF_METHOD_RFC2833
        sent_as = method
        try:
            call.sip.sendDtmf(prm)
        except pj.Error as exc:
            if prm.method != pj.PJSUA_DTMF_METHOD_RFC2833:
                raise PhoneError(f"cannot send DTMF on call {handle}: {exc.reason}") from exc
            # The far end did not offer telephone-events: SIP INFO is what it may still understand.
            prm.method = pj.PJSUA_DTMF_METHOD_SIP_INFO
            sent_as = "info, the far end has no RFC 2833"
            self._sip_request(call, lambda: call.sip.sendDtmf(prm), "send DTMF")
        self._tell(
            lambda listener: listener.call_event(
                handle, CallEventKind.DTMF, utc_now(), f"{prm.digits} ({sent_as})"
            )
        )

    def play_tone(self, handle: int, frequency_hz: int) -> None:
        """Send a steady tone into the call (and its recording) until `stop_tone`: the self-test's probe."""
        call = self.call(handle)
        if call.audio is None:
            raise PhoneError("the call has no audio yet")
        self.stop_tone(handle)
        tone = pj.ToneGenerator()
        tone.createToneGenerator()
        desc = pj.ToneDesc()
        desc.freq1 = frequency_hz
        desc.freq2 = 0
        desc.on_msec = 1000  # a short field: a long tone is a looped one
        desc.off_msec = 0
        desc.volume = 0
        tones = pj.ToneDescVector()
        tones.append(desc)
        tone.play(tones, True)
        call.tone = tone
        call.reconnect(self._headset)

    def stop_tone(self, handle: int) -> None:
        call = self.call(handle)
        if call.tone is not None:
            call.disconnect()
            call.tone = None
            call.connect(self._headset)

    # -- pjsua2 callbacks -------------------------------------------------------------------------

    def _on_incoming_call(self, account: _StationAccount, call_id: int) -> None:
        sip = _SipCall(self, account, call_id)
        handle = self._new_handle()
        sip.handle = handle
        self._sip_calls.add(sip)
        info = sip.getInfo()
        now = utc_now()
        call = PhoneCall(handle, CallDirection.INCOMING, str(info.remoteUri), now, sip=sip)
        self._calls[handle] = call
        self._tell(
            lambda listener: listener.call_created(handle, CallDirection.INCOMING, call.remote_uri, now, None)
        )
        self._tell(lambda listener: listener.call_event(handle, CallEventKind.CREATED, now, call.remote_uri))
        prm = pj.CallOpParam()
        prm.statusCode = 180
        sip.answer(prm)

    def _on_call_state(self, sip: _SipCall) -> None:
        call = self._calls.get(sip.handle)
        if call is None or call.ended:
            return
        info = sip.getInfo()
        now = utc_now()
        state = info.state
        if (
            state == pj.PJSIP_INV_STATE_EARLY
            and not call.ringing
            and call.direction is CallDirection.OUTGOING
        ):
            call.ringing = True
            ringing = f"{info.lastStatusCode} {info.lastReason}"
            self._tell(lambda listener: listener.call_event(call.handle, CallEventKind.RINGING, now, ringing))
        elif state == pj.PJSIP_INV_STATE_INCOMING and not call.ringing:
            call.ringing = True
            self._tell(lambda listener: listener.call_event(call.handle, CallEventKind.RINGING, now, ""))
        elif state == pj.PJSIP_INV_STATE_CONFIRMED and not call.answered:
            call.answered = True
            self._tell(lambda listener: listener.call_event(call.handle, CallEventKind.ANSWERED, now, ""))
        elif state == pj.PJSIP_INV_STATE_DISCONNECTED:
            self._finish(call, int(info.lastStatusCode), str(info.lastReason), now)

    def _finish(self, call: PhoneCall, status: int, reason: str, at: datetime) -> None:
        call.ended = True
        self._release_media(call)
        end = end_of_call(status, call.answered, call.hung_up_locally, call.transferred)
        detail = f"{status} {reason}".strip() if status else reason
        if self._stopping and not call.transferred:
            end, detail = CallEnd.INTERRUPTED, "the console was stopped"
        if call.transferred:
            detail = f"to {call.transfer_target}"
        self._calls.pop(call.handle, None)
        self._dead.append(call)
        self._tell(lambda listener: listener.call_ended(call.handle, end, at, detail))

    def _on_media_state(self, sip: _SipCall) -> None:
        call = self._calls.get(sip.handle)
        if call is None:
            return
        call.disconnect()
        call.audio = None
        info = sip.getInfo()
        for media in info.media:
            if media.type == pj.PJMEDIA_TYPE_AUDIO and media.status in (
                pj.PJSUA_CALL_MEDIA_ACTIVE,
                pj.PJSUA_CALL_MEDIA_REMOTE_HOLD,
            ):
                call.audio = sip.getAudioMedia(media.index)
                break
        if call.audio is None:
            return
        if call.far_recorder is None and call.far_path is None and call.handle in self._capture_wanted:
            call.start_capture(self.settings.recordings_dir)
        if call.recorder is None and call.recording_path is None and not call.recording_refused:
            self._start_recording(call)
        call.connect(self._headset)

    def _on_dtmf(self, sip: _SipCall, digit: str) -> None:
        if sip.handle in self._calls:
            self._tell(lambda listener: listener.dtmf_received(sip.handle, digit))

    def _on_transfer_status(self, sip: _SipCall, status: int, reason: str) -> None:
        call = self._calls.get(sip.handle)
        if call is None or status < 200:
            return
        if status < 300:
            call.transferred = True
            target = call.transfer_target
            self._tell(
                lambda listener: listener.call_event(
                    call.handle, CallEventKind.TRANSFERRED, utc_now(), target
                )
            )
            with contextlib.suppress(PhoneError):
                self.hangup(call.handle)
        else:
            refused = f"transfer to {call.transfer_target} refused: {status} {reason}"
            self._tell(lambda listener: listener.phone_error(call.handle, refused))

    def _on_reg_state(self, code: int, reason: str, expiration: int) -> None:
        if 200 <= code < 300 and expiration > 0:
            self._set_registration(RegistrationState.REGISTERED, f"{code} {reason}")
        elif 200 <= code < 300:
            self._set_registration(RegistrationState.STOPPED, "unregistered")
        else:
            self._set_registration(RegistrationState.FAILED, f"{code} {reason}")

    # -- media -----------------------------------------------------------------------------------

    def capture_far_end(self, handle: int) -> None:
        """Keep what the far end of this call sends, alone (self-test, tests): from its media start."""
        self._capture_wanted.add(handle)
        call = self._calls.get(handle)
        if call is not None and call.audio is not None and call.far_recorder is None:
            call.start_capture(self.settings.recordings_dir)
            call.reconnect(self._headset)

    def far_end_capture(self, handle: int) -> bytes:
        """Stop the capture and return its 16-bit PCM (waits the ~150 ms the file needs to be final)."""
        call = self._calls.get(handle)
        if call is None or call.far_path is None:
            return b""
        released = call.far_recorder is not None
        path = call.stop_capture(self._headset)
        if path is None:
            return b""
        if released:
            deadline = time.monotonic() + _RECORDING_SETTLE_S
            while time.monotonic() < deadline:
                self._ep.libHandleEvents(0)
                time.sleep(0.005)
        try:
            with wave.open(str(path), "rb") as wav:
                return wav.readframes(wav.getnframes())
        except (OSError, wave.Error, EOFError):
            return b""
        finally:
            path.unlink(missing_ok=True)

    def _start_recording(self, call: PhoneCall) -> None:
        try:
            path = call.start_recording(self.settings.recordings_dir, self.settings.min_free_bytes)
        except RecordingFault as exc:
            self._recording_fault(call.handle, str(exc))
            return
        self._tell(lambda listener: listener.recording_started(call.handle, path))

    def _check_disk(self) -> None:
        """Warn once per recorded call when the disk fills up during it (recording goes on)."""
        recording = [c for c in self._calls.values() if c.recorder is not None and not c.disk_warned]
        if not recording:
            return
        try:
            free = shutil.disk_usage(self.settings.recordings_dir).free
        except OSError:
            return
        if free < self.settings.min_free_bytes:
            message = f"disk almost full: {free // (1024 * 1024)} MB left for recordings"
            for call in recording:
                call.disk_warned = True
                self._recording_fault(call.handle, message)

    def _recording_final(self, handle: int, path: Path) -> None:
        """The WAV is complete on disk: its fingerprint can be taken."""
        self._tell(lambda listener: listener.recording_final(handle, path))

    def _recording_fault(self, handle: int, message: str) -> None:
        """The call goes on unrecorded: its record and the operator are told."""
        self._tell(
            lambda listener: listener.call_event(handle, CallEventKind.RECORDING_FAULT, utc_now(), message)
        )
        self._tell(lambda listener: listener.phone_error(handle, message))

    def _release_media(self, call: PhoneCall) -> None:
        finished, scrap = call.release()
        if scrap is not None:
            self._scrap_later.append(scrap)
        self._capture_wanted.discard(call.handle)
        if finished is not None:
            self._pending_final.append((time.monotonic() + _RECORDING_SETTLE_S, call.handle, finished))

    # -- plumbing --------------------------------------------------------------------------------

    def _new_handle(self) -> int:
        handle = self._next_handle
        self._next_handle += 1
        return handle

    def _refuse(self, handle: int, message: str) -> None:
        self._tell(lambda listener: listener.call_ended(handle, CallEnd.REFUSED, utc_now(), message))
        self._tell(lambda listener: listener.phone_error(handle, message))

    def _sip_request(self, call: PhoneCall, request: Any, what: str) -> None:
        try:
            request()
        except pj.Error as exc:
            raise PhoneError(f"cannot {what} call {call.handle}: {exc.reason}") from exc

    def _set_registration(self, state: RegistrationState, detail: str) -> None:
        self.registration = state
        self._tell(lambda listener: listener.registration_changed(state, detail))

    def _tell(self, report: Callable[[PhoneListener], None]) -> None:
        """Report to the listener, a typed call of its Protocol; its failure is logged, never raised
        into pjsua2's callback."""
        try:
            report(self._listener)
        except Exception:
            log.exception("phone listener failed")

    def _guarded(self, handler: Any, *args: Any) -> None:
        """Run a pjsua2 callback's work; an exception must not escape (it would keep the Call alive)."""
        try:
            handler(*args)
        except Exception:
            log.exception("telephony callback %s failed", getattr(handler, "__name__", handler))
