"""The station's self-test: database, telephone (a recorded call to an echo service) and receiver.

Each check gives one PASS/FAIL line a technician reads at the start of a shift. The test call is a
call like any other: recorded, hashed and kept in the call log (purpose "selftest"). The tone is
judged on the far end's audio alone, so a recording that only heard our own tone cannot pass.
"""

from __future__ import annotations

import asyncio
import math
import time
import wave
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from console.domain.calls import CallPurpose
from console.domain.signals import Protocol as Dc09Id
from console.services.call_keeper import CallContext, CallKeeper
from console.services.call_log import CallLog
from console.simulator.encoding import link_test_payload, payload_frame
from console.simulator.transport import LinkError, TcpLink, answer_filter
from console.storage import migrate
from console.storage.engine import Database
from console.telephony.engine import PhoneError, Softphone
from console.telephony.settings import PhoneSettings
from console.telephony.tone import measure_tone, read_wav_samples, samples_of

TONE_HZ = 1000
TONE_SECONDS = 2.0
FREQUENCY_TOLERANCE_HZ = 15
MIN_ECHO_DBFS = -30.0
SELFTEST_ACCOUNT = "FFFF"  # the link test's account: not a customer's


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    passed: bool
    detail: str

    def line(self) -> str:
        return f"{'PASS' if self.passed else 'FAIL'} {self.name}: {self.detail}"


@dataclass(frozen=True, slots=True)
class SelftestOptions:
    db_url: str
    echo_uri: str
    recordings_dir: Path
    receiver: tuple[str, int] | None = None
    bind_host: str = "0.0.0.0"
    sip_port: int = 0
    workstation: str = "selftest"
    timeout_s: float = 10.0


def run_selftest(options: SelftestOptions, report: Callable[[Check], None]) -> list[Check]:
    """Run every check, reporting each as it completes; returns them all."""
    checks: list[Check] = []

    def done(check: Check) -> Check:
        checks.append(check)
        report(check)
        return check

    db = _check_database(options, done)
    if db is not None:
        try:
            _check_telephone(options, db, done)
        finally:
            db.dispose()
    else:
        done(Check("telephone", False, "not tested: the call log needs the database"))
    if options.receiver is not None:
        done(_check_receiver(*options.receiver, timeout_s=options.timeout_s))
    return checks


def _check_database(options: SelftestOptions, done: Callable[[Check], Check]) -> Database | None:
    try:
        db = Database.from_url(options.db_url)
        current = migrate.current_revision(db.engine)
    except Exception as exc:
        done(Check("database", False, f"unreachable: {exc}"))
        return None
    head = migrate.head_revision()
    if current != head:
        done(Check("database", False, f"schema at {current}, expected {head}: run `vigie db init`"))
        db.dispose()
        return None
    done(Check("database", True, f"{db.engine.url.render_as_string(hide_password=True)}, schema {current}"))
    return db


def _check_telephone(options: SelftestOptions, db: Database, done: Callable[[Check], Check]) -> None:
    keeper = CallKeeper(CallLog(db, options.workstation), None)
    settings = PhoneSettings(
        recordings_dir=options.recordings_dir, bind_host=options.bind_host, sip_port=options.sip_port
    )
    phone = Softphone(settings, keeper)
    try:
        phone.start()
    except PhoneError as exc:
        done(Check("sip", False, str(exc)))
        return
    try:
        _echo_call(phone, options, done)
    finally:
        phone.shutdown()
    record_id = max(keeper.record_ids(), default=None)  # the test call's record
    record = keeper.call_log.get(record_id) if record_id is not None else None
    if record is None or not keeper.flush():
        done(Check("call log", False, keeper.last_error or "the test call has no record"))
        return
    done(_check_recording(record.recording_path, record.recording_sha256, record.id))


def _echo_call(phone: Softphone, options: SelftestOptions, done: Callable[[Check], Check]) -> None:
    started = time.monotonic()
    try:
        handle = phone.place_call(options.echo_uri, CallContext(CallPurpose.SELFTEST))
    except PhoneError as exc:
        done(Check("echo call", False, str(exc)))
        return
    phone.capture_far_end(handle)

    def pump_until(condition: Callable[[], bool], timeout_s: float) -> bool:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            phone.handle_events()
            if condition():
                return True
            time.sleep(0.005)
        return condition()

    def live() -> bool:
        return phone.find(handle) is not None

    answered = pump_until(lambda: not live() or phone.call(handle).audio is not None, options.timeout_s)
    if not answered or not live():
        done(Check("echo call", False, f"{options.echo_uri} did not answer within {options.timeout_s:g} s"))
        return
    done(
        Check(
            "echo call", True, f"{options.echo_uri} answered in {(time.monotonic() - started) * 1000:.0f} ms"
        )
    )
    phone.play_tone(handle, TONE_HZ)
    pump_until(lambda: not live(), TONE_SECONDS + 0.5)
    echoed = phone.far_end_capture(handle) if live() else b""
    if live():
        phone.hangup(handle)
    pump_until(lambda: not live(), 3.0)
    pump_until(lambda: False, 0.3)  # the recording's header and its fingerprint
    done(_judge_echo(echoed))


def _judge_echo(echoed: bytes) -> Check:
    samples = samples_of(echoed[int(0.5 * 16000) * 2 :])  # past the echo's start-up
    if len(samples) < 1600:
        return Check("echo tone", False, "the call ended before the tone came back")
    heard = measure_tone(samples, 16000)
    detail = f"sent {TONE_HZ} Hz, heard {heard.frequency_hz:.0f} Hz at {heard.level_dbfs:.1f} dBFS"
    ok = abs(heard.frequency_hz - TONE_HZ) <= FREQUENCY_TOLERANCE_HZ and heard.level_dbfs >= MIN_ECHO_DBFS
    if heard.level_dbfs == -math.inf:
        detail = "silence came back"
    return Check("echo tone", ok, detail)


def _check_recording(path_text: str | None, sha256: str | None, record_id: int) -> Check:
    if not path_text:
        return Check("recording", False, f"call #{record_id} was not recorded")
    path = Path(path_text)
    try:
        with wave.open(str(path), "rb") as wav:
            seconds = wav.getnframes() / wav.getframerate()
        samples, rate = read_wav_samples(path, start_s=0.5, length_s=1.0)
    except (OSError, wave.Error, EOFError, ValueError) as exc:
        return Check("recording", False, f"{path}: {exc}")
    tone = measure_tone(samples, rate)
    ok = sha256 is not None and abs(tone.frequency_hz - TONE_HZ) <= FREQUENCY_TOLERANCE_HZ
    return Check(
        "recording",
        ok,
        f"call #{record_id}, {seconds:.1f} s, tone {tone.frequency_hz:.0f} Hz, sha256 {sha256 or 'missing'}",
    )


def _check_receiver(host: str, port: int, timeout_s: float) -> Check:
    frame = payload_frame(link_test_payload(SELFTEST_ACCOUNT), 1, timestamp=datetime.now(UTC))

    async def exchange() -> str:
        link = TcpLink(host, port)
        try:
            response = await link.exchange(frame, answer_filter(1, SELFTEST_ACCOUNT, None), timeout_s)
        finally:
            link.shutdown()
        return response.id

    started = time.monotonic()
    try:
        answer = asyncio.run(exchange())
    except LinkError as exc:
        return Check("receiver", False, f"{host}:{port}: {exc}")
    elapsed = (time.monotonic() - started) * 1000
    return Check(
        "receiver",
        answer == "ACK",
        f"{host}:{port} answered {Dc09Id.NULL.value} link test with {answer} in {elapsed:.0f} ms",
    )
