"""Calls and their records together: an incoming call linked to the site's open alarm, and a
console killed mid-recording whose call is repaired, hashed and linked at the next start."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
import wave
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from console.domain.calls import CallDirection, CallEnd, CallEventKind, CallPurpose
from console.domain.journal import JournalAction
from console.services.alarm_desk import AlarmDesk
from console.services.call_keeper import CallKeeper
from console.services.call_log import CallLog
from console.storage import alarms as alarm_store
from console.storage.engine import Database
from console.storage.sites import NewContact, add_contact, add_transmitter, ensure_site
from console.telephony.tone import measure_tone, read_wav_samples, tone_segments
from tests.factories import add_operator_to, cid
from tests.sipp import pump_until, start_sipp

REPO = Path(__file__).resolve().parents[2]


def add_site_called_by_sipp(db: Database) -> int:
    """A site whose contact is SIPp's default caller (From: sip:sipp@127.0.0.1)."""
    with db.write() as session:
        site, _ = ensure_site(session, "LYO-0042", "Bijouterie")
        add_transmitter(session, site, "4A21", line="1")
        add_contact(session, site, 1, NewContact("Gardien", sip_uri="sip:sipp@127.0.0.1"))
        session.flush()
        assert site.id is not None
        return site.id


def open_alarm(db: Database) -> int:
    now = datetime.now(UTC)
    return AlarmDesk(db).ingest([cid(130, zone=2, at=now)]).new_alarm_ids[0]


def readable_wav(path: Path) -> bool:
    try:
        with wave.open(str(path), "rb") as wav:
            return wav.getnframes() > 0
    except (wave.Error, EOFError):
        return False


@pytest.fixture
def keeper(phone_bridge: Any, sqlite_db: Database) -> Iterator[CallKeeper]:
    keeper = CallKeeper(CallLog(sqlite_db, "test-desk"), add_operator_to(sqlite_db, "amelie"))
    phone_bridge.add_listener(keeper)
    yield keeper
    # a recording released at the test's end is fingerprinted a media tick later: to this keeper
    pump_until(phone_bridge, lambda: not phone_bridge.engine.recordings_settling, timeout=5)
    phone_bridge.remove_listener(keeper)


def test_an_incoming_call_is_linked_to_the_open_alarm_and_its_speech_recorded(
    phone_bridge: Any, keeper: CallKeeper, sqlite_db: Database, tmp_path: Path
) -> None:
    site_id = add_site_called_by_sipp(sqlite_db)
    alarm_id = open_alarm(sqlite_db)
    incoming: list[int] = []
    phone_bridge.call_created.connect(lambda handle, direction, *_: incoming.append(handle))
    caller = start_sipp(
        tmp_path,
        ["-sn", "uac_pcap"],
        remote=f"127.0.0.1:{phone_bridge.engine.sip_port}",
        extra=["-s", "console"],
    )
    assert pump_until(phone_bridge, lambda: bool(incoming))
    handle = incoming[0]
    phone_bridge.answer(handle)
    record_id = keeper.record_id(handle)
    assert record_id is not None
    assert pump_until(
        phone_bridge,
        lambda: getattr(keeper.call_log.get(record_id), "recording_sha256", None) is not None,
        30,
    )
    assert caller.wait() == 0, caller.output()

    record = keeper.call_log.get(record_id)
    assert record is not None
    assert (record.direction, record.purpose) == (CallDirection.INCOMING, CallPurpose.INCOMING)
    assert (record.site_id, record.alarm_id) == (site_id, alarm_id)
    assert record.end_status is CallEnd.COMPLETED
    assert record.answered_at is not None and record.ended_at is not None
    assert record.duration_s is not None and record.duration_s > 5  # the pcap holds ~9 s of speech
    path = Path(record.recording_path or "")
    assert record.recording_size == path.stat().st_size
    assert record.recording_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()

    # Speech, not silence and not a tone: loud enough, and its energy spread over many frequencies.
    samples, rate = read_wav_samples(path, start_s=1.0, length_s=4.0)
    heard = measure_tone(samples, rate)
    assert heard.level_dbfs > -40
    assert heard.tone_share < 0.5

    # The alarm's journal shows the call's events at their times.
    with sqlite_db.read() as session:
        entries = alarm_store.journal_for_alarm(session, alarm_id)
    actions = [e.action for e in entries]
    for action in (JournalAction.CALL_RECEIVED, JournalAction.CALL_ANSWERED, JournalAction.CALL_ENDED):
        assert action in actions
    answered = next(e for e in entries if e.action == JournalAction.CALL_ANSWERED)
    assert answered.at == record.answered_at
    assert [e.kind for e in record.events][:2] == [CallEventKind.CREATED, CallEventKind.RINGING]


def test_a_console_killed_mid_recording_leaves_a_file_repaired_hashed_and_linked_at_the_next_start(
    sqlite_db: Database, tmp_path: Path
) -> None:
    site_id = add_site_called_by_sipp(sqlite_db)
    alarm_id = open_alarm(sqlite_db)
    echo = start_sipp(tmp_path / "echo", ["-sn", "uas"], extra=["-rtp_echo"])
    probe = subprocess.Popen(
        [
            sys.executable, "-m", "tests.telephony.crash_probe",
            "--db", str(sqlite_db.engine.url), "--recordings", str(tmp_path / "recordings"),
            "--uri", echo.uri, "--site", str(site_id), "--workstation", "crashed-desk",
        ],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )  # fmt: skip
    try:
        assert probe.stdout is not None
        line = probe.stdout.readline()
        assert line.startswith("RECORDING "), line + (probe.stderr.read() if probe.stderr else "")
        recording = Path(line.split(" ", 1)[1].strip())
        time.sleep(3.0)  # three seconds of tone on disk, then the console dies
        kill_at = time.monotonic()
        probe.send_signal(signal.SIGKILL)
        probe.wait(timeout=10)
    finally:
        if probe.poll() is None:
            probe.kill()
        echo.stop()

    assert not readable_wav(recording)  # the writer died before writing its header
    assert time.monotonic() - kill_at < 5

    repaired = CallLog(sqlite_db, "crashed-desk").repair_interrupted(datetime.now(UTC))
    assert len(repaired) == 1
    record = repaired[0]
    assert record.end_status is CallEnd.INTERRUPTED
    assert (record.site_id, record.alarm_id) == (site_id, alarm_id)
    assert record.recording_sha256 == hashlib.sha256(recording.read_bytes()).hexdigest()
    with wave.open(str(recording), "rb") as wav:
        seconds = wav.getnframes() / wav.getframerate()
    assert seconds >= 2.0  # at most the last second lost
    samples, rate = read_wav_samples(recording)
    windows = tone_segments(samples, rate, 1000)
    assert sum(windows) * 0.02 >= 1.8
    # Another workstation's open calls are not its to repair.
    assert CallLog(sqlite_db, "other-desk").repair_interrupted(datetime.now(UTC)) == []
