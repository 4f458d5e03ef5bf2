"""`vigie selftest` as a technician runs it: against a real echo (SIPp) and a real receiver."""

from __future__ import annotations

import json
from pathlib import Path

from console.storage.engine import Database
from tests.cli.test_cli import vigie
from tests.receiver.test_server_durability import ReceiverProcess
from tests.sipp import free_udp_port, start_sipp


def lines_by_check(stdout: str) -> dict[str, str]:
    """{"echo tone": "PASS", ...} from the PASS/FAIL lines."""
    verdicts = {}
    for line in stdout.splitlines():
        verdict, _, rest = line.partition(" ")
        verdicts[rest.split(":", 1)[0]] = verdict
    return verdicts


def test_every_check_passes_and_the_test_call_is_kept_in_the_call_log(
    sqlite_db: Database, tmp_path: Path
) -> None:
    url = str(sqlite_db.engine.url)
    echo = start_sipp(tmp_path / "echo", ["-sn", "uas"], extra=["-rtp_echo"])
    receiver = ReceiverProcess(url, tmp_path / "receiver.log")
    try:
        result = vigie(
            "selftest", "--db", url, "--echo-uri", echo.uri, "--recordings", str(tmp_path / "rec"),
            "--sip-bind", "127.0.0.1", "--receiver", f"127.0.0.1:{receiver.tcp_port}",
        )  # fmt: skip
    finally:
        receiver.terminate()
        echo.stop()
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines_by_check(result.stdout) == {
        "database": "PASS",
        "echo call": "PASS",
        "echo tone": "PASS",
        "recording": "PASS",
        "receiver": "PASS",
    }
    assert "heard 1000 Hz" in result.stdout

    calls = [json.loads(line) for line in vigie("calls", "--db", url).stdout.splitlines()]
    assert len(calls) == 1
    assert calls[0]["purpose"] == "selftest"
    assert calls[0]["end_status"] == "completed"
    assert calls[0]["recording_sha256"] in result.stdout


def test_a_peer_that_does_not_echo_fails_the_tone_and_an_absent_receiver_fails_too(
    sqlite_db: Database, tmp_path: Path
) -> None:
    url = str(sqlite_db.engine.url)
    silent = start_sipp(tmp_path / "silent", ["-sn", "uas"])  # answers, sends nothing back
    try:
        result = vigie(
            "selftest", "--db", url, "--echo-uri", silent.uri, "--recordings", str(tmp_path / "rec"),
            "--sip-bind", "127.0.0.1", "--receiver", f"127.0.0.1:{free_udp_port()}", "--timeout", "3",
        )  # fmt: skip
    finally:
        silent.stop()
    assert result.returncode == 1
    verdicts = lines_by_check(result.stdout)
    assert verdicts["echo call"] == "PASS"
    assert verdicts["echo tone"] == "FAIL"
    assert verdicts["receiver"] == "FAIL"
    assert "Traceback" not in result.stderr


def test_an_unreachable_database_fails_first_and_clearly(tmp_path: Path) -> None:
    result = vigie(
        "selftest", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "--echo-uri", "sip:echo@127.0.0.1:9",
        "--recordings", str(tmp_path / "rec"),
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stdout.startswith("FAIL database: unreachable")
    assert "FAIL telephone" in result.stdout
