"""Registration to the station's PBX, against a SIPp registrar that checks digest credentials."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.sipp import SCENARIOS, start_sipp

REPO = Path(__file__).resolve().parents[2]


def register(registrar: str, password: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "tests.telephony.registration_probe", "--registrar", registrar,
         "--user", "desk1", "--password", password],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr  # and no abort at exit
    return result.stdout.splitlines()


@pytest.mark.parametrize(
    ("password", "final"), [("s3cret", "registered 200"), ("wrong", "failed 403 Forbidden")]
)
def test_registration_answers_the_challenge_and_reports_the_outcome(
    tmp_path: Path, password: str, final: str
) -> None:
    registrar = start_sipp(tmp_path, ["-sf", str(SCENARIOS / "registrar_digest.xml")])
    try:
        states = register(f"sip:127.0.0.1:{registrar.port}", password)
    finally:
        registrar.stop()
    assert states[0].startswith("registering sip:127.0.0.1")
    assert any(line.startswith(final) for line in states), states
    assert "Authorization: Digest" in registrar.message_log()  # the challenge was answered
