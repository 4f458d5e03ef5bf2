"""The operator's headset, end to end: microphone -> call -> SIP echo peer -> call -> earpiece.

Real devices (a private PulseAudio server: a FIFO-fed microphone, a null-sink headset recorded by
parec; tests/telephony/pulse.py) and a real SIP peer (`sipp -rtp_echo`). Each scenario runs in a
subprocess (tests/telephony/headset_probe.py): QtMultimedia must see the PulseAudio server when it
starts, and pjsua2 allows one Endpoint per process. Three scenarios: the tone comes back through a
call (and only through it, and not when muted); a chosen USB headset is unplugged, plugged back and
fails; no sound device at all.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import skip_or_fail
from tests.telephony.pulse import PulseServer, missing_pulse_tools, running_pulse

ROOT = Path(__file__).resolve().parents[2]
TONE_HZ = 700.0


@pytest.fixture
def pulse() -> Iterator[PulseServer]:
    missing = missing_pulse_tools()
    if missing:
        skip_or_fail(f"{missing} is not installed (apt-get install pulseaudio pulseaudio-utils)")
    with running_pulse() as server:
        yield server


def _udp_port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _free_rtp_port() -> int:
    """An even port with the next three free: sipp's echo uses port and port + 2, RTCP the odd ones."""
    for _ in range(50):
        port = _free_udp_port() & ~1
        if 1024 < port < 65530 and all(_udp_port_free(port + i) for i in range(4)):
            return port
    raise RuntimeError("no free even UDP port for RTP")


@pytest.fixture
def echo_peer(tmp_path: Path) -> Iterator[int]:
    """`sipp -sn uas -rtp_echo` on 127.0.0.1, fresh ports; yields its SIP port, killed afterwards."""
    if shutil.which("sipp") is None:
        skip_or_fail("sipp is not installed (apt-get install sip-tester)")
    sip_port, rtp_port = _free_udp_port(), _free_rtp_port()
    # The built-in uas scenario waits for our BYE (so -d does not apply) and then lingers 4 s: we end it.
    command = [
        "sipp", "-sn", "uas", "-rtp_echo", "-nostdin", "-m", "1",
        "-i", "127.0.0.1", "-p", str(sip_port), "-mi", "127.0.0.1", "-mp", str(rtp_port),
    ]  # fmt: skip
    with (tmp_path / "sipp.log").open("wb") as log:
        sipp = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=log)
    try:
        deadline = time.monotonic() + 5
        while _udp_port_free(sip_port) and sipp.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        if sipp.poll() is not None:
            pytest.fail(f"sipp exited ({sipp.returncode}): {(tmp_path / 'sipp.log').read_text()[-500:]}")
        yield sip_port
    finally:
        sipp.terminate()
        try:
            sipp.wait(5)
        except subprocess.TimeoutExpired:
            sipp.kill()
            sipp.wait(5)


def run_probe(pulse: PulseServer, workdir: Path, *args: str) -> dict[str, Any]:
    """Run tests/telephony/headset_probe.py against `pulse`; its JSON result, after checking it exited 0."""
    command = [sys.executable, "-m", "tests.telephony.headset_probe", "--fifo", str(pulse.mic_fifo)]
    command += ["--monitor", pulse.monitor, "--workdir", str(workdir), *args]
    try:
        done = subprocess.run(command, cwd=ROOT, env=pulse.env, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"the probe hung: {exc.stderr!r}")
    lines = [line for line in done.stdout.splitlines() if line.startswith("HEADSET_PROBE ")]
    assert lines, f"no result (exit {done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    result: dict[str, Any] = json.loads(lines[-1].removeprefix("HEADSET_PROBE "))
    # Exit 0 means the scenario ran and the pjsua2 teardown did not abort.
    assert done.returncode == 0, f"exit {done.returncode}: {result}\n{done.stderr[-3000:]}"
    return result


@pytest.mark.slow
def test_a_tone_said_into_the_microphone_comes_back_in_the_earpiece_through_a_call(
    pulse: PulseServer, echo_peer: int, tmp_path: Path
) -> None:
    result = run_probe(pulse, tmp_path, "echo", "--sip-port", str(echo_peer))
    report = json.dumps(result, indent=1)  # the whole run, in every failure message
    assert result["recording"], report

    # Before the call the bridge hears the tone, yet nothing of it reaches the earpiece: what the
    # earpiece plays later can only have come through the call.
    assert result["microphone_heard"], report
    assert result["before_call"]["tone_700"] < -60, report

    # In the call: the tone went to the peer and came back to the earpiece, without gaps.
    assert result["confirmed"], report
    assert result["media_connections"] >= 1, report
    assert result["echo_heard"], report
    in_call = result["in_call"]
    assert abs(in_call["frequency"] - TONE_HZ) <= 15, report
    assert in_call["level"] > -40, report
    # A bridge that alternated sound and silence would still show 700 Hz: count the silent 10 ms
    # blocks (of 51), with some slack for a loaded machine.
    assert in_call["quiet_10ms_blocks"] <= 5, report

    # Muted, the peer got silence (its echo is silent) while the microphone level still shows the tone.
    assert result["mute_heard"], report
    assert result["muted"]["tone_700"] < -60, report
    assert result["muted_microphone_level"] > -30, report

    stats = result["stats"]
    assert stats["frames_out"] > 0, report
    assert stats["frames_in"] > 0, report
    assert stats["callback_errors"] == 0, report
    assert result["call_errors"] == [], report
    assert result["device_changes"] == [], report


@pytest.mark.slow
def test_the_headset_follows_a_usb_headset_unplugged_plugged_back_and_failing(
    pulse: PulseServer, echo_peer: int, tmp_path: Path
) -> None:
    result = run_probe(pulse, tmp_path, "hotplug", "--sip-port", str(echo_peer))
    report = json.dumps(result, indent=1)  # the whole run, in every failure message
    assert result["recording"], report
    assert result["usb_listed"], report
    assert result["on_usb"] == ["usb_mic", "usb_ear"], report
    assert result["confirmed"], report
    # On the USB headset, nothing reaches the default sink.
    assert result["usb_phase"]["tone_700"] < -60, report

    # Unplugged mid-call: the default microphone (the tone) and earpiece take over, and the operator is told.
    assert result["after_unplug"] == ["mic", "headset"], report
    fallback = result["fallback_phase"]
    assert abs(fallback["frequency"] - TONE_HZ) <= 15, report
    assert fallback["level"] > -40, report
    gone = [m for m in result["device_changes"] if "is gone" in m]
    assert len(gone) == 2, report
    assert gone[0].startswith("Microphone") and gone[1].startswith("Earpiece"), report

    # Plugged back: the bridge returns to it (and the default sink is silent again).
    assert result["after_replug"] == ["usb_mic", "usb_ear"], report
    assert result["replug_phase"]["tone_700"] < -60, report
    assert len([m for m in result["device_changes"] if "back on" in m]) == 2, report

    # Chosen again while it no longer works (Qt still lists it): reopened once, then the default takes over.
    assert result["after_failure"] == ["mic", "headset"], report
    assert result["stats"]["reopens"] == 2, report
    assert len([m for m in result["device_changes"] if "reopened" in m]) == 2, report
    assert len([m for m in result["device_changes"] if "failed again" in m]) == 2, report

    assert result["stats"]["callback_errors"] == 0, report
    assert result["call_errors"] == [], report


@pytest.mark.slow
def test_without_any_sound_device_a_call_still_runs_through_the_bridge(
    pulse: PulseServer, echo_peer: int, tmp_path: Path
) -> None:
    result = run_probe(pulse, tmp_path, "no-device", "--sip-port", str(echo_peer))
    report = json.dumps(result, indent=1)  # the whole run, in every failure message
    assert result["devices"] == [None, None], report
    assert result["confirmed"], report
    stats = result["stats"]
    assert stats["frames_out"] >= 25, stats  # silence sent to the peer
    assert stats["frames_in"] > 0, stats  # its audio received, then dropped
    assert stats["underruns"] == 0, stats  # no microphone is not a fault
    assert stats["overflows"] == 0, report
    assert stats["callback_errors"] == 0, report
    assert result["call_errors"] == [], report
