"""The SIP engine against real SIPp peers: audio both ways and recorded, DTMF, transfer, hang-ups, limits."""

from __future__ import annotations

import socket
import time
import wave
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from console.domain.calls import CallDirection, CallEnd, CallEventKind
from console.telephony.errors import PhoneError
from console.telephony.tone import measure_tone, read_wav_samples, samples_of, tone_segments
from tests.sipp import SCENARIOS, pump_until, start_sipp

TONE_HZ = 1000


@dataclass
class Heard:
    """Everything the engine reported, in order, per call handle."""

    created: dict[int, tuple[CallDirection, str]] = field(default_factory=dict)
    events: list[tuple[int, CallEventKind, str]] = field(default_factory=list)
    ended: dict[int, tuple[CallEnd, str]] = field(default_factory=dict)
    recordings: dict[int, Path] = field(default_factory=dict)
    final: set[int] = field(default_factory=set)
    dtmf: list[tuple[int, str]] = field(default_factory=list)
    errors: list[tuple[int | None, str]] = field(default_factory=list)

    def call_created(
        self, handle: int, direction: CallDirection, uri: str, at: datetime, tag: object
    ) -> None:
        self.created[handle] = (direction, uri)

    def call_event(self, handle: int, kind: CallEventKind, at: datetime, detail: str) -> None:
        self.events.append((handle, kind, detail))

    def call_ended(self, handle: int, end: CallEnd, at: datetime, reason: str) -> None:
        self.ended[handle] = (end, reason)

    def recording_started(self, handle: int, path: Path) -> None:
        self.recordings[handle] = path

    def recording_final(self, handle: int, path: Path) -> None:
        self.final.add(handle)

    def dtmf_received(self, handle: int, digit: str) -> None:
        self.dtmf.append((handle, digit))

    def registration_changed(self, state: Any, detail: str) -> None:
        pass

    def phone_error(self, handle: int | None, message: str) -> None:
        self.errors.append((handle, message))

    def kinds(self, handle: int) -> list[CallEventKind]:
        return [kind for h, kind, _ in self.events if h == handle]


@pytest.fixture
def heard(phone_bridge: Any) -> Iterator[Heard]:
    listener = Heard()
    phone_bridge.add_listener(listener)
    yield listener
    phone_bridge.remove_listener(listener)
    for call in phone_bridge.calls():  # a failed test must not leave calls to the next one
        try:
            phone_bridge.hangup(call.handle)
        except PhoneError:
            pass
    pump_until(phone_bridge, lambda: not phone_bridge.calls(), timeout=5)


def answered(phone_bridge: Any, heard: Heard, handle: int) -> bool:
    return pump_until(phone_bridge, lambda: CallEventKind.ANSWERED in heard.kinds(handle))


def test_callback_to_an_echo_records_the_tone_sent_and_hears_it_back(
    phone_bridge: Any, heard: Heard, tmp_path: Path
) -> None:
    peer = start_sipp(tmp_path, ["-sn", "uas"], extra=["-rtp_echo"])
    handle = phone_bridge.place_call(peer.uri)
    phone_bridge.engine.capture_far_end(handle)
    assert answered(phone_bridge, heard, handle)
    assert pump_until(phone_bridge, lambda: phone_bridge.engine.call(handle).audio is not None)
    phone_bridge.engine.play_tone(handle, TONE_HZ)
    pump_until(phone_bridge, lambda: False, timeout=2.0)
    level = phone_bridge.far_end_level_dbfs(handle)
    echoed = phone_bridge.engine.far_end_capture(handle)
    phone_bridge.hangup(handle)
    assert pump_until(phone_bridge, lambda: handle in heard.final)
    assert peer.wait() == 0, peer.output()

    # What came back from the far end alone (not the local mix): the tone, through SIPp's echo.
    assert len(echoed) > 48000  # 1.5 s at least
    back = measure_tone(samples_of(echoed[-32000:]), 16000)
    assert abs(back.frequency_hz - TONE_HZ) <= 10
    assert back.level_dbfs > -30
    assert level > -30  # the bridge's own meter of the far end (the level meter's source) agrees
    assert heard.ended[handle][0] is CallEnd.COMPLETED
    assert heard.kinds(handle)[:3] == [CallEventKind.CREATED, CallEventKind.RINGING, CallEventKind.ANSWERED]

    # The recording is a valid WAV holding the tone.
    recording = heard.recordings[handle]
    with wave.open(str(recording), "rb") as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (16000, 1, 2)
        assert wav.getnframes() > 16000
    samples, rate = read_wav_samples(recording, start_s=0.5, length_s=0.5)
    recorded = measure_tone(samples, rate)
    assert abs(recorded.frequency_hz - TONE_HZ) <= 10
    assert recorded.tone_share > 0.9


def test_without_an_echo_nothing_comes_back(phone_bridge: Any, heard: Heard, tmp_path: Path) -> None:
    """The counter-test of the echo: a peer that sends nothing gives silence on the far-end side."""
    peer = start_sipp(tmp_path, ["-sn", "uas"])
    handle = phone_bridge.place_call(peer.uri)
    phone_bridge.engine.capture_far_end(handle)
    assert answered(phone_bridge, heard, handle)
    assert pump_until(phone_bridge, lambda: phone_bridge.engine.call(handle).audio is not None)
    phone_bridge.engine.play_tone(handle, TONE_HZ)
    pump_until(phone_bridge, lambda: False, timeout=1.0)
    level = phone_bridge.far_end_level_dbfs(handle)
    echoed = phone_bridge.engine.far_end_capture(handle)
    phone_bridge.hangup(handle)
    assert pump_until(phone_bridge, lambda: handle in heard.ended)
    peer.wait()
    assert len(echoed) > 16000  # the capture ran: what it holds is silence
    assert measure_tone(samples_of(echoed), 16000).level_dbfs < -50
    assert level < -50


def rfc2833_digits(sock: socket.socket, until: float) -> str:
    """Digits in the RTP telephone-events (payload type 101) received on `sock`, one per event."""
    digits: dict[int, str] = {}  # RTP timestamp -> digit: an event is sent several times
    sock.settimeout(0.05)
    while time.monotonic() < until:
        try:
            packet = sock.recv(2048)
        except TimeoutError:
            continue
        if len(packet) >= 16 and packet[1] & 0x7F == 101:
            timestamp = int.from_bytes(packet[4:8], "big")
            digits.setdefault(timestamp, "0123456789*#ABCD"[packet[12]])
    return "".join(digits[t] for t in sorted(digits))


def test_rfc2833_digits_reach_the_far_end_as_rtp_events(
    phone_bridge: Any, heard: Heard, tmp_path: Path
) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as media:
        media.bind(("127.0.0.1", 0))
        port = media.getsockname()[1]
        peer = start_sipp(
            tmp_path, ["-sf", str(SCENARIOS / "uas_media_to_port.xml")], extra=["-set", "rtpport", str(port)]
        )
        handle = phone_bridge.place_call(peer.uri)
        assert answered(phone_bridge, heard, handle)
        phone_bridge.send_dtmf(handle, "19#")
        deadline = time.monotonic() + 3
        received = ""
        while time.monotonic() < deadline and len(received) < 3:
            pump_until(phone_bridge, lambda: False, timeout=0.2)
            received += rfc2833_digits(media, time.monotonic() + 0.2)
    assert received == "19#"
    assert (handle, CallEventKind.DTMF, "19# (rfc2833)") in heard.events
    phone_bridge.hangup(handle)
    assert pump_until(phone_bridge, lambda: handle in heard.ended)
    assert peer.wait() == 0, peer.output()


def test_sip_info_dtmf_and_blind_transfer_are_seen_by_the_peer(
    phone_bridge: Any, heard: Heard, tmp_path: Path
) -> None:
    peer = start_sipp(tmp_path, ["-sf", str(SCENARIOS / "uas_dtmf_transfer.xml")])
    handle = phone_bridge.place_call(peer.uri)
    assert answered(phone_bridge, heard, handle)
    phone_bridge.send_dtmf(handle, "7", method="info")
    pump_until(phone_bridge, lambda: False, timeout=0.3)
    phone_bridge.transfer(handle, "sip:guards@example.test")
    assert pump_until(phone_bridge, lambda: handle in heard.ended)
    assert peer.wait() == 0, peer.output() + peer.message_log()  # INFO Signal=7, REFER to the target, BYE
    assert heard.ended[handle] == (CallEnd.TRANSFERRED, "to sip:guards@example.test")
    assert (handle, CallEventKind.TRANSFERRED, "sip:guards@example.test") in heard.events


def test_the_far_end_hanging_up_mid_call_closes_the_call_and_its_recording(
    phone_bridge: Any, heard: Heard, tmp_path: Path
) -> None:
    peer = start_sipp(tmp_path, ["-sf", str(SCENARIOS / "uas_hangs_up.xml")])
    handle = phone_bridge.place_call(peer.uri)
    assert answered(phone_bridge, heard, handle)
    assert pump_until(phone_bridge, lambda: handle in heard.final)
    assert peer.wait() == 0, peer.output()
    assert heard.ended[handle][0] is CallEnd.COMPLETED
    assert not phone_bridge.engine.calls
    with wave.open(str(heard.recordings[handle]), "rb") as wav:  # header written: the file is final
        assert 1.0 <= wav.getnframes() / wav.getframerate() <= 3.0


def test_a_busy_peer_ends_the_call_busy(phone_bridge: Any, heard: Heard, tmp_path: Path) -> None:
    peer = start_sipp(tmp_path, ["-sf", str(SCENARIOS / "uas_busy.xml")])
    handle = phone_bridge.place_call(peer.uri)
    assert pump_until(phone_bridge, lambda: handle in heard.ended)
    peer.wait()
    assert heard.ended[handle] == (CallEnd.BUSY, "486 Busy Here")
    assert handle not in heard.recordings


def test_an_unreachable_peer_ends_the_call_with_its_reason(phone_bridge: Any, heard: Heard) -> None:
    from tests.sipp import free_udp_port

    port = free_udp_port()  # nothing listens on TCP there either: connection refused
    handle = phone_bridge.place_call(f"sip:nobody@127.0.0.1:{port};transport=tcp")
    assert pump_until(phone_bridge, lambda: handle in heard.ended)
    end, reason = heard.ended[handle]
    assert end is CallEnd.UNREACHABLE
    assert reason  # the SIP status and its text, for the operator and the record


def test_a_fifth_simultaneous_call_is_refused_with_a_clear_message(
    phone_bridge: Any, heard: Heard, tmp_path: Path
) -> None:
    peers = [start_sipp(tmp_path / f"peer{i}", ["-sn", "uas"]) for i in range(4)]
    handles = [phone_bridge.place_call(peer.uri) for peer in peers]
    assert pump_until(phone_bridge, lambda: all(CallEventKind.ANSWERED in heard.kinds(h) for h in handles))
    fifth = start_sipp(tmp_path / "peer5", ["-sn", "uas"])
    with pytest.raises(PhoneError, match="4 calls are already in progress"):
        phone_bridge.place_call(fifth.uri)
    refused = max(heard.created)
    assert heard.ended[refused][0] is CallEnd.REFUSED
    assert "4 calls are already in progress" in heard.ended[refused][1]
    for handle in handles:
        phone_bridge.hangup(handle)
    assert pump_until(phone_bridge, lambda: all(h in heard.ended for h in handles))
    for peer in peers:
        assert peer.wait() == 0
    fifth.stop()


def test_a_tone_recorded_for_seconds_has_no_gaps(phone_bridge: Any, heard: Heard, tmp_path: Path) -> None:
    peer = start_sipp(tmp_path, ["-sn", "uas"])
    handle = phone_bridge.place_call(peer.uri)
    assert answered(phone_bridge, heard, handle)
    assert pump_until(phone_bridge, lambda: phone_bridge.engine.call(handle).audio is not None)
    phone_bridge.engine.play_tone(handle, TONE_HZ)
    pump_until(phone_bridge, lambda: False, timeout=3.0)
    phone_bridge.engine.stop_tone(handle)
    phone_bridge.hangup(handle)
    assert pump_until(phone_bridge, lambda: handle in heard.final)
    peer.wait()
    samples, rate = read_wav_samples(heard.recordings[handle])
    windows = tone_segments(samples, rate, TONE_HZ)
    first = windows.index(True)
    last = len(windows) - 1 - windows[::-1].index(True)
    assert last - first >= 100  # at least 2 s of tone
    assert all(windows[first : last + 1]), "a gap in the recorded tone"


def test_hold_and_resume_are_re_invites_the_peer_checks(
    phone_bridge: Any, heard: Heard, tmp_path: Path
) -> None:
    peer = start_sipp(tmp_path, ["-sf", str(SCENARIOS / "uas_hold_resume.xml")])
    handle = phone_bridge.place_call(peer.uri)
    assert answered(phone_bridge, heard, handle)
    phone_bridge.hold(handle)
    assert phone_bridge.engine.call(handle).held
    pump_until(phone_bridge, lambda: False, timeout=0.5)
    phone_bridge.resume(handle)
    pump_until(phone_bridge, lambda: False, timeout=0.5)
    phone_bridge.hangup(handle)
    assert pump_until(phone_bridge, lambda: handle in heard.ended)
    assert peer.wait() == 0, peer.output() + peer.message_log()  # sendonly, then sendrecv, then BYE
    kinds = heard.kinds(handle)
    assert kinds.index(CallEventKind.HELD) < kinds.index(CallEventKind.RESUMED)
    assert heard.ended[handle][0] is CallEnd.COMPLETED


def test_a_full_disk_is_reported_and_the_call_goes_on_unrecorded(
    phone_bridge: Any, heard: Heard, tmp_path: Path
) -> None:
    import dataclasses
    import shutil

    engine = phone_bridge.engine
    saved = engine.settings
    free = shutil.disk_usage(saved.recordings_dir).free
    engine.settings = dataclasses.replace(saved, min_free_bytes=free + 10**12)  # "full" for the console
    try:
        peer = start_sipp(tmp_path, ["-sn", "uas"])
        handle = phone_bridge.place_call(peer.uri)
        assert answered(phone_bridge, heard, handle)
        assert pump_until(phone_bridge, lambda: CallEventKind.RECORDING_FAULT in heard.kinds(handle))
        phone_bridge.hangup(handle)
        assert pump_until(phone_bridge, lambda: handle in heard.ended)
        peer.wait()
    finally:
        engine.settings = saved
    fault = next(
        detail for h, kind, detail in heard.events if h == handle and kind is CallEventKind.RECORDING_FAULT
    )
    assert fault.startswith("disk full")
    assert any(h == handle and message.startswith("disk full") for h, message in heard.errors)
    assert handle not in heard.recordings
    assert heard.ended[handle][0] is CallEnd.COMPLETED  # the call itself was not cut


def test_a_disk_filling_up_during_a_recorded_call_is_reported_once(
    phone_bridge: Any, heard: Heard, tmp_path: Path
) -> None:
    import dataclasses
    import shutil

    engine = phone_bridge.engine
    saved = engine.settings
    peer = start_sipp(tmp_path, ["-sn", "uas"])
    handle = phone_bridge.place_call(peer.uri)
    assert pump_until(phone_bridge, lambda: handle in heard.recordings)
    free = shutil.disk_usage(saved.recordings_dir).free
    engine.settings = dataclasses.replace(saved, min_free_bytes=free + 10**12)
    try:
        engine._next_disk_check = 0.0  # the check runs every 5 s: now
        assert pump_until(phone_bridge, lambda: CallEventKind.RECORDING_FAULT in heard.kinds(handle))
        engine._next_disk_check = 0.0
        pump_until(phone_bridge, lambda: False, timeout=0.2)
    finally:
        engine.settings = saved
    phone_bridge.hangup(handle)
    assert pump_until(phone_bridge, lambda: handle in heard.final)
    peer.wait()
    assert heard.kinds(handle).count(CallEventKind.RECORDING_FAULT) == 1
    assert [m for h, m in heard.errors if h == handle] == [heard.errors[-1][1]]
    assert heard.errors[-1][1].startswith("disk almost full")
