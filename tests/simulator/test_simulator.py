"""The panel simulator: signals back into payloads, retries like a transmitter, and real receivers.

The interoperability tests run `vigie simulate` as a process against pysiaalarm (the DC-09 receiver
Home Assistant uses) and against `vigie receive`, and compare what the simulator says was
acknowledged with what each receiver recorded.
"""

from __future__ import annotations

import asyncio
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pysiaalarm import SIAAccount, SIAEvent
from pysiaalarm.aio import SIAClient
from pysiaalarm.utils import CommunicationsProtocol

from console.cli import SIMULATION_SCENARIOS, build_parser
from console.cli import main as vigie_main
from console.domain.signals import Signal, contact_id_signal, sia_signal
from console.receiver.codec import (
    Frame,
    build_ack,
    build_duh,
    build_nak,
    parse_frame,
)
from console.receiver.payloads import frame_signals
from console.simulator import (
    SCENARIO_NAMES,
    Message,
    SimulatorConfig,
    TargetUnreachable,
    Traffic,
    link_test_payload,
    make_panels,
    payload_frame,
    run_simulation,
    signal_payload,
)
from console.simulator.transport import answer_filter

REPO = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 3, 4, 10, 11, 12, tzinfo=UTC)
KEY = bytes(range(16))
KEY_256 = bytes(range(32))
# pysiaalarm takes the key's text as the AES key bytes: this string, hex-encoded, for the simulator.
PYSIA_KEY_TEXT = "0123456789ABCDEF"
TIMEOUT_S = 60


def vigie(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "console", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        timeout=TIMEOUT_S,
    )


def read_log(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --------------------------------------------------------------------------------------------
# Signal -> payload -> frame -> receiver's payload reader
# --------------------------------------------------------------------------------------------


def cid(qualifier: str, code: str, partition: int | None, zone: int | None) -> Signal:
    return contact_id_signal(
        received_at=NOW, account="10000A", qualifier=qualifier, code=code, partition=partition, zone=zone
    )


def sia(code: str, zone: int | None, partition: int | None) -> Signal:
    return sia_signal(received_at=NOW, account="10000A", code=code, zone=zone, partition=partition)


ROUND_TRIPS = [
    cid("1", "130", 1, 3),
    cid("3", "301", 2, 0),
    cid("6", "137", 99, 999),
    cid("1", "401", 1, 7),  # opening by user 7
    sia("BA", 2, 1),
    sia("BR", 123, 3),  # restore code: the qualifier comes from the code
    sia("RP", None, 1),
    sia("FA", 6, None),
]


def round_trip(signal: Signal, key: bytes | None) -> Signal:
    raw = payload_frame(signal_payload(signal), 42, timestamp=NOW, key=key)
    frame = parse_frame(raw, lambda account, line: key, now=NOW)
    assert frame.encrypted is (key is not None)
    (back,) = frame_signals(frame, NOW)
    return back


@pytest.mark.parametrize("key", [None, KEY, KEY_256], ids=["plain", "aes128", "aes256"])
@pytest.mark.parametrize("signal", ROUND_TRIPS, ids=lambda s: f"{s.protocol}-{s.event.code}")
def test_signal_round_trips_through_the_receivers_payload_reader(signal: Signal, key: bytes | None) -> None:
    back = round_trip(signal, key)
    assert (back.protocol, back.account, back.sequence) == (signal.protocol, signal.account, 42)
    assert (back.event.code, back.qualifier, back.zone) == (signal.event.code, signal.qualifier, signal.zone)
    assert back.partition == signal.partition


@given(
    qualifier=st.sampled_from(["1", "3", "6"]),
    code=st.integers(100, 999).map(str),
    partition=st.integers(0, 99),
    zone=st.integers(0, 999),
)
def test_any_contact_id_signal_round_trips(qualifier: str, code: str, partition: int, zone: int) -> None:
    signal = cid(qualifier, code, partition, zone)
    back = round_trip(signal, None)
    assert (back.event.code, back.qualifier, back.partition, back.zone) == (
        code,
        signal.qualifier,
        partition,
        zone,
    )


def test_payload_text_is_what_panels_send() -> None:
    assert signal_payload(cid("3", "130", 1, 3)).data == "#10000A|3130 01 003"
    assert signal_payload(cid("1", "602", None, None)).data == "#10000A|1602 00 000"
    assert signal_payload(sia("BA", 2, 1)).data == "#10000A|Nri1/BA02"
    assert signal_payload(sia("RP", None, None)).data == "#10000A|NRP"
    assert link_test_payload("10000a").data == "" and link_test_payload("10000a").account == "10000A"
    link_test = payload_frame(link_test_payload("10000A"), 7, timestamp=NOW, key=KEY)
    frame = parse_frame(link_test, lambda account, line: KEY, now=NOW)
    assert (frame.id, frame.sequence, frame.line, frame.receiver, frame_signals(frame, NOW)) == (
        "NULL", 7, "1", "0", []
    )  # fmt: skip


@pytest.mark.parametrize("signal", [cid("1", "130", 100, 1), cid("1", "130", 1, 1000), sia("BA", -1, 1)])
def test_fields_that_do_not_fit_are_refused_not_truncated(signal: Signal) -> None:
    with pytest.raises(ValueError):
        signal_payload(signal)


# --------------------------------------------------------------------------------------------
# Panels and traffic
# --------------------------------------------------------------------------------------------


def test_panels_count_up_in_hex_and_alternate_protocols() -> None:
    panels = make_panels(12, "100001")
    assert [p.account for p in panels[8:12]] == ["100009", "10000A", "10000B", "10000C"]
    assert [p.site.protocol for p in panels[:3]] == ["ADM-CID", "SIA-DCS", "ADM-CID"]
    assert {p.site.protocol for p in make_panels(3, "100001", "SIA-DCS")} == {"SIA-DCS"}
    assert len(panels[0].site.zones) == 8


def test_sequence_numbers_wrap_from_9999_to_0001() -> None:
    (panel,) = make_panels(1, "100001")
    assert [panel.next_sequence() for _ in range(2)] == [1, 2]
    panel.sequence = 9998
    assert [panel.next_sequence() for _ in range(3)] == [9999, 1, 2]


@pytest.mark.parametrize("scenario", SCENARIO_NAMES)
def test_every_scenario_gives_frames_the_receiver_reads(scenario: str) -> None:
    panels = make_panels(4, "100001")
    traffic = Traffic(panels, scenario, seed=7)
    for _ in range(60):
        message = traffic.next()
        raw = payload_frame(message.payload, message.panel.next_sequence(), timestamp=NOW)
        signals = frame_signals(parse_frame(raw, lambda account, line: None, now=NOW), NOW)
        if scenario == "null":
            assert message.signal is None and signals == []
            continue
        assert message.signal is not None
        (back,) = signals
        assert back.account == message.panel.account
        assert back.protocol.value == message.panel.site.protocol
        assert (back.event.code, back.zone) == (message.signal.event.code, message.signal.zone)


def test_intrusion_walk_crosses_zones_of_one_panel_in_order() -> None:
    def zone(message: Message) -> int:
        assert message.signal is not None and message.signal.zone is not None
        return message.signal.zone

    traffic = Traffic(make_panels(3, "100001", "ADM-CID"), "intrusion_walk", seed=3)
    walk = [traffic.next()]
    while (step := traffic.next()).panel is walk[0].panel and zone(step) > zone(walk[-1]):
        walk.append(step)
    assert len(walk) >= 2  # a walk crosses at least two detectors
    assert {m.payload.data[8:12] for m in walk} <= {"1130", "1134"}  # burglary, entry at the door


def test_same_seed_same_traffic() -> None:
    def codes(seed: int) -> list[str]:
        traffic = Traffic(make_panels(5, "100001"), "mixed", seed=seed)
        return [traffic.next().payload.data for _ in range(50)]

    assert codes(11) == codes(11)


def test_cli_offers_exactly_the_simulator_scenarios() -> None:
    assert SIMULATION_SCENARIOS == SCENARIO_NAMES
    args = build_parser().parse_args(["simulate", "--to", "127.0.0.1:9000"])
    assert (args.accounts, args.first_account, args.protocol, args.scenario, args.retries) == (
        10, "100001", "mixed", "mixed", 5
    )  # fmt: skip


# --------------------------------------------------------------------------------------------
# Answers and retries, against a scripted receiver
# --------------------------------------------------------------------------------------------


def test_answer_filter_takes_our_ack_and_skips_others() -> None:
    frame = parse_frame(
        payload_frame(link_test_payload("100001"), 5, timestamp=NOW), lambda a, line: None, now=NOW
    )
    accept = answer_filter(5, "100001", None)
    assert accept(build_ack(frame, None, now=NOW)) is not None
    assert accept(build_ack(replace(frame, sequence=4), None, now=NOW)) is None  # a late ACK of another frame
    assert accept(build_ack(replace(frame, account="100002"), None, now=NOW)) is None
    assert accept(build_nak(now=NOW)) is not None
    nak = build_nak(now=NOW)
    assert accept(nak[:1] + (b"0000" if nak[1:5] != b"0000" else b"0001") + nak[5:]) is None  # bad CRC
    assert accept(build_duh(None)) is not None and accept(build_duh(frame)) is not None
    encrypted = parse_frame(
        payload_frame(link_test_payload("100001"), 5, timestamp=NOW, key=KEY), lambda a, line: KEY, now=NOW
    )
    assert answer_filter(5, "100001", KEY)(build_ack(encrypted, KEY, now=NOW)) is not None
    assert answer_filter(5, "100001", bytes(16))(build_ack(encrypted, KEY, now=NOW)) is None  # wrong key


class ScriptedReceiver:
    """A TCP receiver whose n-th frame gets the n-th scripted reaction: "drop", "nak+1h", "duh", "ack"."""

    def __init__(self, script: list[str]) -> None:
        self.script = script
        self.frames: list[Frame] = []
        self.server: asyncio.Server | None = None
        self._connections: list[tuple[asyncio.StreamWriter, asyncio.Task[None]]] = []

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return int(self.server.sockets[0].getsockname()[1])

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._connections.append((writer, task))
        try:
            while True:
                raw = await reader.readuntil(b"\r")
                frame = parse_frame(
                    raw,
                    lambda account, line: None,
                    now=datetime.now(UTC),
                    window_past_s=1e9,
                    window_future_s=1e9,
                )
                self.frames.append(frame)
                action = self.script[len(self.frames) - 1] if len(self.frames) <= len(self.script) else "ack"
                if action == "drop":
                    writer.close()
                    return
                if action == "silent":
                    continue
                if action == "nak+1h":
                    writer.write(build_nak(now=datetime.now(UTC) + timedelta(hours=1)))
                elif action == "duh":
                    writer.write(build_duh(frame))
                else:
                    writer.write(build_ack(frame, None, now=datetime.now(UTC)))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    async def stop(self) -> None:
        """Close the connections and let their handlers end (a handler cancelled with the loop is
        reported by asyncio as a fault)."""
        assert self.server is not None
        self.server.close()
        for writer, _task in self._connections:
            writer.close()
        await asyncio.gather(*(task for _w, task in self._connections), return_exceptions=True)


def run_scripted(script: list[str], frames: int, **options: Any) -> tuple[Any, list[Frame]]:
    async def scenario() -> tuple[Any, list[Frame]]:
        receiver = ScriptedReceiver(script)
        port = await receiver.start()
        config = SimulatorConfig(
            host="127.0.0.1",
            port=port,
            accounts=1,
            rate=50,
            duration_s=frames / 50,
            protocol="ADM-CID",
            scenario="periodic_test",
            timeout_s=0.5,  # loopback answers take milliseconds; silence costs this much per try
            nak_delay_s=0.01,
            seed=1,
            **options,
        )
        summary = await run_simulation(config)
        await receiver.stop()
        return summary, receiver.frames

    return asyncio.run(scenario())


def test_lost_connection_and_silence_resend_the_same_frame_with_the_same_sequence() -> None:
    summary, frames = run_scripted(["drop", "silent", "ack", "ack"], frames=2)
    assert summary.as_dict() | {"p50_ms": None, "p99_ms": None, "rate": None} == {
        "sent": 2, "acked": 2, "nak": 0, "duh": 0, "unanswered": 0, "retries": 2,
        "p50_ms": None, "p99_ms": None, "rate": None,
    }  # fmt: skip
    assert [f.sequence for f in frames] == [1, 1, 1, 2]
    assert len({f.data for f in frames[:3]}) == 1


def test_nak_with_timestamp_sets_the_panel_clock_and_resends_duh_gives_up() -> None:
    summary, frames = run_scripted(["nak+1h", "ack", "duh", "ack"], frames=3)
    assert (summary.sent, summary.acked, summary.duh, summary.retries) == (3, 2, 1, 1)
    assert [f.sequence for f in frames] == [1, 1, 2, 3]
    assert frames[0].timestamp is not None and frames[1].timestamp is not None
    assert frames[1].timestamp - frames[0].timestamp > timedelta(minutes=59)  # took the receiver's time


def test_nak_after_nak_is_a_refusal() -> None:
    summary, frames = run_scripted(["nak+1h"] * 4, frames=1, nak_retries=3)
    assert (summary.sent, summary.acked, summary.nak, summary.retries, len(frames)) == (1, 0, 1, 3, 4)


def test_a_receiver_that_never_answers_leaves_frames_unanswered() -> None:
    summary, frames = run_scripted(["silent"] * 100, frames=1, retries=1)
    assert (summary.sent, summary.unanswered, summary.retries, len(frames)) == (1, 1, 1, 2)


def test_nothing_listening_is_unreachable() -> None:
    config = SimulatorConfig(host="127.0.0.1", port=1, accounts=2, rate=10, duration_s=1)
    with pytest.raises(TargetUnreachable, match="Connection refused"):
        asyncio.run(run_simulation(config))


# --------------------------------------------------------------------------------------------
# Interoperability: pysiaalarm
# --------------------------------------------------------------------------------------------


async def _pysiaalarm_run(
    args: list[str], accounts: list[SIAAccount]
) -> tuple[subprocess.CompletedProcess[str], list[SIAEvent]]:
    events: list[SIAEvent] = []

    async def on_event(event: SIAEvent) -> None:
        events.append(event)

    # TCP only: on Python 3.11 pysiaalarm's UDP server never answers (its connection_made asserts
    # the transport is an asyncio.DatagramTransport, which the selector transport is not).
    client = SIAClient("127.0.0.1", 0, accounts, on_event, protocol=CommunicationsProtocol.TCP)  # type: ignore[abstract]
    await client.async_start()
    port = client.server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "console",
        "simulate",
        "--to",
        f"127.0.0.1:{port}",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        cwd=REPO,
    )
    out, err = await asyncio.wait_for(process.communicate(), TIMEOUT_S)
    returncode = -1 if process.returncode is None else process.returncode
    result = subprocess.CompletedProcess(["vigie", "simulate", *args], returncode, out.decode(), err.decode())
    # pysiaalarm hands an event to the application after writing its ACK: let the last one through.
    deadline = time.monotonic() + 5
    expected = json.loads(result.stdout)["acked"] if result.returncode == 0 else 0
    while len(events) < expected and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    await asyncio.sleep(0.05)
    await client.async_stop()
    return result, events


_CID_QUALIFIER = {"new": "1", "restore": "3", "status": "6"}


def _pysia_key(event: SIAEvent) -> tuple[str, int, str, int | None]:
    """(account, sequence, code, zone) of an event as pysiaalarm reports it."""
    assert event.account is not None and event.sequence is not None
    if (
        event.message_type is not None
        and getattr(event.message_type, "value", event.message_type) == "ADM-CID"
    ):
        assert event.event_type is not None and event.ri is not None
        return event.account, int(event.sequence), event.event_type, int(event.ri)  # ri: CID zone
    assert event.code is not None
    return event.account, int(event.sequence), event.code, int(event.message) if event.message else None


@pytest.mark.parametrize(
    ("protocol", "key_text"),
    [("ADM-CID", None), ("SIA-DCS", None), ("ADM-CID", PYSIA_KEY_TEXT), ("SIA-DCS", PYSIA_KEY_TEXT)],
    ids=["cid", "sia", "cid-aes", "sia-aes"],
)
def test_pysiaalarm_acknowledges_every_frame_and_reads_what_was_sent(
    tmp_path: Path, protocol: str, key_text: str | None
) -> None:
    log = tmp_path / "acked.jsonl"
    accounts = [SIAAccount(f"{0x100001 + index:06X}", key_text) for index in range(3)]
    args = ["--accounts", "3", "--rate", "20", "--duration", "2", "--protocol", protocol]
    args += ["--seed", "5", "--log", str(log)]
    if key_text is not None:
        args += ["--aes-key", key_text.encode("ascii").hex()]
    result, events = asyncio.run(_pysiaalarm_run(args, accounts))

    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["sent"] == summary["acked"] == 40, summary
    assert summary["nak"] == summary["duh"] == summary["unanswered"] == 0
    lines = read_log(log)
    assert len(lines) == 40
    assert Counter(_pysia_key(event) for event in events) == Counter(
        (line["account"], line["sequence"], line["code"], line["zone"]) for line in lines
    )
    assert all(event.encrypted is (key_text is not None) for event in events)
    if protocol == "ADM-CID":  # pysiaalarm also reads the qualifier digit and the partition
        by_frame = {(line["account"], line["sequence"]): line for line in lines}
        for event in events:
            assert event.sequence is not None
            line = by_frame[(event.account, int(event.sequence))]
            assert (event.event_qualifier, event.partition) == (_CID_QUALIFIER[line["qualifier"]], "01")
    else:
        assert {event.ri for event in events} == {"1"}  # the SIA area


# --------------------------------------------------------------------------------------------
# Interoperability: Vigie's own receiver
# --------------------------------------------------------------------------------------------


class ReceiverProcess:
    """`vigie receive` on free ports; the endpoints are read from its "listening on ..." lines."""

    def __init__(self, db_url: str, stderr_path: Path, udp: bool = False) -> None:
        self._stderr: IO[bytes] = stderr_path.open("wb")
        command = [sys.executable, "-m", "console", "receive", "--db", db_url, "--listen", "127.0.0.1:0"]
        self.process = subprocess.Popen(
            command + (["--udp", "127.0.0.1:0"] if udp else []),
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            cwd=REPO,
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
        )
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, args=(lines,), daemon=True).start()
        self.endpoints: dict[str, int] = {}
        while len(self.endpoints) < (2 if udp else 1):
            line = lines.get(timeout=TIMEOUT_S)
            if line is None:
                raise AssertionError(f"the receiver exited early, see {stderr_path}")
            words = line.split()  # "listening on tcp 127.0.0.1:PORT"
            assert words[:2] == ["listening", "on"], line
            self.endpoints[words[2]] = int(words[3].rsplit(":", 1)[1])

    def _pump(self, lines: queue.Queue[str | None]) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            lines.put(raw.decode().strip())
        lines.put(None)

    def terminate(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=TIMEOUT_S)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=TIMEOUT_S)
        self._stderr.close()


@pytest.fixture
def receiver_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'receiver.sqlite'}"
    assert vigie_main(["db", "init", "--db", url]) == 0
    return url


def assert_logged_frames_stored_once(db_url: str, log: Path) -> None:
    history = vigie("history", "--db", db_url)
    assert history.returncode == 0, history.stderr
    stored = Counter(
        (row["account"], row["sequence"], row["event_code"])
        for row in map(json.loads, history.stdout.splitlines())
    )
    lines = read_log(log)
    assert lines
    missing_or_twice = [
        line for line in lines if stored[(line["account"], line["sequence"], line["code"])] != 1
    ]
    assert missing_or_twice == []


@pytest.mark.parametrize("aes", [False, True], ids=["plain", "aes"])
def test_vigie_receiver_stores_every_acknowledged_frame_once(
    tmp_path: Path, receiver_db: str, aes: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    key = "00112233445566778899AABBCCDDEEFF"
    extra: list[str] = []
    if aes:  # keys are registered before the receiver starts: it reads them at start
        for index in range(10):
            account = f"{0x100001 + index:06X}"
            command = [
                "accounts",
                "add",
                "--db",
                receiver_db,
                "--site",
                f"SIM{account}",
                "--account",
                account,
            ]
            assert vigie_main([*command, "--line", "1", "--aes-key", key]) == 0
        capsys.readouterr()
        extra = ["--aes-key", key]
    receiver = ReceiverProcess(receiver_db, tmp_path / "receiver.err")
    try:
        log = tmp_path / "acked.jsonl"
        to = f"127.0.0.1:{receiver.endpoints['tcp']}"
        result = vigie("simulate", "--to", to, "--accounts", "10", "--rate", "50", "--duration", "2",
                       "--seed", "9", "--log", str(log), *extra)  # fmt: skip
        assert receiver.terminate() == 0
    finally:
        receiver.close()
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["sent"] == summary["acked"] == 100, summary
    assert len(read_log(log)) == 100  # mixed traffic: no link tests, every frame carries a signal
    assert_logged_frames_stored_once(receiver_db, log)


def test_vigie_receiver_over_udp(tmp_path: Path, receiver_db: str) -> None:
    receiver = ReceiverProcess(receiver_db, tmp_path / "receiver.err", udp=True)
    try:
        log = tmp_path / "acked.jsonl"
        to = f"127.0.0.1:{receiver.endpoints['udp']}"
        result = vigie("simulate", "--udp", "--to", to, "--accounts", "4", "--rate", "40", "--duration", "1",
                       "--protocol", "SIA-DCS", "--seed", "2", "--log", str(log))  # fmt: skip
        assert receiver.terminate() == 0
    finally:
        receiver.close()
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["acked"] == 40
    assert_logged_frames_stored_once(receiver_db, log)


# --------------------------------------------------------------------------------------------
# Command line errors
# --------------------------------------------------------------------------------------------


def test_unreachable_target_is_a_one_line_error() -> None:
    result = vigie("simulate", "--to", "127.0.0.1:1", "--accounts", "2", "--rate", "5", "--duration", "1")
    assert result.returncode != 0
    assert result.stdout == "" and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("vigie: cannot reach 127.0.0.1:1")


def test_unwritable_log_is_a_one_line_error(tmp_path: Path) -> None:
    log = tmp_path / "missing" / "acked.jsonl"
    result = vigie("simulate", "--to", "127.0.0.1:1", "--log", str(log))
    assert result.returncode == 1 and result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert line == f"vigie: cannot write {log}: No such file or directory"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--to", "nowhere"], "HOST:PORT"),
        (["--to", "127.0.0.1:9", "--aes-key", "0011"], "32, 48 or 64"),
        (["--to", "127.0.0.1:9", "--rate", "0"], "greater than 0"),
        (["--to", "127.0.0.1:9", "--scenario", "earthquake"], "invalid choice"),
        (["--to", "127.0.0.1:9", "--first-account", "XYZ"], "hexadecimal"),
    ],
)
def test_bad_simulate_arguments_are_one_line_errors(args: list[str], fragment: str) -> None:
    result = vigie("simulate", *args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert fragment in line
